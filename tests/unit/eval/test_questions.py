"""`kb eval` scoring: splits by file name, hit@k from the ranking, lead_at_1 and declines from the answers."""

from collections.abc import Sequence
from pathlib import Path

from bot.advice.engine import Question
from bot.advice.models import Answer, Hit, SourceRef
from bot.eval.questions import EvalQuestion, evaluate, evaluate_splits, load_questions


class FakeEngine:
    """Ranks and answers from fixed tables keyed by the message; records what it was asked."""

    def __init__(self, ranking: dict[str, list[str]], lead: dict[str, str | None]) -> None:
        self.ranking, self.lead = ranking, lead
        self.asked: list[Question] = []

    def search_many(self, questions: Sequence[Question], k: int) -> list[list[Hit]]:
        return [[Hit(card_id, 0.5) for card_id in self.ranking.get(q.text, [])][:k] for q in questions]

    def ask_many(self, questions: Sequence[Question]) -> list[Answer]:
        self.asked += questions
        answers = []
        for q in questions:
            lead = self.lead.get(q.text)
            sources = [SourceRef(lead, lead)] if lead else []
            answers.append(Answer(q.text, "en", in_scope=lead is not None, summary="", sources=sources))
        return answers


def q(text: str, expected: list[str], **extra: object) -> EvalQuestion:
    return EvalQuestion(q=text, lang="en", expected=expected, **extra)


def test_lead_hit_and_declines_are_counted_apart() -> None:
    engine = FakeEngine(
        ranking={"a": ["x", "y"], "b": ["z", "x"], "c": ["x"], "off": ["x"], "off2": ["y"]},
        lead={"a": "x", "b": "z", "c": None, "off": None, "off2": "y"},
    )
    result = evaluate([q("a", ["x"]), q("b", ["x"]), q("c", ["x"]), q("off", []), q("off2", [])], engine)
    assert result.hit_at_1 == 1 / 3  # "c" ranks x first but the answer declined: a miss
    assert result.hit_at_3 == 2 / 3
    assert result.lead_at_1 == 1 / 3  # "b" finds x second, but the direct answer comes from z
    assert result.false_decline_rate == 1 / 3
    assert result.offtopic_accuracy == 0.5
    assert {miss.question for miss in result.misses} == {"b", "c", "off2"}
    assert set(result.to_json()) >= {"questions", "hit_at_1", "hit_at_3", "mrr", "offtopic_accuracy", "lead_at_1"}


def test_follow_ups_reach_the_engine_with_their_history() -> None:
    engine = FakeEngine(
        ranking={"and if they refuse?": ["counter-offer"]}, lead={"and if they refuse?": "counter-offer"}
    )
    item = q("and if they refuse?", ["counter-offer"], history=["how do I ask for more money?"], country="uk")
    assert evaluate([item], engine).lead_at_1 == 1.0
    assert engine.asked[0].history == ("how do I ask for more money?",)


def write(folder: Path, name: str, items: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = "".join(f'- q: "{text}"\n  lang: en\n  expected: [x]\n  note: ignored\n' for text in items)
    (folder / name).write_text(text)


def test_splits_come_from_file_names_and_test_misses_are_never_kept(tmp_path: Path) -> None:
    write(tmp_path, "dev.yaml", ["good", "bad"])
    write(tmp_path, "dev-new.yaml", ["bad2"])
    write(tmp_path, "test.yaml", ["good", "bad"])
    write(tmp_path, "notes.yaml", ["ignored"])
    assert sorted(item.q for item in load_questions(tmp_path)) == ["bad", "bad2", "good"]
    engine = FakeEngine(ranking={"good": ["x"], "bad": ["y"]}, lead={"good": "x", "bad": "y", "bad2": "y"})
    report = evaluate_splits(tmp_path, engine)
    assert report.splits["dev"].questions == 3 and len(report.splits["dev"].misses) == 2
    assert report.splits["test"].questions == 2 and report.splits["test"].misses == []
    out = report.to_json()
    assert out["split"] == "test" and out["hit_at_1"] == out["test"]["hit_at_1"] == 0.5  # type: ignore[index]
    assert out["dev"]["lead_at_1"] == round(1 / 3, 4)  # type: ignore[index]


def test_without_a_test_split_the_headline_is_dev(tmp_path: Path) -> None:
    write(tmp_path, "dev.yaml", ["good"])
    out = evaluate_splits(tmp_path, FakeEngine(ranking={"good": ["x"]}, lead={"good": "x"})).to_json()
    assert out["split"] == "dev" and out["lead_at_1"] == 1.0 and "test" not in out
    only = evaluate_splits(tmp_path, FakeEngine(ranking={"good": ["x"]}, lead={"good": "x"}), headline_only=True)
    assert list(only.splits) == ["dev"]


def test_the_headline_alone_asks_the_engine_only_the_test_questions(tmp_path: Path) -> None:
    write(tmp_path, "dev.yaml", ["good", "bad"])
    write(tmp_path, "test.yaml", ["good"])
    engine = FakeEngine(ranking={"good": ["x"], "bad": ["y"]}, lead={"good": "x", "bad": "y"})
    report = evaluate_splits(tmp_path, engine, headline_only=True)
    assert list(report.splits) == ["test"] and report.headline is not None and report.headline[0] == "test"
    assert [asked.text for asked in engine.asked] == ["good"]
