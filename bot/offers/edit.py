"""Facts corrected or given one field at a time (the offer card's buttons, the guided /offer), and the
profile's fields read from free text. Pure functions: Telegram and the terminal share them."""

from __future__ import annotations

import re
from dataclasses import fields, replace

from bot.i18n import Lang
from bot.offers.extract import CATEGORIES, PLATFORMS, extract_facts, fold
from bot.offers.models import Deliverable, OfferFacts

# The fields a creator can correct or fill in, in the guided order, with the facts each one sets.
FIELDS: dict[str, tuple[str, ...]] = {
    "pay": ("compensation", "amount", "currency", "commission_rate"),
    "deliverables": ("deliverables", "deliverable_options", "platforms"),
    "category": ("category", "crypto_registered"),
    "rights": ("usage_rights", "usage_months", "usage_perpetual", "paid_ads"),
    "exclusivity": ("exclusivity", "exclusivity_months"),
    "payment": ("payment_days", "payment_after_approval", "payment_end_of_month"),
    "disclosure": ("disclosure",),
}
NONE = re.compile(r"^\s*(non|no|none|nope|aucune?|pas d.?|rien|nothing|nada|0)\b", re.I)


def apply_answer(facts: OfferFacts, field: str, text: str) -> OfferFacts:
    """`facts` with `field` re-read from the creator's answer; the other fields are kept."""
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r}")
    said = extract_facts(text, facts.lang)
    if field == "category" and said.category is None and text.strip():
        said.category = "other"
    if NONE.match(fold(text)):
        said = replace(said, exclusivity=False, usage_rights=False, paid_ads=False)
    return replace(facts, **{name: getattr(said, name) for name in FIELDS[field]})


def facts_to_state(facts: OfferFacts) -> dict[str, object]:
    return {"lang": facts.lang, **facts.to_json()}


def facts_from_state(state: dict[str, object]) -> OfferFacts:
    known = {f.name for f in fields(OfferFacts)}
    data = {key: value for key, value in state.items() if key in known}
    for name in ("deliverables", "deliverable_options"):
        data[name] = [Deliverable(**d) for d in data.get(name, [])]  # type: ignore[union-attr]
    return OfferFacts(**data)  # type: ignore[arg-type]


def new_facts(lang: Lang) -> OfferFacts:
    return OfferFacts(lang=lang)


# ---- profile fields ------------------------------------------------------------------------------------
def parse_categories(text: str) -> list[str]:
    """Every category named, the specific ones first: "paris sportifs" is gambling, not also sport."""
    folded, found = fold(text), []
    for name, pattern in CATEGORIES:
        if re.search(pattern, folded):
            found.append(name)
            folded = re.sub(pattern, " ", folded)
    return found


def parse_platforms(text: str) -> list[str]:
    return sorted({PLATFORMS[word] for word in re.findall(r"[a-z]+", fold(text)) if word in PLATFORMS})


MAX_AUDIENCE = 10_000_000_000  # more people than there are


def parse_audience_size(text: str) -> int | None:
    match = re.search(r"(\d+(?:[.,]\d+)?)\s*(k|m)?\b", fold(text).replace(" ", ""))
    if not match:
        return None
    value = float(match.group(1).replace(",", "."))
    scale = {"k": 1_000, "m": 1_000_000}.get(match.group(2) or "", 1)
    if value * scale > MAX_AUDIENCE:  # "9" × 400 is infinity as a float: not an audience
        return None
    return int(value * scale)


def parse_share(text: str) -> float | None:
    """'35 %', '35', '0.35' → 0.35."""
    match = re.search(r"(\d+(?:[.,]\d+)?)", text)
    if not match:
        return None
    value = float(match.group(1).replace(",", "."))
    share = value / 100 if value > 1 or "%" in text else value
    return share if 0 <= share <= 1 else None
