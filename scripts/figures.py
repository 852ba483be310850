"""Small helpers shared by the benchmark scripts."""

from __future__ import annotations


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile by nearest rank (no interpolation: a value that was measured)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]
