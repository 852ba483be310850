"""The interactive terminal chat: the same engine as Telegram, one question per line."""

from __future__ import annotations

from collections.abc import Callable

from bot.advice import AdviceEngine
from bot.cli.render import render_answer, render_checklist
from bot.errors import EmptyQuestionError
from bot.i18n import Lang, t


def chat(engine: AdviceEngine, lang: Lang | None = None, read: Callable[[str], str] = input) -> None:
    """Loop until /quit or end of input. `lang` fixes the answer language; otherwise each question's own."""
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
        try:
            answer = engine.ask(line, lang=lang, default_lang=ui)
        except EmptyQuestionError:
            continue  # an empty line in a terminal is just Enter
        ui = answer.lang
        print(render_answer(answer))
    print(t("chat_bye", ui))
