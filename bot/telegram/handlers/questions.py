"""Questions: private text, /ask anywhere, replies to the bot in groups, and what isn't text."""

from __future__ import annotations

from telegram import Update

from bot.advice import Question
from bot.advice.composer import topic_passages
from bot.errors import EmptyQuestionError
from bot.i18n import lang_of, t
from bot.offers import Profile
from bot.telegram.admission import admit
from bot.telegram.chat_action import typing_while
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import send_answer, user_lang
from bot.telegram.render import esc


async def on_private_question(update: Update, context: CoachContext) -> None:
    """Private text that no dialog waited for and that is not an offer: a question. It was admitted through
    the throttle by `offers.on_private_text`, which runs first (handler group -1) and stops anything else."""
    await _answer(update, context, update.effective_message.text or "")


async def ask_command(update: Update, context: CoachContext) -> None:
    question = " ".join(context.args or [])
    if not question.strip():
        await update.effective_message.reply_text(esc(t("ask_usage", await user_lang(update, context))))
        return
    await answer_question(update, context, question)


async def on_group_reply(update: Update, context: CoachContext) -> None:
    replied = update.effective_message.reply_to_message
    if replied and replied.from_user and replied.from_user.id == context.bot.id:
        await answer_question(update, context, update.effective_message.text or "")
    # any other group chatter is none of the coach's business


async def on_not_text(update: Update, context: CoachContext) -> None:
    await update.effective_message.reply_text(esc(t("not_text", await user_lang(update, context))))


async def answer_question(update: Update, context: CoachContext, question: str) -> None:
    if await admit(update, context):
        await _answer(update, context, question)


async def _answer(update: Update, context: CoachContext, question: str) -> None:
    services = context.services
    user, message = update.effective_user, update.effective_message
    chosen = await services.db.language(user.id)
    default = chosen or lang_of(user.language_code)
    previous = await services.db.exchanges.last(user.id)  # under 30 minutes old, else None
    profile = Profile.from_json(await services.db.profile(user.id) or {})
    asked = Question(
        question,
        chosen,
        default,
        (previous.question,) if previous else (),
        profile,
        previous.card_id if previous else None,
        previous.shown if previous else (),
    )
    # The engine works off the event loop, batched with other users' questions; "typing…" only if the answer
    # takes long enough to be seen waiting for (the optional language model can take seconds).
    work = services.batcher.ask(asked)
    try:
        answer = await typing_while(context.bot, message.chat_id, work, services.settings.typing_delay)
    except EmptyQuestionError:
        await message.reply_text(esc(t("empty_question", default)))
        return
    services.db.count_question(user.id, answer.sources[0].id if answer.sources else None)
    if answer.in_scope:  # a follow-up keeps the topic it followed: the question that set it stays the context
        shown = topic_passages(answer, previous.shown if previous else ())
        await services.db.exchanges.remember(user.id, answer.context or question, answer.lead_card, shown=shown)
    await send_answer(context, message.chat_id, answer, reply_to=message.message_id)
