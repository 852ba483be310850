from pathlib import Path

import pytest

from bot.advice import AdviceEngine, FollowUp, Hit
from bot.advice.composer import CHECKLIST_MAX, CHECKLIST_MIN, CORE_CHECKLIST_CARDS, checklist_for_question
from bot.errors import EmptyQuestionError
from bot.kb import KnowledgeBase, load_knowledge
from tests.cards import write_card, write_pair


class ListRetriever:
    """Returns the hits it is given, whatever the question: composition is under test, not retrieval."""

    def __init__(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.questions: list[str] = []

    def search(self, question: str, k: int) -> list[Hit]:
        return self.search_many([question], k)[0]

    def search_many(self, questions: list[str], k: int) -> list[list[Hit]]:
        self.questions += questions
        return [self.hits[:k] for _ in questions]


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    write_pair(tmp_path, "exclusivity", checklist=("Is it limited in time?", "Is it paid?"), template="Hello")
    write_pair(tmp_path, "fair-pay", checklist=("Is the amount agreed?", "Is it paid?"))
    write_pair(tmp_path, "far-away", checklist=("Unrelated?",))
    for i, card_id in enumerate(c for c in CORE_CHECKLIST_CARDS if c != "fair-pay"):
        word = ("timing", "budget", "rights", "labels", "sender", "invoice", "format")[i]
        write_pair(tmp_path, card_id, checklist=(f"{word.capitalize()} fine?", f"{word.capitalize()} written?"))
    write_card(tmp_path, "english-only", "en", checklist=("Only in English?",))
    return load_knowledge(tmp_path)


def test_answer_is_grounded_in_the_best_cards(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, ListRetriever([Hit("exclusivity", 0.6), Hit("fair-pay", 0.55)]))
    answer = engine.ask("la marque veut une exclusivité de 6 mois, c'est ok ?")
    assert answer.lang == "fr" and answer.in_scope
    assert answer.summary == "Summary of exclusivity in fr."
    assert answer.key_points == ["First point.", "Second point."]
    assert answer.more_points == ["Summary of fair-pay in fr."]  # the next card waits behind "more details"
    assert [s.id for s in answer.sources] == ["exclusivity", "fair-pay"]
    assert answer.sources[0].title == "exclusivity title fr"
    assert answer.template == "Hello"
    assert answer.kb_version == kb.version


def test_checklist_keeps_the_answering_cards_items_and_fillers_only_where_they_fit(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, ListRetriever([Hit("exclusivity", 0.6), Hit("fair-pay", 0.58)]))
    checklist = engine.ask("exclusivity?", lang="en").checklist
    assert len(checklist) <= CHECKLIST_MAX
    assert checklist == ["Is it limited in time?", "Is it paid?"]  # the leading card's; nothing else fits
    # Another answering card's item joins when it shares a telling word with the question.
    assert "Is the amount agreed?" in engine.ask("what amount for the exclusivity?", lang="en").checklist
    # A question sharing words with a core item gets that item; an offer gets the core items.
    assert "Timing fine?" in engine.ask("is the timing of the exclusivity fine?", lang="en").checklist
    offer = engine.ask("a brand offered me 200€ for 2 reels with 3 months exclusivity, ok?", lang="en")
    assert offer.kind == "offer_described" and len(offer.checklist) >= CHECKLIST_MIN
    assert len(set(offer.checklist)) == len(offer.checklist)


def test_near_duplicate_checklist_items_are_dropped(tmp_path: Path) -> None:
    write_pair(tmp_path, "a", checklist=("Is the exclusivity limited to direct competitors?", "Is it paid?"))
    write_pair(tmp_path, "b", checklist=("Is any exclusivity limited to competitors only?", "Does it end on a date?"))
    kb = load_knowledge(tmp_path)
    engine = AdviceEngine(kb, ListRetriever([Hit("a", 0.6), Hit("b", 0.6)]))
    checklist = engine.ask("does the exclusivity end on a date?", lang="en").checklist
    assert checklist == ["Is the exclusivity limited to direct competitors?", "Is it paid?", "Does it end on a date?"]


def test_a_distant_second_card_stays_out(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, ListRetriever([Hit("exclusivity", 0.6), Hit("far-away", 0.3)]))
    answer = engine.ask("exclusivity?", lang="en")
    assert [s.id for s in answer.sources] == ["exclusivity"]
    assert "Unrelated?" not in answer.checklist


def test_the_fused_first_card_leads_even_with_a_lower_dense_score(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, ListRetriever([Hit("fair-pay", 0.5), Hit("exclusivity", 0.55)]))
    answer = engine.ask("pay?", lang="en")
    assert [s.id for s in answer.sources] == ["fair-pay", "exclusivity"]


def test_no_relevant_card_is_out_of_scope_in_the_users_language(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, ListRetriever([]))
    french = engine.ask("quelle est la meilleure recette de crêpes ?")
    assert not french.in_scope and french.lang == "fr"
    assert "collaborations avec les marques" in french.summary
    assert french.checklist == [] and french.sources == []
    english = engine.ask("what's the weather like in Lyon today?")
    assert english.lang == "en" and "brand collaborations" in english.summary


def test_missing_translation_falls_back_to_the_other_language(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, ListRetriever([Hit("english-only", 0.7)]))
    answer = engine.ask("une question sur une marque", lang="fr")
    assert answer.summary == "Summary of english-only in en."


def test_language_override_and_empty_questions(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, ListRetriever([Hit("fair-pay", 0.7)]))
    assert engine.ask("combien je facture ?", lang="en").summary == "Summary of fair-pay in en."
    for empty in ["", "   ", "\n\t"]:
        with pytest.raises(EmptyQuestionError):
            engine.ask(empty)


def test_emoji_only_is_declined_without_searching(kb: KnowledgeBase) -> None:
    retriever = ListRetriever([Hit("fair-pay", 0.9)])
    answer = AdviceEngine(kb, retriever).ask("🙂🙂🙂", default_lang="fr")
    assert not answer.in_scope and answer.lang == "fr"
    assert retriever.questions == []


def test_long_questions_are_cut_before_retrieval(kb: KnowledgeBase) -> None:
    retriever = ListRetriever([Hit("fair-pay", 0.9)])
    AdviceEngine(kb, retriever).ask("pay " * 5000)
    assert len(retriever.questions[0]) <= 1000


def test_follow_ups_take_one_question_per_card(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, ListRetriever([Hit("exclusivity", 0.6), Hit("fair-pay", 0.58)]))
    assert engine.ask("x", lang="en").follow_ups == [
        FollowUp("exclusivity", 0, "What about exclusivity?"),
        FollowUp("fair-pay", 0, "What about fair-pay?"),
    ]
    card_answer = engine.card_answer("fair-pay", "fr")
    assert card_answer is not None and card_answer.summary == "Summary of fair-pay in fr."
    assert engine.card_answer("gone", "fr") is None


def test_json_contract(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, ListRetriever([Hit("exclusivity", 0.6)]))
    data = engine.ask("exclusivity clause?", lang="en").to_json()
    assert {"question", "lang", "in_scope", "answer", "checklist", "sources"} <= data.keys()
    assert data["sources"] == [{"id": "exclusivity", "title": "exclusivity title en"}]
    assert data["answer"].startswith("Summary of exclusivity in en.\n\n- First point.")


def test_only_items_that_fit_join_the_leading_cards_checklist(tmp_path: Path) -> None:
    write_pair(tmp_path, "contract-check", topics=["contract"], checklist=("Is the fee in the contract?", "Dates?"))
    write_pair(tmp_path, "agent", topics=["contract"], checklist=("Is the agent's commission capped?", "Ends?"))
    for card_id in ("a", "b", "c"):  # "contract" is in most checklists: it tells nothing about an item
        write_pair(tmp_path, card_id, checklist=(f"Is the {card_id} contract signed?",))
    write_pair(tmp_path, "offer-editorial-fit", topics=["authenticity"], checklist=("Would you do it unpaid?",))
    write_pair(tmp_path, "tax-rules", topics=["tax", "law-fr"], jurisdiction=["fr"], checklist=("Registered?",))
    kb = load_knowledge(tmp_path)
    engine = AdviceEngine(kb, ListRetriever([Hit("contract-check", 0.6), Hit("agent", 0.59)]))
    answer = engine.ask("what do I check in a brand contract?", lang="en")
    assert [s.id for s in answer.sources] == ["contract-check", "agent"]
    assert answer.checklist == ["Is the fee in the contract?", "Dates?"]  # no agent's commission
    assert "Is the agent's commission capped?" in engine.ask("what commission can an agent take?", lang="en").checklist
    # An offer's checklist is filled with the core items, but not with the questions to ask yourself when its
    # answer states rules (tax, a law, a scam).
    tax, pay = kb.get("tax-rules", "en"), kb.get("contract-check", "en")
    assert checklist_for_question("a brand pays 300€, taxes?", [tax], kb, "en", offer=True) == ["Registered?"]
    assert "Would you do it unpaid?" in checklist_for_question("300€ for a reel", [pay], kb, "en", offer=True)
    # Nor does a question on rules that shares a word with them ("unpaid").
    assert checklist_for_question("taxes on unpaid gifts?", [tax], kb, "en") == ["Registered?"]
    assert "Would you do it unpaid?" in checklist_for_question("would I post it unpaid?", [pay], kb, "en")


def test_a_warning_leads_with_the_card_on_the_creators_own_rules(tmp_path: Path) -> None:
    write_pair(tmp_path, "tiktok-branded-content-rules", summary="TikTok has a content disclosure toggle.")
    write_pair(tmp_path, "disclosure-basics", summary="Say it is an ad.")
    write_pair(tmp_path, "uk-asa-cma-rules", summary="The ASA wants #ad up front.", jurisdiction=["uk"])
    kb = load_knowledge(tmp_path)
    hits = [Hit("tiktok-branded-content-rules", 0.8), Hit("disclosure-basics", 0.7), Hit("uk-asa-cma-rules", 0.5)]
    engine = AdviceEngine(kb, ListRetriever(hits))
    text = "the brand told me not to put #ad on my tiktok, is that ok?"
    # retrieval's pick of the family leads where nothing says where the creator is
    assert engine.ask(text).sources[0].id == "tiktok-branded-content-rules"
    # a UK creator hears the UK's rules first
    assert engine.ask("I'm in the UK: " + text).sources[0].id == "uk-asa-cma-rules"
