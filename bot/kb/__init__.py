"""Knowledge cards: parsing, validation and the in-memory knowledge base (no Chroma, no Telegram)."""

from bot.kb.base import CheckReport, KnowledgeBase, check_knowledge, load_knowledge
from bot.kb.cards import Card, Source, parse_card

__all__ = ["Card", "CheckReport", "KnowledgeBase", "Source", "check_knowledge", "load_knowledge", "parse_card"]
