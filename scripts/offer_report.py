"""Offer evaluation on the golden set: prints verdict accuracy, red-flag and per-field extraction precision and
recall, and the warm evaluation time. Asserts nothing. Run: .venv/bin/python scripts/offer_report.py"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from bot.offers.golden import load_golden, score  # noqa: E402
from bot.wiring import build_services  # noqa: E402
from scripts.figures import percentile  # noqa: E402


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  – "


def main() -> None:
    entries = load_golden(ROOT / "knowledge" / "eval" / "offers" / "golden.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        coach = build_services(Settings(_env_file=None, data_dir=Path(tmp), knowledge_dir=ROOT / "knowledge"))
        report = score(entries, coach.offers)
        print(f"offers: {report.offers}; verdict accuracy {report.verdict_accuracy:.3f}")
        for offer_id, want, got in report.verdict_misses:
            print(f"  verdict miss: {offer_id}: expected {want}, got {got}")
        print(f"legitimate offers flagged as scams: {len(report.false_scam)} {report.false_scam}")
        print("\nred flags            precision  recall  (tp/fp/fn)")
        for flag in sorted(set(report.flag_tp) | set(report.flag_fp) | set(report.flag_fn)):
            tp, fp, fn = report.flag_tp[flag], report.flag_fp[flag], report.flag_fn[flag]
            print(f"  {flag:20s} {ratio(tp, tp + fp):>8}  {ratio(tp, tp + fn):>6}  ({tp}/{fp}/{fn})")
        print("\nfields               precision  recall  (tp/fp/fn)")
        for name in sorted(set(report.field_tp) | set(report.field_fp) | set(report.field_fn)):
            tp, fp, fn = report.field_tp[name], report.field_fp[name], report.field_fn[name]
            print(f"  {name:20s} {ratio(tp, tp + fp):>8}  {ratio(tp, tp + fn):>6}  ({tp}/{fp}/{fn})")
        texts = [e["text"] for e in entries]
        for text in texts[:5]:
            coach.offers.evaluate(text)
        timings = []
        for _ in range(5):
            for text in texts:
                started = time.perf_counter()
                coach.offers.evaluate(text)
                timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        print(
            f"\nwarm evaluation time over {len(timings)} offers: median {statistics.median(timings):.1f} ms, "
            f"p95 {percentile(timings, 95):.1f} ms, max {timings[-1]:.1f} ms"
        )


if __name__ == "__main__":
    main()
