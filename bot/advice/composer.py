"""Turns the cards retrieval found into an answer: direct answer, key points, checklist, sources."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.advice.models import Answer, FollowUp, Hit, Reference, SourceRef
from bot.i18n import Lang, t
from bot.kb import Card, KnowledgeBase

MAX_CARDS = 3
# A second or third card joins the answer only if it is nearly as close as the best one.
SECONDARY_MARGIN = 0.08
CHECKLIST_MIN, CHECKLIST_MAX = 5, 8
MAX_FOLLOW_UPS = 3
# Share of the shorter item's content words found in an earlier item above which it is a repeat.
NEAR_DUPLICATE = 0.6
MAX_REFERENCES = 4
MAX_TOP_POINTS, MAX_POINTS = 5, 6
# Cards whose checklist items complete a short checklist: the questions worth asking of any offer.
CORE_CHECKLIST_CARDS = (
    "offer-editorial-fit",
    "fair-pay",
    "before-signing-checklist",
    "disclosure-basics",
    "fake-brand-dms",
    "usage-rights-whitelisting",
    "payment-terms-late-payment",
)


def out_of_scope(question: str, lang: Lang, kb_version: str) -> Answer:
    return Answer(question=question, lang=lang, in_scope=False, summary=t("out_of_scope", lang), kb_version=kb_version)


def compose(question: str, lang: Lang, hits: Sequence[Hit], kb: KnowledgeBase) -> Answer:
    """An answer grounded in the best cards, or the polite out-of-scope message when retrieval found none."""
    found = [(hit, card) for hit in hits if (card := kb.get(hit.card_id, lang)) is not None]
    if not found:
        return out_of_scope(question, lang, kb.version)
    best = max(hit.score for hit, _ in found)
    top, *others = found[:MAX_CARDS]
    cards = [top[1], *(card for hit, card in others if hit.score >= best - SECONDARY_MARGIN)]
    return answer_from_cards(question, lang, cards, kb)


def answer_from_cards(question: str, lang: Lang, cards: Sequence[Card], kb: KnowledgeBase) -> Answer:
    top, others = cards[0], cards[1:]
    # The other cards add their own direct answer as a point: a related angle, not a repeat. Capped so an
    # answer reads on a phone in one message.
    key_points = [*top.key_points[:MAX_TOP_POINTS], *(card.summary for card in others)][:MAX_POINTS]
    dates = [card.as_of for card in cards if card.as_of]
    return Answer(
        question=question,
        lang=lang,
        in_scope=True,
        summary=top.summary,
        key_points=key_points,
        checklist=checklist_for(cards, kb, lang),
        sources=[SourceRef(card.id, card.title) for card in cards],
        references=_references(cards[:1]),  # the answering card's own sources; the others are named by title
        template=top.template,
        as_of=t("as_of", lang, date=max(dates).isoformat()) if dates else None,
        follow_ups=_follow_ups(cards),
        kb_version=kb.version,
    )


def checklist_for(cards: Sequence[Card], kb: KnowledgeBase, lang: Lang) -> list[str]:
    """5–8 yes/no questions: those of the answering cards first, completed from the core cards."""
    core = [card for card_id in CORE_CHECKLIST_CARDS if (card := kb.get(card_id, lang)) is not None]
    items = _distinct(item for card in cards for item in card.checklist)[:CHECKLIST_MAX]
    if len(items) < CHECKLIST_MIN:
        extra = _distinct([*items, *(card.checklist[0] for card in core)])[len(items) :]
        items += extra[: CHECKLIST_MIN - len(items)]
    return items


def full_checklist(kb: KnowledgeBase, lang: Lang) -> list[str]:
    """Every core card's checklist, for /checklist: the whole review of an offer."""
    cards = [card for card_id in CORE_CHECKLIST_CARDS if (card := kb.get(card_id, lang)) is not None]
    return _unique(item for card in cards for item in card.checklist)


def _references(cards: Iterable[Card]) -> list[Reference]:
    seen: dict[str, Reference] = {}
    for card in cards:
        for source in card.sources:
            seen.setdefault(source.url, Reference(source.title, source.publisher, source.url, source.date))
    return list(seen.values())[:MAX_REFERENCES]


def _follow_ups(cards: Sequence[Card]) -> list[FollowUp]:
    # One question per card first, so the buttons open different doors.
    rounds = max(len(card.questions) for card in cards)
    ordered = [FollowUp(c.id, i, c.questions[i]) for i in range(rounds) for c in cards if i < len(c.questions)]
    return ordered[:MAX_FOLLOW_UPS]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _distinct(items: Iterable[str]) -> list[str]:
    """Drop items that ask nearly the same thing as an earlier one (two cards on one topic often do)."""
    kept: list[tuple[str, set[str]]] = []
    for item in items:
        words = _content_words(item)
        if all(_overlap(words, other) < NEAR_DUPLICATE for _, other in kept):
            kept.append((item, words))
    return [item for item, _ in kept]


def _content_words(text: str) -> set[str]:
    return {word[:6] for word in re.findall(r"\w+", text.lower()) if len(word) > 3}  # crude stem: 6 letters


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
