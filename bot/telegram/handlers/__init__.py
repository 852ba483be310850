"""Thin handlers: parse the update, call a service, render, reply. Each feature's commands and buttons are
registered here, by pattern and behind role filters; no handler module imports another."""

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
from bot.telegram.roles import Roles, admins_only, coaches_only

ADMIN_COMMANDS = {
    "kb": admin.kb_status,
    "reload": admin.reload,
    "kb_remove": admin.kb_remove,
    "kb_rollback": admin.kb_rollback,
    "feedback": admin.feedback_report,
    "coach_add": admin.coach_add,
    "coach_remove": admin.coach_remove,
}
COACH_COMMANDS = {"invite": coaches.invite, "coach": coaches.dashboard}
# Callback data starts with the action: "<action>" or "<action>:<arg>:…" (see render.Callback).
BUTTONS = {
    "fb": callbacks.feedback,
    "ck": callbacks.full_checklist,
    "fu": callbacks.follow_up,
    "md": callbacks.more_details,
    "ex": callbacks.example,
    "lang": callbacks.language,
    "forget": callbacks.forget,
    "of": offers.on_stale_offer_button,  # the live ones are the conversation's
    "pf": offers.on_profile_button,
    "kbrm": admin.on_remove_button,
    "join": coaches.on_join_button,
    "tocoach": coaches.send_to_coach,
    "ct": questions.on_country_button,
}


async def without_a_person(update: Update, context: object) -> None:
    """An update nobody sent (a message without `from`, an update skipped as unreadable) reaches no handler:
    every handler answers, counts or stores something for a person."""
    if update.effective_user is None:
        raise ApplicationHandlerStop


def register(app: Application, roles: Roles) -> None:
    # Before everything else, the conversation included (-2 and -1 are features' earlier groups).
    app.add_handler(TypeHandler(Update, without_a_person), group=-10)
    app.add_handler(CallbackQueryHandler(callbacks.without_a_chat), group=-9)
    private = filters.ChatType.PRIVATE
    new_messages = filters.UpdateType.MESSAGE  # edited messages are ignored: see README, "Edited messages"
    private_commands = new_messages & private
    # /start <code> from an invite link comes first; a valid code stops there, otherwise the welcome follows.
    app.add_handler(CommandHandler("start", coaches.start_with_code, filters=private_commands, has_args=1), group=-1)
    app.add_handler(CommandHandler("start", commands.start, filters=new_messages))
    app.add_handler(CommandHandler("help", commands.help_, filters=new_messages))
    app.add_handler(CommandHandler("lang", commands.lang, filters=new_messages))
    app.add_handler(CommandHandler("checklist", commands.checklist, filters=new_messages))
    app.add_handler(CommandHandler("privacy", commands.privacy, filters=new_messages))
    app.add_handler(CommandHandler("forget", commands.forget, filters=new_messages))
    app.add_handler(CommandHandler("ask", questions.ask_command, filters=new_messages))
    app.add_handler(CommandHandler("profile", offers.profile_command, filters=private_commands))
    app.add_handler(CommandHandler("cancel", offers.cancel_command, filters=private_commands))
    app.add_handler(CommandHandler("leave", coaches.leave, filters=private_commands))
    for name, callback in ADMIN_COMMANDS.items():
        app.add_handler(CommandHandler(name, callback, filters=private_commands & roles.admins))
    for name, callback in COACH_COMMANDS.items():
        app.add_handler(CommandHandler(name, callback, filters=private_commands & roles.coaches))
    # The one refusal, for everyone the role filters let through to here.
    app.add_handler(CommandHandler(list(ADMIN_COMMANDS), admins_only, filters=private_commands))
    app.add_handler(CommandHandler(list(COACH_COMMANDS), coaches_only, filters=private_commands))
    # A document from an admin is a card upload; from anyone else, it is just not text (never downloaded).
    app.add_handler(MessageHandler(private & new_messages & filters.Document.ALL & roles.admins, admin.upload))
    private_text = private & new_messages & filters.TEXT & ~filters.COMMAND
    app.add_handler(offers.conversation(private_text), group=-2)  # /offer, corrections, /profile fields
    app.add_handler(MessageHandler(private_text, offers.on_private_text), group=-1)  # pasted offers
    app.add_handler(MessageHandler(private_text, questions.on_private_question))
    app.add_handler(
        MessageHandler(
            filters.ChatType.GROUPS & new_messages & filters.REPLY & filters.TEXT & ~filters.COMMAND,
            questions.on_group_reply,
        )
    )
    app.add_handler(
        MessageHandler(private & new_messages & ~filters.TEXT & ~filters.StatusUpdate.ALL, questions.on_not_text)
    )
    for action, callback in BUTTONS.items():
        app.add_handler(CallbackQueryHandler(callback, pattern=rf"^{action}(:|$)"))
    app.add_handler(CallbackQueryHandler(callbacks.expired))  # stale or forged: no feature claimed it
    app.add_handler(InlineQueryHandler(coaches.inline_query))
    app.add_error_handler(errors.on_error)


__all__ = ["register"]
