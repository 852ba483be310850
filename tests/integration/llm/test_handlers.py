"""Telegram with the optional language model (a LangChain fake chat model): "typing…" while it works, one
message, the model's words when they pass the checks, the offline answer otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from bot.advice import AdviceEngine, Question
from bot.config import Settings
from bot.kb import load_knowledge
from bot.llm.answers import ModelRewriter
from bot.retrieval.index import CardIndex
from bot.telegram import chat_action
from bot.wiring import Services
from tests.auxil.botapi import TOKEN
from tests.auxil.harness import Harness
from tests.conftest import KNOWLEDGE

USER = 2001
QUESTION = "A brand wants my Instagram password to post for me, is that normal?"


@pytest.fixture
def engine(real_index: CardIndex) -> AdviceEngine:
    return AdviceEngine(load_knowledge(KNOWLEDGE), real_index)


@pytest.fixture
def services(tmp_path: Path, engine: AdviceEngine) -> Services:
    settings = Settings(_env_file=None, telegram_bot_token=TOKEN, data_dir=tmp_path, knowledge_dir=KNOWLEDGE)
    return Services(settings, engine.retriever, engine)  # type: ignore[arg-type]


def model_reply(engine: AdviceEngine, prose: str | None = None, checklist: bool = True) -> str:
    (offline,) = engine.ask_many([Question(QUESTION, "en")])
    top = offline.sources[0].id
    text = prose or f"Never give your password to a brand: a real partner does not need it [{top}]."
    return text + ("\n\nCHECKLIST:\n" + "\n".join(f"- {i}" for i in offline.checklist) if checklist else "")


async def test_typing_is_shown_while_the_model_works_and_its_answer_sent_once(
    bot: Harness, engine: AdviceEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chat_action, "RENEW_EVERY", 0.4)
    engine.rewriter = ModelRewriter(FakeListChatModel(responses=[model_reply(engine)], sleep=1.0), timeout=5)
    sent = await bot.say(USER, QUESTION)
    methods = [s.method for s in sent]
    # Typing from the start (TYPING_DELAY 0.3 s), renewed every 0.4 s over the model's 1 s; then one message.
    assert methods[-1] == "sendMessage" and set(methods[:-1]) == {"sendChatAction"} and len(methods[:-1]) >= 2
    assert "Never give your password to a brand" in sent[-1].text
    assert "[" not in sent[-1].text.split("\n")[0]  # the citation is not shown; the sources are listed below
    assert engine.rewriter.outcomes == {"generated": 1}
    assert not bot.api.errors


async def test_a_rewrite_that_fails_the_checks_sends_the_offline_answer(bot: Harness, engine: AdviceEngine) -> None:
    (offline,) = engine.ask_many([Question(QUESTION, "en")])
    engine.rewriter = ModelRewriter(FakeListChatModel(responses=[model_reply(engine, checklist=False)]), timeout=5)
    [answer] = [s for s in await bot.say(USER, QUESTION) if s.method == "sendMessage"]
    assert offline.summary.split(".")[0] in answer.text and "Never give your password" not in answer.text
    assert engine.rewriter.outcomes == {"checklist_dropped": 1}
