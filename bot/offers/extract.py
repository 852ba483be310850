"""Offer facts from pasted French or English text, read clause by clause. What the text does not say stays
unknown; what a clause denies ("pas d'exclusivité", "we will never ask for your password") is not taken as said.

Every pattern here runs on one clause or is bounded ({0,n}), and amounts are read by bot.text in one pass, so the
time is linear in the offer; offers are read up to MAX_OFFER_CHARS."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

from bot.advice.language import detect_language
from bot.i18n import Lang
from bot.offers.models import Deliverable, OfferFacts
from bot.text import RIVAL_BAN, Clause, Clauses, amounts, bans_rivals_only, clauses, fold, is_negated, strip_quoted

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "un": 1, "une": 1, "two": 2, "deux": 2, "three": 3, "trois": 3, "four": 4,
    "quatre": 4, "five": 5, "cinq": 5, "six": 6, "seven": 7, "sept": 7, "eight": 8, "huit": 8, "nine": 9, "neuf": 9,
    "ten": 10, "dix": 10, "eleven": 11, "onze": 11, "twelve": 12, "douze": 12, "fifteen": 15, "quinze": 15,
    "twenty": 20, "vingt": 20, "single": 1, "couple": 2, "dozen": 12, "douzaine": 12, "half-dozen": 6,
    "half a dozen": 6, "demi-douzaine": 6, "pair": 2, "paire": 2,
}  # fmt: skip
FORMATS = {
    "reel": "reel", "reels": "reel", "story": "story", "stories": "story", "post": "post", "posts": "post",
    "publication": "post", "publications": "post", "carrousel": "post", "carrousels": "post", "carousel": "post",
    "carousels": "post", "video": "video", "videos": "video", "short": "short", "shorts": "short",
    "tiktok": "tiktok", "tiktoks": "tiktok", "live": "live", "lives": "live", "article": "blog",
    "articles": "blog", "blog post": "blog", "blog posts": "blog", "unboxing": "video", "vlog": "video",
    "integration": "video", "integrations": "video", "integration video": "video", "mention": "video",
    "segment": "video", "segments": "video", "stream": "live", "streams": "live", "livestream": "live",
    "livestreams": "live", "blog article": "blog", "blog articles": "blog", "pin": "post", "pins": "post",
    "epingle": "post", "epingles": "post", "tiktok video": "tiktok", "tiktok videos": "tiktok",
    "video tiktok": "tiktok", "videos tiktok": "tiktok", "newsletter": "newsletter", "newsletters": "newsletter",
    "encart": "placement", "encarts": "placement", "insert": "placement", "inserts": "placement",
    "placement": "placement", "placements": "placement", "slot": "placement", "slots": "placement",
    "feature": "placement", "features": "placement", "edition": "newsletter", "editions": "newsletter",
    "episode": "placement", "episodes": "placement", "ugc": "ugc",
}  # fmt: skip
# A review, a test or a tutorial on a video platform is a video there: "a sponsored review on YouTube", "un test sur
# TikTok" (a review on a store or a review site is no piece: see FAKE_REVIEWS).
FORMATS |= {
    f"{piece} {on} {platform}": "tiktok" if platform == "tiktok" else "video"
    for piece in ("review", "reviews", "test", "tests", "tutorial", "tutorials", "tuto", "tutos")
    for on in ("on", "sur")
    for platform in ("youtube", "tiktok")
}
# A placement ("1 encart", "a feature", "2 slots") is the format of what it sits in: "1 encart dans votre newsletter"
# is a newsletter, "a feature in your next video" a video; where it sits is not said, it counts as nothing.
PLACED_IN = (("newsletter", "newsletter"), ("stories", "story"), ("story", "story"), ("video", "video"),
             ("youtube", "video"), ("vlog", "video"), ("podcast", "video"), ("live", "live"), ("stream", "live"),
             ("blog", "blog"), ("article", "blog"))  # fmt: skip
PLATFORMS = {
    "instagram": "instagram", "insta": "instagram", "ig": "instagram", "tiktok": "tiktok", "youtube": "youtube",
    "yt": "youtube", "twitch": "twitch", "facebook": "facebook", "snapchat": "snapchat", "pinterest": "pinterest",
    "linkedin": "linkedin", "blog": "blog", "twitter": "x",
}  # fmt: skip
# Formats that name their platform; a reel, a story or a Short gets one only when the offer names it for that piece
# (never guessed: "1 vidéo YouTube + 2 shorts" names none for the shorts, as "2 reels Instagram et 4 stories").
# A blog article or a newsletter is its own medium: no platform beside it ("1 article de blog" is no blog platform).
OWN_PLATFORM = {"tiktok": "tiktok"}
NO_PLATFORM = {"blog", "newsletter", "ugc"}  # UGC is delivered to the brand, not posted by the creator
OWN_PLATFORM_WORDS = {"pin": "pinterest", "pins": "pinterest", "epingle": "pinterest", "epingles": "pinterest"}
NOT_A_SHORT = re.compile(  # "a short (written) agreement", "short and sweet brief": the adjective
    r"^\s?([a-z]+\s){0,2}?(agreement|contract|call|chat|intro|message|note|brief|text|time|while|break|description|paragraph|bio|"
    r"caption|notice|form|delay|deadline|trip|stay|list|questionnaire|survey|meeting|interview|clip|series|serie|"
    r"insertion|order|slot|segment|mention|integration|read|summary|version|extract|promo|presentation|"
    r"sponsored|write-?up|review|feature|period|term|window|run|spot)"
)
# Checked in this order: a sensitive category wins over a generic one ("CBD gummies" is not just food).
CATEGORIES: list[tuple[str, str]] = [
    (
        "betting_tips",
        r"pronostic|tipster|betting tips?|paris? sportifs?.{0,40}(abonnement|vip|groupe)|"
        r"(abonnement|vip|groupe).{0,40}paris? sportifs?|tips? (subscription|channel|group)",
    ),
    (
        "gambling",
        r"casino|paris? sportifs?|sports? ?book|bookmaker|betting|poker|jeux d.argent|gambling|roulette|"
        r"machines? a sous|slot machines?|(online|casino) slots?|slots? (games?|en ligne|online)|jeux? a gratter|"
        r"\bloto\b|loterie|lottery|\bfdj\b|grattage|scratch cards?|"
        r"jeux de tirage|euromillions",
    ),
    ("nicotine", r"nicotine|snus|\bpuffs?\b|vape|vapoteuse|e-?cig|cigarettes? electroniques?|pouches?"),
    (
        "cosmetic_surgery",
        r"chirurgie (esthetique|plastique)|cosmetic surgery|botox|injections? d.acide|"
        # "injections d'acide hyaluronique" (a cream with hyaluronic acid is a cosmetic)
        r"(injection|inject\w*|seringue)[^.\n]{0,25}(acide )?hyaluroni|fillers?|rhinoplast|lipo(succion|suction)?|"
        r"clinique esthetique|"
        r"aesthetic clinic|augmentation mammaire|lip (filler|injection)|bbl\b",
    ),
    (
        "therapeutic_alternative",
        r"remplace[rz]? (vos |les |tes )?(medicaments|traitements)|"
        r"instead of (your )?(medication|medicine|chemo|treatment)|guerit|cures? (cancer|"
        r"diabetes|depression)|sans (medicament|traitement)",
    ),
    (
        "wild_animals",
        r"bebes? (tigres?|lions?|singes?)|\b(tigre|tiger|lion|lionceau|singe|monkey|guepard|cheetah)s?\b|"
        r"wild animals?|animaux sauvages",
    ),
    (
        "crypto",
        r"crypto|bitcoin|\bbtc\b|ethereum|blockchain|\bnft|token|memecoin|web3|exchange platform|"
        r"plateforme d.echange",
    ),
    (
        "finance",
        r"forex|\bcfd|options binaires|binary options|trading (signals?|bot)|signaux de trading|"
        r"investissement garanti|guaranteed returns?|(plateforme|application|appli|app) de trading|"
        r"trading (platform|app)|\bbroker\b|courtier en ligne",
    ),
    (
        "alcohol",
        r"\b(vin|vins|wine|wines|biere|bieres|beer|beers|spiritueux|spirits|gin|vodka|whisky|whiskey|rhum|"
        r"rum|tequila|champagne|cocktails? alcoolises?|alcool|alcohol|brasserie|brewery|distillerie|hard seltzer)\b",
    ),
    (
        "health_supplement",
        r"complements? alimentaires?|"
        # French "supplément" is an extra charge ("sans supplément", "un supplément de 50 €"), not a pill
        r"(?<!sans )(?<!en )(?<!un )(?<!aucun )(?<!moyennant )(?<!avec )(?<!le )"
        r"supplements?(?! (de|du|d'|pour|tarifaire))|gummies|vitamines?|vitamins?|proteines?|"
        r"protein|collagene|collagen|detox|minceur|weight ?loss|brule-graisse|fat burner|cbd",
    ),
    ("fast_food", r"fast[- ]?food|burger|fried chicken|\bkfc\b|mcdo|mcdonald"),
    (
        "fast_fashion",
        r"fast[- ]?fashion|shein|temu|\bhauls?\b|nouveautes par jour|new (items|styles|arrivals) (a|per|every) day|"
        r"ultra[- ]fast",
    ),
    ("kids", r"\b(jouets?|toys?|bebes?|baby|babies|poussette|stroller|couches|diapers)\b"),
    (
        "beauty",
        r"serum|skin ?care|soins? (du visage|visage|de la peau)|maquillage|make-?up|mascara|rouge a levres|"
        r"lipstick|cosmeti|creme|cream|shampo|parfum|perfume|fragrance|vernis|nail|beaute|beauty|spf",
    ),
    (
        "fashion",
        r"vetements?|clothing|clothes|collection|bijoux|jewel|sneakers?|chaussures|shoes|sac a main|"
        r"handbag|lingerie|maillots?|swimwear|streetwear|mode\b|fashion|t-shirts?|hoodies?|montres?|watch(es)?|"
        r"casquettes?|bonnets?|"
        r"\b(robes?|jupes?|dress|dresses|skirts?|manteaux?|jackets?|pulls?)\b",
    ),
    (
        "gaming",
        r"jeu video|jeux video|video ?games?|gaming|manette|controller|steam|console|playstation|xbox|"
        r"nintendo|mmo|rpg|early access|\bgame\b|\bjeu\b",
    ),
    (
        "tech",
        r"\bapp\b|application|vpn|\bcasques?\b|headphones?|earbuds|ecouteurs|smartphone|logiciel|software|gadget|"
        r"laptop|ordinateur|camera|saas|ai tool|outil ia|clavier|keyboard|microphones?\b|"
        r"\bmicros?\b(?![- ]?(influen|creat|entrepr|business|nano|ondes))",
    ),
    ("drinks", r"boissons?|\bdrinks?\b|juice|\bjus\b|kombucha|\btea\b|\bcafe\b|coffee|energy drink|\bsoda"),
    (
        "food",
        r"recettes?|recipes?|snacks?|chocolat|chocolate|cookies?|biscuits?|epicerie|grocery|meal kit|"
        r"restaurant|traiteur|patisserie|bakery|granola|cereales|cereal|sauce|food|nourriture|fromage|cheese",
    ),
    # "velo", "trail" as words: not "enveloppe", "portrait"
    (
        "sport",
        r"fitness|sport|gym|running|yoga|pilates|\bvelos?\b|\bbikes?\b|cycling|musculation|workout|leggings|\btrail",
    ),
    ("travel", r"hotel|voyage|travel|trip|sejour|stay\b|resort|airbnb|croisiere|cruise|camping"),
    ("home", r"deco(ration)?\b|decor|maison|home|furniture|meubles?|cuisine equipee|bougies?|candles?|linge de lit"),
]


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


MAX_OFFER_CHARS = 8000
WINDOW = 150  # characters either side of an amount that say what it is for
MAX_CLAUSE_SCAN = 2000
MAX_AMOUNTS = 40  # a real offer states a handful of sums; past this many, the rest is noise

# What joining costs the creator ("the £29 onboarding fee", "frais d'adhésion"): one word list for the amounts the
# creator would pay (PAY_CONTEXT), the money asked of them (_money) and the pay words that are no pay (_joining_fee).
JOINING_EN = (
    r"onboarding|activation|joining|sign-?up|enrol\w*|processing|admin\w*|entry|application|registration|membership|"
    r"verification|welcome|starter"
)
JOINING_FR = r"adhesion|inscription|activation|admission|ouverture|formation|dossier"
JOINING_FEE = rf"({JOINING_EN})( kit| pack| box)? (fee|cost|charge)s?|frais (de |d.)({JOINING_FR})"
# Money the creator would pay, not earn: an amount right after one of these words is not a fee.
PAY_CONTEXT = re.compile(
    r"frais( de port| d.inscription| d.envoi| de dossier| de livraison)?|shipping|postage|deposit|acompte|caution|"
    r"inscription|registration|membership|verification|starter ?kit|kit de demarrage|cheque|check\b|remaining|"
    r"must be sent|send (it )?back|renvoy|la difference|le reste|the rest|"
    # what joining costs the creator ("pay the £29 onboarding fee"), never what the brand pays
    rf"onboarding|activation|joining|enrol\w*|{JOINING_FEE}"
)
SENT_BY_CREATOR = re.compile(r"\b(send|sending|envoyer|envoie[rz]?|transfer|wire)\s+((us|them|nous|leur)\s+)?$")
NOT_PAYING = re.compile(
    r"offerts?|free shipping|we (cover|pay)|a notre charge|pris en charge|nous payons|on paie|on paye|"
    # a rate per signup is the creator's commission: "30 € par inscription + 200 € fixe"
    r"(par|per|for each|for every|pour chaque|a chaque) (new |nouvel\w* )?(inscri\w*|sign-?ups?|registrations?)"
)
DURATION = re.compile(
    r"\b(?P<n>\d{1,3}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|dix-huit|vingt-quatre|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty-four|a)"
    # a contract's number in words then in figures: "douze (12) mois"
    r"(?:\s?\(\d{1,3}\))?[\s-]?(?P<unit>mois|months?|ans?|annees?|years?|semaines?|weeks?)\b"
)
PERPETUAL = re.compile(
    r"perpetuit|perpetuity|perpetual|perpetuel|\ba vie\b|for ever|forever|illimite|unlimited (time|duration|period|"
    r"use)|sans limit(e|ation) de (duree|temps)|no time limit|indefinitely|indefiniment|all rights|irrevocab|"
    r"buy-?out|for all time|a titre definitif|definitivement|without (any )?time limit|sans date de fin|"
    r"no end date|unlimited usage|usage illimite|"
    # the whole legal term of copyright: seventy years after the author's death is no limit for a creator
    r"(toute la|pour la|la totalite de la) duree (legale )?(de (la )?protection|des droits)|duree legale des droits|"
    r"(full|entire|whole) (term|duration) of (the )?(copyright|protection)|(full|entire) copyright term"
)
# A time without end, said of the creator's content or rights: "les droits à vie sur mes vidéos", "they want to
# use my reels forever". A creator describing an offer rarely writes "usage rights", so the duration and the object
# read in one clause are enough; the object keeps "elle me suit à vie" or "I'll remember it forever" out.
FOREVER = re.compile(
    r"\ba vie\b|\bfor life\b|\blifetime\b|\bforever\b|\bfor ever\b|pour toujours|\ba jamais\b|indefinite?ly|"
    r"indefiniment|perpetu|sans limite (de|dans le) (duree|temps)|illimite(e|s|es)? dans le temps|"
    r"(no|without( any)?) time limit|sans date de fin|no end date|for all time|no expiry|never expires?|"
    r"n'expire(nt)? jamais|(toute la|pour la) duree (legale )?(de (la )?protection|des droits)|"
    r"(full|entire|whole) (term|duration) of (the )?(copyright|protection)"
)
RIGHTS_OBJECT = re.compile(
    r"\b(droits?|rights?|usage|licen[cs]es?|contenus?|content|videos?|photos?|images?|visuels?|reels?|posts?|"
    r"publications?|stories|tiktoks?|shorts?|clips?|ugc|creations?|utilis\w*|use|using|exploit\w*|diffus\w*|"
    r"garder|keep|reuse|re-?post\w*|repartag\w*|run(ning)?|pubs?|ads?|advertising|publicit\w*)\b"
)
_DURATION_WORDS = {"dix-huit": 18, "eighteen": 18, "vingt-quatre": 24, "twenty-four": 24, "neuf": 9, "nine": 9}


def _months(text: str) -> int | None:
    match = DURATION.search(text)
    if not match:
        return None
    raw = match.group("n").lower()
    n = int(raw) if raw.isdigit() else {**NUMBER_WORDS, **_DURATION_WORDS}.get(raw)
    if n is None:
        return None
    unit = match.group("unit").lower()
    if unit.startswith(("an", "year")):
        return n * 12
    if unit.startswith(("semaine", "week")):
        return max(1, round(n / 4.345))
    return n


def _having(pattern: re.Pattern[str], parts: list[Clause]) -> list[Clause]:
    return parts.having(pattern) if isinstance(parts, Clauses) else parts


def _hits(pattern: re.Pattern[str], parts: list[Clause]) -> list[tuple[Clause, re.Match[str]]]:
    """The first match of `pattern` in each clause where a negation does not cover it."""
    found = []
    for clause in _having(pattern, parts):
        for match in pattern.finditer(clause.folded):
            if not is_negated(clause, match.span()):
                found.append((clause, match))
                break
    return found


def _denied(pattern: re.Pattern[str], parts: list[Clause]) -> bool:
    """Whether some clause says `pattern` under a negation ("pas d'exclusivité", "no usage rights")."""
    return any(
        is_negated(clause, match.span())
        for clause in _having(pattern, parts)
        for match in pattern.finditer(clause.folded)
    )


DAYS_AFTER = re.compile(r"^\W{0,3}([a-z]+\W{1,2}){0,2}(?P<n>\d{1,3})\s?(days|jours|j)\b")


def _months_near(hits: list[tuple[Clause, re.Match[str]]]) -> int | None:
    """The duration that follows a mention (within its clause), else the closest one before it."""
    for clause, match in hits:
        text = clause.folded
        if (after := _months(text[match.start() : match.end() + 120])) is not None:
            return after
        if days := DAYS_AFTER.search(text[match.end() : match.end() + 30]):
            return max(1, round(int(days.group("n")) / 30))  # "Exclusivity: 30 days", "Non-compete: 90 days"
        if (before := _months(text[max(0, match.start() - 60) : match.start()])) is not None:
            return before
    return None


# "exclusivement", "exclusively" mean "only" ("publié exclusivement sur Instagram", "exclusivement à la commission")
# unless said of working with the brand ("work exclusively with us").
EXCLUSIVITY = re.compile(
    r"exclusivit|exclusive(?!ment|ly)|(work|travaill|collabor|partner|represent|promo|ambassad)\w* (\w+ )?"
    r"exclusive(ment|ly)|exclusive(ment|ly) (with|avec|for|pour) (us|nous|our|notre|the brand|la marque)|"
    r"non[- ]?compet|non[- ]concurrence|no other brands?|aucune autre marque|"
    r"pas d.autres? marques?|(not|ne pas|pas) (work|travailler|collaborer) (with|avec) (other|d.autres|aucun)|"
    # "Exclu catégorie 3 mois", "exclu : 2 mois" (not the bare word asked about: "et pour l'exclu ?")
    r"\bexclu\b\s?:?\s?(categorie|sectorielle|secteur|totale|\d|pendant|sur \d|de \d|d.un|d.une|"
    # what it covers: "l'exclu sur tout l'alimentaire pendant 1 an", "l'exclu sur toutes les montres"
    r"sur (tout|toute|tous|toutes|les|la|le|l.|leur))|"
    r"competitors?|concurrents?"
)


def _where_to_find(folded: str, match: re.Match[str]) -> bool:
    """ "Téléchargez notre dossier de presse sur notre site", "order on our website": the brand's site as where to find
    something, not where it will reuse the content."""
    return match.group(0).startswith(("on ", "sur ")) and bool(FIND_ON_SITE.search(folded[: match.start()]))


# Getting something from the brand's site: downloading, ordering, finding, signing up.
FIND_ON_SITE = re.compile(
    r"(telecharg|download|retrouv|find|found|visit|consult|disponible|available|command|order|achet|buy|shop|"
    r"inscri|sign up|register|apply|postul|choisi|choos|pick|select|browse|decouvr|discover|lire|read)\w*"
    r"[^.\n]{0,50}$"
)


USAGE = re.compile(
    r"droits? (d.utilisation|d.usage|de diffusion|d.exploitation|de reutilisation|a l.image|sur (le|les) contenus?)|"
    r"cession de droits|usage rights?|(organic|organique|paid) usage|usage (organique|organic)|"
    r"image rights|content rights|license|licence|re-?use|reutilis|re-?post|"
    r"(garder|keep|conserver|own|detenir|retain|recuperer)\w* (les |the |all |tous les |full )?(droits|rights)|"
    r"repartag|reshare|(on|sur) (our|nos|notre) (website|site|channels|reseaux|social|pages?|e-?shop|newsletter)|"
    r"(use|utiliser) (your|ton|votre|vos|tes) (content|contenus?|video|photos?|images?)|ugc|"
    r"own (the|all) (content|rights)|republish|re-?publi|(use|utiliser), (edit|modifier)|licen[cs]e|"
    r"^\s*(usage|droits|licence)\s?:|(on|sur) (its|their|son|leur) (website|site|channels|newsletter)|"
    # "droits 6 mois en organique", "usage 3 months organic", "3 months usage on their socials"
    r"\b(usage|droits)\s(\w+\s)?\d{1,2}\s?(months?|mois|weeks?|semaines?|years?|ans?)\b|"
    r"\b\d{1,2}\s?(months?|mois|years?|ans?)\s(of\s)?(usage|d.usage|de droits)\b"
)
# The brand using the creator's content, the verb read after its subject (BRAND_SUBJECT) so that a negation before
# the verb denies it: "we'd like to share your content on our Instagram"; "we won't use the video anywhere else".
BRAND_USE = re.compile(
    r"\b(use|using|utilis\w*|share|sharing|partag\w*|repost\w*|reshare|feature|diffus\w*)\b(?:(?!link|lien)[^.\n]){0,15}"
    r"\b(your|ton|"
    r"votre|vos|tes|the|la|le|les|this|ce|cette|ces|that)\s(\w+\s)?(content|contenus?|videos?|photos?|images?|reels?|"
    r"visuels?|tiktoks?|clips?)\b"
)
BRAND_SUBJECT = re.compile(r"\b(we|we'll|we'd|nous|the brand|la marque|the client|le client)\b[^.\n]{0,25}$")
# "Mossbyte may share your clips": a named brand with a modal verb, when the sentence is not about the creator.
BRAND_MODAL = re.compile(
    r"^(?!.*\b(you|tu|vous|your followers|tes abonnes)\b).*\b(may|will|can|could|would|pourra|pourront|peut|peuvent)\s$"
)
PAID_ADS = re.compile(
    r"whitelist|white-list|spark ?ads?|partnership ads?|paid ads?|paid social|"
    r"ads? (on|with|from) your (handle|account)|run (it|them|the (video|content|post)) as (an )?ads?\b|"
    r"en (pub|publicite)s?\b|publicites? payantes?|"
    r"sponsoriser (ta|votre|vos|tes) (publications?|posts?)|"
    r"boost(er|ing|ed)?\b(?! (nos|our|notre|ses|their|its|les|the) (notes?|ratings?|"
    r"avis|reviews?|ventes|sales|visibilit\w*|notoriet\w*|chiffre|audience|followers|abonnes))|"
    r"dark posts?|campagnes? (pub|publicitaires?)|ad campaigns?|meta ads|facebook ads|tiktok ads|"
    # "use my videos in their ads", "les réutiliser dans leurs pubs"
    r"\b(use|using|reuse|re-use|run|put|utiliser|reutiliser|mettre|diffuser)\b[^.?!\n]{0,30}\b(in|into|dans|as) "
    r"(their |leurs? |its |ses |les |des |an? |une? )?(ads|adverts?|advertising|advertisements|pubs)\b"
)
APPROVAL = re.compile(
    r"approv|valid(ation|er|e)|sign[- ]?off|review (it |them |the content )?(before|prior)|relecture|\bbat\b|"
    r"(send|envoyer|envoie|soumettre) (us |nous )?(the |le |les |votre |ton |your )?(draft|brouillon|script|contenu|"
    r"content|video)s? (before|avant|for)"
)
ROUNDS = re.compile(
    r"\b(?P<n>\d{1,2}|un|une|deux|trois|quatre|cinq|one|two|three|four|five|a)\s?(seule?s?\s|single\s)?(rounds?|"
    r"allers?[- ]retours?|series|tours?|sessions?)\s?(of|de|d.)?\s?(revisions?|modifications?|modifs?|changes|"
    r"corrections?|feedback|retouches?|edits?)"
)
UNLIMITED_ROUNDS = re.compile(
    r"(revisions?|modifications?|modifs?|changes|retouches?|corrections?|allers?[- ]retours?) (illimite|unlimited)|"
    r"(illimite|unlimited)e?s? (revisions?|modifications?|modifs?|changes|retouches?|allers?[- ]retours?)|"
    r"as many (revision |editing |rounds of )?(revisions|changes|edits|rounds)( of revisions?)? as|"
    r"autant de (modifications|modifs|retouches|allers)|"
    r"jusqu.a (validation|satisfaction|approbation|ce que)|until (we are|we're|fully|they are) (happy|satisfied)|"
    r"until approval|as (the )?(client|brand|we) requests?|autant que (necessaire|demande)|"
    # "unlimited rounds of revisions", "un nombre illimité de retouches", "until the client is fully satisfied"
    r"(illimite\w*|unlimited|endless|infinite|sans limite( de)?|no limit (on|to)|pas de limite( de| au)?)"
    r"( [a-z'-]+){0,4} (revisions?|modifications?|modifs?|changes|edits|retouches?|corrections?|rounds|"
    r"allers?[- ]retours?)|(revisions?|modifications?|modifs?|changes|edits|retouches?|corrections?|rounds)"
    r"[^.\n]{0,30}(sans limite|without (any )?limit|no limit|illimite\w*|unlimited)|until (the |our )?([a-z]+ ){0,2}"
    r"(is |are )?(fully |completely |entirely |100% )?(happy|satisfied)|"
    r"jusqu.a (ce que )?([a-z']+ ){0,3}(soit |soient )?(entierement |totalement |pleinement )?satisfaite?s?"
)
PAYMENT_DAYS = re.compile(
    r"\bnet\s?-?(?P<a>\d{2,3})\b|(?P<d>\d{2,3})[- ]days? (payment )?terms|payable (a|sous|under|within) "
    r"(?P<e>\d{2,3})\s?(jours|days|j)\b|"
    r"(?P<b>\d{2,3})\s?(jours|days|j)\b\s?(fin de mois|end of month|after|apres|from|a "
    r"(compter|reception)|of (invoice|receipt)|de (facture|reception)|net|suivant)|(paiement|payment|paid|pay|paye|"
    r"payons|payer|paient|payent|payez|paie|regle|reglement|virement|balance|solde|settle\w*|\d{2}\s?%)[^.\n]{0,40}?"
    r"(sous|within|in|under|a|at|dans les|dans un delai de|after|apres)"
    r"\s?(?P<c>\d{1,3})\s?(business |working |calendar )?"
    r"(jours|days|j)\b|(paiement|payment|reglement|facture|invoice)\s?:?\s?(a |sous |within |in )?(?P<f>\d{2,3})\s?"
    r"(jours|days|j)\b|"
    # "Paiement à J+30": the day count from publication or invoice
    r"(paiement|payment|paye|regle\w*|reglement|virement|facture|invoice)[^.\n]{0,30}?\bj\s?\+\s?(?P<h>\d{1,3})\b"
)
END_OF_MONTH = re.compile(r"fin de mois|end of (the )?month|\beom\b|\bfdm\b")
_SPELLED_DAYS = {"thirty": 30, "trente": 30, "sixty": 60, "soixante": 60, "ninety": 90, "forty-five": 45,
                 "quarante-cinq": 45, "fourteen": 14, "quatorze": 14}  # fmt: skip
# "within thirty days", a contract's "within forty-five (45) days"
PAYMENT_SPELLED = re.compile(
    r"(paiement|payment|paid|pay|paye\w*|payable|regle\w*|reglement|virement|invoices?|factures?)\b[^.\n]{0,40}?"
    r"\b((?P<n>one|two|three|four|six|eight|un|une|deux|trois|quatre|six|huit|fifteen|quinze|thirty|trente|sixty|"
    r"soixante|ninety|forty-five|quarante-cinq|fourteen|quatorze)\s(?:\(\d{1,3}\)\s)?(?P<unit>days|jours|weeks?|semaines?)|"
    r"(?P<w>\d{1})\s(?P<wunit>weeks?|semaines?))\b"
)
AFTER_APPROVAL = re.compile(
    r"(paid|payment|pay\w*|paye|paiement|verse|regl\w*|fee)[^.\n]{0,40}(once|when|if|after|upon|si|une fois que|quand|"
    r"apres que|des que|lorsque)[^.\n]{0,30}(approv|valid|accept|satisf|happy|content|ravi)|"
    # "paid after the final approval", "payment is released after the campaign results are reviewed"
    r"(paid|payment|pay|paye|paiement|payons|regl)[^.\n]{0,40}(after|once|when|upon|apres|une fois|a la|des) "
    r"(the |our |les |la |le |l')?([a-z']+ ){0,2}?(approval|validation|results?|resultats?|performance|campaign ends|"
    r"fin de (la )?campagne|"
    r"objectifs?|sales|ventes)|(released|verse|debloque|paid) (only )?(once|when|une fois|quand|si|if)[^.\n]{0,40}"
    r"(views|vues|sales|ventes|results?|resultats?)|(only|seulement|uniquement) (if|si|once|when)[^.\n]{0,30}"
    r"(views|vues|ventes|sales)|"
    # "we'll pay once the video hits 20k views", "payé si la vidéo atteint 50 000 vues"
    r"(pay\w*|paie\w*|paye\w*|verse\w*|regl\w*)( \w+){0,3} (once|when|if|after|si|une fois que?|quand|des que|"
    r"lorsque|apres que?)[^.\n]{0,40}(views|vues|impressions|clicks|clics|conversions?|followers|abonnes|sales|ventes)"
)
_HIDE_TARGET = (
    r"(sponsor|#?\bad\b|#?\bads\b|#pub|\bpub\b|publicit|partenariat|partnership|paid|remunere|"
    r"collab(oration)? commerciale|#spon|gifted)"
)
_SAY = (
    r"(say|saying|mention|mentioning|tag|tagging|use|using|put|putting|add|adding|label|labelling|labeling|disclose|"
    r"disclosing|write|writing|dire|mentionner|indiquer|mettre|preciser|utiliser|afficher|signaler|ecrire)"
)
HIDDEN = re.compile(
    rf"(don.t|do not|never|no need to|ne (pas|jamais)|pas besoin de|eviter de|avoid|inutile de|pas la peine de) "
    # a verb of saying before what is hidden ("don't mention it's paid"), or the label right after ("pas besoin de
    # #pub"); "we don't have a paid budget" hides nothing
    rf"({_SAY}[^.\n,;]{{0,40}}?|(the |le |la |les |of |d'|de |du )?){_HIDE_TARGET}|"
    rf"(without|sans) {_SAY}[^.\n,;]{{0,30}}?{_HIDE_TARGET}|"
    # what the post is, not to be said: "sans dire que c'est une collab", "don't say it's a collab"
    r"(without|sans|don.t|do not|never|ne pas|jamais|pas besoin de) (saying|telling|say|tell|dire|preciser|mentionner|"
    r"indiquer|signaler)( (to )?(anyone|personne|your followers|tes abonnes|vos abonnes))? (that |que |qu.)?"
    r"(it.s|it is|this is|c.est|c est|il s.agit d)( (an?|une?|a))? (collab\w*|partenariat\w*|partnership|sponso\w*|"
    r"ad\b|pub\b|paid|publicit\w*|placement|advert\w*)|"
    r"\bne (mentionne[rz]?|dites|dis|indique[rz]?|precise[rz]?|mets|mettez|utilise[rz]?|affiche[rz]?|signale[rz]?|"
    r"tague[rz]?|parle[rz]?) (pas|jamais)[^.\n,;]{0,30}?" + _HIDE_TARGET + "|"
    r"(pas de|pas d'|\bno\b|aucune?|sans|without) (besoin de )?((mention|label|tag|hashtag|disclosure|indication)s?"
    r"( (de |d')?(pub|publicite|partenariat|sponsor\w*|ad|#\w+|collaboration commerciale|paid partnership))?\b|"
    r"#(ad|pub|sponsored|spon|partenariat|collab)\w*)|"
    r"(look|feel|seem|paraitre|sembler|avoir l.air|fasse|faire|fait)[^.\n]{0,25}(organic|natural|naturel|spontane|"
    r"authentic|genuine)|comme si (tu|vous) l.?(avi?(ez|ais) achete|utilis)|as if you (bought|found|discovered|"
    r"already)|(keep|garder|reste[rz]?) (it |this |ca |cela )?(discreet|discret|secret|confidenti|between us|"
    r"entre nous)|"
    # "like it's your own discovery", "no need to say we sent it": the brand behind the post is to stay unseen
    r"(like|comme si|as if|as though) (it.s|it is|it was|c.est|c.etait) (your|ta|votre|ton) (own |propre )?"
    r"(discovery|find|idea|decouverte|trouvaille|idee)|(no need to|pas besoin de|don.t|do not|ne pas|never|jamais) "
    r"(say|mention|tell|dire|mentionner|preciser|indiquer)( to \w+)? (that )?(we|nous|on|the brand|la marque) "
    r"(sent|gave|paid|gifted|offered|t.a |vous a |t.avons |vous avons |a )"
)
DISCLOSE = re.compile(
    r"#ad\b|#pub\b|#sponsored|#partenariat|#sponsorise|#gifted|#cadeau|#produit_?offert|#offert|collaboration\s+commerciale|paid\s+partnership|"
    # "indiquer que c'est une collaboration payée", TikTok's "Promotional content" toggle
    r"collaboration (payee|remuneree)|paid collab\w*|promotional content|contenu (promotionnel|sponsorise)|"
    # YouTube's French box "Inclut une communication commerciale"; "clearly labelled as sponsored"
    r"communication commerciale|(labell?ed|marked|flagged|signalee?s?|etiquetee?s?|identifiee?s?) "
    r"(clearly |clairement )?"
    r"(as|comme|en tant que) (an? )?(sponsored|sponsorisee?s?|paid|ad\b|advert\w*|publicit\w*|pub\b|partenariat)|"
    r"partenariat\s+remunere|mention\W{0,3}(publicite|partenariat|pub\b|collaboration|legale|sponsor)|disclose|"
    r"disclosure|branded content|(label|mention|tag|tague|marque|mark|marked|identifie[rz]?)\W{0,3}(publicite|ad\b|"
    r"paid|contenu sponsorise|sponsored|partenariat|le partenariat)|(tag|label|mark)\w* (it|this|them|the \w+|each \w+|"
    r"every \w+|all \w+) as (an? )?(ad\b|advert\w*|paid|sponsored|publicit\w*)|"
    r"(as|comme) (an? )?(#?ad|advert|publicite|pub)\b|"
    # "#collaborationcommerciale" in one word; YouTube's "includes paid promotion" box
    r"#(collab\w*commerciale|partenariat\w*|publicite|sponso\w*|paidpartnership|advert\w*)|includes? paid promotion|"
    r"promotion payante|"
    # "please say it's sponsored", "mention that it's an ad", "dire que c'est sponsorisé"
    r"(say|mention|state|indicate|clarify|disclose|dire|mentionner|preciser|indiquer|signaler)\w*\s(?:clearly\s|"
    r"clairement\s)?(that\s|que\s)?(it.s|it is|this is|the (video|post|reel) is|c.est|qu.il s.agit d.une?)\s"
    r"(an?\s|une?\s)?"
    r"(sponsored|paid|ad\b|advert\w*|sponsoris\w*|partenariat|publicit\w*|collaboration commerciale)|"
    # "mention explicite du partenariat", "mention « vidéo sponsorisée »", "mettre « produit offert » dans ta publi",
    # "LinkedIn's Brand partnership label", "YouTube's paid promotion setting"
    r"(mention\w*|mettre|ajoute[rz]?|indique[rz]?|preciser|precise[rz]?|write|add|include)\b\W{0,3}"
    r"((le|la|les|du|de|d'|the|a|an|un|une|explicite|claire?|clear|clearly|obligatoire|legale|required|in|dans|"
    r"ta|ton|your|each|chaque|every|post|publi\w*)\W{1,3}){0,4}([\"«“]\W?(\w+ ){0,3})?"
    r"(partenariat|publicit\w*|\bpub\b|collaboration commerciale|sponsoris\w*|sponsored|remunere\w*|produit offert|"
    r"offert par|gifted|paid partnership|brand partnership)|(brand partnership|paid partnership|paid promotion|"
    r"partenariat remunere|collaboration commerciale|branded content|contenu de marque)\W{0,3}(label|tag|setting|"
    r"toggle|tool|feature|disclosure|mention|outil|fonction|etiquette|option)|"
    # The tool named first: "l'outil de contenu de marque", "l'option contenu de marque de Twitch", YouTube's French
    # box "contient une promotion payée"
    r"(outil|option|fonction|etiquette|case|parametre|reglage|bouton)\W{1,3}(de |du |d')?(la |l')?(contenu de marque|"
    r"partenariat remunere|collaboration commerciale|contenu sponsorise|promotion payee)|promotion payee|"
    # The post named as an ad: "identifie la publication comme partenariat payé", "signale tes stories comme pub"
    r"(identifie|signale|marque|etiquette)[rz]? (la|le|les|ta|ton|tes|votre|vos|ce|cette|ces) ([a-z]+ ){1,2}?"
    r"comme (un |une |du )?(partenariat|publicit\w*|pub\b|sponsoris\w*|contenu sponsorise|collaboration commerciale)|"
    # "tu mets bien que c'est un partenariat", "write that it's an ad"
    r"\b(mets|mettez|mettre|ecris|ecrivez|ecrire|write|put) (bien |clairement |clearly )?(que|that) "
    r"(c.est|it.s|it is|this is) (un |une |an? )?(partenariat|publicit\w*|pub\b|sponsoris\w*|sponsored|ad\b|"
    r"collaboration commerciale)|"
    # A label in quotes after a banner or a label: 'labelled "Sponsored"', 'le bandeau « sponsorisé »', 'mettre
    # "lien affilié" sur chaque story'
    r"\b(labell?ed|labels?|bandeau|banner|banniere|overlay|incrustation|sticker|mettre|mets|mettez|write|ecri\w*|add|"
    r"ajoute\w*|put|include|indique\w*)\s{0,2}[\"«“']\s?(sponsor\w*|ad|pub|publicite|annonce|partenariat\w*|"
    r"lien affilie|lien d.affiliation|lien sponsorise|affiliate link|affiliate|paid partnership|gifted|produit offert|"
    r"en (collaboration|partenariat) avec|in (collaboration|partnership) with)\b|"
    # "dis que la vidéo est sponsorisée", "précise en story qu'il s'agit d'un partenariat", "say 'this video is
    # sponsored by …'"
    r"\b(say|mention|state|indicate|clarify|dire|dis|dites|mentionne\w*|precise\w*|indique\w*|signale\w*)\s"
    r"([a-z]+\s){0,3}?(that\s|que\s|qu'|[\"«“']\s?)(it.s|it is|this is|il s.agit d.une?|c.est|"
    r"(the|this|la|le|ce|cette) (video|post|reel|contenu|content|publication|story|tiktok|segment) (is|est))\s"
    r"(an?\s|une?\s)?(sponsored|paid|"
    r"ad\b|advert\w*|sponsoris\w*|partenariat|publicit\w*|collaboration commerciale)"
)
DOWNLOAD = re.compile(
    r"\.(exe|scr|msi|bat|apk|rar|7z|zip|iso)\b|archive (protegee|protected|avec mot de passe)|password[- ]protected|"
    r"(install|installer|execute|executer|run|lancer|ouvr(ir|ez)) (the |our |le |notre |ce |this )?(file|fichier|"
    r"program|programme|software|logiciel|launcher|setup|demo)|(download|telecharge[rz]?)[^.\n]{0,30}(launcher|"
    r"setup|demo|program|programme|logiciel|software|executable|installer)"
)
FREE_EMAIL = re.compile(
    r"@(gmail|googlemail|outlook|hotmail|live|yahoo|proton(mail)?|gmx|mail\.ru|yandex|icloud|aol)\.|\bgmail\b"
)
URGENCY = re.compile(
    r"\b(24|48)\s?h|\b(24|48) (hours|heures)|today only|aujourd.hui (seulement|uniquement)|last (spot|place|chance)|"
    r"derni(ere|er)s? (place|chance)|asap|urgent|reponds? vite|repondez vite|reply (fast|quickly|now)|limited spots|"
    r"places limitees|offre (expire|valable jusqu)|expires? (today|tonight|soon)|before midnight|avant minuit|"
    r"reply today|repondez aujourd|reponds aujourd|(slots?|places?|spots?) (left|restantes?)|"
    # "please reply in 1 hour because many influencers waiting", "réponds dans l'heure"
    r"(reply|respond|answer|repon\w*) (with)?in (1|one|2|two|an|une|deux) (hours?|heures?|h)\b|within the hour|"
    r"dans l.heure|(many|other|lots of|d.autres|plein d.|beaucoup d.) (influencers|creators|"
    r"createurs|influenceu\w*) (are )?(waiting|attendent|en attente)"
)
# What is sent that is not a gift: paperwork, money to send on, texts to post.
_NOT_GIFTS = (
    r"(?!(the |a |an |our |le |la |les |un |une |notre |nos |votre |ton |ta |tes )?(cheque|check|text|texte|review|"
    r"avis|contract|contrat|brief|invoice|facture|link|lien|details|code|email|e-mail|mail|message|money|argent|"
    r"payment|paiement|proposal|proposition|form|formulaire|file|fichier|script|document|docs?)\b)"
)
GIFT = re.compile(
    r"offert|\b(t|vous|te|on|nous)\W?offr(e|ons|ir|ent)\b|gratuit|\bgratos\b|"
    # "free shoes for 3 tiktoks", "a free facial if I post": a thing given for the content
    r"\bfree (?!shipping|delivery|trial|version|returns?|download|access|account|plan|tier|time|speech)"
    r"(pair of |set of |box of |bottle of )?[a-z]+( [a-z]+)? (for|if (i|you)|in (exchange|return) for) |"
    r"free (product|products|item|sample|box|kit|stay|night|trip|membership|subscription|month|year|pass|session|"
    r"class|treatment|meal|dinner)|gift|cadeau|envoyer "
    + _NOT_GIFTS
    + r"(notre|nos|un|une|le|la|les)|send (you|u) "
    + _NOT_GIFTS
    + r"(our|a|the|some)|en echange|in exchange|"
    # a creator telling it: "in return they send me their glow set", "ils m'envoient leur coffret"
    r"in return|en retour|en contrepartie|"
    r"\b(they|the brand)( would| will| wanna| want to|'ll|'d)? (send|sends|gift|gifts) "
    r"(me|us) " + _NOT_GIFTS + r"|\b(ils|elles|il|elle|la marque) (m|me|nous)\W?(envoi|offr)\w* " + _NOT_GIFTS + r"|"
    r"samples?|echantillons?|(plus|\+) (a |an |une |un )?(free |full |complete )?(box|boite|coffret|kit|pack|bundle|"
    r"colis|hamper|set)\b|"
    # "notre nouveau coffret (on te l'envoie évidemment)": the product named, then sent
    r"(coffret|box|produits?|kit|pack|colis|set|echantillons?)\b[^.\n]{0,60}\bon (te|vous) (l|les)\W?envo|"
    r"\b(pour|for|contre|against|in exchange for|en echange d.?)\s?(un |une |a |an |des |some |our |notre |nos )?"
    r"(coffret|box|boite|colis|produits|products|samples|echantillons)\b|"
    r"(invite|invited|inviter) [^.\n]{0,30}(stay|sejour|night|nuit|event|evenement|dinner|"
    r"diner)|seeding|on t.envoie " + _NOT_GIFTS + r"|we.ll send " + _NOT_GIFTS + r"|nous (vous )?offrons|"
    r"we (would love to |can |could |will |'ll )?(only )?(offer|gift)( you)? (\w+ )?(products?|items?|pieces?|sets?|"
    r"kits?|boxe?s?|samples?)|we (would love to )?(offer|gift)|a conserver|a garder|yours to keep|to keep\b|"
    r"tu (les |le |la )?gardes|"
    r"vous (les |le |la )?gardez|you keep (it|them|the (product|set|kit|box|pieces?))|(ship|expedi\w*|send) "
    r"(you )?(the |our |a |your )?(product|set|kit|box|pieces?|pairs?|paires?|shoes|chaussures|pr box)"
)
# Around a gift word, what is no gift to the creator: a product free for everyone ("jeu mobile, gratuit", "livraison
# offerte"), the creator's side of the exchange ("en échange je dois faire 2 stories"), or a folder sent to upload to.
NOT_A_GIFT = re.compile(
    r"(jeu|game|appli|app|application|logiciel|software|version|essai|trial|livraison|shipping|delivery|port|"
    r"inscription|telechargement)\W{1,3}([a-z]+\W{1,3}){0,3}(gratuite?s?|offerte?s?)\b|"
    r"(en echange|in exchange|in return|en retour|en contrepartie)\W{1,3}(je|tu|you|i|on|vous) (dois|doit|devez|must|"
    r"have to|need to|will have to|devrai\w*)\b|"
    r"(folder|dossier|drive|link|lien|brief|contract|contrat|form|formulaire|script|document|docs?|access|acces|"
    r"guidelines)\s(\w+\s)?(we.ll|we will|we|on|nous) (send|envo\w*)"
)
MONEY_WORDS = re.compile(
    r"remunere|remuneration|paid collab|paid partnership|\bfee\b|cachet|budget|tarif|honoraires|retribution|"
    r"compensation|rate card|we (will |would |can )?pay|nous (vous )?(paierons|payons|remunerons)|flat fee|forfait"
)
COMMISSION = re.compile(
    r"commission|affili|code promo|promo code|discount code|code de reduction|"
    r"% (on|of|sur|des|de) (every |each |chaque )?(sales?|ventes?|each|commandes?|orders?)|"
    r"rev(enue)? share|per sale|par vente|lien (unique|personnalise|de suivi)|tracking link"
)
PERCENT = re.compile(r"(?P<n>\d{1,2}(?:[.,]\d+)?)\s?%")
REGISTERED = re.compile(r"registered|enregistre|agree\b|agreee|\bpsan\b|\bcasp\b|mica\b|licensed|regulated|amf")
_WEEKDAYS = (
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
DATE = re.compile(
    rf"\b(({_WEEKDAYS}),? )?(the )?\d{{1,2}}(er|st|nd|rd|th)? (of )?(janvier|fevrier|mars|avril|mai|juin|juillet|"
    r"aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|"
    r"october|november|december)( \d{4})?\b|"
    rf"\b(({_WEEKDAYS}),? )?(january|february|march|april|may|june|july|august|september|october|november|"
    r"december) \d{1,2}(st|nd|rd|th)?(,? \d{4})?\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}(/\d{2,4})?\b"
)
RELATIVE_DATE = re.compile(
    rf"\b(by|before|avant|d.ici|until|jusqu.au|au plus tard) (le |this |next |ce )?(?P<when>{_WEEKDAYS}|"
    r"(the )?end of (the )?(month|week)|la fin (du mois|de (la )?semaine)|fin (du mois|de (la )?semaine)|noel|"
    r"christmas|black friday|next week|la semaine prochaine|demain|tomorrow|tonight|ce soir)\b"
)
# A later date that closes a window: "entre le 20 mars et le 3 avril", "between 3 and 17 March", "14–28 April".
WINDOW_END = re.compile(r"(\bet le|\band|\bto|\bau|jusqu|until|-|–)\s*$")
OFFER_SIGNALS = re.compile(
    r"collab|partenariat|partnership|sponsor|ambassad|campagne|campaign|brief|placement de produit|"
    r"remuner|\bfee\b|budget|gifted|offert|our brand|notre marque|we.d love|nous aimerions|would love to work|"
    r"aimerions collaborer|proposition|proposal|deliverables?|livrables?"
)


# The creator is asked to hide the ad: the negation is part of what is said, so these run on the raw clause.
# "We don't need usage rights for paid ads", "they don't want to use it for ads": a refused advertising use of the
# content, not a request to hide that the post is an ad.
ADS_USE = re.compile(
    r"usage|rights?|droits?|licen[cs]e|\buse (it|them|this|that|the \w+|your \w+|my \w+) (for|in|as)\b|"
    r"utiliser (la|les|ta|tes|ma|mes|votre|vos|ce|cette|\w+) \w* ?(en|pour)\b|(for|in|on|into|as) (paid |our )?ads\b|"
    r"paid (ads|advertising|media)|publicite payante|\ben pub\b|boost|whitelist|spark ads?|"
    r"sponsoris(er|ee?s?) (la|le|les)"
)


def _hides(folded: str, style: bool = True) -> bool:
    """Whether the clause asks to hide the ad; with `style` False, a wish that it look natural does not count."""
    # "no mention of competitors, ever" bans rivals: a bare "no mention" hides the ad only when no rival is named.
    return any(
        not ADS_USE.search(match.group(0))
        and not bans_rivals_only(folded, match.start(), match.end())
        and (style or not STYLE_ONLY.match(match.group(0)))
        for match in HIDDEN.finditer(folded)
    )


# "whatever feels natural", "make it look organic": a style, that hides the ad only if no label is asked for.
STYLE_ONLY = re.compile(r"(look|feel|seem|paraitre|sembler|avoir l.air|fasse|faire|fait)")


HIDDEN_EXCUSE = re.compile(r"forget|oubli|hesit|hide nothing|rien a cacher")
COMMENT_CONTROL = re.compile(
    r"(delete|remove|hide|supprime[rz]?|supprimer|efface[rz]?|masque[rz]?|cache[rz]?|filtre[rz]?|moderate|"
    r"modere[rz]?|filter|censor|censure[rz]?)[^.\n]{0,40}(negative|negatifs?|negatives?|critical|critiques?|"
    r"bad|mauvais|defavorables?|unfavou?rable|hater?s?|comments?|commentaires?|coms?\b)|"
    r"(turn off|disable|switch off|desactive[rz]?|ferme[rz]?|close|limit|limite[rz]?) (the |les |tes |vos |your )?"
    r"(comments|commentaires)|(only|que|uniquement|seulement|exclusivement) (des |du |de )?(positive|positifs?|"
    r"avis positifs?|good things|nice things|du positif|bons? retours?)"
)
COMMENT_GAG = re.compile(
    r"(no|pas de|pas d'|aucune?|sans|never|jamais|not|don't|do not|ne|avoid|eviter|evitez|evite|refrain from|"
    r"steer clear of)\b[^.\n,]{0,30}(negative|negatifs?|"
    r"negatives?|critique|criticism|criticise|criticize|critiquer|bad word|avis negatif|point negatif|defauts?|"
    r"downsides?|cons\b|flaws?|reserves?)"
)
FAKE_REVIEWS = re.compile(
    r"(reviews?|avis|notes?|ratings?|evaluations?|commentaires?)[^.\n]{0,60}(amazon|google|trustpilot|app ?store|"
    r"play ?store|apple store|tripadvisor|yelp|avis verifies|fiche produit|product page|our (web)?site|notre site)|"
    r"(amazon|google|trustpilot|app ?store|play ?store|tripadvisor|yelp)[^.\n]{0,40}(reviews?|avis|notes?|"
    r"ratings?)|(review|avis|note|rate|rating|noter|notez)[^.\n]{0,30}(5|five|cinq)[- ]?(stars?|etoiles)|"
    r"(5|five|cinq)[- ]?(stars?|etoiles)[^.\n]{0,30}(review|avis|note|rating|amazon|google|trustpilot|app ?store|"
    r"play ?store|tripadvisor|yelp)"
)
NO_CONTRACT = re.compile(
    r"(don.t|do not|won.t|never|ne|n')\s?(do|sign|use|need|fai\w*|sign\w*|utilis\w*)( pas| jamais)? (a |any |de |des |"
    r"of )?(written |formal )?(contracts?|contrats?|paperwork|paperasse)|(a |an |un |une )?(dm|message|e-?mail|mail|"
    r"whatsapp|handshake|poignee de main) (is enough|suffit|will do|is all we need|is fine)|"
    r"(no|pas de|pas d'|sans|without|aucun|pas besoin d.?(un|de)?|no need (for|of) a|don't need a|ne [^.\n]{0,15}"
    r"pas de) (written |formal |vrai |real |)?(contract|contrat|paperwork|paperasse)|(contract|contrat)s?[^.\n]{0,20}"
    r"(not needed|unnecessary|inutiles?|pas necessaires?|superflus?|not necessary)|(handshake|verbal|oral|dm|"
    r"message) (deal|agreement|accord)|(accord|agreement|deal) (verbal|oral|par dm|by dm|over dm|par message|"
    r"by message|on dm)|(just|juste|simplement) (by|par|over|on|en) (dm|message|whatsapp|mail)|"
    # spoken French without "ne": "ils font jamais de contrat écrit"
    r"\b(font|fait|fais|faisons|signe\w*|utilise\w*) (jamais|pas) (de |d.)(contrats?|paperasse)|"
    r"(fonctionne\w*|travaill\w*) (a|sur) la confiance"
)
COMPETITOR_BAN = RIVAL_BAN  # bot.text.rivals: shared with the understanding step
COMPETITOR_TIME = re.compile(
    r"a vie|for life|forever|\bever\b|plus jamais|never again|definitivement|at any time|pour toujours"
)
BANK = re.compile(
    r"numero de (ta |votre )?carte|card (number|details)|cvv|cvc|cryptogramme|code (de (la |ta |votre )?)?carte|"
    r"date d.expiration|expiry date|expiration date|bank(ing)? (login|password|credentials|access)|online banking|"
    r"identifiants bancaires|(acces|access) (a|to) (ton|votre|your) (compte bancaire|bank)|code pin|pin code|"
    # A PIN, not "pin a comment": "your PIN", "PIN number" ("pin code" and "code PIN" come before).
    r"(ton|votre|your|le|the|ta|son) pin\b(?! (a|the|un|le|la|ce|this|it|ton|your|our|notre) )|\bpin (number|numero)|"
    r"code secret|(iban|rib)[^.\n]{0,40}((?<!bic )(?<!swift )(?<!postal )code(?! ?(bic|swift|postal|banque|guichet|"
    r"iban))|password|mot de passe|sms|"
    r"verification|carte|card)|"
    r"(paypal|bank) (password|mot de passe)|(photo|scan|copie|copy|picture|recto|numero|details|both sides)[^.\n]{0,30}"
    r"(carte bancaire|carte de credit|credit card|debit card|bank card|carte bleue)"
)
COPYRIGHT = re.compile(
    r"(copyright|droits? d.auteur|dmca|intellectual property|propriete intellectuelle)[^.\n]{0,80}(infring|"
    r"violation|viol|strike|claim|reclamation|plainte|complaint|report|signalement)|(infring|violation|viol)"
    r"[^.\n]{0,40}(copyright|droits? d.auteur)|(account|compte|page)[^.\n]{0,40}(will be|sera|va etre|seront|may be|"
    r"risque d.etre|pourrait etre)[^.\n]{0,20}(deleted|disabled|suspended|removed|banned|supprime|desactive|"
    r"suspendu|ferme|restricted|restreint|bloque)|(appeal|contest|contester|faire appel|recours|verify|verifier)"
    r"[^.\n]{0,40}(form|formulaire)|(meta|instagram|tiktok|facebook) (support|security|securite|help) (team|center)?"
    # the creator speaking of the platform's support ("instagram support isn't answering"), not a sender's name
    r"(?! ?(isn.?t|is not|won.?t|doesn.?t|never|ne |n'|hasn.?t|has not|didn.?t|answer|respond|repond|reply))|"
    r"equipe (de )?(support|securite|assistance) (instagram|meta|tiktok|facebook)"
)
CREDENTIALS = re.compile(
    r"mot de passe|\bmdp\b|password|passcode|identifiants|login (details|credentials|info)|credentials|"
    r"code (de verification|de securite|2fa|a \d chiffres|sms|de connexion|recu par sms)|2fa|two[- ]factor|"
    r"verification code|backup codes?|codes? de secours|(send|envoie|envoyez|give|donne[rz]?|share|partage[rz]?)"
    r"[^.\n]{0,30}(?<!personal )(?<!discount )(?<!referral )(?<!affiliate )(?<!promo )(code|codes)\b"
    # a promo code shared with one's audience is no credential: "share your personal code with your followers"
    r"(?! promo| perso| personnel| de (reduction|parrainage)| (with|avec|to|a) (your|tes|ta|vos|votre|my|mes|ma|ton) "
    r"(followers|audience|community|abonnes|communaute|commu|fans))"
)
# Codes a legitimate brand asks for: a Spark Ads authorisation, a promo or affiliate code, and the bank's codes that
# say where to pay the creator ("send me ur sort code and account no", "ton code BIC", "SWIFT code").
BENIGN_CODE = re.compile(
    r"spark|promo|discount|reduction|affili|referral|parrainage|creator code|code createur|autori[sz]|ad code|"
    r"tracking|partnership code|code partenaire|boost|sort code|\b(bic|swift|iban|routing|branch|banque|guichet)\b"
)
# A password the creator sets for the brand's own portal is no credential of theirs: "log in to our creator portal
# with your email and a password you choose".
NEW_PASSWORD = re.compile(
    r"(password|mot de passe|identifiants?|credentials|login) ([a-z]+ )?(you (choose|pick|create|set)\b|of your choice|"
    r"que (tu|vous) (choisi|cre|defini)\w*|de (ton|votre) choix)|"
    r"(choose|pick|create|set( up)?|choisi\w*|cree[rz]?|defini[rsz]\w*) (a |an |un |your |ton |"
    r"votre )?(own |new |nouveau |propre )?(password|mot de passe)"
)
# Credentials chosen earlier, for the brand's own portal ("connecte-toi avec tes identifiants créateur que tu as
# choisis") unless they are to be handed over ("send us the password you chose").
CHOSEN_BEFORE = re.compile(
    r"(password|mot de passe|identifiants?|credentials|login) ([a-z]+ )?(you (chose|picked|created|set up)|"
    r"que (tu|vous) (as|avez) (choisi|cree|defini)\w*)"
)
# A code the brand sends to open its own portal ("use the verification code we email you"), unless it is asked back.
BRAND_CODE = re.compile(
    r"\b(we|we'll|we will|nous)\b[^.\n]{0,20}\b(send|sends|email|e-mail|text|envo\w*)\b|\bon (t'|vous )envo\w*"
)
HAND_OVER = re.compile(
    r"\b(send|give|share|forward|tell|read|envoie\w*|envoyez|donne\w*|partage\w*|transf\w*|communiqu\w*)\b"
    r"[ -](it|them|the code|le code|le|la|les|nous|us|moi|me|to us|a nous)\b|\bback to us\b|\brenvoie"
)


CODE_KIND = re.compile(r"\s?(de |d'|du |of )?[a-z-]+( [a-z]+)?")


def _next_words(folded: str, end: int) -> str:
    """The words that say what kind of code was asked for: 'ton code parrainage', 'the code of your referral'."""
    kind = CODE_KIND.match(folded, end, end + 30)
    return kind.group(0) if kind else ""


def own_portal(window: str, asked: str) -> bool:
    """The words around `asked` (a password or a code) ask for the brand's own portal, not for the creator's
    credentials: a password the creator chooses, or a code the brand sends and does not ask back."""
    if NEW_PASSWORD.search(window) or (CHOSEN_BEFORE.search(window) and not HAND_OVER.search(window)):
        return True
    return "code" in asked and bool(BRAND_CODE.search(window)) and not HAND_OVER.search(window)


ACCOUNT_LOGIN = re.compile(
    r"(connecte[rz]?|connexion|log ?in|sign ?in|se connecter|reconnecte[rz]?|identifie[rz]?)(-vous|-toi)?[^.\n]{0,40}"
    r"(ton|votre|your) (compte|account|profil|profile)|(acces|access) (a|to) (ton|votre|your) (\w+ )?(compte|account)|"
    r"(click|clique[rz]?|open|ouvre[rz]?|follow|suivez|use|utilise[rz]?) (on )?(this|the|ce|le|cette) "
    r"(link|lien|url|page)[^.\n]{0,40}(log ?in|sign ?in|connect\w*|verif\w*|confirm\w*|identifie\w*|enter your|"
    r"saisi\w*)|"
    r"(connecte[rz]?|log ?in|sign ?in|se connecter|verifie[rz]?|verify|confirm)(-vous|-toi)?[^.\n]{0,60}"
    r"(via|through|using|with|avec|sur|par|on|at|a) (ce|this|the following|le|ce|cette|the) (lien|link|page|url)|"
    # "verify your account here: …", "confirme ton compte ici" — a brand that pays never needs that; checking a
    # public account's insights ("so we can verify your account insights") has no link after it.
    r"(verifie[rz]?|verify|confirm(e[rz])?|valide[rz]?)(-vous|-toi)? (ton|votre|your) (\w+ )?(compte|account|"
    r"identite|identity)[^.\n]{0,30}(here|ici|below|ci-dessous|\blink|\blien|https?:|www\.|[a-z0-9-]+\.[a-z]{2,6}/)"
)
# A lookalike address: a platform name beside verify/login/partner words, on a domain that is not the platform's.
LOOKALIKE = re.compile(
    r"\b[a-z0-9-]{0,30}(insta|instagram|tiktok|meta|facebook|youtube|fb)[a-z0-9-]{0,30}\.[a-z]{2,6}\b"
)
OFFICIAL_DOMAINS = ("instagram.com", "tiktok.com", "facebook.com", "meta.com", "youtube.com", "fb.com")
MINORS_TEXT = re.compile(
    r"\b1[0-7]\s?(-|to|a|et|and|–)\s?1[0-7]\b|under[- ]?18s?|moins de 18 ans|mineurs?|minors?|teen(s|agers?)?\b|"
    r"\bados?\b|adolescents?|lyceens?|collegiens?|high[- ]school(ers)?|middle[- ]school|young teens|"
    r"(age|aged|agee?s?) (de )?1[0-7]\b|kids|enfants|children"
)
MINORS_EXCLUDED = re.compile(
    r"interdit|forbidden|exclu|not for|pas pour|reserve aux|18\s?\+|majeurs|adults? only|over 18|plus de 18|"
    r"18 (ans|years) (et|and) (plus|over|older)|age[- ]gat|verification d.age|age verification|no minors|"
    r"pas de mineurs|aucun mineur"
)
UNREGISTERED = re.compile(
    r"unregistered|unregulated|unlicensed|non[- ]?(regule|reglemente|agree|enregistre|autorise)|sans (agrement|"
    r"licence|enregistrement)|offshore|not (registered|regulated|licensed|authori[sz]ed)|no (license|licence)|"
    r"pas (de licence|d.agrement|enregistree?|agreee?|autorisee?|regulee?)|not (yet )?approved by|"
    r"(ne|n.)\s?(est|sommes|sont)\s?pas\s(encore\s)?(enregistre|agree|regule|autorise)"
)
REPLY = re.compile(
    r"reply|respond|answer|get back|let (us|me) know|confirm|revert|repond|reponse|retour|confirme[rz]?|decision|"
    r"faire part|nous dis|nous direz|nous dire|tenir au courant|"
    r"faites?[- ]nous savoir|dis[- ]nous|dites[- ]nous|tiens?[- ]nous au courant|valid (until|till)|"
    r"valable (jusqu|until)|expires?|expire|deadline (to|for) (reply|answer|respond|confirm|sign)|sign (the|our) "
    r"(contract|agreement)|signer|inscri|apply|postule|candidat|spots? (left|close)|places?"
)
NO_OBLIGATION = re.compile(
    r"(sans|aucune|pas d.|no|without|zero) (obligation|engagement|contrepartie|strings attached|expectation)|"
    r"(aucune?|no|pas de|zero) (publication|post|contenu|content|video)s? (n.est |is |will be )?(attendue?|expected|"
    r"required|exigee?|demandee?|obligatoire)|nothing (is )?expected|rien n.est (attendu|exige)|"
    r"(no|aucune) (obligation|pressure) (to|de) (post|publier)|(pas oblige|not obliged|not required|free to) "
    r"(de |to )?(post|publier|share|partager)|only if you (want|love|like)|si (ca|cela) (te|vous) pla"
)
COMMENT_STEMS = (
    "comment", "com", "negati", "critic", "critiq", "positi", "avis", "defaut", "flaw", "cons", "reserve",
    "downside", "bad", "mauvais", "hate", "bons retours", "good things", "nice things",
)  # fmt: skip
NO_OBLIGATION_STEMS = (
    "obligation", "engagement", "contrepartie", "strings", "expectation", "oblige", "required", "free to", "if you",
    "si ca", "si cela", "attendu", "expected", "exige",
)  # fmt: skip
# "monthly" or "hebdomadaire" said of the deliverables, not of a newsletter, an invoice or a call beside them.
_OF_OTHER_BEFORE = r"(?<!newsletter )(?<!newsletters )(?<!facturation )(?<!invoicing )(?<!reporting )(?<!paiement )"
_OF_OTHER_AFTER = (
    r"(?! ?(newsletter|invoic|factur|report|rapport|call|meeting|point|reunion|paiement|payment|fee|budget))"
)
# "for a month", "in a week" are a duration, not a rhythm.
_A_RHYTHM = r"(?<!for )(?<!over )(?<!in )(?<!within )(?<!during )\ba"
# "tous les mois", "Deliverables (x3 months)": a rhythm too.
PER_MONTH = re.compile(
    rf"(par|per|{_A_RHYTHM}|each|every|chaque|/)\s?(mois|month)\b|{_OF_OTHER_BEFORE}(monthly|mensuel\w*){_OF_OTHER_AFTER}|"
    r"\btous les mois\b|[x×]\s?\d{1,2}\s(mois|months?)\b"
)
PER_WEEK = re.compile(
    rf"(par|per|{_A_RHYTHM}|each|every|chaque|/)\s?(semaine|week)\b|{_OF_OTHER_BEFORE}(weekly|hebdo\w*){_OF_OTHER_AFTER}|"
    r"\btoutes les semaines\b"
)
# "3 reels (1 par mois pendant 3 mois)", "4 posts, un par semaine": the count is the total, the rhythm restates it.
RESTATED_RHYTHM = re.compile(
    r"\b(\d{1,2}|one|un|une)\s?(par|per|a|each|every|chaque|/|tous les|toutes les)\s?(\d{1,2}\s|deux\s|two\s|quinze\s|"
    r"other\s)?(mois|month|semaines?|weeks?|jours?|days?)\b"
)
# Every other week: "un reel tous les 15 jours pendant 2 mois" is 4.
PER_FORTNIGHT = re.compile(
    r"tous les (15|quinze) jours|toutes les (2|deux) semaines|every (2|two) weeks|every other week|bi-?weekly|"
    r"fortnightly|(every|each|a|per) fortnight|par quinzaine"
)
SPAN = re.compile(
    r"(pendant|for|over|sur|durant|during|on)\s(?:les?\s|the\s)?(?:next\s|prochains?\s|first\s)?(?P<n>\d{1,2}|un|une|a|"
    r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"twelve)\s(?:premiers?\s)?(?P<unit>mois|months?|semaines?|weeks?)\b|(?P<n2>\d{1,2}|trois|six|douze|three|six|"
    r"twelve)[- ](?P<unit2>mois|months?|month|semaines?|weeks?|week)[- ](campaign|campagne|partnership|partenariat|"
    r"contract|contrat|collab|ambassad|programme|program)|(engagement|commitment|contrat|contract|duree|duration|"
    r"campagne|campaign|partenariat|partnership|programme|program)\s(de|d'|of|:|sur|over|for)\s?(?P<n3>\d{1,2}|"
    r"trois|six|douze|three|six|twelve)\s(?P<unit3>mois|months?|semaines?|weeks?)\b|"
    # "Durée du partenariat : 3 mois", "Ambassador program, 6 months: …", "Length: 12 weeks"
    r"(?P<year>(partenariat|partnership|contrat|contract|programme|program|campagne|campaign|engagement) "
    r"(annuel|annual|yearly|d.un an|of (one|a|1) year|sur (un|1) an)|(annual|yearly) (partnership|contract|program))|"
    r"(duree|duration|length|periode|period|term|programme|program|partenariat|partnership|campagne|campaign)"
    r"[a-z' ]{0,25}[:,]\s?(?P<n4>\d{1,2}|trois|six|douze|three|six|twelve)\s(?P<unit4>mois|months?|semaines?|weeks?)\b|"
    # "1 Reel / semaine x 4 semaines"
    r"[x×]\s?(?P<n5>\d{1,2})\s(?P<unit5>mois|months?|semaines?|weeks?)\b|"
    r"(?P<quarter>(pendant|for|over|sur|durant|during)\s(un|a|one|1)\s(trimestre|quarter))\b"
)
TOTAL = re.compile(r"\b(total|en tout|au total|in total|overall|global|globale|package|forfait|all-in)\b")
WORTH = re.compile(
    r"valeur|value|worth|\bvau[tx]\b|valent|retail|au lieu de|instead of|prix public|vendu a|sells? (for|at)|rrp|"
    r"msrp"
)
POTENTIAL = re.compile(
    r"(jusqu.a|up to|earn|earns|earning|make|makes|making|gagne\w*|touche\w*|se font)\W[^.\n]{0,20}$"
)
OTHERS_EARN = re.compile(
    r"\b(top|best|leading|meilleur\w*|certain\w*|some|others?|autres|many|beaucoup|plusieurs|nos|our|les)\s"
    r"([a-z]+\s)?(creators?|creat(eur|rice)s?|ambassad\w*|partners?|partenaires?|influenc\w*|affiliates?|affilie\w*|"
    r"members?|membres?)"
)
UNPAID = re.compile(
    r"unpaid|non remunere|benevol|no budget|pas de budget|sans budget|free of charge|pro bono|gratuitement|"
    r"for free|no fee|no payment|pas de (remuneration|paiement|cachet)|aucune remuneration|"
    # money refused for the whole deal, not for a time ("no money upfront", "pas d'argent avant la publication")
    r"(no money|not a (cent|penny|dime)|pas (un|d.) ?(centime|argent)|zero (money|cash)|no cash)"
    r"(?! (up ?front|up front|before|until|till|first|yet|now|avant|d.avance|tant que|jusqu|pour l.instant))"
)
DISCOUNT = re.compile(
    r"discount|reduction|remise|off\b|-\s?\d{1,2}\s?%|\d{1,2}\s?% (off|de reduction|de remise|sur (ta|votre|la) "
    r"(commande|premiere))|for your (followers|audience|community)|pour (ta|votre) (communaute|audience)|"
    r"a (tes|vos) (abonnes|followers)"
)
# A rate per result, right after its amount ("30 € par inscription", "$25 for every signup", "50€ par abonné qui
# s'inscrit"): a commission on what the creator brings, not a fee for the work.
PER_RESULT = re.compile(
    r"\s*(hors taxes?|ht|ttc)?\s*(par|per|for each|for every|pour chaque|a chaque|/)\s*(new |nouvel\w* |nouveau )?"
    r"(inscri\w*|sign-?ups?|signups?|sales?|ventes?|depots?|deposits?|abonne\w* qui|followers? who|clicks?|clics?|"
    r"leads?|installs?|downloads?|telechargements?|referrals?|parrainages?|conversions?|orders?|commandes?|"
    r"first deposits?|premiers? depots?|customers?|clients?)\b"
)
PER_RESULT_RATE = re.compile(r"[\d€$£%]" + PER_RESULT.pattern)
COMMISSION_ONLY_WORDS = re.compile(
    r"commission|affili|per sale|par vente|sur (chaque|les) ventes?|on (each|every) sale|of (each|every) sale|"
    r"rev(enue)?[- ]share|des ventes|of sales|on sales|sur les commandes|per order|par commande"
)


# An address whose host itself says "verify" (glowberry-creators-verify.example): a brand's own site or portal
# does not name itself so; a lookalike made to collect logins does.
# Anchored at a word's start and bounded, so that a long run of letters is read once.
VERIFY_HOST = re.compile(r"(?<![a-z0-9.-])([a-z0-9-]{0,40}verif[a-z0-9-]{0,40})\.[a-z]{2,12}(?![a-z0-9])")


def _domains_lookalike(folded: str) -> bool:
    if "verif" in folded and any(
        not re.fullmatch(r"verif[a-z]*", m.group(1)) for m in VERIFY_HOST.finditer(folded)
    ):  # "verify.then" (a missing space) is a word, not an address
        return True
    for match in LOOKALIKE.finditer(folded):
        domain = match.group(0)
        if not domain.endswith(OFFICIAL_DOMAINS) and re.search(
            r"verif|login|log-in|secure|security|partner|support|check|auth|account|compte|confirm|help|reward|claim|"
            r"bonus|payout|prize|gift|cash|collab",
            domain,
        ):
            return True
    return False


def prepare(text: str) -> tuple[str, bool]:
    """The offer as read: at most MAX_OFFER_CHARS (whether the rest was cut is returned), mail wrapping removed."""
    truncated = len(text) > MAX_OFFER_CHARS
    return strip_quoted(text[:MAX_OFFER_CHARS], subject_label=True), truncated


def looks_like_offer(text: str) -> bool:
    """A pasted DM or email from a brand, rather than a question to the coach."""
    text = text[:MAX_OFFER_CHARS]
    folded = fold(text)
    signals = len({m.group(0).lower() for m in OFFER_SIGNALS.finditer(folded)})
    has_terms = bool(amounts(text) or _deliverables([c for c in clauses(text)], ""))
    long_enough = len(folded) >= 80 or "\n" in text.strip()
    return long_enough and (signals >= 2 or (signals >= 1 and has_terms))


def extract_facts(text: str, lang: Lang | None = None) -> OfferFacts:
    body, truncated = prepare(text)
    folded = fold(body)
    parts = Clauses(clauses(body))
    facts = OfferFacts(lang=lang or detect_language(body or text))
    facts.truncated = truncated
    facts.deliverables = _deliverables(parts, folded, facts.deliverable_options)
    _money(body, folded, parts, facts)
    facts.platforms = _platforms(folded, facts.deliverables)
    if _mentions(folded, *NO_OBLIGATION_STEMS):
        facts.no_obligation = any(NO_OBLIGATION.search(c.folded) for c in _having(NO_OBLIGATION, parts))
    _dates(parts, facts)
    _rights(parts, facts)
    _terms(parts, folded, facts)
    facts.category = next((name for name, pattern in CATEGORIES if re.search(pattern, folded)), None)
    if facts.category in ("crypto", "finance", "betting_tips", "gambling"):
        facts.crypto_registered = facts.category == "crypto" and bool(_hits(REGISTERED, parts))
        unregistered = any(UNREGISTERED.search(c.folded) for c in _having(UNREGISTERED, parts)) or _denied(
            REGISTERED, parts
        )
        facts.financial_unregistered = unregistered
        if unregistered:
            facts.crypto_registered = False
    _asks(parts, folded, facts)
    facts.minors_audience = any(
        MINORS_TEXT.search(c.folded) and not MINORS_EXCLUDED.search(c.folded) and not is_negated(c, m.span())
        for c in _having(MINORS_TEXT, parts)
        for m in [MINORS_TEXT.search(c.folded)]
        if m
    )
    facts.free_email = bool(FREE_EMAIL.search(folded))
    facts.urgency = bool(URGENCY.search(folded))
    return facts


def _mentions(folded: str, *stems: str) -> bool:
    """A cheap test before a costly pattern: none of its stems in the offer, no need to run it."""
    return any(stem in folded for stem in stems)


ARCHIVE_BEFORE = re.compile(r"\.(rar|zip|7z)\b|\b(zip|rar|archive|fichier compresse)\b")


def _asks(parts: list[Clause], folded: str, facts: OfferFacts) -> None:
    """What the sender wants from the creator beyond content: credentials, files, money, bank details."""
    account = _mentions(folded, "connect", "log", "sign", "acces", "identifi", "verif", "confirm") and bool(
        _hits(ACCOUNT_LOGIN, parts)
    )
    credentials = any(
        not is_negated(c, m.span())
        and not BENIGN_CODE.search(m.group(0) + _next_words(c.folded, m.end()))
        and not own_portal(c.folded[max(0, m.start() - 40) : m.end() + 40], m.group(0))
        # the password that opens an archive is malware's, read as a download: "brief.zip (archive password: 2024)"
        and not ARCHIVE_BEFORE.search(c.folded[max(0, m.start() - 60) : m.start()])
        for c in _having(CREDENTIALS, parts)
        for m in CREDENTIALS.finditer(c.folded)
    )
    facts.asks_login = credentials or account or _domains_lookalike(folded)
    facts.asks_download = bool(_hits(DOWNLOAD, parts))
    if _mentions(
        folded, "cart", "card", "cvv", "cvc", "crypto", "bank", "banc", "iban", "rib", "pin", "secret", "paypal"
    ):
        facts.asks_bank_details = bool(_hits(BANK, parts))
    if _mentions(folded, "copyright", "auteur", "dmca", "intellect", "propriete", "account", "compte", "page", "form",
                 "support", "equipe", "help"):  # fmt: skip
        facts.copyright_threat = bool(_hits(COPYRIGHT, parts))
    if _mentions(folded, *COMMENT_STEMS):
        gagged = any(COMMENT_GAG.search(c.folded) for c in _having(COMMENT_GAG, parts))
        facts.comment_control = gagged or bool(_hits(COMMENT_CONTROL, parts))
    if _mentions(folded, "review", "avis", "note", "rating", "rate", "etoile", "star", "evaluation", "commentaire"):
        facts.fake_reviews = bool(_hits(FAKE_REVIEWS, parts))
    if _mentions(
        folded, "contra", "paperwork", "paperasse", "deal", "accord", "agreement", "dm", "message", "mail", "confiance"
    ):
        facts.no_contract = any(NO_CONTRACT.search(c.folded) for c in _having(NO_CONTRACT, parts))
    if _mentions(folded, "compet", "concurren", "rival", "brand", "marque", "other", "autre"):
        facts.competitor_ban = any(_bans(c) and not _bounded_ban(c) for c in _having(COMPETITOR_BAN, parts))


def _clause_at(parts: list[Clause], offset: int) -> Clause | None:
    """The clause that holds `offset` (clauses are in text order: found by bisection, not a scan per amount)."""
    index = bisect.bisect_right(parts, offset, key=lambda clause: clause.start) - 1
    if index >= 0 and parts[index].start <= offset < parts[index].end:
        return parts[index]
    return None


def _span_months(text: str) -> tuple[int | None, int | None]:
    """'pendant 3 mois' → (3, None); 'over 6 weeks' → (None, 6): how long a monthly or weekly rhythm lasts."""
    match = SPAN.search(text)
    if not match:
        return None, None
    if match.group("year"):
        return 12, None
    if match.group("quarter"):
        return 3, None
    raw = (match.group("n") or match.group("n2") or match.group("n3") or match.group("n4") or match.group("n5")).lower()
    n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, {"neuf": 9, "nine": 9}.get(raw))
    unit = next(u for u in match.group("unit", "unit2", "unit3", "unit4", "unit5") if u).lower()
    if n is None:
        return None, None
    return (n, None) if unit.startswith(("mois", "month")) else (None, n)


def _rhythm(clause_text: str, offer_span: tuple[int | None, int | None], own: int = -1) -> int:
    """How many times a clause's deliverables repeat: '2 reels par mois pendant 3 mois' → 3. `own` is where the
    piece's count starts when written after it: "Reels : 1 par mois pendant 3 mois" is that count's rhythm, not a
    total said again."""
    clause_text = clause_text[:MAX_CLAUSE_SCAN]
    if any(m.start() != own for m in itertools.islice(RESTATED_RHYTHM.finditer(clause_text), MAX_AMOUNTS)):
        return 1
    if PER_FORTNIGHT.search(clause_text):
        months, weeks = _span_months(clause_text)
        if months is None and weeks is None:
            months, weeks = offer_span
        if weeks:
            return max(1, weeks // 2)
        if months:
            return months * WEEKS_PER_MONTH // 2
    elif PER_MONTH.search(clause_text):
        months, weeks = _span_months(clause_text)
        if months is None:
            months, weeks = offer_span
        if months:
            return months
        if weeks:
            return max(1, round(weeks / 4.345))
    elif PER_WEEK.search(clause_text):
        months, weeks = _span_months(clause_text)
        if months is None and weeks is None:
            months, weeks = offer_span
        if weeks:
            return weeks
        if months:
            return months * WEEKS_PER_MONTH
    elif PER_DAY.search(clause_text) and (days := DAYS_SPAN.search(clause_text)):
        # "2 stories par jour pendant 3 jours" → 6, "a story every day for a week" → 7
        return 7 if days.group("week") else min(_number(days.group("n")) or 1, 31)
    elif PER_QUARTER.search(clause_text):
        months, _ = _span_months(clause_text)
        months = months or offer_span[0]
        return max(1, months // 3) if months else 1
    return 1


def _rhythms(text: str, matches: list[re.Match[str]], offer_span: tuple[int | None, int | None]) -> list[int]:
    """How many times each deliverable of a clause repeats. A rhythm written after one piece is that piece's and
    the ones listed before it ("2 reels + 4 stories par mois"), not the next ones': "1 vidéo par trimestre et 1
    short par mois" is 4 videos and 12 shorts over a year."""
    if not matches:
        return []
    text = text[:MAX_CLAUSE_SCAN]
    ends = [m.start() for m in matches[1:]] + [len(text)]
    segments = [text[m.start() : end] for m, end in zip(matches, ends, strict=True)]
    own = [any(p.search(segment) for p in RHYTHMS) for segment in segments]
    counts = [m.start("n") - m.start() if m.start("n") > m.start("fmt") else -1 for m in matches]
    if len(matches) <= 1 or not any(own):
        return [_rhythm(text, offer_span, matches[0].start() + counts[0] if counts[0] >= 0 else -1)] * len(matches)
    said = _span_months(text)
    span = said if said != (None, None) else offer_span
    result = []
    for i in range(len(segments)):
        j = next((k for k in range(i, len(segments)) if own[k]), None)
        result.append(_rhythm(segments[j], span, counts[j]) if j is not None else 1)
    return result


# "1 TikTok par semaine pendant 2 mois" is 8, as a brand or a creator counts it (not 4.345 weeks a month).
WEEKS_PER_MONTH = 4
PER_DAY = re.compile(r"(par|per|a|each|every|chaque|/)\s?(jour|day)\b|\bdaily\b|quotidienne?s?")
PER_QUARTER = re.compile(r"(par|per|a|each|every|chaque)\s(trimestre|quarter)\b|quarterly|trimestriel\w*")
RHYTHMS = (PER_MONTH, PER_WEEK, PER_DAY, PER_FORTNIGHT, PER_QUARTER)
DAYS_SPAN = re.compile(
    r"(pendant|for|over|sur|durant|during)\s(?:les?\s|the\s)?(?:next\s|prochains?\s|first\s)?(?P<n>\d{1,2}|deux|trois|"
    r"quatre|cinq|six|sept|dix|two|three|four|five|six|seven|ten)\s(?:premiers?\s)?(jours|days)\b|"
    r"(?P<week>(pendant|for|over|sur|durant|during)\s(une|a|one|1)\s(semaine|week))\b"
)
# "2 TikToks this month + 2 next month", "1 reel now and 1 in June": a count whose format is the one before it.
ELLIPSIS = re.compile(
    r"(\+|\band\b|\bet\b|\bpuis\b|\bthen\b|\bplus\b)\s(?P<n>\d{1,2}|one|two|three|four|un|une|deux|trois|quatre)\s"
    r"(more\b|de plus|others?\b|autres?\b|next (week|month)|le mois (suivant|prochain)|la semaine (suivante|"
    r"prochaine)|(in|en) (january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre))"
)


# "Each month = 1 stream": what each period holds, the rhythm's pieces (not "x 4 weeks = 8 stories", a total).
PERIOD_HOLDS = re.compile(
    r"\b((each|every|per|par|chaque) (month|mois|week|semaine|day|jour)|monthly|weekly|hebdo|mensuel\w*)\s?=\s?$"
)
RESTATED = re.compile(r"((\bsoit|\bi\.?e\.?|\bthat is|\bc.est.a.dire|\bor|\bou)\W{0,3}(\w+\W{1,2}){0,1}|[(=]\s?)$")
WE_PAY = re.compile(
    r"\b(we|we'll|nous|on|the brand|la marque)( \w+){0,2} (pay|payons|paie|paient|payent|cover|covers|"
    r"offer|offers|offrons|offre|provide|provides|fund|finance\w*)\b"
)
CAPITAL = re.compile(r"\b(capital|capital social|share capital)( (de|of|:))?\s?$")
BUYING = re.compile(r"(buy|acheter|purchase|order|commander)\b")
OBLIGED = re.compile(
    r"\b(need|needs|have|has|must|just|only|first|required|all our|devez|dois|doit|suffit|d.abord|faut|obligatoire|"
    r"simply|please|merci d|to get started|pour commencer|pour rejoindre|to join)\b"
)


def _money(body: str, folded: str, parts: list[Clause], facts: OfferFacts) -> None:
    offer_span = _span_months(folded)
    earned: list[tuple[int, float, str]] = []  # (priority, value, currency)
    previous_end = -1
    per_result = False
    for amount in amounts(body, limit=MAX_AMOUNTS):
        if amount.unreadable:
            facts.amount_unreadable = True
            continue
        assert amount.value is not None
        before = folded[max(0, amount.start - 30) : amount.start]
        context = folded[max(0, amount.start - 40) : amount.end + 15]
        if WORTH.search(before) or (PAY_CONTEXT.search(context) and not NOT_PAYING.search(context)):
            continue  # what a gift is worth, or what the creator would pay, is not a fee
        if CAPITAL.search(before):
            continue  # "SAS au capital de 50 000 €" in the signature: the company's legal capital
        if SENT_BY_CREATOR.search(before):
            continue  # "send $39 for a starter kit": money the creator would send, not a fee
        if PER_RESULT.match(folded, amount.end):
            per_result = True
            continue  # "30 € par inscription": a commission on results, not a fee
        if POTENTIAL.search(before) and OTHERS_EARN.search(folded[max(0, amount.start - 80) : amount.start]):
            continue  # "nos meilleures ambassadrices se font jusqu'à 500 €/mois": a promise about others, not a fee
        clause = _clause_at(parts, amount.start)
        if clause is not None and is_negated(clause, (amount.start - clause.start, amount.end - clause.start)):
            continue
        if earned and RESTATED.search(before) and amount.start - previous_end <= 25:
            if TOTAL.search(folded[amount.end : amount.end + 15]) and amount.currency == earned[-1][2]:
                earned[-1] = (1, amount.value, earned[-1][2])  # "800 € par live, soit 1 600 € au total": the sum said
            continue  # "450 € HT (soit 540 € TTC)": the same fee said again, with tax
        previous_end = amount.end
        value = amount.value
        # Only the words around the amount: searching its whole clause for each amount would be quadratic.
        low, high = (clause.start, clause.end) if clause is not None else (0, len(folded))
        clause_text = folded[max(low, amount.start - WINDOW) : min(high, amount.end + WINDOW)]
        if amount.per == "month" or (amount.per is None and PER_MONTH.search(folded[amount.end : amount.end + 12])):
            months, weeks = _span_months(clause_text)
            if months is None and weeks is None:
                months, weeks = offer_span
            value *= months or (max(1, round(weeks / 4.345)) if weeks else 1)
        elif amount.per == "piece" and facts.workload > 1:
            value *= _pieces_paid(folded[amount.start : amount.end], facts)
        priority = 1 if TOTAL.search(clause_text) else 0
        earned.append((priority, value, amount.currency or "EUR"))
    if earned:
        _, facts.amount, facts.currency = max(earned)
    pay_requests = re.finditer(
        r"(frais de port|shipping( fee| cost)?s?|frais d.inscription|registration fee|membership fee|"
        r"verification fee|deposit|acompte|caution)[^.\n]{0,40}(a (ta|votre|vos) charge|(you|u) (pay|cover)|"
        r"(to|a) (pay|payer|regler)|de \d)|(frais|fee)[^.\n]{0,20}(inscription|registration|dossier|activation)|"
        r"(pay|payer|regler|cover|paie[sz]?) [^\n]{0,25}?(shipping|frais de port|postage|frais d.envoi)|"
        r"(pay|payer|regler|cover) (the |les |only |juste |seulement )*(frais|shipping|"
        r"postage|fee|deposit|acompte)|(buy|acheter|achete[sz]?|purchase) (the |our |your |notre |nos |un |une |a |"
        r"ton |ta |tes |votre |vos )?(starter|kit|products?|"
        r"produits?|collection|pack)|(buy|acheter|purchase|order|commander|commande[sz]) [^.\n]{0,20}?"
        r"\b(starter|kit|pack|"
        rf"collection)|{JOINING_FEE}|(training|set-?up|one-?time)( kit| pack| box)? (fee|cost)|"
        # "just pay the £29 …", "il suffit de régler 29 € pour ton kit": the creator is the one who pays an amount
        r"\b(just|simply|only|need to|must|have to|suffit de|juste|simplement|(you|u|tu|vous) (will |dois |devez )?)"
        r"\s?(pay|payer|regler|verser|payez|reglez|regle)\s(the |a |an |un |une |les |le |la |only |just |seulement )*"
        r"([$€£]\s?[1-9]|[1-9]\d{0,3}([.,]\d{2})?\s?([$€£]|eur\b|euros?\b|chf\b))|"
        r"(pay|payer|regler|acheter|buy|purchase) [^.\n]{0,25}?\b(formation|training|course|coaching|masterclass|"
        r"certification)|\b(cheque|check)\b[^\n]{0,200}\b(sent|send|renvo\w*|forward|transf\w*|zelle|paypal|virement)\b|"
        r"\b(remaining|rest|reste|difference)\b[^.\n]{0,60}\b(sent|send|renvo\w*|transf\w*|zelle|virer)\b|"
        # money sent by the creator for joining: "send $39 for a starter kit", "envoyer 30 € pour le kit"
        r"\b(send|sending|envoyer|envoie[rz]?|transfer|wire)\s+((us|them|nous|leur)\s+)?([$€£]\s?\d+|\d+\s?([$€£]|euros?|"
        r"dollars?))[^.\n]{0,40}?\b(kit|starter|ambassad\w*|inscription|registration|sign[- ]?up|membership|fee|frais|"
        r"deposit|acompte|pack)\b|"
        # "Shipping is just $19.99", "frais de port : 9,90 €": the creator pays the postage
        r"(shipping|postage|frais de port|frais d.envoi|frais de livraison)( (fee|cost)s?)?\s?"
        r"(is|are|est|sont|of|de|:)?\s?(just|only|seulement|juste|que|simplement)?\s?([$€£]\s?\d|\d{1,3}([.,]\d{2})?\s?([$€£]|eur\b|"
        r"euros?\b))|"
        # "you purchase any watch from our store with your discount code": buying in, whatever is promised back
        r"\b(you|tu|vous) (just |simply |first |only |need to |must |have to |dois |devez )?(buy|purchase|order|"
        r"achetes|achetez|commandes|commandez)\b[^.\n]{0,50}\b(store|shop|site|boutique|website|discount|code|"
        r"reduction|remise|refund|rembours\w*)",
        folded,
    )
    for pay_request in itertools.islice(pay_requests, MAX_AMOUNTS):
        if NOT_PAYING.search(folded[pay_request.start() : pay_request.end() + 20]) or WE_PAY.search(
            folded[max(0, pay_request.start() - 25) : pay_request.start() + 12]
        ):
            continue  # "we cover shipping", "we pay a one-time fee of 800 €": the brand pays
        if BUYING.match(pay_request.group(0)) and not OBLIGED.search(
            folded[max(0, pay_request.start() - 40) : pay_request.start()]
        ):
            continue  # "your followers can buy our products": not the creator paying
        clause = _clause_at(parts, pay_request.start())
        negated = clause is not None and is_negated(
            clause, (pay_request.start() - clause.start, pay_request.end() - clause.start)
        )
        if not negated:
            facts.asks_money = True
            break
    kinds = []
    told_unpaid = any(UNPAID.search(c.folded) for c in _having(UNPAID, parts))
    unpaid = told_unpaid or _denied(MONEY_WORDS, parts)
    # "rémunération exclusivement à la commission, sans fixe": the pay words are about the commission.
    unpaid = unpaid or any(
        COMMISSION_ONLY_WORDS.search(c.folded)
        and re.search(
            r"sans fixe|pas de fixe|no (fixed|flat|base) (fee|pay)|commission only|commission-only|uniquement|"
            r"exclusivement|only (on|through|via) (commission|sales)|seulement",
            c.folded,
        )
        for c in _having(COMMISSION_ONLY_WORDS, parts)
    )
    unpaid = unpaid or (
        any(
            MONEY_WORDS.search(c.folded) and COMMISSION_ONLY_WORDS.search(c.folded) and not amounts(c.text)
            for c in _having(MONEY_WORDS, parts)
        )
        and not any(
            MONEY_WORDS.search(c.folded) and not COMMISSION_ONLY_WORDS.search(c.folded)
            for c in _having(MONEY_WORDS, parts)
        )
    )
    pay_words = [(c, m) for c, m in _hits(MONEY_WORDS, parts) if not _joining_fee(c.folded, m)]
    if per_result and facts.amount is None:  # "we pay $25 for every signup": the pay words are the commission's
        pay_words = [(c, m) for c, m in pay_words if not PER_RESULT_RATE.search(c.folded)]
    # "free shoes for 3 tiktoks, no money at all… they're like $140 shoes": told unpaid, with no word of a fee,
    # an amount is what the gift is worth
    if told_unpaid and not pay_words and facts.amount is not None and _gifted(parts):
        facts.amount = facts.currency = None
    if facts.amount is not None or (pay_words and not unpaid):
        kinds.append("money")
    if _gifted(parts):
        kinds.append("gift")
    commission = [(c, m) for c, m in _hits(COMMISSION_ONLY_WORDS, parts)]
    if commission or per_result:
        kinds.append("commission")
        for clause, _ in commission:
            percent = next(
                (
                    m
                    for m in PERCENT.finditer(clause.folded)
                    if not DISCOUNT.search(clause.folded[max(0, m.start() - 3) : m.end() + 25])
                ),
                None,
            )
            if percent:
                facts.commission_rate = float(percent.group("n").replace(",", "."))
                break
    facts.compensation = kinds


def _gifted(parts: list[Clause]) -> bool:
    return any(
        not is_negated(c, m.span()) and not _not_a_gift(c.folded, m)
        for c in _having(GIFT, parts)
        for m in itertools.islice(GIFT.finditer(c.folded), MAX_AMOUNTS)
    )


def _not_a_gift(folded: str, gift: re.Match[str]) -> bool:
    """The gift word is part of a wording that gives the creator nothing (NOT_A_GIFT around it)."""
    low = max(0, gift.start() - 40)
    return any(
        low + m.start() < gift.end() and gift.start() < low + m.end()
        for m in NOT_A_GIFT.finditer(folded[low : gift.end() + 25])
    )


def _pieces_paid(said: str, facts: OfferFacts) -> int:
    """How many pieces a per-piece fee pays: the pieces of its format when it names one ("180 € par reel, stories
    incluses" beside 4 reels and 4 stories is 4), else every piece."""
    word = re.findall(r"[a-z]+", said)[-1:]
    fmt = FORMATS.get(word[0]) if word else None
    if fmt == "video":
        same = sum(d.count for d in facts.deliverables if d.format in ("video", "reel", "tiktok", "short"))
    else:
        same = sum(d.count for d in facts.deliverables if d.format == fmt) if fmt else 0
    return same or facts.workload


JOINING_BEFORE = re.compile(rf"({JOINING_EN})( kit| pack| box)? $")
JOINING_AFTER = re.compile(rf" (de |d.)({JOINING_FR})")


def _joining_fee(folded: str, match: re.Match[str]) -> bool:
    """ "the onboarding fee", "frais d'adhésion": what the creator would pay to join, not a fee for their work."""
    return bool(
        JOINING_BEFORE.search(folded, max(0, match.start() - 16), match.start())
        or JOINING_AFTER.match(folded, match.end())
    )


def _deliverables(parts: list[Clause], folded: str, options: list[Deliverable] | None = None) -> list[Deliverable]:
    """What the offer asks for, counted once ("2 reels par mois pendant 3 mois" is 6, a recap adds nothing); the
    pieces offered as alternatives ("either 1 reel or 3 stories") go to `options`, not into the list."""
    found: dict[tuple[str, str | None], int] = {}
    totals: dict[tuple[str, str | None], int] = {}  # "= 3 reels total": a sum the brand already did
    offer_span = _span_months(folded)
    listed = _having(DELIVERABLE, parts) or _having(DELIVERABLE_AFTER, parts) or _having(TABLE_FORMAT, parts)
    sections = _sections(parts, folded)
    paced = _sections(parts, folded, _rhythm_heading)  # "Monthly deliverables:" then "• 1 Instagram reel"
    headline: dict[tuple[str, str | None], int] = {}  # a mail's subject line: "Objet : 2 reels + stories"
    waiting: list[tuple[tuple[str, str | None], int, str]] = []  # pieces per piece whose pieces are not listed yet
    previous: str | None = None  # the format listed last, that "each" may refer to in the next clause
    last_listed: tuple[str, str | None] | None = None  # and its key, that "2 more" on the next line adds to
    scheduled: list[tuple[tuple[str, str | None], bool]] = []  # "a video in late October": (key, any format)
    for clause in listed:
        here: dict[tuple[str, str | None], int] = {}  # what this clause lists, its rhythm applied
        repeat = 0
        if clause.folded.count("|") >= 2 and (row := _table_row(clause)):
            key = (row[0], row[2])
            found[key] = found.get(key, 0) + row[1]
            continue
        named = {PLATFORMS[w] for w in re.findall(r"[a-z]+", clause.folded) if w in PLATFORMS}
        section = sections.get(clause.start)
        matches = []
        forward = list(itertools.islice(DELIVERABLE.finditer(clause.folded), MAX_AMOUNTS))
        counted = {m.span("fmt") for m in forward}
        after = [
            m for m in DELIVERABLE_AFTER.finditer(clause.folded) if m.span("fmt") not in counted and _counted_after(m)
        ]
        counted |= {m.span("fmt") for m in after}
        # "une recette en reel", "a couple of clips posted as YouTube Shorts"
        shaped = (
            [m for m in AS_FORMAT.finditer(clause.folded[:MAX_CLAUSE_SCAN]) if m.span("fmt") not in counted]
            if AS_WORDS.search(clause.folded)
            else []
        )
        alternatives, reworded = _options(clause.folded, forward)
        restating = _restating(clause.folded, forward)
        for m in sorted(forward + after[:MAX_AMOUNTS] + shaped[:MAX_AMOUNTS], key=lambda m: m.start("fmt")):
            if any(start < m.start() < end for start, end in restating):
                continue  # "2 reels et 4 stories sur 2 mois (1 reel + 2 stories par mois)": the same pieces
            if m.span("fmt") in alternatives:
                if options is not None and (n := _number(m.group("n"))) and n <= 50:
                    fmt = FORMATS[m.group("fmt").lower()]
                    if fmt != "placement":
                        options.append(Deliverable(fmt, n, OWN_PLATFORM.get(fmt)))
                continue  # "either 1 reel or 3 stories": not both, and which one is not known
            if m.span("fmt") in reworded:
                continue  # "1 YouTube vlog (or a dedicated segment in a vlog)": that vlog
            if matches and _inside(clause.folded, matches[-1], m):
                continue  # "1 YouTube video (a vlog with a 60 s segment on us)": the segment is that video
            before = clause.folded[: m.start()]
            near = before[-20:]
            paren = clause.folded.rfind("(", 0, m.start())
            aside = paren > clause.folded.rfind(")", 0, m.start()) and bool(matches) and paren > matches[-1].start()
            # "1 reel (+ 3 stories le jour J)" adds a deliverable; "un haul TikTok (1 vidéo)" restates one
            aside = aside and not re.search(
                r"\+|\bplus\b|\band\b|\bet\b|\bwith\b|\bavec\b", clause.folded[paren : m.start()]
            )
            if (
                aside
                and FORMATS[matches[-1].group("fmt")] == "video"
                and FORMATS[m.group("fmt")] in ("reel", "tiktok", "short", "story", "post", "live")
                and BREAKDOWN.match(clause.folded, paren)
            ):
                matches.pop()  # "2 vidéos (1 TikTok + 1 Reel)": the bracket says which videos they are
                aside = False
            # "a 60-second integration in one of your videos": the video holds the integration; "share it in 2
            # stories" are two more pieces.
            held = CONTAINER.search(near) and FORMATS[m.group("fmt").lower()] in HOLDERS
            if matches and (held or aside):
                continue
            if POSSESSIVE.search(near):
                continue  # "loved your 3 stories", "ton dernier reel": what the creator already posted
            if REFERENCE.search(near) or before[-1:] == "-" or (before[-2:-1].isdigit() and before[-1:] != "\n"):
                continue  # "$800 for the four streams" restates; "60-90 second" is a length
            if m.group("fmt").lower() in ("short", "shorts") and NOT_A_SHORT.search(m.group("tail") or ""):
                continue
            if m.group("fmt") == "ugc" and NOT_A_UGC.match(m.group("tail") or ""):
                continue  # "a UGC-only brief" is no UGC piece
            matches.append(m)
            if len(matches) >= MAX_AMOUNTS:
                break  # an offer lists a handful of deliverables; past this many, the rest is noise
        # A platform that belongs to another deliverable of the clause ("2 reels et 1 TikTok") is not shared.
        taken = {OWN_PLATFORM.get(FORMATS[m.group("fmt").lower()]) for m in matches}
        taken |= {PLATFORMS[w] for m in matches for w in re.findall(r"[a-z]+", m.group("adj") or "") if w in PLATFORMS}
        # ...and one right after it: "2 reels tuto + 1 live Instagram" names none for the reels.
        taken |= {
            PLATFORMS[w.group(1)]
            for m in matches
            if (w := NEXT_WORD.match(m.group("tail") or "")) and w.group(1) in PLATFORMS
        }
        # A platform written beside one deliverable is that one's, not the next ones': "2 reels Instagram et 4
        # stories" names no platform for the stories (one written after the last, "1 reel + 2 stories sur
        # Instagram", still covers them all).
        claimed: set[str] = set()
        last: tuple[tuple[str, str | None], int] | None = None  # the last deliverable counted, and where it ends
        crossed = (
            {_copy(m, "")[1] for m in CROSS_TO.finditer(clause.folded[:MAX_CLAUSE_SCAN])} - {None} if matches else set()
        )
        named -= crossed  # "1 reel + its cross-post on TikTok": TikTok is the copy's platform, not the reel's
        pieces: list[tuple[tuple[str, str | None], int, re.Match[str]]] = []  # counted here: key, pieces, match
        per_piece: list[tuple[tuple[str, str | None], int, str]] = []  # "2 stories à chaque publication"
        paced_text = clause.folded
        for start, end in restating:  # the bracket's rhythm is that of its own restated pieces
            paced_text = paced_text[:start] + " " * (end - start) + paced_text[end:]
        rhythms = _rhythms(paced_text, matches, offer_span)
        if (pace := paced.get(clause.start)) and not any(pattern.search(clause.folded) for pattern in RHYTHMS):
            rhythms = [_rhythm(pace, offer_span)] * len(matches)
        for index, (match, rhythm) in enumerate(zip(matches, rhythms, strict=True)):
            count = _number(match.group("n"))
            around = _own_words(match)
            own = {PLATFORMS[p] for p in re.findall(r"[a-z]+", around) if p in PLATFORMS}
            shared = named - taken - claimed
            claimed |= own
            if not count or count > 50 or is_negated(clause, match.span()):
                continue
            fmt = FORMATS[match.group("fmt").lower()]
            if fmt == "placement":  # where it sits may come a few words on: "un placement de produit dans ta vidéo"
                where = f"{around} {clause.folded[match.end() : match.end() + 60]}"
                fmt = next((name for word, name in PLACED_IN if word in where), "")
                if not fmt:
                    continue
            if fmt == "video" and "newsletter" in around:
                fmt = "newsletter"  # "1 mention dans votre newsletter"
            elif fmt == "post" and "blog" in (match.group("adj") or ""):
                fmt = "blog"  # "1 sponsored blog post"
            if "ugc" in re.split(r"\W+", around):
                fmt = "ugc"  # "3 vidéos UGC", "5 UGC videos": delivered to the brand, not posted
            platform = next((PLATFORMS[p] for p in re.findall(r"[a-z]+", around) if p in PLATFORMS), None)
            lead = re.search(r"([a-z]+)\s?\($", clause.folded[max(0, match.start() - 20) : match.start()])
            if platform is None and lead and lead.group(1) in PLATFORMS:
                platform = PLATFORMS[lead.group(1)]  # "un haul TikTok (1 vidéo)"
            platform = platform or OWN_PLATFORM_WORDS.get(match.group("fmt").lower()) or OWN_PLATFORM.get(fmt)
            if fmt == "post" and re.search(r"\b(community|communaute)\b", around):
                platform = "youtube"  # "a community post", "un post communauté" are YouTube's
            if fmt == "post" and platform == "blog":
                fmt, platform = "blog", None  # "2 posts de blog"
            if platform is None and len(shared) == 1:
                platform = next(iter(shared))  # "1 reel + 2 stories sur Instagram"
            if platform is None and not named and section:
                platform = section  # "TikTok :" on a line of its own, then "- 2 vidéos"
            if fmt == "video" and platform == "tiktok":
                fmt = "tiktok"  # "1 vidéo TikTok" is a TikTok
            if fmt == "video" and platform is None and "youtube" in folded:
                platform = "youtube"
            if fmt in NO_PLATFORM:
                platform = None
            key = (fmt, platform)
            if (
                match.group("n") in ARTICLES
                and SCHEDULED.match(match.group("tail") or "")
                and not ADDED.search(clause.folded, max(0, match.start() - 10), match.start())
            ):
                scheduled.append((key, match.group("fmt") in ("publication", "publications")))
                continue  # "Targeting a video in late October": the piece listed, dated (kept if none is)
            before = clause.folded[max(0, match.start() - 3) : match.start()]
            if stated := PAREN_TOTAL.match(match.group("tail") or ""):  # "1 vidéo par trimestre (4 au total)"
                totals[key] = int(stated.group("n"))
                continue
            if (
                ("=" in before and not PERIOD_HOLDS.search(clause.folded, max(0, match.start() - 25), match.start()))
                or TOTAL.search(match.group("tail") or "")
                or SO_TOTAL.search(clause.folded, 0, match.start())
            ):
                totals[key] = count
                continue
            repeat = rhythm
            following = matches[index + 1].start() if index + 1 < len(matches) else len(clause.folded)
            after = clause.folded[match.end("fmt") : min(following, match.end("fmt") + 60)]
            since = max(pieces[-1][2].end("fmt") if pieces else 0, match.start() - 80)
            each = EACH_BEFORE.search(clause.folded, since, match.start())
            per = PER_PIECE.match(after) or each or EACH_AFTER.match(after)
            ref = FORMATS.get(per.group("ref") or "", "*") if per and per.group("ref") else None
            if per and ref is None:  # "3 reels, each with 2 stories", "2 TikToks, each cross-posted as a Short"
                ref = pieces[-1][0][0] if pieces else previous  # "2 TikToks. Pour chacun, une story"
            if per and ref is not None and ref != fmt:
                per_piece.append((key, count * repeat, ref))  # counted once here, times its pieces when listed
            for copy in _on_each_platform(fmt, after) or [key]:  # "1 vidéo publiée sur Instagram et TikTok"
                here[copy] = here.get(copy, 0) + count * repeat
            pieces.append((key, count * repeat, match))
            last = (key, match.end())
            for cross in CROSS_TO.finditer(after) if not per else ():
                copy = _copy(cross, fmt)
                if copy != key:
                    here[copy] = here.get(copy, 0) + count * repeat  # "1 reel + its cross-post on TikTok"
                break
        for more in ELLIPSIS.finditer(clause.folded[:MAX_CLAUSE_SCAN]) if matches and last else ():
            if more.start() >= last[1] and not is_negated(clause, more.span()):
                here[last[0]] = here.get(last[0], 0) + (_number(more.group("n")) or 0) * max(repeat, 1)
        if not matches and last_listed and (more := MORE_ALONE.match(clause.folded[:MAX_CLAUSE_SCAN])):
            if not is_negated(clause, more.span("n")):  # "May: 2 Shorts" then "June: 2 more, same format"
                n = _number(more.group("n")) or 0
                found[last_listed] = found.get(last_listed, 0) + n
            continue
        if here and SUBJECT.match(clause.folded):
            headline.update(here)  # counted only if the body does not list these formats itself
            continue
        if here and _restates(clause, here, found):
            for (fmt, platform), count in here.items():  # a recap may still name the platform the list left out
                if platform and (fmt, platform) not in found and found.get((fmt, None)) == count:
                    found[(fmt, platform)] = found.pop((fmt, None))
            continue
        for key, count in here.items():
            found[key] = found.get(key, 0) + count
        waiting += per_piece
        previous = pieces[-1][0][0] if pieces else previous
        last_listed = pieces[-1][0] if pieces else last_listed
        waiting = [item for item in waiting if not _times_pieces(found, *item)]
    for item in waiting:  # "2 stories par vidéo" written before the videos are listed
        _times_pieces(found, *item)
    if found and UGC_ONLY.search(folded):  # "UGC only: nothing is posted on your account" — its videos are UGC
        for key in [key for key in found if key[0] in ("video", "reel", "tiktok", "short") and key[1] is None]:
            found[("ugc", None)] = found.get(("ugc", None), 0) + found.pop(key)
    for fmt, count in _numbered(folded).items():  # "Reel 1 : unboxing / Reel 2 : routine"
        if not any(key[0] == fmt for key in found) and fmt not in {key[0] for key in totals}:
            found[(fmt, OWN_PLATFORM.get(fmt))] = count
    listed_formats = {fmt for fmt, _ in found} | {fmt for fmt, _ in totals}
    for key, any_format in scheduled:  # "une publication d'ici le 15 mars" dates the pieces listed, if any
        if not (listed_formats if any_format else key[0] in listed_formats):
            found[key] = found.get(key, 0) + 1
            listed_formats.add(key[0])
    for key, count in headline.items():
        if key[0] not in listed_formats:
            found[key] = found.get(key, 0) + count
    for (fmt, platform), count in totals.items():  # a stated total replaces what the rhythm gave
        same = [key for key in found if key[0] == fmt]
        platform = platform or next((key[1] for key in same if key[1]), None)
        for key in same:
            del found[key]
        found[(fmt, platform)] = count
    return [Deliverable(fmt, count, platform) for (fmt, platform), count in found.items()]


def _times_pieces(found: dict[tuple[str, str | None], int], key: tuple[str, str | None], count: int, ref: str) -> bool:
    """Counts `count` pieces of `key` once for each listed piece of `ref` ('*': any piece posted in the feed, "à
    chaque publication" beside 4 TikToks); False while none is listed."""
    pieces = sum(n for (fmt, _), n in found.items() if fmt == ref)
    if not pieces and ref in ("*", "post", "video"):
        videos = ("reel", "tiktok", "short", "video", "live")
        pieces = sum(
            n
            for (fmt, _), n in found.items()
            if fmt != key[0] and (fmt in videos or (ref != "video" and fmt == "post"))
        )
    if not pieces:
        return False
    found[key] = found.get(key, 0) + count * (pieces - 1)
    return True


UGC_ONLY = re.compile(
    r"\bugc\b[^.\n]{0,40}(only|uniquement|seulement)|(only|uniquement|seulement)[^.\n]{0,10}\bugc\b|"
    r"(won.t|will not|not|never|ne|rien)[^.\n]{0,30}(post|publi)\w*[^.\n]{0,30}(your|ton|votre|tes|vos) (own )?"
    r"(accounts?|comptes?|channels?|chaines?|feed|profil)"
)
_INSIDE_WORDS = ("segment", "segments", "integration", "integrations", "mention", "placement", "insert", "slot")


def _inside(text: str, previous: re.Match[str], match: re.Match[str]) -> bool:
    """A segment, an integration or a mention written right after a video, in the same aside, is part of it."""
    if match.group("fmt") not in _INSIDE_WORDS or FORMATS[previous.group("fmt")] not in ("video", "live", "newsletter"):
        return False
    between = text[previous.end() : match.start()]
    return len(between) <= 60 and not re.search(r"\+|\band\b|\bet\b|\bplus\b|;|\)", between)


OPTION_BETWEEN = re.compile(r"\W*(or|ou|ou bien|or else|sinon|soit)\W*")


ADDING = re.compile(r"\W*(\+|et|and|plus|with|avec|also|aussi|ainsi que)\b")
BRACKET = re.compile(r"\(([^()\n]{1,120})\)")


def _restating(text: str, matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    """The brackets that say the pieces listed before them again with their rhythm: "2 reels et 4 stories sur 2
    mois (1 reel + 2 stories par mois)" (a bracket with a format not listed before it adds pieces)."""
    spans = []
    for bracket in itertools.islice(BRACKET.finditer(text, 0, MAX_CLAUSE_SCAN), MAX_AMOUNTS):
        inside = [FORMATS[m.group("fmt")] for m in matches if bracket.start() < m.start() < bracket.end()]
        listed = {FORMATS[m.group("fmt")] for m in matches if m.end("fmt") <= bracket.start()}
        if ADDING.match(bracket.group(1)):
            continue  # "2 reels par mois (et 1 reel bonus par mois)": more pieces
        if inside and set(inside) <= listed and any(rhythm.search(bracket.group(1)) for rhythm in RHYTHMS):
            spans.append(bracket.span())
    return spans


def _options(text: str, matches: list[re.Match[str]]) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """The format spans of deliverables offered as alternatives ("either 1 reel or 3 stories", "soit 1 reel, soit 3
    stories", "1 reel ou 3 stories au choix"), and those of a second wording of the same format, which is the same
    piece ("1 YouTube vlog (or a dedicated segment in a vlog)" is one video)."""
    spans: set[tuple[int, int]] = set()
    same: set[tuple[int, int]] = set()
    for first, second in itertools.pairwise(matches):
        if OPTION_BETWEEN.fullmatch(text, first.end(), second.start()):
            if FORMATS[first.group("fmt")] == FORMATS[second.group("fmt")]:
                same.add(second.span("fmt"))
            else:
                spans |= {first.span("fmt"), second.span("fmt")}
    return spans, same


# Pieces numbered in a brief: "Reel 1 : unboxing", "Vidéo n°2 – le 17 mars", "Story #3" (not a contract's
# "Article 1 – Objet").
NUMBERED = re.compile(
    r"\b(?P<fmt>reel|story|post|video|tiktok|short|live|carrousel|carousel)\s?(?:n°|no\.?|#)?\s?"
    r"(?P<i>[1-9])\s?(?:[:–(-]|\ble\b|\bon\b)"
)


# ...or in words: "first reel by 5 March, second reel by 20 March", "le premier reel…, le deuxième reel…"
ORDINALS = {
    "first": 1, "premier": 1, "premiere": 1, "1er": 1, "1re": 1, "second": 2, "seconde": 2, "deuxieme": 2, "2e": 2,
    "2eme": 2, "third": 3, "troisieme": 3, "3e": 3, "3eme": 3, "fourth": 4, "quatrieme": 4, "4e": 4, "4eme": 4,
}  # fmt: skip
ORDINAL = re.compile(
    rf"\b(?P<o>{'|'.join(ORDINALS)})\s(?P<fmt>reels?|story|stories|posts?|videos?|tiktoks?|shorts?|lives?)\b"
)


def _numbered(folded: str) -> dict[str, int]:
    """The count of each format whose pieces are numbered from 1 (two at least: "Reel 1", "Reel 2", "first reel",
    "second reel")."""
    seen: dict[str, set[int]] = {}
    for match in itertools.islice(NUMBERED.finditer(folded), MAX_AMOUNTS):
        seen.setdefault(FORMATS[match.group("fmt")], set()).add(int(match.group("i")))
    for match in itertools.islice(ORDINAL.finditer(folded), MAX_AMOUNTS):
        seen.setdefault(FORMATS[match.group("fmt")], set()).add(ORDINALS[match.group("o")])
    return {fmt: max(numbers) for fmt, numbers in seen.items() if {1, 2} <= numbers}


PAREN_TOTAL = re.compile(r"[^()]{0,20}\((?:soit |so |i\.e\. )?(?P<n>\d{1,2}) (au total|en tout|in total|total)\)")
SUBJECT = re.compile(r"\W{0,3}(objet|subject|sujet|re|tr|fwd?)\s?:")
# "2 stories par semaine pendant 4 semaines, soit 8 stories": what follows is the total.
SO_TOTAL = re.compile(
    r"(\bsoit|\bi\.?e\.?|\bthat is|\bc.est.a.dire|\bso\b|\bdonc|\bthat.s|\bce qui fait|\bwhich makes|\bmeaning)\W{0,3}"
    r"((au|in) total\W{1,2}|en tout\W{1,2})?$"
)
# A clause that restates the list rather than adds to it: a recap, the fee "pour 1 reel et 3 stories".
RECAP = re.compile(
    r"\b(recap\w*|summary|summing up|sum up|to sum|in short|en (resume|bref|somme)|pour resumer|soit|i\.?e|that is|"
    r"total|en tout|overall|pour|for|contre|in exchange|en echange|budget|fee|remuneration|remunere\w*|tarif|cachet|"
    r"prix|price|rate|pay|paid|payons|paie|verse\w*|facture\w*|invoice\w*|deliverables?|livrables?|as agreed|"
    r"comme convenu|confirm\w*|reminder|rappel|again|encore une fois|so|donc)\b"
)
# A schedule that repeats the same pieces week after week: "Week 1: 1 reel. Week 2: 1 reel."
SCHEDULE = re.compile(
    r"\b(week|semaine|month|mois|day|jour|phase|step|etape|wave|vague|part|partie)\s?\d|\b(\d|1st|2nd|3rd|\d+th|"
    r"first|second|third|premiere?|deuxieme|second|troisieme)\s(week|semaine|month|mois|phase|wave|vague)|"
    r"\b(in|en|on|le|du|from|des|starting|a partir) \d{0,2}\s?(january|february|march|april|may|june|july|august|"
    r"september|october|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|"
    r"novembre|decembre)"
)


def _restates(
    clause: Clause, here: dict[tuple[str, str | None], int], found: dict[tuple[str, str | None], int]
) -> bool:
    """The clause lists nothing new: every format it names was already listed at least as many times, and it reads
    as a recap (several formats again, or a fee, a total, "pour", "recap" beside them), not as the next step of a
    schedule."""
    if not found:
        return False
    listed: dict[str, int] = {}
    for (fmt, _), count in found.items():
        listed[fmt] = listed.get(fmt, 0) + count
    again: dict[str, int] = {}
    for (fmt, _), count in here.items():
        again[fmt] = again.get(fmt, 0) + count
    # "Récap : 4 vidéos" after 2 reels and 2 TikToks: "videos" is what they all are.
    videos = sum(count for fmt, count in listed.items() if fmt in ("reel", "tiktok", "short", "video", "live", "ugc"))
    if any(listed.get(fmt, 0) < count and not (fmt == "video" and videos >= count) for fmt, count in again.items()):
        return False
    text = clause.folded[:MAX_CLAUSE_SCAN]
    if SCHEDULE.search(text):
        return False
    return len(again) >= 2 or bool(RECAP.search(text)) or bool(amounts(clause.text, limit=1))


# A line that names only a platform heads the deliverables under it: "Instagram :" then "- 1 reel", "- 3 stories".
SECTION = re.compile(
    rf"\W*(?:(?:sur|on|pour|for|via)\s)?(?P<p>{'|'.join(sorted(PLATFORMS, key=len, reverse=True))})\b[^a-z0-9]*"
)


def _platform_heading(line: str) -> str | None:
    """'Instagram :' on a line of its own: the platform of the pieces under it."""
    head = SECTION.fullmatch(line) if len(line) <= 40 else None
    return PLATFORMS[head.group("p")] if head else None


# A piece said with an article and then a date is when the pieces listed are due, not one more: "Targeting a video in
# late October", "On viserait une publication d'ici le 15 mars" ("publication" is also the act of publishing).
ARTICLES = ("a", "an", "un", "une")
ADDED = re.compile(r"(\+|\band|\bet|\bplus|\balso|\baussi|\bthen|\bpuis)\s*$")  # "..., and a reel in early June"
_MONTH_WORDS = (
    "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|"
    "april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
SCHEDULED = re.compile(
    rf"\s(?:in|by|before|around|avant|d.ici|vers|courant|pour le|au plus tard|fin|debut|mi|late|early|mid)\b"
    rf"[^\d\n]{{0,15}}?(?:\d{{1,2}}\b|(?:{_MONTH_WORDS}|{_WEEKDAYS})\b|"
    r"(?:next (?:week|month)|la semaine|la fin|the week|the end)\b)"
)
# A heading line that gives the pieces under it their rhythm: "Monthly deliverables:", "Chaque mois :" (not a fee's
# label, "Budget mensuel :", nor a line that lists pieces itself, "Deliverables (per month): 2 TikToks").
RHYTHM_HEADING = re.compile(r"[^:\n]{0,40}:\W*")


def _rhythm_heading(line: str) -> str | None:
    if not RHYTHM_HEADING.fullmatch(line) or LABEL.match(line) or DELIVERABLE.search(line):
        return None
    return line if any(pattern.search(line) for pattern in RHYTHMS) else None


def _sections(
    parts: list[Clause], folded: str = "", heading: Callable[[str], str | None] = _platform_heading
) -> dict[int, str]:
    """What a heading line says of each listing clause under it (by its start), the platform by default ("Livrables"
    above it on the same clause or not): it holds until a clause that is neither a heading nor a listing one, a
    label ("Récap : 1 reel, 2 TikToks"), or a blank line after the pieces under it."""
    heads: dict[int, str] = {}
    section: str | None = None
    under = False  # a piece was listed under the current heading
    end = -1
    for clause in parts:
        line = clause.folded[clause.folded.rfind("\n") + 1 :]
        head = heading(line)
        if under and 0 <= end <= clause.start and "\n\n" in folded[end : clause.start].replace(" ", ""):
            section = None
        end = clause.end
        if head:
            section, under = head, False
        elif (
            section
            and not LABEL.match(clause.folded)
            and (DELIVERABLE.search(clause.folded) or DELIVERABLE_AFTER.search(clause.folded))
        ):
            heads[clause.start], under = section, True
        else:
            section = None
    return heads


def _own_words(match: re.Match[str]) -> str:
    """The words that belong to one deliverable: its adjectives and what follows up to 'and'/'et' or a bracket."""
    tail = re.split(r" and | et | \+ |[()]", match.group("tail") or "")[0]
    return f"{match.group('adj') or ''} {tail}"


NEXT_WORD = re.compile(r"\s?([a-z]+)")
NOT_A_UGC = re.compile(
    r"(?:-|\s)?(?:only|brief|campaign|creators?|program\w*|deal|collab\w*|partnership|project|agency|platform|rates?|"
    r"work|job|contract|style|uniquement|seulement)\b"
)
# "May: 2 Shorts" then "June: 2 more, same format": more of the pieces listed last.
MORE_ALONE = re.compile(
    r"\W*(?:[a-z]+\s?\d{0,2}\s?(?:\([^()\n]{0,20}\)\s?)?:\s?)?(?P<n>\d{1,2}|one|two|three|four|un|une|deux|trois|quatre)\s"
    r"(?:more|de plus|autres?|others?|additional|supplementaires?)\b"
    # ...then nothing that names other things: "2 more, same format", "2 de plus le mois suivant", not "2 autres
    # créatrices", "2 more creators"
    r"(?=\s*(?:$|[,.;:!(\u2013\u2014-]|(?:same|du meme|identiques?|pareils?|in|en|le|la|the|next|on|sur|a)\b))"
)
# A bracket that lists two counted pieces: "(1 TikTok + 1 Reel)", "(un reel, une story)".
BREAKDOWN = re.compile(
    r"\(\s?(?:\d{1,2}|un|une|one|a|an)\s[^()]{1,40}?(?:\+|,|\bet\b|\band\b|/)\s?(?:\d{1,2}|un|une|one|a|an)\s[a-z]"
)
# "a 60-second integration in one of your videos": the second is where the first goes, not another deliverable.
CONTAINER = re.compile(r"\b(in|into|within|dans|au sein d.une?)\s$")
HOLDERS = {"video", "live", "newsletter", "blog", "placement"}
POSSESSIVE = re.compile(r"\b(your|tes|vos|ton|ta|his|her|their|ses|leurs)\s$")
REFERENCE = re.compile(r"\b(the|these|those|les|ces|for the|pour les|of the|des)\s$")
_FORMAT_WORDS = "|".join(sorted((re.escape(f) for f in FORMATS), key=len, reverse=True))
_ADJECTIVES = (
    "instagram|insta|ig|tiktok|youtube|yt|dedicated|dedie|dediee|sponsored|sponsorise|sponsorisee|sponsorises|"
    "sponsorisees|short-form|short|courte|courtes|long|longue|long-form|feed|ugc|video|organic|organique|exclusive|full|complete|"
    "integrated|integree|review|tutorial|tuto|pinterest|twitch|facebook|snapchat|blog|idea|ideas|static|photo|carousel|instagram|linkedin|"
    "twitter|threads|community|collab|co-authored|coauthored|weekly|monthly|hebdomadaires?|mensuel(le)?s?|in-feed|permanent|pinned|newsletter|podcast"
)
_LENGTHS = "seconds?|secondes?|sec|s|minutes?|min|mn|hours?|heures?|h"
# A count and its format are on one line: "Reels x2\nStory ×4" is no "2 stories".
DELIVERABLE = re.compile(
    rf"(?:\bx|\b)(?P<n>\d{{1,2}}|{'|'.join(NUMBER_WORDS)})(?:[^\S\n]|-(?=[a-z]))?(\(\d{{1,2}}\)[^\S\n]?)?(x[^\S\n]?)?(?:(?:de|of|tes|vos|your|my|mes|nos|"
    rf"our|prochains?|next|new|nouveaux?|nouvelles?|seule?s?|single|more|autres?|additional|contenus?|contents?|"
    rf"pieces? of|assets?)[^\S\n]){{0,3}}"
    rf"(?P<adj>(?:(?:{_ADJECTIVES}|\d{{1,3}}(?:-\d{{1,3}})?[- ]?(?:{_LENGTHS}))(?:[^\S\n]|-)){{0,2}})"
    rf"(?P<fmt>{_FORMAT_WORDS})\b(?=(?P<tail>[^.\n,;+]{{0,30}}))"
)
_NUMBER_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# A count, a few words that are neither a count nor a format, then the format it takes: "une recette en reel",
# "a couple of highlight clips posted as YouTube Shorts", "2 tutos au format TikTok".
AS_FORMAT = re.compile(
    rf"\b(?P<n>\d{{1,2}}|{_NUMBER_WORDS})\s(?:(?!(?:{_NUMBER_WORDS}|{_FORMAT_WORDS})\b)[a-z'-]+\s){{1,4}}?"
    rf"(?:posted |published |shared |publiee?s? |diffusee?s? |partagee?s? |postee?s? )?"
    rf"(?:as|en|sous forme de|au format|in the form of) (?:a |an |un |une |des |de |d')?"
    rf"(?P<adj>(?:(?:{_ADJECTIVES})[\s-]){{0,2}})(?P<fmt>{_FORMAT_WORDS})\b(?=(?P<tail>[^.\n,;+]{{0,30}}))"
)
AS_WORDS = re.compile(r" (as|en|format|forme) ")  # a cheap test before AS_FORMAT
_PLATFORM_WORDS = "|".join(sorted(PLATFORMS, key=len, reverse=True))
# A label that sums up or prices the list ends a platform's list: "Récap :", "Total :", "Budget :" (not "Contenu :",
# "Format :", under the heading still).
LABEL = re.compile(
    r"\W{0,3}(recap\w*|summary|total|budget|fee|tarif|prix|price|rate|remuneration|paiement|payment|en resume|"
    r"in short|overall|package|forfait|honoraires|cachet)\b[a-z' ]{0,15}:"
)
# The count after the format: "Reels x2", "Story ×4", "Reel Instagram (x2)", "Stories : 3" (not "Reel : 30 s",
# "Live : 20 mars", "Story : 24h", "Reel : 15-30 s").
DELIVERABLE_AFTER = re.compile(
    rf"\b(?P<adj>(?:(?:{_ADJECTIVES})(?:[^\S\n]|-)){{0,2}})(?P<fmt>{_FORMAT_WORDS})\b(?=(?P<tail>[^.\n,;+]{{0,30}}))"
    rf"(?:(?:[^\S\n]|-)(?:{_PLATFORM_WORDS}|feed|sponsorise\w*|sponsored|dedie\w*|dedicated)\b){{0,2}}"
    r"[^\S\n]?(?:[x×][^\S\n]?|:[^\S\n]?|\([^\S\n]?x?[^\S\n]?)(?P<n>\d{1,2})\b"
    r"(?![.,:/-]?[^\S\n]?\d|[^\S\n]?(?:h\b|min|mn\b|s\b|sec|%|€|\$|£|k\b|x\b|/|-|mois|months?|jours?|days?|ans?\b|years?|"
    r"semaines?|weeks?|heures?|hours?|er\b|e\b|janv|fev|mars|avr|mai\b|juin|juil|aout|sept|oct|nov|dec|jan|feb|mar\b|"
    r"apr|may\b|jun|jul|aug|sep))"
    # "TikTok : 2 vidéos" is the count of the format that follows it, not of TikToks (read once, by DELIVERABLE).
    rf"(?![^\S\n](?:(?:{_ADJECTIVES})[^\S\n]){{0,2}}(?:{_FORMAT_WORDS})\b)"
)
# A table row of a brief: "| Reel | Instagram | 2 |" (a cell with the format, one with the count).
TABLE_FORMAT = re.compile(
    rf"(?P<adj>(?:(?:{_ADJECTIVES})[\s-]){{0,2}})(?P<fmt>{_FORMAT_WORDS})(?P<more>(?:[\s-](?:{_PLATFORM_WORDS}|"
    rf"{_ADJECTIVES}))*)"
)
TABLE_COUNT = re.compile(r"(?:x\s?)?(?P<n>\d{1,2})(?:\s?x)?")
# The piece another one goes with: "2 stories avec sticker lien à chaque publication", "1 story par reel", "for each
# video"; not a price ("50 € par story": no figure between) nor a rhythm.
_PIECE_WORDS = rf"{_FORMAT_WORDS}|contenus?|contents?|pieces?|livrables?|deliverables?|drops?"
PER_PIECE = re.compile(
    rf"[^\d€$£.;:!?()]{{0,40}}?\b(?:par|per|"
    rf"(?:a |for |with |after |apres |avec |pour |on |sur |de )?(?:chaque|each|every))"
    rf"\s(?:(?:new|nouvel(?:le)?|nouveau|single|sponsored|sponsorisee?)\s)?(?P<ref>{_PIECE_WORDS})\b"
)
# Before the piece: "3 reels, each with 2 stories", "chacune relayée par 1 story", "for each reel, 2 stories",
# "Each TikTok must also be posted as an Instagram reel" (not "chaque semaine, 1 story": a rhythm).
EACH_BEFORE = re.compile(
    rf"\b(?:(?:each|every|chaque|pour chaque|for each|for every)\s(?:(?:new|nouvel(?:le)?|nouveau|single)\s)?"
    rf"(?P<ref>{_PIECE_WORDS})\b|(?:each|chacune?|chacun d.(?:eux|elles)|every one)"
    rf"(?!\s(?:week|month|day|semaine|mois|jour|time|fois))|(?:a )?chaque fois|each time|every time)[^\d.;:!?]{{0,50}}$"
)
# After the piece, of the one before it: "2 reels with 1 story each", "2 reels, avec 2 stories chacun", "3 TikToks + 1
# story for each one" (not "each week", nor "3 stories of 15 s each": no figure between).
EACH_AFTER = re.compile(
    r"[^\d€$£.;:!?()]{0,15}?\b(?:for each one|for every one|pour chacune?|a chacune?|a chaque fois|chaque fois|"
    r"each time|every time|"
    r"chacune?|each)\b(?P<ref>)"
    r"(?!\s(?:one\s)?(?:week|month|day|semaine|mois|jour|time|fois|with|avec|including|containing|must|should|needs?|"
    r"doit|contenant|comprenant))"
)
# A copy of the piece posted on another platform: "1 reel + its cross-post on TikTok", "also posted on YouTube".
_CROSS_WORDS = rf"{_PLATFORM_WORDS}|reels?|shorts?"
CROSS_TO = re.compile(
    rf"\b(?:(?:cross-?post\w*|(?:also|aussi|egalement)\s(?:be\s)?(?:posted|published|publiee?s?|postee?s?|"
    rf"diffusee?s?|uploaded))\s(?:on|sur|to|en|as|in)\s(?:(?:a|an|un|une|your|ton|ta|votre|the)\s)?|"
    # "Un TikTok + sa version Reel", "its YouTube Shorts version"
    rf"(?:sa|son|leur|its|their)\s(?:version|copie|copy)\s(?:en\s|on\s|sur\s|for\s|pour\s)?)"
    rf"(?P<p>{_CROSS_WORDS})\b(?!\s(?:(?:{_ADJECTIVES})\s)?(?:{_FORMAT_WORDS})\b)|"
    rf"\b(?:its|their|a|an)\s(?:(?P<pw>{_PLATFORM_WORDS})\s)?(?P<w>{_CROSS_WORDS})\sversion\b"
)
CROSS_FORMAT = {"tiktok": ("tiktok", "tiktok"), "youtube": ("short", "youtube")}


def _copy(cross: re.Match[str], fmt: str) -> tuple[str, str | None]:
    """The piece a cross-post makes: on TikTok a TikTok, on YouTube a Short, "to Reels" a reel, elsewhere the same
    format on that platform."""
    word = cross.group("p") or cross.group("w")
    if word in PLATFORMS:
        return CROSS_FORMAT.get(PLATFORMS[word], (fmt, PLATFORMS[word]))
    return (FORMATS[word], PLATFORMS[cross.group("pw")] if cross.group("pw") else None)  # "its YouTube Shorts version"


_PLATFORM_ITEM = rf"(?:{_PLATFORM_WORDS})(?:\s(?:reels?|shorts?|stories|story))?"
# One video posted on several platforms: "sur Instagram et TikTok", "(Instagram + TikTok)", "posted to TikTok,
# Instagram Reels and YouTube Shorts".
ON_PLATFORMS = re.compile(
    rf"[^.;:\d()]{{0,30}}?(?:\b(?:sur|on|to|for|pour|across|en)\s(?:both\s|les deux\s|all three\s)?|\()"
    rf"(?P<list>{_PLATFORM_ITEM}(?:\s?(?:,|\+|/|&|\band\b|\bet\b)\s?{_PLATFORM_ITEM}){{1,3}})\b"
)
_PLATFORM_WORD = re.compile(rf"\b(?P<p>{_PLATFORM_WORDS})(?:\s(?P<f>reels?|shorts?|stories|story))?\b")


def _on_each_platform(fmt: str, after: str) -> list[tuple[str, str | None]]:
    """One piece per platform when a video is posted on several ("1 vidéo publiée sur Instagram et TikTok" is an
    Instagram video and a TikTok); [] otherwise."""
    if fmt not in ("video", "reel", "tiktok", "short"):
        return []
    listed = ON_PLATFORMS.match(after)
    if not listed:
        return []
    keys: list[tuple[str, str | None]] = []
    for word in _PLATFORM_WORD.finditer(listed.group("list")):
        platform = PLATFORMS[word.group("p")]
        named = FORMATS.get(word.group("f") or "")
        if platform == "tiktok":
            key = ("tiktok", "tiktok")
        elif platform == "youtube":
            key = ("short" if named == "short" or fmt in ("short", "reel", "tiktok") else "video", "youtube")
        else:
            key = (named or ("video" if fmt == "tiktok" else fmt), platform)
        if key not in keys:
            keys.append(key)
    return keys if len(keys) >= 2 else []


def _counted_after(match: re.Match[str]) -> bool:
    """A count in brackets is one only alone there: "Reels (2)", "Reel (x2)", not "carrousel (5 à 8 photos)" or
    "unboxing (1 par mois)"."""
    text = match.string
    between = text[match.end("fmt") : match.start("n")]
    if "(" not in between or "x" in between or "×" in between:
        return True
    return text[match.end("n") : match.end("n") + 2].lstrip().startswith(")")


def _table_row(clause: Clause) -> tuple[str, int, str | None] | None:
    """(format, count, platform) of a table row with a format cell and a count cell, else None."""
    cells = [cell.strip() for cell in clause.folded.split("|")][:12]
    # "Story avec sticker lien": a format cell may go on with what the piece carries
    fmt = next((m for cell in cells if len(cell) <= 60 and (m := TABLE_FORMAT.match(cell)) and m.group("fmt")), None)
    count = next((int(m.group("n")) for cell in cells if (m := TABLE_COUNT.fullmatch(cell))), None)
    if fmt is None or not count or count > 50:
        return None
    words = [w for cell in cells for w in re.findall(r"[a-z]+", cell)]
    platform = next((PLATFORMS[w] for w in words if w in PLATFORMS), None)
    name = FORMATS[fmt.group("fmt")]
    if name == "video" and platform == "tiktok":
        name = "tiktok"
    platform = platform or OWN_PLATFORM.get(name)
    return (name, count, None if name in NO_PLATFORM or name == "placement" else platform)


def _platforms(folded: str, deliverables: list[Deliverable]) -> list[str]:
    named = {PLATFORMS[word] for word in re.findall(r"[a-z]+", folded) if word in PLATFORMS}
    named |= {d.platform for d in deliverables if d.platform}
    return sorted(named)


def _date_matches(folded: str) -> list[tuple[int, int]]:
    """Spans of the dates of a clause, in order: calendar dates and "by Friday"-style ones (the day only)."""
    spans = [m.span() for m in DATE.finditer(folded)]
    spans += [m.span("when") for m in RELATIVE_DATE.finditer(folded)]
    spans.sort(key=lambda span: (span[0], -span[1]))  # the longest of two that start together
    kept: list[tuple[int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _dates(parts: list[Clause], facts: OfferFacts) -> None:
    """The delivery deadline, and apart from it the date to answer the brand by ('reply by Friday'); each date is
    read with the words just before it ('posting by 30 May, please confirm by 10 May')."""
    dated = _having(DATE, parts) or _having(RELATIVE_DATE, parts)
    for clause in dated:
        previous = 0
        delivered_here = False
        for start, end in _date_matches(clause.folded[:MAX_CLAUSE_SCAN])[:10]:
            said = clause.text[start:end].strip()
            before = clause.folded[previous:start]
            reply = bool(REPLY.search(before)) or (
                not DELIVERY.search(before) and bool(REPLY.search(clause.folded)) and not DELIVERY.search(clause.folded)
            )
            if reply:
                facts.reply_by = facts.reply_by or said
            elif facts.deadline is None or (delivered_here and WINDOW_END.search(before)):
                facts.deadline, delivered_here = said, True
            previous = end


DELIVERY = re.compile(
    r"post|publi|live|deliver|livr|mise en ligne|en ligne|draft|brouillon|upload|film|tourn|content|contenu|"
    r"video|reel|story|stories|tiktok|campagne|campaign|launch|lancement|go live|diffus"
)
BROAD_EXCLUSIVITY = re.compile(
    r"(aucune autre marque|toute autre marque|any other brand|no other brands?|all (other )?brands|"
    r"aucun autre annonceur|any other advertiser)(?! (citee|named|listed|nommee))|(toute|whole|entire|all|the) (la )?"
    r"([a-z-]+ )?(categorie|category|secteur|sector|industry|market|marche)|"
    r"(any|all|toute|tout) [a-z, ]{0,60}?(brand|marque)s?"
)
ADS_FEE = re.compile(
    r"paid usage|usage fee|additional|extra (fee|\$|€|£)|en supplement|supplementaire|avenant remunere|"
    r"remunere(e|s)? en plus|billed separately|factur\w* (a part|en plus|separement)|on top|"
    # Ads only on the creator's say and for another fee: "would need your agreement and a separate fee".
    r"separate(ly)?|separee?s?|distincte?s?|\ba part\b|a negocier|to be (agreed|negotiated)|"
    r"(your|ton|votre) (agreement|consent|accord)"
)
NON_COMPETE = re.compile(r"non[- ]?compet\w*|non[- ]concurrence")
NO_EXTRA = re.compile(
    r"sans (payer|rien payer|remuneration|supplement|frais) (de )?(plus|en plus|supplementaire)|sans supplement|"
    r"(at )?no (extra|additional) (cost|fee|charge|pay)|without (paying|any) (more|extra)|for free|gratuitement|"
    r"included in (the|your) fee|inclus dans (le|ton|votre) (cachet|tarif|forfait|prix)"
)
EXCLUSIVITY_CLAIM = re.compile(r"exclusivit|exclusive(?!ment|ly)|\bexclu\b|non[- ]?compet|non[- ]concurrence")


EXCLUSIVITY_NONE = re.compile(
    r"exclusivit\w*\s?:\s?(none|aucune?|n/a|nope|not required|non requise|0|(no|non|pas)(?=\s*($|[.,;)!])))|"
    r"non[- ]exclusi"
)
# "Usage rights: none needed", "Droits d'usage : aucun": the label answered with a no.
USAGE_NONE = re.compile(
    r"(usage rights?|usage|content rights|image rights|licen[cs]e|droits?( (d.utilisation|d.usage|de diffusion|"
    r"d.exploitation))?)\s?:\s?(none|aucun\w*|n/a|nope|not (needed|required)|pas besoin|non requis\w*|0|"
    r"(no|non|pas)(?=\s*($|[.,;)!])))"
)
# Exclusivity said the negative way: "not to work with any other clothing brand", "aucune autre marque".
EXCLUSIVE_NO_OTHER = re.compile(
    r"(not|ne pas|pas|never|jamais|aucune?|\bno\b|refrain from|s.interdi\w*|s.engage\w* a ne|won.t|can.t|cannot|"
    r"don.t (work|partner|collaborate|team up|sign)|"
    r"unable|may not|must not)\b[^.\n]{0,60}?"
    r"((any other|other|d.autres?|aucune autre|autres?) [a-z, ]{0,60}?(brands?|marques?|advertisers?|annonceurs?|"
    r"competitors?|concurrents?)|(competing|concurrente?s?|rival) ([a-z]+ ){0,2}(brands?|marques?|partnerships?|"
    r"partenariats?|collabs?|collaborations?|deals?|products?|produits?|companies|entreprises)|(brands?|marques?|"
    r"partnerships?|partenariats?|collabs?|collaborations?|deals?) ([a-z]+ ){0,2}(concurrente?s?|competing|rivales?))"
)


def _rights(parts: list[Clause], facts: OfferFacts) -> None:
    claims = [
        (c, m)
        for c, m in _hits(EXCLUSIVITY, parts)
        if not COMPETITOR_BAN.search(c.folded) and not EXCLUSIVITY_NONE.search(c.folded)
    ]
    claims += [
        (c, m)
        for c in _having(EXCLUSIVE_NO_OTHER, parts)
        if "other" in c.folded or "autre" in c.folded or "compet" in c.folded or "concurren" in c.folded
        if (m := EXCLUSIVE_NO_OTHER.search(c.folded))
        and not COMPETITOR_BAN.search(c.folded)
        and not EXCLUSIVITY_NONE.search(c.folded)
        and not re.search(r"(pas d.|no |sans |without )exclusi", c.folded)
    ]
    # "Non-compete: 90 days" is an exclusivity: its "non" is part of the word ("no non-compete clause" is not one).
    claims += [
        (c, m) for c in _having(NON_COMPETE, parts) if (m := NON_COMPETE.search(c.folded)) and _said(c, NON_COMPETE)
    ]
    # "Not to promote any other haircare brand for 12 months" is an exclusivity with its term, not a ban for ever.
    bounded = [
        (c, m)
        for c in _having(COMPETITOR_BAN, parts)
        if (m := COMPETITOR_BAN.search(c.folded)) and _bans(c) and _bounded_ban(c)
    ]
    claims += bounded
    if claims:
        facts.exclusivity = True
        facts.exclusivity_months = _months_near(claims) or next((_months(c.folded) for c, _ in bounded), None)
        rivals = any(re.search(r"concurrent|competitor|competing|rival", c.folded) for c, _ in claims)
        # "any competing brand" is the competitors; "any other brand", "the whole category" is the category.
        category = any(re.search(r"categor|secteur|sector|industry", c.folded) for c, _ in claims)
        if (category or not rivals) and any(BROAD_EXCLUSIVITY.search(c.folded) for c, _ in claims):
            facts.exclusivity_scope = "category"
        elif rivals:
            facts.exclusivity_scope = "competitors"
    elif _denied(EXCLUSIVITY_CLAIM, parts) or any(
        EXCLUSIVITY_NONE.search(c.folded) for c in _having(EXCLUSIVITY_NONE, parts)
    ):
        facts.exclusivity = False
    brand_use = [
        (c, m)
        for c in _having(BRAND_USE, parts)
        for m in BRAND_USE.finditer(c.folded)
        if BRAND_SUBJECT.search(c.folded[max(0, m.start() - 30) : m.start()])
        or BRAND_MODAL.search(c.folded[max(0, m.start() - 30) : m.start()])
    ]
    answered_no = [(c, m) for c in _having(USAGE_NONE, parts) for m in USAGE_NONE.finditer(c.folded)]
    usage = [
        (c, m)
        for c, m in _hits(USAGE, parts)
        if not any(n is c and n_m.start() <= m.start() < n_m.end() for n, n_m in answered_no)
        and not _where_to_find(c.folded, m)
    ] + [(c, m) for c, m in brand_use if not is_negated(c, m.span())]
    ads = _hits(PAID_ADS, parts)
    forever = any(_forever_rights(c) for c in _having(FOREVER, parts))
    if usage or ads or forever:
        facts.usage_rights = True
        facts.usage_perpetual = forever or any(_said(c, PERPETUAL) for c, _ in usage + ads)
        if not facts.usage_perpetual:
            facts.usage_months = _months_near(usage) or _months_near(ads)
    elif answered_no or _denied(USAGE, parts) or any(is_negated(c, m.span()) for c, m in brand_use):
        facts.usage_rights = False
    if ads:
        facts.paid_ads = True
        # A sum next to the ads mention pays for them; the campaign's fee further on in the clause does not, and
        # "sans payer plus", "at no extra cost" say there is none.
        facts.ads_fee = not any(NO_EXTRA.search(c.folded) for c, _ in ads) and (
            any(amounts(c.text[max(0, m.start() - 60) : m.end() + 60], limit=3) for c, m in ads)
            or bool(_hits(ADS_FEE, [c for c, _ in ads]))
        )
    elif _denied(PAID_ADS, parts):
        facts.paid_ads = False


# What makes a mention of competitors a ban: "never mention", "ne pas citer", "interdit", "must avoid".
PROHIBITION = re.compile(
    r"\b(never|jamais|not|no|don't|do not|ne|n'|pas|aucune?|interdi\w*|forbidden|banned|prohibited|not allowed|"
    r"off limits|proscrit\w*|avoid|eviter|evitez|refrain|abstenir|abstiens|must not|may not|cannot|can't|won't)\b|n't\b"
)


# What allows the mention that follows: "I'm free to mention other brands", "tu peux citer d'autres marques".
PERMISSION = re.compile(
    r"\b(free|libres?|welcome|allowed|autorisee?s?|ok|okay|fine|hesite[rz]? pas) (to|de|d'|a) $|"
    r"\b(you|u|i|we|tu|vous|je|on) (can|may|peux|pouvez|peut|pourras|pourrez) $"
)
PERMISSION_DENIED = re.compile(r"\b(not|never|no longer|pas|plus|jamais)\b|n't\b")


def _bans(clause: Clause) -> bool:
    """A clause that forbids naming or promoting competitors (not one that allows it: "feel free to mention
    other brands you like", "no exclusivity stuff, I'm free to mention other brands")."""
    match = COMPETITOR_BAN.search(clause.folded)
    if match is None:
        return False
    before = clause.folded[max(0, match.start() - 25) : match.start()]
    if PERMISSION.search(before) and not PERMISSION_DENIED.search(before.replace("hesite pas", "")):
        return False
    return is_negated(clause, match.span()) or bool(PROHIBITION.search(clause.folded))


def _bounded_ban(clause: Clause) -> bool:
    """A ban on other brands with a term ("pendant 12 mois") and no "never" or "for life" in it."""
    text = clause.folded
    return _months(text) is not None and not COMPETITOR_TIME.search(text) and not NEVER.search(text)


NEVER = re.compile(r"\b(never|jamais|no time limit|sans limite)\b")


def _said(clause: Clause, pattern: re.Pattern[str]) -> bool:
    """`pattern` in the clause, not under a negation begun before it ("not forever"); one that starts with it is
    its meaning ("sans limite de durée", "without time limit")."""
    return any(
        not any(low < match.start() < high for low, high in clause.scopes) for match in pattern.finditer(clause.folded)
    )


def _forever_rights(clause: Clause) -> bool:
    """A time without end said of the content or the rights in the same comma-delimited part of the clause:
    "veut les droits à vie sur mes vidéos" (not "elle me suit à vie, 300 € pour 2 reels"). A negation begun
    before the words cancels it ("pas à vie"); one inside them is their meaning ("sans limite de durée")."""
    offset = 0
    for part in clause.folded.split(","):  # each part read once: linear on any input
        if RIGHTS_OBJECT.search(part):
            for match in FOREVER.finditer(part):
                start = offset + match.start()
                if not any(low < start < high for low, high in clause.scopes):
                    return True
        offset += len(part) + 1
    return False


def _terms(parts: list[Clause], folded: str, facts: OfferFacts) -> None:
    if _hits(APPROVAL, parts):
        facts.approval = True
    if any(_said(c, UNLIMITED_ROUNDS) for c in _having(UNLIMITED_ROUNDS, parts)):
        facts.approval, facts.revision_rounds = True, 99
    elif rounds := _hits(ROUNDS, parts):
        facts.approval, facts.revision_rounds = True, _number(rounds[0][1].group("n"))
    if days := _hits(PAYMENT_DAYS, parts):
        clause, match = days[0]
        facts.payment_days = int(next(g for g in match.group("a", "b", "c", "d", "e", "f", "h") if g))  # the first said
        facts.payment_end_of_month = bool(END_OF_MONTH.search(clause.folded, match.start(), match.end() + 25))
    elif said := _hits(PAYMENT_SPELLED, parts):  # "payable within thirty days", "paid two weeks after posting"
        match = said[0][1]
        if match.group("w"):
            facts.payment_days = int(match.group("w")) * 7
        elif n := _number(match.group("n")) or _SPELLED_DAYS.get(match.group("n")):
            facts.payment_days = n * (7 if match.group("unit").startswith(("week", "semaine")) else 1)
    facts.payment_after_approval = bool(_hits(AFTER_APPROVAL, parts))
    hiding = [c for c in _having(HIDDEN, parts) if _hides(c.folded) and not HIDDEN_EXCUSE.search(c.folded)]
    if any(_hides(c.folded, style=False) for c in hiding) or (hiding and not _hits(DISCLOSE, parts)):
        facts.disclosure = "hidden"
    elif _hits(DISCLOSE, parts):
        facts.disclosure = "required"
