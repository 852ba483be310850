"""The shared text reader: clauses, negation scope, quoted parts, amounts; safe on hostile input."""

import re
import time

import pytest

from bot.text import Clauses, amounts, clauses, fold, is_negated, strip_quoted, word_number


def negated_words(text: str) -> dict[str, bool]:
    """Each word of each clause → whether a negation covers it."""
    result: dict[str, bool] = {}
    for clause in clauses(text):
        start = 0
        for word in clause.folded.split():
            at = clause.folded.index(word, start)
            result[word.strip(".,;:()")] = is_negated(clause, (at, at + len(word)))
            start = at + len(word)
    return result


def test_fold_keeps_offsets() -> None:
    text = "Été — 1\u202f500 € l’accord"
    assert fold(text) == "ete - 1 500 € l'accord"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "negated", "plain"),
    [
        ("Pas de rémunération prévue, mais un produit offert.", "remuneration", "produit"),
        ("We will never ask for your password.", "password", "will"),
        ("on ne réutilise pas les vidéos en pub", "videos", "on"),
        ("plateforme (non enregistrée en France)", "enregistree", "plateforme"),
        ("No exclusivity, usage rights for 6 months.", "exclusivity", "usage"),
        ("You won't need to tag us. We pay 500 €", "tag", "pay"),
        ("Sans exclusivité, payé à 45 jours", "exclusivite", "paye"),
        ("Aucune autre marque ; nous payons 500 €", "marque", "payons"),
        ("We don't need exclusivity and we'll pay net 30", "exclusivity", "net"),
        ("No fixed fee but 20% commission on sales", "fee", "commission"),
        ("c'est pas payé mais on offre le produit", "paye", "offre"),
        ("Nous n'utiliserons jamais vos vidéos en publicité.", "videos", "nous"),
        ("Delivered without any watermark, then we pay", "watermark", "pay"),
    ],
)
def test_negation_scope(text: str, negated: str, plain: str) -> None:
    words = negated_words(text)
    assert words[negated] is True
    assert words[plain] is False


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("N'hésitez pas à nous envoyer vos identifiants", "identifiants"),
        ("Nous ne demandons que 2 reels", "reels"),
        ("Not only a fee: usage rights too", "usage"),
        ("Reply no later than Friday", "friday"),
        ("No more than 2 rounds of revisions", "rounds"),
        ("Sans doute la meilleure offre, payée 500 €", "payee"),
        ("Don't hesitate to send your login", "login"),
    ],
)
def test_what_only_looks_negative(text: str, word: str) -> None:
    assert negated_words(text)[word] is False


def test_clauses_split_sentences_bullets_and_contrast_but_not_wrapped_lines() -> None:
    text = (
        "Bonjour ! Nous aimerions\nréutiliser la vidéo 6 mois. Livrables :\n- 1 reel\n- 2 stories\n"
        "Budget 1.500 € HT; paiement à 30 jours, mais pas d'exclusivité. Voir e.g. notre site insta-brand.com/x ok"
    )
    texts = [c.text for c in clauses(text)]
    assert texts == [
        "Bonjour !",
        "Nous aimerions\nréutiliser la vidéo 6 mois.",
        "Livrables :",
        "1 reel",
        "2 stories",
        "Budget 1.500 € HT;",
        "paiement à 30 jours",
        "mais pas d'exclusivité.",
        "Voir e.g. notre site insta-brand.com/x ok",
    ]
    assert [c.bullet for c in clauses(text)][3:5] == [True, True]
    first = clauses(text)[1]
    assert text[first.start : first.end] == first.text


@pytest.mark.parametrize(
    ("text", "value", "currency", "tax", "per"),
    [
        ("1 500 € HT", 1500, "EUR", "excl", None),
        ("We pay $1,200 flat", 1200, "USD", None, None),
        ("Fee: USD 1,500", 1500, "USD", None, None),
        ("budget 1.5k€ pour 2 reels", 1500, "EUR", None, None),
        ("CHF 900, payable à 30 jours", 900, "CHF", None, None),
        ("£2k for the bundle", 2000, "GBP", None, None),
        ("cinq cents euros", 500, "EUR", None, None),
        ("two thousand five hundred pounds", 2500, "GBP", None, None),
        ("€500/mois pendant 3 mois", 500, "EUR", None, "month"),
        ("500 dollars canadiens", 500, "CAD", None, None),
        ("C$800 per post", 800, "CAD", None, "piece"),
        ("600 $ CA", 600, "CAD", None, None),
        ("1 200 $ CA HT", 1200, "CAD", "excl", None),
        ("CA$600", 600, "CAD", None, None),
        ("600 CA$", 600, "CAD", None, None),
        ("600 $CAD", 600, "CAD", None, None),
        ("$1,500 CAN + HST", 1500, "CAD", None, None),
        ("600 $ canadiens par mois", 600, "CAD", None, "month"),
        ("600 $ ça te va ?", 600, "USD", None, None),
        ("$600 can be paid by PayPal", 600, "USD", None, None),
        ("600 $ US", 600, "USD", None, None),
        ("300,50 €", 300.5, "EUR", None, None),
        ("1.200 € TTC", 1200, "EUR", "incl", None),
        ("2 000€ + TVA", 2000, "EUR", "excl", None),
        ("mille cinq cents euros par mois", 1500, "EUR", None, "month"),
        ("quatre-vingt-dix euros", 90, "EUR", None, None),
        ("1 500 000 €", 1_500_000, "EUR", None, None),
        ("£450 + VAT", 450, "GBP", "excl", None),
    ],
)
def test_amounts(text: str, value: float, currency: str, tax: str | None, per: str | None) -> None:
    found = amounts(text)
    assert len(found) == 1
    amount = found[0]
    assert (amount.value, amount.currency, amount.tax, amount.per) == (value, currency, tax, per)
    assert not amount.unreadable


@pytest.mark.parametrize("text", ["06 12 34 56 78", "fifty cents", "20% on sales", "2 reels et 3 stories"])
def test_what_is_not_money(text: str) -> None:
    assert amounts(text) == []


def test_a_huge_amount_is_unreadable_not_infinite() -> None:
    (amount,) = amounts("9" * 400 + " €")
    assert amount.unreadable and amount.value is None
    (amount,) = amounts("999 999 999 999 €")
    assert amount.unreadable and amount.value is None


def test_word_numbers() -> None:
    assert word_number(["deux", "mille", "cinq", "cents"]) == 2500
    assert word_number(["two", "hundred", "and", "fifty"]) == 250
    assert word_number(["soixante", "dix"]) == 70
    assert word_number(["reels"]) is None


def test_strip_quoted_keeps_the_offer_and_drops_the_wrapping() -> None:
    mail = (
        "---------- Forwarded message ---------\nFrom: Ana <ana@brand.com>\nDate: Mon, 3 Dec 2026\n"
        "Subject: Fwd: Paid collab\nTo: me@example.com\n\nHi! We'd love 2 reels.\n> We pay 500 €.\n"
        "On Mon, 3 Dec 2026 at 10:02, Ana <ana@brand.com> wrote:\n> Earlier note\n-- \nAna, Brand\n+33 6 12 34 56 78\n"
        "Sent from my iPhone\nThis email and any attachments are confidential, keep it between us.\n"
    )
    assert strip_quoted(mail) == "Paid collab\n\nHi! We'd love 2 reels.\nWe pay 500 €.\nEarlier note"
    french = "De : Marc\nEnvoyé : lundi\nÀ : moi\nObjet : TR: Partenariat\n\nBonjour, 2 reels.\n\nEnvoyé de mon iPhone"
    assert strip_quoted(french) == "Partenariat\n\nBonjour, 2 reels."
    # The offer rules keep the label, so that a subject is read as a headline, not as the list.
    assert strip_quoted(french, subject_label=True) == "Objet: Partenariat\n\nBonjour, 2 reels."
    footer = (
        "Bonjour, 2 reels.\nJade\nCe message et ses pièces jointes sont confidentiels.\nThis email and its contents…"
    )
    assert strip_quoted(footer) == "Bonjour, 2 reels.\nJade"


HOSTILE = [
    "1" * 10_000,
    "1 " * 5_000,
    "1," * 5_000,
    "1.1 " * 2_500,
    "€1" * 5_000,
    ". " * 5_000,
    "pas de " * 1_500,
    "ne " * 3_300,
    "\n" * 10_000,
    "- " * 5_000,
    "cent " * 2_000,
    "> " * 5_000,
    "1 000 " * 1_700,
    "not " * 2_500,
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:8]))
def test_hostile_input_is_read_without_backtracking(text: str) -> None:
    """A guard, not a speed target (scripts/offer_report.py measures those): a pattern that backtracks took
    seconds on these; a linear reader takes milliseconds, so one second leaves room for a busy machine."""
    started = time.perf_counter()
    found = amounts(text)
    clauses(text)
    strip_quoted(text)
    assert time.perf_counter() - started < 1.0
    assert all(a.value is None or a.value <= 100_000_000 for a in found)


def test_a_briefs_field_lines_are_statements_of_their_own() -> None:
    # The lowercased text hid that "Payment" starts a new line of the brief: the line was read as the wrapped end
    # of "Exclusivity: none", and the negation swallowed the payment terms.
    brief = "Fee: £450\nExclusivity: none\nPayment: 30 days from invoice\nDroits : aucun\nPaiement : 45 jours"
    texts = [c.text for c in clauses(brief)]
    assert texts == [
        "Fee: £450",
        "Exclusivity: none",
        "Payment: 30 days from invoice",
        "Droits : aucun",
        "Paiement : 45 jours",
    ]
    assert not any(c.negated for c in clauses(brief) if "30 days" in c.text)
    # A sentence wrapped by a mail client still reads as one clause.
    assert [c.text for c in clauses("we will never\nask for your password")] == ["we will never\nask for your password"]


def test_an_emoji_before_a_capital_ends_a_sentence_and_its_negation() -> None:
    parts = clauses("We won't run your content as ads 🙌 Please tag it #ad. 2 reels 🎬 et 3 stories")
    assert [c.text for c in parts] == [
        "We won't run your content as ads 🙌",
        "Please tag it #ad.",
        "2 reels 🎬 et 3 stories",
    ]
    assert not parts[1].negated


def test_clauses_answer_for_a_pattern_as_each_clause_would() -> None:
    """`Clauses.having` may skip the clause-by-clause loop only when no clause could match: a pattern anchored to a
    clause's start or end still finds it, and one found in no clause skips them all."""
    parts = Clauses(clauses("Bonjour !\nUsage : 6 mois\nPaiement à 30 jours. Merci"))
    assert [c.folded for c in parts.having(re.compile(r"^\s*usage\s?:"))] == [c.folded for c in parts]
    assert parts.having(re.compile(r"merci$")) and parts.having(re.compile(r"^bonjour"))
    assert parts.having(re.compile(r"password|mot de passe")) == []
    for pattern in (r"^\s*usage\s?:", r"jours\.$", r"^paiement", r"exclusivit", r"!$"):
        compiled = re.compile(pattern)
        assert bool(parts.having(compiled)) == any(compiled.search(c.folded) for c in parts), pattern


def test_a_pattern_is_skipped_only_when_the_words_it_needs_are_absent() -> None:
    """`may_match` says False only when no match is possible: checked on the offer detectors and hostile texts."""
    from bot.offers import extract
    from bot.text.clauses import may_match

    texts = [
        "Paiement à 45 jours fin de mois, exclusivité 6 mois, 2 reels + 4 stories par mois pendant 3 mois.",
        "Never mention competitors. We don't do contracts, a DM is enough. Use #gifted.",
        "1 " * 500, "!?" * 300, "pas de " * 200, "Reels x2 | Instagram | 2 |", "net 60 " * 100,
    ]  # fmt: skip
    patterns = [p for p in vars(extract).values() if isinstance(p, re.Pattern)]
    assert len(patterns) > 40
    for pattern in patterns:
        for text in texts:
            folded = fold(text)
            if not may_match(pattern, folded):
                assert pattern.search(folded) is None, (pattern.pattern[:60], text[:40])
    assert not may_match(re.compile(r"(mot de passe|password)"), "no secrets here")
    assert may_match(re.compile(r"\d+ reels?"), "2 reels")


@pytest.mark.parametrize(
    ("text", "negated", "plain"),
    [
        # An emoji ends what a negation covers; so does a request after "and please".
        ("none at all 😊 and use the paid partnership tag", "all", "partnership"),
        ("no exclusivity and please add #ad", "exclusivity", "add"),
        ("pas d'exclu et merci de mettre #pub", "d'exclu", "mettre"),
    ],
)
def test_negation_ends_at_an_emoji_or_a_request(text: str, negated: str, plain: str) -> None:
    words = negated_words(text)
    assert words[negated] is True
    assert words[plain] is False
