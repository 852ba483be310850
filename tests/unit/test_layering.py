"""The domain core must serve Telegram, the terminal and tests alike: it imports neither, and its arrows run down.

Layers, top to bottom: the entry points (cli, telegram, wiring, scripts), then `eval` (measures the core), then
`advice` and `offers`, then `kb`, then `text` and the shared bottom (errors, i18n). A package may import its own
layer's neighbours named below and anything under it, never above.
"""

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[2] / "bot"
# "langchain" covers langchain_core, langchain_chroma and every provider package; bot.llm is where the optional
# language model lives, reached by the core only through the protocols it is handed.
FORBIDDEN = ("telegram", "chromadb", "langchain", "bot.telegram", "bot.retrieval", "bot.llm")
BOTTOM = {"errors", "i18n", "text"}
# The bot packages each domain package may import. advice and offers sit on one layer: an answer carries the
# offer's verdict, an offer's checklist comes from the answer composer (both imports are lazy where they cycle).
ALLOWED: dict[str, set[str]] = {
    "text": set(),
    "kb": BOTTOM,
    "advice": BOTTOM | {"kb", "offers"},
    "offers": BOTTOM | {"kb", "advice"},
    "eval": BOTTOM | {"kb", "advice", "offers"},
}


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def bot_packages(names: set[str]) -> set[str]:
    return {name.split(".")[1] for name in names if name.startswith("bot.")}


@pytest.mark.parametrize("package", ["advice", "kb", "offers", "eval", "text"])
def test_domain_core_stays_pure(package: str) -> None:
    files = sorted((BOT / package).rglob("*.py"))
    assert files, f"bot/{package} has no modules"
    for path in files:
        bad = {name for name in imported_modules(path) if name.startswith(FORBIDDEN)}
        assert not bad, f"{path.relative_to(BOT)} imports {sorted(bad)}"


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_imports_run_down_the_layers(package: str) -> None:
    for path in sorted((BOT / package).rglob("*.py")):
        upward = bot_packages(imported_modules(path)) - ALLOWED[package] - {package}
        assert not upward, f"{path.relative_to(BOT)} imports bot.{', bot.'.join(sorted(upward))}"


def test_nothing_in_the_core_imports_the_evaluation() -> None:
    """`kb eval` measures the engine; the engine never depends on how it is measured."""
    users = {
        path.relative_to(BOT).parts[0]
        for path in BOT.rglob("*.py")
        if "eval" in bot_packages(imported_modules(path)) and path.relative_to(BOT).parts[0] != "eval"
    }
    assert users <= {"cli", "telegram"}, sorted(users)


def test_the_check_catches_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from telegram import Update\nimport chromadb\nfrom bot.advice.engine import Question\n")
    names = imported_modules(module)
    assert {name for name in names if name.startswith(FORBIDDEN)} == {"telegram", "chromadb"}
    assert bot_packages(names) - ALLOWED["kb"] == {"advice"}  # what kb/evaluation.py used to do
