"""Every user-facing catalogue has one shape, {key: {"en": ..., "fr": ...}}: every key exists in both
languages, and every {placeholder} one language fills, the other fills too."""

from string import Formatter

import pytest

from bot import i18n
from bot.offers import texts as offer_texts

CATALOGUES = {
    "bot.i18n.TEXTS": i18n.TEXTS,
    "bot.offers.texts.TEXTS": offer_texts.TEXTS,
    "bot.offers.texts.CATEGORY_NAMES": offer_texts.CATEGORY_NAMES,
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


def test_the_command_menus_list_the_same_commands() -> None:
    assert [name for name, _ in i18n.COMMANDS["en"]] == [name for name, _ in i18n.COMMANDS["fr"]]
