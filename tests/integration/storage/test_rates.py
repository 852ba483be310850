"""The limits several workers share, on a real PostgreSQL: each `SharedRates` is a worker's own connection."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest

from bot.storage import Database
from bot.storage.rates import SharedBucket, SharedRates, SharedThrottle
from tests.auxil.postgres import PostgresServer


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def url(postgres: PostgresServer) -> AsyncIterator[str]:
    url = postgres.new_schema()
    db = Database(url)
    await db.open()  # the schema, as the bot creates it
    await db.close()
    yield url


async def test_the_question_limit_is_one_for_all_workers_and_warns_once_a_minute(url: str) -> None:
    clock = Clock()
    one, two = SharedRates(url, clock), SharedRates(url, clock)
    a, b = SharedThrottle(one, per_minute=3), SharedThrottle(two, per_minute=3)
    try:
        assert [await a.check(5), await b.check(5), await a.check(5)] == [(True, False)] * 3
        assert await b.check(5) == (False, True)  # the 4th question, on the other worker: refused, told once
        assert await a.check(5) == (False, False)
        assert await a.check(6) == (True, False)  # someone else is not affected
        clock.now += 20  # one token back every 60/3 s
        assert await b.check(5) == (True, False)
        assert await a.check(5) == (False, False)  # warned less than a minute ago
        clock.now += 61
        assert await b.check(5) == (True, False)
    finally:
        await one.close()
        await two.close()


async def test_the_outbound_limit_holds_across_workers(url: str) -> None:
    """Two workers sending as fast as they can share 20 messages a second: after a burst of one second's
    worth, 40 sends cannot take less than about one second, however they are split."""
    rates = [SharedRates(url), SharedRates(url)]
    buckets = [SharedBucket(rate, per_second=20) for rate in rates]

    async def send(bucket: SharedBucket) -> None:
        async with bucket:
            pass

    try:
        started = time.monotonic()
        await asyncio.gather(*(send(buckets[n % 2]) for n in range(40)))
        elapsed = time.monotonic() - started
        assert elapsed >= (40 - 20 - 1) / 20
    finally:
        for rate in rates:
            await rate.close()
