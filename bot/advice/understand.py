"""Reading a message before answering it: what kind of message it is, and which red flags it carries.

Pure and rule-based (no Telegram, no index): the same step routes Telegram, the terminal and the evaluation. The
kinds are those of the labelled set in knowledge/eval/understanding/:

- `question`: a question or request to the coach, on its own;
- `offer_pasted`: a brand's own words pasted or forwarded (a DM, an email, a brief);
- `offer_described`: the creator describing an offer they received, usually with a question about it;
- `follow_up`: a message that only makes sense after the previous one ("and if they refuse?");
- `small_talk`: greetings, thanks, "ok";
- `off_topic`: nothing to do with brand collaborations.

The offer red-flag detectors run on every message, with negation read clause by clause (bot.text): "me dit de
pas mettre #pub" is a brand asking to hide an ad; "no upfront fee" is not a pay-to-join scheme.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from bot.advice.jurisdiction import mentioned_country
from bot.advice.language import detect_language
from bot.i18n import Lang
from bot.text import Clauses, bans_rivals_only, clauses, fold, is_negated, strip_quoted

Kind = Literal["question", "offer_pasted", "offer_described", "follow_up", "small_talk", "off_topic"]
KINDS: tuple[Kind, ...] = ("question", "offer_pasted", "offer_described", "follow_up", "small_talk", "off_topic")

# Flags a question leads with (the creator is about to be scammed or to break the law), most telling first.
WARNING_FLAGS = (
    "download_request",
    "pay_to_collaborate",
    "login_request",
    "bank_details_request",
    "fake_copyright_notice",
    "hidden_advertising",
    "banned_category",
    "gambling_minors",
    "minors_audience",
    "unregistered_financial",
    "fake_reviews",
    "scam_signals",
    "no_go_category",
)
# Cards that answer a warning: when retrieval ranks one of them high, it leads; otherwise the first one does.
FLAG_FAMILIES = {
    "pay_to_collaborate": ("pay-to-be-ambassador", "upfront-payment-requests"),
    "login_request": ("phishing-login-requests", "fake-brand-dms", "fake-copyright-notices"),
    "download_request": ("malware-sponsorship-files",),
    "bank_details_request": ("fake-brand-dms", "upfront-payment-requests", "phishing-login-requests"),
    "fake_copyright_notice": ("fake-copyright-notices",),
    "hidden_advertising": (
        "disclosure-basics", "france-influencer-law", "us-ftc-rules", "uk-asa-cma-rules", "eu-rules",
        "platform-disclosure-tools", "meta-branded-content-rules", "tiktok-branded-content-rules",
        "youtube-paid-promotion-rules",
    ),
    "banned_category": (
        "france-banned-promotions", "france-financial-crypto-betting", "health-food-cosmetic-claims",
        "alcohol-evin-law",
    ),
    "gambling_minors": ("france-financial-crypto-betting", "audience-fit"),
    "minors_audience": ("audience-fit", "france-financial-crypto-betting", "teen-creators", "child-influencers"),
    "unregistered_financial": ("france-financial-crypto-betting",),
    "fake_reviews": ("honest-reviews", "joint-liability"),
    "scam_signals": ("fake-brand-dms", "brand-reputation-check"),
    "no_go_category": ("values-filter", "offer-editorial-fit"),
}  # fmt: skip
FEE_FAMILY = ("upfront-payment-requests", "fake-brand-dms")
# The card each warning comes from: it leads the answer.
FLAG_CARDS = {
    "pay_to_collaborate": "pay-to-be-ambassador",
    "login_request": "phishing-login-requests",
    "download_request": "malware-sponsorship-files",
    "bank_details_request": "fake-brand-dms",
    "fake_copyright_notice": "fake-copyright-notices",
    "hidden_advertising": "disclosure-basics",
    "banned_category": "france-banned-promotions",
    "gambling_minors": "france-financial-crypto-betting",
    "minors_audience": "audience-fit",
    "unregistered_financial": "france-financial-crypto-betting",
    "fake_reviews": "honest-reviews",
    "scam_signals": "fake-brand-dms",
    "no_go_category": "values-filter",
}
SCAM_FLAGS = (
    "pay_to_collaborate",
    "login_request",
    "download_request",
    "bank_details_request",
    "fake_copyright_notice",
)
ADULTS_ONLY = {"alcohol", "gambling", "betting_tips", "crypto", "finance", "nicotine"}
# A message is read up to here: a Telegram message holds 4,096 characters, and an offer says what it is early.
# The offer rules' yes/no facts that are warnings in a question, in the order they are raised.
FACT_FLAGS = (
    ("asks_money", "pay_to_collaborate"),
    ("asks_login", "login_request"),
    ("asks_download", "download_request"),
    ("asks_bank_details", "bank_details_request"),
    ("copyright_threat", "fake_copyright_notice"),
    ("fake_reviews", "fake_reviews"),
    ("financial_unregistered", "unregistered_financial"),
)
MAX_READ = 8_000
EXTRACT_CHARS = 2_000
BANNED_CATEGORIES = {
    "nicotine",
    "cosmetic_surgery",
    "therapeutic_alternative",
    "wild_animals",
    "betting_tips",
    "finance",
}


@dataclass(frozen=True)
class Understanding:
    kind: Kind
    lang: Lang
    red_flags: tuple[str, ...] = ()
    # The creator asks for a verdict ("should I accept?", "c'est une arnaque ?"): only then does a described offer
    # get one. An offer described in passing gets its warnings and open points, never an "accept".
    asks_verdict: bool = False
    # For a follow-up: the previous message, whose topic the answer stays on.
    context: str | None = None
    facts: object | None = field(default=None, compare=False)  # bot.offers.OfferFacts of an offer, if one
    category: str | None = None  # the product category the message speaks of, if a rule knows it
    # A follow-up that only says where the creator is ("i'm in the UK btw"): the previous question, for that place.
    places: bool = False
    # A fee asked with no programme to join ("pay $25 shipping for the free product"): money sent first, not a
    # paid "ambassador" scheme.
    fee_only: bool = False
    # News of an offer (a follow-up with its new terms: "they sent the contract, it says they own the videos
    # forever"): the offer as now told, previous message and news together, for the offer judge to read as one.
    offer_text: str | None = None

    def family(self, flag: str) -> tuple[str, ...]:
        """The cards that answer `flag` here: a banned category's own card first, the card on money sent first
        for a fee asked with no programme to join."""
        if flag == "pay_to_collaborate" and self.fee_only:
            return FEE_FAMILY
        if flag == "banned_category" and self.category in ("betting_tips", "finance"):
            return ("france-financial-crypto-betting",)
        if flag == "banned_category":
            return ("france-banned-promotions", "health-food-cosmetic-claims")
        return FLAG_FAMILIES[flag]

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(flag for flag in WARNING_FLAGS if flag in self.red_flags)

    @property
    def is_offer(self) -> bool:
        return self.kind in ("offer_pasted", "offer_described")

    @property
    def judged(self) -> bool:
        """Read by the offer judge: an offer, or news of one (its `offer_text`)."""
        return self.is_offer or self.offer_text is not None


def _rx(pattern: str) -> re.Pattern[str]:
    # Every pattern reads folded text (lower case, no accents): re.I would match nothing more and costs three to
    # four times the time on each character of a long message.
    return re.compile(pattern)


# --- small talk -------------------------------------------------------------------------------------------------
SMALL_TALK = _rx(
    r"^(?:(?:hi+|hey+|hello+|hellooo+|yo|hiya|salut|slt|coucou|bonjour|bjr|bonsoir|bsr|hola|wesh|re|"
    r"good (?:morning|afternoon|evening|night)|bonne (?:journee|soiree|nuit)|"
    r"thanks?(?: you| u)?(?: so much| so so much| a lot| again| a bunch)?|thx|ty|tysm|"
    r"merci+(?: beaucoup| bcp| encore| bien)?|mercii+|"
    r"cool|super|top|parfait|perfect|great|nice|awesome|genial|trop bien|ok+|okay|okk|d'accord|dac|daccord|"
    r"ca marche|ca roule|got it|understood|compris|entendu|vu|noted|note|lol|mdr|ptdr|haha+|ahah+|xd|"
    r"bye|goodbye|see you|see ya|a plus|a\+|a bientot|a demain|ciao|bisous|bises|cheers|"
    r"how are you|how r u|how are u|hru|how's it going|what's up|wassup|sup|ca va|cv|comment ca va|"
    # "ça joue ?" and "adieu" greet in Switzerland; "ça va aujourd'hui ?", "et toi ?"
    r"ca joue|ca gaze|adieu|quoi de neuf|what's new|aujourd'hui|today|et toi|and you|"
    r"how(?:'s| is| was) (?:your|ur) (?:day|week|morning|weekend)(?: going)?|(?:ta|votre) journee se passe bien|"
    r"comment vas[- ]tu|comment allez[- ]vous|tu vas bien|vous allez bien|"
    r"who are you|what are you|are you a bot|are you human|are you real|t'es qui(?: toi)?|tu es qui|qui es[- ]tu|"
    r"who (?:made|built|created|programmed) you|qui t'a (?:cree|fait|code|programme)|"
    r"vous etes qui|(?:t'es|tu es|c'est|es[- ]tu) (?:un (?:bot|robot)|une ia)"
    r"(?: ou (?:une |un )?(?:vraie |vrai )?(?:personne|humain\w*|ia|bot|robot)|"
    r" ou (?:il )?y ?'?a (?:quelqu'un|un humain|une (?:vraie )?personne)(?: derriere)?)?|"
    r"are (?:you|u) (?:a |an )?(?:real |actual )?(?:person|human|bot|robot|ai)"
    r"(?: or (?:a |an )?(?:real )?(?:person|human|bot|robot|ai))?|"
    r"(?:c'etait|c'est|that was|it was|this was) (?:super |tres |trop |vraiment |hyper |really |very |so )?"
    r"(?:clair|utile|top|parfait|bien|clear|helpful|useful|great|perfect)|what can you do|que sais[- ]tu faire|"
    r"tu sers a quoi|what do you do|help|aide|test|testing|you're the best|t'es le meilleur|t'es top|"
    r"love you|je t'aime|nice bot|bon bot|good bot|mate|bro|buddy|dude|les gars|guys|coach|bot|robot|"
    r"(?:le|the|mon|my|cher|dear|petit) (?:bot|robot|coach)|"
    r"you rock|you're (?:awesome|amazing|great|a star|the best)|t'es (?:genial|un amour|trop fort|trop forte)|bravo|"
    r"well done|c'est note|bien note|je note|je vais (?:essayer|tester|voir)|i'll (?:try|do) (?:that|it)|will do|"
    r"on verra|tu t'appelles comment|comment tu t'appelles|what's your name|what is your name|ton nom|"
    r"en vrai|au fait|btw|by the way|"
    r"(?:are (?:you|u)|r u|t'es|tu es|es[- ]tu|c'est) (?:chat ?gpt|gpt|claude|gemini|siri|copilot)|"
    r"(?:trop bien|super|top|genial|merci pour|thanks for|love) (?:ton|ta|votre|your) (?:aide|help|bot|coach)|"
    r"(?:je te|jte|j'te|je vous) (?:kiffe|adore|aime)|"
    r"a plus tard|see you later|talk (?:to you )?later|later|talk soon|(?:brb|be right back)(?: [\w' ]{0,30})?|"
    r"je (?:reviens|repasse|reviendrai) (?:vers (?:toi|vous) )?(?:plus tard|demain|bientot|apres)?|"
    r"i'll (?:come back|be back|get back to you)(?: later| tomorrow| soon)?|"
    r"je peux te poser une question|je peux vous poser une question|can i ask (?:you )?(?:a question|something)|"
    r"j'ai une (?:petite )?question|i have a (?:quick )?question|quick question|petite question|"
    r"(?:do you speak|tu parles|vous parlez|parles[- ]tu|parlez[- ]vous|can you speak|speak) (?:anglais|francais|"
    r"french|english|quebecois|belge|canadian french)(?: (?:aussi|too|also|as well|egalement))?"
    r"(?: (?:ou|or) (?:juste |seulement |only |just )?(?:le )?(?:francais|french|anglais|english)"
    r"(?: (?:de|from) (?:france|paris))?)?|hey there|hi there|hello there|"
    r"merci pour (?:ton|votre|ces|les|tes|vos|cette|ta) (?:aide|conseils?|reponses?|infos?|explications?|retour)|"
    r"thanks? (?:you )?for (?:the|your|all the|these|this) (?:help|tips|advice|answers?|info|explanations?)|"
    r"(?:ca|cela|that|this|it|you) (?:m'aide|m'a aide|aide|helps?|helped)(?: (?:me|moi))?"
    r"(?: (?:a lot|so much|loads|heaps|beaucoup|vraiment|bcp|enormement|really|a ton))*|awesome|amazing|"
    r"yes|yeah|yep|no|nope|nan|oui|ouais|non|si|bien sur|of course|sure|dope|sounds good|ah ok|oh ok|ah d'accord)"
    r"[\s!?.,;:)(*~'\-]*)+$"
)

# "50e" is 50 euros; "4e fois", "ma 2e collab" count (an ordinal before a noun of times and things).
EURO_E = (
    r"\d+ ?e(?! (?:fois|time|annee|ans?|mois|semaines?|jours?|etage|place|partie|edition|collabs?|collaborations?|"
    r"partenariats?|posts?|videos?|reels?|story|stories|contenus?|marques?|messages?|relances?|mails?|enfants?)\b)"
)

# --- the coach's domain: words without which a message is off-topic ----------------------------------------------
DOMAIN = _rx(
    r"\b(?:brands?|marques?|collabs?|collaborations?|collaborer|partenariats?|partnerships?|partners?|sponso\w*|"
    r"ambassad\w*|influen\w*|createurs?|creatrices?|creators?|ugc|abonne\w*|followers?|folowers|audience|"
    r"communaute|community|fans?|contrats?|contracts?|signer|sign|clauses?|exclusiv\w*|droits?|rights?|usage|"
    r"whitelist\w*|licen[cs]\w*|cession|paid|pay|paye\w*|payer|paie|paiement|payment|rémun\w*|remun\w*|"
    r"cachets?|fees?|tarifs?|rates?|prix|price|pricing|charge|devis|factur\w*|invoic\w*|budget|money|argent|"
    r"acomptes?|upfront|down payment|"
    r"thune|gifts?|gifted|cadeaux?|offerts?|free (?:products?|stuff)|produits? gratuits?|pr (?:box(?:es)?|packages?)|"
    r"colis|unsolicited|non sollicite\w*|raw footage|footage|rushs?|rushes|cost|costs|coute|cout|nda|"
    r"non-disclosure|confidentialit\w*|integrations?|dedicated (?:videos?|posts?)|"
    r"offres?|offers?|propos\w*|deals?|dm|dms|mails?|emails?|agences?|agency|agencies|agents?|managers?|"
    r"#ad|#pub|#sponsored|#gifted|pub|publicit\w*|ads?|advert\w*|disclos\w*|mention\w*|label|transparen\w*|"
    r"arpp|dgccrf|asa|cma|ftc|hmrc|urssaf|siret|tva|vat|impots?|tax\w*|declar\w*|micro[- ]?entrep\w*|"
    r"auto[- ]?entrep\w*|loi|law|legal\w*|illegal\w*|interdit\w*|banned|allowed|autorise\w*|scams?|arnaques?|"
    r"phishing|hame\w*|fake|faux|fausses?|legit|fiables?|trust\w*|campagnes?|campaigns?|briefs?|livrables?|"
    r"deliverables?|reels?|stories|story|posts?|tiktoks?|videos?|shorts?|unboxing|review\w*|avis|tests? produits?|"
    r"engagement|media ?kit|kit media|negoci\w*|negotiat\w*|counter|contre[- ]?proposition|refus\w*|decline|"
    r"accept\w*|affili\w*|codes? promo|promo codes?|commission\w*|giveaways?|concours|jeux[- ]concours|"
    r"royalt\w*|valeurs?|values?|authentic\w*|authenti\w*|ligne editoriale|editorial|niche|nano|micro|"
    r"monetis\w*|monetiz\w*|revenus?|income|earn\w*|gagner|alcool|alcohol|crypto\w*|paris sportifs|betting|"
    r"casino|cbd|chirurgie|surgery|retouch\w*|filtres?|filters?|minors?|mineurs?|enfants?|kids?|teen\w*|ados?|"
    r"image|copyright|musique|music|credits?|relances?|late|retard|kill fee|annulation|cancel\w*|approval|"
    r"net[- ]?\d{2,3}|payment terms?|"
    r"validation|revisions?|exclu|platforms?|plateformes?|instagram|insta|ig|youtube|yt|twitch|snap\w*|linkedin|"
    r"pinterest|x|twitter|threads|dropship\w*|seeding|invite\w*|events?|evenements?|coach|\d+ ?k|how much|combien|"
    r"charge|facturer|spons?|commu|unfollow\w*|signed|signe|products?|produits?|reporting|comments|commentaires?|"
    f"{EURO_E}|"
    r"\d+ ?euros?|\d+ ?balles|bucks|quality|qualite|tournage|shooting|shoot|say no|dire non|"
    r"politely|poliment|promot\w*|promouv\w*|promo|pitch\w*|demarch\w*|prospect\w*|compan(?:y|ies)|"
    # products whose promotion the law frames: what a creator may claim for them
    r"complements? alimentaires?|(?:food |dietary )?supplements?|avant[- /]apres|before[- /]after|allegations?|"
    r"health claims?|"
    # a deal agreed to: "j'ai dit oui pour une crème visage", "I agreed to post about it"
    r"dit oui (?:a|pour)|said yes to|agreed to|"
    # how a deal pays: "un fixe ou un % sur les ventes ?"
    r"(?:un|le|du) fixe|fixed fee|flat fee|pubs|regles?|rules?|reglements?|reglementation|regulations?|"
    r"commandit\w*|#partner\w*|#collab\w*|#partenariat\w*|#spon\w*|"
    r"(?:pourcentage|percentage|%) (?:sur|on|of) (?:les |the |my |mes )?"
    r"(?:ventes|sales))\b"
)
# The creator hacked, whatever is named after: "got hacked, the guy changed my email AND 2fa".
HACKED = (
    r"\b(?:got|been|was|get|getting|je me suis fait|me suis fait|j'ai ete|on m'a) (?:hacked|hacke\w*|pirate\w*)|"
    r"\b(?:hacked|hacke|pirate|stole|vole)\w* (?:my|mon|ma) (?:compte|account|insta\w*|tiktok|youtube|page|chaine|"
    r"channel)\b"
)
# Creator questions next to the coach's domain but outside it (growth, editing, posting times): off-topic unless
# the message also speaks of brands, money or the law.
ADJACENT = _rx(
    r"\b(?:best time to post|(?:meilleure?s?|best) (?:heures?|moments?|time|jours?|days?) (?:pr |pour |to |de )?"
    r"(?:poster|post|publier)|when (?:should i|to) post|heure (?:ideale )?(?:pour|de) poster|quand poster|"
    r"meilleur(?:e)? (?:heure|moment|jour) pour poster|grow (?:my|an?|your) (?:account|audience|following|page|"
    r"channel)|gain (?:more )?followers|get more (?:followers|views|likes|subs|subscribers)|gagner (?:des |plus d')"
    r"(?:abonnes|followers|vues)|avoir plus d'(?:abonnes|vues)|algorithm\w*|algo\b|shadow ?ban\w*|hashtags?|"
    r"edit(?:ing)? (?:my )?videos?|video editing|photo editing|montage|monter (?:mes|une) videos?|capcut|lightroom|"
    r"camera|ring ?light|lighting|schedul\w* (?:my |the |a )?posts?|"
    r"(?:programmer|planifier) (?:mes |des |les )?(?:posts|publications)|"
    r"(?:my|ma|a|une|good|bonne) bio\b|bio (?:on|sur|insta|tiktok)|"
    r"cartonn\w*|buzz|perform (?:better|well)|marchent mieux|flop\w*|relancer (?:le|mon) compte|"
    r"get verified|(?:etre|me faire|se faire) certifie\w*|badge bleu|"
    r"blue (?:tick|check)|cinematic|b-?roll|colou?r grad\w*|etalonnage|"
    # growing the account: "more views", "plus de vues" (a number before them is an audience size)
    r"(?:more|plus de|plus d') ?(?:views|vues|followers|abonnes|likes|reach|portee|visibilite|subs|subscribers)|"
    r"product (?:shots?|photos?|photography)|photos? (?:de )?produits?|packshots?|"
    r"eclairage|micro(?:phone)? (?:for|pour)|filming|filmer|which app|quelle app|bio (?:insta|instagram)|"
    r"thumbnail|miniature|captions?|legendes?|viral|buy followers|acheter des (?:abonnes|followers)|"
    r"(?:sons?|sounds?|musiques?) (?:tendance|trending|virale?s?)|trending (?:sounds?|audios?)|"
    r"(?:which|quel(?:le)?) (?:mic|micro|camera|phone|telephone|iphone|ring ?light|tripod|trepied|app)|"
    r"iphone|sony|canon|gopro|vlogs?\b|tradui\w*|translate|recette|recipe|weather|meteo|editing app|"
    r"app (?:de|pour) (?:montage|editer)|username|pseudo|nom d'utilisateur|en (?:espagnol|anglais|allemand|italien)|"
    r"in (?:spanish|french|german|italian)|comment on dit|how do you say|je me sens|i feel (?:bad|"
    r"down|so|like (?:i\b|i'm|giving up|quitting|nobody|no one|a failure|an? imposter))|"
    r"comparant|comparer mes|comparing my|burn ?out|motivation|"
    # when to post, growth, gear, account trouble, nerves: a creator's life, not a deal
    r"(?:a )?quel(?:le)?s? (?:heure|jour|moment)s? (?:pour |de )?(?:poster|publier)|"
    r"what (?:time|days?) (?:to|should i|do i) (?:post|publish)|"
    r"augmenter (?:mes|ses|les|ma|son|sa|ton|ta|tes|nos) (?:vues|abonnes|followers|engagement|portee|visibilite|likes)|"
    r"(?:increase|boost|get more) (?:my |your )?(?:views|reach|followers|likes|subs|subscribers)|"
    r"grow (?:on|my|an?|your|from|to|past|fast\w*|quick\w*)\b|appareil(?: photo)?|objectif photo|tripod|trepied|"
    r"(?:compte|account|chaine|channel|insta|instagram|ig|tiktok|youtube|page)\b[^.?!\n]{0,25}\b(?:bloque\w*|"
    r"suspendu\w*|banni\w*|pirate\w*|hacke\w*|"
    r"desactive\w*|supprime\w*|locked|suspended|banned|hacked|disabled|deleted|restricted)|"
    r"(?:recover|restore|unlock|unban|debloquer|recuperer|retrouver|reactiver)\b[^.?!\n]{0,25}\b(?:compte|account|"
    r"chaine|channel)|debloquer|get (?:my|our) (?:account|insta\w*|ig|tiktok|youtube|channel|page) back|"
    f"{HACKED}|"
    r"stress\w*|anxi\w*|angoiss\w*|confiance en (?:moi|soi)|self[- ]confidence|"
    r"mental health|sante mentale|nervous|nerveu\w*|hate comments?|haters?|commentaires? haineux|harcelement|"
    r"coms? (?:mechants?|haineux)|commentaires? mechants?|mean comments?|m'a bloquee?|blocked me|"
    r"harass\w*|cyber-?bully\w*|cyberharcelement|trolls?|"
    # editing software in trouble: "my laptop keeps crashing when I export 4k in premiere"
    r"premiere pro|in premiere|sur premiere|final cut|davinci|keeps? crashing|crash\w* (?:when|quand)|"
    r"(?:plante|bug\w*) (?:quand|a chaque|when)|"
    # a milestone of followers: "how do I get my first 1000 followers"
    r"(?:get|reach|hit|gain|atteindre|avoir|passer|gagner|grow to) (?:my |mes |les |the |to |a )?(?:first |premiers? )?"
    r"\d+ ?k? (?:followers|abonnes|subs|subscribers|views|vues))"
)
# Money beside the domain: earning from the platform itself (ad revenue, creator funds), or buying something for
# oneself ("negotiate a lower price on a sofa"). Off-topic unless a deal word comes with it.
_HAGGLE_AND_VIEWS = (
    r"(?:negotiat\w*|negoci\w*|haggle|marchander|bargain)\b[^.?!\n]{0,40}\b(?:lower|cheaper|discount|moins cher|"
    r"baisser|rabais|remise|reduction|rent|loyer|landlord|proprio\w*|bailleur|salary|salaire|raise|car|voiture|"
    r"sofa|canape|house|maison|apartment|appartement|mortgage|phone plan|forfait|ring ?light|camera|appareil|"
    r"micro|mic|laptop|ordi\w*|leboncoin|vinted|ebay|marketplace|craigslist|second[- ]hand|occasion)\b|"
    # what a platform pays for views: "how much does youtube pay per 1000 views", "cb pour 1M de vues"
    r"\b(?:pay|pays|paid|paie\w*|paye\w*|rapporte\w*|verse\w*|earn\w*|gagne\w*|make|makes)\b[^.?!\n]{0,40}?"
    r"\b(?:per|par|pour|for|every|chaque)\s+(?:\d[\d\s.,]*\s?(?:millions?|mille|k|"
    r"m|000)?|un million|a million|million|mille|a thousand)"
    r"\s*(?:de\s+)?(?:views|vues|streams|ecoutes|plays)\b"
)
# A purchase haggled over, or what a platform pays per views: no deal, whoever "offers" ("le mec en veut 60€").
HAGGLE_OR_VIEWS = _rx(_HAGGLE_AND_VIEWS)
PLATFORM_MONEY = _rx(
    _HAGGLE_AND_VIEWS + r"|"
    r"\b(?:programme?|program|fonds|fund) (?:de |of )?(?:remuneration|monetisation|monetization|createurs?|creators?)"
    r"\s+(?:de |on |sur )?(?:youtube|tiktok|instagram|facebook|twitch|snap\w*)|"
    r"\b(?:pubs?|ads|adsense|monetisation|monetization|revenus? publicitaires?|ad revenue|partner program|"
    r"programme partenaire|creator fund|fonds (?:des )?createurs|creator rewards|rpm|cpm)\s+(?:(?:de|on|sur)\s+)?"
    r"(?:youtube|tiktok|instagram|facebook|twitch|snap\w*)|\b(?:youtube|tiktok|twitch) (?:ads|adsense|pubs?|"
    r"monetisation|monetization|partner program|creator fund|creator rewards|creativity program|rewards program)\b|"
    # gifts in a live, paid out by the platform: "les cadeaux en live tiktok (les roses…) en euros"
    r"\b(?:cadeaux|gifts?) (?:en |on |in |during |pendant )?(?:a |un |le |les |my |mes )?lives?\b|\blive gifts?\b|"
    # paying the platform for a badge: "is Meta Verified worth paying for?"
    r"\b(?:meta verified|verified (?:subscription|badge)|twitter blue|x premium|abonnement (?:meta )?verified)\b|"
    r"\badsense\b"
)
# What makes a message about a deal whatever else it speaks of (money alone does not: see PLATFORM_MONEY).
STRONG_DEAL = _rx(
    r"\b(?:brands?|marques?|collabs?|collaborations?|partenariats?|partnerships?|sponso\w*|ambassad\w*|ugc|"
    r"contrats?|contracts?|offres?|offers?|deals?|agences?|agency|#ad|#pub|affili\w*|commission\w*|gifts?|gifted|"
    r"law|loi|legal\w*|tax\w*|impots?|scams?|arnaques?|disclos\w*)\b"
)
NEGATOR_BEFORE = re.compile(
    r"(?:\bsans|\bwithout|\bno|\bpas de|\bpas d'|\bnot|\baucune?|\bnever|\bjamais)\s+"
    # "sans payer de pub", "without paying for ads": the verb between keeps the negation on its object
    r"(?:(?:payer|paying|pay|acheter|buying|buy|faire|running|run)\s(?:de |d'|des |for |any |an? )?)?$"
)
NEGATION_REACH = 24  # characters before a word where its negation is looked for
STRONG_WORDS = (
    r"\b(?:brands?|marques?|collabs?|collaborations?|partenariats?|partnerships?|sponso\w*|ambassad\w*|ugc|"
    r"contrats?|contracts?|paid|paye\w*|payer|remun\w*|fees?|tarifs?|rates?|prix|price|money|argent|gifts?|gifted|"
    r"offres?|offers?|deals?|agences?|agency|#ad|#pub|pub|publicit\w*|ads?|disclos\w*|law|loi|legal\w*|tax\w*|"
    r"ftc|asa|cma|arpp|dgccrf|#sp|#spon\w*|#gifted|#partenariat\w*|#collab\w*|"
    r"impots?|scams?|arnaques?|affili\w*|commission\w*|monetis\w*|monetiz\w*|revenus?|income)\b"
)
AMOUNT = rf"\b{EURO_E}\b|\b\d+ ?(?:euros?|balles|bucks|dollars?|pounds?)\b|\d ?[€$£]|[€$£] ?\d"
STRONG_DOMAIN = _rx(f"{STRONG_WORDS}|{AMOUNT}")
AMOUNT_RX = _rx(AMOUNT)
# Buying gear: an amount with it is a price tag, not a fee ("which camera for 400€?").
GEAR = _rx(
    r"\b(?:appareil(?: photo)?|camera|cam|objectif|lens|micro(?:phone)?|mic|ring ?light|tripod|trepied|gimbal|"
    r"stabili[sz]ateur|iphone|smartphone|telephone|phone|laptop|ordi(?:nateur)?|drone|gopro|eclairage|lighting|"
    r"softbox)\b"
)

# --- offers ------------------------------------------------------------------------------------------------------
# The brand speaking: "we'd love", "our brand", "nous aimerions", "votre communauté", a greeting, a sign-off.
BRAND_VOICE = _rx(
    r"\b(?:we(?:'d| would| are| re|'re| will|'ll| can| offer| love| have| believe| think| want| saw| came| noticed)|"
    r"our (?:\w+ )?(?:brand|team|company|products?|new|collection|campaign|agency|client|latest|program(?:me)?)|"
    r"(?:would|'d) love (?:to|you)|interested in (?:this|a|our|working)|"
    r"us\b|nous (?:aimerions|sommes|souhaitons|proposons|offrons|vous|serions|avons|recherchons|cherchons)|"
    r"notre (?:marque|equipe|societe|entreprise|agence|client|nouvelle?|collection|campagne|programme)|nos produits|"
    r"(?:aimerions|adorerions|souhaiterions|voudrions) (?:vous|te|collaborer|travailler)|"
    r"votre (?:compte|profil|contenu|communaute|univers|feed|travail|page)|your (?:account|profile|content|"
    r"community|feed|page|work|audience)|ton (?:compte|profil|contenu|univers|feed)|ta (?:communaute|page)|"
    r"(?:would|will) you be|seriez[- ]vous|serais[- ]tu|are you (?:interested|open|available)|"
    r"reaching out (?:from|on behalf)|on behalf of|(?:i'm|i am) \w+ (?:from|at) |"
    r"je suis \w+ (?:de )?(?:chez|de l'agence)|"
    r"(?:je vous|je te) contacte (?:de la part|pour)|de la part de (?:la marque|l'agence|notre)|"
    r"(?:etes[- ]vous|es[- ]tu) (?:interesse|partant|ouvert|disponible)|interested\?|interesse(?:e)?\s?\?)"
)
SIGN_OFF = _rx(
    r"\n[^\S\n]*(?:best|best regards|kind regards|regards|cheers|thanks|many thanks|warmly|xoxo|cordialement|"
    r"bien a (?:vous|toi)|belle journee|bonne journee|a tres vite|a bientot|bisous|l'equipe|the [\w ]{1,25} team|"
    r"team [\w ]{1,25})\b"
)
EMAIL_HEADERS = _rx(
    r"^(?:from|de|subject|objet|sujet|to|a|date|envoye)\s?:",
)
# The creator speaking of an offer: "a brand offered me", "on me propose", "they want me to", "j'ai reçu".
ARTICLE_FRAME = _rx(
    r"\b(?:an?|the|une?|la|le|this|cette|ce)\s+(?:\w+\s+)?\w+\s+(?:offered|offers|proposed|wants|wanted|asked|asks|"
    r"sent|dm'?e?d|messaged|contacted|is offering|is asking|would like|me propose|m'a propose|me demande|m'a demande|"
    r"m'offre|m'a offert|m'envoie|m'a envoye|m'a (?:contacte|approche|invite)(?:e|s|es)?|m'a ecrit|veut|voudrait|"
    r"me dit|m'a dit|approached me|reached out)\b"
)
CREATOR_FRAME = _rx(
    r"\b(?:they're|theyre|they are|they've been) (?:only |just |also |now |still |even )?"
    r"(?:asking|offering|proposing|sending|paying|giving|inviting|gifting)\b|"
    r"(?:\b(?:brand|marque|agency|agence|company|boite|entreprise|they|they've|ils|elles|she|he|elle|"
    r"il|someone|quelqu'un|une? marque|the brand|la marque|l'agence|the agency|"
    # the brand of a deal under way: "the brand I'm working with wants…", "la marque avec qui je bosse veut…"
    r"(?:brand|marque|agency|agence|client) (?:(?:that|who|qui|que|avec qui|with whom|pour qui) )?"
    r"(?:i'm|i am|i|je|j') ?(?:\w+ ){0,1}(?:working|work|worked|partnered|collaborating|bosse|travaille|collabore|"
    r"fais|ai signe|signed)(?: with| avec)?)\s+"
    r"(?:(?!(?:but|mais|and|et|i|je|j|if|si|when|quand|or|ou)\b)[\w']+\s+){0,3}?"
    r"(?:offered|offers|offer|offering|proposed|proposes|wants|want|wanted|asked|asks|ask|sent|sends|dm'?e?d|messaged|"
    r"hit me up|hits me up|slid into my dms?|wrote|emailed|texted|"
    r"paying|pays|inviting|sending|gifting|"
    r"contacted|told|is offering|are offering|is asking|are asking|would like|me propose|me proposent|m'a propose|"
    r"m'ont propose|me demande|me demandent|m'a demande|m'ont demande|m'offre|m'offrent|m'a offert|m'envoie|"
    r"m'a envoye|m'(?:a|ont) (?:contacte|approche|invite)(?:e|s|es)?|m'a ecrit|veut|veulent|voudrait|voudraient|"
    r"me dit|m'a dit|says|said|approached me|reached out|"
    r"invited me|invites me|m'invite|m'invitent|"
    # coming back with new terms: "la marque revient vers moi avec 300€", "they got back to me"
    r"revient vers moi|reviennent vers moi|came back|come back|comes back|got back to me|recontacte|m'a recontacte)\b|"
    # "on m'a dit que la loi…" is hearsay, not an offer
    r"\b(?:on me (?:propose|demande|offre|dit)|on m'(?:a(?! dit\b| parle\b)|offre|propose|demande)|"
    r"(?:je me|jme|j'me) suis fait (?:contacter|approcher|dm)|i (?:got|was|'ve been) (?:contacted|approached|dm'?e?d|"
    r"messaged) by|"
    r"i(?:'ve| have)? been (?:approached|contacted|reached out to|sent|offered|asked|pitched|invited)|"
    r"i (?:was|got) (?:sent|pitched|invited)\b|"
    r"i (?:got|received|have (?:an?|this) (?:offer|brand|deal|dm|email|proposal)|was offered|"
    r"was asked|just got)|i've (?:got|been offered|been asked|received)|j'ai (?:recu|eu) (?:une|un)|"
    r"je viens de recevoir|got (?:a|an) (?:dm|offer|email|mail|message|deal|proposal)|"
    r"(?:dm|offer|email|mail|message|deal|proposal) from|(?:un|une) (?:dm|mail|message|proposition|offre) d(?:e|')|"
    # an offer in the passive or under way: "got offered 200", "je bosse avec une marque qui…", "they're gonna pay"
    r"(?<!you've )(?<!you have )(?<!you )(?<!you're )(?:got|been|was|were|get|gets) "
    r"(?:offered|proposed|pitched|invited|approached|contacted)|"
    # "got a brand asking for raw footage", "j'ai une marque qui veut…": the creator has this brand on their hands
    r"(?:i've got|i got|got|i have|there's|j'ai) (?:a|an|this|une|un|cette) (?:\w+ )?(?:brand|company|agency|client|"
    r"marque|agence|boite|entreprise) (?:(?:that|who|qui) )?(?:asking|offering|wanting|wants|paying|sending|inviting|"
    r"veut|propose|demande|m'offre|me paie)|"
    r"(?:je bosse|je travaille|je collabore|i'm working|i am working|i work|i'm partnered|i signed|j'ai signe|"
    r"i'm negotiating|i am negotiating|je negocie) (?:avec|with) (?:une?|a|an|the|la|le|cette|ce|this|my|ma|mon) "
    r"(?:[\w'-]+ ){0,2}?(?:marque|brand|agence|agency|boite|company|entreprise|client)|"
    r"(?:une? marque|a brand|the brand|la marque|l'agence|the agency) (?:qui|that|who) (?:me|m') ?"
    r"(?:paie|paye|paient|payent|pays|paid|owes|doit|devait|a paye)|"
    r"(?:they|ils|elles|the brand|la marque)(?:'ll| will| would|'d|'re gonna|'re going to| are gonna| are going to|"
    r" vont| va)?(?: only| just| also| still| now)? (?:me )?(?:pay|paient|payent|payer|offer|offrent|offrir|give|"
    r"promise|promised|promises|"
    r"donnent)))"
)
OFFER_TERMS = _rx(
    r"\d[\d\s.,]{0,12}+\s?(?:k\b)?\s?(?:€|\$|£|eur\b|euros?\b|dollars?\b|pounds?\b|livres?\b|balles\b)|[€$£]\s?\d|"
    r"\b(?:\d+|un|une|deux|trois|quatre|cinq|one|two|three|four|five|a)\s+(?:reels?|posts?|stories|story|videos?|"
    r"tiktoks?|shorts?|publications?|carrousels?|carousels?|unboxings?)\b|\b(?:gifted|gift|cadeau|offert|free product|"
    r"produit gratuit|produits gratuits|en echange|in exchange|exclusivit\w*|exclusive|exclus?|commission|affiliat\w*|"
    r"code promo|promo code|usage rights?|droits?|perpetu\w*|a vie|forever|starter kit|kit|ambassad\w*|gratuit\w*|"
    r"gratos|for free|free of charge|sans obligation|no obligation|"
    r"whitelisting|paid ads|sponsored|sponso|competitors?|concurren\w*|"
    r"other (?:\w+ )?brands?|autres? (?:\w+ )?marques?)\b|"
    # how long a term binds: "for 2 years", "pendant 6 mois"
    r"\b(?:for|pendant|during|sur|over) \d+ (?:years?|months?|ans?|annees?|mois|weeks?|semaines?)\b"
)
MONEY = _rx(
    r"\d[\d\s.,]{0,12}+\s?(?:k\b)?\s?(?:€|\$|£|eur\b|euros?\b|dollars?\b|pounds?\b|livres?\b|balles\b|cad\b|chf\b|"
    r"usd\b|gbp\b|bucks\b)|[€$£]\s?\d|"
    # a bare sum for a format ("200 for a reel") or offered ("they offered 300"): no currency needed
    r"\b\d{2,6} (?:for|pour|per|par|the|le|la) (?:(?:a|an|one|un|une|\d+) )?(?:reels?|posts?|stories|story|videos?|"
    r"tiktoks?|shorts?|integrations?)\b|"
    r"\b(?:offered|offer|offers|offering|propose\w*|pay|pays|paid|paie\w*|paye\w*|give|gives) (?:me |moi )?\d{2,6}\b"
    r"(?! ?(?:k\b|followers|abonnes|subs|views|vues|%|jours|days|mois|months))"
)
DELIVERABLE = _rx(
    r"\b(?:\d+|un|une|deux|trois|quatre|cinq|one|two|three|four|five|a|la|le|par|per|each|the)\s+(?:reels?|posts?|"
    r"stories|story|videos?|tiktoks?|shorts?|publications?|carrousels?|carousels?|unboxings?|(?:\d+ ?s )?"
    r"integrations?|segments?|dedicated videos?)\b"
)
# Pieces traded for a product, as a fee is for money: "2 reels + 5 stories for a free sweatshirt", "3 tiktoks contre
# des produits offerts", "free hoodie in exchange for a reel".
GIFT_TRADE = _rx(
    r"\b(?:for|contre|in exchange for|en echange d\w*|against)\s+(?:a |an |une? |des |the |some |their |leur |leurs |"
    r"du |de la )?(?:free|gratuit\w*|offert\w*|gifted|products?|produits?)\b|"
    r"\b(?:free|gratuit\w*|offert\w*|gifted)\b[^.?!\n]{0,30}\b(?:for|contre|in exchange for|en echange d\w*)\s+"
    r"(?:\d+|une?|a|an|one|two|deux|three|trois)\s"
)
# A business making the creator an offer, named by what it is ("un site de paris en ligne veut me sponso", "a
# restaurant near me invited me"): the subject is a business, the verb an offer or an ask made to the creator.
BUSINESS_FRAME = _rx(
    r"\b(?:site|app|appli|application|startup|start-up|shop|boutique|magasin|store|resto|restau|restaurant|hotel|salon|"
    r"bistrot?|brasserie|boulangerie|clinique|clinic|institut|coiffeur|"
    r"spa|bar|cafe|gym|salle|label|studio|club|casino|bookmaker|e-?shop|e-?commerce|company|entreprise|societe|"
    r"boite|marque|brand|agence|agency|client|cliente|sponsor)\s+"
    r"(?:(?!(?:but|mais|and|et|i|je|j|if|si|when|quand|or|ou|que|that)\b)[\w'-]+\s+){0,5}?"
    r"(?:veut|veulent|voudrait|voudraient|propose|proposent|me propose|me proposent|me paie|me paye|me paient|"
    r"m'invite|m'invitent|me demande|me demandent|m'offre|"
    r"m'offrent|m'(?:a|ont) (?:propose|offert|invite|demande|contacte|approche|ecrit|dm|dm'?e?)(?:e|s|es)?|wants|"
    r"want|offers|offered|offering|approached me|"
    r"invited me|invites me|asked me|asks me|is offering|would like|dm'?e?d me|messaged me|contacted me|"
    r"reached out)\b(?! dire\b)"
)
# Whoever the giver is (a brand's own name, "my manager", "the hotel"), a verb of giving or paying aimed at the
# creator tells one offer: "Kooki Snacks wants to gift me a box", "the hotel is inviting me", "ils me doivent 400€",
# "elle veut m'envoyer". Under "if" or "when" it is only supposed (see `_framed`).
TO_ME_FRAME = _rx(
    r"\b(?:wants?|wanted|would like|'d like|would|'d|is going|are going|gonna|will|'ll|offered|offers|agreed|promised|"
    r"(?:is|are|was|were) (?:happy|willing|ready))(?: to)? (?:gift|send|pay|give|offer|invite|sponsor|hire|fly|host|"
    r"feature|ship|comp|cover)\s+me\b|"
    r"\b(?:is|are|'s|'re|was|were) (?:\w+ )?(?:paying|inviting|sending|giving|gifting|offering|flying|hosting|"
    r"sponsoring|hiring)\s+me\b|"
    r"\b(?:owes?|owed) me\b|"
    # "my friend's brand is asking me to do a shoutout": an ask for content made to the creator
    r"\b(?:is|are|'s|'re|was|were|keeps?) (?:\w+ )?asking me to (?:do|post|make|film|shoot|wear|promote|feature|"
    r"create|review|try|mention|tag|share)\b|\b(?:me|m') ?(?:doi(?:t|vent)|devai(?:t|ent))\b|"
    # French puts the creator before a finite verb: "la marque me paie 300€", "ils me versent", "elle m'offrira"
    # (not "je me paie", "tu me proposes", nor an infinitive after a modal: "doit me payer combien ?")
    r"(?<!\bje )(?<!\btu )(?<!\bvous )(?<!\bj')\b(?:me|m') ?(?:pai(?:e|ent|era|eront|erait)|pay(?:e|ent|era|eront)|"
    r"vers(?:e|ent|era|eront)|donn(?:e|ent|era|eront)|offr(?:e|ent|ira|iront)|envoi(?:e|ent|era|eront)|"
    r"fil(?:e|ent|era)|rembours(?:e|ent|era)|remuner(?:e|ent|era))\b|"
    r"\b(?:veut|veulent|voudrait|voudraient|voulait|va|vont|propose|proposent|a propose|ont propose|accepte|"
    r"acceptent)(?: de| d')? ?(?:m'(?:offrir|envoyer|inviter|heberger|sponsoriser)|me (?:payer|donner|verser|"
    r"sponsoriser|remunerer|rembourser|filer|offrir|envoyer))\b"
)
# The creator's own deal, named as theirs: "my first paid collab: 300 dollars", "mon contrat avec eux, 400€", "j'ai
# un deal en cours avec une appli", "j'ai 3 propositions". One offer with an amount (see `understand`).
OWN_DEAL = _rx(
    # one deal, the creator's: "mes contrats" are deals in general ("la TPS sur mes contrats ?")
    r"\b(?:my|mon|ma) (?:\w+ )?(?:paid |payee? |brand |first |new |premier |premiere |nouveau |nouvelle )?"
    r"(?:collab|collaboration|deal|contrat|contract|partenariat|partnership|sponsorship|sponso|brand deal|campaign|"
    r"campagne)\b|"
    r"\b(?:j'ai|jai|i have|i've got|i got|i've|i signed|j'ai signe) (?:un|une|a|an|\d+|deux|trois|quatre|two|three|"
    r"four|several|plusieurs) (?:\w+ )?(?:deals?|contrats?|contracts?|partenariats?|partnerships?|collabs?|"
    r"propositions?|offres?|offers?|proposals?)\b"
)
# The creator quoting the offer's own document ("their contract says «…»", "dans leur contrat il y a écrit").
DOCUMENT_FRAME = _rx(
    r"\b(?:their|leur|leurs|dans (?:leur|le|son|ce)|in (?:their|the|this)|the|this|le|ce|son|sa)\s+"
    r"(?:contrat|contract|brief|offre|offer|mail|email|dm|message|proposition|proposal|clauses?|conditions|terms)\b"
    r"[^.?!\n]{0,30}\b(?:says?|said|dit|indique|stipule|mentionne|precise|il y a|there'?s|has|contains|prevoit|"
    r"requires?|demande|impose|ecrit|states?|reads?)\b"
)
QUOTATION = re.compile(r"[\"«“'‘][^\"»”'’]{12,}[\"»”'’]")
# "Can a brand ask me to…?", "une marque a-t-elle le droit de…": a general question about what brands may do,
# not an offer the creator received (unless it names the offer's terms: an amount).
HYPOTHETICAL = _rx(
    r"^\s*(?:can|could|may|is it (?:legal|ok|okay|normal|allowed) for|are (?:brands|companies|agencies) allowed|"
    r"do (?:brands|companies|agencies) have the right|est[- ]ce qu'une? (?:marque|agence|entreprise|boite) "
    r"(?:peut|a le droit)|une? (?:marque|agence|entreprise) (?:peut|a[- ]t[- ]elle le droit|a le droit)|"
    r"(?:les )?(?:marques|agences) (?:peuvent|ont le droit))\b|"
    # how to deal with a kind of brand: "comment répondre à une marque qui me propose…", "how do I reply to a brand
    # that offers…" (an indefinite brand, met in general)
    r"\b(?:comment|how (?:do|should|can|would) i|how to|que|quoi|what (?:do|should|can) i) (?:\w+ )?"
    r"(?:repondre|reply|respond|answer|dire|say|refuser|decline|turn down|negocier|negotiate|handle|gerer|deal|"
    r"reagir|react)\w*(?: (?:a|to|with|avec|face a))? (?:une?|a|an) (?:\w+ )?(?:marque|brand|agence|agency|"
    r"entreprise|company|boite|client)\b"
)
# Offers as a kind, not one offer: "I keep getting brand DMs asking…", "je reçois plein de mails de marques qui…".
HABITUAL = _rx(
    r"\b(?:keep (?:getting|receiving)|often|usually|all the time|en general|in general|generally|d'habitude|"
    r"habituellement|typically|typiquement|lots of|a lot of|tons of|so many|many|"
    r"these (?:dms|messages|emails|mails|offers|brands)|souvent|tout le temps|plein de|beaucoup de|"
    r"pas mal de|des tonnes de|ces (?:dms|messages|mails|offres|marques)|je recois (?:souvent|regulierement|plein))\b"
)
# Brands in general doing something: "brands say they want…", "les marques paient 10€ pour 1000 abonnés ?" (not
# "2 brands"): a question about the market, even with an amount in it.
GENERIC_BRANDS = _rx(
    r"(?<!\d )(?<!two )(?<!deux )\b(?:brands|companies|agencies|les marques|des marques|les agences) (?:\w+ )?"
    r"(?:say|said|tell|ask|want|keep|tend|expect|pay|give|offer|disent|demandent|veulent|proposent|offrent|"
    r"ont tendance|attendent|paient|payent|donnent)\b|"
    # "is it normal for a brand to ask for my SIN?": what any brand may do
    r"\b(?:normal|usual|common|typical|standard|ok|okay|legal|legit|courant|habituel|frequent)\s(?:for|pour|qu')\s?"
    r"(?:a|an|une?)\s(?:brand|company|agency|marque|agence|entreprise|boite)\b"
)
# "How much should I ask for 2 reels?": a rate question, not an offer, even with an amount in it.
RATE_QUESTION = _rx(
    r"\b(?:how much|combien|what (?:should|do) i (?:charge|ask)|quel (?:tarif|prix)|too much to ask|(?:my|ma|mes) "
    r"(?:rates|rate card|grille|tarifs|prix)|grille tarifaire|set(?:ting)? (?:my|your) (?:rates|prices)|"
    r"fixer (?:mes|ses|tes) (?:tarifs|prix)|en general|generalement|normalement|in general|generally|usually|"
    r"typically|on average|"
    # anyone's audience, not the creator's own offer: "when you have 6k followers", "pour un compte de 5000 abonnés"
    r"(?:when|if|once|quand|si|lorsqu'?) ?(?:you|u|on|t') ?(?:have|has|got|'ve|a|as|fait|fais) (?:only |just |juste |"
    r"seulement |about |around |like |environ |genre )?(?:\d[\d.,]*k?|an? (?:small|big|tiny)|"
    r"un (?:petit |gros )?compte|une (?:petite )?(?:audience|communaute))|"
    r"(?:for|pour) (?:a|an|un|une|any) (?:\w+ )?(?:account|page|creator|influencer|compte|createur|creatrice|"
    r"influenceu\w*)\b|(?:for|pour) (?:someone|quelqu'un) (?:with|avec|qui a|who has)\b|"
    r"en moyenne|going rate|standard rate|average (?:rate|price|fee)|tarif moyen|prix moyen|"
    r"(?:normal|fair|good|decent|correct|reasonable|usual|bon|juste|raisonnable) (?:rate|tarif|prix|price)|"
    r"(?:rate|tarif|prix|price) (?:normal|correct|juste|raisonnable|habituel)|"
    # the creator's own price: "je veux demander 200€", "I'm thinking of charging $120", "c'est trop ?", "too much"
    r"(?:i|i'm|i am|je|j') (?:\w+ ){0,3}?(?:ask(?:ing)? for|charg(?:e|ing)|quot(?:e|ing)|demander|facturer)|"
    r"je (?:facture|demande)|too much|too high|trop cher|c'est trop(?=\s*[?!])|abuse|overpric\w*|"
    r"(?:raise|augmenter) (?:it|mon|my|mes))\b"
)
OFFER_WORDS = _rx(
    r"\b(?:collab\w*|partenariat|partnership|sponsor\w*|ambassad\w*|campagne|campaign|brief|gift\w*|offert|"
    r"remuner\w*|commission|affiliat\w*|code|account|compte|copyright|droits?|contenus?|content|posts?|reels?|"
    r"stories|videos?|review|avis|rating|programme?|program|payment|paiement|pay|paie|payons|payer|payent|paient|"
    r"paying|verse\w*|"
    r"selectionne\w*|selected|chosen|choisi\w*|download|telecharg\w*|lien|link|login|connect\w*|"
    r"colis|parcels?|packages?|box|produits?|products?|echantillons?|samples?|giveaways?|concours|jeux?[- ]concours|"
    r"prize|takeover|haul|fees?|nda|cachet|say|dire|claim|claims|affirmer|pretend\w*|footage|rushs?|rushes|"
    # paying in exposure: "on peut t'offrir de la visibilité"
    r"exposure|visibilite|visibility|offrir)\b"
)
# "Should I accept?", "c'est une arnaque ?", "is this legit?", "worth it?": a verdict asked for.
ASKS_VERDICT = _rx(
    r"\b(?:should i|would you|shall i|is it worth|worth it|is (?:this|it|that) (?:a )?(?:good|fair|ok|okay|legit|"
    r"scam|normal|real|decent|reasonable|enough|low)|legit|scam|red flags?|accept|take it|say yes|go for it|"
    r"je (?:dois|devrais|peux|accepte|prends)|j'accepte|accepter|refuser|dire oui|ca vaut|vaut le coup|"
    r"c'est (?:une )?(?:arnaque|bien|correct|normal|ok|honnete|raisonnable|assez|peu|fiable|legit|louche)|arnaque|"
    r"fiable|louche|sketchy|sus|fishy|good deal|bon plan|bonne affaire|t'en penses quoi|tu en penses quoi|"
    r"qu'en penses|what do you think|thoughts|avis)\b"
)

# --- follow-ups --------------------------------------------------------------------------------------------------
FOLLOW_UP_START = _rx(
    r"^\s*(?:(?:ok|okay|okk|d'accord|d accord|dac|dacc|ah|oh|hmm+|mm+|super|cool|merci|thanks|thx|right|alright|yes|"
    r"wait|hold on|attends|attend|euh+|hm+|"
    r"oui|ouais|yeah|great|top|parfait|nice|i see|je vois|got it)[\s,.!]+)*"
    r"(?:and|et|but|mais|what about|how about|what if|if they|if she|if he|s'ils?|si (?:elle|il|ils|elles|la marque|"
    r"on|je|j')|same (?:for|question|thing|answer|rules?|if|with)|meme (?:chose|question|reponse|regle)|"
    r"pareil|idem|also|aussi|otherwise|sinon|then|"
    r"ensuite|du coup|so|donc|alors|what else|quoi d'autre|why not|pourquoi pas|and now|et maintenant|what now|"
    r"next|la suite|tell me more|dis m'en plus|en dire plus|explain|explique|for example|par exemple|example|"
    r"exemple|really|vraiment|seriously|serieux|how so|comment ca|c'est a dire|meaning|like what|genre quoi|"
    # a choice among what was just said: "lequel paye le mieux ?", "which one is safer?"
    r"lequel|laquelle|lesquel\w*|which one|which of (?:them|these|those|the two)|"
    # which of the terms just listed: "which clause would you push back on first?"
    r"which (?:clause|point|term|condition|part|issue|red flag)s?|quel(?:le)?s? (?:clause|point|condition|terme)s?)\b"
)
ANAPHORA = _rx(
    r"\b(?:it|that|this|they|them|those|these|their|he|she|him|her|one|ca|cela|ceci|celle-ci|celui-ci|ils|elles|"
    r"leur|leurs|eux|lui|y|same|meme|pareil|there|instead|plutot|too|aussi|also|then|alors|else|"
    r"autre|other|another|better|worse|mieux|pire|enough|assez|instead|plutot|rather|lequel|laquelle|"
    r"lesquel\w*|which one|which of them)\b|\bc'est\b(?! quoi)|"
    # "more" or "less" on its own ("can I ask for more?"), not before what it counts ("more followers")
    r"\b(?:more|less)\b(?=\s*(?:[?!.,;)]|$|than\b|then\b|for (?:it|that|this|them)\b))|"
    # French object pronouns, told from articles by the subject before them: "je la poste", "je l'ai ouvert"
    r"\b(?:je|j'|tu|il|elle|on|nous|vous|ils|elles|ne|n')\s*(?:le|la|les|l'|lui|leur|y|en)(?:\b|(?<=')\w)"
)
# A continuation wherever it stands: "même les produits offerts ?", "who keeps the money then?", "what would that
# look like for my account?".
CONTINUES = _rx(
    r"^\s*(?:meme|even)\b|\b(?:what would (?:that|it|this) look like|in that case|dans ce cas|ca donne quoi|"
    r"(?:then|du coup|alors|donc)\s*(?:[?!.]+|$))|"
    # the last answer applied elsewhere: "does that apply to youtube too?", "ça marche aussi pour les stories ?"
    r"\b(?:does|do|would|will|is|would) (?:that|this|it|the same|these|those) (?:also |still |even |really |only )?"
    r"(?:apply|work|count|hold|change|go|"
    r"include|cover|mean)|"
    r"\b(?:ca|cela|c'est) (?:s'applique|marche|vaut|compte|change|pareil|valable|aussi)|"
    r"\b(?:too|aussi|as well|also)\s*[?!.]*\s*$|"
    # the last draft's aim changed: "actually don't decline, ask for more money instead"
    r"\b(?:instead|a la place|plutot)\s*[?!.]*\s*$|"
    # what was just said, made precise or compared: "genre quels signes exactement ?", "is that the same as X?"
    r"\b(?:exactement|exactly|precisement|precisely|concretement|concretely|specifically)\s*[?!.]*\s*$|"
    r"\b(?:is (?:that|it|this)|c'est|ca (?:c'est|est)|est-ce que c'est) (?:the same|pareil|la meme chose|similar|"
    r"different|comme)\b|"
    # which part of what was just said weighs most: "is the usage bit the main problem or the fee?"
    r"\b(?:main|biggest|bigger|real|worst) (?:problem|issue|concern|red flag|deal-?breaker)\b|"
    r"\b(?:le )?(?:plus gros|vrai|principal) (?:probleme|souci|red flag|point noir)\b|"
    # the next step asked last: "they replied the fee is final. now what?"
    r"\b(?:now what|what now|what do i do now|what should i do now|et maintenant|je fais quoi (?:maintenant|du coup|"
    r"alors))\s*[?!.]*\s*$"
)
FOLLOW_UP_MAX_WORDS = 14
FOLLOW_UP_LONG_WORDS = 17  # past it, a message with its own words is searched better as a question of its own
# A longer message continues the last one only when it opens as "and…" ("merci ! et du coup je leur envoie quoi
# comme facture ?"); "si je les porte en story, je dois le dire ?" is a question of its own.
LONG_CONTINUATION = _rx(
    r"^\s*(?:(?:ok|okay|merci|thanks|thx|cool|super|ah|oh|yeah|oui|ouais|d'accord|parfait|great)[\s,.!]+)*"
    r"(?:and|et|but|mais|du coup|so|donc|alors)\b"
)
# The last answer acknowledged as right, in a sentence of its own: what follows replies to it.
ACKNOWLEDGED = _rx(
    r"^\s*(?:(?:yeah|yes|yep|ok|okay|ah|oh|right|ouais|oui|ah ok|d'accord|ok merci|thanks|merci)[\s,!]*)*"
    r"(?:that'?s what i (?:thought|figured)|thats what i (?:thought|figured)|i (?:thought|figured) so|makes sense|"
    r"that makes sense|fair enough|i knew it|c'est ce que je (?:pensais|me disais)|je m'en doutais|logique|"
    r"ca se tient|je me disais aussi)(?:[\s,!]*(?:lol|mdr|haha\w*|ptdr))*\s*[.!]+\s*"
)
# Asking how to word what was just advised.
PHRASING = _rx(
    r"\bhow (?:do|should|can|would) i (?:phrase|word|formulate|put|say) (?:it|that|this|the|my)\b|"
    r"\bcomment (?:je )?(?:le |la |l'|les )?(?:formuler|formule|tourner|tourne|dire|dis)\b"
)
# A judgement of "that": a few words, a pronoun pointing back, a verdict word ("c'est légal ça au moins ?").
SHORT_JUDGEMENT = _rx(
    r"^\s*(?:(?:wait|but|mais|et|and|so|donc|ok)[\s,]+)?(?:c'est|is (?:that|it|this)|that's|it's|ca (?:c'est|est)|"
    r"est[- ]ce que c'est|is this)\s+(?:\w+\s+)?(?:legal|illegal|normal|ok|okay|fair|enough|assez|correct|honnete|"
    r"legit|risky|risque|safe|grave|allowed|autorise|interdit|banned|common|courant|standard|bien|good|bad|"
    r"reasonable|raisonnable)\b[^?]*\b(?:ca|cela|that|this|it|au moins|though|even|vraiment|really)\b|"
    r"^\s*(?:is (?:that|it|this)|c'est) (?:even|vraiment|really|seulement|meme) \w+"
)
SHORT_JUDGEMENT_WORDS = 7
# The last answer worked on again: "write it in English", "make that shorter", "tu peux me le traduire ?".
REDO_IT = _rx(
    r"\b(?:write|say|put|translate|rewrite|reword|rephrase|phrase|send|summari[sz]e|shorten|make|turn) (?:it|that|this|"
    r"them|those)\b|"
    # "ecris-le en anglais plutôt", "now in french pls": the same draft in the other language
    r"\b(?:ecris|reecris|redige|refais|traduis|fais)[- ](?:le|la|les|moi|-le|-la)\b|"
    r"^\s*(?:(?:now|maintenant|ok|and|et|same|pareil|meme chose)\s)*(?:in|en) (?:french|english|francais|anglais)"
    r"(?:\s(?:pls|please|plz|stp|svp|now|maintenant|too|aussi))*[\s!?.]*$|"
    # the answer named: "could you translate your answer to french", "tu peux me résumer les 3 points ?"
    r"\b(?:translate|rewrite|reword|rephrase|summari[sz]e|shorten|traduire|traduis|reecrire|reformuler|resumer|resume)"
    r" (?:me )?(?:your|ta|ton|tes|the|la|le|les|this|that|ce|cette|ca|tout|everything) ?(?:\d+ )?(?:answer|reply|"
    r"response|message|text|draft|mail|email|points?|reponse|texte|brouillon|conseils?|tips)?\b|"
    # the draft made again another way: "tu peux la faire en anglais ?", "plus court stp", "shorter pls"
    r"\b(?:l'|le |la |les )(?:faire|refaire) (?:en (?:anglais|francais|english|french|espagnol|allemand)|plus "
    r"(?:court|courte|long|longue|simple|pro|formel\w*|poli\w*|cool|sympa|direct\w*))\b|"
    r"^(?:en )?plus (?:court|courte|simple|formel\w*|poli\w*|pro|cool|sympa|direct\w*|chaleureu\w*)\b|"
    r"^(?:shorter|simpler|more (?:formal|casual|polite|direct|friendly)|less (?:formal|stiff|long))\b|"
    # the same draft in another language: "version en anglais stp", "english version pls", "in english please"
    r"^(?:(?:une|la|the|an?) )?(?:version (?:en |in )?(?:anglais|francais|english|french|espagnol|spanish)|"
    r"(?:english|french|anglaise|francaise) version|(?:en|in) (?:anglais|english|francais|french))\b|"
    r"\b(?:me |nous )?(?:l'|le |la |les )(?:ecrire|reecrire|dire|traduire|reformuler|resumer|envoyer|mettre|"
    r"rediger|raccourcir|refaire|formuler)\b|"
    # "tu peux me refaire une réponse plus courte ?", "redo the reply in a chill tone"
    r"\b(?:refaire|refais|reecrire|reecris|redo|rewrite)\s+(?:une?|a|the|la|le|ta|ton|your|that|this|cette|ce)\s+"
    r"(?:\w+ )?(?:reponse|version|message|mail|email|reply|answer|draft|brouillon)\b|"
    # the imperative: "écris-le en anglais", "traduis-la", "fais-le plus court"
    r"\b(?:ecris|redige|traduis|reformule|resume|envoie|mets|raccourcis|refais|formule|fais|ecrivez|traduisez|"
    r"reformulez|refaites|faites)-(?:le|la|les|moi|nous)\b"
)
REDO_WORDS = 9
REDO_AT = 25  # "tu peux me le refaire en plus court, c'est pour un DM insta": the rework asked first, then why
REDO_MAX_WORDS = 20
# The last draft edited: "rajoute que je vais appliquer les pénalités", "add that I need net 30", "enlève la fin".
EDIT_IT = _rx(
    r"^\s*(?:(?:ok|okay|et|and|stp|please|pls|parfait|super|top|great|cool)[\s,!.]+)*(?:peux[- ]tu |tu peux |can you |"
    r"could you |can u )?(?:rajoute\w*|ajoute\w*|enleve\w*|retire\w*|supprime\w*|precise\w*|mentionne\w*|remplace\w*|"
    r"add|remove|include|mention|drop|replace|cut)\b"
)
# "is that legal?", "c'est normal ?", "is it enough?": a few words judging what the previous message said.
SHORT_PREDICATE = _rx(
    r"^\s*(?:is|isn't|was|would|will|does|is this|c'est|ca|cela|that's|it's|est[- ]ce)\s*(?:that|it|this|ca)?\b"
)
SHORT_PREDICATE_WORDS = 4
FIRST_SENTENCE = re.compile(r"^\s*([^.?!]+[?!])\s+\S")
COUNTRY_ONLY_WORDS = 8  # "oh and i'm based in london" adds where the creator is to the previous question
SELF_PLACE = _rx(
    r"\b(?:i'?m|i am|i live|living|based|je suis|jsuis|chui|j'habite|je vis|je bosse|moi c'est|from|here|ici)\b"
)
FOLLOW_UP_ANAPHORA_WORDS = 12  # "should I put the prices on it or keep them private?"
FOLLOW_UP_SHORT = 5  # "how much is normal?": a message this short with no topic of its own continues the last one
# "Et sinon", "by the way", "autre question": the creator changes the subject.
TOPIC_CHANGE = _rx(
    r"^\s*(?:(?:ok|okay|d'accord|merci|thanks|thx|cool|super|top|parfait|great)[^\w']+)*(?:et |and |also |but |mais |"
    r"aussi )?(?:sinon|au fait|autre question|une autre question|another question|btw|by the way|new question|"
    r"nouvelle question|changement de sujet|different question|unrelated|rien a voir|random (?:but|q|question)|"
    r"(?:totally |completely |a )?different (?:q|topic|subject)|autre chose|autre sujet)\b"
)
# Asking for what was just said, worked out: "give me an example", "tu peux me donner un modèle ?".
GIVE_ME = _rx(
    r"\b(?:give me|show me|send me|donne[- ]moi|donnez[- ]moi|montre[- ]moi|me (?:donner|montrer|filer|faire)|"
    r"(?:can|could|would) you|tu peux|peux[- ]tu|pourrais[- ]tu|vous pouvez|pouvez[- ]vous|for me|pour moi)\b"
)
# Words a message asks with, not a topic it names: a follow-up may use them ("combien ?", "ça se facture combien ?",
# "and if they refuse?").
ASKING_WORDS = re.compile(
    r"(?:how much|combien|charge\w*|factur\w*|pa(?:y|ie|ye)\w*|prix|price\w*|tarifs?|rates?|fees?|money|argent|"
    r"budget|accept\w*|refus\w*|decline|negoci\w*|negotiat\w*|counter|contre[- ]?proposition|\d.*)"
)
# Asking for the next step or a worked example of what was just said: "give me a template", "je fais quoi
# maintenant ?". With no topic of its own, it continues the previous message.
NEXT_ASK = _rx(
    r"\b(?:exemples?|examples?|templates?|modeles?|samples?|scripts?|wording|formulation|message type|"
    r"what (?:do|should|can) i (?:do|say|write|answer|reply|send|look at|check)|(?:je|j'|on) (?:fais|fait|dis|ecris|"
    r"reponds|envoie|regarde|verifie|checke?) quoi|(?:que|quoi) (?:faire|dire|repondre|ecrire)|what now|now what|"
    r"what next|et maintenant|next steps?|"
    r"prochaine etape|la suite|"
    # writing it for the creator: "can you draft a reply for me?", "tu peux me rédiger la réponse ?"
    r"(?:draft|write|redige\w*|ecri\w*|prepare\w*)\s+(?:me |moi )?(?:a |an |the |my |une |un |la |le |ma |mon )?"
    r"(?:reply|response|answer|message|email|mail|reponse|counter\w*|contre-?proposition))\b"
)
# A reply to be written: to the offer just told, whatever amount it names ("tu peux me rédiger une réponse pour
# négocier à 550$ ?", "can you write the reply for me? something polite asking for an actual fee").
DRAFT_REPLY = _rx(
    r"\b(?:draft|write|redige\w*|ecri\w*|prepare\w*)\s+(?:me |moi )?(?:a |an |the |my |une |la |ma )?"
    r"(?:reply|response|answer|reponse|counter\w*|contre-?proposition)\b"
)
# Asking what the coach meant: "jcomprends pas ce que tu veux dire par droits d'usage", "what do you mean by net 30?"
MEANT = _rx(r"\b(?:tu veux dire|veux-tu dire|vous voulez dire|what do you mean|what did you mean|you mean)\b")

# --- red flags in a question -------------------------------------------------------------------------------------
PAY_TO_JOIN = _rx(
    # "paid" as an adjective ("the paid promotion box", "a paid partnership") is the creator being paid, not paying.
    r"\b(?:pay|paying|paid(?! (?:promotions?|promos?|partnerships?|posts?|ads?|adverts?|content|collabs?|"
    r"collaborations?|deals?|sponsorships?|placements?|campaigns?|gigs?|work|jobs?|reviews?|videos?|stories|reels?|"
    r"social|media|usage|amplification|boost\w*|whitelisting|search|placement|features?|mentions?|shout-?outs?|"
    r"integrations?|segments?|spots?|opportunit\w*))|payer|"
    r"paye[rsz]?|payant|regler|verser|vire[rsz]?|virement|acheter|achete[rsz]?|buy|"
    r"buying|purchase|command\w*|order|avancer|debourser|sortir)\b[^.?!\n]{0,50}?(?:\b(?:kit|"
    r"starter|ambassad\w*|inscription|registration|"
    r"sign[- ]?up|join|joining|rejoindre|membership|adhesion|abonnement|subscription|frais|fee|fees|deposit|acompte|"
    r"caution|formation|training|course|programme?|program|shipping|livraison|port|envoi|postage|produits?|"
    r"products?|collection|pack|box|echantillons?|samples?|verification|colis|parcel|assurance|insurance|"
    r"assurer|insure)\b)|"
    r"\b(?:frais|fees?|deposit|acompte)\s+(?:d'|de |of |for )?(?:inscription|registration|entree|entry|dossier|"
    r"activation|ambassad\w*|membership|adhesion|port|shipping)\b|"
    r"\b(?:kit|starter kit|pack)\s+(?:ambassad\w*|de demarrage|starter)\b[^.?!\n]{0,40}(?:€|\$|£|\d)|"
    # the product bought first, refunded later: "ils veulent que je paye le maillot 35€ avant, remboursé après"
    r"\b(?:pay|paying|payer|paye[rsz]?|acheter|achete[rsz]?|buy|buying|avancer)\b[^.?!\n]{0,50}\b(?:avant|first|"
    r"upfront|d'abord|en avance|beforehand|up front)\b[^.?!\n]{0,60}\b(?:rembours\w*|refund\w*|reimburs\w*)|"
    # money sent by the creator, not to them: "asked me to send $49 for a starter kit", "envoyer 30€ pour le kit"
    r"\b(?:send|sending|envoyer|envoie[rz]?|transfer|wire)\s+(?:(?:us|them|nous|leur)\s+)?(?:[€$£]\s?\d+|\d+\s?(?:[€$£]|"
    r"euros?|dollars?|bucks|pounds?))[^.?!\n]{0,40}?\b(?:kit|starter|ambassad\w*|inscription|registration|sign[- ]?up|"
    r"join|membership|fee|fees|frais|deposit|acompte|shipping|livraison|frais de port|pack|box|samples?)\b|"
    # the amount asked of the creator for joining: "on me demande 25€ pour un kit ambassadrice", "they want $40 for
    # the starter pack"
    r"\b(?:demande\w*|ask\w*|want\w*|veu\w*|reclame\w*|exige\w*|charge\w*|factur\w*)\s+(?:me\s+|moi\s+)?"
    r"(?:[€$£]\s?\d+|\d+(?:[.,]\d+)?\s?(?:[€$£]|euros?|dollars?|bucks|balles))\s*(?:pour|for|de)\s+(?:[\w']+\s+){0,2}?"
    r"(?:kit|starter|ambassad\w*|inscription|registration|membership|adhesion|sign[- ]?up|joining|formation|"
    r"training)\b|"
    # a "task" scam's top-up: "I just need to deposit $50 to activate my task account"
    r"\b(?:deposit|top up|recharge[rz]?|depose[rz]?)\b[^.?!\n]{0,30}\b(?:to|pour) (?:activate|unlock|open|access|"
    r"activer|debloquer|ouvrir)\b|"
    # a deposit asked of the creator: "ils demandent un acompte pour sécuriser la collab", "wants a deposit from me"
    r"\b(?:wants?|wanted|asks?|asked|asking|requires?|required|requests?|requested|demandent|demande|demandait|"
    r"veulent|veut|voulait|exigent|exige|reclament|reclame)\s+(?:me |moi |for |d'|de )?(?:an? |un |une |some |"
    r"des )?(?:deposit|acompte|caution|upfront (?:fee|payment))\b"
)
# A scam's ask, not a brand's own portal: "log in to our creator portal" or "use the code we email you" is no
# credential given away; a password, the account's login or a code received by SMS is.
LOGIN_ASK = _rx(
    r"\b(?:mot de passe|mdp|password|passcode|identifiants?|login (?:details|info|credentials)|credentials|"
    r"(?:my|your|his|her|their|mon|ton|votre|mes|tes|vos) (?:\w+ )?(?:login|logins|log-in)\b|"
    r"code (?:de verification|de securite|2fa|sms|a \d chiffres|recu par sms)|codes? (?:de )?verif\w*|"
    # the code the platform texts: "le code qu'insta m'envoie par sms", "the code instagram texts me"
    r"\bcodes?\b[^.?!\n]{0,30}\b(?:par sms|by sms|via sms|by text|texts? me|m'envoie par|sent to my phone)|"
    r"2fa|two[- ]factor|verification code|"
    r"codes? de secours|backup codes?|acces a (?:mon|ton|votre) compte|access to (?:my|your) account|"
    r"connect(?:er|e)? (?:mon|my) (?:compte|account)|"
    r"(?:lien|link) (?:de|pour|to|for) (?:me )?(?:connect\w*|log\w*|verif\w*|valider|validate)|"
    r"(?:se|me) connecter (?:via|sur|avec|a) (?:un|leur|le|ce|their|the|a) (?:lien|link|site|page)|"
    r"(?:log ?in|sign ?in|connect) (?:via|through|with|on) (?:a|their|the|this) (?:link|site|page|form))"
)
# A program or an archive to run, not a press kit, a PDF contract or the app the brand sells.
DOWNLOAD_ASK = _rx(
    r"\.(?:exe|scr|msi|bat|apk|rar|7z|zip|iso)\b|\bapk\b|\b(?:download|telecharger|installer|install|ouvrir|open|run|lancer|"
    r"executer)\b[^.?!\n]{0,40}\b(?:program|programme|software|logiciel|launcher|setup|installer|executable|demo|"
    r"archive|zip|rar|exe)\b"
)
ARCHIVE = _rx(
    r"\.(?:rar|zip|7z|exe|scr|msi|apk)\b|\b(?:un|a|an|the|le|this|ce|cet) (?:zip|rar|fichier zip|archive|exe)\b|"
    r"\b(?:rar|zip|archive|\.exe)\b[^.?!\n]{0,40}\b(?:password|mot de passe|mdp)\b"
)
# Card or banking secrets: an IBAN or a RIB to be paid is what every brand asks, not this.
BANK_ASK = _rx(
    r"\b(?:card number|card details|numero de (?:ta |votre )?carte|cvv|cvc|cryptogramme|"
    # the card asked for ("they want my credit card", "ta carte bancaire"), not the creator's own dealings with it
    # ("the shop charged my credit card twice", "payé par carte bancaire")
    r"(?:ask\w*|want\w*|need\w*|request\w*|send|sent|give|gave|share\w*|enter\w*|demand\w*|veu\w*|voul\w*|envo\w*|"
    r"donn\w*|fil\w*|partag\w*|exig\w*|reclam\w*)\b[^.?!\n]{0,25}\b(?:carte bancaire|credit card|debit card)|"
    r"\b(?:your|ta|votre|ton|tes|vos) (?:carte bancaire|credit card|debit card)|"
    r"bank(?:ing)? (?:login|password|credentials|access)|online banking|identifiants bancaires|code pin|"
    r"pin code|(?:your|ton|votre) pin|(?:rib|iban|bank details|coordonnees bancaires)\b[^.?!\n]{0,40}\b(?:password|"
    r"mot de passe|sms|login|identifiants|card|carte))\b"
)
COPYRIGHT_THREAT = _rx(
    r"\b(?:copyright|droits? d'? ?auteur|dmca|violation|infringement)\b[^.?!\n]{0,80}\b(?:supprim\w*|delet\w*|"
    r"ferm\w*|clos\w*|suspend\w*|disable\w*|desactiv\w*|banni|ban(?:ned)?|strike|24 ?h|48 ?h|lien|link|cliqu\w*|"
    r"click)\b"
)
FAKE_REVIEWS = _rx(
    r"\b(?:fake|faux|fausses?|false|bidon|invent\w*)\s+(?:reviews?|avis|temoignages?|testimonials?|comments?|"
    r"commentaires?|ratings?|notes?)\b|\b(?:avis|review|reviews|note)\s+(?:5|cinq|five)\s*(?:etoiles|stars?)\b"
    r"[^.?!\n]{0,40}\b(?:sans|without|jamais|never|pas)\b|\b(?:write|leave|post|ecrire|laisser|poster|mettre)\b"
    r"[^.?!\n]{0,30}\b(?:reviews?|avis)\b[^.?!\n]{0,40}\b(?:without|sans|never|jamais|pas)\b[^.?!\n]{0,20}"
    r"\b(?:try|trying|tested|testing|tester|teste|essaye|use|using|utilise)"
)
# Saying one used it, when one did not: "wants me to say I've been using it for months but they sent it
# yesterday", "veut que je dise que j'ai perdu 5 kilos alors que je l'ai jamais goûté". Read over the whole message:
# the clause splitter ends a clause before "but".
USED_CLAIM = _rx(
    r"\b(?:say|claim|pretend|act like)\b[^.?!\n]{0,12}\b(?:i'?ve|i have|i|i'?m)\b[^.?!\n]{0,50}\b(?:but|when|though|"
    r"while)\b[^.?!\n]{0,40}\b(?:never|yesterday|haven'?t|didn'?t|not even|(?:literally|just|only) (?:got|received|"
    r"sent|started|opened|tried|had))\b|"
    r"\b(?:dise|dire|pretendre|pretende|faire croire)\b[^.?!\n]{0,12}\b(?:j'ai|je l'ai|je les ai|je)\b[^.?!\n]{0,50}"
    r"\b(?:alors que|mais|sauf que|quand)\b[^.?!\n]{0,40}\b(?:jamais|pas encore|hier|meme pas|(?:seulement|juste) "
    r"(?:recu|eu|commence|ouvert|goute|teste))\b"
)
# Disclosure words: a negation over them, or a request to leave them out, is hidden advertising.
DISCLOSURE_WORD = _rx(
    r"#\s?ad\b|#\s?ads\b|#\s?pub\b|#\s?sponso\w*|#\s?partenariat\w*|#\s?collab\w*|#\s?gifted|\bpub\b|\bad\b|"
    # the label ("sponsorisé", "sponsored"), not the sponsor: "sans sponsor" is a video without a deal
    r"publicit\w*|sponsoris\w*|sponsored|sponsorship|sponso\b|partenariat|partnership|paid partnership|"
    r"collaboration commerciale|"
    # the platforms' own switch: "post it without the toggle", "sans activer le contenu commercial"
    r"toggle|commercial content|branded content|contenu commercial|contenu de marque|"
    r"mention\w*|label\w*|disclos\w*|divulg\w*|tag (?:them|la marque|the brand)|"
    # "say it's paid", "que je dise pas que c'est offert", "not to tell anyone it was gifted"
    r"(?:say|says|saying|tell|telling|dire|dise|dises|disent|dis|dit|preciser|precise|indiquer|indique|mentionner|"
    r"mentionne)(?: (?:pas|plus|jamais|rien|not|never|anyone|people|my followers|mes abonnes))? (?:that|que|qu')"
    r"[^.?!\n]{0,30}(?:paid|paye|sponsor|pub|offert|gift)"
)
HIDE_ASK = _rx(
    # what the post is, not to be said: "sans dire que c'est une collab", "don't tell anyone it's a partnership"
    r"\b(?:without|sans|don't|do not|never|ne pas|jamais|pas besoin de) (?:saying|telling|say|tell|dire|preciser|"
    r"mentionner|indiquer|signaler)(?: (?:to )?(?:anyone|personne|your followers|tes abonnes|vos abonnes))? "
    r"(?:that |que |qu')?(?:it's|it is|this is|c'est|c est|il s'agit d')(?: (?:an?|une?))? (?:collab\w*|partenariat\w*|"
    r"partnership|sponso\w*|ad|pub|paid|publicit\w*|placement|advert\w*)\b|"
    r"\b(?:hide|cacher|masquer|dissimuler|avoid|eviter|remove|enlever|retirer|supprimer|skip|drop|leave out|"
    r"zapper|oublier|keep (?:it )?(?:quiet|secret|discreet|hidden|between us)|rester discret|discret|discreet|"
    # (what is hidden may be the comments: "the right to hide or delete any comments on sponsored posts")
    r"secret|on the down ?low)\b(?:(?!comment)[^.?!\n]){0,40}?"
    r"(?:#\s?ad\b|#\s?pub\b|#\s?sponso\w*|\bpub\b|\bad\b|sponsor\w*|"
    r"partenariat|partnership|mention\w*|label\w*|collab\w*|paid|pay[eé]|it'?s (?:an )?ad)|"
    r"\b(?:look|looks|looking|seem|sembler|paraitre|avoir l'air|faire)\b[^.?!\n]{0,25}\b(?:organic|natural|naturel\w*|"
    r"spontane\w*|authentic|genuine|pas sponso\w*|pas une pub|not an ad|not sponsored)\b|"
    r"\bcomme si (?:je|j'|tu|vous)[^.?!\n]{0,30}(?:achete|trouve|decouvert)|\bas if (?:i|you)[^.?!\n]{0,30}"
    r"(?:bought|found|discovered)|"
    # the negation after the verb, French without its "ne": "que je dise pas que c'est offert", "dis rien que c'est pay"
    r"\b(?:dire|dise|dises|disent|dis|dit|preciser|precise|indiquer|indique|mentionner|mentionne|say|tell)\s+"
    r"(?:pas|plus|jamais|rien|a personne|not|never|nobody|no one)\b[^.?!\n]{0,15}?(?:que|qu'|that|it'?s|it was)"
    r"[^.?!\n]{0,30}(?:paid|paye|sponsor\w*|\bpub\b|offert\w*|gift\w*|an ad|partenariat|collab\w*)"
)
# Who wants the negation: a brand asking, or the creator wondering. Both lead with the disclosure rule.
BANNED_TOPICS: tuple[tuple[str, str], ...] = (
    (
        "cosmetic_surgery",
        r"chirurgie (?:esthetique|plastique)|cosmetic surgery|plastic surgery|injections? "
        r"(?:d'acide|de botox|botox)|botox|lip fillers?|fillers?|injections esthetiques|rhinoplast\w*|liposuc\w*|"
        r"\bbbl\b|augmentation mammaire|breast (?:augmentation|implants?)|blanchiment dentaire|teeth whitening",
    ),
    (
        "nicotine",
        r"\b(?:puffs?|vapes?|vapoteuses?|e-?cig\w*|cigarettes? electroniques?|nicotine|snus|tabac|tobacco|"
        r"sachets? de nicotine|nicotine pouches?|cigarettes?|chicha|shisha)\b",
    ),
    ("betting_tips", r"pronos\w*|prono\b|tipsters?|betting tips|paris sportifs|sports betting|pronostiqueurs?"),
    (
        "finance",
        r"forex|\bcfd\b|options binaires|binary options|trading signals?|signaux de trading|copy ?trading|"
        r"investissement garanti|guaranteed returns?|rendements? garantis?|crypto (?:trading )?signals?|"
        r"signaux (?:de )?(?:trading|crypto)|"
        # a crypto trading app is a crypto service (allowed once registered); its signals or courses are banned
        r"crypto trading (?:course|formation|bot|group|groupe)|"
        r"formation (?:en )?trading|trading (?:course|formation|bot)",
    ),
    (
        "therapeutic_alternative",
        r"remplacer (?:un|le|les|son|ses|votre|vos) (?:traitement|medicament)s?|"
        r"replace (?:a|your|their)? ?(?:treatment|medication|medicine)|guerit le cancer|cures? cancer|"
        r"alternative therapeutique|(?:instead of|au lieu (?:du|de|des)) (?:chemo|chimio|medicaments?|medication)",
    ),
    (
        "wild_animals",
        r"\b(?:bebes? )?(?:tigres?|lions?|lionceaux?|singes?|guepards?|cheetahs?|tigers?|monkeys?)\b|"
        r"animaux sauvages|wild animals?",
    ),
)
GAMBLING = _rx(
    r"\b(?:casino|paris en ligne|online betting|poker|gambling|jeux d'argent|bookmaker|betclic|winamax|"
    r"parions sport|unibet|bet365|roulette|slots?|paris sportifs?|sports ?betting|site de paris|appli de paris|"
    r"betting (?:site|app|platform))\b"
)
MINORS = _rx(
    r"\b(?:minors?|mineurs?|under ?18|moins de 18|teens?|teenagers?|ados?|adolescents?|kids?|enfants?|"
    r"\d{2}\s?% (?:de |of )?(?:mineurs|ados|teens|minors)|(?:13|14|15|16|17)[- ]?(?:ans|yo|year)|"
    # an audience described as young: "your followers look young", "mon public est très jeune"
    r"young (?:audience|followers|public|crowd|fans)|jeune public|public (?:tres )?jeune|"
    # school pupils, or the creator a minor themself: "mostly high schoolers", "im 15 and a vape company DMed me"
    r"high ?schoolers|middle ?schoolers|collegien\w*|lyceen\w*|(?:i'm|im|i am) 1[0-7](?![\w%.,]\d| ?k\b)|"
    r"(?:audience|followers|abonnes|public|communaute|fans) (?:\w+ )?(?:look|looks|seem|seems|is|are|est|sont|"
    r"semble|semblent|a l'air) (?:\w+ )?(?:young|jeunes?))\b"
)


def understand(
    message: str, history: Sequence[str] = (), profile: object | None = None, lang: Lang | None = None
) -> Understanding:
    """What `message` is, in the light of the previous messages (`history`, oldest first) and the creator's
    profile (a bot.offers.Profile, for no-go categories and the share of minors)."""
    reading = _understand(message, history, profile, lang)
    if "pay_to_collaborate" in reading.red_flags and not SCHEME.search(fold(message[:MAX_READ])):
        return dataclasses.replace(reading, fee_only=True)
    return reading


def _understand(message: str, history: Sequence[str], profile: object | None, lang: Lang | None) -> Understanding:
    text = message.strip()[:MAX_READ]
    language = lang or detect_language(text or "ok", default="en")
    folded = fold(text)
    flat = " ".join(folded.split())
    words = re.findall(r"[\w#'$€£]+", flat)  # as typed: "jsuis" is one word
    flat = spelled_out(flat)
    if not words or _small_talk(flat, words):
        return Understanding("small_talk", language)
    body = strip_quoted(text)
    flags, facts, category = _red_flags(body, profile)
    if "login_request" in flags and ACCOUNT_TROUBLE.search(flat) and not CREDENTIAL_GIVEN.search(flat):
        flags = _without_login(flags)  # "my instagram got hacked and they turned on 2FA": no one asks for it
    if not flags and _hired_help(flat):
        return Understanding("off_topic", language)  # "le photographe de notre mariage nous envoie une facture"
    if not flags and HAGGLE_OR_VIEWS.search(flat) and not _mentions(STRONG_DEAL, flat):
        # a platform's own pay, or a purchase haggled over ("le mec en veut 60€"): no deal, whoever "offers"
        return Understanding("off_topic", language)
    pasted = _pasted_offer(text, folded) or _pasted_beside_note(text)
    previous = next((h for h in reversed(history) if h.strip()), None)
    before = _reading_before(history, profile, language) if not pasted and _may_update(flat, words) else None
    if before is not None and previous is not None and before.is_offer:
        # "update: they now say don't tag it as gifted", "ils ont rajouté qu'ils pourront la réutiliser en pub": the
        # offer just told, with its new terms
        flags = _carried(_joined(flags, own_words_flags(body)), flat, before)
        told = f"{previous.strip()}\n{text}"
        return Understanding(
            "follow_up", language, flags, bool(ASKS_VERDICT.search(flat)), context=previous, offer_text=told
        )
    if pasted:
        flags = _joined(flags, own_words_flags(body))
        return Understanding("offer_pasted", language, flags, True, facts=facts, category=category)
    terms = {m.group(0) for m in OFFER_TERMS.finditer(flat)}
    framed, supposed = _framed(flat)
    if not flags and _beside(flat):
        framed = supposed = False  # "got an offer from my employer to move to London": no brand's offer
    money = _money(flat)
    # An offer only supposed ("si une marque me demande…") is one when it names its terms: an amount, unless the
    # creator asks what to charge for that case ("quand une marque veut ma vidéo en pub, combien en plus ? je fais
    # 300€ la vidéo": the amount is their own rate), or it is what the creator would pay to join ("si une marque me
    # demande de payer 30€ pour un kit, c'est forcément une arnaque ?": a scheme asked about).
    framed = framed or (supposed and money and not RATE_QUESTION.search(flat) and "pay_to_collaborate" not in flags)
    framed = framed or bool(DOCUMENT_FRAME.search(flat) and (money or QUOTATION.search(flat)))
    # The creator's own deal with its amount ("my first paid collab!! 300 dollars"), unless they ask what to charge.
    framed = framed or bool(OWN_DEAL.search(flat) and money and not RATE_QUESTION.search(flat))
    if (HYPOTHETICAL.search(flat) or HABITUAL.search(flat)) and not money:
        framed = False  # what brands may ask in general, not an offer received
    traded = bool(GIFT_TRADE.search(flat))  # pieces for a product, as for a fee
    market = bool(GENERIC_BRANDS.search(flat))  # what brands do in general, amounts included
    # A business inviting the creator, or anyone giving to them, is the offer itself ("this hotel invited me for 2
    # nights"); another frame ("a brand wrote to me") needs what is offered.
    gives = framed and _gives(flat)
    # Quoting the contract ("their contract says «…»") tells the offer's own terms, whatever they are about.
    quoting = bool(DOCUMENT_FRAME.search(flat) and QUOTATION.search(flat))
    # what the one making the offer gives or asks: its terms, money, a quotation, an offer's words, pay still owed
    stated = gives or terms or money or quoting or OFFER_WORDS.search(flat) or UNPAID.search(flat)
    described = not market and (
        (framed and bool(stated or _scam_flags(flags)))
        or ((money or traded) and bool(DELIVERABLE.search(flat)) and not RATE_QUESTION.search(flat))
    )
    if described and TAX_ASK.search(flat):
        described = False  # "faut déclarer les cadeaux aux impôts ? on m'a envoyé une trottinette": the creator's tax
    # "and if they pay late anyway?" after an offer: a continuation that brings no new amount or deliverable; "what
    # about if they pay me like £200?" after a tax question opens as one: the same question for that case.
    if described and previous is not None and not money and not DELIVERABLE.search(flat):
        described = not _follow_up(flat, words, previous)
    elif (
        described
        and previous is not None
        and len(words) <= FOLLOW_UP_MAX_WORDS
        and FOLLOW_UP_START.match(flat)
        and not DELIVERABLE.search(flat)  # "and if they offer 500€ for 3 reels instead?": a new offer
    ):
        described = TOPIC_CHANGE.match(flat) is not None
    if described:
        flags = _joined(flags, own_words_flags(body))
        verdict = bool(ASKS_VERDICT.search(flat))
        return Understanding("offer_described", language, flags, verdict, facts=facts, category=category)
    if previous is not None and _follow_up(flat, words, previous):
        before = _reading_before(history, profile, language)
        beside = (
            before is not None and before.kind == "off_topic" and adjacent(" ".join(fold(previous[:MAX_READ]).split()))
        )
        if beside and not flags and (not DOMAIN.search(flat) or adjacent(flat)):
            # "et si je supprime les vidéos qui ont flop ?" after "mes vues sont tombées": the rest of a subject
            # beside the domain (growth, gear, an account) stays beside it
            return Understanding("off_topic", language)
        verdict = bool(ASKS_VERDICT.search(flat))
        places = _places(flat, words) and not STRONG_DOMAIN.search(flat)
        flags = _carried(flags, flat, before)
        return Understanding("follow_up", language, flags, verdict, context=previous, category=category, places=places)
    if not flags and (not DOMAIN.search(flat) or adjacent(flat) or _craft_only(flat)):
        if previous is not None and _replies(flat, words, history):
            flags = _carried((), flat, _reading_before(history, profile, language))
            return Understanding("follow_up", language, flags, bool(ASKS_VERDICT.search(flat)), context=previous)
        return Understanding("off_topic", language)
    if (
        previous is not None
        and DANGLING.search(flat)
        and not STRONG_DOMAIN.search(flat)
        and _replies(flat, words, history)
    ):
        # "j'ai le droit de me prendre en photo en train de boire avec ?": "avec" what was just talked about
        flags = _carried(flags, flat, _reading_before(history, profile, language))
        return Understanding("follow_up", language, flags, bool(ASKS_VERDICT.search(flat)), context=previous)
    return Understanding("question", language, flags, bool(ASKS_VERDICT.search(flat)), category=category)


# News of the offer just told: its party again ("they", "ils", "the brand"), after an opener of news ("update:",
# "oh and", "ah et j'ai oublié", "non en fait"), or the news itself ("non en fait c'est pas une exclu finalement").
UPDATE_START = _rx(
    r"^\s*(?:(?:ah|oh|and|et|also|aussi|update|maj|edit|en fait|non|nope|finalement|actually|ok so|so|donc|du coup|"
    r"wait|attends|euh+|bon|hmm+|mise a jour|news|nouvelle|maintenant|now|puis|ensuite|then)\b[\s,:!.-]*)*"
    r"(?:(?:j'ai|jai|i) (?:oublie|forgot)\w*(?: (?:de (?:dire|preciser)|to (?:say|mention)))?[\s,.:!-]*)?"
    r"(?:they|they've|they're|ils|elles|the brand|la marque|l'agence|the agency|their (?:contract|brief|mail|email)|"
    r"leur (?:contrat|brief|mail)|le contrat|the contract)\b"
)
UPDATE_NEWS = _rx(r"^\s*(?:update|maj|mise a jour|non en fait|en fait|finalement|actually|edit)\b")
# A business named anew: "et du coup un site de paris qui me propose 200€": another offer, not news of this one.
NEW_PARTY = _rx(
    r"\b(?:une? (?:autre )?(?:marque|agence|site|appli|application|boite|entreprise)|an? (?:other |new )?(?:brand|"
    r"agency|app|site|company)|another (?:brand|agency|company))\b"
)
UPDATE_MAX_WORDS = 40


def _may_update(flat: str, words: list[str]) -> bool:
    """Worded as news of the offer told in the previous message (the same party with new terms, or an opener of
    news); it is news when that message was an offer."""
    if len(words) > UPDATE_MAX_WORDS or NEW_PARTY.search(flat) or TOPIC_CHANGE.match(flat):
        return False
    return bool(UPDATE_START.match(flat) or UPDATE_NEWS.match(flat))


def _reading_before(history: Sequence[str], profile: object | None, lang: Lang) -> Understanding | None:
    """How the previous message reads, with the exchange before it; None without one."""
    turns = [h for h in history if h.strip()][-3:]  # the exchange, not a whole chat read again on each message
    return _understand(turns[-1], turns[:-1], profile, lang) if turns else None


def _carried(flags: tuple[str, ...], flat: str, before: Understanding | None) -> tuple[str, ...]:
    """A follow-up's flags joined with those of the message it continues (`before`): "ok mais en tout petit à la fin
    des hashtags ça passe ?" after "ils veulent que je poste sans #pub" is still hidden advertising, "remboursé au
    premier paiement, ça change rien ?" still a fee to join. A draft reworked ("plus court stp") carries nothing:
    it asks for the same answer in other words."""
    if before is None or REDO_IT.search(flat):
        return flags
    return _joined(flags, before.red_flags)


# Texting shorthands, spelled out before the message is read: the rules are written once, in full words ("jfais
# quoi mtn ?" asks the next step as "je fais quoi maintenant ?" does).
SHORTHANDS = {
    "jsuis": "je suis", "chui": "je suis", "jpeux": "je peux", "jdois": "je dois", "jfais": "je fais",
    "jveux": "je veux", "jsais": "je sais", "jcrois": "je crois", "jpense": "je pense", "jvais": "je vais",
    "jviens": "je viens", "jme": "je me", "jle": "je le", "jla": "je la", "jles": "je les", "jleur": "je leur",
    "jai": "j'ai", "mtn": "maintenant", "qd": "quand", "pq": "pourquoi", "pk": "pourquoi", "cmt": "comment",
    "bcp": "beaucoup", "tjr": "toujours", "tjrs": "toujours", "qqn": "quelqu'un", "qqch": "quelque chose",
    "dc": "donc", "tt": "tout", "ptet": "peut-etre", "jsp": "je sais pas",
    "u": "you", "ur": "your", "pls": "please", "plz": "please", "idk": "i don't know",
    "abt": "about", "w": "with", "bc": "because", "cuz": "because", "coz": "because", "wat": "what", "ppl": "people",
}  # fmt: skip
_SHORTHAND = re.compile(r"(?<![\w'])(?:" + "|".join(sorted(SHORTHANDS, key=len, reverse=True)) + r")(?![\w'])")


# Scare quotes around a word or two: "a 'brand' asked me to send $49" is a brand asking, doubted.
SCARE_QUOTES = re.compile(r"(?<![\w'])['\"‘“«]\s?([\w-]+(?: [\w-]+)?)\s?['\"’”»](?![\w'])")


def spelled_out(flat: str) -> str:
    return SCARE_QUOTES.sub(r"\1", _SHORTHAND.sub(lambda m: SHORTHANDS[m.group(0)], flat))


# The creator's own account in trouble, and a credential asked, given or typed somewhere.
ACCOUNT_TROUBLE = _rx(
    r"\b(?:compte|account|insta|instagram|ig|tiktok|youtube|page|chaine|channel)\b[^.?!\n]{0,25}\b(?:pirate\w*|hacke\w*|"
    r"hacked|stolen|vole|locked|bloque\w*)|"
    # someone who should not still has the password: "my ex still knows my YouTube password"
    r"\b(?:knows|connait|connaissent) (?:still |encore )?(?:my|mon|mes) (?:\w+ )?(?:password|mot de passe|mdp)\b|"
    + HACKED
)
CREDENTIAL_GIVEN = _rx(
    r"\b(?:ask\w*|want\w*|need\w*|request\w*|demand\w*|veu\w*|voul\w*|send|sent|envo\w*|give|gave|given|donne\w*|"
    r"share\w*|partag\w*|enter\w*|entre\w*|typed|tape\w*|click\w*|cliqu\w*|link|lien|dm|message\w*)\b"
)


def _without_login(flags: tuple[str, ...]) -> tuple[str, ...]:
    kept = tuple(flag for flag in flags if flag != "login_request")
    scams = any(flag in SCAM_FLAGS for flag in kept)
    return tuple(flag for flag in kept if scams or flag != "scam_signals")


def _money(flat: str) -> bool:
    """An amount, but not a bare number that counts views or followers ("stuck at like 200 per video")."""
    return any(
        CURRENCY.search(m.group(0)) or not COUNTED_BEFORE.search(flat[max(0, m.start() - 40) : m.start()])
        for m in MONEY.finditer(flat)
    )


CURRENCY = _rx(r"[€$£]|\b(?:eur|euros?|dollars?|pounds?|livres?|balles|cad|chf|usd|gbp|bucks)\b")
COUNTED_BEFORE = _rx(
    r"\b(?:views?|vues?|likes?|followers|abonnes|subs|subscribers|comments|commentaires|plays|streams|stuck at|"
    r"bloque\w* a)\b"
)


# The creator's own tax on what they got: declaring it, paying tax on it. A question of law, whatever was received.
# ("taxes?" reads "taxe" or "taxes", never "tax": the alternatives are spelled out.)
TAX_ASK = _rx(
    r"\b(?:declar\w*|(?:pay|payer|owe|charge|charger|facturer|collect) (?:\w+ )?(?:taxes|tax|impots|impot|tva|vat|tps|"
    r"tvq|gst|hst)|taxable|imposables?|(?:taxes|tax|impots|impot) (?:on|sur))\b"
)


def _gives(flat: str) -> bool:
    """A business offering or inviting, or anyone giving to the creator: not one who only wrote or got in touch."""
    if TO_ME_FRAME.search(flat):
        return True
    return any(not CONTACT_ONLY.search(match.group(0)) for match in BUSINESS_FRAME.finditer(flat))


CONTACT_ONLY = _rx(
    r"\b(?:ecrit|contacte\w*|approche\w*|dm'?e?d?|messaged|contacted|reached out|approached)(?: me)?$|"
    r"\b(?:wants|want|veut|veulent|voudrait|voudraient|would like)$"
)


def _joined(flags: tuple[str, ...], more: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*flags, *more]))


def _framed(flat: str) -> tuple[bool, bool]:
    """Whether a business or someone makes the creator an offer here, and whether one is only supposed ("when a
    brand asks for exclusivity, how much more?", "si une marque me demande les droits…", "if they offer me…"): an
    offer under "if", or under "when" in the present, is a general question, not one the creator received."""
    told = supposed = False
    # Where a supposed frame's sentence ends: what follows in that sentence is under its "if" too ("si une marque me
    # demande le code qu'insta m'envoie par sms": Instagram sends it only in that case).
    supposed_until = -1
    for pattern in (CREATOR_FRAME, ARTICLE_FRAME, BUSINESS_FRAME, TO_ME_FRAME, UNDER_WAY, CLAIMS_TO_BE):
        for match in pattern.finditer(flat):
            condition = CONDITION_BEFORE.search(flat, max(0, match.start() - 30), match.start())
            if match.start() < supposed_until:
                supposed = True
            elif condition is None or (condition.group(1) not in IF_WORDS and PAST_FRAME.search(match.group(0))):
                told = True
            else:
                supposed = True
                end = SENTENCE_END.search(flat, match.end())
                supposed_until = max(supposed_until, end.start() if end else len(flat))
        if told:
            break
    return told, supposed and not told


SENTENCE_END = re.compile(r"[.?!;\n]")


# A deal under way names its brand by the creator's work with it, whatever happens next: "la marque avec qui je
# bosse depuis mars m'a toujours pas payé", "the agency I'm negotiating with said net 90".
UNDER_WAY = _rx(
    r"\b(?:brand|marque|agency|agence|client|company|boite|entreprise)\s(?:(?:de|d'|of)\s?[\w'-]+\s)?"
    r"(?:(?:that|who|qui|que|avec qui|with whom|pour qui|avec laquelle)\s)?(?:i'm|i am|i've been|i have been|i|je|j')"
    r"\s?(?:\w+\s)?(?:working|work|worked|partnered|collaborating|negotiating|bosse|travaille|collabore|negocie|"
    # "the brand I did a campaign with in march", "la marque pour qui j'ai fait 3 reels"
    r"did (?:an? |the |some |\w+ )?(?:campaign|collab\w*|post|posts|video|videos|reels?|deal|partnership|shoot)|"
    r"ai fait (?:une |un |des |\w+ )?(?:campagne|collab\w*|post|posts|video|videos|reels?|partenariat|shooting))\b"
)
# The deal's money still owed: "m'a toujours pas payé", "still hasn't paid me".
UNPAID = _rx(
    r"\b(?:hasn't|has not|haven't|have not|didn't|did not|never|still not|not yet|pas|jamais|toujours pas)\s"
    r"(?:\w+\s)?(?:paid|pay|paye|payee|regle|vire|verse)\b"
)
# Someone speaking for a brand, true or not: "someone claiming to be from Fashion Nova says I need to pay $25".
CLAIMS_TO_BE = _rx(
    r"\b(?:someone|somebody|a guy|a girl|a woman|a man|quelqu'un|un mec|une meuf|un type|une fille|une personne)\s"
    r"(?:claiming|pretending|saying|who says|who claims|qui (?:dit|pretend|se presente)|se presentant|"
    r"se faisant passer)"
    r"\b[^.?!\n]{0,40}\b(?:says|said|told me|wants|asks|asked|dm'?e?d|messaged|offered|offers|me dit|m'a dit|"
    r"me demande|m'a demande|veut|m'a ecrit|m'a contacte|me propose|m'a propose)\b"
)
# "if", "when", "si", "quand" right before the one making the offer ("when a brand asks", "s'ils me proposent").
CONDITION_BEFORE = _rx(
    r"(?:\b(if|whenever|when|once|si|quand|qd|lorsque?|des que|au cas ou)\s+(?:[\w']+\s+){0,2}|\b(s)')$"
)
IF_WORDS = frozenset({"if", "whenever", "si", "s", "au cas ou"})
# A frame in the past tells what happened, even after "when": "quand la marque m'a envoyé le contrat".
PAST_FRAME = _rx(
    r"\b(?:m'a|m'ont|ont|a (?:propose|demande|envoye|offert|contacte|ecrit|dit|voulu)|sent|told|said|got|was|were)\b|"
    r"\w+ed\b"
)


REPLY_MAX_WORDS = 30


def _replies(flat: str, words: list[str], history: Sequence[str]) -> bool:
    """A message with no domain word of its own, answering a previous one that had them: the rest of that exchange
    ("won't my followers get sick of it?", "they taste awful and the post is due friday", "ok but they also want to
    pick my outfit??"): it points back (a pronoun, "and if…") and does not change the subject. Words beside the domain
    in such a message ("they also want to write my caption", "et si je mets juste ça en légende ?") are about that
    exchange's deal; without a pointer back ("what's the best time to post?") it is a subject of its own."""
    if len(words) > REPLY_MAX_WORDS or TOPIC_CHANGE.match(flat):
        return False
    pointers = (FOLLOW_UP_START.match, ANAPHORA.search, NEXT_ASK.search, DANGLING.search, STILL.search)
    if not any(pointer(flat) for pointer in pointers):
        return False  # "what's the capital of Peru?": nothing points back
    # The exchange's deal may be two messages back: "the founder got called out for nasty tweets" / "should I still
    # go ahead?"
    for previous in [h for h in history if h.strip()][-REPLY_HISTORY:]:
        before = " ".join(fold(previous[:MAX_READ]).split())
        if DOMAIN.search(before) and not adjacent(before) and not _craft_only(before):
            return True
    return False


REPLY_HISTORY = 2
# Going on with what was said despite something: "should I still go ahead?", "je le fais quand même ?"
STILL = _rx(r"\b(?:still|anyway|anyways|quand meme|malgre tout|malgre ca|go ahead)\b")
# A preposition left without its object, the thing just talked about: "je peux trinquer avec ?", "what do I do with?"
DANGLING = _rx(r"\b(?:avec|with|dessus|dedans|pour|for|about)\s*[?!.]*\s*$")


def adjacent(flat: str) -> bool:
    """A creator's question next to the coach's domain (posting times, gear, growth, platform ad revenue) and not
    about a deal. A negated mention ("sans sponsor") does not make it one."""
    if PLATFORM_MONEY.search(flat):
        return not _mentions(STRONG_DEAL, flat)
    if TOOL_PICK.search(flat):
        return not _mentions(STRONG_DEAL, CONTENT_KIND.sub(" ", flat))  # a ring light "for filming brand content"
    if GEAR.search(flat) and ADJACENT.search(flat):
        return not _mentions(STRONG_DEAL, flat)  # "my sponsored posts look nothing like me, studio lighting…"
    if _hired_help(flat) or _beside(flat):
        return True  # a deposit for the wedding photographer, clothes sold on Vinted: no brand, no content
    return bool(ADJACENT.search(flat)) and not _mentions(STRONG_DOMAIN, flat)


# Picking gear or an app: "what ring light do you recommend under $100?", "quelle appli de montage, capcut ou inshot ?"
TOOL_PICK = _rx(
    r"\b(?:which|what|quel(?:le)?s?|best|meilleure?s?|recommend\w*|conseill\w*|suggest\w*)\b[^.?!\n]{0,30}\b"
    r"(?:appareil(?: photo)?|camera|objectif|lens|microphones?|micros? (?:cravate|sans fil|pour filmer)|mics?|"
    r"ring ?light|tripod|trepied|gimbal|softbox|"
    r"eclairage|lighting|app(?:li)?s? (?:de|pour|for) (?:montage|editing|edit\w*)|editing apps?|capcut|inshot|"
    r"lightroom|canva|premiere pro|final cut)\b"
)
# The kind of content named, which makes no deal: "brand content", "reels sponso", "sponsored videos".
CONTENT_KIND = _rx(
    r"\b(?:brand (?:content|videos?|shoots?|photos?)|contenus? (?:de marque|sponsorises?|sponso)|"
    r"(?:reels?|videos?|posts?|contenus?|stories|photos?) (?:sponso\w*|de marque|pour (?:les|des) marques)|"
    r"sponsored (?:content|posts?|videos?|reels?)|ugc (?:content|videos?))\b"
)


# Where and what a creator posts, and to whom: words of the domain that alone make no deal ("how do I make my reels
# look more professional?", "un nom pour ma chaîne youtube"). A message whose only domain words are these is about
# making content, not about brands, money or the law; retrieval may still place it (the engine asks it).
CRAFT_WORD = _rx(
    r"(?:reels?|stories|story|posts?|tiktoks?|videos?|shorts?|instagram|insta|ig|youtube|yt|twitch|snap\w*|linkedin|"
    r"pinterest|x|twitter|threads|platforms?|plateformes?|audience|abonne\w*|followers?|folowers|communaute|"
    r"community|fans?|comments|commentaires?|micro|niche)"
)


def _craft_only(flat: str) -> bool:
    """Only words of making content, and no pieces traded for something ("2 reels + 5 stories for a sweatshirt")."""
    terms = [
        m.group(0)
        for m in DOMAIN.finditer(flat)
        if not NEGATOR_BEFORE.search(flat[max(0, m.start() - NEGATION_REACH) : m.start()])
    ]
    if not terms or not all(CRAFT_WORD.fullmatch(term) for term in terms) or _mentions(STRONG_DOMAIN, flat):
        return False
    return not (COUNTED_PIECES.search(flat) and TRADE_WORD.search(flat)) and not ASKED_OF.search(flat)


COUNTED_PIECES = _rx(
    r"\b(?:\d+|un|une|deux|trois|quatre|cinq|one|two|three|four|five)\s+(?:reels?|posts?|stories|story|videos?|"
    r"tiktoks?|shorts?)\b"
)
# What a deal asks of the creator: "how many stories is normal to ask for with one reel?"
ASKED_OF = _rx(r"\b(?:ask(?:ing)? for|to ask|charge|demander|exiger|exige\w*|inclu\w*|bundle|package)\b")
TRADE_WORD = _rx(r"\b(?:for an?|for the|for some|contre|en echange|in exchange|in return|en retour)\b")


def _mentions(pattern: re.Pattern[str], flat: str) -> bool:
    """Whether `pattern` occurs in `flat` other than right after a negation ("without a sponsor"); "aucune marque
    me contacte" still speaks of brands: the negation is about what they do."""
    return any(
        not NEGATOR_BEFORE.search(flat[max(0, m.start() - NEGATION_REACH) : m.start()])
        or BRANDS_ACT.match(flat, m.end())
        for m in pattern.finditer(flat)
    )


BRANDS_ACT = _rx(
    r"\s+(?:(?:ne|n')\s*)?(?:me |m'|nous |vous |ever )?(?:contact\w*|repond\w*|ecri\w*|propos\w*|reach\w*|email\w*|"
    r"dms?|messag\w*|approach\w*|wants?|veut|veulent|s'interess\w*|interested|respond\w*|repli\w*|answer\w*|"
    r"gets? back|wrote|writes?)\b"
)


def _small_talk(flat: str, words: list[str]) -> bool:
    if not any(ch.isalnum() for ch in flat):
        return True  # emoji, "?!"
    bare = " ".join(re.sub(r"[^\w\s'+!?.,;:()\-]", " ", flat).split())  # emoji and symbols around the words
    if len(words) > max(CHAT_MAX_WORDS, THANKS_MAX_WORDS):
        return False
    if len(words) <= CHAT_MAX_WORDS and SMALL_TALK.match(bare):
        return True
    if len(words) <= ABOUT_BOT_WORDS and ABOUT_BOT.search(bare) and not DOMAIN.search(VOCATIVE.sub(" ", bare)):
        return True  # "c'est gratuit ton service ?", "what languages do you speak?": about the coach itself
    if len(words) <= CHAT_MAX_WORDS and CLOSING.match(bare) and "?" not in bare:
        return True  # "je reviens vers toi après avoir parlé à la marque": the creator leaves, whatever the subject
    # Thanks for an answer, naming it ("ta réponse sur l'exclu m'a trop aidée"), praise for the coach ("t'es plus
    # efficace que mon ancien agent"), or how it ended, with thanks ("j'ai signé au final, merci pour tout").
    if len(words) <= THANKS_MAX_WORDS and "?" not in bare and not AMOUNT_RX.search(bare):
        thanked = THANKED_ANSWER.search(bare) or PRAISE.match(bare) or (THANKS.search(bare) and OUTCOME.search(bare))
        if thanked:
            return True
    # Chat in words the list above lacks ("ok merci je vais voir ça", "thanks!! you're a lifesaver", "hello there"):
    # a short message with a greeting, thanks or an acknowledgement, that asks nothing and names no subject.
    return (
        len(words) <= CHAT_MAX_WORDS
        and bool(CHAT_ANCHOR.search(bare))
        and not ASKS_SOMETHING.search(RELATIVE_WH.sub(" ", bare))
        and not DOMAIN.search(VOCATIVE.sub(" ", bare))
        and not ADJACENT.search(bare)
        and not REDO_IT.search(bare)  # "make it shorter and less desperate lol": the last draft, reworked
    )


CHAT_MAX_WORDS = 12
THANKS_MAX_WORDS = 14
THANKED_ANSWER = _rx(
    r"\b(?:ta|ton|tes|votre|vos|your|that|the|this|cette|ce|ces|those) (?:[\w']+ ){0,2}(?:reponses?|conseils?|"
    r"explications?|modeles?|templates?|breakdown|answers?|advice|tips?|replies|reply|explanation|draft|brouillon)\b"
    r"(?:[^?]*)\b(?:aide\w*|helped|helpful|spot on|utile|useful|parfait|perfect|top|genial|great|clair|clear|nickel|"
    r"game ?changer|saved me|sauve\w*|gold|en or)\b|"
    r"\b(?:you gave me|you sent me|tu m'as (?:donne|envoye|ecrit|explique))\b[^?]*\b(?:spot on|helped|useful|perfect|"
    r"great|parfait|top|utile|aide\w*|nickel|genial)\b"
)
PRAISE = _rx(
    r"^(?:(?:haha+|ahah+|lol|mdr|ptdr|wow|omg|waouh|trop bien|franchement|honestly|honnetement)[\s,!.]*)*"
    r"(?:t'es|tu es|vous etes|you're|youre|you are|ur|u r)\s+(?:\w+\s+)?(?:plus|more|better|meilleure?|mieux|trop|"
    r"so|too|vraiment|really|the best|incroyable|amazing|a lifesaver|un amour|une pepite|genial\w*|a legend|"
    r"une legende|the goat)\b"
)
THANKS = _rx(r"\b(?:merci\w*|thanks?|thank you|thx|ty|tysm)\b")
OUTCOME = _rx(
    r"\b(?:j'ai signe|jai signe|i signed|signed it|c'est signe|j'ai accepte|jai accepte|i accepted|j'ai refuse|"
    r"jai refuse|i declined|i turned (?:it|them) down|ils ont accepte|elle a accepte|they (?:accepted|agreed|said yes)|"
    r"it worked|ca a marche|deal done|got paid|j'ai ete paye\w*|ils m'ont paye)\b"
)
# Asking about the coach itself: what it costs, which languages it speaks.
ABOUT_BOT = _rx(
    r"\b(?:are you|is (?:the bot|this bot|the app|this app|the coach)|es[- ]tu|t'es|tu es) (?:\w+ )?"
    r"(?:free|gratuit\w*|payant\w*|paid)\b(?! (?:products?|stuff|produits?))|"
    r"\b(?:ton|votre|your|this|ce|cet|le) (?:service|bot|app|appli|application|outil|tool|coach)\b[^?]{0,20}"
    r"\b(?:free|gratuit\w*|payant\w*|cost\w*|coute\w*|cher)\b|"
    r"\b(?:gratuit|payant|free)\b[^?]{0,12}\b(?:ton|votre|your|this|ce) (?:service|bot|app|appli|outil|tool)\b|"
    r"\b(?:what|which|quelles?) (?:languages?|langues?) (?:do |can )?(?:you|tu|vous)\b|"
    r"\b(?:tu|vous|you) (?:parles?|parlez|speak|comprends|comprenez|understand) (?:quelles? |which |what )?"
    r"(?:langues?|languages?)\b"
)
ABOUT_BOT_WORDS = 8
# The coach named as the one spoken to ("hey coach!", "merci le bot"): no subject.
VOCATIVE = _rx(r"\b(?:(?:le |the |mon |my )?(?:coach|bot|robot))\b")
# Leaving to act and come back: "je reviens vers toi après avoir parlé à la marque", "I'll let you know what they say".
CLOSING = _rx(
    r"^(?:(?:ok\w*|okay|merci\w*|thanks?|thank you|thx|super|cool|parfait|perfect|great|top|d'accord|alright)[\s!.,]+)*"
    r"(?:je (?:reviens|reviendrai|repasse|repasserai) vers (?:toi|vous)|"
    r"je (?:te|vous) (?:redis|redirai|tiens au courant|tiendrai au courant|dirai)|"
    r"i'?ll (?:get back to you|let you know|keep you posted|report back|come back)|"
    r"will (?:let you know|keep you posted|report back)|i'?ll circle back)\b"
)
# What chat is made of: a greeting, thanks, an acknowledgement, praise for the answer, a goodbye.
CHAT_ANCHOR = _rx(
    r"\b(?:hi+|hey+|hello+|hiya|salut|slt|coucou|bonjour|bjr|bonsoir|yo|thanks?|thank you|thx|ty|tysm|merci\w*|"
    r"ok+|okay|oki\w*|k+|mrc|mrci|mci|d'accord|dac|cool|super|top|genial|"
    r"parfait|perfect|great|nice|awesome|amazing|brilliant|"
    r"excellent|nickel|"
    r"bye|ciao|bisous|cheers|lol|mdr|haha\w*|good (?:morning|afternoon|evening|night)|"
    r"bonne (?:journee|soiree|nuit|fin de journee)|bravo|helpful|utile|clair|lifesaver|legend|(?:ok){2,}|"
    r"hope (?:you|your|u)|j'espere que (?:tu|vous)|have a (?:nice|good|great|lovely) \w+|reflechir|"
    r"think (?:about )?it)\b"
)
# "exactly what I needed", "ce que je cherchais": a question word that asks nothing.
RELATIVE_WH = _rx(
    r"\bwhat (?:i|you|we) (?:needed|wanted|was looking for|meant|said|asked(?: for)?)\b|"
    r"\bce (?:qu'il me fallait|que je cherchais|que je voulais|dont j'avais besoin)"
)
# A message that asks for something or goes on ("but", "if"): more than chat, whatever greets it.
ASKS_SOMETHING = _rx(
    r"\?|\b(?:what|how|why|when|where|which|who|can|could|would|should|do you|does|is it|are there|quoi|comment|"
    r"pourquoi|quand|quel\w*|combien|est[- ]ce|peux|pouvez|puis|dois|faut|need|besoin|help me|aide[- ]moi|cherche|"
    r"looking for|want|veux|voudrais|if|si|s'il|but|mais|explain|explique|tell me|dis[- ]moi|apres|then|next)\b"
)


WE = _rx(r"\b(?:we|we'd|we're|we'll|we've|our|ours|us|nous|notre|nos|on te|on vous|l'equipe|the team|team)\b")
YOU = _rx(r"\b(?:you|your|you'd|you'll|you're|yours|u|ur|tu|te|t'|ton|ta|tes|toi|vous|votre|vos|dear)\b|\bt'")
# A contraction is one word ("i'm" is not "i" and "m").
ME = _rx(r"\b(?:i'm|i've|i'd|i'll|im|i|my|me|mine|je|j|mon|ma|mes|moi|m)\b(?!')|\b[jm]'")
# How a pasted text starts: a forward, a DM marker, a brief excerpt, a quotation, a greeting to the creator.
PASTE_FRAME = _rx(
    r"^\s*(?:(?:fwd?|tr|re|trans)\s?:|\[(?:dm|mail|email|message)\]|(?:brief|contrat|contract|email|mail|dm|"
    r"message)\s?(?:\([^)]{0,20}\))?\s?:|[\"«“]|(?:hi+|hey+|hello+|hiya|dear|bonjour|bonsoir|salut|coucou|hola|"
    r"felicitations|congrat\w*|yo|greetings|good (?:day|morning|afternoon|evening))\b)"
)


# The writer introducing themself on behalf of a business, as a brand's first message does.
INTRODUCES = _rx(
    r"\b(?:je suis|je m'appelle|moi c'est|i'm|i am|my name is|this is|ici) \w+(?: \w+)? "
    r"(?:de chez|chez|from|at|de l'agence|de la marque|pour la marque|on behalf of)\b|"
    # a role at a business: "I'm the marketing manager at…", "je suis chargée de partenariats chez…", "I represent…"
    r"\b(?:i'm|i am|je suis) (?:the |a |an |la |le |une? )?(?:[\w'-]+ ){0,3}?(?:manager|director|coordinator|lead|"
    r"head|charge\w*|responsable|directeur|directrice|coordinat\w*)\b[^.!?\n]{0,30}\b(?:at|of|for|chez|de|pour)\b|"
    r"\b(?:i represent|je represente|i manage|je gere|i handle|je m'occupe (?:de|des|du)|i work (?:for|at)|"
    r"je travaille (?:pour|chez))\b[^.!?\n]{0,40}\b(?:brand|marque|agence|agency|company|entreprise|partenariats|"
    r"partnerships|influen\w*|collabs?|marketing)|"
    # writing for a business: "je me permets de vous contacter au nom de l'agence…", "reaching out on behalf of…"
    r"\b(?:je me permets de vous (?:contacter|ecrire)|je vous contacte|je vous ecris|i'?m reaching out|reaching out|"
    r"i'?m writing|i am writing)\b[^.!?\n]{0,30}\b(?:au nom de|de la part de|pour le compte de|on behalf of|"
    r"pour (?:la marque|l'agence)|for (?:the brand|our brand|the agency))\b"
)
# The writer offering something to the creator, as a brand's first message does.
OFFERS_YOU = _rx(
    r"\b(?:offer|send|gift|propose|proposer|propositions?|envoyer|collaborer|collaborate|work with you|"
    r"travailler avec (?:toi|vous)|love to|would like|aimerai\w*|souhaiterai\w*|voudrai\w*|can offer|peux t'|"
    r"pouvons vous|paie\w*|pay you)\b"
)
STRONG_FRAME = _rx(
    r"^\s*(?:(?:fwd?|tr|re|trans)\s?:|\[(?:dm|mail|email|message)\]|(?:brief|contrat|contract|email|mail|dm|"
    r"message)\s?(?:\([^)]{0,20}\))?\s?:)"
)


# A document's field: "Livrables : 1 reel", "Fee: $450", "- Usage: 90 days" (a label of one to four words).
FIELD_LINE = re.compile(r"^\s*[-•*]?\s*[a-z][\w'’&/+.()-]*(?: [\w'’&/+.()-]+){0,3}\s?:\s*\S")
# A chat export: "[12/03/2026 14:02] Julie - Brand: …", "12/03/2026 14:02 - Julie: …", "Julie (14:02): …".
CHAT_LINE = re.compile(
    r"^\s*(?:\[[^\]\n]{0,16}\d{1,2}:\d{2}[^\]\n]{0,16}\]|\d{1,2}[/.]\d{1,2}[/.]\d{2,4},? \d{1,2}:\d{2}\s?-|"
    r"\d{1,2}:\d{2}(?:\s?[ap]m)?\s+(?=[^\W\d])|"
    r"[^\n:]{1,30}\(\d{1,2}:\d{2}\))"
    r"[^\n:]{0,40}:"
)
# A copied DM thread, each line under its speaker's handle, and the creator's own as "me:".
SPEAKER_LINE = re.compile(r"^\s*(@[\w.]{2,30}|[a-z][\w .'-]{0,30}?)\s?:\s*\S")
ME_SPEAKERS = frozenset({"me", "moi"})
# A mail's first line naming its sender's address.
SENDER_LINE = re.compile(r"^\s*(?:from|de|expediteur|sender)\s?:\s*[^\n@]{0,40}@[\w-]+\.[\w.]+")
QUOTE_SHARE = 0.6
QUOTED_SPAN = re.compile(r'["«“]((?:[^"«»“”\n]|\n(?![ \t]*\n)){40,600})["»”]')
OFFER_SIGNS = _rx(
    r"\d|\b(?:reels?|posts?|stor(?:y|ies)|videos?|tiktoks?|collab\w*|partenariat|ambassad\w*|offr\w*|offer\w*|"
    r"propos\w*|gratuit\w*|free|envoy\w*|send|commission|code)\b"
)
MIN_FIELDS = 4  # a brief or a contract lists its terms; a creator's own question seldom has four "label:" lines
# A term on a line of its own behind a bullet, an emoji or a number ("✨ 15% de commission", "- 2 reels", "2. Log in
# to the portal"), as a brand's programme, brief or next steps list them.
BULLET_LINE = re.compile(r"^\s*(?:[^\w\s\"'«“(\[]{1,3}|\d{1,2}[.)])\s*\S")
# A contract's own register: numbered articles, the parties in the third person, legal verbs. A creator never
# writes "the Creator shall" or "l'Influenceur cède" about themself.
CONTRACT_HEADING = re.compile(r"^\s*(?:(?:article|section|clause|art\.)\s*\d+\b|\d{1,2}\.\d{1,2}\.?\s+[^\W\d])")
CONTRACT_VOICE = _rx(
    r"\b(?:shall|hereby|herein|hereafter|thereof|irrevocabl\w*|royalty-free|s'interdit|s'engage|cede|cedes|"
    r"l'influenceu(?:r|se)|le createur|la creatrice|the creator|the influencer|"
    r"(?:creator|influencer|influenceu\w*) (?:grants|agrees|shall|will|must)|"
    r"(?:brand|la marque) (?:shall|versera|s'engage)|en contrepartie|a compter de|ci-apres|ci-dessous denomme\w*)\b"
)


INTRO_MAX_WORDS = 25


def _pasted_beside_note(text: str) -> bool:
    """The creator's own short line and the brand's message, split by a blank line, either way round: "une agence
    m'a écrit ça, vous en pensez quoi ?\n\nBonjour, je suis Jérôme de…", or "…Arnaud – Houblon Média\n\nsachant
    que mon public c'est surtout des ados, je fais quoi ?". The brand's part is read alone, and it must make most of
    the text."""
    text = text.strip()
    intro = re.split(r"\n\s*\n", text, maxsplit=1)  # the note first, then the message
    note = re.split(r"\n\s*\n(?=[^\n]*\s*$)", text, maxsplit=1)  # the message, then the note on the last line
    for parts, note_first in ((intro, True), (note, False)):
        if len(parts) < 2:
            continue
        own, brand = (parts[0], parts[1]) if note_first else (parts[1], parts[0])
        if len(own.split()) <= INTRO_MAX_WORDS and len(brand) >= 2 * len(own) and _pasted_offer(brand, fold(brand)):
            return True
    return False


def _pasted_offer(text: str, folded: str) -> bool:
    """A brand's own words: headers or a paste frame (a forward, a quotation, a greeting to the creator), the brand
    speaking to the creator ("we … you"), and none of the creator's own voice outside the quotation. A document
    laid out as fields (a brief, a contract's terms) or a copied chat thread is pasted too."""
    lines = [line for line in folded.splitlines() if line.strip()]
    if sum(bool(EMAIL_HEADERS.match(line.strip())) for line in lines[:8]) >= 2:
        return True
    offerish = bool(OFFER_TERMS.search(folded) or MONEY.search(folded) or OFFER_WORDS.search(folded))
    if offerish and lines and SENDER_LINE.match(lines[0]):
        return True  # "From: partnerships@velvetnails.com": a mail, copied with its sender
    if offerish and sum(bool(CHAT_LINE.match(line)) for line in lines) >= 2:
        return True
    said = [m.group(1).strip() for line in lines if (m := SPEAKER_LINE.match(line))] if offerish else []
    handles = [name for name in said if name.startswith("@") or name in ME_SPEAKERS]
    if (len(handles) >= 2 and any(name.startswith("@") for name in handles)) or (
        ME_SPEAKERS & set(said) and len(set(said)) >= 2
    ):
        # "@sunnyside.smoothies: we'll pay £150…\nme: can we do 50% upfront?", "them: … / me: …": a DM thread copied
        return True
    if offerish and sum(bool(FIELD_LINE.match(line)) for line in lines) >= MIN_FIELDS:
        return True
    if offerish and sum(bool(BULLET_LINE.match(line)) for line in lines) >= MIN_FIELDS:
        return True
    if offerish and (
        sum(bool(CONTRACT_HEADING.match(line)) for line in lines) >= 2 or len(CONTRACT_VOICE.findall(folded)) >= 3
    ):
        return True
    # A quotation followed by the creator's question ('"…" c'est dans le brief, je fais quoi ?') is a paste.
    quoted = re.match(r'^\s*["«“](.{20,}?)["»”]', folded, re.S)
    if quoted:
        return True
    # The brand's words quoted after the creator's own ("voilà ce qu'ils m'ont envoyé : « Nous vous proposons… »"):
    # a quotation that makes most of the message, where a sender speaks to the creator.
    for quote in QUOTED_SPAN.finditer(folded):
        words = quote.group(1)
        if len(words) < QUOTE_SHARE * len(folded.strip()):
            continue  # a line quoted inside the creator's own account ("ils m'ont juste écrit « … » et rien d'autre")
        if (WE.search(words) or BRAND_VOICE.search(words)) and YOU.search(words) and OFFER_SIGNS.search(words):
            return True
        # A clause in the contract's own register ("Creator shall not mention…"), unless the creator tells it as
        # their contract's words ("their contract says «…»": described).
        if CONTRACT_VOICE.search(words) and not DOCUMENT_FRAME.search(folded[: quote.start()]):
            return True
    brand = len(WE.findall(folded)) + len(BRAND_VOICE.findall(folded))
    # "Apply via the link in our bio" speaks to the reader as "you" does
    you = len(YOU.findall(folded)) + len(CALL_TO_ACTION.findall(folded))
    # "Let me know!", "tiens-moi au courant": the writer asking the reader to answer, not the creator's own voice
    creator = len(ME.findall(REPLY_ASK.sub(" ", folded))) + (2 if CREATOR_FRAME.search(folded) else 0)
    frame = bool(PASTE_FRAME.match(folded)) or bool(SIGN_OFF.search(folded))
    if not offerish:
        return False
    if STRONG_FRAME.match(folded):
        return True
    if PASTE_FRAME.match(folded) and INTRODUCES.search(folded) and you and OFFERS_YOU.search(folded):
        return True  # "Salut Inès, je suis Margaux de chez …": the brand's writer, whose "je" is not the creator's
    if frame and (((brand or you) and creator <= 1) or (creator == 0 and MONEY.search(folded))):
        return True
    # "We can do 300€ for the reel, but we'll need the rights. Let us know.": the brand's "we", twice, naming its
    # price, and no word of the creator's own.
    return creator == 0 and (
        (brand >= 1 and you >= 1) or (brand >= 2 and bool(MONEY.search(folded) or DELIVERABLE.search(folded)))
    )


# A brand's call to creators in general, addressed to the reader: "Apply via the link in our bio", "DM us".
CALL_TO_ACTION = _rx(
    r"\b(?:apply (?:via|here|now|through|at|with|by)|postule[rz]? (?:via|ici|ou|en|sur)|candidate[rz]? (?:via|ici|sur)|"
    r"dm us|message us|contact us|email us|send us|ecris[- ]nous|ecrivez[- ]nous|envoie[- ]nous|envoyez[- ]nous|"
    r"contacte[rz]?[- ]nous|comment below|commente[rz]? (?:ci-dessous|en dessous)|"
    r"fill (?:out|in) (?:the|our|this) form|remplis(?:sez)? (?:le|notre|ce) formulaire|"
    # a request to the reader: "Merci de confirmer par retour de mail", "Please sign by Friday"
    r"merci de (?:confirmer|valider|signer|retourner|renvoyer|nous)|please (?:confirm|sign|send|return|reply|share)|"
    r"kindly)\b"
)
REPLY_ASK = _rx(
    r"\b(?:let me know|lmk|get back to me|reply to me|write me back|contact me|reach me|dm me|email me|"
    r"tiens[- ]moi au courant|tenez[- ]moi au courant|dis[- ]moi|dites[- ]moi|fais[- ]moi signe|faites[- ]moi signe|"
    r"repond(?:s|ez)[- ]moi|(?:n'hesite|n'hesitez) pas a me (?:contacter|repondre|dire|ecrire))\b"
)


def _follow_up(flat: str, words: list[str], previous: str) -> bool:
    """A short message that leans on the previous one: it starts like a continuation ("and if…", "et pour…"),
    asks for an example or the next step, or refers back ("it", "je l'ai") without naming a topic of its own. A
    change of subject, a question beside the domain or a domain term the previous message did not use starts a
    new exchange."""
    if TOPIC_CHANGE.match(flat):
        return False
    # "yeah that's what i thought lol. how do I ask for net 30?": the last answer acknowledged, then a question on it.
    acknowledged = ACKNOWLEDGED.match(flat)
    if acknowledged and len(flat[acknowledged.end() :].split()) <= FOLLOW_UP_MAX_WORDS:
        return not TOPIC_CHANGE.match(flat[acknowledged.end() :])
    redo = REDO_IT.search(flat)
    if redo and redo.start() <= REDO_AT and len(words) <= REDO_MAX_WORDS:
        return True  # the rework asked first, then what it is for
    if MEANT.search(flat) or (DRAFT_REPLY.search(flat) and not DELIVERABLE.search(flat)):
        return True  # the last answer explained, or the reply to the offer just told written
    if len(words) > FOLLOW_UP_MAX_WORDS:
        # "merci ! et du coup je leur envoie quoi comme facture ? j'ai pas encore de siret": a continuation that
        # points back may say more
        return (
            len(words) <= FOLLOW_UP_LONG_WORDS and bool(LONG_CONTINUATION.match(flat)) and bool(ANAPHORA.search(flat))
        )
    if FOLLOW_UP_START.match(flat) or CONTINUES.search(flat):
        return True
    if len(words) <= SHORT_PREDICATE_WORDS and SHORT_PREDICATE.match(flat):
        return True  # "is that legal?", "c'est normal ?": a judgement of what was just said
    first = FIRST_SENTENCE.match(flat)  # "is that normal? they seem legit, 40k followers": the judgement comes first
    if first and len(first.group(1).split()) <= SHORT_PREDICATE_WORDS and SHORT_PREDICATE.match(first.group(1)):
        return True
    if redo and len(words) <= REDO_WORDS:
        return True  # "tu peux me l'écrire en anglais ?", "can you make it shorter?": the last answer, reworked
    if EDIT_IT.match(flat):
        return True
    if ADJACENT.search(flat) or PLATFORM_MONEY.search(flat):
        return False  # posting times, gear, a recipe: its own subject, whatever came before
    # "i'm in the UK btw", "je suis en Belgique": where the creator is, for the question just asked.
    if _places(flat, words):
        return True
    own_topic = bool(STRONG_DOMAIN.search(flat))
    anaphora = bool(ANAPHORA.search(flat))
    if not own_topic and NEXT_ASK.search(flat) and (anaphora or GIVE_ME.search(flat) or len(words) <= FOLLOW_UP_SHORT):
        return True
    if not own_topic and PHRASING.search(flat):
        return True  # "how do I phrase the counter?": the wording of what was just advised
    if len(words) <= SHORT_JUDGEMENT_WORDS and SHORT_JUDGEMENT.search(flat):
        return True  # "c'est légal ça au moins ?", "is that even fair though?": a judgement of what was just said
    if own_topic or _new_terms(flat, previous):
        return False
    # A few words: "why?", "combien ?", "how much is normal?" (past three words, they must touch the domain).
    short = len(words) <= 3 or (len(words) <= FOLLOW_UP_SHORT and bool(DOMAIN.search(flat)))
    return short or (len(words) <= FOLLOW_UP_ANAPHORA_WORDS and anaphora)


# Selling one's own things, or making something with a friend or a sibling: no brand on either side ("je vends mes
# vieux vêtements sur Vinted, je déclare ?", "me and my sister want to collab on a cover song").
LEASE = _rx(
    # an estate agent's cut of a sale: "mon agent immobilier prend 5% de commission sur la vente de mon appart"
    r"\b(?:agent immobilier|agence immobiliere|real estate agent|estate agent|realtor|notaire)\b|"
    r"\b(?:contract|contrat|agreement)\b[^.?!\n]{0,25}\b(?:flat|apartment|appart\w*|logement|house|maison|rent|rental|"
    r"loyer|location|phone|telephone|mobile|forfait|gym|salle de sport|car|voiture|internet|box|assurance|insurance)\b|"
    r"\b(?:lease|tenancy|bail de location|rental agreement|landlord|proprio|proprietaire)\b"
)
_RESALE_SITES = r"vinted|leboncoin|le bon coin|depop|vide[- ]dressing|vide[- ]grenier|garage sale|yard sale"
RESALE = _rx(rf"\b(?:{_RESALE_SITES}|ebay)\b")
BRAND_WORD = _rx(
    r"\b(?:brands?|marques?|sponso\w*|collabs?|collaborations?|partenariats?|partnerships?|ugc|ambassad\w*|#ad|#pub|"
    r"gifted|pr (?:box|package))\b"
)
BESIDE = _rx(
    rf"\b(?:{_RESALE_SITES})\b|"
    r"\b(?:collab\w*|feat\w*|duo) (?:\w+ ){0,2}?(?:avec|with) (?:mon|ma|mes|my|a|une?) (?:[\w']+ )?(?:pote|potes|ami|"
    r"amie|amis|copain|copine|soeur|frere|sister|brother|friends?|cousin|cousine|bff|mate)\b|"
    r"(?:\b(?:me|moi) (?:and|et) (?:my|ma|mon) (?:sister|brother|friend|bff|soeur|frere|pote|copine|cousin\w*)|"
    r"\b(?:my|mon|ma) (?:sister|brother|friend|bff|soeur|frere|pote|copine|cousin\w*) (?:and i|and me|et moi))\b"
    r"[^.?!\n]{0,30}\bcollab|"
    # two creators making something together: "me and another creator are doing a collab video"
    r"\b(?:another|other|fellow|une autre|un autre|d'autres|autres) (?:creators?|createurs?|creatrices?|youtubers?|"
    r"youtubeu\w*|tiktokers?|tiktokeu\w*|influencers?|influenceu\w*|streamers?|streameu\w*)\b[^.?!\n]{0,40}\bcollab|"
    # music made together: "je fais une collab sur un son avec un rappeur", "a feat on my new single"
    r"\b(?:collab\w*|feat\w*|duo)\b[^.?!\n]{0,20}\b(?:sur|on|pour|for) (?:un|une|le|la|a|my|mon|ma|our|notre) "
    r"(?:nouveau |nouvelle |new )?(?:son|morceau|track|song|chanson|single|beat|titre|clip|ep|album)\b|"
    r"\b(?:distrokid|made a (?:track|song|beat) together|fait un (?:son|morceau|titre) ensemble)\b|"
    # another account reposting the creator's own videos
    r"\b(?:reupload\w*|re-?uploads?|steals? my (?:videos?|content)|vole mes (?:videos?|contenus?)|"
    r"reposte\w* mes (?:videos?|contenus?))\b|"
    r"\bcollab\w*[^.?!\n]{0,30}\b(?:with|avec) (?:another|other|fellow|une autre|un autre|d'autres) (?:creators?|"
    r"createurs?|creatrices?|youtubers?|youtubeu\w*|tiktokers?|tiktokeu\w*|influencers?|influenceu\w*)\b"
)
# The creator's tax on a job, not on content: "how do I fill in my tax return for my part-time barista job?"
JOB_TAX = _rx(
    r"\b(?:tax returns?|income tax|impots?|declaration (?:d'impots|de revenus)|tax|taxes)\b[^.?!\n]{0,50}\b(?:job|"
    r"jobs|salaire|salary|wages?|payslips?|fiche de paie|tips|pourboires|barista|serveu\w*|waiter|waitress|"
    r"part[- ]time|temps partiel|cdi|cdd|interim|alternance|stage|internship)\b|"
    r"\b(?:w-?2|teacher|nurse|enseignant\w*|infirmi\w*)\b[^.?!\n]{0,80}\b(?:deduct\w*|turbotax|tax return|impots?)\b"
)
CONTENT_INCOME = _rx(
    r"\b(?:collab\w*|influen\w*|creat\w*|sponso\w*|brands?|marques?|partenariats?|partnerships?|instagram|insta|"
    r"tiktok|youtube|ugc|affili\w*|gifts?|gifted|cadeaux?|produits? offerts?|free products?)\b"
)
# What makes it a deal after all: a brand, its money or its terms.
BRAND_SIDE = _rx(
    r"\b(?:brands?|marques?|sponso\w*|ambassad\w*|ugc|contrats?|contracts?|offres?|offers?|deals?|agences?|agency|"
    r"#ad|#pub|affili\w*|commission\w*|gifts?|gifted|partenariats?|partnerships?|paid|pay\w*|paye\w*|remun\w*|"
    r"fees?|tarifs?|argent|money|cachet)\b|\d ?[€$£]|[€$£] ?\d"
)


# Beside the domain though it speaks its words: a club's or a school's sponsor, a logo drawn for someone's brand,
# an account sold, a shop's order that never came, a job serving creators (editing, design) rather than brands.
CLUB_SPONSOR = _rx(
    r"\b(?:notre|our|mon|my|ma|le|la|the|un|une|a)\s+(?:[\w']+\s+){0,2}(?:club|equipe|team|asso\w*|ecole|school|festival|tournoi|"
    r"tournament|gala|band|groupe de musique|troupe)\b[^.?!\n]{0,60}\b(?:sponsors?|sponsoring|mecenes?|mecenat)\b|"
    # the sponsor sought first: "je cherche un sponsor pour mon semi-marathon", "a sponsor for my kid's team jerseys"
    r"\b(?:sponsors?|sponsoring|sponsorship|mecenes?)\s+(?:[\w']+\s+)?(?:pour|for)\s+(?:notre|our|mon|my|ma|mes|le|la|"
    r"the|un|une|a)\s+(?:[\w']+\s+){0,3}?(?:club|equipe|team|asso\w*|ecole|school|festival|tournoi|tournament|gala|band|troupe|"
    r"semi-marathon|marathon|course|race|run|walk|jerseys?|maillots?|kermesse|fundraiser|collecte)\b"
)
# Beside the creator's deals: schoolwork, a dispute with their employer, selling their own digital goods, an
# account to recover ("mon compte a été piraté, comment je le récupère ? j'ai des collabs en cours").
SCHOOLWORK = _rx(
    r"\b(?:homework|devoirs? (?:maison|de \w+|sur)|dissertation|dissert|(?:my|an|the|this) essay|essay (?:on|about)|"
    r"school project|projet scolaire|(?:mon|my) (?:memoire|thesis|these)|(?:ma|my) (?:these|thesis))\b"
)
EMPLOYMENT = _rx(
    r"\b(?:heures sup\w*|overtime|relocation|relocat\w*|job offer|offre d'emploi|offre de poste|prud'?hom\w*|"
    r"licenciement|licencie\w*|rupture conventionnelle|conges payes|salary (?:raise|negotiation)|"
    r"augmentation de salaire|contrat de travail|employment contract|\bcdd\b|\bcdi\b|chomage|unemployment benefits?|"
    r"france travail|pole emploi|"
    r"(?:my|mon) (?:employer|employeur)\b[^.?!\n]{0,30}\b(?:move|office|bureau|litige|dispute)|"
    # the day job's own terms: "my day job contract has a non-compete clause", "clause de non-concurrence"
    r"(?:my|mon) (?:day job|boulot|travail|job) (?:contract|contrat)|"
    r"(?:my|mon) (?:employer|employeur|patron|boss)\b[^.?!\n]{0,20}\b(?:stop|interdire|empecher|let me|allow))\b"
)
OWN_GOODS = _rx(
    r"\b(?:etsy|gumroad|ko-?fi shop|"
    r"(?:selling|sell|sold|vendre|vends|vend|vendu) (?:my |mes |des |de |ses |his |her )?(?:own )?(?:\w+ )?"
    r"(?:presets|ebooks?|e-books?|printables|templates|prints|merch)|"
    r"(?:selling|sell|vendre|vends|vend) (?:my|mes|ses|his|her) (?:own|propres?|home-?made|faits? maison) \w+|"
    # a brand of one's own to start: "je veux lancer ma propre marque de bougies"
    r"(?:lancer|creer|monter) (?:ma|mon) (?:propre )?(?:marque|boutique|business|entreprise|ligne|e-?shop)|"
    r"(?:launch|launching|start|starting) my own (?:\w+ )?(?:brand|business|shop|line|products?)|"
    # one's own merch: "my merch drop sold out, printful takes forever"
    r"(?:my|mon|ma|mes) merch\w*|printful|print on demand|print partners?)\b"
)
RECOVERY = _rx(
    r"\b(?:recuper\w*|recover\w*|restore|retrouver|reactiver|unlock|get (?:it|them|my \w+|mon \w+) back|reset|"
    r"kick (?:him|her|them) out|log (?:him|her|them) out|sessions|deconnecter|reinitialiser)\b"
)
LOGO_DRAWN = _rx(
    r"\b(?:faire|creer|designer|dessiner|make|design|create|draw|making|designing)\s+(?:[\w']+\s+){0,2}logos?\b|"
    r"\blogo design\b"
)
ACCOUNT_SALE = _rx(
    r"\b(?:vendre|revendre|sell|selling|sold|buy|buying|acheter|racheter|rachat|vente)\s+(?:de\s+|d')?"
    r"(?:mon|ma|my|un|une|a|an|ton|your|son|his|her|des|les|this|ce)?\s*(?:[\w']+\s+)?(?:compte|account|page|chaine|"
    r"channel)s?\b"
)
ORDER_LOST = _rx(
    r"\b(?:order|commande|colis|parcel|package)\b[^.?!\n]{0,40}\b(?:never (?:arrived|came|showed)|jamais (?:arrive\w*|"
    r"recu\w*)|(?:not|hasn't|hasnt|didn't|didnt) (?:arrived?|received|come)|pas (?:encore )?(?:arrive\w*|recu\w*)|"
    r"lost|perdu)"
)
# Work of the creator's other trade for its clients: "freelance dev here, client wants me to sign an NDA".
OTHER_TRADE = _rx(
    r"\bfreelance (?:dev|developer|web ?dev\w*|designer|graphiste|photographer|photographe|translator|traduct\w*|"
    r"copywriter|redact\w*|consultant|illustrat\w*|dev web)\b|\b(?:je suis|i'm an?|i am an?) (?:dev|developpeu\w*|"
    r"developer|graphiste|graphic designer|traduct\w*|translator|illustrat\w*) (?:en )?freelance\b"
)
SERVES_CREATORS = _rx(
    r"\b(?:freelance\w*|monteu\w*|video editor|editor|graphiste|graphic designer|designer|photographe|photographer|"
    r"assistant\w*|virtual assistant|ghostwriter|miniaturiste|thumbnail designer)\b[^.?!\n]{0,30}\b(?:for|pour|de|of)"
    r"\s+(?:des |les |other |d'autres |some |a few |quelques |small |petits? )?(?:youtubers?|youtubeu\w*|creators?|"
    r"createur\w*|creatrices?|influenceu\w*|influencers?|streamers?|streameu\w*|tiktokeu\w*|tiktokers?)\b"
)
# A deal of the creator's own after all, in any of them.
CREATOR_DEAL = _rx(
    r"\b(?:collabs?|collaborations?|partenariats?|partnerships?|ambassad\w*|ugc|#ad|#pub|gifted|pr (?:box|package)|"
    r"(?:mes|my|mon|ma) (?:abonnes|followers|posts?|reels?|videos?|contenus?|content|stories)|"
    r"(?:mon|my) (?:compte|account) (?:insta\w*|tiktok|youtube))\b"
)


@functools.lru_cache(maxsize=256)  # read by `_understand` and again by `adjacent` on the same text
def _beside(flat: str) -> bool:
    if JOB_TAX.search(flat) and not CONTENT_INCOME.search(flat):
        return True
    if (BESIDE.search(flat) or SERVES_CREATORS.search(flat)) and not _mentions(BRAND_SIDE, flat):
        return True
    if OTHER_TRADE.search(flat) and not CREATOR_DEAL.search(flat) and not BRAND_WORD.search(flat):
        return True
    if ACCOUNT_SALE.search(flat):
        return True
    if LEASE.search(flat) and not BRAND_WORD.search(flat):
        return True  # "signing the contract for my flat tomorrow": a tenant's contract, not a brand's
    if RESALE.search(flat) and not BRAND_WORD.search(flat):
        return True  # "une fille me propose 5€ pour un manteau sur vinted": a buyer's price, whatever the amount
    # a salaried job beside paid collabs ("je suis salariée en CDI et j'ai des collabs payées") is the creator's
    # status, in the domain
    employment = EMPLOYMENT.search(flat) and not CREATOR_DEAL.search(flat)
    if SCHOOLWORK.search(flat) or employment or OWN_GOODS.search(flat):
        return not BRAND_ASKS.search(flat)
    if ACCOUNT_TROUBLE.search(flat) and RECOVERY.search(flat):
        return True  # the account back first, whatever deals wait on it
    shapes = (CLUB_SPONSOR, LOGO_DRAWN, ORDER_LOST)
    return any(shape.search(flat) for shape in shapes) and not CREATOR_DEAL.search(flat)


# A brand acting in the message after all: "a brand wants my essay on their product", "la marque m'a viré".
BRAND_ASKS = _rx(
    r"\b(?:brand|marque|sponsor)s?\b[^.?!\n]{0,30}\b(?:wants?|veut|veulent|asks?|demande\w*|offer\w*|propos\w*)\b"
)


def _places(flat: str, words: list[str]) -> bool:
    """A short message saying where the creator is ("i'm in the UK btw", "je suis en Belgique")."""
    return len(words) <= COUNTRY_ONLY_WORDS and bool(SELF_PLACE.search(flat)) and mentioned_country(flat) is not None


def _new_terms(flat: str, previous: str) -> set[str]:
    """The domain terms of `flat` that the previous message did not use ("what is whitelisting?" after a rate
    question names a topic of its own)."""
    before = " ".join(fold(previous).split())
    terms = {m.group(0) for m in DOMAIN.finditer(flat) if not ASKING_WORDS.fullmatch(m.group(0))}
    return {term for term in terms if term not in before}


def _scam_flags(flags: Sequence[str]) -> bool:
    return any(flag in WARNING_FLAGS for flag in flags)


def _red_flags(text: str, profile: object | None) -> tuple[tuple[str, ...], object, str | None]:
    """The offer detectors (bot.offers), then the same flags as a creator words them in a question, each read
    clause by clause so that a negated mention ("no upfront fee", "pas de mot de passe") does not count."""
    from bot.offers import extract_facts
    from bot.offers.extract import own_portal

    # The offer rules read the opening (their cost grows faster than the text on long digit runs); this step's own
    # detectors below read the whole message, and a pasted offer is judged in full by the offer evaluator.
    facts = extract_facts(text[:EXTRACT_CHARS])
    flags: list[str] = []
    parts = Clauses(clauses(text))
    # What the creator words as a negation ("they never asked for my password") vetoes the offer rule's flag.
    denied = _denied(parts)

    def add(flag: str) -> None:
        if flag not in flags:
            flags.append(flag)

    def add_fact(flag: str) -> None:
        if flag not in denied:
            add(flag)

    folded_text = fold(text)
    hired = _hired_help(folded_text)
    for fact, flag in FACT_FLAGS:
        if getattr(facts, fact, False) and not (hired and flag == "pay_to_collaborate"):
            add_fact(flag)
    # Hidden advertising needs a word about disclosing or hiding it: "I don't get paid in cash, only PR boxes" is
    # how the creator is paid, not a brand asking to leave out #ad.
    if getattr(facts, "disclosure", None) == "hidden" and (
        DISCLOSURE_WORD.search(folded_text) or HIDE_ASK.search(folded_text)
    ):
        add_fact("hidden_advertising")
    category = getattr(facts, "category", None)
    # Only the detectors found somewhere in the message read it clause by clause (a long text of tiny clauses
    # would otherwise cost a Python loop per detector and clause).
    asks = [(flag, pattern) for flag, pattern in CLAUSE_DETECTORS if parts.having(pattern)]
    topics = [(name, pattern) for name, pattern in BANNED_TOPICS if parts.having(_compiled(pattern))]
    hiding = bool(parts.having(HIDE_ASK) or parts.having(DISCLOSURE_WORD))
    archive = bool(parts.having(ARCHIVE))
    for clause in parts if asks or topics or hiding or archive else ():
        if archive and ARCHIVE.search(clause.folded):  # "the password to open the .rar": malware, not a login ask
            add("download_request")
        for flag, pattern in asks:
            if flag == "login_request" and ARCHIVE.search(clause.folded):
                continue
            if flag == "pay_to_collaborate" and hired:
                continue
            if any(
                not is_negated(clause, m.span())
                and not (flag == "pay_to_collaborate" and is_negated(clause, (m.end() - 1, m.end())))
                and not _pays_the_state(flag, m)
                and not _pays_the_creator(flag, m)
                and not (
                    flag == "login_request"
                    and own_portal(clause.folded[max(0, m.start() - 40) : m.end() + 40], m.group(0))
                )
                and not (flag == "login_request" and _partner_access(clause.folded, m))
                for m in pattern.finditer(clause.folded)
            ):
                add(flag)
        if hiding and _hides_disclosure(clause):
            add("hidden_advertising")
        for name, pattern in topics:
            if any(
                not is_negated(clause, m.span()) and not _listed(clause.folded, m.span())
                for m in re.finditer(pattern, clause.folded)
            ):
                category = category if category in BANNED_CATEGORIES else name
    if USED_CLAIM.search(folded_text):
        add("fake_reviews")
    if UNAUTHORISED.search(folded_text) and FINANCIAL.search(folded_text) and "unregistered_financial" not in denied:
        add("unregistered_financial")  # "they said they're not FCA authorised yet", "pas enregistrée auprès de l'AMF"
    if category in BANNED_CATEGORIES and not _only_listed(parts, category):
        add("banned_category")
    no_go = getattr(profile, "no_go", None) or []
    if category and category in no_go:
        add("no_go_category")
    minors_share = getattr(profile, "minors_share", None)
    minors = (minors_share is not None and minors_share >= 0.2) or bool(MINORS.search(folded_text))
    gambling = category in ("gambling", "betting_tips") or bool(GAMBLING.search(folded_text))
    if gambling and minors:
        add("gambling_minors")  # the offer judge's own code for it: betting before minors, whatever else is said
    if (category in ADULTS_ONLY or gambling) and minors:
        add("minors_audience")  # an adults-only product before an audience of minors
    if any(flag in SCAM_FLAGS for flag in flags):
        add("scam_signals")  # a scam's ask is itself the sign: the message is not from a real brand
    return tuple(flags), facts, category


# A list of kinds of brands ("my inbox is all off-topic: crypto, teeth whitening, phone cases"): its items, after a
# colon or a comma, each a few words long.
LIST_PART = _rx(r"[^:;.!?\n]+")
LIST_SEPARATOR = _rx(r",|\s(?:and|or|et|ou|&)\s")
LIST_ITEM_WORDS = 3


def _listed(folded: str, span: tuple[int, int]) -> bool:
    """Whether the category named at `span` is one item of a list of several kinds of products, some of them
    allowed: a description of what comes in, not an offer for that category."""
    part = next((m for m in LIST_PART.finditer(folded) if m.start() <= span[0] < m.end()), None)
    if part is None:
        return False
    after_colon = part.start() > 0 and folded[part.start() - 1] == ":"
    items, start = [], part.start()
    for sep in [*LIST_SEPARATOR.finditer(folded, part.start(), part.end()), None]:
        end = sep.start() if sep else part.end()
        items.append((start, end))
        start = sep.end() if sep else end
    if len(items) < 3:
        return False
    index = next(i for i, (low, high) in enumerate(items) if low <= span[0] < high)
    if index == 0 and not after_colon:
        return False  # "they sell vapes, hoodies and caps": the first item carries the sentence's verb

    def short(low: int, high: int) -> bool:
        return 0 < len(folded[low:high].split()) <= LIST_ITEM_WORDS

    others = [(low, high) for i, (low, high) in enumerate(items) if i != index]
    allowed = [
        item for item in others
        if short(*item) and not any(re.search(p, folded[item[0] : item[1]]) for _, p in BANNED_TOPICS)
    ]  # fmt: skip
    return short(*items[index]) and bool(allowed)


def _only_listed(parts: Clauses, category: str) -> bool:
    """Whether every mention of `category` (as the offer rules found it too) is one item of a list of kinds."""
    pattern = dict(BANNED_TOPICS).get(category)
    if pattern is None:
        return False
    spans = [(clause.folded, m.span()) for clause in parts for m in re.finditer(pattern, clause.folded)]
    return bool(spans) and all(_listed(folded, span) for folded, span in spans)


# A financial provider said to lack its licence, with the regulator's name between: "not FCA authorised yet".
UNAUTHORISED = _rx(
    r"\b(?:not|isn't|aren't|n'est pas|ne sont pas|pas|non|sans|without|no)\s+(?:yet |encore |even |meme )?"
    r"(?:\w+ ){0,2}?"
    r"(?:registered|regulated|licensed|authori[sz]ed|approved|enregistre\w*|regule\w*|agree\w*|autorise\w*|"
    r"agrement|licence|license)\b|\b(?:unregistered|unregulated|unlicensed|unauthori[sz]ed)\b"
)
FINANCIAL = _rx(
    r"\b(?:crypto\w*|bitcoin|btc|eth|tokens?|nft|exchange|trading|trader|forex|invest\w*|fintech|broker|courtier|"
    r"bourse|casino|betting|paris sportifs|bookmaker|amf|fca|sec|psan|regulat\w*|regulateur)\b"
)


CLAUSE_DETECTORS = (
    ("pay_to_collaborate", PAY_TO_JOIN),
    ("login_request", LOGIN_ASK),
    ("download_request", DOWNLOAD_ASK),
    ("bank_details_request", BANK_ASK),
    ("fake_copyright_notice", COPYRIGHT_THREAT),
    ("fake_reviews", FAKE_REVIEWS),
)
_compiled = functools.cache(re.compile)


QUESTION_DETECTORS = (
    ("pay_to_collaborate", PAY_TO_JOIN),
    ("login_request", LOGIN_ASK),
    ("download_request", DOWNLOAD_ASK),
    ("bank_details_request", BANK_ASK),
)


# Paying tax, VAT or social contributions on what a brand gives is the law, not a pay-to-join scheme: "do I have to
# pay tax on gifted products?".
TAX_PAID = _rx(
    r"\b(?:tax\w*|vat|tva|impots?|impot sur|income tax|cotisations?|urssaf|hmrc|irs|charges sociales|social "
    r"(?:security|contributions?)|national insurance|duty|duties|douane|customs)\b"
)


# What a pay-to-join scheme charges for, besides the products themselves.
SCHEME_COST = _rx(
    r"\b(?:kit|starter|shipping|livraison|port|envoi|postage|frais|fees?|deposit|acompte|caution|inscription|"
    r"registration|formation|training|course|membership|adhesion|abonnement|subscription|sign[- ]?up)\b"
)


# Being paid in products is a gift deal, not buying in: "they only want to pay in product", "payé en produits".
IN_KIND = _rx(r"^(?:\w+\s+){0,2}?(?:in|en|with|avec)\s+(?:\w+\s+)?(?:produits?|products?|kind|nature|goods|gifts?)\b")


SCHEME = _rx(r"\b(?:ambassad\w*|programme?|program|join|rejoindre|membre|member\w*|devenir|become)\b")
OWN_PURCHASE = _rx(
    r"\s*(?:\w+\s+){0,2}?(?:myself|with my own money|out of my own pocket|moi[- ]meme|de ma poche|"
    r"avec mon (?:propre )?argent)\b"
)


def _pays_the_state(flag: str, match: re.Match[str]) -> bool:
    """A "pay … products" match whose object is a tax ("pay tax on gifted products"), that pays the creator in
    kind ("pay me in products") or that the creator paid for themself, and names nothing a scheme sells."""
    if flag != "pay_to_collaborate":
        return False
    rest = match.group(0).partition(" ")[2]  # after the verb
    if SCHEME_COST.search(rest) or SCHEME.search(match.string):
        return False
    if OWN_PURCHASE.match(match.string, match.end()):
        return True  # "I paid for the product myself": the creator's own purchase
    return bool(TAX_PAID.match(re.sub(r"^(?:(?:the|my|any|some|des|les|mes|de|du|la|l'|d')\s*)+", "", rest))) or bool(
        IN_KIND.match(rest)
    )


# Who pays whom: "wants to pay me to share their campaign", "ils veulent me payer les frais de port", "they paid us
# 50% upfront" pay the creator. "me demande de payer", "me faire payer" and "want me to pay" have a word between.
PAY_VERB = _rx(r"(?:pay|paying|paid|payer|paye[rsz]?|verser|regler|vire[rsz]?)\b")
PAID_PERSON = _rx(r"\s+(?:me|us|you|u)\b")
BRAND_PAID = _rx(
    r"\b(?:they|the brand|brand|the company|the client|ils|elle|la marque|l'entreprise|le client)\s+"
    r"(?:(?:already|have|'ve|ont|a|avaient|avait|deja)\s+)*$"
)
# A rate per result paid to the creator: "on paye 30€ par inscription", "we pay $25 for every signup".
PAID_PER_RESULT = _rx(
    r"\s+(?:you\s+|te\s+|vous\s+)?(?:[€$£]\s?\d+|\d+(?:[.,]\d+)?\s?(?:[€$£]|euros?|dollars?|bucks))\s*"
    r"(?:par|per|for each|for every|pour chaque|a chaque|/)\s*(?:new\s+|nouvel(?:le)?\s+)?(?:inscri\w*|sign-?ups?|"
    r"signups?|sales?|ventes?|depots?|deposits?|abonne\w*|followers?|clicks?|clics?|leads?|installs?|downloads?|"
    r"telechargements?|referrals?|parrainages?|conversions?|orders?|commandes?|videos?|posts?|reels?)\b"
)
PAID_PRONOUN = _rx(
    r"\b(?:me|m'|te|t')\s*(?:(?:a|ont|avait|avaient|aura|auront|va|vont|veut|veulent|voulait|voulaient)\s+)?$"
)


# Someone the creator hires for their own life (a builder, a wedding photographer, a landlord): their deposit is the
# creator's own purchase, not a brand's fee, when nothing in the message is about a collaboration.
HIRED_HELP = _rx(
    r"\b(?:artisan|plombier|electricien|macon|menuisier|couvreur|peintre en batiment|garagiste|mecanicien|"
    r"traiteur|photographe de mariage|wedding (?:photographer|planner|venue|dj)|caterer|contractor|builder|plumber|"
    r"electrician|roofer|mechanic|landlord|proprio|proprietaire|bailleur|agence immobiliere|travaux|renovation|"
    r"(?:kitchen|bathroom) (?:remodel|renovation)|cuisiniste|mariage|wedding|demenageurs?|movers|moving company|"
    r"fleuriste|florist|"
    # everyday providers: a phone plan, an internet box, a gym
    r"operateur|forfait (?:mobile|telephone|internet|\d+ ?go)|phone plan|mobile plan|internet provider|box internet|"
    r"salle de sport|gym membership)\b"
)
COLLAB_WORDS = _rx(
    r"\b(?:marques?|brands?|collabs?|collaborations?|sponso\w*|partenariats?|partnerships?|campa\w+|ambassad\w*|"
    r"influen\w*|createur\w*|creators?|posts?|reels?|stor(?:y|ies)|videos?|tiktoks?|abonnes|followers|promo\w*|"
    r"ugc|gift\w*|kit|produits? (?:gratuits?|offerts?)|free products?)\b"
)


def _hired_help(folded: str) -> bool:
    """A message about paying someone the creator hires, with no word of a collaboration."""
    return bool(HIRED_HELP.search(folded)) and not COLLAB_WORDS.search(folded)


# A deposit the creator asks of the brand: "je demande un acompte à la marque", "i asked the brand for a deposit".
REQUEST_VERB = _rx(r"(?:want|ask|requir|request|demand|veu|voul|exig|reclam)\w*\b")
# the creator asking ("je demande un acompte"), not asked ("on me demande 25€": "on" is whoever asks them)
CREATOR_SUBJECT = _rx(r"\b(?:je|j'|i|we|nous|on)\s+(?:(?!me\b|m')\w+\s+)?$")
FROM_THE_BRAND = _rx(
    r"[^.?!\n]{0,40}\b(?:from|a|aux?|to|de la part d[eu']?)\s*(?:la |le |l'|the |my |ma |mon |mes |les |this |cette |"
    r"ce )?(?:marques?|brands?|clients?|compan\w+|entreprises?|agences?|agenc\w+)\b"
)


PLATFORM_PAYS = _rx(
    r"\b(?:youtube|tiktok|instagram|insta|facebook|meta|twitch|snap\w*|the platform|la plateforme)\s+"
    r"(?:(?:actually|really|even|still|vraiment|encore|only|just|seulement)\s+)?$"
)


def _pays_the_creator(flag: str, match: re.Match[str]) -> bool:
    """A "pay …" match whose verb has the creator as its object, or a deposit the creator asks of the brand: the
    money flows to them, not from them."""
    if flag != "pay_to_collaborate":
        return False
    if REQUEST_VERB.match(match.group(0)):
        before = match.string[max(0, match.start() - 20) : match.start()]
        return bool(CREATOR_SUBJECT.search(before)) or bool(FROM_THE_BRAND.match(match.string, match.end()))
    verb = PAY_VERB.match(match.group(0))
    if verb is None:
        return False
    start, end = match.start(), match.start() + verb.end()
    before = match.string[max(0, start - 30) : start]
    if verb.group(0) in ("paid", "paye") and BRAND_PAID.search(before):
        return True  # "they paid 50% upfront", "la marque a payé": the brand paid, the creator was paid
    if PLATFORM_PAYS.search(before):
        return True  # "how much does youtube actually pay … in the partner program?": the platform pays the creator
    if PAID_PER_RESULT.match(match.string, end):
        return True  # "on paye 30€ par inscription": the creator's rate per result
    return bool(PAID_PERSON.match(match.string, end)) or bool(PAID_PRONOUN.search(before))


# Access the platform grants a partner without a password: Meta's partner access through Business Suite or
# Business Manager, ads permissions for whitelisting, TikTok's Spark Ads codes. Access granted that way is the
# legitimate route; a password, a login or a 2FA code handed over is not.
PARTNER_ACCESS = _rx(
    r"\b(?:partner(?:ship)? (?:access|ads?)|business (?:suite|manager|center|centre)|ads? manager|"
    r"(?:ads?|advertis\w*|collaborator) (?:access|permissions?)|branded content ads?|creator marketplace|spark ads?|"
    r"acces (?:partenaire|annonceur)|gestionnaire (?:de publicites?|d'entreprise)|whitelist\w*)\b"
)
SECRET = _rx(
    r"\b(?:password|passcode|mot de passe|mdp|identifiants?|credentials|2fa|two[- ]factor|"
    r"(?:verification|security|login|sms|backup) codes?|codes? (?:de verification|de securite|sms|de secours))\b"
)


def _partner_access(folded: str, match: re.Match[str]) -> bool:
    """An "access to my account" granted through the platform's partner tools, with no secret asked."""
    return bool(PARTNER_ACCESS.search(folded)) and not SECRET.search(match.group(0)) and not SECRET.search(folded)


def _denied(parts: Clauses) -> set[str]:
    """Flags whose every mention in the message is negated ("aucun frais d'inscription", "never asked for my
    password"): the offer rules read such a sentence as the ask itself."""
    seen: dict[str, bool] = {}
    detectors = [(flag, pattern) for flag, pattern in QUESTION_DETECTORS if parts.having(pattern)]
    for clause in parts if detectors else ():
        for flag, pattern in detectors:
            for match in pattern.finditer(clause.folded):
                negated = is_negated(clause, match.span()) or _pays_the_state(flag, match)
                negated = negated or _pays_the_creator(flag, match)
                seen[flag] = seen.get(flag, True) and negated
    return {flag for flag, all_negated in seen.items() if all_negated}


def _hides_disclosure(clause: object) -> bool:
    """'told me not to use #ad', 'me dit de pas mettre #pub', 'sans mention sponsorisé', 'make it look organic'."""
    folded: str = clause.folded  # type: ignore[attr-defined]

    def label(match: re.Match[str]) -> bool:
        # "never mention NordShield or any other VPN" bans naming rivals: the "mention" there is not the ad label.
        return not bans_rivals_only(folded, match.start(), match.end())

    if any(label(match) for match in HIDE_ASK.finditer(folded)):
        return True
    # "pas de droits publicitaires", "no usage in paid ads", "usage organique 6 mois, pas de sponsorisation": a refused
    # advertising use (sponsoring a post is paying to boost it), not a label left out.
    return any(
        is_negated(clause, match.span())  # type: ignore[arg-type]
        and _negation_reaches(clause, match.start())
        and label(match)
        and not match.group(0).startswith("sponsorisation")
        and not ADS_USE_NEAR.search(folded[max(0, match.start() - 40) : match.end()])
        for match in DISCLOSURE_WORD.finditer(folded)
    )


def _negation_reaches(clause: object, start: int) -> bool:
    """Whether the negation before a label is about the label itself ("pas de #pub", "me dit de pas mettre #pub",
    "without any ad label") rather than about something else in the clause ("si j'aime pas trop un produit sponso":
    the creator dislikes the product; nobody leaves out a label)."""
    folded: str = clause.folded  # type: ignore[attr-defined]
    low = max((low for low, high in clause.scopes if low <= start < high), default=start)  # type: ignore[attr-defined]
    return all(LABEL_APPROACH.fullmatch(word) for word in re.findall(r"[\w#']+", folded[low:start]))


# Words between a negation and the label it leaves out: articles, verbs of saying or putting, the label's own words.
LABEL_APPROACH = _rx(
    r"(?:de|d'|du|des|le|la|les|l'|un|une|the|a|an|any|of|no|not|pas|sans|without|ni|jamais|never|besoin|need|to|"
    r"don't|dont|do|doesn't|won't|can't|shouldn't|didn't|ne|n'|c|ca|it|this|"
    # the platform's switch: "sans activer le contenu commercial", "without ticking the paid partnership box"
    r"activer|active|activate|activating|turn|turning|on|cocher|coche|tick|ticking|toggle|toggling|enable|enabling|"
    r"switch|box|case|bouton|button|option|setting|outil|tool|"
    r"en|mention\w*|label\w*|tag\w*|hashtags?|#|mettre|mets|mettez|put|use|using|utiliser|utilise|dire|dis|say|"
    r"saying|write|ecrire|indiquer|preciser|afficher|mark\w*|disclos\w*|faire|fais|ajouter|add|adding|that|que|"
    r"c'est|it's|its|is|est|une?|collab\w*|paid|payee?|remuneree?|commerciale?|obligatoire|required|de la|any)"
)


ADS_USE_NEAR = _rx(
    r"\b(?:droits?|rights?|usage|licen[cs]e|utilis\w*|reutilis\w*|whitelist\w*|boost\w*|in paid|en pub|organi\w*)\b"
)


# --- an offer's clauses in the creator's own words ------------------------------------------------------------
# The offer rules read these clauses as a brand writes them ("Creator must remove negative comments"); a creator
# tells them otherwise ("they want me to block anyone who complains", "brand won't sign anything", "no money, just
# the products", "payé une fois la vidéo validée"). Read on offers only, as the offer rules are.
GAG_COMMENTS = _rx(
    r"\b(?:block|ban|delete|remove|hide|filter|moderate|censor|bloquer|bannir|supprimer|effacer|masquer|cacher|"
    r"filtrer|moderer|censurer|bloque|supprime|efface|masque|cache|filtre|censure)\w*\b[^.?!\n]{0,40}?\b(?:complain\w*|"
    r"critic\w*|critiqu\w*|negati\w*|haters?|bad (?:comments?|reviews?)|mauvais (?:commentaires?|avis)|plaign\w*|"
    r"plaint\w*|plaign\w*)|"
    r"\b(?:turn off|switch off|disable|close|limit|desactiver|couper|fermer|limiter|desactive|coupe|ferme)\s+"
    r"(?:the |les |my |mes |all |tous les )?(?:comments|commentaires)\b|"
    r"\b(?:only|que|uniquement|seulement)\s+(?:say |dire |les |des |du |keep |garder |laisser )?(?:avis |commentaires |"
    r"comments |reviews )?(?:positi\w*|good things|nice things|du positif|bons? retours?)|"
    r"\b(?:no|aucune?|pas de|sans|zero) (?:criticism|critique|negative (?:comment|review|opinion)s?|avis negatifs?)\b"
)
NO_PAPER = _rx(
    r"\b(?:won'?t|will not|doesn'?t|don'?t|does not|do not|refuses? to|refuse(?:nt)? de|ne veu(?:t|lent)|"
    r"veu(?:t|lent) pas)"
    r"\b[^.?!\n]{0,25}?\b(?:sign\w*|put (?:anything|it|something|this) in writing|(?:mettre|ecrire) [^.?!\n]{0,15}"
    r"par ecrit|(?:a |any |de |un )?(?:written )?(?:contract|contrat))|"
    r"\b(?:no|pas de|sans|without|aucun|pas besoin d'?(?:un |de )?|no need for an?) (?:written |formal |vrai |real |"
    r"de )?(?:contract|contrat|paperwork|paperasse)\b(?! (?:d'|of )exclu)|"
    r"\b(?:juste|just|only|seulement|simplement) (?:a |an |un |une |by |par |over |on |via )?(?:l'oral|oral|verbal\w*|"
    r"handshake|poignee de main|dm|message|mail|email|whatsapp)\b|\ba l'oral\b|\bverbal(?:ly)? (?:agreement|deal)\b"
)
NO_MONEY = _rx(
    r"\b(?:no (?:money|fee|cash|payment|pay)|unpaid|not paid|without (?:pay|payment|a fee|money|being paid)|"
    r"(?:pas|aucune?|sans|zero) (?:de |d')?(?:remuneration|argent|cachet|paiement|thune|fee|euro)|pas paye\w*|"
    r"sans etre paye\w*|non remunere\w*|benevole\w*|"
    r"(?:only|just|juste|uniquement|seulement) (?:pay |paye\w* |paie\w* )?(?:in |en )?(?:products?|produits?|gifts?|"
    r"cadeaux?|free stuff)|(?:paid|pay|pays|paye\w*|paie\w*) (?:me )?"
    r"(?:only |uniquement |juste |seulement )?(?:in|en) (?:products?|produits?|nature|kind|gifts?|cadeaux?)|"
    r"in kind|en nature)\b"
)
GIFT_WORD = _rx(
    r"\b(?:gift\w*|free|gratuit\w*|offert\w*|offre|m'offre\w*|cadeaux?|products?|produits?|box|colis|send(?:s|ing)? me|"
    r"m'envo\w*|range|gamme|samples?|echantillons?|stuff)\b"
)
PAID_AFTER_OK = _rx(
    r"\b(?:pay\w*|paid|paie\w*|paye\w*|verse\w*|regle\w*|paiement)\b[^.?!\n]{0,50}?\b(?:after|once|when|only if|upon|"
    r"apres|une fois|si|quand|des que|lorsque?)\b[^.?!\n]{0,40}?\b(?:approv\w*|valid\w*|sign\w* off|happy|satisf\w*|"
    r"content\w*|accept\w*|like[sd]? it|aime\w*|ok with)|"
    # "within 90 days of invoice, subject to final content approval", "approve the video before paying anything"
    r"\bsubject to (?:the |their )?(?:final |brand'?s? |client'?s? )?(?:content |video )?(?:approval|sign[- ]off)\b|"
    r"\bapprov\w*\b[^.?!\n]{0,30}\bbefore (?:paying|payment|they pay|any payment)\b|"
    r"\bvalid\w*\b[^.?!\n]{0,30}\bavant (?:de (?:me |nous )?payer|le paiement|tout paiement)\b"
)


def own_words_flags(text: str) -> tuple[str, ...]:
    """Clause flags of an offer as the creator words them: comment control, no written contract, gift only,
    payment after approval. A negated comment ask ("they don't ask me to delete bad comments") is not one."""
    flat = " ".join(fold(text).split())
    flags = []
    parts = Clauses(clauses(text))
    if any(not is_negated(c, m.span()) for c in parts.having(GAG_COMMENTS) for m in GAG_COMMENTS.finditer(c.folded)):
        flags.append("comment_control")
    if NO_PAPER.search(flat):
        flags.append("no_written_contract")
    # what the gift is worth ("the chair (like $400)", "d'une valeur de 300€") is no fee
    unpriced = WORTH.sub(" ", flat)
    if NO_MONEY.search(flat) and GIFT_WORD.search(flat) and not MONEY.search(unpriced) and not COMMISSION.search(flat):
        flags.append("gift_only")
    if PAID_AFTER_OK.search(flat):
        # the offer rules raise the older code for the same risk with it (README: late_payment_terms)
        flags += ["payment_after_approval", "late_payment_terms"]
    return tuple(flags)


WORTH = _rx(
    r"\((?:[^()]{0,12}\b)?(?:worth |valued at |value |valeur |like |about |around |environ |~ ?)?(?:[€$£] ?\d[\d\s.,]*"
    r"|\d[\d\s.,]*\s?(?:€|\$|£|eur|euros?|dollars?|pounds?|chf|cad))[^()]{0,12}\)|"
    r"\b(?:worth|valued at|value of|d'une valeur de|valeur de|qui vaut|vaut|retail(?:s| price)?(?: of| at)?)\s+"
    r"(?:about |around |environ |~ ?)?(?:[€$£] ?\d[\d\s.,]*|\d[\d\s.,]*\s?(?:€|\$|£|(?:eur|euros?|dollars?|pounds?|"
    r"chf|cad)\b))"
)


COMMISSION = _rx(r"\b(?:commission\w*|affiliat\w*|affili\w*|code promo|promo code|discount code|%)")


def warning_flag(flags: Sequence[str]) -> str | None:
    """The most telling warning among `flags`."""
    return next((flag for flag in WARNING_FLAGS if flag in flags), None)


def flag_card(flags: Sequence[str]) -> str | None:
    """The card the most telling warning in `flags` comes from."""
    flag = warning_flag(flags)
    return FLAG_CARDS[flag] if flag else None
