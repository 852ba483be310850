"""kill -9 while a message is being answered: the message is answered after the restart, and a message the bot
dies on twice is dropped instead of killing every later start (bot/telegram/inbox.py)."""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.auxil.botapi import message_update
from tests.auxil.process import BotProcess
from tests.auxil.server import BotAPIServer, free_port
from tests.e2e.test_webhook import wait_for_port
from tests.hostile.conftest import say

pytestmark = pytest.mark.e2e
QUESTION = "how much should I charge for a reel?"


def wait_until(condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


@pytest.fixture
def start(server: BotAPIServer, workspace: tuple[Path, Path], tmp_path: Path) -> Iterator[Callable[..., BotProcess]]:
    knowledge, data = workspace
    started: list[BotProcess] = []
    server.api.stalled.clear()

    def start_one(**env: str) -> BotProcess:
        log = tmp_path / "bot.log"
        started.append(BotProcess(server, data, knowledge, log, LOG_LEVEL="INFO", **env).start())
        return started[-1]

    yield start_one
    server.api.stalls.clear()
    for process in started:
        if process.proc and process.proc.poll() is None:
            process.proc.kill()


def kill_mid_answer(process: BotProcess, server: BotAPIServer, answers_begun: int) -> None:
    """Once the bot is sending its answer (held at the Bot API) and has confirmed the update to the Bot API."""
    wait_until(lambda: server.api.stalled.count("sendMessage") >= answers_begun)
    wait_until(lambda: not server.api.updates)  # PTB polled again past it: the Bot API will not resend it
    assert process.proc is not None
    process.proc.kill()
    process.proc.wait(timeout=10)


def test_a_message_being_answered_at_a_kill_is_answered_after_the_restart(
    server: BotAPIServer, start: Callable[[], BotProcess]
) -> None:
    gate = server.api.stall("sendMessage")
    first = start()
    server.api.push(message_update(8201, QUESTION))
    kill_mid_answer(first, server, 1)
    gate.set()
    assert server.api.messages(8201) == []  # the held answer died with the process

    start()
    [answer] = server.api.wait_messages(8201, 1, timeout=30)
    assert "Checklist" in answer.text
    time.sleep(1)
    assert len(server.api.messages(8201)) == 1  # handled once, not once per source


def test_a_message_the_bot_dies_on_twice_is_dropped_and_the_bot_serves_again(
    server: BotAPIServer, start: Callable[[], BotProcess]
) -> None:
    gate = server.api.stall("sendMessage")
    first = start()
    server.api.push(message_update(8301, QUESTION))
    kill_mid_answer(first, server, 1)
    kill_mid_answer(start(), server, 2)  # the restart handles it again and dies again
    gate.set()

    third = start()
    [answer] = say(server, 8302, QUESTION, timeout=30)
    assert "Checklist" in answer.text
    assert server.api.messages(8301) == []
    logs = third.logs()
    assert "dropped update" in logs and QUESTION not in logs


def test_a_webhook_update_being_answered_at_a_kill_is_answered_after_the_restart(
    server: BotAPIServer, start: Callable[..., BotProcess]
) -> None:
    port, secret = free_port(), "kill-test-secret"
    env = {"WEBHOOK_URL": f"http://127.0.0.1:{port}/hook", "WEBHOOK_SECRET": secret, "WEBHOOK_PORT": str(port)}
    gate = server.api.stall("sendMessage")
    first = start(**env)
    wait_for_port(port)
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/hook",
        data=json.dumps({"update_id": 9401, **message_update(8401, QUESTION)}).encode(),
        headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret},
    )
    with urllib.request.urlopen(request, timeout=10) as reply:
        assert reply.status == 200  # acknowledged: Telegram will not send it again
    kill_mid_answer(first, server, 1)
    gate.set()

    start(**env)
    [answer] = server.api.wait_messages(8401, 1, timeout=30)
    assert "Checklist" in answer.text
