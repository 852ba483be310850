import logging

import pytest

from bot.config import Settings
from bot.logs import configure_logging

TOKEN = "987654:SECRET-token-value"


def test_token_and_webhook_secret_never_reach_a_log_line(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(Settings(_env_file=None, telegram_bot_token=TOKEN, webhook_secret="hook-secret"))
    log = logging.getLogger("any.library")
    log.warning("POST https://api.telegram.org/bot%s/getUpdates", TOKEN)
    log.warning("setWebhook with {'secret_token': 'hook-secret'}")
    try:
        raise ConnectionError(f"cannot reach https://api.telegram.org/bot{TOKEN}/getMe")
    except ConnectionError:
        log.exception("network down")
    err = capsys.readouterr().err
    assert "getUpdates" in err and "network down" in err and "ConnectionError" in err
    assert TOKEN not in err and "hook-secret" not in err
    assert err.count("[secret]") == 3


def test_http_client_loggers_are_quietened() -> None:
    configure_logging(Settings(_env_file=None, log_level="DEBUG"))
    assert logging.getLogger("httpx").getEffectiveLevel() >= logging.WARNING
