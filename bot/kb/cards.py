"""One knowledge card: Markdown with YAML front matter, parsed and validated strictly."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from bot.errors import CardError
from bot.i18n import Lang

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LANGS: tuple[Lang, ...] = ("fr", "en")
TOPICS = frozenset(
    "micro-influence editorial-line authenticity offer pay contract negotiation disclosure law-fr "
    "law-eu law-us law-uk law-be law-ch law-ca platforms scams brands audience tax ".split()
)
# Where a card's advice holds: `all` (general advice) or a country/area code (ca = Canada/Québec).
JURISDICTIONS: tuple[str, ...] = ("all", "fr", "eu", "uk", "us", "be", "ch", "ca")
KEY_POINTS_HEADING = {"en": "key points", "fr": "points clés"}
TEMPLATE_HEADING = {"en": "template", "fr": "modèle"}
MAX_CARD_BYTES = 20_000
MAX_SUMMARY = 400
MAX_POINT = 300
CARD_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_CARD_ID = 48  # it travels in 64-byte callback data
# A card's front matter is a few dozen values (the largest shipped card has about 150): far more is an attack.
MAX_YAML_NODES = 1_000
SOURCE_DATE = re.compile(r"^((c\. |consulted )?\d{4}(-\d{2}){0,2}|undated)$")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Text
    publisher: Text
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
    date: str

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: object) -> str:
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        if not SOURCE_DATE.match(text):
            raise ValueError('expected YYYY, YYYY-MM, YYYY-MM-DD, "c. YYYY", "consulted YYYY" or "undated"')
        return text


class FrontMatter(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, StringConstraints(pattern=CARD_ID, max_length=MAX_CARD_ID)]
    language: Lang
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=80)]
    topics: Annotated[list[str], Field(min_length=1, max_length=4)]
    checklist: Annotated[list[Annotated[Text, StringConstraints(max_length=140)]], Field(min_length=1, max_length=4)]
    questions: Annotated[list[Annotated[Text, StringConstraints(max_length=70)]], Field(min_length=1, max_length=3)]
    # How creators actually word this topic (slang, typos): matched by search, never shown.
    phrases: Annotated[
        list[Annotated[Text, StringConstraints(max_length=120)]], Field(min_length=3, max_length=15)
    ] = []
    jurisdiction: Annotated[list[str], Field(min_length=1)]
    sources: Annotated[list[Source], Field(min_length=1)]
    # Only when a person checked the card against its sources; absent otherwise.
    reviewed: dt.date | None = None
    # The date of the facts (laws, platform rules, figures), not of an edit.
    as_of: dt.date | None = None

    @field_validator("topics")
    @classmethod
    def _known_topics(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - TOPICS)
        if unknown:
            raise ValueError(f"unknown topic(s) {', '.join(unknown)}; allowed: {', '.join(sorted(TOPICS))}")
        return value

    @field_validator("jurisdiction")
    @classmethod
    def _known_jurisdictions(cls, value: list[str]) -> list[str]:
        unknown = sorted({str(code) for code in value} - set(JURISDICTIONS))
        if unknown:
            raise ValueError(f"unknown jurisdiction(s) {', '.join(unknown)}; allowed: {', '.join(JURISDICTIONS)}")
        if len(set(value)) != len(value):
            raise ValueError("lists a jurisdiction twice")
        return value


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    language: Lang
    title: str
    topics: tuple[str, ...]
    checklist: tuple[str, ...]
    questions: tuple[str, ...]
    phrases: tuple[str, ...]
    jurisdiction: tuple[str, ...]
    sources: tuple[Source, ...]
    reviewed: dt.date | None
    as_of: dt.date | None
    summary: str
    key_points: tuple[str, ...]
    template: str | None
    path: Path
    file_hash: str  # of the whole file: any edit, even to a source, counts as a change

    @property
    def key(self) -> tuple[str, Lang]:
        return (self.id, self.language)


def parse_card(path: Path) -> Card:
    """Read and validate one card; any problem raises CardError naming the file."""
    raw = _read(path)
    head, body = _split_front_matter(path, raw)
    meta = load_front_matter(path, head)
    if not isinstance(meta, dict):
        raise CardError(path, "front matter must be a mapping of fields")
    try:
        fm = FrontMatter.model_validate(meta)
    except ValidationError as exc:
        raise CardError(path, _first_problem(exc)) from None
    if fm.id != path.stem:
        raise CardError(path, f"id '{fm.id}' must equal the file name '{path.stem}'")
    if fm.language != path.parent.name:
        raise CardError(path, f"language '{fm.language}' must equal the folder '{path.parent.name}'")
    summary, sections = _split_body(body)
    if not summary:
        raise CardError(path, "the summary paragraph after the front matter is missing")
    if len(summary) > MAX_SUMMARY:
        raise CardError(path, f"the summary is {len(summary)} characters; keep it to {MAX_SUMMARY}")
    key_points = _bullets(sections.get(KEY_POINTS_HEADING[fm.language], ""))
    heading = KEY_POINTS_HEADING[fm.language].capitalize()
    if not 2 <= len(key_points) <= 8:
        raise CardError(path, f"'## {heading}' needs 2 to 8 bullet points, found {len(key_points)}")
    for n, point in enumerate(key_points, 1):
        if len(point) > MAX_POINT:
            raise CardError(path, f"'## {heading}' bullet {n} is {len(point)} characters; keep it to {MAX_POINT}")
    template = sections.get(TEMPLATE_HEADING[fm.language])
    return Card(
        id=fm.id,
        language=fm.language,
        title=fm.title,
        topics=tuple(fm.topics),
        checklist=tuple(fm.checklist),
        questions=tuple(fm.questions),
        phrases=tuple(fm.phrases),
        jurisdiction=tuple(fm.jurisdiction),
        sources=tuple(fm.sources),
        reviewed=fm.reviewed,
        as_of=fm.as_of,
        summary=summary,
        key_points=tuple(key_points),
        template=_unquote(template) if template else None,
        path=path,
        file_hash=hashlib.sha256(raw.encode()).hexdigest()[:16],
    )


def load_front_matter(path: Path | str, head: str) -> object:
    """The YAML front matter as Python objects, checked on the event stream before any object is built.

    Aliases are refused outright: a few hundred bytes of nested aliases expand to billions of values once
    validated or printed (the "billion laughs"). Anchors go with them (they only exist to be aliased), and
    so does anything over a node budget no real card comes near.
    """
    nodes = 0
    try:
        for event in yaml.parse(head, Loader=SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise CardError(path, "front matter uses YAML anchors or aliases (& or *): write each value out")
            if isinstance(event, yaml.NodeEvent):
                nodes += 1
                if nodes > MAX_YAML_NODES:
                    raise CardError(path, f"front matter has over {MAX_YAML_NODES} YAML values; a card needs far fewer")
        return yaml.load(head, Loader=SafeLoader)  # a safe loader, in C when available
    except yaml.YAMLError as exc:
        raise CardError(path, f"front matter is not valid YAML ({_yaml_where(exc)})") from None


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CardError(path, f"cannot be read ({exc.strerror})") from None
    if len(data) > MAX_CARD_BYTES:
        raise CardError(path, f"is {len(data)} bytes; a card must stay under {MAX_CARD_BYTES}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CardError(path, f"is not UTF-8 text (byte {exc.start})") from None


def _split_front_matter(path: Path, raw: str) -> tuple[str, str]:
    match = re.match(r"^---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n?(.*)$", raw, re.S)
    if not match:
        raise CardError(path, "must start with YAML front matter between two '---' lines")
    return match.group(1), match.group(2)


def _split_body(body: str) -> tuple[str, dict[str, str]]:
    """The summary (text before the first '## ' heading) and each section by lower-cased heading."""
    parts = re.split(r"^##[ \t]+(.+?)[ \t]*$", body.strip(), flags=re.M)
    summary = " ".join(parts[0].split())
    sections = {parts[i].strip().lower(): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}
    return summary, sections


def _bullets(section: str) -> list[str]:
    items: list[str] = []
    for line in section.splitlines():
        if re.match(r"^\s*[-*]\s+", line):
            items.append(re.sub(r"^\s*[-*]\s+", "", line).strip())
        elif line.strip() and items:  # a wrapped bullet continues on the next line
            items[-1] += " " + line.strip()
    return items


def _unquote(section: str) -> str:
    return "\n".join(re.sub(r"^>\s?", "", line) for line in section.strip().splitlines()).strip()


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "front matter"
    if error["type"] == "missing":
        return f"required field '{where}' is missing"
    if error["type"] == "extra_forbidden":
        return f"unknown field '{where}'"
    return f"field '{where}': {error['msg']}"


def _yaml_where(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or "syntax error"
    return f"{problem} at front-matter line {mark.line + 1}" if mark else problem
