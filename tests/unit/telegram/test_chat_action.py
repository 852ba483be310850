"""The "typing…" indicator while an answer is worked on: shown only when waiting is visible, renewed, no storm."""

from __future__ import annotations

import asyncio

import pytest

from bot.telegram import chat_action
from bot.telegram.chat_action import typing_while


class RecordingBot:
    """Records send_chat_action calls (the only Bot method typing_while uses)."""

    def __init__(self) -> None:
        self.actions: list[tuple[int, str, float]] = []

    async def send_chat_action(self, chat_id: int, action: str) -> bool:
        self.actions.append((chat_id, action, asyncio.get_running_loop().time()))
        return True


async def answer_after(seconds: float) -> str:
    await asyncio.sleep(seconds)
    return "answer"


async def test_a_fast_answer_sends_no_chat_action() -> None:
    bot = RecordingBot()
    assert await typing_while(bot, 7, answer_after(0.01), delay=0.2) == "answer"  # type: ignore[arg-type]
    assert bot.actions == []


async def test_a_slow_answer_keeps_typing_shown_at_most_once_per_period(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chat_action, "RENEW_EVERY", 0.2)
    bot = RecordingBot()
    assert await typing_while(bot, 7, answer_after(0.9), delay=0.05) == "answer"  # type: ignore[arg-type]
    # Shown at 0.05 s, renewed every 0.2 s until 0.9 s: 5 actions, never two closer than the period.
    assert [(chat, action) for chat, action, _ in bot.actions] == [(7, "typing")] * 5
    gaps = [b[2] - a[2] for a, b in zip(bot.actions, bot.actions[1:], strict=False)]
    assert all(gap >= 0.19 for gap in gaps)


async def test_errors_of_the_work_reach_the_caller() -> None:
    async def fails() -> str:
        await asyncio.sleep(0.05)
        raise ValueError("empty")

    with pytest.raises(ValueError, match="empty"):
        await typing_while(RecordingBot(), 7, fails(), delay=0.01)  # type: ignore[arg-type]
