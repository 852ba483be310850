"""Answers that answer: the closest sentences first, within one screen; figures sourced or said missing; dates."""

import datetime as dt
from pathlib import Path

from bot.advice import AdviceEngine, Hit
from bot.advice.composer import DIRECT_MAX
from bot.advice.texts import format_date
from bot.kb import load_knowledge
from tests.cards import write_pair


class One:
    def __init__(self, card_id: str) -> None:
        self.card_id = card_id

    def search_many(self, questions: list[str], k: int) -> list[list[Hit]]:
        return [[Hit(self.card_id, 0.8)] for _ in questions]


def _kb(tmp_path: Path):
    points = (
        "A long point about contracts that says nothing of the question at all, and goes on and on for a while.",
        "Another point on invoices and the timing of payment, long enough to take room on a phone screen too.",
        "A third point about deliverables and deadlines, which a creator reads when planning the month ahead.",
        "Usage rights for paid ads should be priced on top: 30% to 50% more per month (Hootsuite, 2024).",
        "A fifth point on the tone of voice of the sponsored post, written for the creator's own audience.",
    )
    write_pair(tmp_path, "fair-pay", points=points, as_of="2026-02-14")
    write_pair(tmp_path, "no-figures", points=("Ask what the brand plans to do.", "Write it down."))
    return load_knowledge(tmp_path)


def test_the_direct_answer_takes_the_closest_point_and_fits_one_screen(tmp_path: Path) -> None:
    engine = AdviceEngine(_kb(tmp_path), One("fair-pay"))
    answer = engine.ask("how much extra for usage rights on paid ads?", lang="en")
    assert any("Usage rights for paid ads" in p for p in answer.key_points)  # the fourth point, not the first
    assert len(answer.direct) <= DIRECT_MAX
    assert answer.more_points  # the rest is behind "more details"
    assert set(answer.key_points).isdisjoint(answer.more_points)


def test_a_figure_asked_for_is_sourced_or_said_missing(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    sourced = AdviceEngine(kb, One("fair-pay")).ask("how much for usage rights?", lang="en")
    assert any("30% to 50%" in p and "(source:" in p for p in sourced.key_points)
    missing = AdviceEngine(kb, One("no-figures")).ask("how much should I charge for a reel?", lang="en")
    assert any("No sourced figure" in p for p in missing.key_points)
    # Asking how (to ask for a higher fee, with 12k followers) is not asking how much.
    how = AdviceEngine(kb, One("no-figures")).ask("I have 12k, how do I ask for a higher fee?", lang="en")
    assert not any("No sourced figure" in p for p in how.key_points)


def test_as_of_is_an_iso_date_and_the_sentence_is_localised(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    french = AdviceEngine(kb, One("fair-pay")).ask("combien pour une story ?", lang="fr")
    assert french.to_json()["as_of"] == "2026-02-14"
    assert french.as_of_text == "Informations à jour au 14 février 2026."
    assert "february" not in french.answer.lower() and "14 février 2026" in french.answer
    english = AdviceEngine(kb, One("fair-pay")).ask("how much for a story?", lang="en")
    assert english.as_of_text == "Facts as of 14 February 2026."
    assert format_date(dt.date(2026, 5, 1), "fr") == "1er mai 2026"


def test_json_adds_fields_and_renames_none(tmp_path: Path) -> None:
    data = AdviceEngine(_kb(tmp_path), One("fair-pay")).ask("how much for a story?", lang="en").to_json()
    for name in ("question", "lang", "in_scope", "answer", "checklist", "sources", "references", "template",
                 "as_of", "kb_version"):  # fmt: skip
        assert name in data
    assert data["kind"] == "question" and data["lead_card"] == "fair-pay" and data["red_flags"] == []
    assert set(data["details"]) >= {"key_points", "checklist", "sources", "references"}  # type: ignore[arg-type]
