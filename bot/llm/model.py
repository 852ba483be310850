"""Builds the chat model from the settings with LangChain's init_chat_model (the `[llm]` extra)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot.config import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

log = logging.getLogger(__name__)


def provider_of(model: str) -> str:
    return model.split(":", 1)[0].strip().lower() if ":" in model else ""


def model_kwargs(settings: Settings) -> dict[str, object]:
    """init_chat_model's keyword arguments for this provider (each integration names its options its own way)."""
    provider = provider_of(settings.llm_model or "")
    kwargs: dict[str, object] = {}
    if settings.llm_base_url:
        kwargs["base_url"] = settings.llm_base_url
    if provider == "ollama":
        # Local: no key; its client takes the timeout through httpx.
        kwargs["client_kwargs"] = {"timeout": settings.llm_timeout}
        return kwargs
    if settings.llm_api_key:
        kwargs["api_key"] = settings.llm_api_key.get_secret_value()
    # A retry after a timeout would only come after the offline answer was already sent.
    kwargs.update(timeout=settings.llm_timeout, max_retries=0)
    return kwargs


def build_chat_model(settings: Settings) -> BaseChatModel | None:
    """The configured chat model, or None (offline) when LLM_MODEL is unset or its package is missing."""
    if not settings.llm_model:
        return None
    try:
        from langchain.chat_models import init_chat_model

        model = init_chat_model(settings.llm_model, **model_kwargs(settings))
    except ImportError as exc:
        log.error(
            "LLM_MODEL=%s needs its provider package (pip install '.[llm]'): %s; answering offline",
            settings.llm_model,
            exc,
        )
        return None
    except Exception as exc:  # an unknown provider, a bad option: the bot still answers, offline
        log.error(
            "LLM_MODEL=%s could not be set up (%s: %s); answering offline", settings.llm_model, type(exc).__name__, exc
        )
        return None
    log.info(
        "language model %s on (timeout %.1f s); offline answers as fallback", settings.llm_model, settings.llm_timeout
    )
    return model
