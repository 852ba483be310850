"""Wordings from round 5's blind offers (dev5), each a kind of phrasing rather than one message: disclosure asked
for in one word or by saying what the post is, the fields a creator's own summary gives, categories that a brand
name or a word inside another word misled, and the signals of a pushy or contract-less sender."""

import pytest

from bot.offers.extract import extract_facts


@pytest.mark.parametrize(
    ("text", "disclosure"),
    [
        # A label asked for in one hashtag, YouTube's box, or by saying what the post is.
        ("je mets #collaborationcommerciale comme d'hab", "required"),
        ('Please tick "includes paid promotion" on everything.', "required"),
        ("Please mention it's sponsored.", "required"),
        ("FTC: please say it's sponsored at the start of the segment.", "required"),
        ("Please mark the posts as advertising.", "required"),
        # A request after "none at all 😊 and pls" is not under the "none".
        ("exclusivity? none at all 😊 and pls use the paid partnership tag", "required"),
        # "Whatever feels natural" beside a label asked for is a style; without one, or with "no #ad", it hides.
        ("1 TikTok per week (WIP, whatever feels natural). just add #ad please!", "required"),
        ("we want it to look organic", "hidden"),
        ("make it feel natural, no #ad", "hidden"),
        ("don't say it's sponsored", "hidden"),
        ("pas besoin de dire que c'est sponsorisé", "hidden"),
    ],
)  # fmt: skip
def test_disclosure_wordings(text: str, disclosure: str) -> None:
    assert extract_facts(text).disclosure == disclosure


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        # Usage rights in a creator's shorthand.
        ("pas d'exclu, droits 6 mois en organique seulement.", "usage_months", 6),
        ("£450, paid 14 days after posting, 3 months usage on their socials, no exclusivity.", "usage_rights", True),
        ("net 30, usage 3 months organic. im at 20k", "usage_months", 3),
        # A contract's number in words, then in figures.
        ("Payment shall be made within forty-five (45) days of receipt of a valid invoice.", "payment_days", 45),
        # A fee per reel pays the reels, not the stories that come with them.
        ("- 4 reels (2 par mois pendant 2 mois)\n- 1 story de relais par reel, soit 4 stories\n"
         "Tarif : 180 € HT par reel, stories incluses.", "amount", 720),
        ("2 reels + 3 stories, 100 € per piece", "amount", 500),
        ("3 TikToks and 2 stories, $200 per video", "amount", 600),
    ],
)  # fmt: skip
def test_field_wordings(text: str, name: str, value: object) -> None:
    assert getattr(extract_facts(text), name) == value


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # A brand named "Maison …" selling dresses is fashion; "enveloppe" holds no bike, "portrait" no trail.
        ("Maison Grenat : 2 reels (essayage de la robe Lou et de la jupe Aria)", "fashion"),
        ("Potager urbain, kit de semis. Enveloppe globale : 1 500 € HT", None),
        ("un portrait de toi pour notre blog", None),
        ("Vélo Volt (vélos électriques urbains)", "sport"),
        # A cap ("casquette") is worn, not a headset ("casque").
        ("la marque de casquettes Orbe Studio", "fashion"),
        ("notre nouveau casque audio sans fil", "tech"),
        # Hyaluronic acid in a cream is a cosmetic; injected, it is cosmetic surgery.
        ("crème anti-rides au rétinol et acide hyaluronique", "beauty"),
        ("injections d'acide hyaluronique dans notre clinique", "cosmetic_surgery"),
    ],
)  # fmt: skip
def test_categories_read_as_words(text: str, category: str | None) -> None:
    assert extract_facts(text).category == category


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        # Pressure to answer within the hour, or because others are waiting.
        ("Please reply in 1 hour because many influencers waiting.", "urgency", True),
        ("réponds dans l'heure stp", "urgency", True),
        ("We reply within 2 business days", "urgency", False),
        ("the brief takes an hour to read", "urgency", False),
        # A creator telling what they get in return.
        ('a skincare brand wants 1 reel + 4 stories and in return they send me their "glow set". no payment at all.',
         "compensation", ["gift"]),
        ("ils m'envoient leur coffret", "compensation", ["gift"]),
        ("they send me the contract tomorrow", "compensation", []),
        # Spoken French for "no written contract", and a deal "on trust, just in DMs".
        ("ils font jamais de contrat écrit", "no_contract", True),
        ('"on fonctionne a la confiance"', "no_contract", True),
        ("le contrat suit par mail", "no_contract", False),
    ],
)  # fmt: skip
def test_sender_wordings(text: str, name: str, value: object) -> None:
    assert getattr(extract_facts(text), name) == value
