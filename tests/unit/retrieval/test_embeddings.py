"""A long question reaches e5 as its first and last words within the token budget (a paste, then the question)."""

from bot.retrieval.embeddings import ends, head


def words(text: str) -> int:
    return len(text.split())


def test_a_question_within_the_budget_is_kept_whole() -> None:
    assert head("how much for a reel", 5, words) == "how much for a reel"
    assert head("", 5, words) == ""


def test_a_longer_question_keeps_as_many_first_words_as_fit() -> None:
    text = " ".join(f"w{i}" for i in range(100))
    for budget in (1, 2, 7, 50, 99):
        assert head(text, budget, words) == " ".join(f"w{i}" for i in range(budget))


def test_a_first_word_longer_than_the_budget_is_still_read() -> None:
    assert head("supercalifragilistic and more", 2, len) == "supercalifragilistic"


def test_a_long_message_keeps_its_first_and_last_words_half_the_budget_each() -> None:
    def tokens(text: str) -> int:  # as e5 counts: a prefix and two markers, then the words
        return 3 + len(text.split())

    paste = " ".join(f"p{i}" for i in range(100))
    kept = ends(f"{paste} so is it fair?", 23, tokens)
    assert kept == "p0 p1 p2 p3 p4 p5 p6 p7 p92 p93 p94 p95 p96 p97 p98 p99 so is it fair?"
    assert tokens(kept) == 23
    assert ends("is it fair?", 23, tokens) == "is it fair?"
