"""A long question reaches e5 as its head: the most first words that fit the token budget."""

from bot.retrieval.embeddings import head


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
