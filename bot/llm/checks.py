"""What a generated answer must pass before a user sees it: nothing in it that the cards do not say.

Pure text functions: no model, no LangChain. A text fails with the first reason found; the caller then
sends the offline answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from bot.advice.language import detect_language
from bot.i18n import Lang

# The line the model is told to put before the checklist; case and punctuation are forgiven.
CHECKLIST_LINE = re.compile(r"^[\W_]*check[\s-]?list[\W_]*$", re.IGNORECASE | re.MULTILINE)
# [card-id] or [card-id, other-id]: the model's citations.
CITATION = re.compile(r"\[([^\[\]\n]{1,200})\]")
CARD_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'()\[\]]+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|fr|org|net|io|eu|be|ch|ca|uk|us|gouv|info|biz|ly|me|co|app|link|shop|xyz)\b"
    r"(?:/[^\s<>\"'()\[\]]*)?",
    re.IGNORECASE,
)
# A figure: 500, 1 000, 2,5, 2023-451. Counted by its digits, so "1 000" and "1000" are the same figure.
FIGURE = re.compile(r"\d+(?:[\u00a0\u202f ]\d{3}(?!\d)|[.,]\d+)*")
ENUMERATOR = re.compile(r"^\s*\d{1,2}[.)]\s", re.MULTILINE)  # "1. " list numbers are layout, not figures
BULLET = re.compile(r"^\s*(?:[-*•·–]|\[ ?\])\s*", re.MULTILINE)
# Longest direct answer that still reads on a phone with its checklist under it.
MAX_PROSE_CHARS = 1200


class Rejected(Exception):
    """The generated text failed a check; `reason` is a short code for the logs' counts."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True)
class Checked:
    prose: str  # the answer, citations taken out (the sources are listed under it anyway)
    cited: list[str]


def check_rewrite(
    text: str, *, lang: Lang, card_ids: Sequence[str], cards_text: str, checklist: Sequence[str], question: str
) -> Checked:
    """The generated answer's prose if `text` passes every check, else Rejected."""
    # The last such line: the answer above it may mention the word.
    marker = next(reversed(list(CHECKLIST_LINE.finditer(text))), None)
    if marker is None:
        raise Rejected("checklist_dropped", "no checklist line")
    prose, listed = text[: marker.start()].strip(), normal(text[marker.end() :])
    missing = [item for item in checklist if normal(item).rstrip(" .?!") not in listed]
    if missing:
        raise Rejected("checklist_dropped", missing[0])
    cited = citations(text)
    unknown = [card_id for card_id in cited if card_id not in card_ids]
    if unknown:
        raise Rejected("unknown_card", unknown[0])
    without_citations = CITATION.sub(" ", text)
    known_urls = normal(cards_text)
    invented = [url for url in urls(without_citations) if normal(url) not in known_urls]
    if invented:
        raise Rejected("invented_url", invented[0])
    known_figures = figures(cards_text) | figures(question)
    new = sorted(figures(ENUMERATOR.sub("", without_citations)) - known_figures)
    if new:
        raise Rejected("invented_figure", new[0])
    shown = tidy(CITATION.sub("", prose))
    if not shown:
        raise Rejected("empty")
    if len(shown) > MAX_PROSE_CHARS:
        raise Rejected("too_long", str(len(shown)))
    if detect_language(shown, default=lang) != lang:
        raise Rejected("wrong_language")
    return Checked(shown, cited)


def citations(text: str) -> list[str]:
    """Every id cited in square brackets (a bracket holding anything else, such as [1], counts as a bad id)."""
    found: list[str] = []
    for match in CITATION.finditer(text):
        parts = [part.strip() for part in re.split(r"[,;]", match.group(1))]
        found += [part for part in parts if part]
    return [part if CARD_ID.match(part) else part[:40] for part in dict.fromkeys(found)]


def urls(text: str) -> list[str]:
    return [match.group(0).rstrip(".,;:!?") for match in URL.finditer(text)]


def figures(text: str) -> set[str]:
    return {re.sub(r"\D", "", match.group(0)) for match in FIGURE.finditer(text)}


def normal(text: str) -> str:
    """Case, accents' composition, typographic quotes, bullets and spacing do not make two texts differ."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("«", '"')
    text = text.replace("»", '"')
    text = BULLET.sub("", text)
    return " ".join(text.split())


def tidy(text: str) -> str:
    """Markdown emphasis out (answers are sent as HTML), spaces left by removed citations closed up."""
    text = re.sub(r"\*\*|__|^#+\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"[ \t]+([.,)])", r"\1", text)  # not before ; : ! ? (French puts a space there)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return "\n".join(line.rstrip() for line in text.strip().splitlines())
