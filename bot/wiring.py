"""The composition root: every entry point (Telegram, the command line, the terminal chat, tests) gets its
services from `build_services`, built once from Settings."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from functools import cached_property

from bot.advice import AdviceEngine
from bot.advice.rewriting import Rewriter
from bot.config import Settings
from bot.errors import CardError
from bot.kb import KnowledgeBase, load_knowledge
from bot.kb.base import load_valid_cards
from bot.kb.changes import ChangeLog, KnowledgeChanges
from bot.offers import OfferEvaluator
from bot.offers.classify import ClauseClassifier, load_clauses
from bot.offers.reading import OfferReader
from bot.retrieval.classifier import shipped as shipped_classifier
from bot.retrieval.embeddings import CachedEmbeddings, E5Embeddings, USEEmbeddings
from bot.retrieval.index import STATE_FILE, CardIndex, RefreshReport
from bot.storage import Database
from bot.storage.rates import SharedRates, SharedThrottle
from bot.telegram.batcher import AskBatcher
from bot.telegram.throttle import Throttle

log = logging.getLogger(__name__)


@dataclass(eq=False)
class Services:
    """The engine with the index behind it, the knowledge-base change service, the database, the per-user
    throttle and the question batcher. `knowledge.refresh()` swaps in new cards only once they are indexed."""

    settings: Settings
    index: CardIndex
    engine: AdviceEngine
    db: Database = field(init=False)
    throttle: Throttle | SharedThrottle = field(init=False)
    batcher: AskBatcher = field(init=False)
    knowledge: KnowledgeChanges[RefreshReport] = field(init=False)

    def __post_init__(self) -> None:
        self.db = Database(self.settings.database_location)
        if self.settings.database_url is not None:
            self.db.local_change_log = self.settings.database_path
        self.rates: SharedRates | None = None
        self.throttle: Throttle | SharedThrottle = Throttle(self.settings.user_rate_per_minute)
        if self.settings.database_url is not None:  # several workers: one limit for all of them
            self.rates = SharedRates(self.settings.database_url.get_secret_value())
            self.throttle = SharedThrottle(self.rates, self.settings.user_rate_per_minute)
        self.batcher = AskBatcher(self.engine)
        self.knowledge = KnowledgeChanges(
            self.settings.knowledge_dir,
            self.settings.data_dir / "kb.lock",
            ChangeLog(self.settings.database_path),
            self._refresh,
        )
        self._index_stamp = self._stamp()

    async def open(self) -> None:
        await self.db.open()
        if self.rates is not None:
            await self.rates.open()

    async def close(self) -> None:
        await self.batcher.close()
        await self.db.close()
        if self.rates is not None:
            await self.rates.close()

    offer_reader: OfferReader | None = None

    @cached_property
    def offers(self) -> OfferEvaluator:
        examples = load_clauses(self.settings.knowledge_dir / "clauses")
        classifier = ClauseClassifier(examples, self.index.embeddings.embed_documents)
        return OfferEvaluator(
            lambda: self.engine.kb, similarity=self.similarity, classifier=classifier, reader=self.offer_reader
        )

    def similarity(self, text: str, others: list[str]) -> float:
        """The best cosine similarity between `text` and one of `others` (one embedding batch; unit vectors)."""
        first, *rest = self.index.embeddings.embed_documents([text, *others])
        return max(sum(x * y for x, y in zip(first, vector, strict=True)) for vector in rest)

    @property
    def kb(self) -> KnowledgeBase:
        return self.engine.kb

    def behind(self) -> bool:
        """Whether another process (another worker, `kb add`) indexed other cards than the ones served here.
        The version, not the file's time: a no-op refresh elsewhere rewrites the state without changing it."""
        version = self.index.state().get("kb_version")
        return bool(version) and version != self.engine.kb.version

    def catch_up(self) -> RefreshReport | None:
        """Serve what another process indexed (blocking: run it in a thread); None if nothing changed."""
        return self.knowledge.refresh() if self.behind() else None

    def _stamp(self) -> int | None:
        path = self.settings.index_dir / STATE_FILE
        return path.stat().st_mtime_ns if path.exists() else None

    def _refresh(self) -> RefreshReport:
        """Re-read the cards and update the index (called under the knowledge base's lock); a malformed card
        raises CardError and changes nothing."""
        kb = load_knowledge(self.settings.knowledge_dir)
        served = self.engine.kb
        elsewhere = self._stamp() != self._index_stamp
        if elsewhere and self.settings.chroma_url is None:
            # (A Chroma server always answers with what was last written: nothing to reopen.)
            # Another process (the command line beside the bot) wrote the index: Chroma keeps the vectors it
            # loaded in memory and would never see the new ones (measured: a card added by `kb add` stayed
            # unfindable until a restart), so the index is opened again from disk.
            self._reopen_index()
        report = self.index.refresh(kb)
        self.engine.kb = kb
        self._index_stamp = self._stamp()
        return served_changes(served, kb, report) if elsewhere else report

    def _reopen_index(self) -> None:
        self.index.close()  # releases this process's Chroma system for the folder
        self.index = CardIndex(
            self.settings.index_dir,
            self.index.embeddings,
            self.settings.relevance_threshold,
            e5=self.index.e5,
            chroma_url=self.settings.chroma_url,
        )
        self.engine.retriever = self.index


def served_changes(before: KnowledgeBase, after: KnowledgeBase, report: RefreshReport) -> RefreshReport:
    """What changed for the people this process serves: the cards another process indexed count as added."""
    old = {f"{card.id}:{card.language}": card.file_hash for card in before}
    new = {f"{card.id}:{card.language}": card.file_hash for card in after}
    return RefreshReport(
        added=sorted(new.keys() - old.keys()),
        updated=sorted(key for key in new.keys() & old.keys() if new[key] != old[key]),
        removed=sorted(old.keys() - new.keys()),
        unchanged=sum(1 for key in new.keys() & old.keys() if new[key] == old[key]),
        seconds=report.seconds,
        kb_version=report.kb_version,
    )


def build_services(settings: Settings, refresh: bool = True) -> Services:
    """Open the index and the cards; with `refresh`, bring the index up to date first (a fresh DATA_DIR works).
    Changes a killed process left unfinished are finished first, under the knowledge base's lock."""
    embeddings = USEEmbeddings(cache_dir=settings.cache_dir)
    # The vectors shipped beside the cards: a new install's first index build embeds only what they lack.
    shipped = settings.knowledge_dir / "vectors"
    e5 = CachedEmbeddings(E5Embeddings(), settings.cache_dir, shipped) if settings.e5_ranking else None
    classifier = shipped_classifier(settings.knowledge_dir, embeddings, e5.inner) if e5 else None
    # The models take about a second to load: let them load while Chroma opens and the cards are read.
    models = [embeddings, *([e5] if e5 else [])]
    warm_up = threading.Thread(target=lambda: [model.warm_up() for model in models], name="load-embeddings")
    warm_up.start()
    # A start on an index that holds the cards ranks from its ranking file, without opening Chroma.
    index = CardIndex(
        settings.index_dir,
        embeddings,
        settings.relevance_threshold,
        e5=e5,
        chroma_url=settings.chroma_url,
        quick_start=refresh,
        classifier=classifier,
    )
    # With `refresh`, the cards are read once, by the refresh itself; meanwhile the engine holds none.
    kb = KnowledgeBase({}) if refresh else load_valid_cards(settings.knowledge_dir)
    services = Services(settings, index, AdviceEngine(kb, index))
    served = not refresh
    if refresh:
        try:
            report = services.knowledge.refresh()
        except CardError as exc:
            # Serve what is valid with the index as it was; `kb check` tells the curators what to fix.
            log.error("knowledge base not refreshed: %s", exc)
        else:
            served = True
            if report.changed:
                log.info("index refreshed: %s", report.counts())
    else:
        services.knowledge.recover()
        services.index.use(kb)
    if not served:
        services.engine.kb = load_valid_cards(settings.knowledge_dir)
        services.index.use(services.engine.kb)
    warm_up.join()
    services.engine.rewriter, services.offer_reader = language_model(settings)
    return services


def language_model(settings: Settings) -> tuple[Rewriter | None, OfferReader | None]:
    """The optional model's two roles, or (None, None): offline, today's behaviour."""
    if not settings.llm_model:
        return None, None
    from bot.llm.model import build_chat_model

    model = build_chat_model(settings)
    if model is None:
        return None, None
    from bot.llm.answers import ModelRewriter
    from bot.llm.offers import ModelOfferReader

    return ModelRewriter(model, settings.llm_timeout), ModelOfferReader(model, settings.llm_timeout)
