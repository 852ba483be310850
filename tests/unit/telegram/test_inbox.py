"""The inbox keeps fetched updates until handled, hands each to PTB once, and gives up on one after a second start."""

from __future__ import annotations

from pathlib import Path

from bot.telegram.inbox import Inbox


def update(update_id: int, text: str = "hello") -> dict:
    return {"update_id": update_id, "message": {"message_id": update_id, "text": text}}


def test_an_update_is_handed_on_once_and_kept_until_done(tmp_path: Path) -> None:
    inbox = Inbox(tmp_path / "inbox.sqlite3")
    assert inbox.add([update(1), update(2)]) == [update(1), update(2)]
    assert inbox.add([update(2), update(3)]) == [update(3)]  # 2 came again (its confirmation was lost)
    inbox.done(1)
    inbox.close()

    again, dropped = Inbox(tmp_path / "inbox.sqlite3").left_over()
    assert [raw["update_id"] for raw in again] == [2, 3] and dropped == []
    assert again[0] == update(2)


def test_a_replayed_update_fetched_again_is_not_handed_on_twice(tmp_path: Path) -> None:
    Inbox(tmp_path / "inbox.sqlite3").add([update(5)])
    inbox = Inbox(tmp_path / "inbox.sqlite3")
    again, _ = inbox.left_over()
    inbox.done(again[0]["update_id"])
    assert inbox.add([update(5), update(6)]) == [update(6)]


def test_an_update_left_over_at_two_starts_is_dropped(tmp_path: Path) -> None:
    Inbox(tmp_path / "inbox.sqlite3").add([update(7), update(8)])
    again, dropped = Inbox(tmp_path / "inbox.sqlite3").left_over()  # the first restart tries them again
    assert len(again) == 2 and dropped == []
    Inbox(tmp_path / "inbox.sqlite3").add([update(9)])  # a new one, first seen by the second process
    again, dropped = Inbox(tmp_path / "inbox.sqlite3").left_over()
    assert [raw["update_id"] for raw in again] == [9] and dropped == [7, 8]
    assert Inbox(tmp_path / "inbox.sqlite3").left_over() == ([], [9])


def test_a_handled_update_leaves_no_text_in_the_file(tmp_path: Path) -> None:
    inbox = Inbox(tmp_path / "inbox.sqlite3")
    inbox.add([update(1, "zq-secret-text-4417")])
    inbox.done(1)
    inbox.close()
    assert b"zq-secret-text-4417" not in (tmp_path / "inbox.sqlite3").read_bytes()
