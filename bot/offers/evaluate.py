"""From offer facts and the creator's profile to an explained verdict, a checklist and a reply draft."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.advice.composer import checklist_for
from bot.i18n import Lang
from bot.kb import KnowledgeBase
from bot.offers.extract import extract_facts
from bot.offers.models import Evaluation, OfferFacts, Profile, Reason, Status, Verdict
from bot.offers.reading import OfferReader
from bot.offers.texts import category_name, say

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
}
MINORS_NOTABLE = 0.2  # share of under-18s from which an adults-only product is refused
LONG_EXCLUSIVITY_MONTHS = 6
LATE_PAYMENT_DAYS = 60
MANY_DELIVERABLES = 6
# Best cosine similarity (USE) between the editorial line and one sentence of the offer. Measured on the golden
# set, fitting offers score 0.20-0.69: under LOW the offer is off the line; under OK the link is for the creator
# to judge (a question, not a verdict: the measure cannot tell those cases apart).
FIT_LOW, FIT_OK = 0.15, 0.3

# (editorial line, the offer's sentences) -> the best similarity between the line and one sentence.
Similarity = Callable[[str, list[str]], float]


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
    said: list[_Said] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)  # text keys

    def add(
        self, dimension: str, status: Status, key: str, card: str, flag: str | None = None, **values: object
    ) -> None:
        self.said.append(_Said(dimension, status, key, card, values))
        if flag and flag not in self.flags:
            self.flags.append(flag)

    def ask(self, key: str) -> None:
        if key not in self.points:
            self.points.append(key)

    def reasons(self, lang: Lang) -> list[Reason]:
        return [Reason(s.dimension, s.status, say(s.key, lang, **_localise(s.values, lang)), s.card) for s in self.said]


class OfferEvaluator:
    def __init__(
        self, kb: Callable[[], KnowledgeBase], similarity: Similarity | None = None, reader: OfferReader | None = None
    ) -> None:
        self._kb = kb  # a getter: the knowledge base may be refreshed while the bot runs
        self.similarity = similarity
        self.reader = reader  # optional language model completing what the rules read

    def read(self, text: str, lang: Lang | None = None, profile: Profile | None = None) -> OfferFacts:
        """The offer's facts as the rules read them, completed by the reader when one is set."""
        facts = extract_facts(text, lang)
        return self.reader.read(text, facts, profile, self) if self.reader else facts

    def evaluate(
        self, text: str, profile: Profile | None = None, lang: Lang | None = None, ui_lang: Lang | None = None
    ) -> Evaluation:
        """`lang`: the offer's language (detected if None); `ui_lang`: the creator's (default: the offer's)."""
        return self.evaluate_facts(self.read(text, lang, profile), text, profile, ui_lang)

    def evaluate_facts(
        self, facts: OfferFacts, text: str = "", profile: Profile | None = None, ui_lang: Lang | None = None
    ) -> Evaluation:
        """The evaluation of `facts` (as extracted, or as corrected by the creator)."""
        profile = profile or Profile()
        ui = ui_lang or facts.lang
        judged = _Judgement(facts.lang)
        _legitimacy(facts, judged)
        _transparency(facts, judged)
        _legality(facts, profile, judged)
        _fit(facts, profile, text, judged, self.similarity)
        _pay(facts, judged)
        _rights(facts, judged)
        _freedom_and_payment(facts, judged)
        verdict = _verdict(judged)
        kb = self._kb()
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
            checklist=checklist_for(cards, kb, ui),
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
    minors = profile.minors_share is not None and profile.minors_share >= MINORS_NOTABLE
    if category in BANNED:
        card = (
            "france-financial-crypto-betting" if category in {"betting_tips", "finance"} else "france-banned-promotions"
        )
        judged.add("legality", "bad", "banned_category", card, "banned_category", category=category)
    elif category == "gambling":
        if minors:
            judged.add("legality", "bad", "gambling_minors", "france-financial-crypto-betting", "gambling_minors")
        else:
            judged.add("legality", "warn", "gambling_check", "france-financial-crypto-betting")
            judged.ask("point_gambling")
    elif category == "crypto":
        judged.add("legality", "warn", "crypto_check", "france-financial-crypto-betting")
        judged.ask("point_crypto")
    elif category == "alcohol":
        judged.add("legality", "warn", "alcohol_check", "france-banned-promotions")
    if category in profile.no_go:
        judged.add("values", "bad", "no_go_category", "values-filter", "no_go_category", category=category)
    if minors and category in ADULTS_ONLY and category != "gambling" and category not in BANNED:
        judged.add("audience", "bad", "minors_adult_product", "audience-fit", "adult_product_minors")


def _fit(facts: OfferFacts, profile: Profile, text: str, judged: _Judgement, similarity: Similarity | None) -> None:
    if not (profile.editorial_line.strip() and text.strip() and similarity):
        return
    sentences = [s.strip() for s in re.split(r"[.!?\n]+", text) if len(s.strip()) > 15] or [text]
    score = similarity(profile.editorial_line, sentences)
    line = profile.editorial_line.strip()[:80]
    if score < FIT_LOW:
        judged.add("editorial_fit", "bad", "fit_bad", "offer-editorial-fit", "off_editorial_line", line=line)
    elif score < FIT_OK:
        judged.add("editorial_fit", "unknown", "fit_warn", "offer-editorial-fit")
    else:
        judged.add("editorial_fit", "ok", "fit_ok", "offer-editorial-fit")


def _money_text(facts: OfferFacts) -> str:
    symbol = {"EUR": "€", "USD": "$", "GBP": "£"}.get(facts.currency or "", facts.currency or "")
    amount = f"{facts.amount:,.0f}".replace(",", " ") if facts.amount is not None else "?"
    return f"{amount} {symbol}".strip()


def _pay(facts: OfferFacts, judged: _Judgement) -> None:
    kinds, count = set(facts.compensation), max(facts.workload, 1)
    if not kinds:
        judged.add("pay", "unknown", "pay_unknown", "asking-for-details")
        judged.ask("point_budget")
    elif kinds == {"gift"}:
        judged.add("pay", "warn", "gift_only", "money-vs-gifts-vs-commission", "gift_only", count=count)
        judged.ask("point_fee")
    elif kinds == {"commission"} or kinds == {"gift", "commission"}:
        judged.add("pay", "warn", "commission_only", "money-vs-gifts-vs-commission")
        judged.ask("point_fixed_fee")
    elif facts.amount is None:
        judged.add("pay", "unknown", "fee_unknown", "fair-pay")
        judged.ask("point_budget")
    else:
        judged.add("pay", "ok", "fee_ok", "workload-vs-fee", amount=_money_text(facts), count=count)
        if facts.currency == "EUR" and facts.amount >= 1000:
            judged.add("contract", "ok", "contract_required", "written-contract-france")
    if facts.workload >= MANY_DELIVERABLES:
        judged.add("frequency", "warn", "ad_fatigue", "ad-fatigue-frequency", count=facts.workload)


def _rights(facts: OfferFacts, judged: _Judgement) -> None:
    if facts.usage_perpetual:
        judged.add("rights", "warn", "perpetual_rights", "usage-rights-whitelisting", "perpetual_rights")
        judged.ask("point_rights")
    elif facts.usage_rights and facts.usage_months is None:
        judged.add("rights", "unknown", "rights_unknown", "usage-rights-whitelisting")
        judged.ask("point_rights")
    elif facts.usage_rights:
        judged.add("rights", "ok", "rights_ok", "usage-rights-whitelisting")
    if facts.paid_ads:
        judged.add("rights", "warn", "unpaid_ads", "usage-rights-whitelisting", "unpaid_ads")
        judged.ask("point_ads")
    if facts.exclusivity:
        months = facts.exclusivity_months
        if (months is not None and months > LONG_EXCLUSIVITY_MONTHS) or facts.exclusivity_scope == "category":
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
    late = facts.payment_days is not None and facts.payment_days > LATE_PAYMENT_DAYS
    if late or facts.payment_after_approval:
        terms = "after_approval" if facts.payment_after_approval else facts.payment_days
        judged.add(
            "payment", "warn", "late_payment_terms", "payment-terms-late-payment", "late_payment_terms", terms=terms
        )
        judged.ask("point_payment")
    elif facts.payment_days is not None:
        judged.add("payment", "ok", "payment_ok", "payment-terms-late-payment", days=facts.payment_days)
    elif "money" in facts.compensation:
        judged.add("payment", "unknown", "payment_unknown", "payment-terms-late-payment")


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
            ("download_request", "what_download"),
            ("pay_to_collaborate", "what_pay"),
            ("scam_signals", "what_scam"),
        ):
            if flag in flags:
                return say("reply_decline_scam", lang, what=say(what, lang))
        for flag, why in (
            ("hidden_advertising", "why_hidden"),
            ("banned_category", "why_banned"),
            ("gambling_minors", "why_minors"),
            ("adult_product_minors", "why_minors"),
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
        out["months"] = f"{out['months']} mois" if lang == "fr" else f"{out['months']} months"
    if "terms" in out:
        terms = out["terms"]
        if terms == "after_approval":
            out["terms"] = "après validation/résultats" if lang == "fr" else "after approval/results"
        else:
            out["terms"] = f"{terms} j" if lang == "fr" else f"{terms} days"
    return out
