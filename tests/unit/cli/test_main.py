"""The command line refuses what is not text with status 2 and a clear message, and works from any directory."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.main import main

ROOT = Path(__file__).resolve().parents[3]


def test_an_argument_that_is_not_utf8_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "combien pour un reel \udcff\udcfe"]) == 2
    err = capsys.readouterr().err
    assert "not valid UTF-8" in err and "Traceback" not in err


@pytest.mark.parametrize("command", [["offer"], ["ask", "--jsonl"], ["chat"]])
def test_binary_stdin_is_refused(command: list[str], monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\x7fELF\x02\x01\x01\x00\x00\xff\xfe\x00"),
                                                       encoding="utf-8"))  # fmt: skip
    from types import SimpleNamespace

    # The engine is never asked: the first read fails. A stub keeps the real index out of a unit test.
    monkeypatch.setattr("bot.wiring.build_services", lambda settings: SimpleNamespace(engine=None, offers=None))
    assert main(command) == 2
    err = capsys.readouterr().err
    assert "UTF-8" in err and "Traceback" not in err


def test_the_cli_works_from_any_directory_without_leaving_data_there(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DATA_DIR", "KNOWLEDGE_DIR")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "kb", "check"], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "data").exists() and not (tmp_path / "knowledge").exists()
