from pathlib import Path

import numpy as np

from bot.retrieval.embeddings import USEEmbeddings


def test_cached_tokenizer_gives_the_same_vectors_and_a_corrupt_cache_is_rebuilt(
    tmp_path: Path, embeddings: USEEmbeddings
) -> None:
    texts = ["Combien facturer une story sponsorisée ?", "Is a 12-month exclusivity fair?"]
    expected = np.array(embeddings.embed_documents(texts))
    first = USEEmbeddings(cache_dir=tmp_path)
    assert np.allclose(first.embed_documents(texts), expected, atol=1e-6)
    [cache] = tmp_path.glob("use-tokenizer-*.json")
    assert np.allclose(USEEmbeddings(cache_dir=tmp_path).embed_documents(texts), expected, atol=1e-6)
    cache.write_bytes(b"not json")
    assert np.allclose(USEEmbeddings(cache_dir=tmp_path).embed_documents(texts), expected, atol=1e-6)
    assert cache.read_bytes() != b"not json"


def test_vectors_are_unit_length_and_cross_lingual(embeddings: USEEmbeddings) -> None:
    fr, en, other = map(
        np.array,
        embeddings.embed_documents(
            ["Une marque me demande mon mot de passe", "A brand is asking for my password", "Recette de crêpes"]
        ),
    )
    assert np.isclose(np.linalg.norm(fr), 1.0, atol=1e-4)
    assert fr @ en > fr @ other + 0.2
