"""Typed access to the services from every handler: `context.services.engine`, not string keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from telegram.ext import Application, CallbackContext, ExtBot

from bot.wiring import Services

if TYPE_CHECKING:
    from bot.telegram.inbox import Inbox
    from bot.telegram.roles import Roles


class BotData:
    """The application's bot_data: the services, set once in post_init (or by a test)."""

    def __init__(self) -> None:
        self.services: Services | None = None
        self.roles: Roles | None = None  # set when the application is built
        self.inbox: Inbox | None = None  # updates kept until handled (bot/telegram/inbox.py), when built so


class CoachContext(CallbackContext[ExtBot, dict, dict, BotData]):
    def __init__(self, application: Application, chat_id: int | None = None, user_id: int | None = None) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    @property
    def services(self) -> Services:
        services = self.bot_data.services
        if services is None:
            raise RuntimeError("services are not ready")
        return services

    @property
    def roles(self) -> Roles:
        roles = self.bot_data.roles
        if roles is None:
            raise RuntimeError("roles are not ready")
        return roles
