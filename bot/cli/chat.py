"""The interactive terminal chat: the same engine as Telegram, one question per line."""

from __future__ import annotations

from collections.abc import Callable

from bot.advice import AdviceEngine
from bot.cli.render import render_answer, render_checklist, render_evaluation
from bot.errors import EmptyQuestionError
from bot.i18n import Lang, t
from bot.offers import OfferEvaluator, Profile, looks_like_offer
from bot.offers.edit import parse_categories, parse_share


def chat(
    engine: AdviceEngine,
    lang: Lang | None = None,
    read: Callable[[str], str] = input,
    offers: OfferEvaluator | None = None,
) -> None:
    """Loop until /quit or end of input. `lang` fixes the answer language; otherwise each question's own.
    A pasted offer (or /offer, then the offer and an empty line) is judged; /profile sets the profile used."""
    profile = Profile()
    ui: Lang = lang or "en"
    # Until the user writes, their language is unknown: greet in both.
    print(t("chat_welcome", lang) if lang else f"{t('chat_welcome', 'fr')}\n{t('chat_welcome', 'en')}")
    while True:
        try:
            line = read("\n> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            break
        if line in {"/quit", "/exit", "/q"}:
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
        if offers is not None and line == "/profile":
            profile = _ask_profile(read, ui)
            continue
        if offers is not None and (line == "/offer" or looks_like_offer(line)):
            text = _read_offer(read, ui) if line == "/offer" else line
            if text.strip():
                print(render_evaluation(offers.evaluate(text, profile, ui_lang=lang)))
            continue
        try:
            answer = engine.ask(line, lang=lang, default_lang=ui)
        except EmptyQuestionError:
            continue  # an empty line in a terminal is just Enter
        ui = answer.lang
        print(render_answer(answer))
    print(t("chat_bye", ui))


def _read_offer(read: Callable[[str], str], ui: Lang) -> str:
    print(t("chat_paste_offer", ui))
    lines: list[str] = []
    while True:
        try:
            line = read("")
        except EOFError:
            break
        if not line.strip():
            break
        lines.append(line)
    return "\n".join(lines)


def _ask_profile(read: Callable[[str], str], ui: Lang) -> Profile:
    line = read(t("ask_pf_editorial_line", ui) + "\n> ").strip()
    no_go = parse_categories(read(t("ask_pf_no_go", ui) + "\n> "))
    minors = parse_share(read(t("ask_pf_minors_share", ui) + "\n> "))
    print(t("pf_saved", ui))
    return Profile(editorial_line=line, no_go=no_go, minors_share=minors)
