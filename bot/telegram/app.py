"""Builds the Telegram Application from Settings and runs it (long polling, or a webhook)."""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot, BotCommand, BotCommandScopeDefault, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes, Defaults
from telegram.request import BaseRequest

from bot.config import Settings
from bot.storage.database import check_file
from bot.telegram.context import BotData, CoachContext
from bot.telegram.handlers import register
from bot.telegram.inbox import Inbox
from bot.telegram.persistence import SQLPersistence
from bot.telegram.roles import Roles
from bot.telegram.sequential import PerUserSequential
from bot.telegram.shared import SharedConversations, SharedRateLimiter
from bot.telegram.texts import COMMANDS
from bot.telegram.updates import PollingRequest
from bot.telegram.webhook import serve_webhook
from bot.wiring import build_services

log = logging.getLogger(__name__)


def build_application(
    settings: Settings,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
    commands: bool = True,
    keep_updates: bool = True,
) -> Application:
    """`commands=False, keep_updates=False`: a worker of `serve`, whose front registers the command menu once for
    all and resends an update whose worker died."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    # Updates are kept on disk until handled (long polling and a single webhook process); tests that hand in
    # a transport choose their own.
    inbox = Inbox(settings.data_dir / "inbox.sqlite3") if keep_updates and request is None else None

    async def post_init(app: Application) -> None:
        if isinstance(app.update_processor, SharedConversations):
            app.update_processor.app = app
        if app.bot_data.services is None:  # tests may hand in ready services
            services = await asyncio.to_thread(build_services, settings)
            await services.open()
            app.bot_data.services = services
        app.bot_data.roles.set_coaches(await app.bot_data.services.db.coach_ids())
        if commands:
            await register_commands(app.bot)
        if inbox is not None:
            await replay_left_over(app, inbox)
        log.info("bot ready as @%s (knowledge base %s)", app.bot.username, app.bot_data.services.kb.version)

    async def post_shutdown(app: Application) -> None:
        if app.bot_data.services is not None:
            await app.bot_data.services.close()
        if inbox is not None:
            inbox.close()

    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.telegram_base_file_url)
        .context_types(ContextTypes(context=CoachContext, bot_data=BotData))
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .rate_limiter(rate_limiter(settings))
        .concurrent_updates(
            SharedConversations(settings.concurrent_updates, inbox)
            if settings.database_url
            else PerUserSequential(settings.concurrent_updates, inbox)
        )
        .persistence(SQLPersistence(settings.database_location))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(updates_request or request)
    else:
        # PTB's default pool is one connection: every send would queue behind the others. More than a few
        # costs CPU instead (httpcore scans the whole pool on every request): 8 measured best.
        builder = builder.connection_pool_size(8).pool_timeout(10).get_updates_request(PollingRequest(inbox))
    app = builder.build()
    app.bot_data.roles = Roles(settings.admin_ids)
    app.bot_data.inbox = inbox
    register(app, app.bot_data.roles)
    return app


async def replay_left_over(app: Application, inbox: Inbox) -> None:
    """Queues what a previous process fetched and did not finish (handled once the application starts)."""
    again, dropped = await asyncio.to_thread(inbox.left_over)
    for update_id in dropped:
        log.warning("dropped update %s: the bot stopped twice while it was being handled", update_id)
    for raw in again:
        await app.update_queue.put(Update.de_json(raw, app.bot))
    if again:
        log.info("handling %d updates received before the last stop", len(again))


def rate_limiter(settings: Settings) -> AIORateLimiter:
    """With DATABASE_URL (several workers), the overall outbound limit is one bucket in the database."""
    if settings.database_url is not None:
        return SharedRateLimiter(settings.database_url.get_secret_value(), settings.outbound_rate_per_second)
    return AIORateLimiter(overall_max_rate=settings.outbound_rate_per_second, max_retries=3)


async def register_commands(bot: Bot) -> None:
    """The command menu in English for everyone, and in French for French-speaking Telegram apps."""
    for lang, code in (("en", None), ("fr", "fr")):
        commands = [BotCommand(name, description) for name, description in COMMANDS[lang]]
        await bot.set_my_commands(commands, scope=BotCommandScopeDefault(), language_code=code)


def run_bot(settings: Settings) -> int:
    """Blocks until SIGINT/SIGTERM. Network errors while polling are retried by PTB's polling loop."""
    if settings.telegram_bot_token is None:
        log.error("TELEGRAM_BOT_TOKEN is not set: use `python -m bot chat` for the terminal chat")
        return 1
    check_file(settings.database_path)  # a damaged file stops us here, before the model loads (see also cli.main)
    app = build_application(settings)
    if settings.webhook_url:
        if settings.webhook_secret is None:
            log.error("WEBHOOK_URL is set but WEBHOOK_SECRET is not: a webhook without a secret accepts forgeries")
            return 1
        asyncio.run(serve_webhook(app, settings))
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES, timeout=settings.polling_timeout, bootstrap_retries=5)
    return 0
