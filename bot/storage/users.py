"""Users and votes: the language each user chose, how many questions they asked (counted, never kept), which
card answered, and the 👍/👎 on answers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from bot.i18n import Lang
from bot.storage import engine
from bot.storage.base import Store
from bot.storage.base import now as _now

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Feedback:
    user_id: int
    vote: int
    card_id: str
    lang: Lang
    kb_version: str
    answer: str  # "<chat id>:<message id>" of the answer voted on


class DownVote(NamedTuple):
    card_id: str
    lang: str | None


class UsersAndVotes(Store):
    SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    user_id     INTEGER PRIMARY KEY,
    lang        TEXT CHECK (lang IN ('fr', 'en')),
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL,
    questions   INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS feedback (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL,
    vote        INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    card_id     TEXT NOT NULL,
    lang        TEXT,
    kb_version  TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_user ON feedback (user_id);
CREATE TABLE IF NOT EXISTS asked (
    user_id     INTEGER NOT NULL,
    card_id     TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS asked_user ON asked (user_id);
"""

    def __init__(self, path: Path | str, flush_seconds: float = 1.0) -> None:
        super().__init__(path)
        self.flush_seconds = flush_seconds
        self._pending: Counter[int] = Counter()
        self._asked: list[tuple[int, str | None, str]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def open(self) -> None:
        await super().open()
        self._flusher = asyncio.create_task(self._flush_every(self.flush_seconds), name="db-flush")

    async def _migrate(self) -> None:
        """Votes lose the question texts earlier versions kept, and gain the answer they are about."""
        await super()._migrate()
        columns = await engine.columns(self.db, "feedback")
        if "question" in columns:
            await self.db.execute("ALTER TABLE feedback DROP COLUMN question")
        if "answer" not in columns:
            await self.db.execute("ALTER TABLE feedback ADD COLUMN answer TEXT")
        await self.db.execute("CREATE UNIQUE INDEX IF NOT EXISTS feedback_once ON feedback (user_id, answer)")

    async def close(self) -> None:
        if self._flusher is not None:
            self._flusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._flusher
        if self._db is not None:
            await self.flush()
        await super().close()

    async def language(self, user_id: int) -> Lang | None:
        async with self.db.execute("SELECT lang FROM users WHERE user_id = ?", (user_id,)) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    async def set_language(self, user_id: int, lang: Lang) -> None:
        stamp = _now()
        await self.db.execute(
            "INSERT INTO users (user_id, lang, first_seen, last_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET lang = excluded.lang, last_seen = excluded.last_seen",
            (user_id, lang, stamp, stamp),
        )
        await self.db.commit()

    def count_question(self, user_id: int, card_id: str | None = None) -> None:
        """Counted in memory and written with the others at the next flush: one transaction a second
        instead of one per question (a commit per question cost 16% of the bot's CPU under load)."""
        self._pending[user_id] += 1
        self._asked.append((user_id, card_id, _now()))

    async def flush(self) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, Counter()
        asked, self._asked = self._asked, []
        try:
            await self.db.executemany("INSERT INTO asked (user_id, card_id, created_at) VALUES (?, ?, ?)", asked)
            stamp = _now()
            await self.db.executemany(
                "INSERT INTO users (user_id, first_seen, last_seen, questions) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (user_id) DO UPDATE SET questions = users.questions + excluded.questions, "
                "last_seen = excluded.last_seen",
                [(user_id, stamp, stamp, count) for user_id, count in pending.items()],
            )
            await self.db.commit()
        except Exception:
            # Nothing half-written stays, and the counts wait for the next flush instead of being lost.
            await self.db.rollback()
            self._pending.update(pending)
            self._asked[:0] = asked
            raise

    async def _flush_every(self, seconds: float) -> None:
        while True:
            await asyncio.sleep(seconds)
            try:
                await self.flush()
            except Exception:
                log.exception("could not write question counts; retrying at the next flush")

    async def add_feedback(self, feedback: Feedback) -> bool:
        """Store a vote; False (nothing stored) if this user already voted on this answer."""
        cursor = await self.db.execute(
            "INSERT INTO feedback (user_id, vote, card_id, lang, kb_version, answer, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (
                feedback.user_id,
                feedback.vote,
                feedback.card_id,
                feedback.lang,
                feedback.kb_version,
                feedback.answer,
                _now(),
            ),
        )
        await self.db.commit()
        return cursor.rowcount > 0

    async def recent_downvotes(self, limit: int = 200) -> list[DownVote]:
        """(card id, language) of the latest 👎."""
        async with self.db.execute(
            "SELECT card_id, lang FROM feedback WHERE vote = -1 ORDER BY id DESC LIMIT ?", (limit,)
        ) as cursor:
            return [DownVote(*row) for row in await cursor.fetchall()]
