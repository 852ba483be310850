"""Offers: pasted or forwarded ones, the guided /offer, corrections from the offer card, and /profile."""

from __future__ import annotations

import asyncio
import dataclasses

from telegram import Update

from bot.i18n import Lang, t
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
from bot.telegram.chat_action import typing_while
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import send_html, user_lang
from bot.telegram.render import (
    esc,
    offer_card,
    offer_card_keyboard,
    profile_keyboard,
    profile_text,
    split_message,
    step_keyboard,
    verdict_blocks,
)

STEPS = tuple(FIELDS)  # the guided order: pay, deliverables, category, rights, exclusivity, payment, disclosure
MAX_KEPT_TEXT = 4000  # the offer's text is kept (until /cancel or /forget) to re-judge it after a correction


async def evaluate_text(update: Update, context: CoachContext, text: str) -> None:
    ui = await user_lang(update, context)
    services, chat_id = context.services, update.effective_chat.id
    profile = Profile.from_json(await services.db.profile(update.effective_user.id) or {})
    # The rules' reading, completed by the optional language model (seconds): "typing…" meanwhile.
    reading = asyncio.to_thread(services.coach.offers.read, text, None, profile)
    facts = await typing_while(context.bot, chat_id, reading, services.settings.typing_delay)
    await _judge_and_send(update, context, facts, text, ui, log=True)


async def offer_command(update: Update, context: CoachContext) -> None:
    ui = await user_lang(update, context)
    user = update.effective_user
    await context.services.db.set_dialog(
        user.id, {"kind": "offer", "step": STEPS[0], "guided": True, "facts": facts_to_state(new_facts(ui)), "text": ""}
    )
    await update.effective_message.reply_text(esc(t("offer_start", ui)))
    await _ask_step(update, context, STEPS[0], ui)


async def cancel_command(update: Update, context: CoachContext) -> None:
    ui = await user_lang(update, context)
    db = context.services.db
    if await db.dialog(update.effective_user.id) is None:
        await update.effective_message.reply_text(esc(t("nothing_to_cancel", ui)))
        return
    await db.end_dialog(update.effective_user.id)
    await update.effective_message.reply_text(esc(t("cancelled", ui)))


async def profile_command(update: Update, context: CoachContext) -> None:
    ui = await user_lang(update, context)
    profile = Profile.from_json(await context.services.db.profile(update.effective_user.id) or {})
    await update.effective_message.reply_text(profile_text(profile, ui), reply_markup=profile_keyboard(ui))


async def continue_dialog(update: Update, context: CoachContext, dialog: dict, text: str) -> bool:
    """Handle `text` as the answer the open dialog waits for; False if no dialog is waiting."""
    if not dialog.get("step"):
        return False
    ui = await user_lang(update, context)
    if dialog["kind"] == "profile":
        await _save_profile_field(update, context, dialog["step"], text, ui)
        return True
    facts = apply_answer(facts_from_state(dialog["facts"]), dialog["step"], text)
    dialog = {**dialog, "facts": facts_to_state(facts), "text": (dialog.get("text", "") + "\n" + text)[-MAX_KEPT_TEXT:]}
    await _next(update, context, dialog, ui)
    return True


async def on_offer_button(update: Update, context: CoachContext, args: tuple[str, ...]) -> bool:
    """of:fix:<field> · of:skip:<field> · of:set:<field>:<value>. False when the button is stale."""
    query, user = update.callback_query, update.effective_user
    db = context.services.db
    dialog = await db.dialog(user.id)  # always the presser's own: a button never acts for someone else
    if dialog is None or dialog.get("kind") != "offer" or len(args) < 2 or args[1] not in FIELDS:
        return False
    ui = await user_lang(update, context)
    action, field = args[0], args[1]
    await query.answer()
    if action == "fix":
        await db.set_dialog(user.id, {**dialog, "step": field, "guided": False})
        await _ask_step(update, context, field, ui)
        return True
    if dialog.get("step") != field:
        return False
    facts = facts_from_state(dialog["facts"])
    if action == "set" and len(args) == 3:
        if field == "disclosure":
            value = args[2] if args[2] in ("required", "hidden") else None
            facts = dataclasses.replace(facts, disclosure=value)  # type: ignore[arg-type]
        else:
            facts = apply_answer(facts, field, "none")
    elif action != "skip":
        return False
    await _next(update, context, {**dialog, "facts": facts_to_state(facts)}, ui)
    return True


async def on_profile_button(update: Update, context: CoachContext, args: tuple[str, ...]) -> bool:
    query, user = update.callback_query, update.effective_user
    ui = await user_lang(update, context)
    db = context.services.db
    if args == ("clear",):
        await db.set_profile(user.id, {})
        await query.answer(t("pf_cleared", ui))
        await query.edit_message_text(profile_text(Profile(), ui), reply_markup=profile_keyboard(ui))
        return True
    if len(args) != 1 or args[0] not in Profile.__dataclass_fields__ or args[0] == "values":
        return False
    await query.answer()
    await db.set_dialog(user.id, {"kind": "profile", "step": args[0]})
    await send_html(context, update.effective_chat.id, esc(t(f"ask_pf_{args[0]}", ui)))
    return True


async def _next(update: Update, context: CoachContext, dialog: dict, ui: Lang) -> None:
    user = update.effective_user
    if dialog.get("guided"):
        position = STEPS.index(dialog["step"]) + 1
        if position < len(STEPS):
            await context.services.db.set_dialog(user.id, {**dialog, "step": STEPS[position]})
            await _ask_step(update, context, STEPS[position], ui)
            return
    facts = facts_from_state(dialog["facts"])
    await _judge_and_send(update, context, facts, dialog.get("text", ""), ui, log=bool(dialog.get("guided")))


async def _ask_step(update: Update, context: CoachContext, field: str, ui: Lang) -> None:
    await send_html(
        context, update.effective_chat.id, esc(t(f"ask_{field}", ui)), reply_markup=step_keyboard(field, ui)
    )


async def _judge_and_send(
    update: Update, context: CoachContext, facts: OfferFacts, text: str, ui: Lang, log: bool
) -> None:
    services, user, chat_id = context.services, update.effective_user, update.effective_chat.id
    profile = Profile.from_json(await services.db.profile(user.id) or {})
    evaluation = await asyncio.to_thread(services.coach.offers.evaluate_facts, facts, text, profile, ui)
    # Kept, idle, so the card's buttons can correct a field; /cancel and /forget remove it.
    await services.db.set_dialog(
        user.id,
        {"kind": "offer", "step": None, "guided": False, "facts": facts_to_state(facts), "text": text[-MAX_KEPT_TEXT:]},
    )
    if log:
        await services.db.log_offer(user.id, evaluation.verdict, evaluation.red_flags, facts.category)
    kb = services.coach.kb
    cited = dict.fromkeys(r.card_id for r in evaluation.reasons if r.status != "ok")
    titles = [card.title for card_id in cited if (card := kb.get(card_id, ui))][:4]
    has_coach = await services.db.coach_of(user.id) is not None
    await send_html(context, chat_id, offer_card(evaluation), reply_markup=offer_card_keyboard(ui, has_coach))
    for message in split_message(verdict_blocks(evaluation, titles)):
        await send_html(context, chat_id, message)


async def _save_profile_field(update: Update, context: CoachContext, field: str, text: str, ui: Lang) -> None:
    db, user = context.services.db, update.effective_user
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
        return
    profile = {**(await db.profile(user.id) or {}), field: value}
    await db.set_profile(user.id, profile)
    await db.end_dialog(user.id)
    await update.effective_message.reply_text(
        f"{t('pf_saved', ui)}\n\n{profile_text(Profile.from_json(profile), ui)}", reply_markup=profile_keyboard(ui)
    )
