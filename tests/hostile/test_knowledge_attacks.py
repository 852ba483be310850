"""Hostile card uploads, forged buttons and forged ids against the running bot and the CLI (issue 11: 2, 12, 13)."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
import time
from pathlib import Path

import pytest

from bot.storage import Database
from tests.auxil.botapi import callback_update
from tests.auxil.server import BotAPIServer
from tests.cards import card_text
from tests.hostile.conftest import ADMIN, run_cli, say, upload

pytestmark = pytest.mark.e2e


async def create_database(path: Path) -> None:
    db = Database(path)
    await db.open()
    await db.close()


def alias_bomb(card_id: str, levels: int = 7) -> bytes:
    """A 600-byte card whose `sources[0].date` expands to 9**levels strings through nested aliases."""
    text = card_text(card_id, "en")
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels)]
    text = text.replace("  date: '2024'", f"  date: *a{levels - 1}").replace(
        "---\n", "---\n" + "\n".join(lines) + "\n", 1
    )
    return text.encode()


def test_an_alias_bomb_is_refused_before_it_expands(bot, server: BotAPIServer) -> None:
    _, root = bot
    data = alias_bomb("zz-bomb")
    assert len(data) < 1500
    started = time.monotonic()
    [refused] = upload(server, ADMIN, "zz-bomb.md", data)
    assert time.monotonic() - started < 5
    assert "Refused, nothing was changed" in refused.text and "aliases" in refused.text
    assert not (root / "knowledge" / "en" / "zz-bomb.md").exists()


def test_a_260_character_card_id_gets_the_reason(bot, server: BotAPIServer) -> None:
    long_id = "-".join(["abcdefghij"] * 24)[:260]
    [refused] = upload(server, ADMIN, "long.md", card_text(long_id, "en").encode())
    assert "Refused, nothing was changed" in refused.text and "at most 48 characters" in refused.text


def test_an_upload_kb_check_would_reject_is_refused(bot, server: BotAPIServer) -> None:
    _, root = bot
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    [refused] = upload(server, ADMIN, "zz-future.md", card_text("zz-future", "en", reviewed=future).encode())
    assert "Refused, nothing was changed" in refused.text and "in the future" in refused.text
    assert not (root / "knowledge" / "en" / "zz-future.md").exists()


def test_a_forged_remove_button_cannot_reach_outside_the_knowledge_base(bot, server: BotAPIServer) -> None:
    _, root = bot
    outside = root / "outside.md"  # knowledge/en/../../outside.md
    outside.write_text("precious")
    before = len(server.api.sent)
    server.api.push(callback_update(ADMIN, "kbrm:../../outside"))
    [edit] = server.api.wait_for(lambda sent: any(s.method == "editMessageText" for s in sent[before:]), timeout=20)[
        before:
    ][-1:]
    assert "not a card id" in edit.text
    assert outside.read_text() == "precious"
    [answer] = say(server, 7002, "how much should I charge for a reel?")  # still serving
    assert "Checklist" in answer.text


def test_kb_remove_refuses_a_path(workspace: tuple[Path, Path]) -> None:
    knowledge, data = workspace
    precious = knowledge.parent / "precious.md"
    precious.write_text("precious")
    result = run_cli(["kb", "remove", "../../precious", "--yes"], knowledge, data)
    assert result.returncode == 1 and "not a card id" in result.stderr
    assert precious.read_text() == "precious"


def test_kb_rollback_refuses_a_forged_change_log_row(workspace: tuple[Path, Path]) -> None:
    knowledge, data = workspace
    precious = knowledge.parent / "precious.md"
    precious.write_text("precious")
    asyncio.run(create_database(data / "coach.sqlite3"))
    with sqlite3.connect(data / "coach.sqlite3") as db:  # an "upload" of a file that did not exist: undo = delete
        db.execute(
            "INSERT INTO kb_changes (admin_id, action, path, previous, batch, created_at) VALUES (0, 'upload', ?, NULL,"
            " 1, '2026-01-01')",
            (str(knowledge / "en" / ".." / ".." / "precious.md"),),
        )
    result = run_cli(["kb", "rollback"], knowledge, data)
    assert result.returncode == 1 and "not a card file" in result.stderr
    assert precious.read_text() == "precious"


def test_front_matter_over_the_node_budget_is_refused_unbuilt(tmp_path: Path) -> None:
    from bot.errors import CardError
    from bot.kb.cards import parse_card

    path = tmp_path / "en" / "zz-wide.md"
    path.parent.mkdir()
    path.write_text(card_text("zz-wide", "en", phrases=[str(n) for n in range(1200)]))
    with pytest.raises(CardError, match="over 1000 YAML values"):
        parse_card(path)
