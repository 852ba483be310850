"""PTB persistence in the coach's own database (SQLite, or PostgreSQL with DATABASE_URL; not a pickle file): only
where each user stands in a conversation (`/offer`, `/profile` fields, offer-card corrections), so a restart
mid-dialog resumes it, and several workers share it (bot/telegram/workers.py reads a user's states before each
of their updates). What the dialog collected (the offer's facts and text) lives in the `dialogs` table;
`/forget` drops both."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import ConversationDict, ConversationKey

from bot.storage import engine

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    name        TEXT NOT NULL,
    chat_id     INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    state       TEXT NOT NULL,
    PRIMARY KEY (name, chat_id, user_id)
);
"""


class SQLPersistence(BasePersistence):
    # PTB writes conversation changes every `update_interval` seconds and at shutdown: 1 s keeps what a
    # crash can lose to the last second of a dialog.
    def __init__(self, path: Path | str, update_interval: float = 1.0) -> None:
        """`path`: the SQLite file, or a postgresql:// URL."""
        nothing_else = PersistenceInput(bot_data=False, chat_data=False, user_data=False, callback_data=False)
        super().__init__(store_data=nothing_else, update_interval=update_interval)
        self.url = path if engine.is_postgres(path) else None
        self.path = Path(path) if self.url is None else Path()
        self._pg: Any = None  # one autocommit psycopg connection: each call is one statement

    async def _query(self, sql: str, args: tuple = ()) -> list[tuple]:
        if self.url is None:
            return await asyncio.to_thread(self._run, sql, args)
        if self._pg is None or self._pg.closed:
            import psycopg

            db = await psycopg.AsyncConnection.connect(self.url, autocommit=True)
            async with db.transaction():  # workers starting together take turns creating the table
                await db.execute("SELECT pg_advisory_xact_lock(%s)", (engine.SCHEMA_LOCK,))
                await db.execute(engine.schema_for("postgresql", SCHEMA))
            self._pg = db
        cursor = await self._pg.execute(engine.placeholders(sql), args)
        return list(await cursor.fetchall()) if cursor.description else []

    def _run(self, sql: str, args: tuple = ()) -> list[tuple]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30)
        try:
            db.execute("PRAGMA secure_delete=ON")  # a dropped row leaves nothing readable in the file
            db.executescript(SCHEMA)
            with db:
                return db.execute(sql, args).fetchall()
        finally:
            db.close()

    async def get_conversations(self, name: str) -> ConversationDict:
        rows = await self._query("SELECT chat_id, user_id, state FROM conversations WHERE name = ?", (name,))
        return {(chat_id, user_id): json.loads(state) for chat_id, user_id, state in rows}

    async def update_conversation(self, name: str, key: ConversationKey, new_state: object | None) -> None:
        chat_id, user_id = key[0], key[-1]
        if new_state is None:
            sql, args = (
                "DELETE FROM conversations WHERE name = ? AND chat_id = ? AND user_id = ?",
                (name, chat_id, user_id),
            )
        else:
            sql = (
                "INSERT INTO conversations (name, chat_id, user_id, state) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (name, chat_id, user_id) DO UPDATE SET state = excluded.state"
            )
            args = (name, chat_id, user_id, json.dumps(new_state))
        await self._query(sql, args)

    async def states(self, chat_id: int, user_id: int) -> dict[str, object]:
        """Where this user stands in each conversation, by conversation name, as the database has it now."""
        rows = await self._query(
            "SELECT name, state FROM conversations WHERE chat_id = ? AND user_id = ?", (chat_id, user_id)
        )
        return {name: json.loads(state) for name, state in rows}

    async def drop_user_data(self, user_id: int) -> None:
        """/forget: the user's place in every conversation goes too."""
        await self._query("DELETE FROM conversations WHERE user_id = ?", (user_id,))
        if self.url is None:
            await self._query("PRAGMA wal_checkpoint(TRUNCATE)")  # nor in the write-ahead log

    async def close(self) -> None:
        if self._pg is not None:
            await self._pg.close()
            self._pg = None

    # Nothing else is kept: user, chat, bot and callback data stay in memory (the bot keeps none of its own there).
    async def get_user_data(self) -> dict[int, dict]:
        return {}

    async def get_chat_data(self) -> dict[int, dict]:
        return {}

    async def get_bot_data(self) -> dict:
        return {}

    async def get_callback_data(self) -> None:
        return None

    async def update_user_data(self, user_id: int, data: dict) -> None:
        pass

    async def update_chat_data(self, chat_id: int, data: dict) -> None:
        pass

    async def update_bot_data(self, data: dict) -> None:
        pass

    async def update_callback_data(self, data: object) -> None:
        pass

    async def drop_chat_data(self, chat_id: int) -> None:
        pass

    async def refresh_user_data(self, user_id: int, user_data: dict) -> None:
        pass

    async def refresh_chat_data(self, chat_id: int, chat_data: dict) -> None:
        pass

    async def refresh_bot_data(self, bot_data: dict) -> None:
        pass

    async def flush(self) -> None:
        await self.close()  # PTB calls it last, at shutdown
