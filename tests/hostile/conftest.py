"""Hostile cases replayed against the bot as a separate process, on a knowledge base and index built once.

Each process starts from a copy of one pre-built DATA_DIR, so a start costs the model load, not an index build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.auxil.botapi import Sent, document, message_update
from tests.auxil.process import ROOT, BotProcess
from tests.auxil.server import BotAPIServer
from tests.conftest import KNOWLEDGE

ADMIN = 7001


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(knowledge folder, DATA_DIR with its index built) to copy from."""
    root = tmp_path_factory.mktemp("hostile-built")
    knowledge, data = root / "knowledge", root / "data"
    shutil.copytree(KNOWLEDGE, knowledge)
    run_cli(["kb", "refresh"], knowledge, data, check=True)
    return knowledge, data


def run_cli(
    args: list[str], knowledge: Path, data: Path, check: bool = False, timeout: float = 120, **env: str
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env={**os.environ, "TELEGRAM_BOT_TOKEN": "", "KNOWLEDGE_DIR": str(knowledge), "DATA_DIR": str(data), **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"{args} exited {result.returncode}: {result.stderr[-2000:]}")
    return result


@pytest.fixture
def workspace(built: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of the knowledge base and the index, for a test that damages them."""
    knowledge, data = built
    shutil.copytree(knowledge, tmp_path / "knowledge")
    shutil.copytree(data, tmp_path / "data")
    return tmp_path / "knowledge", tmp_path / "data"


@pytest.fixture(scope="module")
def server() -> Iterator[BotAPIServer]:
    with BotAPIServer() as server:
        yield server


@pytest.fixture(scope="module")
def bot(
    server: BotAPIServer, built: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[BotProcess, Path]]:
    """One bot for the module, with an admin, on its own copy of the knowledge base."""
    root = tmp_path_factory.mktemp("hostile-bot")
    shutil.copytree(built[0], root / "knowledge")
    shutil.copytree(built[1], root / "data")
    process = BotProcess(server, root / "data", root / "knowledge", root / "bot.log", ADMIN_IDS=str(ADMIN)).start()
    yield process, root
    if process.proc and process.proc.poll() is None:
        process.stop()


def say(
    server: BotAPIServer, user_id: int, text: str | None, count: int = 1, timeout: float = 20, **extra: object
) -> list[Sent]:
    before = len(server.api.messages(user_id))
    server.api.push(message_update(user_id, text, **extra))
    return server.api.wait_messages(user_id, before + count, timeout=timeout)[before:]


def upload(server: BotAPIServer, user_id: int, name: str, data: bytes, timeout: float = 20) -> list[Sent]:
    file_id = f"hostile{len(server.api.files)}"
    server.api.files[file_id] = data
    return say(server, user_id, None, timeout=timeout, document=document(file_id, name, len(data)))
