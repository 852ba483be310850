"""Long polling that survives an update the library cannot read.

PTB parses a whole getUpdates batch at once; one update it cannot parse (say a poll without a field PTB
requires) fails the batch before the offset moves on, so the same batch comes back at once, forever, and
PTB logs it whole each time (message texts included). Here each update is checked on its own: one that does
not parse is replaced by a bare `{"update_id": n}` (no handler matches it, and confirming it moves the offset
past it) and logged once, by id and kind only. With an inbox (bot/telegram/inbox.py), each batch is written to
disk before PTB sees it, and so before PTB can confirm it to Telegram.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.request import HTTPXRequest, RequestData

from bot.telegram.inbox import Inbox, keep

log = logging.getLogger(__name__)


def readable_updates(updates: list[object]) -> list[object]:
    """The batch with every update PTB cannot parse reduced to its id (dropped if it has none)."""
    kept: list[object] = []
    for raw in updates:
        update_id = raw.get("update_id") if isinstance(raw, dict) else None
        if not isinstance(update_id, int):
            log.warning("skipped an update without an update_id")
            continue
        try:
            Update.de_json(raw, None)
        except Exception as exc:
            kinds = ", ".join(sorted(key for key in raw if key != "update_id")) or "empty"
            log.warning("skipped update %s (%s) that could not be read: %s", update_id, kinds, type(exc).__name__)
            raw = {"update_id": update_id}
        kept.append(raw)
    return kept


class PollingRequest(HTTPXRequest):
    """The transport of getUpdates (one connection, like PTB's default), checking each update it returns and
    keeping it in the inbox until it is handled."""

    def __init__(self, inbox: Inbox | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.inbox = inbox

    async def post(self, url: str, request_data: RequestData | None = None, **kwargs: Any) -> Any:
        result = await super().post(url, request_data, **kwargs)
        if self.inbox is not None and url.endswith("/getUpdates") and isinstance(result, list) and result:
            result = await keep(self.inbox, result)
        return result

    def parse_json_payload(self, payload: bytes) -> dict[str, Any]:
        data = super().parse_json_payload(payload)
        if isinstance(data, dict) and isinstance(data.get("result"), list):
            data["result"] = readable_updates(data["result"])
        return data
