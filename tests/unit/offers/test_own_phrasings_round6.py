"""Our own phrasings of the kinds dev7 stressed (disclosure, payment terms, exclusivity), written after its misses
were fixed, to find the wordings next to them: each a rule, none from a labelled offer."""

import pytest

from bot.offers.extract import extract_facts


@pytest.mark.parametrize(
    ("text", "disclosure"),
    [
        ("indique « en collaboration avec Lumo » en story", "required"),
        ("please include 'ad' in the first line of the caption", "required"),
        ("say 'this video is sponsored by Lumo' in the intro", "required"),
        ("dis que la vidéo est sponsorisée par Lumo", "required"),
        ("précise en story qu'il s'agit d'un partenariat", "required"),
        ("ajoute le sticker « Partenariat » sur chaque story", "required"),
        # Under a negation the same words hide the ad.
        ("ne dis pas que la vidéo est sponsorisée", "hidden"),
        ("ne précise pas qu'il s'agit d'un partenariat", "hidden"),
        ("don't say 'this video is sponsored'", "hidden"),
    ],
)  # fmt: skip
def test_disclosure_said_or_quoted(text: str, disclosure: str) -> None:
    assert extract_facts(text).disclosure == disclosure


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Payment within 30 business days", 30),
        ("we settle invoices at 90 days", 90),
        ("Paiement à J+30 après publication", 30),
        ("tournage à J+3, paiement net 30", 30),
    ],
)
def test_payment_days_in_other_words(text: str, days: int) -> None:
    assert extract_facts(text).payment_days == days


@pytest.mark.parametrize(
    ("text", "exclusivity", "months"),
    [
        ("Exclu catégorie 3 mois", True, 3),
        ("we ask that you don't partner with competing brands for 3 months", True, 3),
        ("please don't work with other skincare brands for 3 months", True, 3),
        # The bare word asked about, or "don't" that is not about working with others.
        ("[10:05] Sofia : ok top, et pour l'exclu ?", None, None),
        ("don't worry, you can still work with other brands", None, None),
    ],
)
def test_exclusivity_in_short_or_negative_words(text: str, exclusivity: bool | None, months: int | None) -> None:
    facts = extract_facts(text)
    assert (facts.exclusivity, facts.exclusivity_months) == (exclusivity, months)


@pytest.mark.parametrize(
    ("text", "login"),
    [
        # The brand's own portal, with credentials chosen there, and a referral code: no credentials of the creator.
        ("Connecte-toi sur notre plateforme avec tes identifiants créateur que tu as choisis. 1 reel, 300 €.", False),
        ("Partage-nous ton code parrainage pour qu'on suive les ventes. 1 reel, 300 €.", False),
        ("Create an account with a password you choose. 1 reel, 300 €.", False),
        # Handed over, or a code asked back, they are.
        ("give us your login details you created for Instagram", True),
        ("envoie-nous tes identifiants que tu as choisis", True),
        ("on t'envoie un code par SMS, envoie-le-nous", True),
        ("send us the code, promo ends tonight", True),
    ],
)  # fmt: skip
def test_credentials_for_the_brands_portal_or_handed_over(text: str, login: bool) -> None:
    assert extract_facts(text).asks_login is login
