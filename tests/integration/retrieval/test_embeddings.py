from pathlib import Path

import numpy as np
import pytest

from bot.retrieval import embeddings as embeddings_module
from bot.retrieval.embeddings import CachedEmbeddings, E5Embeddings, USEEmbeddings, ends, read_vectors, text_key


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


class Counting(E5Embeddings):
    def __init__(self) -> None:
        super().__init__()
        self.embedded: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += texts
        return super().embed_documents(texts)


def test_e5_vectors_are_unit_length_and_queries_find_their_passage(e5: CachedEmbeddings) -> None:
    passages = e5.embed_documents(
        ["Une clause d'exclusivité vous empêche de travailler avec des concurrents.", "Recette de crêpes sans lait"]
    )
    [query] = e5.embed_queries(["exclusivity clause with competitors, is it ok?"])
    assert all(np.isclose(np.linalg.norm(v), 1.0, atol=1e-3) for v in [*passages, query])
    assert np.dot(query, passages[0]) > np.dot(query, passages[1])


def test_vector_cache_embeds_each_text_once_and_survives_a_damaged_file(tmp_path: Path) -> None:
    texts = ["kill fee ??", "combien pour un reel avec 8k abonnés", "kill fee ??"]
    first_model = Counting()
    first = CachedEmbeddings(first_model, tmp_path).embed_documents(texts)
    assert first_model.embedded == texts[:2] and np.allclose(first[0], first[2])
    second_model = Counting()
    again = CachedEmbeddings(second_model, tmp_path).embed_documents(texts)
    assert second_model.embedded == [] and np.allclose(again, first, atol=1e-6)
    [cache] = tmp_path.glob("vectors-*.npz")
    cache.write_bytes(b"not an npz")
    third_model = Counting()
    assert np.allclose(CachedEmbeddings(third_model, tmp_path).embed_documents(texts), first, atol=1e-6)
    assert third_model.embedded == texts[:2]


def test_shipped_vectors_are_used_and_only_the_texts_they_lack_are_embedded_and_cached(tmp_path: Path) -> None:
    shipped, cache = tmp_path / "shipped", tmp_path / "cache"
    known = ["Une clause d'exclusivité de 12 mois", "is a 300€ reel fair for 8k followers"]
    CachedEmbeddings(Counting(), shipped).embed_documents(known)  # writes the file a release would ship
    [shipped_file] = shipped.glob("vectors-*.npz")
    before = shipped_file.read_bytes()
    model = Counting()
    vectors = CachedEmbeddings(model, cache, shipped).embed_documents([*known, "kill fee ??"])
    assert model.embedded == ["kill fee ??"]  # an uploaded card's new text, and nothing else
    assert np.allclose(vectors[:2], Counting().embed_documents(known), atol=1e-5)
    assert shipped_file.read_bytes() == before  # the shipped file is never written at run time
    [own] = read_vectors(cache / shipped_file.name)  # the data directory keeps only what the shipped file lacks
    assert own == text_key("kill fee ??")
    again = Counting()
    CachedEmbeddings(again, cache, shipped).embed_documents([*known, "kill fee ??"])
    assert again.embedded == []


def test_e5_reads_a_long_message_up_to_its_token_budget_its_first_and_last_words(e5: CachedEmbeddings) -> None:
    question = "is 300 euros for one reel and two stories fair for 8k followers?"
    paste = "Hi! We love your content. " + " ".join(["We would also like usage rights on our ads for a year."] * 20)
    long = f"{paste} {question}"
    budget = embeddings_module.E5_QUERY_TOKENS
    assert budget is not None
    model = e5.inner._encoder()
    shortened = ends(long, budget, lambda text: model.token_count(text, True))
    assert model.token_count(shortened, True) <= budget < model.token_count(long, True)
    assert shortened.startswith("Hi! We love your content.") and shortened.endswith(question)
    vectors = np.array(e5.embed_queries([long, shortened, question]))
    assert np.allclose(vectors[0], vectors[1], atol=1e-6)
    assert np.allclose(e5.embed_query(question), vectors[2], atol=1e-6)  # a short question is read whole


def test_text_that_grows_under_nfkc_or_holds_lone_surrogates_embeds_in_a_process_that_survives() -> None:
    # In a child process: before the fix, e5's tokenizer overflowed its buffer on twenty "ﷺ" and the process
    # aborted ("malloc(): corrupted top size"), which no try/except in this process could have caught.
    import subprocess
    import sys

    code = (
        "import numpy as np, unicodedata\n"
        "from bot.retrieval.embeddings import E5Embeddings, USEEmbeddings\n"
        "e5, use = E5Embeddings(), USEEmbeddings()\n"
        "bomb = 'ﷺ' * 4096\n"
        "a = np.array(e5.embed_query(bomb))\n"
        "assert np.allclose(a, e5.embed_query(unicodedata.normalize('NFKC', bomb)))\n"
        "e5.embed_documents([bomb, 'ﷺ' * 30])\n"
        "use.embed_query('rate \\ud800 card'); e5.embed_query('rate \\ud800 card')\n"
        "print('survived')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "survived" in result.stdout, result.stderr[-2000:]


def test_a_long_question_is_read_up_to_e5s_512_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embeddings_module, "E5_QUERY_TOKENS", None)  # without the budget of the test above
    e5 = E5Embeddings()
    model = e5._encoder()
    long = "Une marque me propose 300 € pour un reel et trois stories, avec une exclusivité de six mois. " * 60
    head = E5Embeddings._head(model, long)
    assert model.token_count(head) <= 512 < model.token_count(head + long[len(head) : len(head) + 40])
    assert np.allclose(e5.embed_query(long), e5.embed_query(head))
    short = "combien pour un reel ?"
    assert E5Embeddings._head(model, short) == short
    monkeypatch.undo()
    run = "x" * 4000  # one word: `ends` keeps it whole, the 512 tokens still hold
    assert np.allclose(e5.embed_query(run), e5.embed_query(E5Embeddings._head(model, run)))
