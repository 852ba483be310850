"""The buttons under answers and settings (votes, checklist, follow-ups, examples, language, /forget). Each
is answered; each acts only for the person who pressed it. Other features register their own buttons."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.advice import Question
from bot.storage.database import Feedback
from bot.telegram.admission import admit
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import button_args, send_answer, send_html, user_lang
from bot.telegram.render import checklist_block, details_blocks, esc, split_message
from bot.telegram.texts import t


async def expired(update: Update, context: CoachContext) -> None:
    """Registered last: a button no feature's pattern matched (stale, or forged)."""
    await update.callback_query.answer(t("button_expired", await user_lang(update, context)), show_alert=True)


async def without_a_chat(update: Update, context: CoachContext) -> None:
    """Registered first: a press on an inline-mode message has no chat to answer in; none of our buttons live
    there, so it is refused before any feature sees it."""
    if update.callback_query is not None and update.effective_chat is None:
        await update.callback_query.answer(t("button_expired", await user_lang(update, context)), show_alert=True)
        raise ApplicationHandlerStop


async def feedback(update: Update, context: CoachContext) -> None:
    args = button_args(update)
    query = update.callback_query
    lang = await user_lang(update, context)
    message = query.message
    # A forged or replayed press: the card must exist, and the button must sit under a message the bot sent.
    if len(args) != 2 or args[0] not in ("0", "1") or args[1] not in context.services.kb.ids or message is None:
        await query.answer(t("button_expired", lang), show_alert=True)
        return
    await context.services.db.add_feedback(
        Feedback(
            user_id=query.from_user.id,  # never an id from the button: nobody can vote for someone else
            vote=1 if args[0] == "1" else -1,
            card_id=args[1],
            lang=lang,
            kb_version=context.services.kb.version,
            answer=f"{message.chat.id}:{message.message_id}",  # one vote per user and answer, however often pressed
        )
    )
    await query.answer(t("feedback_thanks", lang))
    markup = message.reply_markup
    if markup:  # the thumbs go, the other buttons stay
        rows = [row for row in markup.inline_keyboard]
        rows[0] = tuple(b for b in rows[0] if not (b.callback_data or "").startswith("fb:"))
        await query.edit_message_reply_markup(reply_markup=type(markup)([r for r in rows if r]))


async def full_checklist(update: Update, context: CoachContext) -> None:
    lang = await user_lang(update, context)
    await update.callback_query.answer()
    items = context.services.engine.full_checklist(lang)
    await send_html(context, update.effective_chat.id, checklist_block(items, t("full_checklist", lang)))


async def follow_up(update: Update, context: CoachContext) -> None:
    args = button_args(update)
    query = update.callback_query
    lang = await user_lang(update, context)
    card = context.services.kb.get(args[0], lang) if len(args) == 2 and args[1].isdigit() else None
    if card is None or int(args[1]) >= len(card.questions):
        await query.answer(t("button_expired", lang), show_alert=True)
        return
    if not await admit(update, context):
        return
    await query.answer()
    engine = context.services.engine
    answer = await asyncio.to_thread(engine.card_answer, card.id, lang, question=card.questions[int(args[1])])
    if answer is not None:
        await send_answer(context, update.effective_chat.id, answer)


async def more_details(update: Update, context: CoachContext) -> None:
    """Every point of the card, the original sources with links, the full checklist."""
    args = button_args(update)
    query = update.callback_query
    lang = await user_lang(update, context)
    card = context.services.kb.get(args[0], lang) if len(args) == 1 else None
    if card is None:
        await query.answer(t("button_expired", lang), show_alert=True)
        return
    await query.answer()
    answer = await asyncio.to_thread(context.services.engine.card_answer, card.id, lang)
    if answer is not None:
        for text in split_message(details_blocks(answer)):
            await send_html(context, update.effective_chat.id, text)


async def example(update: Update, context: CoachContext) -> None:
    args = button_args(update)
    query = update.callback_query
    examples = t("examples", args[0]).split("|") if args and args[0] in ("fr", "en") else []
    if len(args) != 2 or not args[1].isdigit() or int(args[1]) >= len(examples):
        await query.answer(t("button_expired", await user_lang(update, context)), show_alert=True)
        return
    if not await admit(update, context):
        return
    await query.answer()
    answer = await context.services.batcher.ask(Question(examples[int(args[1])], args[0]))
    await send_answer(context, update.effective_chat.id, answer)


async def language(update: Update, context: CoachContext) -> None:
    args = button_args(update)
    query = update.callback_query
    if args not in (("fr",), ("en",)):
        await query.answer(t("button_expired", await user_lang(update, context)), show_alert=True)
        return
    await context.services.db.set_language(query.from_user.id, args[0])
    await query.answer()
    await query.edit_message_text(esc(t("lang_set", args[0])))


async def forget(update: Update, context: CoachContext) -> None:
    args = button_args(update)
    query = update.callback_query
    lang = await user_lang(update, context)
    if args == ("yes",):
        await context.services.db.forget(query.from_user.id)
        if context.application.persistence is not None:  # where they stood in a dialog
            await context.application.persistence.drop_user_data(query.from_user.id)
        context.roles.coach_removed(query.from_user.id)
        await query.answer()
        await query.edit_message_text(esc(t("forget_done", lang)))
    else:
        await query.answer()
        await query.edit_message_text(esc(t("forget_cancelled", lang)))
