"""The facts of an offer in words, with the unknowns said: shared by the terminal and Telegram."""

from __future__ import annotations

from bot.i18n import Lang
from bot.offers.models import Deliverable, OfferFacts
from bot.offers.texts import category_name, say


def _piece(d: Deliverable) -> str:
    return f"{d.count} × {d.format}" + (f" ({d.platform})" if d.platform else "")


def fact_lines(facts: OfferFacts, lang: Lang) -> list[tuple[str, str]]:
    """(label, value) pairs describing an offer's facts, unknowns included: shared by every front end."""
    unknown = say("offer_unknown", lang)
    pay = [say(f"pay_{kind}", lang) for kind in facts.compensation]
    if facts.amount is not None:
        pay.append(f"{facts.amount:,.0f} {facts.currency or ''}".replace(",", " ").strip())
    if facts.commission_rate is not None:
        pay.append(f"{facts.commission_rate:g} %")
    deliverables = ", ".join(_piece(d) for d in facts.deliverables)
    if facts.deliverable_options:
        choice = say("one_of", lang, options=" / ".join(_piece(d) for d in facts.deliverable_options))
        deliverables = f"{deliverables}, {choice}" if deliverables else choice
    if facts.usage_perpetual:
        rights = say("perpetual", lang)
    elif facts.usage_months is not None:
        rights = say("months", lang, n=facts.usage_months)
    else:
        rights = say("yes", lang) if facts.usage_rights else unknown
    if facts.paid_ads:
        rights += f", {say('paid_ads', lang)}"
    if facts.exclusivity:
        exclusivity = say("months", lang, n=facts.exclusivity_months) if facts.exclusivity_months else say("yes", lang)
    elif facts.exclusivity is False:
        exclusivity = say("none_said", lang)
    else:
        exclusivity = unknown
    if facts.payment_after_approval:
        payment = say("after_approval", lang)
    else:
        key = "payment_days_eom" if facts.payment_end_of_month else "payment_days"
        payment = say(key, lang, n=facts.payment_days) if facts.payment_days is not None else unknown
    disclosure = say(f"disclosure_{facts.disclosure}", lang) if facts.disclosure else unknown
    lines = [
        (say("fact_pay", lang), ", ".join(pay) or unknown),
        (say("fact_deliverables", lang), deliverables or unknown),
        (say("fact_deadline", lang), facts.deadline or unknown),
        (say("fact_rights", lang), rights),
        (say("fact_exclusivity", lang), exclusivity),
        (say("fact_payment", lang), payment),
        (say("fact_category", lang), category_name(facts.category, lang) if facts.category else unknown),
        (say("fact_disclosure", lang), disclosure),
    ]
    if facts.reply_by:
        lines.insert(3, (say("fact_reply_by", lang), facts.reply_by))
    return lines
