"""The interactive terminal chat: the same engine as Telegram, one message at a time.

A message is one line, or several lines pasted at once: after a line, whatever arrives within 0.5 s belongs to the
same message (a pasted email, empty lines included), so only a pause ends it. `/offer` reads an offer up to a line
holding a single `.` (or Ctrl-D), for terminals where pasting is slow. The last exchange is kept for 30 minutes so
that a follow-up ("and if they refuse?") is read with the question before it.
"""

from __future__ import annotations

import select
import sys
import time
from collections.abc import Callable

from bot.advice import AdviceEngine, Answer, Question
from bot.advice.composer import topic_passages
from bot.advice.jurisdiction import COUNTRIES, mentioned_country
from bot.advice.understand import understand
from bot.cli.main import BinaryInputError
from bot.cli.render import render_answer, render_checklist, render_details, render_evaluation
from bot.cli.texts import t
from bot.errors import EmptyQuestionError
from bot.i18n import Lang
from bot.offers import OfferEvaluator, Profile
from bot.offers.edit import parse_categories, parse_share

PASTE_SILENCE = 0.5  # seconds without input that end a multi-line message
FOLLOW_UP_SECONDS = 30 * 60
QUIT = {"/quit", "/exit", "/q"}
END_OF_OFFER = "."


def stdin_pending(timeout: float = PASTE_SILENCE) -> bool:
    """Whether more input arrives within `timeout` (a paste still flowing in). Only a terminal is watched: piped
    input is read line by line, as before."""
    try:
        if not sys.stdin.isatty():
            return False
        ready, _, _ = select.select([sys.stdin], [], [], timeout)
    except (OSError, ValueError):  # no select on this stream (Windows console, closed stdin)
        return False
    return bool(ready)


def chat(
    engine: AdviceEngine,
    lang: Lang | None = None,
    read: Callable[[str], str] = input,
    offers: OfferEvaluator | None = None,
    pending: Callable[[], bool] = stdin_pending,
    clock: Callable[[], float] = time.monotonic,
) -> None:
    """Loop until /quit or end of input. `lang` fixes the answer language; otherwise each question's own.
    A pasted offer (or /offer, then the offer and a line with a single '.') is judged; /profile sets the profile."""
    profile = Profile()
    ui: Lang = lang or "en"
    last: tuple[str, float] | None = None  # the question (or pasted offer) that set the topic, and when
    topic_card: str | None = None  # the card that answered it last
    shown: tuple[str, ...] = ()  # the passages read on that topic: a follow-up leaves them out
    noted = False  # the note asking where the creator is, given once
    home: str | None = None  # the country the creator said they live in, for the rest of the session
    answer: Answer | None = None
    # Until the user writes, their language is unknown: greet in both.
    print(t("chat_welcome", lang) if lang else f"{t('chat_welcome', 'fr')}\n{t('chat_welcome', 'en')}")
    while True:
        try:
            message = _read_message(read, pending)
        except (EOFError, KeyboardInterrupt):
            print()
            break
        line = message.strip()
        if line in QUIT:
            break
        if line.startswith("/lang"):
            choice = line.removeprefix("/lang").strip()
            if choice in ("fr", "en"):
                lang = ui = choice  # type: ignore[assignment]
                print(t("chat_lang_set", ui))
            else:
                print(t("chat_lang_usage", ui))
            continue
        if line == "/checklist":
            print(render_checklist(engine.full_checklist(ui), ui))
            continue
        if line == "/more":
            print(render_details(answer) if answer and answer.in_scope else t("chat_more_nothing", ui))
            continue
        if line == "/forget":
            last = answer = home = topic_card = None
            shown = ()
            profile = Profile()
            print(t("chat_forgotten", ui))
            continue
        if offers is not None and line == "/profile":
            profile = _ask_profile(read, ui)
            continue
        if offers is not None and (line == "/offer" or understand(line, profile=profile).kind == "offer_pasted"):
            text = _read_offer(read, ui) if line == "/offer" else line
            if text.strip():
                evaluation = offers.evaluate(text, profile, ui_lang=lang)
                print(render_evaluation(evaluation))
                # The offer is now the topic: "is that normal?" is read with it, on its most serious reason's card.
                last, topic_card, shown = (text, clock()), evaluation.topic_card, ()
            continue
        now = clock()
        recent = last is not None and now - last[1] < FOLLOW_UP_SECONDS
        history = (last[0],) if last and recent else ()
        previous_card = topic_card if recent else None
        asked = Question(line, lang, ui, history, profile, previous_card, shown if recent else (), home)
        home = asked.said_home
        try:
            answer = engine.ask_many([asked])[0]
        except EmptyQuestionError:
            continue  # an empty line in a terminal is just Enter
        ui = answer.lang
        print(render_answer(answer))
        if not noted and asked.country is None and engine.states_local_rules(answer):
            noted = True  # once per session: where the creator is changes a law or tax answer
            print(f"\n{t('chat_country_note', ui)}")
        if answer.in_scope:
            # A follow-up keeps the topic and adds what it showed; a new question starts a topic.
            shown = topic_passages(answer, shown if recent else ())
            last, topic_card = (answer.context or line, now), answer.lead_card
    print(t("chat_bye", ui))


def _read_message(read: Callable[[str], str], pending: Callable[[], bool]) -> str:
    """One line, and the lines pasted with it (those already waiting once it is read)."""
    from bot.cli.main import text_input

    try:
        lines = [read("\n> ")]
        while pending():
            try:
                lines.append(read(""))
            except EOFError:
                break
    except ValueError as exc:  # input() refuses NUL bytes ("embedded null character"): binary input
        raise BinaryInputError() from exc
    return text_input("\n".join(lines))


def _read_offer(read: Callable[[str], str], ui: Lang) -> str:
    """The offer's lines up to a line with a single '.', or the end of input (Ctrl-D)."""
    print(t("chat_paste_offer", ui))
    lines: list[str] = []
    while True:
        try:
            line = read("")
        except EOFError:
            break
        if line.strip() == END_OF_OFFER:
            break
        lines.append(line)
    return "\n".join(lines)


def _ask_profile(read: Callable[[str], str], ui: Lang) -> Profile:
    line = read(t("ask_pf_editorial_line", ui) + "\n> ").strip()
    no_go = parse_categories(read(t("ask_pf_no_go", ui) + "\n> "))
    minors = parse_share(read(t("ask_pf_minors_share", ui) + "\n> "))
    country = parse_country(read(t("ask_pf_country", ui) + "\n> "))
    print(t("pf_saved", ui))
    return Profile(editorial_line=line, no_go=no_go, minors_share=minors, country=country)


def parse_country(text: str) -> str | None:
    """A country code (`fr`, `uk`…) or name ("Belgique", "United Kingdom"), "other"/"autre"; None if unreadable."""
    answer = " ".join(text.lower().split())
    if answer in COUNTRIES:
        return answer
    if answer in ("other", "autre", "ailleurs", "elsewhere"):
        return "other"
    return mentioned_country(answer) if answer else None
