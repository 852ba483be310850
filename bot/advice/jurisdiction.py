"""Where the creator is, and whether the rules a card states are theirs.

Cards carry `jurisdiction: [all | fr | eu | uk | us | be | ch | ca]`. A creator's country comes from what
they write ("HMRC", "£", "je suis en Belgique") or else from their profile. A law or tax answer then leads
with that country's cards, and when the leading card's rules are another country's, the answer carries a
`JurisdictionNote` saying so, so that French rules are never presented to a UK creator as theirs.
Pure functions: no I/O, linear in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

Country = Literal["fr", "be", "ch", "ca", "uk", "us", "other"]
COUNTRIES: tuple[str, ...] = ("fr", "be", "ch", "ca", "uk", "us", "other")
EU_MEMBERS = frozenset({"fr", "be"})  # of the countries the coach knows; the UK left, Switzerland never joined
# Where the coach has country-specific cards (jurisdiction codes), in the order they are named to users.
COVERED: tuple[str, ...] = ("fr", "eu", "uk", "us", "be", "ch", "ca")
RERANK_DEPTH = 12  # a country's own card is promoted only from this far down the ranking

_W = r"(?<![a-z0-9])"  # word start, on folded text
_E = r"(?![a-z0-9])"  # word end
# Mentions of a place that say where the creator is, or which country's rules they ask about. Folded text:
# lower case, no accents. Currencies and authorities count ("£", "HMRC", "FTC", "URSSAF").
_PATTERNS: dict[str, str] = {
    "uk": r"u\.?k\.?|united kingdom|great britain|britain|british|england|english law|scotland|wales|london|"
    r"manchester|royaume[- ]uni|angleterre|britannique|hmrc|asa|cma|gbp|self[- ]assessment|ofcom",
    "us": r"u\.s\.a?\.?|usa|united states|america|american|etats[- ]unis|americaine?|ftc|irs|1099|w-?9|"
    r"new york|nyc|california|texas|florida|illinois|ohio|michigan|arizona|colorado|massachusetts|pennsylvania|"
    r"new jersey|north carolina|virginia|tennessee|oregon|nevada|utah|minnesota|wisconsin|missouri|kentucky|"
    r"louisiana|alabama|oklahoma|connecticut|maryland|indiana|los angeles|chicago|miami|seattle|atlanta|boston|"
    r"san francisco|las vegas|llc",
    "be": r"belgique|belgium|belge|belgian|bruxelles|brussels|wallonie|wallonia|flandre|flanders|liege|"
    r"anvers|antwerp|namur|charleroi|gand|ghent|louvain|leuven|jury d.ethique publicitaire|jep|spf economie|"
    r"bruxellois\w*|liegeois\w*|namurois\w*|wallon\w*|flamand\w*|"
    r"independant (?:a titre )?complementaire",
    "ch": r"suisse|switzerland|swiss|chf|geneve|geneva|lausanne|zurich|berne?|romandie|fribourg|neuchatel|"
    r"valais|vaud|lugano|tessin|commission suisse pour la loyaute|seco|genevois\w*|vaudois\w*|valaisan\w*|"
    r"fribourgeois\w*|neuchatelois\w*|zurichois\w*|bernois\w*|sion|montreux|basel",
    "ca": r"quebec|quebecois(?:e)?|canada|canadian|canadien(?:ne)?|montreal|sherbrooke|gatineau|laval|longueuil|"
    r"trois[- ]rivieres|saguenay|revenu quebec|cra|tps|tvq|office de la protection du consommateur|montrealais\w*|"
    r"ontario|toronto|vancouver|alberta|calgary|ottawa|british columbia",
    "fr": r"france|urssaf|siret|siren|dgccrf|impots\.gouv|auto[- ]?entrepreneur|micro[- ]?entrepreneur|"
    r"loi influenceurs?|arpp",
}
_MENTION = re.compile("|".join(f"(?P<{code}>{_W}(?:{pattern}){_E})" for code, pattern in _PATTERNS.items()))
# Upper-case "US" only: "us" is an English pronoun. "$" alone is too weak to name a country.
_US_UPPER = re.compile(r"(?<![A-Za-z])US(?![A-Za-z])(?![- ](?:based )?(?i:brand|company|agency|client))")
_POUND = re.compile("£")
# A country that qualifies a brand or agency ("a UK brand", "une marque américaine") says where the brand
# is, not the creator: such mentions do not count.
_BRAND_WORDS = r"brand|company|agency|client|marque|entreprise|agence|societe|boite"
_ADJ = "|".join(_PATTERNS.values())
_ABOUT_BRAND = re.compile(
    rf"{_W}(?:{_ADJ}){_E}[- ](?:based )?(?:{_BRAND_WORDS}){_E}|{_W}(?:{_BRAND_WORDS})s? (?:{_ADJ}){_E}"
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def mentioned_country(text: str) -> str | None:
    """The country the message places the creator in (or asks the rules of), or None if it names none.

    The first mention wins; a mention that qualifies a brand ("a US brand") or a place compared with ("c'est pareil
    qu'en France ?", "same as in the US?") is not about the creator.
    """
    folded = _COMPARED.sub(" ", _ABOUT_BRAND.sub(" ", _fold(text)))
    match = _MENTION.search(folded)
    if match:
        return match.lastgroup
    if _POUND.search(text):
        return "uk"
    if _US_UPPER.search(text):
        return "us"
    return None


# A place compared with: "c'est pareil qu'en France ?", "comme en France", "same as in the US", "unlike the UK".
_COMPARED = re.compile(
    rf"{_W}(?:pareil|la meme chose|meme chose|same|different|differente?s?|autrement|comme|like|unlike|than)"
    rf"(?: (?:que|qu'|as|from|than))?(?: ?(?:en|in|au|aux|a|the|la|le|l'))* ?(?:{_ADJ}){_E}"
)


# Words that make a mention say where the creator lives ("I'm a UK based creator", "je suis en Belgique", "moi en
# Suisse"), not only which rules they ask about ("and in the UK?"): only those are remembered for the conversation.
_HOME_CUE = re.compile(
    r"(?<![a-z'])(?:i ?a?m|i'm|im|i live|i'm living|living|based|located|from|je suis|j'?habite|je vis|je vie|"
    r"moi|ici|chez nous|on est|nous sommes|resid\w*)(?:[ ,]+[a-z'-]+){0,3}?[ ,]+$"
)
_NOT_HOME = re.compile(r"(?<![a-z])(?:about|sur|concernant|rules?|regles?|laws?|lois?|wondering|asking)(?![a-z])")
_BASED_AFTER = re.compile(r"[- ]based(?![a-z])")


def stated_home(text: str) -> str | None:
    """The country the creator says they live or work in ("I'm US based", "je suis en Belgique", a sum in £),
    or None: a country asked about ("and in the UK?") is not where the creator is."""
    plain = _fold(text)
    folded = _ABOUT_BRAND.sub(" ", plain)
    # Upper-case "US" is found in the text itself; its context is read in the folded text without the brand
    # mentions taken out, whose offsets are the text's (folding removes accents, it keeps one letter per letter).
    mentions = [(folded, m.start(), m.end(), m.lastgroup) for m in _MENTION.finditer(folded)]
    mentions += [(plain, m.start(), m.end(), "us") for m in _US_UPPER.finditer(text)]
    for where, start, end, code in sorted(mentions, key=lambda m: m[1]):
        cue = _HOME_CUE.search(where[max(0, start - 40) : start])
        if (cue and not _NOT_HOME.search(cue.group(0))) or _BASED_AFTER.match(where, end):
            return code
    return "uk" if _POUND.search(text) else None


def creator_country(message: str, history: Sequence[str] = (), profile: str | None = None) -> str | None:
    """The message's own mention first (the question may be about another country than the profile's), then
    the previous messages', then the profile's `country`."""
    for text in (message, *reversed(history)):
        country = mentioned_country(text)
        if country:
            return country
    return profile if profile in COUNTRIES else None


# An amount in euros: "400 €", "400€", "400 euros", "400 eur".
_EUROS = re.compile(r"€|(?<![a-z])eur(?:o?s?)?(?![a-z])", re.I)


def presumed_country(message: str, history: Sequence[str], lang: str, known: str | None) -> str | None:
    """Where the creator most likely is: `known` (named or set in the profile), else France for a message in
    French that speaks in euros ("400 € pour un reel, droits à vie") — the coach's main audience, whose rules
    and figures come first; a Belgian or Swiss creator names their country or sets it in /profile."""
    if known is not None:
        return known
    if lang == "fr" and any(_EUROS.search(text) for text in (message, *history)):
        return "fr"
    return None


# How a card's sentence says it gives one place's rules or figures: "In France…", "Aux États-Unis…", "UK: …", "France's
# 2023 influencer law", "French rules", "la loi française". A regulator cited as the source of general advice ("the
# FTC says to disclose every time") does not make the sentence local. Folded text.
_PLACE_NAMES = {
    "fr": (r"france", r"french|francais\w*"),
    "uk": (r"uk|united kingdom|britain|great britain|england|royaume[- ]uni|angleterre", r"uk|british|britanniques?"),
    "us": (r"us|usa|united states|america|etats[- ]unis|amerique", r"us|american|americaine?s?"),
    "be": (r"belgium|belgique", r"belgian|belges?"),
    "ch": (r"switzerland|suisse", r"swiss|suisses?"),
    "ca": (r"quebec|canada", r"quebec|canadian|quebecois\w*|canadien\w*"),
    "eu": (r"eu|european union|ue|union europeenne|europe|eea|eee", r"eu|european|europeen\w*"),
}  # fmt: skip
_PLACE = "|".join(place for place, _ in _PLACE_NAMES.values())
_ADJECTIVE = "|".join(adjective for _, adjective in _PLACE_NAMES.values())
_PLACES = rf"(?:the |la |le |l')?(?:{_PLACE})(?:(?:,| and| et| or| ou| ?/ ?)(?: the| la| le| l')? ?(?:{_PLACE}))*{_E}"
_ADJECTIVES = rf"(?:{_ADJECTIVE})(?:(?:,| and| et| or| ou| ?/ ?) ?(?:{_ADJECTIVE}))*"
_RULE_NOUNS = (
    r"(?:\d{4} )?(?:\w+ )?(?:laws?|rules?|guidance|guides?|regulators?|watchdogs?|ministry|tax\w*|courts?|codes?)"
)
_FR_RULE_NOUNS = r"(?:loi|droit|regles?|reglementation|fisc|administration|ministere|justice|autorites?|guide)"
_LOCAL_FRAME = re.compile(
    rf"{_W}(?:in|for|under|en|au|aux|pour) {_PLACES}|(?:^|[.;(] ?){_PLACES} ?:|{_W}{_PLACES}'s {_RULE_NOUNS}{_E}|"
    rf"{_W}{_ADJECTIVES} {_RULE_NOUNS}{_E}|{_W}{_FR_RULE_NOUNS}s? (?:\w+ )?{_ADJECTIVES}{_E}"
)
# Every place a framed sentence names counts ("les règles britanniques (ASA), européennes et américaines"): the
# sentence is about them all. "US" and "EU" in capitals only: "us" is a pronoun, "eu" a French participle.
_NAMES = {
    code: re.compile(rf"{_W}(?:{place}|{adjective}){_E}")
    for code, (place, adjective) in _PLACE_NAMES.items()
    if code not in ("us", "eu")
}
_NAMES_CASED = {
    "us": (re.compile(r"(?<![A-Za-z])(?:US|USA|U\.S\.)(?![A-Za-z])"), re.compile(r"united states|americ|etats.unis")),
    "eu": (re.compile(r"(?<![A-Za-z])(?:EU|UE|EEA|EEE)(?![A-Za-z])"), re.compile(r"europ|union europeenne")),
}
# A sentence about where the audience is, or about anywhere, is no one place's rules for the creator.
_ANYWHERE = re.compile(
    rf"{_W}(?:elsewhere|ailleurs|anywhere|partout|audiences?|followers|abonne\w*|public|from abroad|a l'etranger)"
    rf"{_E}"
)
FRENCH_SPEAKING = frozenset({"fr", "be", "ch", "ca"})


def named_places(text: str) -> set[str]:
    """The places whose rules or figures a card's sentence gives as such ("In France your content is protected…",
    "Aux États-Unis, la FTC…", "UK: the ASA says…")."""
    folded = _fold(text)
    if not _LOCAL_FRAME.search(folded) or _ANYWHERE.search(folded):
        return set()
    return {code for code, name in _NAMES.items() if name.search(folded)} | {
        code for code, (cased, name) in _NAMES_CASED.items() if cased.search(text) or name.search(folded)
    }


def foreign_places(country: str | None, lang: str) -> frozenset[str]:
    """The places whose rules are not the creator's: for a known country, every other one (the EU's hold in its
    members); unknown, those of the other language's countries: an English-speaking creator is not presumed French,
    Belgian, Swiss or from Québec, a French-speaking one not from the US or the UK (see `rank_for_language`)."""
    if country is not None:
        return frozenset(place for place in (*COVERED, "other") if not covers((place,), country))
    return FRENCH_SPEAKING if lang == "en" else NOT_FRENCH_SPEAKING


def states_elsewhere(text: str, foreign: Collection[str]) -> bool:
    """A sentence about the rules or figures of places that are all `foreign` to the creator."""
    places = named_places(text)
    return bool(places) and places <= set(foreign)


def is_local(jurisdiction: Sequence[str]) -> bool:
    """The card states one place's rules (a law, a tax regime, a regulator) rather than general advice."""
    return "all" not in jurisdiction


def states_rules_of(jurisdiction: Sequence[str], country: str) -> bool:
    """The card states `country`'s own rules (not general advice, not only another country's)."""
    return is_local(jurisdiction) and country in jurisdiction


def covers(jurisdiction: Sequence[str], country: str) -> bool:
    """The card's rules hold where the creator is: their country, or the EU for an EU member."""
    return "all" in jurisdiction or country in jurisdiction or ("eu" in jurisdiction and country in EU_MEMBERS)


T = TypeVar("T")


# Words that ask what the rules are (a tax, a law, a status, what is allowed, a regulator named): with the creator's
# country known, the answer is that country's, even when retrieval's best card is general advice ("300 CHF pour un
# reel, je dois facturer la TVA ?", "what does the FTC say about…").
_ASKS_RULES = re.compile(
    rf"{_W}(?:tax(?:es|ed)?|vat|tva|tps|tvq|impots?|urssaf|declarer|statut|status|legal|illegal|laws?|lois?|"
    rf"register|registration|enregistr\w*|immatricul\w*|llc|ltd|sole trader|self[- ]employed|independant|"
    rf"regles?|rules?|allowed|autorise|interdit|banned|regulator|regulateur|siret|"
    rf"ftc|asa|cma|dgccrf|arpp|hmrc|irs|jep|opc|csl){_E}"
)


def asks_rules(text: str) -> bool:
    """Whether the message asks what the rules are: a tax, a law, a status, what is allowed."""
    return bool(_ASKS_RULES.search(_fold(text)))


def rank_for_country(
    hits: Sequence[T],
    jurisdiction_of: Callable[[T], Sequence[str] | None],
    country: str | None,
    subjects_of: Callable[[T], Collection[str]] | None = None,
    rules: bool = False,
) -> list[T]:
    """`hits` (best first) reordered for a creator in `country`.

    Another country's rules never lead: cards stating them go after every card that holds for the creator.
    When the best card states local rules, or the message asks about rules (`rules`: a law or tax question), the
    creator's own country's cards among the first `RERANK_DEPTH` lead; when that best card is another country's,
    with `subjects_of`, only those on one of its subjects: French rate figures replace the US/UK ones, French image
    rights do not. General advice keeps its order otherwise.
    """
    if country is None or country == "other" or not hits:
        return list(hits)

    def juris(hit: T) -> Sequence[str]:
        return jurisdiction_of(hit) or ("all",)

    law = is_local(juris(hits[0])) or rules
    # Another country's card on top (US/UK rate figures for a French creator): only its subjects' cards replace it.
    twin = is_local(juris(hits[0])) and subjects_of is not None and not covers(juris(hits[0]), country)
    subjects = set(subjects_of(hits[0])) if twin and subjects_of else None
    head, tail = list(hits[:RERANK_DEPTH]), list(hits[RERANK_DEPTH:])

    def key(item: tuple[int, T]) -> tuple[int, int]:
        rank, hit = item
        where = juris(hit)
        if not covers(where, country):
            return (2, rank)
        if law and is_local(where) and (subjects is None or rank == 0 or subjects & set(subjects_of(hit))):  # type: ignore[misc]
            return (0, rank)
        return (1, rank)

    ordered = [hit for _, hit in sorted(enumerate(head), key=key)]
    return (
        ordered
        + [hit for hit in tail if covers(juris(hit), country)]
        + [hit for hit in tail if not covers(juris(hit), country)]
    )


# Where a creator who writes in French and names no country is not: French-speaking creators live in France,
# Belgium, Switzerland or Québec, so US or UK rules are never the likely answer to them.
NOT_FRENCH_SPEAKING = frozenset({"us", "uk"})


def rank_for_language(hits: Sequence[T], jurisdiction_of: Callable[[T], Sequence[str] | None], lang: str) -> list[T]:
    """`hits` (best first) for a creator whose country is unknown: in French, the cards stating only US or UK rules
    go after the others of the first `RERANK_DEPTH` ("et je dois le déclarer aux impôts ?" is not about the IRS)."""
    if lang != "fr":
        return list(hits)

    def elsewhere(hit: T) -> bool:
        where = jurisdiction_of(hit) or ("all",)
        return is_local(where) and set(where) <= NOT_FRENCH_SPEAKING

    head, tail = list(hits[:RERANK_DEPTH]), list(hits[RERANK_DEPTH:])
    return [hit for hit in head if not elsewhere(hit)] + [hit for hit in head if elsewhere(hit)] + tail


@dataclass(frozen=True, slots=True)
class JurisdictionNote:
    """Set on an answer whose leading card states one place's rules (law, tax, a regulator).

    `applies` is False when those rules are not the creator's (say so plainly; `see` names the cards for the
    creator's own country, if any), None when the creator's country is unknown (ask for it once).
    """

    rules_of: tuple[str, ...]  # where the leading card's rules hold, e.g. ("fr",) or ("eu", "fr")
    country: str | None  # the creator's country; None when neither the message nor the profile says
    applies: bool | None
    see: tuple[str, ...] = ()  # card ids for the creator's own country

    def to_json(self) -> dict[str, object]:
        return {
            "rules_of": list(self.rules_of),
            "country": self.country,
            "applies": self.applies,
            "see": list(self.see),
        }


def note_for(
    lead: Sequence[str], country: str | None, local_cards: Sequence[tuple[str, Sequence[str]]]
) -> JurisdictionNote | None:
    """The note for an answer led by a card of jurisdiction `lead`; None for general advice.

    `local_cards`: (card id, jurisdiction) of the country-specific cards related to the question, best first, to
    point a creator whose country the leading card does not cover to their own country's cards (`MAX_SEE` at most).
    """
    if not is_local(lead):
        return None
    if country is None:
        return JurisdictionNote(tuple(lead), None, None)
    if covers(lead, country):
        return JurisdictionNote(tuple(lead), country, True)
    see = tuple(card_id for card_id, where in local_cards if states_rules_of(where, country))
    return JurisdictionNote(tuple(lead), country, False, see[:MAX_SEE])


MAX_SEE = 2  # the creator's own cards a note points to: those on the question, not every card of their country


# Where rules hold and where the creator is, in the words of each language.
_RULES = {
    "en": {"fr": "French", "eu": "EU", "uk": "UK", "us": "US", "be": "Belgian", "ch": "Swiss", "ca": "Québec"},
    "fr": {
        "fr": "françaises",
        "eu": "de l'UE",
        "uk": "britanniques",
        "us": "américaines",
        "be": "belges",
        "ch": "suisses",
        "ca": "québécoises",
    },
}
_IN = {
    "en": {
        "fr": "in France",
        "uk": "in the UK",
        "us": "in the US",
        "be": "in Belgium",
        "ch": "in Switzerland",
        "ca": "in Canada",
        "other": "outside the countries the coach covers",
    },
    "fr": {
        "fr": "en France",
        "uk": "au Royaume-Uni",
        "us": "aux États-Unis",
        "be": "en Belgique",
        "ch": "en Suisse",
        "ca": "au Canada",
        "other": "hors des pays que le coach couvre",
    },
}
_TEXTS = {
    "foreign": {
        "en": "Careful: these are {rules} rules, and you are {where}, where they do not apply as such. The coach "
        "covers France, the EU, the UK, the US, Belgium, Switzerland and Québec.",
        "fr": "Attention : ce sont des règles {rules}, et vous êtes {where}, où elles ne s'appliquent pas telles "
        "quelles. Le coach couvre la France, l'UE, le Royaume-Uni, les États-Unis, la Belgique, la Suisse et le "
        "Québec.",
    },
    "see": {"en": "For your country, see: {titles}.", "fr": "Pour votre pays, voyez : {titles}."},
    "none": {
        "en": "The coach has no card on your country's rules on this yet: check them with an official source there.",
        "fr": "Le coach n'a pas encore de fiche sur les règles de votre pays à ce sujet : vérifiez-les auprès d'une "
        "source officielle locale.",
    },
    "comparison": {
        "en": "For comparison only, {rules} rules (not yours as such):",
        "fr": "À titre de comparaison seulement, les règles {rules} (pas les vôtres telles quelles) :",
    },
    "unknown": {
        "en": "These are {rules} rules. If you create from another country, say where (or set it in /profile): "
        "the rules differ.",
        "fr": "Ce sont des règles {rules}. Si vous créez depuis un autre pays, dites lequel (ou indiquez-le dans "
        "/profile) : les règles diffèrent.",
    },
}


def comparison(note: JurisdictionNote, lang: str) -> str:
    """What opens an answer whose rules are another country's than the creator's: they are given for comparison."""
    return _TEXTS["comparison"][lang].format(rules=_rules_name(note, lang))


def _rules_name(note: JurisdictionNote, lang: str) -> str:
    names = _RULES[lang]
    return " / ".join(names[code] for code in note.rules_of if code in names) or names["eu"]


def describe(note: JurisdictionNote, lang: str, title_of: Callable[[str], str | None]) -> str | None:
    """The note in a sentence or two for the creator, in `lang` ("fr" or "en"); None when the rules are theirs."""
    if note.applies:
        return None
    rules = _rules_name(note, lang)
    if note.applies is None:
        return _TEXTS["unknown"][lang].format(rules=rules)
    text = _TEXTS["foreign"][lang].format(rules=rules, where=_IN[lang].get(note.country or "other", _IN[lang]["other"]))
    titles = [title for card_id in note.see if (title := title_of(card_id))]
    more = _TEXTS["see"][lang].format(titles=", ".join(f"« {t} »" if lang == "fr" else f'"{t}"' for t in titles))
    return f"{text} {more if titles else _TEXTS['none'][lang]}"
