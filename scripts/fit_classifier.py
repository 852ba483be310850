"""Fit the card classifier (`bot/retrieval/classifier.py`) and ship its weights beside the cards.

    .venv/bin/python scripts/fit_classifier.py [--no-report]      (or `make classifier`)

Examples: every card's short texts (title and summary, questions, search phrases; FR and EN) and the out-of-scope
examples, and the questions of `knowledge/eval/questions/dev*.yaml` (test is never read), each labelled with its
expected cards, or as out of scope. First it reports what to expect on unseen wording: each dev file held out in
turn, the classifier fitted on the rest, its own hit@1 and the index's hit@1 / hit@3 with and without its ranking
in the fusion (after the creator's-country ordering). Then it fits on everything and writes
`knowledge/vectors/classifier-<models>.npz`. Run it after adding, removing or rewording cards, or adding a dev file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.advice import jurisdiction
from bot.advice.engine import search_query
from bot.config import Settings
from bot.kb import KnowledgeBase
from bot.retrieval import classifier as learned
from bot.retrieval import index as index_module
from bot.retrieval.index import OUTSIDE, documents, plain
from scripts.fit_ranking import dev_questions, record


def embed(index: index_module.CardIndex, texts: list[str]) -> np.ndarray:
    assert index.e5 is not None
    return learned.features(
        np.asarray(index.embeddings.embed_queries(texts)), np.asarray(index.e5.embed_queries(texts))
    )


def hit(ranked: Sequence[str], expected: Sequence[str]) -> int | None:
    return next((i for i, card in enumerate(ranked[:3], 1) if card in expected), None)


def report(records: list, x_texts: np.ndarray, text_labels: list[list[str]], x_questions: np.ndarray,
           labels: list[list[str]], classes: list[str], kb: KnowledgeBase) -> None:  # fmt: skip
    def where(card_id: str) -> tuple[str, ...] | None:
        card = kb.get(card_id, "en") or kb.get(card_id, "fr")
        return card.jurisdiction if card else None

    weights, k = index_module.E5_FUSION
    tallies: dict[str, list[int]] = {}
    for held in sorted({r.file for r in records}):
        train = [i for i, r in enumerate(records) if r.file != held]
        x = np.vstack([x_texts, x_questions[train]])
        share = np.concatenate([np.ones(len(x_texts)), np.full(len(train), learned.QUESTION_WEIGHT)])
        w, b = learned.fit(x, learned.targets(text_labels + [labels[i] for i in train], classes), share)
        model = learned.CardClassifier(tuple(classes), w, b)
        cards = model.cards(OUTSIDE)
        for i, r in enumerate(records):
            if r.file != held or not r.question.expected or len(r.lists) < len(weights):
                continue
            ranking = model.rank_features(x_questions[i : i + 1], cards, index_module.CLASSIFIER_RESULTS)[0]
            base = jurisdiction.rank_for_country(index_module.fuse(r.lists[:4], weights, k), where, r.country)
            both = jurisdiction.rank_for_country(
                index_module.fuse([*r.lists[:4], ranking], (*weights, index_module.CLASSIFIER_WEIGHT), k),
                where,
                r.country,
            )
            for key in (held, "all dev"):
                t = tallies.setdefault(key, [0] * 6)
                t[0] += 1
                t[1] += ranking[0] in r.question.expected
                t[2] += hit(base, r.question.expected) == 1
                t[3] += hit(base, r.question.expected) is not None
                t[4] += hit(both, r.question.expected) == 1
                t[5] += hit(both, r.question.expected) is not None
    print("each dev file held out (hit@1 classifier alone | fused without: hit@1 / hit@3 | fused with)")
    for key, (n, alone, b1, b3, c1, c3) in sorted(tallies.items()):
        print(f"  {key:14s} ({n:4d}): {alone / n:.3f} | {b1 / n:.3f} / {b3 / n:.3f} | {c1 / n:.3f} / {c3 / n:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-report", action="store_true", help="fit and write, without the held-out report")
    args = parser.parse_args()
    settings = Settings()
    from bot.wiring import build_services

    services = build_services(settings)
    index, kb = services.index, services.engine.kb
    if index.e5 is None:
        print("the classifier reads e5's vectors: set E5_RANKING=1", file=sys.stderr)
        return 2
    questions = dev_questions(settings.knowledge_dir)
    texts, text_labels = [], []
    for doc in documents(kb).values():
        texts += doc.texts
        text_labels += [[doc.card_id]] * len(doc.texts)
    classes = sorted({label for labels in text_labels for label in labels})
    known = set(classes)
    labels = [[card for card in item.expected if card in known] or [OUTSIDE] for _, item in questions]
    queries = []
    for _, item in questions:
        asked = item.as_question()
        queries.append(plain(search_query(asked, asked.read())))
    print(f"{len(texts)} card texts, {len(queries)} dev questions, {len(classes) - 1} cards: embedding…", flush=True)
    x_texts, x_questions = embed(index, texts), embed(index, queries)
    if not args.no_report:
        report(record(questions), x_texts, text_labels, x_questions, labels, classes, kb)
    share = np.concatenate([np.ones(len(texts)), np.full(len(queries), learned.QUESTION_WEIGHT)])
    w, b = learned.fit(np.vstack([x_texts, x_questions]), learned.targets(text_labels + labels, classes), share)
    path = learned.shipped_path(settings.knowledge_dir, index.embeddings, index.e5.inner)
    learned.CardClassifier(tuple(classes), w, b).save(path)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
