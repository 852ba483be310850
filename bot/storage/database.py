"""SQLite through aiosqlite: users and their language, feedback on answers. `/forget` erases a user's rows."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import secrets
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

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
-- One vote per user and answer (the message carrying the buttons): a replayed press changes nothing. Never the
-- question: the card and the language are enough to find content gaps, and nobody's words outlive /forget.
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
"""
# Every table that holds a user's rows: /forget deletes from each, and a test keeps this list complete.
USER_TABLES = ("users", "feedback", "profiles", "dialogs", "offers", "cohorts", "asked")
# Rows that name a user in another column: a coach's role, invites and cohort; who added a coach or changed a card.
NAMED_BY = {"coaches": "user_id", "invites": "coach_id"}
MEMBERS_OF = ("cohorts", "coach_id")
ANONYMISED = (("coaches", "added_by"), ("kb_changes", "admin_id"))


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
    lang: Lang
    kb_version: str
    answer: str  # "<chat id>:<message id>" of the answer voted on


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
        # WAL: readers never block the writer, and a crash mid-write cannot corrupt earlier data.
        await self._db.execute("PRAGMA journal_mode=WAL")
        await self._db.execute("PRAGMA synchronous=NORMAL")
        # Deleted rows are overwritten, not left in free pages: /forget leaves nothing to read in the file.
        await self._db.execute("PRAGMA secure_delete=ON")
        await self._db.executescript(SCHEMA)
        await self._migrate()
        await self._db.commit()
        self._flusher = asyncio.create_task(self._flush_every(self.flush_seconds), name="db-flush")

    async def _migrate(self) -> None:
        """Databases from earlier versions: votes lose the question texts they kept, and gain the answer."""
        async with self.db.execute("PRAGMA table_info(feedback)") as cursor:
            columns = {row[1] for row in await cursor.fetchall()}
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
        await self.db.executemany("INSERT INTO asked (user_id, card_id, created_at) VALUES (?, ?, ?)", asked)
        now = _now()
        await self.db.executemany(
            "INSERT INTO users (user_id, first_seen, last_seen, questions) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET questions = questions + excluded.questions, "
            "last_seen = excluded.last_seen",
            [(user_id, now, now, count) for user_id, count in pending.items()],
        )
        await self.db.commit()

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
            "INSERT OR IGNORE INTO feedback (user_id, vote, card_id, lang, kb_version, answer, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
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
    async def coach_ids(self) -> list[int]:
        async with self.db.execute("SELECT user_id FROM coaches") as cursor:
            return [row[0] for row in await cursor.fetchall()]

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

    async def recent_downvotes(self, limit: int = 200) -> list[tuple[str, str | None]]:
        """(card id, language) of the latest 👎."""
        async with self.db.execute(
            "SELECT card_id, lang FROM feedback WHERE vote = -1 ORDER BY id DESC LIMIT ?", (limit,)
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
            # A coach who leaves: their role, their invites (the links stop working) and their cohort.
            for table, column in (*NAMED_BY.items(), MEMBERS_OF):
                cursor = await self.db.execute(f"DELETE FROM {table} WHERE {column} = ?", (user_id,))
                deleted += cursor.rowcount
            # Rows about others that merely name them as the one who acted keep their meaning, not the name.
            for table, column in ANONYMISED:
                if await self._has_table(table):
                    await self.db.execute(f"UPDATE {table} SET {column} = 0 WHERE {column} = ?", (user_id,))
            await self.db.commit()
        except Exception:
            await self.db.rollback()
            raise
        # The old pages may still sit in the write-ahead log: fold it into the database and empty it.
        await self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return deleted

    async def _has_table(self, name: str) -> bool:
        async with self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)) as c:
            return await c.fetchone() is not None

    async def rows_about(self, user_id: int, tables: Iterable[str] = USER_TABLES) -> int:
        await self.flush()
        total = 0
        for table in tables:
            async with self.db.execute(f"SELECT COUNT(*) FROM {table} WHERE user_id = ?", (user_id,)) as cur:
                total += (await cur.fetchone())[0]  # type: ignore[index]
        return total
