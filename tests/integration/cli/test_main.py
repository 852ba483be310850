"""The command line through `main(argv)` in the test's own process (a real index on disk, real files): starting
a new Python for each command cost ~40 s of the suite and tested nothing more. One test keeps the real process."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.eval.questions import load_split, questions_dir
from tests.auxil.cli import Run
from tests.cards import card_text, write_card, write_pair
from tests.conftest import KNOWLEDGE, ROOT


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-data")


def test_python_dash_m_bot_runs_as_a_process(tmp_path: Path) -> None:
    """The one real process: the entry point, its exit status and its streams as a shell sees them."""
    env = {**os.environ, "DATA_DIR": str(tmp_path), "KNOWLEDGE_DIR": str(KNOWLEDGE), "TELEGRAM_BOT_TOKEN": ""}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "  "], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert result.returncode == 2 and "question is empty" in result.stderr and result.stdout == ""


def test_ask_json_in_french(run: Run, data_dir: Path) -> None:
    result = run(
        "ask", "une marque me demande mon mot de passe insta pour publier, c'est normal ?", "--json", data_dir=data_dir
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["lang"] == "fr" and answer["in_scope"] is True
    assert 5 <= len(answer["checklist"]) <= 8
    assert answer["sources"] and {"id", "title"} <= answer["sources"][0].keys()
    assert "phishing-login-requests" in [s["id"] for s in answer["sources"]]


def test_ask_jsonl_answers_one_line_per_question(run: Run, data_dir: Path) -> None:
    questions = "how much should i charge for 1 reel w 8k followers\n\nrecette de la pâte à crêpes\n"
    result = run("ask", "--jsonl", data_dir=data_dir, stdin=questions)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(a["lang"], a["in_scope"]) for a in lines] == [("en", True), ("fr", False)]
    assert lines[1]["checklist"] == [] and "collaborations" in lines[1]["answer"]


def test_ask_text_output_and_language_override(run: Run, data_dir: Path) -> None:
    result = run("ask", "do I have to say a post is sponsored?", "--lang", "fr", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "Checklist avant de publier" in result.stdout and "Sources" in result.stdout


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_fails_clearly(run: Run, data_dir: Path, question: str) -> None:
    result = run("ask", question, data_dir=data_dir)
    assert result.returncode != 0
    assert "question is empty" in result.stderr
    assert result.stdout == ""


def test_kb_stats_json(run: Run, data_dir: Path) -> None:
    result = run("kb", "stats", "--json", data_dir=data_dir)
    stats = json.loads(result.stdout)
    assert stats["cards"] >= 16 and stats["by_lang"]["fr"] == stats["by_lang"]["en"]
    assert stats["missing_translation"] == []


def test_kb_refresh_and_check_on_a_broken_knowledge_base(run: Run, tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    write_pair(knowledge, "fair-pay")
    first = run("kb", "refresh", "--json", data_dir=tmp_path / "data", knowledge=knowledge)
    assert json.loads(first.stdout)["added"] == 2, first.stderr
    write_card(knowledge, "broken", "en", title="")
    failed = run("kb", "refresh", data_dir=tmp_path / "data", knowledge=knowledge)
    assert failed.returncode == 1
    assert "broken.md" in failed.stderr and "title" in failed.stderr
    checked = run("kb", "check", data_dir=tmp_path / "data", knowledge=knowledge)
    assert checked.returncode == 1 and "broken.md" in checked.stdout
    (knowledge / "en" / "broken.md").unlink()
    again = run("kb", "refresh", "--json", data_dir=tmp_path / "data", knowledge=knowledge)
    assert json.loads(again.stdout)["unchanged"] == 2


def test_kb_add_remove_and_rollback_from_the_command_line(run: Run, tmp_path: Path) -> None:
    knowledge, data = tmp_path / "knowledge", tmp_path / "data"
    write_pair(knowledge, "fair-pay")
    card = tmp_path / "new-card.md"
    card.write_text(card_text("new-card", "fr"))
    added = run("kb", "add", str(card), data_dir=data, knowledge=knowledge)
    assert added.returncode == 0, added.stderr
    assert "fr/new-card.md: added" in added.stdout and "translation is missing" in added.stdout
    bad = tmp_path / "bad.md"
    bad.write_text(card_text("bad", "fr", sources=[]))
    refused = run("kb", "add", str(bad), data_dir=data, knowledge=knowledge)
    assert refused.returncode == 1 and "bad.md: field 'sources'" in refused.stderr
    assert not (knowledge / "fr" / "bad.md").exists()
    removed = run("kb", "remove", "fair-pay", "--yes", data_dir=data, knowledge=knowledge)
    assert removed.returncode == 0 and "removed 2" in removed.stdout and not (knowledge / "en" / "fair-pay.md").exists()
    assert "restored" not in removed.stdout
    back = run("kb", "rollback", data_dir=data, knowledge=knowledge)
    assert "added 2" in back.stdout and (knowledge / "en" / "fair-pay.md").exists()
    again = run("kb", "rollback", data_dir=data, knowledge=knowledge)
    assert "removed 1" in again.stdout and not (knowledge / "fr" / "new-card.md").exists()
    assert "nothing to roll back" in run("kb", "rollback", data_dir=data, knowledge=knowledge).stdout


def test_kb_eval_json_reports_each_split(run: Run, data_dir: Path, tmp_path: Path) -> None:
    # The shipped cards with one file of each split: the report's shape, not the figures (the quality floors test
    # measures every dev question); the whole eval set would cost minutes here.
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, knowledge)
    for path in questions_dir(knowledge).glob("*.yaml"):
        if path.name not in ("dev.yaml", "test2.yaml"):
            path.unlink()
    result = run("kb", "eval", "--json", data_dir=data_dir, knowledge=knowledge)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {"questions", "hit_at_1", "hit_at_3", "mrr", "offtopic_accuracy", "lead_at_1"} <= report.keys()
    assert report["split"] in report and report[report["split"]]["hit_at_3"] == report["hit_at_3"]
    assert 0.0 <= report["dev"]["lead_at_1"] <= 1.0 and report["dev"]["questions"] >= 150
    tests = load_split(questions_dir(knowledge), "test")
    assert report["split"] == "test" and report["test"]["questions"] == len(tests)
