"""SQLite through aiosqlite: users and their language, feedback on answers. `/forget` erases a user's rows."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import secrets
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from bot.errors import StorageError
from bot.i18n import Lang

log = logging.getLogger(__name__)

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
    question    TEXT,
    lang        TEXT,
    kb_version  TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_user ON feedback (user_id);
CREATE TABLE IF NOT EXISTS profiles (
    user_id     INTEGER PRIMARY KEY,
    data        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
-- Where a user is in a multi-step exchange (guided offer, a field to correct, a profile field): survives restarts.
CREATE TABLE IF NOT EXISTS dialogs (
    user_id     INTEGER PRIMARY KEY,
    data        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
-- One row per evaluated offer, for aggregate statistics: never the offer's text.
CREATE TABLE IF NOT EXISTS offers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL,
    verdict     TEXT NOT NULL,
    red_flags   TEXT NOT NULL,
    category    TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS offers_user ON offers (user_id);
-- Coaches are named by admins (admins themselves come from ADMIN_IDS).
CREATE TABLE IF NOT EXISTS coaches (
    user_id     INTEGER PRIMARY KEY,
    added_by    INTEGER NOT NULL,
    added_at    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS invites (
    code        TEXT PRIMARY KEY,
    coach_id    INTEGER NOT NULL,
    coach_name  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
-- A creator belongs to at most one coach's cohort, and only after saying yes.
CREATE TABLE IF NOT EXISTS cohorts (
    user_id     INTEGER PRIMARY KEY,
    coach_id    INTEGER NOT NULL,
    joined_at   TEXT NOT NULL
);
-- One row per answered question: the card that answered it, never the question (for aggregate statistics).
CREATE TABLE IF NOT EXISTS asked (
    user_id     INTEGER NOT NULL,
    card_id     TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS asked_user ON asked (user_id);
-- Every change to the knowledge base made through the bot: who, when, what, and the previous file to roll back.
CREATE TABLE IF NOT EXISTS kb_changes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    admin_id    INTEGER NOT NULL,
    action      TEXT NOT NULL,
    path        TEXT NOT NULL,
    previous    TEXT,
    batch       INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    rolled_back INTEGER NOT NULL DEFAULT 0
);
"""
# Every table that holds a user's rows: /forget deletes from each, and a test keeps this list complete.
USER_TABLES = ("users", "feedback", "profiles", "dialogs", "offers", "cohorts", "asked")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class CohortStats:
    creators: int
    questions: int
    offers: int
    verdicts: Counter[str]
    topics: Counter[str]
    red_flags: Counter[str]


@dataclass(frozen=True)
class Feedback:
    user_id: int
    vote: int
    card_id: str
    question: str | None
    lang: Lang
    kb_version: str


def unusable(path: Path, exc: Exception) -> StorageError:
    return StorageError(
        f"{path} is not a usable SQLite database ({exc}); move it aside to start with an empty one, "
        "or put a backup in its place"
    )


def check_file(path: Path) -> None:
    """Fail fast, before anything starts, if the database file exists but SQLite cannot read it."""
    if not path.exists():
        return
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)) as db:
            db.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise unusable(path, exc) from None


class Database:
    def __init__(self, path: Path, flush_seconds: float = 1.0) -> None:
        self.path = path
        self.flush_seconds = flush_seconds
        self._db: aiosqlite.Connection | None = None
        self._pending: Counter[int] = Counter()
        self._asked: list[tuple[int, str | None, str]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = await aiosqlite.connect(self.path)
        try:
            # WAL: readers never block the writer, and a crash mid-write cannot corrupt earlier data.
            await self._db.execute("PRAGMA journal_mode=WAL")
            await self._db.execute("PRAGMA synchronous=NORMAL")
            await self._db.executescript(SCHEMA)
            await self._db.commit()
        except sqlite3.DatabaseError as exc:
            # The connection's thread would otherwise keep the process alive after the error.
            await self._db.close()
            self._db = None
            raise unusable(self.path, exc) from None
        self._flusher = asyncio.create_task(self._flush_every(self.flush_seconds), name="db-flush")

    async def close(self) -> None:
        if self._flusher is not None:
            self._flusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._flusher
        if self._db is not None:
            await self.flush()
            await self._db.close()
            self._db = None

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise RuntimeError("database is not open")
        return self._db

    async def language(self, user_id: int) -> Lang | None:
        async with self.db.execute("SELECT lang FROM users WHERE user_id = ?", (user_id,)) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    async def set_language(self, user_id: int, lang: Lang) -> None:
        now = _now()
        await self.db.execute(
            "INSERT INTO users (user_id, lang, first_seen, last_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET lang = excluded.lang, last_seen = excluded.last_seen",
            (user_id, lang, now, now),
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
            now = _now()
            await self.db.executemany(
                "INSERT INTO users (user_id, first_seen, last_seen, questions) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (user_id) DO UPDATE SET questions = questions + excluded.questions, "
                "last_seen = excluded.last_seen",
                [(user_id, now, now, count) for user_id, count in pending.items()],
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

    async def add_feedback(self, feedback: Feedback) -> None:
        await self.db.execute(
            "INSERT INTO feedback (user_id, vote, card_id, question, lang, kb_version, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                feedback.user_id,
                feedback.vote,
                feedback.card_id,
                feedback.question,
                feedback.lang,
                feedback.kb_version,
                _now(),
            ),
        )
        await self.db.commit()

    async def _get_json(self, table: str, user_id: int) -> dict | None:
        async with self.db.execute(f"SELECT data FROM {table} WHERE user_id = ?", (user_id,)) as cursor:
            row = await cursor.fetchone()
        return json.loads(row[0]) if row else None

    async def _put_json(self, table: str, user_id: int, data: dict) -> None:
        await self.db.execute(
            f"INSERT INTO {table} (user_id, data, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
            (user_id, json.dumps(data, ensure_ascii=False), _now()),
        )
        await self.db.commit()

    async def profile(self, user_id: int) -> dict | None:
        return await self._get_json("profiles", user_id)

    async def set_profile(self, user_id: int, data: dict) -> None:
        await self._put_json("profiles", user_id, data)

    async def dialog(self, user_id: int) -> dict | None:
        return await self._get_json("dialogs", user_id)

    async def set_dialog(self, user_id: int, data: dict) -> None:
        await self._put_json("dialogs", user_id, data)

    async def end_dialog(self, user_id: int) -> None:
        await self.db.execute("DELETE FROM dialogs WHERE user_id = ?", (user_id,))
        await self.db.commit()

    async def log_offer(self, user_id: int, verdict: str, red_flags: list[str], category: str | None) -> None:
        await self.db.execute(
            "INSERT INTO offers (user_id, verdict, red_flags, category, created_at) VALUES (?, ?, ?, ?, ?)",
            (user_id, verdict, json.dumps(red_flags), category, _now()),
        )
        await self.db.commit()

    # ---- roles ---------------------------------------------------------------------------------------------
    async def is_coach(self, user_id: int) -> bool:
        async with self.db.execute("SELECT 1 FROM coaches WHERE user_id = ?", (user_id,)) as cursor:
            return await cursor.fetchone() is not None

    async def add_coach(self, user_id: int, added_by: int) -> None:
        await self.db.execute(
            "INSERT OR IGNORE INTO coaches (user_id, added_by, added_at) VALUES (?, ?, ?)", (user_id, added_by, _now())
        )
        await self.db.commit()

    async def remove_coach(self, user_id: int) -> bool:
        cursor = await self.db.execute("DELETE FROM coaches WHERE user_id = ?", (user_id,))
        await self.db.commit()
        return cursor.rowcount > 0

    # ---- coaches and cohorts ------------------------------------------------------------------------------
    async def create_invite(self, coach_id: int, coach_name: str) -> str:
        code = secrets.token_urlsafe(9)  # 12 URL-safe characters: fits a deep link, cannot be guessed
        await self.db.execute(
            "INSERT INTO invites (code, coach_id, coach_name, created_at) VALUES (?, ?, ?, ?)",
            (code, coach_id, coach_name, _now()),
        )
        await self.db.commit()
        return code

    async def invite(self, code: str) -> tuple[int, str] | None:
        """(coach id, coach name) of a valid invite whose coach still has the role."""
        async with self.db.execute(
            "SELECT i.coach_id, i.coach_name FROM invites i JOIN coaches c ON c.user_id = i.coach_id WHERE i.code = ?",
            (code,),
        ) as cursor:
            row = await cursor.fetchone()
        return (row[0], row[1]) if row else None

    async def join_cohort(self, user_id: int, coach_id: int) -> None:
        await self.db.execute(
            "INSERT INTO cohorts (user_id, coach_id, joined_at) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET coach_id = excluded.coach_id, joined_at = excluded.joined_at",
            (user_id, coach_id, _now()),
        )
        await self.db.commit()

    async def leave_cohort(self, user_id: int) -> bool:
        cursor = await self.db.execute("DELETE FROM cohorts WHERE user_id = ?", (user_id,))
        await self.db.commit()
        return cursor.rowcount > 0

    async def coach_of(self, user_id: int) -> int | None:
        async with self.db.execute("SELECT coach_id FROM cohorts WHERE user_id = ?", (user_id,)) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    async def cohort_stats(self, coach_id: int, since: str) -> CohortStats:
        """Aggregates over the coach's cohort since `since` (ISO time): counts, never contents."""
        await self.flush()
        members = "SELECT user_id FROM cohorts WHERE coach_id = ?"
        async with self.db.execute("SELECT COUNT(*) FROM cohorts WHERE coach_id = ?", (coach_id,)) as cursor:
            creators = (await cursor.fetchone())[0]  # type: ignore[index]
        async with self.db.execute(
            f"SELECT card_id FROM asked WHERE user_id IN ({members}) AND created_at >= ?", (coach_id, since)
        ) as cursor:
            cards = [row[0] for row in await cursor.fetchall()]
        async with self.db.execute(
            f"SELECT verdict, red_flags FROM offers WHERE user_id IN ({members}) AND created_at >= ?", (coach_id, since)
        ) as cursor:
            offers = list(await cursor.fetchall())
        flags = Counter(flag for _, raw in offers for flag in json.loads(raw))
        return CohortStats(
            creators=creators,
            questions=len(cards),
            offers=len(offers),
            verdicts=Counter(verdict for verdict, _ in offers),
            topics=Counter(card for card in cards if card),
            red_flags=flags,
        )

    # ---- knowledge-base changes ------------------------------------------------------------------------------
    async def record_kb_changes(self, admin_id: int, changes: list[tuple[str, str, str | None]]) -> None:
        """One admin action: (action, path, previous content or None) rows sharing one batch number."""
        async with self.db.execute("SELECT COALESCE(MAX(batch), 0) + 1 FROM kb_changes") as cursor:
            batch = (await cursor.fetchone())[0]  # type: ignore[index]
        await self.db.executemany(
            "INSERT INTO kb_changes (admin_id, action, path, previous, batch, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [(admin_id, action, path, previous, batch, _now()) for action, path, previous in changes],
        )
        await self.db.commit()

    async def last_kb_changes(self) -> list[tuple[int, str, str, str | None]]:
        """The latest admin action not rolled back: (row id, action, path, previous content)."""
        async with self.db.execute(
            "SELECT id, action, path, previous FROM kb_changes WHERE rolled_back = 0 AND batch = "
            "(SELECT MAX(batch) FROM kb_changes WHERE rolled_back = 0) ORDER BY id DESC"
        ) as cursor:
            return list(await cursor.fetchall())

    async def mark_rolled_back(self, ids: list[int]) -> None:
        await self.db.executemany("UPDATE kb_changes SET rolled_back = 1 WHERE id = ?", [(i,) for i in ids])
        await self.db.commit()

    async def recent_downvotes(self, limit: int = 200) -> list[tuple[str, str | None]]:
        async with self.db.execute(
            "SELECT card_id, question FROM feedback WHERE vote = -1 ORDER BY id DESC LIMIT ?", (limit,)
        ) as cursor:
            return list(await cursor.fetchall())

    async def forget(self, user_id: int) -> int:
        """Delete every row about `user_id`, in one transaction; returns how many rows went."""
        self._pending.pop(user_id, None)
        self._asked = [row for row in self._asked if row[0] != user_id]
        deleted = 0
        try:  # sqlite3 opens one transaction at the first DELETE: all tables go, or none
            for table in USER_TABLES:
                cursor = await self.db.execute(f"DELETE FROM {table} WHERE user_id = ?", (user_id,))
                deleted += cursor.rowcount
            await self.db.commit()
        except Exception:
            await self.db.rollback()
            raise
        return deleted

    async def rows_about(self, user_id: int, tables: Iterable[str] = USER_TABLES) -> int:
        await self.flush()
        total = 0
        for table in tables:
            async with self.db.execute(f"SELECT COUNT(*) FROM {table} WHERE user_id = ?", (user_id,)) as cur:
                total += (await cur.fetchone())[0]  # type: ignore[index]
        return total
