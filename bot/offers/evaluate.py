"""From offer facts and the creator's profile to an explained verdict, a checklist and a reply draft."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Protocol

from bot.advice.composer import checklist_for
from bot.i18n import Lang
from bot.kb import KnowledgeBase
from bot.offers.extract import CATEGORIES, MAX_OFFER_CHARS, extract_facts
from bot.offers.models import Evaluation, OfferFacts, Profile, Reason, Status, Verdict
from bot.offers.reading import OfferReader
from bot.offers.texts import category_name, say
from bot.text import clauses, fold

# Promotions banned for influencers in France (law 2023-451 as amended; see the france-* cards).
BANNED = {"nicotine", "cosmetic_surgery", "therapeutic_alternative", "wild_animals", "betting_tips", "finance"}
ADULTS_ONLY = {"alcohol", "gambling", "betting_tips", "crypto", "finance", "nicotine"}
# Flags that end the discussion: the coach says no, whatever else the offer brings.
FORCING = {
    "hidden_advertising",
    "banned_category",
    "gambling_minors",
    "pay_to_collaborate",
    "login_request",
    "download_request",
    "scam_signals",
    "no_go_category",
    "adult_product_minors",
    "off_editorial_line",
    "minors_audience",
    "unregistered_financial",
    "fake_reviews",
    "bank_details_request",
    "fake_copyright_notice",
}
OWN_CHOICE = {"off_editorial_line", "no_go_category"}  # declined by the creator's own line, not by a rule
SCAM_FLAGS = {
    "pay_to_collaborate", "login_request", "download_request", "scam_signals", "bank_details_request",
    "fake_copyright_notice",
}  # fmt: skip
# The lowest published average fee for the smallest accounts: Klear's survey, about $41 per sponsored Instagram
# post for 500-5,000 followers (rate-benchmarks-anglophone; the French figure, 165 € under 10,000, is higher). A
# video costs 40-50 % more than a photo post (HypeAuditor, same card): a reel, a TikTok, a Short or a video counts
# 1.4 posts. Stories count a third of a post (shorter to make). Under this per post, the fee is low for the work
# whatever the audience: a point to negotiate, never a refusal.
LOW_FEE_PER_PIECE = 41.0
VIDEO_WEIGHT = 1.4
STORY_WEIGHT = 1 / 3
VIDEO_FORMATS = {"reel", "video", "short", "tiktok", "live", "ugc"}
# Topics close enough that an offer from one is never a clear mismatch for a creator of another.
RELATED: dict[str, set[str]] = {
    "beauty": {"beauty", "fashion", "health_supplement", "home"},
    "fashion": {"fashion", "beauty", "sport", "kids", "travel"},
    "sport": {"sport", "health_supplement", "fashion", "drinks", "food", "tech", "travel"},
    "food": {"food", "drinks", "home", "health_supplement", "travel", "kids", "fast_food"},
    "drinks": {"drinks", "food", "home", "travel", "sport", "health_supplement"},
    "home": {"home", "food", "kids", "tech", "beauty", "fashion"},
    "tech": {"tech", "gaming", "home", "sport"},
    "gaming": {"gaming", "tech", "drinks", "food"},
    "travel": {"travel", "food", "drinks", "sport", "fashion", "tech"},
    "kids": {"kids", "food", "home", "fashion", "health_supplement"},
    "auto": {"auto", "tech"},
    "health_supplement": {"health_supplement", "sport", "beauty", "food", "drinks"},  # mushroom coffee, kombucha
}
# Editorial-line words for topics the offer categories do not have ("car tuning" is no product category).
PROFILE_TOPICS: list[tuple[str, str]] = [
    ("auto", r"\bcars?\b|voitures?|automobile|\bauto\b|\bmotos?\b|tuning|track days?|motorsport|circuit"),
    ("beauty", r"cheveux|hair|skin|peau|makeup|maquillage|ongles|nails"),
    ("home", r"\bdeco\b|decoration|home tour|interieur|interior|diy|bricolage|jardin|garden|plantes?|plants?"),
    ("food", r"cuisine|cooking|patisserie|baking|cake|recettes?|recipes?|dinners?|diners?|gastronomie"),
    ("gaming", r"\bgames?\b|jeux|gamer|esport|streams?"),
    ("sport", r"running|trail|course a pied|hikes?|randonnee|marathon|cycling|velo|musculation|powerlifting|gym"),
    ("kids", r"parent|famille|family|maman|mum|mom|papa|dad|bebe|baby|jumeaux|twins"),
    ("health_supplement", r"wellness|bien[- ]etre|\bsante\b|\bhealth|nutrition|self[- ]care"),
]
# A line that covers daily life takes many products: no offer is a clear mismatch for it, only a question.
BROAD_LINE = re.compile(r"lifestyle|life style|\bvlogs?\b|daily|quotidien|everyday|day in (my|the) life|vie de tous")
# Products made for anyone, that sponsor channels of every kind (a VPN on a cooking channel, a language app on a
# gaming one): the fit is the creator's to judge, a question, never a clear mismatch.
EVERYONES_PRODUCT = re.compile(
    r"\bvpn\b|password manager|gestionnaire de mots de passe|website builder|createur de sites?|site builder|"
    r"antivirus|cloud storage|stockage en ligne|language (learning )?app|appli\w* (pour apprendre|de langues?)|"
    r"apprendre (une|les) langues?|phone plan|mobile plan|forfait (mobile|telephonique)|box internet|"
    r"meal kits?|paniers? repas|audiobooks?|livres? audio|online (courses|classes|learning)|cours en ligne|"
    r"e-?learning|note-?taking app|prise de notes|mobile games?|jeu mobile"
)
# Values a category goes against: the profile's values are free text, matched by these words.
VALUE_CLASHES: dict[str, str] = {
    "fast_fashion": (
        r"durab|sustainab|slow|seconde main|second[- ]hand|anti[- ]?surconso|eco|upcycl|zero dechet|zero waste"
    ),
    "fast_food": r"vegan|vegetar|healthy|sante|health",
    "alcohol": r"sober|sobre|sans alcool|alcohol[- ]free|no alcohol",
    "gambling": r"anti[- ]?jeu|no gambling",
}
MINORS_NOTABLE = 0.2  # share of under-18s from which an adults-only product is refused
LONG_EXCLUSIVITY_MONTHS = 6
LATE_PAYMENT_DAYS = 60
END_OF_MONTH_DAYS = 15  # what "fin de mois" adds to a payment term on average (0 to 30 days)
MANY_DELIVERABLES = 6
# Best cosine similarity (USE) between the editorial line and one sentence of the offer. Measured on the golden
# set, fitting offers score 0.20-0.69: under LOW the offer is off the line; under OK the link is for the creator
# to judge (a question, not a verdict: the measure cannot tell those cases apart).
FIT_LOW, FIT_OK = 0.15, 0.3

# (editorial line, the offer's sentences) -> the best similarity between the line and one sentence.
Similarity = Callable[[str, list[str]], float]
# Rules alone won on the test split (scripts/offer_report.py): the classifier is kept for comparison, off.
CLASSIFIER_ON_BY_DEFAULT = False


class ClauseLabeller(Protocol):
    def apply(self, facts: OfferFacts, text: str) -> None: ...


@dataclass(frozen=True)
class _Said:
    dimension: str
    status: Status
    key: str
    card: str
    values: dict[str, object]


@dataclass
class _Judgement:
    """What the dimensions found, as text keys: shown in the creator's language, the reply in the offer's."""

    lang: Lang  # the offer's
    cards: frozenset[str] = frozenset()  # the card ids the knowledge base has now
    said: list[_Said] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)  # text keys

    def add(
        self, dimension: str, status: Status, key: str, card: str, flag: str | None = None, **values: object
    ) -> None:
        self.said.append(_Said(dimension, status, key, card, values))
        if flag and flag not in self.flags:
            self.flags.append(flag)

    def card(self, *ids: str) -> str:
        """The first of `ids` the knowledge base has (a newer, closer card when it exists), else the last."""
        return next((card_id for card_id in ids if card_id in self.cards), ids[-1])

    def ask(self, key: str) -> None:
        if key not in self.points:
            self.points.append(key)

    def reasons(self, lang: Lang) -> list[Reason]:
        return [Reason(s.dimension, s.status, say(s.key, lang, **_localise(s.values, lang)), s.card) for s in self.said]


class OfferEvaluator:
    """Pure and synchronous: a caller on an event loop runs `evaluate` in a worker thread."""

    def __init__(
        self,
        kb: Callable[[], KnowledgeBase],
        similarity: Similarity | None = None,
        classifier: ClauseLabeller | None = None,
        reader: OfferReader | None = None,
    ) -> None:
        self._kb = kb  # a getter: the knowledge base may be refreshed while the bot runs
        self.similarity = similarity
        self.classifier = classifier
        self.classifier_on = classifier is not None and CLASSIFIER_ON_BY_DEFAULT
        self.reader = reader  # optional language model completing what the rules read
        self._card_ids: tuple[KnowledgeBase | None, frozenset[str]] = (None, frozenset())

    def use_classifier(self, on: bool) -> None:
        """Rules alone, or rules + the semantic clause classifier (when one was given)."""
        self.classifier_on = on and self.classifier is not None

    def read(self, text: str, lang: Lang | None = None, profile: Profile | None = None) -> OfferFacts:
        """The offer's facts as the rules read them, completed by the reader when one is set."""
        facts = extract_facts(text, lang)
        if self.classifier_on and self.classifier is not None:
            self.classifier.apply(facts, text[:MAX_OFFER_CHARS])
        if profile is not None:
            _complete_from_profile(facts, profile)
        return self.reader.read(text[:MAX_OFFER_CHARS], facts, profile, self) if self.reader else facts

    def evaluate(
        self, text: str, profile: Profile | None = None, lang: Lang | None = None, ui_lang: Lang | None = None
    ) -> Evaluation:
        """`lang`: the offer's language (detected if None); `ui_lang`: the creator's (default: the offer's)."""
        return self.evaluate_facts(self.read(text, lang, profile), text[:MAX_OFFER_CHARS], profile, ui_lang)

    def evaluate_facts(
        self, facts: OfferFacts, text: str = "", profile: Profile | None = None, ui_lang: Lang | None = None
    ) -> Evaluation:
        """The evaluation of `facts` (as extracted, or as corrected by the creator)."""
        profile = profile or Profile()
        ui = ui_lang or facts.lang
        kb = self._kb()
        # The card ids, read once per knowledge base (sorting every card id on each offer cost a fifth of the time);
        # one tuple, so that a worker thread never pairs a refreshed base with the old ids.
        known = self._card_ids
        if known[0] is not kb:
            known = self._card_ids = (kb, frozenset(kb.ids))
        judged = _Judgement(facts.lang, cards=known[1])
        _legitimacy(facts, judged)
        _transparency(facts, judged)
        _legality(facts, profile, judged)
        _fit(facts, profile, text, judged, self.similarity)
        _platforms(facts, profile, judged)
        _pay(facts, profile, judged)
        _rights(facts, judged)
        _freedom_and_payment(facts, judged)
        _conduct(facts, profile, judged)
        verdict = _verdict(judged)
        # A declined offer's checklist is about why; otherwise about every point still open.
        worst = ("bad",) if verdict == "decline" else ("bad", "warn", "unknown")
        problem_cards = [s.card for s in judged.said if s.status in worst]
        cards = [card for card_id in dict.fromkeys(problem_cards) if (card := kb.get(card_id, ui))]
        return Evaluation(
            lang=facts.lang,
            ui_lang=ui,
            verdict=verdict,
            facts=facts,
            red_flags=judged.flags,
            reasons=sorted(judged.reasons(ui), key=lambda r: ("bad", "warn", "unknown", "ok").index(r.status)),
            # A scam or an illegal ask is declined by rule: the creator's own questions (fit, would you talk about
            # it unpaid) judge nothing there. A clash with their line or their no-go list keeps them.
            checklist=checklist_for(cards, kb, ui, ask_yourself=not (set(judged.flags) & (FORCING - OWN_CHOICE))),
            negotiation_points=[say(key, ui) for key in judged.points] if verdict == "negotiate" else [],
            reply_draft=_reply(verdict, facts, judged),
            kb_version=kb.version,
        )


def _legitimacy(facts: OfferFacts, judged: _Judgement) -> None:
    if facts.asks_money:
        judged.add("legitimacy", "bad", "pay_to_collaborate", "pay-to-be-ambassador", "pay_to_collaborate")
    if facts.asks_login:
        judged.add("legitimacy", "bad", "login_request", "phishing-login-requests", "login_request")
    if facts.asks_download:
        judged.add("legitimacy", "bad", "download_request", "malware-sponsorship-files", "download_request")
    if facts.asks_bank_details:
        judged.add("legitimacy", "bad", "bank_details_request", "phishing-login-requests", "bank_details_request")
    if facts.copyright_threat:
        judged.add("legitimacy", "bad", "fake_copyright_notice", "fake-copyright-notices", "fake_copyright_notice")
    signals = [
        key
        for key, present in (
            ("signal_free_email", facts.free_email),
            ("signal_urgency", facts.urgency),
            ("signal_vague", facts.amount is None and "gift" not in facts.compensation),
        )
        if present
    ]
    if len(signals) >= 2 and (facts.free_email or facts.urgency):
        judged.add("legitimacy", "bad", "scam_signals", "fake-brand-dms", "scam_signals", signals=signals)
    elif not judged.flags:
        judged.add("legitimacy", "ok", "legit_ok", "fake-brand-dms")


def _transparency(facts: OfferFacts, judged: _Judgement) -> None:
    if facts.disclosure == "hidden":
        judged.add("transparency", "bad", "hidden_advertising", "disclosure-basics", "hidden_advertising")
    elif facts.disclosure == "required":
        judged.add("transparency", "ok", "disclosure_ok", "disclosure-basics")
    else:
        judged.add("transparency", "unknown", "disclosure_unknown", "disclosure-basics")


def _legality(facts: OfferFacts, profile: Profile, judged: _Judgement) -> None:
    category = facts.category
    if category is None:
        return
    minors_profile = profile.minors_share is not None and profile.minors_share >= MINORS_NOTABLE
    minors = minors_profile or facts.minors_audience
    if category in BANNED:
        card = (
            "france-financial-crypto-betting" if category in {"betting_tips", "finance"} else "france-banned-promotions"
        )
        judged.add("legality", "bad", "banned_category", card, "banned_category", category=category)
    if facts.financial_unregistered and category in {"crypto", "finance", "gambling"}:
        judged.add(
            "legality", "bad", "unregistered_financial", "france-financial-crypto-betting", "unregistered_financial"
        )
    if category == "gambling":
        if minors:  # the profile's share, or the text's "your young crowd", "60% under 18"
            judged.add("legality", "bad", "gambling_minors", "france-financial-crypto-betting", "gambling_minors")
        elif not facts.minors_audience:
            judged.add("legality", "warn", "gambling_check", "france-financial-crypto-betting")
            judged.ask("point_gambling")
    elif category == "crypto" and not facts.financial_unregistered:
        judged.add("legality", "warn", "crypto_check", "france-financial-crypto-betting")
        judged.ask("point_crypto")
    elif category == "alcohol":
        judged.add("legality", "warn", "alcohol_check", judged.card("alcohol-evin-law", "france-banned-promotions"))
    if category in profile.no_go:
        judged.add("values", "bad", "no_go_category", "values-filter", "no_go_category", category=category)
    for value in profile.values:
        clash = VALUE_CLASHES.get(category)
        if clash and re.search(clash, fold(value)):
            judged.add("values", "bad", "values_clash", "values-filter", "no_go_category", category=category,
                       value=value)  # fmt: skip
            break
    if minors and category in ADULTS_ONLY and category not in BANNED:
        judged.add("audience", "bad", "minors_audience", "audience-fit", "minors_audience")
        if minors_profile and category != "gambling":
            judged.add("audience", "bad", "minors_adult_product", "audience-fit", "adult_product_minors")


def _topics(line: str) -> set[str]:
    folded = fold(line)
    found = {name for name, pattern in CATEGORIES if re.search(pattern, folded)}
    return found | {name for name, pattern in PROFILE_TOPICS if re.search(pattern, folded)}


def _fit(facts: OfferFacts, profile: Profile, text: str, judged: _Judgement, similarity: Similarity | None) -> None:
    """A clear mismatch (the offer's product far from every topic of the line, and the texts far apart too) is a
    reason to decline; a low similarity alone is a question to the creator, never a verdict."""
    line = profile.editorial_line.strip()
    if not line or not text.strip():
        return
    score = None
    if similarity is not None:
        sentences = [c.text for c in clauses(text) if len(c.text) > 15][:80] or [text[:500]]
        score = similarity(line, sentences)
    topics = _topics(line)
    related = set().union(*(RELATED.get(topic, {topic}) for topic in topics)) if topics else set()
    category = facts.category
    clear = bool(category and topics and category not in related and category in RELATED)
    clear = clear and not BROAD_LINE.search(fold(line)) and not EVERYONES_PRODUCT.search(fold(text))
    if clear and (score is None or score < FIT_OK):
        judged.add(
            "editorial_fit", "bad", "fit_clear_mismatch", "offer-editorial-fit", "off_editorial_line",
            category=category, line=line[:80],
        )  # fmt: skip
    elif score is None:
        return
    elif score < FIT_OK or clear:
        judged.add("editorial_fit", "unknown", "fit_question", "offer-editorial-fit")
    else:
        judged.add("editorial_fit", "ok", "fit_ok", "offer-editorial-fit")


def _complete_from_profile(facts: OfferFacts, profile: Profile) -> None:
    """'A segment in your next video' from a creator on YouTube is a YouTube video (Twitch is for lives: its
    streamers' videos are on YouTube when they list it, else on Twitch)."""
    home = next((p for p in ("youtube", "twitch") if p in profile.platforms), None)
    if home:
        facts.deliverables = [
            replace(d, platform=home) if d.format == "video" and d.platform is None else d for d in facts.deliverables
        ]
        facts.platforms = sorted(set(facts.platforms) | {d.platform for d in facts.deliverables if d.platform})


def _platforms(facts: OfferFacts, profile: Profile, judged: _Judgement) -> None:
    if not profile.platforms:
        return
    asked = {d.platform for d in facts.deliverables if d.platform and d.platform != "blog"}
    missing = sorted(asked - set(profile.platforms))
    if missing:
        judged.add("platforms", "warn", "platform_not_yours", "audience-fit", platforms=", ".join(missing))
        judged.ask("point_platforms")


def _conduct(facts: OfferFacts, profile: Profile, judged: _Judgement) -> None:
    """What the brand asks of the creator's behaviour and paperwork."""
    if facts.comment_control:
        judged.add("transparency", "warn", "comment_control", "comment-moderation-requests", "comment_control")
        judged.ask("point_comments")
    if facts.fake_reviews:
        judged.add("transparency", "bad", "fake_reviews", "honest-reviews", "fake_reviews")
    if facts.competitor_ban:
        judged.add("rights", "warn", "competitor_ban", "exclusivity", "competitor_ban")
        judged.ask("point_competitors")
    if facts.no_contract:
        in_france = profile.country in (None, "fr")
        card = (
            "written-contract-france"
            if in_france
            else judged.card("agent-agency-contracts", "before-signing-checklist")
        )
        judged.add("contract", "warn", "no_written_contract", card, "no_written_contract")
        judged.ask("point_written_contract")
    if facts.reply_by:
        judged.add("deadline", "unknown", "reply_by_note", "deliverables-deadlines", date=facts.reply_by)
    if facts.amount_unreadable:
        judged.add("pay", "unknown", "amount_unreadable", "asking-for-details")
        judged.ask("point_budget")
    if facts.truncated:
        judged.add("reading", "unknown", "truncated_note", "asking-for-details", limit=MAX_OFFER_CHARS)


def _money_text(facts: OfferFacts, value: float | None = None) -> str:
    symbol = {"EUR": "€", "USD": "$", "GBP": "£"}.get(facts.currency or "", facts.currency or "")
    value = facts.amount if value is None else value
    amount = f"{value:,.0f}".replace(",", " ") if value is not None else "?"
    return f"{amount} {symbol}".strip()


def _weighted_workload(facts: OfferFacts) -> float:
    weights = {"story": STORY_WEIGHT, **dict.fromkeys(VIDEO_FORMATS, VIDEO_WEIGHT)}
    asked = sum(d.count * weights.get(d.format, 1) for d in facts.deliverables)
    # "either 1 reel or 3 stories": one of them will be made, at least the lighter one
    return asked + min((d.count * weights.get(d.format, 1) for d in facts.deliverable_options), default=0)


def _pay(facts: OfferFacts, profile: Profile, judged: _Judgement) -> None:
    kinds, count = set(facts.compensation), max(facts.workload, 1)
    if not kinds:
        judged.add("pay", "unknown", "pay_unknown", "asking-for-details")
        judged.ask("point_budget")
    elif kinds == {"gift"} and facts.no_obligation and not facts.deliverables:
        judged.add("pay", "ok", "gift_no_obligation", "money-vs-gifts-vs-commission")
    elif kinds == {"gift"}:
        judged.add("pay", "warn", "gift_only", "money-vs-gifts-vs-commission", "gift_only", count=count)
        judged.ask("point_fee")
    elif kinds == {"commission"} or kinds == {"gift", "commission"}:
        card = judged.card("affiliate-links-promo-codes", "money-vs-gifts-vs-commission")
        judged.add("pay", "warn", "commission_only", card, "commission_only")
        judged.ask("point_fixed_fee")
    elif facts.amount is None:
        judged.add("pay", "unknown", "fee_unknown", "fair-pay")
        judged.ask("point_budget")
    else:
        judged.add("pay", "ok", "fee_ok", "workload-vs-fee", amount=_money_text(facts), count=count)
        weighted = _weighted_workload(facts)
        if weighted >= 2 and facts.amount / weighted < LOW_FEE_PER_PIECE:
            card = judged.card(
                "rate-benchmarks-france"
                if profile.country in (None, "fr", "be", "ch")
                else "rate-benchmarks-anglophone",
                "workload-vs-fee",
            )
            judged.add(
                "pay", "warn", "low_fee_for_workload", card, "low_fee_for_workload", amount=_money_text(facts),
                count=facts.workload, per=_money_text(facts, facts.amount / max(facts.workload, 1)),
            )  # fmt: skip
            judged.ask("point_fee_workload")
        if facts.currency == "EUR" and facts.amount >= 1000 and profile.country in (None, "fr"):
            judged.add("contract", "ok", "contract_required", "written-contract-france")
    if kinds and not facts.deliverables and not facts.no_obligation:
        judged.add("deliverables", "warn", "deliverables_vague", "deliverables-deadlines")
        judged.ask("point_deliverables")
    if facts.workload >= MANY_DELIVERABLES:
        judged.add("frequency", "unknown", "ad_fatigue", "ad-fatigue-frequency", count=facts.workload)


def _rights(facts: OfferFacts, judged: _Judgement) -> None:
    if facts.usage_perpetual:
        judged.add("rights", "warn", "perpetual_rights", "usage-rights-whitelisting", "perpetual_rights")
        judged.ask("point_rights")
    elif facts.usage_rights and facts.usage_months is None:
        judged.add("rights", "unknown", "rights_unknown", "usage-rights-whitelisting")
        judged.ask("point_rights")
    elif facts.usage_rights:
        judged.add("rights", "ok", "rights_ok", "usage-rights-whitelisting")
    if facts.paid_ads and not facts.ads_fee:
        judged.add("rights", "warn", "unpaid_ads", "usage-rights-whitelisting", "unpaid_ads")
        judged.ask("point_ads")
    if facts.exclusivity:
        months = facts.exclusivity_months
        if (months is not None and months >= LONG_EXCLUSIVITY_MONTHS) or facts.exclusivity_scope == "category":
            judged.add("rights", "warn", "long_exclusivity", "exclusivity", "long_exclusivity", months=months or "?")
            judged.ask("point_exclusivity")
        elif months is None:
            judged.add("rights", "unknown", "exclusivity_unknown", "exclusivity")
            judged.ask("point_exclusivity_length")
        else:
            judged.add("rights", "ok", "exclusivity_ok", "exclusivity")


def _freedom_and_payment(facts: OfferFacts, judged: _Judgement) -> None:
    if facts.revision_rounds is not None and facts.revision_rounds >= 99:
        judged.add(
            "creative_freedom", "warn", "unlimited_revisions", "content-approval-revisions", "unlimited_revisions"
        )
        judged.ask("point_revisions")
    elif facts.approval and facts.revision_rounds is None:
        judged.add("creative_freedom", "unknown", "revisions_unknown", "content-approval-revisions")
    elif facts.approval:
        judged.add("creative_freedom", "ok", "revisions_ok", "content-approval-revisions")
    days = facts.payment_days
    # "60 jours fin de mois" is 60 days and then on to the month's end: 15 days more on average, up to 30.
    late = days is not None and days + (END_OF_MONTH_DAYS if facts.payment_end_of_month else 0) > LATE_PAYMENT_DAYS
    if late:
        key = "late_payment_terms_eom" if facts.payment_end_of_month else "late_payment_terms"
        judged.add("payment", "warn", key, "payment-terms-late-payment", "late_payment_terms", terms=days)
        judged.ask("point_payment")
    elif days is not None:
        judged.add("payment", "ok", "payment_ok", "payment-terms-late-payment", days=days)
    elif "money" in facts.compensation and not facts.payment_after_approval:
        judged.add("payment", "unknown", "payment_unknown", "payment-terms-late-payment")
    if facts.payment_after_approval:
        judged.add("payment", "warn", "payment_after_approval", "payment-terms-late-payment", "payment_after_approval")
        judged.flags.append("late_payment_terms")  # the older code for the same risk, kept for existing readers
        judged.ask("point_payment_on_delivery")


def _verdict(judged: _Judgement) -> Verdict:
    if any(flag in FORCING for flag in judged.flags):
        return "decline"
    if any(s.status == "warn" or (s.status == "unknown" and s.dimension == "pay") for s in judged.said):
        return "negotiate"
    return "accept"


def _reply(verdict: Verdict, facts: OfferFacts, judged: _Judgement) -> str:
    lang, flags = judged.lang, set(judged.flags)
    if verdict == "decline":
        for flag, what in (
            ("login_request", "what_login"),
            ("bank_details_request", "what_bank"),
            ("fake_copyright_notice", "what_copyright"),
            ("download_request", "what_download"),
            ("pay_to_collaborate", "what_pay"),
            ("scam_signals", "what_scam"),
        ):
            if flag in flags:
                return say("reply_decline_scam", lang, what=say(what, lang))
        for flag, why in (
            ("hidden_advertising", "why_hidden"),
            ("banned_category", "why_banned"),
            ("unregistered_financial", "why_unregistered"),
            ("gambling_minors", "why_minors"),
            ("minors_audience", "why_minors"),
            ("adult_product_minors", "why_minors"),
            ("fake_reviews", "why_reviews"),
        ):
            if flag in flags:
                return say("reply_decline_law", lang, why=say(why, lang))
        return say("reply_decline_open", lang)  # not for me, but the door stays open
    if verdict == "negotiate":
        points = [say(key, lang) for key in judged.points] or [say("point_deliverables", lang)]
        return say("reply_negotiate", lang, points="\n".join(f"- {point}" for point in points))
    confirm = [say("point_deliverables", lang)]
    if facts.payment_days is None:
        confirm.append(say("point_payment_date", lang))
    if facts.disclosure != "required":
        confirm.append(say("point_disclosure", lang))
    if facts.currency == "EUR" and (facts.amount or 0) >= 1000:
        confirm.append(say("point_contract", lang))
    return say("reply_accept", lang, points="\n".join(f"- {point}" for point in confirm))


def _localise(values: dict[str, object], lang: Lang) -> dict[str, object]:
    """Values whose words depend on the language: categories, durations, signal lists."""
    out = dict(values)
    if "category" in out:
        out["category"] = category_name(str(out["category"]), lang)
    if "signals" in out:
        out["signals"] = ", ".join(say(str(key), lang) for key in out["signals"])  # type: ignore[union-attr]
    if "months" in out:
        out["months"] = say("months", lang, n=out["months"])
    if "terms" in out:
        terms = out["terms"]
        out["terms"] = say("after_approval", lang) if terms == "after_approval" else say("days", lang, n=terms)
    return out
