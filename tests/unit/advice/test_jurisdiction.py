"""Where the creator is, and whether a card's rules are theirs."""

from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.advice import AdviceEngine, Hit, Question
from bot.advice.jurisdiction import (
    COUNTRIES,
    JurisdictionNote,
    asks_rules,
    creator_country,
    foreign_places,
    mentioned_country,
    named_places,
    note_for,
    rank_for_country,
    rank_for_language,
    stated_home,
    states_elsewhere,
)
from bot.kb import KnowledgeBase, load_knowledge
from bot.offers.models import Profile
from tests.cards import write_pair


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("do I have to tell HMRC about gifted products?", "uk"),
        ("got paid £300 for a reel, do i pay tax on that", "uk"),
        ("im based in the UK, is #ad enough?", "uk"),
        ("does the FTC care about tiny accounts like mine", "us"),
        ("US creator here, do I need a 1099?", "us"),
        ("je suis en Belgique, la loi influenceurs s'applique ?", "be"),
        ("créatrice en Suisse, on me paie en CHF", "ch"),
        ("au Québec, faut-il déclarer un partenariat ?", "ca"),
        ("je dois m'inscrire à l'URSSAF pour mes collabs ?", "fr"),
        ("let us know what you think, can you help us?", None),
        ("combien facturer un reel avec 8k abonnés", None),
        ("un arc-en-ciel dans ma story sponso, cad un filtre", None),
    ],
)
def test_mentioned_country(text: str, country: str | None) -> None:
    assert mentioned_country(text) == country


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("I'm a US based book reviewer, do I need a contract for a $300 gig?", "us"),
        ("hey, i'm a uk based fitness creator, 12k on tiktok", "uk"),
        ("coucou, je suis en Belgique, 15k sur tiktok", "be"),
        ("moi en Suisse on me paie en CHF, je déclare comment ?", "ch"),
        ("j'habite à Montréal et une marque me contacte", "ca"),
        ("I live in London, how much for a reel?", "uk"),
        ("a brand offered me £300 for a reel", "uk"),
        # A country asked about, or a brand's, is not where the creator lives.
        ("and in the UK?", None),
        ("what about the US rules?", None),
        ("I'm asking about the rules in France", None),
        ("a UK brand wants 3 reels", None),
        ("we're a US-based agency and love your work", None),
        ("combien facturer un reel avec 8k abonnés", None),
    ],
)
def test_stated_home(text: str, home: str | None) -> None:
    assert stated_home(text) == home


def test_the_country_said_earlier_stands_in_for_an_empty_profile() -> None:
    assert Question("do I pay tax on gifts?", said_country="us").country == "us"
    assert Question("do I pay tax on gifts?", profile=Profile(country="fr"), said_country="us").country == "fr"
    assert Question("and in the UK?", said_country="us").country == "uk"  # the message's own mention first
    # Kept for the rest of the conversation: a new statement replaces it, a country asked about does not.
    assert Question("and in the UK?", said_country="us").said_home == "us"
    assert Question("je suis en Belgique en fait", said_country="us").said_home == "be"
    assert Question("how much for a reel?").said_home is None


def test_a_country_that_qualifies_the_brand_is_not_the_creators() -> None:
    assert mentioned_country("a US brand wants a reel, what should I check?") is None
    assert mentioned_country("une marque américaine me contacte pour une story") is None
    assert mentioned_country("a UK-based agency offered me a deal, i'm in Belgium") == "be"


def test_the_message_outranks_history_which_outranks_the_profile() -> None:
    assert creator_country("and what about taxes?", ["I'm in the UK"], "fr") == "uk"
    assert creator_country("do I pay tax on gifts?", [], "us") == "us"
    assert creator_country("HMRC?", [], "fr") == "uk"
    assert creator_country("do I pay tax on gifts?", [], "mars") is None
    assert set(COUNTRIES) >= {"fr", "be", "ch", "ca", "uk", "us", "other"}


JURIS = {"fr-tax": ["fr"], "uk-tax": ["uk"], "pay": ["all"], "eu-law": ["eu"], "us-ftc": ["us"]}


def ranked(hits: list[str], country: str | None) -> list[str]:
    return rank_for_country(hits, JURIS.get, country)


def test_a_law_question_leads_with_the_creators_own_country() -> None:
    assert ranked(["fr-tax", "pay", "uk-tax"], "uk") == ["uk-tax", "pay", "fr-tax"]
    assert ranked(["fr-tax", "pay", "uk-tax"], "fr") == ["fr-tax", "pay", "uk-tax"]
    assert ranked(["eu-law", "pay", "us-ftc"], "be") == ["eu-law", "pay", "us-ftc"]  # Belgium is in the EU


def test_general_advice_keeps_its_order_and_foreign_rules_never_lead() -> None:
    assert ranked(["pay", "uk-tax", "fr-tax"], "uk") == ["pay", "uk-tax", "fr-tax"]
    assert ranked(["pay", "fr-tax", "eu-law"], "us") == ["pay", "fr-tax", "eu-law"]
    assert ranked(["fr-tax", "pay"], "us") == ["pay", "fr-tax"]
    assert ranked(["fr-tax", "pay"], None) == ["fr-tax", "pay"]
    assert ranked(["fr-tax", "pay"], "other") == ["fr-tax", "pay"]


def test_notes_say_whose_rules_an_answer_states() -> None:
    local = [("fr-tax", ["fr"]), ("uk-tax", ["uk"]), ("pay", ["all"]), ("uk-ads", ["uk"])]
    assert note_for(["all"], "uk", local) is None
    assert note_for(["fr"], "fr", local) == JurisdictionNote(("fr",), "fr", True)
    assert note_for(["eu", "fr"], "be", local) == JurisdictionNote(("eu", "fr"), "be", True)
    assert note_for(["fr"], "uk", local) == JurisdictionNote(("fr",), "uk", False, ("uk-tax", "uk-ads"))
    assert note_for(["fr"], "ch", local) == JurisdictionNote(("fr",), "ch", False, ())
    assert note_for(["fr"], None, local) == JurisdictionNote(("fr",), None, None)
    assert note_for(["fr"], "uk", local).to_json()["applies"] is False  # type: ignore[union-attr]


class FixedRetriever:
    """Returns the same ranking for every question (retrieval is not what these tests are about)."""

    def __init__(self, ranking: list[str]) -> None:
        self.ranking = ranking

    def search(self, question: str, k: int) -> list[Hit]:
        return self.search_many([question], k)[0]

    def search_many(self, questions: Sequence[str], k: int) -> list[list[Hit]]:
        return [[Hit(card_id, 0.5) for card_id in self.ranking][:k] for _ in questions]


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    write_pair(tmp_path, "declaring-income", jurisdiction=["fr"], title="Declaring income in France",
               topics=["tax", "law-fr"], template="As French law requires, I declare it.")  # fmt: skip
    write_pair(tmp_path, "fair-pay", jurisdiction=["all"])
    write_pair(tmp_path, "uk-tax", jurisdiction=["uk"], title="UK tax for creators", topics=["tax", "law-uk"],
               checklist=("Over the trading allowance?",))  # fmt: skip
    return load_knowledge(tmp_path)


def test_a_uk_creator_gets_the_uk_card_first_and_never_french_rules_as_theirs(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, FixedRetriever(["declaring-income", "fair-pay", "uk-tax"]))
    [answer] = engine.ask_many([Question("do I pay tax on gifts? I'm in the UK")])
    assert answer.sources[0].id == "uk-tax" and answer.jurisdiction_note is None
    engine = AdviceEngine(kb, FixedRetriever(["declaring-income", "fair-pay"]))
    [answer] = engine.ask_many([Question("do I pay tax on gifts?", profile=Profile(country="uk"))])
    assert answer.sources[0].id == "uk-tax"  # a tax question: their own country's card, though retrieval missed it
    engine = AdviceEngine(kb, FixedRetriever(["declaring-income", "fair-pay"]))
    [answer] = engine.ask_many([Question("what about gifts from brands?", profile=Profile(country="uk"))])
    assert answer.sources[0].id == "fair-pay"  # general advice before another country's law
    engine = AdviceEngine(kb, FixedRetriever(["declaring-income"]))
    [answer] = engine.ask_many([Question("gifts from brands? I live in London")])
    assert answer.jurisdiction is not None and answer.jurisdiction.applies is False
    assert "French rules" in (answer.jurisdiction_note or "") and '"UK tax for creators"' in answer.answer
    assert answer.to_json()["jurisdiction"] == {
        "rules_of": ["fr"],
        "country": "uk",
        "applies": False,
        "see": ["uk-tax"],
    }


def test_a_french_question_on_french_rules_is_taken_as_from_france(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, FixedRetriever(["declaring-income"]))
    french, english, swiss = engine.ask_many(
        [
            Question("je dois déclarer mes cadeaux ?", lang="fr"),
            Question("do I have to declare gifts?", lang="en"),
            Question("je dois déclarer mes cadeaux ?", lang="fr", profile=Profile(country="ch")),
        ]
    )
    assert french.jurisdiction_note is None and french.sources[0].id == "declaring-income"
    assert english.jurisdiction is not None and english.jurisdiction.applies is None
    assert "French rules" in (english.jurisdiction_note or "")
    assert (
        swiss.jurisdiction_note
        and "règles françaises" in swiss.jurisdiction_note
        and "Suisse" in swiss.jurisdiction_note
    )


def test_another_countrys_rules_are_given_for_comparison_never_as_the_creators(kb: KnowledgeBase) -> None:
    engine = AdviceEngine(kb, FixedRetriever(["declaring-income"]))
    [answer] = engine.ask_many([Question("what about gifts from brands?", profile=Profile(country="uk"))])
    assert answer.summary.startswith("For comparison only, French rules (not yours as such):")
    assert answer.template is None  # the reply to adapt cites French law to the brand
    # The French card's items give way to the creator's own card's (named by the note).
    assert answer.checklist == ["Over the trading allowance?"] and answer.jurisdiction.see == ("uk-tax",)  # type: ignore[union-attr]
    [french] = engine.ask_many([Question("et les cadeaux des marques ?", profile=Profile(country="ch"))])
    assert french.summary.startswith("À titre de comparaison seulement, les règles françaises")
    [own] = engine.ask_many([Question("je dois déclarer mes cadeaux ?", lang="fr")])  # French rules, from France
    assert own.template == "As French law requires, I declare it." and not own.summary.startswith("À titre")


def test_the_note_points_only_to_the_creators_cards_on_the_question(tmp_path: Path) -> None:
    write_pair(tmp_path, "fr-crypto", jurisdiction=["fr"], topics=["law-fr", "scams"])
    for card_id, topics in [("uk-ads", ["law-uk", "disclosure"]), ("uk-tax", ["law-uk", "tax"]),
                            ("uk-giveaways", ["law-uk", "offer"]), ("uk-scams", ["law-uk", "scams"])]:  # fmt: skip
        write_pair(tmp_path, card_id, jurisdiction=["uk"], topics=topics, title=f"{card_id} rules")
    kb = load_knowledge(tmp_path)
    uk = Profile(country="uk")
    # Retrieval ranks none of the UK cards: the one on the same rules (scams) is named, not every UK card.
    [answer] = AdviceEngine(kb, FixedRetriever(["fr-crypto"])).ask_many([Question("crypto ok?", profile=uk)])
    assert answer.jurisdiction.see == ("uk-scams",)  # type: ignore[union-attr]
    assert "uk-tax rules" not in (answer.jurisdiction_note or "")
    # Those retrieval ranks for the question come first, two at most.
    ranked = ["fr-crypto", "uk-tax", "uk-giveaways"]
    [answer] = AdviceEngine(kb, FixedRetriever(ranked)).ask_many([Question("crypto ok?", profile=uk)])
    assert answer.jurisdiction is None or answer.sources[0].id != "fr-crypto"  # UK cards lead for a UK creator
    note = note_for(["fr"], "uk", [("uk-tax", ("uk",)), ("uk-ads", ("uk",)), ("uk-scams", ("uk",))])
    assert note is not None and note.see == ("uk-tax", "uk-ads")


def test_a_french_question_from_nowhere_named_is_not_answered_with_us_or_uk_rules() -> None:
    where = {"us-tax": ("us",), "uk-tax": ("uk",), "fr-tax": ("fr",), "teens": ("fr", "us"), "pay": ("all",)}
    hits = ["us-tax", "uk-tax", "fr-tax", "teens", "pay"]
    assert rank_for_language(hits, where.get, "fr") == ["fr-tax", "teens", "pay", "us-tax", "uk-tax"]
    assert rank_for_language(hits, where.get, "en") == hits


def test_a_rules_question_from_a_known_country_gets_that_countrys_card(tmp_path: Path) -> None:
    write_pair(tmp_path, "fr-vat", jurisdiction=["fr"], topics=["tax", "law-fr"])
    write_pair(tmp_path, "fair-pay", jurisdiction=["all"], topics=["pay"])
    write_pair(tmp_path, "swiss", jurisdiction=["ch"], topics=["law-ch", "disclosure"])
    kb = load_knowledge(tmp_path)
    engine = AdviceEngine(kb, FixedRetriever(["fair-pay", "fr-vat"]))
    vat, rate = engine.ask_many([Question("300 CHF pour un reel, je dois facturer la TVA ?"),
                                 Question("300 CHF pour un reel, c'est bien ?")])  # fmt: skip
    assert vat.sources[0].id == "swiss"  # the one card of a country the coach covers with one card
    assert rate.sources[0].id == "fair-pay"  # no rules asked: general advice
    assert mentioned_country("je suis a sherbrooke") == "ca" and mentioned_country("jsuis a liege") == "be"
    assert mentioned_country("la TPS pis la TVQ") == "ca"


def test_a_named_regulator_or_tax_asks_for_rules() -> None:
    assert asks_rules("What does the FTC say about tagging a brand?") and asks_rules("je dois facturer la TVA ?")
    assert not asks_rules("how much for a reel with 8k followers?")


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("In France your content is protected by author's rights, so a brand needs a licence.", {"fr"}),
        ("Aux États-Unis, la FTC précise qu'un produit offert compte.", {"us"}),
        ("UK: the ASA says affiliate links make the content an ad.", {"uk"}),
        ("France's 2023 influencer law makes the advertiser and the influencer jointly liable.", {"fr"}),
        ("Net-30 is still the most common term in the US and UK, say talent agencies.", {"uk", "us"}),
        ("En 2026, les règles britanniques (ASA), européennes et américaines y voient de la pub.", {"uk", "eu", "us"}),
        # a regulator cited as the source of general advice, the audience's place, anywhere: no place's own rules
        ("The golden rule: disclose every time you got something of value, as the FTC puts it.", set()),
        ("Check countries: the FTC says US law applies to posts that reach US followers.", set()),
        ("We found no reliable per-video benchmark for France or elsewhere.", set()),
        ("Ask us for the brief in English.", set()),
    ],
)
def test_a_card_sentence_names_the_places_whose_rules_it_gives(sentence: str, places: set[str]) -> None:
    assert named_places(sentence) == places


def test_the_places_foreign_to_a_creator() -> None:
    assert foreign_places("uk", "en") >= {"fr", "us", "eu", "be", "ch", "ca"}
    assert "uk" not in foreign_places("uk", "en")
    assert "eu" not in foreign_places("fr", "fr") and "eu" not in foreign_places("be", "fr")  # EU rules hold there
    assert foreign_places(None, "en") == {"fr", "be", "ch", "ca"}  # an English speaker is not presumed French
    assert foreign_places(None, "fr") == {"us", "uk"}
    assert states_elsewhere("In France a written contract is required.", foreign_places("us", "en"))
    assert not states_elsewhere("In France and the US, gifts count.", foreign_places("us", "en"))


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("first brand deal ($350) - do I need an LLC or anything? I'm in Florida", "us"),
        (
            "un domaine valaisan me propose une collab. la loi evin s'applique chez nous ou que pour la france ?",
            "ch",
        ),
        ("je suis bruxelloise, je dois mettre #pub ?", "be"),
        ("creator in Toronto here, do I charge HST?", "ca"),
        # a place compared with is not where the creator is
        ("et pour un concours, c'est pareil qu'en france ?", None),
        ("is it the same as in the UK?", None),
    ],
)
def test_places_name_the_creators_country_comparisons_do_not(text: str, country: str | None) -> None:
    assert mentioned_country(text) == country


def test_registering_or_a_status_asks_the_rules() -> None:
    assert asks_rules("do I need to register anything to take brand money?")
    assert asks_rules("do I need an LLC for brand deals?")
    assert not asks_rules("how much should I charge for a reel?")
