"""`offer [--json] [--profile FILE] [--lang fr|en]`: the evaluation of an offer pasted on stdin."""

from __future__ import annotations

import argparse
import json
import sys

from bot.cli.render import render_evaluation
from bot.config import Settings
from bot.offers import Profile
from bot.offers.extract import MAX_OFFER_CHARS

EXIT_USAGE = 2


def read_offer(raw: bytes) -> str | None:
    """The offer as text, or None when stdin is not UTF-8 text (a binary file, another encoding)."""
    if b"\x00" in raw:
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def run_offer(args: argparse.Namespace, settings: Settings) -> int:
    text = read_offer(sys.stdin.buffer.read())
    if text is None:
        print(
            "error: the offer must be UTF-8 text; this looks like a binary file or another encoding "
            "(save it as UTF-8 text and try again)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if not text.strip():
        print("error: the offer is empty: paste the brand's message on standard input", file=sys.stderr)
        return EXIT_USAGE
    try:
        profile = Profile.from_json(json.load(args.profile)) if args.profile else None
    except (json.JSONDecodeError, TypeError, AttributeError) as exc:
        print(f"error: the profile must be a JSON object ({exc})", file=sys.stderr)
        return EXIT_USAGE
    from bot.wiring import build_services

    evaluation = build_services(settings).offers.evaluate(text, profile, lang=args.lang)
    if len(text) > MAX_OFFER_CHARS:
        print(
            f"note: the offer is {len(text)} characters long; only the first {MAX_OFFER_CHARS} were read",
            file=sys.stderr,
        )
    # allow_nan=False: the JSON contract never carries Infinity or NaN (huge amounts are refused as unreadable).
    print(
        json.dumps(evaluation.to_json(), ensure_ascii=False, indent=2, allow_nan=False)
        if args.json
        else render_evaluation(evaluation)
    )
    return 0
