import datetime as dt
from pathlib import Path

import pytest

from bot.errors import CardError
from bot.kb import check_knowledge, load_knowledge, parse_card
from tests.cards import card_text, write_card, write_pair
from tests.conftest import KNOWLEDGE


def test_parses_front_matter_summary_points_and_template(tmp_path: Path) -> None:
    path = write_card(tmp_path, "exclusivity", "fr", points=("Un.", "Deux."), template="Bonjour,\nmerci.")
    card = parse_card(path)
    assert (card.id, card.language, card.title) == ("exclusivity", "fr", "exclusivity title fr")
    assert card.summary == "Summary of exclusivity in fr."
    assert card.key_points == ("Un.", "Deux.")
    assert card.template == "Bonjour,\nmerci."
    assert card.sources[0].url == "https://example.org/a"


def test_jurisdiction_new_topics_and_optional_reviewed(tmp_path: Path) -> None:
    card = parse_card(write_card(tmp_path, "swiss", topics=["law-ch", "tax"], jurisdiction=["ch", "eu"]))
    assert card.jurisdiction == ("ch", "eu")
    assert card.topics == ("law-ch", "tax")
    assert card.reviewed is None and card.as_of is None
    dated = parse_card(write_card(tmp_path, "dated", reviewed="2026-12-03", as_of="2026-08-02"))
    assert (str(dated.reviewed), str(dated.as_of)) == ("2026-12-03", "2026-08-02")


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
        ({"as_of": "November 2026"}, "field 'as_of'"),
        ({"jurisdiction": None}, "required field 'jurisdiction' is missing"),
        ({"jurisdiction": ["fr", "france"]}, "field 'jurisdiction': Value error, unknown jurisdiction(s) france"),
        ({"jurisdiction": "fr"}, "field 'jurisdiction'"),
        ({"jurisdiction": []}, "field 'jurisdiction'"),
        ({"jurisdiction": ["fr", "fr"]}, "lists a jurisdiction twice"),
        ({"topics": ["law-de"]}, "unknown topic(s) law-de"),
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


@pytest.mark.parametrize(
    ("front", "points", "reason"),
    [
        ({"topics": ["law-fr"]}, ("Plain advice.", "More advice."), "a law (topic law-fr)"),
        ({}, ("Under article L.441-10 you may charge interest.", "Ask."), "'L.441-10'"),
        ({}, ("The AI Act (art. 50) asks for a label.", "Ask."), "'art. 50'"),
        ({}, ("The penalty can reach €300,000.", "Ask."), "'€300,000'"),
        ({}, ("38 % of them used their own wording.", "Ask."), "'38 %'"),
        ({}, ("Une amende de 15 000 euros.", "Ask."), "'15 000 euros'"),
        ({}, ("Civil penalties reach $53,088 per violation.", "Ask."), "'$53,088'"),
    ],
)
def test_check_warns_when_a_law_or_figure_has_no_as_of(
    tmp_path: Path, front: dict, points: tuple[str, ...], reason: str
) -> None:
    write_pair(tmp_path, "undated", points=points, **front)
    write_pair(tmp_path, "dated", points=points, as_of="2026-08-02", **front)
    write_pair(tmp_path, "advice", points=("Post when your audience is online.", "Keep 3 ideas ready."))
    report = check_knowledge(tmp_path, today=dt.date(2026, 12, 3))
    assert report.ok
    assert len(report.warnings) == 2  # the undated pair only: a dated card and plain advice stay quiet
    assert all("undated.md: states" in w and reason in w and "no as_of" in w for w in report.warnings)


def test_check_warns_when_one_url_carries_two_titles(tmp_path: Path) -> None:
    page = {"title": "As published", "publisher": "P", "url": "https://example.org/p", "date": "2024"}
    write_pair(tmp_path, "first", sources=[page])
    write_pair(tmp_path, "second", sources=[{**page, "title": "Rebuilt from the slug"}])
    report = check_knowledge(tmp_path, today=dt.date(2026, 12, 3))
    assert report.ok
    assert len(report.warnings) == 2
    assert all("https://example.org/p is titled 'Rebuilt from the slug'" in w for w in report.warnings)


def test_check_refuses_dates_in_the_future(tmp_path: Path) -> None:
    write_pair(tmp_path, "ahead", reviewed="2027-01-01", as_of="2027-02-01")
    report = check_knowledge(tmp_path, today=dt.date(2026, 12, 3))
    problems = sorted(str(error) for error in report.errors)
    assert len(problems) == 4
    assert any("reviewed date 2027-01-01 is in the future" in p for p in problems)
    assert any("as_of date 2027-02-01 is in the future" in p for p in problems)


def test_repository_cards_declare_their_jurisdiction() -> None:
    knowledge = load_knowledge(KNOWLEDGE)
    by_id = {card.id: card.jurisdiction for card in knowledge}
    assert by_id["france-influencer-law"] == ("fr",) and by_id["us-ftc-rules"] == ("us",)
    assert by_id["uk-asa-cma-rules"] == ("uk",) and by_id["eu-rules"] == ("eu",)
    assert by_id["counter-offer"] == ("all",)
    for card in knowledge:  # both translations of a card answer for the same places
        other = knowledge.cards[(card.id, "fr" if card.language == "en" else "en")]
        assert other.jurisdiction == card.jurisdiction, card.id


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
