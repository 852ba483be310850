"""The bot's services with CHROMA_URL: the index lives in a real Chroma server (`chroma run`), not in DATA_DIR;
uploads, rollbacks and a second process's view behave as with the embedded index."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import KnowledgeBaseError
from bot.kb import load_knowledge
from bot.retrieval.embeddings import USEEmbeddings
from bot.retrieval.index import CardIndex
from bot.wiring import build_services
from tests.auxil.chroma import ChromaServer, free_port
from tests.cards import card_text, write_pair


def settings_for(root: Path, chroma_url: str | None) -> Settings:
    return Settings(
        _env_file=None,
        data_dir=root / "data",
        knowledge_dir=root / "knowledge",
        chroma_url=chroma_url,
        e5_ranking=False,
    )


def test_upload_and_rollback_go_through_the_server_and_a_second_process_sees_them(
    tmp_path: Path, chroma_url: str | None
) -> None:
    write_pair(tmp_path / "knowledge", "fair-pay", summary="How much to charge a brand for a sponsored post.")
    services = build_services(settings_for(tmp_path, chroma_url))
    assert services.index.stored_keys() == ["fair-pay:en", "fair-pay:fr"]
    question = "the quokka sanctuary wants a sponsored post about zebra crossings"
    text = card_text("zz-quokka", "en", summary="The quokka sanctuary and zebra crossings sponsorship card.")
    outcome = services.knowledge.upload(7, "zz-quokka.md", text.encode())
    assert outcome.report.added == ["zz-quokka:en"]
    assert services.index.search(question, k=1)[0].card_id == "zz-quokka"

    # Another process on the same settings (a second worker, `kb list`) finds the same documents.
    other = build_services(settings_for(tmp_path, chroma_url), refresh=False)
    assert "zz-quokka:en" in other.index.stored_keys()

    rolled = services.knowledge.rollback()
    assert rolled is not None and rolled.report.removed == ["zz-quokka:en"]
    assert "zz-quokka:en" not in services.index.stored_keys()
    assert "zz-quokka:en" not in other.index.stored_keys()
    # With a server, DATA_DIR holds no Chroma files: the index is wherever CHROMA_URL says.
    stored_here = (tmp_path / "data" / "index" / "chroma.sqlite3").exists()
    assert stored_here is (chroma_url is None)


def test_a_chroma_url_nobody_answers_is_a_clear_error(tmp_path: Path, embeddings: USEEmbeddings) -> None:
    with pytest.raises(KnowledgeBaseError, match=r"no Chroma server answers at .*chroma run"):
        CardIndex(tmp_path / "index", embeddings, chroma_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(KnowledgeBaseError, match="http://host:port"):
        CardIndex(tmp_path / "index", embeddings, chroma_url="127.0.0.1:8000")


def test_the_index_outlives_a_restart_of_the_server(tmp_path: Path, embeddings: USEEmbeddings) -> None:
    write_pair(tmp_path / "knowledge", "fair-pay", summary="How much to charge a brand for a sponsored post.")

    with ChromaServer(tmp_path / "chroma", tmp_path / "chroma.log") as server:
        CardIndex(tmp_path / "index", embeddings, chroma_url=server.url).refresh(load_knowledge(tmp_path / "knowledge"))
    # The same data folder, a new server on another port: nothing came from a cache in this process.
    with ChromaServer(tmp_path / "chroma", tmp_path / "chroma.log") as server:
        index = CardIndex(tmp_path / "index", embeddings, chroma_url=server.url)
        assert index.stored_keys() == ["fair-pay:en", "fair-pay:fr"]
        assert index.refresh(load_knowledge(tmp_path / "knowledge")).unchanged == 2
