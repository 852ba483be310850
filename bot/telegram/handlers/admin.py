"""Admins (ADMIN_IDS): the knowledge base's state, refresh, uploads, removal, rollback, feedback, coaches.
Registered behind the admins' user filter (bot/telegram/roles.py): others get the one refusal, and a
document from anyone else is never downloaded."""

from __future__ import annotations

import asyncio
import difflib
from collections import Counter, defaultdict

from telegram import InlineKeyboardMarkup, Update

from bot.errors import CoachError
from bot.eval.questions import evaluate_splits, questions_dir
from bot.i18n import Lang
from bot.retrieval.index import RefreshReport
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import button_args, send_html, user_lang
from bot.telegram.render import Callback, button, esc, split_message
from bot.telegram.roles import admins_only
from bot.telegram.texts import t

MAX_DIFF_CHARS = 2500
MAX_QUOTED = 600  # of a refusal's reason: it may quote a hostile card (a 6,000-character topic)


def _clip(text: str, limit: int = MAX_QUOTED) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _report(report: RefreshReport, lang: Lang) -> str:
    counts = report.counts()
    return t("kb_report", lang, **{**counts, "version": counts["kb_version"]})


async def kb_status(update: Update, context: CoachContext) -> None:
    lang, services = await user_lang(update, context), context.services
    stats = services.kb.stats()
    folder = questions_dir(services.settings.knowledge_dir)
    report = await asyncio.to_thread(evaluate_splits, folder, services.engine, headline_only=True)
    result = report.headline[1] if report.headline else None
    state = services.index.state()
    missing = stats["missing_translation"]
    text = t(
        "kb_status",
        lang,
        version=stats["version"],
        cards=stats["cards"],
        fr=stats["by_lang"]["fr"],  # type: ignore[index]
        en=stats["by_lang"]["en"],  # type: ignore[index]
        missing=t("kb_missing", lang, ids=", ".join(missing)) if missing else "",  # type: ignore[arg-type]
        refreshed=state.get("refreshed_at", "—"),
        chunks=services.index.count(),
        hit3=f"{result.hit_at_3:.3f}" if result else "—",
        mrr=f"{result.mrr:.3f}" if result else "—",
        off=f"{result.offtopic_accuracy:.3f}" if result else "—",
        n=result.questions if result else 0,
    )
    await update.effective_message.reply_text(esc(text))


async def reload(update: Update, context: CoachContext) -> None:
    lang = await user_lang(update, context)
    try:
        report = await asyncio.to_thread(context.services.knowledge.refresh)
    except CoachError as exc:
        await update.effective_message.reply_text(esc(t("kb_refused", lang, reason=_clip(str(exc)))))
        return
    await update.effective_message.reply_text(esc(_report(report, lang)))


async def upload(update: Update, context: CoachContext) -> None:
    """A .md document sent by an admin: validated, stored, indexed, with the diff; refused otherwise."""
    lang, services = await user_lang(update, context), context.services
    document = update.effective_message.document
    name = document.file_name or "card.md"
    try:
        if (document.file_size or 0) > 20_000:
            raise CoachError(f"{name}: is larger than 20,000 bytes")
        data = bytes(await (await document.get_file()).download_as_bytearray())
        # Validating and indexing cost CPU and wait for the knowledge base's lock: never on the event loop.
        outcome = await asyncio.to_thread(services.knowledge.upload, update.effective_user.id, name, data)
    except CoachError as exc:
        await update.effective_message.reply_text(esc(t("kb_refused", lang, reason=_clip(str(exc)))))
        return
    checked, report, previous = outcome.upload, outcome.report, outcome.changes[0].previous
    relative = checked.target.relative_to(services.settings.knowledge_dir)
    lines = [esc(t("kb_uploaded", lang, path=str(relative))), esc(_report(report, lang))]
    if checked.missing_translation:
        lines.append(esc(t("kb_needs_translation", lang, other=checked.missing_translation)))
    diff = "".join(
        difflib.unified_diff(
            (previous or "").splitlines(keepends=True),
            checked.text.splitlines(keepends=True),
            fromfile=f"a/{relative}",
            tofile=f"b/{relative}",
            n=1,
        )
    )
    if len(diff) > MAX_DIFF_CHARS:
        diff = diff[:MAX_DIFF_CHARS] + "\n…"
    blocks = ["\n".join(lines), f"<pre>{esc(diff)}</pre>"] if diff else ["\n".join(lines)]
    for message in split_message(blocks):
        await send_html(context, update.effective_chat.id, message)


async def kb_remove(update: Update, context: CoachContext) -> None:
    lang = await user_lang(update, context)
    card_id = (context.args or [""])[0]
    if not card_id:
        await update.effective_message.reply_text(esc(t("kb_remove_usage", lang)))
        return
    if card_id not in context.services.kb.ids:
        await update.effective_message.reply_text(esc(t("kb_no_such_card", lang, id=_clip(card_id, 80))))
        return
    keyboard = InlineKeyboardMarkup(
        [
            [
                button(t("button_confirm_remove", lang), Callback("kbrm", (card_id,))),
                button(t("forget_no", lang), Callback("kbrm", ())),
            ]
        ]
    )
    await update.effective_message.reply_text(esc(t("kb_remove_confirm", lang, id=card_id)), reply_markup=keyboard)


async def on_remove_button(update: Update, context: CoachContext) -> None:
    args = button_args(update)
    if not context.roles.is_admin(update):  # a forwarded or forged button does nothing for a non-admin
        await admins_only(update, context)
        return
    query, lang, services = update.callback_query, await user_lang(update, context), context.services
    await query.answer()
    if not args:
        await query.edit_message_text(esc(t("forget_cancelled", lang)))
        return
    try:
        outcome = await asyncio.to_thread(services.knowledge.remove, update.effective_user.id, args[0])
    except CoachError as exc:
        await query.edit_message_text(esc(t("kb_refused", lang, reason=_clip(str(exc)))))
        return
    if outcome is None:
        await query.edit_message_text(esc(t("kb_no_such_card", lang, id=args[0])))
        return
    await query.edit_message_text(esc(f"{t('kb_removed', lang, id=args[0])}\n{_report(outcome.report, lang)}"))


async def kb_rollback(update: Update, context: CoachContext) -> None:
    lang, services = await user_lang(update, context), context.services
    try:
        outcome = await asyncio.to_thread(services.knowledge.rollback)
    except CoachError as exc:
        await update.effective_message.reply_text(esc(t("kb_refused", lang, reason=_clip(str(exc)))))
        return
    if outcome is None:
        await update.effective_message.reply_text(esc(t("kb_nothing_to_roll_back", lang)))
        return
    root = services.settings.knowledge_dir
    paths = ", ".join(str(change.path.relative_to(root)) for change in outcome.changes)
    text = f"{t('kb_rolled_back', lang, paths=paths)}\n{_report(outcome.report, lang)}"
    await update.effective_message.reply_text(esc(text))


async def feedback_report(update: Update, context: CoachContext) -> None:
    lang = await user_lang(update, context)
    votes = await context.services.db.recent_downvotes()
    if not votes:
        await update.effective_message.reply_text(esc(t("feedback_none", lang)))
        return
    by_card: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for card_id, vote_lang in votes:
        by_card[card_id][vote_lang or "—"] += 1
    ranked = sorted(by_card.items(), key=lambda item: -sum(item[1].values()))
    lines = [f"<b>{esc(t('feedback_title', lang))}</b>"]
    for card_id, langs in ranked[:30]:
        split = ", ".join(f"{code} {n}" for code, n in langs.most_common())
        lines.append(f"• <b>{esc(card_id)}</b> ({sum(langs.values())}: {esc(split)})")
    for message in split_message(["\n".join(lines)]):
        await send_html(context, update.effective_chat.id, message)


async def coach_add(update: Update, context: CoachContext) -> None:
    await _coach_role(update, context, add=True)


async def coach_remove(update: Update, context: CoachContext) -> None:
    await _coach_role(update, context, add=False)


async def _coach_role(update: Update, context: CoachContext, add: bool) -> None:
    lang, db = await user_lang(update, context), context.services.db
    arg = (context.args or [""])[0]
    if not arg.lstrip("-").isdigit():
        await update.effective_message.reply_text(esc(t("coach_usage", lang)))
        return
    user_id = int(arg)
    if add:
        await db.add_coach(user_id, update.effective_user.id)
        context.roles.coach_added(user_id)
        await update.effective_message.reply_text(esc(t("coach_added", lang, id=user_id)))
    elif await db.remove_coach(user_id):
        context.roles.coach_removed(user_id)
        await update.effective_message.reply_text(esc(t("coach_removed", lang, id=user_id)))
    else:
        await update.effective_message.reply_text(esc(t("coach_not_found", lang, id=user_id)))
