"""Scoring the understanding step on the labelled messages of knowledge/eval/understanding/ (dev and test splits).

Item: `{text, lang, kind, history?: [previous messages], flags?: [red-flag codes]}`. Kind accuracy is the share of
messages whose kind `understand` gets right; flags are scored on the items that list them (`flags` given, even
empty): recall of the listed codes, and the share of items where every listed warning flag was found.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.advice.understand import KINDS, WARNING_FLAGS

# (text, lang, history) -> (kind, flags)
Reader = Callable[[str, str, tuple[str, ...]], tuple[str, Sequence[str]]]


@dataclass(frozen=True)
class Miss:
    text: str
    expected: str
    got: str
    missing_flags: tuple[str, ...] = ()
    extra_flags: tuple[str, ...] = ()


@dataclass
class UnderstandingReport:
    messages: int
    kind_accuracy: float
    by_kind: dict[str, tuple[int, int]]  # kind -> (right, total)
    flag_recall: float  # listed codes found, over all listed codes
    warning_recall: float  # listed warning codes (scams, illegal asks) found
    false_warnings: int  # warning codes found on items that list flags but not that one
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[Miss] = field(default_factory=list)

    def to_json(self, with_misses: bool) -> dict[str, object]:
        data: dict[str, object] = {
            "messages": self.messages,
            "kind_accuracy": round(self.kind_accuracy, 4),
            "by_kind": {kind: {"right": r, "total": n} for kind, (r, n) in self.by_kind.items()},
            "flag_recall": round(self.flag_recall, 4),
            "warning_recall": round(self.warning_recall, 4),
            "false_warnings": self.false_warnings,
        }
        if with_misses:
            data["misses"] = [miss.__dict__ for miss in self.misses]
        return data


def load_files(folder: Path, split: str) -> dict[str, list[dict]]:
    """The split's files by name (dev.yaml, dev2.yaml, … dev4.yaml), each written blind in its own round."""
    return {
        path.name: yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for path in sorted(folder.glob(f"{split}*.yaml"))
    }


def load_split(folder: Path, split: str) -> list[dict]:
    return [item for items in load_files(folder, split).values() for item in items]


def score(items: Sequence[dict], read: Reader) -> UnderstandingReport:
    right = 0
    per_kind: dict[str, list[int]] = {kind: [0, 0] for kind in KINDS}
    listed = found = 0
    warn_listed = warn_found = false_warnings = 0
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[Miss] = []
    for item in items:
        kind, flags = read(item["text"], item.get("lang", "en"), tuple(item.get("history") or ()))
        expected = item["kind"]
        per_kind.setdefault(expected, [0, 0])[1] += 1
        ok = kind == expected
        right += ok
        per_kind[expected][0] += ok
        confusion[(expected, kind)] += 1
        missing: tuple[str, ...] = ()
        extra: tuple[str, ...] = ()
        if "flags" in item:
            want = set(item.get("flags") or ())
            got = set(flags)
            listed += len(want)
            found += len(want & got)
            warn_listed += len(want & set(WARNING_FLAGS))
            warn_found += len(want & got & set(WARNING_FLAGS))
            false_warnings += len((got - want) & set(WARNING_FLAGS))
            missing, extra = tuple(sorted(want - got)), tuple(sorted(got - want))
        if not ok or missing or (set(extra) & set(WARNING_FLAGS)):
            misses.append(Miss(item["text"], expected, kind, missing, extra))
    n = len(items) or 1
    return UnderstandingReport(
        messages=len(items),
        kind_accuracy=right / n,
        by_kind={kind: (r, t) for kind, (r, t) in per_kind.items() if t},
        flag_recall=found / listed if listed else 1.0,
        warning_recall=warn_found / warn_listed if warn_listed else 1.0,
        false_warnings=false_warnings,
        confusion=confusion,
        misses=misses,
    )
