"""Builders for knowledge cards in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import yaml

HEADINGS = {"en": ("Key points", "Template"), "fr": ("Points clés", "Modèle")}


def card_text(
    card_id: str,
    lang: str = "en",
    *,
    summary: str | None = None,
    points: tuple[str, ...] = ("First point.", "Second point."),
    checklist: tuple[str, ...] = ("Is it good?",),
    template: str | None = None,
    **front: object,
) -> str:
    meta: dict[str, object] = {
        "id": card_id,
        "language": lang,
        "title": f"{card_id} title {lang}",
        "topics": ["offer"],
        "jurisdiction": ["all"],
        "checklist": list(checklist),
        "questions": [f"What about {card_id}?"],
        "sources": [{"title": "A page", "publisher": "A publisher", "url": "https://example.org/a", "date": "2024"}],
    }
    meta.update(front)
    meta = {key: value for key, value in meta.items() if value is not None}
    key_heading, template_heading = HEADINGS[lang]
    body = [summary or f"Summary of {card_id} in {lang}.", "", f"## {key_heading}", *(f"- {p}" for p in points)]
    if template:
        body += ["", f"## {template_heading}", f"> {template}"]
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + "\n".join(body) + "\n"


def write_card(root: Path, card_id: str, lang: str = "en", **kwargs: object) -> Path:
    path = root / lang / f"{card_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(card_text(card_id, lang, **kwargs), encoding="utf-8")  # type: ignore[arg-type]
    return path


def write_pair(root: Path, card_id: str, **kwargs: object) -> None:
    for lang in ("en", "fr"):
        write_card(root, card_id, lang, **kwargs)
