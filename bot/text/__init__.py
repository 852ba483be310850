"""Reading French and English messages clause by clause: folding, clauses with negation scope, quoted or forwarded
parts, amounts of money, a ban on naming rivals told from a hidden ad label. Pure functions, linear in the input:
no pattern here can backtrack on long digit runs or repeated separators, so any text a user pastes is safe to read
on a worker thread.
"""

from bot.text.amounts import Amount, amounts, parse_number, word_number
from bot.text.clauses import Clause, Clauses, clauses, is_negated, negation_scopes
from bot.text.fold import fold
from bot.text.quoted import strip_quoted
from bot.text.rivals import RIVAL_BAN, bans_rivals_only

__all__ = [
    "RIVAL_BAN",
    "Amount",
    "Clause",
    "Clauses",
    "amounts",
    "bans_rivals_only",
    "clauses",
    "fold",
    "is_negated",
    "negation_scopes",
    "parse_number",
    "strip_quoted",
    "word_number",
]
