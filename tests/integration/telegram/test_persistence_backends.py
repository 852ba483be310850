"""Where users stand in conversations, on SQLite and on PostgreSQL: written, read back by another instance (a
restart, another worker), and dropped by /forget."""

from __future__ import annotations

from pathlib import Path

from bot.telegram.persistence import SQLPersistence

BIG = 8_000_000_001  # past 2**31, as Telegram ids are


async def test_conversation_states_are_shared_and_forgotten(database_location: Path | str) -> None:
    one, two = SQLPersistence(database_location), SQLPersistence(database_location)
    try:
        await one.update_conversation("offer", (BIG, BIG), "pay")
        await one.update_conversation("profile", (BIG, BIG), 3)
        await one.update_conversation("offer", (5, 5), "rights")
        assert await two.get_conversations("offer") == {(BIG, BIG): "pay", (5, 5): "rights"}
        assert await two.states(BIG, BIG) == {"offer": "pay", "profile": 3}
        await two.update_conversation("offer", (BIG, BIG), None)  # the dialog ended on the other worker
        assert await one.states(BIG, BIG) == {"profile": 3}
        await one.drop_user_data(BIG)
        assert await two.states(BIG, BIG) == {} and await two.states(5, 5) == {"offer": "rights"}
    finally:
        await one.flush()
        await two.flush()
