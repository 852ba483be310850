"""Turns the cards retrieval found into an answer: direct answer, key points, checklist, sources."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Iterable, Sequence

from bot.advice import jurisdiction
from bot.advice.models import Answer, FollowUp, Hit, Reference, SourceRef
from bot.advice.texts import format_date, say
from bot.advice.understand import Understanding, warning_flag
from bot.i18n import Lang
from bot.kb import Card, KnowledgeBase
from bot.text import fold

MAX_CARDS = 3
# A second or third card joins the answer only if it is nearly as close as the best one.
SECONDARY_MARGIN = 0.08
CHECKLIST_MIN, CHECKLIST_MAX = 5, 8
MAX_FOLLOW_UPS = 2  # with "more details", the buttons still fit a phone screen
# Share of the shorter item's content words found in an earlier item above which it is a repeat.
NEAR_DUPLICATE = 0.6
MAX_REFERENCES = 4
MAX_TOP_POINTS, MAX_POINTS = 5, 6
# The direct answer fits one phone screen before the checklist.
DIRECT_MAX = 700
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«\"“(0-9])")
# A question asking for a number ("how much for 8k?", "combien pour un reel", "cb je demande"), and a sentence that
# gives one.
# "Ask for a higher fee", "demander un contrat" or "I have 12k" asks how, not how much; "my rate is too high",
# "mon tarif" speak of a price the creator has already set.
ASKS_FIGURE = re.compile(
    r"\b(?:how much|combien|cb|cmb|what (?:rate|price|fee)|quel (?:tarif|prix|montant)|"
    r"(?<!\bmy )(?<!\bmon )(?<!\bmes )(?:rates?|tarifs?|prix|price)|pricing|charge|facturer)\b"
)
FIGURE = re.compile(r"\d[\d\s,.]{0,12}\s?(?:%|€|\$|£|k\b|euros?|dollars?|pounds?)|[€$£]\s?\d")
# Cards whose checklist items complete a short checklist: the questions worth asking of any offer.
TITLE_BONUS = 2.0  # the follow-up names what a card is about (a platform, a country, a clause)
HEAD_BONUS = 2.0  # ...and more when it is the card's subject, the head of its title ("TikTok: ...")
HEAD_WORDS = 3  # a title head that names a subject: "YouTube", "Instagram and Facebook", "US and UK"
TOPIC_BONUS = 1.5  # a follow-up stays on the previous answer's card unless another fits it clearly better
# A follow-up's own search counts for a card in its first places only (alone, "and if they refuse?" is vague).
FOLLOW_UP_OWN_DEPTH = 3
OWN_FIRST_BONUS = 1.0  # ...and its first card counts as much as the topic's own
# Words that a follow-up shares with any sentence ("and what if I just…"), by their 6-letter stem.
_STOP_WORDS = (
    "what that this with have from they them their there then just about your yours when where which would could "
    "should does will also only even much more very really still like want know think make need maybe dans pour "
    "avec cette mais quoi elle elles sont etre faire fait quand comme plus tout tous leur leurs vous votre alors "
    "donc aussi encore juste vraiment peut peux dois doit faut quel quelle quels quelles tell explain explique "
    "details detail example exemple pourquoi continue suite dire the and for you are but not can how why who "
    "les des une est pas que qui mes tes ses son mon ton ils sur par avec was has had did get got any all its "
    "our out too use now new way yes oui non nan"
)
FOLLOW_UP_STOP = frozenset(word[:6] for word in _STOP_WORDS.split())
# Verbs a follow-up asks with name no card: "what about if they pay me £200?" is not about "Fair pay: …".
NAMING_STOP = frozenset(word[:6] for word in "pay pays paid paying payer paye paie charge money argent".split())
# The card on each clause the offer rules flag in what the creator describes: the clauses a creator quotes to ask
# about them. Not what the offer leaves out (a missing contract), nor what is usually the setting of another
# question (a gift: "do I disclose a gifted product?"; an exclusivity: "an agency wants me exclusive for 2 years").
OFFER_FLAG_CARDS = {
    "perpetual_rights": "usage-rights-whitelisting",
    "unpaid_ads": "usage-rights-whitelisting",
    "unlimited_revisions": "content-approval-revisions",
    "late_payment_terms": "payment-terms-late-payment",
    "payment_after_approval": "payment-terms-late-payment",
    "comment_control": "comment-moderation-requests",
    "commission_only": "money-vs-gifts-vs-commission",
    "low_fee_for_workload": "workload-vs-fee",
}
CORE_CHECKLIST_CARDS = (
    "offer-editorial-fit",
    "fair-pay",
    "before-signing-checklist",
    "disclosure-basics",
    "fake-brand-dms",
    "usage-rights-whitelisting",
    "payment-terms-late-payment",
)


def out_of_scope(question: str, lang: Lang, kb_version: str) -> Answer:
    summary = say("out_of_scope", lang)
    return Answer(question=question, lang=lang, in_scope=False, summary=summary, kb_version=kb_version)


def compose(
    question: str,
    lang: Lang,
    hits: Sequence[Hit],
    kb: KnowledgeBase,
    understanding: Understanding | None = None,
    foreign: Collection[str] = (),
    country: str | None = None,
) -> Answer:
    """An answer grounded in the best cards, or the polite out-of-scope message when retrieval found none. A
    message that carries a warning flag leads with that warning and the card it comes from. `foreign`: the places
    whose rules are not the creator's (see `_direct_answer`); `country`: where the creator is, when known."""
    found = [(hit, card) for hit in hits if (card := kb.get(hit.card_id, lang)) is not None]
    flag = warning_flag(understanding.warnings) if understanding else None
    if flag:
        found = _lead_with_warning(found, _own_rules_first(understanding.family(flag), kb, lang, country), kb, lang)
    elif understanding is not None and understanding.judged:
        found = _lead_with_clause(found, understanding.red_flags)  # an offer, or news of one ("they now want…")
    if not found:
        return out_of_scope(question, lang, kb.version)
    best = max(hit.score for hit, _ in found[:MAX_CARDS])
    top, *others = found[:MAX_CARDS]
    cards = [top[1], *(card for hit, card in others if hit.score >= best - SECONDARY_MARGIN)]
    return answer_from_cards(question, lang, cards, kb, understanding, foreign=foreign)


def compose_follow_up(
    question: str,
    lang: Lang,
    hits: Sequence[Hit],
    kb: KnowledgeBase,
    understanding: Understanding,
    previous_card: str | None = None,
    shown: Collection[str] = (),
    own_hits: Sequence[str] = (),
    foreign: Collection[str] = (),
) -> Answer:
    """A follow-up ("and if they refuse?") answered within its topic: `hits` were found for the previous message
    and the follow-up together, `own_hits` for the follow-up alone. The passages the previous answer showed
    (`shown`, and those the previous message gets from `previous_card`) are left out; the card whose remaining
    passages best fit the follow-up's own words leads. When every passage of the topic has been shown, the
    answer says so instead of repeating itself."""
    found = [card for hit in hits[:MAX_CARDS] if (card := kb.get(hit.card_id, lang)) is not None]
    previous = kb.get(previous_card, lang) if previous_card else None
    if previous is not None and all(card.id != previous.id for card in found):
        found.append(previous)
    if not found:
        return out_of_scope(question, lang, kb.version)
    # The topic is the previous answer's card (else the best card for the exchange): the follow-up stays on it or
    # on a card that shares one of its topics; "and what do I send them?" after a report is not about scams.
    topic = previous or found[0]
    words = _own_words(question, lang)
    # A card whose subject the follow-up names ("what about youtube?" and "YouTube: the paid promotion box") is a
    # candidate even when the search of the whole exchange ranks it low: the previous message outweighs the
    # follow-up's one word there.
    named = _named_cards(words, kb, lang)
    found += [card for card in named if all(card.id != other.id for other in found)]
    # On the topic's subjects, and in its jurisdiction: after French tax rules, "même les cadeaux ?" is not about
    # US tax (a follow-up that names a place moves there by itself, see AdviceEngine._answer).
    # After one place's rules (UK tax), a card that shares none of the rules it states (tax, disclosure) is another
    # subject: "what about the free stuff they sent me?" asks how the UK tax treats gifts, not what gifts are.
    rules = _rule_subjects(topic) & STATED_RULES if jurisdiction.is_local(topic.jurisdiction) else set()
    found = [
        card
        for card in found
        if card is topic
        or (
            (_subjects(card) & _subjects(topic) and (_same_place(card, topic) or any(card is c for c in named)))
            and (not rules or bool(rules & _subjects(card)) or any(card is c for c in named))
        )
    ]
    # What the creator has read on this topic; worked out again from the previous card when nobody kept it.
    seen = set(shown) or set(shown_passages(understanding.context or "", previous) if previous else ())
    figures = bool(ASKS_FIGURE.search(fold(question)))
    semantic = set(own_hits[:FOLLOW_UP_OWN_DEPTH])

    def fit(card: Card) -> float:
        """How well the card's unread passages answer the follow-up itself (0: none speaks to it)."""
        fresh = [text for text in [*_sentences(card.summary), *card.key_points] if not _is_shown(text, seen)]
        if not fresh:
            return -1.0
        # A figure counts a little: the topic card without one beats another card's unrelated figures.
        best = max(len(words & _short_words(text)) + (0.5 if figures and FIGURE.search(text) else 0)
                   for text in fresh)  # fmt: skip
        # A card named by the follow-up ("and on TikTok?" and the TikTok card) fits it as a whole, and better when
        # what it names is the card's subject (the title's head, "TikTok: ...") than one of several it lists.
        # Naming the topic's own card says nothing new: its title's words ("rate" in "Fair pay: how to think about
        # your rate") do not keep a follow-up there ("what if they say my rate is too high?").
        named = 0.0
        if card is not topic and (words - NAMING_STOP) & _short_words(card.title):
            named = TITLE_BONUS + (HEAD_BONUS if (words - NAMING_STOP) & _short_words(_title_head(card.title)) else 0.0)
        # The topic's own card stays unless another fits the follow-up clearly better.
        # The follow-up's own search counts, most for its first card.
        own = OWN_FIRST_BONUS if own_hits and own_hits[0] == card.id else 1.0 if card.id in semantic else 0.0
        return best + named + own + (TOPIC_BONUS if card is topic else 0.0)

    fits = [fit(card) for card in found]
    if not words and not figures:
        # "Tell me more", "why?": nothing of its own to look for; the same card goes on, then the next ones.
        order = sorted(range(len(found)), key=lambda i: (found[i] is not previous, i))
    else:
        # Retrieval's order on the whole exchange breaks ties, and counts for a little when nothing fits.
        order = sorted(range(len(found)), key=lambda i: fits[i] + 0.3 * (len(found) - i) / len(found), reverse=True)
    order = [i for i in order if fits[i] >= 0]
    if not order:
        return _nothing_more(question, lang, previous or found[0], kb, understanding)
    lead = found[order[0]]
    others = [found[i] for i in order[1:]][: MAX_CARDS - 1]
    answer = answer_from_cards(
        question, lang, [lead, *others], kb, understanding, shown=seen, words=words, foreign=foreign
    )
    if answer.template and answer.template in seen:  # the reply to adapt was given already
        answer = dataclasses.replace(answer, template=None)
    lead_fit = fits[order[0]] - (TOPIC_BONUS if lead is topic else 0.0)
    # Nothing in the topic speaks to the follow-up itself: say so first (a figure asked for and missing is said
    # by its own line).
    if words and lead_fit <= 0 and not figures:
        answer = dataclasses.replace(answer, summary=f"{say('follow_up_closest', lang)}\n\n{answer.summary}")
    return answer


def _same_place(card: Card, topic: Card) -> bool:
    """`card` holds wherever `topic` does: general advice, or rules of one of the topic's places."""
    return (
        "all" in card.jurisdiction
        or "all" in topic.jurisdiction
        or bool(set(card.jurisdiction) & set(topic.jurisdiction))
    )


def _title_head(title: str) -> str:
    """What a card is about by its title when it names it: a short part before a colon ("YouTube" in "YouTube:
    the paid promotion box", "US and UK"), else nothing ("Children under 16 in paid content: ..." is a phrase,
    not a name)."""
    head, colon, _ = title.partition(":")
    return head if colon and len(head.split()) <= HEAD_WORDS else ""


def _named_cards(words: set[str], kb: KnowledgeBase, lang: Lang) -> list[Card]:
    """The cards whose title head names a subject these words name: "YouTube" in "what about youtube?"."""
    words = words - NAMING_STOP
    if not words:
        return []
    return [card for card in kb if card.language == lang and words & _short_words(_title_head(card.title))]


def _subjects(card: Card) -> set[str]:
    """What a card is about: its topics but the jurisdiction ones (`law-us` joins US tax and US disclosure)."""
    return {topic for topic in card.topics if not topic.startswith("law-")}


def _nothing_more(question: str, lang: Lang, card: Card, kb: KnowledgeBase, understanding: Understanding) -> Answer:
    """Every passage of the topic's cards has been shown: say so, and point to the details and other questions."""
    return Answer(
        question=question,
        lang=lang,
        in_scope=True,
        summary=say("follow_up_nothing_more", lang, title=card.title),
        sources=[SourceRef(card.id, card.title)],
        references=_references([card]),
        follow_ups=_follow_ups([card]),
        checklist=card.checklist[:CHECKLIST_MAX],
        checklist_title=checklist_title(card, lang, understanding.is_offer),
        kb_version=kb.version,
        kind=understanding.kind,
        red_flags=list(understanding.red_flags),
        full_checklist=_distinct([*card.checklist, *full_checklist(kb, lang)]),
        context=understanding.context,
    )


def _own_words(text: str, lang: Lang = "en") -> set[str]:
    """What a follow-up asks, in its own words: its words but those that fit any sentence. In French, "comment" is
    "how" ("je déclare ça comment ?"), not a card's comments."""
    if lang == "fr":
        text = FRENCH_HOW.sub(" ", fold(text))
    return _short_words(text) - FOLLOW_UP_STOP


FRENCH_HOW = re.compile(r"\bcomment\b")


def _short_words(text: str) -> set[str]:
    # A follow-up is short, so three-letter words count ("say no", "tax"); folded, cut to a 6-letter stem.
    return {word[:6] for word in re.findall(r"\w+", fold(text)) if len(word) >= 3}


def _lead_with_clause(found: list[tuple[Hit, Card]], flags: Sequence[str]) -> list[tuple[Hit, Card]]:
    """A described offer whose terms the offer rules flagged ("droits à vie", "unlimited revisions") leads with
    the card on that clause when retrieval found it: the creator asks about what the offer says, and retrieval
    alone weighs the fee and the platform as much as the clause."""
    cards = {OFFER_FLAG_CARDS[flag] for flag in flags if flag in OFFER_FLAG_CARDS}
    ranked = next((i for i, (_, card) in enumerate(found) if card.id in cards), None)
    if not ranked:  # None, or it leads already
        return found
    return [found[ranked], *found[:ranked], *found[ranked + 1 :]]


def _own_rules_first(family: Sequence[str], kb: KnowledgeBase, lang: Lang, country: str | None) -> Sequence[str]:
    """`family` with only the cards stating `country`'s own rules, when it has some: a UK creator asked to hide
    the #ad is told what the ASA and the CMA say, whichever platform's card retrieval ranked first."""
    if country is None:
        return family
    own = [
        card_id
        for card_id in family
        if (card := kb.get(card_id, lang)) is not None and jurisdiction.states_rules_of(card.jurisdiction, country)
    ]
    return own or family


def _lead_with_warning(
    found: list[tuple[Hit, Card]], family: Sequence[str], kb: KnowledgeBase, lang: Lang
) -> list[tuple[Hit, Card]]:
    """The warning's card leads: retrieval's own pick if it is one of the family, else the family card it ranks in
    its top three, else the family's first card."""
    if found and found[0][1].id in family:
        return found
    ranked = next((i for i, (_, card) in enumerate(found[:MAX_CARDS]) if card.id in family), None)
    if ranked is not None:
        return [found[ranked], *found[:ranked], *found[ranked + 1 :]]
    card = next((card for card_id in family if (card := kb.get(card_id, lang)) is not None), None)
    if card is None:
        return found
    return [(Hit(card.id, found[0][0].score if found else 1.0), card), *found]


def answer_from_cards(
    question: str,
    lang: Lang,
    cards: Sequence[Card],
    kb: KnowledgeBase,
    understanding: Understanding | None = None,
    shown: Collection[str] = (),
    words: set[str] | None = None,
    foreign: Collection[str] = (),
) -> Answer:
    """The answer from `cards`, best first. For a follow-up, `shown` and `words`; `foreign` (see `_direct_answer`)
    holds for a card of general advice only: a card on one place's rules is framed as a whole (see the engine's
    `with_jurisdiction`)."""
    top, others = cards[0], cards[1:]
    warnings = [say(f"warn_{flag}", lang) for flag in (understanding.warnings if understanding else ())]
    asked = question if not (understanding and understanding.context) else f"{understanding.context} {question}"
    budget = DIRECT_MAX - sum(map(len, warnings))
    foreign = () if jurisdiction.is_local(top.jurisdiction) else foreign
    if words is not None:  # a follow-up: its own words choose the passages, not the previous message's
        summary, points, rest = _direct_answer(question, top, others, budget, shown, words, foreign)
    else:
        summary, points, rest = _direct_answer(asked, top, others, budget, foreign=foreign)
    dates = [card.as_of for card in cards if card.as_of]
    as_of = max(dates) if dates else None
    offer = bool(understanding and understanding.is_offer)
    return Answer(
        question=question,
        lang=lang,
        in_scope=True,
        summary=summary,
        key_points=points,
        checklist=checklist_for_question(asked, cards, kb, lang, offer=offer),
        checklist_title=checklist_title(top, lang, offer),
        sources=[SourceRef(card.id, card.title) for card in cards],
        references=_references(cards[:1]),  # the answering card's own sources; the others are named by title
        template=top.template,
        as_of=as_of.isoformat() if as_of else None,
        follow_ups=_follow_ups(cards),
        kb_version=kb.version,
        kind=understanding.kind if understanding else "question",
        red_flags=list(understanding.red_flags) if understanding else [],
        warnings=warnings,
        more_points=rest,
        full_checklist=_distinct([*(item for card in cards for item in card.checklist), *full_checklist(kb, lang)]),
        as_of_text=say("as_of", lang, date=format_date(as_of, lang)) if as_of else None,
        context=understanding.context if understanding else None,
    )


def _direct_answer(
    question: str,
    top: Card,
    others: Sequence[Card],
    budget: int,
    shown: Collection[str] = (),
    words: set[str] | None = None,
    foreign: Collection[str] = (),
) -> tuple[str, list[str], list[str]]:
    """The top card's sentences closest to the question, within `budget` characters: its opening sentence (the
    card's answer in one line) first, then the best-matching sentences and points in the card's order. Returns
    the summary, the key points and the points left for "more details".

    For a follow-up, `shown` holds the passages the creator has already read on this topic (they are left out, so
    the answer is never a repeat) and `words` the follow-up's own words, which choose among the others.

    A sentence on the rules or figures of places that are all `foreign` to the creator ("In France your content is
    protected by author's rights…" for a US creator, "Aux États-Unis, la FTC…" for a French one) is left for "more
    details": a general card's answer never gives another country's rules as the creator's own."""
    follow_up = words is not None
    words = _content_words(question) if words is None else words
    figures = bool(ASKS_FIGURE.search(fold(question)))
    units = [(s, True) for s in _sentences(top.summary)] + [(p, False) for p in top.key_points]
    fresh = [i for i, (text, _) in enumerate(units) if not _is_shown(text, shown)]
    if not fresh:
        return "", [], []
    whole = units  # "more details" keeps every sentence
    if foreign:  # each passage without its sentences on places foreign to the creator; [] when nothing is left
        kept = [(_held(text, foreign), is_summary) for text, is_summary in units]
        elsewhere = {i for i in fresh if not kept[i][0]}
        if len(elsewhere) < len(fresh):
            units = [(held or whole[i][0], is_summary) for i, (held, is_summary) in enumerate(kept)]
            fresh = [i for i in fresh if i not in elsewhere]
        else:
            elsewhere = set()
    else:
        elsewhere = set()

    def score(index: int) -> float:
        text = units[index][0]
        overlap = len(words & (_short_words(text) if follow_up else _content_words(text)))
        figure = 3 if figures and FIGURE.search(text) else 0
        return overlap + figure - index * 0.01  # ties go to the card's order

    # An answer opens with the card's one-line answer; a follow-up with the passage that answers it, if one does.
    first = fresh[0]
    if follow_up and (shown or score(max(fresh, key=score)) > 0):
        first = max(fresh, key=score)
    # A follow-up asks one thing: its answer is the passages that match it, not the card's remaining points.
    least = 2 if follow_up else 3
    chosen = {first}
    used = len(units[first][0])
    for index in sorted((i for i in fresh if i != first), key=score, reverse=True):
        if score(index) <= 0 and len(chosen) >= least:
            break
        if used + len(units[index][0]) + 3 <= budget:
            chosen.add(index)
            used += len(units[index][0]) + 3
    if first == 0:
        summary = " ".join(text for i, (text, is_summary) in enumerate(units) if i in chosen and is_summary)
        points = [text for i, (text, is_summary) in enumerate(units) if i in chosen and not is_summary]
    else:  # a follow-up: the passage that answers it first, what goes with it after
        summary = units[first][0]
        points = [text for i, (text, _) in enumerate(units) if i in chosen and i != first]
    rest = [text for i, (text, is_summary) in enumerate(whole) if i not in chosen and not is_summary]
    rest += [text for i, (text, is_summary) in enumerate(whole) if i in elsewhere and is_summary]
    if figures:
        points = [_with_source(point, top) for point in points]
        if not FIGURE.search(summary) and not any(FIGURE.search(point) for point in points):
            points.append(say("no_sourced_figure", top.language))
    rest += [card.summary for card in others]
    return summary, points, rest


def shown_passages(question: str, card: Card) -> list[str]:
    """The passages of `card` that the direct answer to `question` shows (a follow-up leaves them out)."""
    summary, points, _ = _direct_answer(question, card, [], DIRECT_MAX)
    return [*_sentences(summary), *points]


def passages(answer: Answer) -> tuple[str, ...]:
    """What an answer showed, passage by passage (its reply template too): what a follow-up to it leaves out."""
    if not answer.in_scope:
        return ()
    return (*_sentences(answer.summary), *answer.key_points, *([answer.template] if answer.template else []))


def topic_passages(answer: Answer, before: Sequence[str] = ()) -> tuple[str, ...]:
    """The passages read on the answer's topic: a follow-up adds its own to those `before`; a new question starts
    again from its own."""
    return (*before, *passages(answer)) if answer.context else passages(answer)


def _is_shown(text: str, shown: Collection[str]) -> bool:
    """Whether every sentence of a card passage was shown (a shown point may carry its figure's source after it;
    a point shown as the summary was cut into sentences)."""
    return bool(shown) and all(
        any(seen == sentence or seen.startswith(sentence) for seen in shown) for sentence in _sentences(text)
    )


def _with_source(point: str, card: Card) -> str:
    """A figure names its source and date: the card source the sentence cites, else the card's date."""
    if not FIGURE.search(point):
        return point
    folded = fold(point)
    for source in card.sources:
        names = {fold(source.publisher).split(" ")[0].strip("'’:,"), fold(source.title).split(" ")[0].strip("'’:,")}
        if any(len(name) > 3 and name in folded for name in names):
            return f"{point} {say('figure_source', card.language, source=f'{source.publisher}, {source.date}')}"
    if card.as_of:
        date = format_date(card.as_of, card.language)
        return f"{point} {say('figure_source', card.language, source=f'{card.title}, {date}')}"
    return point


def _held(text: str, foreign: Collection[str]) -> str:
    """`text` without its sentences on the rules or figures of places all `foreign` to the creator ("" if none is
    left)."""
    sentences = [s.strip() for s in POINT_SENTENCE_END.split(text.strip()) if s.strip()]
    held = [sentence for sentence in sentences if not jurisdiction.states_elsewhere(sentence, foreign)]
    return text if len(held) == len(sentences) else " ".join(held)


# Within a card's point, "(art. 7)" and "€1,000 excl. VAT" end no sentence.
POINT_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\bart\.)(?<!excl\.)(?<!\bHT\.)\s+(?=[A-ZÀ-Ý«\"“(])")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text.strip()) if s.strip()]


def checklist_for(cards: Sequence[Card], kb: KnowledgeBase, lang: Lang, *, ask_yourself: bool = True) -> list[str]:
    """5–8 yes/no questions: those of the answering cards first, completed from the core cards (offer judging).
    Without `ask_yourself`, none of the questions a creator asks themself: "would you talk about this product even
    if no one paid you?" is no question to ask of a scam or an illegal ask."""
    core = [
        card
        for card_id in CORE_CHECKLIST_CARDS
        if (card := kb.get(card_id, lang)) is not None and (ask_yourself or not set(card.topics) & SELF_SUBJECTS)
    ]
    items = _distinct(item for card in cards for item in card.checklist)[:CHECKLIST_MAX]
    if len(items) < CHECKLIST_MIN:
        extra = _distinct([*items, *(card.checklist[0] for card in core)])[len(items) :]
        items += extra[: CHECKLIST_MIN - len(items)]
    return items


def checklist_for_question(
    question: str, cards: Sequence[Card], kb: KnowledgeBase, lang: Lang, offer: bool = False
) -> list[str]:
    """The leading card's items, those that fit this question first; another answering card's items and the core
    items (the questions worth asking of any offer) only where they fit: when they share a telling word with the
    question (not one that half the checklists use, "brand", "paid", "contract"), or, for the core items, when the
    message is an offer. An agent's commission has no place on a question about a brand's contract."""
    words = _content_words(question)
    telling = words - _common_words(kb, lang)
    top, others = cards[0], cards[1:]
    own = _distinct(top.checklist)
    ranked = sorted(own, key=lambda item: (-len(telling & _content_words(item)), -len(words & _content_words(item))))
    fitting = [item for card in others for item in card.checklist if telling & _content_words(item)]
    fitting.sort(key=lambda item: -len(telling & _content_words(item)))  # stable: card order on ties
    items = _distinct([*ranked, *fitting])[:CHECKLIST_MAX]
    if len(items) >= CHECKLIST_MIN:
        return items
    # Short still: the first item of another answering card on the same rules (a Belgian disclosure question, the
    # EU's), then the core items that fit. An offer gets those whatever its words, those on the leading card's
    # subjects first. When the answer is about rules or a scam, neither an offer nor a question gets the questions
    # to ask yourself, whatever words they share ("would you talk about this product even if no one paid you?" does
    # not judge a login request, nor a UK creator's question on the tax on gifted products).
    rules = _rule_subjects(top)
    same = [
        card.checklist[0]
        for card in others
        if card.checklist and "all" not in card.jurisdiction and _rule_subjects(card) & rules & STATED_RULES
    ]
    subjects = set(top.topics)
    core_cards = [card for card_id in CORE_CHECKLIST_CARDS if (card := kb.get(card_id, lang)) and card.checklist]
    core_cards.sort(key=lambda card: not (subjects & set(card.topics)))  # stable: the core order on ties
    core = [card.checklist[0] for card in core_cards if not (rules and set(card.topics) & SELF_SUBJECTS)]
    extra = [item for item in core if offer or telling & _content_words(item)]
    added = _distinct([*items, *same, *extra])[len(items) :]
    return items + added[: CHECKLIST_MIN - len(items)]


STATED_RULES = frozenset({"disclosure", "tax", "scams"})
SELF_SUBJECTS = frozenset({"authenticity", "editorial-line"})  # the questions a creator asks themself


def _rule_subjects(card: Card) -> set[str]:
    """What rules a card states: disclosure, tax or scams, or a country's law (its `law-*` topics)."""
    return {topic for topic in card.topics if topic in STATED_RULES or topic.startswith("law-")}


# A word found in the checklists of this share of the cards (and at least of this many) says nothing about what an
# item is for.
COMMON_WORD_SHARE, COMMON_WORD_CARDS = 0.1, 3
_COMMON: dict[tuple[str, str], frozenset[str]] = {}


def _common_words(kb: KnowledgeBase, lang: Lang) -> frozenset[str]:
    """The words (6-letter stems) that many cards' checklists use: "brand", "paid", "product", "contract"."""
    key = (kb.version, lang)
    if key not in _COMMON:
        cards = [card for card in kb if card.language == lang]
        counts: dict[str, int] = {}
        for card in cards:
            for word in set().union(*(_content_words(item) for item in card.checklist)):
                counts[word] = counts.get(word, 0) + 1
        if len(_COMMON) > 8:  # a few versions at most: a refresh makes a new one
            _COMMON.clear()
        least = max(COMMON_WORD_CARDS, COMMON_WORD_SHARE * len(cards))
        _COMMON[key] = frozenset(word for word, n in counts.items() if n >= least)
    return _COMMON[key]


def checklist_title(card: Card, lang: Lang, offer: bool) -> str:
    """The checklist's heading. "Checklist for judging the offer" only when the message is an offer (pasted or
    described); otherwise what the answering card's items are for: not replying to a scam, publishing, a
    country's rules, judging offers in general (pay, contracts), or the creator's own line."""
    if offer:
        return say("checklist", lang)
    topics = set(card.topics)
    if "scams" in topics:
        return say("checklist_scams", lang)
    if "disclosure" in topics:
        return say("checklist_publish", lang)
    if "tax" in topics or any(topic.startswith("law-") for topic in topics):
        return say("checklist_rules", lang)
    if topics & {"offer", "pay", "contract", "negotiation"}:
        return say("checklist_an_offer", lang)
    return say("checklist_yourself", lang)


def full_checklist(kb: KnowledgeBase, lang: Lang) -> list[str]:
    """Every core card's checklist, for /checklist: the whole review of an offer."""
    cards = [card for card_id in CORE_CHECKLIST_CARDS if (card := kb.get(card_id, lang)) is not None]
    return _unique(item for card in cards for item in card.checklist)


def _references(cards: Iterable[Card]) -> list[Reference]:
    seen: dict[str, Reference] = {}
    for card in cards:
        for source in card.sources:
            seen.setdefault(source.url, Reference(source.title, source.publisher, source.url, source.date))
    return list(seen.values())[:MAX_REFERENCES]


def _follow_ups(cards: Sequence[Card]) -> list[FollowUp]:
    # One question per card first, so the buttons open different doors.
    rounds = max(len(card.questions) for card in cards)
    ordered = [FollowUp(c.id, i, c.questions[i]) for i in range(rounds) for c in cards if i < len(c.questions)]
    return ordered[:MAX_FOLLOW_UPS]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _distinct(items: Iterable[str]) -> list[str]:
    """Drop items that ask nearly the same thing as an earlier one (two cards on one topic often do)."""
    kept: list[tuple[str, set[str]]] = []
    for item in items:
        words = _content_words(item)
        if all(_overlap(words, other) < NEAR_DUPLICATE for _, other in kept):
            kept.append((item, words))
    return [item for item, _ in kept]


def _content_words(text: str) -> set[str]:
    return {word[:6] for word in re.findall(r"\w+", text.lower()) if len(word) > 3}  # crude stem: 6 letters


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
