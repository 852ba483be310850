"""Measuring the offer evaluation on labelled offers (knowledge/eval/offers/<split>.yaml).

Splits: `dev` (dev.yaml, looked at and tuned on), `dev-blind`, `dev2`, `dev3`, `dev4`, `dev5` (written blind,
also tuned on), `dev6` (test offers moved to dev in round 6 once looked at), `dev7` (written blind in round 6,
then tuned on) and `test` (written blind, only ever scored as a whole: never read case by case)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.offers.evaluate import OfferEvaluator
from bot.offers.models import Profile
from bot.text import fold

OFFER_EVAL = Path(__file__).resolve().parents[2] / "knowledge" / "eval" / "offers"
SPLITS = ("dev", "dev-blind", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "test")
# Flags that call the sender a fraud: a legitimate offer must never get one.
SCAM_FLAGS = {
    "pay_to_collaborate", "login_request", "download_request", "scam_signals", "bank_details_request",
    "fake_copyright_notice",
}  # fmt: skip


@dataclass
class GoldenReport:
    offers: int = 0
    verdict_hits: int = 0
    flags_complete: int = 0  # offers where every expected red flag was raised
    legitimate: int = 0  # offers expected to carry no scam flag
    false_scam: list[str] = field(default_factory=list)  # legitimate offers flagged as scams
    verdict_misses: list[tuple[str, str, str]] = field(default_factory=list)  # (id, expected, got)
    flag_tp: Counter[str] = field(default_factory=Counter)
    flag_fp: Counter[str] = field(default_factory=Counter)
    flag_fn: Counter[str] = field(default_factory=Counter)
    field_tp: Counter[str] = field(default_factory=Counter)  # stated and right
    field_fp: Counter[str] = field(default_factory=Counter)  # extracted but wrong (or not in the text)
    field_fn: Counter[str] = field(default_factory=Counter)  # stated but missed or wrong

    @property
    def verdict_accuracy(self) -> float:
        return self.verdict_hits / max(self.offers, 1)

    @property
    def flags_recall(self) -> float:
        return self.flags_complete / max(self.offers, 1)


def load_golden(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def load_split(name: str, root: Path = OFFER_EVAL) -> list[dict] | None:
    """The labelled offers of a split, or None when that split's file is not there."""
    path = root / f"{name}.yaml"
    return load_golden(path) if path.is_file() else None


def _normal(name: str, value: object) -> object:
    if name == "deliverables":
        items = [d if isinstance(d, dict) else d.__dict__ for d in value or []]  # type: ignore[union-attr]
        return sorted((d["format"], int(d["count"]), d.get("platform") or "") for d in items)
    if name in ("deadline", "reply_by") and isinstance(value, str):
        return fold(value).strip(" .,")  # as written; case and accents aside
    if name in ("compensation", "platforms"):
        return sorted(value or [])  # type: ignore[type-var]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _stated(value: object) -> bool:
    return value not in (None, False, [], "")


def score(entries: list[dict], evaluator: OfferEvaluator) -> GoldenReport:
    report = GoldenReport()
    for entry in entries:
        expected = entry["expected"]
        profile = Profile.from_json(entry["profile"]) if entry.get("profile") else None
        evaluation = evaluator.evaluate(entry["text"], profile, lang=entry.get("lang"))
        report.offers += 1
        if evaluation.verdict == expected["verdict"]:
            report.verdict_hits += 1
        else:
            report.verdict_misses.append((entry["id"], expected["verdict"], evaluation.verdict))
        got_flags, want_flags = set(evaluation.red_flags), set(expected.get("red_flags") or [])
        report.flag_tp.update(got_flags & want_flags)
        report.flag_fp.update(got_flags - want_flags)
        report.flag_fn.update(want_flags - got_flags)
        report.flags_complete += want_flags <= got_flags
        if not want_flags & SCAM_FLAGS:
            report.legitimate += 1
            if got_flags & SCAM_FLAGS:
                report.false_scam.append(entry["id"])
        facts = evaluation.facts.to_json()
        labelled = expected.get("facts") or {}
        for name, want in labelled.items():
            got = _normal(name, facts.get(name))
            want = _normal(name, want)
            if got == want:
                if _stated(want):
                    report.field_tp[name] += 1
            else:
                if _stated(want):
                    report.field_fn[name] += 1
                if _stated(got):
                    report.field_fp[name] += 1
        # A field the label leaves out is not stated in the text: anything extracted there is a false positive.
        for name, got in facts.items():
            if name not in labelled and _stated(got) and name in _SCORED:
                report.field_fp[name] += 1
    return report


_SCORED = {
    "compensation", "amount", "currency", "commission_rate", "deliverables", "exclusivity", "exclusivity_months",
    "usage_rights", "usage_months", "usage_perpetual", "paid_ads", "payment_days", "payment_after_approval",
    "disclosure", "category", "asks_money", "asks_login", "asks_download", "free_email", "urgency",
}  # fmt: skip

__all__ = ["OFFER_EVAL", "SCAM_FLAGS", "SPLITS", "GoldenReport", "load_golden", "load_split", "score"]
