"""The coach's SQLite database under DATA_DIR (no Telegram types here), split by concern: users & votes
(users.py), profiles & dialogs (dialogs.py), cohorts & roles (cohorts.py); the knowledge-base change log is
the kb side's (bot/kb/changes.py). `/forget` erases a user's rows across all of them."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from bot.storage.base import check_file, unusable
from bot.storage.cohorts import CohortsAndRoles, CohortStats, Invite
from bot.storage.dialogs import ProfilesAndDialogs
from bot.storage.exchanges import SCHEMA as EXCHANGES_SCHEMA
from bot.storage.exchanges import Exchanges
from bot.storage.rates import SCHEMA as RATES_SCHEMA
from bot.storage.users import DownVote, Feedback, UsersAndVotes

# Every table that holds a user's rows: /forget deletes from each, and a test keeps this list complete.
USER_TABLES = ("users", "feedback", "profiles", "dialogs", "offers", "cohorts", "asked", "exchanges", "throttle")
# Rows that name a user in another column: a coach's role, invites and cohort; who added a coach or changed a card.
NAMED_BY = {"coaches": "user_id", "invites": "coach_id"}
MEMBERS_OF = ("cohorts", "coach_id")
ANONYMISED = (("coaches", "added_by"), ("kb_changes", "admin_id"))


class Database(UsersAndVotes, ProfilesAndDialogs, CohortsAndRoles):
    # The last exchange per user, for follow-ups (bot/storage/exchanges.py); the rate limits several workers
    # share (bot/storage/rates.py, used with PostgreSQL only).
    SCHEMA = EXCHANGES_SCHEMA + RATES_SCHEMA

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.exchanges = Exchanges(lambda: self.db)
        # With PostgreSQL, the knowledge-base change log stays in the SQLite file under DATA_DIR (it describes
        # this machine's card files): /forget anonymises the admin there too.
        self.local_change_log: Path | None = None

    async def _migrate(self) -> None:
        await super()._migrate()
        await self.exchanges.migrate()

    async def forget(self, user_id: int) -> int:
        """Delete every row about `user_id`, in one transaction; returns how many rows went."""
        self._pending.pop(user_id, None)
        self._asked = [row for row in self._asked if row[0] != user_id]
        deleted = 0
        try:  # the first DELETE opens one transaction (both backends): all tables go, or none
            for table in USER_TABLES:
                cursor = await self.db.execute(f"DELETE FROM {table} WHERE user_id = ?", (user_id,))
                deleted += cursor.rowcount
            # A coach who leaves: their role, their invites (the links stop working) and their cohort.
            for table, column in (*NAMED_BY.items(), MEMBERS_OF):
                cursor = await self.db.execute(f"DELETE FROM {table} WHERE {column} = ?", (user_id,))
                deleted += cursor.rowcount
            # Rows about others that merely name them as the one who acted keep their meaning, not the name.
            for table, column in ANONYMISED:
                if await self._has_table(table):
                    await self.db.execute(f"UPDATE {table} SET {column} = 0 WHERE {column} = ?", (user_id,))
            await self.db.commit()
        except Exception:
            await self.db.rollback()
            raise
        if self.local_change_log is not None and self.local_change_log.exists():
            await asyncio.to_thread(_anonymise_local, self.local_change_log, user_id)
        if self.dialect == "sqlite":
            # The old pages may still sit in the write-ahead log: fold it into the database and empty it.
            # (PostgreSQL has no such switch: the dead rows' bytes go when VACUUM reuses their pages.)
            await self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return deleted

    async def rows_about(self, user_id: int, tables: Iterable[str] = USER_TABLES) -> int:
        await self.flush()
        total = 0
        for table in tables:
            async with self.db.execute(f"SELECT COUNT(*) FROM {table} WHERE user_id = ?", (user_id,)) as cur:
                total += (await cur.fetchone())[0]  # type: ignore[index]
        return total


def _anonymise_local(path: Path, user_id: int) -> None:
    with contextlib.closing(sqlite3.connect(path, timeout=30)) as db, db:
        db.execute("PRAGMA secure_delete=ON")
        for table, column in ANONYMISED:
            if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone():
                db.execute(f"UPDATE {table} SET {column} = 0 WHERE {column} = ?", (user_id,))


__all__ = ["USER_TABLES", "CohortStats", "Database", "DownVote", "Feedback", "Invite", "check_file", "unusable"]
