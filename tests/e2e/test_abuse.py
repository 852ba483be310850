"""Replays against `python -m bot run` as a process: replayed and forged votes, button floods, /forget."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.auxil.process import BotProcess
from tests.auxil.server import BotAPIServer
from tests.e2e.test_conversations import ask, press, rows

pytestmark = pytest.mark.e2e
RATE = 3


@pytest.fixture(scope="module")
def bot(
    server: BotAPIServer, data_dir: Path, knowledge: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BotProcess]:
    log = tmp_path_factory.mktemp("abuse-logs") / "bot.log"
    process = BotProcess(server, data_dir, knowledge, log, USER_RATE_PER_MINUTE=str(RATE)).start()
    yield process
    if process.proc and process.proc.poll() is None:
        process.stop()


def test_a_replayed_vote_counts_once_and_a_forged_card_is_refused(
    bot: BotProcess, server: BotAPIServer, data_dir: Path
) -> None:
    [answer] = ask(server, 41, "what should I check before signing an influencer contract?")
    vote = next(b["callback_data"] for b in answer.buttons if b["text"] == "👎")
    for _ in range(10):
        press(server, 41, vote, answer)
    forged = press(server, 41, "fb:0:../../etc-passwd", answer)
    assert any("expired" in (s.params.get("text") or "") for s in forged if s.method == "answerCallbackQuery")
    assert rows(data_dir, "SELECT vote, card_id FROM feedback WHERE user_id = 41") == [(-1, vote.split(":")[2])]


def test_a_flood_of_example_presses_gets_the_rate_and_one_warning(bot: BotProcess, server: BotAPIServer) -> None:
    [welcome] = ask(server, 42, "/start")
    example = welcome.buttons[0]["callback_data"]
    alerts = []
    for _ in range(RATE + 4):
        alerts += [s for s in press(server, 42, example, welcome) if s.method == "answerCallbackQuery"]
    server.api.wait_for(lambda sent: len([s for s in sent if s.chat_id == 42 and "☐" in (s.text or "")]) >= RATE)
    answers = [s for s in server.api.messages(42) if "☐" in (s.text or "")]
    assert len(answers) == RATE
    assert sum("wait a minute" in (s.params.get("text") or "") for s in alerts) == 1


def test_forget_leaves_neither_id_nor_words_in_the_database_files(
    bot: BotProcess, server: BotAPIServer, data_dir: Path
) -> None:
    user, sentinel = 987_654_321, "quokkasentinel"
    [answer] = ask(server, user, f"my {sentinel} brand wants perpetual rights to my reel, is that ok?")
    press(server, user, next(b["callback_data"] for b in answer.buttons if b["text"] == "👎"), answer)
    ask(server, user, "/lang fr", quoted=False)
    ask(server, user, "/offer", quoted=False, count=2)  # a dialog open: its place is persisted within a second
    deadline = time.monotonic() + 10
    while not rows(data_dir, "SELECT 1 FROM conversations WHERE user_id = ?", user) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert rows(data_dir, "SELECT state FROM conversations WHERE user_id = ?", user) == [('"offer:pay"',)]
    [confirm] = ask(server, user, "/forget", quoted=False)
    press(server, user, "forget:yes", confirm)
    server.api.wait_for(lambda sent: any(s.method == "editMessageText" and s.chat_id == user for s in sent))
    data = b"".join(path.read_bytes() for path in sorted(data_dir.glob("coach.sqlite3*")))
    assert sentinel.encode() not in data
    assert str(user).encode() not in data and user.to_bytes(4, "big") not in data
