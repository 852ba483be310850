"""The advice engine: one entry point for Telegram, the terminal and the command line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.advice.composer import answer_from_cards, compose, full_checklist, out_of_scope
from bot.advice.language import detect_language
from bot.advice.models import Answer, Retriever
from bot.errors import EmptyQuestionError
from bot.i18n import Lang
from bot.kb import KnowledgeBase


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    lang: Lang | None = None  # None: the language the question is written in
    default_lang: Lang = "en"  # when the text gives no clue (emoji, "ok")


# Long pastes carry their point early; embedding 10,000 characters costs time and adds noise.
MAX_QUESTION_CHARS = 1_000
SEARCH_K = 6


class AdviceEngine:
    def __init__(self, kb: KnowledgeBase, retriever: Retriever) -> None:
        self.kb = kb
        self.retriever = retriever

    def ask(self, question: str, lang: Lang | None = None, default_lang: Lang = "en") -> Answer:
        """Answer `question` in `lang`, or in the language it is written in (else `default_lang`)."""
        return self.ask_many([Question(question, lang, default_lang)])[0]

    def ask_many(self, questions: Sequence[Question]) -> list[Answer]:
        """Answer several questions with one batched search; EmptyQuestionError if any is empty."""
        texts = [" ".join(q.text.split()) for q in questions]
        if not all(texts):
            raise EmptyQuestionError()
        kb = self.kb  # one knowledge base for the whole batch, even if a refresh swaps it meanwhile
        langs = [
            q.lang or detect_language(text, default=q.default_lang) for q, text in zip(questions, texts, strict=True)
        ]
        # Emoji or punctuation only: nothing to look up.
        searchable = [i for i, text in enumerate(texts) if any(ch.isalnum() for ch in text)]
        found = self.retriever.search_many([texts[i][:MAX_QUESTION_CHARS] for i in searchable], k=SEARCH_K)
        hits = dict(zip(searchable, found, strict=True))
        return [
            compose(text, lang, hits[i], kb) if i in hits else out_of_scope(text, lang, kb.version)
            for i, (text, lang) in enumerate(zip(texts, langs, strict=True))
        ]

    def card_answer(self, card_id: str, lang: Lang, question: str = "") -> Answer | None:
        """The answer built from one named card (a follow-up button), or None if it no longer exists."""
        card = self.kb.get(card_id, lang)
        if card is None:
            return None
        return answer_from_cards(question or card.title, lang, [card], self.kb)

    def full_checklist(self, lang: Lang) -> list[str]:
        return full_checklist(self.kb, lang)
