"""The process under hostile updates and damaged files: it keeps serving, stops on time, or exits clearly
(issue 11: 6, 10)."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.retrieval.embeddings import USEEmbeddings
from bot.retrieval.index import CardIndex
from tests.auxil.process import ROOT, BotProcess
from tests.auxil.server import BotAPIServer
from tests.hostile.conftest import run_cli, say

pytestmark = pytest.mark.e2e
SENTINEL = "zq-sentinel-text-7781"


@pytest.fixture
def quiet_bot(server: BotAPIServer, workspace: tuple[Path, Path], tmp_path: Path) -> Iterator[BotProcess]:
    """A bot logging at INFO, the level it runs at in production."""
    knowledge, data = workspace
    process = BotProcess(server, data, knowledge, tmp_path / "bot.log", LOG_LEVEL="INFO").start()
    yield process
    if process.proc and process.proc.poll() is None:
        process.proc.kill()


def test_an_unparseable_update_is_skipped_once_and_the_bot_keeps_serving(
    quiet_bot: BotProcess, server: BotAPIServer
) -> None:
    poll = {"id": "p1", "question": f"{SENTINEL} poll"}  # no options, total_voter_count, …: PTB cannot build it
    server.api.push({"poll": poll})
    [answer] = say(server, 8101, f"how much should I charge for a reel? {SENTINEL}")
    assert "Checklist" in answer.text
    polls_before = sum(method == "getUpdates" for method, _ in server.api.calls)
    time.sleep(2)
    polls = sum(method == "getUpdates" for method, _ in server.api.calls) - polls_before
    assert polls <= 4  # long polls of 2 s, not a loop re-reading the same batch
    started = time.monotonic()
    quiet_bot.proc.send_signal(signal.SIGTERM)
    assert quiet_bot.proc.wait(timeout=10) == 0
    assert time.monotonic() - started < 5
    logs = quiet_bot.logs()
    assert logs.count("skipped update") == 1 and "(poll)" in logs
    assert SENTINEL not in logs  # neither the poll's text nor the user's message reach the logs


def test_a_corrupt_database_file_stops_the_bot_with_a_clear_message(
    server: BotAPIServer, workspace: tuple[Path, Path], tmp_path: Path
) -> None:
    knowledge, data = workspace
    (data / "coach.sqlite3").write_bytes(b"this is not a database, " * 200)
    env = BotProcess(server, data, knowledge, tmp_path / "bot.log").env
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=15
    )
    assert time.monotonic() - started < 5
    assert result.returncode != 0
    assert "coach.sqlite3" in result.stderr and "not a database" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_index_without_its_vectors_is_rebuilt_by_refresh(
    workspace: tuple[Path, Path], embeddings: USEEmbeddings
) -> None:
    knowledge, data = workspace
    segments = [path for path in (data / "index").iterdir() if path.is_dir()]
    assert segments
    for segment in segments:  # Chroma's vector segments; the SQLite rows stay
        shutil.rmtree(segment)
    refreshed = run_cli(["kb", "refresh", "--json"], knowledge, data, check=True)
    assert json.loads(refreshed.stdout)["added"] > 100  # rebuilt, not "unchanged"
    index = CardIndex(data / "index", embeddings)
    assert index.search("how much should I charge for a reel?", 3)  # found, not declined
