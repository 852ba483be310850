"""Questions answered together give the same answers as alone, and one failure stays with its question."""

import asyncio

import pytest

from bot.advice import AdviceEngine, Answer, Question
from bot.errors import EmptyQuestionError
from bot.eval.questions import load_questions, questions_dir
from bot.kb import load_knowledge
from bot.retrieval.index import CardIndex
from bot.telegram.batcher import AskBatcher
from tests.conftest import KNOWLEDGE


@pytest.fixture(scope="module")
def engine(real_index: CardIndex) -> AdviceEngine:
    return AdviceEngine(load_knowledge(KNOWLEDGE), real_index)


def test_a_batch_answers_like_single_questions(engine: AdviceEngine) -> None:
    questions = [Question(q.q, default_lang=q.lang) for q in load_questions(questions_dir(KNOWLEDGE))[:40]]
    questions.append(Question("🙂🙂", default_lang="fr"))
    batch = engine.ask_many(questions)
    assert batch == [engine.ask(q.text, q.lang, q.default_lang) for q in questions]
    assert not batch[-1].in_scope and batch[-1].lang == "fr"
    with pytest.raises(EmptyQuestionError):
        engine.ask_many([Question("fine question about pay"), Question("   ")])


async def test_concurrent_questions_share_batches_and_errors_stay_with_their_question(engine: AdviceEngine) -> None:
    sizes: list[int] = []
    original = engine.ask_many

    def spying(questions: list[Question]) -> list[Answer]:
        sizes.append(len(questions))
        return original(questions)

    engine.ask_many = spying  # type: ignore[method-assign]
    batcher = AskBatcher(engine)
    texts = ["how much for a reel?", "c quoi une exclu ?", "   ", "is #ad needed for gifts?"] * 5
    results = await asyncio.gather(*(batcher.ask(Question(t)) for t in texts), return_exceptions=True)
    await batcher.close()
    assert max(sizes) > 1  # they were answered together
    assert [isinstance(r, EmptyQuestionError) for r in results] == [t.strip() == "" for t in texts]
    assert all(isinstance(r, Answer) and r.in_scope for r, t in zip(results, texts, strict=True) if t.strip())
