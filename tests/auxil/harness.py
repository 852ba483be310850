"""The bot's Application driven update by update (Application.process_update) against the recording Bot API."""

from __future__ import annotations

from pathlib import Path

from telegram import Update
from telegram.ext import Application

from bot.storage import Database
from tests.auxil.botapi import BotAPI, Sent, callback_update, document, message_update


class Harness:
    def __init__(self, app: Application, api: BotAPI, db: Database, knowledge: Path, languages: dict[int, str]):
        self.app, self.api, self.db, self.knowledge = app, api, db, knowledge
        self.languages = languages  # user id -> the language_code their button presses carry (default "en")

    async def send(self, update: dict) -> list[Sent]:
        """Process one update; what the bot sent in reply."""
        before = len(self.api.sent)
        if "message" in update:  # as if it came through getUpdates: replies can then quote it
            message = update["message"]
            self.api.inbox[(message["chat"]["id"], message["message_id"])] = message
        await self.app.process_update(Update.de_json({"update_id": 1, **update}, self.app.bot))
        return self.api.sent[before:]

    async def say(self, user_id: int, text: str | None, language_code: str = "en", **extra) -> list[Sent]:
        return await self.send(message_update(user_id, text, language_code, **extra))

    async def press(self, user_id: int, data: str, message: Sent | None = None) -> list[Sent]:
        language_code = self.languages.get(user_id, "en")
        return await self.send(callback_update(user_id, data, message, language_code=language_code))

    async def upload(self, user_id: int, name: str, data: bytes) -> list[Sent]:
        file_id = f"f{len(self.api.files)}"
        self.api.files[file_id] = data
        return await self.send(message_update(user_id, None, document=document(file_id, name, len(data))))


def texts(sent: list[Sent]) -> list[str]:
    return [s.text or "" for s in sent if s.method == "sendMessage"]
