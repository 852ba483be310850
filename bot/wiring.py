"""The composition root: builds the coach's services once from Settings."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from bot.advice import AdviceEngine
from bot.advice.rewriting import Rewriter
from bot.config import Settings
from bot.errors import CardError, CoachError
from bot.kb import KnowledgeBase, load_knowledge
from bot.kb.admin import Upload, checked_card_path, remove_card, restore, write_atomically
from bot.kb.base import load_valid_cards
from bot.offers import OfferEvaluator
from bot.offers.classify import ClauseClassifier, load_clauses
from bot.offers.reading import OfferReader
from bot.retrieval.embeddings import CachedEmbeddings, E5Embeddings, USEEmbeddings
from bot.retrieval.index import CardIndex, RefreshReport

log = logging.getLogger(__name__)


@dataclass
class Coach:
    """The engine with the index behind it; `refresh()` swaps in new cards only once they are indexed."""

    settings: Settings
    index: CardIndex
    engine: AdviceEngine

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

    def apply_upload(self, upload: Upload) -> tuple[RefreshReport, str | None]:
        """Write an uploaded card and index it; if the index cannot take it, the file goes back as it was."""
        previous = write_atomically(upload.target, upload.text)
        try:
            return self.refresh(), previous
        except CoachError:
            restore(upload.target, previous)
            raise

    def remove_card(self, card_id: str) -> tuple[RefreshReport, list[tuple[Path, str]]]:
        removed = remove_card(self.settings.knowledge_dir, card_id)
        try:
            return self.refresh(), removed
        except CoachError:
            for path, previous in removed:
                restore(path, previous)
            raise

    def restore(self, changes: list[tuple[Path, str | None]]) -> RefreshReport:
        """Put files back as they were before a change, then re-index. Every path must be a card file of the
        knowledge base (the change log could have been tampered with): one that is not changes nothing."""
        changes = [(checked_card_path(self.settings.knowledge_dir, path), previous) for path, previous in changes]
        for path, previous in changes:
            restore(path, previous)
        return self.refresh()

    def refresh(self) -> RefreshReport:
        """Re-read the cards and update the index; a malformed card raises CardError and changes nothing."""
        kb = load_knowledge(self.settings.knowledge_dir)
        report = self.index.refresh(kb)
        self.engine.kb = kb
        return report


def build_coach(settings: Settings, refresh: bool = True) -> Coach:
    """Open the index and the cards; with `refresh`, bring the index up to date first (a fresh DATA_DIR works)."""
    embeddings = USEEmbeddings(cache_dir=settings.cache_dir)
    e5 = CachedEmbeddings(E5Embeddings(), settings.cache_dir) if settings.e5_ranking else None
    # The models take about a second to load: let them load while Chroma opens and the cards are read.
    models = [embeddings, *([e5] if e5 else [])]
    warm_up = threading.Thread(target=lambda: [model.warm_up() for model in models], name="load-embeddings")
    warm_up.start()
    index = CardIndex(settings.index_dir, embeddings, settings.relevance_threshold, e5=e5)
    kb = None
    if refresh:
        try:
            kb = load_knowledge(settings.knowledge_dir)
            report = index.refresh(kb)
        except CardError as exc:
            # Serve what is valid with the index as it was; `kb check` tells the curators what to fix.
            log.error("knowledge base not refreshed: %s", exc)
            kb = None
        else:
            if report.changed:
                log.info("index refreshed: %s", report.counts())
    if kb is None:
        kb = load_valid_cards(settings.knowledge_dir)
        index.use(kb)
    warm_up.join()
    rewriter, reader = language_model(settings)
    return Coach(settings, index, AdviceEngine(kb, index, rewriter=rewriter), offer_reader=reader)


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
