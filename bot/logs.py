"""Logging set-up: the token never reaches a log line."""

from __future__ import annotations

import logging
import sys

from bot.config import Settings

# Loggers that print request URLs, and Telegram's URLs contain the token.
CHATTY = ("httpx", "httpcore", "telegram.request", "tornado.access", "chromadb.telemetry")


class RedactToken(logging.Filter):
    """Belt and braces: whatever a library logs, the token is replaced before the line is written."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = message.replace(self.secret, "[token]"), None
        if record.exc_info and record.exc_info[1] is not None and self.secret in str(record.exc_info[1]):
            record.exc_text = logging.Formatter().formatException(record.exc_info).replace(self.secret, "[token]")
            record.exc_info = None
        return True


def configure_logging(settings: Settings) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if settings.telegram_bot_token is not None:
        handler.addFilter(RedactToken(settings.telegram_bot_token.get_secret_value()))
    logging.basicConfig(level=settings.log_level, handlers=[handler], force=True)
    for name in CHATTY:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger().level))
