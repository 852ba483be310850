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


async def test_the_passages_shown_on_the_topic_are_kept_with_it(database_location: Path | str) -> None:
    db = Database(database_location)
    await db.open()
    try:
        await db.exchanges.remember(1, "how much for a reel?", "fair-pay", shown=["Charge for your work.", "é " * 10])
        last = await db.exchanges.last(1)
        assert last is not None and last.shown == ("Charge for your work.", "é " * 10)
        # A long topic keeps its latest passages, within bounds.
        many = [f"{i} " + "x" * 998 for i in range(20)]
        await db.exchanges.remember(1, "how much for a reel?", "fair-pay", shown=many)
        kept = (await db.exchanges.last(1)).shown  # type: ignore[union-attr]
        assert 0 < len(kept) < 20 and kept[-1].startswith("19 ")
    finally:
        await db.close()


async def test_a_database_from_before_the_passages_gains_them(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "coach.sqlite3"
    with sqlite3.connect(path) as old:
        old.execute("CREATE TABLE exchanges (user_id INTEGER PRIMARY KEY, question TEXT NOT NULL, card_id TEXT, "
                    "created_at TEXT NOT NULL)")  # fmt: skip
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        old.execute("INSERT INTO exchanges VALUES (1, 'how much for a reel?', 'fair-pay', ?)", (now,))
    db = Database(path)
    await db.open()
    try:
        last = await db.exchanges.last(1)
        assert last is not None and last.question == "how much for a reel?" and last.shown == ()
        await db.exchanges.remember(1, "how much for a reel?", "fair-pay", shown=["Charge for your work."])
        assert (await db.exchanges.last(1)).shown == ("Charge for your work.",)  # type: ignore[union-attr]
        await db.exchanges.remember(1, "I'm in the UK", "fair-pay", country="uk")  # and the country column
        assert (await db.exchanges.last(1)).country == "uk"  # type: ignore[union-attr]
    finally:
        await db.close()


async def test_the_country_said_in_the_conversation_is_kept_with_the_exchange(database_location: Path | str) -> None:
    db = Database(database_location)
    await db.open()
    try:
        await db.exchanges.remember(1, "I'm US based, do I need a contract?", "contract-checklist", country="us")
        assert (await db.exchanges.last(1)).country == "us"  # type: ignore[union-attr]
        await db.exchanges.remember(1, "what about exclusivity?", "exclusivity")
        assert (await db.exchanges.last(1)).country is None  # type: ignore[union-attr]
    finally:
        await db.close()
