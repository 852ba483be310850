"""A semantic clause classifier: each clause of an offer is compared with labelled clauses (knowledge/clauses/,
French and English, each citing its card) and takes the label of its nearest neighbours when they agree and are
close enough. It adds facts the rules missed; it never removes one. The embedding function is given by the
caller (the multilingual USE model in production), so this module stays pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.offers.models import OfferFacts
from bot.text import clauses, strip_quoted

Embed = Callable[[list[str]], list[list[float]]]

# label -> the fact it sets
_SETTERS: dict[str, Callable[[OfferFacts], None]] = {
    "login_request": lambda f: setattr(f, "asks_login", True),
    "download_request": lambda f: setattr(f, "asks_download", True),
    "bank_details_request": lambda f: setattr(f, "asks_bank_details", True),
    "fake_copyright_notice": lambda f: setattr(f, "copyright_threat", True),
    "pay_to_collaborate": lambda f: setattr(f, "asks_money", True),
    "hidden_advertising": lambda f: setattr(f, "disclosure", "hidden"),
    "comment_control": lambda f: setattr(f, "comment_control", True),
    "fake_reviews": lambda f: setattr(f, "fake_reviews", True),
    "no_written_contract": lambda f: setattr(f, "no_contract", True),
    "competitor_ban": lambda f: setattr(f, "competitor_ban", True),
    "payment_after_approval": lambda f: setattr(f, "payment_after_approval", True),
    "perpetual_rights": lambda f: (setattr(f, "usage_rights", True), setattr(f, "usage_perpetual", True)),
    "minors_audience": lambda f: setattr(f, "minors_audience", True),
}
LABELS = frozenset(_SETTERS) | {"none"}
MAX_CLAUSES = 60  # an offer's first clauses: the cost stays bounded on any input
MIN_CHARS, MAX_CHARS = 20, 400


@dataclass(frozen=True, slots=True)
class LabelledClause:
    text: str
    label: str
    card: str
    lang: str


def load_clauses(directory: Path) -> list[LabelledClause]:
    found = []
    for lang in ("en", "fr"):
        path = directory / f"{lang}.yaml"
        if not path.is_file():
            continue
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if item["label"] not in LABELS:
                raise ValueError(f"{path.name}: unknown label {item['label']!r}")
            found.append(LabelledClause(item["text"], item["label"], item["card"], lang))
    return found


class ClauseClassifier:
    """k nearest labelled clauses by cosine similarity (unit vectors); a label wins when at least `votes` of the
    k neighbours carry it and the nearest of them is at least `threshold` similar."""

    def __init__(self, examples: list[LabelledClause], embed: Embed, k: int = 3, votes: int = 2,
                 threshold: float = 0.6) -> None:  # fmt: skip
        self.examples = examples
        self._embed = embed
        self.k, self.votes, self.threshold = k, votes, threshold
        self._vectors: list[list[float]] | None = None

    def _example_vectors(self) -> list[list[float]]:
        if self._vectors is None:
            self._vectors = self._embed([e.text for e in self.examples])
        return self._vectors

    def labels(self, texts: list[str]) -> list[str]:
        """The label of each text ("none" when its neighbours disagree or are too far)."""
        if not texts or not self.examples:
            return ["none"] * len(texts)
        examples = self._example_vectors()
        result = []
        for vector in self._embed(texts):
            scored = sorted(
                ((sum(a * b for a, b in zip(vector, ev, strict=True)), e.label) for ev, e in
                 zip(examples, self.examples, strict=True)),
                reverse=True,
            )[: self.k]  # fmt: skip
            label, count = Counter(label for _, label in scored).most_common(1)[0]
            best = max(score for score, name in scored if name == label)
            result.append(label if count >= self.votes and best >= self.threshold else "none")
        return result

    def apply(self, facts: OfferFacts, text: str) -> None:
        parts = [c.text for c in clauses(strip_quoted(text)) if MIN_CHARS <= len(c.text) <= MAX_CHARS]
        for label in set(self.labels(parts[:MAX_CLAUSES])):
            if label != "none":
                _SETTERS[label](facts)
