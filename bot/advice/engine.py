"""The advice engine: one entry point for Telegram, the terminal and the command line."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.advice import jurisdiction
from bot.advice.composer import (
    ASKS_FIGURE,
    FIGURE,
    STATED_RULES,
    answer_from_cards,
    compose,
    compose_follow_up,
    full_checklist,
    out_of_scope,
)
from bot.advice.language import detect_language
from bot.advice.models import Answer, Hit, OfferNote, Retriever
from bot.advice.rewriting import Rewriter
from bot.advice.texts import say
from bot.advice.understand import WARNING_FLAGS, Understanding, adjacent, understand, warning_flag
from bot.errors import EmptyQuestionError
from bot.i18n import Lang
from bot.kb import Card, KnowledgeBase
from bot.text import fold


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    lang: Lang | None = None  # None: the language the question is written in
    default_lang: Lang = "en"  # when the text gives no clue (emoji, "ok")
    history: tuple[str, ...] = ()  # the creator's previous messages in this chat, oldest first
    profile: object | None = None  # the creator's bot.offers.Profile, if they set one
    # For a follow-up: the card that answered the previous message, and the passages the creator has already
    # read on this topic (the terminal keeps them; Telegram's are worked out again from the card).
    previous_card: str | None = None
    shown: tuple[str, ...] = ()
    # The country the creator said they live in earlier in this conversation ("I'm US based", kept with the last
    # exchange): it stands in for the profile's when the profile has none.
    said_country: str | None = None

    def read(self) -> Understanding:
        """What the message is (bot.advice.understand), in the language it will be answered in."""
        text = " ".join(self.text.split())
        lang = self.lang or detect_language(text, default=self.default_lang)
        return understand(self.text, self.history, self.profile, lang=lang)

    @property
    def country(self) -> str | None:
        """Where the creator is: named in the message or the previous ones, else the profile's `country`, else
        the one they said they live in earlier in the conversation."""
        known = getattr(self.profile, "country", None) or self.said_country
        return jurisdiction.creator_country(self.text, self.history, known)

    @property
    def said_home(self) -> str | None:
        """The country to remember for the rest of the conversation: the one this message says the creator lives
        in, else the one said before. A country only asked about ("and in the UK?") is not kept."""
        return jurisdiction.stated_home(self.text) or self.said_country

    @property
    def presumed_country(self) -> str | None:
        """`country`, else where the message's language and currency place the creator (French and euros:
        France). It orders the cards and decides the jurisdiction note; `country` alone says whether to ask."""
        lang = self.lang or detect_language(" ".join(self.text.split()), default=self.default_lang)
        return jurisdiction.presumed_country(self.text, self.history, lang, self.country)


# Long pastes carry their point early; embedding 10,000 characters costs time and adds noise.
MAX_QUESTION_CHARS = 1_000
SEARCH_K = 6
MAX_OFFER_POINTS = 4
COMPARED_FOR_FIGURES = 3  # the places a creator's own figures are promoted from
# A follow-up whose own best card is this close (USE cosine) reads as a question by itself (see _new_subject).
NEW_SUBJECT_SCORE = 0.45


SMALL_TALK_KINDS = (
    ("small_talk_thanks", re.compile(r"thank|thx|\bty\b|merci|cool|super|top|parfait|great|perfect|nice", re.I)),
    (
        "small_talk_bye",
        re.compile(r"\bbye|ciao|see (?:you|ya)|a (?:plus|bientot|demain)|à (?:plus|bientôt)|bonne nuit", re.I),
    ),
    ("small_talk_hello", re.compile(r"\b(?:hi|hey|hello|yo|salut|slt|coucou|bonjour|bonsoir|who|qui|what can)", re.I)),
)


def search_query(question: Question, reading: Understanding | None = None) -> str:
    """What retrieval looks up: the message, after the previous one when it is a follow-up (such as "and if
    they refuse?", which names no topic of its own); a new question is looked up on its own."""
    text = " ".join(question.text.split())
    reading = reading or (question.read() if question.history else None)
    if reading is not None and reading.kind == "follow_up" and reading.context and reading.places:
        text = " ".join(reading.context.split())  # "i'm in the UK btw": the question asked, ranked for that place
    elif reading is not None and reading.kind == "follow_up" and reading.context:
        text = " ".join(reading.context.split()) + "\n" + text
    return text[:MAX_QUESTION_CHARS]


def _warning_card_first(hits: Sequence[Hit], reading: Understanding) -> list[Hit]:
    """`hits` led by the card the message's most telling warning comes from, at the best hit's score."""
    flag = warning_flag(reading.warnings)
    if flag is None:
        return list(hits)
    card_id = reading.family(flag)[0]
    return [Hit(card_id, hits[0].score), *(hit for hit in hits if hit.card_id != card_id)]


def small_talk(question: str, lang: Lang, kb_version: str) -> Answer:
    key = next((key for key, pattern in SMALL_TALK_KINDS if pattern.search(question)), "small_talk_other")
    return Answer(question, lang, in_scope=False, summary=say(key, lang), kb_version=kb_version, kind="small_talk")


class AdviceEngine:
    def __init__(self, kb: KnowledgeBase, retriever: Retriever, rewriter: Rewriter | None = None) -> None:
        self.kb = kb
        self.retriever = retriever
        self.rewriter = rewriter  # optional language model; ask_many stays offline (batched, and what kb eval measures)

    def ask(self, question: str, lang: Lang | None = None, default_lang: Lang = "en") -> Answer:
        """Answer `question` in `lang`, or in the language it is written in (else `default_lang`)."""
        return self.rewrite(self.ask_many([Question(question, lang, default_lang)])[0])

    def rewrite(self, answer: Answer) -> Answer:
        """The answer in the rewriter's words when one is set and its text passes the checks; else `answer`."""
        if self.rewriter is None or not answer.in_scope:
            return answer
        return self.rewriter.rewrite(answer, self._cards(answer))

    async def arewrite(self, answer: Answer) -> Answer:
        if self.rewriter is None or not answer.in_scope:
            return answer
        return await self.rewriter.arewrite(answer, self._cards(answer))

    def _cards(self, answer: Answer) -> list[Card]:
        return [card for source in answer.sources if (card := self.kb.get(source.id, answer.lang)) is not None]

    def ask_many(self, questions: Sequence[Question]) -> list[Answer]:
        """Answer several questions with one batched search; EmptyQuestionError if any is empty."""
        texts = [" ".join(q.text.split()) for q in questions]
        if not all(texts):
            raise EmptyQuestionError()
        kb = self.kb  # one knowledge base for the whole batch, even if a refresh swaps it meanwhile
        # The retriever starts embedding each message as written (what it looks up unless it is a follow-up,
        # and a follow-up's own words) before the message is read: the slowest model then hides the rest.
        embed_ahead = getattr(self.retriever, "embed_ahead", None)
        ahead = (
            embed_ahead([t[:MAX_QUESTION_CHARS] for t in texts if any(ch.isalnum() for ch in t)])
            if embed_ahead
            else None
        )
        readings = [q.read() for q in questions]
        found = self.search_many(questions, k=SEARCH_K, readings=readings, ahead=ahead)
        # A follow-up is also looked up on its own: what it asks, beside the topic it continues.
        follow_ups = [i for i, r in enumerate(readings) if _continues(r) and any(ch.isalnum() for ch in texts[i])]
        # When nobody kept the card that answered the previous message (a first follow-up from the command line,
        # the evaluation), the previous message is looked up again: its best card is the topic.
        unknown = [i for i in follow_ups if questions[i].previous_card is None]
        queries = [texts[i] for i in follow_ups] + [readings[i].context or "" for i in unknown]
        found_alone = self._search([q[:MAX_QUESTION_CHARS] for q in queries], SEARCH_K, ahead) if queries else []
        own = dict(zip(follow_ups, found_alone, strict=False))
        # Ranked as that message was when it was asked (for the creator's country, their own figures first).
        again = (
            self._rank(_previous(questions[i], readings[i].context or ""), readings[i].context or "", hits)
            for i, hits in zip(unknown, found_alone[len(follow_ups) :], strict=True)
        )
        topics = {i: hits[0].card_id for i, hits in zip(unknown, again, strict=True) if hits}
        questions = [
            dataclasses.replace(q, previous_card=topics[i]) if i in topics else q for i, q in enumerate(questions)
        ]
        for i in follow_ups:
            # "And in the UK?" moves to that country's card on the topic's subject instead (see _answer).
            if readings[i].places or jurisdiction.mentioned_country(texts[i]):
                continue
            alone = dataclasses.replace(questions[i], history=(), previous_card=None, shown=())
            ranked = self._rank(alone, texts[i], own[i])
            named = _named_subject_hits(kb, questions[i].previous_card, texts[i], ranked)
            if named or _new_subject(kb, questions[i].previous_card, own[i], found[i]):
                # Retrieval places the follow-up by itself, on another subject than the topic's ("they also said I
                # can never mention a competitor" after a disclosure question), or the follow-up names a subject
                # the topic's card is not about ("and how much do I charge for one?" after a disclosure question):
                # a question of its own, answered on its own topic (ranked as a question: for the creator's
                # country, their own figures first), which it starts.
                readings[i] = dataclasses.replace(readings[i], kind="question", context=None)
                found[i] = named or ranked
        return [
            self._answer(q, text, reading, hits, kb, [hit.card_id for hit in own.get(i, [])])
            for i, (q, text, reading, hits) in enumerate(zip(questions, texts, readings, found, strict=True))
        ]

    def _answer(
        self,
        question: Question,
        text: str,
        reading: Understanding,
        hits: list[Hit],
        kb: KnowledgeBase,
        own_hits: Sequence[str] = (),
    ) -> Answer:
        lang = reading.lang
        if reading.kind == "small_talk":
            return small_talk(text, lang, kb.version)
        # Off-topic by its words: declined when retrieval agrees, or when it is a creator question beside the
        # domain (posting times, gear); unseen wording that retrieval does place is answered.
        # A place's rules card found for a place alone ("les frites belges ou françaises ?", "the best poutine in
        # Montréal") is no sign of a question in the domain either.
        if reading.kind == "off_topic" and (
            not hits or adjacent(" ".join(fold(text).split())) or _local(kb, hits[0].card_id)
        ):
            return dataclasses.replace(out_of_scope(text, lang, kb.version), kind="off_topic")
        if reading.kind == "off_topic":
            reading = dataclasses.replace(reading, kind="question")
        note = None
        foreign = jurisdiction.foreign_places(question.presumed_country, lang)
        if reading.judged:
            note, flags = self._judge(question, reading, kb)
            reading = dataclasses.replace(reading, red_flags=flags)
        if _continues(reading) and not hits and question.previous_card and not reading.warnings:
            # "what about tiktok?" after an on-topic question: the exchange read together may look like a platform
            # question beside the domain, but the creator is still on the previous answer's topic.
            hits = [Hit(question.previous_card, 0.0)]
        if not hits and not reading.warnings:
            return dataclasses.replace(out_of_scope(text, lang, kb.version), kind=reading.kind)
        if _continues(reading) and reading.places and hits and not reading.warnings:
            # "i'm in the UK btw": the previous question (looked up alone) answered again for that country. When its
            # answer states rules (disclosure, tax, a law), that country's cards on the same rules come first; after
            # "how do I write a media kit?", the answer stays the media kit.
            first: dict[str, Hit] = {}
            for hit in [*_country_cards(kb, hits[0].card_id, question.country, lang), *hits]:
                first.setdefault(hit.card_id, hit)
            hits = list(first.values())
            composed = compose(reading.context or text, lang, hits, kb, reading, foreign, question.presumed_country)
            composed = dataclasses.replace(composed, question=text)
        elif _continues(reading) and hits and not reading.warnings:
            previous = question.previous_card
            card = kb.get(previous, lang) if previous else None
            named = jurisdiction.mentioned_country(text)
            if (
                card
                and named
                and jurisdiction.is_local(card.jurisdiction)
                and not jurisdiction.covers(card.jurisdiction, named)
            ):
                # "And in the UK?": the topic moves to that country's card on the same subject, if retrieval has one.
                same = (h.card_id for h in hits if _same_subject(kb, h.card_id, card, named))
                previous = next(same, hits[0].card_id)
            composed = compose_follow_up(
                text, lang, hits, kb, reading, previous, question.shown, own_hits, foreign=foreign
            )
        else:
            if _continues(reading) and reading.warnings and hits:
                # "what if I already gave them my login?" after "how do I spot a fake DM?": retrieval reads the
                # exchange, so the topic's card (of the same family) ranks first; the warning is in the follow-up's
                # own words, and the card it comes from leads.
                hits = _warning_card_first(hits, reading)
            composed = compose(text, lang, hits, kb, reading, foreign, question.presumed_country)
        answer = self.with_jurisdiction(composed, question.presumed_country, kb, hits)
        return dataclasses.replace(answer, offer=note) if note else answer

    def _judge(
        self, question: Question, reading: Understanding, kb: KnowledgeBase
    ) -> tuple[OfferNote, tuple[str, ...]]:
        """A described or pasted offer, judged by the offer rules: its flags join the message's; its verdict is
        given when it is a warning or the creator asked for one, never as an unasked "accept"."""
        from bot.offers import OfferEvaluator, Profile  # lazy: bot.offers imports this package's composer

        profile = question.profile if isinstance(question.profile, Profile) else None
        offer = reading.offer_text or question.text  # news of an offer is judged with the offer it changes
        evaluation = OfferEvaluator(lambda: kb).evaluate(offer, profile, ui_lang=reading.lang)
        flags = tuple(dict.fromkeys([*reading.red_flags, *evaluation.red_flags]))
        verdict: str | None = evaluation.verdict
        if any(flag in WARNING_FLAGS for flag in flags):
            verdict = "decline"  # what the message says (a fee to join, a login link) outweighs what it leaves out
        elif verdict == "accept" and not reading.asks_verdict:
            verdict = None
        points = [reason.text for reason in evaluation.reasons if reason.status in ("bad", "warn")][:MAX_OFFER_POINTS]
        text = say(f"offer_verdict_{verdict}", reading.lang) if verdict else say("offer_said", reading.lang)
        return OfferNote(verdict, list(flags), points, text), flags

    @staticmethod
    def with_jurisdiction(answer: Answer, country: str | None, kb: KnowledgeBase, hits: Sequence[Hit] = ()) -> Answer:
        """`answer` with a note when its leading card states rules (law, tax) that may not be the creator's.

        A French question with French rules and no known country is taken as from France: no note. When the rules
        are another country's, the answer never presents them as the creator's own: it gives them for comparison,
        without the reply to adapt (it cites that country's law) and without that country's checklist items, and
        the note points to at most two of the creator's own cards, those on the question (`hits`, retrieval's)."""
        lead = answer.sources[0].id if answer.in_scope and answer.sources else None
        card = kb.get(lead, answer.lang) if lead else None
        if card is None:
            return answer
        related = _related_local_cards(kb, card, country, hits, answer.lang)
        note = jurisdiction.note_for(card.jurisdiction, country, related)
        if note is None or (note.applies is None and answer.lang == "fr" and set(note.rules_of) <= {"fr", "eu"}):
            return answer
        text = jurisdiction.describe(note, answer.lang, lambda card_id: _title(kb, card_id, answer.lang))
        answer = dataclasses.replace(answer, jurisdiction=note, jurisdiction_note=text)
        return _for_comparison(answer, note, kb) if note.applies is False else answer

    def search_many(
        self,
        questions: Sequence[Question],
        k: int = SEARCH_K,
        readings: Sequence[Understanding] | None = None,
        ahead: object | None = None,
    ) -> list[list[Hit]]:
        """The cards for each question, best first, in one batched search; [] when none fits. `ahead`: what the
        retriever's `embed_ahead` started for these messages."""
        if readings is None:
            queries = [search_query(q) for q in questions]
        else:
            queries = [search_query(q, r) for q, r in zip(questions, readings, strict=True)]
        # Emoji or punctuation only: nothing to look up.
        searchable = [i for i, query in enumerate(queries) if any(ch.isalnum() for ch in query)]
        # Deeper than `k`: a creator's own country's card may sit a few places down before it is promoted.
        found = self._search([queries[i] for i in searchable], max(k, jurisdiction.RERANK_DEPTH), ahead)
        hits = dict(zip(searchable, found, strict=True))
        return [
            self._rank(q, query, hits.get(i, []))[:k]
            for i, (q, query) in enumerate(zip(questions, queries, strict=True))
        ]

    def _rank(self, question: Question, query: str, hits: list[Hit]) -> list[Hit]:
        """Retrieval's cards for `query` ordered for the creator: their country's rules, then their own figures."""
        kb = self.kb
        rules = jurisdiction.asks_rules(query)
        ranked = jurisdiction.rank_for_country(
            hits,
            lambda hit: _jurisdiction(kb, hit.card_id),
            question.presumed_country,
            lambda hit: _subjects(kb, hit.card_id),
            rules=rules,
        )
        if rules and question.presumed_country and ranked:
            ranked = _own_rules_first(kb, ranked, question.presumed_country, _lang(question))
        if question.presumed_country is None:
            ranked = jurisdiction.rank_for_language(ranked, lambda hit: _jurisdiction(kb, hit.card_id), _lang(question))
        return _own_figures_first(kb, question, query, _unnamed_asks_last(query, ranked))

    def _search(self, queries: list[str], k: int, ahead: object | None) -> list[list[Hit]]:
        if ahead is None:
            return self.retriever.search_many(queries, k=k)
        return self.retriever.search_many(queries, k=k, vectors=ahead)  # type: ignore[call-arg]

    def states_local_rules(self, answer: Answer) -> bool:
        """Whether the answer leads with one place's law or tax rules: then the creator's country matters (a local
        figure, such as French rate benchmarks, is not a rule)."""
        card = self.kb.get(answer.lead_card, answer.lang) if answer.lead_card else None
        return (
            card is not None
            and jurisdiction.is_local(card.jurisdiction)
            and any(topic == "tax" or topic.startswith("law") for topic in card.topics)
        )

    def card_answer(self, card_id: str, lang: Lang, question: str = "") -> Answer | None:
        """The answer built from one named card (a follow-up button), or None if it no longer exists."""
        card = self.kb.get(card_id, lang)
        if card is None:
            return None
        return answer_from_cards(question or card.title, lang, [card], self.kb)

    def full_checklist(self, lang: Lang) -> list[str]:
        return full_checklist(self.kb, lang)


def _own_figures_first(kb: KnowledgeBase, question: Question, query: str, hits: list[Hit]) -> list[Hit]:
    """A question asking for a number ("combien pour un reel avec 8k ?") whose best card is general advice leads
    with the creator's own figures when retrieval ranks them in its first three: a card of their place that
    states no rules (no law or tax topic) and gives figures, on one of the best card's subjects. The general card
    quotes vendors' dollar ranges; the French creator asked what they can charge in France. A French message
    with no country named is read as from France here, as a French message in euros is everywhere."""
    if len(hits) < 2 or not ASKS_FIGURE.search(fold(query)):
        return hits
    lang = _lang(question)
    place = question.presumed_country or ("fr" if lang == "fr" else None)
    top = kb.get(hits[0].card_id, lang)
    if place is None or top is None or jurisdiction.is_local(top.jurisdiction):
        return hits
    for rank, hit in enumerate(hits[1:COMPARED_FOR_FIGURES], 1):
        card = kb.get(hit.card_id, lang)
        if (
            card is not None
            and jurisdiction.is_local(card.jurisdiction)
            and place in card.jurisdiction
            and not any(topic == "tax" or topic.startswith("law-") for topic in card.topics)
            and _subjects(kb, card.id) & _subjects(kb, top.id)
            and any(FIGURE.search(text) for text in (card.summary, *card.key_points))
        ):
            return [hit, *hits[:rank], *hits[rank + 1 :]]
    return hits


# The scam cards about one ask, and the words that name it (folded text). Such a card answers a message that names
# its ask, or the scam it belongs to; a first message from a brand that asks for nothing ("une marque me contacte
# pour la 1ere fois, je regarde quoi ?") is not about passwords because it says "insta" and "contacte".
# Money the creator would send: an amount alone is what a brand pays ("send your IBAN for the transfer of €120").
_MONEY_SENT = (
    # "they paid 50% upfront", "download our press kit": the brand paying, a kit to read
    r"pa(?:y|ys|ying|ie|ye[rsz]?|yer|yant)|(?:i|we|i've|i have|already) paid|frais|fees?|deposit|acompte|caution|"
    r"wire|virement|send (?:them |him |her )?(?:money|cash|back|the rest)|argent|cheque|check|buy|acheter|achat|"
    r"commande\w*|(?:starter|welcome|ambassador) (?:kit|pack)|kit (?:de bienvenue|de demarrage|ambassad\w*|starter)|"
    r"starter|shipping|frais de port|inscription|registration|sign[- ]?up|membership|adhesion|ambassad\w*|"
    r"debourser|avancer"
)
SCAM_ASKS = {
    "phishing-login-requests": re.compile(
        r"\b(?:pass ?words?|mots? de passe|mdp|identifiants?|log ?ins?|log-in|sign ?in|connect\w*|connexion|"
        r"credentials?|2fa|a2f|two[- ]factor|authentif\w*|codes?|sms|otp|acces|access|hack\w*|pirat\w*|spark|"
        r"phish\w*|hamecon\w*|account (?:stolen|locked)|compte (?:vole|bloque)|verif\w* (?:my|mon|your|ton|votre) "
        r"(?:account|compte)|(?:support|team|equipe|service) (?:meta|instagram|insta|tiktok|youtube)|(?:meta|"
        r"instagram|insta|tiktok|youtube) (?:support|team|equipe|staff)|(?:meta|instagram|insta|tiktok|youtube) "
        r"(?:me |m')?(?:contact\w*|ecri\w*|wr[io]te|messag\w*|dms?|envoi\w*))\b"
    ),
    "upfront-payment-requests": re.compile(rf"\b(?:{_MONEY_SENT})\b"),
    "pay-to-be-ambassador": re.compile(rf"\b(?:{_MONEY_SENT})\b"),
    "malware-sponsorship-files": re.compile(
        r"\.(?:exe|scr|msi|bat|apk|rar|7z|zip|iso|docm|xlsm)\b|\b(?:download\w*|telecharg\w*|install\w*|"
        r"fichiers?|files?|attachments?|pieces? jointes?|ouvr\w*|ouvert|open\w*|run|lancer|execut\w*|macros?|"
        r"programs?|programmes?|software|logiciels?|launcher|setup|exe|zip|rar|archive|antivirus|virus|malware|"
        r"drive|links?|liens?|beta|build|apps?|appli)\b"
    ),
    "fake-copyright-notices": re.compile(
        r"\b(?:copyright\w*|droits? d'? ?auteur|dmca|strikes?|violations?|infring\w*|supprim\w*|delet\w*|"
        r"desactiv\w*|disabl\w*|suspen\w*|ban|banni|banned|bloque|appeal\w*|contest\w*|recours|formulaire|form|"
        r"notices?|avertissement|warning)\b"
    ),
}


def _unnamed_asks_last(query: str, hits: list[Hit]) -> list[Hit]:
    """`hits` with the scam cards about an ask the message does not name (a password, money to send, a file, a
    copyright notice) after the others of the first places: retrieval matches their search phrases on the words
    of any first contact ("instagram", "contacts me"), and a creator asking how to judge a brand's first message
    needs how to check the brand and its offer. A warning read in the message leads whatever the order."""
    folded = fold(query)
    unnamed = {card_id for card_id, words in SCAM_ASKS.items() if not words.search(folded)}
    head, tail = hits[: jurisdiction.RERANK_DEPTH], hits[jurisdiction.RERANK_DEPTH :]
    if not any(hit.card_id in unnamed for hit in head[:1]):
        return hits
    return [hit for hit in head if hit.card_id not in unnamed] + [hit for hit in head if hit.card_id in unnamed] + tail


def _related_local_cards(
    kb: KnowledgeBase, lead: Card, country: str | None, hits: Sequence[Hit], lang: Lang
) -> list[tuple[str, tuple[str, ...]]]:
    """The country-specific cards of `country` related to the question, best first: those retrieval ranked for it,
    then those stating the same rules as the leading card (its disclosure, tax or scam subject)."""
    if country is None:
        return []
    mine = _own_cards(kb, country, lang)
    ranked = [c for hit in hits[:RELATED_DEPTH] for c in mine if c.id == hit.card_id]
    rules = _subjects(kb, lead.id) & STATED_RULES
    same = [c for c in mine if rules & _subjects(kb, c.id) and all(c.id != r.id for r in ranked)]
    return [(c.id, c.jurisdiction) for c in [*ranked, *same]]


RELATED_DEPTH = 3  # a country's card ranked this high for the question is related to it


def _for_comparison(answer: Answer, note: jurisdiction.JurisdictionNote, kb: KnowledgeBase) -> Answer:
    """An answer led by another country's rules, given as such: it opens by saying they are given for comparison;
    the reply to adapt (which cites that country's law to the brand) is left out, and so are the checklist items of
    cards whose rules do not hold where the creator is; the creator's own cards' first items take their place."""
    country = note.country or "other"
    foreign = {
        item
        for source in answer.sources
        if (c := kb.get(source.id, answer.lang)) is not None and not jurisdiction.covers(c.jurisdiction, country)
        for item in c.checklist
    }
    checklist = [item for item in answer.checklist if item not in foreign]
    own = [c.checklist[0] for card_id in note.see if (c := kb.get(card_id, answer.lang)) is not None and c.checklist]
    checklist += [item for item in own if item not in checklist]
    if not checklist:  # the first items of the answer's cards that hold there, else the core ones
        held = [
            c.checklist[0]
            for source in answer.sources
            if (c := kb.get(source.id, answer.lang)) is not None and c.checklist and c.checklist[0] not in foreign
        ]
        checklist = held or full_checklist(kb, answer.lang)[:3]
    summary = f"{jurisdiction.comparison(note, answer.lang)} {answer.summary}"
    return dataclasses.replace(answer, summary=summary, template=None, checklist=checklist)


def _own_rules_first(kb: KnowledgeBase, hits: list[Hit], country: str, lang: Lang) -> list[Hit]:
    """A question on the rules from a creator whose country is known, when retrieval ranks none of that country's
    cards: the country's card on the best card's rules leads (UK tax after French VAT), or, for a country the coach
    covers with one card (Belgium, Switzerland, Québec: who regulates, which status, who to ask about taxes), that
    card ("300 CHF pour un reel, je dois facturer la TVA ?")."""
    top = _jurisdiction(kb, hits[0].card_id)
    if top and jurisdiction.is_local(top) and jurisdiction.covers(top, country):
        return hits  # rules that hold there lead already (the EU's for a Belgian creator)
    own = _own_cards(kb, country, lang)
    if len(own) == 1:  # the country's one card answers every rules question, wherever retrieval ranks it
        first = [Hit(own[0].id, hits[0].score)]
    elif any(jurisdiction.states_rules_of(w, country) for hit in hits if (w := _jurisdiction(kb, hit.card_id))):
        return hits
    else:
        first = _country_cards(kb, hits[0].card_id, country, lang)
    ids = {hit.card_id for hit in first}
    return [*(Hit(hit.card_id, hits[0].score) for hit in first), *(hit for hit in hits if hit.card_id not in ids)]


def _own_cards(kb: KnowledgeBase, country: str, lang: Lang) -> list[Card]:
    """The cards in `lang` stating `country`'s own rules, in the knowledge base's order."""
    return [card for card in kb if card.language == lang and jurisdiction.states_rules_of(card.jurisdiction, country)]


def _lang(question: Question) -> Lang:
    return question.lang or detect_language(" ".join(question.text.split()), default=question.default_lang)


def _new_subject(kb: KnowledgeBase, topic: str | None, own: Sequence[Hit], exchange: Sequence[Hit]) -> bool:
    """Whether a follow-up looked up alone is a question of its own: retrieval places it clearly (a vague follow-up,
    "and if they refuse?", is declined alone or matched loosely), on a card that shares no subject with the topic's
    card, nowhere near the topic's card ("what about the free stuff they send?" after a tax question still finds
    the tax card among its first places), and that card holds its place when the exchange is read together."""
    if not own or topic is None or own[0].score < NEW_SUBJECT_SCORE or any(hit.card_id == topic for hit in own):
        return False
    card = own[0].card_id
    return any(hit.card_id == card for hit in exchange[:3]) and not (_subjects(kb, card) & _subjects(kb, topic))


# Subjects a follow-up can name in a few words, by the card topic they stand for (folded text). A follow-up that
# names one its topic's card is not about ("et niveau tarif je demande combien ?" after a disclosure question) asks
# a new question; "et pour une story ?" names none and stays on its topic.
SUBJECT_WORDS = {
    "pay": ASKS_FIGURE,
    "tax": re.compile(r"\b(?:tax(?:es|ed)?|impots?|urssaf|hmrc|irs|tva|vat|declarer|declare (?:it|them|this))\b"),
    "contract": re.compile(r"\b(?:contracts?|contrats?|clauses?)\b"),
    "disclosure": re.compile(r"#ad\b|#pub\b|\b(?:disclos\w*|label(?:s|led|ing)?|mention(?:ner)?|signaler)\b"),
    "scams": re.compile(r"\b(?:scams?|arnaques?|phishing|fake)\b"),
}
DURATION = re.compile(
    r"\b(?:combien de (?:temps|fois|jours|semaines|mois|ans)|how much time|how many (?:times|days|weeks|months|years))"
)
NAMED_SUBJECT_DEPTH = 3  # the follow-up's own search must rank a card on that subject this high


def _named_subject_hits(kb: KnowledgeBase, topic: str | None, text: str, own: Sequence[Hit]) -> list[Hit]:
    """The follow-up's own hits, led by a card on a subject it names that the topic's card is not about, or []."""
    if topic is None or not own:
        return []
    folded = DURATION.sub(" ", fold(text))  # "sur combien de temps ?" asks how long, not a price
    named = {subject for subject, words in SUBJECT_WORDS.items() if words.search(folded)}
    new = named - _subjects(kb, topic)
    if not new or named & _subjects(kb, topic):
        return []
    rank = next((r for r, hit in enumerate(own[:NAMED_SUBJECT_DEPTH]) if _subjects(kb, hit.card_id) & new), None)
    if rank is None:
        return []
    return [own[rank], *own[:rank], *own[rank + 1 :]]


def _previous(question: Question, context: str) -> Question:
    """The message a follow-up continues, as a question of its own (to rank its cards as they were ranked then)."""
    before = question.history[:-1] if question.history and question.history[-1] == context else ()
    return dataclasses.replace(question, text=context, history=before, previous_card=None, shown=())


def _same_subject(kb: KnowledgeBase, card_id: str, card: Card, country: str) -> bool:
    """`card_id` states `country`'s rules on one of `card`'s subjects (its topics but the `law-*` ones)."""
    other = kb.get(card_id, card.language)
    subjects = {topic for topic in card.topics if not topic.startswith("law-")}
    return (
        other is not None
        and jurisdiction.covers(other.jurisdiction, country)
        and bool(subjects & {topic for topic in other.topics if not topic.startswith("law-")})
    )


def _continues(reading: Understanding) -> bool:
    """A follow-up read with the message it follows. News of an offer ("they cancelled the day before the shoot")
    names its own subject: it is searched on its own words, and judged with the offer it changes."""
    return reading.kind == "follow_up" and bool(reading.context) and reading.offer_text is None


def _local(kb: KnowledgeBase, card_id: str) -> bool:
    where = _jurisdiction(kb, card_id)
    return where is not None and jurisdiction.is_local(where)


def _jurisdiction(kb: KnowledgeBase, card_id: str) -> tuple[str, ...] | None:
    card = kb.get(card_id, "en") or kb.get(card_id, "fr")
    return card.jurisdiction if card else None


RULE_SUBJECTS = frozenset({"disclosure", "tax"})


def _country_cards(kb: KnowledgeBase, top: str, country: str | None, lang: Lang) -> list[Hit]:
    """The cards stating `country`'s rules on the subject of `top`, when `top` is about rules."""
    card = kb.get(top, lang)
    if card is None or country is None or jurisdiction.states_rules_of(card.jurisdiction, country):
        return []  # nothing to add, or the best card is that country's already
    rules = jurisdiction.is_local(card.jurisdiction) or any(
        t in RULE_SUBJECTS or t.startswith("law-") for t in card.topics
    )
    if not rules:
        return []
    subjects = _subjects(kb, top) & RULE_SUBJECTS or _subjects(kb, top)
    return [
        Hit(other.id, 0.0)
        for other in _own_cards(kb, country, lang)
        if other.id != top and subjects & _subjects(kb, other.id)
    ]


def _subjects(kb: KnowledgeBase, card_id: str) -> set[str]:
    """What a card is about: its topics but the `law-*` ones (which say where, not what)."""
    card = kb.get(card_id, "en") or kb.get(card_id, "fr")
    return {topic for topic in card.topics if not topic.startswith("law-")} if card else set()


def _title(kb: KnowledgeBase, card_id: str, lang: Lang) -> str | None:
    card = kb.get(card_id, lang)
    return card.title if card else None
