"""`python -m bot run` as a separate process, pointed at the loopback Bot API."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.auxil.botapi import TOKEN
from tests.auxil.server import BotAPIServer

ROOT = Path(__file__).resolve().parents[2]


class BotProcess:
    def __init__(self, server: BotAPIServer, data_dir: Path, knowledge_dir: Path, log: Path, **env: str) -> None:
        self.server = server
        self.log = log
        self.env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": server.base_url,
            "DATA_DIR": str(data_dir),
            "KNOWLEDGE_DIR": str(knowledge_dir),
            "LOG_LEVEL": "DEBUG",  # the most talkative level: the token must not appear even there
            "POLLING_TIMEOUT": "2",
            "TYPING_DELAY": "0",  # always send "typing…", so the tests see it
            **env,
        }
        self.proc: subprocess.Popen | None = None

    def start(self, ready_timeout: float = 90) -> BotProcess:
        before = len(self.server.api.calls)
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"], cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )

        def ready(_: object) -> bool:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"bot exited with {self.proc.returncode}:\n{self.log.read_text()[-3000:]}")
            calls = self.server.api.calls[before:]
            return any(method in ("getUpdates", "setWebhook") for method, _ in calls)

        self.server.api.wait_for(ready, timeout=ready_timeout)
        return self

    def stop(self) -> int:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise

    def logs(self) -> str:
        return self.log.read_text(errors="replace")
