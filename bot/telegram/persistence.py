"""PTB persistence in the coach's own SQLite database (not a pickle file): only where each user stands in a
conversation (`/offer`, `/profile` fields, offer-card corrections), so a restart mid-dialog resumes it. What
the dialog collected (the offer's facts and text) lives in the `dialogs` table; `/forget` drops both."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import ConversationDict, ConversationKey

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
    def __init__(self, path: Path, update_interval: float = 1.0) -> None:
        nothing_else = PersistenceInput(bot_data=False, chat_data=False, user_data=False, callback_data=False)
        super().__init__(store_data=nothing_else, update_interval=update_interval)
        self.path = path

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
        rows = await asyncio.to_thread(
            self._run, "SELECT chat_id, user_id, state FROM conversations WHERE name = ?", (name,)
        )
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
        await asyncio.to_thread(self._run, sql, args)

    async def drop_user_data(self, user_id: int) -> None:
        """/forget: the user's place in every conversation goes too."""
        await asyncio.to_thread(self._run, "DELETE FROM conversations WHERE user_id = ?", (user_id,))
        await asyncio.to_thread(self._run, "PRAGMA wal_checkpoint(TRUNCATE)")  # nor in the write-ahead log

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
        pass
