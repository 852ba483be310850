"""How well the coach reads messages: kind accuracy and red flags on knowledge/eval/understanding/.

    .venv/bin/python scripts/understanding_report.py [--json]

Prints dev and test figures, and for dev each file's (dev.yaml … dev4.yaml: each round's blind set, read unseen
before its rules were tuned on it). Dev misses are listed (tune on them); test misses never are (report only).
Kinds come from `bot.advice.understand.understand` alone; flags are those the engine gives the message: the
understanding step's, joined for an offer by the offer rules' (as `ask --json` reports them in `red_flags`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.advice.understand import understand
from bot.advice.understanding_eval import Reader, load_files, score
from bot.config import Settings


def reader(settings: Settings) -> Reader:
    from bot.kb import load_knowledge
    from bot.offers import OfferEvaluator

    kb = load_knowledge(settings.knowledge_dir)
    offers = OfferEvaluator(lambda: kb)

    def read(text: str, lang: str, history: tuple[str, ...]) -> tuple[str, list[str]]:
        reading = understand(text, history, lang=lang)  # type: ignore[arg-type]
        flags = list(reading.red_flags)
        if reading.judged:
            judged = offers.evaluate(reading.offer_text or text, ui_lang=reading.lang)
            flags += [flag for flag in judged.red_flags if flag not in flags]
        return reading.kind, flags

    return read


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--split", choices=["dev", "test"], help="one split only (default: both)")
    args = parser.parse_args()
    settings = Settings()
    folder = settings.knowledge_dir / "eval" / "understanding"
    read = reader(settings)
    out: dict[str, object] = {}
    for split in (args.split,) if args.split else ("dev", "test"):
        files = load_files(folder, split)
        items = [item for file_items in files.values() for item in file_items]
        if not items:
            continue
        report = score(items, read)
        out[split] = report.to_json(with_misses=split == "dev")
        per_file = {name: score(file_items, read) for name, file_items in files.items()} if split == "dev" else {}
        if per_file:
            out[split]["files"] = {name: part.to_json(with_misses=False) for name, part in per_file.items()}  # type: ignore[index]
        if args.json:
            continue
        print(f"{split}: {report.messages} messages, kind accuracy {report.kind_accuracy:.3f}, "
              f"flag recall {report.flag_recall:.3f}, warning recall {report.warning_recall:.3f}, "
              f"false warnings {report.false_warnings}")  # fmt: skip
        for kind, (right, total) in report.by_kind.items():
            print(f"  {kind:16} {right}/{total}")
        for name, part in per_file.items():
            print(f"  {name}: {part.messages} messages, kind accuracy {part.kind_accuracy:.3f}, "
                  f"flag recall {part.flag_recall:.3f}, false warnings {part.false_warnings}")  # fmt: skip
        if split == "dev":
            for miss in report.misses:
                flags = f" missing {list(miss.missing_flags)}" if miss.missing_flags else ""
                flags += f" extra {list(miss.extra_flags)}" if miss.extra_flags else ""
                print(f"  MISS {miss.expected} -> {miss.got}{flags}: {miss.text[:100]!r}")
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
