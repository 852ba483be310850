"""The persistent card index: Chroma on disk through LangChain, refreshed incrementally, searched hybrid."""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import math
import os
import re
import secrets
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

import numpy as np

from bot.advice.models import Hit
from bot.errors import KnowledgeBaseError
from bot.kb import Card, KnowledgeBase
from bot.kb.base import outside_hash
from bot.retrieval.classifier import CardClassifier
from bot.retrieval.embeddings import CachedEmbeddings, QueryThreads, USEEmbeddings, one_blas_thread
from bot.retrieval.lexical import LexicalIndex

if TYPE_CHECKING:
    import chromadb
    from langchain_chroma import Chroma

log = logging.getLogger(__name__)
STATE_FILE = "state.json"
# The collections' vectors as one file, written beside the state after each refresh that changed them (with embedded
# Chroma): a start that finds the state and this file in agreement ranks from it without importing chromadb (a
# third of a one-shot `ask`). Chroma remains the store; the file is only ever a copy of what it holds.
RANKING_FILE = "ranking.npz"
OUTSIDE = "~outside"  # pseudo card id of the out-of-scope examples
CHUNKS_PER_QUERY = 60
PASSAGES_PER_QUERY = 40
PROBE_RESULTS = 10
RRF_K = 60
# With e5, the fusion that ranked dev best (a grid over the weights and k, chosen on two dev files and checked
# on the third): BM25 counts double, e5's two rankings half, and k = 20 lets a first place weigh more.
# Pooled dev: hit@1 0.874 -> 0.887, hit@3 0.955 -> 0.972.
E5_FUSION = ((1.0, 0.5, 0.5, 2.0), 20)
# The learned card classifier's ranking (bot/retrieval/classifier.py), a fifth list when it is served: its weight
# beside E5_FUSION's, chosen on dev with each file held out in turn (2 and 3 tie at hit@1 ~0.918; 1: 0.904).
CLASSIFIER_WEIGHT = 3.0
CLASSIFIER_RESULTS = 40  # cards the classifier ranks per question, as many as e5 passages
START_WAIT = 0.002  # seconds a search waits for e5 to start in the worker (longer: it is busy with another)
MEMORY_AFTER = 2  # searches after which a process ranks in memory (a one-shot `ask` never loads the matrices)
MEMORY_PAGE = 512  # rows read from Chroma at a time when loading them: the rows come as Python floats first
NEIGHBOURS = 10  # nearest texts whose share of out-of-scope examples is a decline feature
# e5 is most of a warm answer's CPU. A question the fast rankings are sure of is ranked without it: USE and BM25 put
# the same card first, at a USE cosine of at least E5_SKIP[0] and at least E5_SKIP[1] closer than the nearest
# out-of-scope example, and no example is among USE's NEIGHBOURS nearest texts. Chosen on the first four dev files
# (652 questions): 244 are ranked so, none off-topic nor declined with e5; hit@1 on them 232 -> 235, hit@3 =. The
# blind dev5 (200), unseen, with the rule without its last condition: 52 ranked so, one of them off-topic and
# answered (a health insurer's refund), hit@1 -1 and hit@3 -1 question; with it, 43, none off-topic, hit@1 -1,
# hit@3 -1. They fuse USE and BM25 with e5's fusion weights for those two, and the decline without e5 (closer to a
# card than to every example) keeps them. None: always e5 (scripts/fit_ranking.py records every question so).
E5_SKIP: tuple[float, float] | None = (0.5, 0.15)
# Decline when this weighted sum of the features (see `decline_features`) plus the bias is positive: a logistic
# regression fitted by scripts/fit_ranking.py on the seven dev files (1170 questions, 292 off-topic), its cut folded
# into the bias where 1.5 % of dev's on-topic questions score above it. Five-fold out-of-fold on dev: off-topic
# 0.973 at 1.6 % false declines (the dev files' off-topic misses said which kinds of examples to write; dev7, 70
# off-topic at the scope's boundary, was 0.686 unseen with the six-file fit and its examples).
DECLINE_WEIGHTS = (0.744, 10.23, -36.552, 55.705, 3.322, 10.277, 2.678, -2.398)
DECLINE_BIAS = 35.544


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


# Chroma and numpy sum a cosine of float32 vectors in different orders: measured, up to 5e-7 apart. Scores equal to
# this many decimals are a tie, broken by id.
TIE_DECIMALS = 5
TIE_MARGIN = 16  # texts fetched past the cut, so that texts tied at the cut are ordered alike in both paths


def _cut(nearest: list[tuple[str, float]], n: int) -> list[tuple[str, float]]:
    """The `n` nearest texts, texts within the last float bits of each other ordered by card id: Chroma and numpy
    sum a cosine in different orders, and two texts tied at the cut would otherwise let a card in on one path only."""
    return sorted(nearest, key=lambda item: (round(item[1], TIE_DECIMALS), item[0]))[:n]


def fuse(rankings: Sequence[Sequence[str]], weights: Sequence[float] | None = None, k: int = RRF_K) -> list[str]:
    """Reciprocal rank fusion: a card ranked well by several rankings beats one ranked first by one."""
    fused: defaultdict[str, float] = defaultdict(float)
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings), strict=True):
        for rank, card_id in enumerate(ranking, 1):
            fused[card_id] += weight / (k + rank)
    # Two cards can tie (8th and 9th in one ranking, 9th and 8th in another): rounded, so that the order in which
    # the floats were summed cannot decide, and then by id, so that Chroma and the copy in memory rank alike.
    return sorted(fused, key=lambda card_id: (-round(fused[card_id], 12), card_id))


def fusion(lists: int, skipped: bool = False) -> tuple[tuple[float, ...] | None, int]:
    """Weights and k of the reciprocal rank fusion of `lists` rankings: with e5, E5_FUSION (and the classifier's
    CLASSIFIER_WEIGHT when it ranks too); a question ranked
    without e5 (`skipped`, USE and BM25) keeps those two rankings' weights in it; without e5, plain RRF."""
    weights, k = E5_FUSION
    if lists == len(weights):
        return weights, k
    if lists == len(weights) + 1:
        return (*weights, CLASSIFIER_WEIGHT), k
    if skipped:
        return (weights[0], weights[-1]), k
    return None, RRF_K


def chroma_client(index_dir: Path, chroma_url: str | None = None) -> chromadb.ClientAPI:
    """Chroma embedded in this process (files under `index_dir`, the default), or a Chroma server at
    `chroma_url` (http://host:port, started with `chroma run`) shared by every process that serves the bot."""
    import chromadb  # here, not at the top: a start that ranks from the ranking file never needs it
    from chromadb.config import Settings as ChromaSettings

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
class Dense:
    """One question in one dense ranking: each card's best similarity (best first), and the share of
    out-of-scope examples among the nearest texts."""

    best: dict[str, float]
    outside_share: float


def decline_features(
    per_space: list[dict[str, float]],
    outside: list[tuple[float | None, float]],
    shares: list[float],
    keyword_score: float,
) -> list[float]:
    """What the decline weighs (with e5): USE's best card and its margin to the nearest out-of-scope example,
    e5's the same on short texts, e5's best card passage, the share of examples among USE's and e5's nearest
    texts, and how strongly BM25 matches any card's words."""

    def nearest_example(i: int) -> float:
        # An example beyond the nearest texts fetched is at most as close as the farthest one fetched.
        return outside[i][0] if outside[i][0] is not None else outside[i][1]

    use_best = max(per_space[0].values(), default=0.0)
    e5_best = max(per_space[1].values(), default=0.0)
    passage_best = max(per_space[2].values(), default=0.0) if len(per_space) > 2 else e5_best
    return [
        use_best,
        nearest_example(0) - use_best,
        e5_best,
        nearest_example(1) - e5_best,
        passage_best,
        shares[0],
        shares[1],
        math.log1p(keyword_score),
    ]


@dataclass(frozen=True)
class Space:
    """One dense ranking: a Chroma collection (cosine space) of one model's vectors of some texts of each card."""

    name: str
    embeddings: USEEmbeddings | CachedEmbeddings
    texts: Callable[[Document], tuple[str, ...]]
    per_query: int  # nearest texts fetched per question
    outside: bool = False  # also holds the out-of-scope examples (the decline signal)


def _now(embed: Callable[[list[str]], list[list[float]]], texts: list[str]) -> Future[list[list[float]]]:
    future: Future[list[list[float]]] = Future()
    future.set_result(embed(texts))
    return future


class QueryVectors:
    """The questions of one ask, embedded once per model and text: started before the message is read
    (`CardIndex.embed_ahead`) and shared by every search of that ask (a follow-up is looked up twice)."""

    def __init__(self) -> None:
        self._started: dict[tuple[int, str], tuple[Future[list[list[float]]], int]] = {}
        self._lock = threading.Lock()
        # Per text, USE's ranking and BM25's (CardIndex._fast), for the ranking memory they were computed with.
        self.fast: dict[str, tuple[Dense, tuple[list[str], float]]] = {}
        self.fast_memory: object = None

    def start(
        self,
        model: USEEmbeddings | CachedEmbeddings,
        texts: Sequence[str],
        run: Callable[..., Future[list[list[float]]]] = _now,
    ) -> None:
        """Embed, in one batch run by `run` (an executor's submit; by default here and now), the texts that
        this model has not started yet."""
        with self._lock:
            missing = list(dict.fromkeys(text for text in texts if (id(model), text) not in self._started))
            if missing:
                future = run(model.embed_queries, missing)
                self._started.update(((id(model), text), (future, i)) for i, text in enumerate(missing))

    def get(self, model: USEEmbeddings | CachedEmbeddings, texts: Sequence[str]) -> list[list[float]]:
        """The texts' vectors (started before), waiting for them if they are still being embedded."""
        started = [self._started[(id(model), text)] for text in texts]
        return [future.result()[i] for future, i in started]


@dataclass(frozen=True)
class Matrix:
    """One collection's vectors in memory: card id per row, unit rows (Chroma's cosine normalises the same)."""

    cards: list[str]
    vectors: np.ndarray

    def nearest(self, questions: np.ndarray, n: int) -> list[list[tuple[str, float]]]:
        """Per question, the `n` nearest rows as (card id, cosine distance), nearest first: what Chroma's
        query returns, computed exactly instead of through its graph."""
        norms = np.linalg.norm(questions, axis=1, keepdims=True)
        distances = np.float32(1.0) - (questions / np.where(norms == 0, 1, norms)) @ self.vectors.T
        n = min(n, len(self.cards))
        nearest = []
        for row in distances:
            top = np.argpartition(row, n - 1)[:n] if n < len(row) else np.arange(len(row))
            top = top[np.argsort(row[top], kind="stable")]
            nearest.append([(self.cards[i], float(row[i])) for i in top])
        return nearest


class CardIndex:
    """Cards in Chroma, one collection per dense ranking, refreshed together, searched hybrid.

    USE over the short texts (title and summary, questions, search phrases) gives the first ranking and the
    decline signal; with `e5`, multilingual-e5-small over the same short texts and over each card's passage
    gives two more; a stemmed BM25 over the short texts gives the keyword ranking. All are fused by
    reciprocal rank: each model misses different questions.

    Chroma stores the vectors; a process that answers more than one question ranks with a copy of each
    collection in memory (a few MB, read after each refresh, replaced in one assignment): a matrix product
    over ~2,800 texts costs less than three Chroma queries, and the e5 rankings wait for nothing but e5.

    With embedded Chroma, each refresh that changes the index also writes that copy to RANKING_FILE, and the
    state file names it. With `quick_start`, the first refresh of an index that already holds the cards trusts
    that file when the state names it: it ranks from the file at once and opens Chroma only if something asks
    for it (a later refresh, a count). An explicit refresh (`kb refresh`) checks Chroma itself.
    """

    def __init__(
        self,
        index_dir: Path,
        embeddings: USEEmbeddings,
        threshold: float = 0.2,
        e5: CachedEmbeddings | None = None,
        chroma_url: str | None = None,
        quick_start: bool = False,
        classifier: CardClassifier | None = None,
    ) -> None:
        index_dir.mkdir(parents=True, exist_ok=True)
        self.index_dir = index_dir  # the index itself with embedded Chroma; state.json either way
        self.chroma_url = chroma_url
        self.embeddings = embeddings
        self.threshold = threshold
        self.collection_name = f"cards-{embeddings.model_name}"
        self.lexical = LexicalIndex([])
        self.has_examples = False  # whether the served knowledge base has out-of-scope examples
        self.e5 = e5
        self.classifier = classifier if e5 is not None else None  # it reads e5's vector of the question
        self._classifying: frozenset[str] = frozenset()  # the served cards it ranks: all or none (see `use`)
        self.spaces = [Space(self.collection_name, embeddings, lambda doc: doc.texts, CHUNKS_PER_QUERY, outside=True)]
        if e5 is not None:
            self.spaces += [
                Space(f"cards-{e5.model_name}", e5, lambda doc: doc.texts, CHUNKS_PER_QUERY, outside=True),
                Space(f"passages-{e5.model_name}", e5, lambda doc: (doc.passage,), PASSAGES_PER_QUERY),
            ]
        self.quick_start = quick_start and chroma_url is None  # a server may change under this state file
        self._client: chromadb.ClientAPI | None = None
        self._client_lock = threading.RLock()
        self._executor: ThreadPoolExecutor | None = None  # embeds questions with the second model
        self._executor_lock = threading.Lock()
        self._query_threads = QueryThreads()
        self._memory: dict[str, Matrix] | None = None  # per collection, once MEMORY_AFTER searches ran
        self._memory_lock = threading.Lock()
        self._searches = 0
        self._served: str | None = None  # the version of the cards `use` was given
        self.stores: dict[str, Chroma] = {}  # LangChain's stores, opened when a refresh writes
        self._sizes: dict[str, int] = {}  # texts per collection, read once per refresh instead of per question
        self._collections: dict[str, chromadb.Collection] = {}
        if chroma_url is not None:
            self._open()  # a server that does not answer is said at once

    @property
    def client(self) -> chromadb.ClientAPI:
        """Chroma, opened (and its collections created if new) the first time something needs it."""
        return self._open()

    @property
    def collections(self) -> dict[str, chromadb.Collection]:
        self._open()
        return self._collections

    @property
    def collection(self) -> chromadb.Collection:
        """The first (USE) ranking's collection."""
        return self.collections[self.collection_name]

    def _open(self) -> chromadb.ClientAPI:
        if self._client is None:
            with self._client_lock:
                if self._client is None:
                    client = chroma_client(self.index_dir, self.chroma_url)
                    for space in self.spaces:
                        self._open_collection(space, client)
                    self._client = client
        return self._client

    @property
    def chroma_opened(self) -> bool:
        """Whether this process has opened Chroma (a quick start that ranks from the ranking file has not)."""
        return self._client is not None

    def close(self) -> None:
        """Release this process's Chroma system for the folder, if it was opened."""
        with self._client_lock:
            if self._client is not None:
                self._client.close()

    def _open_collection(self, space: Space, client: chromadb.ClientAPI | None = None) -> None:
        # Searching and reading go to the collection itself; LangChain's store (its import alone takes
        # ~0.5 s of a 3 s cold start) is opened only when a refresh has texts to embed and add.
        # No embedding function: Chroma's default one would download a model.
        client = client or self.client
        client.get_or_create_collection(
            space.name,
            metadata={"embedding_model": space.embeddings.model_name},
            configuration={"hnsw": {"space": "cosine"}},
            embedding_function=None,
        )
        self.stores.pop(space.name, None)
        # The hot path queries the same collections for ids and distances only: card ids are in the chunk ids,
        # and skipping LangChain's Document building and Chroma's metadata fetch halves the query (5.3 -> 2.1 ms).
        self._collections[space.name] = client.get_collection(space.name, embedding_function=None)

    def _store(self, space: Space) -> Chroma:
        """LangChain's vector store over `space`'s collection, embedding with `space`'s model."""
        if space.name not in self.stores:
            from langchain_chroma import Chroma

            self.stores[space.name] = Chroma(
                collection_name=space.name,
                embedding_function=space.embeddings,
                client=self.client,
                collection_metadata={"embedding_model": space.embeddings.model_name},
                collection_configuration={"hnsw": {"space": "cosine"}},
            )
        return self.stores[space.name]

    @property
    def store(self) -> Chroma:
        """The first (USE) ranking's LangChain store."""
        return self._store(self.spaces[0])

    def embedded_texts(self, kb: KnowledgeBase, embeddings: object) -> list[str]:
        """Every text of `kb` that `embeddings` embeds for this index's rankings, each once, in a stable order."""
        docs = documents(kb)
        texts = [
            text
            for space in self.spaces
            if space.embeddings is embeddings
            for doc in docs.values()
            if space.outside or doc.card_id != OUTSIDE
            for text in space.texts(doc)
        ]
        return list(dict.fromkeys(texts))

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
            # A stored vector as the probe: no model needed, so the check does not wait for one to load.
            sample = collection.get(limit=1, include=["embeddings"])["embeddings"]
            if sample is None or len(sample) == 0:
                return False
            found = collection.query(query_embeddings=[sample[0]], n_results=expected, include=["distances"])
        except Exception:  # Chroma reports a damaged segment as an internal error
            return False
        return len(found["ids"][0]) == expected

    def refresh(self, kb: KnowledgeBase) -> RefreshReport:
        """Make the index match `kb`: embed only new or edited cards, drop removed ones, never duplicate.

        Each collection is brought up to date on its own terms, so one left behind (a model added to an
        existing index, an interrupted refresh) catches up; the report counts the first one's changes.
        When the index already holds this knowledge base (every start but the first), nothing is read but
        the collections' sizes and one probe each, and nothing is written (with `quick_start`, the first time,
        only the state and the ranking file are read)."""
        started = time.perf_counter()
        quick, self.quick_start = self.quick_start, False
        held = self._holds_ranking(kb) if quick else None
        if held is not None:
            with self._memory_lock:
                self._memory = held
        if held is not None or self._holds(kb):
            self.use(kb, held)
            return RefreshReport(
                unchanged=sum(1 for _ in kb), seconds=time.perf_counter() - started, kb_version=kb.version
            )
        wanted = documents(kb)
        diffs = [self._refresh_space(space, wanted) for space in self.spaces]
        added, updated, removed = diffs[0]
        # Embedded, the vectors are read back now to be written as the ranking file, before the state that names it.
        memory = self._read_memory() if self.chroma_url is None else None
        token = self._write_ranking(memory, kb.version) if memory is not None else None
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
        self._write_state(report, token)
        self.use(kb, memory)
        return report

    def _holds(self, kb: KnowledgeBase) -> bool:
        """Whether the last complete refresh (its state file) was of `kb`, with these rankings, and every
        collection still holds the texts it held then and can be searched. The state is written only after
        every collection is up to date, so an interrupted refresh, another model or other cards fail this."""
        state = self.state()
        sizes = state.get("sizes")
        if state.get("kb_version") != kb.version or state.get("rankings") != self._rankings():
            return False
        if not isinstance(sizes, dict):
            return False
        for space in self.spaces:
            size = self.collections[space.name].count()
            if sizes.get(space.name) != size or not self.searchable(space):
                return False
            self._sizes[space.name] = size
        if self.chroma_url is None and self._read_ranking(kb.version, state) is None:
            # An index written before the ranking file existed, or a file lost: written once, from Chroma.
            token = self._write_ranking(self._read_memory(), kb.version)
            if token is not None:
                self._write_state_fields({**state, "ranking": token})
        return True

    def _holds_ranking(self, kb: KnowledgeBase) -> dict[str, Matrix] | None:
        """The ranking file's matrices if the state says the last complete refresh was of `kb` with these
        rankings and the file it names holds as many texts per collection as the state recorded; else None.
        Searches then rank from them, and Chroma is not opened (an explicit refresh checks it: see `_holds`)."""
        state = self.state()
        sizes = state.get("sizes")
        if state.get("kb_version") != kb.version or state.get("rankings") != self._rankings():
            return None
        memory = self._read_ranking(kb.version, state)
        if memory is None or not isinstance(sizes, dict):
            return None
        if any(sizes.get(name) != len(matrix.cards) for name, matrix in memory.items()):
            return None
        self._sizes = {name: len(matrix.cards) for name, matrix in memory.items()}
        return memory

    def _ranking_path(self) -> Path:
        return self.index_dir / RANKING_FILE

    def _write_ranking(self, memory: dict[str, Matrix], kb_version: str) -> str | None:
        """Write `memory` as the ranking file (atomically); returns the token the state names it by, None if the
        folder is not writable (then starts open Chroma as before)."""
        token = secrets.token_hex(8)
        arrays: dict[str, np.ndarray] = {
            "token": np.array(token),
            "kb_version": np.array(kb_version),
            "names": np.array([space.name for space in self.spaces]),
        }
        for i, space in enumerate(self.spaces):
            matrix = memory[space.name]
            arrays[f"cards{i}"] = np.array(matrix.cards, dtype=str)
            arrays[f"vectors{i}"] = matrix.vectors
        path = self._ranking_path()
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.{threading.get_ident()}.tmp.npz")
        try:
            np.savez(tmp, **arrays)  # not compressed: read in ~10 ms
            tmp.replace(path)
        except OSError as exc:
            log.warning("could not write the ranking file: %s", exc)
            tmp.unlink(missing_ok=True)
            return None
        return token

    def _read_ranking(self, kb_version: str, state: dict[str, object]) -> dict[str, Matrix] | None:
        """The ranking file's matrices if it is the one `state` names, for `kb_version` and these rankings;
        else None (absent, stale, damaged or planted: Chroma is read instead)."""
        token = state.get("ranking")
        path = self._ranking_path()
        if not isinstance(token, str) or not path.exists():
            return None
        try:
            with np.load(path, allow_pickle=False) as data:
                if str(data["token"]) != token or str(data["kb_version"]) != kb_version:
                    return None
                if data["names"].tolist() != [space.name for space in self.spaces]:
                    return None
                memory = {}
                for i, space in enumerate(self.spaces):
                    cards = [str(card) for card in data[f"cards{i}"].tolist()]
                    vectors = np.asarray(data[f"vectors{i}"], dtype=np.float32)
                    if vectors.ndim != 2 or len(vectors) != len(cards) or not np.isfinite(vectors).all():
                        return None
                    memory[space.name] = Matrix(cards, vectors)
        except Exception:  # a damaged file costs one read of Chroma, never a wrong ranking
            log.warning("ranking file %s unusable; reading the index instead", path)
            return None
        return memory

    def _rankings(self) -> list[str]:
        return [space.name for space in self.spaces] + ["bm25"]

    def _refresh_space(self, space: Space, documents: dict[str, Document]) -> tuple[list[str], list[str], list[str]]:
        if not self.searchable(space):
            log.warning("index %s: stored chunks of %s cannot be searched; rebuilding them", self.index_dir, space.name)
            self.client.delete_collection(space.name)
            self._open_collection(space)
        collection = self.collections[space.name]
        wanted = {key: doc for key, doc in documents.items() if space.outside or doc.card_id != OUTSIDE}
        stored = collection.get(include=["metadatas"])
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
            collection.delete(ids=stale)
        fresh = [(doc, space.texts(doc)) for doc in (wanted[key] for key in added + updated)]
        if fresh:
            self._store(space).add_texts(
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

    def use(self, kb: KnowledgeBase, memory: dict[str, Matrix] | None = None) -> None:
        """Serve `kb` (the cards the dense index already holds) with a matching keyword index; `memory`: the
        collections' vectors if the caller just read them."""
        self.has_examples = any(kb.outside.values())
        self._classifying = self._classified(kb)
        self.lexical = LexicalIndex((doc.card_id, text) for doc in map(card_document, kb) for text in doc.texts)
        self._served = kb.version
        if self._memory is not None:  # ranking in memory already: the new vectors are read now, off the hot path
            self._memory = memory or self._load_memory()

    def _classified(self, kb: KnowledgeBase) -> frozenset[str]:
        """The cards the classifier ranks for `kb`: every one when it was fitted on exactly `kb`'s cards, else none.
        Fitted on other cards, it would push its own toward the top and never a card it has not learned."""
        if self.classifier is None:
            return frozenset()
        served = frozenset(card.id for card in kb)
        fitted = self.classifier.cards(OUTSIDE)
        if served != fitted:
            log.warning(
                "the card classifier was fitted on other cards (%d new, %d gone): ranking without it until "
                "`make classifier` fits it again",
                len(served - fitted),
                len(fitted - served),
            )
            return frozenset()
        return served

    def _load_memory(self) -> dict[str, Matrix]:
        """The collections' vectors: from the ranking file when the state names it for the served cards, else
        from Chroma."""
        if self.chroma_url is None and self._served is not None:
            memory = self._read_ranking(self._served, self.state())
            if memory is not None:
                return memory
        return self._read_memory()

    def _read_memory(self) -> dict[str, Matrix]:
        """Every collection's vectors, read from Chroma in pages (each row comes as Python floats first)."""
        one_blas_thread()
        memory = {}
        for space in self.spaces:
            collection = self.collections[space.name]
            cards: list[str] = []
            pages: list[np.ndarray] = []
            while True:
                page = collection.get(include=["embeddings"], limit=MEMORY_PAGE, offset=len(cards))
                if not page["ids"]:
                    break
                cards += [chunk_id.split(":", 1)[0] for chunk_id in page["ids"]]  # "<card id>:<lang>:<n>"
                pages.append(np.asarray(page["embeddings"], dtype=np.float32))
            vectors = np.concatenate(pages) if pages else np.zeros((0, 1), dtype=np.float32)
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            memory[space.name] = Matrix(cards, vectors / np.where(norms == 0, 1, norms))
        return memory

    def search(self, question: str, k: int) -> list[Hit]:
        """The `k` best cards (dense + keyword ranks fused), or [] when the question is outside our scope."""
        return self.search_many([question], k)[0]

    def embed_ahead(self, questions: Sequence[str]) -> QueryVectors:
        """Start embedding `questions` with the models that embed in the worker thread (e5, most of an answer's
        time), so that reading the message runs meanwhile; pass the result to `search_many`. USE and BM25 rank
        them first, here (about 4 ms): a question they are sure of (`_sure`) is never sent to e5."""
        vectors = QueryVectors()
        texts = [plain(question) for question in questions]
        models = self._models()
        if len(models) > 1:
            fast = self._fast(texts, vectors, self._memory)
            sure = [self._sure(use, keywords) for use, (keywords, _) in fast]
            texts = [text for text, is_sure in zip(texts, sure, strict=True) if not is_sure]
        for model in models[1:]:
            vectors.start(model, texts, self._in_worker)
        return vectors

    def search_many(self, questions: Sequence[str], k: int, vectors: QueryVectors | None = None) -> list[list[Hit]]:
        """`search` for several questions at once; `vectors` (from `embed_ahead`) holds the ones started."""
        if not questions:
            return []
        questions = [plain(question) for question in questions]
        memory = self._ranking_memory()
        # One batch per model, shared by that model's collections: e5 embeds each question once, not per space,
        # in a worker thread (C, called through ctypes, which releases the GIL), and only the questions that USE
        # and BM25 are not sure of.
        vectors = vectors or QueryVectors()
        models = self._models()
        fast = self._fast(questions, vectors, memory)
        sure = [len(models) > 1 and self._sure(use, keywords) for use, (keywords, _) in fast]
        unsure = [question for question, is_sure in zip(questions, sure, strict=True) if not is_sure]
        for model in models[1:]:
            vectors.start(model, unsure, self._in_worker)
        slow = [
            self._dense(space, vectors.get(space.embeddings, unsure), memory) for space in self.spaces[1:] if unsure
        ]
        learned = self._classify(unsure, vectors) if unsure and slow else []
        results = []
        slow_rows = iter(range(len(unsure)))
        for (use, (keywords, keyword_score)), is_sure in zip(fast, sure, strict=True):
            dense, classified = [use], None
            if not is_sure and slow:
                row = next(slow_rows)
                dense += [ranking[row] for ranking in slow]
                classified = learned[row] if learned else None
            per_space = [dict(ranking.best) for ranking in dense]  # copies: the ask's other searches reuse USE's
            outside = [(ranking.pop(OUTSIDE, None), min(ranking.values(), default=0.0)) for ranking in per_space]
            shares = [ranking.outside_share for ranking in dense]
            if self._declines(per_space, outside, shares, keyword_score):
                results.append([])
                continue
            lists = [list(ranking) for ranking in per_space] + [keywords]
            if classified is not None:
                lists.append(classified)
            weights, rrf_k = fusion(len(lists), skipped=is_sure)
            first = per_space[0]
            results.append([Hit(card_id, first.get(card_id, 0.0)) for card_id in fuse(lists, weights, rrf_k)[:k]])
        return results

    def _fast(
        self, questions: list[str], vectors: QueryVectors, memory: dict[str, Matrix] | None
    ) -> list[tuple[Dense, tuple[list[str], float]]]:
        """USE's ranking (embedded here and now) and BM25's of each question, computed once per ask and ranking
        memory (`embed_ahead` and the ask's searches share them)."""
        if vectors.fast_memory is not memory:
            vectors.fast.clear()
            vectors.fast_memory = memory
        todo = [question for question in dict.fromkeys(questions) if question not in vectors.fast]
        if todo:
            use = self.spaces[0].embeddings
            vectors.start(use, todo)
            dense = self._dense(self.spaces[0], vectors.get(use, todo), memory)
            for question, ranking in zip(todo, dense, strict=True):
                vectors.fast[question] = (ranking, self.lexical.rank_scored(question))
        return [vectors.fast[question] for question in questions]

    def _classify(self, questions: list[str], vectors: QueryVectors) -> list[list[str]]:
        """The classifier's ranking of each question, from the USE and e5 vectors the other rankings used."""
        if not self._classifying or self.classifier is None or self.e5 is None:
            return []
        use = np.asarray(vectors.get(self.spaces[0].embeddings, questions), dtype=np.float32)
        e5 = np.asarray(vectors.get(self.e5, questions), dtype=np.float32)
        return self.classifier.rank(use, e5, self._classifying, CLASSIFIER_RESULTS)

    def _sure(self, use: Dense, keywords: list[str]) -> bool:
        """Whether USE and BM25 are sure enough of a question to rank it without e5 (see E5_SKIP)."""
        if E5_SKIP is None or not self.has_examples or not keywords:
            return False
        cards = [card_id for card_id in use.best if card_id != OUTSIDE]
        if not cards or cards[0] != keywords[0]:
            return False
        score = use.best[cards[0]]
        example = use.best.get(OUTSIDE, min(use.best.values()))  # beyond the texts fetched: at most the farthest
        return score >= E5_SKIP[0] and score - example >= E5_SKIP[1] and use.outside_share == 0

    def _models(self) -> list[USEEmbeddings | CachedEmbeddings]:
        """Each model once, USE first: it embeds in the calling thread, the others in the worker."""
        return list({id(space.embeddings): space.embeddings for space in self.spaces}.values())

    @property
    def in_memory(self) -> bool:
        """Whether searches rank with the collections' copy in memory (else with Chroma's queries)."""
        return self._memory is not None

    def _ranking_memory(self) -> dict[str, Matrix] | None:
        """The collections in memory, read at the MEMORY_AFTER-th search (then again by each refresh, in `use`);
        None before: a one-shot `ask` answers from Chroma rather than read every vector for one question."""
        with self._memory_lock:
            self._searches += 1
            if self._memory is None and self._searches >= MEMORY_AFTER:
                self._memory = self._load_memory()
            return self._memory

    def _worker(self) -> ThreadPoolExecutor:
        if self._executor is None:
            with self._executor_lock:
                if self._executor is None:
                    self._executor = ThreadPoolExecutor(1, "query-embeddings")
        return self._executor

    def _in_worker(
        self, embed: Callable[[list[str]], list[list[float]]], texts: list[str]
    ) -> Future[list[list[float]]]:
        """Embed `texts` in the worker thread, with as many threads as the machine has idle (QueryThreads).

        Returns once the worker holds the GIL on its way into e5 (or after START_WAIT): the caller goes on with
        Python code, and a thread waiting for the GIL gets it only when the holder's 5 ms switch interval runs
        out, so e5 started a few milliseconds late (p50 4.9 ms after the ask began, measured)."""
        started = threading.Event()

        def run() -> list[list[float]]:
            self._query_threads.adjust()
            started.set()  # from here to the C call, which releases the GIL, this thread keeps it
            return embed(texts)

        future = self._worker().submit(run)
        started.wait(START_WAIT)
        return future

    def _declines(
        self,
        per_space: list[dict[str, float]],
        outside: list[tuple[float | None, float]],
        shares: list[float],
        keyword_score: float,
    ) -> bool:
        """Outside the coach's scope: no card close enough, or, weighing how close the question is to the cards
        and to the out-of-scope examples in every ranking (a logistic fitted on dev, see DECLINE_WEIGHTS),
        closer to those examples. Without e5, closer to an example than to any card."""
        use_best = max(per_space[0].values(), default=0.0)
        use_out = outside[0][0] or 0.0
        if use_best < self.threshold:
            return True
        if not self.has_examples:  # a knowledge base without out-of-scope examples: nothing to be closer to
            return False
        if len(per_space) == 1:
            return use_out > use_best
        features = decline_features(per_space, outside, shares, keyword_score)
        return sum(w * x for w, x in zip(DECLINE_WEIGHTS, features, strict=True)) + DECLINE_BIAS > 0

    def _dense(self, space: Space, vectors: list[list[float]], memory: dict[str, Matrix] | None) -> list[Dense]:
        """Per question, each card's best similarity in this space, best card first."""
        if memory is not None:
            matrix = memory[space.name]
            n = min(space.per_query, len(matrix.cards))
            wider = (
                matrix.nearest(np.asarray(vectors, dtype=np.float32), n + TIE_MARGIN) if n else [[] for _ in vectors]
            )
            found = [_cut(nearest, n) for nearest in wider]
        else:
            collection = self.collections[space.name]
            size = self._sizes.get(space.name) or collection.count()
            n = min(space.per_query, size)
            if n == 0:
                return [Dense({}, 0.0) for _ in vectors]
            # Asked for every text, Chroma's graph search is exact (asked for 60, it missed some of the 60 nearest
            # for a quarter of the dev questions): the same ranking as in memory, for ~15 ms more per collection.
            got = collection.query(query_embeddings=vectors, n_results=size, include=["distances"])
            # Chunk ids are "<card id>:<lang>:<n>".
            # Chroma returns them nearest first: as in memory, the texts just past the cut are kept to break ties on.
            found = [
                _cut(
                    [(chunk_id.split(":", 1)[0], d) for chunk_id, d in zip(ids[: n + TIE_MARGIN], ds, strict=False)], n
                )
                for ids, ds in zip(got["ids"], got["distances"], strict=True)
            ]
        rankings = []
        for nearest in found:
            best: dict[str, float] = {}
            for card_id, distance in nearest:
                best.setdefault(card_id, 1.0 - distance)  # closest first: a card's first text is its best
            # Chroma and numpy sum a cosine in different orders: two cards within the last float bits of each
            # other are a tie, broken by id, or the same question would rank them apart in the two paths.
            best = dict(sorted(best.items(), key=lambda item: (-round(item[1], TIE_DECIMALS), item[0])))
            cards = [card_id for card_id, _ in nearest[:NEIGHBOURS]]
            rankings.append(Dense(best, cards.count(OUTSIDE) / NEIGHBOURS))
        return rankings

    def count(self) -> int:
        """Stored chunks (several per card and language)."""
        return self.collection.count()

    def stored_keys(self) -> list[str]:
        """The `<card id>:<lang>` documents the index holds."""
        metas = self.collection.get(include=["metadatas"])["metadatas"]
        return sorted({f"{meta['card_id']}:{meta['lang']}" for meta in metas})

    def state(self) -> dict[str, object]:
        path = self.index_dir / STATE_FILE
        try:
            state = json.loads(path.read_text()) if path.exists() else {}
        except (OSError, ValueError):  # unreadable: the next refresh compares the collections and rewrites it
            return {}
        return state if isinstance(state, dict) else {}

    def _write_state(self, report: RefreshReport, ranking: str | None = None) -> None:
        state = {
            "kb_version": report.kb_version,
            "refreshed_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "embedding_model": self.embeddings.model_name,
            "rankings": self._rankings(),
            "chunks": self.count(),
            "sizes": {space.name: self._sizes[space.name] for space in self.spaces},
            "last_report": report.counts(),
        }
        if ranking is not None:
            state["ranking"] = ranking  # the token of the ranking file written with this refresh
        self._write_state_fields(state)

    def _write_state_fields(self, state: dict[str, object]) -> None:
        tmp = self.index_dir / (STATE_FILE + ".tmp")
        tmp.write_text(json.dumps(state, indent=2))
        tmp.replace(self.index_dir / STATE_FILE)
