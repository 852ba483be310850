"""The connection every part of the storage shares: one aiosqlite connection, WAL, secure delete; each part
(users & votes, profiles & dialogs, cohorts & roles) brings its own tables."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import aiosqlite


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    SCHEMA = ""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: aiosqlite.Connection | None = None

    async def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = await aiosqlite.connect(self.path)
        # WAL: readers never block the writer, and a crash mid-write cannot corrupt earlier data.
        await self._db.execute("PRAGMA journal_mode=WAL")
        await self._db.execute("PRAGMA synchronous=NORMAL")
        # Deleted rows are overwritten, not left in free pages: /forget leaves nothing to read in the file.
        await self._db.execute("PRAGMA secure_delete=ON")
        for part in reversed(type(self).__mro__):
            if "SCHEMA" in part.__dict__:
                await self._db.executescript(part.__dict__["SCHEMA"])
        await self._migrate()
        await self._db.commit()

    async def _migrate(self) -> None:
        """Databases from earlier versions brought up to date (each part adds its steps)."""

    async def close(self) -> None:
        if self._db is not None:
            await self._db.close()
            self._db = None

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise RuntimeError("database is not open")
        return self._db

    async def _get_json(self, table: str, user_id: int) -> dict | None:
        async with self.db.execute(f"SELECT data FROM {table} WHERE user_id = ?", (user_id,)) as cursor:
            row = await cursor.fetchone()
        return json.loads(row[0]) if row else None

    async def _put_json(self, table: str, user_id: int, data: dict) -> None:
        await self.db.execute(
            f"INSERT INTO {table} (user_id, data, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
            (user_id, json.dumps(data, ensure_ascii=False), now()),
        )
        await self.db.commit()

    async def _has_table(self, name: str) -> bool:
        async with self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)) as c:
            return await c.fetchone() is not None
