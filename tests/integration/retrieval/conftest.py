from __future__ import annotations

from collections.abc import Iterator

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings


@pytest.fixture(params=["embedded", "chroma-server"])
def chroma_url(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """CHROMA_URL for each backend the index runs on: None (Chroma embedded, the default) or a real server,
    emptied after each test so that every test starts from no collections, as an embedded index in a new folder."""
    if request.param == "embedded":
        yield None
        return
    server = request.getfixturevalue("chroma_server")
    yield server.url
    client = chromadb.HttpClient(
        host="127.0.0.1", port=server.port, settings=ChromaSettings(anonymized_telemetry=False)
    )
    for collection in client.list_collections():
        client.delete_collection(collection.name)
