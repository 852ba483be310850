"""LLM_* settings: each provider gets its options under its own names, and the key never reaches a log line."""

from __future__ import annotations

import logging

import pytest

from bot.config import Settings
from bot.llm.model import model_kwargs
from bot.logs import configure_logging


def settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


def test_unset_model_is_offline_and_blank_values_are_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_MODEL", " ")
    monkeypatch.setenv("LLM_API_KEY", "")
    loaded = Settings(_env_file=None)
    assert loaded.llm_model is None and loaded.llm_api_key is None and loaded.llm_timeout == 8.0


def test_hosted_providers_get_key_url_timeout_and_no_retry() -> None:
    kwargs = model_kwargs(settings(llm_model="mistralai:mistral-small-latest", llm_api_key="k", llm_timeout=3))
    assert kwargs == {"api_key": "k", "timeout": 3.0, "max_retries": 0}
    kwargs = model_kwargs(settings(llm_model="openai:m", llm_base_url="http://127.0.0.1:9/v1", llm_api_key="k"))
    assert kwargs["base_url"] == "http://127.0.0.1:9/v1" and kwargs["timeout"] == 8.0


def test_ollama_gets_its_timeout_through_its_client_and_no_key() -> None:
    kwargs = model_kwargs(settings(llm_model="ollama:llama3.1", llm_base_url="http://localhost:11434", llm_api_key="k"))
    assert kwargs == {"base_url": "http://localhost:11434", "client_kwargs": {"timeout": 8.0}}


def test_the_api_key_is_redacted_from_logs(capsys: pytest.CaptureFixture[str]) -> None:
    configured = settings(llm_model="openai:m", llm_api_key="sk-very-secret")
    assert "sk-very-secret" not in repr(configured)
    configure_logging(configured)
    try:
        logging.getLogger("bot.test").warning("provider said: bad key sk-very-secret")
        err = capsys.readouterr().err
        assert "bad key [secret]" in err and "sk-very-secret" not in err
    finally:
        logging.basicConfig(level=logging.WARNING, force=True)
