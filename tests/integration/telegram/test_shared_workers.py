"""Two workers (two Applications, as two processes would build them) sharing one PostgreSQL: a user's updates
alternate between them through PTB's update processor, as `serve --workers 2` alternates them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from pydantic import SecretStr
from telegram import Update
from telegram.ext import Application

from bot.config import Settings
from bot.telegram.app import build_application
from bot.telegram.shared import SharedConversations, SharedRateLimiter
from bot.wiring import Services, build_services
from tests.auxil.botapi import TOKEN, BotAPI, RecordingRequest, Sent, callback_update, message_update
from tests.auxil.postgres import PostgresServer
from tests.cards import card_text, write_pair
from tests.conftest import KNOWLEDGE

EN = 2002


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Services:
    settings = Settings(
        _env_file=None, telegram_bot_token=TOKEN, data_dir=tmp_path_factory.mktemp("workers-data"),
        knowledge_dir=KNOWLEDGE, typing_delay=0, user_rate_per_minute=50,
    )  # fmt: skip
    return build_services(settings)


class Workers:
    def __init__(self, apps: list[Application], api: BotAPI) -> None:
        self.apps, self.api, self.turn, self.update_id = apps, api, 0, 0

    async def send(self, update: dict, worker: int | None = None) -> list[Sent]:
        """One update through one worker's update processor (the next one in turn unless named)."""
        if worker is None:
            worker, self.turn = self.turn, (self.turn + 1) % len(self.apps)
        app = self.apps[worker]
        if "message" in update:
            message = update["message"]
            self.api.inbox[(message["chat"]["id"], message["message_id"])] = message
        self.update_id += 1
        parsed = Update.de_json({**update, "update_id": self.update_id}, app.bot)
        before = len(self.api.sent)
        await app.update_processor.process_update(parsed, app.process_update(parsed))
        return [s for s in self.api.sent[before:] if s.method == "sendMessage"]

    async def say(self, text: str, worker: int | None = None) -> list[Sent]:
        return await self.send(message_update(EN, text, "en"), worker)

    async def press(self, data: str, worker: int | None = None) -> list[Sent]:
        return await self.send(callback_update(EN, data, None, language_code="en"), worker)


@pytest.fixture
async def workers(built: Services, postgres: PostgresServer) -> AsyncIterator[Workers]:
    url = postgres.new_schema()
    settings = built.settings.model_copy(update={"database_url": SecretStr(url)})
    api = BotAPI()
    apps = []
    for _ in range(2):
        services = Services(settings, built.index, built.engine)  # each worker's own connections
        await services.open()
        app = build_application(settings, request=RecordingRequest(api))
        app.bot_data.services = services
        await app.initialize()
        await app.post_init(app)  # type: ignore[misc]
        apps.append(app)
    yield Workers(apps, api)
    for app in apps:
        await app.shutdown()
        await app.bot_data.services.close()


async def test_the_workers_share_state_limits_and_conversations(workers: Workers) -> None:
    app = workers.apps[0]
    assert isinstance(app.update_processor, SharedConversations) and app.update_processor.app is app
    assert isinstance(app.bot.rate_limiter, SharedRateLimiter)


async def test_a_guided_offer_alternating_between_workers_completes(workers: Workers) -> None:
    [_, first] = await workers.say("/offer")  # worker 0
    assert "What does the brand offer" in first.text
    await workers.say("300 dollars")  # worker 1 must know the dialog is at the pay step
    await workers.say("2 tiktoks")  # worker 0
    [rights_q] = await workers.say("vegan snacks")  # worker 1
    assert "reuse" in rights_q.text
    await workers.press("of:set:rights:none")  # worker 0
    [payment_q] = await workers.press("of:skip:exclusivity")  # worker 1
    assert "When would you be paid" in payment_q.text
    await workers.say("net 30")  # worker 0
    result = await workers.press("of:set:disclosure:required")  # worker 1
    assert "Verdict: accept" in result[1].text
    assert "300" in result[0].text and "2 × tiktok" in result[0].text


async def test_forget_on_one_worker_is_seen_by_the_other(workers: Workers) -> None:
    await workers.say("/lang", worker=0)
    await workers.apps[0].bot_data.services.db.set_language(EN, "fr")
    [first] = (await workers.say("/offer", worker=1))[-1:]
    assert "Que propose la marque" in first.text  # worker 1 reads the language worker 0 stored
    await workers.say("/forget", worker=0)
    await workers.press("forget:yes", worker=0)
    assert await workers.apps[1].bot_data.services.db.rows_about(EN) == 0
    # Worker 1 held the dialog in memory: it must neither resume it nor remember the language.
    [answer] = await workers.say("300 dollars", worker=1)
    assert "What do they want" not in answer.text and "Que demandent-ils" not in answer.text  # the next step
    assert await workers.apps[1].bot_data.services.db.language(EN) is None


def test_a_worker_catches_up_with_cards_another_worker_changed(tmp_path: Path) -> None:
    """Two workers on one DATA_DIR and knowledge folder: an admin's upload through one is served by the other
    once it catches up (SharedConversations asks every few seconds)."""
    write_pair(tmp_path / "knowledge", "fair-pay", summary="How much to charge a brand for a sponsored post.")
    settings = Settings(
        _env_file=None, data_dir=tmp_path / "data", knowledge_dir=tmp_path / "knowledge", e5_ranking=False
    )
    one, two = build_services(settings), build_services(settings, refresh=False)
    assert not two.behind()
    text = card_text("zz-quokka", "en", summary="The quokka sanctuary and zebra crossings sponsorship card.")
    one.knowledge.upload(7, "zz-quokka.md", text.encode())
    assert two.behind() and "zz-quokka" not in {card.id for card in two.kb}
    report = two.catch_up()
    assert report is not None and report.added == ["zz-quokka:en"]
    assert "zz-quokka" in {card.id for card in two.kb} and not two.behind() and two.catch_up() is None
    assert two.index.search("the quokka sanctuary wants a post about zebra crossings", k=1)[0].card_id == "zz-quokka"
