"""Offer facts from pasted French or English text, by rules. What the text does not say stays unknown."""

from __future__ import annotations

import re
import unicodedata

from bot.advice.language import detect_language
from bot.i18n import Lang
from bot.offers.models import Deliverable, OfferFacts

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "un": 1, "une": 1, "two": 2, "deux": 2, "three": 3, "trois": 3, "four": 4,
    "quatre": 4, "five": 5, "cinq": 5, "six": 6, "seven": 7, "sept": 7, "eight": 8, "huit": 8, "ten": 10, "dix": 10,
    "twelve": 12, "douze": 12, "single": 1,
}  # fmt: skip
FORMATS = {
    "reel": "reel", "reels": "reel", "story": "story", "stories": "story", "post": "post", "posts": "post",
    "publication": "post", "publications": "post", "carrousel": "post", "carrousels": "post", "carousel": "post",
    "carousels": "post", "video": "video", "videos": "video", "short": "short", "shorts": "short",
    "tiktok": "tiktok", "tiktoks": "tiktok", "live": "live", "lives": "live", "article": "blog",
    "articles": "blog", "blog post": "blog", "blog posts": "blog", "unboxing": "video", "vlog": "video",
    "integration": "video", "integrations": "video", "integration video": "video", "mention": "video",
}  # fmt: skip
PLATFORMS = {
    "instagram": "instagram", "insta": "instagram", "ig": "instagram", "tiktok": "tiktok", "youtube": "youtube",
    "yt": "youtube", "twitch": "twitch", "facebook": "facebook", "snapchat": "snapchat", "pinterest": "pinterest",
    "linkedin": "linkedin", "blog": "blog", "twitter": "x",
}  # fmt: skip
DEFAULT_PLATFORM = {"reel": "instagram", "story": "instagram", "tiktok": "tiktok", "short": "youtube"}
CURRENCIES = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "usd": "USD", "dollar": "USD",
    "dollars": "USD", "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "livres": "GBP", "chf": "CHF",
    "cad": "CAD",
}  # fmt: skip
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
        r"machines? a sous|slots?\b",
    ),
    ("nicotine", r"nicotine|snus|\bpuffs?\b|vape|vapoteuse|e-?cig|cigarettes? electroniques?|pouches?"),
    (
        "cosmetic_surgery",
        r"chirurgie (esthetique|plastique)|cosmetic surgery|botox|injections? d.acide|"
        r"acide hyaluronique|fillers?|rhinoplast|lipo(succion|suction)?|clinique esthetique|"
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
        r"investissement garanti|guaranteed returns?",
    ),
    (
        "alcohol",
        r"\b(vin|vins|wine|wines|biere|bieres|beer|beers|spiritueux|spirits|gin|vodka|whisky|whiskey|rhum|"
        r"rum|tequila|champagne|cocktails? alcoolises?|alcool|alcohol|brasserie|brewery|distillerie|hard seltzer)\b",
    ),
    (
        "health_supplement",
        r"complements? alimentaires?|supplements?|gummies|vitamines?|vitamins?|proteines?|"
        r"protein|collagene|collagen|detox|minceur|weight ?loss|brule-graisse|fat burner|cbd",
    ),
    ("fast_food", r"fast[- ]?food|burger|fried chicken|\bkfc\b|mcdo|mcdonald"),
    ("fast_fashion", r"fast[- ]?fashion|shein|temu"),
    ("kids", r"\b(jouets?|toys?|bebes?|baby|babies|poussette|stroller|couches|diapers)\b"),
    (
        "beauty",
        r"serum|skin ?care|soins? (du visage|visage|de la peau)|maquillage|make-?up|mascara|rouge a levres|"
        r"lipstick|cosmeti|creme|cream|shampo|parfum|perfume|fragrance|vernis|nail|beaute|beauty|spf",
    ),
    (
        "fashion",
        r"vetements?|clothing|clothes|collection|bijoux|jewel|sneakers?|chaussures|shoes|sac a main|"
        r"handbag|lingerie|maillots?|swimwear|streetwear|mode\b|fashion|t-shirts?|hoodies?|montres?|watch(es)?",
    ),
    (
        "gaming",
        r"jeu video|jeux video|video ?games?|gaming|manette|controller|steam|console|playstation|xbox|"
        r"nintendo|mmo|rpg|early access|\bgame\b|\bjeu\b",
    ),
    (
        "tech",
        r"\bapp\b|application|vpn|casque|headphones?|earbuds|ecouteurs|smartphone|logiciel|software|gadget|"
        r"laptop|ordinateur|camera|saas|ai tool|outil ia|clavier|keyboard|micro(phone)?\b",
    ),
    ("drinks", r"boissons?|\bdrinks?\b|juice|\bjus\b|kombucha|\btea\b|\bcafe\b|coffee|energy drink|\bsoda"),
    (
        "food",
        r"recettes?|recipes?|snacks?|chocolat|chocolate|cookies?|biscuits?|epicerie|grocery|meal kit|"
        r"restaurant|traiteur|patisserie|bakery|granola|cereales|cereal|sauce|food|nourriture|fromage|cheese",
    ),
    ("sport", r"fitness|sport|gym|running|yoga|pilates|velo|bike|cycling|musculation|workout|leggings|trail"),
    ("travel", r"hotel|voyage|travel|trip|sejour|stay\b|resort|airbnb|croisiere|cruise|camping"),
    ("home", r"deco(ration)?\b|decor|maison|home|furniture|meubles?|cuisine equipee|bougies?|candles?|linge de lit"),
]


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _amount(raw: str, thousands: str | None) -> float | None:
    """'1 500' / '1,200' / '1.5' / '300,50' → a number, with 'k' for thousands."""
    text = raw.replace("\u202f", " ").replace("\xa0", " ").replace(" ", "")
    if "," in text and "." in text:
        text = text.replace(",", "") if text.rfind(".") > text.rfind(",") else text.replace(".", "").replace(",", ".")
    elif "," in text:
        head, _, tail = text.rpartition(",")
        text = head.replace(",", "") + tail if len(tail) == 3 else head.replace(",", "") + "." + tail
    elif text.count(".") == 1 and len(text.rpartition(".")[2]) == 3 and not thousands:
        text = text.replace(".", "")  # "1.200 €" written the French way
    try:
        value = float(text)
    except ValueError:
        return None
    return value * 1000 if thousands else value


NUM = r"\d[\d\s\u202f\xa0.,]*\d|\d"
MONEY_BEFORE = re.compile(rf"(?P<cur>[€$£]|\b(?:eur|usd|gbp|chf|cad)\b)\s?(?P<num>{NUM})\s?(?P<k>k\b)?", re.I)
MONEY_AFTER = re.compile(
    rf"(?P<num>{NUM})\s?(?P<k>k)?\s?(?P<cur>€|\$|£|eur(?:os?)?\b|usd\b|dollars?\b|gbp\b|pounds?\b|livres?\b|chf\b|"
    rf"cad\b)",
    re.I,
)
# Money the creator would pay, not earn: an amount right after one of these words is not a fee.
PAY_CONTEXT = re.compile(
    r"frais( de port| d.inscription| d.envoi| de dossier| de livraison)?|shipping|postage|deposit|acompte|caution|"
    r"inscription|registration|membership|verification|starter ?kit|kit de demarrage|cheque|check\b",
    re.I,
)
NOT_PAYING = re.compile(
    r"offerts?|free shipping|we (cover|pay)|a notre charge|pris en charge|nous payons|on paie", re.I
)
DURATION = re.compile(
    r"(?P<n>\d+|un|une|deux|trois|quatre|cinq|six|douze|dix-huit|one|two|three|four|five|six|twelve|eighteen)\s?"
    r"(?P<unit>mois|months?|ans?|annees?|years?|semaines?|weeks?)\b",
    re.I,
)
PERPETUAL = re.compile(
    r"perpetuit|perpetuity|in perpetuity|a vie\b|for ever|forever|illimite|unlimited (time|duration|period|use)|"
    r"sans limite de (duree|temps)|no time limit|indefinitely|indefiniment|all rights",
    re.I,
)
SENTENCE = re.compile(r"[^.!?\n;]+[.!?\n;]?")


def _months(text: str) -> int | None:
    match = DURATION.search(text)
    if not match:
        return None
    raw = match.group("n").lower()
    n = int(raw) if raw.isdigit() else {"dix-huit": 18, "eighteen": 18, **NUMBER_WORDS}.get(raw)
    if n is None:
        return None
    unit = match.group("unit").lower()
    if unit.startswith(("an", "year")):
        return n * 12
    if unit.startswith(("semaine", "week")):
        return max(1, round(n / 4.345))
    return n


def _sentences_with(pattern: re.Pattern[str], text: str) -> list[str]:
    return [s for s in SENTENCE.findall(text) if pattern.search(s)]


def _months_near(pattern: re.Pattern[str], text: str) -> int | None:
    """The duration that follows a mention (within its sentence), else the closest one before it."""
    for sentence in _sentences_with(pattern, text):
        match = pattern.search(sentence)
        assert match is not None
        if (after := _months(sentence[match.start() : match.end() + 90])) is not None:
            return after
        if (before := _months(sentence[max(0, match.start() - 60) : match.start()])) is not None:
            return before
    return None


EXCLUSIVITY = re.compile(
    r"exclusivit|exclusive|non[- ]?compet|non[- ]concurrence|no other brands?|aucune autre marque|"
    r"pas d.autres? marques?|(not|ne pas|pas) (work|travailler|collaborer) (with|avec) (other|d.autres|aucun)|"
    r"competitors?|concurrents?",
    re.I,
)
USAGE = re.compile(
    r"droits? (d.utilisation|de diffusion|d.exploitation|de reutilisation|a l.image|sur (le|les) contenus?)|"
    r"cession de droits|usage rights?|image rights|content rights|license|licence|re-?use|reutilis|re-?post|"
    r"repartag|reshare|(on|sur) (our|nos|notre) (website|site|channels|reseaux|social|pages?|e-?shop|newsletter)|"
    r"(use|utiliser) (your|ton|votre|vos|tes) (content|contenus?|video|photos?|images?)|ugc|"
    r"own (the|all) (content|rights)|republish|re-?publi|(use|utiliser), (edit|modifier)|licen[cs]e|"
    r"^\s*(usage|droits|licence)\s?:|(on|sur) (its|their|son|leur) (website|site|channels|newsletter)",
    re.I,
)
PAID_ADS = re.compile(
    r"whitelist|white-list|spark ?ads?|partnership ads?|paid ads?|paid social|"
    r"ads? (on|with|from) your (handle|account)|run (it|them|the (video|content|post)) as (an )?ads?\b|"
    r"en (pub|publicite)s?\b|publicites? payantes?|"
    r"sponsoriser (ta|votre|vos|tes)|boost(er|ing)?\b|"
    r"dark posts?|campagnes? (pub|publicitaires?)|ad campaigns?|meta ads|facebook ads|tiktok ads",
    re.I,
)
APPROVAL = re.compile(
    r"approv|valid(ation|er|e)|sign[- ]?off|review (it |them |the content )?(before|prior)|relecture|\bbat\b|"
    r"(send|envoyer|envoie|soumettre) (us |nous )?(the |le |les |votre |ton |your )?(draft|brouillon|script|contenu|"
    r"content|video)s? (before|avant|for)",
    re.I,
)
ROUNDS = re.compile(
    r"(?P<n>\d+|un|une|deux|trois|quatre|cinq|one|two|three|four|five|a)\s?(seule?s?\s|single\s)?(rounds?|"
    r"allers?[- ]retours?|series|tours?|sessions?)\s?(of|de|d.)?\s?(revisions?|modifications?|modifs?|changes|"
    r"corrections?|feedback|retouches?|edits?)",
    re.I,
)
UNLIMITED_ROUNDS = re.compile(
    r"(revisions?|modifications?|modifs?|changes|retouches?|corrections?|allers?[- ]retours?) (illimite|unlimited)|"
    r"(illimite|unlimited)e?s? (revisions?|modifications?|modifs?|changes|retouches?|allers?[- ]retours?)|"
    r"as many (revisions|changes|edits|rounds) as|autant de (modifications|modifs|retouches|allers)|"
    r"jusqu.a (validation|satisfaction|approbation|ce que)|until (we are|we're|fully|they are) (happy|satisfied)|"
    r"until approval|as (the )?(client|brand|we) requests?|autant que (necessaire|demande)",
    re.I,
)
PAYMENT_DAYS = re.compile(
    r"\bnet\s?-?(?P<a>\d{2,3})\b|(?P<d>\d{2,3})[- ]days? (payment )?terms|payable (a|sous|under|within) "
    r"(?P<e>\d{2,3})\s?(jours|days|j)\b|"
    r"(?P<b>\d{2,3})\s?(jours|days|j)\b\s?(fin de mois|end of month|after|apres|from|a "
    r"(compter|reception)|of (invoice|receipt)|de (facture|reception)|net|suivant)|(paiement|payment|paid|paye|regle|"
    r"virement)[^.\n]{0,40}?(sous|within|in|under|a|dans les|dans un delai de|after|apres)\s?(?P<c>\d{2,3})\s?"
    r"(jours|days|j)\b",
    re.I,
)
AFTER_APPROVAL = re.compile(
    r"(paid|payment|pay|paye|paiement|payons|regl)[^.\n]{0,40}(after|once|when|upon|apres|une fois|a la|des) "
    r"(the )?(final )?(approval|validation|results?|resultats?|performance|campaign ends|fin de (la )?campagne|"
    r"objectifs?|sales|ventes)|(released|verse|debloque|paid) (only )?(once|when|une fois|quand|si|if)[^.\n]{0,40}"
    r"(views|vues|sales|ventes|results?|resultats?)|(only|seulement|uniquement) (if|si|once|when)[^.\n]{0,30}"
    r"(views|vues|ventes|sales)",
    re.I,
)
HIDDEN = re.compile(
    r"(don.t|do not|dont|never|no need to|without|sans|ne (pas|jamais)|pas (de|besoin de)|eviter de|avoid) "
    r"(say|saying|mention|mentioning|tag|tagging|use|using|put|putting|add|adding|label|dire|mentionner|indiquer|"
    r"mettre|preciser|utiliser|afficher|signaler)?[^.\n]{0,40}?(sponsor|#?\bad\b|#?\bads\b|#pub|\bpub\b|"
    r"publicit|partenariat|partnership|paid|remunere|collab(oration)? commerciale|#spon|gifted)|"
    r"(look|feel|seem|paraitre|sembler|avoir l.air)[^.\n]{0,25}(organic|natural|naturel|spontane|authentic|"
    r"genuine)|comme si (tu|vous) l.?avi?(ez|ais) achete|as if you (bought|found|discovered)|"
    r"(keep|garder|reste[rz]?) (it |this |ca |cela )?(discreet|discret|secret|confidenti|between us|entre nous)",
    re.I,
)
DISCLOSE = re.compile(
    r"#ad\b|#pub\b|#sponsored|collaboration\s+commerciale|paid\s+partnership|partenariat\s+remunere|mention (publicite|"
    r"legale)|disclose|disclosure|branded content|(label|mention|tag) (publicite|ad|paid)",
    re.I,
)
LOGIN = re.compile(
    r"mot de passe|\bmdp\b|password|passcode|identifiants|login (details|credentials|info)|log ?in (to|into|details|"
    r"info)|credentials|code (de verification|de securite|2fa|a \d chiffres|sms)|2fa|two[- ]factor|verification code|"
    r"(acces|access) (a|to) (ton|votre|your) (compte|account)|backup codes?|codes? de secours",
    re.I,
)
DOWNLOAD = re.compile(
    r"\.(exe|scr|msi|bat|apk|rar|7z|zip|iso)\b|archive (protegee|protected|avec mot de passe)|password[- ]protected|"
    r"(install|installer|execute|executer|run|lancer|ouvr(ir|ez)) (the |our |le |notre |ce |this )?(file|fichier|"
    r"program|programme|software|logiciel|launcher|setup|demo)|(download|telecharge[rz]?)[^.\n]{0,30}(contract|"
    r"contrat|brief|launcher|setup|demo|program|programme|logiciel|software)",
    re.I,
)
FREE_EMAIL = re.compile(
    r"@(gmail|googlemail|outlook|hotmail|live|yahoo|proton(mail)?|gmx|mail\.ru|yandex|icloud|aol)\.|\bgmail\b",
    re.I,
)
URGENCY = re.compile(
    r"\b(24|48)\s?h|\b(24|48) (hours|heures)|today only|aujourd.hui (seulement|uniquement)|last (spot|place|chance)|"
    r"derni(ere|er)s? (place|chance)|asap|urgent|reponds? vite|repondez vite|reply (fast|quickly|now)|limited spots|"
    r"places limitees|offre (expire|valable jusqu)|expires? (today|tonight|soon)|before midnight|avant minuit|"
    r"reply today|repondez aujourd|reponds aujourd|(slots?|places?|spots?) (left|restantes?)",
    re.I,
)
GIFT = re.compile(
    r"offert|gratuit|free (product|products|item|sample|box|kit|stay|night|trip)|gift|cadeau|envoyer (notre|nos|"
    r"un|une|le|la|les)|send (you|u) (our|a|the|some)|en echange|in exchange|samples?|echantillons?|(invite|invited|"
    r"inviter) [^.\n]{0,30}(stay|sejour|night|nuit|event|evenement|dinner|diner)|seeding|on t.envoie|we.ll send|"
    r"nous (vous )?offrons|we (would love to )?(offer|gift)",
    re.I,
)
MONEY_WORDS = re.compile(
    r"remunere|remuneration|paid collab|paid partnership|\bfee\b|cachet|budget|tarif|honoraires|retribution|"
    r"compensation|rate card|we (will |would |can )?pay|nous (vous )?(paierons|payons|remunerons)|flat fee|forfait",
    re.I,
)
COMMISSION = re.compile(
    r"commission|affili|code promo|promo code|discount code|code de reduction|"
    r"% (on|of|sur|des|de) (every |each |chaque )?(sales?|ventes?|each|commandes?|orders?)|"
    r"rev(enue)? share|per sale|par vente|lien (unique|personnalise|de suivi)|tracking link",
    re.I,
)
PERCENT = re.compile(r"(?P<n>\d{1,2}(?:[.,]\d+)?)\s?%")
REGISTERED = re.compile(r"registered|enregistre|agree\b|agreee|\bpsan\b|\bcasp\b|mica\b|licensed|regulated|amf", re.I)
DATE = re.compile(
    r"\b\d{1,2}(er)? (janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)"
    r"( \d{4})?\b|\b(january|february|march|april|may|june|july|august|september|october|november|december) "
    r"\d{1,2}(st|nd|rd|th)?(,? \d{4})?\b|\b\d{1,2}(st|nd|rd|th)? (of )?(january|february|march|april|june|july|"
    r"august|september|october|november|december)\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}(/\d{2,4})?\b",
    re.I,
)
RELATIVE_DATE = re.compile(
    r"\b(by|before|avant|d.ici|until|jusqu.au) (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|(the )?end of (the )?(month|week)|la fin (du mois|de (la )?semaine)|"
    r"fin (du mois|de (la )?semaine)|noel|christmas|black friday|next week|la semaine prochaine)\b",
    re.I,
)
OFFER_SIGNALS = re.compile(
    r"collab|partenariat|partnership|sponsor|ambassad|campagne|campaign|brief|placement de produit|"
    r"remuner|\bfee\b|budget|gifted|offert|our brand|notre marque|we.d love|nous aimerions|would love to work|"
    r"aimerions collaborer|proposition|proposal|deliverables?|livrables?",
    re.I,
)


def looks_like_offer(text: str) -> bool:
    """A pasted DM or email from a brand, rather than a question to the coach."""
    folded = fold(text)
    signals = len({m.group(0).lower() for m in OFFER_SIGNALS.finditer(folded)})
    has_terms = bool(MONEY_AFTER.search(folded) or MONEY_BEFORE.search(folded) or _deliverables(folded))
    long_enough = len(folded) >= 80 or "\n" in text.strip()
    return long_enough and (signals >= 2 or (signals >= 1 and has_terms))


def extract_facts(text: str, lang: Lang | None = None) -> OfferFacts:
    folded = fold(text)
    facts = OfferFacts(lang=lang or detect_language(text))
    _money(folded, facts)
    facts.deliverables = _deliverables(folded)
    facts.platforms = _platforms(folded, facts.deliverables)
    if deadline := DATE.search(folded) or RELATIVE_DATE.search(folded):
        facts.deadline = deadline.group(0).strip()  # as written, accents aside
    _rights(folded, facts)
    _terms(folded, facts)
    facts.category = next((name for name, pattern in CATEGORIES if re.search(pattern, folded)), None)
    facts.crypto_registered = facts.category == "crypto" and bool(REGISTERED.search(folded))
    facts.asks_login = bool(LOGIN.search(folded))
    facts.asks_download = bool(DOWNLOAD.search(folded))
    facts.free_email = bool(FREE_EMAIL.search(folded))
    facts.urgency = bool(URGENCY.search(folded))
    return facts


def _money(folded: str, facts: OfferFacts) -> None:
    earned: list[tuple[float, str]] = []
    for pattern in (MONEY_BEFORE, MONEY_AFTER):
        for match in pattern.finditer(folded):
            value = _amount(match.group("num"), match.group("k"))
            if value is None or value <= 0:
                continue
            symbol = match.group("cur").lower()
            currency = CURRENCIES.get(symbol) or CURRENCIES.get(symbol.rstrip("s")) or "EUR"
            context = folded[max(0, match.start() - 40) : match.end() + 15]
            worth = re.search(
                r"valeur|value|worth|retail|au lieu de|instead of", folded[max(0, match.start() - 25) : match.start()]
            )
            if worth or (PAY_CONTEXT.search(context) and not NOT_PAYING.search(context)):
                continue  # what a gift is worth, or what the creator would pay, is not a fee
            earned.append((value, currency))
    if earned:
        facts.amount, facts.currency = max(earned)
    pay_request = re.search(
        r"(frais de port|shipping( fee| cost)?s?|frais d.inscription|registration fee|membership fee|"
        r"verification fee|deposit|acompte|caution)[^.\n]{0,40}(a (ta|votre|vos) charge|(you|u) (pay|cover)|"
        r"(to|a) (pay|payer|regler)|de \d)|(frais|fee)[^.\n]{0,20}(inscription|registration|dossier|activation)|"
        r"(pay|payer|regler|cover|paie[sz]?) [^\n]{0,25}?(shipping|frais de port|postage|frais d.envoi)|"
        r"(pay|payer|regler|cover) (the |les |only |juste |seulement )*(frais|shipping|"
        r"postage|fee|deposit|acompte)|(buy|acheter|purchase) (the |our |notre |nos |un |a )?(starter|kit|products?|"
        r"produits?|collection|pack)|(buy|acheter|purchase|order|commander) (\w+ ){0,3}(starter|kit|pack|"
        r"collection)|\b(cheque|check)\b[^\n]{0,200}\b(sent|send|renvo\w*|forward|transf\w*|zelle|paypal|virement)\b|"
        r"\b(remaining|rest|reste|difference)\b[^.\n]{0,60}\b(sent|send|renvo\w*|transf\w*|zelle|virer)\b",
        folded,
    )
    if pay_request and not NOT_PAYING.search(folded[pay_request.start() : pay_request.end() + 20]):
        facts.asks_money = True
    kinds = []
    if facts.amount is not None or MONEY_WORDS.search(folded):
        kinds.append("money")
    if GIFT.search(folded):
        kinds.append("gift")
    if COMMISSION.search(folded):
        kinds.append("commission")
        percent = next(
            (m for m in PERCENT.finditer(folded) if COMMISSION.search(folded[max(0, m.start() - 80) : m.end() + 80])),
            None,
        )
        if percent:
            facts.commission_rate = float(percent.group("n").replace(",", "."))
    facts.compensation = kinds


def _deliverables(folded: str) -> list[Deliverable]:
    formats = "|".join(sorted((re.escape(f) for f in FORMATS), key=len, reverse=True))
    counts = "|".join(NUMBER_WORDS)
    pattern = re.compile(
        rf"\b(?P<n>\d{{1,2}}|{counts})\s?(\(\d+\)\s?)?(x\s?)?(?:(?:de|of|tes|vos|your|my|mes|nos|our|prochains?|"
        rf"next|new|nouveaux?|nouvelles?|seule?s?|single)\s){{0,3}}(?P<adj>(?:instagram|insta|ig|tiktok|youtube|yt|dedicated|sponsored|"
        rf"sponsorise(?:e)?s?|short|courtes?|long|dediee?s?|feed|ugc|video)\s)?(?P<fmt>{formats})\b(?P<tail>[^.\n,;+]{{0,30}})",
        re.I,
    )
    found: dict[tuple[str, str | None], int] = {}
    for match in pattern.finditer(folded):
        count = _number(match.group("n"))
        if not count or count > 50:
            continue
        fmt = FORMATS[match.group("fmt").lower()]
        around = f"{match.group('adj') or ''} {match.group('tail') or ''}"
        platform = next((PLATFORMS[p] for p in re.findall(r"[a-z]+", around) if p in PLATFORMS), None)
        platform = platform or DEFAULT_PLATFORM.get(fmt)
        if fmt == "video" and platform is None and "youtube" in folded:
            platform = "youtube"
        found[(fmt, platform)] = found.get((fmt, platform), 0) + count
    return [Deliverable(fmt, count, platform) for (fmt, platform), count in found.items()]


def _platforms(folded: str, deliverables: list[Deliverable]) -> list[str]:
    named = {PLATFORMS[word] for word in re.findall(r"[a-z]+", folded) if word in PLATFORMS}
    named |= {d.platform for d in deliverables if d.platform}
    return sorted(named)


NO_EXCLUSIVITY = re.compile(
    r"(pas d.|sans |aucune |no |not |without |non[- ])exclusi|exclusivit(e|y)\s?:\s?(none|aucune|non|no)\s*($|[.,;\n])|"
    r"(not|non) exclusive",
    re.I,
)
BROAD_EXCLUSIVITY = re.compile(
    r"(aucune autre marque|toute autre marque|any other brand|no other brands?|all (other )?brands|"
    r"aucun autre annonceur|any other advertiser)(?! (citee|named|listed|nommee))|(toute|whole|entire) (la )?"
    r"(categorie|category|secteur|sector)",
    re.I,
)
NO_USAGE = re.compile(
    r"(ne|n.)\s?(re)?utiliser(ons|a)? (pas|jamais)|(won.t|will not|never) (re)?use|no (usage|re-?use)\b|"
    r"pas de (reutilisation|droits)|usage\s?:\s?(none|aucun)|(sans|without) (votre |your )?(accord|consent)",
    re.I,
)
# A sentence that says what the brand will NOT do ("on ne réutilise pas les vidéos en pub").
NEGATED = re.compile(
    r"\b(ne|n.)\s?\w+(\s\w+)?\s(pas|jamais|plus)\b|won.t|will not|wouldn.t|never|don.t|do not|\bno\b|pas de|"
    r"\bsans\b|without|aucune?\b",
    re.I,
)
NO_ADS = re.compile(
    r"(no|pas de|sans|without|aucune?) (paid |)?(ads?|publicite|pub|whitelisting|boost|sponsorisation)\b|"
    r"(won.t|will not|ne .{0,15}pas) (run|boost|sponsoris|diffuser en pub)",
    re.I,
)


def _rights(folded: str, facts: OfferFacts) -> None:
    if NO_EXCLUSIVITY.search(folded):
        facts.exclusivity = False
    elif EXCLUSIVITY.search(folded):
        facts.exclusivity = True
        facts.exclusivity_months = _months_near(EXCLUSIVITY, folded)
        if BROAD_EXCLUSIVITY.search(folded):
            facts.exclusivity_scope = "category"
        elif re.search(r"concurrent|competitor", folded):
            facts.exclusivity_scope = "competitors"
    usage = [s for s in _sentences_with(USAGE, folded) if not (NO_USAGE.search(s) or NEGATED.search(s))]
    ads = [s for s in _sentences_with(PAID_ADS, folded) if not (NO_ADS.search(s) or NEGATED.search(s))]
    if usage or ads:
        facts.usage_rights = True
        sentences = usage + ads
        facts.usage_perpetual = any(PERPETUAL.search(s) for s in sentences)
        if not facts.usage_perpetual:
            facts.usage_months = _months_near(USAGE, folded) or _months_near(PAID_ADS, folded)
    elif NO_USAGE.search(folded):
        facts.usage_rights = False
    if ads:
        facts.paid_ads = True
    elif NO_ADS.search(folded) or _sentences_with(PAID_ADS, folded):  # every mention of ads was a "no"
        facts.paid_ads = False


def _terms(folded: str, facts: OfferFacts) -> None:
    if APPROVAL.search(folded):
        facts.approval = True
    if UNLIMITED_ROUNDS.search(folded):
        facts.approval, facts.revision_rounds = True, 99
    elif rounds := ROUNDS.search(folded):
        facts.approval, facts.revision_rounds = True, _number(rounds.group("n"))
    if days := PAYMENT_DAYS.search(folded):
        facts.payment_days = int(next(g for g in days.group("a", "b", "c", "d", "e") if g))
    facts.payment_after_approval = bool(AFTER_APPROVAL.search(folded))
    if HIDDEN.search(folded):
        facts.disclosure = "hidden"
    elif DISCLOSE.search(folded):
        facts.disclosure = "required"
