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


class _Table(dict[int, str]):
    """Code point → folded character for str.translate, filled on first sight (bounded: a text of many distinct
    characters folds them all the same, only the cache stops growing)."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < 4096:
            self[code] = folded
        return folded


_TABLE = _Table()


def fold(text: str) -> str:
    """'Été — 1 500 €' → 'ete - 1 500 €'; same length as the input (offsets are shared). str.translate does the
    loop in C: a long message is folded several times (clauses, amounts, each detector) at a small cost."""
    return text.translate(_TABLE)
