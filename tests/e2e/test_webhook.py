"""Webhook mode: the bot registers its URL with a secret, accepts updates that carry it, refuses the rest."""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.auxil.botapi import message_update
from tests.auxil.process import BotProcess
from tests.auxil.server import BotAPIServer, free_port

pytestmark = pytest.mark.e2e
SECRET = "webhook-secret-42"


@pytest.fixture(scope="module")
def webhook_bot(
    server: BotAPIServer, data_dir: Path, knowledge: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[BotProcess, str]]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram-hook"
    log = tmp_path_factory.mktemp("logs") / "webhook.log"
    process = BotProcess(
        server, data_dir, knowledge, log, WEBHOOK_URL=url, WEBHOOK_SECRET=SECRET, WEBHOOK_PORT=str(port)
    )
    process.start()  # returns once setWebhook was called: PTB may still be binding the port
    wait_for_port(port)
    yield process, url
    process.stop()


def wait_for_port(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def post(url: str, update: dict, secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, data=json.dumps({"update_id": 1, **update}).encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_webhook_is_registered_with_its_secret(webhook_bot: tuple[BotProcess, str], server: BotAPIServer) -> None:
    _, url = webhook_bot
    assert server.api.webhook["url"] == url
    assert server.api.webhook["secret_token"] == SECRET


def test_updates_with_the_secret_are_answered_and_others_refused(
    webhook_bot: tuple[BotProcess, str], server: BotAPIServer
) -> None:
    process, url = webhook_bot
    assert post(url, message_update(31, "how much should I charge for a reel?"), secret="wrong") == 403
    assert post(url, message_update(31, "how much should I charge for a reel?"), secret=None) == 403
    assert post(url, message_update(32, "is it ok to promote crypto in France?"), secret=SECRET) == 200
    [answer] = server.api.wait_messages(32, 1)
    assert "Checklist" in answer.text
    assert server.api.messages(31) == []
    assert SECRET not in process.logs()
