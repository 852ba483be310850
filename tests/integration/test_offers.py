"""The offer evaluation on the golden set, and `python -m bot offer`."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.kb import load_knowledge
from bot.offers import OfferEvaluator, Profile
from bot.offers.golden import load_golden, score
from bot.retrieval.embeddings import USEEmbeddings
from tests.conftest import KNOWLEDGE, ROOT

GOLDEN = KNOWLEDGE / "eval" / "offers" / "dev.yaml"


@pytest.fixture(scope="module")
def evaluator(embeddings: USEEmbeddings) -> OfferEvaluator:
    kb = load_knowledge(KNOWLEDGE)

    def similarity(text: str, others: list[str]) -> float:
        first, *rest = embeddings.embed_documents([text, *others])
        return max(sum(a * b for a, b in zip(first, v, strict=True)) for v in rest)

    return OfferEvaluator(lambda: kb, similarity)


def test_golden_set_is_large_and_balanced() -> None:
    entries = load_golden(GOLDEN)
    assert len(entries) >= 40
    assert {e["lang"] for e in entries} == {"fr", "en"}
    assert {e["expected"]["verdict"] for e in entries} == {"accept", "negotiate", "decline"}


def test_verdicts_and_no_false_scam_flags(evaluator: OfferEvaluator) -> None:
    report = score(load_golden(GOLDEN), evaluator)
    assert report.verdict_accuracy >= 0.9, report.verdict_misses
    assert report.false_scam == []


def test_every_decline_is_explained_with_a_card_and_a_reply_in_the_offers_language(evaluator: OfferEvaluator) -> None:
    evaluation = evaluator.evaluate(
        "Hi! Join our ambassador program: just pay $9.99 shipping for your free watch, reply within 24h!",
        ui_lang="fr",
    )
    assert evaluation.verdict == "decline" and "pay_to_collaborate" in evaluation.red_flags
    assert evaluation.reasons[0].status == "bad" and evaluation.reasons[0].card_id == "pay-to-be-ambassador"
    assert "payer" in evaluation.reasons[0].text  # explained in the creator's language
    assert evaluation.reply_draft.startswith("Hi")  # the reply in the offer's
    assert 5 <= len(evaluation.checklist) <= 8


def test_profile_no_go_and_minors(evaluator: OfferEvaluator) -> None:
    offer = "Bonjour, notre marque de gin aimerait 1 reel rémunéré 400 €, paiement à 30 jours, mention #pub."
    assert evaluator.evaluate(offer).verdict != "decline"
    assert evaluator.evaluate(offer, Profile(no_go=["alcohol"])).red_flags == ["no_go_category"]
    minors = evaluator.evaluate(offer, Profile(minors_share=0.4))
    assert minors.verdict == "decline" and "adult_product_minors" in minors.red_flags


def run_offer(text: str, *args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATA_DIR": str(data_dir), "KNOWLEDGE_DIR": str(KNOWLEDGE)}
    return subprocess.run(
        [sys.executable, "-m", "bot", "offer", *args], input=text, capture_output=True, text=True, env=env, cwd=ROOT,
        timeout=120,
    )  # fmt: skip


def test_offer_cli_json_and_text(tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({"editorial_line": "Vegan cooking", "no_go": ["fast_food"]}))
    text = "Hi, we are BurgerKing-style fast food chain, we pay $500 for 1 TikTok, net 30, #ad required."
    result = run_offer(text, "--json", "--profile", str(profile), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"verdict", "red_flags", "facts", "checklist", "reply_draft", "lang"} <= data.keys()
    assert data["verdict"] == "decline" and "no_go_category" in data["red_flags"]
    assert data["facts"]["amount"] == 500 and data["lang"] == "en"
    plain = run_offer("Bonjour, 1 reel pour 300 €, paiement à 30 jours.", data_dir=tmp_path)
    assert "Verdict" in plain.stdout and "Une réponse à envoyer" in plain.stdout
    empty = run_offer("  ", data_dir=tmp_path)
    assert empty.returncode == 2 and "empty" in empty.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    assert run_offer(text, "--profile", str(bad), data_dir=tmp_path).returncode == 2
