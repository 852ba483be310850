"""The shipped knowledge base: valid, bilingual, and good enough at finding the right card."""

import collections
import re

import pytest

from bot.advice import AdviceEngine
from bot.eval.questions import evaluate, load_questions, questions_dir
from bot.kb import check_knowledge, load_knowledge
from bot.kb.cards import CARD_ID
from bot.retrieval.index import CardIndex
from tests.conftest import KNOWLEDGE


def test_every_card_is_valid_and_translated() -> None:
    report = check_knowledge(KNOWLEDGE)
    assert report.ok, "\n".join(map(str, report.errors))
    assert report.knowledge.missing_translation() == []
    assert len(report.knowledge.ids) >= 45


def test_dev_set_is_large_balanced_and_labelled_with_real_cards() -> None:
    questions = load_questions(questions_dir(KNOWLEDGE))
    ids = set(check_knowledge(KNOWLEDGE).knowledge.ids)
    by_lang = collections.Counter(q.lang for q in questions)
    # Balanced within 2 %: a blind file is committed as written (dev6.yaml: 78 FR, 80 EN).
    assert len(questions) >= 150 and abs(by_lang["fr"] - by_lang["en"]) <= 0.02 * len(questions)
    assert sum(not q.expected for q in questions) >= 20
    labels = {card_id for q in questions for card_id in q.expected}
    assert all(re.fullmatch(CARD_ID, card_id) for card_id in labels)
    # Questions may name cards still being written; most must name a card that exists.
    on_topic = [q for q in questions if q.expected]
    assert sum(bool(set(q.expected) & ids) for q in on_topic) >= 0.9 * len(on_topic)


@pytest.fixture(scope="module")
def result(real_index: CardIndex):
    # dev only: the floors guard against regressions while tuning; test is reported by `kb eval`, never asserted
    return evaluate(load_questions(questions_dir(KNOWLEDGE)), AdviceEngine(load_knowledge(KNOWLEDGE), real_index))


def test_retrieval_quality_floors(result) -> None:
    # Regression floors on dev, not the targets (those are read on the test split by `kb eval`). Below what dev
    # measures (hit@3 0.87, lead 0.78, off-topic 1.0 once the out-of-scope examples were extended from its
    # misses, no false decline).
    assert result.hit_at_3 >= 0.85, result.to_json()
    assert result.lead_at_1 >= 0.75, result.to_json()
    assert result.offtopic_accuracy >= 0.90, result.to_json()
    assert result.false_decline_rate <= 0.02, result.to_json()
