"""Changing the knowledge base from outside (an admin's upload, a removal, a rollback): validate first, write
atomically, and say what the previous content was so that every change can be undone."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.errors import CardError
from bot.kb.cards import LANGS, MAX_CARD_BYTES, Card, parse_card


@dataclass(frozen=True)
class Upload:
    card: Card
    target: Path  # where it goes in the knowledge folder
    text: str
    missing_translation: str | None  # the other language, if the knowledge base lacks it


def validate_upload(name: str, data: bytes, knowledge_dir: Path) -> Upload:
    """An uploaded .md card, fully validated, or CardError naming the upload and the exact problem."""
    if not name.lower().endswith(".md"):
        raise CardError(name, "is not a Markdown card (.md)")
    if len(data) > MAX_CARD_BYTES:
        raise CardError(name, f"is {len(data)} bytes; a card must stay under {MAX_CARD_BYTES}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CardError(name, f"is not UTF-8 text (byte {exc.start})") from None
    match = re.match(r"^---[ \t]*\r?\n(.*?)\r?\n---", text, re.S)
    try:
        meta = yaml.safe_load(match.group(1)) if match else None
    except yaml.YAMLError:
        meta = None
    card_id, lang = (meta.get("id"), meta.get("language")) if isinstance(meta, dict) else (None, None)
    if not isinstance(card_id, str) or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", card_id) or lang not in LANGS:
        # Let the full parser say precisely what is wrong.
        card_id, lang = card_id if isinstance(card_id, str) and re.fullmatch(r"[\w-]+", card_id) else "card", "en"
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / str(lang) / f"{card_id}.md"
        staged.parent.mkdir()
        staged.write_bytes(data)
        try:
            card = parse_card(staged)
        except CardError as exc:
            raise CardError(name, exc.problem) from None
    other = next(other for other in LANGS if other != card.language)
    has_other = (knowledge_dir / other / f"{card.id}.md").exists()
    target = knowledge_dir / card.language / f"{card.id}.md"
    return Upload(card, target, text, None if has_other else other)


def write_atomically(path: Path, text: str) -> str | None:
    """Write `text` to `path`; returns what was there before (None if nothing)."""
    previous = path.read_text(encoding="utf-8") if path.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(tmp, path)
    return previous


def remove_card(knowledge_dir: Path, card_id: str) -> list[tuple[Path, str]]:
    """Delete both translations of `card_id`; returns (path, previous content) for each file removed."""
    removed = []
    for lang in LANGS:
        path = knowledge_dir / lang / f"{card_id}.md"
        if path.exists():
            removed.append((path, path.read_text(encoding="utf-8")))
            path.unlink()
    return removed


def restore(path: Path, previous: str | None) -> None:
    """Undo one change: put the previous content back, or remove a file that did not exist."""
    if previous is None:
        path.unlink(missing_ok=True)
    else:
        write_atomically(path, previous)
