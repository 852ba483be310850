"""The one error handler: log first, then tell the user something went wrong, in their language."""

from __future__ import annotations

import logging

from telegram import Update

from bot.i18n import lang_of
from bot.telegram.context import CoachContext
from bot.telegram.render import esc
from bot.telegram.texts import t

log = logging.getLogger(__name__)


async def on_error(update: object, context: CoachContext) -> None:
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update %s failed", update_id, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_user is None:
        return
    lang = lang_of(update.effective_user.language_code)
    try:
        if update.callback_query:
            await update.callback_query.answer(t("error", lang), show_alert=True)
        elif update.effective_message and update.effective_chat.type == "private":
            await update.effective_message.reply_text(esc(t("error", lang)))
    except Exception:
        log.warning("could not tell user about the failure of update %s", update_id)
