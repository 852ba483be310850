"""Handlers through Application.process_update, against a Bot API that refuses what Telegram refuses."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.telegram.handlers.common import send_html
from bot.wiring import Services, build_services
from tests.auxil.botapi import STICKER, TOKEN, message_update
from tests.auxil.harness import Harness, texts
from tests.conftest import KNOWLEDGE

FR, EN = 1001, 1002


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    data = tmp_path_factory.mktemp("handlers-data")
    settings = Settings(
        _env_file=None, telegram_bot_token=TOKEN, data_dir=data, knowledge_dir=KNOWLEDGE, user_rate_per_minute=5,
        typing_delay=0,
    )  # fmt: skip
    return build_services(settings)


@pytest.fixture
def languages() -> dict[int, str]:
    return {FR: "fr"}


async def test_start_welcomes_in_the_apps_language_with_example_buttons(bot: Harness) -> None:
    [welcome] = await bot.say(FR, "/start", "fr")
    assert welcome.text.startswith("Bonjour Alex")
    assert len(welcome.buttons) == 3 and all(len(b["callback_data"].encode()) <= 64 for b in welcome.buttons)
    [hello] = await bot.say(EN, "/start", "en-GB")
    assert hello.text.startswith("Hi Alex")


async def test_a_french_question_gets_a_grounded_french_answer(bot: Harness) -> None:
    sent = await bot.say(FR, "une marque veut mon mot de passe insta pour poster a ma place, c normal?", "fr")
    assert sent[0].method == "sendChatAction" and sent[0].params["action"] == "typing"
    [answer] = [s for s in sent if s.method == "sendMessage"]
    assert "Checklist pour juger l'offre" in answer.text and "Sources" in answer.text
    assert answer.text.count("☐") >= 5
    assert answer.params["parse_mode"] == "HTML"
    labels = [b["text"] for b in answer.buttons]
    assert labels[:3] == ["👍", "👎", "📋 Checklist complète"] and len(labels) <= 7
    assert answer.buttons[-1]["text"] == "↗️ Partager" and answer.buttons[-1]["switch_inline_query"].startswith("une")
    assert answer.result["reply_to_message"]["text"].startswith("une marque veut")


async def test_no_typing_indicator_when_the_answer_is_quick(bot: Harness) -> None:
    bot.app.bot_data.services.settings.typing_delay = 5
    sent = await bot.say(EN, "what is a kill fee?")
    assert [s.method for s in sent] == ["sendMessage"]


async def test_hostile_text_is_escaped_and_long_text_is_answered(bot: Harness) -> None:
    sent = await bot.say(EN, "<b>how much</b> & what should I charge for a <script>reel</script>? &amp; *_`[x](y)")
    assert texts(sent) and not bot.api.errors
    sent = await bot.say(EN, "brand deal contract exclusivity " * 330)  # ~10,000 characters
    assert texts(sent) and all(len(t) <= 4096 for t in texts(sent)) and not bot.api.errors


async def test_emoji_stickers_and_photos_get_a_friendly_word(bot: Harness) -> None:
    [emoji] = texts(await bot.say(FR, "🙂🙂🙂", "fr"))
    assert "collaborations avec les marques" in emoji
    [sticker] = texts(
        await bot.say(
            FR,
            None,
            "fr",
            sticker=STICKER,
        )
    )
    assert "messages texte" in sticker
    [voice] = texts(await bot.say(EN, None, voice={"file_id": "v", "file_unique_id": "v", "duration": 2}))
    assert "only read text" in voice


async def test_feedback_is_stored_once_and_the_callback_answered(bot: Harness) -> None:
    [answer] = texts_sent = [
        s for s in await bot.say(EN, "how do I disclose a paid partnership on instagram?") if s.method == "sendMessage"
    ]
    assert texts_sent
    vote = "fb:0:" + answer.buttons[0]["callback_data"].split(":")[2]
    sent = await bot.press(EN, vote, answer)
    assert [s.method for s in sent] == ["answerCallbackQuery", "editMessageReplyMarkup"]
    remaining = [b["text"] for row in sent[1].params["reply_markup"]["inline_keyboard"] for b in row]
    assert "👍" not in remaining and "👎" not in remaining
    for _ in range(9):  # the same press replayed: still one vote
        await bot.press(EN, vote, answer)
    [forged] = await bot.press(EN, "fb:0:no-such-card", answer)
    assert "expired" in forged.params["text"]
    async with bot.db.db.execute("SELECT * FROM feedback") as cursor:
        rows = await cursor.fetchall()
        columns = [column[0] for column in cursor.description]
    assert len(rows) == 1 and dict(zip(columns, rows[0], strict=True))["vote"] == -1
    assert "question" not in columns and "instagram" not in repr(rows)  # votes keep no question text


async def test_every_path_that_computes_an_answer_is_throttled(bot: Harness) -> None:
    """Rate 5 a minute: example buttons, follow-ups, pasted offers and inline queries share the same tokens."""
    [welcome] = [s for s in await bot.say(EN, "/start") if s.method == "sendMessage"]
    example = welcome.buttons[0]["callback_data"]
    for _ in range(3):
        assert texts(await bot.press(EN, example, welcome))
    offer = "Hi! Brand X here. We offer 300 EUR for 1 reel on Instagram, paid 30 days after posting. Interested?"
    assert texts(await bot.say(EN, offer))
    await bot.send({"inline_query": {"id": "q1", "from": {"id": EN, "is_bot": False, "first_name": "E"},
                                     "query": "what is a kill fee", "offset": ""}})  # fmt: skip
    assert bot.api.sent[-1].method == "answerInlineQuery" and bot.api.sent[-1].params["results"]
    # The sixth: a pasted offer gets the "slow down" message, not silence; then buttons and inline get nothing.
    [warning] = texts(await bot.say(EN, offer))
    assert "wait a minute" in warning
    [refused] = await bot.press(EN, example, welcome)
    assert refused.method == "answerCallbackQuery"
    before = len(bot.api.sent)
    await bot.send({"inline_query": {"id": "q2", "from": {"id": EN, "is_bot": False, "first_name": "E"},
                                     "query": "what is a kill fee", "offset": ""}})  # fmt: skip
    [empty] = bot.api.sent[before:]
    assert empty.method == "answerInlineQuery" and empty.params["results"] == []


async def test_no_text_is_read_on_the_event_loop(bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a message (is it an offer? its facts) runs in a worker thread: a 4,096-digit message from one
    user must not hold up every other user's answer."""
    import asyncio

    from bot.telegram.handlers import offers

    on_loop: list[str] = []

    def watch(name: str, real):
        def call(*args, **kwargs):
            try:
                asyncio.get_running_loop()
                on_loop.append(name)
            except RuntimeError:
                pass
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(offers, "understand", watch("understand", offers.understand))
    monkeypatch.setattr(offers, "apply_answer", watch("apply_answer", offers.apply_answer))
    assert texts(await bot.say(EN, "9" * 4096))
    assert texts(await bot.say(EN, "Brand X offers 300 EUR for 1 reel on Instagram, paid 30 days after posting."))
    await bot.say(EN, "/offer")
    await bot.say(EN, "200 euros")
    assert on_loop == []


async def test_checklist_follow_up_and_expired_buttons(bot: Harness) -> None:
    [answer] = [s for s in await bot.say(EN, "is a 12 month exclusivity normal?") if s.method == "sendMessage"]
    checklist = await bot.press(EN, "ck", answer)
    assert checklist[0].method == "answerCallbackQuery" and "full checklist" in checklist[1].text
    follow_up = next(b for b in answer.buttons if b["callback_data"].startswith("fu:"))
    sent = await bot.press(EN, follow_up["callback_data"], answer)
    assert sent[0].method == "answerCallbackQuery" and texts(sent)
    for forged in ["fu:no-such-card:0", "fu:fair-pay:99", "zz", "fb:7:x", "ex:de:0", "lang:de", ":::"]:
        [reply] = await bot.press(EN, forged)
        assert reply.method == "answerCallbackQuery" and "expired" in reply.params["text"]


async def test_lang_choice_is_stored_and_wins_over_detection(bot: Harness) -> None:
    await bot.say(EN, "/lang fr")
    assert await bot.db.language(EN) == "fr"
    [answer] = texts(await bot.say(EN, "how much should I charge for a reel?"))
    assert "Checklist pour juger une offre" in answer
    [menu] = await bot.say(EN, "/lang")
    [_, edited] = await bot.press(EN, "lang:en", menu)
    assert edited.method == "editMessageText" and await bot.db.language(EN) == "en"


async def test_forget_erases_every_row_after_confirmation(bot: Harness) -> None:
    await bot.say(FR, "/lang fr", "fr")
    [answer] = [s for s in await bot.say(FR, "combien facturer un reel ?", "fr") if s.method == "sendMessage"]
    await bot.press(FR, "fb:1:fair-pay", answer)
    assert await bot.db.rows_about(FR) >= 2
    [confirm] = await bot.say(FR, "/forget", "fr")
    await bot.press(FR, "forget:no", confirm)
    assert await bot.db.rows_about(FR) >= 2
    [_, done] = await bot.press(FR, "forget:yes", confirm)
    assert "effacé" in done.text and await bot.db.rows_about(FR) == 0


async def test_groups_answer_ask_and_replies_to_the_bot_only(bot: Harness) -> None:
    group = {"chat_id": -500, "chat_type": "group"}
    assert texts(await bot.say(EN, "anyone up for lunch?", **group)) == []
    [usage] = texts(await bot.say(EN, "/ask", **group))
    assert "after /ask" in usage
    [answer] = texts(await bot.say(EN, "/ask is it ok to accept crypto sponsorships?", **group))
    assert "Checklist" in answer
    bot_message = {
        "message_id": 5,
        "date": 0,
        "chat": {"id": -500, "type": "group"},
        "from": {"id": 123456, "is_bot": True, "first_name": "Coach"},
        "text": "…",
    }
    other = {**bot_message, "from": {"id": 77, "is_bot": False, "first_name": "Sam"}}
    assert texts(await bot.say(EN, "and for gambling?", reply_to_message=other, **group)) == []
    assert texts(await bot.say(EN, "and for gambling ads?", reply_to_message=bot_message, **group))


async def test_edited_messages_are_ignored(bot: Harness) -> None:
    update = message_update(EN, "how much for a tiktok?")
    await bot.send({"edited_message": {**update["message"], "edit_date": 1}})
    assert bot.api.sent == []


async def test_too_many_questions_get_one_polite_warning(bot: Harness) -> None:
    for _ in range(5):
        assert texts(await bot.say(EN, "what is a kill fee?"))
    [warning] = texts(await bot.say(EN, "what is a kill fee?"))
    assert "wait a minute" in warning
    assert texts(await bot.say(EN, "what is a kill fee?")) == []


async def test_refused_markup_falls_back_to_plain_text(bot: Harness) -> None:
    context = bot.app.context_types.context.from_update(None, bot.app)
    sent = await send_html(context, EN, "<b>broken & unclosed")
    assert sent.text == "broken & unclosed"
    assert bot.api.errors and "can't parse entities" in bot.api.errors[0][1]
    assert bot.api.sent[-1].params.get("parse_mode") is None


async def test_a_failing_update_is_logged_answered_and_the_bot_goes_on(
    bot: Harness, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("engine down")

    monkeypatch.setattr(bot.app.bot_data.services.engine, "ask_many", broken)
    [apology] = texts(await bot.say(FR, "combien facturer ?", "fr"))
    assert "problème" in apology
    assert "update 1 failed" in caplog.text and "engine down" in caplog.text
    monkeypatch.undo()
    assert texts(await bot.say(FR, "combien facturer un reel ?", "fr"))


OFFER = (
    "Bonjour Léa ! Nous sommes Solène Cosmétiques et aimerions collaborer pour notre sérum : 1 reel Instagram + "
    "3 stories, rémunération 450 € HT, paiement à 30 jours. Exclusivité de 12 mois sur tous les soins. Merci de "
    "mentionner « Collaboration commerciale »."
)


async def test_a_pasted_offer_gets_a_card_a_verdict_and_can_be_corrected(bot: Harness) -> None:
    sent = [s for s in await bot.say(FR, OFFER, "fr") if s.method == "sendMessage"]
    card, verdict = sent[0], sent[-1]
    assert "Ce que dit l'offre" in card.text and "450" in card.text
    assert any(b["callback_data"] == "of:fix:pay" for b in card.buttons)
    assert "Verdict : négocier" in sent[1].text and "Une réponse à envoyer" in verdict.text
    async with bot.db.db.execute("SELECT verdict, red_flags FROM offers WHERE user_id = ?", (FR,)) as cursor:
        assert await cursor.fetchall() == [("negotiate", '["long_exclusivity"]')]
    [ask] = [s for s in await bot.press(FR, "of:fix:pay", card) if s.method == "sendMessage"]
    assert "Que propose la marque" in ask.text
    corrected = [s for s in await bot.say(FR, "juste un coffret offert", "fr") if s.method == "sendMessage"]
    assert "produit offert" in corrected[0].text and "450" not in corrected[0].text
    assert not bot.api.errors


async def test_guided_offer_with_buttons_skip_and_cancel(bot: Harness) -> None:
    [intro, first] = await bot.say(EN, "/offer")
    assert "/cancel" in intro.text and "What does the brand offer" in first.text
    await bot.say(EN, "300 dollars")
    await bot.say(EN, "2 tiktoks")
    [rights_q] = [s for s in await bot.say(EN, "vegan snacks") if s.method == "sendMessage"]
    assert "reuse" in rights_q.text
    await bot.press(EN, "of:set:rights:none", rights_q)
    [payment_q] = [s for s in await bot.press(EN, "of:skip:exclusivity") if s.method == "sendMessage"]
    assert "When would you be paid" in payment_q.text
    [disclosure_q] = [s for s in await bot.say(EN, "net 30") if s.method == "sendMessage"]
    result = [s for s in await bot.press(EN, "of:set:disclosure:required", disclosure_q) if s.method == "sendMessage"]
    assert "Verdict: accept" in result[1].text
    assert "300" in result[0].text and "2 × tiktok" in result[0].text
    await bot.say(EN, "/offer")
    [stopped] = await bot.say(EN, "/cancel")
    assert "Stopped" in stopped.text and await bot.db.dialog(EN) is None
    [nothing] = await bot.say(EN, "/cancel")
    assert "Nothing to cancel" in nothing.text


async def test_profile_is_set_by_buttons_and_used_for_offers(bot: Harness) -> None:
    [shown] = await bot.say(FR, "/profile", "fr")
    assert "Votre profil" in shown.text and any(b["callback_data"] == "pf:no_go" for b in shown.buttons)
    await bot.press(FR, "pf:no_go", shown)
    [saved] = await bot.say(FR, "alcool et paris sportifs", "fr")
    assert "C'est enregistré" in saved.text and "alcool" in saved.text
    await bot.press(FR, "pf:minors_share", shown)
    [invalid] = await bot.say(FR, "beaucoup", "fr")
    assert "pas compris" in invalid.text
    await bot.say(FR, "30 %", "fr")
    assert await bot.db.profile(FR) == {"no_go": ["gambling", "alcohol"], "minors_share": 0.3}
    gin = "Bonjour, notre marque de gin aimerait 1 reel rémunéré 400 €, paiement à 30 jours, mention #pub merci !"
    sent = [s for s in await bot.say(FR, gin, "fr") if s.method == "sendMessage"]
    assert "Verdict : refuser" in sent[1].text
    await bot.say(FR, "/forget", "fr")
    await bot.press(FR, "forget:yes")
    assert await bot.db.rows_about(FR) == 0 and await bot.db.profile(FR) is None


async def test_offer_buttons_without_an_offer_are_refused(bot: Harness) -> None:
    for data in ["of:fix:pay", "of:skip:pay", "of:set:rights:none", "of:fix:colour", "pf:values", "pf:zzz"]:
        [reply] = await bot.press(EN, data)
        assert reply.method == "answerCallbackQuery" and "expired" in reply.params["text"]


async def test_a_follow_up_is_read_with_the_previous_question_until_forget(bot: Harness) -> None:
    [first] = texts(await bot.say(EN, "how do I ask a brand for a higher fee?"))
    stored = await bot.db.exchanges.last(EN)
    assert stored is not None and stored.question == "how do I ask a brand for a higher fee?" and stored.shown
    [answer] = texts(await bot.say(EN, "and if they refuse?"))
    assert "outside what I can help with" not in answer  # alone, "and if they refuse?" names no topic
    # Answered within the topic, and not with what the first answer said.
    assert answer.split("\n")[0] != first.split("\n")[0] and stored.shown[0] not in answer
    # The topic stays the first question's: a second follow-up is read with it too, and sees both answers' passages.
    again = await bot.db.exchanges.last(EN)
    assert again is not None and again.question == "how do I ask a brand for a higher fee?"
    assert again.shown[: len(stored.shown)] == stored.shown and len(again.shown) > len(stored.shown)
    [more] = texts(await bot.say(EN, "tell me more"))
    assert more.split("\n")[0] not in (first.split("\n")[0], answer.split("\n")[0])
    [confirm] = await bot.say(EN, "/forget")
    await bot.press(EN, "forget:yes", confirm)
    assert await bot.db.exchanges.last(EN) is None


async def test_a_question_right_after_a_judged_offer_is_about_that_offer(bot: Harness) -> None:
    await bot.say(EN, "do I have to declare gifted products?")  # an earlier topic, replaced by the offer
    offer = (
        "Hi Sam! Loving your feed, we're GlowLab, a new skincare brand. We'd love to send you our serum for 1 reel "
        "+ 2 stories. To join our ambassador program there's a one-off £25 starter kit fee. Reply within 24h!"
    )
    assert "Verdict: decline" in "".join(texts(await bot.say(EN, offer)))
    stored = await bot.db.exchanges.last(EN)
    assert stored is not None and stored.question == offer and stored.card_id == "pay-to-be-ambassador"
    [answer] = texts(await bot.say(EN, "is that normal? they seem legit, 40k followers"))
    # Read with the offer, on its most serious reason: paying to join, not the gifted-products question before it.
    assert '"Ambassador" programmes where you have to pay' in answer.split("Sources:")[-1]
    assert "gift" not in answer.split("\n")[0].lower()


async def test_a_described_scam_leads_with_the_warning_and_never_gets_accept(bot: Harness) -> None:
    [answer] = texts(await bot.say(FR, "on me demande de payer 49€ pour le kit ambassadeur, arnaque ?", "fr"))
    assert answer.startswith("⚠️ Attention")
    assert "Verdict : refuser" in answer and "rien d'alarmant" not in answer


async def test_small_talk_gets_a_short_friendly_reply(bot: Harness) -> None:
    [reply] = texts(await bot.say(FR, "merci beaucoup !", "fr"))
    assert reply.startswith("Avec plaisir") and len(reply) < 200


async def test_more_details_button_sends_the_points_and_sources(bot: Harness) -> None:
    sent = await bot.say(EN, "what is a kill fee?")
    [answer] = [s for s in sent if s.method == "sendMessage"]
    more = next(b for b in answer.buttons if b.get("callback_data", "").startswith("md:"))
    details = texts(await bot.press(EN, more["callback_data"], answer))
    assert details[0].startswith("Key points") and "Sources" in details[-1] and "Tomoson" in details[-1]


async def test_the_country_is_asked_once_on_the_first_law_question_and_reanswers(bot: Harness) -> None:
    # General advice holds everywhere: no need to ask.
    assert len(texts(await bot.say(EN, "what is a kill fee?"))) == 1
    sent = [s for s in await bot.say(EN, "do i have to pay tax on my brand deals?") if s.method == "sendMessage"]
    answer, question = sent
    assert "Where do you create?" in question.text
    codes = [b["callback_data"] for b in question.buttons]
    assert codes == [f"ct:{code}:en" for code in ("fr", "be", "ch", "ca", "uk", "us", "other", "skip")]
    # A tap stores the country and answers again with that country's rules.
    again = await bot.press(EN, "ct:uk:en", question)
    assert again[0].method == "answerCallbackQuery"
    assert any(s.method == "editMessageText" and "Noted: 🇬🇧 United Kingdom" in s.params["text"] for s in again)
    assert (await bot.db.profile(EN))["country"] == "uk"  # type: ignore[index]
    [uk] = texts(again)
    assert uk != answer.text and "HMRC" in uk
    # Never asked again, on any law or tax question.
    assert len(texts(await bot.say(EN, "do I need to write #ad on instagram by law?"))) == 1


async def test_a_skipped_country_question_is_never_asked_again(bot: Harness) -> None:
    [_, question] = texts(await bot.say(FR, "je dois déclarer mes revenus de partenariat aux impôts ?", "fr"))
    assert "D'où créez-vous ?" in question
    [_, skipped] = await bot.press(FR, "ct:skip:fr")
    assert skipped.method == "editMessageText" and "je ne vous le redemanderai pas" in skipped.params["text"]
    assert "country" not in (await bot.db.profile(FR) or {})
    assert len(texts(await bot.say(FR, "et la TVA, je dois la facturer ?", "fr"))) == 1
    # A country named in the message needs no question either, and a forged button changes nothing.
    for forged in ["ct:de:fr", "ct:uk", "ct:uk:de"]:
        [reply] = await bot.press(FR, forged)
        assert reply.method == "answerCallbackQuery" and "expir" in reply.params["text"]
    assert "country" not in (await bot.db.profile(FR) or {})


async def test_a_country_named_in_the_message_is_not_asked_for(bot: Harness) -> None:
    assert len(texts(await bot.say(EN, "i'm in the UK, do i pay tax on gifted products?"))) == 1


async def test_the_country_a_creator_said_holds_for_their_next_questions(bot: Harness) -> None:
    user = 1003
    await bot.say(user, "hi, I'm a UK based creator with 9k on instagram. how much should I charge for a reel?")
    stored = await bot.db.exchanges.last(user)
    assert stored is not None and stored.country == "uk"
    # Two new topics later, with no country in them: still answered for the UK, and not asked where they are.
    await bot.say(user, "what should an exclusivity clause say to be fair for me?")
    assert (await bot.db.exchanges.last(user)).question.startswith("what should an exclusivity")  # type: ignore[union-attr]
    replies = await bot.say(user, "do I have to pay tax on the products brands send me?")
    [answer] = texts(replies)
    assert "HMRC" in answer or "trading allowance" in answer
    assert not any(r.buttons for r in replies if "country" in str(r.buttons))
    assert (await bot.db.exchanges.last(user)).country == "uk"  # type: ignore[union-attr]
