"""Judging a concrete offer: facts extracted by rules, dimensions scored, a verdict, a reply to send.

Pure domain code: no Telegram, no Chroma. The editorial-fit check takes a similarity function as an
argument, so the caller decides how texts are compared (the embedding model, in production).
"""

from bot.offers.evaluate import OfferEvaluator
from bot.offers.extract import extract_facts, looks_like_offer
from bot.offers.models import Deliverable, Evaluation, OfferFacts, Profile, Reason

__all__ = [
    "Deliverable",
    "Evaluation",
    "OfferEvaluator",
    "OfferFacts",
    "Profile",
    "Reason",
    "extract_facts",
    "looks_like_offer",
]
