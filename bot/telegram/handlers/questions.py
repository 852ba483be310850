"""Questions: private text, /ask anywhere, replies to the bot in groups, and what isn't text. Under the first
answer on a law or tax question, when neither the message nor the profile says where the creator is, the country
is asked once: a tap stores `country` in the profile and answers again with that country's rules; "skip" (or
ignoring the question) means it is never asked again."""

from __future__ import annotations

from typing import cast

from telegram import InlineKeyboardMarkup, Update

from bot.advice import Answer, Question
from bot.advice.composer import topic_passages
from bot.advice.jurisdiction import COUNTRIES
from bot.errors import EmptyQuestionError
from bot.i18n import Lang, lang_of
from bot.offers import Profile
from bot.telegram.admission import admit
from bot.telegram.chat_action import typing_while
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import button_args, button_expired, send_answer, send_html, user_lang
from bot.telegram.render import Callback, button, esc
from bot.telegram.texts import t


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
        previous.country if previous else None,
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
        await services.db.exchanges.remember(
            user.id, answer.context or question, answer.lead_card, shown=shown, country=asked.said_home
        )
    await send_answer(context, message.chat_id, answer, reply_to=message.message_id)
    await ask_country_once(update, context, asked, answer)


# ---- the creator's country, asked once ------------------------------------------------------------------
ASKED = "country_asked"  # profile key: the question was put once (answered, skipped or ignored)


def country_keyboard(lang: Lang) -> InlineKeyboardMarkup:
    # The question's language rides in the button: the reply stays in it whatever the Telegram app's language.
    buttons = [button(t(f"country_{code}", lang), Callback("ct", (code, lang))) for code in COUNTRIES]
    buttons.append(button(t("country_skip", lang), Callback("ct", ("skip", lang))))
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


async def ask_country_once(update: Update, context: CoachContext, asked: Question, answer: Answer) -> None:
    """Put the question after `answer` if it states one place's law or tax rules and the creator's country is
    unknown (not in the message, the previous one or the profile) and it was never put. Private chats only."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or chat.type != "private" or not answer.in_scope or asked.country is not None:
        return
    if not context.services.engine.states_local_rules(answer):
        return  # advice that holds everywhere (or a local figure, not a rule): no need to know
    db = context.services.db
    stored = await db.profile(user.id) or {}
    if stored.get("country") or stored.get(ASKED):
        return
    await db.set_profile(user.id, {**stored, ASKED: True})
    await send_html(context, chat.id, esc(t("ask_country", answer.lang)), reply_markup=country_keyboard(answer.lang))


async def on_country_button(update: Update, context: CoachContext) -> None:
    """ct:<code>:<lang> stores the country and answers the last question again (if still kept); ct:skip just
    closes. Either way the country is never asked again."""
    args = button_args(update)
    query = update.callback_query
    if len(args) != 2 or args[0] not in (*COUNTRIES, "skip") or args[1] not in ("fr", "en"):
        await button_expired(update, context)
        return
    code, lang, services, user = args[0], cast(Lang, args[1]), context.services, update.effective_user
    stored = await services.db.profile(user.id) or {}
    if code == "skip":
        await services.db.set_profile(user.id, {**stored, ASKED: True})
        await query.answer()
        await query.edit_message_text(esc(t("country_skipped", lang)))
        return
    profile = {**stored, "country": code, ASKED: True}  # Profile.from_json ignores the ASKED mark
    await services.db.set_profile(user.id, profile)
    previous = await services.db.exchanges.last(user.id)
    # The question is answered again with this country's rules (none to switch to for "elsewhere") if it is still
    # kept (30 minutes) and the rate allows; `admit` answers the button itself when it refuses.
    wanted = previous is not None and code != "other"
    again = wanted and await admit(update, context)
    if again or not wanted:
        await query.answer()
    done = (
        t("country_set", lang, country=t(f"country_{code}", lang)) if code != "other" else t("country_set_other", lang)
    )
    await query.edit_message_text(esc(done))
    if not again or previous is None:
        return
    chosen = await services.db.language(user.id)
    asked = Question(previous.question, chosen, lang, (), Profile.from_json(profile))
    answer = await services.batcher.ask(asked)
    if answer.in_scope:
        await send_answer(context, update.effective_chat.id, answer)
