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
    assert "Summary of fair-pay in fr." in out and "Checklist pour juger l'offre" in out
    assert "Answers will now be in English." in out and "Usage: /lang fr or /lang en" in out
    assert "Summary of fair-pay in en." in out
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
    lines = iter(["/profile", "cocktails at home", "alcohol", "10 %", offer, "/offer", "we pay 200€ for 2 reels", "",
                  "/quit"])  # fmt: skip
    chat(engine, read=lambda _: next(lines), offers=OfferEvaluator(lambda: kb))
    out = capsys.readouterr().out
    assert "Saved." in out
    assert "⛔ Verdict: decline" in out and "no-go" in out  # the profile's no-go category applies
    assert "Paste the brand's message" in out and "200" in out
