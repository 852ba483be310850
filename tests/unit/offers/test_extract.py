import pytest

from bot.offers import Deliverable, extract_facts, looks_like_offer
from bot.offers.edit import apply_answer, facts_from_state, facts_to_state, parse_categories, parse_share

FRENCH_OFFER = """Bonjour Léa ! Nous sommes Solène Cosmétiques. Pour notre sérum : 1 reel Instagram + deux stories,
rémunération 1 500 € HT, paiement à 45 jours. Exclusivité de 3 mois face à nos concurrents directs. Nous aimerions
réutiliser la vidéo sur notre site pendant 6 mois. Publication avant le 15 mars. Merci d'indiquer « Collaboration
commerciale »."""


def test_a_french_brief_gives_its_facts() -> None:
    facts = extract_facts(FRENCH_OFFER)
    assert facts.lang == "fr"
    assert (facts.compensation, facts.amount, facts.currency) == (["money"], 1500, "EUR")
    assert facts.deliverables == [Deliverable("reel", 1, "instagram"), Deliverable("story", 2, "instagram")]
    assert (facts.exclusivity, facts.exclusivity_months, facts.exclusivity_scope) == (True, 3, "competitors")
    assert (facts.usage_rights, facts.usage_months, facts.usage_perpetual) == (True, 6, False)
    assert (facts.payment_days, facts.deadline, facts.disclosure, facts.category) == (
        45,
        "15 mars",
        "required",
        "beauty",
    )
    assert not (facts.asks_money or facts.asks_login or facts.asks_download or facts.free_email)


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("We pay $1,200 flat for one YouTube integration", "amount", 1200),
        ("Fee: USD 1,500 for the package", "amount", 1500),
        ("budget 1.5k€ pour 2 reels", "amount", 1500),
        ("Rémunération : CHF 900, payable à 30 jours", "currency", "CHF"),
        ("payment net 60 after invoice", "payment_days", 60),
        ("our finance team pays invoices on 90-day terms", "payment_days", 90),
        ("usage rights in perpetuity on all channels", "usage_perpetual", True),
        ("we will whitelist your reel as a Spark Ad", "paid_ads", True),
        ("on ne réutilise pas les vidéos en pub", "paid_ads", False),
        ("Pas d'exclusivité demandée.", "exclusivity", False),
        ("Exclusivity: none", "exclusivity", False),
        ("please don't mention it's sponsored, keep it natural", "disclosure", "hidden"),
        ("merci de ne pas mettre #pub", "disclosure", "hidden"),
        ("send us your password and the 6-digit code", "asks_login", True),
        ("download the contract.exe from our drive", "asks_download", True),
        ("just pay the shipping fee of 9.99 to join", "asks_money", True),
        ("we will send you a cheque, send the rest to our designer", "asks_money", True),
        ("frais de port offerts, on vous envoie le coffret", "asks_money", False),
        ("reply within 24h, last spots!", "urgency", True),
        ("revisions until approval is given", "revision_rounds", 99),
        ("un seul aller-retour de modifications", "revision_rounds", 1),
        ("paid once the video hits 20,000 views", "payment_after_approval", True),
    ],
)
def test_one_fact_at_a_time(text: str, field: str, value: object) -> None:
    assert getattr(extract_facts(text), field) == value


def test_unknown_stays_unknown() -> None:
    facts = extract_facts("Hello! We love your content and would like to work with you.")
    assert facts.compensation == [] and facts.amount is None and facts.deliverables == []
    assert facts.exclusivity is None and facts.usage_rights is None and facts.payment_days is None
    assert facts.disclosure is None and facts.category is None


def test_the_value_of_a_gift_is_not_a_fee() -> None:
    facts = extract_facts("On t'envoie notre coffret (valeur 120 €) en échange d'un reel")
    assert facts.amount is None and facts.compensation == ["gift"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FRENCH_OFFER, True),
        ("hey!! we'd love to collab, we send you our serum for 2 reels + 3 stories, interested? 🥰 " * 2, True),
        ("how much should I charge for a reel?", False),
        ("c'est quoi une exclusivité dans un contrat ?", False),
    ],
)
def test_recognising_a_pasted_offer(text: str, expected: bool) -> None:
    assert looks_like_offer(text) is expected


def test_corrections_change_one_field_and_survive_a_round_trip() -> None:
    facts = extract_facts(FRENCH_OFFER)
    fixed = apply_answer(facts, "pay", "un coffret offert")
    assert fixed.compensation == ["gift"] and fixed.amount is None
    assert fixed.deliverables == facts.deliverables
    none = apply_answer(fixed, "exclusivity", "aucune")
    assert none.exclusivity is False
    assert facts_from_state(facts_to_state(none)) == none
    with pytest.raises(ValueError):
        apply_answer(facts, "colour", "red")


def test_profile_fields_from_free_text() -> None:
    assert parse_categories("alcool, crypto et paris sportifs") == ["gambling", "crypto", "alcohol"]
    assert parse_share("35 %") == 0.35 and parse_share("0.2") == 0.2 and parse_share("abc") is None
