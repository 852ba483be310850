"""The follow-up store on a real SQLite file and a real PostgreSQL: 30 minutes, one row per user, erased by /forget."""

import datetime as dt
from pathlib import Path

from bot.storage import Database
from bot.storage.database import USER_TABLES


async def test_the_last_exchange_is_kept_thirty_minutes_then_deleted(database_location: Path | str) -> None:
    db = Database(database_location)
    await db.open()
    try:
        start = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)
        await db.exchanges.remember(1, "how much for a reel?", "fair-pay", now=start)
        await db.exchanges.remember(1, "what about exclusivity?", "exclusivity", now=start + dt.timedelta(minutes=1))
        last = await db.exchanges.last(1, now=start + dt.timedelta(minutes=20))
        assert last is not None and (last.question, last.card_id) == ("what about exclusivity?", "exclusivity")
        assert await db.exchanges.last(2, now=start) is None
        assert await db.exchanges.last(1, now=start + dt.timedelta(minutes=32)) is None
        # Expired means gone from the file, not just hidden.
        async with db.db.execute("SELECT COUNT(*) FROM exchanges") as cursor:
            assert (await cursor.fetchone())[0] == 0
    finally:
        await db.close()


async def test_forget_erases_the_exchange(database_location: Path | str) -> None:
    assert "exchanges" in USER_TABLES
    db = Database(database_location)
    await db.open()
    try:
        await db.exchanges.remember(7, "x" * 5000, None)
        assert len((await db.exchanges.last(7)).question) == 1000  # type: ignore[union-attr]
        assert await db.forget(7) >= 1
        assert await db.exchanges.last(7) is None
    finally:
        await db.close()
