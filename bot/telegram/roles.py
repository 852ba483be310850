"""Who may do what, as PTB user filters: admins from ADMIN_IDS, coaches from the database (admins are coaches
too). Handlers are registered behind these filters, so no handler checks a role by hand; the coaches'
filter is updated whenever an admin adds or removes a coach (and when a coach uses /forget)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

from telegram import Update
from telegram.ext import filters

from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import user_lang
from bot.telegram.render import esc
from bot.telegram.texts import t


class Roles:
    def __init__(self, admin_ids: Iterable[int]) -> None:
        self.admin_ids = frozenset(admin_ids)
        # allow_empty=False: with nobody listed, the filter lets nobody through.
        self.admins = filters.User(user_id=self.admin_ids, allow_empty=False)
        self.coaches = filters.User(user_id=self.admin_ids, allow_empty=False)

    def set_coaches(self, coach_ids: Iterable[int]) -> None:
        self.coaches.user_ids = self.admin_ids | frozenset(coach_ids)

    def coach_added(self, user_id: int) -> None:
        self.coaches.add_user_ids(user_id)

    def coach_removed(self, user_id: int) -> None:
        if user_id not in self.admin_ids:
            self.coaches.remove_user_ids(user_id)

    def is_admin(self, update: Update) -> bool:
        """For buttons: a callback query's message is the bot's, so the user filter cannot be applied to it."""
        return update.effective_user is not None and update.effective_user.id in self.admin_ids


def refusal(text_key: str) -> Callable[[Update, CoachContext], Awaitable[None]]:
    """The one refusal: what a command behind a role answers to everyone else (nothing else happens)."""

    async def refuse(update: Update, context: CoachContext) -> None:
        lang = await user_lang(update, context)
        if update.callback_query:
            await update.callback_query.answer(t(text_key, lang), show_alert=True)
        elif update.effective_message:
            await update.effective_message.reply_text(esc(t(text_key, lang)))

    return refuse


admins_only = refusal("admins_only")
coaches_only = refusal("coaches_only")
