import pytest

from bot.advice import AdviceEngine, Hit
from bot.cli.chat import chat
from bot.kb import load_knowledge
from tests.cards import write_pair


class OneCard:
    def search_many(self, questions: list[str], k: int) -> list[list[Hit]]:
        return [[Hit("fair-pay", 0.8)] for _ in questions]


def test_terminal_chat_answers_switches_language_and_quits(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    write_pair(tmp_path, "fair-pay", checklist=("Is the fee written?",))
    engine = AdviceEngine(load_knowledge(tmp_path), OneCard())  # type: ignore[arg-type]
    lines = iter(["combien facturer une story ?", "", "/lang en", "/checklist", "/lang de", "how much?", "/quit"])
    chat(engine, read=lambda _: next(lines))
    out = capsys.readouterr().out
    assert "posez-moi" in out and "ask me" in out  # greeted in both languages
    assert "Summary of fair-pay in fr." in out and "Checklist pour juger une offre" in out
    assert "Answers will now be in English." in out and "Usage: /lang fr or /lang en" in out
    assert "Summary of fair-pay in en." in out
    assert "Checklist pour juger une offre\u00a0:" in out and "Sources\u00a0: fair-pay" in out  # French typography
    assert "Checklist for judging an offer:" in out and "Sources: fair-pay" in out
    assert out.rstrip().endswith("Good luck with your collaborations!")


def test_terminal_chat_ends_on_end_of_input(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    write_pair(tmp_path, "fair-pay")

    def closed(_: str) -> str:
        raise EOFError

    chat(AdviceEngine(load_knowledge(tmp_path), OneCard()), lang="fr", read=closed)  # type: ignore[arg-type]
    assert "Bonnes collaborations" in capsys.readouterr().out


def test_terminal_chat_judges_pasted_offers_with_the_profile(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.offers import OfferEvaluator

    write_pair(tmp_path, "fair-pay")
    kb = load_knowledge(tmp_path)
    engine = AdviceEngine(kb, OneCard())  # type: ignore[arg-type]
    offer = "Hello! Our gin brand would love 1 paid reel for $400, net 30, #ad please. Interested in this collab?"
    lines = iter(["/profile", "cocktails at home", "alcohol", "10 %", "", offer, "/offer", "we pay 200€ for 2 reels",
                  "", "3 months of exclusivity", ".",
                  "/quit"])  # fmt: skip
    chat(engine, read=lambda _: next(lines), offers=OfferEvaluator(lambda: kb))
    out = capsys.readouterr().out
    assert "Saved." in out
    assert "⛔ Verdict: decline" in out and "no-go" in out  # the profile's no-go category applies
    assert "Paste the brand's message" in out and "200" in out


class Recorder:
    """Answers with one card and records what the engine looked up."""

    def __init__(self) -> None:
        self.queries: list[str] = []

    def search_many(self, questions: list[str], k: int) -> list[list[Hit]]:
        self.queries += questions
        return [[Hit("fair-pay", 0.8)] for _ in questions]


def test_a_pasted_multi_line_email_is_one_message(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.offers import OfferEvaluator

    write_pair(tmp_path, "fair-pay")
    kb = load_knowledge(tmp_path)
    email = ["Hi Sam,", "", "We'd love to work with you: 2 reels for 400€.", "", "Best,", "The Glow team"]
    lines = iter([*email, "/quit"])
    waiting = iter([True] * (len(email) - 1) + [False] * 10)  # the paste flows in, then silence
    chat(AdviceEngine(kb, Recorder()), read=lambda _: next(lines), offers=OfferEvaluator(lambda: kb),
         pending=lambda: next(waiting))  # fmt: skip
    out = capsys.readouterr().out
    assert out.count("Verdict") == 1 and "400" in out  # judged once, as a whole


def test_a_follow_up_in_the_terminal_is_read_with_the_previous_question(tmp_path) -> None:
    write_pair(tmp_path, "fair-pay")
    retriever = Recorder()
    clock = iter([0.0, 60.0, 60.0 + 31 * 60])
    lines = iter(["how do I ask for a higher fee?", "and if they refuse?", "and if they refuse?", "/quit"])
    chat(AdviceEngine(load_knowledge(tmp_path), retriever), lang="en", read=lambda _: next(lines),
         pending=lambda: False, clock=lambda: next(clock))  # fmt: skip
    # The follow-up is looked up with the question before it, and on its own (what it asks within the topic).
    assert retriever.queries[1:3] == ["how do I ask for a higher fee?\nand if they refuse?", "and if they refuse?"]
    assert retriever.queries[3:] == ["and if they refuse?"]  # 31 minutes later the context is gone


def test_a_follow_up_in_the_terminal_never_repeats_the_answer(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    points = ("Ask for the budget first.", "Price usage rights apart.", "If they refuse, decline politely.")
    write_pair(tmp_path, "fair-pay", summary="Charge for your work.", points=points)
    lines = iter(["how do I ask for a higher fee?", "and if they refuse?", "/more", "tell me more", "/quit"])
    chat(AdviceEngine(load_knowledge(tmp_path), Recorder()), lang="en", read=lambda _: next(lines),
         pending=lambda: False)  # fmt: skip
    out = capsys.readouterr().out
    first, follow_up, rest = out.split("Sources: ", 2)[0], *out.split("Sources: ", 2)[1:]
    assert "Charge for your work." in first and "If they refuse" not in first
    # The follow-up opens with the passage that answers it, and says nothing the first answer said.
    assert follow_up.split("\n")[1] == "If they refuse, decline politely."
    assert not any(point in follow_up for point in ("Charge for your work.", *points[:2]))
    assert "I've told you everything my cards say on this" in rest  # "tell me more": all was said


def test_offer_reads_until_a_single_dot(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.offers import OfferEvaluator

    write_pair(tmp_path, "fair-pay")
    kb = load_knowledge(tmp_path)
    lines = iter(["/offer", "We pay 300€ for 1 reel.", "", "Exclusivity: 12 months.", ".", "/quit"])
    chat(AdviceEngine(kb, Recorder()), lang="en", read=lambda _: next(lines), offers=OfferEvaluator(lambda: kb),
         pending=lambda: False)  # fmt: skip
    out = capsys.readouterr().out
    assert out.count("Verdict") == 1 and "12" in out


def test_the_terminal_notes_once_that_the_country_matters_and_profile_sets_it(tmp_path, capsys) -> None:
    from bot.offers import OfferEvaluator

    write_pair(tmp_path, "fair-pay", topics=["tax", "law-fr"], jurisdiction=["fr"])
    kb = load_knowledge(tmp_path)
    lines = iter(["do I pay tax on gifts?", "and on cash?", "/profile", "", "", "", "Royaume-Uni", "do I pay tax?",
                  "/quit"])  # fmt: skip
    engine = AdviceEngine(kb, OneCard())  # type: ignore[arg-type]
    seen: list[object] = []
    real = engine.ask_many
    engine.ask_many = lambda questions: seen.extend(questions) or real(questions)  # type: ignore[method-assign]
    chat(engine, lang="en", read=lambda _: next(lines), offers=OfferEvaluator(lambda: kb), pending=lambda: False)
    out = capsys.readouterr().out
    assert out.count("tell me where you create") == 1  # once per session
    assert [q.country for q in seen] == [None, None, "uk"]  # type: ignore[attr-defined]


def test_the_terminal_keeps_the_country_the_creator_said_until_forget(tmp_path) -> None:
    write_pair(tmp_path, "fair-pay", topics=["tax", "law-fr"], jurisdiction=["fr"])
    kb = load_knowledge(tmp_path)
    lines = iter(["I'm a US based creator, how much for a reel?", "and in the UK?", "do I pay tax on gifts?",
                  "/forget", "do I pay tax on gifts?", "/quit"])  # fmt: skip
    engine = AdviceEngine(kb, OneCard())  # type: ignore[arg-type]
    seen: list[object] = []
    real = engine.ask_many
    engine.ask_many = lambda questions: seen.extend(questions) or real(questions)  # type: ignore[method-assign]
    hours = iter(range(0, 10 * 3600, 3600))  # each question long after the last: no follow-up, no history
    chat(engine, lang="en", read=lambda _: next(lines), pending=lambda: False, clock=lambda: float(next(hours)))
    assert all(q.history == () for q in seen)  # type: ignore[attr-defined]
    # Said once, kept for later questions (a country only asked about does not replace it); /forget drops it.
    assert [q.country for q in seen] == ["us", "uk", "us", None]  # type: ignore[attr-defined]


def test_a_question_right_after_a_pasted_offer_is_read_with_it(tmp_path) -> None:
    from bot.offers import OfferEvaluator

    write_pair(tmp_path, "fair-pay")
    kb = load_knowledge(tmp_path)
    retriever = Recorder()
    offer = "Hi! We'd love 2 reels for our serum. To join our ambassador program there's a £25 starter kit fee."
    lines = iter(["how do I ask for a higher fee?", offer, "is that normal?", "/quit"])
    chat(AdviceEngine(kb, retriever), lang="en", read=lambda _: next(lines), offers=OfferEvaluator(lambda: kb),
         pending=lambda: False, clock=lambda: 0.0)  # fmt: skip
    # The follow-up is looked up with the offer (the topic now), not with the question before it.
    assert retriever.queries[1] == f"{offer}\nis that normal?"
