"""Logging set-up: the token and the webhook secret never reach a log line."""

from __future__ import annotations

import logging
import sys

from bot.config import Settings

# Loggers that print request URLs, and Telegram's URLs contain the token.
CHATTY = ("httpx", "httpcore", "telegram.request", "tornado.access", "chromadb.telemetry")


class RedactSecrets(logging.Filter):
    """Belt and braces: whatever a library logs (PTB's DEBUG lines print call parameters), secrets are
    replaced before the line is written."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [secret for secret in secrets if secret]

    def _redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[secret]")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self._redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            if self._redact(text) != text:
                record.exc_text, record.exc_info = self._redact(text), None
        return True


def configure_logging(settings: Settings) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    secrets = [
        value.get_secret_value()
        for value in (settings.telegram_bot_token, settings.webhook_secret, settings.llm_api_key, settings.database_url)
        if value
    ]
    handler.addFilter(RedactSecrets(secrets))
    logging.basicConfig(level=settings.log_level, handlers=[handler], force=True)
    for name in CHATTY:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger().level))
