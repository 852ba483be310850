"""The advice engine: one entry point for Telegram, the terminal and the command line."""

from __future__ import annotations

from bot.advice.composer import answer_from_cards, compose, full_checklist, out_of_scope
from bot.advice.language import detect_language
from bot.advice.models import Answer, Retriever
from bot.errors import EmptyQuestionError
from bot.i18n import Lang
from bot.kb import KnowledgeBase

# Long pastes carry their point early; embedding 10,000 characters costs time and adds noise.
MAX_QUESTION_CHARS = 1_000
SEARCH_K = 6


class AdviceEngine:
    def __init__(self, kb: KnowledgeBase, retriever: Retriever) -> None:
        self.kb = kb
        self.retriever = retriever

    def ask(self, question: str, lang: Lang | None = None, default_lang: Lang = "en") -> Answer:
        """Answer `question` in `lang`, or in the language it is written in (else `default_lang`)."""
        text = " ".join(question.split())
        if not text:
            raise EmptyQuestionError()
        lang = lang or detect_language(text, default=default_lang)
        if not any(ch.isalnum() for ch in text):  # emoji or punctuation only: nothing to look up
            return out_of_scope(text, lang, self.kb.version)
        hits = self.retriever.search(text[:MAX_QUESTION_CHARS], k=SEARCH_K)
        return compose(text, lang, hits, self.kb)

    def card_answer(self, card_id: str, lang: Lang, question: str = "") -> Answer | None:
        """The answer built from one named card (a follow-up button), or None if it no longer exists."""
        card = self.kb.get(card_id, lang)
        if card is None:
            return None
        return answer_from_cards(question or card.title, lang, [card], self.kb)

    def full_checklist(self, lang: Lang) -> list[str]:
        return full_checklist(self.kb, lang)
