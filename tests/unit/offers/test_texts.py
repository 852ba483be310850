from bot.offers.texts import say


def test_one_month_is_singular_in_english_and_french() -> None:
    assert say("months", "en", n=1) == "1 month"
    assert say("months", "en", n=6) == "6 months"
    assert say("months", "fr", n=1) == "1 mois"
