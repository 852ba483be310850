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


@dataclass(frozen=True, slots=True)
class OfferNote:
    """What a described offer says, judged: the verdict only when the creator asked for one (never an unasked
    "accept"), the red flags, and the points that are wrong or still open."""

    verdict: str | None
    red_flags: list[str]
    points: list[str]
    text: str = ""  # the verdict in a sentence (or a heading when no verdict was asked for)

    def to_json(self) -> dict[str, object]:
        return {
            "verdict": self.verdict,
            "red_flags": list(self.red_flags),
            "points": list(self.points),
            "text": self.text,
        }


@dataclass(frozen=True)
class Answer:
    question: str
    lang: Lang
    in_scope: bool
    summary: str  # the direct answer's opening: the card sentence closest to the question
    key_points: list[str] = field(default_factory=list)  # the rest of the direct answer (≤ ~700 characters in all)
    checklist: list[str] = field(default_factory=list)  # the items that fit this question
    sources: list[SourceRef] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    template: str | None = None
    as_of: str | None = None  # ISO date of the answering cards' facts; the sentence is `as_of_text`
    follow_ups: list[FollowUp] = field(default_factory=list)
    kb_version: str = ""
    kind: str = "question"  # what the message was (bot.advice.understand)
    red_flags: list[str] = field(default_factory=list)  # the offer red flags the message carries
    warnings: list[str] = field(default_factory=list)  # what the answer leads with (a scam, an illegal ask)
    offer: OfferNote | None = None  # a described offer, judged
    more_points: list[str] = field(default_factory=list)  # "more details": the card points left out
    full_checklist: list[str] = field(default_factory=list)  # every checklist item of the answering cards
    jurisdiction_note: str | None = None  # where the advice holds, when the creator's country differs
    as_of_text: str | None = None  # "as of 26 November 2026", localised
    context: str | None = None  # for a follow-up: the previous message it was read with
    jurisdiction: JurisdictionNote | None = None  # the jurisdiction note as data: whose rules, the creator's country
    generated: bool = False  # written by the optional language model (from the cards above), not by the composer
    # The checklist's heading, fitted to the message: judging the offer it describes, or what the question is about
    # ("Before you publish", "Questions to ask yourself"); see bot.advice.composer.checklist_title.
    checklist_title: str = ""

    @property
    def lead_card(self) -> str | None:
        """The card the direct answer comes from; None when the message was declined."""
        return self.sources[0].id if self.in_scope and self.sources else None

    @property
    def direct(self) -> str:
        """The warnings, then the direct answer: what fits one phone screen before the checklist."""
        parts = [*self.warnings, self.summary]
        if self.key_points:
            parts.append("\n".join(f"- {point}" for point in self.key_points))
        return "\n\n".join(part for part in parts if part)

    @property
    def answer(self) -> str:
        """The direct answer as plain text (the `answer` field of the JSON), the jurisdiction note and the date."""
        parts = [self.direct]
        if self.offer:
            parts.append("\n".join([self.offer.text, *(f"- {point}" for point in self.offer.points)]))
        parts += [self.jurisdiction_note or "", f"({self.as_of_text})" if self.as_of_text else ""]
        return "\n\n".join(part for part in parts if part)

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
            "kind": self.kind,
            "red_flags": list(self.red_flags),
            "warnings": list(self.warnings),
            "offer": self.offer.to_json() if self.offer else None,
            "lead_card": self.lead_card,
            "jurisdiction_note": self.jurisdiction_note,
            "details": {
                "key_points": list(self.more_points),
                "checklist": list(self.full_checklist),
                "sources": [asdict(source) for source in self.sources],
                "references": [asdict(ref) for ref in self.references],
                "as_of": self.as_of_text,
            },
            "jurisdiction": self.jurisdiction.to_json() if self.jurisdiction else None,
            "generated": self.generated,
            "checklist_title": self.checklist_title,
        }
