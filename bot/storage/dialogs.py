"""Profiles and dialogs: the creator profile (a JSON document, read by bot.offers.Profile.from_json), where a
user stands in a multi-step exchange, and one statistics row per judged offer (never its text)."""

from __future__ import annotations

import json

from bot.storage.base import Store
from bot.storage.base import now as _now


class ProfilesAndDialogs(Store):
    SCHEMA = """
CREATE TABLE IF NOT EXISTS profiles (
    user_id     INTEGER PRIMARY KEY,
    data        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dialogs (
    user_id     INTEGER PRIMARY KEY,
    data        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS offers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL,
    verdict     TEXT NOT NULL,
    red_flags   TEXT NOT NULL,
    category    TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS offers_user ON offers (user_id);
"""

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
