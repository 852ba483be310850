"""The last exchange of each chat, so that "and if they refuse?" is read with the question before it.

One row per user: their previous message and the card that answered it, kept for 30 minutes. Older rows are
deleted whenever the table is read or written (and when the database opens), so the text never outlives its use;
/forget deletes the row with everything else (the table is in USER_TABLES).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.storage.engine import Connection

SCHEMA = """
CREATE TABLE IF NOT EXISTS exchanges (
    user_id     INTEGER PRIMARY KEY,
    question    TEXT NOT NULL,
    card_id     TEXT,
    created_at  TEXT NOT NULL
);
"""
KEEP = dt.timedelta(minutes=30)
MAX_KEPT_CHARS = 1_000  # what retrieval reads of a message anyway


@dataclass(frozen=True, slots=True)
class Exchange:
    question: str
    card_id: str | None
    at: dt.datetime


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Exchanges:
    """The store, over the bot's open SQLite connection (`connection` is a getter: the database opens later)."""

    def __init__(self, connection: object, keep: dt.timedelta = KEEP) -> None:
        self._connection = connection
        self.keep = keep

    @property
    def db(self) -> Connection:
        return self._connection()  # type: ignore[operator,no-any-return]

    async def create(self) -> None:
        await self.db.executescript(SCHEMA)
        await self.expire()

    async def remember(self, user_id: int, question: str, card_id: str | None, now: dt.datetime | None = None) -> None:
        now = now or _now()
        await self.db.execute(
            "INSERT INTO exchanges (user_id, question, card_id, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET question = excluded.question, card_id = excluded.card_id, "
            "created_at = excluded.created_at",
            (user_id, question[:MAX_KEPT_CHARS], card_id, now.isoformat(timespec="seconds")),
        )
        await self.expire(now, commit=False)
        await self.db.commit()

    async def last(self, user_id: int, now: dt.datetime | None = None) -> Exchange | None:
        """The user's previous exchange if it is under 30 minutes old (older ones are deleted first)."""
        now = now or _now()
        await self.expire(now)
        async with self.db.execute(
            "SELECT question, card_id, created_at FROM exchanges WHERE user_id = ?", (user_id,)
        ) as cursor:
            row = await cursor.fetchone()
        return Exchange(row[0], row[1], dt.datetime.fromisoformat(row[2])) if row else None

    async def expire(self, now: dt.datetime | None = None, commit: bool = True) -> None:
        cutoff = ((now or _now()) - self.keep).isoformat(timespec="seconds")
        cursor = await self.db.execute("DELETE FROM exchanges WHERE created_at < ?", (cutoff,))
        if commit and cursor.rowcount:
            await self.db.commit()
