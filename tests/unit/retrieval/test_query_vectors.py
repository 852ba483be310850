"""One ask embeds each text once per model (started ahead in a worker, or here), and the in-memory ranking is
an exact nearest-neighbour search by cosine distance."""

from concurrent.futures import ThreadPoolExecutor

import numpy as np

from bot.retrieval.index import Matrix, QueryVectors


class CountingModel:
    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        self.batches.append(list(texts))
        return [[float(len(text)), 1.0] for text in texts]


def test_each_text_is_embedded_once_per_model_in_one_batch() -> None:
    use, e5 = CountingModel(), CountingModel()
    vectors = QueryVectors()
    with ThreadPoolExecutor(1) as worker:
        vectors.start(e5, ["a", "bb", "a"], worker.submit)  # as embed_ahead does
        vectors.start(e5, ["bb", "ccc"], worker.submit)  # a later search of the same ask
        vectors.start(use, ["bb", "ccc"])  # another model embeds its own, here and now
        assert vectors.get(e5, ["ccc", "a", "bb"]) == [[3.0, 1.0], [1.0, 1.0], [2.0, 1.0]]
    assert e5.batches == [["a", "bb"], ["ccc"]]
    assert use.batches == [["bb", "ccc"]]
    assert vectors.get(use, ["ccc"]) == [[3.0, 1.0]]


def test_nearest_rows_are_exact_cosine_distances_nearest_first() -> None:
    rng = np.random.default_rng(7)
    rows = rng.normal(size=(50, 8)).astype(np.float32)
    cards = [f"card-{i % 7}" for i in range(50)]
    matrix = Matrix(cards, rows / np.linalg.norm(rows, axis=1, keepdims=True))
    questions = rng.normal(size=(3, 8)).astype(np.float32) * 5  # not unit: normalised like Chroma's cosine
    for question, nearest in zip(questions, matrix.nearest(questions, 10), strict=True):
        cosine = matrix.vectors @ (question / np.linalg.norm(question))
        order = np.argsort(-cosine)[:10]
        assert [card for card, _ in nearest] == [cards[i] for i in order]
        assert np.allclose([distance for _, distance in nearest], 1 - cosine[order], atol=1e-6)
    assert len(matrix.nearest(questions[:1], 500)[0]) == 50
