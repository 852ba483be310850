"""Amounts of money in French or English: "1 500 € HT", "$1,200", "£2k", "CHF 900", "1.5K€", "cinq cents euros",
"two thousand pounds", "€500/mois". One left-to-right scan: digits and their separators are read greedily and never
re-read, so a 10,000-digit run costs what its length costs. A number too long or too large to be a fee is kept as
`unreadable` (never turned into inf or nan).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from bot.text.fold import fold

MAX_AMOUNT = 100_000_000.0  # above this, a "fee" is a typo, a phone number or an attack: unreadable
_MAX_DIGITS = 15
_MAX_NUMBER_WORDS = 12  # "deux mille cinq cent quatre-vingt-dix-neuf" is 9: a longer run is not one number

UNITS = {
    "zero": 0, "un": 1, "une": 1, "one": 1, "a": 1, "an": 1, "deux": 2, "two": 2, "trois": 3, "three": 3,
    "quatre": 4, "four": 4, "cinq": 5, "five": 5, "six": 6, "sept": 7, "seven": 7, "huit": 8, "eight": 8, "neuf": 9,
    "nine": 9, "dix": 10, "ten": 10, "onze": 11, "eleven": 11, "douze": 12, "twelve": 12, "treize": 13,
    "thirteen": 13, "quatorze": 14, "fourteen": 14, "quinze": 15, "fifteen": 15, "seize": 16, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "vingt": 20, "vingts": 20, "twenty": 20, "trente": 30,
    "thirty": 30, "quarante": 40, "forty": 40, "cinquante": 50, "fifty": 50, "soixante": 60, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
}  # fmt: skip
_HUNDRED = {"cent", "cents", "hundred"}
_THOUSAND = {"mille", "thousand", "k"}
_MILLION = {"million", "millions"}
_JOINERS = {"et", "and"}
_FRENCH_NUMBER_WORDS = set(
    "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt vingts "
    "trente quarante cinquante soixante septante huitante octante nonante".split()
)

# Currency words and symbols, folded. Longest first when several share a start.
_CURRENCY_WORDS = {
    "eur": "EUR", "euro": "EUR", "euros": "EUR", "€": "EUR", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "$": "USD", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "quid": "GBP", "livre": "GBP", "livres": "GBP",
    "£": "GBP", "chf": "CHF", "franc": "CHF", "francs": "CHF", "cad": "CAD", "balles": "EUR",
}  # fmt: skip
_TOKEN = re.compile(r"[a-z]+|[€$£]|\d+|\S")


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum of money found in a text; offsets are into that text."""

    value: float | None  # None when unreadable (too long or too large to be a fee)
    currency: str | None  # EUR, USD, GBP, CHF, CAD; None when no currency was written next to it
    start: int
    end: int
    tax: str | None = None  # "excl" (HT, + VAT) or "incl" (TTC, incl. VAT)
    per: str | None = None  # "month", "week", "year", "piece" (per post/video/deliverable)
    unreadable: bool = False


def parse_number(raw: str, thousands: bool = False) -> float | None:
    """'1 500' / '1,200' / '1.5' / '300,50' / "1'000" → a number ('k' multiplies by a thousand); None if it is
    not a finite, readable one."""
    text = raw.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace("'", "")
    if not text or sum(ch.isdigit() for ch in text) > _MAX_DIGITS:
        return None
    if "," in text and "." in text:
        text = text.replace(",", "") if text.rfind(".") > text.rfind(",") else text.replace(".", "").replace(",", ".")
    elif "," in text:
        head, _, tail = text.rpartition(",")
        text = head.replace(",", "") + tail if len(tail) == 3 and not thousands else head.replace(",", "") + "." + tail
    elif text.count(".") > 1:
        text = text.replace(".", "")  # "1.200.000"
    elif text.count(".") == 1 and len(text.rpartition(".")[2]) == 3 and not thousands:
        text = text.replace(".", "")  # "1.200 €" written the French way
    try:
        value = float(text) * (1000 if thousands else 1)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def word_number(words: list[str]) -> int | None:
    """['deux', 'mille', 'cinq', 'cents'] → 2500; ['two', 'hundred', 'and', 'fifty'] → 250; None if not a number."""
    total, current, seen, previous = 0, 0, False, ""
    for word in words:
        if word in _JOINERS and seen:
            continue
        if word in UNITS:
            value = UNITS[word]
            if word in ("vingt", "vingts") and previous == "quatre":
                current += 80 - 4
            else:
                current += value
        elif word in _HUNDRED:
            if word in ("cent", "cents") and previous not in _FRENCH_NUMBER_WORDS and previous != "":
                return None  # "fifty cents" is not 5,000
            current = max(current, 1) * 100
        elif word in _THOUSAND:
            total += max(current, 1) * 1000
            current = 0
        elif word in _MILLION:
            total += max(current, 1) * 1_000_000
            current = 0
        else:
            return None
        seen, previous = True, word
    return total + current if seen else None


def amounts(text: str, currency_required: bool = True, limit: int | None = None) -> list[Amount]:
    """Every sum of money in `text`, in order; with `currency_required=False`, bare numbers too (currency None)."""
    folded = fold(text)
    if currency_required and not _CURRENCY_HINT.search(folded):
        return []  # no currency anywhere: no amount of money (and no need to read every number)
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(folded)]
    found: list[Amount] = []
    i, count = 0, len(tokens)
    while i < count:
        start, _end, token = tokens[i]
        if token.isdigit():
            j, raw_end = _digits_end(folded, tokens, i)
            raw = folded[start:raw_end]
            number_end_index = j
            words_value = None
        elif token in UNITS or token in _HUNDRED or token in _THOUSAND or token in _MILLION:
            j = i
            words: list[str] = []
            while (
                j < count
                and j - i < _MAX_NUMBER_WORDS
                and (
                    tokens[j][2] in UNITS
                    or tokens[j][2] in _HUNDRED
                    or tokens[j][2] in _THOUSAND
                    or tokens[j][2] in _MILLION
                    or (tokens[j][2] in _JOINERS and words)
                    or (tokens[j][2] == "-" and words)
                )
            ):
                if tokens[j][2] != "-":
                    words.append(tokens[j][2])
                j += 1
            while words and words[-1] in _JOINERS:
                words.pop()
                j -= 1
            while j > i and tokens[j - 1][2] in ("-", "et", "and"):
                j -= 1
            words_value = word_number(words) if words and words not in (["a"], ["an"]) else None
            if words_value is None:
                i += 1
                continue
            raw, raw_end, number_end_index = "", tokens[j - 1][1], j
        else:
            i += 1
            continue
        if currency_required and not _currency_near(tokens, i, number_end_index):
            i = max(number_end_index, i + 1)
            continue
        amount, next_index = _read_amount(folded, tokens, i, number_end_index, raw, raw_end, words_value)
        if amount is not None and (amount.currency or not currency_required):
            found.append(amount)
            if limit is not None and len(found) >= limit:
                break
        i = max(next_index, i + 1)
    return found


_CURRENCY_HINT = re.compile(
    r"[€$£]|\b(eur|euros?|usd|dollars?|gbp|pounds?|quid|livres?|chf|francs?|cad|balles)\b|\de\b"
)
# "250e pour 1 reel", "300e/mois": an "e" glued to the number is the euro typed without its sign when a price's word
# or a stop follows it; "le 2e reel", "la 3e semaine" are ordinals (an article before, a noun after).
_AFTER_EURO_E = {"pour", "par", "per", "for", "ht", "ttc", "brut", "bruts", "net", "nets", "hors", "le", "la", "l",
                 "chacun", "chacune", "the", "x", "au", "total", "tout", "each"}  # fmt: skip
_ORDINAL_BEFORE = {"le", "la", "les", "au", "aux", "du", "des", "the", "ce", "cette", "son", "sa", "ton", "ta", "mon",
                   "ma", "votre", "notre", "leur"}  # fmt: skip


def _euro_e(tokens: list[tuple[int, int, str]], i: int, k: int) -> bool:
    """tokens[k] is an "e" glued to the number at tokens[i:k] and meant as the euro."""
    if k >= len(tokens) or tokens[k][2] != "e" or tokens[k][0] != tokens[k - 1][1]:
        return False
    if i > 0 and tokens[i - 1][2] in _ORDINAL_BEFORE:
        return False
    if k + 1 == len(tokens):
        return True
    following = tokens[k + 1][2]
    return following in _AFTER_EURO_E if following[0].isalnum() else following not in ("-", "'")


def _currency_near(tokens: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """A currency right before the number, or right after it (past a 'k'): a cheap test before reading it."""
    if i > 0 and tokens[i - 1][2] in _CURRENCY_WORDS:
        return True
    after = j + 1 if j < len(tokens) and tokens[j][2] == "k" else j
    if after + 1 < len(tokens) and tokens[after][2] in ("ca", "c", "can") and tokens[after + 1][2] == "$":
        return True  # "600 CA$"
    return after < len(tokens) and (tokens[after][2] in _CURRENCY_WORDS or _euro_e(tokens, i, after))


def _digits_end(folded: str, tokens: list[tuple[int, int, str]], i: int) -> tuple[int, int]:
    """Extend a digit token over thousands groups and one decimal part: '1 500', '1,200.50', "1'000"."""
    j = i + 1
    end = tokens[i][1]
    count = len(tokens)
    while j + 1 < count and tokens[j + 1][2].isdigit():
        sep_start, sep_end, sep = tokens[j]
        gap = folded[end:sep_start]
        if sep in (",", ".", "'") and gap == "" and tokens[j + 1][0] == sep_end:
            end = tokens[j + 1][1]
            j += 2
            continue
        break
    # "1 500" / "12 000": space-separated thousands, only groups of exactly three digits.
    while j < count and tokens[j][2].isdigit() and len(tokens[j][2]) == 3 and folded[end : tokens[j][0]] == " ":
        if len(folded[tokens[i][0] : tokens[i][1]]) > 3:
            break
        end = tokens[j][1]
        j += 1
    return j, end


# What may follow "600 $ CA" / "$600 CAN" for "ca"/"can" to be Canada's mark rather than a word ("600 $ ça te
# va ?", "$600 can be paid"): nothing, punctuation, a number, or the tax or period words that follow an amount.
_AFTER_CANADA_MARK = {"ht", "ttc", "hors", "par", "per", "net", "nets", "brut", "pour", "for", "all", "tout", "plus",
                      "excl", "incl", "tva", "vat", "hst", "gst", "tps", "tvq", "total", "au", "a", "et", "and", "the",
                      "le", "la", "les", "each", "chacun", "chacune"}  # fmt: skip


def _canadian(tokens: list[tuple[int, int, str]], k: int) -> bool:
    """The token after a dollar amount says Canadian: "canadiens", "CAD", "CA", "CAN"."""
    word = tokens[k][2]
    if word in ("canadiens", "canadien", "canadian", "cad"):
        return True
    if word not in ("ca", "can"):
        return False
    if k + 1 == len(tokens):
        return True
    following = tokens[k + 1][2]
    return not following.isalpha() or following in _AFTER_CANADA_MARK


def _read_amount(
    folded: str,
    tokens: list[tuple[int, int, str]],
    i: int,
    j: int,
    raw: str,
    raw_end: int,
    words_value: int | None,
) -> tuple[Amount | None, int]:
    """Read the currency, the 'k', the tax mention and the period around the number at tokens[i:j]."""
    count = len(tokens)
    start = tokens[i][0]
    thousands = False
    k = j
    if k < count and tokens[k][2] == "k" and tokens[k][0] - raw_end <= 1:
        thousands = True
        k += 1
    currency = None
    # Currency after: "500 €", "500 euros", "2k€", "900 CHF", "500 dollars canadiens".
    if k < count and tokens[k][2] in _CURRENCY_WORDS and tokens[k][0] - tokens[k - 1][1] <= 1:
        currency = _CURRENCY_WORDS[tokens[k][2]]
        k += 1
        if currency == "USD" and k < count and _canadian(tokens, k):
            currency = "CAD"
            k += 1
        elif (
            currency == "CHF"
            and tokens[k - 1][2].startswith("franc")
            and k < count
            and tokens[k][2] in ("suisses", "swiss", "chf")
        ) or (currency == "GBP" and k < count and tokens[k][2] == "sterling"):
            k += 1
    elif _euro_e(tokens, i, k):
        currency = "EUR"
        k += 1
    # "600 CA$": Canada's mark before the dollar sign, after the number.
    if (
        currency is None
        and k + 1 < count
        and tokens[k][2] in ("ca", "c", "can")
        and tokens[k + 1][2] == "$"
        and tokens[k + 1][0] == tokens[k][1]
        and tokens[k][0] - tokens[k - 1][1] <= 1
    ):
        currency = "CAD"
        k += 2
    # Currency before: "€500", "$1,200", "CHF 900", "US$ 500", "C$ 800".
    if currency is None and i > 0:
        prev = tokens[i - 1]
        if (
            prev[2] in _CURRENCY_WORDS
            and start - prev[1] <= 1
            and prev[2] not in ("livre", "livres", "franc", "balles")
        ):
            currency = _CURRENCY_WORDS[prev[2]]
            start = prev[0]
            if prev[2] == "$" and i > 1 and tokens[i - 2][2] in ("c", "ca", "cad") and tokens[i - 2][1] == prev[0]:
                currency, start = "CAD", tokens[i - 2][0]
            elif currency == "USD" and k < count and tokens[k][0] - tokens[k - 1][1] <= 1 and _canadian(tokens, k):
                currency = "CAD"  # "$1,500 CAN", "$600 CAD"
                k += 1
            if k < count and tokens[k][2] == "k" and not thousands and tokens[k][0] - tokens[k - 1][1] <= 1:
                thousands = True
                k += 1
    if words_value is not None:
        value: float | None = float(words_value) * (1000 if thousands else 1)
    else:
        value = parse_number(raw, thousands)
    unreadable = value is None or value > MAX_AMOUNT
    end = tokens[k - 1][1]
    tax, per, k = _tax_and_period(folded, tokens, k)
    if tax or per:
        end = max(end, tokens[k - 1][1])
    amount = Amount(
        value=None if unreadable else value,
        currency=currency,
        start=start,
        end=end,
        tax=tax,
        per=per,
        unreadable=unreadable,
    )
    return amount, k


_PER_WORDS = {
    "mois": "month", "month": "month", "months": "month", "monthly": "month", "mensuel": "month",
    "mensuels": "month", "mensuelle": "month", "semaine": "week", "week": "week", "weekly": "week", "an": "year",
    "annee": "year", "year": "year", "yearly": "year", "annual": "year", "annuel": "year", "post": "piece",
    "posts": "piece", "video": "piece", "videos": "piece", "reel": "piece", "reels": "piece", "story": "piece",
    "stories": "piece", "contenu": "piece", "content": "piece", "piece": "piece", "deliverable": "piece",
    "publication": "piece", "tiktok": "piece", "short": "piece", "livrable": "piece", "unit": "piece",
    "each": "piece", "chacun": "piece", "chacune": "piece", "chaque": "piece", "every": "piece",
    "integration": "piece", "segment": "piece", "mention": "piece", "carrousel": "piece", "carousel": "piece",
    "live": "piece", "newsletter": "piece", "article": "piece", "episode": "piece", "apiece": "piece",
    "unite": "piece", "tiktoks": "piece", "shorts": "piece", "stream": "piece", "streams": "piece", "lives": "piece",
    "pin": "piece", "episodes": "piece", "integrations": "piece", "segments": "piece",
}  # fmt: skip


def _tax_and_period(folded: str, tokens: list[tuple[int, int, str]], k: int) -> tuple[str | None, str | None, int]:
    """'HT', 'TTC', '+ TVA', 'excl. VAT', then '/mois', 'par mois', 'per post', 'each' right after an amount."""
    count = len(tokens)
    tax = None
    words = [tokens[x][2] for x in range(k, min(k + 4, count))]
    if (
        words[:1] == ["ht"]
        or words[:2] == ["hors", "taxes"]
        or words[:2] == ["hors", "taxe"]
        or words[:2]
        in (
            ["+", "tva"],
            ["+", "vat"],
            ["plus", "vat"],
            ["ex", "vat"],
            ["excl", "vat"],
            ["exc", "vat"],
        )
        or words[:3] in (["excl", ".", "vat"], ["ex", ".", "vat"], ["excluding", "vat"])
    ):
        tax = "excl"
    elif (
        words[:1] == ["ttc"]
        or words[:3] == ["toutes", "taxes", "comprises"]
        or words[:2]
        in (
            ["incl", "vat"],
            ["inc", "vat"],
            ["including", "vat"],
        )
        or words[:3] in (["incl", ".", "vat"], ["tva", "incluse"])
    ):
        tax = "incl"
    if tax:
        while k < count and tokens[k][2] not in ("vat", "tva", "ht", "ttc", "comprises", "taxes", "taxe", "incluse"):
            k += 1
        k += 1
        if k < count and tokens[k][2] == "incluse":
            k += 1
    per = None
    words = [tokens[x][2] for x in range(k, min(k + 3, count))]
    # "150 € le reel", "500 € la story", "800 € le mois": the French article after a price means "per".
    if len(words) >= 2 and words[0] in ("/", "par", "per", "a", "an", "the", "le", "la") and words[1] in _PER_WORDS:
        per, k = _PER_WORDS[words[1]], k + 2
    elif len(words) >= 3 and words[0] == "l" and words[1] == "'" and words[2] in _PER_WORDS:
        per, k = _PER_WORDS[words[2]], k + 3  # "300 € l'unité"
    elif words and words[0] in ("monthly", "mensuel", "mensuels", "each", "chacun", "chacune", "piece", "apiece"):
        per, k = _PER_WORDS[words[0]], k + 1
    return tax, per, min(k, count)
