"""What several workers must share beyond the database rows: where each user stands in a conversation.

PTB's ConversationHandler keeps every user's state in memory and reads persistence once, at start, so a
worker would never see a step another worker took (a user's `/offer` answered on worker 1, the next answer
reaching worker 2, would start over). With DATABASE_URL, each user's update therefore runs between two steps:
before it, the user's states are read from the database into this worker's handlers (a state the database no
longer has, say after `/forget` on another worker, is dropped); after it, what changed is written at once
instead of at PTB's next periodic save. One user's updates still run one at a time in a worker
(PerUserSequential); the coach roles are re-read every few seconds, so a coach named on one worker is one on
all of them, and a worker whose index another worker changed (an admin's upload or rollback) catches up.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import AIORateLimiter, Application, ConversationHandler

from bot.storage.rates import SharedBucket, SharedRates
from bot.telegram.inbox import Inbox
from bot.telegram.persistence import SQLPersistence
from bot.telegram.sequential import PerUserSequential

log = logging.getLogger(__name__)
ROLES_EVERY = 5.0  # seconds between two readings of the coach list


class SharedConversations(PerUserSequential):
    def __init__(self, max_concurrent_updates: int, inbox: Inbox | None = None) -> None:
        super().__init__(max_concurrent_updates, inbox)
        self.app: Application | None = None  # set by post_init, once the application exists
        self._roles_read = 0.0
        self._catching_up: asyncio.Task[object] | None = None

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        await super().do_process_update(update, self._around(update, coroutine))

    async def _around(self, update: object, coroutine: Awaitable[Any]) -> None:
        app = self.app
        try:
            if app is not None and isinstance(update, Update):
                await self._load(app, update)
        except BaseException:
            coroutine.close()  # type: ignore[attr-defined]
            raise
        try:
            await coroutine
        finally:
            if app is not None:
                await app.update_persistence()

    async def _load(self, app: Application, update: Update) -> None:
        services = app.bot_data.services
        if time.monotonic() - self._roles_read > ROLES_EVERY and services is not None:
            self._roles_read = time.monotonic()
            app.bot_data.roles.set_coaches(await services.db.coach_ids())
            if services.behind() and (self._catching_up is None or self._catching_up.done()):
                # An admin changed the cards through another worker: this one serves them too (in a thread,
                # under the knowledge base's lock; the update goes on meanwhile with the cards it had).
                self._catching_up = asyncio.create_task(asyncio.to_thread(services.catch_up))
        persistence = app.persistence
        if not isinstance(persistence, SQLPersistence) or update.effective_user is None:
            return
        handlers = [
            handler
            for group in app.handlers.values()
            for handler in group
            if isinstance(handler, ConversationHandler) and handler.persistent
        ]
        states: dict[str, object] | None = None
        for handler in handlers:
            try:
                key = handler._get_key(update)  # (chat id, user id) for our handlers
            except RuntimeError:  # an update without a chat: no conversation
                continue
            if states is None:
                states = await persistence.states(key[0], key[-1])
            conversations = handler._conversations
            if handler.name in states:
                conversations.update_no_track({key: states[handler.name]})  # type: ignore[attr-defined]
            else:
                # Ended (or forgotten) on another worker; removed without counting as a change to write.
                getattr(conversations, "data", conversations).pop(key, None)


class SharedRateLimiter(AIORateLimiter):
    """PTB's AIORateLimiter (per-group limits, waits and retries on 429) with its overall limit taken from the
    database: one OUTBOUND_RATE_PER_SECOND for the bot, however many workers send (bot/storage/rates.py)."""

    def __init__(self, url: str, per_second: float, max_retries: int = 3) -> None:
        super().__init__(overall_max_rate=per_second, max_retries=max_retries)
        self.rates = SharedRates(url)
        # The one attribute AIORateLimiter enters around every chat-bound request: an async context manager.
        self._base_limiter = SharedBucket(self.rates, per_second)  # type: ignore[assignment]

    async def initialize(self) -> None:
        await super().initialize()
        await self.rates.open()

    async def shutdown(self) -> None:
        await self.rates.close()
        await super().shutdown()
