"""The strict Bot API (botapi.BotAPI) behind real HTTP on loopback, for the bot running as its own process.

Runs aiohttp in a background thread; long polling works like Telegram's: getUpdates waits up to `timeout`
seconds for an update. Tests talk to the same BotAPI object directly (push updates, wait for messages).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
from typing import Any

from aiohttp import web

from tests.auxil.botapi import TOKEN, BotAPI, decode_params


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class BotAPIServer:
    def __init__(self, api: BotAPI | None = None, port: int | None = None) -> None:
        self.api = api or BotAPI()
        self.port = port or free_port()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fake-bot-api", daemon=True)
        self._runner: web.AppRunner | None = None
        self._wakeup: asyncio.Event | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def start(self) -> BotAPIServer:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)
        self.api.on_update = lambda: self._loop.call_soon_threadsafe(self._notify)
        return self

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    def __enter__(self) -> BotAPIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    async def _start(self) -> None:
        self._wakeup = asyncio.Event()
        app = web.Application(client_max_size=20 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/documents/{file_id}", self._file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def _file(self, request: web.Request) -> web.Response:
        data = self.api.files.get(request.match_info["file_id"])
        if request.match_info["token"] != self.api.token or data is None:
            return web.Response(status=404)
        return web.Response(body=data)

    def _notify(self) -> None:
        assert self._wakeup is not None
        self._wakeup.set()
        self._wakeup = asyncio.Event()  # waiters hold the old event: each push wakes everyone once

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.api.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        params = await self._params(request)
        gate = self.api.stalls.get(method)
        if gate is not None and not gate.is_set():
            with self.api.lock:
                self.api.stalled.append(method)
                self.api.lock.notify_all()
            while not gate.is_set():
                await asyncio.sleep(0.05)
                if request.transport is None or request.transport.is_closing():
                    return web.Response(status=499)  # the bot went away: its call never happened
        if method == "getUpdates":
            payload = await self._long_poll(params)
            return web.json_response(payload, status=200 if payload["ok"] else payload["error_code"])
        status, payload = self.api.call(method, params)
        return web.json_response(payload, status=status)

    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            params.update(await request.json())
        elif request.can_read_body:
            params.update(decode_params({k: v for k, v in (await request.post()).items() if isinstance(v, str)}))
        return params

    async def _long_poll(self, params: dict[str, Any]) -> dict[str, Any]:
        status, payload = self.api.call("getUpdates", {})  # recorded like any call, and honours fail_next
        if status != 200:
            return payload
        offset, timeout = int(params.get("offset") or 0), float(params.get("timeout") or 0)
        limit = int(params.get("limit") or 100)
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            updates = self.api.pending_updates(offset, limit)
            remaining = deadline - asyncio.get_running_loop().time()
            if updates or remaining <= 0:
                return {"ok": True, "result": json.loads(json.dumps(updates))}
            assert self._wakeup is not None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), remaining)


__all__ = ["TOKEN", "BotAPIServer"]
