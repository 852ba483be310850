"""The e5 vectors shipped in knowledge/vectors/ cover the cards, so that a new install's first index build
embeds nothing, and they are the vectors the model gives."""

import random

import numpy as np

from bot.retrieval.embeddings import E5Embeddings, read_vectors, text_key
from scripts.ship_vectors import e5_texts, missing, shipped_path
from tests.conftest import KNOWLEDGE


def test_every_text_of_the_cards_has_a_shipped_vector() -> None:
    lacking = missing(KNOWLEDGE)
    assert not lacking, f"{len(lacking)} texts lack a shipped vector (e.g. {lacking[0]!r}): run `make vectors`"


def test_shipped_vectors_are_the_models_vectors() -> None:
    shipped = read_vectors(shipped_path(KNOWLEDGE))
    sample = random.Random(9).sample(e5_texts(KNOWLEDGE), 4)
    fresh = E5Embeddings().embed_documents(sample)
    assert np.allclose([shipped[text_key(text)] for text in sample], fresh, atol=1e-4)
