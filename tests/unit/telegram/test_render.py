"""Telegram formatting: escaping, message splitting, callback data."""

import pytest

from bot.telegram.render import MAX_MESSAGE, Callback, esc, plain_text, split_message, utf16_len


def test_markup_in_user_text_is_escaped() -> None:
    assert esc("<b>5 & 6</b>") == "&lt;b&gt;5 &amp; 6&lt;/b&gt;"
    assert plain_text("<b>a &amp; b</b>") == "a & b"


def test_paragraphs_are_packed_under_the_limit_and_never_lost() -> None:
    blocks = [f"<b>Part {n}</b>\n" + "word " * 300 for n in range(12)]
    messages = split_message(blocks)
    assert len(messages) > 1 and all(len(message) <= MAX_MESSAGE for message in messages)
    assert "\n\n".join(messages) == "\n\n".join(blocks)


def test_a_paragraph_longer_than_a_message_is_cut_as_plain_text() -> None:
    [*messages] = split_message(["<i>" + "a" * 10_000 + "</i>"])
    assert all(len(message) <= MAX_MESSAGE and "<i>" not in message for message in messages)
    assert "".join(messages).count("a") == 10_000


def test_callback_data_round_trips_and_stays_under_64_bytes() -> None:
    assert Callback.decode(Callback("fu", ("fair-pay", "2")).encode()) == Callback("fu", ("fair-pay", "2"))
    assert Callback.decode("x" * 65) is None
    with pytest.raises(ValueError):
        Callback("fb", ("0", "é" * 40)).encode()


def test_messages_are_measured_in_utf16_units_as_telegram_counts_them() -> None:
    emoji = "👍" * 3000  # 3,000 code points but 6,000 UTF-16 units
    messages = split_message([emoji, "<b>" + "é&" * 2500 + "</b>"])
    assert all(utf16_len(message) <= MAX_MESSAGE for message in messages)
    assert "".join(messages).count("👍") == 3000 and "".join(messages).count("&amp;") == 2500
    assert not any(message.endswith("&") or "&am" in message.rsplit("&amp;", 1)[-1] for message in messages)


def test_inline_results_are_cut_in_utf16_units_and_never_inside_an_entity() -> None:
    from bot.telegram.handlers.coaches import _article

    article = _article("t", "d", esc("👍&" * 3000))
    text = article.input_message_content.message_text
    assert utf16_len(text) <= MAX_MESSAGE and text.endswith(("&amp;", "👍"))
