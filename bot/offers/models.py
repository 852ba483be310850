"""Values of the offer evaluation. `OfferFacts.to_json()` is the public `facts` object of `offer --json`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from bot.i18n import Lang

Verdict = Literal["accept", "negotiate", "decline"]
Status = Literal["ok", "warn", "bad", "unknown"]


# The formats a deliverable may have (a blog article and a newsletter are their own medium, and UGC is delivered to
# the brand rather than posted: no platform).
FORMATS = ("reel", "story", "post", "video", "short", "tiktok", "live", "blog", "newsletter", "ugc")


@dataclass(frozen=True, slots=True)
class Deliverable:
    format: str  # one of FORMATS
    count: int
    platform: str | None = None


@dataclass
class OfferFacts:
    """What the offer says. None / empty means the text does not say it: never guessed."""

    lang: Lang = "en"
    compensation: list[str] = field(default_factory=list)  # money, gift, commission
    amount: float | None = None
    currency: str | None = None
    commission_rate: float | None = None
    deliverables: list[Deliverable] = field(default_factory=list)
    deliverable_options: list[Deliverable] = field(default_factory=list)  # "either 1 reel or 3 stories": one of them
    platforms: list[str] = field(default_factory=list)
    deadline: str | None = None  # the delivery date, as written
    reply_by: str | None = None  # the date to answer the brand by, as written (not a delivery date)
    exclusivity: bool | None = None
    exclusivity_months: int | None = None
    exclusivity_scope: str | None = None  # "category" (a whole sector) or "competitors" (named ones)
    usage_rights: bool | None = None
    usage_months: int | None = None
    usage_perpetual: bool = False
    paid_ads: bool | None = None
    ads_fee: bool = False  # the paid-ads use comes with its own fee
    approval: bool | None = None
    revision_rounds: int | None = None
    payment_days: int | None = None
    payment_after_approval: bool = False
    payment_end_of_month: bool = False  # "60 jours fin de mois": the days, then on to the end of that month
    disclosure: Literal["required", "hidden"] | None = None
    category: str | None = None
    crypto_registered: bool = False
    asks_money: bool = False
    asks_login: bool = False
    asks_download: bool = False
    free_email: bool = False
    urgency: bool = False
    financial_unregistered: bool = False  # a crypto/financial provider said to be unregistered or unauthorised
    minors_audience: bool = False  # the text says the audience is under 18
    comment_control: bool = False  # delete/hide negative comments, or no negative opinion allowed
    fake_reviews: bool = False  # reviews on Amazon/Google/app stores, star ratings asked for
    no_contract: bool = False  # the brand says there will be no written contract
    competitor_ban: bool = False  # never mention or show competitors
    asks_bank_details: bool = False  # card number, CVV, banking login (an IBAN to be paid is not this)
    copyright_threat: bool = False  # a copyright/account-suspension notice with a form or link
    amount_unreadable: bool = False  # an amount too long or too large to be a fee was ignored
    no_obligation: bool = False  # a gift or invitation with no content required
    truncated: bool = False  # the offer was longer than the reading cap: the rest was not read

    @property
    def workload(self) -> int:
        return sum(d.count for d in self.deliverables)

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data.pop("lang")
        return data


@dataclass
class Profile:
    """What the creator told the coach about themselves (all optional)."""

    editorial_line: str = ""
    values: list[str] = field(default_factory=list)
    no_go: list[str] = field(default_factory=list)  # category codes
    platforms: list[str] = field(default_factory=list)
    audience_size: int | None = None
    minors_share: float | None = None  # 0.0–1.0
    country: str | None = None  # fr, be, ch, ca, uk, us, other: which rules apply (France's when unknown)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Profile:
        known = {key: value for key, value in data.items() if key in cls.__dataclass_fields__}
        return cls(**known)  # type: ignore[arg-type]

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Reason:
    """One dimension's judgement, with the card it relies on."""

    dimension: str
    status: Status
    text: str
    card_id: str


@dataclass
class Evaluation:
    lang: Lang  # the offer's (and the reply draft's)
    ui_lang: Lang  # the creator's: reasons, checklist, points
    verdict: Verdict
    facts: OfferFacts
    red_flags: list[str]
    reasons: list[Reason]
    checklist: list[str]
    negotiation_points: list[str]
    reply_draft: str
    kb_version: str = ""

    @property
    def topic_card(self) -> str | None:
        """The card of the most serious reason: what "is that normal?" right after the verdict is about."""
        rank: dict[str, int] = {"bad": 0, "warn": 1, "unknown": 2, "ok": 3}
        ranked = sorted(self.reasons, key=lambda reason: rank[reason.status])
        return ranked[0].card_id if ranked else None

    def to_json(self) -> dict[str, object]:
        """The public JSON contract of `offer --json` (fields may be added, never renamed)."""
        return {
            "verdict": self.verdict,
            "red_flags": list(self.red_flags),
            "facts": self.facts.to_json(),
            "checklist": list(self.checklist),
            "reply_draft": self.reply_draft,
            "lang": self.lang,
            "reasons": [asdict(reason) for reason in self.reasons],
            "negotiation_points": list(self.negotiation_points),
            "kb_version": self.kb_version,
        }
