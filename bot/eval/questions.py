"""`kb eval`: how well the coach finds the right card for questions written the way creators type.

The questions live in `knowledge/eval/questions/`: every `dev*.yaml` file is the dev split (look at its
misses, tune cards, phrases, rules and weights on it), every `test*.yaml` file the test split (written blind;
run it and report its aggregate figures, never read its cases or misses, never tune on it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, Protocol

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from bot.advice.engine import Question
from bot.advice.models import Answer, Hit
from bot.i18n import Lang
from bot.offers.models import Profile

RANK_DEPTH = 10
SPLITS = ("dev", "test")
HEADLINE_ORDER = ("test", "dev")  # the split reported first: test when it has questions (it was not tuned on)
Split = Literal["dev", "test"]
Country = Literal["fr", "be", "ch", "ca", "uk", "us", "other"]
BATCH = 32  # questions per engine call: one embedding batch


class EvalQuestion(BaseModel):
    # Unknown keys are ignored: a blind-written file may carry notes we do not read.
    model_config = ConfigDict(extra="ignore", frozen=True)

    q: str
    lang: Lang
    expected: list[str]  # card ids that answer it, best first; empty = off-topic, must be declined
    history: list[str] = Field(default_factory=list)  # the creator's previous message(s), oldest first
    country: Country | None = None  # the creator's profile country, when the case sets one

    def as_question(self) -> Question:
        profile = Profile(country=self.country) if self.country else None
        return Question(self.q, lang=self.lang, default_lang=self.lang, history=tuple(self.history), profile=profile)


class Engine(Protocol):
    """What `evaluate` needs of the advice engine: its ranking and its composed answers."""

    def search_many(self, questions: Sequence[Question], k: int) -> list[list[Hit]]: ...

    def ask_many(self, questions: Sequence[Question]) -> list[Answer]: ...


@dataclass(frozen=True)
class Miss:
    question: str
    expected: list[str]
    found: list[str]  # the top 3 card ids, [] when declined
    lead: str | None  # the card the direct answer came from, None when declined


@dataclass(frozen=True)
class EvalResult:
    questions: int
    hit_at_1: float
    hit_at_3: float
    mrr: float
    offtopic_accuracy: float
    false_decline_rate: float  # on-topic questions the coach wrongly declined
    lead_at_1: float  # on-topic questions whose direct answer (first paragraph) comes from an expected card
    misses: list[Miss] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "questions": self.questions,
            "hit_at_1": round(self.hit_at_1, 4),
            "hit_at_3": round(self.hit_at_3, 4),
            "mrr": round(self.mrr, 4),
            "offtopic_accuracy": round(self.offtopic_accuracy, 4),
            "false_decline_rate": round(self.false_decline_rate, 4),
            "lead_at_1": round(self.lead_at_1, 4),
        }


@dataclass(frozen=True)
class EvalReport:
    """Both splits; the headline figures are the test split's when there is one (it was not tuned on)."""

    splits: dict[str, EvalResult]

    @property
    def headline(self) -> tuple[str, EvalResult] | None:
        for name in HEADLINE_ORDER:
            if name in self.splits:
                return name, self.splits[name]
        return None

    def to_json(self) -> dict[str, object]:
        headline = self.headline
        out: dict[str, object] = {**headline[1].to_json(), "split": headline[0]} if headline else {}
        out.update({name: result.to_json() for name, result in self.splits.items()})
        return out


def questions_dir(knowledge_dir: Path) -> Path:
    return knowledge_dir / "eval" / "questions"


def load_split(folder: Path, split: Split) -> list[EvalQuestion]:
    """Every question of the `split*.yaml` files in `folder`, in file order."""
    adapter = TypeAdapter(list[EvalQuestion])
    questions: list[EvalQuestion] = []
    for path in sorted(folder.glob(f"{split}*.yaml")):
        questions += adapter.validate_python(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return questions


def load_questions(folder: Path, splits: Sequence[Split] = ("dev",)) -> list[EvalQuestion]:
    """The questions of `splits` (dev only unless asked: tools that look at cases must not see test)."""
    return [q for split in splits for q in load_split(folder, split)]


def evaluate(questions: Sequence[EvalQuestion], engine: Engine) -> EvalResult:
    """Ranking figures from the engine's search, declines and the lead card from its composed answers.

    A declined on-topic question counts as a miss everywhere: the creator got no answer.
    """
    ranked: list[list[str]] = []
    answers: list[Answer] = []
    for start in range(0, len(questions), BATCH):
        batch = [q.as_question() for q in questions[start : start + BATCH]]
        ranked += [[hit.card_id for hit in hits] for hits in engine.search_many(batch, k=RANK_DEPTH)]
        answers += engine.ask_many(batch)
    hit1 = hit3 = reciprocal = declined = lead1 = 0.0
    on_topic = sum(1 for q in questions if q.expected)
    off_ok = 0
    misses: list[Miss] = []
    for question, cards, answer in zip(questions, ranked, answers, strict=True):
        lead = answer.sources[0].id if answer.in_scope and answer.sources else None
        if not question.expected:
            off_ok += lead is None
            if lead is not None:
                misses.append(Miss(question.q, [], cards[:3], lead))
            continue
        if lead is None:
            declined += 1
            cards = []
        rank = next((i for i, card_id in enumerate(cards, 1) if card_id in question.expected), None)
        hit1 += rank == 1
        hit3 += rank is not None and rank <= 3
        reciprocal += 1 / rank if rank else 0.0
        lead1 += lead in question.expected
        if not rank or rank > 3 or lead not in question.expected:
            misses.append(Miss(question.q, question.expected, cards[:3], lead))
    n = max(on_topic, 1)
    return EvalResult(
        questions=len(questions),
        hit_at_1=hit1 / n,
        hit_at_3=hit3 / n,
        mrr=reciprocal / n,
        offtopic_accuracy=off_ok / max(len(questions) - on_topic, 1),
        false_decline_rate=declined / n,
        lead_at_1=lead1 / n,
        misses=misses,
    )


def evaluate_splits(folder: Path, engine: Engine, *, headline_only: bool = False) -> EvalReport:
    """Every split that has questions, or only the headline one (test if it has questions, else dev): what `/kb`
    shows, without measuring dev's two thousand questions for nothing. Test misses are dropped here: nobody tuning
    should see them."""
    splits: dict[str, EvalResult] = {}
    for split in HEADLINE_ORDER if headline_only else SPLITS:
        questions = load_split(folder, split)
        if questions:
            result = evaluate(questions, engine)
            splits[split] = result if split == "dev" else replace(result, misses=[])
            if headline_only:
                break
    return EvalReport(splits)
