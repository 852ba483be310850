import pytest

from bot.advice.understand import understand
from bot.offers import extract_facts
from bot.text import bans_rivals_only, fold


def _at(text: str, word: str) -> bool:
    folded = fold(text)
    start = folded.index(word)
    return bans_rivals_only(folded, start, start + len(word))


def test_a_mention_beside_a_ban_on_rivals_is_not_the_ad_label() -> None:
    assert _at("never mention NordShield or any other VPN", "mention")
    assert _at("ne mentionne aucune marque concurrente", "mention")
    # The ad label named right after the mention, or no rival banned: the mention is about disclosure.
    assert not _at("no mention that it's sponsored, and never name competitors", "mention")
    assert not _at("no mention of the partnership please", "mention")


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("Please never mention NordShield or any other VPN in the video. 1 integration for $400, #ad.", False),
        ("Ne cite aucune marque concurrente dans la vidéo. 1 reel pour 300 €, mention #pub.", False),
        ("Don't mention it's sponsored and don't name competitors. 1 reel for $300.", True),
        ("Pas de mention partenariat stp, on préfère que ça ait l'air naturel. 1 reel pour 300 €.", True),
    ],
)
def test_both_readers_of_hidden_advertising_agree(text: str, hidden: bool) -> None:
    """The offer rules and the understanding step ask the same helper."""
    assert (extract_facts(text).disclosure == "hidden") is hidden
    assert ("hidden_advertising" in understand(text).red_flags) is hidden


def test_rivals_named_as_other_businesses_of_a_kind() -> None:
    """'any other meal kit brand', "d'autres applis de livraison": rivals by their kind, not only 'other brands'."""
    assert _at('"never mention or show any other meal kit brand, ever"', "mention")
    assert _at("Ne mentionne jamais d'autres applis de livraison dans tes contenus", "mention")
    assert not _at("don't mention any other details about the launch", "mention")
