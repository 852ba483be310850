"""The connection every part of the storage shares: one aiosqlite connection (WAL, secure delete) or, with
DATABASE_URL=postgresql://…, one psycopg connection (bot/storage/engine.py); each part (users & votes, profiles
& dialogs, cohorts & roles) brings its own tables, written once for both."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from pathlib import Path

from bot.errors import StorageError
from bot.storage import engine
from bot.storage.engine import Connection, PostgresConnection


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def unusable(path: Path, exc: Exception) -> StorageError:
    return StorageError(
        f"{path} is not a usable SQLite database ({exc}); move it aside to start with an empty one, "
        "or put a backup in its place"
    )


def check_file(path: Path) -> None:
    """Fail fast, before anything starts, if the database file exists but SQLite cannot read it."""
    if not path.exists():
        return
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)) as db:
            db.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise unusable(path, exc) from None


class Store:
    SCHEMA = ""

    def __init__(self, path: Path | str) -> None:
        """`path`: the SQLite file, or a postgresql:// URL."""
        self.url = path if engine.is_postgres(path) else None
        self.path = Path(path) if self.url is None else Path()
        self._db: Connection | None = None

    @property
    def dialect(self) -> str:
        return "sqlite" if self.url is None else "postgresql"

    def _schema(self) -> list[str]:
        return [part.__dict__["SCHEMA"] for part in reversed(type(self).__mro__) if "SCHEMA" in part.__dict__]

    async def open(self) -> None:
        if self.url is not None:
            await self._open_postgres(self.url)
            return
        self._db = await engine.connect_sqlite(self.path)
        try:
            # WAL: readers never block the writer, and a crash mid-write cannot corrupt earlier data.
            await self._db.execute("PRAGMA journal_mode=WAL")
            await self._db.execute("PRAGMA synchronous=NORMAL")
            # Deleted rows are overwritten, not left in free pages: /forget leaves nothing to read in the file.
            await self._db.execute("PRAGMA secure_delete=ON")
            for script in self._schema():
                await self._db.executescript(script)
            await self._migrate()
            await self._db.commit()
        except sqlite3.DatabaseError as exc:
            # The connection's thread would otherwise keep the process alive after the error.
            await self._db.close()
            self._db = None
            raise unusable(self.path, exc) from None

    async def _open_postgres(self, url: str) -> None:
        import psycopg

        try:
            db = await PostgresConnection.connect(url)
        except psycopg.Error as exc:
            raise StorageError(f"cannot reach the database at {engine.redacted(url)}: {exc}".strip()) from None
        self._db = db
        try:
            await db.begin()
            await db.execute("SELECT pg_advisory_xact_lock(?)", (engine.SCHEMA_LOCK,))
            for script in self._schema():
                await db.executescript(script)
            await self._migrate()
            await db.commit()
        except psycopg.Error as exc:
            await db.close()
            self._db = None
            raise StorageError(f"the database at {engine.redacted(url)} could not be prepared: {exc}") from None

    async def _migrate(self) -> None:
        """Databases from earlier versions brought up to date (each part adds its steps)."""

    async def close(self) -> None:
        if self._db is not None:
            await self._db.close()
            self._db = None

    @property
    def db(self) -> Connection:
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
        return await engine.has_table(self.db, name)
