"""The database on a real SQLite file and on a real PostgreSQL server (`database_location`, both backends):
roles, invites, cohort statistics, votes counted once, and /forget reaching every table."""

import contextlib
import sqlite3
from pathlib import Path

import pytest

from bot.errors import StorageError
from bot.kb.changes import ChangeLog, FileChange
from bot.storage import Database
from bot.storage.database import USER_TABLES, Feedback
from bot.storage.engine import columns

COACH, OTHER_COACH, ANA, BOB, CAROL = 1, 2, 10, 11, 12


async def test_invites_cohorts_and_aggregated_statistics(database_location: Path | str) -> None:
    db = Database(database_location, flush_seconds=3600)
    await db.open()
    await db.add_coach(COACH, added_by=99)
    code = await db.create_invite(COACH, "Coach Léa")
    assert await db.invite(code) == (COACH, "Coach Léa") and await db.invite("nope") is None
    for creator in (ANA, BOB):
        await db.join_cohort(creator, COACH)
    await db.join_cohort(CAROL, OTHER_COACH)
    db.count_question(ANA, "fair-pay")
    db.count_question(ANA, "fair-pay")
    db.count_question(BOB, "exclusivity")
    db.count_question(CAROL, "exclusivity")  # another coach's creator: not counted
    await db.log_offer(ANA, "decline", ["pay_to_collaborate"], "fashion")
    await db.log_offer(BOB, "negotiate", ["late_payment_terms", "unpaid_ads"], None)
    stats = await db.cohort_stats(COACH, since="2000-01-01")
    assert (stats.creators, stats.questions, stats.offers) == (2, 3, 2)
    assert stats.topics.most_common(1) == [("fair-pay", 2)]
    assert stats.verdicts == {"decline": 1, "negotiate": 1}
    assert stats.red_flags["unpaid_ads"] == 1
    assert (await db.cohort_stats(COACH, since="2999-01-01")).questions == 0
    await db.remove_coach(COACH)
    assert await db.invite(code) is None  # a former coach's links stop working
    await db.close()


async def test_forget_reaches_every_table_that_holds_a_user(database_location: Path | str, tmp_path: Path) -> None:
    db = Database(database_location)
    await db.open()
    if db.dialect == "postgresql":  # the change log stays in DATA_DIR's SQLite file: anonymised there too
        db.local_change_log = tmp_path / "coach.sqlite3"
        ChangeLog(db.local_change_log).begin(ANA, [FileChange("upload", tmp_path / "en" / "x.md", None, "card")])
    await db.set_language(ANA, "fr")
    db.count_question(ANA, "fair-pay")
    await db.add_feedback(Feedback(ANA, -1, "fair-pay", "fr", "v", answer="10:1"))
    await db.set_profile(ANA, {"no_go": ["alcohol"]})
    await db.set_dialog(ANA, {"kind": "offer", "step": "pay"})
    await db.log_offer(ANA, "accept", [], None)
    await db.join_cohort(ANA, COACH)
    await db.exchanges.remember(ANA, "how much for a reel?", "fair-pay")
    await db.db.execute("INSERT INTO throttle (user_id, tat) VALUES (?, ?)", (ANA, 1.0))  # the shared throttle's
    await db.db.commit()
    await db.set_language(BOB, "en")
    assert await db.rows_about(ANA) >= len(USER_TABLES)
    await db.forget(ANA)
    assert await db.rows_about(ANA) == 0 and await db.rows_about(BOB) == 1
    if db.local_change_log is not None:
        with contextlib.closing(sqlite3.connect(db.local_change_log)) as local:
            assert local.execute("SELECT admin_id FROM kb_changes").fetchall() == [(0,)]
    tables_with_users = await tables_with_column(db, "user_id")
    assert tables_with_users - {"coaches", "kb_changes", "invites"} == set(USER_TABLES)
    await db.close()


async def tables_with_column(db: Database, column: str) -> set[str]:
    if db.dialect == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%' || ? || '%'"
    else:
        sql = (
            "SELECT table_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND column_name = ?"
        )
    async with db.db.execute(sql, (column,)) as cursor:
        return {row[0] for row in await cursor.fetchall()}


async def test_votes_are_counted_once_per_answer_and_question_counts_add_up(database_location: Path | str) -> None:
    db = Database(database_location, flush_seconds=3600)
    await db.open()
    try:
        big = 7_000_000_000  # Telegram ids pass 2**31: they must fit both backends
        assert await db.add_feedback(Feedback(big, 1, "fair-pay", "en", "v1", answer="5:9"))
        assert not await db.add_feedback(Feedback(big, -1, "fair-pay", "en", "v1", answer="5:9"))
        assert await db.add_feedback(Feedback(big, -1, "exclusivity", "en", "v1", answer="5:10"))
        assert await db.recent_downvotes() == [("exclusivity", "en")]
        for _ in range(3):
            db.count_question(big, "fair-pay")
        await db.flush()
        db.count_question(big, None)
        await db.set_language(big, "fr")
        await db.flush()
        async with db.db.execute("SELECT questions, lang FROM users WHERE user_id = ?", (big,)) as cursor:
            assert tuple(await cursor.fetchone()) == (4, "fr")
        await db.add_coach(big, added_by=1)
        await db.add_coach(big, added_by=2)  # already one: nothing changes
        assert await db.coach_ids() == [big]
        await db.set_dialog(big, {"step": "pay", "text": "100 % « guillemets » ?"})
        assert await db.dialog(big) == {"step": "pay", "text": "100 % « guillemets » ?"}
    finally:
        await db.close()


async def test_a_database_opened_twice_keeps_its_rows_and_its_schema(database_location: Path | str) -> None:
    """The schema is created once and migrated in place: a second process (or a restart) finds the rows."""
    first = Database(database_location)
    await first.open()
    await first.set_language(ANA, "en")
    await first.close()
    second = Database(database_location)
    await second.open()
    try:
        assert await second.language(ANA) == "en"
        assert "answer" in await columns(second.db, "feedback")
    finally:
        await second.close()


async def test_forget_leaves_neither_the_users_id_nor_their_words_anywhere_in_the_database_file(
    tmp_path: Path,
) -> None:
    """SQLite only: a property of the file's bytes (PostgreSQL has no secure delete; see README "Production").
    A coach who also asked, voted, filled a profile, pasted an offer, invited, added a coach and changed a
    card: after /forget, the bytes of the database file (and its write-ahead log) hold none of it."""
    user, sentinel = 987_654_321, "Zebulon quokka sentinel"
    path = tmp_path / "coach.sqlite3"
    db = Database(path, flush_seconds=3600)
    await db.open()
    await db.set_language(user, "fr")
    db.count_question(user, "fair-pay")
    await db.add_feedback(Feedback(user, -1, "fair-pay", "fr", "v", answer=f"{user}:7"))
    await db.set_profile(user, {"editorial_line": sentinel})
    await db.set_dialog(user, {"kind": "offer", "text": f"{sentinel} offers 300 EUR"})
    await db.log_offer(user, "accept", [], None)
    await db.add_coach(user, added_by=1)
    code = await db.create_invite(user, f"{sentinel} the coach")
    await db.join_cohort(BOB, user)
    await db.add_coach(COACH, added_by=user)
    ChangeLog(path).begin(user, [FileChange("upload", tmp_path / "en" / "x.md", None, "card")])
    await db.set_language(ANA, "en")  # someone else, who stays
    await db.flush()
    await db.forget(user)
    assert await db.invite(code) is None and not await db.is_coach(user) and await db.coach_of(BOB) is None
    assert await db.is_coach(COACH) and await db.language(ANA) == "en"
    await db.close()
    files = sorted(tmp_path.glob("coach.sqlite3*"))
    data = b"".join(file.read_bytes() for file in files)
    assert sentinel.encode() not in data
    assert str(user).encode() not in data and user.to_bytes(4, "big") not in data


async def test_a_database_url_nobody_answers_is_a_clear_error_without_the_password(tmp_path: Path) -> None:
    pytest.importorskip("psycopg", reason="psycopg is not installed in this virtualenv: run `make .venv/.installed`")
    db = Database(f"postgresql://coach:s3cret-pw@/coach?host={tmp_path}&connect_timeout=2")
    with pytest.raises(StorageError, match="cannot reach the database at postgresql://coach:\\*\\*\\*@") as refused:
        await db.open()
    assert "s3cret-pw" not in str(refused.value)
