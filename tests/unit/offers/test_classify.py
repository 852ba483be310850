"""The k-nearest-labelled-clauses classifier: its data cites real cards, and it labels by agreeing neighbours."""

import math

from bot.kb import load_knowledge
from bot.offers import OfferFacts
from bot.offers.classify import LABELS, ClauseClassifier, LabelledClause, load_clauses
from tests.conftest import KNOWLEDGE


def bag_of_words(texts: list[str]) -> list[list[float]]:
    """A tiny stand-in for the sentence encoder: unit vectors over a fixed vocabulary."""
    vocabulary = ["password", "login", "comments", "delete", "negative", "invoice", "days", "review", "amazon"]
    vectors = []
    for text in texts:
        counts = [float(text.lower().count(word)) for word in vocabulary]
        norm = math.sqrt(sum(c * c for c in counts)) or 1.0
        vectors.append([c / norm for c in counts])
    return vectors


EXAMPLES = [
    LabelledClause("send us your login and password", "login_request", "phishing-login-requests", "en"),
    LabelledClause("your password and login please", "login_request", "phishing-login-requests", "en"),
    LabelledClause("delete negative comments", "comment_control", "comment-moderation-requests", "en"),
    LabelledClause("delete the negative comments please", "comment_control", "comment-moderation-requests", "en"),
    LabelledClause("invoice paid within 30 days", "none", "payment-terms-late-payment", "en"),
    LabelledClause("we pay invoices in 30 days", "none", "payment-terms-late-payment", "en"),
]


def test_the_labelled_clauses_are_bilingual_and_cite_existing_cards() -> None:
    examples = load_clauses(KNOWLEDGE / "clauses")
    cards = set(load_knowledge(KNOWLEDGE).ids)
    assert {e.lang for e in examples} == {"fr", "en"}
    assert {e.label for e in examples} <= LABELS and "none" in {e.label for e in examples}
    assert {e.card for e in examples} <= cards


def test_neighbours_that_agree_set_the_fact_and_far_ones_do_not() -> None:
    classifier = ClauseClassifier(EXAMPLES, bag_of_words, k=3, votes=2, threshold=0.6)
    assert classifier.labels(["Please delete every negative comment.", "Invoice paid in 30 days."]) == [
        "comment_control",
        "none",
    ]
    facts = OfferFacts()
    classifier.apply(facts, "Hello! Share your login and password with our team so we can post.")
    assert facts.asks_login and not facts.comment_control
    untouched = OfferFacts()
    classifier.apply(untouched, "A lovely review on Amazon of our blender would be great.")
    assert untouched == OfferFacts()
