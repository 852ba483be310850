"""Cohorts and roles: coaches named by admins, their invite links, and the creators who joined a cohort by
consent; the coach's dashboard reads aggregates only."""

from __future__ import annotations

import json
import secrets
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from bot.storage.base import Store
from bot.storage.base import now as _now


class Invite(NamedTuple):
    coach_id: int
    coach_name: str


@dataclass(frozen=True)
class CohortStats:
    creators: int
    questions: int
    offers: int
    verdicts: Counter[str]
    topics: Counter[str]
    red_flags: Counter[str]


class CohortsAndRoles(Store):
    SCHEMA = """
CREATE TABLE IF NOT EXISTS coaches (
    user_id     INTEGER PRIMARY KEY,
    added_by    INTEGER NOT NULL,
    added_at    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS invites (
    code        TEXT PRIMARY KEY,
    coach_id    INTEGER NOT NULL,
    coach_name  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cohorts (
    user_id     INTEGER PRIMARY KEY,
    coach_id    INTEGER NOT NULL,
    joined_at   TEXT NOT NULL
);
"""

    async def coach_ids(self) -> list[int]:
        async with self.db.execute("SELECT user_id FROM coaches") as cursor:
            return [row[0] for row in await cursor.fetchall()]

    async def is_coach(self, user_id: int) -> bool:
        async with self.db.execute("SELECT 1 FROM coaches WHERE user_id = ?", (user_id,)) as cursor:
            return await cursor.fetchone() is not None

    async def add_coach(self, user_id: int, added_by: int) -> None:
        await self.db.execute(
            "INSERT INTO coaches (user_id, added_by, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (user_id, added_by, _now()),
        )
        await self.db.commit()

    async def remove_coach(self, user_id: int) -> bool:
        cursor = await self.db.execute("DELETE FROM coaches WHERE user_id = ?", (user_id,))
        await self.db.commit()
        return cursor.rowcount > 0

    # ---- coaches and cohorts ------------------------------------------------------------------------------

    async def create_invite(self, coach_id: int, coach_name: str) -> str:
        code = secrets.token_urlsafe(9)  # 12 URL-safe characters: fits a deep link, cannot be guessed
        await self.db.execute(
            "INSERT INTO invites (code, coach_id, coach_name, created_at) VALUES (?, ?, ?, ?)",
            (code, coach_id, coach_name, _now()),
        )
        await self.db.commit()
        return code

    async def invite(self, code: str) -> Invite | None:
        """(coach id, coach name) of a valid invite whose coach still has the role."""
        async with self.db.execute(
            "SELECT i.coach_id, i.coach_name FROM invites i JOIN coaches c ON c.user_id = i.coach_id WHERE i.code = ?",
            (code,),
        ) as cursor:
            row = await cursor.fetchone()
        return Invite(row[0], row[1]) if row else None

    async def join_cohort(self, user_id: int, coach_id: int) -> None:
        await self.db.execute(
            "INSERT INTO cohorts (user_id, coach_id, joined_at) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET coach_id = excluded.coach_id, joined_at = excluded.joined_at",
            (user_id, coach_id, _now()),
        )
        await self.db.commit()

    async def leave_cohort(self, user_id: int) -> bool:
        cursor = await self.db.execute("DELETE FROM cohorts WHERE user_id = ?", (user_id,))
        await self.db.commit()
        return cursor.rowcount > 0

    async def coach_of(self, user_id: int) -> int | None:
        async with self.db.execute("SELECT coach_id FROM cohorts WHERE user_id = ?", (user_id,)) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    async def cohort_stats(self, coach_id: int, since: str) -> CohortStats:
        """Aggregates over the coach's cohort since `since` (ISO time): counts, never contents."""
        await self.flush()
        members = "SELECT user_id FROM cohorts WHERE coach_id = ?"
        async with self.db.execute("SELECT COUNT(*) FROM cohorts WHERE coach_id = ?", (coach_id,)) as cursor:
            creators = (await cursor.fetchone())[0]  # type: ignore[index]
        async with self.db.execute(
            f"SELECT card_id FROM asked WHERE user_id IN ({members}) AND created_at >= ?", (coach_id, since)
        ) as cursor:
            cards = [row[0] for row in await cursor.fetchall()]
        async with self.db.execute(
            f"SELECT verdict, red_flags FROM offers WHERE user_id IN ({members}) AND created_at >= ?", (coach_id, since)
        ) as cursor:
            offers = list(await cursor.fetchall())
        flags = Counter(flag for _, raw in offers for flag in json.loads(raw))
        return CohortStats(
            creators=creators,
            questions=len(cards),
            offers=len(offers),
            verdicts=Counter(verdict for verdict, _ in offers),
            topics=Counter(card for card in cards if card),
            red_flags=flags,
        )
