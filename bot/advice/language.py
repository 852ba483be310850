"""French or English? Lingua decides, helped by the slang creators type that no corpus knows."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from bot.i18n import Lang

# Lingua's low-accuracy mode keeps memory at ~20 MB, but it reads "cb je demande pr 1 story" as English:
# SMS French and words only one of the two languages uses settle those cases first.
FRENCH_MARKERS = frozenset(
    "je j tu il elle on nous vous ils elles le la les un une des du de d au aux et ou est c ca ça "
    "cest pas ne mon ma mes ton ta tes son sa ses leur quoi que qui quel quelle combien comment "
    "pourquoi avec pour pr dans sur chez mais donc car si oui non jsp jpp tjrs tjs cb stp svp mdp "
    "bcp pk pq pcq chelou ptdr mdr slt bjr cv dois doit faut peux peut veux veut suis sont etre être "
    "avoir ai as marque marques abonnés abonnes payé paye gratuit contrat ".split()
)
ENGLISH_MARKERS = frozenset(
    "i i'm im you u ur your he she we they it is are am was the an and of to in for with my what how "
    "why which who should can could would do does did don't dont not no yes lol tbh ngl rn idk pls "
    "plz thx brand brands paid pay followers free contract want wants asked asking ".split()
)
LINGUA_CHARS = 1_000
WORD = re.compile(r"[a-zàâçéèêëîïôûùüÿœæ']+")


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(Language.FRENCH, Language.ENGLISH).with_low_accuracy_mode().build()


def _has_french_letters(text: str) -> bool:
    return any(ch in "àâçéèêëîïôûùüÿœ" for ch in text)


def detect_language(text: str, default: Lang = "en") -> Lang:
    """The language of `text`; `default` (the user's known language) when the text gives no clue."""
    lowered = unicodedata.normalize("NFC", text.lower())
    words = WORD.findall(lowered.replace("’", "'"))
    words = [part for word in words for part in word.split("'") if part]
    french = sum(word in FRENCH_MARKERS for word in words) + (1 if _has_french_letters(lowered) else 0)
    english = sum(word in ENGLISH_MARKERS for word in words)
    if french >= english + 2 or (french and not english):
        return "fr"
    if english >= french + 2 or (english and not french):
        return "en"
    # Lingua's time grows with the square of a word's length (one 8,000-letter word: ~100 ms, 16,000: ~500 ms,
    # measured): the opening is enough to tell French from English.
    detected = _detector().detect_language_of(text[:LINGUA_CHARS])
    if detected is Language.FRENCH:
        return "fr"
    if detected is Language.ENGLISH:
        return "en"
    return default
