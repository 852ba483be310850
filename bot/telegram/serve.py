"""`python -m bot serve --workers N`: several webhook workers behind one URL.

    Telegram ──HTTPS──▶ front (WEBHOOK_LISTEN:WEBHOOK_PORT) ──round robin──▶ worker 1 … worker N (127.0.0.1)
                          secret checked first, 1 MB cap                     each: PTB Application, no Updater
                                                                              └── PostgreSQL (DATABASE_URL),
                                                                                  Chroma (CHROMA_URL or each its own)

Why a front and not SO_REUSEPORT on one port: the kernel spreads *connections*, not requests, and Telegram
keeps its connections open, so one worker would get nearly everything; and when a worker dies, the kernel
gives the front nothing to retry with. The front (this process) refuses forgeries before reading a body, sends
each update to the next live worker (one chat's updates one at a time, in the order they came: two workers
must never handle the same user's messages at once), and if that worker fails (refused, reset, 5xx: say it was
killed) sends the same update to the next one. A worker answers the front only once the update is handled, so
an update is acknowledged to Telegram only after a worker handled it: a killed worker loses nothing (Telegram
resends what was not acknowledged; the front already retried). The front also restarts a worker that died, registers the
webhook and the command menu once, and stops everything on SIGTERM/SIGINT.

Each worker is PTB's custom-webhook pattern (`Application.builder().updater(None)`-style: the application is
fed `process_update` by our own Tornado handler, secret checked first, bot/telegram/webhook.py). Everything the
workers must agree on is in PostgreSQL: users' state, conversation states (bot/telegram/shared.py), the
question limit, and the bot's one outbound limit, a token bucket that every worker draws from
(bot/storage/rates.py), so N workers still send at most OUTBOUND_RATE_PER_SECOND together. There are no
scheduled jobs; each worker writes its own question counts every second.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from http import HTTPStatus
from urllib.parse import urlparse

import tornado.web
from telegram import Bot, Update
from telegram.ext import Application
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.httpserver import HTTPServer

from bot.config import Settings
from bot.telegram.webhook import (
    MAX_BODY,
    SECRET_HEADER,
    UpdateHandler,
    application_serving,
    stop_requested,
    update_server,
)

log = logging.getLogger(__name__)
WORKER_HEADER = "X-Coach-Worker"
RESTART_AFTER = 1.0  # seconds before a dead worker is started again
WORKER_READY = 600.0  # seconds a worker may take to load the models and index the cards (a first start)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ---- a worker --------------------------------------------------------------------------------------------------


class HandledUpdateHandler(UpdateHandler):
    """The worker's webhook: the same checks as webhook mode, but it answers once the update is handled, so
    that an update whose worker dies is never acknowledged (the front sends it to another worker)."""

    async def deliver(self, update: Update) -> None:
        await self.app.update_processor.process_update(update, self.app.process_update(update))


async def serve_worker(app: Application, settings: Settings, port: int) -> None:
    """One worker on 127.0.0.1:`port`, until SIGTERM/SIGINT. It registers nothing with Telegram (the front does)."""
    stopping = stop_requested()
    server = update_server(app, settings, HandledUpdateHandler)
    async with application_serving(app, server):
        await app.start()
        server.listen(port, address="127.0.0.1")
        log.info("worker %s listening on 127.0.0.1:%s", os.getpid(), port)
        await stopping.wait()


def run_worker(settings: Settings, port: int) -> int:
    from bot.telegram.app import build_application

    app = build_application(settings, commands=False, keep_updates=False)
    asyncio.run(serve_worker(app, settings, port))
    return 0


# ---- the front -------------------------------------------------------------------------------------------------


def chat_of(body: bytes) -> int | None:
    """The chat an update belongs to (its sender's id when it has no chat, as for inline queries); None when
    the body is not an update we can read (the worker answers that with a 400 anyway)."""
    try:
        update = json.loads(body)
    except ValueError:
        return None
    if not isinstance(update, dict):
        return None
    for key, payload in update.items():
        if key == "update_id" or not isinstance(payload, dict):
            continue
        message = payload.get("message")  # a callback query's message carries the chat
        for holder in (payload, message if isinstance(message, dict) else {}):
            chat = holder.get("chat")
            if isinstance(chat, dict) and isinstance(chat.get("id"), int):
                return chat["id"]
        sender = payload.get("from")
        if isinstance(sender, dict) and isinstance(sender.get("id"), int):
            return sender["id"]
    return None


class Worker:
    def __init__(self, number: int, port: int) -> None:
        self.number = number
        self.port = port
        self.proc: subprocess.Popen[bytes] | None = None
        self.ready = False

    def start(self) -> None:
        self.ready = False
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--worker-port", str(self.port)], stdin=subprocess.DEVNULL
        )
        log.info("worker %s started (pid %s, port %s)", self.number, self.proc.pid, self.port)

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None


class Front:
    def __init__(self, settings: Settings, workers: list[Worker]) -> None:
        assert settings.webhook_url and settings.webhook_secret
        self.settings = settings
        self.workers = workers
        self.secret = settings.webhook_secret.get_secret_value()
        self.path = "/" + urlparse(settings.webhook_url).path.lstrip("/")
        self._next = itertools.cycle(range(len(workers)))
        self._chats: dict[int, tuple[asyncio.Lock, int]] = {}  # per chat: its lock, updates holding or awaiting it
        self.client = AsyncHTTPClient()
        self.forwarded = 0
        self.retried = 0
        self._tasks: set[asyncio.Task[None]] = set()

    async def forward(self, body: bytes) -> tuple[int, int | None]:
        """The update to the next live worker; on failure to the following ones: (status, the worker's number).
        503 if none could take it (Telegram then resends it later).

        A chat's updates wait for the one before them: Telegram may post them on parallel connections, and two
        workers answering the same user at once would race on that user's dialog state ("300 euros" read
        before "/offer" was handled). Different chats never wait for each other."""
        chat = chat_of(body)
        if chat is None:
            return await self._send(body)
        lock, users = self._chats.get(chat) or (asyncio.Lock(), 0)
        self._chats[chat] = (lock, users + 1)
        try:
            async with lock:  # asyncio's locks are fair: the chat's updates go in their arrival order
                return await self._send(body)
        finally:
            lock, users = self._chats[chat]
            if users == 1:
                del self._chats[chat]  # nobody else holds or awaits it: a chat costs nothing once it is quiet
            else:
                self._chats[chat] = (lock, users - 1)

    async def _send(self, body: bytes) -> tuple[int, int | None]:
        first = next(self._next)
        order = [self.workers[(first + n) % len(self.workers)] for n in range(len(self.workers))]
        for attempt, worker in enumerate(w for w in order if w.ready and w.alive):
            request = HTTPRequest(
                f"http://127.0.0.1:{worker.port}{self.path}",
                method="POST",
                body=body,
                headers={SECRET_HEADER: self.secret, "Content-Type": "application/json"},
                request_timeout=120,
            )
            try:
                code = (await self.client.fetch(request, raise_error=False)).code
            except Exception as exc:  # refused, reset, closed mid-answer: the worker died or is dying
                code, reason = HTTPStatus.BAD_GATEWAY, type(exc).__name__
            else:
                reason = str(code)
            if code < 500 and code != 599:  # 599: Tornado's code for a timeout
                self.forwarded += 1
                self.retried += attempt > 0
                return code, worker.number
            log.warning("worker %s failed an update (%s); trying the next one", worker.number, reason)
        return HTTPStatus.SERVICE_UNAVAILABLE, None

    async def wait_ready(self, worker: Worker, timeout: float = WORKER_READY) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not worker.alive:
                raise RuntimeError(f"worker {worker.number} exited with {worker.proc and worker.proc.returncode}")
            with contextlib.suppress(OSError):
                _, writer = await asyncio.open_connection("127.0.0.1", worker.port)
                writer.close()
                worker.ready = True
                return
            await asyncio.sleep(0.1)
        raise RuntimeError(f"worker {worker.number} did not listen within {timeout:.0f} s")

    async def supervise(self, stopping: asyncio.Event) -> None:
        """Start again a worker that died (killed, out of memory), while the others keep serving."""
        while not stopping.is_set():
            for worker in self.workers:
                if not worker.alive and not stopping.is_set():
                    worker.ready = False
                    log.error("worker %s died (%s); starting it again", worker.number, worker.proc.returncode)
                    await asyncio.sleep(RESTART_AFTER)
                    worker.start()
                    task = asyncio.create_task(self._ready_quietly(worker))
                    self._tasks.add(task)
                    task.add_done_callback(self._tasks.discard)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), 0.2)

    async def _ready_quietly(self, worker: Worker) -> None:
        with contextlib.suppress(RuntimeError):
            await self.wait_ready(worker)


@tornado.web.stream_request_body
class FrontHandler(UpdateHandler):
    """Telegram's side: the same refusals as a worker (bad secret 403 before the body, over 1 MB 413), then
    the body goes to a worker as is."""

    def initialize(self, front: Front, secret: str) -> None:  # type: ignore[override]
        self.front = front
        self.secret = secret.encode()
        self.body = bytearray()

    async def post(self) -> None:
        if self._finished:
            return
        status, worker = await self.front.forward(bytes(self.body))
        self.set_status(status)
        if worker is not None:
            self.set_header(WORKER_HEADER, str(worker))  # which worker handled it: for operators and tests


async def register(settings: Settings, retries: int = 5) -> None:
    """The webhook and the command menu, once for all workers."""
    from telegram.error import NetworkError

    from bot.telegram.app import register_commands

    assert settings.telegram_bot_token and settings.webhook_url and settings.webhook_secret
    bot = Bot(
        settings.telegram_bot_token.get_secret_value(),
        base_url=settings.telegram_base_url,
        base_file_url=settings.telegram_base_file_url,
    )
    async with bot:
        for attempt in range(retries + 1):
            try:
                await bot.set_webhook(
                    settings.webhook_url,
                    secret_token=settings.webhook_secret.get_secret_value(),
                    allowed_updates=Update.ALL_TYPES,
                )
                await register_commands(bot)
                return
            except NetworkError:
                if attempt == retries:
                    raise
                await asyncio.sleep(1)


async def serve_front(settings: Settings, workers: int) -> None:
    stopping = stop_requested()
    pool = [Worker(n + 1, free_port()) for n in range(workers)]
    front = Front(settings, pool)
    server: HTTPServer | None = None
    try:
        # The first worker indexes the cards if they changed; the others start once it listens and open that
        # index (embedded Chroma cannot be created by two processes at once: measured, one of them crashed).
        pool[0].start()
        await front.wait_ready(pool[0])
        for worker in pool[1:]:
            worker.start()
        await asyncio.gather(*(front.wait_ready(worker) for worker in pool[1:]))
        assert settings.webhook_secret
        web = tornado.web.Application(
            [(front.path, FrontHandler, {"front": front, "secret": settings.webhook_secret.get_secret_value()})]
        )
        server = HTTPServer(web, max_body_size=2 * MAX_BODY)
        server.listen(settings.webhook_port, address=settings.webhook_listen)
        await register(settings)
        log.info("front listening on %s:%s, %s workers", settings.webhook_listen, settings.webhook_port, len(pool))
        await front.supervise(stopping)
    finally:
        if server is not None:
            server.stop()
        for worker in pool:
            if worker.alive:
                worker.proc.send_signal(signal.SIGTERM)  # type: ignore[union-attr]
        for worker in pool:
            if worker.proc is not None:
                try:
                    await asyncio.to_thread(worker.proc.wait, 30)
                except subprocess.TimeoutExpired:
                    worker.proc.kill()
        log.info("front stopped (%s updates forwarded, %s after a worker failed)", front.forwarded, front.retried)


def serve(settings: Settings, workers: int) -> int:
    """Blocks until SIGTERM/SIGINT; 1 with the reason logged if the settings cannot serve."""
    if settings.telegram_bot_token is None:
        log.error("TELEGRAM_BOT_TOKEN is not set")
        return 1
    if not settings.webhook_url or settings.webhook_secret is None:
        log.error("serve needs WEBHOOK_URL and WEBHOOK_SECRET: Telegram posts the updates to the front")
        return 1
    if workers > 1 and settings.database_url is None:
        log.error("--workers %s needs DATABASE_URL (PostgreSQL): SQLite cannot be shared by workers", workers)
        return 1
    try:
        asyncio.run(serve_front(settings, workers))
    except RuntimeError as exc:
        log.error("%s", exc)
        return 1
    return 0
