"""The "typing…" indicator while an answer is worked on (the optional language model can take seconds).

Hand-written because PTB has only the one-shot `send_chat_action`, which Telegram shows for 5 s: keeping it
alive for the length of a piece of work, and not sending it at all when the work is quick, is these lines."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable
from typing import TypeVar

from telegram import Bot
from telegram.constants import ChatAction
from telegram.error import TelegramError

T = TypeVar("T")
# Telegram shows a chat action for 5 s or until the next message: renewed just before it fades, never more.
RENEW_EVERY = 4.5


async def typing_while(bot: Bot, chat_id: int, work: Awaitable[T], delay: float) -> T:
    """Await `work`; if it takes longer than `delay`, show "typing…" until it is done (one request per 4.5 s)."""
    task = asyncio.ensure_future(work)
    # Fast answers send no chat action at all: under load that spares one request per question.
    done, _ = await asyncio.wait({task}, timeout=delay)
    while not done:
        with contextlib.suppress(TelegramError):  # the indicator is a courtesy: the answer matters
            await bot.send_chat_action(chat_id, ChatAction.TYPING)
        done, _ = await asyncio.wait({task}, timeout=RENEW_EVERY)
    return task.result()
