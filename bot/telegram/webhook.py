"""Webhook mode: a small Tornado server in front of the Application, stricter than PTB's own.

PTB's handler reads the whole body before it looks at the secret (a stranger's 90 MB post is read in full),
accepts any size, and answers malformed JSON with a 500. Here the secret is checked as soon as the headers
arrive, a body over 1 MB is refused while it streams in, bad JSON gets a 400, and an update PTB cannot read
is acknowledged (Telegram would resend it forever) and logged once by id. Lifecycle as in PTB's "custom
webhook" pattern: initialize, post_init, setWebhook, start, serve until SIGTERM/SIGINT, then stop.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import signal
from collections.abc import AsyncIterator
from http import HTTPStatus
from urllib.parse import urlparse

import tornado.web
from telegram import Update
from telegram.error import NetworkError
from telegram.ext import Application
from tornado.httpserver import HTTPServer

from bot.config import Settings
from bot.telegram.inbox import keep
from bot.telegram.updates import readable_updates

log = logging.getLogger(__name__)
MAX_BODY = 1024 * 1024  # Telegram's updates are a few kB; 1 MB leaves room for any real one
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@tornado.web.stream_request_body
class UpdateHandler(tornado.web.RequestHandler):
    SUPPORTED_METHODS = ("POST",)  # type: ignore[assignment]

    def initialize(self, app: Application, secret: str) -> None:
        self.app = app
        self.secret = secret.encode()
        self.body = bytearray()

    def prepare(self) -> None:
        # Runs once the headers are in, before any of the body is read.
        given = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.secret):
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)
        declared = self.request.headers.get("Content-Length", "0")
        if not declared.isdigit() or int(declared) > MAX_BODY:
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    def data_received(self, chunk: bytes) -> None:
        if self._finished:
            return
        if len(self.body) + len(chunk) > MAX_BODY:  # chunked bodies declare no length
            # Answered here (an exception would drop the connection unanswered); Tornado then closes it
            # instead of reading the rest.
            self.send_error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            return
        self.body += chunk

    async def post(self) -> None:
        if self._finished:  # refused while the body streamed in
            return
        try:
            data = json.loads(self.body)
        except ValueError:
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST) from None
        if not isinstance(data, dict):
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST)
        for raw in readable_updates([data]):
            inbox = self.app.bot_data.inbox
            if inbox is not None and not await keep(inbox, [raw]):
                continue  # resent by Telegram after a crash, and already handled or queued again
            update = Update.de_json(raw, self.app.bot)  # type: ignore[arg-type]
            self.app.bot.insert_callback_data(update)
            await self.deliver(update)
        self.set_status(HTTPStatus.OK)

    async def deliver(self, update: Update) -> None:
        """Webhook mode: queue the update for the application and acknowledge it at once (it is in the inbox)."""
        await self.app.update_queue.put(update)

    def log_exception(self, typ, value, tb) -> None:  # type: ignore[no-untyped-def]
        # Refusals are expected; anything else is logged without the request (it may hold a user's text).
        if not isinstance(value, tornado.web.HTTPError):
            log.error("webhook request failed: %s", type(value).__name__)


def stop_requested() -> asyncio.Event:
    """Set on SIGTERM or SIGINT: how every server mode learns that it should stop."""
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stopping.set)
    return stopping


def update_server(app: Application, settings: Settings, handler: type[UpdateHandler]) -> HTTPServer:
    """Tornado serving `handler` on the webhook URL's path. Tornado's own limit only backs ours up (it answers
    400): the handler refuses at MAX_BODY with a 413."""
    assert settings.webhook_url and settings.webhook_secret
    path = "/" + urlparse(settings.webhook_url).path.lstrip("/")
    secret = settings.webhook_secret.get_secret_value()
    web = tornado.web.Application([(path, handler, {"app": app, "secret": secret})])
    return HTTPServer(web, max_body_size=2 * MAX_BODY)


@contextlib.asynccontextmanager
async def application_serving(app: Application, server: HTTPServer) -> AsyncIterator[None]:
    """PTB's lifecycle around our own server: initialize and post_init, the caller's body (listen, start,
    wait), then — even when the body fails — stop the server and its connections before the application, so
    no update arrives at a stopped application; shutdown, post_shutdown."""
    async with app:
        if app.post_init:
            await app.post_init(app)
        try:
            yield
        finally:
            server.stop()
            await server.close_all_connections()
            if app.running:
                await app.stop()
    if app.post_shutdown:
        await app.post_shutdown(app)


async def serve_webhook(app: Application, settings: Settings, bootstrap_retries: int = 5) -> None:
    """Blocks until SIGTERM or SIGINT."""
    assert settings.webhook_url and settings.webhook_secret
    stopping = stop_requested()
    server = update_server(app, settings, UpdateHandler)
    async with application_serving(app, server):
        server.listen(settings.webhook_port, address=settings.webhook_listen)
        for attempt in range(bootstrap_retries + 1):
            try:
                await app.bot.set_webhook(
                    settings.webhook_url,
                    secret_token=settings.webhook_secret.get_secret_value(),
                    allowed_updates=Update.ALL_TYPES,
                )
                break
            except NetworkError:
                if attempt == bootstrap_retries:
                    raise
                await asyncio.sleep(1)
        await app.start()
        log.info("webhook listening on %s:%s", settings.webhook_listen, settings.webhook_port)
        await stopping.wait()
