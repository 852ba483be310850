"""Coaches (registered behind the coaches' user filter, bot/telegram/roles.py): invite links, cohorts joined by
consent, an aggregated dashboard, sharing (inline mode, buttons)."""

from __future__ import annotations

import asyncio
import datetime as dt
from uuid import uuid4

from telegram import InlineKeyboardMarkup, InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode
from telegram.ext import ApplicationHandlerStop

from bot.advice import Question
from bot.i18n import lang_of
from bot.offers.edit import facts_from_state
from bot.telegram.admission import admit
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import button_args, send_html, user_lang
from bot.telegram.render import Callback, answer_blocks, button, checklist_block, esc, offer_card, split_message
from bot.telegram.texts import t

INLINE_CACHE_SECONDS = 300


async def invite(update: Update, context: CoachContext) -> None:
    user, db = update.effective_user, context.services.db
    if context.roles.is_admin(update):  # an admin coaches by right: record it, or invites to them stay dead
        await db.add_coach(user.id, user.id)  # (ignored when already recorded)
    code = await db.create_invite(user.id, user.full_name or str(user.id))
    link = f"https://t.me/{context.bot.username}?start={code}"
    await update.effective_message.reply_text(esc(t("invite_link", await user_lang(update, context), link=link)))


async def start_with_code(update: Update, context: CoachContext) -> None:
    """/start <code> from a coach's deep link, before the welcome: a known code is offered and the welcome is
    skipped; an unknown one is said to be invalid, and the welcome follows."""
    if await offer_to_join(update, context, context.args[0]):
        raise ApplicationHandlerStop


async def offer_to_join(update: Update, context: CoachContext, code: str) -> bool:
    """Tell who invites, join only on "yes". False if the code is unknown."""
    lang = await user_lang(update, context)
    found = await context.services.db.invite(code)
    if found is None:
        await update.effective_message.reply_text(esc(t("invite_invalid", lang)))
        return False
    _, coach_name = found
    keyboard = InlineKeyboardMarkup(
        [[button(t("button_join", lang), Callback("join", (code,))), button(t("button_no_thanks", lang),
                                                                            Callback("join", ()))]]
    )  # fmt: skip
    await update.effective_message.reply_text(esc(t("invite_offer", lang, coach=coach_name)), reply_markup=keyboard)
    return True


async def on_join_button(update: Update, context: CoachContext) -> None:
    args = button_args(update)
    query, lang, db = update.callback_query, await user_lang(update, context), context.services.db
    found = await db.invite(args[0]) if args else None
    await query.answer()
    if found is None:
        await query.edit_message_text(esc(t("not_joined" if not args else "invite_invalid", lang)))
        return
    await db.join_cohort(query.from_user.id, found[0])  # the presser joins, nobody else
    await query.edit_message_text(esc(t("joined", lang, coach=found[1])))


async def leave(update: Update, context: CoachContext) -> None:
    lang = await user_lang(update, context)
    left = await context.services.db.leave_cohort(update.effective_user.id)
    await update.effective_message.reply_text(esc(t("left" if left else "not_in_cohort", lang)))


async def dashboard(update: Update, context: CoachContext) -> None:
    lang, services = await user_lang(update, context), context.services
    since = (dt.datetime.now(dt.UTC) - dt.timedelta(days=7)).isoformat(timespec="seconds")
    stats = await services.db.cohort_stats(update.effective_user.id, since)
    kb, none = services.kb, t("none", lang)
    topics = ", ".join(
        f"{card.title if (card := kb.get(card_id, lang)) else card_id} ({n})"
        for card_id, n in stats.topics.most_common(5)
    )
    flags = ", ".join(f"{flag} ({n})" for flag, n in stats.red_flags.most_common(5))
    text = t(
        "dashboard",
        lang,
        creators=stats.creators,
        questions=stats.questions,
        offers=stats.offers,
        accept=stats.verdicts["accept"],
        negotiate=stats.verdicts["negotiate"],
        decline=stats.verdicts["decline"],
        topics=topics or none,
        flags=flags or none,
    )
    await update.effective_message.reply_text(esc(text))


async def send_to_coach(update: Update, context: CoachContext) -> None:
    """Only when the creator taps it: the current offer's card and verdict go to their coach."""
    query, lang, services = update.callback_query, await user_lang(update, context), context.services
    user = query.from_user
    coach_id = await services.db.coach_of(user.id)
    dialog = await services.db.dialog(user.id)
    if coach_id is None or dialog is None or dialog.get("kind") != "offer":
        await query.answer(t("not_in_cohort" if coach_id is None else "button_expired", lang), show_alert=True)
        return
    if not await admit(update, context):
        return
    facts = facts_from_state(dialog["facts"])
    coach_lang = await services.db.language(coach_id) or lang
    evaluation = await asyncio.to_thread(
        services.offers.evaluate_facts, facts, dialog.get("text", ""), None, coach_lang
    )
    verdict = esc(t(f"verdict_{evaluation.verdict}", coach_lang))
    flags = ", ".join(evaluation.red_flags)
    header = esc(t("coach_summary", coach_lang, name=user.full_name or str(user.id)))
    await send_html(
        context,
        coach_id,
        f"{header}\n\n{offer_card(evaluation)}\n\n<b>{verdict}</b>" + (f"\n{esc(flags)}" if flags else ""),
    )
    await query.answer(t("sent_to_coach", lang))


async def inline_query(update: Update, context: CoachContext) -> None:
    """@bot <question> in any chat: the answer card, the checklist, and a reply template when there is one."""
    query = update.inline_query
    lang = lang_of(query.from_user.language_code)
    text = (query.query or "").strip()
    services = context.services
    results = []
    if text and not await admit(update, context):
        return
    if text:
        answer = await services.batcher.ask(Question(text, None, lang))
        lang = answer.lang
        if answer.in_scope:
            body = "\n\n".join(split_message(answer_blocks(answer))[:1])
            results.append(_article(f"💡 {answer.sources[0].title}", answer.summary[:120], body))
            if answer.template:
                results.append(_article(f"✉️ {t('inline_template', lang)}", answer.template[:120], esc(answer.template)))
        else:
            results.append(_article("🤷", answer.summary[:120], esc(answer.summary)))
    checklist = services.engine.full_checklist(lang)
    results.append(_article(f"📋 {t('full_checklist', lang)}", checklist[0] if checklist else "",
                            checklist_block(checklist, t("full_checklist", lang))))  # fmt: skip
    await query.answer(results, cache_time=INLINE_CACHE_SECONDS, is_personal=False)


def _article(title: str, description: str, html_text: str) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=uuid4().hex,
        title=title[:100],
        description=description,
        # The first message-sized piece, cut between paragraphs, never inside a tag or an `&amp;`.
        input_message_content=InputTextMessageContent(split_message([html_text])[0], parse_mode=ParseMode.HTML),
    )
