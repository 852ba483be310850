"""The persistent card index: Chroma on disk through LangChain, refreshed incrementally."""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma

from bot.advice.models import Hit
from bot.kb import Card, KnowledgeBase
from bot.retrieval.embeddings import USEEmbeddings

log = logging.getLogger(__name__)
STATE_FILE = "state.json"


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


def doc_id(card: Card) -> str:
    return f"{card.id}:{card.language}"


class CardIndex:
    """One Chroma collection per embedding model, in cosine space (relevance = 1 − cosine distance)."""

    def __init__(self, index_dir: Path, embeddings: USEEmbeddings) -> None:
        index_dir.mkdir(parents=True, exist_ok=True)
        self.index_dir = index_dir
        self.embeddings = embeddings
        # Telemetry off: this machine has no network, and the bot phones nobody home.
        client = chromadb.PersistentClient(
            path=str(index_dir), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        )
        # Our own embeddings are always passed: Chroma's default function would download a model.
        self.store = Chroma(
            collection_name=f"cards-{embeddings.model_name}",
            embedding_function=embeddings,
            client=client,
            collection_metadata={"embedding_model": embeddings.model_name},
            collection_configuration={"hnsw": {"space": "cosine"}},
        )

    def refresh(self, kb: KnowledgeBase) -> RefreshReport:
        """Make the index match `kb`: embed only new or edited cards, drop removed ones, never duplicate."""
        started = time.perf_counter()
        stored = self.store.get(include=["metadatas"])
        indexed = {id_: (meta or {}).get("file_hash") for id_, meta in zip(stored["ids"], stored["metadatas"])}
        wanted = {doc_id(card): card for card in kb}
        added = sorted(key for key in wanted if key not in indexed)
        updated = sorted(key for key in wanted if key in indexed and indexed[key] != wanted[key].file_hash)
        removed = sorted(key for key in indexed if key not in wanted)
        to_write = [wanted[key] for key in added + updated]
        if to_write:  # add_texts upserts: an edited card replaces its old vector under the same id
            self.store.add_texts(
                texts=[card.search_text for card in to_write],
                metadatas=[
                    {"card_id": c.id, "lang": c.language, "title": c.title, "file_hash": c.file_hash} for c in to_write
                ],
                ids=[doc_id(card) for card in to_write],
            )
        if removed:
            self.store.delete(ids=removed)
        report = RefreshReport(
            added=added,
            updated=updated,
            removed=removed,
            unchanged=len(wanted) - len(added) - len(updated),
            seconds=time.perf_counter() - started,
            kb_version=kb.version,
        )
        self._write_state(report)
        return report

    def search(self, question: str, k: int) -> list[Hit]:
        """The `k` closest cards, whatever language matched: a French question may find an English card."""
        vector = self.embeddings.embed_query(question)
        # Each card is indexed twice (fr and en): ask for twice as many documents, keep the best per card.
        results = self.store.similarity_search_by_vector_with_relevance_scores(vector, k=2 * k)
        best: dict[str, float] = {}
        for doc, distance in results:
            card_id = doc.metadata["card_id"]
            best.setdefault(card_id, 1.0 - distance)  # results come closest first
        return [Hit(card_id, score) for card_id, score in list(best.items())[:k]]

    def count(self) -> int:
        return self.store._collection.count()

    def state(self) -> dict[str, object]:
        path = self.index_dir / STATE_FILE
        return json.loads(path.read_text()) if path.exists() else {}

    def _write_state(self, report: RefreshReport) -> None:
        state = {
            "kb_version": report.kb_version,
            "refreshed_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "embedding_model": self.embeddings.model_name,
            "documents": self.count(),
            "last_report": report.counts(),
        }
        tmp = self.index_dir / (STATE_FILE + ".tmp")
        tmp.write_text(json.dumps(state, indent=2))
        tmp.replace(self.index_dir / STATE_FILE)
