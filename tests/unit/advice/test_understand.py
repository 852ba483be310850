import pytest

from bot.advice.understand import adjacent, spelled_out, understand
from bot.offers import Profile


@pytest.mark.parametrize(
    ("text", "history", "kind"),
    [
        ("how many followers do i need before brands take me seriously", [], "question"),
        ("Combien facturer une story Instagram avec 5k abonnés ?", [], "question"),
        ("on me demande de payer 49€ pour le kit ambassadeur, arnaque ?", [], "offer_described"),
        ("a brand offered me 200€ for 3 reels, is it fair?", [], "offer_described"),
        (
            "Hi Sarah,\nWe love your content and would like to offer you 300€ for 2 reels on Instagram.\n"
            "Let us know!\nBest,\nThe Glow team",
            [],
            "offer_pasted",
        ),
        (
            "Bonjour,\nNotre marque aimerait collaborer avec vous : 1 reel + 3 stories contre 400 €.\nCordialement",
            [],
            "offer_pasted",
        ),
        ("ok and what if they say no to that?", ["how do I ask for a higher fee?"], "follow_up"),
        ("et s'ils refusent ?", ["comment négocier mon tarif ?"], "follow_up"),
        ("what about tiktok?", ["do I have to disclose gifted products on instagram?"], "follow_up"),
        ("merci !", [], "small_talk"),
        ("thanks a lot 🙏", [], "small_talk"),
        ("salut", [], "small_talk"),
        ("👍", [], "small_talk"),
        ("best time to post on instagram?", [], "off_topic"),
        ("quelle est la meilleure recette de crêpes ?", [], "off_topic"),
    ],
)
def test_kinds(text: str, history: list[str], kind: str) -> None:
    assert understand(text, history).kind == kind


def test_a_follow_up_needs_a_previous_message() -> None:
    assert understand("and if they refuse?", []).kind != "follow_up"
    reading = understand("and if they refuse?", ["how much should I charge?"])
    assert reading.kind == "follow_up" and reading.context == "how much should I charge?"


def test_a_new_question_after_another_is_not_a_follow_up() -> None:
    previous = ["how much should I charge for a reel?"]
    assert understand("Do I have to put #ad on a gifted product in France?", previous).kind == "question"


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("on me demande de payer 49€ pour le kit ambassadeur, arnaque ?", "pay_to_collaborate"),
        ("brand told me not to use #ad, is that ok?", "hidden_advertising"),
        ("la marque me dit de pas mettre #pub c'est grave ?", "hidden_advertising"),
        ("they want the post to look organic, no sponsored label", "hidden_advertising"),
        ("they sent me a link to log in with my instagram password to get paid", "login_request"),
        ("a brand wants me to promote a vape, can I?", "banned_category"),
        ("une clinique veut que je fasse la promo de ses injections de botox", "banned_category"),
        ("the brief is a .exe file I have to download, normal?", "download_request"),
        ("j ai recu un dm qui dit que mon compte sera supprimé pour droits d auteur sauf si je clique", None),
    ],
)
def test_red_flags_run_on_every_message(text: str, flag: str | None) -> None:
    flags = understand(text).red_flags
    if flag is None:
        assert "fake_copyright_notice" in flags
    else:
        assert flag in flags


@pytest.mark.parametrize(
    "text",
    [
        "No upfront fee, no exclusivity: is this a good deal for 1 reel at 150€?",
        "Ils ne demandent aucun frais d'inscription, c'est bon signe ?",
        "the brand never asked for my password, they just want 2 stories",
        "I always put #ad at the start, is that enough in the UK?",
        "do I have to put #ad on a gifted product?",
    ],
)
def test_negated_or_innocent_mentions_raise_no_warning(text: str) -> None:
    assert understand(text).warnings == ()


def test_the_profile_no_go_categories_apply() -> None:
    reading = understand("a whisky brand wants 2 reels for 300€", profile=Profile(no_go=["alcohol"]))
    assert "no_go_category" in reading.red_flags


def test_a_verdict_is_asked_only_by_verdict_words() -> None:
    assert understand("a brand offered me 200€ for 3 reels, should I accept?").asks_verdict
    assert not understand("a brand offered me 200€ for 3 reels, how do I invoice it?").asks_verdict


def test_long_and_hostile_input_is_read_quickly() -> None:
    import time

    text = ("payer " + "1" * 5000 + " €, ") * 20 + "#ad " * 2000
    start = time.perf_counter()
    understand(text)
    assert time.perf_counter() - start < 5  # linear rules: a generous bound that a backtracking regex would blow


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A question of its own within 30 minutes of another is not a follow-up: a domain term the previous message
        # did not use, a change of subject, or a subject beside the domain.
        ("what is whitelisting?", "question"),
        ("merci ! et sinon, c'est quoi un contrat d'exclusivité ?", "question"),
        ("c'est quoi la meilleure app de montage ?", "off_topic"),
        ("what's the capital of Peru", "off_topic"),
        # Leaning on the previous one: few words, a pronoun, an example or the next step asked for.
        ("how much is normal?", "follow_up"),
        ("d accord, et pour une story ?", "follow_up"),
        ("tu peux me donner un modèle ?", "follow_up"),
        ("je l'ai signé... je fais quoi maintenant ?", "follow_up"),
        ("show me an example", "follow_up"),
    ],
)
def test_a_message_after_another_is_read_on_its_own_words(text: str, kind: str) -> None:
    assert understand(text, ["how much should I charge for a reel?"]).kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A copied chat thread and a brief laid out as fields are the brand's words.
        (
            "[03/04/2026 10:12] Tom - Glowy: on part sur 1 reel à 150€\n[03/04/2026 10:13] Tom - Glowy: dispo ?",
            "offer_pasted",
        ),
        ("Deliverables: 2 reels\nFee: $300\nUsage: 6 months organic\nPayment: net 60\nGo-live: May 2", "offer_pasted"),
        ("Hello Sam,\n\nI'm reaching out from Lumen Skincare: 1 reel for $500?\n\nBest,\nAna", "offer_pasted"),
        # The creator telling what a business offers, or what its contract says.
        ("une appli de fitness de ma ville veut me payer 80€ la vidéo", "offer_described"),
        ("their contract says 'all rights forever' for $250, ok?", "offer_described"),
        # What brands may do in general is a question.
        ("Can a brand ask me to delete my old posts about a competitor?", "question"),
        # Money beside the domain: platform ad revenue, buying for oneself.
        ("how much does youtube adsense pay per 1000 views without sponsors?", "off_topic"),
        ("how do I negotiate a cheaper rent?", "off_topic"),
        ("which ring light for 60€?", "off_topic"),
        ("awesome, that helped a lot, thanks!", "small_talk"),
    ],
)
def test_kinds_read_from_how_a_message_is_laid_out(text: str, kind: str) -> None:
    assert understand(text).kind == kind


def test_a_video_without_a_sponsor_is_not_hidden_advertising() -> None:
    assert "hidden_advertising" not in understand("comment gagner de l'argent sur youtube sans sponsor ?").red_flags
    assert "hidden_advertising" in understand("la marque veut que je poste sans mention sponsorisé").red_flags


@pytest.mark.parametrize(
    ("text", "scheme"),
    [
        ("do i have to pay tax on gifted products?", False),
        ("je dois payer la TVA sur les produits reçus ?", False),
        ("a brand asks me to pay 30€ shipping for the products", True),
        ("they want me to pay the taxes and the shipping for the kit", True),
        # Paid in products is a gift deal (the brand pays), not buying in.
        ("and what if they only want to pay in product?", False),
        ("ils veulent me payer en produits seulement, je fais quoi ?", False),
        ("I have to buy products to join their programme", True),
    ],
)
def test_paying_tax_on_gifts_is_not_paying_to_join(text: str, scheme: bool) -> None:
    assert ("pay_to_collaborate" in understand(text).red_flags) is scheme


@pytest.mark.parametrize(
    "text",
    [
        "Envoie-nous ta facture avec ton RIB pour le virement. 1 reel pour 400 €, paiement à 30 jours, #pub.",
        "Please include your IBAN and BIC code on the invoice so we can pay you. 1 reel for $400, net 30, #ad.",
        "Log in to our creator portal with your email to upload drafts. 1 reel for $400, net 30, #ad.",
        "Crée ton compte sur notre plateforme (choisis un mot de passe) pour suivre tes ventes. 1 reel pour 400 €.",
        "Use the verification code we send by email to open the brief on our portal. 1 reel for $400, net 30, #ad.",
        "Download our press kit (PDF) from the link in this email. 1 reel for $400, net 30, #ad.",
        "Install our app from the App Store and film your first week with it. 1 TikTok for $500, net 30, #ad.",
        "You can download the contract as a PDF and sign it online. 1 reel for $400, net 30, #ad.",
        "Please pin a comment with your discount code under the reel. 1 reel for $400, net 30, #ad.",
        "une marque me propose 300 € pour 2 reels, pas de droits publicitaires, paiement par virement sur mon RIB",
    ],
)
def test_a_legitimate_offers_ordinary_asks_raise_no_scam_warning(text: str) -> None:
    """Being paid on an IBAN, a brand's own portal, a press kit, the app being promoted, pinning a comment."""
    assert understand(text).warnings == ()


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("they want my login so their team can post directly on my account", "login_request"),
        ("ils me demandent le code reçu par SMS pour valider la collab", "login_request"),
        ("they asked for my card number and the CVV to send the fee", "bank_details_request"),
        ("on me demande mon RIB et le code reçu par SMS pour débloquer le paiement", "bank_details_request"),
        ("the brief is a password-protected .rar, I have to run the setup", "download_request"),
    ],
)
def test_a_scams_ask_still_raises_its_warning(text: str, flag: str) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize(
    ("text", "history", "kind"),
    [
        # Continuations wherever they stand: "même …", "… then?", "what would that look like …".
        ("même les cadeaux qu'on m'envoie ?", ["je dois déclarer mes collabs aux impôts ?"], "follow_up"),
        ("who signs the contract then?", ["I'm 15 and a brand wants to pay me"], "follow_up"),
        ("what would that look like for a 3k account?", ["how do I build a rate card?"], "follow_up"),
        # After an offer, a continuation with no new amount or deliverable stays a follow-up.
        ("and if they pay late anyway?", ["a brand offers me 300€ for 2 reels, ok?"], "follow_up"),
        ("and if they offer 500€ for 3 reels instead?", ["a brand offers me 300€ for 2 reels, ok?"], "offer_described"),
        # Setting one's own prices is a rate question, even with an amount and a format.
        ("Is $200 per post too much to ask with 12k followers? setting my rates", [], "question"),
        ("60€ la story c'est trop pour ma grille tarifaire ?", [], "question"),
        # Offers told in the creator's words, with the business named by what it is.
        ("a gym DMed me offering $300 to post about their app, legit?", [], "offer_described"),
        ("brand offering 40 bucks for 2 tiktoks, worth it?", [], "offer_described"),
        ("jme suis fait contacter par une appli de paris pr des stories avec mon code", [], "offer_described"),
        ("un site de crypto veut me payer en tokens pour en parler en live", [], "offer_described"),
        (
            "Bonjour Léa,\n\nJe suis Tom de chez Miel & Co. On adore ton univers : 2 reels contre 300 € ?",
            [],
            "offer_pasted",
        ),
        # Small talk about the answer or the bot, and gear beside the domain.
        ("merci bcp c'était super clair 🙏", [], "small_talk"),
        ("t'es un robot ?", [], "small_talk"),
        ("are you a real person?", [], "small_talk"),
        ("which laptop is best for video editing under $800?", [], "off_topic"),
    ],
)
def test_kinds_of_round_three(text: str, history: list[str], kind: str) -> None:
    assert understand(text, history).kind == kind


def test_how_a_creator_is_paid_is_not_hidden_advertising() -> None:
    assert understand("I don't get paid in cash, only PR boxes every week. Is that taxable?").red_flags == ()
    assert "hidden_advertising" in understand("they told me not to put #ad on the reel").red_flags


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I've been approached by a VPN company for a 60s integration, $400", "offer_described"),
        ("une agence m'a approchée pour une campagne de 3 mois, 500€ par mois", "offer_described"),
        ("une marque m'a contactée pour un reel contre des produits", "offer_described"),
        ("thanks mate, you rock", "small_talk"),
        ("c'est noté, je vais essayer", "small_talk"),
        ("tu t'appelles comment ?", "small_talk"),
        ("parfait merci, à plus tard", "small_talk"),
        ("je peux te poser une question ?", "small_talk"),
        ("do you speak french?", "small_talk"),
        ("how do brands usually contact creators?", "question"),
        ("later in the contract they mention exclusivity, is that normal?", "question"),
    ],
)
def test_offers_told_in_the_feminine_and_chat_about_the_chat(text: str, kind: str) -> None:
    assert understand(text).kind == kind


def test_a_paid_promotion_is_the_creator_being_paid() -> None:
    assert understand("Do I need to tick the paid promotion box on YouTube for a gifted product?").red_flags == ()
    assert understand("is a paid partnership label enough for a gifted product?").red_flags == ()
    assert "pay_to_collaborate" in understand("I paid 50€ for the starter kit, is that a scam?").red_flags


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Is 300€ for 3 reels normal for 10k in general?", "question"),
        ("what is the going rate for 2 stories at 5k?", "question"),
        ("a brand offered me 300€ for 3 reels, is it normal?", "offer_described"),
        ("bonjour, j'ai une question", "small_talk"),
        ("quick question!", "small_talk"),
    ],
)
def test_general_rates_and_announced_questions(text: str, kind: str) -> None:
    assert understand(text).kind == kind


def test_a_million_views_is_no_lion() -> None:
    assert understand("combien paie le fonds créateurs tiktok pour 1 million de vues ?").red_flags == ()
    assert "banned_category" in understand("un zoo veut que je pose avec un bébé tigre contre 300€").red_flags


@pytest.mark.parametrize(
    ("text", "kind", "places"),
    [
        ("i'm in the UK btw", "follow_up", True),
        ("je suis en Belgique", "follow_up", True),
        ("oh and i am based in london", "follow_up", True),
        ("what is the weather in london?", "off_topic", False),
        ("and in the UK?", "follow_up", False),
    ],
)
def test_saying_where_one_is_continues_the_previous_question(text: str, kind: str, places: bool) -> None:
    reading = understand(text, ["how much should I charge for a reel with 10k followers?"])
    assert (reading.kind, reading.places) == (kind, places)


@pytest.mark.parametrize(
    ("text", "history", "kind"),
    [
        # Chat the phrase list lacks: a greeting, thanks or an acknowledgement that asks nothing and names no subject.
        ("merci beaucoup, t'es au top 🙏", [], "small_talk"),
        ("ok merci je vais voir ça", [], "small_talk"),
        ("thanks!! you're a lifesaver", [], "small_talk"),
        ("good morning! hope you're well", [], "small_talk"),
        ("are u a real person or AI", [], "small_talk"),
        ("thanks, and can you help me with my maths homework?", [], "off_topic"),
        # An offer only supposed ("when a brand asks", "si une marque me demande") is a general question, unless it
        # names an amount; one that happened under "when" is told ("quand la marque m'a envoyé le contrat…").
        ("when a brand asks for exclusivity, how much extra should I charge?", [], "question"),
        (
            "Si une marque me demande les droits d'utilisation pour de la pub, je facture combien en plus ?",
            [],
            "question",
        ),
        ("quand la marque m'a envoyé le contrat, j'ai vu qu'ils voulaient les droits à vie", [], "offer_described"),
        ("I keep getting brand DMs asking me to pay for a 'feature', are these always scams?", [], "question"),
        ("Is 150€ for 2 reels a normal rate for 10k followers?", [], "question"),
        # The offer told in the creator's words: passive, "they're asking", the brand of a deal under way, new terms.
        (
            "I was sent a contract by a fitness app, it says they can use my face in ads for 2 years for $300",
            [],
            "offer_described",
        ),
        (
            "They're asking me to film a tutorial with their hair dye, in exchange for a year supply",
            [],
            "offer_described",
        ),
        (
            "the brand I'm working with wants to cut my fee in half because the reel underperformed",
            [],
            "offer_described",
        ),
        (
            "bon du coup la marque revient vers moi avec 300€ au lieu de 200€ mais veut les droits pub 1 an",
            [],
            "offer_described",
        ),
        # Beside the domain: growth, craft, a hacked account, hate comments.
        ("comment avoir plus de vues sur tiktok ?", [], "off_topic"),
        ("how do I make my reels look more cinematic?", [], "off_topic"),
        ("how do I get my first 1000 followers", [], "off_topic"),
        ("my instagram got hacked, how do i get it back?", [], "off_topic"),
        ("any tips for dealing with hate comments? it's getting to me", [], "off_topic"),
        # The last answer applied elsewhere, or written out for the creator.
        ("does that apply to youtube too?", ["How do I disclose a gifted product on instagram?"], "follow_up"),
        ("same answer if it's UGC only?", ["Is $150 for 2 reels fair at 8k followers?"], "follow_up"),
        ("can you draft a reply for me?", ["A brand offered me $500 for 1 video, too low?"], "follow_up"),
    ],
)
def test_kinds_read_from_general_signals(text: str, history: list[str], kind: str) -> None:
    assert understand(text, history).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        # A programme's terms behind bullets, a contract's numbered articles in its own legal register, a chat
        # export with bare times: the brand's words, whatever question follows them.
        "Programme Ambassadeur Lumi 💎\n✨ 20% de commission\n✨ Pas de fixe\n✨ 3 posts par mois\n✨ 6 mois\n"
        "je signe ?",
        "Article 2 – Droits\nLe Créateur cède à la Marque ses droits pour 3 ans.\nArticle 3 – Prix\nEn contrepartie, "
        "la Marque versera 300 euros.\nnormal ?",
        "Section 1. License. Creator hereby grants Brand a perpetual license.\nSection 2. Fee. Brand shall pay $400.\n"
        "ok?",
        "[10:02] Sam (Brewly): hey! 2 reels for $300?\n[10:03] Sam (Brewly): usage 3 months\nthoughts?",
    ],
)
def test_documents_and_threads_are_pasted(text: str) -> None:
    assert understand(text).kind == "offer_pasted"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A bare sum for a format or offered, the passive, a deal under way, a future payment.
        ("got offered 200 for a reel lol, good?", "offer_described"),
        ("I'm negotiating with a coffee brand, they offered 300 and I want 500. how do I push?", "offer_described"),
        ("Je bosse avec une marque qui me paie pas depuis 3 mois, je fais quoi ?", "offer_described"),
        ("they're gonna pay me 100 for a story, is that low for 9k?", "offer_described"),
        ("the contract they sent me says I can't work with any other beauty brand for 2 years", "offer_described"),
        # Brands in general, and how to deal with a kind of brand: questions.
        ("comment répondre à une marque qui me propose juste des produits gratuits ?", "question"),
        ("brands say they want authentic content but then they rewrite my captions, how do I push back?", "question"),
        ("what if a brand wants me to delete a post after 30 days?", "question"),
        ("how much do brands pay for 1 reel with 10k followers?", "question"),
    ],
)
def test_offers_told_and_offers_in_general(text: str, kind: str) -> None:
    assert understand(text).kind == kind


@pytest.mark.parametrize(
    ("text", "history", "kind"),
    [
        # The creator's own price is a rate question; a price judged low is an offer received.
        ("100€ pour un reel avec 3k abonnés c'est trop ?", [], "question"),
        ("I'm thinking of charging $120 per reel, too much for 6k?", [], "question"),
        ("150€ for 2 reels, is that low?", [], "offer_described"),
        ("150€ pour 2 reels, je prends ?", [], "offer_described"),
        ("Une marque m'a envoyé un colis sans rien demander, je dois poster ?", [], "offer_described"),
        # Chat addressed to the coach, leaving for later.
        ("hey coach!", [], "small_talk"),
        ("what's up bot", [], "small_talk"),
        ("je reviens vers toi plus tard", [], "small_talk"),
        ("oki doki", [], "small_talk"),
        # A few words judging what was just said.
        ("is that legal?", ["brand wants me to not mention the partnership"], "follow_up"),
        ("is it legal to promote CBD on instagram?", ["how much for a reel?"], "question"),
    ],
)
def test_own_prices_chat_and_short_judgements(text: str, history: list[str], kind: str) -> None:
    assert understand(text, history).kind == kind


def test_an_audience_described_as_young_counts_as_minors() -> None:
    reading = understand("une marque de puffs me propose 200€ pour une story, mon public est très jeune")
    assert "minors_audience" in reading.red_flags
    assert "minors_audience" not in understand("une marque de puffs me propose 200€, mon public a 30 ans").red_flags


def test_a_brands_words_quoted_after_the_creators_are_pasted() -> None:
    pasted = (
        "voilà ce qu'ils m'ont envoyé : « Nous vous proposons 200€ pour 2 reels, avec exclusivité de 3 mois. "
        "Merci de nous confirmer avant vendredi. »"
    )
    assert understand(pasted).kind == "offer_pasted"
    # A line quoted inside the creator's own account stays theirs.
    told = "la marque m'a juste écrit « on adore ton univers, partante ? » et rien d'autre, je leur réponds quoi ?"
    assert understand(told).kind != "offer_pasted"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("how do I pitch myself to a company I like?", "question"),
        ("comment démarcher des entreprises quand on est petit créateur ?", "question"),
        ("how do I schedule posts in advance?", "off_topic"),
        ("how to write a good bio on instagram", "off_topic"),
        ("comment faire des reels qui cartonnent ?", "off_topic"),
    ],
)
def test_pitching_brands_is_the_domain_scheduling_and_reach_are_beside_it(text: str, kind: str) -> None:
    assert understand(text).kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A brand's writer in the first person, by their role, offering something to the creator.
        (
            "Hi! I'm the marketing manager at Glow Skincare and I'd love to send you our new serum in exchange for a "
            "reel. Let me know if you're interested!",
            "offer_pasted",
        ),
        (
            "Bonjour, je suis chargée de partenariats chez Maison Verte. Je souhaiterais vous proposer une "
            "collaboration : 1 reel + 2 stories pour 350€. Seriez-vous intéressée ?",
            "offer_pasted",
        ),
        (
            "Hello, I represent a gaming chair brand. I can offer $200 for a 60s integration in your next video.",
            "offer_pasted",
        ),
        # A creator or a coach introducing themself asks a question.
        ("Hi, I'm a talent manager at an agency, how should my creators price UGC?", "question"),
        ("Hi, I'm a creator from London with 5k followers, how much should I charge?", "question"),
    ],
)
def test_a_brands_writer_introducing_themself(text: str, kind: str) -> None:
    assert understand(text).kind == kind


def test_what_brands_pay_in_general_is_a_question_even_with_an_amount() -> None:
    assert understand("on m'a dit que les marques paient 10€ pour 1000 abonnés, c'est vrai ?").kind == "question"
    assert understand("les marques paient 100€ le reel à 10k ?").kind == "question"
    assert understand("une marque me paie 100€ le reel à 10k, c'est bien ?").kind == "offer_described"


@pytest.mark.parametrize(
    ("text", "scheme"),
    [
        ("do I need to say it's an ad if I paid for the product myself?", False),
        ("j'ai acheté les produits moi-même, je dois mettre #pub ?", False),
        ("j'ai payé le kit moi-même pour devenir ambassadrice, normal ?", True),
        ("I paid for the kit myself to join their program", True),
    ],
)
def test_buying_for_oneself_is_no_pay_to_join_scheme(text: str, scheme: bool) -> None:
    assert ("pay_to_collaborate" in understand(text).red_flags) is scheme


def test_a_question_word_that_asks_nothing_is_still_chat() -> None:
    assert understand("Thank you!! This is exactly what I needed").kind == "small_talk"
    assert understand("merci, c'est exactement ce que je cherchais").kind == "small_talk"
    assert understand("thanks, what I need now is a template").kind != "small_talk"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "this brand rlly wants me 2 do a giveaway 4 them, they send the prize, i get nothing?? normal??",
            "offer_described",
        ),
        ("mrc bcp", "small_talk"),
        ("kk", "small_talk"),
    ],
)
def test_text_speak(text: str, kind: str) -> None:
    assert understand(text).kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a verb of giving aimed at the creator, whoever gives: a brand's own name, a hotel, "they"
        ("Glowbar wants to send me their whole skincare set for a story", "offer_described"),
        ("the hotel in Porto is inviting me for two nights for content, do I disclose it?", "offer_described"),
        ("ils me doivent toujours 300€ depuis janvier", "offer_described"),
        ("they're only offering a discount code and free shipping, should I bother?", "offer_described"),
        ("my agent says Brand X is paying me for a dedicated video but wants final cut. normal?", "offer_described"),
        ("if a brand wants to send me products, do I have to post?", "question"),
        # the creator's own deal with its amount, unless they ask what to charge
        ("my first paid collab!! 250 dollars for a youtube integration, what goes in the contract?", "offer_described"),
        ("j'ai 2 propositions, une à 150€ et une à 300€ avec exclu, laquelle choisir ?", "offer_described"),
        ("how much should I charge for my first paid collab, 250 dollars?", "question"),
        # pieces traded for a product, as for money
        ("3 tiktoks + 2 stories for a free jacket, am I being lowballed?", "offer_described"),
        # anyone's audience: a market question, whatever the amount
        ("Is 120€ for one reel fair when you have 5k followers?", "question"),
        ("80€ pour 2 stories pour un compte de 4000 abonnés c'est correct ?", "question"),
        ("quand on a signé, ils m'ont payé 300€ pour 2 reels", "offer_described"),
        ("Got 300€ for a reel with 30 days usage, ok?", "offer_described"),
    ],
)
def test_offers_told_by_who_gives_to_whom(text: str, kind: str) -> None:
    assert understand(text).kind == kind


def test_a_brands_we_naming_its_price_is_pasted() -> None:
    text = "Thanks for getting back to us! We can go up to 350€ for the reel, but we'd need usage for 6 months."
    assert understand(text).kind == "offer_pasted"
    assert understand("we got offered 350€ for a reel as a couple account, thoughts?").kind == "offer_described"


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("the brand wants me to ban anyone who complains under the reel, 250€", "comment_control"),
        ("ils veulent que je désactive les commentaires sur la vidéo sponsorisée, 300€", "comment_control"),
        ("a skincare brand offers $300 but I can only say positive things about it", "comment_control"),
        ("la marque propose 400€ pour 2 reels mais refuse de signer un contrat", "no_written_contract"),
        ("brand offered £200 for a TikTok, says a handshake deal is fine, no paperwork", "no_written_contract"),
        ("une marque veut 2 reels contre des produits gratuits, sans rémunération", "gift_only"),
        ("they'll send me a free hoodie for 3 stories, they only pay in products", "gift_only"),
        ("brand pays 350€ for the reel, but only once their team approves the video", "payment_after_approval"),
        ("l'agence me verse 500€ une fois le contenu validé par le client", "payment_after_approval"),
    ],
)
def test_an_offers_clauses_in_the_creators_own_words(text: str, flag: str) -> None:
    reading = understand(text)
    assert reading.is_offer
    assert flag in reading.red_flags


@pytest.mark.parametrize(
    "text",
    [
        "a brand offers 300€ for a reel, they don't ask me to delete negative comments, contract signed",
        "la marque me paie 300€ à la livraison, pas besoin de validation, contrat signé",
        "brand sends me a free jacket and 200€ for 1 reel",
        "une marque me propose 250€ + un produit offert, pas de contrat d'exclusivité",
    ],
)
def test_an_offer_without_those_clauses_gets_none_of_them(text: str) -> None:
    reading = understand(text)
    assert reading.is_offer
    assert not {"comment_control", "no_written_contract", "gift_only", "payment_after_approval"} & set(
        reading.red_flags
    )


def test_a_question_about_a_clause_carries_no_clause_flag() -> None:
    # a general question is answered from the cards; only an offer's own terms are its flags
    assert "comment_control" not in understand("can a brand ask me to delete negative comments?").red_flags


@pytest.mark.parametrize(
    ("text", "history", "kind"),
    [
        # only the words of making content (formats, platforms, followers): not a deal, whatever the platform
        ("how do I make my reels look less amateur?", [], "off_topic"),
        ("tu peux m'aider à trouver un nom pour ma chaîne youtube ?", [], "off_topic"),
        ("3 reels and 2 stories for a free sweatshirt, is that lowballing?", [], "offer_described"),
        ("Faut-il des photos avant/après pour des compléments alimentaires ?", [], "question"),
        # chat: the coach named, wishes, leaving to act and come back
        ("hey coach! hope your week is going well", [], "small_talk"),
        ("you're so helpful, thanks a lot, have a lovely evening", [], "small_talk"),
        ("okok je vais réfléchir", [], "small_talk"),
        ("je reviens vers toi après avoir parlé à la marque", [], "small_talk"),
        ("ok I'll let you know what the brand says", [], "small_talk"),
        ("je reviens vers toi : la marque peut-elle refuser ?", [], "question"),
        # the last answer worked on again
        ("tu peux me l'écrire en anglais ?", ["comment refuser poliment une collab ?"], "follow_up"),
        ("can you translate it into Spanish?", ["how do I decline a brand politely?"], "follow_up"),
        ("can you translate it into Spanish?", [], "off_topic"),
    ],
)
def test_content_making_chat_and_reworking_the_answer(text: str, history: list[str], kind: str) -> None:
    assert understand(text, history).kind == kind


def test_the_writers_let_me_know_is_not_the_creators_voice() -> None:
    text = "Can we book you for a reel in June? Budget is €450 incl. 3 months usage. Let me know!"
    assert understand(text).kind == "offer_pasted"


@pytest.mark.parametrize(
    ("text", "history", "kind"),
    [
        # the creator's tax on what they got is a question of law; hearsay is no offer; "mes contrats" are any
        ("do I have to declare the laptop a brand sent me last year on my taxes?", [], "question"),
        ("on m'a dit que les marques doivent payer sous 30 jours, c'est vrai ?", [], "question"),
        ("faut-il facturer la TVA sur mes contrats si je gagne moins de 10 000€ ?", [], "question"),
        # an invitation is the offer itself; a ban on other brands is a term; "hit me up"
        ("A spa in Annecy invited me for a weekend, nothing to post. What's the catch?", [], "offer_described"),
        ("the agency I'm working with wants me to avoid showing other sportswear brands", [], "offer_described"),
        ("a meal kit company hit me up, $300 for a 45s integration in my next vlog, thoughts?", [], "offer_described"),
        # a brand's documents and threads
        (
            "4.1 Exclusivity. Creator shall not promote any other haircare brand for 6 months.\n"
            "4.2 Creator must submit drafts for approval; Brand will pay within 30 days.",
            [],
            "offer_pasted",
        ),
        ("09:12 Tom - Brewly: we can do $180 for the reel\n09:15 Tom - Brewly: usage 3 months", [], "offer_pasted"),
        ("gm! we're dropping our token. 0.2 ETH for 3 videos + a thread, we're not registered", [], "offer_pasted"),
        # follow-ups: wait-so, which one, more, phrasing, a judgement of that, what it includes
        ("wait so they could run ads with my face??", ["what's whitelisting?"], "follow_up"),
        ("lequel tu choisirais ?", ["j'ai 2 offres, une à 300€, une à 500€ avec 6 mois d'exclu"], "follow_up"),
        ("should I counter with more?", ["a brand offered me $300 for a reel"], "follow_up"),
        ("how do I word the reply?", ["they want usage rights forever for $400"], "follow_up"),
        ("is that even legal though?", ["they pay 120 days after the campaign"], "follow_up"),
        ("does that include whitelisting?", ["ok so 3 months usage, net 30"], "follow_up"),
        # chat about the coach; a platform's pay for views and a purchase are beside the domain
        ("vous parlez anglais aussi ?", [], "small_talk"),
        ("hi there, what can you do?", [], "small_talk"),
        ("combien paie tiktok pour 100k vues ?", [], "off_topic"),
        ("how much does instagram pay per million views", [], "off_topic"),
        ("how do I haggle on a second-hand camera, the guy wants 300€", [], "off_topic"),
        ("they want to reuse my video in their facebook ads, can I ask for more?", [], "offer_described"),
        ("Suite à notre échange : 1 reel, 380€ HT, paiement à 30 jours. Merci de confirmer.", [], "offer_pasted"),
        ("the brand wrote 'we can give you great exposure' lol what do I answer", [], "offer_described"),
        ("any tips to take better product photos at home?", [], "off_topic"),
        ("the brand wants 8 product photos for 200€, fair?", [], "offer_described"),
        ("je poste sans sponsor, juste pour moi, comment trouver ma niche ?", [], "off_topic"),
        ("how do I grow from 500 to 5k fast", [], "off_topic"),
        ("my aunt's café wants a reel, she'd give me free lunches for a month, do I disclose?", [], "offer_described"),
        ("how many stories is it normal to ask for with one reel?", [], "question"),
        ("si une marque m'envoie un colis non sollicité, je dois poster ?", [], "question"),
        ("do I have to post about PR boxes nobody asked me about?", [], "question"),
        ("should raw footage be paid extra?", [], "question"),
        ("i've got a brand asking for the rushes too, same 250€", [], "offer_described"),
        ("They want me to claim the tea 'detoxes your liver'. Allowed?", [], "offer_described"),
        # about the coach itself; a new term after a question
        ("c'est payant ton appli ?", [], "small_talk"),
        ("which languages do you speak?", [], "small_talk"),
        ("c'est gratuit ?", ["dois-je rejoindre ce programme ambassadeur ?"], "follow_up"),
        ("what's an NDA?", ["how do I negotiate exclusivity?"], "question"),
        ("how long should a sponsored YouTube integration run? and a dedicated video?", [], "question"),
        ("how long should a youtube integration be?", [], "question"),
    ],
)
def test_kinds_of_round_five(text: str, history: list[str], kind: str) -> None:
    assert understand(text, history).kind == kind


def test_a_paid_use_with_no_fee_is_no_scheme_to_pay_into() -> None:
    text = "TERMS\nDeliverables: 2 reels\nFee: 600€\nUsage: 3 months organic + paid social (no additional fee)"
    assert "pay_to_collaborate" not in understand(text).red_flags
    assert "pay_to_collaborate" in understand("to join you pay a 30€ registration fee, then free products").red_flags


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # payment on approval raises the older code for the same risk too, as the offer rules do
        (
            "they'll pay 500€ once their client approves the reel",
            {"payment_after_approval", "late_payment_terms"},
            set(),
        ),
        # what the gift is worth is no fee
        ("a desk brand will send me a desk (worth $600) for a dedicated video, no money", {"gift_only"}, set()),
        ("une marque m'envoie un vélo d'une valeur de 900€ contre 2 reels, sans rémunération", {"gift_only"}, set()),
        ("a brand sends me a lamp and $200 for a reel", set(), {"gift_only"}),
        # a financial provider without its licence, the regulator named between
        ("a trading app offers 700€ for a reel, they're not AMF registered yet", {"unregistered_financial"}, set()),
        ("a crypto exchange offers $500 for a TikTok, fully FCA registered", set(), {"unregistered_financial"}),
        ("a brand offers 300€, they're not registered as a company yet, is it ok?", set(), {"unregistered_financial"}),
        # a crypto trading app is a crypto service, not a banned financial product; its signals are
        ("a crypto trading app offers 400€ for a reel", set(), {"banned_category"}),
        ("on me propose 300€ pour promouvoir un groupe de signaux crypto", {"banned_category"}, set()),
    ],
)
def test_offer_flags_in_the_creators_words_round_five(text: str, present: set[str], absent: set[str]) -> None:
    flags = set(understand(text).red_flags)
    assert present <= flags
    assert not absent & flags


def test_a_brands_call_to_creators_is_pasted() -> None:
    text = "Looking for pet creators! Paid campaign: 2 reels, 250€. Apply via the form in our bio 🐾"
    assert understand(text).kind == "offer_pasted"
    assert understand("should I apply to this paid campaign? 2 reels for 250€").kind != "offer_pasted"


@pytest.mark.parametrize(
    ("text", "scheme"),
    [
        # the creator is the one paid: the verb's object is them
        ("a petition group wants to pay me to share their campaign. do i disclose?", False),
        ("ils veulent me payer les frais de port et 200€ pour un reel", False),
        ("the brand paid me for the products and the shipping", False),
        ("ils m'ont payé la formation et le déplacement", False),
        # "paid" as an adjective: the creator's paid promotion
        ("youtube paid promo: do i need to tick the box AND say it out loud in the video?", False),
        # the creator asked to pay, with a word between
        ("la marque me demande de payer les frais de port pour le produit gratuit", True),
        ("they want me to pay a $25 shipping fee for the 'free' product", True),
        ("on veut me faire payer le kit ambassadeur, normal ?", True),
    ],
)
def test_who_pays_whom_decides_a_pay_to_join_scheme(text: str, scheme: bool) -> None:
    assert ("pay_to_collaborate" in understand(text).red_flags) is scheme


@pytest.mark.parametrize(
    ("text", "login"),
    [
        ("what is whitelisting? the brand wants partner access to my account through meta business suite", False),
        ("la marque veut un accès partenaire à mon compte via business suite, c'est safe ?", False),
        ("the brand wants partner access to my account and the 2fa code we get by sms", True),
        ("brand wants my password for the whitelisting", True),
        ("they want access to my account for the campaign", True),
    ],
)
def test_partner_access_through_the_platform_is_no_login_ask(text: str, login: bool) -> None:
    assert ("login_request" in understand(text).red_flags) is login


@pytest.mark.parametrize(
    ("text", "banned"),
    [
        # kinds of brands in a list, some allowed: what comes in, not an offer for the category
        ("every brand in my inbox is off-topic: crypto, teeth whitening, phone cases. how do i decide?", False),
        ("mes DM c'est n'importe quoi : puffs, coques de téléphone, montres. je choisis comment ?", False),
        # an offer for the category, listed or not
        ("a vape brand wants me to promote puffs, e-liquids and hoodies", True),
        ("they sell vapes, hoodies and caps, can I promote them?", True),
        ("a clinic offers: botox, fillers, lip fillers. can I promote?", True),
    ],
)
def test_a_category_named_in_a_list_of_kinds_is_no_offer_for_it(text: str, banned: bool) -> None:
    assert ("banned_category" in understand(text).red_flags) is banned


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        (
            "they want me to pay a $25 shipping fee for the 'free' product they're sending me",
            "upfront-payment-requests",
        ),
        (
            "la 'marque' me demande de payer 19,90€ de frais de port pour recevoir le produit",
            "upfront-payment-requests",
        ),
        ("on me propose d'être ambassadrice, je dois juste payer les frais de port 9,90€", "pay-to-be-ambassador"),
        ("I won their ambassador program but need to pay $29 shipping, legit?", "pay-to-be-ambassador"),
    ],
)
def test_a_fee_with_no_programme_to_join_leads_with_money_sent_first(text: str, lead: str) -> None:
    reading = understand(text)
    assert reading.family("pay_to_collaborate")[0] == lead


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("tiktok blocks my vape promo with the commercial content toggle on. can I post it without the toggle?", True),
        ("je peux poster le partenariat sans activer le contenu commercial ?", True),
        ("how do i turn on the commercial content toggle for a sponsored video?", False),
    ],
)
def test_posting_without_the_platforms_switch_is_hidden_advertising(text: str, hidden: bool) -> None:
    assert ("hidden_advertising" in understand(text).red_flags) is hidden


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        # the negation after the verb, French without its "ne"
        ("on me propose des produits gratuits contre un post, mais ils veulent que je dise pas que c'est offert", True),
        ("la marque veut que je précise jamais que c'est sponsorisé", True),
        ("they asked me to tell no one that it's gifted", True),
        ("ils veulent que je dise que c'est offert, c'est obligatoire ?", False),
        ("do I have to say that it was paid?", False),
    ],
)
def test_saying_not_that_it_is_paid_is_hidden_advertising(text: str, hidden: bool) -> None:
    assert ("hidden_advertising" in understand(text).red_flags) is hidden


@pytest.mark.parametrize(
    ("text", "scheme"),
    [
        # a deposit to someone the creator hires for their own life is their purchase, not a brand's fee
        ("mon artisan veut un acompte de 40% avant de commencer les travaux de la cuisine, c'est normal ?", False),
        ("wedding photographer wants me to pay a 50% deposit upfront, is that normal?", False),
        # the same ask in a collaboration stays a warning
        ("a photographer for the brand campaign wants me to pay a $50 deposit", True),
        ("la marque veut que je paye un acompte avant de m'envoyer le kit", True),
    ],
)
def test_a_deposit_to_someone_the_creator_hires_is_no_pay_to_join_scheme(text: str, scheme: bool) -> None:
    assert ("pay_to_collaborate" in understand(text).red_flags) is scheme


@pytest.mark.parametrize(
    ("text", "scheme"),
    [
        # a deposit asked of the creator
        ("ils demandent un acompte pr 'securiser' la collab avant de m envoyer le produit, c normal?", True),
        ("a brand wants a deposit from me before sending the kit", True),
        ("la marque exige une caution de 50€ pour le kit", True),
        # a deposit the creator asks of the brand: the money flows to them
        ("comment je demande un acompte de 50% a la marque ?", False),
        ("i asked for a deposit from the brand, they said no", False),
    ],
)
def test_a_deposit_asked_of_the_creator_is_a_pay_to_join_scheme(text: str, scheme: bool) -> None:
    assert ("pay_to_collaborate" in understand(text).red_flags) is scheme


@pytest.mark.parametrize(
    ("text", "previous", "kind"),
    [
        # the last answer reworked in the imperative, a choice among what it said, made precise, compared
        ("traduis-le en anglais stp", "comment je refuse poliment une marque ?", "follow_up"),
        (
            "laquelle rapporte le plus en général ?",
            "c'est quoi la différence entre un post et une story ?",
            "follow_up",
        ),
        ("which one is safer for a small account?", "UGC or sponsored posts, what's the difference?", "follow_up"),
        ("ok mais quels documents exactement ?", "comment je prouve mes revenus de collab ?", "follow_up"),
        ("is it the same as a usage licence?", "what are whitelisting rights?", "follow_up"),
        # acknowledged, then asked on: a reply, whatever its length
        (
            "makes sense lol. how would I bring up a kill fee with them without sounding difficult",
            "should my contract have a cancellation clause?",
            "follow_up",
        ),
        # a new subject after "sinon" stays a question
        ("ok merci. sinon comment je fais un media kit ?", "is net 60 normal?", "question"),
    ],
)
def test_replies_to_the_last_answer_are_follow_ups(text: str, previous: str, kind: str) -> None:
    assert understand(text, [previous]).kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a contract's clause quoted after a word of the creator's: pasted; told as "their contract says": described
        (
            'thoughts??\n\n"Creator shall not mention any competing\nbrand for 12 months. Fee: £800 for 2 reels."',
            "offer_pasted",
        ),
        (
            'their contract says "the Creator shall remove any critical comment within 24 hours". allowed?',
            "offer_described",
        ),
        # paying someone hired for a wedding or a move, a platform's pay for views, a count of views: not a deal
        ("le photographe de notre mariage demande un acompte de 500€ a la signature, c normal ?", "off_topic"),
        ("our wedding DJ wants a $300 deposit upfront, is that standard?", "off_topic"),
        ("combien youtube paie pour 1 million de vues ?", "off_topic"),
        ("how do i get more views on my reels, stuck at like 300 per video", "off_topic"),
        ("they offered 300 per video, is that ok?", "offer_described"),
    ],
)
def test_the_kind_of_quotes_hired_help_and_counts(text: str, kind: str) -> None:
    assert understand(text).kind == kind


def test_a_post_not_boosted_is_no_hidden_advertising() -> None:
    brief = "Livrables : 1 reel\nRémunération : 250 €\nDroits : usage organique 6 mois, pas de sponsorisation"
    assert "hidden_advertising" not in understand(brief).red_flags
    assert "hidden_advertising" in understand("la marque veut que je poste sans mention sponsorisé").red_flags


@pytest.mark.parametrize(
    ("text", "login"),
    [
        ("my instagram got hacked and they turned on 2FA with their phone, how do i get it back?", False),
        ("mon compte insta a été piraté, ils ont changé le mot de passe, je fais comment", False),
        ("my account got hacked after i gave a brand my password, what now", True),
        ("a brand wants my instagram password to post for me", True),
    ],
)
def test_a_hacked_account_is_no_login_ask_unless_a_credential_was_asked_or_given(text: str, login: bool) -> None:
    reading = understand(text)
    assert ("login_request" in reading.red_flags) is login
    assert login or reading.kind == "off_topic"


def test_selling_ones_own_things_is_beside_the_domain() -> None:
    assert adjacent("je vends mes vieilles baskets sur vinted, je dois le declarer ?")
    assert not adjacent("je revends sur vinted les produits que les marques m'envoient, je dois le declarer ?")


def test_paying_someone_hired_is_beside_the_domain() -> None:
    assert adjacent("wedding photographer wants a 50% deposit upfront, is that normal?")
    assert not adjacent("a brand wants a 50% deposit upfront for the wedding collab, normal?")


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        # a continuation with an amount, after a question: the same question for that case
        ("what about if they pay me like £200?", "uk based, do i pay tax on stuff brands send me for free?"),
        ("et si c'est 300€ en cadeaux ?", "je dois déclarer les produits offerts ?"),
        # a short judgement first, more after it
        (
            "is that normal? they seem legit, 40k followers",
            "Hi! Join our ambassador program, just pay the £25 kit fee.",
        ),
    ],
)
def test_continuations_with_an_amount_or_a_judgement_first_are_follow_ups(text: str, previous: str) -> None:
    assert understand(text, [previous]).kind == "follow_up"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("brand contacted me, they paid 50% upfront and sent the press kit. the product is bad", False),
        ("la marque a payé la moitié et envoyé le kit, le produit est nul", False),
        ("I paid for the starter kit and now they ghost me", True),
    ],
)
def test_a_brand_that_paid_is_no_pay_to_join(text: str, flagged: bool) -> None:
    assert ("pay_to_collaborate" in understand(text).red_flags) is flagged


ROUND_SEVEN_SHAPES = [
    # round 7 (dev7): kinds of wording, each checked against its opposite
    ("Do I owe tax on PR gifts in the UK? I got about £600 of makeup this year", (), "question"),
    ("quels produits sont interdits à la promo ? on m'a parlé des puffs", (), "question"),
    ("quand une marque veut ma vidéo en pub, combien en plus ? je fais 250€ le reel d'habitude", (), "question"),
    ("une salle de sport du quartier me propose 3 mois gratuits contre 2 reels, ok ?", (), "offer_described"),
    ("my cousin's candle brand is asking me to post 2 reels for free, should I?", (), "offer_described"),
    (
        "peux-tu me le réécrire en plus court et plus cool stp, c'est pour répondre en DM sur insta",
        ("aide moi à relancer la marque",),
        "follow_up",
    ),
    ("add that I need the payment within 30 days please", ("write a reply to the brand",), "follow_up"),
    (
        "tu peux me refaire une réponse plus courte pour la marque, c'est pour un DM",
        ("150€ pour 3 reels ?",),
        "follow_up",
    ),
    ("je réponds quoi du coup ? 300 + les produits ?", ("la marque dit que 200€ c'est leur max",), "follow_up"),
    ("would that still apply to lives?", ("how do I disclose a paid post?",), "follow_up"),
    (
        "is the exclusivity the biggest issue or the pay?",
        ("a brand wants 1 reel for 150€, 6 months exclusive",),
        "follow_up",
    ),
    ("merci, ton modèle de relance m'a trop aidée", (), "small_talk"),
    ("haha t'es plus fort que mon manager", (), "small_talk"),
    ("c'est bon j'ai signé, merci pour tout !", (), "small_talk"),
    ("coucou le bot", (), "small_talk"),
    ("je revends mes fringues sur vinted, faut déclarer aux impôts ?", (), "off_topic"),
    ("je revends sur vinted les produits que les marques m'envoient, je dois le déclarer ?", (), "question"),
    ("my friend and I want to do a collab on a song, which key should we pick?", (), "off_topic"),
    ("comment gagner 5000 abonnés en un mois ?", (), "off_topic"),
    ("final cut keeps crashing when i export, help", (), "off_topic"),
]


def test_the_brands_message_after_the_creators_own_line_is_pasted() -> None:
    text = (
        "on m'a envoyé ça, avis ?\n\nBonjour,\nJe suis Lina, chargée de partenariats chez Pomélo. Nous vous proposons "
        "2 reels rémunérés 400 € pour notre nouvelle gamme, paiement à 30 jours.\nBelle journée,\nLina"
    )
    assert understand(text).kind == "offer_pasted"


@pytest.mark.parametrize(
    ("text", "previous", "kind"),
    [
        # no domain word of its own, answering a deal: the rest of that exchange
        (
            "won't my followers get sick of seeing it every day?",
            "a brand wants a post every day for 2 weeks",
            "follow_up",
        ),
        (
            "just tried it and honestly it tastes awful, the post is due friday",
            "signed a deal for 2 posts",
            "follow_up",
        ),
        # words beside the domain (a caption, a platform's ads), pointing back: about the deal
        (
            "ok but they also want to pick my outfit and write my caption word for word?? that's not really me",
            "brand sent me the brief for a coffee machine reel",
            "follow_up",
        ),
        (
            "et si je mets juste 'ceci n'est pas un conseil financier' en legende ca suffit ?",
            "on me propose un partenariat avec une appli de trading crypto, 500€ le post",
            "follow_up",
        ),
        (
            "ils ont ajouté qu'ils peuvent utiliser mes photos pour leurs pubs facebook, je dois demander plus ?",
            "ma collab avec une marque de sacs est validée, ils m'envoient le contrat demain",
            "follow_up",
        ),
        # a new subject beside the domain, or changed openly, stays off-topic
        ("what's the best time to post on sundays?", "a brand wants 2 reels for 300€", "off_topic"),
        ("unrelated but any good lasagna recipe?", "how do I negotiate a higher fee?", "off_topic"),
        # after a message that was itself beside the domain, nothing to continue
        (
            "honestly the colours look washed out on every single photo I take in my flat lately, no idea why",
            "which ring light should I buy?",
            "off_topic",
        ),
    ],
)
def test_a_reply_with_no_domain_word_continues_the_deal_it_answers(text: str, previous: str, kind: str) -> None:
    assert understand(text, [previous]).kind == kind


ROUND_EIGHT_SHAPES = [
    # the last draft asked again another way, the answer named, a term of it chosen, the next step asked last
    (
        "top, tu peux la faire en anglais ? le client est suédois",
        ("écris-moi une relance pour ma facture",),
        "follow_up",
    ),
    ("plus court stp c'est pour whatsapp", ("rédige-moi une réponse pour refuser l'exclu",), "follow_up"),
    (
        "tu peux me résumer les 2 points les plus urgents ?",
        ("voilà le contrat : exclu 1 an, paiement 90 jours",),
        "follow_up",
    ),
    ("could you translate your answer to spanish for my agent", ("what should a contract include?",), "follow_up"),
    (
        "which term would you negotiate first?",
        ("the contract: perpetual rights, net 90, $500 for a reel",),
        "follow_up",
    ),
    ("they said the budget is fixed. now what?", ("I asked for £600 instead of £400",), "follow_up"),
    # about the coach itself, or leaving for a moment
    ("coucou, t'es un bot ou une vraie personne ?", (), "small_talk"),
    ("brb getting my laptop", (), "small_talk"),
    # thanks naming the answer, in thirteen words
    ("merci beaucoup, ta réponse m'a trop aidée pour mon mail au client 🙏", (), "small_talk"),
    # what to charge "whenever" someone asks: a rate question
    ("c quoi un prix normal pour 1 reel avec 6k ? je sais jamais qd on me demande mon tarif", (), "question"),
    # two creators filming together, tax on a job: beside the domain
    ("me and another youtuber are planning a collab video, any fun challenge ideas?", (), "off_topic"),
    ("how do I do my tax return for my part-time waitress job?", (), "off_topic"),
]


def test_an_agencys_mail_written_in_the_first_person_for_a_brand_is_pasted() -> None:
    text = (
        "Bonjour Léa,\n\nJe me permets de vous contacter au nom de l'agence Lumen pour une campagne avec la marque "
        "Olvé.\nProposition : 1 reel + 2 stories, 500€ HT.\nNous ne vous demanderons jamais votre mot de passe.\n\n"
        "Bien à vous,\nClaire Dubois\nTalent Manager"
    )
    assert understand(text).kind == "offer_pasted"


@pytest.mark.parametrize(
    ("text", "history"),
    [
        # the next step asked, a preposition left without its object, going on despite something
        (
            "ça m'a donné des plaques partout 😩 je fais quoi maintenant, la vidéo sort lundi",
            ("j'ai accepté de tester une crème contre un reel",),
        ),
        (
            "j'ai le droit de me prendre en photo en train de boire avec ?",
            ("une marque de bière artisanale me propose une collab",),
        ),
        ("je regarde quoi en premier", ("l'agence m'a enfin envoyé le contrat, 6 pages",)),
        # the deal two messages back
        (
            "should i still do it?",
            ("a candle brand offered me $300 for a reel", "but their owner just got exposed for fake reviews"),
        ),
    ],
)  # fmt: skip
def test_a_reply_that_asks_the_next_step_or_goes_on_despite_something_continues(
    text: str, history: tuple[str, ...]
) -> None:
    assert understand(text, list(history)).kind == "follow_up"


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        # the negation is about liking the product, not about a label
        ("Si j'aime pas trop un produit sponso, j'ai le droit de le dire dans ma vidéo ?", False),
        ("je kiffe pas vraiment la crème sponso qu'on m'a envoyée, je peux le dire ?", False),
        # the label itself left out, however it is said
        ("la marque veut un reel sans dire que c'est une collab, 200€", True),
        ("they told me not to say it's a partnership, just show the product", True),
        ("ils m'ont dit 'pas besoin de préciser que c sponso'", True),
    ],
)
def test_a_negation_hides_the_advertising_only_when_it_is_about_the_label(text: str, hidden: bool) -> None:
    assert ("hidden_advertising" in understand(text).red_flags) is hidden


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an ordinal before a noun counts; it is no amount of euros that would bring the message into the domain
        ("4e fois que je poste cette semaine, comment gagner des abonnés", "off_topic"),
        ("3e fois que mon reel fait un flop, comment grossir plus vite ?", "off_topic"),
        # a bare "e" after a number is the euro, as before
        ("on me propose 50e pour un reel", "offer_described"),
    ],
)
def test_an_ordinal_is_no_amount(text: str, kind: str) -> None:
    assert understand(text).kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a club's, a school's or a festival's sponsor is not the creator's deal
        ("notre asso de quartier cherche des sponsors pour la fête de l'été, on contacte qui ?", "off_topic"),
        ("my daughter's hockey team needs sponsors for new jerseys, how do I write to local shops?", "off_topic"),
        # a logo drawn for someone's brand, an account sold, a shop's order that never came
        ("mon frère lance sa marque de sauces, tu connais un site pour créer un logo gratuit ?", "off_topic"),
        ("how much could I sell my tiktok account for? it has 40k followers", "off_topic"),
        ("j'ai commandé avec le code promo d'une influenceuse et ma commande n'est jamais arrivée", "off_topic"),
        # a job serving creators rather than brands
        ("je suis monteuse pour des youtubeurs, je facture à la minute ou au projet ?", "off_topic"),
        # the creator hacked, the account named after it
        ("i was hacked last night and they changed the password, how do i get my account back", "off_topic"),
        # paying someone the creator hired, in "nous" as a brand would write
        ("le traiteur de notre mariage nous réclame 200€ de plus que prévu, on doit payer ?", "off_topic"),
        # the creator's own deal in each of these keeps it in the domain
        ("our football club got me a collab with a sportswear brand, 300€ for 2 reels, fair?", "offer_described"),
    ],
)
def test_beside_the_domain_though_it_speaks_its_words(text: str, kind: str) -> None:
    assert understand(text).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        # no brand contacting the creator is still about brands
        "aucune marque me contacte alors que je poste tous les jours des recettes, je fais quoi de travers ?",
        "no brand ever reaches out to me and I post every day, is my niche too broad?",
        # a deal agreed to, with no word of money
        "j'ai dit oui pour un sérum et il me donne des rougeurs, la vidéo sort demain, je fais comment ?",
    ],
)
def test_brands_named_through_what_they_do_or_a_deal_agreed_to_are_in_the_domain(text: str) -> None:
    assert understand(text).kind in ("question", "offer_described")


def test_texting_shorthands_are_read_as_the_words_they_stand_for() -> None:
    history = ["j'ai reçu un mail qui dit que mon reel viole des droits d'auteur, avec un lien pour faire appel"]
    assert understand("jviens de cliquer sur le lien, jfais quoi mtn ??", history).kind == "follow_up"
    assert spelled_out("jsuis dc a 3k, cmt je fais qd ils repondent pas") == (
        "je suis donc a 3k, comment je fais quand ils repondent pas"
    )


ROUND_NINE_SHAPES = [
    # chat about the coach and the day
    ("good evening! how was your week", (), "small_talk"),
    ("t'es un bot ou il y a une vraie personne derrière ?", (), "small_talk"),
    ("tu parles belge aussi ou seulement le français de France ?", (), "small_talk"),
    # the last draft reworked or redirected
    ("english version please, they're based in Manchester", ("rédige-moi une contre-proposition",), "follow_up"),
    ("make it warmer and less stiff lol", ("write me a reply turning down their gifted offer",), "follow_up"),
    (
        "actually don't accept yet, negotiate the usage instead",
        ("write a mail accepting their offer",),
        "follow_up",
    ),
    # a brand's words copied as a mail, a DM thread, a formal letter, an invitation to the reader
    ("From: collabs@brightbrew.co\nFee: $350 for 2 TikToks, paid net 30.", (), "offer_pasted"),
    ("@glow.lab: we can pay £200 for a reel\nme: and usage?\n@glow.lab: 3 months organic only", (), "offer_pasted"),
    (
        "Good afternoon,\nI am Mrs. Ellen Park, partnerships lead at Nova Media Group. Our client would like to "
        "pay you $3,000 for two posts. Kindly reply with your address.",
        (),
        "offer_pasted",
    ),
    (
        "Hi Sam, you've been invited to the Autumn Cosy campaign. Fee: $300 + product. Reply by Oct 2.",
        (),
        "offer_pasted",
    ),
    # beside the domain though it speaks its words
    (
        "on cherche un sponsor pour le tournoi de foot de mon fils, comment démarcher les boulangeries ?",
        (),
        "off_topic",
    ),
    ("can you write my essay on influencer marketing, 2000 words for Monday", (), "off_topic"),
    (
        "my employer wants me to relocate to their Berlin office, should I negotiate the relocation package?",
        (),
        "off_topic",
    ),
    ("do I pay tax on the presets I sell on Etsy?", (), "off_topic"),
    ("which camera would you recommend for filming sponsored reels, under 500€?", (), "off_topic"),
    ("mon compte tiktok a été piraté, comment je le récupère ? j'ai un partenariat en cours", (), "off_topic"),
    # "micro" is a size of creator, not a microphone; gear named beside a deal keeps the deal
    ("what do micro influencers in Canada charge per post, any real numbers?", (), "question"),
    ("my sponsored reels look nothing like me, studio lighting and scripts, how do I fix that?", (), "question"),
    # a deposit asked of the brand is the domain
    ("je peux exiger un acompte de 30% avant le tournage ?", (), "question"),
]

ROUND_TEN_SHAPES = [
    # a deal under way, named by the creator's work with the brand; someone speaking for a brand
    ("l'agence avec qui je bosse m'a toujours pas payée depuis janvier, je relance comment ?", (), "offer_described"),
    ("the brand I've been working with hasn't paid my invoice, it's been 2 months", (), "offer_described"),
    ("someone pretending to be from Sephora says I have to pay $30 for the ambassador kit", (), "offer_described"),
    ("une brasserie de mon quartier me propose un brunch gratuit contre une story", (), "offer_described"),
    ("la marque veut une exclu de 6 mois sur le maquillage, ça se négocie ?", (), "offer_described"),
    # what any brand may do is a question
    ("is it normal for a brand to ask for my home address before sending a contract?", (), "question"),
    ("c'est une exclu quoi exactement ?", (), "question"),
    # a DM thread copied with named speakers
    ("them: we'd love a reel, $250?\nme: what about usage?\nthem: 30 days organic only", (), "offer_pasted"),
    # chat about the coach
    ("t'es chatgpt en vrai ?", (), "small_talk"),
    ("merci pour ton aide je te kiffe", (), "small_talk"),
    # beside the domain: music made together, own goods, a salaried job, growth without ads, a hacked account
    ("on fait un feat sur un morceau avec un pote, comment on partage les droits ?", (), "off_topic"),
    ("je vends mes propres savons sur insta, je dois avoir un statut ?", (), "off_topic"),
    ("mon CDD se termine, j'ai droit au chômage ?", (), "off_topic"),
    ("how do I get more followers without paying for ads?", (), "off_topic"),
    ("someone hacked my tiktok and changed the email, how do I get it back?", (), "off_topic"),
    ("je suis en CDI et j'ai de plus en plus de collabs payées, je dois créer un statut ?", (), "question"),
    # news of the offer just told; the last draft in the other language
    ("update: they now want the raw footage too", ("a brand offered me $300 for a TikTok",), "follow_up"),
    (
        "ah et j'ai oublié, ils veulent aussi les droits pub pendant 1 an",
        ("une marque me propose 400€ pour 2 reels",),
        "follow_up",
    ),
    ("now in english please", ("écris-moi une réponse pour refuser poliment",), "follow_up"),
    ("écris-la en anglais stp", ("write a polite no to the brand",), "follow_up"),
    # a buyer's price on a resale site, a tenant's or a phone contract, a new subject after thanks and an emoji
    ("sur leboncoin un mec me propose 20€ pour mon vélo à 80, je contre à combien ?", (), "off_topic"),
    ("about to sign the lease for my apartment, 2 years, anything to check?", (), "off_topic"),
    (
        "merci 🙌 sinon tu connais un bon resto à Lille ?",
        ("une marque de bière me propose 200€ pour un reel",),
        "off_topic",
    ),
    # a regulator or a disclosure hashtag keeps a caption question in the domain
    ("is #sp in my caption enough for the FTC?", (), "question"),
    # "more" points back on its own, not before what it counts
    (
        "how do I get more followers on tiktok without paying for ads?",
        ("a brand wants me to pay $49 to join",),
        "off_topic",
    ),
    ("can I ask for more?", ("a brand offered me 200€ for a reel",), "follow_up"),
]
ROUND_ELEVEN_SHAPES = [
    # the brand's message, a blank line, then the creator's note; a brand's numbered next steps
    (
        "Bonjour Léa,\nNous sommes l'agence Mousse & Co et nous aimerions te proposer 2 stories pour 180€.\n"
        "Belle journée,\nJulie\n\nsachant que j'ai 16 ans, je peux accepter ?",
        (),
        "offer_pasted",
    ),
    (
        "Hi Sam,\n\nThanks for confirming! Next steps:\n1. You'll get an invite email from Trovo\n2. Upload your draft "
        "in the portal\n3. We approve it within 48h\n4. Payment ($350) is sent 30 days after posting\n\nCheers,\nAmy",
        (),
        "offer_pasted",
    ),
    # a supposed case governs its whole sentence; a fee to join only supposed is a question
    ("si une marque me demande le code qu'instagram m'envoie par sms, je le donne ?", (), "question"),
    ("si on me demande 25€ pour un kit ambassadrice, c'est forcément une arnaque ?", (), "question"),
    ("vaut mieux un fixe ou un % sur les ventes pour une première collab ?", (), "question"),
    # a deal under way, named by past work with the brand
    ("the brand I did two reels with in june still hasn't paid me", (), "offer_described"),
    ("la marque de bougies avec qui je bosse m'a toujours pas payée", (), "offer_described"),
    ("a 'brand' told me to send $39 for a starter kit, refunded after my first post", (), "offer_described"),
    # a reply to write, what the coach meant, a continuation that says more
    ("tu peux me rédiger une réponse pour demander 500€ ?", ("une marque me propose 300€ pour un reel",), "follow_up"),
    ("what do you mean by whitelisting?", ("a brand offered me $400 with 6 months of whitelisting",), "follow_up"),
    (
        "merci ! et du coup je leur envoie quoi comme facture ? j'ai pas encore de siret moi",
        ("une marque me propose 400€ pour un reel, ils demandent mon IBAN",),
        "follow_up",
    ),
    (
        "also unrelated but how do I register as self-employed for my brand deal income?",
        ("a brand offered me £150 for a tiktok",),
        "question",
    ),
    # greetings from Switzerland; beside the domain in its words
    ("Salut ! ça joue ?", (), "small_talk"),
    ("do I pay tax on my tips from my waitress job?", (), "off_topic"),
    ("mon agent immobilier veut 4% de commission, c'est négociable ?", (), "off_topic"),
    ("my day job contract bans freelance work, can my employer stop me?", (), "off_topic"),
    ("is the tiktok creator rewards program worth it at 10k?", (), "off_topic"),
    ("my account got hacked and they turned on 2FA, instagram support isn't answering", (), "off_topic"),
    ("my ex still knows my instagram password, how do I log him out of every session?", (), "off_topic"),
    ("is meta verified worth paying for at 8k?", (), "off_topic"),
    ("je veux lancer ma propre marque de savons, je commence par où ?", (), "off_topic"),
    ("doing a collab w another creator next week, how do we split the views?", (), "off_topic"),
    ("freelance designer here, a client wants me to sign an NDA, what do I check?", (), "off_topic"),
    ("les cadeaux en live tiktok, comment je les transforme en euros ?", (), "off_topic"),
    ("on cherche un sponsor maillot pour notre club de hand, comment on démarche ?", (), "off_topic"),
    ("my merch drop sold out, any print on demand partner faster than printful?", (), "off_topic"),
    ("launching my own candle line, what insurance do I need to sell online?", (), "off_topic"),
    ("tu peux m'aider pour ma dissert sur l'influence des réseaux sur le vote ?", (), "off_topic"),
    ("I'm a nurse on a W-2, can I deduct my scrubs on turbotax?", (), "off_topic"),
    ("my friend and I made a track together, how do we split royalties on distrokid?", (), "off_topic"),
    ("another creator keeps reuploading my videos without credit, how do I report her?", (), "off_topic"),
    (
        "et si je supprime les vidéos qui ont flop ça relance le compte ?",
        ("mes vues sont tombées de 10k à 200 depuis une semaine, shadowban ?",),
        "off_topic",
    ),
    # the words of the rules keep a question in the domain
    ("suisse ici, y a des règles pour les pubs insta ?", (), "question"),
    ("au québec c'est quoi les règles pour dire que c'est une commandite ?", (), "question"),
]


@pytest.mark.parametrize(
    ("text", "history", "kind"),
    ROUND_SEVEN_SHAPES + ROUND_EIGHT_SHAPES + ROUND_NINE_SHAPES + ROUND_TEN_SHAPES + ROUND_ELEVEN_SHAPES,
)
def test_shapes_of_the_blind_rounds(text: str, history: tuple[str, ...], kind: str) -> None:
    assert understand(text, list(history)).kind == kind


@pytest.mark.parametrize(
    "text, flag",
    [
        ("un site de paris sportifs veut un partenariat, mais mes abonnés ont surtout 15-16 ans", "gambling_minors"),
        ("a betting app offered me $300, but my followers are mostly teens", "gambling_minors"),
        ("a 'brand' on whatsapp says I must deposit $30 to unlock my reviewer account", "pay_to_collaborate"),
        (
            "the brand offered me 500€ for a reel, payment within 60 days, subject to final approval",
            "payment_after_approval",
        ),
    ],
)
def test_round_nine_flags(text: str, flag: str) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("a brand asked me to send $35 for the ambassador kit", {"pay_to_collaborate"}, set()),
        ("une marque veut le code de vérif qu'insta m'envoie par sms", {"login_request"}, set()),
        ("they sent me an apk to install their creator app, $200 for a reel", {"download_request"}, set()),
        ("im 16 and a vape shop offered me $80 per story", {"minors_audience"}, set()),
        (
            "the brand wants me to say I've used their serum for a year but I literally got it on monday",
            {"fake_reviews"},
            set(),
        ),
        ("ils veulent que je dise que j'ai perdu 3 kilos alors que je l'ai jamais testé", {"fake_reviews"}, set()),
        # what these messages do not ask
        ("Comments: Brand may hide or delete negative comments on sponsored posts. Fee: $300", set(),
         {"hidden_advertising"}),
        ("we pay $20 for every signup through your link, share your personal code with your followers", set(),
         {"pay_to_collaborate", "login_request"}),
        ("download the brief: brief.zip (archive password: 1234), then open setup.exe", {"download_request"},
         {"login_request"}),
    ],
)  # fmt: skip
def test_round_eleven_flags(text: str, present: set[str], absent: set[str]) -> None:
    flags = set(understand(text).red_flags)
    assert present <= flags and not absent & flags


@pytest.mark.parametrize(
    ("text", "previous", "flag"),
    [
        (
            "ok mais si je le mets juste en tout petit à la fin des hashtags ça passe ?",
            "Ils veulent que je poste sans #pub",
            "hidden_advertising",
        ),
        (
            "mais ils disent que c'est remboursé au premier paiement, ça change rien ?",
            "une agence me demande 39€ de frais de dossier pour rejoindre leur programme",
            "pay_to_collaborate",
        ),
        (
            "and if they never approve it? can they still use the video?",
            "brand says they pay only once their client approves the video",
            "payment_after_approval",
        ),
    ],
)
def test_a_follow_up_carries_the_flags_of_the_message_it_continues(text: str, previous: str, flag: str) -> None:
    assert flag not in understand(text).red_flags  # its own words say nothing of it
    reading = understand(text, [previous])
    assert reading.kind == "follow_up" and flag in reading.red_flags


def test_a_draft_reworked_carries_no_flag() -> None:
    reading = understand(
        "plus court stp", ["une agence me demande 39€ de frais de dossier pour rejoindre leur programme"]
    )
    assert reading.kind == "follow_up" and reading.red_flags == ()


def test_news_of_an_offer_is_judged_with_the_offer_it_changes() -> None:
    reading = understand(
        "they sent the contract, it says they own the videos forever", ["a fitness app offered me $500"]
    )
    assert reading.kind == "follow_up" and reading.offer_text is not None
    assert reading.offer_text.startswith("a fitness app offered me $500") and "forever" in reading.offer_text
    # another business named anew is another offer, not news of this one
    assert (
        understand("and a betting site offered me 200€ a video", ["a skincare brand offered me $400"]).offer_text
        is None
    )


@pytest.mark.parametrize(
    "text",
    [
        "ils veulent que je paye le sac 60€ avant, remboursé après la vidéo",
        "they want me to buy the dress first and they'll refund it once I post",
    ],
)
def test_the_product_bought_first_and_refunded_later_is_paying_to_join(text: str) -> None:
    assert "pay_to_collaborate" in understand(text).red_flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("how much does tiktok really pay in the creator rewards program?", "pay_to_collaborate"),
        ("the shop charged my credit card twice, how do I get a refund?", "bank_details_request"),
    ],
)
def test_a_platforms_pay_and_ones_own_card_raise_no_scam_flag(text: str, flag: str) -> None:
    assert flag not in understand(text).red_flags
