"""The small defects of issue 11 (item 13), replayed against the running bot where they showed, else in-process."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

import pytest

from bot.storage import Database
from bot.telegram.throttle import Throttle
from tests.auxil.botapi import BOT_USER, callback_update, message_update, parse_html, user
from tests.auxil.server import BotAPIServer
from tests.cards import card_text
from tests.hostile.conftest import ADMIN, say, upload

CREATOR = 7101
QUESTION = "What is the quokka marimba clause?"
# 3,000 emoji are 6,000 UTF-16 units (Telegram's count) but 3,000 characters; escaped, the "R&D"s put an
# "&amp;" across character 4,096.
TEMPLATE = "abcd" + "R&D " * 600 + "😀" * 3000


def wait_calls(server: BotAPIServer, method: str, before: int, timeout: float = 20) -> list[dict]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        calls = [params for name, params in server.api.calls[before:] if name == method]
        if calls:
            return calls
        time.sleep(0.05)
    raise TimeoutError(f"no {method}; errors: {server.api.errors}")


@pytest.mark.e2e
def test_an_admins_own_invite_link_works(bot, server: BotAPIServer) -> None:
    [link] = say(server, ADMIN, "/invite")
    code = link.text.rsplit("?start=", 1)[1]
    [offer] = say(server, CREATOR, f"/start {code}")
    assert "invites you to join" in offer.text


@pytest.mark.e2e
def test_a_huge_audience_size_is_refused_kindly(bot, server: BotAPIServer) -> None:
    before = len(server.api.messages(CREATOR))
    server.api.push(callback_update(CREATOR, "pf:audience_size"))
    server.api.wait_messages(CREATOR, before + 1)
    [reply] = say(server, CREATOR, "9" * 400)
    assert "couldn't read that" in reply.text


@pytest.mark.e2e
def test_a_refusal_quoting_a_6000_character_topic_is_sent(bot, server: BotAPIServer) -> None:
    card = card_text("zz-topic", "en", topics=["x" * 6000]).encode()
    [refused] = upload(server, ADMIN, "zz-topic.md", card)
    assert refused.text.startswith("Refused, nothing was changed") and "unknown topic" in refused.text


@pytest.mark.e2e
def test_updates_without_a_sender_and_inline_message_buttons_fail_nothing(bot, server: BotAPIServer) -> None:
    process, _ = bot
    anonymous = message_update(7102, "how much should I charge for a reel?")
    del anonymous["message"]["from"]
    server.api.push(anonymous)
    before = len(server.api.calls)
    press = callback_update(7103, "ck")
    del press["callback_query"]["message"]
    press["callback_query"]["inline_message_id"] = "AAQ-inline-1"
    server.api.push(press)
    [answered] = wait_calls(server, "answerCallbackQuery", before)
    assert "expired" in answered.get("text", "")
    [answer] = say(server, 7102, "how much should I charge for a reel?")  # the next update is served
    assert "Checklist" in answer.text
    assert len(server.api.messages(7102)) == 1  # the message without a sender got nothing
    assert "failed" not in process.logs() and "AttributeError" not in process.logs()


@pytest.mark.e2e
def test_a_card_with_a_3000_emoji_template_still_answers_and_inline_results_stay_well_formed(
    bot, server: BotAPIServer
) -> None:
    card = card_text("zz-emoji", "en", template=TEMPLATE, questions=[QUESTION]).encode()
    [saved] = upload(server, ADMIN, "zz-emoji.md", card)
    assert "saved and indexed" in saved.text
    before = len(server.api.sent)
    server.api.push(callback_update(CREATOR, "fu:zz-emoji:0"))
    sent = server.api.wait_for(
        lambda sent: any(s.method == "sendMessage" and s.chat_id == CREATOR and s.buttons for s in sent[before:])
    )
    parts = [s for s in sent[before:] if s.method == "sendMessage" and s.chat_id == CREATOR]
    assert len(parts) >= 2 and all("Sorry" not in part.text for part in parts)
    assert sum(part.text.count("😀") for part in parts) == 3000  # nothing lost in the split
    calls = len(server.api.calls)
    server.api.push({"inline_query": {"id": "iq-1", "from": user(CREATOR), "query": QUESTION, "offset": ""}})
    [params] = wait_calls(server, "answerInlineQuery", calls)
    texts = [result["input_message_content"]["message_text"] for result in params["results"]]
    for text in texts:
        parse_html(text)  # raises on an entity or a tag cut in half
    assert not [error for error in server.api.errors if error[0] == "answerInlineQuery"]


def test_a_failed_counter_flush_keeps_the_counts(tmp_path: Path) -> None:
    async def scenario() -> None:
        db = Database(tmp_path / "coach.sqlite3", flush_seconds=3600)
        await db.open()
        db.count_question(1, "fair-pay")
        db.count_question(1, "fair-pay")
        await db.db.execute("ALTER TABLE asked RENAME TO asked_away")  # the next write fails
        with pytest.raises(sqlite3.OperationalError):
            await db.flush()
        await db.db.execute("ALTER TABLE asked_away RENAME TO asked")
        await db.flush()
        async with db.db.execute("SELECT questions FROM users WHERE user_id = 1") as cursor:
            assert (await cursor.fetchone()) == (2,)
        async with db.db.execute("SELECT COUNT(*) FROM asked") as cursor:
            assert (await cursor.fetchone()) == (2,)
        await db.close()

    asyncio.run(scenario())


def test_the_throttle_forgets_idle_users() -> None:
    now = [0.0]
    throttle = Throttle(per_minute=5, clock=lambda: now[0])
    for user_id in range(1000):
        assert throttle.allow(user_id)
    throttle.should_warn(3)
    now[0] = 61.0
    assert throttle.allow(5000)
    assert throttle.users == 1  # only the user active in the last minute


assert BOT_USER  # the fixture module's bot user is the one the buttons come from
