"""Per-user inbound limit: a sliding window of question times, in memory (it resets with the process).

Hand-written because the library has none: PTB's AIORateLimiter paces the bot's outbound calls only (it is
used for that in app.py), and nothing in PTB limits what one user may make the bot compute."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable


class Throttle:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._seen: defaultdict[int, deque[float]] = defaultdict(deque)
        self._warned: dict[int, float] = {}
        self._swept = clock()

    @property
    def users(self) -> int:
        """Users currently remembered."""
        return len(self._seen.keys() | self._warned.keys())

    def _sweep(self, now: float) -> None:
        """Forget users idle for a minute (their windows are empty anyway): memory follows active users."""
        self._swept = now
        for user_id in [u for u, window in self._seen.items() if not window or now - window[-1] >= 60]:
            del self._seen[user_id]
        for user_id in [u for u, warned in self._warned.items() if now - warned >= 60]:
            del self._warned[user_id]

    def allow(self, user_id: int) -> bool:
        now = self.clock()
        if now - self._swept >= 60:  # at most once a minute: O(users) then, O(1) per call otherwise
            self._sweep(now)
        window = self._seen[user_id]
        while window and now - window[0] >= 60:
            window.popleft()
        if len(window) >= self.per_minute:
            return False
        window.append(now)
        return True

    async def check(self, user_id: int) -> tuple[bool, bool]:
        """(allowed, warn), as the database-backed throttle several workers share (bot/storage/rates.py)."""
        if self.allow(user_id):
            return True, False
        return False, self.should_warn(user_id)

    def should_warn(self, user_id: int) -> bool:
        """Say "slow down" once per minute, not once per refused message."""
        now = self.clock()
        if now - self._warned.get(user_id, -60.0) >= 60:
            self._warned[user_id] = now
            return True
        return False
