"""Command-line entry point. Heavy imports wait until a command needs them, so `--help` is instant."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from bot.cli.texts import t
from bot.config import Settings
from bot.errors import CoachError, EmptyQuestionError
from bot.logs import configure_logging

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
BAD_ARGUMENT = "error: an argument is not valid UTF-8 text: type it again or check the terminal's encoding"
BAD_INPUT = "error: the input is not UTF-8 text (a binary file?): send text only"


def _undecodable(argv: Sequence[str]) -> bool:
    """Python keeps bytes that are not UTF-8 as lone surrogates ("\udcff"): any of them means a bad argument."""
    return any("\ud800" <= ch <= "\udfff" for arg in argv for ch in arg)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="collab-coach", description="Collab Coach: brand-collaboration coaching.")
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer one question (or one per line on stdin with --jsonl)")
    ask.add_argument("question", nargs="?", help="the question; omit with --jsonl")
    ask.add_argument("--lang", choices=["fr", "en"], help="answer language (default: the question's)")
    ask.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    ask.add_argument("--jsonl", action="store_true", help="read questions from stdin, write JSON lines")

    offer = sub.add_parser("offer", help="evaluate an offer (a DM, an email, a brief) read on stdin")
    offer.add_argument("--json", action="store_true", help="print the evaluation as one JSON object")
    offer.add_argument("--profile", type=argparse.FileType("r", encoding="utf-8"), help="creator profile (JSON file)")
    offer.add_argument("--lang", choices=["fr", "en"], help="language of the evaluation (default: the offer's)")

    chat = sub.add_parser("chat", help="interactive terminal chat")
    chat.add_argument("--lang", choices=["fr", "en"])
    sub.add_parser("run", help="run the Telegram bot (needs TELEGRAM_BOT_TOKEN)")
    sub.add_parser("start", help="the Telegram bot if a token is set, else the terminal chat")
    serve = sub.add_parser("serve", help="webhook workers behind one URL (needs WEBHOOK_URL, WEBHOOK_SECRET)")
    serve.add_argument("--workers", type=int, default=2, help="worker processes (more than 1 needs DATABASE_URL)")
    serve.add_argument("--worker-port", type=int, help=argparse.SUPPRESS)  # how the front starts each worker

    kb = sub.add_parser("kb", help="knowledge base: refresh | check | stats | eval")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    for name, help_ in [
        ("refresh", "index new and edited cards, drop removed ones"),
        ("check", "validate every card"),
        ("stats", "count cards by language"),
        ("eval", "measure retrieval and answers on knowledge/eval/questions (dev and test splits)"),
    ]:
        cmd = kb_sub.add_parser(name, help=help_)
        if name != "check":
            cmd.add_argument("--json", action="store_true")
    add = kb_sub.add_parser("add", help="validate, store and index a card file (recorded, can be rolled back)")
    add.add_argument("file", type=argparse.FileType("rb"))
    remove = kb_sub.add_parser("remove", help="remove a card in both languages (recorded, can be rolled back)")
    remove.add_argument("card_id")
    remove.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    kb_sub.add_parser("rollback", help="undo the latest add or remove (from the CLI or Telegram)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if _undecodable(argv):
        print(BAD_ARGUMENT, file=sys.stderr)
        return EXIT_USAGE
    args = _parser().parse_args(argv)
    settings = Settings()
    configure_logging(settings)
    try:
        return _run(args, settings)
    except (UnicodeDecodeError, BinaryInputError):
        print(BAD_INPUT, file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130  # the shell's code for Ctrl-C, without a traceback


class BinaryInputError(ValueError):
    """Standard input decoded, but holds NUL bytes: a binary file, not a message."""


def text_input(text: str) -> str:
    """`text` read on stdin, refused if it is binary: NUL bytes, or bytes a C locale kept as lone surrogates."""
    if "\x00" in text or _undecodable([text]):
        raise BinaryInputError()
    return text


def _run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        if args.command == "kb":
            from bot.cli import kb_commands

            return kb_commands.run(args, settings)
        if args.command == "ask":
            return _ask(args, settings)
        if args.command == "offer":
            from bot.cli.offer import run_offer

            return run_offer(args, settings)
        if args.command == "chat" or (args.command == "start" and settings.telegram_bot_token is None):
            from bot.cli.chat import chat
            from bot.wiring import build_services

            services = build_services(settings)
            chat(services.engine, lang=getattr(args, "lang", None), offers=services.offers)
            return EXIT_OK
        from bot.storage.database import check_file

        if args.command == "serve":
            check_file(settings.database_path)
            from bot.telegram.serve import run_worker, serve

            if args.worker_port is not None:
                return run_worker(settings, args.worker_port)
            if args.workers < 1:
                print("error: --workers must be at least 1", file=sys.stderr)
                return EXIT_USAGE
            return serve(settings, args.workers)

        check_file(settings.database_path)  # a damaged database stops the bot in a second, before heavy imports
        from bot.telegram.app import run_bot  # "run", or "start" with a token

        return run_bot(settings)
    except CoachError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    if not args.jsonl and not (args.question or "").strip():
        print(f"error: {t('empty_question', args.lang or 'en')}", file=sys.stderr)
        return EXIT_USAGE
    from bot.cli.render import render_answer
    from bot.wiring import build_services

    engine = build_services(settings).engine
    if not args.jsonl:
        answer = engine.ask(args.question, lang=args.lang)
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2) if args.json else render_answer(answer))
        return EXIT_OK
    for line in sys.stdin:
        text_input(line)
        try:
            answer = engine.ask(line, lang=args.lang)
        except EmptyQuestionError:
            if line.strip() == "":
                continue  # blank lines separate nothing; skipping them keeps one output per question
            raise
        print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
    return EXIT_OK
