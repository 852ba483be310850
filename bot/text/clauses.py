"""Clauses of a French or English message, each with the spans a negation covers.

"Pas de rémunération prévue, mais un produit offert" gives two clauses; in the first, "rémunération" is negated.
A rule that finds a word asks `is_negated(clause, span)` before believing it. Linear in the input: one pass over
the characters to split, one pass over each clause's words to find the negations, with bounded look-ahead.
"""

from __future__ import annotations

import functools
import re
import re._constants as _sre_constants  # the parsed form of a pattern: to find the words every match needs
import re._parser as _sre_parser
import unicodedata
from dataclasses import dataclass

from bot.text.fold import fold

# Words only: no nested or overlapping quantifiers, so the scan is linear whatever the input.
_WORD = re.compile(r"\w+(?:'\w+)*")

_ABBREVIATIONS = frozenset(
    "e.g i.e eg ie etc ex vs approx env cf mr mrs ms dr st no n° p.ex min max incl excl resp tel fig art".split()
)
# A clause also ends before these words: what follows is another statement ("no fee, but 20 % of sales").
_CONTRAST = frozenset(
    "but mais however cependant pourtant toutefois whereas tandis although though unless sauf except instead "
    "plutot rather neanmoins".split()
)
_PRONOUNS = frozenset(
    "we you i they it he she our your nous vous on tu je il elle ils elles notre votre the la le les this ce cette "
    "we'll we'd you'll you'd i'll it's c'est they'll they'd they're we're you're i'm i'd i've we've you've he's "
    "she's".split()
)
# "no exclusivity and please tag us as a paid partnership": a request after "and" is a statement of its own.
_PLEASE = frozenset("please pls plz kindly merci stp svp".split())
_ELLIPSIS_BEFORE = frozenset({"but", "mais", "and", "et", "or", "ou"})
_LIST_GO_ON = frozenset({"or", "ou", "nor", "ni", "and/or"})
# A word that negates what follows until the clause (or a comma) ends.
_VERBAL = frozenset(
    "not never jamais cannot don't doesn't didn't won't wouldn't can't couldn't shouldn't isn't aren't wasn't "
    "weren't haven't hasn't hadn't needn't mustn't shan't ain't".split()
)
# A word that negates the noun phrase that follows ("no fee", "sans exclusivité", "aucune autre marque").
_NOMINAL = frozenset("no none without sans aucun aucune aucuns aucunes ni nor neither nul nulle zero".split())
# Follows "ne"/"n'" to make a French negation ("ne … pas", "n'utilisera jamais", "ne … plus", "ne … aucun").
_NE_PARTNER = frozenset("pas jamais plus rien aucun aucune personne nullement point guere".split())
# Phrases that look negative but state a limit, a certainty or a politeness: never a negation.
_NOT_NEGATIONS: tuple[tuple[str, ...], ...] = (
    ("not", "only"), ("not", "just"), ("non", "seulement"), ("pas", "seulement"), ("pas", "que"),
    ("no", "later"), ("no", "more"), ("no", "less"), ("not", "more"), ("not", "less"), ("pas", "plus"),
    ("pas", "moins"), ("no", "matter"), ("no", "problem"), ("no", "worries"), ("no", "doubt"), ("pas", "de", "souci"),
    ("pas", "de", "soucis"), ("pas", "de", "probleme"), ("sans", "doute"), ("sans", "faute"), ("without", "fail"),
    ("without", "delay"), ("not", "sure"), ("can't", "wait"), ("cannot", "wait"), ("don't", "hesitate"),
    ("do", "not", "hesitate"), ("hesitez", "pas"), ("hesite", "pas"), ("hesitez", "surtout", "pas"),
    ("n'hesitez", "pas"), ("n'hesite", "pas"), ("no", "strings"), ("not", "a", "problem"), ("never", "miss"),
    ("no", "later", "than"), ("non", "plus"),
)  # fmt: skip
_MAX_NOMINAL_WORDS = 8
BULLETS = "-*•·▸▪►‣◦⁃✓✔➡→☞✅👉🔹🔸"
_MAX_PREFIX_WORDS = 2  # "non exclusive", "non enregistrée en France"


@dataclass(frozen=True, slots=True)
class Clause:
    """A sentence, bullet, line or contrast-delimited part of one, with offsets into the text it came from."""

    text: str  # as written
    folded: str  # lower case, no accents, same length as `text`
    start: int
    end: int
    scopes: tuple[tuple[int, int], ...] = ()  # spans of `text` under a negation
    bullet: bool = False

    @property
    def negated(self) -> bool:
        return bool(self.scopes)


class Clauses(list[Clause]):
    """The clauses of one message and their folded words joined by line breaks. A pattern that is found nowhere in
    the joined text is in none of the clauses: one search in C answers for all of them, instead of a Python loop
    over every clause (a pasted text of thousands of one-character clauses costs the same as a real message)."""

    def __init__(self, parts: list[Clause]) -> None:
        super().__init__(parts)
        self.joined = "\n".join(clause.folded for clause in parts)
        self._seen: dict[re.Pattern[str], bool] = {}

    def having(self, pattern: re.Pattern[str]) -> list[Clause]:
        """These clauses, or none when `pattern` cannot match in any of them."""
        seen = self._seen.get(pattern)
        if seen is None:
            seen = self._seen[pattern] = may_match(pattern, self.joined) and (
                _multiline(pattern).search(self.joined) is not None
            )
        return self if seen else []


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False when `text` holds none of the words every match of `pattern` must contain: a few substring tests
    (in C, each far cheaper than running the pattern over a long text) instead of a search that fails."""
    needed = _needed(pattern)
    return needed is None or any(word in text for word in needed)


@functools.cache
def _needed(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literal strings one of which every match of `pattern` contains, or None when no such set is known."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # a pattern the parser reads differently gets no shortcut, never an error
        return None
    return _required(list(parsed))


def _required(items: list) -> frozenset[str] | None:  # type: ignore[type-arg]
    """For a sequence of parsed items: the best set (longest shortest word) among those its items require."""
    best: frozenset[str] | None = None
    run = ""

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, av in items:
        if op is _LITERAL:
            run += chr(av)
            continue
        consider(frozenset({run}) if run else None)
        run = ""
        if op is _SUBPATTERN:
            consider(None if av[1] & re.IGNORECASE else _required(list(av[-1])))  # "(?i:...)" matches other cases
        elif op is _BRANCH:
            options = [_required(list(alternative)) for alternative in av[1]]
            consider(None if any(o is None for o in options) else frozenset().union(*options))  # type: ignore[misc]
        elif op in _REPEATS and av[0] >= 1:
            consider(_required(list(av[2])))
        elif op is _IN and av and all(kind is _LITERAL for kind, _ in av):
            consider(frozenset(chr(code) for _, code in av))
    consider(frozenset({run}) if run else None)
    return best


_LITERAL, _SUBPATTERN, _BRANCH, _IN = (
    _sre_constants.LITERAL,
    _sre_constants.SUBPATTERN,
    _sre_constants.BRANCH,
    _sre_constants.IN,
)
_REPEATS = {_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT, _sre_constants.POSSESSIVE_REPEAT}


@functools.cache
def _multiline(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` with ^ and $ at every line: on the joined clauses, a clause's start and end ("^usage:")."""
    return re.compile(pattern.pattern, pattern.flags | re.M)


def is_negated(clause: Clause, span: tuple[int, int]) -> bool:
    """Whether the words at `span` (offsets in `clause.text`) fall under a negation of that clause."""
    start = span[0]
    return any(low <= start < high for low, high in clause.scopes)


def clauses(text: str) -> list[Clause]:
    folded = fold(text)
    result: list[Clause] = []
    for start, end, bullet in _split(folded, text):
        # Trim spaces and leftover bullet marks so a clause starts on its first word.
        while start < end and (folded[start].isspace() or folded[start] in BULLETS or folded[start] == ">"):
            start += 1
        while end > start and folded[end - 1].isspace():
            end -= 1
        if start < end:
            piece = folded[start:end]
            scopes = tuple(negation_scopes(piece)) if _CUE_HINT.search(piece) else ()
            result.append(Clause(text[start:end], piece, start, end, scopes, bullet))
    return result


def _split(folded: str, text: str = "") -> list[tuple[int, int, bool]]:
    """Clause boundaries: sentence ends, line breaks that are not a wrapped sentence, bullets, contrast words."""
    bounds: list[tuple[int, int, bool]] = []
    n = len(folded)
    start, bullet = 0, _bullet_at(folded, 0)
    i = 0
    while i < n:
        ch = folded[i]
        cut = -1  # cut after position `cut` (exclusive end), next clause from `resume`
        resume = i + 1
        if ch == "\n":
            j = i + 1
            while j < n and folded[j] in " \r":
                j += 1
            blank = j < n and folded[j] == "\n"
            nxt_bullet = _bullet_at(folded, j)
            prev = folded[start:i].rstrip()
            wrapped = (
                not blank
                and not nxt_bullet
                and not _field_line(folded, folded.rfind("\n", 0, i) + 1)
                and not _field_line(folded, j)
                and prev
                and prev[-1] not in ".!?:;)»\"'"
                and j < n
                and folded[j].isalpha()
                and text_is_lower(folded[j])
                and not bullet
            )
            if not wrapped:
                cut, resume = i, j
                nxt = nxt_bullet
            else:
                i += 1
                continue
        elif ch in "!?;" or ch == "\u2026":
            cut, nxt = i + 1, False
        elif ord(ch) > 0x2000 and unicodedata.category(ch) == "So" and _capital_after(text, i + 1):
            cut, nxt = i + 1, False  # "… as ads 🙌 Please tag it #ad": an emoji ends a sentence like a full stop
        elif ch == ".":
            nxt_ch = folded[i + 1] if i + 1 < n else " "
            if nxt_ch.isspace() and not _abbreviation_before(folded, i):
                cut, nxt = i + 1, False
        elif ch == "," or ch == " ":
            # A contrast word starts a new clause: ", but", " mais ", "; however".
            k = i + 1
            while k < n and folded[k] == " ":
                k += 1
            m = k
            while m < n and (folded[m].isalpha()):
                m += 1
            if m > k and folded[k:m] in _CONTRAST and (m == n or not folded[m].isalpha()):
                if folded[k:m] in ("sauf", "except") and ch == " ":
                    pass  # "sauf accord" inside a sentence is a condition, not a new statement
                else:
                    cut, resume, nxt = i, k, False
        if cut >= 0:
            bounds.append((start, cut, bullet))
            start, bullet = resume, nxt
            i = resume
            continue
        i += 1
    bounds.append((start, n, bullet))
    return bounds


# "Payment: 30 days", "Exclusivity: none": a brief's field lines. Each is a statement of its own, so a line
# break next to one is never a wrapped sentence (else "Exclusivity: none" negated the payment line after it).
# The label is bounded (40 characters), so the check stays linear in the input.
_FIELD = re.compile(r"[ \t]*[a-z0-9][\w '’/()&+.-]{0,40}?[ \t]*:[ \t]*[^\s/]")


def _field_line(folded: str, j: int) -> bool:
    return _FIELD.match(folded, j) is not None


def _capital_after(text: str, j: int) -> bool:
    """Whether the next letter after position j, past spaces and other emoji (a few at most), is a capital."""
    for k in range(j, min(j + 6, len(text))):
        ch = text[k]
        if ch.isalpha():
            return ch.isupper() and k > j
        if not (ch.isspace() or unicodedata.category(ch) in ("So", "Mn", "Sk", "Cf")):
            return False
    return False


def text_is_lower(ch: str) -> bool:
    return ch == ch.lower() and ch != ch.upper()


def _bullet_at(folded: str, j: int) -> bool:
    """A line that starts with '-', '*', '•', '·', '1.' or '1)' followed by a space."""
    n = len(folded)
    while j < n and folded[j] == " ":
        j += 1
    if j >= n:
        return False
    if folded[j] in BULLETS and j + 1 < n and folded[j + 1] == " ":
        return True
    k = j
    while k < n and k - j < 3 and folded[k].isdigit():
        k += 1
    return k > j and k + 1 < n and folded[k] in ".)" and folded[k + 1] == " "


def _abbreviation_before(folded: str, dot: int) -> bool:
    """'e.g.', 'etc.', a decimal or a single initial: the dot does not end a sentence."""
    k = dot
    while k > 0 and dot - k < 8 and (folded[k - 1].isalnum() or folded[k - 1] in ".°"):
        k -= 1
    word = folded[k:dot]
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def negation_scopes(folded: str) -> list[tuple[int, int]]:
    """Spans of a folded clause that a negation covers: from the negating word to the clause end (verbal
    negation), or over the noun phrase that follows (nominal: "no", "sans", "aucun"), cut at a contrast word, a
    new subject after a comma, or "and"/"et" + a new subject."""
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(folded)]
    scopes: list[tuple[int, int]] = []
    count = len(words)
    i = 0
    covered_until = -1
    while i < count:
        start, _, _word = words[i]
        if start < covered_until:
            i += 1
            continue
        kind = _cue(words, i)
        if kind is None:
            i += 1
            continue
        limit = {"verbal": count, "nominal": i + 1 + _MAX_NOMINAL_WORDS, "prefix": i + 1 + _MAX_PREFIX_WORDS}[kind]
        end_index = i + 1
        while end_index < min(limit, count):
            if _breaks(folded, words, end_index, kind):
                break
            end_index += 1
        last = end_index - 1
        end = words[last][1] if last > i else words[i][1]
        if kind != "prefix" and end_index == i + 1 and end_index < count and not _breaks(folded, words, i + 1, kind):
            end = words[i + 1][1]
        scopes.append((start, end))
        covered_until = end
        i = end_index
    return scopes


def _matches(words: list[tuple[int, int, str]], i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(words):
        return False
    return all(words[i + k][2] == part for k, part in enumerate(phrase))


_CUE_WORDS = _VERBAL | _NOMINAL | _NE_PARTNER | {"ne", "n", "non"}
# Any word that may start a negation: a clause without one has no scope, and its words need not be read one by one.
_CUE_HINT = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _CUE_WORDS), key=len, reverse=True)) + r")\b|n'|n't")
_EXCEPTIONS_AT: dict[str, list[tuple[str, ...]]] = {}
_EXCEPTIONS_AFTER: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _NOT_NEGATIONS:
    _EXCEPTIONS_AT.setdefault(_phrase[0], []).append(_phrase)
    _EXCEPTIONS_AFTER.setdefault(_phrase[1], []).append(_phrase)


def _cue(words: list[tuple[int, int, str]], i: int) -> str | None:
    word = words[i][2]
    if word not in _CUE_WORDS and not word.startswith("n'") and not word.endswith("n't"):
        return None
    if any(_matches(words, i, phrase) for phrase in _EXCEPTIONS_AT.get(word, ())):
        return None
    if i > 0 and any(_matches(words, i - 1, phrase) for phrase in _EXCEPTIONS_AFTER.get(word, ())):
        return None
    if word in ("not", "pas") and i > 0 and words[i - 1][2] in _ELLIPSIS_BEFORE:
        return "nominal"  # "but not as an ad", "mais pas en pub": the phrase that follows, not the rest
    if word in ("ne", "n") or word.startswith("n'"):
        # "ne … pas" / "n'utilisera jamais": a partner within a few words, else it is "ne … que" (only).
        for k in range(i + (0 if word.startswith("n'") and len(word) > 2 else 1), min(i + 5, len(words))):
            partner = words[k][2]
            if partner in _NE_PARTNER:
                return None if _matches(words, k, ("pas", "que")) else "verbal"
            if partner == "que":
                return None
        return None
    if word in ("pas", "jamais", "plus", "rien"):
        # "pas" without "ne" is spoken French ("c'est pas payé"); "ne … pas" is caught at "ne".
        if any(words[k][2] in ("ne", "n") or words[k][2].startswith("n'") for k in range(max(0, i - 4), i)):
            return None
        if word == "plus":
            return None
        if (word == "pas" and i + 1 < len(words) and words[i + 1][2] in ("de", "d", "besoin", "d'")) or (
            word == "pas" and i + 1 < len(words) and words[i + 1][2].startswith("d'")
        ):
            return "nominal"
        return "verbal" if word in ("pas", "jamais") else None
    if word in _VERBAL:
        return "verbal"
    if word in _NOMINAL:
        return "nominal"
    if word == "non":
        return "prefix"
    if word.endswith("n't"):
        return "verbal"
    return None


def _breaks(folded: str, words: list[tuple[int, int, str]], k: int, kind: str) -> bool:
    """Whether the negation that reached word k-1 stops before word k."""
    word = words[k][2]
    if word in _CONTRAST:
        return True
    gap = folded[words[k - 1][1] : words[k][0]]
    if ":" in gap or "(" in gap or ")" in gap or ("/" in gap and kind == "prefix"):
        return True
    if any(ord(ch) > 0x2000 and unicodedata.category(ch) == "So" for ch in gap[:8]):
        return True  # "none at all 😊 and pls use the paid partnership tag": an emoji ends the statement
    if "," in gap:
        return (kind != "verbal" and word not in _LIST_GO_ON) or word in _PRONOUNS
    if word in ("and", "et", "&", "while", "alors", "puis", "then") and k + 1 < len(words):
        return words[k + 1][2] in _PRONOUNS or words[k + 1][2] in _PLEASE or kind == "prefix"
    return False
