"""`python -m bot serve --workers N` as a separate process in front of the loopback Bot API, and a deliverer
that plays Telegram's part in webhook mode: it posts each update to the URL the bot registered, with the secret,
and resends what was not acknowledged with a 200."""

from __future__ import annotations

import itertools
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.auxil.botapi import TOKEN
from tests.auxil.server import BotAPIServer, free_port

ROOT = Path(__file__).resolve().parents[2]
SECRET = "workers-secret-7"
_update_ids = itertools.count(10_000)


class ServeProcess:
    def __init__(self, server: BotAPIServer, workers: int, log: Path, **env: str) -> None:
        self.server = server
        self.workers = workers
        self.log = log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": server.base_url,
            "WEBHOOK_URL": self.url,
            "WEBHOOK_SECRET": SECRET,
            "WEBHOOK_PORT": str(self.port),
            "TYPING_DELAY": "5",  # no "typing…" unless an answer is slow: fewer calls to count
            **env,
        }
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, ready_timeout: float = 600) -> ServeProcess:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "serve", "--workers", str(self.workers)],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

        def registered(_: object) -> bool:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"serve exited with {self.proc.returncode}:\n{self.logs()[-3000:]}")
            return self.server.api.webhook.get("url") == self.url

        self.server.api.wait_for(registered, timeout=ready_timeout)
        return self

    def worker_pids(self) -> dict[int, int]:
        """Worker number -> pid of its latest start, from the front's log."""
        found: dict[int, int] = {}
        for number, pid in re.findall(r"worker (\d+) started \(pid (\d+)", self.logs()):
            found[int(number)] = int(pid)
        return found

    def stop(self) -> int:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise

    def logs(self) -> str:
        return self.log.read_text(errors="replace")

    def deliver(self, update: dict[str, Any], attempts: int = 10) -> tuple[int, int, str]:
        """Post one update as Telegram would; (final status, attempts used, the worker that handled it, as the
        front says). A message is also put in the Bot API's inbox, so that replies can quote it."""
        update = {"update_id": next(_update_ids), **update}
        if "message" in update:
            message = update["message"]
            with self.server.api.lock:
                self.server.api.inbox[(message["chat"]["id"], message["message_id"])] = message
        body = json.dumps(update).encode()
        status, worker = 0, ""
        for attempt in range(1, attempts + 1):
            request = urllib.request.Request(
                self.url,
                data=body,
                headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET},
            )
            try:
                with urllib.request.urlopen(request, timeout=120) as response:
                    status, worker = response.status, response.headers.get("X-Coach-Worker", "")
            except urllib.error.HTTPError as exc:
                status = exc.code
            except OSError:
                status = 0
            if status == 200:
                return status, attempt, worker
            time.sleep(1)  # Telegram waits before it resends
        return status, attempts, worker
