"""A ban on naming rivals is not the ad label.

"Never mention NordShield or any other VPN", "ne cite aucune marque concurrente": the brand forbids competitors; the
negated "mention" there says nothing about labelling the post as an ad. Both readers of hidden advertising (the
offer rules and the understanding step) ask `bans_rivals_only` before taking a negated or hidden mention for a
missing ad label. Patterns read folded text (bot.text.fold) and are linear: bounded gaps, no nested repeats.
"""

from __future__ import annotations

import re

# Naming, showing or promoting competitors, or competitors declared off limits.
RIVAL_BAN = re.compile(
    r"(mention|mentionner|cite[rz]?|citer|name|nommer|montrer|show|feature|parle\w*|talk about|tag|taguer|identifier|"
    r"promote|promouvoir|recommend|recommander|evoquer)[^.\n]{0,30}(competitors?|concurrents?|competing( [a-z-]+){1,3}|"
    r"marques? concurrentes?|rival brands?|(any )?other [a-z]{0,20} ?brands?|(d.)?autres? marques?|"
    # "never mention NordShield or any other VPN", "ni aucune autre appli": the rivals named by their kind
    r"\b(or|ou|ni|nor) ((any|no|aucune?|un|une|d.) ?){0,2}(other|autres?) [a-z]{2,20}|"
    # "any other meal kit brand", "d'autres applis de livraison": other businesses of a kind
    r"\b(any|no|aucune?|d.|les|the) ?(other|autres?)( [a-z-]{2,20}){0,3}? (brands?|marques?|companies|entreprises|"
    r"apps?|applis?|applications?|services?|platforms?|plateformes?|enseignes?|products?|produits?|stores?|shops?|"
    r"boutiques?)\b)|"
    r"(competitors?|concurrents?|marques concurrentes)[^.\n]{0,30}(forbidden|interdit|"
    r"banned|not allowed|off limits|proscrit)"
)
# What the ad label is called: a mention followed by one of these is about disclosure, rivals or not.
AD_LABEL = re.compile(
    r"pub|sponsor|#|\bad\b|\bads\b|partenariat|partnership|collab|paid|paye|label|disclos|divulg|organic"
)
LABEL_REACH = 25  # "no mention that it's sponsored": the label follows the mention closely


def bans_rivals_only(folded: str, start: int, end: int) -> bool:
    """Whether the mention at `folded[start:end]` (a negated or hidden one, in a folded clause) belongs to a ban on
    naming rivals: the clause bans rivals and no ad label is named in or right after the mention."""
    return RIVAL_BAN.search(folded) is not None and AD_LABEL.search(folded, start, end + LABEL_REACH) is None
