"""Thin handlers: parse the update, call a service, render, reply."""

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.telegram.handlers import admin, callbacks, coaches, commands, errors, offers, questions


async def without_a_person(update: Update, context: object) -> None:
    """An update nobody sent (a message without `from`, an update skipped as unreadable) reaches no handler:
    every handler answers, counts or stores something for a person."""
    if update.effective_user is None:
        raise ApplicationHandlerStop


def register(app: Application) -> None:
    app.add_handler(TypeHandler(Update, without_a_person), group=-1)
    private = filters.ChatType.PRIVATE
    new_messages = filters.UpdateType.MESSAGE  # edited messages are ignored: see README, "Edited messages"
    app.add_handler(CommandHandler("start", commands.start, filters=new_messages))
    app.add_handler(CommandHandler("help", commands.help_, filters=new_messages))
    app.add_handler(CommandHandler("lang", commands.lang, filters=new_messages))
    app.add_handler(CommandHandler("checklist", commands.checklist, filters=new_messages))
    app.add_handler(CommandHandler("privacy", commands.privacy, filters=new_messages))
    app.add_handler(CommandHandler("forget", commands.forget, filters=new_messages))
    app.add_handler(CommandHandler("ask", questions.ask_command, filters=new_messages))
    private_commands = new_messages & filters.ChatType.PRIVATE
    app.add_handler(CommandHandler("offer", offers.offer_command, filters=private_commands))
    app.add_handler(CommandHandler("profile", offers.profile_command, filters=private_commands))
    app.add_handler(CommandHandler("cancel", offers.cancel_command, filters=private_commands))
    for name, callback in (
        ("kb", admin.kb_status),
        ("reload", admin.reload),
        ("kb_remove", admin.kb_remove),
        ("kb_rollback", admin.kb_rollback),
        ("feedback", admin.feedback_report),
        ("coach_add", admin.coach_add),
        ("coach_remove", admin.coach_remove),
        ("invite", coaches.invite),
        ("coach", coaches.dashboard),
        ("leave", coaches.leave),
    ):
        app.add_handler(CommandHandler(name, callback, filters=private_commands))
    # A document from an admin is a card upload; from anyone else, it is just not text.
    app.add_handler(MessageHandler(private & new_messages & filters.Document.ALL, admin.upload))
    app.add_handler(MessageHandler(private & new_messages & filters.TEXT & ~filters.COMMAND, questions.on_private_text))
    app.add_handler(
        MessageHandler(
            filters.ChatType.GROUPS & new_messages & filters.REPLY & filters.TEXT & ~filters.COMMAND,
            questions.on_group_reply,
        )
    )
    app.add_handler(
        MessageHandler(private & new_messages & ~filters.TEXT & ~filters.StatusUpdate.ALL, questions.on_not_text)
    )
    app.add_handler(CallbackQueryHandler(callbacks.on_button))
    app.add_handler(InlineQueryHandler(coaches.inline_query))
    app.add_error_handler(errors.on_error)


__all__ = ["register"]
