"""Fit the off-topic decline and the fusion weights of `bot/retrieval/index.py` on the dev split.

    .venv/bin/python scripts/fit_ranking.py [--target-false-declines 0.01] [--no-grid]

Reads only `knowledge/eval/questions/dev*.yaml` (test is never fitted on). For every dev question it runs the
index's own search on the engine's query (a follow-up with the message it follows), records the decline
features (`decline_features`) and the rankings fused (`fuse`), then:

- fits a logistic regression (off-topic vs on-topic) on the features, reports its five-fold out-of-fold
  off-topic accuracy and false declines on dev, and folds the cut into the bias: the decline fires where no
  more than `--target-false-declines` of dev's on-topic questions score;
- grids the fusion weights (USE, e5 short texts, e5 passages, BM25) and k on the recorded rankings after the
  creator's-country ordering, reporting dev hit@1 / hit@3 per dev file and pooled.

It prints `DECLINE_WEIGHTS`, `DECLINE_BIAS` and `E5_FUSION` to paste into `bot/retrieval/index.py`, with the
dev figures of the current constants and of the fitted ones. Run it again whenever a dev file is added.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from pydantic import TypeAdapter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.advice import jurisdiction
from bot.advice.engine import search_query
from bot.config import Settings
from bot.eval.questions import EvalQuestion, questions_dir
from bot.retrieval import index as index_module

L2 = 1.0  # on standardised features (as a default logistic regression): finite weights when dev separates
FOLDS = 5
WEIGHT_GRID = (0.0, 0.5, 1.0, 1.5, 2.0)
K_GRID = (10, 20, 40, 60)


@dataclass
class Record:
    file: str
    question: EvalQuestion
    features: list[float] | None  # None: declined before the model (no card close enough at all)
    lists: list[list[str]]  # the rankings fused: USE, e5 short texts, e5 passages, BM25 (and the classifier)
    country: str | None  # where the creator is presumed to be: the cards are ordered for it


def dev_questions(knowledge_dir: Path) -> list[tuple[str, EvalQuestion]]:
    """Every question of the dev split with its file's name (test is never read)."""
    adapter = TypeAdapter(list[EvalQuestion])
    return [
        (path.name, item)
        for path in sorted(questions_dir(knowledge_dir).glob("dev*.yaml"))
        for item in adapter.validate_python(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    ]


def record(questions: list[tuple[str, EvalQuestion]]) -> list[Record]:
    """Each question through the index's search with the decline switched off, features and rankings kept."""
    from bot.wiring import build_services

    engine = build_services(Settings()).engine
    seen: dict[str, object] = {}
    decline_features = index_module.decline_features
    fuse = index_module.fuse

    def recording_features(*args: object, **kwargs: object) -> list[float]:
        seen["features"] = decline_features(*args, **kwargs)  # type: ignore[arg-type]
        return seen["features"]  # type: ignore[return-value]

    def recording_fuse(rankings, weights=None, k=index_module.RRF_K):  # type: ignore[no-untyped-def]
        seen["lists"] = [list(ranking) for ranking in rankings]
        return fuse(rankings, weights, k)

    bias, skip = index_module.DECLINE_BIAS, index_module.E5_SKIP
    index_module.decline_features = recording_features
    index_module.fuse = recording_fuse
    index_module.DECLINE_BIAS = -1e9  # nothing is declined by the model while recording
    index_module.E5_SKIP = None  # every question through e5 too: its features and all four rankings
    try:
        records = []
        for name, item in questions:
            asked = item.as_question()
            seen.clear()
            engine.retriever.search_many([search_query(asked, asked.read())], k=10)
            features, lists = seen.get("features"), seen.get("lists", [])
            records.append(Record(name, item, features, lists, asked.presumed_country))  # type: ignore[arg-type]
        return records
    finally:
        index_module.decline_features = decline_features
        index_module.fuse = fuse
        index_module.DECLINE_BIAS = bias
        index_module.E5_SKIP = skip


def fit_logistic(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Newton's method on standardised features with a small L2; weights and bias on the raw features."""
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], L2)
    penalty[-1] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = w[:-1] / std
    return weights, float(w[-1] - (weights * mean).sum())


def cut(scores_on_topic: np.ndarray, target: float) -> float:
    """The score above which at most `target` of the on-topic questions lie."""
    allowed = int(np.floor(target * len(scores_on_topic)))
    ordered = np.sort(scores_on_topic)[::-1]
    return float(ordered[allowed]) if allowed < len(ordered) else float(ordered[-1]) - 1e-6


def decline_figures(declined: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Off-topic accuracy and the false-decline rate."""
    return float(declined[y == 1].mean()), float(declined[y == 0].mean())


def fit_decline(records: list[Record], target: float) -> tuple[tuple[float, ...], float]:
    usable = [r for r in records if r.features is not None]
    x = np.array([r.features for r in usable])
    y = np.array([0.0 if r.question.expected else 1.0 for r in usable])
    weights = np.array(index_module.DECLINE_WEIGHTS)
    now = x @ weights + index_module.DECLINE_BIAS > 0
    print(f"dev: {len(records)} questions, {int(y.sum())} off-topic; {len(records) - len(usable)} below the threshold")
    print("current constants on dev:   off-topic {:.3f}, false declines {:.3f}".format(*decline_figures(now, y)))
    # Five-fold out of fold: the figure to expect on questions the fit has not seen.
    folds = np.arange(len(y)) % FOLDS
    oof = np.zeros(len(y), dtype=bool)
    for fold in range(FOLDS):
        train, held = folds != fold, folds == fold
        w, b = fit_logistic(x[train], y[train])
        scores = x[train] @ w + b
        threshold = cut(scores[y[train] == 0], target)
        oof[held] = x[held] @ w + b > threshold
    print("five-fold out of fold on dev: off-topic {:.3f}, false declines {:.3f}".format(*decline_figures(oof, y)))
    w, b = fit_logistic(x, y)
    scores = x @ w + b
    bias = b - cut(scores[y == 0], target)
    fitted = x @ w + bias > 0
    print("fitted constants on dev:    off-topic {:.3f}, false declines {:.3f}".format(*decline_figures(fitted, y)))
    return tuple(round(float(v), 3) for v in w), round(bias, 3)


def ranking_figures(
    records: list[Record], weights: tuple[float, ...], k: int, where: Callable[[str], Sequence[str] | None]
) -> dict[str, tuple[float, float]]:
    """hit@1 and hit@3 per dev file and pooled, over on-topic questions the recording did not decline."""
    tallies: dict[str, list[int]] = {}
    for r in records:
        if not r.question.expected or len(r.lists) not in (len(weights), len(weights) + 1):
            continue
        # The classifier's ranking, when it is served, keeps its own weight (scripts/fit_classifier.py).
        extra = (index_module.CLASSIFIER_WEIGHT,) if len(r.lists) > len(weights) else ()
        fused = index_module.fuse(r.lists, (*weights, *extra), k)
        ranked = jurisdiction.rank_for_country(fused, where, r.country)
        rank = next((i for i, card in enumerate(ranked[:3], 1) if card in r.question.expected), None)
        for key in (r.file, "all dev"):
            tally = tallies.setdefault(key, [0, 0, 0])
            tally[0] += 1
            tally[1] += rank == 1
            tally[2] += rank is not None
    return {key: (h1 / n, h3 / n) for key, (n, h1, h3) in tallies.items()}


def show(label: str, figures: dict[str, tuple[float, float]]) -> None:
    print(f"{label}: " + "; ".join(f"{key} {h1:.3f} / {h3:.3f}" for key, (h1, h3) in sorted(figures.items())))


def fit_fusion(records: list[Record]) -> tuple[tuple[float, ...], int]:
    from bot.kb import load_knowledge

    kb = load_knowledge(Settings().knowledge_dir)

    def where(card_id: str) -> tuple[str, ...] | None:
        card = kb.get(card_id, "en") or kb.get(card_id, "fr")
        return card.jurisdiction if card else None

    current_weights, current_k = index_module.E5_FUSION
    now = ranking_figures(records, current_weights, current_k, where)
    show(f"fusion now {current_weights}, k={current_k} (hit@1 / hit@3)", now)
    best: tuple[tuple[float, float], tuple[float, ...], int] | None = None
    for weights in itertools.product(WEIGHT_GRID, repeat=4):
        if weights[0] != 1.0:  # USE is the reference: only the ratios matter
            continue
        for k in K_GRID:
            h1, h3 = ranking_figures(records, weights, k, where)["all dev"]
            score = (h1 + h3, h1)
            if best is None or score > best[0]:
                best = (score, weights, k)
    assert best is not None
    _, weights, k = best
    show(f"fusion fitted {weights}, k={k} (hit@1 / hit@3)", ranking_figures(records, weights, k, where))
    return weights, k


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target-false-declines", type=float, default=0.01)
    parser.add_argument("--no-grid", action="store_true", help="fit the decline only")
    args = parser.parse_args()
    records = record(dev_questions(Settings().knowledge_dir))
    weights, bias = fit_decline(records, args.target_false_declines)
    print(f"DECLINE_WEIGHTS = {weights}")
    print(f"DECLINE_BIAS = {bias}")
    if not args.no_grid:
        fusion = fit_fusion(records)
        print(f"E5_FUSION = ({fusion[0]}, {fusion[1]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
