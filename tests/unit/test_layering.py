"""The domain core must serve Telegram, the terminal and tests alike: it imports neither."""

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[2] / "bot"
# "langchain" covers langchain_core, langchain_chroma and every provider package; bot.llm is where the optional
# language model lives, reached by the core only through the protocols it is handed.
FORBIDDEN = ("telegram", "chromadb", "langchain", "bot.telegram", "bot.retrieval", "bot.llm")


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", ["advice", "kb", "offers"])
def test_domain_core_stays_pure(package: str) -> None:
    files = sorted((BOT / package).rglob("*.py"))
    if package != "offers":
        assert files, f"bot/{package} has no modules"
    for path in files:
        bad = {name for name in imported_modules(path) if name.startswith(FORBIDDEN)}
        assert not bad, f"{path.relative_to(BOT)} imports {sorted(bad)}"


def test_the_check_catches_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from telegram import Update\nimport chromadb\n")
    assert {name for name in imported_modules(module) if name.startswith(FORBIDDEN)} == {"telegram", "chromadb"}
