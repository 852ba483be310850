"""What the evaluator asks of an optional offer reader (a language model, wired in by bot/wiring.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from bot.offers.models import OfferFacts, Profile

if TYPE_CHECKING:
    from bot.offers.evaluate import OfferEvaluator


class OfferReader(Protocol):
    def read(self, text: str, facts: OfferFacts, profile: Profile | None, evaluator: OfferEvaluator) -> OfferFacts:
        """`facts` (read by the rules) completed from `text`. The evaluator lets the reader check that no flag the
        rules raised is lost; on any failure the rules' facts come back unchanged."""
        ...
