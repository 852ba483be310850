"""The database on a real SQLite file: roles, invites, cohort statistics, and /forget reaching every table."""

from pathlib import Path

from bot.kb.changes import ChangeLog, FileChange
from bot.storage import Database
from bot.storage.database import USER_TABLES, Feedback

COACH, OTHER_COACH, ANA, BOB, CAROL = 1, 2, 10, 11, 12


async def test_invites_cohorts_and_aggregated_statistics(tmp_path: Path) -> None:
    db = Database(tmp_path / "db.sqlite3", flush_seconds=3600)
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


async def test_forget_reaches_every_table_that_holds_a_user(tmp_path: Path) -> None:
    db = Database(tmp_path / "db.sqlite3")
    await db.open()
    await db.set_language(ANA, "fr")
    db.count_question(ANA, "fair-pay")
    await db.add_feedback(Feedback(ANA, -1, "fair-pay", "fr", "v", answer="10:1"))
    await db.set_profile(ANA, {"no_go": ["alcohol"]})
    await db.set_dialog(ANA, {"kind": "offer", "step": "pay"})
    await db.log_offer(ANA, "accept", [], None)
    await db.join_cohort(ANA, COACH)
    await db.set_language(BOB, "en")
    assert await db.rows_about(ANA) >= len(USER_TABLES)
    await db.forget(ANA)
    assert await db.rows_about(ANA) == 0 and await db.rows_about(BOB) == 1
    async with db.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%user_id%'") as c:
        tables_with_users = {row[0] for row in await c.fetchall()}
    assert tables_with_users - {"coaches", "kb_changes", "invites"} == set(USER_TABLES)
    await db.close()


async def test_forget_leaves_neither_the_users_id_nor_their_words_anywhere_in_the_database_file(
    tmp_path: Path,
) -> None:
    """A coach who also asked, voted, filled a profile, pasted an offer, invited, added a coach and changed a
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
