"""Fixtures shared by the integration tests: the command line in-process."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from bot.cli.main import main
from tests.auxil.cli import Result, Run
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

