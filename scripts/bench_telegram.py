"""Telegram benchmark over real HTTP: prints figures, asserts nothing.

Starts the loopback Bot API server (tests/auxil/server.py) and `python -m bot run` as a separate process,
then sends questions from many users at a fixed rate and times each one from the moment its update is
available to getUpdates until the bot's answer (the message quoting it) reaches the server.

    .venv/bin/python scripts/bench_telegram.py [--rate 100] [--seconds 20] [--users 500] [--outbound 30]
    .venv/bin/python scripts/bench_telegram.py --workers 2 [--connections 40]

With `--workers N`, the bot runs as `python -m bot serve --workers N` (webhook front + N workers) on a
temporary PostgreSQL (Debian's, started as the tests start it), and updates are posted to the front as Telegram
posts them, over at most `--connections` connections at once (Telegram's default max_connections is 40);
latency then runs from the post until the answer reaches the Bot API server.

Telegram lets a bot send about 30 messages a second, which PTB's AIORateLimiter enforces
(OUTBOUND_RATE_PER_SECOND). To measure the bot's own capacity that limit is lifted by default here
(--outbound 100000); pass --outbound 30 to see the production limiter at work.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.figures import percentile  # noqa: E402
from tests.auxil.botapi import message_update  # noqa: E402
from tests.auxil.postgres import PostgresServer  # noqa: E402
from tests.auxil.process import BotProcess  # noqa: E402
from tests.auxil.serve import ServeProcess  # noqa: E402
from tests.auxil.server import BotAPIServer  # noqa: E402

QUESTIONS = [
    "how much should i charge for a tiktok with 15k followers?",
    "la marque veut une exclu de 6 mois, c ok ?",
    "do i need #ad for a gifted product?",
    "une marque me demande mon mot de passe insta, c normal ?",
    "is a kill fee normal in influencer contracts?",
    "combien de retouches je dois accepter sur une vidéo ?",
    "brand wants to use my video in paid ads forever, should i charge more?",
    "faut il un contrat écrit pour une collab à 1500 euros ?",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=100.0, help="questions per second")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--users", type=int, default=500)
    parser.add_argument("--outbound", type=float, default=100000.0, help="OUTBOUND_RATE_PER_SECOND for the bot")
    parser.add_argument("--workers", type=int, default=0, help="0: `run` (long polling); N: `serve --workers N`")
    parser.add_argument("--connections", type=int, default=40, help="webhook posts in flight at once (--workers)")
    args = parser.parse_args()

    # The tests' vector cache: the bot embeds the knowledge base once per machine, not once per run.
    os.environ.setdefault("VECTOR_CACHE_DIR", str(Path(tempfile.gettempdir()) / "collab-coach-vectors"))
    env = {"LOG_LEVEL": "WARNING", "USER_RATE_PER_MINUTE": "1000", "OUTBOUND_RATE_PER_SECOND": str(args.outbound)}
    with tempfile.TemporaryDirectory() as tmp, BotAPIServer() as server, database(args.workers) as url:
        if args.workers:
            bot: BotProcess | ServeProcess = ServeProcess(
                server,
                args.workers,
                Path(tmp) / "serve.log",
                DATA_DIR=str(Path(tmp) / "data"),
                KNOWLEDGE_DIR=str(ROOT / "knowledge"),
                DATABASE_URL=url or "",
                **env,
            ).start()
            deliveries: ThreadPoolExecutor | None = ThreadPoolExecutor(max_workers=args.connections)
        else:
            bot = BotProcess(server, Path(tmp) / "data", ROOT / "knowledge", Path(tmp) / "bot.log", **env).start()
            deliveries = None
        try:
            total = int(args.rate * args.seconds)
            pushed: dict[tuple[int, int], float] = {}
            started = time.monotonic()
            for n in range(total):
                due = started + n / args.rate
                while (wait := due - time.monotonic()) > 0:
                    time.sleep(wait)
                user = 10_000 + n % args.users
                update = message_update(user, QUESTIONS[n % len(QUESTIONS)], "en")
                pushed[(user, update["message"]["message_id"])] = time.monotonic()
                if deliveries is not None:
                    deliveries.submit(bot.deliver, update)  # type: ignore[union-attr]
                else:
                    server.api.push(update)
            send_done = time.monotonic()

            def answers() -> dict[tuple[int, int], float]:
                done = {}
                for sent in server.api.messages():
                    reply = (sent.params.get("reply_parameters") or {}).get("message_id")
                    if reply is not None and (sent.chat_id, int(reply)) in pushed:
                        done[(sent.chat_id, int(reply))] = sent.at
                return done

            with contextlib.suppress(TimeoutError):  # what was answered by then is reported, not lost
                server.api.wait_for(lambda _: len(answers()) >= total, timeout=max(300.0, args.seconds * 20))
            done = answers()
            finished = max(done.values())
            latencies = [(done[key] - pushed[key]) * 1000 for key in pushed if key in done]
        finally:
            if deliveries is not None:
                deliveries.shutdown(wait=True)
            bot.stop()

    mode = f"serve --workers {args.workers} (webhook, PostgreSQL)" if args.workers else "run (long polling, SQLite)"
    print(f"bot: {mode}")
    print(
        f"offered: {total} questions from {args.users} users at {args.rate:.0f}/s for {args.seconds:.0f} s "
        f"(pushing took {send_done - started:.1f} s); outbound limit {args.outbound:g}/s"
    )
    print(f"answered: {len(done)}/{total}; sustained throughput {len(done) / (finished - started):.1f} answers/s")
    print(
        f"end-to-end latency: p50 {percentile(latencies, 50):.0f} ms, p95 {percentile(latencies, 95):.0f} ms, "
        f"max {max(latencies):.0f} ms, mean {statistics.mean(latencies):.0f} ms"
    )
    print(f"API errors: {len(server.api.errors)}")


@contextlib.contextmanager
def database(workers: int) -> Iterator[str | None]:
    """A temporary PostgreSQL for `serve` (its workers share it); nothing for `run`, which keeps SQLite."""
    if not workers:
        yield None
        return
    with PostgresServer() as postgres:
        yield postgres.url


if __name__ == "__main__":
    main()
