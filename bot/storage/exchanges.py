"""The last exchange of each chat, so that "and if they refuse?" is read with the question before it.

One row per user: the message that set the topic (a question, or an offer just judged), the card that answered
last, the card passages already shown on that topic (a follow-up leaves them out: never the same answer twice) and
the country the creator named in this conversation ("I'm US based", three questions ago: a later law question is
still about the US), kept for 30 minutes. Older rows are deleted whenever the table is read or written (and when the
database opens), so the text never outlives its use; /forget deletes the row with everything else (the table is in
USER_TABLES).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from bot.storage import engine
from bot.storage.engine import Connection

SCHEMA = """
CREATE TABLE IF NOT EXISTS exchanges (
    user_id     INTEGER PRIMARY KEY,
    question    TEXT NOT NULL,
    card_id     TEXT,
    created_at  TEXT NOT NULL,
    shown       TEXT NOT NULL DEFAULT '[]',
    country     TEXT
);
"""
KEEP = dt.timedelta(minutes=30)
MAX_KEPT_CHARS = 1_000  # what retrieval reads of a message anyway
MAX_SHOWN_CHARS = 8_000  # the card passages of a long topic: a few answers' worth


@dataclass(frozen=True, slots=True)
class Exchange:
    question: str
    card_id: str | None
    at: dt.datetime
    shown: tuple[str, ...] = ()  # card passages already shown on this topic
    country: str | None = None  # the country the creator named in this conversation, if any


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Exchanges:
    """The store, over the bot's open database connection (`connection` is a getter: the database opens later)."""

    def __init__(self, connection: object, keep: dt.timedelta = KEEP) -> None:
        self._connection = connection
        self.keep = keep

    @property
    def db(self) -> Connection:
        return self._connection()  # type: ignore[operator,no-any-return]

    async def create(self) -> None:
        await self.db.executescript(SCHEMA)
        await self.migrate()
        await self.expire()

    async def migrate(self) -> None:
        """Tables from before `shown` or `country` gain them (their rows are under 30 minutes old: nothing to
        carry over)."""
        columns = await engine.columns(self.db, "exchanges")
        if "shown" not in columns:
            await self.db.execute("ALTER TABLE exchanges ADD COLUMN shown TEXT NOT NULL DEFAULT '[]'")
        if "country" not in columns:
            await self.db.execute("ALTER TABLE exchanges ADD COLUMN country TEXT")

    async def remember(
        self,
        user_id: int,
        question: str,
        card_id: str | None,
        now: dt.datetime | None = None,
        shown: Sequence[str] = (),
        country: str | None = None,
    ) -> None:
        now = now or _now()
        kept: list[str] = []
        for passage in reversed(shown):  # the latest passages matter most when a long topic overflows
            if sum(map(len, kept)) + len(passage) > MAX_SHOWN_CHARS:
                break
            kept.insert(0, passage)
        await self.db.execute(
            "INSERT INTO exchanges (user_id, question, card_id, created_at, shown, country) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET question = excluded.question, card_id = excluded.card_id, "
            "created_at = excluded.created_at, shown = excluded.shown, country = excluded.country",
            (user_id, question[:MAX_KEPT_CHARS], card_id, now.isoformat(timespec="seconds"), json.dumps(kept), country),
        )
        await self.expire(now, commit=False)
        await self.db.commit()

    async def last(self, user_id: int, now: dt.datetime | None = None) -> Exchange | None:
        """The user's previous exchange if it is under 30 minutes old (older ones are deleted first)."""
        now = now or _now()
        await self.expire(now)
        async with self.db.execute(
            "SELECT question, card_id, created_at, shown, country FROM exchanges WHERE user_id = ?", (user_id,)
        ) as cursor:
            row = await cursor.fetchone()
        if row is None:
            return None
        shown = tuple(json.loads(row[3] or "[]"))
        return Exchange(row[0], row[1], dt.datetime.fromisoformat(row[2]), shown, row[4])

    async def expire(self, now: dt.datetime | None = None, commit: bool = True) -> None:
        cutoff = ((now or _now()) - self.keep).isoformat(timespec="seconds")
        cursor = await self.db.execute("DELETE FROM exchanges WHERE created_at < ?", (cutoff,))
        if commit and cursor.rowcount:
            await self.db.commit()
