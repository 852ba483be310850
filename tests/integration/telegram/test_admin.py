"""Admins keep the knowledge base current from Telegram; nobody else can, and every change can be undone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import Settings
from bot.eval.questions import load_split, questions_dir
from bot.wiring import Services, build_services
from tests.auxil.botapi import TOKEN, callback_update
from tests.auxil.harness import Harness, texts
from tests.cards import card_text
from tests.conftest import KNOWLEDGE

ADMIN, STRANGER = 900, 901


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("admin") / "knowledge"
    shutil.copytree(KNOWLEDGE, root)
    for path in questions_dir(root).glob("*.yaml"):  # /kb measures its test split: one file is enough here
        if path.name not in ("dev.yaml", "test2.yaml"):
            path.unlink()
    return root


@pytest.fixture(scope="module")
def services(knowledge: Path, tmp_path_factory: pytest.TempPathFactory) -> Services:
    settings = Settings(
        _env_file=None, data_dir=tmp_path_factory.mktemp("admin-data"), knowledge_dir=knowledge,
        telegram_bot_token=TOKEN, admin_ids=frozenset({ADMIN}),
    )  # fmt: skip
    return build_services(settings)


@pytest.mark.parametrize("command", ["/reload", "/kb", "/kb_remove fair-pay", "/kb_rollback", "/feedback",
                                     "/coach_add 5", "/coach_remove 5"])  # fmt: skip
async def test_every_admin_command_refuses_strangers(bot: Harness, command: str) -> None:
    version = bot.app.bot_data.services.kb.version
    [refusal] = texts(await bot.say(STRANGER, command))
    assert "admins only" in refusal
    assert bot.app.bot_data.services.kb.version == version and not await bot.db.is_coach(5)


async def test_reload_and_status_for_an_admin(bot: Harness) -> None:
    [report] = texts(await bot.say(ADMIN, "/reload"))
    assert "unchanged" in report and "added" in report
    [status] = texts(await bot.say(ADMIN, "/kb"))
    # Counted, not a constant: cards get added.
    cards = len({path.stem for lang in ("fr", "en") for path in (bot.knowledge / lang).glob("*.md")})
    assert f"Cards: {cards} ids" in status and "hit@3" in status and "chunks" in status
    assert f"on {len(load_split(questions_dir(bot.knowledge), 'test'))} questions" in status  # the test split's


async def test_upload_valid_then_malformed_then_rollback(bot: Harness) -> None:
    coach = bot.app.bot_data.services
    new = card_text("zz-admin-test", "en", summary="Zebra admin test card about quokka contracts.").encode()
    sent = texts(await bot.upload(ADMIN, "zz-admin-test.md", new))
    assert "en/zz-admin-test.md saved and indexed" in sent[0] and "1 added" in sent[0]
    assert "fr translation is missing" in sent[0] and "+id: zz-admin-test" in sent[0]
    assert (bot.knowledge / "en" / "zz-admin-test.md").exists()
    assert coach.index.search("quokka contracts zebra", 1)[0].card_id == "zz-admin-test"
    version = coach.kb.version
    broken = card_text("zz-broken", "fr", sources=[]).encode()
    [refused] = texts(await bot.upload(ADMIN, "zz-broken.md", broken))
    assert "Refused, nothing was changed: zz-broken.md: field 'sources'" in refused
    assert not (bot.knowledge / "fr" / "zz-broken.md").exists() and coach.kb.version == version
    [latin] = texts(await bot.upload(ADMIN, "x.md", "é".encode("latin-1")))
    assert "not UTF-8" in latin
    [not_md] = texts(await bot.upload(ADMIN, "x.pdf", b"%PDF"))
    assert "not a Markdown card" in not_md
    [undone] = texts(await bot.say(ADMIN, "/kb_rollback"))
    assert "Rolled back: en/zz-admin-test.md" in undone and "1 removed" in undone
    assert not (bot.knowledge / "en" / "zz-admin-test.md").exists()
    [nothing] = texts(await bot.say(ADMIN, "/kb_rollback"))
    assert "Nothing to roll back" in nothing


async def test_uploads_from_non_admins_are_not_stored(bot: Harness) -> None:
    data = card_text("zz-sneaky", "en").encode()
    [reply] = texts(await bot.upload(STRANGER, "zz-sneaky.md", data))
    assert "only read text" in reply
    assert not (bot.knowledge / "en" / "zz-sneaky.md").exists()
    assert not any(s.method == "getFile" for s in bot.api.sent) and ("getFile", {}) not in bot.api.calls


async def test_remove_needs_confirmation_by_an_admin_and_can_be_rolled_back(bot: Harness) -> None:
    path = bot.knowledge / "fr" / "exclusivity.md"
    [confirm] = [s for s in await bot.say(ADMIN, "/kb_remove exclusivity") if s.method == "sendMessage"]
    assert "Remove the card exclusivity" in confirm.text and path.exists()
    [alert] = await bot.send(callback_update(STRANGER, "kbrm:exclusivity", confirm))
    assert "admins only" in alert.params["text"] and path.exists()
    sent = await bot.send(callback_update(ADMIN, "kbrm:exclusivity", confirm))
    assert "Card exclusivity removed" in sent[-1].text and "2 removed" in sent[-1].text and not path.exists()
    assert "exclusivity" not in bot.app.bot_data.services.kb.ids
    [back] = texts(await bot.say(ADMIN, "/kb_rollback"))
    assert "2 added" in back and path.exists()
    [unknown] = texts(await bot.say(ADMIN, "/kb_remove no-such-card"))
    assert "No card with the id no-such-card" in unknown


async def test_feedback_report_and_coach_roles(bot: Harness) -> None:
    from bot.storage.database import Feedback

    for n, lang in enumerate(["en", "en", "fr"]):
        await bot.db.add_feedback(Feedback(STRANGER, -1, "exclusivity", lang, "v", answer=f"{STRANGER}:{n}"))
    [report] = texts(await bot.say(ADMIN, "/feedback"))
    assert "exclusivity (3: en 2, fr 1)" in report
    [added] = texts(await bot.say(ADMIN, "/coach_add 777"))
    assert "777 is now a coach" in added and await bot.db.is_coach(777)
    [removed] = texts(await bot.say(ADMIN, "/coach_remove 777"))
    assert "no longer a coach" in removed and not await bot.db.is_coach(777)
    [usage] = texts(await bot.say(ADMIN, "/coach_add someone"))
    assert "Usage" in usage


COACH, CREATOR = 902, 903


async def test_coach_invites_a_creator_who_joins_by_consent_and_shows_in_the_dashboard(bot: Harness) -> None:
    [refused] = texts(await bot.say(COACH, "/invite"))
    assert "for coaches" in refused
    await bot.say(ADMIN, f"/coach_add {COACH}")
    [link] = texts(await bot.say(COACH, "/invite"))
    code = link.rsplit("?start=", 1)[1]
    assert "t.me/collab_coach_test_bot?start=" in link and len(code) >= 12
    [offer] = [s for s in await bot.say(CREATOR, f"/start {code}") if s.method == "sendMessage"]
    assert "Alex invites you" in offer.text and "never your messages" in offer.text
    assert await bot.db.coach_of(CREATOR) is None  # nothing before consent
    await bot.send(callback_update(CREATOR, f"join:{code}", offer))
    assert await bot.db.coach_of(CREATOR) == COACH
    await bot.say(CREATOR, "how much should I charge for a reel?")
    paste = (
        "Hi! We're Brightbite, a snack brand. We'd love 1 TikTok + 2 Instagram stories, fee €500, payment net 90. "
        "Please use #ad. No exclusivity."
    )
    card = next(s for s in await bot.say(CREATOR, paste) if s.method == "sendMessage")
    assert any(b.get("callback_data") == "tocoach" for b in card.buttons)
    sent = await bot.send(callback_update(CREATOR, "tocoach", card))
    to_coach = [s for s in sent if s.method == "sendMessage" and s.chat_id == COACH]
    assert to_coach and "shares an offer evaluation" in to_coach[0].text and "Verdict" in to_coach[0].text
    [dashboard] = texts(await bot.say(COACH, "/coach"))
    assert "1 creator(s)" in dashboard and "1 question(s), 1 offer(s)" in dashboard
    assert "late_payment_terms (1)" in dashboard and "how much" not in dashboard  # aggregates, never contents
    [stranger] = texts(await bot.say(STRANGER, "/coach"))
    assert "for coaches" in stranger
    [left] = texts(await bot.say(CREATOR, "/leave"))
    assert "You left" in left and await bot.db.coach_of(CREATOR) is None
    [alert] = await bot.send(callback_update(CREATOR, "tocoach", card))
    assert alert.params.get("show_alert") and "not in a coach" in alert.params["text"]


async def test_bad_invites_and_forged_join_buttons(bot: Harness) -> None:
    invalid, welcome = texts(await bot.say(CREATOR, "/start not-a-code"))
    assert "no longer valid" in invalid and welcome.startswith("Hi")
    sent = await bot.send(callback_update(CREATOR, "join:not-a-code"))
    assert any(s.method == "editMessageText" and "no longer valid" in (s.text or "") for s in sent)
    assert await bot.db.coach_of(CREATOR) is None


async def test_inline_mode_returns_answer_checklist_and_template(bot: Harness) -> None:
    update = {"inline_query": {"id": "iq1", "from": {"id": CREATOR, "is_bot": False, "first_name": "Sam",
                                                     "language_code": "en"}, "query": "how do I say no politely?",
                               "offset": ""}}  # fmt: skip
    [answered] = [s for s in await bot.send(update) if s.method == "answerInlineQuery"]
    titles = [r["title"] for r in answered.params["results"]]
    assert len(titles) == 3 and titles[1].startswith("✉️") and titles[2].startswith("📋")
    assert not bot.api.errors
