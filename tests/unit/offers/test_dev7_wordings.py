"""Kinds of wording from round 6's blind offers (dev7), each a rule rather than one message: the bank's own codes
asked to pay the creator, and (below) disclosure, payment, rivals and rights said in other words."""

import pytest

from bot.advice.understand import understand
from bot.offers.extract import extract_facts


@pytest.mark.parametrize(
    "text",
    [
        "on the day it goes live, straight bank transfer, just send me ur sort code and account no. 1 reel, £120",
        "Send us your BIC code with your invoice, paid net 30. $400 for 1 reel.",
        "Envoie-moi ton code banque et ton code guichet pour le virement. 1 reel pour 300 €.",
        "Please share your SWIFT code so we can pay you. 1 video, $900.",
    ],
)
def test_the_bank_codes_to_pay_the_creator_are_no_credentials(text: str) -> None:
    facts = extract_facts(text)
    assert not (facts.asks_login or facts.asks_bank_details)
    assert not {"login_request", "bank_details_request", "scam_signals"} & set(understand(text, ()).red_flags)


@pytest.mark.parametrize(
    "text",
    [
        "Send me the 6-digit code you got by SMS to finish the collab.",
        "envoie ton code bancaire pour valider la collab",
    ],
)
def test_other_codes_sent_back_are_still_credentials(text: str) -> None:
    assert extract_facts(text).asks_login


@pytest.mark.parametrize(
    ("text", "disclosure"),
    [
        # The platform's tool named before its label, YouTube's French box.
        ("faut juste activer l'option contenu de marque de Twitch", "required"),
        ("avec l'outil de contenu de marque, on veut être corrects", "required"),
        ('Merci de cocher la case "contient une promotion payée" sur YouTube.', "required"),
        # The post named as an ad, or said to be one in writing.
        ("identifie la publication comme partenariat payé", "required"),
        ("et tu mets bien que c'est un partenariat hein", "required"),
        ("Please write that it's an ad in the first line.", "required"),
        # A label in quotes after a banner, a label or a verb of writing.
        ('laisse le bandeau « sponsorisé » à l\'écran pendant tout le live', "required"),
        ('1 sponsored slot in your newsletter (clearly labelled "Sponsored" at the top)', "required"),
        ('ils m\'ont dit de mettre "lien affilié" sur chaque story', "required"),
        # The same words without a label asked for, or asked to be left out.
        ("Add your affiliate link in bio.", None),
        ("One banner ad on your blog for 200 €.", None),
        ("On te propose un partenariat payé : 1 reel, 300 €.", None),
        ("ne mets pas que c'est un partenariat", "hidden"),
        ("don't write that it's an ad, keep it organic", "hidden"),
    ],
)  # fmt: skip
def test_disclosure_in_other_words(text: str, disclosure: str | None) -> None:
    assert extract_facts(text).disclosure == disclosure


@pytest.mark.parametrize(
    ("text", "banned"),
    [
        ("Ne mentionne jamais d'autres applis de livraison dans tes contenus, même en passant", True),
        ('one thing in the brief: "never mention or show any other meal kit brand, ever"', True),
        # A permission right before the mention allows it, whatever "no" the clause holds elsewhere.
        ("they said use #sponsored and that I'm free to mention other brands whatever, no exclusivity stuff.", False),
        ("n'hésite pas à citer d'autres marques que tu aimes, pas d'exclu", False),
        ("You can mention other brands, no exclusivity.", False),
        # A permission denied is a ban.
        ("you are not free to mention other brands, ever", True),
        ("tu ne peux pas citer d'autres marques", True),
    ],
)  # fmt: skip
def test_a_ban_on_rivals_and_a_permission_to_name_them(text: str, banned: bool) -> None:
    facts = extract_facts(text)
    assert facts.competitor_ban is banned
    assert not (banned and facts.exclusivity)


@pytest.mark.parametrize(
    ("text", "after_approval"),
    [
        ("• Payment is released after the campaign results are reviewed (minimum 50k combined views)", True),
        ("Paiement après validation des résultats de la campagne.", True),
        ("Payment after the client's final approval.", True),
        ("Payment 30 days after posting.", False),
        ("Paiement à 30 jours après la publication du reel.", False),
    ],
)
def test_paid_after_the_results_with_words_between(text: str, after_approval: bool) -> None:
    assert extract_facts(text).payment_after_approval is after_approval


def test_a_forwarded_subject_restating_the_pieces_adds_none() -> None:
    mail = (
        "---------- Forwarded message ---------\nDe : Jade <jade@agence.fr>\nObjet : Proposition collab – 2 TikToks\n"
        'À : <moi@gmail.com>\n\nBonjour,\nVoici ce qu\'on te propose :\n• 2 TikToks format "ma méthode"\n'
        "• Rémunération : 600 € HT\n"
    )
    assert [(d.format, d.count) for d in extract_facts(mail).deliverables] == [("tiktok", 2)]
    # A subject naming pieces the body does not list still counts them.
    alone = "---------- Forwarded message ---------\nFrom: Jo\nSubject: 2 TikToks for Mnemo\n\nHi! Budget 600 €."
    assert [(d.format, d.count) for d in extract_facts(alone).deliverables] == [("tiktok", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What each period holds, after an "=": the rhythm's pieces.
        ("£200 per month for 3 months. Each month = 1 sponsored stream on Twitch.", [("live", 3)]),
        ("Chaque semaine = 1 story, pendant 4 semaines.", [("story", 4)]),
        # A total after an "=" stays the total.
        ("2 stories/week x 4 weeks = 8 stories", [("story", 8)]),
        ("1 reel par mois pendant 3 mois = 3 reels", [("reel", 3)]),
    ],
)
def test_each_period_equals_its_pieces(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(d.format, d.count) for d in extract_facts(text).deliverables] == expected


@pytest.mark.parametrize(
    ("text", "exclusivity"),
    [
        # "exclusivement", "exclusively" mean "only", unless said of working with the brand.
        ("1 reel pour 300 €, rémunération exclusivement à la commission", None),
        ("The video is posted exclusively on TikTok, $300", None),
        ("Tu travailles exclusivement avec nous pendant 6 mois", True),
        ("You will work exclusively with us for 3 months", True),
        ("Exclusive partnership for 6 months", True),
        # A confidentiality footer is not read at all.
        ("1 reel, 300 €.\nJade\nCe message et ses pièces jointes sont confidentiels et destinés exclusivement à "
         "leur destinataire.", None),
    ],
)  # fmt: skip
def test_only_is_no_exclusivity(text: str, exclusivity: bool | None) -> None:
    assert extract_facts(text).exclusivity is exclusivity


@pytest.mark.parametrize(
    ("text", "usage"),
    [
        # The usage label answered with a no.
        ("Usage rights: none needed, we won't run your content as an ad", False),
        ("Droits d'usage : aucun, on ne sponsorise pas ton contenu", False),
        ("Usage: none. Exclusivity: none.", False),
        # A term, or a use said after the no, is still a right.
        ("Usage rights: 3 months organic", True),
        ("Usage rights: no, but we will repost your reel on our Instagram", True),
    ],
)
def test_usage_rights_answered_with_a_no(text: str, usage: bool) -> None:
    assert extract_facts(text).usage_rights is usage


@pytest.mark.parametrize(
    ("text", "gift"),
    [
        # A gift beside the fee in other words.
        ("1 reel and 2 stories, we'll give u £120 plus a free month membership", True),
        ("budget is $60 total + a full set of nails", True),
        ("autour de notre nouveau coffret (on te l'envoie évidemment), 450 €", True),
        ("la marque m'a dit qu'elle m'envoie sa poussette et qu'en échange je dois faire 1 reel", True),
        ("jeu gratuit, et on t'offre le pack collector", True),
        # Free for everyone, the creator's side of the exchange, a folder to upload to: no gift.
        ("on est Dragonpuits (jeu mobile de stratégie, gratuit, sans loot box). 500€ le live", False),
        ("en échange je dois faire 2 stories insta par semaine, 20% de commission", False),
        ("please upload finals to the shared folder we'll send you. $500 for 2 videos", False),
    ],
)
def test_what_is_a_gift_to_the_creator(text: str, gift: bool) -> None:
    assert ("gift" in extract_facts(text).compensation) is gift
