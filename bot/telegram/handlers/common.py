"""Shared steps of the handlers: the user's language, sending HTML safely, sending an answer."""

from __future__ import annotations

import logging

from telegram import Message, ReplyParameters, Update
from telegram.error import BadRequest

from bot.advice import Answer
from bot.i18n import Lang, lang_of
from bot.telegram.context import CoachContext
from bot.telegram.render import Callback, answer_blocks, answer_keyboard, plain_text, split_message
from bot.telegram.texts import t

log = logging.getLogger(__name__)


async def user_lang(update: Update, context: CoachContext) -> Lang:
    """The language the user chose with /lang, else their Telegram app's language."""
    user = update.effective_user
    if user is None:
        return "en"
    return await context.services.db.language(user.id) or lang_of(user.language_code)


async def send_html(
    context: CoachContext, chat_id: int, text: str, reply_markup=None, reply_to: int | None = None
) -> Message:
    """Send HTML; if Telegram still refuses the markup, send the same words as plain text."""
    reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
    try:
        return await context.bot.send_message(chat_id, text, reply_markup=reply_markup, reply_parameters=reply)
    except BadRequest as exc:
        if "entities" not in str(exc).lower():
            raise
        log.warning("markup refused (%s); sending plain text", exc)
        return await context.bot.send_message(
            chat_id, plain_text(text), parse_mode=None, reply_markup=reply_markup, reply_parameters=reply
        )


async def send_answer(context: CoachContext, chat_id: int, answer: Answer, reply_to: int | None = None) -> None:
    """The answer in as many messages as it takes; the last one carries the buttons and quotes the question."""
    messages = split_message(answer_blocks(answer))
    for n, text in enumerate(messages, 1):
        last = n == len(messages)
        await send_html(
            context,
            chat_id,
            text,
            reply_markup=answer_keyboard(answer, answer.lang) if last else None,
            reply_to=reply_to if last else None,
        )


def button_args(update: Update) -> tuple[str, ...]:
    """The arguments after the action in a button's callback data ("of:fix:pay" -> ("fix", "pay"))."""
    callback = Callback.decode(update.callback_query.data if update.callback_query else None)
    return callback.args if callback else ()


async def button_expired(update: Update, context: CoachContext) -> None:
    await update.callback_query.answer(t("button_expired", await user_lang(update, context)), show_alert=True)
