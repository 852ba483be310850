"""Settings: the one place that reads the environment (and `.env`)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_BASE_URL = "https://api.telegram.org/bot"
# The project the package runs from: its knowledge/ and data/ are the defaults, whatever the current directory,
# so that running the CLI elsewhere neither misses the cards nor leaves a ./data behind.
PROJECT_DIR = Path(__file__).resolve().parent.parent


def _default_knowledge_dir() -> Path:
    project = PROJECT_DIR / "knowledge"
    return project if project.is_dir() else Path("knowledge")


def _default_data_dir() -> Path:
    if (PROJECT_DIR / "pyproject.toml").is_file():  # a checkout (editable install): data/ beside knowledge/
        return PROJECT_DIR / "data"
    return Path.home() / ".local" / "share" / "collab-coach"  # an installed wheel: the user's data directory


class Settings(BaseSettings):
    """Every knob of the bot, with the defaults documented in `.env.example`."""

    # The project's .env, then one in the current directory (which wins).
    model_config = SettingsConfigDict(
        env_file=(PROJECT_DIR / ".env", ".env"), env_file_encoding="utf-8", extra="ignore"
    )

    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str = DEFAULT_BASE_URL
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    data_dir: Path = Field(default_factory=_default_data_dir)
    knowledge_dir: Path = Field(default_factory=_default_knowledge_dir)
    # PostgreSQL (postgresql://user:password@host/db, or ?host=/socket/dir) for the state several workers share;
    # unset: SQLite in DATA_DIR/coach.sqlite3 (one process).
    database_url: SecretStr | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    # Retrieval: a card whose best cosine similarity is below this is not an answer (tuned on kb eval).
    relevance_threshold: float = Field(default=0.2, ge=0.0, le=1.0)
    # Retrieval: fuse multilingual-e5-small with USE and BM25 (more right cards; +~100 MB, +~20 ms a question).
    e5_ranking: bool = True
    # A Chroma server (http://host:port, `chroma run`) holding the index for every worker; unset: Chroma embedded
    # in the process, files under DATA_DIR/index.
    chroma_url: str | None = None
    # Where document vectors are cached by text, so re-indexing never embeds a text twice (default DATA_DIR/cache).
    vector_cache_dir: Path | None = None
    # Questions a user may ask per minute before the bot asks them to slow down.
    user_rate_per_minute: int = Field(default=20, ge=1)
    # Outbound flood control: Telegram allows a bot about 30 messages a second overall.
    outbound_rate_per_second: float = Field(default=30, gt=0)
    # Updates handled at once: answers wait on the network, so many can be in flight.
    concurrent_updates: int = Field(default=64, ge=1)
    # Seconds an answer may take before the user is shown "typing…" (0: always).
    typing_delay: float = Field(default=0.3, ge=0)
    # Long-polling timeout for getUpdates, in seconds.
    polling_timeout: int = Field(default=10, ge=0)
    # Optional language model, as `provider:model` for LangChain's init_chat_model ("mistralai:mistral-small-latest",
    # "ollama:llama3.1"). Unset: the offline answers only. The model is also the first thing dropped when slow.
    llm_model: str | None = None
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    # Seconds the model may take before the offline answer is sent instead.
    llm_timeout: float = Field(default=8.0, gt=0)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        # "1, 2" in the environment; a list when built in code.
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(";", ",").split(",") if part.strip())
        return value

    @field_validator(
        "telegram_bot_token",
        "webhook_secret",
        "webhook_url",
        "llm_model",
        "llm_base_url",
        "llm_api_key",
        "vector_cache_dir",
        "chroma_url",
        "database_url",
        mode="before",
    )
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def telegram_base_file_url(self) -> str:
        """Where files are downloaded from: Telegram serves them beside the API, under /file/bot<token>/."""
        base = self.telegram_base_url.rstrip("/")
        return base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base + "/file/bot"

    @cached_property
    def cache_dir(self) -> Path:
        return self.vector_cache_dir or self.data_dir / "cache"

    @cached_property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @cached_property
    def database_path(self) -> Path:
        return self.data_dir / "coach.sqlite3"

    @property
    def database_location(self) -> Path | str:
        """What the storage opens: the PostgreSQL URL when DATABASE_URL is set, else the SQLite file. The
        knowledge-base change log stays in the SQLite file either way: it describes this machine's card files."""
        return self.database_url.get_secret_value() if self.database_url else self.database_path

    @field_validator("database_url")
    @classmethod
    def _postgres_only(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith(("postgresql://", "postgres://")):
            raise ValueError("DATABASE_URL must be a postgresql:// URL (unset it to use SQLite in DATA_DIR)")
        return value
