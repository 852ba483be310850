"""The persistent card index: Chroma on disk through LangChain, refreshed incrementally, searched hybrid."""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma

from bot.advice.models import Hit
from bot.errors import KnowledgeBaseError
from bot.kb import Card, KnowledgeBase
from bot.kb.base import outside_hash
from bot.retrieval.embeddings import USEEmbeddings
from bot.retrieval.lexical import LexicalIndex

log = logging.getLogger(__name__)
STATE_FILE = "state.json"
OUTSIDE = "~outside"  # pseudo card id of the out-of-scope examples
CHUNKS_PER_QUERY = 60
PROBE = "brand collaboration"  # any text: the probe checks that a query finds as many chunks as it asks for
PROBE_RESULTS = 10
RRF_K = 60


@dataclass(frozen=True)
class RefreshReport:
    """What a refresh changed, by document (`<card id>:<language>`), like LangChain's IndexingResult."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    seconds: float = 0.0
    kb_version: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def counts(self) -> dict[str, object]:
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "removed": len(self.removed),
            "unchanged": self.unchanged,
            "seconds": round(self.seconds, 3),
            "kb_version": self.kb_version,
        }


@dataclass(frozen=True)
class Document:
    """One card in one language as the index stores it: several short texts, each embedded on its own."""

    key: str  # "<card id>:<lang>"
    card_id: str
    lang: str
    title: str
    file_hash: str
    texts: tuple[str, ...]


def card_document(card: Card) -> Document:
    # Short texts match short questions far better than one long text: a DAN encoder averages words away.
    # Key points are left out: measured on kb eval they add noise (hit@3 0.963 vs 0.976) and double build time.
    texts = (f"{card.title}\n{card.summary}", *card.questions, *card.phrases)
    return Document(f"{card.id}:{card.language}", card.id, card.language, card.title, card.file_hash, texts)


def documents(kb: KnowledgeBase) -> dict[str, Document]:
    docs = {doc.key: doc for doc in map(card_document, kb)}
    for lang, phrases in kb.outside.items():
        key = f"{OUTSIDE}:{lang}"
        docs[key] = Document(key, OUTSIDE, lang, "outside the coach's scope", outside_hash(phrases), phrases)
    return docs


class CardIndex:
    """One Chroma collection per embedding model, in cosine space (relevance = 1 − cosine distance)."""

    def __init__(self, index_dir: Path, embeddings: USEEmbeddings, threshold: float = 0.2) -> None:
        index_dir.mkdir(parents=True, exist_ok=True)
        self.index_dir = index_dir
        self.embeddings = embeddings
        self.threshold = threshold
        self.collection_name = f"cards-{embeddings.model_name}"
        self.lexical = LexicalIndex([])
        # Telemetry off: this machine has no network, and the bot phones nobody home.
        self.client = chromadb.PersistentClient(
            path=str(index_dir), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        )
        self._open_collection()

    def _open_collection(self) -> None:
        # Our own embeddings are always passed: Chroma's default function would download a model.
        self.store = Chroma(
            collection_name=self.collection_name,
            embedding_function=self.embeddings,
            client=self.client,
            collection_metadata={"embedding_model": self.embeddings.model_name},
            collection_configuration={"hnsw": {"space": "cosine"}},
        )
        # The hot path queries the same collection for ids and distances only: card ids are in the chunk ids,
        # and skipping LangChain's Document building and Chroma's metadata fetch halves the query (5.3 -> 2.1 ms).
        self.collection = self.client.get_collection(self.collection_name, embedding_function=None)

    def searchable(self) -> bool:
        """Whether the stored chunks can be found, not only counted. Chroma keeps the chunks' rows in SQLite and
        their vectors in a segment folder: with that folder gone, the count and the metadata are unchanged
        (a refresh saw nothing to do) while a query finds next to nothing (every question was declined)."""
        expected = min(self.collection.count(), PROBE_RESULTS)
        if expected == 0:
            return True
        try:
            found = self.collection.query(
                query_embeddings=[self.embeddings.embed_query(PROBE)], n_results=expected, include=["distances"]
            )
        except Exception:  # Chroma reports a damaged segment as an internal error
            return False
        return len(found["ids"][0]) == expected

    def refresh(self, kb: KnowledgeBase) -> RefreshReport:
        """Make the index match `kb`: embed only new or edited cards, drop removed ones, never duplicate."""
        started = time.perf_counter()
        if not self.searchable():
            log.warning("index %s: stored chunks cannot be searched (vectors missing); rebuilding it", self.index_dir)
            self.client.delete_collection(self.collection_name)
            self._open_collection()
        stored = self.store.get(include=["metadatas"])
        indexed_hash: dict[str, str] = {}
        chunk_ids: defaultdict[str, list[str]] = defaultdict(list)
        for chunk_id, meta in zip(stored["ids"], stored["metadatas"], strict=True):
            key = f"{meta['card_id']}:{meta['lang']}"
            indexed_hash[key] = meta["file_hash"]
            chunk_ids[key].append(chunk_id)
        wanted = documents(kb)
        added = sorted(key for key in wanted if key not in indexed_hash)
        updated = sorted(key for key in wanted if key in indexed_hash and indexed_hash[key] != wanted[key].file_hash)
        removed = sorted(key for key in indexed_hash if key not in wanted)
        stale = [chunk for key in updated + removed for chunk in chunk_ids[key]]
        if stale:
            self.store.delete(ids=stale)
        fresh = [wanted[key] for key in added + updated]
        if fresh:
            self.store.add_texts(
                texts=[text for doc in fresh for text in doc.texts],
                metadatas=[
                    {"card_id": doc.card_id, "lang": doc.lang, "title": doc.title, "file_hash": doc.file_hash}
                    for doc in fresh
                    for _ in doc.texts
                ],
                ids=[f"{doc.key}:{n}" for doc in fresh for n in range(len(doc.texts))],
            )
        if not self.searchable():
            raise KnowledgeBaseError(
                f"the index in {self.index_dir} cannot be searched even after a rebuild: stop the bot, delete that "
                "folder and run `kb refresh`"
            )
        self.use(kb)
        report = RefreshReport(
            added=[key for key in added if not key.startswith(OUTSIDE)],
            updated=[key for key in updated if not key.startswith(OUTSIDE)],
            removed=[key for key in removed if not key.startswith(OUTSIDE)],
            unchanged=sum(
                1 for key in wanted if key not in added and key not in updated and not key.startswith(OUTSIDE)
            ),
            seconds=time.perf_counter() - started,
            kb_version=kb.version,
        )
        self._write_state(report)
        return report

    def use(self, kb: KnowledgeBase) -> None:
        """Serve `kb` (the cards the dense index already holds) with a matching keyword index."""
        self.lexical = LexicalIndex((doc.card_id, text) for doc in map(card_document, kb) for text in doc.texts)

    def search(self, question: str, k: int) -> list[Hit]:
        """The `k` best cards (dense + keyword ranks fused), or [] when the question is outside our scope."""
        return self.search_many([question], k)[0]

    def search_many(self, questions: Sequence[str], k: int) -> list[list[Hit]]:
        if not questions:
            return []
        # USE is symmetric, so questions embed like documents: one batch streams the weights once.
        vectors = self.embeddings.embed_documents(list(questions))
        found = self.collection.query(query_embeddings=vectors, n_results=CHUNKS_PER_QUERY, include=["distances"])
        return [
            self._rank(question, ids, distances, k)
            for question, ids, distances in zip(questions, found["ids"], found["distances"], strict=True)
        ]

    def _rank(self, question: str, chunk_ids: list[str], distances: list[float], k: int) -> list[Hit]:
        dense: dict[str, float] = {}
        for chunk_id, distance in zip(chunk_ids, distances, strict=True):
            # closest first: a card's first chunk is its best; chunk ids are "<card id>:<lang>:<n>"
            dense.setdefault(chunk_id.split(":", 1)[0], 1.0 - distance)
        outside = dense.pop(OUTSIDE, 0.0)
        best = max(dense.values(), default=0.0)
        if best < self.threshold or outside > best:
            return []
        fused: defaultdict[str, float] = defaultdict(float)
        for ranking in (list(dense), self.lexical.rank(question)):
            for rank, card_id in enumerate(ranking, 1):
                fused[card_id] += 1.0 / (RRF_K + rank)
        ranked = sorted(fused, key=lambda card_id: -fused[card_id])[:k]
        return [Hit(card_id, dense.get(card_id, 0.0)) for card_id in ranked]

    def count(self) -> int:
        """Stored chunks (several per card and language)."""
        return self.collection.count()

    def stored_keys(self) -> list[str]:
        """The `<card id>:<lang>` documents the index holds."""
        metas = self.store.get(include=["metadatas"])["metadatas"]
        return sorted({f"{meta['card_id']}:{meta['lang']}" for meta in metas})

    def state(self) -> dict[str, object]:
        path = self.index_dir / STATE_FILE
        return json.loads(path.read_text()) if path.exists() else {}

    def _write_state(self, report: RefreshReport) -> None:
        state = {
            "kb_version": report.kb_version,
            "refreshed_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "embedding_model": self.embeddings.model_name,
            "chunks": self.count(),
            "last_report": report.counts(),
        }
        tmp = self.index_dir / (STATE_FILE + ".tmp")
        tmp.write_text(json.dumps(state, indent=2))
        tmp.replace(self.index_dir / STATE_FILE)
