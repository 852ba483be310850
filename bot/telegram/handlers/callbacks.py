"""Every button press. Each is answered; each acts only for the person who pressed it."""

from __future__ import annotations

from telegram import Update

from bot.advice import Question
from bot.i18n import t
from bot.storage.database import Feedback
from bot.telegram.context import CoachContext
from bot.telegram.handlers import admin, coaches, offers
from bot.telegram.handlers.common import send_answer, send_html, user_lang
from bot.telegram.render import Callback, checklist_block, esc


async def on_button(update: Update, context: CoachContext) -> None:
    query = update.callback_query
    callback = Callback.decode(query.data)
    handler = HANDLERS.get(callback.action) if callback else None
    # A press on an inline-mode message has no chat to answer in; none of our buttons live there.
    if handler is None or update.effective_chat is None:
        await query.answer(t("button_expired", await user_lang(update, context)), show_alert=True)
        return
    await handler(update, context, callback.args)


async def _feedback(update: Update, context: CoachContext, args: tuple[str, ...]) -> None:
    query = update.callback_query
    lang = await user_lang(update, context)
    if len(args) != 2 or args[0] not in ("0", "1"):
        await query.answer(t("button_expired", lang), show_alert=True)
        return
    question = query.message.reply_to_message if query.message else None
    await context.services.db.add_feedback(
        Feedback(
            user_id=query.from_user.id,  # never an id from the button: nobody can vote for someone else
            vote=1 if args[0] == "1" else -1,
            card_id=args[1],
            question=question.text if question else None,
            lang=lang,
            kb_version=context.services.coach.kb.version,
        )
    )
    await query.answer(t("feedback_thanks", lang))
    markup = query.message.reply_markup if query.message else None
    if markup:  # one vote per answer: the thumbs go, the other buttons stay
        rows = [row for row in markup.inline_keyboard]
        rows[0] = tuple(b for b in rows[0] if not (b.callback_data or "").startswith("fb:"))
        await query.edit_message_reply_markup(reply_markup=type(markup)([r for r in rows if r]))


async def _full_checklist(update: Update, context: CoachContext, args: tuple[str, ...]) -> None:
    lang = await user_lang(update, context)
    await update.callback_query.answer()
    items = context.services.engine.full_checklist(lang)
    await send_html(context, update.effective_chat.id, checklist_block(items, t("full_checklist", lang)))


async def _follow_up(update: Update, context: CoachContext, args: tuple[str, ...]) -> None:
    query = update.callback_query
    lang = await user_lang(update, context)
    card = context.services.coach.kb.get(args[0], lang) if len(args) == 2 and args[1].isdigit() else None
    if card is None or int(args[1]) >= len(card.questions):
        await query.answer(t("button_expired", lang), show_alert=True)
        return
    await query.answer()
    answer = context.services.engine.card_answer(card.id, lang, question=card.questions[int(args[1])])
    await send_answer(context, update.effective_chat.id, answer)


async def _example(update: Update, context: CoachContext, args: tuple[str, ...]) -> None:
    query = update.callback_query
    examples = t("examples", args[0]).split("|") if args and args[0] in ("fr", "en") else []
    if len(args) != 2 or not args[1].isdigit() or int(args[1]) >= len(examples):
        await query.answer(t("button_expired", await user_lang(update, context)), show_alert=True)
        return
    await query.answer()
    answer = await context.services.batcher.ask(Question(examples[int(args[1])], args[0]))
    await send_answer(context, update.effective_chat.id, answer)


async def _language(update: Update, context: CoachContext, args: tuple[str, ...]) -> None:
    query = update.callback_query
    if args not in (("fr",), ("en",)):
        await query.answer(t("button_expired", await user_lang(update, context)), show_alert=True)
        return
    await context.services.db.set_language(query.from_user.id, args[0])
    await query.answer()
    await query.edit_message_text(esc(t("lang_set", args[0])))


async def _forget(update: Update, context: CoachContext, args: tuple[str, ...]) -> None:
    query = update.callback_query
    lang = await user_lang(update, context)
    if args == ("yes",):
        await context.services.db.forget(query.from_user.id)
        await query.answer()
        await query.edit_message_text(esc(t("forget_done", lang)))
    else:
        await query.answer()
        await query.edit_message_text(esc(t("forget_cancelled", lang)))


async def _offer(update: Update, context: CoachContext, args: tuple[str, ...]) -> None:
    if not await offers.on_offer_button(update, context, args):
        await update.callback_query.answer(t("button_expired", await user_lang(update, context)), show_alert=True)


async def _profile(update: Update, context: CoachContext, args: tuple[str, ...]) -> None:
    if not await offers.on_profile_button(update, context, args):
        await update.callback_query.answer(t("button_expired", await user_lang(update, context)), show_alert=True)


HANDLERS = {
    "kbrm": admin.on_remove_button,
    "join": coaches.on_join_button,
    "tocoach": coaches.send_to_coach,
    "of": _offer,
    "pf": _profile,
    "fb": _feedback,
    "ck": _full_checklist,
    "fu": _follow_up,
    "ex": _example,
    "lang": _language,
    "forget": _forget,
}
