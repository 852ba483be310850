"""Follow-ups are answered within the previous topic: the new question's passage, never the same answer again."""

from pathlib import Path

import pytest

from bot.advice import AdviceEngine, Hit, Question
from bot.advice.composer import topic_passages
from bot.kb import KnowledgeBase, load_knowledge
from tests.cards import write_pair

RATES = (
    "Work out your rate from your hours, your costs and the rights asked.",
    "Ask the brand for its budget before you name a price.",
)
NEGOTIATION = (
    "Trade scope for price: fewer deliverables for a smaller budget.",
    "If the brand refuses to pay more, decline politely and keep the door open.",
    "Put the final terms in writing.",
)


class ByQuestion:
    """Hits chosen by the words of the query, as a retriever ranks: the topic's card for the topic question."""

    def __init__(self, hits: dict[str, list[Hit]], default: list[Hit]) -> None:
        self.hits, self.default = hits, default
        self.queries: list[str] = []

    def search_many(self, questions: list[str], k: int) -> list[list[Hit]]:
        self.queries += questions
        return [next((h for word, h in self.hits.items() if word in q.lower()), self.default)[:k] for q in questions]


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    write_pair(tmp_path, "fair-pay", summary="A brand that wants your work pays for it.", points=RATES)
    write_pair(tmp_path, "counter-offer", summary="Answer a low offer with a counter-offer.", points=NEGOTIATION)
    return load_knowledge(tmp_path)


def converse(engine: AdviceEngine, messages: list[str]) -> list:
    """The messages in one chat, as Telegram and the terminal carry them: topic, last card, passages shown."""
    answers, topic, card, shown = [], None, None, ()
    for text in messages:
        answer = engine.ask_many([Question(text, "en", "en", (topic,) if topic else (), None, card, shown)])[0]
        answers.append(answer)
        if answer.in_scope:
            shown, topic, card = topic_passages(answer, shown), answer.context or text, answer.lead_card
    return answers


def test_a_follow_up_answers_the_new_question_in_the_topic_never_the_same_answer(kb: KnowledgeBase) -> None:
    topic = [Hit("fair-pay", 0.8), Hit("counter-offer", 0.7)]
    engine = AdviceEngine(kb, ByQuestion({"refuse": [Hit("counter-offer", 0.5)]}, topic))
    first, follow_up = converse(engine, ["how much should I charge for a reel?", "and if they refuse?"])
    assert first.lead_card == "fair-pay"
    assert follow_up.kind == "follow_up" and follow_up.context == "how much should I charge for a reel?"
    assert follow_up.direct != first.direct
    # The passage that answers "refuse", from the topic's other card, leads.
    assert "If the brand refuses to pay more" in follow_up.direct.split("\n")[0]


def test_a_follow_up_on_the_same_card_skips_what_was_shown(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, ByQuestion({}, [Hit("counter-offer", 0.8)]))
    first, second = converse(engine, ["how do I counter a low offer?", "and what about the budget?"])
    assert second.lead_card == "counter-offer"
    shown = set(topic_passages(first))
    assert not shown & set(topic_passages(second))  # nothing said twice


def test_tell_me_more_goes_on_then_says_when_there_is_nothing_more(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, ByQuestion({}, [Hit("counter-offer", 0.8)]))
    answers = converse(engine, ["how do I counter a low offer?", *["tell me more"] * 3])
    directs = [answer.direct for answer in answers]
    assert directs[1] != directs[0] and "Put the final terms in writing." in directs[1]
    said = [passage for answer in answers[:2] for passage in topic_passages(answer)]
    assert sorted(p for p in said if p in NEGOTIATION) == sorted(NEGOTIATION)  # every point once, none twice
    assert all(d.startswith("I've told you everything my cards say on this") for d in directs[2:])


def test_a_follow_up_with_nothing_in_the_topic_says_so_before_the_closest(kb: KnowledgeBase) -> None:
    topic = [Hit("fair-pay", 0.8), Hit("counter-offer", 0.6)]
    engine = AdviceEngine(kb, ByQuestion({"reel?\n": topic, "insurance": []}, topic))  # alone, it finds nothing
    _, follow_up = converse(engine, ["how much should I charge for a reel?", "and what about shipping insurance?"])
    assert follow_up.summary.startswith("I have nothing more specific on that point")
    assert follow_up.lead_card == "counter-offer"  # the topic's other card: the first one was read in full


def test_the_follow_up_is_also_looked_up_on_its_own(kb: KnowledgeBase) -> None:
    retriever = ByQuestion({}, [Hit("fair-pay", 0.8)])
    converse(AdviceEngine(kb, retriever), ["how much should I charge for a reel?", "et si la marque refuse ?"])
    assert retriever.queries[1:] == ["how much should I charge for a reel?\net si la marque refuse ?",
                                     "et si la marque refuse ?"]  # fmt: skip


def test_and_in_another_country_moves_to_that_countrys_card_on_the_subject(tmp_path: Path) -> None:
    disclosure = {"topics": ["disclosure", "law-us"], "jurisdiction": ["us"]}
    write_pair(tmp_path, "us-rules", summary="In the US, the FTC wants a clear #ad.", **disclosure)
    write_pair(tmp_path, "uk-rules", summary="In the UK, the ASA wants Ad up front.", topics=["disclosure", "law-uk"],
               jurisdiction=["uk"])  # fmt: skip
    write_pair(
        tmp_path, "uk-tax", summary="In the UK, HMRC taxes gifts.", topics=["tax", "law-uk"], jurisdiction=["uk"]
    )
    kb = load_knowledge(tmp_path)
    hits = {"uk": [Hit("uk-tax", 0.7), Hit("uk-rules", 0.6)], "gifted": [Hit("us-rules", 0.8)]}
    engine = AdviceEngine(kb, ByQuestion(hits, [Hit("us-rules", 0.8)]))
    first, follow_up = converse(engine, ["do I have to disclose a gifted product in the US?", "and in the UK?"])
    assert first.lead_card == "us-rules"
    assert follow_up.lead_card == "uk-rules"  # disclosure in the UK, not UK tax


def test_without_the_previous_card_the_topic_is_found_again(kb: KnowledgeBase) -> None:
    retriever = ByQuestion({"charge for a reel?": [Hit("fair-pay", 0.8), Hit("counter-offer", 0.7)]},
                           [Hit("counter-offer", 0.8), Hit("fair-pay", 0.7)])  # fmt: skip
    engine = AdviceEngine(kb, retriever)
    [answer] = engine.ask_many([Question("and the budget?", "en", "en", ("how much should I charge for a reel?",))])
    assert retriever.queries[-1] == "how much should I charge for a reel?"  # looked up again, alone
    # The previous answer (fair-pay's, the topic) said all its card says: the budget passage comes from the other.
    assert answer.summary == NEGOTIATION[0] and not set(topic_passages(answer)) & {*RATES}


def test_a_follow_up_naming_another_cards_subject_moves_to_it(tmp_path: Path) -> None:
    write_pair(
        tmp_path,
        "meta-rules",
        summary="On Instagram, use the paid partnership label.",
        topics=["disclosure"],
        title="Instagram's branded content tools",
        points=("One.", "Two.", "Three.", "Four stories."),
    )
    write_pair(
        tmp_path,
        "tiktok-rules",
        summary="Switch on the content disclosure setting.",
        topics=["disclosure"],
        title="TikTok's branded content rules",
    )
    kb = load_knowledge(tmp_path)
    engine = AdviceEngine(kb, ByQuestion({}, [Hit("meta-rules", 0.8), Hit("tiktok-rules", 0.6)]))
    first, follow_up = converse(engine, ["do instagram stories need a label?", "same thing for tiktok stories?"])
    assert first.lead_card == "meta-rules" and follow_up.lead_card == "tiktok-rules"


def test_a_word_of_the_topics_own_title_does_not_keep_a_follow_up_there(tmp_path: Path) -> None:
    rates = ("Vendor rate guides disagree.", "Count your hours.")
    counter = ("If the brand answers that your rate is too high, ask what its budget is.", "Confirm in writing.")
    write_pair(tmp_path, "fair-pay", title="Fair pay: how to think about your rate", topics=["pay"],
               summary="Build your own rate from your time.", points=rates)  # fmt: skip
    write_pair(tmp_path, "counter-offer", title="Making a counter-offer", topics=["pay", "negotiation"],
               summary="Answer a low offer with a counter-offer.", points=counter)  # fmt: skip
    kb = load_knowledge(tmp_path)
    first = "how much do I charge for a reel?"
    hits = [Hit("fair-pay", 0.7), Hit("counter-offer", 0.6)]
    engine = AdviceEngine(kb, ByQuestion({"reel": hits}, []))  # type: ignore[arg-type]
    answer = engine.ask_many([Question("what if they say my rate is too high?", lang="en", history=(first,))])[0]
    assert answer.kind == "follow_up" and answer.lead_card == "counter-offer"


def test_a_follow_up_naming_a_subject_the_topic_is_not_about_gets_that_subjects_card(tmp_path: Path) -> None:
    write_pair(tmp_path, "tiktok-rules", title="TikTok: the disclosure setting", topics=["disclosure", "offer"],
               summary="Switch on the content disclosure setting.", points=("Stories too.", "Lives too."))  # fmt: skip
    write_pair(tmp_path, "fair-pay", topics=["pay", "offer"], summary="Build your rate from your time.", points=RATES)
    kb = load_knowledge(tmp_path)
    label = [Hit("tiktok-rules", 0.8), Hit("fair-pay", 0.5)]
    engine = AdviceEngine(kb, ByQuestion({"label": label, "charge": [Hit("fair-pay", 0.7)]}, label))
    first, rate = converse(engine, ["do I need a label on tiktok?", "and how much do I charge for one?"])
    assert first.lead_card == "tiktok-rules"
    # A rate is a subject of its own: its card answers, as a question that starts a topic.
    assert rate.lead_card == "fair-pay" and rate.kind == "question" and rate.context is None
    # A follow-up that names no new subject stays on the topic.
    _, story = converse(engine, ["do I need a label on tiktok?", "and for stories?"])
    assert story.kind == "follow_up" and story.context == "do I need a label on tiktok?"
    # How long is not how much.
    _, duration = converse(engine, ["do I need a label on tiktok?", "and for how much time, how many weeks?"])
    assert duration.kind == "follow_up"


def test_a_warning_in_a_follow_ups_own_words_leads_with_the_card_it_comes_from(tmp_path: Path) -> None:
    write_pair(tmp_path, "fake-brand-dms", summary="A fake brand DM copies a real brand's name.", topics=["scams"])
    write_pair(tmp_path, "phishing-login-requests", summary="Change your password now.", topics=["scams"])
    kb = load_knowledge(tmp_path)
    # the exchange read together, and even the follow-up alone, rank the topic's card first (same family)
    engine = AdviceEngine(kb, ByQuestion({}, [Hit("fake-brand-dms", 0.8), Hit("phishing-login-requests", 0.6)]))
    first, follow_up = converse(engine, ["how do I spot a fake brand DM?", "what if I already gave them my login?"])
    assert first.lead_card == "fake-brand-dms"
    assert follow_up.lead_card == "phishing-login-requests"


def test_after_a_countrys_rules_a_follow_up_stays_on_those_rules(tmp_path: Path) -> None:
    write_pair(
        tmp_path,
        "uk-tax",
        title="UK: tax on brand deals",
        topics=["tax", "law-uk", "pay"],
        jurisdiction=["uk"],
        summary="Income from content is trading income.",
        points=("Gifts received for a post count at their retail value.", "The first £1,000 is tax-free."),
    )
    write_pair(
        tmp_path,
        "fair-pay",
        title="Fair pay: how to think about your rate",
        topics=["pay"],
        summary="A brand that wants your work should pay for it.",
        points=("Free stuff is not pay: gifts they sent you do not replace a fee.", "Ask for money."),
    )
    write_pair(tmp_path, "comment-moderation", title="Comment moderation requests", topics=["disclosure"])
    topic = [Hit("uk-tax", 0.8), Hit("fair-pay", 0.7)]
    engine = AdviceEngine(load_knowledge(tmp_path), ByQuestion({}, topic))
    tax = "uk creator, do i pay tax on brand deals?"
    # "pay" names no card, and a card sharing none of the rules stated (tax) does not take the topic over
    for text in ("what about if they pay me like £200?", "what about the free stuff they sent me?"):
        assert converse(engine, [tax, text])[1].lead_card == "uk-tax", text


def test_in_french_comment_is_how_not_a_cards_comments(tmp_path: Path) -> None:
    write_pair(
        tmp_path,
        "belgium",
        title="Belgique : règles",
        topics=["law-be", "disclosure"],
        jurisdiction=["be"],
        points=("Mettez #pub.", "Le JEP juge les plaintes.", "Déclarez vos revenus au SPF Finances.", "Gardez tout."),
    )
    write_pair(tmp_path, "comment-moderation", title="Commentaires : modération", topics=["disclosure"])
    topic = [Hit("belgium", 0.8), Hit("comment-moderation", 0.7)]
    engine = AdviceEngine(load_knowledge(tmp_path), ByQuestion({}, topic))
    messages = ["jsuis belge, je dois mettre #pub ?", "et je le déclare comment du coup ?"]
    answers = [
        engine.ask_many([Question(messages[0], "fr", "fr")])[0],
        engine.ask_many([Question(messages[1], "fr", "fr", (messages[0],), None, "belgium")])[0],
    ]
    assert answers[1].kind == "follow_up" and answers[1].lead_card == "belgium"


def test_news_of_an_offer_gets_the_judgement_of_the_offer_as_now_told(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, ByQuestion({}, [Hit("fair-pay", 0.8), Hit("counter-offer", 0.7)]))
    first, news = converse(
        engine,
        ["a fitness app offered me $500 for 2 videos", "they sent the contract, it says they own the videos forever"],
    )
    assert first.kind == "offer_described" and "perpetual_rights" not in first.red_flags
    assert news.kind == "follow_up" and news.offer is not None
    assert "perpetual_rights" in news.red_flags and news.offer.verdict == "negotiate"


def test_news_of_an_offer_with_a_flagged_clause_leads_with_that_clauses_card(tmp_path: Path) -> None:
    write_pair(tmp_path, "fair-pay", summary="A brand that wants your work pays for it.", points=RATES)
    write_pair(tmp_path, "usage-rights-whitelisting", summary="Ads made from your content are paid apart.")
    kb = load_knowledge(tmp_path)
    # retrieval ranks the fee's card first for both messages
    engine = AdviceEngine(kb, ByQuestion({}, [Hit("fair-pay", 0.8), Hit("usage-rights-whitelisting", 0.6)]))
    first, news = converse(
        engine,
        [
            "a sauce brand offered me $300 for 2 reels",
            "oh and they also want to use the videos in their paid ads for a year, no extra pay",
        ],
    )
    assert first.lead_card == "fair-pay"
    assert news.kind == "follow_up" and "unpaid_ads" in news.red_flags
    assert news.lead_card == "usage-rights-whitelisting"
