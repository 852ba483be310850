"""/start /help /lang /checklist /privacy /forget."""

from __future__ import annotations

from telegram import Update

from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import send_html, user_lang
from bot.telegram.render import checklist_block, esc, examples_keyboard, forget_keyboard, language_keyboard
from bot.telegram.texts import t


async def start(update: Update, context: CoachContext) -> None:
    lang = await user_lang(update, context)
    name = update.effective_user.first_name or ""
    await update.effective_message.reply_text(esc(t("welcome", lang, name=name)), reply_markup=examples_keyboard(lang))


async def help_(update: Update, context: CoachContext) -> None:
    await update.effective_message.reply_text(esc(t("help", await user_lang(update, context))))


async def lang(update: Update, context: CoachContext) -> None:
    choice = (context.args or [""])[0].lower()
    if choice in ("fr", "en"):
        await context.services.db.set_language(update.effective_user.id, choice)
        await update.effective_message.reply_text(esc(t("lang_set", choice)))
        return
    current = await user_lang(update, context)
    await update.effective_message.reply_text(esc(t("lang_choose", current)), reply_markup=language_keyboard())


async def checklist(update: Update, context: CoachContext) -> None:
    lang_ = await user_lang(update, context)
    items = context.services.engine.full_checklist(lang_)
    await send_html(context, update.effective_chat.id, checklist_block(items, t("full_checklist", lang_)))


async def privacy(update: Update, context: CoachContext) -> None:
    await update.effective_message.reply_text(esc(t("privacy", await user_lang(update, context))))


async def forget(update: Update, context: CoachContext) -> None:
    lang_ = await user_lang(update, context)
    await update.effective_message.reply_text(esc(t("forget_confirm", lang_)), reply_markup=forget_keyboard(lang_))
