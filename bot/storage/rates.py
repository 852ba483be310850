"""Rate limits that several workers share, kept in PostgreSQL: the per-user question limit and the bot's one
outbound flood limit. One process keeps them in memory instead (bot/telegram/throttle.py, PTB's AIORateLimiter).

Both are GCRA (the "generic cell rate algorithm", a token bucket kept as one timestamp per key): a key's row
holds its theoretical arrival time `tat`; a request is allowed when pushing `tat` one interval further keeps it
within `window` seconds of now. One atomic upsert decides it, so two workers cannot both take the last token,
and a worker that dies holds nothing.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

# In the database schema (bot/storage/database.py) on both backends: `throttle` holds one row per user and goes
# with /forget; `flood` one row per limited name.
SCHEMA = """
CREATE TABLE IF NOT EXISTS throttle (
    user_id     INTEGER PRIMARY KEY,
    tat         DOUBLE PRECISION NOT NULL,
    warned_at   DOUBLE PRECISION
);
CREATE TABLE IF NOT EXISTS flood (
    name        TEXT PRIMARY KEY,
    tat         DOUBLE PRECISION NOT NULL
);
"""


def _gcra(table: str, key: str) -> str:
    # Parameters: key, first tat, now, now, interval, now, now, interval, now, window.
    later = f"CASE WHEN {table}.tat > %s THEN {table}.tat ELSE %s END + %s"
    return (
        f"INSERT INTO {table} ({key}, tat) VALUES (%s, %s) ON CONFLICT ({key}) DO UPDATE SET tat = {later} "
        f"WHERE {later} - %s <= %s RETURNING tat"
    )


class SharedRates:
    """One autocommit connection of its own: each decision is one statement, never part of another task's
    transaction on the storage's connection."""

    def __init__(self, url: str, clock: Callable[[], float] = time.time) -> None:
        self.url = url
        self.clock = clock  # wall time: workers on several machines compare it (keep their clocks in sync)
        self._db: Any = None

    async def open(self) -> None:
        import psycopg

        self._db = await psycopg.AsyncConnection.connect(self.url, autocommit=True)

    async def close(self) -> None:
        if self._db is not None:
            await self._db.close()
            self._db = None

    async def _one(self, sql: str, args: tuple) -> Any:
        if self._db is None or self._db.closed:
            await self.open()
        cursor = await self._db.execute(sql, args)
        return await cursor.fetchone()

    async def take(self, table: str, key_column: str, key: object, interval: float, window: float) -> float | None:
        """None if a token was taken; otherwise the seconds until one frees up."""
        now = self.clock()
        row = await self._one(
            _gcra(table, key_column), (key, now + interval, now, now, interval, now, now, interval, now, window)
        )
        if row is not None:
            return None
        current = await self._one(f"SELECT tat FROM {table} WHERE {key_column} = %s", (key,))
        return max(0.0, current[0] + interval - window - now) if current else 0.0


class SharedThrottle:
    """USER_RATE_PER_MINUTE across all workers: the same `check` as the in-memory Throttle."""

    def __init__(self, rates: SharedRates, per_minute: int) -> None:
        self.rates = rates
        self.per_minute = per_minute
        self._calls = 0

    async def check(self, user_id: int) -> tuple[bool, bool]:
        """(allowed, warn): warn (say "slow down") at most once a minute per user, across workers."""
        self._calls += 1
        if self._calls % 1000 == 0:  # rows of users idle for a minute say nothing: keep the table small
            await self.rates._one("DELETE FROM throttle WHERE tat < %s RETURNING 1", (self.rates.clock() - 60,))
        if await self.rates.take("throttle", "user_id", user_id, 60 / self.per_minute, 60) is None:
            return True, False
        now = self.rates.clock()
        warned = await self.rates._one(
            "UPDATE throttle SET warned_at = %s WHERE user_id = %s AND (warned_at IS NULL OR warned_at <= %s) "
            "RETURNING user_id",
            (now, user_id, now - 60),
        )
        return False, warned is not None


class SharedBucket:
    """The bot's outbound limit (Telegram: about 30 messages a second per bot, whatever sends them), as the
    async context manager PTB's AIORateLimiter expects of its overall limiter: entering waits for a token."""

    def __init__(self, rates: SharedRates, per_second: float, name: str = "bot") -> None:
        self.rates = rates
        self.interval = 1 / per_second
        self.name = name

    async def __aenter__(self) -> None:
        while (wait := await self.rates.take("flood", "name", self.name, self.interval, 1.0)) is not None:
            await asyncio.sleep(max(wait, 0.005))

    async def __aexit__(self, *exc: object) -> None:
        return None
