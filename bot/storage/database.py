"""The coach's SQLite database under DATA_DIR (no Telegram types here), split by concern: users & votes
(users.py), profiles & dialogs (dialogs.py), cohorts & roles (cohorts.py); the knowledge-base change log is
the kb side's (bot/kb/changes.py). `/forget` erases a user's rows across all of them."""

from __future__ import annotations

from collections.abc import Iterable

from bot.storage.base import check_file, unusable
from bot.storage.cohorts import CohortsAndRoles, CohortStats, Invite
from bot.storage.dialogs import ProfilesAndDialogs
from bot.storage.exchanges import SCHEMA as EXCHANGES_SCHEMA
from bot.storage.exchanges import Exchanges
from bot.storage.users import DownVote, Feedback, UsersAndVotes

# Every table that holds a user's rows: /forget deletes from each, and a test keeps this list complete.
USER_TABLES = ("users", "feedback", "profiles", "dialogs", "offers", "cohorts", "asked", "exchanges")
# Rows that name a user in another column: a coach's role, invites and cohort; who added a coach or changed a card.
NAMED_BY = {"coaches": "user_id", "invites": "coach_id"}
MEMBERS_OF = ("cohorts", "coach_id")
ANONYMISED = (("coaches", "added_by"), ("kb_changes", "admin_id"))


class Database(UsersAndVotes, ProfilesAndDialogs, CohortsAndRoles):
    SCHEMA = EXCHANGES_SCHEMA  # the last exchange per user, for follow-ups (bot/storage/exchanges.py)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.exchanges = Exchanges(lambda: self.db)

    async def _migrate(self) -> None:
        await super()._migrate()
        await self.exchanges.migrate()

    async def forget(self, user_id: int) -> int:
        """Delete every row about `user_id`, in one transaction; returns how many rows went."""
        self._pending.pop(user_id, None)
        self._asked = [row for row in self._asked if row[0] != user_id]
        deleted = 0
        try:  # sqlite3 opens one transaction at the first DELETE: all tables go, or none
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
        # The old pages may still sit in the write-ahead log: fold it into the database and empty it.
        await self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return deleted

    async def rows_about(self, user_id: int, tables: Iterable[str] = USER_TABLES) -> int:
        await self.flush()
        total = 0
        for table in tables:
            async with self.db.execute(f"SELECT COUNT(*) FROM {table} WHERE user_id = ?", (user_id,)) as cur:
                total += (await cur.fetchone())[0]  # type: ignore[index]
        return total


__all__ = ["USER_TABLES", "CohortStats", "Database", "DownVote", "Feedback", "Invite", "check_file", "unusable"]
