from pathlib import Path

import pytest

from bot.errors import CardError
from bot.kb import check_knowledge, load_knowledge, parse_card
from tests.cards import card_text, write_card, write_pair


def test_parses_front_matter_summary_points_and_template(tmp_path: Path) -> None:
    path = write_card(tmp_path, "exclusivity", "fr", points=("Un.", "Deux."), template="Bonjour,\nmerci.")
    card = parse_card(path)
    assert (card.id, card.language, card.title) == ("exclusivity", "fr", "exclusivity title fr")
    assert card.summary == "Summary of exclusivity in fr."
    assert card.key_points == ("Un.", "Deux.")
    assert card.template == "Bonjour,\nmerci."
    assert card.sources[0].url == "https://example.org/a"


def test_wrapped_bullet_lines_join(tmp_path: Path) -> None:
    path = tmp_path / "en" / "wrap.md"
    path.parent.mkdir()
    path.write_text(card_text("wrap").replace("- First point.", "- First\n  point."))
    assert parse_card(path).key_points[0] == "First point."


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"language": "de"}, "field 'language'"),
        ({"sources": []}, "field 'sources'"),
        ({"sources": None}, "required field 'sources' is missing"),
        ({"topics": ["cooking"]}, "unknown topic(s) cooking"),
        ({"reviewed": "last week"}, "field 'reviewed'"),
        ({"colour": "red"}, "unknown field 'colour'"),
        ({"id": "other"}, "must equal the file name"),
        ({"checklist": ["x" * 200]}, "field 'checklist.0'"),
        ({"sources": [{"title": "t", "publisher": "p", "url": "not a url", "date": "2024"}]}, "sources.0.url"),
        ({"sources": [{"title": "t", "publisher": "p", "url": "https://x.org", "date": "soon"}]}, "sources.0.date"),
    ],
)
def test_invalid_front_matter_names_file_and_field(tmp_path: Path, change: dict, problem: str) -> None:
    path = write_card(tmp_path, "bad", **change)
    with pytest.raises(CardError) as caught:
        parse_card(path)
    assert problem in str(caught.value)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("no front matter at all", "must start with YAML front matter"),
        ("---\nid: [unclosed\n---\nbody", "not valid YAML"),
        ("---\n- a list\n---\nbody", "must be a mapping"),
    ],
)
def test_broken_files_are_refused(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "en" / "bad.md"
    path.parent.mkdir()
    path.write_text(text)
    with pytest.raises(CardError, match=problem):
        parse_card(path)


def test_body_rules(tmp_path: Path) -> None:
    with pytest.raises(CardError, match="needs 2 to 8 bullet points, found 1"):
        parse_card(write_card(tmp_path, "one-point", points=("Only one.",)))
    with pytest.raises(CardError, match="summary is 401 characters"):
        parse_card(write_card(tmp_path, "long-summary", summary="x" * 401))
    with pytest.raises(CardError, match="bullet 2 is 301 characters"):
        parse_card(write_card(tmp_path, "long-point", points=("ok", "y" * 301)))


def test_non_utf8_and_oversized_files_are_refused(tmp_path: Path) -> None:
    latin = tmp_path / "en" / "latin.md"
    latin.parent.mkdir()
    latin.write_bytes(card_text("latin").replace("Summary", "Résumé").encode("latin-1"))
    with pytest.raises(CardError, match="not UTF-8"):
        parse_card(latin)
    huge = write_card(tmp_path, "huge", summary="z" * 30_000)
    with pytest.raises(CardError, match="bytes; a card must stay under"):
        parse_card(huge)


def test_language_must_match_folder(tmp_path: Path) -> None:
    path = tmp_path / "fr" / "mixed.md"
    path.parent.mkdir()
    path.write_text(card_text("mixed", "en"))
    with pytest.raises(CardError, match="must equal the folder 'fr'"):
        parse_card(path)


def test_check_reports_missing_translation_stale_cards_and_every_error(tmp_path: Path) -> None:
    write_pair(tmp_path, "complete")
    write_card(tmp_path, "lonely", "fr")
    write_pair(tmp_path, "old", reviewed="2024-01-01")
    write_card(tmp_path, "broken", "en", language="de")
    report = check_knowledge(tmp_path)
    problems = [str(error) for error in report.errors]
    assert any("lonely.md: has no 'en' translation" in p for p in problems)
    assert any("broken.md" in p for p in problems)
    assert len(report.errors) == 2
    assert len(report.warnings) == 2 and all("over 12 months ago" in w for w in report.warnings)
    assert report.knowledge.missing_translation() == ["lonely"]
    assert report.knowledge.stats()["by_lang"] == {"fr": 3, "en": 2}


def test_load_refuses_a_set_with_one_bad_card(tmp_path: Path) -> None:
    write_pair(tmp_path, "fine")
    write_card(tmp_path, "bad", "fr", topics=[])
    with pytest.raises(CardError, match=r"bad\.md"):
        load_knowledge(tmp_path)


def test_version_changes_with_any_edit(tmp_path: Path) -> None:
    write_pair(tmp_path, "a")
    before = load_knowledge(tmp_path).version
    write_card(tmp_path, "a", "fr", sources=[{"title": "B", "publisher": "P", "url": "https://b.org", "date": "2025"}])
    assert load_knowledge(tmp_path).version != before
