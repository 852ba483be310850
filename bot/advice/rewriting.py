"""What the engine asks of an optional answer rewriter (a language model, wired in by bot/wiring.py).

The engine stays pure: it knows this protocol only, never the library behind it. A rewriter returns the
answer unchanged whenever it cannot do better (slow, down, or its text failed the checks).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.advice.models import Answer
from bot.kb import Card


class Rewriter(Protocol):
    def rewrite(self, answer: Answer, cards: Sequence[Card]) -> Answer:
        """`answer` rewritten from `cards` only, or `answer` itself."""
        ...

    async def arewrite(self, answer: Answer, cards: Sequence[Card]) -> Answer:
        """`rewrite` without holding a thread while the model works."""
        ...
