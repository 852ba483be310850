import pytest

from bot.text import amounts


@pytest.mark.parametrize(
    ("text", "value", "per"),
    [
        # An "e" glued to the number, then a price's word or a stop: the euro typed without its sign.
        ("une marque me propose 250e pour 1 reel + 2 stories", 250, None),
        ("Il me propose 1 200e pour le tout", 1200, None),
        ("500e/mois pendant 3 mois", 500, "month"),
        ("ça fait 250e.", 250, None),
        ("1500e HT", 1500, None),
    ],
)
def test_an_e_glued_to_a_price_is_the_euro(text: str, value: float, per: str | None) -> None:
    (found,) = amounts(text)
    assert (found.value, found.currency, found.per) == (value, "EUR", per)


@pytest.mark.parametrize(
    "text",
    ["le 2e reel sera posté lundi", "la 3e semaine", "le 15e jour du mois", "les 2e et 3e reels", "1e5 vues"],
)
def test_ordinals_are_no_euros(text: str) -> None:
    assert amounts(text) == []
