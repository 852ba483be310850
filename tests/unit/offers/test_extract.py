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
    assert facts.deliverables == [
        Deliverable("reel", 1, "instagram"),
        Deliverable("story", 2, None),
    ]  # named for the reel only
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
        # round 11: money sent for a kit, per-signup rates, numbers in words and figures, a promo code, an archive
        ("to join, send $39 for the starter kit", "asks_money", True),
        ("to join, send $39 for the starter kit", "amount", None),
        ("we pay $25 for every signup through your link", "compensation", ["commission"]),
        ("On paye 30€ par inscription + 200€ fixe par vidéo", "amount", 200.0),
        ("exclusivité pour une période de douze (12) mois", "exclusivity_months", 12),
        ("ils veulent l'exclu sur tout l'alimentaire pendant 1 an", "exclusivity_months", 12),
        ("share your personal code with your followers", "asks_login", False),
        ("download brief.zip (archive password: 2024)", "asks_login", False),
        ("free shoes for 3 tiktoks, no money at all, they're $140 shoes", "compensation", ["gift"]),
        ("free product + 200€ for the reel, no money upfront", "amount", 200.0),
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


# ---- clause reading: the cases that word-spotting got wrong -------------------------------------------------
def test_a_phishing_login_link_is_a_login_request_and_a_creator_portal_is_not() -> None:
    phishing = "Connectez-vous à votre compte Instagram via ce lien : insta-partner-verify.com/login pour valider."
    assert extract_facts(phishing).asks_login
    portal = "Log in to our creator portal to upload drafts — we will never ask for your password. We pay €300."
    assert not extract_facts(portal).asks_login
    assert not extract_facts("You can download our press kit from our website. 1 reel, €300.").asks_download


def test_a_negated_registration_is_read_as_unregistered() -> None:
    facts = extract_facts("Plateforme crypto (non enregistrée en France), 1 vidéo pour 500 €.")
    assert facts.category == "crypto"
    assert (facts.crypto_registered, facts.financial_unregistered) == (False, True)
    registered = extract_facts("Plateforme crypto enregistrée comme PSAN auprès de l'AMF, 1 vidéo pour 500 €.")
    assert (registered.crypto_registered, registered.financial_unregistered) == (True, False)


def test_perpetual_worldwide_rights_and_a_long_category_exclusivity() -> None:
    facts = extract_facts(
        "We pay $2,000 for 2 reels. Perpetual, worldwide usage rights in all media, and 12-month exclusivity in "
        "the entire beauty category."
    )
    assert (facts.usage_rights, facts.usage_perpetual) == (True, True)
    assert (facts.exclusivity, facts.exclusivity_months, facts.exclusivity_scope) == (True, 12, "category")


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Please delete any negative comments on the sponsored post for 6 months. $300 for 1 reel.", "comment_control"),
        ("Leave a 5-star review on our Amazon page and keep the blender.", "fake_reviews"),
        ("On ne fait pas de contrat écrit, on fonctionne à la confiance. 1 200 € pour 3 reels.", "no_contract"),
        ("You agree never to mention any other bike brand, with no time limit. $900 for 1 video.", "competitor_ban"),
        ("Envoyez une photo recto verso de votre carte bancaire pour recevoir les 350 €.", "asks_bank_details"),
        (
            "Your account will be disabled for copyright infringement: appeal via the form at meta-help.co",
            "copyright_threat",
        ),
        ("Your audience is mostly 13 to 17 year olds, which is perfect for our casino.", "minors_audience"),
    ],
)
def test_new_facts(text: str, field: str) -> None:
    assert getattr(extract_facts(text), field) is True


def test_no_money_when_the_offer_says_none_and_a_discount_is_not_a_commission() -> None:
    facts = extract_facts(
        "Pas de rémunération prévue, mais on t'offre le coffret. Ton code promo -40% pour tes abonnés."
    )
    assert facts.compensation == ["gift"]
    assert facts.commission_rate is None
    affiliate = extract_facts(
        "No fixed fee: 15% commission on every sale with your code, and a -20% discount for fans."
    )
    assert affiliate.compensation == ["commission"] and affiliate.commission_rate == 15


def test_per_month_deliverables_are_multiplied_and_reply_by_is_not_the_deadline() -> None:
    facts = extract_facts(
        "2 reels + 4 stories par mois pendant 3 mois, 600 € par mois. Publication du premier reel le 15 mars. "
        "Merci de répondre avant le 2 mars."
    )
    assert sorted((d.format, d.count) for d in facts.deliverables) == [("reel", 6), ("story", 12)]
    assert facts.amount == 1800
    assert (facts.deadline, facts.reply_by) == ("15 mars", "2 mars")
    english = extract_facts("Reply by Friday please! The video goes live on June 3. $500 for 1 TikTok.")
    assert english.reply_by == "Friday" and english.deadline == "June 3"


def test_quoted_and_forwarded_parts_are_read_without_their_wrapping() -> None:
    mail = (
        "---------- Forwarded message ---------\nFrom: Ana <ana@brand.com>\nSubject: Fwd: collab\n\n"
        "> We pay €400 for 1 reel, net 30, #ad required.\n-- \nAna\nThis email is confidential, keep it between us."
    )
    facts = extract_facts(mail)
    assert (facts.amount, facts.payment_days, facts.disclosure) == (400, 30, "required")


def test_huge_amounts_are_unreadable_and_long_offers_are_capped() -> None:
    facts = extract_facts("We pay " + "9" * 500 + " € for 1 reel.")
    assert facts.amount is None and facts.amount_unreadable
    long = extract_facts("We pay €300 for 1 reel. " + "blah " * 3000)
    assert long.truncated and long.amount == 300


def test_a_code_from_sms_is_a_login_request_and_buying_a_starter_kit_is_paying_to_work() -> None:
    assert extract_facts("Please send us the 6-digit code you received by SMS to confirm.").asks_login
    assert extract_facts("To join, you just need to buy our starter kit (€49).").asks_money


@pytest.mark.parametrize(
    "text",
    [
        "une marque me propose 300€ pour 2 reels mais veut les droits à vie sur mes vidéos, c'est normal ?",
        "a brand offered me $300 for 2 reels but wants to use my videos for life, is that ok?",
        "ils veulent garder mes vidéos indéfiniment et 200€ pour un tiktok",
        "they want to use my content forever, 500 € for 3 posts, should I accept?",
        "la marque veut pouvoir utiliser mes photos sans limite de durée, 400€ pour 2 posts",
        "300€, 2 reels, droits illimités dans le temps",
        "Usage rights: perpetual, all media.",
    ],
)
def test_rights_without_end_in_the_creators_own_words_are_perpetual(text: str) -> None:
    facts = extract_facts(text)
    assert (facts.usage_rights, facts.usage_perpetual) == (True, True)


@pytest.mark.parametrize(
    "text",
    [
        "cette marque me suit à vie, elle m'a offert 300€ pour 2 reels",
        "I'll remember this forever, they pay 500 € for 2 reels",
        "ça a changé ma vie, 500€ pour 2 reels",
        "les droits ne sont pas à vie, 300€ pour 2 reels",
        "Usage: 12 months on our site, not forever.",
    ],
)
def test_forever_about_something_else_or_denied_is_not_perpetual_rights(text: str) -> None:
    assert not extract_facts(text).usage_perpetual


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 reels Instagram et 4 stories pour 900 €",
         [Deliverable("reel", 2, "instagram"), Deliverable("story", 4, None)]),
        ("1 reel + 2 stories sur Instagram, 500 €",
         [Deliverable("reel", 1, "instagram"), Deliverable("story", 2, "instagram")]),
        ("- 1 article de blog dédié\n- 1 mention dans votre newsletter mensuelle",
         [Deliverable("blog", 1, None), Deliverable("newsletter", 1, None)]),
        ("- 1 sponsored blog post per month for 3 months\n- 1 newsletter mention per month for the same 3 months",
         [Deliverable("blog", 3, None), Deliverable("newsletter", 3, None)]),
    ],
)  # fmt: skip
def test_a_platform_belongs_to_the_deliverables_it_is_written_beside(text: str, expected: list) -> None:
    assert extract_facts(text).deliverables == expected


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("We don't need usage rights for paid ads. Please tag it #ad.", "disclosure", "required"),
        ("They don't want to use it for ads. I need to tag it #ad.", "disclosure", "required"),
        ("Please don't use #ad, keep it natural.", "disclosure", "hidden"),
        ("Log in to our creator portal with your own email and a password you choose.", "asks_login", False),
        ("Send us your Instagram password so we can verify your stats.", "asks_login", True),
        ("Paid ads usage would need your agreement and a separate fee.", "ads_fee", True),
    ],
)
def test_refused_ad_use_a_portal_password_and_a_separate_ads_fee(text: str, field: str, value: object) -> None:
    assert getattr(extract_facts(text), field) == value


def test_what_other_creators_earn_is_not_a_fee() -> None:
    facts = extract_facts(
        "Tu postes 2 reels par mois avec ton code et tu touches 15 % de commission sur chaque vente. Pas de fixe pour "
        "le moment, mais nos meilleures ambassadrices se font jusqu'à 500 €/mois !"
    )
    assert facts.amount is None and "money" not in facts.compensation and "commission" in facts.compensation


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("To activate your account just pay the one-time onboarding fee of $79.", True),
        ("pour devenir ambassadrice je dois d'abord payer une formation créatrice à 150 €", True),
        ('to become an ambassador I have to first buy a $200 "starter kit" of their products', True),
        ("We pay a one-time fee of 800 € for 2 reels.", False),
        ("on paie les frais de port, 300 € pour 2 reels", False),
    ],
)
def test_paying_to_join_in_other_words(text: str, asks: bool) -> None:
    assert extract_facts(text).asks_money is asks


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Category exclusivity: you agree not to promote any other haircare brand for 12 months from signature.",
         "exclusivity_months", 12),
        ("Vous vous engagez à ne promouvoir aucune autre marque de la catégorie soins capillaires (shampoings, "
         "masques) pendant 12 mois.", "exclusivity_scope", "category"),
        ("Exclusivity: for 6 months, you may not work with any competing brand (cargo bikes, e-bikes).",
         "exclusivity_scope", "competitors"),
        ("You agree never to mention any other bike brand.", "competitor_ban", True),
        ("Ils me proposent des produits gratuits (ils disent que ça vaut 90 €) contre 2 vidéos TikTok.", "amount",
         None),
        ("They're offering $50 total plus a box of snacks for 2 reels.", "compensation", ["money", "gift"]),
        ("On te donne 150 € si tu laisses 5 étoiles sur Google Maps et sur Trustpilot.", "fake_reviews", True),
        ("On a besoin de booster nos notes, 150 € pour 1 reel.", "paid_ads", None),
        ("A snack brand asked for 2 reels; they said it's their standard micro-creator rate.", "category", "food"),
    ],
)  # fmt: skip
def test_terms_read_on_blind_offers(text: str, field: str, value: object) -> None:
    assert getattr(extract_facts(text), field) == value


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("2 reels, 900 € HT, droits d'usage 3 mois sur leurs réseaux.", "usage_months", 3),
        ("2 reels and 3 TikToks for $1,500 total, 3 months of organic usage.", "usage_months", 3),
        ("- 650 € HT, paiement 30 jours, contrat envoyé après accord", "payment_days", 30),
        ("- Rémunération : 700 € HT, facture à 30 jours", "payment_days", 30),
        ("They said there's no exclusivity, they don't want to use it for ads, they'll send a simple contract, and "
         "I'd get paid within 30 days of posting.", "payment_days", 30),
        ("They can repost it for 3 months but not as an ad, I'm paid 30 days after invoicing, and I have to label "
         "it as an ad.", "disclosure", "required"),
    ],
)  # fmt: skip
def test_usage_payment_and_disclosure_in_other_words(text: str, field: str, value: object) -> None:
    assert getattr(extract_facts(text), field) == value


def test_payment_terms_on_the_line_after_a_negated_field_are_read() -> None:
    brief = "Deliverables: 1 TikTok video\nFee: £450\nExclusivity: none\nPayment: 30 days from invoice"
    facts = extract_facts(brief)
    assert (facts.payment_days, facts.exclusivity, facts.amount) == (30, False, 450)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("On te propose 2 reels par mois pendant 3 mois, 150€ le reel.", 900),
        ("3 stories, 80 € la story", 240),
        ("1 200 € la campagne pour 2 reels", 1200),
        ("3 YouTube integrations, one per month, $600 per integration", 1800),
        ("3 reels à 150 € pièce", 450),
        ("3 reels à 300 € l'unité", 900),
        ("Rémunération : 450 € HT (soit 540 € TTC) pour 1 reel", 450),
    ],
)
def test_a_french_price_per_piece_is_multiplied_by_the_pieces(text: str, amount: float) -> None:
    assert extract_facts(text).amount == amount


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reels x2, Stories x3, budget 500€", [("reel", 2), ("story", 3)]),
        ("- Reel Instagram ×2\n- Story ×4\nBudget : 600 €", [("reel", 2), ("story", 4)]),
        ("Reels : 2\nStories : 5\nRémunération : 450 €", [("reel", 2), ("story", 5)]),
        ("| Format | Plateforme | Quantité |\n|---|---|---|\n| Reel | Instagram | 2 |\n| Story | Instagram | 6 |",
         [("reel", 2), ("story", 6)]),
        ("1x reel, 2x stories, €350", [("reel", 1), ("story", 2)]),
        ("quinze stories et un TikTok, 600 €", [("story", 15), ("tiktok", 1)]),
        ("a couple of stories and one dedicated YouTube video, $900", [("story", 2), ("video", 1)]),
        ("4 posts LinkedIn, un par semaine pendant un mois, 2 000 €", [("post", 4)]),
        ("3 reels (one a month for three months), $900", [("reel", 3)]),
        ("6 Instagram reels over 6 months (1 per month), $3,000", [("reel", 6)]),
        ("a weekly story for 2 months, 300 €", [("story", 8)]),
        ("1 reel + 2 stories chaque semaine pendant 2 semaines, 500 €", [("reel", 2), ("story", 4)]),
        ("1 encart dans votre newsletter mensuelle et 1 article de blog, 400 €", [("newsletter", 1), ("blog", 1)]),
        ("2 UGC videos for our ads (not posted on your account), $400", [("ugc", 2)]),
        ("Reel : 30 s, à publier le 3 mai. Live : 20 mars, 19h", []),
        ("We'll send a short written agreement. 1 YouTube video, $800", [("video", 1)]),
        ("1 reel (+ 3 stories le jour de la publication), 300 €", [("reel", 1), ("story", 3)]),
        ("1 short-form video for TikTok, $400", [("tiktok", 1)]),
        ("Quick one: 2 TikToks this month + 2 next month, $800 total", [("tiktok", 4)]),
        ("2 TikToks in March and 2 in April, $800", [("tiktok", 4)]),
        ("2 stories par jour pendant 3 jours, 300 €", [("story", 6)]),
        ("La créatrice publiera deux (2) reels Instagram et quatre (4) stories.", [("reel", 2), ("story", 4)]),
    ],
)  # fmt: skip
def test_deliverables_counted_in_other_wordings(text: str, expected: list[tuple[str, int]]) -> None:
    """Counts after the format, tables, words for numbers, a rhythm that restates a total, placements."""
    assert sorted((d.format, d.count) for d in extract_facts(text).deliverables) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Connecte-toi à la plateforme de l'agence pour déposer tes contenus. 1 reel pour 400 €, paiement à 30 jours.",
        "Log in to our creator portal to upload drafts; we will never ask for your password. $300 for 1 reel.",
        "Use the verification code we email you to open the brief on our portal. $300 for 1 reel, net 30.",
        "Tu peux télécharger notre kit presse sur notre site. 1 reel pour 250 €.",
        "Envoie ta facture avec ton RIB (IBAN et code BIC). 1 reel pour 400 €.",
        "Please pin a comment with the discount code under the reel. $400 for 1 reel, net 30.",
        "Your promo code MAYA15 gives your followers 15% off. No exclusivity. $350 for 1 reel.",
        "Shipping is on us and there is no registration fee. $350 for 1 reel.",
    ],
)
def test_legitimate_wordings_do_not_look_like_a_scams_ask(text: str) -> None:
    facts = extract_facts(text)
    assert not (facts.asks_login or facts.asks_download or facts.asks_money or facts.asks_bank_details)
    assert not facts.copyright_threat


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("$1,200 for 1 video. Unlimited rounds of revisions until the client is happy.", "revision_rounds", 99),
        ("1 reel pour 500 €, un nombre illimité de retouches.", "revision_rounds", 99),
        ("1 reel pour 500 €, pas de modifications illimitées.", "revision_rounds", None),
        ("You must never mention or show any competing bootcamp in any of your content.", "competitor_ban", True),
        ("Feel free to mention other brands you like.", "competitor_ban", False),
        ("We don't have a paid budget right now but you keep the set. Please use #gifted.", "disclosure", "required"),
        ("- mention claire du partenariat dans chaque publication", "disclosure", "required"),
        ("Merci d'ajouter « séjour offert par l'hôtel » dans la légende.", "disclosure", "required"),
        ("Posts must carry LinkedIn's Brand partnership label.", "disclosure", "required"),
        ("1 mention in your newsletter, $300", "disclosure", None),
        ("Les droits sont cédés pour toute la durée légale de protection.", "usage_perpetual", True),
        ("You won't be able to work with any other beauty brand for a year.", "exclusivity_months", 12),
        ("We'll pay once the video hits 20k views.", "payment_after_approval", True),
        ("We don't do contracts, a DM is enough.", "no_contract", True),
        ("Please avoid negative comments about the taste.", "comment_control", True),
        ("Feel free to share your honest opinion, even the cons.", "comment_control", False),
        ("We can only offer products (no budget), you keep everything.", "compensation", ["gift"]),
        ("Post about it like it's your own discovery, no need to say we sent it.", "disclosure", "hidden"),
        ("Tell your followers we sent it and tag it #ad.", "disclosure", "required"),
        ("We'd like to share your content on our Instagram for 12 months, organic only.", "usage_months", 12),
        ("We won't use the video anywhere else without asking you first.", "usage_rights", False),
        ("Please share the video in your stories too.", "usage_rights", None),
        ("Invoice payable within thirty days.", "payment_days", 30),
        ("Paid two weeks after the video is live.", "payment_days", 14),
        ("Exclusivity: 30 days on skincare.", "exclusivity_months", 1),
        ("Non-compete: 90 days.", "exclusivity_months", 3),
        ("No competing skincare partnerships for 3 months after posting.", "exclusivity_months", 3),
        ("Pas de clause de non-concurrence.", "exclusivity", False),
        ("Ils veulent garder les droits 2 ans sur mes vidéos.", "usage_months", 24),
        ("1 vidéo, 1 200 € HT, et la sponsoriser en pub pendant 6 mois sans payer plus.", "ads_fee", False),
        ("1 vidéo, 1 200 € HT. Usage en publicité payante : 300 € de plus par mois.", "ads_fee", True),
        ("3 stories + 1 post pour un coffret de produits (valeur 80 €).", "compensation", ["gift"]),
        ("Pour rejoindre le programme, achète ton kit de démarrage à 39 €.", "asks_money", True),
        ("Click this link and sign in with your TikTok to claim your $500 collab: tiktok-creator-rewards.co",
         "asks_login", True),
        ("We'll need admin access to your Instagram account during the campaign.", "asks_login", True),
        ("Plateforme de trading non agréée par l'AMF : 1 vidéo pour 900 €.", "financial_unregistered", True),
    ],
)  # fmt: skip
def test_terms_need_their_own_shape(text: str, field: str, value: object) -> None:
    assert getattr(extract_facts(text), field) == value


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("You purchase any watch from our store with your 40% code, post 1 reel, and we refund you + $300.", True),
        ("Frais de port : seulement 9,90 €, puis tu postes 1 reel.", True),
        ("Shipping is just $19.99, then you post 1 reel.", True),
        ("Shipping is on us. $300 for 1 reel.", False),
        ("Your followers can buy from our store with your code. $300 for 1 reel.", False),
        ("Tu pourras acheter sur notre site avec ton code -20 %. 300 € pour 1 reel.", False),
    ],
)
def test_buying_in_or_paying_the_postage_is_paying_to_work(text: str, asks: bool) -> None:
    assert extract_facts(text).asks_money is asks


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        # A newsletter's "sponsored slot" is no casino; a slot machine is.
        ("One sponsored slot in your newsletter, $800, net 30.", "category", None),
        ("Our online slots casino would love 1 reel, $500.", "category", "gambling"),
        # YouTube's French box and "labelled as sponsored" ask for disclosure.
        ("Il faudra cocher la case « Inclut une communication commerciale » sur YouTube.", "disclosure", "required"),
        ("Both should be clearly labelled as sponsored.", "disclosure", "required"),
        # "Sponsoriser ta chaîne" is a sponsorship, not paid ads; "sponsoriser vos publications" is.
        ("Nous aimerions sponsoriser ta chaîne : 1 vidéo, 900 €.", "paid_ads", None),
        ("Nous aimerions sponsoriser vos publications pendant 3 mois.", "paid_ads", True),
        # A per-stream fee times the streams; "new signups" are the brand's customers, not a joining fee.
        ("3 Twitch streams with your promo code (50 free bets for new signups), $600 per stream = $1,800 total",
         "amount", 1800),
        ("tu commandes ton kit de démarrage à 39€ et ensuite tu touches 30% de commission", "asks_money", True),
        ("800 € HT par live, soit 1 600 € HT au total", "amount", 1600),
        ("450 € HT (soit 540 € TTC) pour 1 reel", "amount", 450),
        ("ils m'envoient un petit contrat et ils paient à 30 jours", "payment_days", 30),
        ("Fee: €2,400, 50% on signature and 50% within 30 days of the last post.", "payment_days", 30),
        ("Il faut juste indiquer clairement que c'est une collaboration payée.", "disclosure", "required"),
        ("No usage rights requested: we'll only share a link to your TikToks in our newsletter", "usage_rights", False),
        ("Mossbyte may share your clips on their socials for 3 months (organic only)", "usage_rights", True),
        ("pas d'exclu, 300€ pour 1 reel", "exclusivity", False),
    ],
)  # fmt: skip
def test_dev4_wordings(text: str, name: str, value: object) -> None:
    assert getattr(extract_facts(text), name) == value


@pytest.mark.parametrize(
    ("text", "asks_login"),
    [
        # "Verify your account" with a link, or an address that names itself "verify": a lookalike collecting logins.
        ("Congrats! To activate your payout please verify your account here within 24h: "
         "glowberry-creators-verify.example/login", True),
        ("Pour recevoir ta rémunération, vérifie ton compte ici : lumi-partners.example/auth", True),
        ("Before we send the contract please confirm your account here: bit.ly/3xYz", True),
        ("Our team is at glowberry-verification.example, reply there to get paid.", True),
        # A brand checking public insights, a brand's own platform, a missing space: none asks for a login.
        ("Please make sure your account is public so we can verify your account insights. 1 reel, €300.", False),
        ("Activate your account on our creator platform (app.brandhub.example) to accept the brief.", False),
        ("We need to verify.Then we pay 300€ for 2 stories.", False),
    ],
)  # fmt: skip
def test_verifying_an_account_through_a_link_is_a_login_request(text: str, asks_login: bool) -> None:
    assert extract_facts(text).asks_login is asks_login


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Nous souhaitons utiliser la vidéo en publicité pendant 24 mois, sans supplément. 1 reel, 350 € HT.", None),
        ("1 reel 300 €, la publicité payante en supplément de 100 €.", None),
        ("We're a supplement brand: 1 reel for $300.", "health_supplement"),
        ("Nos compléments alimentaires : 1 reel, 300 €.", "health_supplement"),
    ],
)
def test_a_french_supplement_is_an_extra_charge_not_a_pill(text: str, category: str | None) -> None:
    assert extract_facts(text).category == category


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("To join our ambassador program, just pay the £29 onboarding kit fee and get 30% commission.", True),
        ("Pour rejoindre le programme, il suffit de régler 29 € pour ton kit de bienvenue.", True),
        ("We pay £400 for 2 TikToks, you just pay attention to the brief.", False),
        ("You will be paid £400 within 30 days of posting.", False),
        ("Tu n'as rien à payer, on te verse 300 € pour le reel.", False),
    ],
)
def test_an_amount_the_creator_must_pay_is_a_pay_to_join_request(text: str, asks: bool) -> None:
    assert extract_facts(text).asks_money is asks


def test_a_ban_on_rivals_ever_is_a_competitor_ban_not_a_month_of_exclusivity() -> None:
    facts = extract_facts(
        "40 quid per tiktok, 4 tiktoks a month for 3 months, and I must not mention any other supplement brand ever."
    )
    assert facts.competitor_ban is True
    assert facts.exclusivity_months is None


def test_a_kit_fee_to_pay_is_not_pay_for_the_creator() -> None:
    facts = extract_facts(
        "To join our ambassador program, just pay the £29 onboarding kit fee and you'll get free products every "
        "month + 30% commission."
    )
    assert facts.asks_money is True
    assert "money" not in facts.compensation


def test_a_monthly_fee_times_its_months_is_the_total() -> None:
    assert extract_facts("Budget : 500 € x 3 mois pour 1 reel par mois").amount == 1500


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("300 € HT par mois pendant 12 mois.\nTorréfaction Oriel SAS\nSAS au capital de 50 000 € – RCS Nantes", 3600),
        ("Fee: £500. Acme Ltd, share capital of £10,000", 500),
        ("SARL au capital social de 8 000 €. Nous vous proposons 400 € pour 1 reel.", 400),
    ],
)
def test_a_companys_legal_capital_is_no_fee(text: str, amount: float) -> None:
    assert extract_facts(text).amount == amount


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("150€ pour 1 tiktok, mais je dois montrer le produit sans dire que c'est une collab", "hidden"),
        ("$200 for a reel, just don't say it's an ad, keep it natural", "hidden"),
        ("300€ pour un reel, ne pas dire à tes abonnés que c'est un partenariat", "hidden"),
        ("$200 for a reel, and please say it's an ad in the first line", "required"),
    ],
)
def test_what_the_post_is_not_to_be_said_hides_the_advertising(text: str, value: str) -> None:
    assert extract_facts(text).disclosure == value


@pytest.mark.parametrize(
    ("text", "usage"),
    [
        ("Téléchargez notre dossier de presse sur notre site.", None),
        ("Download our press kit on our website before you film.", None),
        ("We will repost your video on our website for 6 months.", True),
    ],
)
def test_the_brands_site_as_where_to_download_is_no_reuse_of_the_content(text: str, usage: object) -> None:
    assert extract_facts(text).usage_rights is usage


@pytest.mark.parametrize(
    ("text", "gift"),
    [
        ("got offered free sneakers for 2 tiktoks", True),
        ("un resto me propose un menu gratos contre un reel", True),
        ("free shipping for 3 items and a 10% code", False),
        ("they have a free trial for new users", False),
    ],
)
def test_a_thing_given_free_for_content_is_a_gift(text: str, gift: bool) -> None:
    assert ("gift" in extract_facts(text).compensation) is gift


@pytest.mark.parametrize(
    ("text", "ads"),
    [
        ("they also want to use my videos in ads for 12 months without paying more", True),
        ("ils veulent réutiliser les vidéos dans leurs pubs", True),
        ("we will use your content in our newsletter", None),
    ],
)
def test_content_used_in_the_brands_ads_is_paid_ads(text: str, ads: bool | None) -> None:
    assert extract_facts(f"a brand offered me 300€ for 2 reels. {text}").paid_ads is ads
