"""The services as every entry point builds them: a refresh validates every card before the index is touched."""

from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import CardError
from bot.retrieval.index import CardIndex
from bot.wiring import build_services
from tests.cards import write_card, write_pair


def snapshot(index: CardIndex) -> dict[str, tuple[str, list[float]]]:
    stored = index.store.get(include=["metadatas", "embeddings"])
    return {
        id_: (meta["file_hash"], [round(x, 6) for x in vector])
        for id_, meta, vector in zip(stored["ids"], stored["metadatas"], stored["embeddings"], strict=True)
    }


def test_a_malformed_card_leaves_the_index_and_the_served_cards_as_they_were(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    write_pair(knowledge, "exclusivity", summary="An exclusivity clause stops you working with competing brands.")
    write_pair(knowledge, "fair-pay", summary="How much to charge a brand for a sponsored post.")
    services = build_services(Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=knowledge))
    before, version = snapshot(services.index), services.kb.version
    # A valid edit and a new valid card beside a broken one: none of them may reach the index.
    write_card(knowledge, "fair-pay", "en", summary="A changed but valid card about quokka fees.")
    write_pair(knowledge, "gift-only", summary="A brand offers only a product in exchange for a post.")
    write_card(knowledge, "broken", "fr", sources=[])
    with pytest.raises(CardError, match=r"broken\.md: field 'sources'"):
        services.knowledge.refresh()
    assert snapshot(services.index) == before
    assert services.kb.version == version and services.kb.get("gift-only", "en") is None
