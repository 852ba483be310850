"""Admins and coaches with the bot as a separate process: refusals, /reload, uploads, an invited creator."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.auxil.botapi import Sent, callback_update, document, message_update
from tests.auxil.process import BotProcess
from tests.auxil.server import BotAPIServer
from tests.cards import card_text
from tests.conftest import KNOWLEDGE

pytestmark = pytest.mark.e2e
ADMIN, STRANGER, COACH, CREATOR = 4001, 4002, 4003, 4004


@pytest.fixture(scope="module")
def admin_bot(server: BotAPIServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BotProcess, Path]]:
    root = tmp_path_factory.mktemp("admin-e2e")
    knowledge = root / "knowledge"
    shutil.copytree(KNOWLEDGE, knowledge)
    process = BotProcess(server, root / "data", knowledge, root / "bot.log", ADMIN_IDS=str(ADMIN)).start()
    yield process, knowledge
    process.stop()


def say(server: BotAPIServer, user_id: int, text: str | None, count: int = 1, **extra) -> list[Sent]:
    before = len(server.api.messages(user_id))
    server.api.push(message_update(user_id, text, **extra))
    return server.api.wait_messages(user_id, before + count)[before:]


def upload(server: BotAPIServer, user_id: int, name: str, data: bytes) -> list[Sent]:
    file_id = f"e2e{len(server.api.files)}"
    server.api.files[file_id] = data
    return say(server, user_id, None, document=document(file_id, name, len(data)))


def test_a_strangers_reload_is_refused_and_an_admins_reports(admin_bot, server: BotAPIServer) -> None:
    [refused] = say(server, STRANGER, "/reload")
    assert "admins only" in refused.text
    [report] = say(server, ADMIN, "/reload")
    assert "unchanged" in report.text and "Refreshed in" in report.text


def test_an_admin_uploads_a_valid_card_and_a_malformed_one(admin_bot, server: BotAPIServer) -> None:
    _, knowledge = admin_bot
    good = card_text("zz-e2e-upload", "fr", summary="Fiche de test sur les ornithorynques en contrat.").encode()
    [saved] = upload(server, ADMIN, "zz-e2e-upload.md", good)
    assert "fr/zz-e2e-upload.md saved and indexed" in saved.text and "1 added" in saved.text
    assert (knowledge / "fr" / "zz-e2e-upload.md").exists()
    bad = card_text("zz-e2e-bad", "en", title="").encode()
    [refused] = upload(server, ADMIN, "zz-e2e-bad.md", bad)
    assert "Refused, nothing was changed" in refused.text and "title" in refused.text
    assert not (knowledge / "en" / "zz-e2e-bad.md").exists()
    [sneaky] = upload(server, STRANGER, "zz-e2e-sneaky.md", good)
    assert "only read text" in sneaky.text
    [undone] = say(server, ADMIN, "/kb_rollback")
    assert "Rolled back" in undone.text and not (knowledge / "fr" / "zz-e2e-upload.md").exists()


def test_a_coach_invites_a_creator_and_sees_them_in_the_dashboard(admin_bot, server: BotAPIServer) -> None:
    say(server, ADMIN, f"/coach_add {COACH}")
    [link] = say(server, COACH, "/invite")
    code = link.text.rsplit("?start=", 1)[1]
    [offer] = say(server, CREATOR, f"/start {code}")
    before = len(server.api.sent)
    server.api.push(callback_update(CREATOR, f"join:{code}", offer))
    server.api.wait_for(lambda sent: any(s.method == "editMessageText" and "joined" in (s.text or "")
                                         for s in sent[before:]))  # fmt: skip
    [dashboard] = say(server, COACH, "/coach")
    assert "1 creator(s)" in dashboard.text
