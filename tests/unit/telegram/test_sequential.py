"""One user's updates one after another; different users' at the same time."""

import asyncio

from telegram import Chat, Message, Update, User

from bot.telegram.sequential import PerUserSequential


def update(user_id: int, n: int) -> Update:
    user = User(user_id, "U", is_bot=False)
    return Update(n, message=Message(n, None, Chat(user_id, "private"), from_user=user))  # type: ignore[arg-type]


async def test_one_users_updates_never_overlap_while_other_users_run_alongside() -> None:
    running: dict[int, int] = {}
    overlaps: list[int] = []
    started: list[int] = []

    async def handle(user_id: int) -> None:
        running[user_id] = running.get(user_id, 0) + 1
        if running[user_id] > 1:
            overlaps.append(user_id)
        started.append(user_id)
        await asyncio.sleep(0.02)
        running[user_id] -= 1

    processor = PerUserSequential(64)
    async with processor:
        jobs = [processor.process_update(update(uid, n), handle(uid)) for n, uid in enumerate([1, 1, 1, 2, 2, 3])]
        await asyncio.wait_for(asyncio.gather(*jobs), timeout=5)
    assert overlaps == []
    # Users 2 and 3 started before user 1's three updates were done: they did not queue behind user 1.
    assert started.index(3) < len(started) - 1 and started[:3].count(1) == 1
    assert processor.users_in_flight == 0  # nothing kept for idle users
