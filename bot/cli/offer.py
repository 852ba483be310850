"""`offer [--json] [--profile FILE] [--lang fr|en]`: the evaluation of an offer pasted on stdin."""

from __future__ import annotations

import argparse
import json
import sys

from bot.cli.render import render_evaluation
from bot.config import Settings
from bot.offers import Profile

EXIT_USAGE = 2


def run_offer(args: argparse.Namespace, settings: Settings) -> int:
    text = sys.stdin.read()
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
    print(
        json.dumps(evaluation.to_json(), ensure_ascii=False, indent=2) if args.json else render_evaluation(evaluation)
    )
    return 0
