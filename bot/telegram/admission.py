"""One admission check for every path that computes an answer: typed questions, /ask, pasted offers and
the offer dialog, example and follow-up buttons, offer-card buttons, inline queries. Each costs CPU, so each
takes one of the user's `USER_RATE_PER_MINUTE` tokens first; past that, the user is told once a minute."""

from __future__ import annotations

from telegram import Update

from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import user_lang
from bot.telegram.render import esc
from bot.telegram.texts import t


async def admit(update: Update, context: CoachContext) -> bool:
    """True if the user may have an answer computed now; otherwise the refusal is sent (or the button
    answered silently, which Telegram requires) and nothing else must happen."""
    user = update.effective_user
    throttle = context.services.throttle
    if user is None:
        return False
    allowed, warn = await throttle.check(user.id)
    if allowed:
        return True
    text = t("slow_down", await user_lang(update, context)) if warn else None
    if update.callback_query:
        await update.callback_query.answer(text, show_alert=bool(text))
    elif update.inline_query:
        await update.inline_query.answer([], cache_time=0, is_personal=True)
    elif text and update.effective_message:
        await update.effective_message.reply_text(esc(text))
    return False
