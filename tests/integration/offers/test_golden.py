"""The offer evaluation on the golden set, and `python -m bot offer` (in-process through `main(argv)`; one test
keeps a real process, for the bytes on stdin and the exit status)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.kb import load_knowledge
from bot.offers import OfferEvaluator, Profile
from bot.offers.golden import SCAM_FLAGS, load_golden, score
from bot.retrieval.embeddings import USEEmbeddings
from tests.auxil.cli import Run
from tests.conftest import KNOWLEDGE, ROOT

GOLDEN = KNOWLEDGE / "eval" / "offers" / "dev.yaml"


@pytest.fixture(scope="module")
def evaluator(embeddings: USEEmbeddings) -> OfferEvaluator:
    kb = load_knowledge(KNOWLEDGE)

    def similarity(text: str, others: list[str]) -> float:
        first, *rest = embeddings.embed_documents([text, *others])
        return max(sum(a * b for a, b in zip(first, v, strict=True)) for v in rest)

    return OfferEvaluator(lambda: kb, similarity)


def test_dev_set_is_large_and_balanced() -> None:
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


def test_betting_offered_to_an_audience_the_text_calls_minors_is_gambling_before_minors(
    evaluator: OfferEvaluator,
) -> None:
    offer = (
        "Hey! SpinBet here 🎰 we love your clips, your audience is mostly 13-17. $300 per stream with our casino link."
    )
    evaluation = evaluator.evaluate(offer)
    assert evaluation.verdict == "decline" and "gambling_minors" in evaluation.red_flags


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("offer-cli-data")


def test_offer_cli_json_and_text(run: Run, data_dir: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({"editorial_line": "Vegan cooking", "no_go": ["fast_food"]}))
    text = "Hi, we are BurgerKing-style fast food chain, we pay $500 for 1 TikTok, net 30, #ad required."
    result = run("offer", "--json", "--profile", str(profile), stdin=text, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"verdict", "red_flags", "facts", "checklist", "reply_draft", "lang"} <= data.keys()
    assert data["verdict"] == "decline" and "no_go_category" in data["red_flags"]
    assert data["facts"]["amount"] == 500 and data["lang"] == "en"
    plain = run("offer", stdin="Bonjour, 1 reel pour 300 €, paiement à 30 jours.", data_dir=data_dir)
    assert "Verdict" in plain.stdout and "Une réponse à envoyer" in plain.stdout
    empty = run("offer", stdin="  ", data_dir=data_dir)
    assert empty.returncode == 2 and "empty" in empty.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    assert run("offer", "--profile", str(bad), stdin=text, data_dir=data_dir).returncode == 2


@pytest.mark.parametrize(
    ("text", "flag", "verdict"),
    [
        ("Hi! Casino Royale here. Your audience is mostly 13 to 17 year olds, which is perfect for us. $500 for 1 "
         "TikTok, net 30, #ad.", "minors_audience", "decline"),
        ("Plateforme crypto (non enregistrée en France) : 1 vidéo YouTube pour 900 €, paiement à 30 jours, "
         "mention publicité.", "unregistered_financial", "decline"),
        ("We pay $400 for 1 reel, net 30, #ad. Please delete any negative comments on the sponsored post for 6 "
         "months.", "comment_control", "negotiate"),
        ("Nestly would pay you $100 to post a 5-star review on Trustpilot and the App Store.", "fake_reviews",
         "decline"),
        ("15% commission on every sale with your code, no fixed fee. 3 TikToks, #ad.", "commission_only",
         "negotiate"),
        ("1 500 € pour 3 reels, paiement à 30 jours, #pub. On ne fait pas de contrat écrit, on fonctionne à la "
         "confiance.", "no_written_contract", "negotiate"),
        ("$450 for 2 YouTube Shorts, #ad. Payment will only be made once our client approves the final videos.",
         "payment_after_approval", "negotiate"),
        ("60 € pour 5 reels, 15 stories et 2 TikToks, paiement à 30 jours, #pub.", "low_fee_for_workload",
         "negotiate"),
        ("une marque me propose 80€ pour 1 reel + 3 stories, paiement à 30 jours, #pub", "low_fee_for_workload",
         "negotiate"),
        ("$1,100 for 1 YouTube video, net 30, #ad. You agree never to feature or mention any other bike brand, with "
         "no time limit.", "competitor_ban", "negotiate"),
        ("Bonjour, pour vous verser les 350 €, envoyez une photo recto verso de votre carte bancaire.",
         "bank_details_request", "decline"),
        ("une marque me propose 300€ pour 2 reels mais veut les droits à vie sur mes vidéos, c'est normal ?",
         "perpetual_rights", "negotiate"),
        ("A brand wants to pay me $400 for 2 TikToks but keep using the videos in their ads forever. Fair?",
         "perpetual_rights", "negotiate"),
        ("Meta Support: your account will be disabled for copyright infringement in 24 hours. Appeal via the form: "
         "meta-rights-center-support.com/verify", "fake_copyright_notice", "decline"),
    ],
)  # fmt: skip
def test_new_red_flags_have_their_verdict_a_card_and_a_reply(evaluator: OfferEvaluator, text: str, flag: str,
                                                             verdict: str) -> None:  # fmt: skip
    evaluation = evaluator.evaluate(text)
    assert flag in evaluation.red_flags and evaluation.verdict == verdict
    reason = next(r for r in evaluation.reasons if r.status in ("bad", "warn") and r.text)
    assert evaluator._kb().get(reason.card_id, evaluation.lang) is not None
    if verdict == "negotiate":
        assert evaluation.negotiation_points and "- " in evaluation.reply_draft
    assert evaluation.reply_draft


@pytest.mark.parametrize(
    "text",
    [
        "Log in to our creator portal to upload your drafts; we will never ask for your password. $300 for 1 reel, "
        "net 30, #ad.",
        "Download our press kit from our website. 1 reel for €250, paiement à 30 jours, #pub.",
        "Send your invoice with your bank details (IBAN) and we pay within 30 days. £275 for 1 reel, #ad.",
        "Send us your Spark Ads code once the TikTok is live. $500 for 1 TikTok, net 30, #ad.",
        "Share your promo code: your followers can buy our products with 15% off. €300 for 1 reel, net 30, #ad.",
        "You can download the contract as a PDF and sign it online. €400 for 1 reel, paiement à 30 jours, #pub.",
    ],
)
def test_legitimate_offers_that_look_like_scams_get_no_scam_flag(evaluator: OfferEvaluator, text: str) -> None:
    evaluation = evaluator.evaluate(text)
    assert not set(evaluation.red_flags) & SCAM_FLAGS, evaluation.red_flags
    assert evaluation.verdict != "decline"


def test_editorial_fit_declines_only_a_clear_mismatch(evaluator: OfferEvaluator) -> None:
    jam = "Bonjour ! Notre confiture artisanale : 1 reel pour 300 €, paiement à 30 jours, #pub."
    food = evaluator.evaluate(jam, Profile(editorial_line="Recettes de saison et cuisine du marché"))
    assert "off_editorial_line" not in food.red_flags and food.verdict == "accept"
    skincare = "Hi! Our new face serum: 1 video for $600, net 30, #ad."
    gaming = evaluator.evaluate(skincare, Profile(editorial_line="Valorant and competitive FPS gaming streams"))
    assert "off_editorial_line" in gaming.red_flags and gaming.verdict == "decline"
    # A product made for anyone sponsors channels of every kind: a VPN on a cooking channel is a question.
    vpn = "Hi! We're SurfGuard VPN. We'd like a 60-second integration in your next YouTube video: $900, net 30, #ad."
    cooking = evaluator.evaluate(vpn, Profile(editorial_line="Easy weeknight cooking and baking"))
    assert "off_editorial_line" not in cooking.red_flags and cooking.verdict == "accept"
    assert [r.status for r in cooking.reasons if r.dimension == "editorial_fit"] == ["unknown"]
    # A wellness or daily-life channel takes many products: a detox tea is at most a question there.
    tea = "Hi! Our detox tea: 1 TikTok for $350, net 30, #ad."
    for line in ("wellness, self-care", "travel, daily vlogs"):
        assert "off_editorial_line" not in evaluator.evaluate(tea, Profile(editorial_line=line)).red_flags
    # A wellness drink on a wellness line is no mismatch either.
    coffee = "Hey! We're VibeSip (mushroom coffee). $350 for 1 TikTok and 2 IG stories, net 30, #ad."
    wellness = Profile(editorial_line="wellness, morning routines")
    assert "off_editorial_line" not in evaluator.evaluate(coffee, wellness).red_flags


def test_profile_platforms_values_and_country_are_used(evaluator: OfferEvaluator) -> None:
    offer = "Hi! 2 TikToks for $700, net 30, #ad."
    on_tiktok = evaluator.evaluate(offer, Profile(platforms=["tiktok"]))
    not_on_tiktok = evaluator.evaluate(offer, Profile(platforms=["youtube"]))
    assert on_tiktok.verdict == "accept" and not_on_tiktok.verdict == "negotiate"
    assert any(r.dimension == "platforms" for r in not_on_tiktok.reasons)
    fashion = "Coucou ! SHEIN aimerait 1 reel pour 300 €, paiement à 30 jours, #pub."
    assert evaluator.evaluate(fashion, Profile(values=["mode durable"])).verdict == "decline"
    contract = "Hi! We pay €1,500 for 3 reels, net 30, #ad. No contract needed, a DM agreement is enough."
    france = evaluator.evaluate(contract, Profile(country="fr"))
    uk = evaluator.evaluate(contract, Profile(country="uk"))
    assert "written-contract-france" in [r.card_id for r in france.reasons if r.dimension == "contract"]
    assert "no_written_contract" in france.red_flags and "no_written_contract" in uk.red_flags
    assert "written-contract-france" not in [r.card_id for r in uk.reasons if r.dimension == "contract"]


def test_offer_cli_refuses_binary_stdin_as_a_process(tmp_path: Path) -> None:
    """The one real `offer` process: raw bytes through a pipe, the exit status and stderr a shell sees."""
    binary = subprocess.run(
        [sys.executable, "-m", "bot", "offer"], input=b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", capture_output=True,
        env={**os.environ, "DATA_DIR": str(tmp_path), "KNOWLEDGE_DIR": str(KNOWLEDGE)}, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert binary.returncode == 2 and b"UTF-8" in binary.stderr and binary.stdout == b""


def test_offer_cli_never_prints_infinity(run: Run, data_dir: Path) -> None:
    huge = run("offer", "--json", stdin="Hi, we pay " + "9" * 400 + " € for 1 reel. " + "x" * 9000, data_dir=data_dir)
    assert huge.returncode == 0, huge.stderr
    assert "Infinity" not in huge.stdout and "NaN" not in huge.stdout
    data = json.loads(huge.stdout)
    assert data["facts"]["amount"] is None and data["facts"]["amount_unreadable"] and data["facts"]["truncated"]
    assert "8000" in huge.stderr


@pytest.mark.parametrize(
    ("text", "late"),
    [
        ("Rémunération 800 € HT pour 1 reel, paiement à 60 jours fin de mois, #pub.", True),
        ("$600 for 1 reel, #ad, payment net 60 EOM.", True),
        ("500 € HT pour 1 reel, paiement à 45 jours fin de mois, #pub.", False),
        ("500 € pour 1 reel, paiement à 30 jours fin de mois, #pub.", False),
        ("600 € pour 1 reel, paiement à 60 jours après facture, #pub.", False),
    ],
)
def test_end_of_month_adds_to_the_payment_term(evaluator: OfferEvaluator, text: str, late: bool) -> None:
    """'60 jours fin de mois' is 60 days and on to the month's end: over 60 days, so late; '30 jours fin de mois' is
    not. The days stay as written."""
    evaluation = evaluator.evaluate(text)
    assert evaluation.facts.payment_days in (30, 45, 60)
    assert evaluation.facts.payment_end_of_month == ("fin de mois" in text or "EOM" in text)
    assert ("late_payment_terms" in evaluation.red_flags) is late
    if late:
        reason = next(r for r in evaluation.reasons if r.dimension == "payment")
        assert "fin de mois" in reason.text or "end of month" in reason.text


def test_a_scam_checklist_asks_nothing_of_the_creators_own_taste(evaluator: OfferEvaluator) -> None:
    yourself = "Would you talk about this product even if no one paid you?"
    scam = evaluator.evaluate(
        "To join our ambassador program, just pay the £29 onboarding kit fee and you'll get free products every "
        "month + 30% commission. Spots are limited, reply in 24h!"
    )
    assert scam.verdict == "decline" and yourself not in scam.checklist
    assert 5 <= len(scam.checklist) <= 8
    fair = evaluator.evaluate("Nordvik Apparel: 2 TikToks on our running jacket, £400 total, paid 30 days after posts.")
    assert yourself in fair.checklist
