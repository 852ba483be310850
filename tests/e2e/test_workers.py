"""`python -m bot serve --workers 2` against the loopback Bot API and a real PostgreSQL: one URL, two worker
processes, the test posting updates as Telegram does (with the secret, resending what is not acknowledged)."""

from __future__ import annotations

import itertools
import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.auxil.botapi import callback_update, message_update
from tests.auxil.postgres import PostgresServer
from tests.auxil.serve import ServeProcess
from tests.auxil.server import BotAPIServer

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def serving(
    server: BotAPIServer, postgres: PostgresServer, knowledge: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServeProcess]:
    root = tmp_path_factory.mktemp("workers")
    process = ServeProcess(
        server,
        2,
        root / "serve.log",
        DATA_DIR=str(root / "data"),
        KNOWLEDGE_DIR=str(knowledge),
        DATABASE_URL=postgres.new_schema(),
        USER_RATE_PER_MINUTE="100",
    ).start()
    yield process
    assert process.stop() == 0
    assert "workers-secret-7" not in process.logs()


def texts(server: BotAPIServer, user_id: int, since: int = 0) -> list[str]:
    return [s.text or "" for s in server.api.messages(user_id)[since:]]


def test_one_webhook_for_all_workers_and_forgeries_refused(serving: ServeProcess, server: BotAPIServer) -> None:
    assert [method for method, _ in server.api.calls].count("setWebhook") == 1
    assert server.api.webhook["secret_token"] == "workers-secret-7"
    assert len(serving.worker_pids()) == 2
    import urllib.error
    import urllib.request

    forged = urllib.request.Request(serving.url, data=b"{}", headers={"X-Telegram-Bot-Api-Secret-Token": "nope"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(forged, timeout=10)
    assert refused.value.code == 403


def test_a_guided_offer_alternating_between_workers_completes(serving: ServeProcess, server: BotAPIServer) -> None:
    user = 401
    workers = []

    def say(text: str) -> list[str]:
        before = len(server.api.messages(user))
        status, _, worker = serving.deliver(message_update(user, text, "en"))
        assert status == 200
        workers.append(worker)
        return texts(server, user, before)

    def press(data: str) -> list[str]:
        before = len(server.api.messages(user))
        status, _, worker = serving.deliver(callback_update(user, data, None))
        assert status == 200
        workers.append(worker)
        return texts(server, user, before)

    assert "What does the brand offer" in say("/offer")[-1]
    say("300 dollars")
    say("2 tiktoks")
    assert "reuse" in say("vegan snacks")[-1]
    press("of:set:rights:none")
    assert "When would you be paid" in press("of:skip:exclusivity")[-1]
    say("net 30")
    result = press("of:set:disclosure:required")
    assert any("Verdict: accept" in text for text in result)
    # Each step went to the other worker than the step before.
    assert all(a != b for a, b in itertools.pairwise(workers)) and set(workers) == {"1", "2"}


def test_forget_on_one_worker_is_seen_by_the_other(serving: ServeProcess, server: BotAPIServer) -> None:
    user = 402
    status, _, first = serving.deliver(message_update(user, "/offer", "fr"))
    assert status == 200 and "Que propose la marque" in texts(server, user)[-1]
    _, _, second = serving.deliver(message_update(user, "/forget", "fr"))
    _, _, third = serving.deliver(callback_update(user, "forget:yes", None, language_code="fr"))
    assert first != second and second != third  # the dialog began on one worker, /forget ended on the other
    before = len(server.api.messages(user))
    _, _, fourth = serving.deliver(message_update(user, "300 euros", "fr"))
    assert fourth != third
    # The worker that started the dialog does not resume it: the forgotten user's message is a question again.
    after = texts(server, user, before)
    assert after and not any("Que demandent-ils" in text for text in after)  # the dialog's next step


def test_a_worker_killed_under_load_loses_no_update(serving: ServeProcess, server: BotAPIServer) -> None:
    users = list(range(500, 530))
    questions = ["how much should I charge for a reel?", "is an exclusivity clause for a year ok?"]
    pids = serving.worker_pids()

    def one(user: int) -> tuple[int, int, str]:
        return serving.deliver(message_update(user, questions[user % 2], "en"))

    with ThreadPoolExecutor(max_workers=6) as pool:
        futures = [pool.submit(one, user) for user in users]
        while sum(future.done() for future in futures) < 6:
            time.sleep(0.02)
        os.kill(pids[2], signal.SIGKILL)  # mid-load: some updates are in worker 2's hands
        results = [future.result() for future in futures]
    assert all(status == 200 for status, _, _ in results)
    # Acknowledged at the first delivery: what the killed worker held, the front gave to the other one.
    assert all(attempts == 1 for _, attempts, _ in results)
    for user in users:  # every update was answered, whichever worker ended up handling it
        assert any("Checklist" in text for text in texts(server, user)), user
    # The front started the killed worker again, and it serves.
    server.api.wait_for(lambda _: serving.worker_pids()[2] != pids[2], timeout=30)
    deadline = time.monotonic() + 240
    handled_by = set()
    while handled_by != {"1", "2"} and time.monotonic() < deadline:
        _, _, worker = serving.deliver(message_update(531, "what is a kill fee?", "en"))
        handled_by.add(worker)
        time.sleep(0.5)
    assert handled_by == {"1", "2"}
