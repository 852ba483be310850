"""Offers: pasted or forwarded ones, the guided /offer, corrections from the offer card, and /profile."""

from __future__ import annotations

import asyncio
import dataclasses
import warnings
from functools import partial

from telegram import Update
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.advice.understand import understand
from bot.i18n import Lang
from bot.offers import OfferFacts, Profile
from bot.offers.edit import (
    FIELDS,
    apply_answer,
    facts_from_state,
    facts_to_state,
    new_facts,
    parse_audience_size,
    parse_categories,
    parse_platforms,
    parse_share,
)
from bot.telegram.admission import admit
from bot.telegram.chat_action import typing_while
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import button_args, button_expired, send_html, user_lang
from bot.telegram.render import (
    PROFILE_FIELDS,
    esc,
    offer_card,
    offer_card_keyboard,
    profile_keyboard,
    profile_text,
    split_message,
    step_keyboard,
    verdict_blocks,
)
from bot.telegram.texts import t

STEPS = tuple(FIELDS)  # the guided order: pay, deliverables, category, rights, exclusivity, payment, disclosure
MAX_KEPT_TEXT = 4000  # the offer's text is kept (until /cancel or /forget) to re-judge it after a correction


async def on_private_text(update: Update, context: CoachContext) -> None:
    """Private text no conversation step took (handler group -1, after `conversation()` in -2): once admitted
    through the user's throttle, a pasted offer is judged and stops there; anything else goes on to
    `questions.on_private_question`."""
    text = update.effective_message.text or ""
    if not await admit(update, context):
        raise ApplicationHandlerStop
    # Reading the text costs CPU on long or hostile input: a worker thread, never the event loop.
    # Only a brand's own words go to the offer judge; an offer the creator describes in a question is answered
    # as a question (with the judgement of what it describes), never given an unasked verdict.
    if (await asyncio.to_thread(understand, text)).kind == "offer_pasted":
        await evaluate_text(update, context, text)
        raise ApplicationHandlerStop


async def evaluate_text(update: Update, context: CoachContext, text: str) -> None:
    ui = await user_lang(update, context)
    services, chat_id = context.services, update.effective_chat.id
    profile = Profile.from_json(await services.db.profile(update.effective_user.id) or {})
    # The rules' reading, completed by the optional language model (seconds): "typing…" meanwhile.
    reading = asyncio.to_thread(services.offers.read, text, None, profile)
    facts = await typing_while(context.bot, chat_id, reading, services.settings.typing_delay)
    await _judge_and_send(update, context, facts, text, ui, log=True)


def conversation(private_text: filters.BaseFilter) -> ConversationHandler:
    """/offer one field at a time, an offer card's correction, a /profile field: PTB's ConversationHandler,
    its state (`offer:<field>` or `profile:<field>`) persisted by bot/telegram/persistence.py. Every step
    raises ApplicationHandlerStop so that the text is not also read as a question or an offer."""
    states: dict[object, list] = {}
    for field in FIELDS:
        states[_offer_state(field)] = [
            MessageHandler(private_text, partial(_on_step_text, field=field)),
            CallbackQueryHandler(partial(_on_step_button, field=field), pattern=rf"^of:(set|skip):{field}(:|$)"),
        ]
    for field in PROFILE_FIELDS:
        states[_profile_state(field)] = [MessageHandler(private_text, partial(_on_profile_text, field=field))]
    with warnings.catch_warnings():
        # PTB warns that buttons are not tracked per message with per_message=False: intended, a dialog mixes
        # typed answers and buttons, one state per chat and user.
        warnings.simplefilter("ignore", PTBUserWarning)
        return _conversation(states)


def _conversation(states: dict[object, list]) -> ConversationHandler:
    return ConversationHandler(
        entry_points=[
            CommandHandler("offer", offer_command, filters=filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE),
            CallbackQueryHandler(_on_fix_button, pattern=r"^of:fix:"),
            CallbackQueryHandler(_on_profile_field_button, pattern=rf"^pf:({'|'.join(PROFILE_FIELDS)})$"),
        ],
        states=states,
        fallbacks=[CommandHandler("cancel", _cancel_in_dialog, filters=filters.ChatType.PRIVATE)],
        allow_reentry=True,
        per_chat=True,
        per_user=True,
        per_message=False,  # a dialog mixes messages and buttons: one state per chat and user
        name="dialogs",
        persistent=True,
    )


def _offer_state(field: str) -> str:
    return f"offer:{field}"


def _profile_state(field: str) -> str:
    return f"profile:{field}"


async def offer_command(update: Update, context: CoachContext) -> None:
    ui = await user_lang(update, context)
    user = update.effective_user
    await context.services.db.set_dialog(
        user.id, {"kind": "offer", "step": STEPS[0], "guided": True, "facts": facts_to_state(new_facts(ui)), "text": ""}
    )
    await update.effective_message.reply_text(esc(t("offer_start", ui)))
    await _ask_step(update, context, STEPS[0], ui)
    raise ApplicationHandlerStop(_offer_state(STEPS[0]))


async def cancel_command(update: Update, context: CoachContext) -> int:
    ui = await user_lang(update, context)
    db = context.services.db
    if await db.dialog(update.effective_user.id) is None:
        await update.effective_message.reply_text(esc(t("nothing_to_cancel", ui)))
        return ConversationHandler.END
    await db.end_dialog(update.effective_user.id)
    await update.effective_message.reply_text(esc(t("cancelled", ui)))
    return ConversationHandler.END


async def _cancel_in_dialog(update: Update, context: CoachContext) -> None:
    raise ApplicationHandlerStop(await cancel_command(update, context))


async def profile_command(update: Update, context: CoachContext) -> None:
    ui = await user_lang(update, context)
    profile = Profile.from_json(await context.services.db.profile(update.effective_user.id) or {})
    await update.effective_message.reply_text(profile_text(profile, ui), reply_markup=profile_keyboard(ui))


async def _offer_dialog(update: Update, context: CoachContext) -> dict | None:
    dialog = await context.services.db.dialog(update.effective_user.id)  # the presser's own, never another's
    return dialog if dialog is not None and dialog.get("kind") == "offer" else None


async def _on_fix_button(update: Update, context: CoachContext) -> object:
    """of:fix:<field> under an offer card: ask that field again, then re-judge."""
    args = button_args(update)
    dialog = await _offer_dialog(update, context)
    if dialog is None or len(args) != 2 or args[1] not in FIELDS:
        await button_expired(update, context)
        raise ApplicationHandlerStop(ConversationHandler.END)
    field = args[1]
    await update.callback_query.answer()
    await context.services.db.set_dialog(update.effective_user.id, {**dialog, "step": field, "guided": False})
    await _ask_step(update, context, field, await user_lang(update, context))
    raise ApplicationHandlerStop(_offer_state(field))


async def _on_step_text(update: Update, context: CoachContext, field: str) -> object:
    dialog = await _offer_dialog(update, context)
    if dialog is None:  # forgotten or cancelled meanwhile: the text goes on as a question or an offer
        return ConversationHandler.END
    text = update.effective_message.text or ""
    # Reading the answer costs CPU on long or hostile input: a worker thread, never the event loop.
    facts = await asyncio.to_thread(apply_answer, facts_from_state(dialog["facts"]), field, text)
    dialog = {**dialog, "facts": facts_to_state(facts), "text": (dialog.get("text", "") + "\n" + text)[-MAX_KEPT_TEXT:]}
    raise ApplicationHandlerStop(await _next(update, context, dialog, field))


async def _on_step_button(update: Update, context: CoachContext, field: str) -> object:
    """of:skip:<field> · of:set:<field>:<value>."""
    args = button_args(update)
    dialog = await _offer_dialog(update, context)
    if dialog is None:
        await button_expired(update, context)
        raise ApplicationHandlerStop(ConversationHandler.END)
    await update.callback_query.answer()
    facts = facts_from_state(dialog["facts"])
    if args[0] == "set" and len(args) == 3:
        if field == "disclosure":
            value = args[2] if args[2] in ("required", "hidden") else None
            facts = dataclasses.replace(facts, disclosure=value)  # type: ignore[arg-type]
        else:
            facts = await asyncio.to_thread(apply_answer, facts, field, "none")
    raise ApplicationHandlerStop(await _next(update, context, {**dialog, "facts": facts_to_state(facts)}, field))


async def _next(update: Update, context: CoachContext, dialog: dict, field: str) -> object:
    """The next guided field's state, or the judgement (the offer is kept idle for corrections) and END."""
    ui = await user_lang(update, context)
    if dialog.get("guided"):
        position = STEPS.index(field) + 1
        if position < len(STEPS):
            await context.services.db.set_dialog(update.effective_user.id, {**dialog, "step": STEPS[position]})
            await _ask_step(update, context, STEPS[position], ui)
            return _offer_state(STEPS[position])
    facts = facts_from_state(dialog["facts"])
    await _judge_and_send(update, context, facts, dialog.get("text", ""), ui, log=bool(dialog.get("guided")))
    return ConversationHandler.END


async def _on_profile_field_button(update: Update, context: CoachContext) -> object:
    field = button_args(update)[0]
    await update.callback_query.answer()
    await send_html(context, update.effective_chat.id, esc(t(f"ask_pf_{field}", await user_lang(update, context))))
    raise ApplicationHandlerStop(_profile_state(field))


async def _on_profile_text(update: Update, context: CoachContext, field: str) -> object:
    saved = await _save_profile_field(update, context, field, update.effective_message.text or "")
    raise ApplicationHandlerStop(ConversationHandler.END if saved else None)  # None: ask the same field again


async def on_stale_offer_button(update: Update, context: CoachContext) -> None:
    """An offer button no conversation state took: from a finished dialog, or forged."""
    await button_expired(update, context)


async def on_profile_button(update: Update, context: CoachContext) -> None:
    """pf:clear (the field buttons start a conversation step)."""
    if button_args(update) != ("clear",):
        await button_expired(update, context)
        return
    ui = await user_lang(update, context)
    await context.services.db.set_profile(update.effective_user.id, {})
    await update.callback_query.answer(t("pf_cleared", ui))
    await update.callback_query.edit_message_text(profile_text(Profile(), ui), reply_markup=profile_keyboard(ui))


async def _ask_step(update: Update, context: CoachContext, field: str, ui: Lang) -> None:
    await send_html(
        context, update.effective_chat.id, esc(t(f"ask_{field}", ui)), reply_markup=step_keyboard(field, ui)
    )


async def _judge_and_send(
    update: Update, context: CoachContext, facts: OfferFacts, text: str, ui: Lang, log: bool
) -> None:
    services, user, chat_id = context.services, update.effective_user, update.effective_chat.id
    profile = Profile.from_json(await services.db.profile(user.id) or {})
    evaluation = await asyncio.to_thread(services.offers.evaluate_facts, facts, text, profile, ui)
    # Kept, idle, so the card's buttons can correct a field; /cancel and /forget remove it.
    await services.db.set_dialog(
        user.id,
        {"kind": "offer", "step": None, "guided": False, "facts": facts_to_state(facts), "text": text[-MAX_KEPT_TEXT:]},
    )
    if log:
        await services.db.log_offer(user.id, evaluation.verdict, evaluation.red_flags, facts.category)
    # The offer becomes the conversation's topic: "is that normal? they seem legit" is read with it, on the card
    # of its most serious reason (the country the creator named earlier stays).
    previous = await services.db.exchanges.last(user.id)
    await services.db.exchanges.remember(
        user.id, text, evaluation.topic_card, country=previous.country if previous else None
    )
    kb = services.kb
    cited = dict.fromkeys(r.card_id for r in evaluation.reasons if r.status != "ok")
    titles = [card.title for card_id in cited if (card := kb.get(card_id, ui))][:4]
    has_coach = await services.db.coach_of(user.id) is not None
    await send_html(context, chat_id, offer_card(evaluation), reply_markup=offer_card_keyboard(ui, has_coach))
    for message in split_message(verdict_blocks(evaluation, titles)):
        await send_html(context, chat_id, message)


async def _save_profile_field(update: Update, context: CoachContext, field: str, text: str) -> bool:
    db, user = context.services.db, update.effective_user
    ui = await user_lang(update, context)
    parsers = {
        "editorial_line": lambda s: s.strip()[:500] or None,
        "no_go": lambda s: parse_categories(s) or None,
        "platforms": lambda s: parse_platforms(s) or None,
        "audience_size": parse_audience_size,
        "minors_share": parse_share,
    }
    value = parsers[field](text) if field in parsers else None
    if value is None:
        await update.effective_message.reply_text(esc(t("pf_invalid", ui)))
        return False
    profile = {**(await db.profile(user.id) or {}), field: value}
    await db.set_profile(user.id, profile)
    await update.effective_message.reply_text(
        f"{t('pf_saved', ui)}\n\n{profile_text(Profile.from_json(profile), ui)}", reply_markup=profile_keyboard(ui)
    )
    return True
