"""One ask embeds each text once per model (started ahead in a worker, or here), e5 takes a second thread only
when the machine is idle, and the in-memory ranking is an exact nearest-neighbour search by cosine distance."""

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from bot.retrieval.embeddings import QueryThreads
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


def test_e5_takes_two_threads_only_while_the_other_processes_leave_the_cores_idle(tmp_path: Path) -> None:
    stat = tmp_path / "stat"
    busy = [0]

    def tick(ticks: int) -> None:  # /proc/stat: user nice system idle iowait irq softirq steal, in clock ticks
        busy[0] += ticks
        stat.write_text(f"cpu  {busy[0]} 0 0 5000 0 0 0 0 0 0\ncpu0 0 0 0 0 0 0 0 0 0 0\n")

    tick(0)
    threads = QueryThreads(stat)
    threads.WINDOW = 0.0
    set_to: list[int] = []
    threads._set = set_to.append
    assert threads.adjust() == 1  # nothing measured yet
    tick(0)
    two = (os.cpu_count() or 1) >= 2
    assert threads.adjust() == (2 if two else 1)  # nobody else ran meanwhile
    tick(10_000)  # 100 s of CPU by others within a few microseconds: the machine is busy
    assert threads.adjust() == 1
    assert set_to == ([1, 2, 1] if two else [1])  # set only when it changes
    stat.write_text("unreadable")
    assert threads.adjust() == 1
