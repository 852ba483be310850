"""The index against a real Chroma, embedded on disk and as a server (`chroma_url`), with the real embedding model."""

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from bot.advice import AdviceEngine
from bot.advice.engine import Question
from bot.advice.models import Hit
from bot.eval.questions import load_questions, questions_dir
from bot.kb import load_knowledge
from bot.retrieval import classifier as learned
from bot.retrieval import index as index_module
from bot.retrieval.embeddings import CachedEmbeddings, USEEmbeddings
from bot.retrieval.index import CardIndex
from tests.cards import write_card, write_pair
from tests.conftest import KNOWLEDGE


@pytest.fixture
def cards(tmp_path: Path) -> Path:
    root = tmp_path / "knowledge"
    write_pair(root, "exclusivity", summary="An exclusivity clause stops you working with competing brands.")
    write_pair(root, "fake-brand-dms", summary="Scam messages pretend to be brands and ask for money or logins.")
    write_pair(root, "fair-pay", summary="How much to charge a brand for a sponsored post.")
    return root


def snapshot(index: CardIndex) -> dict[str, tuple[str, list[float]]]:
    stored = index.store.get(include=["metadatas", "embeddings"])
    return {
        id_: (meta["file_hash"], [round(x, 6) for x in vector])
        for id_, meta, vector in zip(stored["ids"], stored["metadatas"], stored["embeddings"], strict=True)
    }


def test_refresh_is_incremental_and_idempotent(
    tmp_path: Path, cards: Path, embeddings: USEEmbeddings, chroma_url: str | None
) -> None:
    index = CardIndex(tmp_path / "index", embeddings, chroma_url=chroma_url)
    first = index.refresh(load_knowledge(cards))
    assert (len(first.added), len(first.updated), len(first.removed), first.unchanged) == (6, 0, 0, 0)

    again = index.refresh(load_knowledge(cards))
    assert (again.added, again.updated, again.removed, again.unchanged) == ([], [], [], 6)
    assert len(index.stored_keys()) == 6
    assert index.count() == 6 * 2  # per card: title + summary, and its one question

    write_card(cards, "fair-pay", "fr", summary="Combien facturer une publication sponsorisée.")
    edited = index.refresh(load_knowledge(cards))
    assert (edited.added, edited.updated, edited.removed, edited.unchanged) == ([], ["fair-pay:fr"], [], 5)

    (cards / "en" / "exclusivity.md").unlink()
    removed = index.refresh(load_knowledge(cards))
    assert (removed.removed, removed.unchanged, index.count()) == (["exclusivity:en"], 5, 5 * 2)
    assert "exclusivity:en" not in index.stored_keys()
    assert index.state()["kb_version"] == load_knowledge(cards).version


def test_a_refresh_of_an_index_that_holds_the_cards_writes_nothing_and_a_lost_document_comes_back(
    tmp_path: Path, cards: Path, embeddings: USEEmbeddings
) -> None:
    index = CardIndex(tmp_path / "index", embeddings)
    index.refresh(load_knowledge(cards))
    state = tmp_path / "index" / "state.json"
    written = state.stat().st_mtime_ns
    again = index.refresh(load_knowledge(cards))
    assert (again.added, again.updated, again.unchanged) == ([], [], 6)
    assert state.stat().st_mtime_ns == written  # other processes see no change to reload for
    lost = [chunk for chunk in index.collection.get()["ids"] if chunk.startswith("fair-pay:fr:")]
    index.collection.delete(ids=lost)  # the collection no longer matches what the state file recorded
    repaired = index.refresh(load_knowledge(cards))
    assert (repaired.added, repaired.unchanged, index.count()) == (["fair-pay:fr"], 5, 6 * 2)


def test_reopening_the_index_in_a_new_client_sees_the_same_documents(
    tmp_path: Path, cards: Path, embeddings: USEEmbeddings, chroma_url: str | None
) -> None:
    CardIndex(tmp_path / "index", embeddings, chroma_url=chroma_url).refresh(load_knowledge(cards))
    reopened = CardIndex(tmp_path / "index", embeddings, chroma_url=chroma_url)
    assert len(reopened.stored_keys()) == 6
    assert reopened.refresh(load_knowledge(cards)).unchanged == 6


def test_search_is_cross_lingual_cosine_and_one_hit_per_card(
    tmp_path: Path, cards: Path, embeddings: USEEmbeddings, chroma_url: str | None
) -> None:
    index = CardIndex(tmp_path / "index", embeddings, chroma_url=chroma_url)
    index.refresh(load_knowledge(cards))
    assert index.collection.configuration["hnsw"]["space"] == "cosine"
    hits = index.search("une marque m'a envoyé un message bizarre et demande mon mot de passe", k=3)
    assert hits[0].card_id == "fake-brand-dms"
    assert len({hit.card_id for hit in hits}) == len(hits) == 3
    assert all(0.0 <= hit.score <= 1.0 for hit in hits)
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    assert index.search("how much should I charge for a sponsored reel?", k=1)[0].card_id == "fair-pay"


def test_e5_rankings_join_an_existing_index_and_refresh_with_it(
    tmp_path: Path, cards: Path, embeddings: USEEmbeddings, e5: CachedEmbeddings, chroma_url: str | None
) -> None:
    CardIndex(tmp_path / "index", embeddings, chroma_url=chroma_url).refresh(load_knowledge(cards))
    index = CardIndex(tmp_path / "index", embeddings, e5=e5, chroma_url=chroma_url)
    report = index.refresh(load_knowledge(cards))
    assert report.unchanged == 6 and not report.changed  # USE had them all; e5 caught up silently
    sizes = {name: collection.count() for name, collection in index.collections.items()}
    assert sizes == {index.collection_name: 12, f"cards-{e5.model_name}": 12, f"passages-{e5.model_name}": 6}
    (cards / "fr" / "exclusivity.md").unlink()
    index.refresh(load_knowledge(cards))
    assert {name: c.count() for name, c in index.collections.items()} == {name: n - n // 6 for name, n in sizes.items()}
    hits = index.search("a brand wants me to promise not to work with competitors for a year", k=3)
    assert hits[0].card_id == "exclusivity"


def ranked(hits: list[list[Hit]]) -> list[list[str]]:
    return [[hit.card_id for hit in found] for found in hits]


def same_scores(one: list[list[Hit]], other: list[list[Hit]]) -> bool:
    """Chroma and numpy sum a cosine in different orders: the last float bits may differ."""
    return all(
        abs(a.score - b.score) < 1e-5 for x, y in zip(one, other, strict=True) for a, b in zip(x, y, strict=True)
    )


def test_a_process_that_searches_again_ranks_in_memory_as_chroma_did_and_reads_each_refresh(
    tmp_path: Path, cards: Path, embeddings: USEEmbeddings, e5: CachedEmbeddings, chroma_url: str | None
) -> None:
    index = CardIndex(tmp_path / "index", embeddings, e5=e5, chroma_url=chroma_url)
    index.refresh(load_knowledge(cards))
    questions = ["a brand wants me to promise not to work with competitors", "combien facturer un post sponsorisé ?"]
    from_chroma = index.search_many(questions, k=3)
    assert not index.in_memory  # a one-shot question reads no vectors
    in_memory = index.search_many(questions, k=3)
    assert index.in_memory
    assert ranked(in_memory) == ranked(from_chroma) and same_scores(in_memory, from_chroma)
    write_pair(cards, "usage-rights", summary="Usage rights let a brand rerun your video as a paid ad.")
    index.refresh(load_knowledge(cards))  # the copy in memory is read again, with the new card's vectors
    assert index.search("can the brand run my video as a paid ad for a year?", k=1)[0].card_id == "usage-rights"
    (cards / "en" / "usage-rights.md").unlink()
    (cards / "fr" / "usage-rights.md").unlink()
    index.refresh(load_knowledge(cards))
    assert "usage-rights" not in [hit.card_id for hit in index.search("can the brand run my video as a paid ad?", k=3)]


def test_the_in_memory_ranking_of_the_dev_questions_is_chromas_exact_one(
    real_index: CardIndex, embeddings: USEEmbeddings, e5: CachedEmbeddings
) -> None:
    index = CardIndex(real_index.index_dir, embeddings, e5=e5)  # reopened: its first search goes to Chroma
    index.refresh(load_knowledge(KNOWLEDGE))
    questions = [question.q for question in load_questions(questions_dir(KNOWLEDGE))[::8]]
    from_chroma = index.search_many(questions, k=10)
    in_memory = index.search_many(questions, k=10)
    assert index.in_memory and ranked(in_memory) == ranked(from_chroma) and same_scores(in_memory, from_chroma)
    assert sum(1 for hits in in_memory if hits) > len(questions) // 2


@pytest.mark.parametrize(
    "question",
    [
        "how do i haggle the price of a second-hand washing machine",
        "comment je négocie une augmentation avec ma manager au boulot",
        "what's the penalty for ending my mobile contract early",
        "recette de tarte aux pommes rapide",
        "how many followers do i need before tiktok lets me go live",
    ],
)
def test_everyday_questions_in_the_domains_words_are_declined(real_index: CardIndex, question: str) -> None:
    assert real_index.search(question, k=3) == []


@pytest.mark.parametrize(
    "question, card",
    [
        ("the brand wants to negotiate my rate down to 150€ for a reel, what do i answer", "counter-offer"),
        ("la marque annule la campagne la veille du tournage, j'ai droit à quoi ?", "cancellation-kill-fee"),
        ("do i have to declare the gifted products i got from brands on my taxes?", "declaring-income"),
    ],
)
def test_the_same_words_about_a_brand_deal_are_answered(real_index: CardIndex, question: str, card: str) -> None:
    hits = real_index.search(question, k=3)
    assert card in [hit.card_id for hit in hits]


def test_an_ask_embeds_each_text_once_per_model_even_a_follow_up_looked_up_twice(
    real_index: CardIndex, embeddings: USEEmbeddings, e5: CachedEmbeddings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "E5_SKIP", None)  # every text to e5 too (see the next test)
    embedded: dict[str, list[str]] = {"use": [], "e5": []}
    for name, model in (("use", embeddings), ("e5", e5)):
        monkeypatch.setattr(model, "embed_queries", counting(model.embed_queries, embedded[name]))
    engine = AdviceEngine(load_knowledge(KNOWLEDGE), real_index)
    follow_up = Question("and if they refuse?", lang="en", history=("the brand wants me to sign an exclusivity",))
    answer = engine.ask_many([follow_up, Question("combien facturer un reel ?")])[1]
    assert answer.in_scope
    # e5: both messages as written, started before they were read, then the follow-up with its context; USE the
    # same three, and the previous message, looked up for its topic (nobody kept that card here).
    assert len(embedded["e5"]) == len(set(embedded["e5"])) == 4
    assert len(embedded["use"]) == len(set(embedded["use"])) == 4
    assert embedded["e5"][:2] == ["and if they refuse?", "combien facturer un reel ?"]


def test_a_question_use_and_bm25_are_sure_of_is_ranked_without_e5_and_the_others_with_it(
    real_index: CardIndex, e5: CachedEmbeddings, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedded: list[str] = []
    monkeypatch.setattr(e5, "embed_queries", counting(e5.embed_queries, embedded))
    sure, declined = "is a 12-month exclusivity clause fair?", "recette de tarte aux pommes rapide"
    disputed = "the brand wants to negotiate my rate down to 150€ for a reel, what do i answer"
    engine = AdviceEngine(load_knowledge(KNOWLEDGE), real_index)
    without = engine.ask_many([Question(sure), Question(declined), Question(disputed)])
    assert embedded == [declined, disputed]  # started ahead, and only those: the searches reuse them
    assert without[0].in_scope and not without[1].in_scope and without[2].lead_card == "counter-offer"
    first = real_index.search(sure, k=3)
    assert embedded == [declined, disputed]
    monkeypatch.setattr(index_module, "E5_SKIP", None)
    assert real_index.search(sure, k=3)[0].card_id == first[0].card_id == "exclusivity"  # e5 agrees
    assert embedded == [declined, disputed, sure]


def counting(embed: Callable[[list[str]], list[list[float]]], seen: list[str]) -> Callable[..., list[list[float]]]:
    def embed_queries(texts: list[str]) -> list[list[float]]:
        seen.extend(texts)
        return embed(texts)

    return embed_queries


def test_a_quick_start_ranks_from_the_ranking_file_without_opening_chroma_and_ranks_as_chroma(
    tmp_path: Path, cards: Path, embeddings: USEEmbeddings, e5: CachedEmbeddings
) -> None:
    CardIndex(tmp_path / "index", embeddings, e5=e5).refresh(load_knowledge(cards))
    questions = ["a brand wants me to promise not to work with competitors", "combien facturer un post sponsorisé ?"]
    reopened = CardIndex(tmp_path / "index", embeddings, e5=e5)
    reopened.refresh(load_knowledge(cards))  # for its keyword ranking; its first search still goes to Chroma
    from_chroma = reopened.search_many(questions, k=3)
    assert not reopened.in_memory
    quick = CardIndex(tmp_path / "index", embeddings, e5=e5, quick_start=True)
    assert quick.refresh(load_knowledge(cards)).unchanged == 6
    from_file = quick.search_many(questions, k=3)
    assert quick.in_memory and not quick.chroma_opened
    assert ranked(from_file) == ranked(from_chroma) and same_scores(from_file, from_chroma)
    # A change rewrites the file with the state: the next quick start ranks the new card, still without Chroma.
    write_pair(cards, "usage-rights", summary="Usage rights let a brand rerun your video as a paid ad.")
    assert quick.refresh(load_knowledge(cards)).added == ["usage-rights:en", "usage-rights:fr"]
    again = CardIndex(tmp_path / "index", embeddings, e5=e5, quick_start=True)
    again.refresh(load_knowledge(cards))
    assert again.search("can the brand run my video as a paid ad for a year?", k=1)[0].card_id == "usage-rights"
    assert not again.chroma_opened


@pytest.mark.parametrize("damage", ["garbage", "another refresh's file", "absent"])
def test_a_start_with_a_damaged_stale_or_missing_ranking_file_reads_chroma_and_writes_the_file_again(
    tmp_path: Path, cards: Path, embeddings: USEEmbeddings, e5: CachedEmbeddings, damage: str
) -> None:
    first = CardIndex(tmp_path / "index", embeddings, e5=e5)
    first.refresh(load_knowledge(cards))
    ranking = tmp_path / "index" / "ranking.npz"
    question = "a brand wants me to promise not to work with competitors"
    expected = first.search_many([question], k=3)
    if damage == "garbage":
        ranking.write_bytes(b"PK\x03\x04 not a ranking file" * 50)
    elif damage == "absent":
        ranking.unlink()
    else:  # a file whose token the state does not name (written by a refresh that did not finish)
        other = tmp_path / "other"
        CardIndex(other, embeddings, e5=e5).refresh(load_knowledge(cards))
        (other / "ranking.npz").replace(ranking)
    index = CardIndex(tmp_path / "index", embeddings, e5=e5, quick_start=True)
    assert index.refresh(load_knowledge(cards)).unchanged == 6
    assert index.chroma_opened  # the state's file was not there: Chroma checked and read
    assert ranked(index.search_many([question], k=3)) == ranked(expected)
    again = CardIndex(tmp_path / "index", embeddings, e5=e5, quick_start=True)
    again.refresh(load_knowledge(cards))
    assert not again.chroma_opened  # the file was written again, once
    assert ranked(again.search_many([question], k=3)) == ranked(expected)


def test_with_a_chroma_server_a_start_always_reads_chroma(
    tmp_path: Path, cards: Path, embeddings: USEEmbeddings, chroma_url: str | None
) -> None:
    CardIndex(tmp_path / "index", embeddings, chroma_url=chroma_url).refresh(load_knowledge(cards))
    index = CardIndex(tmp_path / "index", embeddings, chroma_url=chroma_url, quick_start=True)
    index.refresh(load_knowledge(cards))
    assert index.chroma_opened == (chroma_url is not None)  # another machine may change what a server holds
    assert (tmp_path / "index" / "ranking.npz").exists() == (chroma_url is None)


def test_the_learned_ranking_joins_the_fusion_only_for_the_cards_it_was_fitted_on(
    tmp_path: Path,
    cards: Path,
    embeddings: USEEmbeddings,
    e5: CachedEmbeddings,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    kb = load_knowledge(cards)
    docs = list(index_module.documents(kb).values())
    texts = [text for doc in docs for text in doc.texts]
    labels = [[doc.card_id] for doc in docs for _ in doc.texts]
    classes = sorted({doc.card_id for doc in docs})
    x = learned.features(np.asarray(embeddings.embed_queries(texts)), np.asarray(e5.embed_queries(texts)))
    weights, bias = learned.fit(x, learned.targets(labels, classes), np.ones(len(texts)))
    classifier = learned.CardClassifier(tuple(classes), weights, bias)
    index = CardIndex(tmp_path / "index", embeddings, e5=e5, classifier=classifier)
    index.refresh(kb)
    fused: list[int] = []
    fuse = index_module.fuse
    monkeypatch.setattr(index_module, "fuse", lambda lists, *a: fused.append(len(lists)) or fuse(lists, *a))
    question = "a brand wants me to promise not to work with competitors for a year"
    assert index.search(question, k=3)[0].card_id == "exclusivity"
    assert fused == [5]  # USE, e5's two, BM25 and the classifier
    write_pair(cards, "kill-fee", summary="What the brand owes you when it cancels a collaboration.")
    index.refresh(load_knowledge(cards))  # a card the classifier never learned: it steps aside
    assert "fitted on other cards (1 new, 0 gone)" in caplog.text
    assert index.search(question, k=3)[0].card_id == "exclusivity"
    assert fused == [5, 4]


def test_the_shipped_classifier_was_fitted_on_exactly_the_shipped_cards(
    embeddings: USEEmbeddings, e5: CachedEmbeddings
) -> None:
    classifier = learned.shipped(KNOWLEDGE, embeddings, e5.inner)
    assert classifier is not None, "no classifier shipped for these models: run `make classifier`"
    cards = {card.id for card in load_knowledge(KNOWLEDGE)}
    assert classifier.cards(index_module.OUTSIDE) == cards, "cards added or removed since: run `make classifier`"
