from pathlib import Path

from bot.advice.understand import understand
from bot.advice.understanding_eval import load_split, score

FOLDER = Path(__file__).resolve().parents[3] / "knowledge" / "eval" / "understanding"


def test_scoring_counts_kinds_and_flags() -> None:
    items = [
        {"text": "a", "lang": "en", "kind": "question"},
        {"text": "b", "lang": "en", "kind": "small_talk", "flags": ["login_request"]},
    ]
    report = score(items, lambda text, lang, history: ("question", ["scam_signals"]))
    assert report.kind_accuracy == 0.5 and report.by_kind == {"question": (1, 1), "small_talk": (0, 1)}
    assert report.flag_recall == 0.0 and report.false_warnings == 1 and len(report.misses) == 1


def test_the_dev_split_is_read_right() -> None:
    items = load_split(FOLDER, "dev")
    assert len(items) >= 50
    report = score(items, lambda text, lang, history: (understand(text, history, lang=lang).kind, []))  # type: ignore[arg-type]
    assert report.kind_accuracy >= 0.95, [m.text[:60] for m in report.misses if m.expected != m.got]
