"""Hostile posts to the webhook of the running bot (issue 11: 11): the secret is checked before the body is
read, bodies are capped at 1 MB, bad JSON is a 400, an unreadable update does not stop the others."""

from __future__ import annotations

import json
import select
import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.auxil.botapi import message_update
from tests.auxil.process import BotProcess
from tests.auxil.server import BotAPIServer, free_port
from tests.e2e.test_webhook import wait_for_port

pytestmark = pytest.mark.e2e
SECRET = "hostile-webhook-secret"
PATH = "/hook"


@pytest.fixture(scope="module")
def webhook(server: BotAPIServer, built: tuple[Path, Path], tmp_path_factory) -> Iterator[tuple[BotProcess, int]]:
    import shutil

    root = tmp_path_factory.mktemp("hostile-webhook")
    shutil.copytree(built[0], root / "knowledge")
    shutil.copytree(built[1], root / "data")
    port = free_port()
    process = BotProcess(
        server, root / "data", root / "knowledge", root / "bot.log",
        WEBHOOK_URL=f"http://127.0.0.1:{port}{PATH}", WEBHOOK_SECRET=SECRET, WEBHOOK_PORT=str(port), LOG_LEVEL="INFO",
    ).start()  # fmt: skip
    wait_for_port(port)
    yield process, port
    if process.proc and process.proc.poll() is None:
        process.proc.kill()


def raw_post(port: int, headers: dict[str, str], body: bytes, chunked: bool = False) -> int:
    """POST `body` piece by piece, stopping as soon as the server answers; returns the status it answered."""
    head = "".join(f"{key}: {value}\r\n" for key, value in headers.items())
    pieces = [body[start : start + 65536] for start in range(0, len(body), 65536)]
    if chunked:
        pieces = [f"{len(piece):x}\r\n".encode() + piece + b"\r\n" for piece in pieces] + [b"0\r\n\r\n"]
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(f"POST {PATH} HTTP/1.1\r\nHost: x\r\n{head}\r\n".encode())
        for piece in pieces:
            # A short pause per piece lets a refusal arrive before more is sent (sending into a closed
            # connection would reset it and lose the answer).
            if select.select([sock], [], [], 0.1)[0]:
                break  # answered before the whole body was sent
            try:
                sock.sendall(piece)
            except OSError:
                break
        reply = sock.recv(4096).decode(errors="replace")
    return int(reply.split()[1])


def json_headers(length: int | None, secret: str | None = SECRET) -> dict[str, str]:
    headers = {"Content-Type": "application/json"}
    if length is not None:
        headers["Content-Length"] = str(length)
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    return headers


def update(body: dict) -> bytes:
    return json.dumps({"update_id": 900, **body}).encode()


def test_a_post_without_the_secret_is_refused_before_its_body_is_read(webhook) -> None:
    _, port = webhook
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        # 90 MB announced, 64 kB sent: the answer must not wait for the rest.
        sock.sendall(f"POST {PATH} HTTP/1.1\r\nHost: x\r\n".encode())
        sock.sendall("".join(f"{k}: {v}\r\n" for k, v in json_headers(90_000_000, "wrong").items()).encode() + b"\r\n")
        sock.sendall(b"x" * 65536)
        started = time.monotonic()
        reply = sock.recv(4096).decode(errors="replace")
    assert reply.split()[1] == "403" and time.monotonic() - started < 2


def test_bodies_over_one_megabyte_are_refused(webhook) -> None:
    _, port = webhook
    big = b"[" + b"1," * 600_000 + b"1]"
    assert raw_post(port, json_headers(len(big)), big) == 413
    chunked = {**json_headers(None), "Transfer-Encoding": "chunked"}
    assert raw_post(port, chunked, big, chunked=True) == 413


def test_malformed_json_is_a_400_and_an_unreadable_update_is_skipped(webhook, server: BotAPIServer) -> None:
    process, port = webhook
    bad = b'{"update_id": 1, "message": '
    assert raw_post(port, json_headers(len(bad)), bad) == 400
    poll = update({"poll": {"id": "p", "question": "zq-webhook-sentinel"}})
    assert raw_post(port, json_headers(len(poll)), poll) == 200
    good = update(message_update(8201, "how much should I charge for a reel?"))
    assert raw_post(port, json_headers(len(good)), good) == 200
    [answer] = server.api.wait_messages(8201, 1)
    assert "Checklist" in answer.text
    assert "zq-webhook-sentinel" not in process.logs()


def test_the_webhook_bot_stops_within_5_seconds(webhook) -> None:
    process, _ = webhook
    started = time.monotonic()
    process.proc.send_signal(signal.SIGTERM)
    assert process.proc.wait(timeout=10) == 0
    assert time.monotonic() - started < 5
