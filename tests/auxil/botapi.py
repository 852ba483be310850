"""A Bot API as strict as Telegram where Telegram is strict, without the network.

`BotAPI.call(method, params)` answers like the Bot API: `(http status, {"ok": ..., ...})`. It checks what
Telegram checks (text of 1–4096 characters after entity parsing, well-formed HTML with only the supported
tags, callback data of 1–64 bytes, known chat ids), records every outgoing call, and serves updates the
tests inject. `RecordingRequest` plugs it into python-telegram-bot in-process; `server.py` puts it behind
real HTTP for the end-to-end tests.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from telegram.request import BaseRequest, RequestData

TOKEN = "123456:TEST-token-never-logged"
BOT_USER = {
    "id": 123456,
    "is_bot": True,
    "first_name": "Collab Coach",
    "username": "collab_coach_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
ALLOWED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre",
    "blockquote", "tg-emoji",
}  # fmt: skip
JSON_FIELDS = {
    "reply_markup", "allowed_updates", "commands", "link_preview_options", "reply_parameters", "scope",
    "entities", "results",
}  # fmt: skip
MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64


class BadRequest(Exception):
    pass


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> str:
    """The visible text of a Telegram-HTML message, or BadRequest like Telegram's "can't parse entities"."""
    visible: list[str] = []
    stack: list[str] = []
    pos = 0
    token = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^>]*)?)>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
    while pos < len(text):
        ch = text[pos]
        if ch not in "<&":
            visible.append(ch)
            pos += 1
            continue
        match = token.match(text, pos)
        if not match:
            what = "Unsupported start tag" if ch == "<" else "Character entity expected"
            raise BadRequest(f"Bad Request: can't parse entities: {what} at byte offset {pos}")
        closing, tag, attrs, entity = match.groups()
        if entity is not None:
            if entity.lower() not in ("lt", "gt", "amp", "quot") and not entity.startswith("#"):
                raise BadRequest(f"Bad Request: can't parse entities: Unsupported HTML entity &{entity}; at {pos}")
            visible.append(html.unescape(f"&{entity};"))
        else:
            tag = tag.lower()
            if tag not in ALLOWED_TAGS:
                raise BadRequest(f'Bad Request: can\'t parse entities: Unsupported start tag "{tag}" at {pos}')
            if closing:
                if not stack or stack[-1] != tag:
                    raise BadRequest(f'Bad Request: can\'t parse entities: Unexpected end tag "{tag}" at {pos}')
                stack.pop()
            else:
                if tag == "a" and not re.search(r'href="[^"]+"', attrs or ""):
                    raise BadRequest("Bad Request: can't parse entities: a tag without href")
                stack.append(tag)
        pos = match.end()
    if stack:
        raise BadRequest(
            f"Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"{stack[-1]}\""
        )
    return "".join(visible)


def check_text(text: Any, parse_mode: str | None) -> str:
    if not isinstance(text, str) or not text.strip():
        raise BadRequest("Bad Request: message text is empty")
    visible = parse_html(text) if (parse_mode or "").upper() == "HTML" else text
    if not visible.strip():
        raise BadRequest("Bad Request: message text is empty")
    if utf16_len(visible) > MAX_TEXT:
        raise BadRequest("Bad Request: message is too long")
    return visible


def check_markup(markup: Any) -> None:
    if markup is None:
        return
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if not button.get("text"):
                raise BadRequest("Bad Request: text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA:
                raise BadRequest("Bad Request: BUTTON_DATA_INVALID")


@dataclass
class Sent:
    """One call the bot made that a person would see (or that changes what they see)."""

    method: str
    params: dict[str, Any]
    chat_id: int | None
    text: str | None  # visible text, markup removed
    message_id: int | None
    result: dict[str, Any] | None = None  # the Message Telegram would return
    at: float = field(default_factory=time.monotonic)

    @property
    def buttons(self) -> list[dict[str, Any]]:
        markup = self.params.get("reply_markup") or {}
        return [button for row in markup.get("inline_keyboard", []) for button in row]


class BotAPI:
    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.lock = threading.Condition()
        self.updates: list[dict[str, Any]] = []
        self.sent: list[Sent] = []
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.errors: list[tuple[str, str]] = []
        self.commands: dict[str | None, list[dict[str, Any]]] = {}
        self.webhook: dict[str, Any] = {}
        self.failures: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        self.inbox: dict[tuple[int, int], dict[str, Any]] = {}  # user messages, for reply_to_message
        self.files: dict[str, bytes] = {}  # file_id -> content, served by getFile and the file URL
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self.on_update = lambda: None  # the HTTP server wakes its long polls through this
        self.stalls: dict[str, threading.Event] = {}  # method -> gate: its calls wait until the gate opens
        self.stalled: list[str] = []  # the calls that waited at a gate

    # ---- the tests' side -------------------------------------------------------------------------------
    def push(self, update: dict[str, Any]) -> int:
        with self.lock:
            update = {"update_id": next(self._update_ids), **update}
            self.updates.append(update)
            if "message" in update:
                message = update["message"]
                self.inbox[(message["chat"]["id"], message["message_id"])] = message
            self.lock.notify_all()
        self.on_update()
        return update["update_id"]

    def fail_next(self, method: str, status: int = 502, payload: dict[str, Any] | None = None) -> None:
        """Make the next call of `method` fail (a 5xx, a 429 with retry_after, …)."""
        body = payload or {"ok": False, "error_code": status, "description": "Bad Gateway"}
        with self.lock:
            self.failures.setdefault(method, []).append((status, body))

    def stall(self, method: str) -> threading.Event:
        """Hold every call of `method` (unrecorded) until the returned gate is set: a bot caught mid-answer."""
        gate = self.stalls[method] = threading.Event()
        return gate

    def messages(self, chat_id: int | None = None) -> list[Sent]:
        with self.lock:
            return [s for s in self.sent if s.method == "sendMessage" and chat_id in (None, s.chat_id)]

    def wait_for(self, predicate, timeout: float = 20.0) -> list[Sent]:
        """Block until predicate(sent) is true; returns the sent list (raises on timeout with what was seen)."""
        deadline = time.monotonic() + timeout
        with self.lock:
            while not predicate(self.sent):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [(s.method, s.chat_id, (s.text or "")[:80]) for s in self.sent[-10:]]
                    raise TimeoutError(f"condition not met in {timeout}s; last calls: {seen}; errors: {self.errors}")
                self.lock.wait(remaining)
            return list(self.sent)

    def wait_messages(self, chat_id: int, count: int, timeout: float = 20.0) -> list[Sent]:
        self.wait_for(
            lambda sent: sum(s.method == "sendMessage" and s.chat_id == chat_id for s in sent) >= count, timeout
        )
        return self.messages(chat_id)

    # ---- the bot's side ------------------------------------------------------------------------------
    def pending_updates(self, offset: int, limit: int = 100) -> list[dict[str, Any]]:
        with self.lock:
            # Like Telegram: asking with an offset confirms (drops) every earlier update.
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            return self.updates[:limit]

    def call(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self.lock:
            self.calls.append((method, params))
            self.lock.notify_all()
            if self.failures.get(method):
                return self.failures[method].pop(0)
        try:
            result = self._dispatch(method, params)
        except BadRequest as exc:
            with self.lock:
                self.errors.append((method, str(exc)))
                self.lock.notify_all()
            return 400, {"ok": False, "error_code": 400, "description": str(exc)}
        except KeyError:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        return 200, {"ok": True, "result": result}

    def _dispatch(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in (
            "deleteWebhook",
            "setMyCommands",
            "sendChatAction",
            "answerCallbackQuery",
            "setWebhook",
            "close",
            "logOut",
            "answerInlineQuery",
        ):
            return self._simple(method, params)
        if method == "getUpdates":
            return self.pending_updates(int(params.get("offset") or 0), int(params.get("limit") or 100))
        if method == "getFile":
            data = self.files[params["file_id"]]
            return {"file_id": params["file_id"], "file_unique_id": params["file_id"], "file_size": len(data),
                    "file_path": f"documents/{params['file_id']}"}  # fmt: skip
        if method == "getWebhookInfo":
            return {"url": self.webhook.get("url", ""), "has_custom_certificate": False, "pending_update_count": 0}
        if method in ("sendMessage", "editMessageText", "editMessageReplyMarkup"):
            return self._message(method, params)
        raise KeyError(method)

    def _simple(self, method: str, params: dict[str, Any]) -> bool:
        if method == "answerCallbackQuery" and not params.get("callback_query_id"):
            raise BadRequest("Bad Request: query is too old and response timeout expired or query ID is invalid")
        if method == "answerInlineQuery":
            for result in params.get("results", []):
                content = result.get("input_message_content", {})
                check_text(content.get("message_text"), content.get("parse_mode"))
        if method == "setMyCommands":
            self.commands[params.get("language_code") or None] = params["commands"]
        if method == "setWebhook":
            self.webhook = dict(params)
        if method == "deleteWebhook":
            self.webhook = {}
        chat_id = int(params["chat_id"]) if "chat_id" in params else None
        self._record(method, params, chat_id, None, None)
        return True

    def _message(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"]) if "chat_id" in params else None
        text = None
        if method != "editMessageReplyMarkup":
            text = check_text(params.get("text"), params.get("parse_mode"))
        check_markup(params.get("reply_markup"))
        message_id = int(params["message_id"]) if "message_id" in params else next(self._message_ids)
        message: dict[str, Any] = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id or 0, "type": "private" if (chat_id or 0) > 0 else "group"},
            "from": BOT_USER,
            "text": text or "",
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        replied = (params.get("reply_parameters") or {}).get("message_id")
        if replied and (chat_id, int(replied)) in self.inbox:
            message["reply_to_message"] = self.inbox[(chat_id, int(replied))]
        self._record(method, params, chat_id, text, message_id, message)
        return message

    def _record(
        self,
        method: str,
        params: dict,
        chat_id: int | None,
        text: str | None,
        message_id: int | None,
        result: dict[str, Any] | None = None,
    ) -> None:
        with self.lock:
            self.sent.append(Sent(method, params, chat_id, text, message_id, result))
            self.lock.notify_all()


def decode_params(raw: dict[str, str]) -> dict[str, Any]:
    """Form fields as PTB sends them: objects JSON-encoded, scalars as plain strings."""
    return {key: json.loads(value) if key in JSON_FIELDS else value for key, value in raw.items()}


class RecordingRequest(BaseRequest):
    """python-telegram-bot's transport seam, answered by a BotAPI in the same process."""

    def __init__(self, api: BotAPI) -> None:
        self.api = api

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    def file(self, url: str) -> tuple[int, bytes]:
        file_id = url.rsplit("/", 1)[-1]
        return (200, self.api.files[file_id]) if file_id in self.api.files else (404, b"Not Found")

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, **_: Any
    ) -> tuple[int, bytes]:
        if "/file/bot" in url:
            return self.file(url)
        api_method = url.rsplit("/", 1)[-1]
        params = decode_params(request_data.json_parameters) if request_data else {}
        status, payload = self.api.call(api_method, params)
        return status, json.dumps(payload).encode()


# ---- update builders ----------------------------------------------------------------------------------
_ids = itertools.count(1)
STICKER = {
    "file_id": "s",
    "file_unique_id": "s",
    "type": "regular",
    "width": 1,
    "height": 1,
    "is_animated": False,
    "is_video": False,
}


def user(user_id: int, language_code: str = "en", first_name: str = "Alex") -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": language_code}


def message_update(
    user_id: int,
    text: str | None = None,
    language_code: str = "en",
    chat_id: int | None = None,
    chat_type: str = "private",
    **extra: Any,
) -> dict[str, Any]:
    chat_id = user_id if chat_id is None else chat_id
    message: dict[str, Any] = {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": chat_type, **({"title": "Creators"} if chat_type != "private" else {})},
        "from": user(user_id, language_code),
        **extra,
    }
    if text is not None:
        message["text"] = text
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return {"message": message}


def document(file_id: str, name: str, size: int) -> dict[str, Any]:
    return {"file_id": file_id, "file_unique_id": file_id, "file_name": name, "file_size": size,
            "mime_type": "text/markdown"}  # fmt: skip


def callback_update(user_id: int, data: str, message: Sent | None = None, language_code: str = "en") -> dict[str, Any]:
    msg = (message.result if message else None) or {
        "message_id": 1,
        "date": int(time.time()),
        "chat": {"id": user_id, "type": "private"},
        "from": BOT_USER,
        "text": "x",
    }
    return {
        "callback_query": {
            "id": str(next(_ids)),
            "from": user(user_id, language_code),
            "chat_instance": "1",
            "data": data,
            "message": msg,
        }
    }
