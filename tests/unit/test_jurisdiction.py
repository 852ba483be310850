"""Where the creator is, and whether a card's rules are theirs."""

import pytest

from bot.advice.jurisdiction import (
    COUNTRIES,
    JurisdictionNote,
    creator_country,
    mentioned_country,
    note_for,
    rank_for_country,
)


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
