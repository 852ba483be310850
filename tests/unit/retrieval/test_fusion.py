"""Reciprocal rank fusion with weights, and the keyword ranking's best score (a decline feature); when USE and BM25
are sure enough of a question to rank it without e5."""

from pathlib import Path

import pytest

from bot.retrieval import index as index_module
from bot.retrieval.embeddings import USEEmbeddings
from bot.retrieval.index import E5_FUSION, OUTSIDE, RRF_K, CardIndex, Dense, fuse, fusion
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


def test_a_question_ranked_without_e5_keeps_the_weights_of_use_and_bm25() -> None:
    weights, k = E5_FUSION
    assert fusion(4) == E5_FUSION
    assert fusion(2, skipped=True) == ((weights[0], weights[3]), k)
    assert fusion(2) == (None, RRF_K)  # an index without e5 at all


@pytest.mark.parametrize(
    "use, keywords, sure",
    [
        ({"fair-pay": 0.62, OUTSIDE: 0.40, "counter-offer": 0.55}, ["fair-pay", "counter-offer"], True),
        ({"fair-pay": 0.62, "counter-offer": 0.40}, ["fair-pay"], True),  # no example among the nearest texts
        ({"fair-pay": 0.62, OUTSIDE: 0.40}, ["counter-offer", "fair-pay"], False),  # BM25 disagrees
        ({"fair-pay": 0.62, OUTSIDE: 0.40}, [], False),  # BM25 finds no word of a card
        ({"fair-pay": 0.48, OUTSIDE: 0.20}, ["fair-pay"], False),  # USE not close enough
        ({"fair-pay": 0.62, OUTSIDE: 0.52}, ["fair-pay"], False),  # an out-of-scope example too close
        ({OUTSIDE: 0.70, "fair-pay": 0.62}, ["fair-pay"], False),  # the example is nearer than any card
    ],
)
def test_use_and_bm25_are_sure_only_when_they_agree_closely_and_no_example_is_near(
    tmp_path: Path, use: dict[str, float], keywords: list[str], sure: bool
) -> None:
    index = CardIndex(tmp_path / "index", USEEmbeddings())  # nothing is loaded or opened for this
    index.has_examples = True
    assert index._sure(Dense(use, 0.0), keywords) is sure
    assert not index._sure(Dense(use, 0.1), keywords)  # an out-of-scope example among the nearest texts


def test_without_out_of_scope_examples_or_with_the_skip_off_e5_ranks_every_question(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = CardIndex(tmp_path / "index", USEEmbeddings())
    confident = Dense({"fair-pay": 0.9, OUTSIDE: 0.1}, 0.0)
    index.has_examples = False
    assert not index._sure(confident, ["fair-pay"])
    index.has_examples = True
    assert index._sure(confident, ["fair-pay"])
    monkeypatch.setattr(index_module, "E5_SKIP", None)
    assert not index._sure(confident, ["fair-pay"])
