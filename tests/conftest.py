from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.retrieval.embeddings import USEEmbeddings
from bot.retrieval.index import CardIndex

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"


@pytest.fixture(scope="session")
def embeddings() -> USEEmbeddings:
    """The real model, loaded once for the whole run (about a second)."""
    model = USEEmbeddings()
    model.warm_up()
    return model


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory, embeddings: USEEmbeddings) -> CardIndex:
    """The shipped knowledge base, indexed once in a temporary DATA_DIR."""
    from bot.kb import load_knowledge

    index = CardIndex(tmp_path_factory.mktemp("data") / "index", embeddings)
    index.refresh(load_knowledge(KNOWLEDGE))
    return index


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=KNOWLEDGE)
