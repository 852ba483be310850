"""What the coach remembers about people, in SQLite under DATA_DIR (no Telegram types here)."""

from bot.storage.database import Database

__all__ = ["Database"]
