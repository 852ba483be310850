"""`kb refresh | check | stats | eval | add | remove | rollback`: the last three through the change service."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.eval.questions import evaluate_splits, questions_dir
from bot.kb import check_knowledge

if TYPE_CHECKING:
    from bot.retrieval.index import RefreshReport

CLI_ADMIN = 0  # who the change log names for changes made from the command line


def run(args: argparse.Namespace, settings: Settings) -> int:
    commands = {
        "refresh": _refresh,
        "check": _check,
        "stats": _stats,
        "eval": _eval,
        "add": _add,
        "remove": _remove,
        "rollback": _rollback,
    }
    return commands[args.kb_command](args, settings)


def _add(args: argparse.Namespace, settings: Settings) -> int:
    from bot.wiring import build_services

    outcome = build_services(settings, refresh=False).knowledge.upload(
        CLI_ADMIN, Path(args.file.name).name, args.file.read()
    )
    upload = outcome.upload
    assert upload is not None
    print(f"{upload.target}: {'updated' if outcome.changes[0].previous else 'added'}; {_summary(outcome.report)}")
    if upload.missing_translation:
        print(f"note: its '{upload.missing_translation}' translation is missing")
    return 0


def _remove(args: argparse.Namespace, settings: Settings) -> int:
    from bot.kb.admin import card_file
    from bot.wiring import build_services

    card_file(settings.knowledge_dir, "en", args.card_id)  # CardError for anything but an id, before asking
    if not args.yes and input(f"Remove '{args.card_id}' in both languages? [y/N] ").strip().lower() not in ("y", "yes"):
        print("nothing removed")
        return 1
    outcome = build_services(settings, refresh=False).knowledge.remove(CLI_ADMIN, args.card_id)
    if outcome is None:
        print(f"error: no card with the id {args.card_id}", file=sys.stderr)
        return 1
    print(f"removed {', '.join(str(change.path) for change in outcome.changes)}; {_summary(outcome.report)}")
    return 0


def _rollback(args: argparse.Namespace, settings: Settings) -> int:
    from bot.wiring import build_services

    outcome = build_services(settings, refresh=False).knowledge.rollback()
    if outcome is None:
        print("nothing to roll back")
        return 0
    print(f"rolled back {', '.join(str(change.path) for change in outcome.changes)}; {_summary(outcome.report)}")
    return 0


def _summary(report: RefreshReport) -> str:
    c = report.counts()
    return f"added {c['added']}, updated {c['updated']}, removed {c['removed']}, unchanged {c['unchanged']}"


def _refresh(args: argparse.Namespace, settings: Settings) -> int:
    from bot.wiring import build_services

    report = build_services(settings, refresh=False).knowledge.refresh()  # CardError → main prints it, exit 1
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
    from bot.wiring import build_services

    services = build_services(settings)
    report = evaluate_splits(questions_dir(settings.knowledge_dir), services.engine)
    if args.json:
        print(json.dumps(report.to_json()))
        return 0
    if not report.splits:
        print(f"no dev*.yaml or test*.yaml questions in {questions_dir(settings.knowledge_dir)}", file=sys.stderr)
        return 1
    for name, result in report.splits.items():
        print(f"{name} split")
        for key, value in result.to_json().items():
            print(f"{key:>20}: {value}")
        # Only dev misses are ever printed: test cases are not for reading.
        for miss in result.misses:
            found = ", ".join(miss.found) or "decline"
            print(f"  miss: {miss.question!r} expected {miss.expected or 'decline'}, got {found} (lead {miss.lead})")
    return 0
