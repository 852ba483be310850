"""Write knowledge/vectors/: the e5 vectors of every card text, search phrase, card passage and out-of-scope
example, so that a new install's first index build embeds nothing (without them: about four minutes on two
cores). Run after editing cards (`make vectors`) and commit the file. Texts already embedded, in the shipped
file or in DATA_DIR's cache, are not embedded again; texts no card has any more are dropped.

    .venv/bin/python scripts/ship_vectors.py           # write the file
    .venv/bin/python scripts/ship_vectors.py --check   # exit 1 if the file lacks a text of the cards
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from bot.kb import load_knowledge  # noqa: E402
from bot.retrieval.embeddings import (  # noqa: E402
    CachedEmbeddings,
    E5Embeddings,
    USEEmbeddings,
    read_vectors,
    text_key,
    vectors_file,
    write_vectors,
)
from bot.retrieval.index import CardIndex  # noqa: E402

SHIPPED = "vectors"  # under the knowledge folder


def e5_texts(knowledge_dir: Path) -> list[str]:
    """Every text the index embeds with e5 for the cards in `knowledge_dir`."""
    e5 = CachedEmbeddings(E5Embeddings(), None)
    with tempfile.TemporaryDirectory() as tmp:
        index = CardIndex(Path(tmp), USEEmbeddings(), e5=e5)  # the models load only if asked to embed
        try:
            return index.embedded_texts(load_knowledge(knowledge_dir), e5)
        finally:
            index.client.close()


def shipped_path(knowledge_dir: Path) -> Path:
    return knowledge_dir / SHIPPED / vectors_file(E5Embeddings())


def missing(knowledge_dir: Path) -> list[str]:
    """The e5 texts of the cards that the shipped file lacks."""
    known = read_vectors(shipped_path(knowledge_dir))
    return [text for text in e5_texts(knowledge_dir) if text_key(text) not in known]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the shipped vectors lack a text")
    args = parser.parse_args()
    settings = Settings()
    knowledge_dir = settings.knowledge_dir
    if args.check:
        lacking = missing(knowledge_dir)
        print(f"{len(lacking)} texts of the cards lack a shipped vector in {shipped_path(knowledge_dir)}")
        return 1 if lacking else 0
    texts = e5_texts(knowledge_dir)
    model = CachedEmbeddings(E5Embeddings(), settings.cache_dir, knowledge_dir / SHIPPED)
    vectors = model.embed_documents(texts)
    path = shipped_path(knowledge_dir)
    write_vectors(path, {text_key(text): np.asarray(vector) for text, vector in zip(texts, vectors, strict=True)})
    print(f"{len(texts)} vectors written to {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
