"""A ban on naming rivals is not hiding the ad, a permission is not a ban, and what joining costs is not a fee."""

import pytest

from bot.advice.understand import understand
from bot.offers import extract_facts


@pytest.mark.parametrize(
    "text",
    [
        "They told me I should never mention NordShield or any other VPN, forever. Fine?",
        "No mention of competitors, ever.",
        "Interdiction de citer les marques concurrentes, sans limite de durée.",
        "la marque veut que je ne parle jamais de Thé&Co ni d'aucune autre appli, à vie",
    ],
)
def test_a_ban_on_naming_rivals_is_a_competitor_ban_not_hidden_advertising(text: str) -> None:
    facts = extract_facts(text)
    assert facts.competitor_ban and facts.disclosure != "hidden"
    assert "hidden_advertising" not in understand(text, (), lang="en").red_flags


@pytest.mark.parametrize(
    "text",
    [
        "No mention of the partnership please, and no mention of competitors.",
        "Never mention NordShield or any other VPN and don't mention it's sponsored",
    ],
)
def test_hiding_the_ad_beside_a_rival_ban_is_still_hiding_it(text: str) -> None:
    facts = extract_facts(text)
    assert facts.disclosure == "hidden" and facts.competitor_ban


@pytest.mark.parametrize(
    "text", ["Tu peux mentionner d'autres marques sans souci", "You're free to mention other brands in your feed."]
)
def test_allowing_other_brands_is_not_a_ban(text: str) -> None:
    assert not extract_facts(text).competitor_ban


def test_a_joining_fee_is_what_the_creator_pays_not_their_pay() -> None:
    facts = extract_facts(
        "Join our ambassador program: just pay the £29 onboarding fee for your starter kit and earn 30% "
        "commission on every sale with your code."
    )
    assert facts.asks_money and facts.amount is None and facts.compensation == ["commission"]
    paid = extract_facts("Your fee: £250 for a TikTok. There is no registration fee.")
    assert paid.amount == 250 and paid.compensation == ["money"] and not paid.asks_money


@pytest.mark.parametrize(
    "fee",
    ["the onboarding fee", "the welcome kit fee", "the membership fee", "les frais d'adhésion", "les frais de dossier",
     "les frais de formation", "the application fee"],
)  # fmt: skip
def test_every_joining_fee_is_read_alike_wherever_it_is_written(fee: str) -> None:
    """One word list: the amount is not the creator's pay, it is money asked of them, and its 'fee' is no pay."""
    facts = extract_facts(f"Pour rejoindre le programme, réglez {fee} : 49 €. Commission de 20 % sur vos ventes.")
    assert facts.amount is None and facts.asks_money and "money" not in facts.compensation
