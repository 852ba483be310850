"""Fixtures shared by the integration tests: the command line in-process, the Telegram application."""

from __future__ import annotations

import io
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.storage import Database
from bot.telegram.app import build_application
from bot.telegram.batcher import AskBatcher
from bot.telegram.throttle import Throttle
from bot.wiring import Services
from tests.auxil.botapi import BotAPI, RecordingRequest
from tests.auxil.cli import Result, Run
from tests.auxil.harness import Harness
from tests.conftest import KNOWLEDGE


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """`python -m bot ARGS` in-process; stdin is given as text or as raw bytes (read through .buffer)."""

    def run(*args: str, data_dir: Path, knowledge: Path = KNOWLEDGE, stdin: str | bytes | None = None) -> Result:
        monkeypatch.setenv("DATA_DIR", str(data_dir))
        monkeypatch.setenv("KNOWLEDGE_DIR", str(knowledge))
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
        raw = stdin.encode() if isinstance(stdin, str) else stdin or b""
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


@pytest.fixture
def languages() -> dict[int, str]:
    """The language_code each test user's button presses carry; a test module overrides it."""
    return {}


@pytest.fixture
async def bot(tmp_path: Path, services: Services, languages: dict[int, str]) -> AsyncIterator[Harness]:
    """The Telegram application over the module's `services` fixture (engine and index built once per module);
    the users' database, the throttle and the batcher are each test's own."""
    services.db = Database(tmp_path / "coach.sqlite3")
    services.throttle = Throttle(services.settings.user_rate_per_minute)
    services.batcher = AskBatcher(services.engine)
    await services.open()
    api = BotAPI()
    app = build_application(services.settings, request=RecordingRequest(api))
    app.bot_data.services = services
    async with app:
        yield Harness(app, api, services.db, services.settings.knowledge_dir, languages)
    await services.close()
