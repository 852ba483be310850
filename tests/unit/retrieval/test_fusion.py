"""Reciprocal rank fusion with weights, and the keyword ranking's best score (a decline feature)."""

from bot.retrieval.index import fuse
from bot.retrieval.lexical import LexicalIndex, tokens


def test_equal_weights_favour_the_card_several_rankings_agree_on() -> None:
    assert fuse([["a", "b"], ["b", "c"], ["b", "a"]])[0] == "b"


def test_a_heavier_ranking_wins_a_disagreement_and_a_small_k_rewards_first_places() -> None:
    rankings = [["a", "b"], ["b", "a"]]
    assert fuse(rankings, [1.0, 2.0])[0] == "b"
    assert fuse(rankings, [2.0, 1.0])[0] == "a"
    # "c" is fourth twice, "a" first once: agreement beats a first place only with a large enough k
    spread = [["a", "x", "y", "c"], ["d", "z", "w", "c"]]
    assert fuse(spread, k=60)[0] == "c"
    assert fuse(spread, k=1)[0] in ("a", "d")


def test_keyword_ranking_reports_its_best_score() -> None:
    index = LexicalIndex(
        [
            ("kill-fee", "cancellation kill fee"),
            ("siret", "numéro SIRET micro-entreprise"),
            ("exclusivity", "exclusivity clause competitors"),
            ("usage-rights", "usage rights whitelisting"),
        ]
    )
    ranked, best = index.rank_scored("what kill fee if they cancel?")
    assert ranked == ["kill-fee"] and best > 0
    assert index.rank_scored("banana bread recipe") == ([], 0.0)


def test_keyword_scores_kept_per_word_are_the_librarys_own() -> None:
    index = LexicalIndex(
        [
            ("kill-fee", "cancellation kill fee if the brand cancels"),
            ("kill-fee", "frais d'annulation si la marque annule"),
            ("fair-pay", "how much to charge a brand for a reel, fee per post"),
            ("exclusivity", "exclusivity clause: no competing brand for a year"),
        ]
    )
    for question in ["the brand cancels, what fee?", "fee fee per reel", "la marque annule", "brand", "nothing"]:
        scores = index._bm25.get_scores(tokens(question))
        for _ in range(2):  # the second time from the words' kept scores
            ranked, best = index.rank_scored(question)
            assert best == max(scores)
            assert ranked == [
                index.card_ids[i] for i in sorted(range(len(scores)), key=lambda i: -scores[i]) if scores[i] > 0
            ]
