"""Changing the knowledge base from outside (an admin's upload, a removal, a rollback): validate first, write
atomically, and say what the previous content was so that every change can be undone."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bot.errors import CardError
from bot.kb.base import card_errors
from bot.kb.cards import CARD_ID, LANGS, MAX_CARD_BYTES, MAX_CARD_ID, Card, load_front_matter, parse_card


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
        meta = load_front_matter(name, match.group(1)) if match else None
    except CardError:
        meta = None  # the full parser below names the problem
    card_id, lang = (meta.get("id"), meta.get("language")) if isinstance(meta, dict) else (None, None)
    if not is_card_id(card_id) or lang not in LANGS:
        # Staged under a neutral name: the full parser then says precisely what is wrong with the id.
        card_id, lang = "card", "en"
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / str(lang) / f"{card_id}.md"
        staged.parent.mkdir()
        staged.write_bytes(data)
        try:
            card = parse_card(staged)
        except CardError as exc:
            raise CardError(name, exc.problem) from None
        if errors := card_errors(card):  # what `kb check` would refuse is refused here too
            raise CardError(name, errors[0].problem)
    other = next(other for other in LANGS if other != card.language)
    has_other = (knowledge_dir / other / f"{card.id}.md").exists()
    target = knowledge_dir / card.language / f"{card.id}.md"
    return Upload(card, target, text, None if has_other else other)


def is_card_id(card_id: object) -> bool:
    return isinstance(card_id, str) and len(card_id) <= MAX_CARD_ID and re.fullmatch(CARD_ID, card_id) is not None


def card_file(knowledge_dir: Path, lang: str, card_id: str) -> Path:
    """The one way a card id becomes a path: anything but a well-formed id (`../x`, 260 characters) is refused."""
    if not is_card_id(card_id) or lang not in LANGS:
        raise CardError(card_id[:60], "is not a card id (lower-case letters, digits and dashes, at most 48)")
    return knowledge_dir / lang / f"{card_id}.md"


def checked_card_path(knowledge_dir: Path, path: Path) -> Path:
    """`path` if it names a card file of this knowledge base (e.g. from the change log), else CardError."""
    resolved = path.resolve()
    if resolved.parent.parent != knowledge_dir.resolve() or resolved.suffix != ".md":
        raise CardError(path, "is not a card file of the knowledge base; nothing was changed")
    return card_file(knowledge_dir, resolved.parent.name, resolved.stem)


def write_atomically(path: Path, text: str) -> str | None:
    """Write `text` to `path`; returns what was there before (None if nothing)."""
    previous = path.read_text(encoding="utf-8") if path.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(tmp, path)
    return previous


def restore(path: Path, previous: str | None) -> None:
    """Undo one change: put the previous content back, or remove a file that did not exist."""
    if previous is None:
        path.unlink(missing_ok=True)
    else:
        write_atomically(path, previous)
