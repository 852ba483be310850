"""Keyword search (BM25 over stemmed, accent-folded words): it catches the exact terms embeddings blur
("kill fee", "SIRET", "ARPP", "whitelisting") and is fused with the dense ranking."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import snowballstemmer
from rank_bm25 import BM25Okapi

STOP_WORDS = frozenset(
    "a an and are as at be but by do does for from has have how i if in is it its me my of on or so that the "
    "their them there they this to u was we what when where which who why will with would you your "
    "au aux avec ce ces c ca cest d dans de des du elle en est et il ils j je l la le les leur lui m ma mais "
    "me mes moi mon n ne nous on ou par pas pour qu que qui s sa se ses son sur t ta te tes toi ton tu un une "
    "vos votre vous y".split()
)
WORD = re.compile(r"[a-z0-9]+")
_FRENCH = snowballstemmer.stemmer("french")
_ENGLISH = snowballstemmer.stemmer("english")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=50_000)
def _stems(word: str) -> tuple[str, str]:
    # Snowball in pure Python is slow and vocabularies repeat: caching makes indexing ~10x faster.
    return _FRENCH.stemWord(word), _ENGLISH.stemWord(word)


def tokens(text: str) -> list[str]:
    """Both stems of every word: the same index then serves French and English questions."""
    return [stem for word in WORD.findall(fold(text)) if word not in STOP_WORDS for stem in _stems(word)]


class LexicalIndex:
    def __init__(self, documents: Iterable[tuple[str, str]]) -> None:
        """`documents`: (card id, text) pairs; texts of the same card are pooled."""
        pooled: dict[str, list[str]] = {}
        for card_id, text in documents:
            pooled.setdefault(card_id, []).extend(tokens(text))
        self.card_ids = list(pooled)
        self._bm25 = BM25Okapi(list(pooled.values())) if pooled else None
        # Each word's scores over every card, computed by the library once per word: its get_scores builds
        # them again from a Python loop over the cards for every word of every question (~2 ms a question).
        self._word_scores: dict[str, np.ndarray] = {}

    def rank(self, question: str) -> list[str]:
        """Card ids with a positive score, best first."""
        return self.rank_scored(question)[0]

    def rank_scored(self, question: str) -> tuple[list[str], float]:
        """Card ids with a positive score, best first, and the best score (0.0 when none)."""
        if self._bm25 is None:
            return [], 0.0
        scores = np.zeros(len(self.card_ids))
        for word in tokens(question):  # summed in the question's order, as get_scores sums: the same floats
            if word in self._bm25.idf:  # a word no card has scores 0 everywhere
                if word not in self._word_scores:
                    self._word_scores[word] = self._bm25.get_scores([word])
                scores += self._word_scores[word]
        order = sorted(range(len(scores)), key=lambda i: -scores[i])
        return [self.card_ids[i] for i in order if scores[i] > 0], float(max(scores, default=0.0))
