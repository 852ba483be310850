"""Handler modules stay independent: each feature registers its own commands and buttons, roles are filters."""

import ast
from pathlib import Path

HANDLERS = Path(__file__).resolve().parents[3] / "bot" / "telegram" / "handlers"
SHARED = {"bot.telegram.handlers.common"}


def imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_handler_module_imports_another() -> None:
    modules = sorted(p for p in HANDLERS.glob("*.py") if p.name != "__init__.py")
    assert len(modules) >= 6
    for path in modules:
        others = {f"bot.telegram.handlers.{p.stem}" for p in modules if p != path} - SHARED
        assert not imports(path) & others, f"{path.name} imports {sorted(imports(path) & others)}"


def test_no_handler_checks_a_role_by_hand() -> None:
    for path in HANDLERS.glob("*.py"):
        text = path.read_text()
        assert "admin_ids" not in text and "is_coach(" not in text, path.name
