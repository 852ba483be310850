"""`kb refresh | check | stats | eval`."""

from __future__ import annotations

import argparse
import json

from bot.config import Settings
from bot.kb import check_knowledge
from bot.kb.evaluation import evaluate, load_questions


def run(args: argparse.Namespace, settings: Settings) -> int:
    return {"refresh": _refresh, "check": _check, "stats": _stats, "eval": _eval}[args.kb_command](args, settings)


def _refresh(args: argparse.Namespace, settings: Settings) -> int:
    from bot.wiring import build_coach

    report = build_coach(settings, refresh=False).refresh()  # CardError → main prints it, exit 1
    counts = report.counts()
    if args.json:
        print(json.dumps(counts))
    else:
        print(
            f"added {counts['added']}, updated {counts['updated']}, removed {counts['removed']}, "
            f"unchanged {counts['unchanged']} in {counts['seconds']} s (knowledge base {counts['kb_version']})"
        )
    return 0


def _check(args: argparse.Namespace, settings: Settings) -> int:
    report = check_knowledge(settings.knowledge_dir)
    for error in report.errors:
        print(f"error: {error}")
    for warning in report.warnings:
        print(f"warning: {warning}")
    stats = report.knowledge.stats()
    verdict = "ok" if report.ok else f"{len(report.errors)} error(s)"
    print(f"{verdict}: {stats['cards']} card ids, {stats['by_lang']}, {len(report.warnings)} warning(s)")
    return 0 if report.ok else 1


def _stats(args: argparse.Namespace, settings: Settings) -> int:
    stats = check_knowledge(settings.knowledge_dir).knowledge.stats()
    if args.json:
        print(json.dumps(stats))
    else:
        print(f"{stats['cards']} card ids; by language {stats['by_lang']}; version {stats['version']}")
        if stats["missing_translation"]:
            print("missing a translation: " + ", ".join(stats["missing_translation"]))  # type: ignore[arg-type]
    return 0


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    from bot.wiring import build_coach

    coach = build_coach(settings)
    result = evaluate(load_questions(settings.knowledge_dir / "eval"), coach.index)
    if args.json:
        print(json.dumps(result.to_json()))
        return 0
    for key, value in result.to_json().items():
        print(f"{key:>20}: {value}")
    for question, expected, found in result.misses:
        print(f"  miss: {question!r} expected {expected or 'decline'}, got {found or 'decline'}")
    return 0
