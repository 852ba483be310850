"""Real conversations with `python -m bot run` as a separate process, over HTTP, against the strict Bot API."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from tests.auxil.botapi import STICKER, TOKEN, Sent, callback_update, message_update
from tests.auxil.process import BotProcess
from tests.auxil.server import BotAPIServer

pytestmark = pytest.mark.e2e


def ask(
    server: BotAPIServer, user_id: int, text: str | None, lang: str = "en", count: int = 1, quoted: bool = True, **extra
) -> list[Sent]:
    """Send a message; return the bot's messages, up to the one quoting it (answers) or `count` (the rest)."""
    before = len(server.api.messages(user_id))
    update = message_update(user_id, text, lang, **extra)
    server.api.push(update)
    message_id = update["message"]["message_id"]

    def done(sent: list[Sent]) -> bool:
        mine = [s for s in sent if s.method == "sendMessage" and s.chat_id == user_id][before:]
        replied = any((s.params.get("reply_parameters") or {}).get("message_id") == message_id for s in mine)
        return replied or (len(mine) >= count and not (quoted and _is_question(text)))

    server.api.wait_for(done)
    return server.api.messages(user_id)[before:]


def _is_question(text: str | None) -> bool:
    return bool(text) and not text.startswith("/")


def press(server: BotAPIServer, user_id: int, data: str, message: Sent) -> list[Sent]:
    before = len(server.api.sent)
    server.api.push(callback_update(user_id, data, message))
    server.api.wait_for(lambda sent: any(s.method == "answerCallbackQuery" for s in sent[before:]))
    return server.api.sent[before:]


def rows(data_dir: Path, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(data_dir / "coach.sqlite3") as db:
        return db.execute(sql, args).fetchall()


def test_commands_menu_is_registered_in_both_languages(bot: BotProcess, server: BotAPIServer) -> None:
    assert {c["command"] for c in server.api.commands[None]} >= {"start", "help", "lang", "checklist", "forget"}
    assert any(c["description"].startswith("Accueil") for c in server.api.commands["fr"])


def test_start_in_french_and_english(bot: BotProcess, server: BotAPIServer) -> None:
    [fr] = ask(server, 11, "/start", "fr")
    [en] = ask(server, 12, "/start", "en")
    assert fr.text.startswith("Bonjour") and en.text.startswith("Hi")
    assert len(fr.buttons) == 3 and "Combien" in fr.buttons[1]["text"]


def test_a_question_in_each_language(bot: BotProcess, server: BotAPIServer) -> None:
    [fr] = ask(server, 13, "une marque me propose juste des produits gratuits contre 3 stories, j'accepte?", "fr")
    assert "Checklist pour juger l'offre" in fr.text and fr.text.count("☐") >= 5
    [en] = ask(server, 14, "brand dm'd me from a gmail address offering 2k for one post, legit??", "en")
    assert "Checklist for judging the offer" in en.text and "Sources" in en.text
    assert any(s.method == "sendChatAction" and s.chat_id == 14 for s in server.api.sent)


def test_feedback_press_is_stored(bot: BotProcess, server: BotAPIServer, data_dir: Path) -> None:
    [answer] = ask(server, 15, "what should I check before signing an influencer contract?")
    vote = next(b["callback_data"] for b in answer.buttons if b["text"] == "👍")
    sent = press(server, 15, vote, answer)
    assert [s.method for s in sent][:1] == ["answerCallbackQuery"]
    server.api.wait_for(lambda s: any(x.method == "editMessageReplyMarkup" for x in s))
    assert rows(data_dir, "SELECT vote, card_id FROM feedback WHERE user_id = 15") == [(1, vote.split(":")[2])]


def test_a_long_answer_is_split_under_the_limit(bot: BotProcess, server: BotAPIServer) -> None:
    parts = ask(server, 16, "explain the zebra xylophone procedure please")
    assert len(parts) >= 2 and all(len(p.text) <= 4096 for p in parts)
    assert parts[-1].buttons and not parts[0].buttons
    assert not server.api.errors


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("<b>combien</b> & <script>alert(1)</script> pour un *reel* _tiktok_ `code` [lien](x) &amp;", "Checklist"),
        ("exclusivity contract brand " * 370, "Checklist"),
        ("🙂🔥💯", "brand collaborations"),
    ],
)
def test_hostile_inputs_get_answers(bot: BotProcess, server: BotAPIServer, text: str, expect: str) -> None:
    replies = ask(server, 17, text)
    # a long answer is split over several messages, so look in all of them, not only the last
    assert any(expect in reply.text for reply in replies) and not server.api.errors


def test_stickers_get_a_friendly_word(bot: BotProcess, server: BotAPIServer) -> None:
    sticker = STICKER
    [reply] = ask(server, 18, None, "fr", sticker=sticker)
    assert "messages texte" in reply.text


def test_language_survives_a_restart_and_forget_erases(bot: BotProcess, server: BotAPIServer, data_dir: Path) -> None:
    [done] = ask(server, 19, "/lang fr")
    assert "français" in done.text
    assert bot.stop() == 0
    bot.start()
    [answer] = ask(server, 19, "how much should I charge for a reel with 8k followers?")
    assert "Checklist pour juger une offre" in answer.text
    [confirm] = ask(server, 19, "/forget")
    press(server, 19, "forget:yes", confirm)
    server.api.wait_for(lambda s: any(x.method == "editMessageText" and "effacé" in (x.text or "") for x in s))
    assert rows(data_dir, "SELECT COUNT(*) FROM users WHERE user_id = 19") == [(0,)]


def test_load_fifty_users_four_questions_each_all_answered_once(bot: BotProcess, server: BotAPIServer) -> None:
    questions = [
        "how much should i charge for a tiktok?",
        "la marque veut une exclu de 6 mois, c ok ?",
        "do i need #ad for a gifted product?",
        "is a kill fee normal?",
    ]
    users = range(5000, 5050)

    def user(uid: int) -> None:
        for q in questions:
            server.api.push(message_update(uid, q, "en"))

    threads = [threading.Thread(target=user, args=(uid,)) for uid in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    def answered(sent: list[Sent]) -> int:
        # An answer quotes its question; the country question that may follow a law answer quotes nothing.
        return sum(
            1 for s in sent if s.method == "sendMessage" and s.chat_id in users and s.params.get("reply_parameters")
        )

    server.api.wait_for(lambda sent: answered(sent) >= 200, timeout=120)
    replied = [
        s.params["reply_parameters"]["message_id"]
        for s in server.api.messages()
        if s.chat_id in users and s.params.get("reply_parameters")
    ]
    assert len(replied) == len(set(replied)) == 200


def test_network_errors_are_retried(bot: BotProcess, server: BotAPIServer) -> None:
    for _ in range(3):
        server.api.fail_next("getUpdates", 502)
    server.api.fail_next(
        "sendMessage",
        429,
        {"ok": False, "error_code": 429, "description": "Too Many Requests", "parameters": {"retry_after": 1}},
    )
    [answer] = ask(server, 20, "what is whitelisting?")
    assert "Checklist" in answer.text


def test_the_token_never_reaches_the_logs(bot: BotProcess) -> None:
    logs = bot.logs()
    assert "bot ready" in logs
    assert TOKEN not in logs and TOKEN.split(":")[1] not in logs


def test_a_pasted_offer_and_a_guided_offer_that_survives_a_restart(bot: BotProcess, server: BotAPIServer) -> None:
    offer = (
        "Hi Sam! We're Brightbite, a snack brand. We'd love 1 TikTok + 2 Instagram stories, fee €500, payment net 90. "
        "Please use #ad. No exclusivity."
    )
    server.api.push(message_update(21, offer, "en"))
    sent = server.api.wait_messages(21, 2)
    assert "What the offer says" in sent[0].text and "Verdict: negotiate" in sent[1].text
    [_, first] = ask(server, 22, "/offer", count=2)
    assert "What does the brand offer" in first.text
    [second] = ask(server, 22, "400 euros", quoted=False)
    assert "What do they want" in second.text
    assert bot.stop() == 0
    bot.start()
    [third] = ask(server, 22, "2 reels on instagram", quoted=False)
    assert "What is the product" in third.text  # the guided evaluation went on where it was
    assert not server.api.errors
