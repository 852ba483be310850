"""Lower case without accents, one character for one character, so offsets in the folded text match the original."""

from __future__ import annotations

import unicodedata

_APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"}
_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\t": " "}
_DASHES = {"\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2212": "-"}


def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHES:
        return "'"
    if ch in _SPACES:
        return " "
    if ch in _DASHES:
        return "-"
    low = ch.lower()
    if len(low) != 1:  # "İ".lower() is two characters: keep offsets aligned
        low = ch
    if low.isascii():
        return low
    base = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    return base if len(base) == 1 else low


_TABLE: dict[str, str] = {}


def fold(text: str) -> str:
    """'Été — 1 500 €' → 'ete - 1 500 €'; same length as the input (offsets are shared)."""
    out = []
    for ch in text:
        folded = _TABLE.get(ch)
        if folded is None:
            folded = _fold_char(ch)
            if len(_TABLE) < 4096:
                _TABLE[ch] = folded
        out.append(folded)
    return "".join(out)
