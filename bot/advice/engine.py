"""The advice engine: one entry point for Telegram, the terminal and the command line."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from bot.advice import jurisdiction
from bot.advice.composer import answer_from_cards, compose, full_checklist, out_of_scope
from bot.advice.language import detect_language
from bot.advice.models import Answer, Hit, Retriever
from bot.advice.rewriting import Rewriter
from bot.errors import EmptyQuestionError
from bot.i18n import Lang
from bot.kb import Card, KnowledgeBase


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    lang: Lang | None = None  # None: the language the question is written in
    default_lang: Lang = "en"  # when the text gives no clue (emoji, "ok")
    history: tuple[str, ...] = ()  # the creator's previous messages in this chat, oldest first
    profile: object | None = None  # the creator's bot.offers.Profile, if they set one

    @property
    def country(self) -> str | None:
        """Where the creator is: named in the message or the previous ones, else the profile's `country`."""
        return jurisdiction.creator_country(self.text, self.history, getattr(self.profile, "country", None))


# Long pastes carry their point early; embedding 10,000 characters costs time and adds noise.
MAX_QUESTION_CHARS = 1_000
SEARCH_K = 6


def search_query(question: Question) -> str:
    """What retrieval looks up: the message, after the previous one when there is history (a follow-up such
    as "and if they refuse?" names no topic of its own)."""
    text = " ".join(question.text.split())
    if question.history:
        text = " ".join(question.history[-1].split()) + "\n" + text
    return text[:MAX_QUESTION_CHARS]


class AdviceEngine:
    def __init__(self, kb: KnowledgeBase, retriever: Retriever, rewriter: Rewriter | None = None) -> None:
        self.kb = kb
        self.retriever = retriever
        self.rewriter = rewriter  # optional language model; ask_many stays offline (batched, and what kb eval measures)

    def ask(self, question: str, lang: Lang | None = None, default_lang: Lang = "en") -> Answer:
        """Answer `question` in `lang`, or in the language it is written in (else `default_lang`)."""
        return self.rewrite(self.ask_many([Question(question, lang, default_lang)])[0])

    def rewrite(self, answer: Answer) -> Answer:
        """The answer in the rewriter's words when one is set and its text passes the checks; else `answer`."""
        if self.rewriter is None or not answer.in_scope:
            return answer
        return self.rewriter.rewrite(answer, self._cards(answer))

    async def arewrite(self, answer: Answer) -> Answer:
        if self.rewriter is None or not answer.in_scope:
            return answer
        return await self.rewriter.arewrite(answer, self._cards(answer))

    def _cards(self, answer: Answer) -> list[Card]:
        return [card for source in answer.sources if (card := self.kb.get(source.id, answer.lang)) is not None]

    def ask_many(self, questions: Sequence[Question]) -> list[Answer]:
        """Answer several questions with one batched search; EmptyQuestionError if any is empty."""
        texts = [" ".join(q.text.split()) for q in questions]
        if not all(texts):
            raise EmptyQuestionError()
        kb = self.kb  # one knowledge base for the whole batch, even if a refresh swaps it meanwhile
        langs = [
            q.lang or detect_language(text, default=q.default_lang) for q, text in zip(questions, texts, strict=True)
        ]
        found = self.search_many(questions, k=SEARCH_K)
        return [
            self.with_jurisdiction(compose(text, lang, hits, kb), q.country, kb)
            if hits
            else out_of_scope(text, lang, kb.version)
            for q, text, lang, hits in zip(questions, texts, langs, found, strict=True)
        ]

    @staticmethod
    def with_jurisdiction(answer: Answer, country: str | None, kb: KnowledgeBase) -> Answer:
        """`answer` with a note when its leading card states rules (law, tax) that may not be the creator's.

        A French question with French rules and no known country is taken as from France: no note."""
        lead = answer.sources[0].id if answer.in_scope and answer.sources else None
        card = kb.get(lead, answer.lang) if lead else None
        if card is None:
            return answer
        local = [(c.id, c.jurisdiction) for c in kb if c.language == answer.lang]
        note = jurisdiction.note_for(card.jurisdiction, country, local)
        if note is None or (note.applies is None and answer.lang == "fr" and set(note.rules_of) <= {"fr", "eu"}):
            return answer
        text = jurisdiction.describe(note, answer.lang, lambda card_id: _title(kb, card_id, answer.lang))
        return dataclasses.replace(answer, jurisdiction=note, jurisdiction_note=text)

    def search_many(self, questions: Sequence[Question], k: int = SEARCH_K) -> list[list[Hit]]:
        """The cards for each question, best first, in one batched search; [] when none fits."""
        queries = [search_query(q) for q in questions]
        # Emoji or punctuation only: nothing to look up.
        searchable = [i for i, query in enumerate(queries) if any(ch.isalnum() for ch in query)]
        # Deeper than `k`: a creator's own country's card may sit a few places down before it is promoted.
        found = self.retriever.search_many([queries[i] for i in searchable], k=max(k, jurisdiction.RERANK_DEPTH))
        hits = dict(zip(searchable, found, strict=True))
        kb = self.kb
        return [
            jurisdiction.rank_for_country(hits.get(i, []), lambda hit: _jurisdiction(kb, hit.card_id), q.country)[:k]
            for i, q in enumerate(questions)
        ]

    def card_answer(self, card_id: str, lang: Lang, question: str = "") -> Answer | None:
        """The answer built from one named card (a follow-up button), or None if it no longer exists."""
        card = self.kb.get(card_id, lang)
        if card is None:
            return None
        return answer_from_cards(question or card.title, lang, [card], self.kb)

    def full_checklist(self, lang: Lang) -> list[str]:
        return full_checklist(self.kb, lang)


def _jurisdiction(kb: KnowledgeBase, card_id: str) -> tuple[str, ...] | None:
    card = kb.get(card_id, "en") or kb.get(card_id, "fr")
    return card.jurisdiction if card else None


def _title(kb: KnowledgeBase, card_id: str, lang: Lang) -> str | None:
    card = kb.get(card_id, lang)
    return card.title if card else None
