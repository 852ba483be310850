"""The `serve --workers N` front against real HTTP workers on loopback: a chat's updates are handled one at a
time and in order, whichever worker takes them; different chats do not wait for each other."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import AsyncIterator

import pytest
import tornado.web
from pydantic import SecretStr
from tornado.httpserver import HTTPServer

from bot.config import Settings
from bot.telegram.serve import Front, Worker, chat_of, free_port
from tests.auxil.botapi import callback_update, message_update

SECRET = "front-secret-3"
HANDLING = 0.3  # seconds a worker takes per update: long enough for a second update to arrive meanwhile


class Recorder:
    def __init__(self) -> None:
        self.spans: list[tuple[int, str, float, float]] = []  # chat, text, start, end


class SlowWorker(tornado.web.RequestHandler):
    def initialize(self, recorder: Recorder) -> None:
        self.recorder = recorder

    async def post(self) -> None:
        update = json.loads(self.request.body)
        start = time.monotonic()
        await asyncio.sleep(HANDLING)
        message = update.get("message") or {}
        self.recorder.spans.append((chat_of(self.request.body) or 0, message.get("text", ""), start, time.monotonic()))
        self.set_status(200)


class LiveWorker(Worker):
    """A worker whose process is this test: alive as long as its server listens."""

    @property
    def alive(self) -> bool:
        return True


@pytest.fixture
async def front() -> AsyncIterator[tuple[Front, Recorder]]:
    recorder = Recorder()
    settings = Settings(
        _env_file=None, webhook_url="https://example.test/hook", webhook_secret=SecretStr(SECRET)
    )  # fmt: skip
    workers, servers = [], []
    for number in (1, 2):
        worker = LiveWorker(number, free_port())
        server = HTTPServer(tornado.web.Application([("/hook", SlowWorker, {"recorder": recorder})]))
        server.listen(worker.port, address="127.0.0.1")
        worker.ready = True
        workers.append(worker)
        servers.append(server)
    yield Front(settings, workers), recorder
    for server in servers:
        server.stop()


def body(update: dict) -> bytes:
    return json.dumps({"update_id": 1, **update}).encode()


async def test_one_chats_updates_are_handled_one_at_a_time_in_order(front: tuple[Front, Recorder]) -> None:
    proxy, recorder = front
    texts = ["/offer", "300 euros", "2 reels", "vegan snacks"]
    results = await asyncio.gather(*(proxy.forward(body(message_update(7, text))) for text in texts))
    assert {worker for _, worker in results} == {1, 2}  # still spread over both workers
    assert [text for _, text, _, _ in recorder.spans] == texts  # in the order they came
    for (_, _, _, end), (_, _, start, _) in itertools.pairwise(recorder.spans):
        assert start >= end  # the next one began only once the previous one was handled
    assert proxy._chats == {}  # nothing kept for a quiet chat


async def test_different_chats_do_not_wait_for_each_other(front: tuple[Front, Recorder]) -> None:
    proxy, recorder = front
    started = time.monotonic()
    await asyncio.gather(*(proxy.forward(body(message_update(chat, "hi"))) for chat in (11, 12)))
    assert time.monotonic() - started < 2 * HANDLING  # side by side on the two workers
    assert {chat for chat, _, _, _ in recorder.spans} == {11, 12}


def test_the_chat_of_each_kind_of_update() -> None:
    assert chat_of(body(message_update(5, "hi", chat_id=-100))) == -100
    assert chat_of(body(callback_update(6, "of:skip:exclusivity"))) == 6
    assert chat_of(body({"inline_query": {"id": "1", "from": {"id": 8}, "query": "", "offset": ""}})) == 8
    assert chat_of(b"not json") is None
    assert chat_of(b"[1, 2]") is None
    assert chat_of(body({"poll": {"id": "1"}})) is None
