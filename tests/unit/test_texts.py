"""Every user-facing catalogue has one shape, {key: {"en": ..., "fr": ...}}: every key exists in both
languages, every {placeholder} one language fills, the other fills too, and every key a module asks for exists.

Domain words live with the domain (bot/advice/texts.py, bot/offers/texts.py); Telegram's and the terminal's own
words with them (bot/telegram/texts.py, bot/cli/texts.py), whose lookups add the domain's words."""

import ast
from pathlib import Path
from string import Formatter

import pytest

from bot.advice import texts as advice_texts
from bot.cli import texts as cli_texts
from bot.i18n import Texts, source_date
from bot.offers import texts as offer_texts
from bot.telegram import texts as telegram_texts

BOT = Path(__file__).resolve().parents[2] / "bot"
CATALOGUES = {
    "bot.advice.texts.TEXTS": advice_texts.TEXTS,
    "bot.offers.texts.TEXTS": offer_texts.TEXTS,
    "bot.offers.texts.CATEGORY_NAMES": offer_texts.CATEGORY_NAMES,
    "bot.telegram.texts.TEXTS": telegram_texts.TEXTS,
    "bot.cli.texts.TEXTS": cli_texts.TEXTS,
}
# The lookup each module reaches through a name it imports: (module it comes from, name) -> the keys it knows.
LOOKUPS: dict[tuple[str, str], set[str]] = {
    ("bot.advice.texts", "say"): set(advice_texts.TEXTS),
    ("bot.offers.texts", "say"): set(offer_texts.TEXTS),
    ("bot.telegram.texts", "t"): set(telegram_texts.t.entries),
    ("bot.cli.texts", "t"): set(cli_texts.t.entries),
}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("name", CATALOGUES)
def test_every_key_in_french_and_english_with_the_same_placeholders(name: str) -> None:
    problems = []
    for key, versions in CATALOGUES[name].items():
        if set(versions) != {"en", "fr"} or not all(isinstance(v, str) and v.strip() for v in versions.values()):
            problems.append(f"{key}: languages {sorted(versions)}")
        elif placeholders(versions["en"]) != placeholders(versions["fr"]):
            problems.append(f"{key}: en {placeholders(versions['en'])} vs fr {placeholders(versions['fr'])}")
    assert not problems, f"{name}: " + "; ".join(problems)


def test_the_check_catches_a_missing_language_and_a_mismatched_placeholder() -> None:
    assert placeholders("Hi {name}, {count} cards") == {"name", "count"}
    assert placeholders("Bonjour {nom}") != placeholders("Hi {name}")


def asked_keys(path: Path) -> list[tuple[str, str, bool]]:
    """(lookup module, key or f-string prefix, is_prefix) for every call of a catalogue lookup in `path`."""
    tree = ast.parse(path.read_text())
    if path.name == "texts.py":  # a catalogue module calls its own lookup
        module = ".".join(path.relative_to(BOT.parent).with_suffix("").parts)
        local = {name: (module, name) for _, name in LOOKUPS if (module, name) in LOOKUPS}
    else:
        local = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                if (node.module, alias.name) in LOOKUPS:
                    local[alias.asname or alias.name] = (node.module, alias.name)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in local and node.args:
            module = local[node.func.id][0]
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append((module, arg.value, False))
            elif isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
                found.append((module, arg.values[0].value, True))
            elif isinstance(arg, ast.IfExp):
                found += [(module, branch.value, False) for branch in (arg.body, arg.orelse)
                          if isinstance(branch, ast.Constant)]  # fmt: skip
    return found


def missing_keys(path: Path) -> list[str]:
    problems = []
    for module, key, prefix in asked_keys(path):
        known = next(keys for (name, _), keys in LOOKUPS.items() if name == module)
        if not (any(k.startswith(key) for k in known) if prefix else key in known):
            problems.append(f"{path.name}: {module} has no {'key starting with ' if prefix else ''}{key!r}")
    return problems


def test_every_key_a_module_asks_for_exists() -> None:
    paths = sorted(BOT.rglob("*.py"))
    assert sum(len(asked_keys(path)) for path in paths) > 100  # the walk does see the calls
    problems = [problem for path in paths for problem in missing_keys(path)]
    assert not problems, problems


def test_the_key_check_catches_a_missing_key(tmp_path: Path) -> None:
    fake = tmp_path / "m.py"
    fake.write_text(
        'from bot.telegram.texts import t\nt("welcome", "en")\nt("no_such_key", "fr")\nt(f"verdict_{v}", "en")\n'
    )
    assert [(key, prefix) for _, key, prefix in asked_keys(fake)] == [
        ("welcome", False), ("no_such_key", False), ("verdict_", True)
    ]  # fmt: skip
    assert missing_keys(fake) == ["m.py: bot.telegram.texts has no 'no_such_key'"]


def test_a_key_defined_twice_for_one_lookup_is_refused() -> None:
    with pytest.raises(ValueError, match="defined twice"):
        Texts({"hello": {"en": "Hi", "fr": "Salut"}}, {"hello": {"en": "Hello", "fr": "Bonjour"}})


def test_the_command_menus_list_the_same_commands() -> None:
    menus = telegram_texts.COMMANDS
    assert [name for name, _ in menus["en"]] == [name for name, _ in menus["fr"]]


@pytest.mark.parametrize(
    ("date", "fr", "en"),
    [
        ("consulted 2026", "consulté en 2026", "consulted 2026"),
        ("c. 2024", "v. 2024", "c. 2024"),
        ("undated", "non daté", "undated"),
        ("2023-11-13", "2023-11-13", "2023-11-13"),
    ],
)
def test_a_sources_date_reads_in_the_answers_language(date: str, fr: str, en: str) -> None:
    assert source_date(date, "fr") == fr and source_date(date, "en") == en
