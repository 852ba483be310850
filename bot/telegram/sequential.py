"""Per-user sequential processing: one user's updates are handled one after another, other users' at the
same time. With plain `concurrent_updates`, two quick replies to the same dialog step read the same state
and one answer was lost; PTB's `BaseUpdateProcessor` is the hook for exactly this ordering. It is also where an
update is known to be handled, so it crosses it out of the inbox (bot/telegram/inbox.py)."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.telegram.inbox import Inbox

log = logging.getLogger(__name__)


class PerUserSequential(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int, inbox: Inbox | None = None) -> None:
        super().__init__(max_concurrent_updates)
        self.inbox = inbox
        # A lock per user with updates in flight, dropped when the last one is done: no memory per idle user.
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        try:
            await self._in_turn(update, coroutine)
        finally:
            if self.inbox is not None and isinstance(update, Update):
                try:
                    await asyncio.to_thread(self.inbox.done, update.update_id)
                except sqlite3.Error as exc:
                    log.warning("could not cross update %s out of the inbox: %s", update.update_id, exc)

    async def _in_turn(self, update: object, coroutine: Awaitable[Any]) -> None:
        user = update.effective_user if isinstance(update, Update) else None
        if user is None:
            await coroutine
            return
        lock, users = self._locks.get(user.id, (asyncio.Lock(), 0))
        self._locks[user.id] = (lock, users + 1)
        try:
            async with lock:
                await coroutine
        finally:
            lock, users = self._locks[user.id]
            if users == 1:
                del self._locks[user.id]
            else:
                self._locks[user.id] = (lock, users - 1)

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    @property
    def users_in_flight(self) -> int:
        return len(self._locks)
