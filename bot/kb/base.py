"""The knowledge base in memory: every valid card, by id and language, and the checks over the set."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from bot.errors import CardError, KnowledgeBaseError
from bot.kb.cards import LANGS, Card, Lang, parse_card

log = logging.getLogger(__name__)
STALE_AFTER = dt.timedelta(days=365)
OUTSIDE_FILE = "scope/outside.yaml"
# What makes a card time-sensitive: an article of law ("L.121-3", "art. 50", "16 CFR", "§ 5") or a figure
# (an amount of money, a percentage). Such a card needs `as_of`, the date its facts were true.
LAW_OR_FIGURE = re.compile(
    r"\b[LRD]\.?\s?\d+(-\d+)+\b"  # French code articles: L.121-3, R. 123-1
    r"|\b(art\.|article|section)\s*\d+"
    r"|\b\d+\s*CFR\b|§\s*\d+"
    r"|[$€£]\s?\d+([.,]\d+)*|\b\d+([.,\s]\d{3})*([.,]\d+)?\s?(€|£|\$|euros?\b|EUR\b|USD\b|GBP\b)"
    r"|\b\d+([.,]\d+)?\s?%",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class KnowledgeBase:
    cards: dict[tuple[str, Lang], Card]
    # Questions outside the coach's scope (scope/outside.yaml): a question closer to these is declined.
    outside: dict[Lang, tuple[str, ...]] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        return sorted({card_id for card_id, _ in self.cards})

    def __iter__(self) -> Iterator[Card]:
        return iter(self.cards.values())

    def __len__(self) -> int:
        return len(self.cards)

    def get(self, card_id: str, lang: Lang) -> Card | None:
        """The card in `lang`, else its other translation (a missing translation degrades, never fails)."""
        return self.cards.get((card_id, lang)) or next(
            (self.cards[(card_id, other)] for other in LANGS if (card_id, other) in self.cards), None
        )

    @cached_property
    def version(self) -> str:
        """Changes whenever any card file changes: answers carry it so feedback maps to content."""
        digest = hashlib.sha256()
        for key in sorted(self.cards):
            digest.update(f"{key[0]}:{key[1]}:{self.cards[key].file_hash};".encode())
        for lang in sorted(self.outside):
            digest.update(f"outside:{lang}:{outside_hash(self.outside[lang])};".encode())
        return digest.hexdigest()[:10]

    def by_lang(self) -> dict[str, int]:
        return {lang: sum(1 for _, card_lang in self.cards if card_lang == lang) for lang in LANGS}

    def missing_translation(self) -> list[str]:
        return sorted(card_id for card_id in self.ids if any((card_id, lang) not in self.cards for lang in LANGS))

    def stats(self) -> dict[str, object]:
        return {
            "cards": len(self.ids),
            "by_lang": self.by_lang(),
            "missing_translation": self.missing_translation(),
            "version": self.version,
        }


@dataclass
class CheckReport:
    """What `kb check` found: errors make the knowledge base unfit to publish, warnings don't."""

    knowledge: KnowledgeBase
    errors: list[CardError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def card_paths(knowledge_dir: Path) -> list[Path]:
    if not knowledge_dir.is_dir():
        raise KnowledgeBaseError(f"knowledge folder not found: {knowledge_dir}")
    return sorted(path for lang in LANGS for path in (knowledge_dir / lang).glob("*.md"))


def _parse_all(paths: Iterable[Path]) -> tuple[dict[tuple[str, Lang], Card], list[CardError]]:
    cards: dict[tuple[str, Lang], Card] = {}
    errors: list[CardError] = []
    for path in paths:
        try:
            card = parse_card(path)
        except CardError as exc:
            errors.append(exc)
        else:
            cards[card.key] = card
    return cards, errors


def outside_hash(phrases: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(phrases).encode()).hexdigest()[:16]


def load_outside(knowledge_dir: Path) -> dict[Lang, tuple[str, ...]]:
    """scope/outside.yaml: {fr: [...], en: [...]}; optional, strict when present."""
    path = knowledge_dir / OUTSIDE_FILE
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise CardError(path, f"is not valid UTF-8 YAML ({exc.__class__.__name__})") from None
    if not isinstance(data, dict) or not set(data) <= set(LANGS):
        raise CardError(path, "must map 'fr' and/or 'en' to a list of questions")
    outside: dict[Lang, tuple[str, ...]] = {}
    for lang, phrases in data.items():
        if not isinstance(phrases, list) or not all(isinstance(p, str) and 0 < len(p) <= 120 for p in phrases):
            raise CardError(path, f"'{lang}' must be a list of questions of 1 to 120 characters")
        outside[lang] = tuple(phrases)
    return outside


def load_knowledge(knowledge_dir: Path) -> KnowledgeBase:
    """All cards, or CardError for the first malformed one: a refresh never indexes a half-valid set."""
    cards, errors = _parse_all(card_paths(knowledge_dir))
    if errors:
        raise errors[0]
    if not cards:
        raise KnowledgeBaseError(f"no cards in {knowledge_dir}/fr or {knowledge_dir}/en")
    return KnowledgeBase(cards, load_outside(knowledge_dir))


def check_knowledge(knowledge_dir: Path, today: dt.date | None = None) -> CheckReport:
    """Every problem at once, for the people curating the cards."""
    today = today or dt.date.today()
    cards, errors = _parse_all(card_paths(knowledge_dir))
    try:
        outside = load_outside(knowledge_dir)
    except CardError as exc:
        errors.append(exc)
        outside = {}
    report = CheckReport(KnowledgeBase(cards, outside), errors)
    for card_id in report.knowledge.missing_translation():
        present = next(card for card in cards.values() if card.id == card_id)
        missing = next(lang for lang in LANGS if (card_id, lang) not in cards)
        report.errors.append(CardError(present.path, f"has no '{missing}' translation ({missing}/{card_id}.md)"))
    for card in cards.values():
        if card.reviewed and today - card.reviewed > STALE_AFTER:
            report.warnings.append(f"{card.path}: last reviewed {card.reviewed}, over 12 months ago")
        report.errors += card_errors(card, today)
        if not card.as_of and (reason := states_law_or_figure(card)):
            report.warnings.append(f"{card.path}: states {reason} but has no as_of (the date of its facts)")
    report.warnings.extend(_inconsistent_sources(cards.values()))
    return report


def _inconsistent_sources(cards: Iterable[Card]) -> list[str]:
    """One URL is one publication: it must carry the same title and publisher on every card that cites it."""
    seen: dict[str, tuple[str, str, Path]] = {}
    warnings: list[str] = []
    for card in sorted(cards, key=lambda c: str(c.path)):
        for source in card.sources:
            first = seen.setdefault(source.url, (source.title, source.publisher, card.path))
            if (source.title, source.publisher) != first[:2]:
                warnings.append(
                    f"{card.path}: source {source.url} is titled '{source.title}' ({source.publisher}) "
                    f"but '{first[0]}' ({first[1]}) in {first[2]}"
                )
    return warnings


def card_errors(card: Card, today: dt.date | None = None) -> list[CardError]:
    """What `kb check` refuses in one card beyond parsing: the same rules hold for an upload."""
    today = today or dt.date.today()
    errors = []
    if card.reviewed and card.reviewed > today:
        errors.append(CardError(card.path, f"reviewed date {card.reviewed} is in the future"))
    if card.as_of and card.as_of > today:
        errors.append(CardError(card.path, f"as_of date {card.as_of} is in the future"))
    return errors


def states_law_or_figure(card: Card) -> str | None:
    """Why the card is time-sensitive (a law topic, an article number, a figure), or None."""
    laws = [topic for topic in card.topics if topic.startswith("law-")]
    if laws:
        return f"a law (topic {laws[0]})"
    body = "\n".join([card.summary, *card.key_points, card.template or ""])
    match = LAW_OR_FIGURE.search(body)
    return f"a law or a figure ('{match.group(0)}')" if match else None


def load_valid_cards(knowledge_dir: Path) -> KnowledgeBase:
    """Every card that parses, skipping the malformed ones: what a running coach serves meanwhile."""
    cards, errors = _parse_all(card_paths(knowledge_dir))
    for error in errors:
        log.error("card skipped: %s", error)
    try:
        outside = load_outside(knowledge_dir)
    except CardError as exc:
        log.error("out-of-scope examples skipped: %s", exc)
        outside = {}
    return KnowledgeBase(cards, outside)
