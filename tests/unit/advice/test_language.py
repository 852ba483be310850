import pytest

from bot.advice.language import detect_language


@pytest.mark.parametrize(
    "text",
    [
        "c normal que la marque me paye pas?",
        "cb je demande pr 1 story",
        "whitelisting c quoi",
        "tjrs pas payé depuis 3 mois",
        "la marque veut mon mdp insta",
        "Une marque m'offre un produit contre un reel, j'accepte ?",
        "dm chelou dune marque de montres",
    ],
)
def test_french(text: str) -> None:
    assert detect_language(text) == "fr"


@pytest.mark.parametrize(
    "text",
    [
        "how much should i charge for a reel",
        "brand wants my password lol",
        "is it legit??",
        "gifted product only, worth it?",
        "ngl the contract looks sketchy",
        "do i have to put #ad on a story",
    ],
)
def test_english(text: str) -> None:
    assert detect_language(text, default="fr") == "en"


@pytest.mark.parametrize("text", ["🙂🙂", "???", "ok", "12"])
def test_no_clue_keeps_the_users_language(text: str) -> None:
    assert detect_language(text, default="fr") == "fr"
    assert detect_language(text, default="en") == "en"
