"""Values the advice engine trades in, and the retrieval interface it depends on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Protocol

from bot.advice.jurisdiction import JurisdictionNote
from bot.i18n import Lang


@dataclass(frozen=True, slots=True)
class Hit:
    """One card found for a question, with its cosine similarity (higher is closer)."""

    card_id: str
    score: float


class Retriever(Protocol):
    def search(self, question: str, k: int) -> list[Hit]:
        """The best cards for a question, best first, one hit per card id; empty when none is relevant."""
        ...

    def search_many(self, questions: Sequence[str], k: int) -> list[list[Hit]]:
        """`search` for several questions at once (embedding a batch costs far less per question)."""
        ...


@dataclass(frozen=True, slots=True)
class SourceRef:
    id: str
    title: str


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A question a card answers, offered as a next step: `card_id` + `index` name it in a button."""

    card_id: str
    index: int
    question: str


@dataclass(frozen=True, slots=True)
class Reference:
    """An original source behind a card (a law, a study, a platform's help page)."""

    title: str
    publisher: str
    url: str
    date: str


@dataclass(frozen=True)
class Answer:
    question: str
    lang: Lang
    in_scope: bool
    summary: str
    key_points: list[str] = field(default_factory=list)
    checklist: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    template: str | None = None
    as_of: str | None = None
    follow_ups: list[FollowUp] = field(default_factory=list)
    kb_version: str = ""
    jurisdiction_note: str | None = None  # where the advice holds, when the creator's country differs
    jurisdiction: JurisdictionNote | None = None  # the same, as data: whose rules, the creator's country
    generated: bool = False  # written by the optional language model (from the cards above), not by the composer

    @property
    def answer(self) -> str:
        """The direct answer and the key points as plain text (the `answer` field of the JSON)."""
        text = self.summary
        if self.key_points:
            text = "\n".join([self.summary, "", *(f"- {point}" for point in self.key_points)])
        return f"{text}\n\n{self.jurisdiction_note}" if self.jurisdiction_note else text

    def to_json(self) -> dict[str, object]:
        """The public JSON contract of `ask --json` (extra fields may be added, never renamed)."""
        return {
            "question": self.question,
            "lang": self.lang,
            "in_scope": self.in_scope,
            "answer": self.answer,
            "checklist": list(self.checklist),
            "sources": [asdict(source) for source in self.sources],
            "references": [asdict(ref) for ref in self.references],
            "template": self.template,
            "as_of": self.as_of,
            "kb_version": self.kb_version,
            "jurisdiction_note": self.jurisdiction_note,
            "jurisdiction": self.jurisdiction.to_json() if self.jurisdiction else None,
            "generated": self.generated,
        }
