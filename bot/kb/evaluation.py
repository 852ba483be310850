"""`kb eval`: how well retrieval finds the right card for questions written the way creators type."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter

from bot.advice.models import Retriever
from bot.i18n import Lang

RANK_DEPTH = 10


class EvalQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    q: str
    lang: Lang
    expected: list[str]  # card ids that answer it, best first; empty = off-topic, must be declined


@dataclass(frozen=True)
class EvalResult:
    questions: int
    hit_at_1: float
    hit_at_3: float
    mrr: float
    offtopic_accuracy: float
    false_decline_rate: float  # on-topic questions the coach wrongly declined
    misses: list[tuple[str, list[str], list[str]]]  # (question, expected, found top 3)

    def to_json(self) -> dict[str, object]:
        return {
            "questions": self.questions,
            "hit_at_1": round(self.hit_at_1, 4),
            "hit_at_3": round(self.hit_at_3, 4),
            "mrr": round(self.mrr, 4),
            "offtopic_accuracy": round(self.offtopic_accuracy, 4),
            "false_decline_rate": round(self.false_decline_rate, 4),
        }


def load_questions(eval_dir: Path) -> list[EvalQuestion]:
    adapter = TypeAdapter(list[EvalQuestion])
    questions: list[EvalQuestion] = []
    for path in sorted(eval_dir.glob("*.yaml")):
        questions += adapter.validate_python(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return questions


def evaluate(questions: list[EvalQuestion], retriever: Retriever) -> EvalResult:
    """A declined on-topic question counts as a miss: the creator got no answer."""
    hit1 = hit3 = reciprocal = declined = 0.0
    on_topic = [q for q in questions if q.expected]
    off_topic = [q for q in questions if not q.expected]
    off_ok = 0
    misses: list[tuple[str, list[str], list[str]]] = []
    for question in questions:
        ranked = [hit.card_id for hit in retriever.search(question.q, k=RANK_DEPTH)]
        if not question.expected:
            off_ok += not ranked
            if ranked:
                misses.append((question.q, [], ranked[:3]))
            continue
        declined += not ranked
        rank = next((i for i, card_id in enumerate(ranked, 1) if card_id in question.expected), None)
        hit1 += rank == 1
        hit3 += rank is not None and rank <= 3
        reciprocal += 1 / rank if rank else 0.0
        if not rank or rank > 3:
            misses.append((question.q, question.expected, ranked[:3]))
    n = max(len(on_topic), 1)
    return EvalResult(
        questions=len(questions),
        hit_at_1=hit1 / n,
        hit_at_3=hit3 / n,
        mrr=reciprocal / n,
        offtopic_accuracy=off_ok / max(len(off_topic), 1),
        false_decline_rate=declined / n,
        misses=misses,
    )
