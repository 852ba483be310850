"""The persistent card index: Chroma on disk through LangChain, refreshed incrementally, searched hybrid."""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import re
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma

from bot.advice.models import Hit
from bot.errors import KnowledgeBaseError
from bot.kb import Card, KnowledgeBase
from bot.kb.base import outside_hash
from bot.retrieval.embeddings import CachedEmbeddings, USEEmbeddings
from bot.retrieval.lexical import LexicalIndex

log = logging.getLogger(__name__)
STATE_FILE = "state.json"
OUTSIDE = "~outside"  # pseudo card id of the out-of-scope examples
CHUNKS_PER_QUERY = 60
PASSAGES_PER_QUERY = 40
PROBE = "brand collaboration"  # any text: the probe checks that a query finds as many chunks as it asks for
PROBE_RESULTS = 10
RRF_K = 60
# Decline when this weighted sum of (USE best card, USE outside-example margin, e5 best card, e5 outside margin,
# 1) is positive: a logistic regression fitted on the dev split (cross-validated there: off-topic 0.976,
# false declines 0.000, against 0.951 / 0.016 for USE alone), its cut at p = 0.35 folded into the bias.
DECLINE = (-3.504, 8.24, -40.497, 40.109, 36.678 + 0.619)


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
    passage: str = ""  # the card's own sentences in one text (title, summary, key points), for e5


def card_document(card: Card) -> Document:
    # Short texts match short questions far better than one long text: a DAN encoder averages words away.
    # Key points are left out of the short texts: they add noise there (dev hit@3 0.963 vs 0.976); e5 reads
    # them whole in the passage, where they help on wording the phrases do not cover.
    texts = (f"{card.title}\n{card.summary}", *card.questions, *card.phrases)
    passage = "\n".join([card.title, card.summary, *card.key_points])
    return Document(f"{card.id}:{card.language}", card.id, card.language, card.title, card.file_hash, texts, passage)


_TAG = re.compile(r"<[^<>]{0,200}>")
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]{0,200})\]\([^()]{0,500}\)")
_EMPHASIS = re.compile(r"[*_`~]+")


def plain(question: str) -> str:
    """The words of a question pasted with markup (HTML tags, entities, Markdown emphasis and links): the
    markup means nothing to the models and drags a question toward the out-of-scope examples on code.
    Hashtags stay: "#ad" is a word here."""
    text = _MARKDOWN_LINK.sub(r"\1", _TAG.sub(" ", html.unescape(question)))
    return " ".join(_EMPHASIS.sub(" ", text).split()) or question


def fuse(rankings: Sequence[Sequence[str]]) -> list[str]:
    """Reciprocal rank fusion: a card ranked well by several rankings beats one ranked first by one."""
    fused: defaultdict[str, float] = defaultdict(float)
    for ranking in rankings:
        for rank, card_id in enumerate(ranking, 1):
            fused[card_id] += 1.0 / (RRF_K + rank)
    return sorted(fused, key=lambda card_id: -fused[card_id])


def chroma_client(index_dir: Path, chroma_url: str | None = None) -> chromadb.ClientAPI:
    """Chroma embedded in this process (files under `index_dir`, the default), or a Chroma server at
    `chroma_url` (http://host:port, started with `chroma run`) shared by every process that serves the bot."""
    # Telemetry off: this machine has no network, and the bot phones nobody home.
    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if chroma_url is None:
        return chromadb.PersistentClient(path=str(index_dir), settings=settings)
    url = urlparse(chroma_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise KnowledgeBaseError(f"CHROMA_URL must look like http://host:port, not {chroma_url!r}")
    port = url.port or (443 if url.scheme == "https" else 8000)
    try:
        return chromadb.HttpClient(host=url.hostname, port=port, ssl=url.scheme == "https", settings=settings)
    except Exception as exc:  # the client checks the server as it connects
        raise KnowledgeBaseError(
            f"no Chroma server answers at {chroma_url} ({type(exc).__name__}): start one with "
            "`chroma run --host HOST --port PORT --path FOLDER`, or unset CHROMA_URL to keep the index in DATA_DIR"
        ) from None


def documents(kb: KnowledgeBase) -> dict[str, Document]:
    docs = {doc.key: doc for doc in map(card_document, kb)}
    for lang, phrases in kb.outside.items():
        key = f"{OUTSIDE}:{lang}"
        docs[key] = Document(key, OUTSIDE, lang, "outside the coach's scope", outside_hash(phrases), phrases)
    return docs


@dataclass(frozen=True)
class Space:
    """One dense ranking: a Chroma collection (cosine space) of one model's vectors of some texts of each card."""

    name: str
    embeddings: USEEmbeddings | CachedEmbeddings
    texts: Callable[[Document], tuple[str, ...]]
    per_query: int  # nearest texts fetched per question
    outside: bool = False  # also holds the out-of-scope examples (the decline signal)


class CardIndex:
    """Cards in Chroma, one collection per dense ranking, refreshed together, searched hybrid.

    USE over the short texts (title and summary, questions, search phrases) gives the first ranking and the
    decline signal; with `e5`, multilingual-e5-small over the same short texts and over each card's passage
    gives two more; a stemmed BM25 over the short texts gives the keyword ranking. All are fused by
    reciprocal rank: each model misses different questions.
    """

    def __init__(
        self,
        index_dir: Path,
        embeddings: USEEmbeddings,
        threshold: float = 0.2,
        e5: CachedEmbeddings | None = None,
        chroma_url: str | None = None,
    ) -> None:
        index_dir.mkdir(parents=True, exist_ok=True)
        self.index_dir = index_dir  # the index itself with embedded Chroma; state.json either way
        self.chroma_url = chroma_url
        self.embeddings = embeddings
        self.threshold = threshold
        self.collection_name = f"cards-{embeddings.model_name}"
        self.lexical = LexicalIndex([])
        self.e5 = e5
        self.spaces = [Space(self.collection_name, embeddings, lambda doc: doc.texts, CHUNKS_PER_QUERY, outside=True)]
        if e5 is not None:
            self.spaces += [
                Space(f"cards-{e5.model_name}", e5, lambda doc: doc.texts, CHUNKS_PER_QUERY, outside=True),
                Space(f"passages-{e5.model_name}", e5, lambda doc: (doc.passage,), PASSAGES_PER_QUERY),
            ]
        self.client = chroma_client(index_dir, chroma_url)
        self.stores: dict[str, Chroma] = {}
        self._sizes: dict[str, int] = {}  # texts per collection, read once per refresh instead of per question
        self.collections: dict[str, chromadb.Collection] = {}
        self.store: Chroma
        self.collection: chromadb.Collection
        for space in self.spaces:
            self._open_collection(space)

    def _open_collection(self, space: Space) -> None:
        # Our own embeddings are always passed: Chroma's default function would download a model.
        self.stores[space.name] = Chroma(
            collection_name=space.name,
            embedding_function=space.embeddings,
            client=self.client,
            collection_metadata={"embedding_model": space.embeddings.model_name},
            collection_configuration={"hnsw": {"space": "cosine"}},
        )
        # The hot path queries the same collections for ids and distances only: card ids are in the chunk ids,
        # and skipping LangChain's Document building and Chroma's metadata fetch halves the query (5.3 -> 2.1 ms).
        self.collections[space.name] = self.client.get_collection(space.name, embedding_function=None)
        if space.name == self.collection_name:
            self.store, self.collection = self.stores[space.name], self.collections[space.name]

    def searchable(self, space: Space | None = None) -> bool:
        """Whether the stored chunks can be found, not only counted. Chroma keeps the chunks' rows in SQLite and
        their vectors in a segment folder: with that folder gone, the count and the metadata are unchanged
        (a refresh saw nothing to do) while a query finds next to nothing (every question was declined)."""
        space = space or self.spaces[0]
        collection = self.collections[space.name]
        expected = min(collection.count(), PROBE_RESULTS)
        if expected == 0:
            return True
        try:
            found = collection.query(
                query_embeddings=space.embeddings.embed_queries([PROBE]), n_results=expected, include=["distances"]
            )
        except Exception:  # Chroma reports a damaged segment as an internal error
            return False
        return len(found["ids"][0]) == expected

    def refresh(self, kb: KnowledgeBase) -> RefreshReport:
        """Make the index match `kb`: embed only new or edited cards, drop removed ones, never duplicate.

        Each collection is brought up to date on its own terms, so one left behind (a model added to an
        existing index, an interrupted refresh) catches up; the report counts the first one's changes."""
        started = time.perf_counter()
        wanted = documents(kb)
        diffs = [self._refresh_space(space, wanted) for space in self.spaces]
        added, updated, removed = diffs[0]
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

    def _refresh_space(self, space: Space, documents: dict[str, Document]) -> tuple[list[str], list[str], list[str]]:
        if not self.searchable(space):
            log.warning("index %s: stored chunks of %s cannot be searched; rebuilding them", self.index_dir, space.name)
            self.client.delete_collection(space.name)
            self._open_collection(space)
        store = self.stores[space.name]
        wanted = {key: doc for key, doc in documents.items() if space.outside or doc.card_id != OUTSIDE}
        stored = store.get(include=["metadatas"])
        indexed_hash: dict[str, str] = {}
        chunk_ids: defaultdict[str, list[str]] = defaultdict(list)
        for chunk_id, meta in zip(stored["ids"], stored["metadatas"], strict=True):
            key = f"{meta['card_id']}:{meta['lang']}"
            indexed_hash[key] = meta["file_hash"]
            chunk_ids[key].append(chunk_id)
        added = sorted(key for key in wanted if key not in indexed_hash)
        updated = sorted(key for key in wanted if key in indexed_hash and indexed_hash[key] != wanted[key].file_hash)
        removed = sorted(key for key in indexed_hash if key not in wanted)
        stale = [chunk for key in updated + removed for chunk in chunk_ids[key]]
        if stale:
            store.delete(ids=stale)
        fresh = [(doc, space.texts(doc)) for doc in (wanted[key] for key in added + updated)]
        if fresh:
            store.add_texts(
                texts=[text for _, texts in fresh for text in texts],
                metadatas=[
                    {"card_id": doc.card_id, "lang": doc.lang, "title": doc.title, "file_hash": doc.file_hash}
                    for doc, texts in fresh
                    for _ in texts
                ],
                ids=[f"{doc.key}:{n}" for doc, texts in fresh for n in range(len(texts))],
            )
        self._sizes[space.name] = self.collections[space.name].count()
        if not self.searchable(space):
            raise KnowledgeBaseError(
                f"the index in {self.index_dir} cannot be searched even after a rebuild: stop the bot, delete that "
                "folder and run `kb refresh`"
            )
        return added, updated, removed

    def use(self, kb: KnowledgeBase) -> None:
        """Serve `kb` (the cards the dense index already holds) with a matching keyword index."""
        self.lexical = LexicalIndex((doc.card_id, text) for doc in map(card_document, kb) for text in doc.texts)

    def search(self, question: str, k: int) -> list[Hit]:
        """The `k` best cards (dense + keyword ranks fused), or [] when the question is outside our scope."""
        return self.search_many([question], k)[0]

    def search_many(self, questions: Sequence[str], k: int) -> list[list[Hit]]:
        if not questions:
            return []
        questions = [plain(question) for question in questions]
        # One batch per model, shared by that model's collections: e5 embeds each question once, not per space.
        vectors: dict[int, list[list[float]]] = {}
        for space in self.spaces:
            if id(space.embeddings) not in vectors:
                vectors[id(space.embeddings)] = space.embeddings.embed_queries(list(questions))
        rankings = [self._dense(space, vectors[id(space.embeddings)]) for space in self.spaces]
        results = []
        for i, question in enumerate(questions):
            per_space = [ranking[i] for ranking in rankings]
            outside = [(ranking.pop(OUTSIDE, None), min(ranking.values(), default=0.0)) for ranking in per_space]
            if self._declines(per_space, outside):
                results.append([])
                continue
            lists = [list(ranking) for ranking in per_space] + [self.lexical.rank(question)]
            first = per_space[0]
            results.append([Hit(card_id, first.get(card_id, 0.0)) for card_id in fuse(lists)[:k]])
        return results

    def _declines(self, per_space: list[dict[str, float]], outside: list[tuple[float | None, float]]) -> bool:
        """Outside the coach's scope: no card close enough, or closer to the out-of-scope examples than to any
        card. With e5, the second test weighs both models' margins (a logistic fitted on dev, see DECLINE)."""
        use_best = max(per_space[0].values(), default=0.0)
        use_out = outside[0][0] or 0.0
        if use_best < self.threshold:
            return True
        if len(per_space) == 1:
            return use_out > use_best
        e5_best = max(per_space[1].values(), default=0.0)
        # An example beyond the nearest texts fetched is at most as close as the farthest one fetched.
        e5_out = outside[1][0] if outside[1][0] is not None else outside[1][1]
        w = DECLINE
        score = w[0] * use_best + w[1] * (use_out - use_best) + w[2] * e5_best + w[3] * (e5_out - e5_best) + w[4]
        return score > 0

    def _dense(self, space: Space, vectors: list[list[float]]) -> list[dict[str, float]]:
        """Per question, each card's best similarity in this space, best card first."""
        collection = self.collections[space.name]
        n = min(space.per_query, self._sizes.get(space.name) or collection.count())
        if n == 0:
            return [{} for _ in vectors]
        found = collection.query(query_embeddings=vectors, n_results=n, include=["distances"])
        rankings = []
        for ids, distances in zip(found["ids"], found["distances"], strict=True):
            best: dict[str, float] = {}
            for chunk_id, distance in zip(ids, distances, strict=True):
                # closest first: a card's first text is its best; ids are "<card id>:<lang>:<n>"
                best.setdefault(chunk_id.split(":", 1)[0], 1.0 - distance)
            rankings.append(best)
        return rankings

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
            "rankings": [space.name for space in self.spaces] + ["bm25"],
            "chunks": self.count(),
            "last_report": report.counts(),
        }
        tmp = self.index_dir / (STATE_FILE + ".tmp")
        tmp.write_text(json.dumps(state, indent=2))
        tmp.replace(self.index_dir / STATE_FILE)
