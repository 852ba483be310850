from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.retrieval.embeddings import CachedEmbeddings, E5Embeddings, USEEmbeddings
from bot.retrieval.index import CardIndex
from tests.auxil.chroma import ChromaServer
from tests.auxil.postgres import PostgresServer

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
# Every index the suite builds (in this process, in the bot and CLI processes it starts) shares one vector
# cache: e5 embeds the knowledge base once per machine instead of once per data directory.
VECTOR_CACHE = Path(
    os.environ.setdefault("VECTOR_CACHE_DIR", str(Path(tempfile.gettempdir()) / "collab-coach-vectors"))
)


@pytest.fixture(scope="session")
def embeddings() -> USEEmbeddings:
    """The real model, loaded once for the whole run (about a second)."""
    model = USEEmbeddings()
    model.warm_up()
    return model


@pytest.fixture(scope="session")
def e5() -> CachedEmbeddings:
    model = CachedEmbeddings(E5Embeddings(), VECTOR_CACHE, KNOWLEDGE / "vectors")
    model.warm_up()
    return model


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory, embeddings: USEEmbeddings, e5: CachedEmbeddings) -> CardIndex:
    """The shipped knowledge base, indexed once in a temporary DATA_DIR, ranked as the bot ranks."""
    from bot.kb import load_knowledge
    from bot.retrieval.classifier import shipped

    classifier = shipped(KNOWLEDGE, embeddings, e5.inner)
    index = CardIndex(tmp_path_factory.mktemp("data") / "index", embeddings, e5=e5, classifier=classifier)
    index.refresh(load_knowledge(KNOWLEDGE))
    return index


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=KNOWLEDGE)


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    """One real Chroma server (`chroma run`) for the whole run, started only by the tests that ask for it."""
    root = tmp_path_factory.mktemp("chroma-server")
    with ChromaServer(root / "data", root / "chroma.log") as server:
        yield server


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One real PostgreSQL server for the whole run (initdb + pg_ctl, about a second), started only if a test
    asks for it. If it cannot start, each such test fails with the reason; nothing is skipped in CI."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("psycopg is not installed in this virtualenv: run `make .venv/.installed` (CI fails instead)")
    with PostgresServer() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def database_location(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where a test's Database lives: a SQLite file (the default), or an empty schema of the PostgreSQL server."""
    if request.param == "sqlite":
        return tmp_path / "coach.sqlite3"
    return request.getfixturevalue("postgres").new_schema()
