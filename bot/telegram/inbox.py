"""Updates fetched by long polling and not yet handled, kept on disk so that a crash loses none of them.

PTB confirms a batch of updates to Telegram (the next getUpdates' offset) as soon as it has queued them, not
once they are handled: a bot killed mid-answer (kill -9, the OOM killer, a power cut) used to lose the message
it was answering, and Telegram would never send it again. So each fetched update is written here before PTB can
confirm it, crossed out once its handler is done, and whatever is left at the next start is handled then.

At least once, never forever: an update that was being handled when the bot died twice is dropped (and logged,
by id only), because an update that crashes the process would otherwise crash it at every start. A reply sent
just before a kill may be sent again after the restart. Only the webhook-less mode needs this: in webhook mode
Telegram resends what was not acknowledged.

Message texts sit in this file only while they are handled (per user one after another, so by the time a
user's /forget is handled their earlier rows are gone); deleted rows are overwritten (secure_delete).
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS inbox (
    update_id   INTEGER PRIMARY KEY,
    body        TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0
);
"""
# A start that finds an update still here means the last process died while it was queued or handled: one
# more try, then it is dropped.
MAX_STARTS = 1


class Inbox:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()  # called from asyncio.to_thread's pool: one statement at a time
        self._replayed: set[int] = set()

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
            db.execute("PRAGMA secure_delete=ON")
            db.executescript(SCHEMA)
            self._db = db
        return self._db

    def add(self, updates: list[Any]) -> list[Any]:
        """Keeps the fetched updates; returns those to hand to PTB (not ones already here or replayed: Telegram
        resends a batch whose confirmation a crash prevented, and the replay has them already)."""
        fresh: list[Any] = []
        with self._lock:
            db = self._conn()
            db.execute("BEGIN IMMEDIATE")
            try:
                for raw in updates:
                    update_id = raw.get("update_id") if isinstance(raw, dict) else None
                    if not isinstance(update_id, int) or update_id in self._replayed:
                        continue
                    cursor = db.execute(
                        "INSERT OR IGNORE INTO inbox (update_id, body) VALUES (?, ?)",
                        (update_id, json.dumps(raw, ensure_ascii=False)),
                    )
                    if cursor.rowcount:
                        fresh.append(raw)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return fresh

    def done(self, update_id: int) -> None:
        with self._lock:
            self._conn().execute("DELETE FROM inbox WHERE update_id = ?", (update_id,))

    def left_over(self) -> tuple[list[dict[str, Any]], list[int]]:
        """At start: (the updates to handle again, in the order they came; the ids dropped after MAX_STARTS)."""
        with self._lock:
            db = self._conn()
            db.execute("BEGIN IMMEDIATE")
            rows = db.execute("SELECT update_id, body, attempts FROM inbox ORDER BY update_id").fetchall()
            dropped = [update_id for update_id, _, attempts in rows if attempts >= MAX_STARTS]
            db.executemany("DELETE FROM inbox WHERE update_id = ?", [(i,) for i in dropped])
            db.execute("UPDATE inbox SET attempts = attempts + 1")
            db.execute("COMMIT")
        again = [json.loads(body) for update_id, body, attempts in rows if attempts < MAX_STARTS]
        self._replayed = {raw["update_id"] for raw in again}
        return again, dropped

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


async def keep(inbox: Inbox, updates: list[Any]) -> list[Any]:
    """`inbox.add` off the event loop. A full or broken disk must not stop the answers: they lose the net."""
    try:
        return await asyncio.to_thread(inbox.add, updates)
    except sqlite3.Error as exc:
        log.warning("could not keep %d updates in the inbox: %s", len(updates), exc)
        return updates


__all__ = ["MAX_STARTS", "Inbox", "keep"]
