"""The two languages and how a catalogue of texts is looked up.

The words themselves live with whoever says them, in one shape, {key: {"en": ..., "fr": ...}}:
bot/advice/texts.py (the engine: answers, warnings, headings), bot/offers/texts.py (the offer judge: reasons,
verdicts, facts, the profile), bot/telegram/texts.py (Telegram: commands, buttons, prompts, the command menu) and
bot/cli/texts.py (the terminal chat). tests/unit/test_texts.py checks every key in both languages with the same
{placeholders}, and that every key a module asks for exists.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Lang = Literal["fr", "en"]
Catalogue = dict[str, dict[Lang, str]]


class Texts:
    """`texts(key, lang, **values)` formats one text found in the catalogues, searched in order.

    A key defined in two of them is refused when the lookup is built: which one is shown would depend on the order.
    """

    def __init__(self, *catalogues: Mapping[str, Mapping[Lang, str]]) -> None:
        self.entries: dict[str, Mapping[Lang, str]] = {}
        for catalogue in catalogues:
            if twice := self.entries.keys() & catalogue.keys():
                raise ValueError(f"texts defined twice: {sorted(twice)}")
            self.entries.update(catalogue)

    def __call__(self, key: str, lang: Lang, **values: object) -> str:
        text = self.entries[key][lang]
        return text.format(**values) if values else text


def lang_of(language_code: str | None) -> Lang:
    """Telegram's language_code ("fr", "fr-CA", "en-GB"…) mapped to the coach's languages."""
    return "fr" if (language_code or "").lower().startswith("fr") else "en"


def colon(lang: Lang) -> str:
    """A heading's colon: French sets it off with a no-break space ("Sources : …"), English does not."""
    return "\u00a0:" if lang == "fr" else ":"


def source_date(date: str, lang: Lang) -> str:
    """A card source's date as the creator reads it: cards store "consulted 2026", "c. 2024" or "undated" (the
    format `kb check` validates); a French answer says "consulté en 2026", "v. 2024", "non daté"."""
    if lang != "fr":
        return date
    if date == "undated":
        return "non daté"
    if date.startswith("consulted "):
        return f"consulté en {date.removeprefix('consulted ')}"
    if date.startswith("c. "):
        return f"v. {date.removeprefix('c. ')}"
    return date
