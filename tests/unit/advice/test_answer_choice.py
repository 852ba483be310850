"""Which card answers, and under which checklist heading: follow-ups that name a card's subject, follow-ups whose
exchange retrieval declines, a described offer's flagged clause, the creator's presumed country."""

from pathlib import Path

import pytest

from bot.advice import AdviceEngine, Hit, Question
from bot.advice.composer import checklist_title, compose
from bot.advice.jurisdiction import presumed_country, rank_for_country
from bot.advice.understand import Understanding
from bot.kb import KnowledgeBase, load_knowledge
from tests.cards import write_card, write_pair


class ByQuestion:
    """Hits chosen by the words of the query, as a retriever ranks; a query with no known word is declined."""

    def __init__(self, hits: dict[str, list[Hit]]) -> None:
        self.hits = hits

    def search_many(self, questions: list[str], k: int) -> list[list[Hit]]:
        return [next((h for word, h in self.hits.items() if word in q.lower()), [])[:k] for q in questions]


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    write_pair(
        tmp_path,
        "disclosure-basics",
        title="Why you should always disclose a sponsorship",
        topics=["disclosure"],
        summary="Always say clearly that a post is paid.",
        points=("Say it at the start.", "Gifts count too."),
    )
    write_pair(
        tmp_path,
        "platform-tools",
        title="Platform labels: Instagram, YouTube and TikTok disclosure tools",
        topics=["platforms", "disclosure"],
        summary="Each platform has a paid-partnership setting.",
        points=("On Instagram, add the Paid partnership label.", "On YouTube, tick the paid promotion box."),
    )
    write_pair(
        tmp_path,
        "youtube-rules",
        title="YouTube: the paid promotion box and what sponsors YouTube bans",
        topics=["platforms", "disclosure"],
        summary="YouTube asks you to tick the paid promotion box in the video's details.",
        points=("YouTube bans some sponsors, such as unreviewed gambling.", "Shorts count too."),
    )
    write_pair(tmp_path, "rates-abroad", title="US and UK: rate figures", topics=["pay"], jurisdiction=["us", "uk"])
    write_pair(tmp_path, "rates-france", title="France: rate figures", topics=["pay"], jurisdiction=["fr"])
    write_pair(
        tmp_path, "image-rights", title="France: image rights", topics=["law-fr", "contract"], jurisdiction=["fr"]
    )
    write_pair(tmp_path, "usage-rights-whitelisting", title="Usage rights and whitelisting", topics=["contract", "pay"])
    write_pair(tmp_path, "fake-dms", title="Spotting fake brand DMs", topics=["scams", "offer"])
    write_pair(tmp_path, "editorial-line", title="Define your editorial line", topics=["editorial-line"])
    write_pair(tmp_path, "uk-tax", title="UK: tax on brand deals", topics=["tax", "law-uk", "pay"], jurisdiction=["uk"])
    return load_knowledge(tmp_path)


INSTAGRAM = "how do i disclose a sponsored post on instagram?"


def test_a_follow_up_naming_a_cards_subject_moves_to_that_card(kb: KnowledgeBase) -> None:
    # The exchange read together ranks the general cards first and the YouTube card nowhere near the top three.
    retriever = ByQuestion({"instagram": [Hit("disclosure-basics", 0.7), Hit("platform-tools", 0.6)]})
    engine = AdviceEngine(kb, retriever)  # type: ignore[arg-type]
    answer = engine.ask_many([Question("what about youtube?", history=(INSTAGRAM,))])[0]
    assert answer.kind == "follow_up" and answer.lead_card == "youtube-rules"
    assert "paid promotion box" in answer.summary


def test_a_follow_up_whose_exchange_retrieval_declines_stays_on_the_previous_topic(kb: KnowledgeBase) -> None:
    # Alone and with the previous message, "and on youtube?" looks off-topic to retrieval; the previous message not.
    retriever = ByQuestion({"instagram?\n": [], "instagram": [Hit("disclosure-basics", 0.7)]})
    engine = AdviceEngine(kb, retriever)  # type: ignore[arg-type]
    answer = engine.ask_many([Question("and on youtube?", history=(INSTAGRAM,))])[0]
    assert answer.in_scope and answer.lead_card == "youtube-rules"


def test_a_new_question_retrieval_declines_is_still_declined(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, ByQuestion({}))  # type: ignore[arg-type]
    assert not engine.ask_many([Question("what about youtube?")])[0].in_scope


def test_words_beside_the_domain_placed_only_by_a_places_card_are_declined(kb: KnowledgeBase) -> None:
    # Retrieval places "the best fish and chips in the UK?" on the UK card for its place alone; the same card found
    # for a question in the domain's words is an answer.
    retriever = ByQuestion({"uk": [Hit("uk-tax", 0.6)], "myself": [Hit("editorial-line", 0.6)]})
    engine = AdviceEngine(kb, retriever)  # type: ignore[arg-type]
    beside, taxed, general = engine.ask_many(
        [
            Question("where do I find the best fish and chips in the UK?"),
            Question("do I pay tax on brand deals in the UK?"),
            Question("how do I stay true to myself online?"),
        ]
    )
    assert not beside.in_scope and beside.kind == "off_topic"
    assert taxed.in_scope and taxed.lead_card == "uk-tax"
    assert general.in_scope and general.lead_card == "editorial-line"  # a card for everywhere: unseen wording


def test_a_described_offer_leads_with_the_card_on_the_clause_it_flags(kb: KnowledgeBase) -> None:
    hits = [Hit("rates-france", 0.6), Hit("image-rights", 0.55), Hit("usage-rights-whitelisting", 0.5)]
    offer = Understanding("offer_described", "fr", red_flags=("perpetual_rights",))
    assert compose("400 € et les droits à vie ?", "fr", hits, kb, offer).lead_card == "usage-rights-whitelisting"
    question = Understanding("question", "fr", red_flags=("perpetual_rights",))
    assert compose("droits à vie ?", "fr", hits, kb, question).lead_card == "rates-france"  # only an offer's clauses
    unflagged = Understanding("offer_described", "fr")
    assert compose("400 € ?", "fr", hits, kb, unflagged).lead_card == "rates-france"


def test_french_and_euros_without_a_country_read_as_france() -> None:
    assert presumed_country("on me propose 400 € pour un reel", (), "fr", None) == "fr"
    assert presumed_country("on me propose 400 euros", (), "fr", None) == "fr"
    assert presumed_country("et pour une story ?", ("on me propose 300€",), "fr", None) == "fr"
    assert presumed_country("on me propose 400 € pour un reel", (), "fr", "be") == "be"  # named or in the profile
    assert presumed_country("they offer 400 € for a reel", (), "en", None) is None  # English and euros: anywhere
    assert presumed_country("on me propose un reel, c'est bien ?", (), "fr", None) is None


def test_the_french_rates_replace_the_foreign_ones_and_image_rights_stay_in_place(kb: KnowledgeBase) -> None:
    def where(card_id: str) -> tuple[str, ...]:
        return kb.get(card_id, "en").jurisdiction  # type: ignore[union-attr]

    def subjects(card_id: str) -> set[str]:
        return {t for t in kb.get(card_id, "en").topics if not t.startswith("law-")}  # type: ignore[union-attr]

    hits = ["rates-abroad", "image-rights", "usage-rights-whitelisting", "rates-france"]
    assert rank_for_country(hits, where, "fr", subjects) == [
        "rates-france",
        "image-rights",
        "usage-rights-whitelisting",
        "rates-abroad",
    ]
    # Without subjects, every French rule jumps ahead (the order before subjects counted).
    assert rank_for_country(hits, where, "fr")[:2] == ["image-rights", "rates-france"]


def test_the_engine_orders_a_french_euro_question_for_france(kb: KnowledgeBase) -> None:
    hits = [Hit("rates-abroad", 0.7), Hit("image-rights", 0.6), Hit("rates-france", 0.5)]
    engine = AdviceEngine(kb, ByQuestion({"€": hits, "$": hits}))  # type: ignore[arg-type]
    fr, en = engine.ask_many([Question("c'est combien pour 400 € un reel ?"), Question("is $400 ok for a reel?")])
    assert fr.lead_card == "rates-france" and fr.jurisdiction_note is None
    assert en.lead_card == "rates-abroad"  # a dollar names no country


@pytest.mark.parametrize(
    ("card_id", "offer", "lang", "title"),
    [
        ("usage-rights-whitelisting", True, "en", "Checklist for judging the offer"),
        ("fake-dms", True, "fr", "Checklist pour juger l'offre"),
        ("usage-rights-whitelisting", False, "en", "Checklist for judging an offer"),
        ("fake-dms", False, "en", "Checklist before you reply or click"),
        ("youtube-rules", False, "fr", "Checklist avant de publier"),
        ("uk-tax", False, "en", "Checklist for your situation"),
        ("editorial-line", False, "fr", "Checklist : les questions à vous poser"),
    ],
)
def test_the_checklist_heading_fits_the_message(kb: KnowledgeBase, card_id: str, offer: bool, lang, title) -> None:
    assert checklist_title(kb.get(card_id, lang), lang, offer) == title  # type: ignore[arg-type]


def test_an_answer_carries_its_checklist_heading_in_json(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, ByQuestion({"line": [Hit("editorial-line", 0.7)]}))  # type: ignore[arg-type]
    answer = engine.ask_many([Question("how do I define my editorial line?")])[0]
    assert answer.to_json()["checklist_title"] == "Checklist: questions to ask yourself"


def test_a_follow_up_stays_in_the_topics_jurisdiction(tmp_path: Path) -> None:
    gifts = ("Gifted products count as income too.", "Keep a list of what you receive.")
    write_pair(tmp_path, "fr-tax", title="France: declaring income", topics=["tax", "pay"], jurisdiction=["fr"])
    write_pair(tmp_path, "us-tax", title="US: tax on gifts", topics=["tax", "pay"], jurisdiction=["us"], points=gifts)
    kb = load_knowledge(tmp_path)
    retriever = ByQuestion({"declare": [Hit("fr-tax", 0.7), Hit("us-tax", 0.65)]})
    answer = AdviceEngine(kb, retriever).ask_many(  # type: ignore[arg-type]
        [Question("even the gifted products?", history=("do I declare my brand deals?",))]
    )[0]
    assert answer.kind == "follow_up" and answer.lead_card == "fr-tax"


def test_saying_where_one_is_answers_the_previous_question_for_that_country(kb: KnowledgeBase) -> None:
    hits = [Hit("rates-france", 0.7), Hit("rates-abroad", 0.6)]
    engine = AdviceEngine(kb, ByQuestion({"how much": hits}))  # type: ignore[arg-type]
    answer = engine.ask_many([Question("i'm in the UK btw", history=("how much for a reel?",))])[0]
    assert answer.kind == "follow_up" and answer.in_scope and answer.lead_card == "rates-abroad"
    assert not answer.summary.startswith("I have nothing more specific")
    # Beside the domain, a place is no follow-up: "what's the weather in london?" is declined.
    weather = engine.ask_many([Question("what is the weather in london?", history=("how much for a reel?",))])[0]
    assert not weather.in_scope


def test_saying_where_one_is_after_a_general_question_keeps_its_answer(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, ByQuestion({"line": [Hit("editorial-line", 0.7), Hit("uk-tax", 0.5)]}))  # type: ignore[arg-type]
    answer = engine.ask_many([Question("i'm in the UK btw", history=("how do I define my editorial line?",))])[0]
    assert answer.lead_card == "editorial-line"


def test_a_french_rate_question_leads_with_the_french_figures_not_a_general_card(tmp_path: Path) -> None:
    write_pair(
        tmp_path,
        "pay",
        title="Fair pay",
        topics=["pay"],
        summary="A brand should pay you.",
        points=("$10 to $150.", "Count your hours."),
    )
    write_pair(
        tmp_path,
        "fr-rates",
        title="France: rates",
        topics=["pay"],
        jurisdiction=["fr"],
        points=("165 € sous 10k.", "Notez vos offres."),
    )
    write_pair(
        tmp_path,
        "fr-tax",
        title="France: tax",
        topics=["tax", "law-fr", "pay"],
        jurisdiction=["fr"],
        points=("10 %.", "Déclarez tout."),
    )
    kb = load_knowledge(tmp_path)
    hits = [Hit("pay", 0.7), Hit("fr-tax", 0.6), Hit("fr-rates", 0.5)]
    engine = AdviceEngine(kb, ByQuestion({"reel": hits}))  # type: ignore[arg-type]
    fr, en, how = engine.ask_many(
        [Question("combien je peux demander pour un reel avec 8k abonnés ?"), Question("how much for a reel?"),
         Question("comment je présente un reel à une marque ?")]
    )  # fmt: skip
    assert fr.lead_card == "fr-rates"  # French, no country named: the French figures, not a tax rule with a figure
    assert en.lead_card == "pay" and how.lead_card == "pay"  # no place known; not a question for a number


def test_my_rate_is_too_high_asks_no_number() -> None:
    from bot.advice.composer import ASKS_FIGURE

    assert not ASKS_FIGURE.search("what if they say my rate is too high?")
    assert not ASKS_FIGURE.search("ils trouvent mon tarif trop cher")
    assert ASKS_FIGURE.search("what rate for 10k?") and ASKS_FIGURE.search("combien pour un reel")


class Scored:
    """Hits by query: the exchange (previous message and follow-up) and the follow-up alone, as a retriever ranks."""

    def __init__(self, hits: dict[str, list[Hit]]) -> None:
        self.hits = hits

    def search_many(self, questions: list[str], k: int) -> list[list[Hit]]:
        return [self.hits.get(q, [])[:k] for q in questions]


def test_a_follow_up_that_is_a_question_of_its_own_is_answered_on_its_topic(tmp_path: Path) -> None:
    write_pair(tmp_path, "youtube-rules", title="YouTube: the paid promotion box", topics=["platforms", "disclosure"],
               checklist=("Will you tick the paid promotion box?",))  # fmt: skip
    write_pair(tmp_path, "exclusivity", title="Exclusivity clauses", topics=["offer", "contract"],
               summary="An exclusivity clause stops you working with competitors.",
               checklist=("Is the exclusivity limited to named competitors?",))  # fmt: skip
    kb = load_knowledge(tmp_path)
    first = "do I have to tick the paid promotion box on youtube?"
    own = "and they also said I can never mention any competitor, is that normal?"
    vague = "and if they refuse?"
    exchange = [Hit("youtube-rules", 0.7), Hit("exclusivity", 0.5)]
    retriever = Scored({
        first: [Hit("youtube-rules", 0.8)],
        f"{first}\n{own}": exchange,
        own: [Hit("exclusivity", 0.56)],
        f"{first}\n{vague}": exchange,
        vague: [],
    })  # fmt: skip
    engine = AdviceEngine(kb, retriever)  # type: ignore[arg-type]
    answer, stays = engine.ask_many(
        [Question(own, lang="en", history=(first,)), Question(vague, lang="en", history=(first,))]
    )
    assert answer.lead_card == "exclusivity" and answer.context is None
    assert answer.checklist[0] == "Is the exclusivity limited to named competitors?"
    assert all("paid promotion" not in item for item in answer.checklist)
    assert stays.lead_card == "youtube-rules" and stays.context == first  # declined alone: a real follow-up


@pytest.mark.parametrize(
    ("message", "lead"),
    [
        # a first contact that asks for nothing: retrieval's scam card on passwords does not lead
        ("jsuis sur insta, une marque me contacte pour la 1ere fois, je regarde quoi en premier ?", "brand-check"),
        ("a brand contacted me on insta for the first time, what do i look at first?", "brand-check"),
        # the ask named, in the creator's words: it does
        ("une marque me contacte sur insta et veut mon mdp, normal ?", "phishing-login-requests"),
        ("a brand contacted me on insta, they need the code i got by sms?", "phishing-login-requests"),
        ("instagram support contacted me in my dms, is that real?", "phishing-login-requests"),
        # money the brand pays is no money sent: the card on paying first does not lead
        ("brand contacted me, they'll transfer €120 to my IBAN after the post, legit?", "brand-check"),
        ("a brand contacted me, they want a €30 fee before the contract, legit?", "upfront-payment-requests"),
        ("brand contacted me, they paid 50% upfront and sent the press kit. the product is bad", "brand-check"),
        ("a brand contacted me: pay for the starter kit and you're an ambassador", "upfront-payment-requests"),
    ],
)
def test_a_scam_card_on_one_ask_leads_only_when_the_message_names_that_ask(
    tmp_path: Path, message: str, lead: str
) -> None:
    write_pair(tmp_path, "phishing-login-requests", title="Never give your password", topics=["scams"])
    write_pair(tmp_path, "upfront-payment-requests", title="Requests to send money first", topics=["scams", "pay"])
    write_pair(tmp_path, "brand-check", title="Checking a brand before you accept", topics=["offer", "scams"])
    ranked = [Hit("phishing-login-requests", 0.6), Hit("upfront-payment-requests", 0.55), Hit("brand-check", 0.5)]
    if any(
        word in message for word in ("transfer", "fee", "upfront", "kit")
    ):  # retrieval puts the card on money sent first
        ranked = [ranked[1], ranked[0], ranked[2]]
    engine = AdviceEngine(load_knowledge(tmp_path), ByQuestion({"contact": ranked}))  # type: ignore[arg-type]
    answer = engine.ask_many([Question(message)])[0]
    assert answer.lead_card == lead
    assert engine.search_many([Question(message)])[0][0].card_id == lead


def test_a_general_cards_sentences_on_another_countrys_rules_are_not_given_as_the_creators(tmp_path: Path) -> None:
    # Each card's French point shares the question's words: without the rule it would be shown.
    french = "In France your content is protected by author's rights, so usage rights need a written licence."
    for lang, point in (("en", french), ("fr", "En France, les droits d'usage relèvent du droit d'auteur.")):
        write_card(
            tmp_path,
            "usage-rights",
            lang,
            title="Usage rights",
            topics=["contract"],
            summary="Reusing your content is a separate deal. Price it apart.",
            points=(point, "Usage comes in tiers: reposts, paid ads, full use.", "Ask for an end date."),
        )
    engine = AdviceEngine(load_knowledge(tmp_path), ByQuestion({"usage": [Hit("usage-rights", 0.7)]}))

    def shown(message: str, **kwargs: object) -> str:
        answer = engine.ask_many([Question(message, **kwargs)])[0]  # type: ignore[arg-type]
        assert answer.lead_card == "usage-rights"
        return " ".join([answer.summary, *answer.key_points])

    # An English question priced in dollars, a UK creator: the French point waits behind "more details".
    assert "In France" not in shown("brand wants usage rights for 12 months for $500, fair?")
    assert "In France" not in shown("i'm in the UK, brand wants usage rights for a year, ok?")
    assert french in engine.ask_many([Question("brand wants usage rights for $500, fair?")])[0].more_points
    # A French creator (named, or French and euros) gets it; so does a question naming France.
    assert "In France" in shown("i'm in France, brand wants usage rights, ok?")
    assert "En France" in shown("la marque veut des droits d'usage pour 500 €, ok ?")
    assert "Reusing your content" in shown("brand wants usage rights for $500, fair?")


def test_a_rules_question_from_a_one_card_country_leads_with_that_card(tmp_path: Path) -> None:
    write_pair(tmp_path, "swiss", title="Switzerland", topics=["law-ch", "disclosure"], jurisdiction=["ch"])
    write_pair(tmp_path, "french-tax", title="France: income", topics=["tax", "law-fr"], jurisdiction=["fr"])
    write_pair(tmp_path, "identity", title="Your creative identity", topics=["authenticity"])
    write_pair(tmp_path, "eu-rules", title="EU rules", topics=["law-eu", "disclosure"], jurisdiction=["eu"])
    write_pair(tmp_path, "belgian", title="Belgium", topics=["law-be", "disclosure"], jurisdiction=["be"])
    ranked = [Hit("french-tax", 0.6), Hit("identity", 0.55), Hit("swiss", 0.4)]
    eu_first = [Hit("eu-rules", 0.6), Hit("belgian", 0.5)]
    retriever = ByQuestion({"register": ranked, "eu law": eu_first})
    engine = AdviceEngine(load_knowledge(tmp_path), retriever)  # type: ignore[arg-type]
    # the one Swiss card ranks third on the question's subject (tax), which it does not list among its topics
    zurich = "creator in Zurich here, do I need to register anything to take brand money?"
    assert engine.ask_many([Question(zurich)])[0].lead_card == "swiss"
    # rules that hold there already lead: the EU's for a Belgian creator
    assert (
        engine.ask_many([Question("im in belgium, is there an eu law on disclosing ads?")])[0].lead_card == "eu-rules"
    )
