"""Offer evaluation on each labelled split: verdict accuracy, share of offers with every expected red flag, scam
flags on legitimate offers, red-flag and per-field precision and recall, then evaluation times on real offers and
on 10,000-character adversarial inputs (and the understanding step's time on them). Asserts nothing.

Run: .venv/bin/python scripts/offer_report.py [--mode rules|classifier|both]
The test split is printed as figures only: its cases and misses are never shown (nobody tunes on them).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.advice.understand import understand  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.offers.golden import SPLITS, GoldenReport, load_split, score  # noqa: E402
from bot.wiring import build_services  # noqa: E402
from scripts.figures import percentile  # noqa: E402

TARGET_FIELDS = ("amount", "deliverables", "exclusivity", "usage_rights", "payment_days", "disclosure")


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  – "


def print_report(split: str, report: GoldenReport, *, details: bool) -> None:
    print(
        f"[{split}] offers {report.offers}: verdict accuracy {report.verdict_accuracy:.3f}; "
        f"every expected red flag raised in {report.flags_recall:.3f}; "
        f"scam flags on legitimate offers: {len(report.false_scam)} of {report.legitimate}"
    )
    target = ", ".join(
        f"{name} {ratio(report.field_tp[name], report.field_tp[name] + report.field_fn[name])}"
        for name in TARGET_FIELDS
    )
    print(f"[{split}] recall of the target fields: {target}")
    if not details:
        return
    for offer_id, want, got in report.verdict_misses:
        print(f"  verdict miss: {offer_id}: expected {want}, got {got}")
    if report.false_scam:
        print(f"  scam flags on legitimate offers: {report.false_scam}")
    print("  red flags            precision  recall  (tp/fp/fn)")
    for flag in sorted(set(report.flag_tp) | set(report.flag_fp) | set(report.flag_fn)):
        tp, fp, fn = report.flag_tp[flag], report.flag_fp[flag], report.flag_fn[flag]
        print(f"    {flag:22s} {ratio(tp, tp + fp):>6}  {ratio(tp, tp + fn):>6}  ({tp}/{fp}/{fn})")
    print("  fields               precision  recall  (tp/fp/fn)")
    for name in sorted(set(report.field_tp) | set(report.field_fp) | set(report.field_fn)):
        tp, fp, fn = report.field_tp[name], report.field_fp[name], report.field_fn[name]
        print(f"    {name:22s} {ratio(tp, tp + fp):>6}  {ratio(tp, tp + fn):>6}  ({tp}/{fp}/{fn})")


def adversarial(length: int = 10_000, seed: int = 7) -> list[str]:
    """Inputs built to make a backtracking pattern or a quadratic loop show: digit runs, repeated separators,
    negations, bullets, currency signs, one very long word, nested quotes, newlines, thousands of one-word
    clauses or lines, random digits between random separators, and random mixes of offer words and
    punctuation."""
    rng = random.Random(seed)
    units = [
        "1", "1 ", "1,", "1.", "1.1 ", "€1", "1k€ ", "$", "€", "- ", ". ", ", ", "\n", "\r\n", "> ", ">\n", "pas de ",
        "ne ", "not ", "no ", "sans ", "reel ", "2 reels ", "par mois ", "exclusivité ", "#ad ", "cent ", "1 000 ",
        "a" * 7 + " ", "a", "é", "«“\"'", "« ", "1\u202f", "1%", "#", "@", "(", "http://x.co/", "@gmail.", "30 jours ",
        "net 60 ", "à vie ", "🙌 Ok ", "!?", "😀 A", "\n\n1", "1.\n", "a\n", "a:\n", "a, ", "Best\n",
    ]  # fmt: skip
    texts = [(unit * (length // len(unit) + 1))[:length] for unit in units]
    texts.append("".join(rng.choice("0123456789") + rng.choice(" ,.'\u202f") for _ in range(length // 2)))
    words = "collab reel story 500 € HT paiement 30 jours exclusivité 6 mois pas de sans never password 1 000 , . \n"
    vocab = words.split(" ")
    for _ in range(10):
        parts: list[str] = []
        while sum(map(len, parts)) < length:
            parts.append(rng.choice(vocab))
        texts.append(" ".join(parts)[:length])
    return texts


def timings(run: Callable[[str], object], texts: list[str], rounds: int) -> list[float]:
    for text in texts[:3]:
        run(text)
    measured = []
    for _ in range(rounds):
        for text in texts:
            started = time.perf_counter()
            run(text)
            measured.append((time.perf_counter() - started) * 1000)
    return measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("rules", "classifier", "both"), default="both")
    parser.add_argument("--no-test", action="store_true", help="leave the test split out (while tuning on dev)")
    args = parser.parse_args()
    names = [name for name in SPLITS if not (args.no_test and name == "test")]
    splits = {name: entries for name in names if (entries := load_split(name)) is not None}
    with tempfile.TemporaryDirectory() as tmp:
        # The offer evaluation never searches the card index: the cards are read without indexing them (minutes
        # of embedding on a fresh data dir), and without the ranking model the evaluation does not use.
        settings = Settings(_env_file=None, data_dir=Path(tmp), knowledge_dir=ROOT / "knowledge", e5_ranking=False)
        services = build_services(settings, refresh=False)
        evaluator = services.offers
        modes = ("rules", "classifier") if args.mode == "both" else (args.mode,)
        for mode in modes:
            evaluator.use_classifier(mode == "classifier")
            print(f"=== {'rules + clause classifier' if mode == 'classifier' else 'rules alone'} ===")
            for name, entries in splits.items():
                print_report(name, score(entries, evaluator), details=name != "test")
            print()
        real = [entry["text"] for name, entries in splits.items() if name != "test" for entry in entries]
        for mode in modes:
            evaluator.use_classifier(mode == "classifier")
            measured = timings(evaluator.evaluate, real, rounds=3)
            print(
                f"[{mode}] real offers ({len(real)} × 3): median {statistics.median(measured):.1f} ms, "
                f"p99 {percentile(measured, 99):.1f} ms, max {max(measured):.1f} ms"
            )
            hostile = adversarial()
            measured = timings(evaluator.evaluate, hostile, rounds=3)
            print(
                f"[{mode}] 10,000-char adversarial inputs ({len(hostile)} × 3, evaluated up to the 8,000-char cap): "
                f"median {statistics.median(measured):.1f} ms, p99 {percentile(measured, 99):.1f} ms, "
                f"max {max(measured):.1f} ms"
            )
        # The understanding step runs the red-flag detectors on every message the bot receives.
        measured = timings(understand, hostile, rounds=3)
        print(
            f"[understanding step] the same adversarial inputs ({len(hostile)} × 3, read up to 8,000 chars): "
            f"median {statistics.median(measured):.1f} ms, p99 {percentile(measured, 99):.1f} ms, "
            f"max {max(measured):.1f} ms"
        )


if __name__ == "__main__":
    main()
