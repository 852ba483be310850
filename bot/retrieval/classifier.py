"""A learned ranking: which card a question is about, from its USE and e5 vectors, fitted on examples.

The other rankings compare a question with each card's texts one by one (nearest text, matching words). This one
is a softmax regression over the two vectors side by side, fitted (scripts/fit_classifier.py) on every card's short
texts and on the dev split's questions, labelled with their expected cards; the out-of-scope examples and dev's
off-topic questions form one more class. It learns which directions of the two spaces tell the cards apart
rather than which text is nearest, and it holds better on wording no text anticipated: over the seven dev files,
each held out in turn, it alone put an expected card first for 0.89 of the questions, and fused with the other
four rankings it raised hit@1 0.900 -> 0.918 and hit@3 0.973 -> 0.981 (the other rankings' phrases were written
on those files, so that baseline is flattering).

Its weights ship beside the cards (`knowledge/vectors/`) and name the models they were fitted with. They know
the cards by id: the index uses them only for the cards they were fitted on (see `CardIndex.use`); after cards
are added or removed, `make classifier` fits them again.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

# Fitted with these (chosen on dev, each file held out in turn: hit@1 within 0.003 for L2 0 to 1e-4 and 300 or 600
# steps; 1e-3 is too strong). A dev question counts QUESTION_WEIGHT card texts: they are how creators write.
L2 = 1e-4
STEPS = 300
LEARNING_RATE = 0.005
QUESTION_WEIGHT = 3.0


class Model(Protocol):
    model_name: str

    @property
    def package_version(self) -> str: ...


def classifier_file(use: Model, e5: Model) -> str:
    """The weights' file name: they hold only for the two models (and versions) they were fitted with."""
    return f"classifier-{use.model_name}-{use.package_version}-{e5.model_name}-{e5.package_version}.npz"


def shipped_path(knowledge_dir: Path, use: Model, e5: Model) -> Path:
    """Where the weights for these two models ship: beside the cards' vectors."""
    return knowledge_dir / "vectors" / classifier_file(use, e5)


def shipped(knowledge_dir: Path, use: Model, e5: Model) -> CardClassifier | None:
    """The weights shipped beside the cards for these two models, if any."""
    return CardClassifier.load(shipped_path(knowledge_dir, use, e5))


def features(use_vectors: np.ndarray, e5_vectors: np.ndarray) -> np.ndarray:
    """The classifier's input: each model's vector scaled to unit length, side by side."""

    def unit(m: np.ndarray) -> np.ndarray:
        m = np.asarray(m, dtype=np.float32)
        norms = np.linalg.norm(m, axis=1, keepdims=True)
        return m / np.where(norms == 0, 1, norms)

    return np.hstack([unit(use_vectors), unit(e5_vectors)])


def fit(
    x: np.ndarray,
    targets: np.ndarray,
    sample_weights: np.ndarray,
    l2: float = L2,
    steps: int = STEPS,
    learning_rate: float = LEARNING_RATE,
) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression by full-batch Adam from zero: `targets` (rows summing to 1: a question with two
    expected cards counts half for each), the weighted mean cross-entropy plus `l2`. Deterministic: the same
    examples give the same weights."""
    x = np.asarray(x, dtype=np.float32)
    targets = np.asarray(targets, dtype=np.float32)
    share = np.asarray(sample_weights, dtype=np.float32)
    share = share / share.sum()
    params = [np.zeros((x.shape[1], targets.shape[1]), np.float32), np.zeros(targets.shape[1], np.float32)]
    first = [np.zeros_like(p) for p in params]
    second = [np.zeros_like(p) for p in params]
    for t in range(1, steps + 1):
        logits = x @ params[0] + params[1]
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        error = (p - targets) * share[:, None]
        grads = [x.T @ error + l2 * params[0], error.sum(axis=0)]
        for i, grad in enumerate(grads):
            first[i] = 0.9 * first[i] + 0.1 * grad
            second[i] = 0.999 * second[i] + 0.001 * grad * grad
            params[i] -= (
                learning_rate * (first[i] / (1 - 0.9**t)) / (np.sqrt(second[i] / (1 - 0.999**t)) + np.float32(1e-8))
            )
    return params[0], params[1]


@dataclass(frozen=True)
class CardClassifier:
    classes: tuple[str, ...]  # card ids, and the out-of-scope pseudo card
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)

    def cards(self, outside: str) -> frozenset[str]:
        return frozenset(self.classes) - {outside}

    def rank(self, use_vectors: np.ndarray, e5_vectors: np.ndarray, among: Collection[str], n: int) -> list[list[str]]:
        """Per question, the `n` cards of `among` it most likely asks about, likeliest first."""
        return self.rank_features(features(use_vectors, e5_vectors), among, n)

    def rank_features(self, x: np.ndarray, among: Collection[str], n: int) -> list[list[str]]:
        if x.shape[1] != self.weights.shape[0]:
            raise ValueError(f"the classifier reads {self.weights.shape[0]} features, not {x.shape[1]}")
        scores = x @ self.weights + self.bias
        keep = np.array([card in among for card in self.classes])
        scores[:, ~keep] = -np.inf
        n = min(n, int(keep.sum()))
        rankings = []
        for row in scores:
            top = np.argpartition(-row, n - 1)[:n] if n else np.arange(0)
            rankings.append([self.classes[i] for i in top[np.argsort(-row[top], kind="stable")]])
        return rankings

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.stem + ".tmp.npz")
        np.savez_compressed(
            tmp,
            classes=np.array(self.classes, dtype=str),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
        )
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> CardClassifier | None:
        """The weights in `path`, or None when there are none (a damaged file is said and ignored: the other
        rankings answer without it)."""
        if not path.exists():
            return None
        try:
            with np.load(path, allow_pickle=False) as data:
                classes = tuple(str(c) for c in data["classes"].tolist())
                weights = np.asarray(data["weights"], dtype=np.float32)
                bias = np.asarray(data["bias"], dtype=np.float32)
            if weights.ndim != 2 or weights.shape[1] != len(classes) or bias.shape != (len(classes),):
                raise ValueError("the weights do not match the classes")
        except Exception as exc:
            log.warning("card classifier %s unusable (%s); ranking without it", path, exc)
            return None
        return cls(classes, weights, bias)


def targets(labels: Sequence[Sequence[str]], classes: Sequence[str]) -> np.ndarray:
    """One row per example: its labels share its weight."""
    index = {card: i for i, card in enumerate(classes)}
    rows = np.zeros((len(labels), len(classes)), np.float32)
    for row, cards in zip(rows, labels, strict=True):
        for card in cards:
            row[index[card]] = 1 / len(cards)
    return rows
