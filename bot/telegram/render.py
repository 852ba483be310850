"""All Telegram formatting: HTML escaping, splitting under 4096 UTF-16 units, keyboards, callback data."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.advice import Answer
from bot.i18n import Lang, colon, source_date
from bot.offers import Evaluation, Profile
from bot.offers.describe import fact_lines
from bot.offers.texts import category_name
from bot.telegram.texts import t

MAX_MESSAGE = 4096
MAX_CALLBACK_BYTES = 64
TAG = re.compile(r"<[^>]+>")


def esc(text: str) -> str:
    return html.escape(text, quote=False)


# ---- callback data: short, parseable, never more than 64 bytes -------------------------------------------
@dataclass(frozen=True)
class Callback:
    action: str  # fb (feedback), ck (full checklist), fu (follow-up), ex (example), lang, forget
    args: tuple[str, ...] = ()

    def encode(self) -> str:
        data = ":".join((self.action, *self.args))
        if len(data.encode()) > MAX_CALLBACK_BYTES:
            raise ValueError(f"callback data over {MAX_CALLBACK_BYTES} bytes: {data!r}")
        return data

    @classmethod
    def decode(cls, data: str | None) -> Callback | None:
        if not data or len(data.encode()) > MAX_CALLBACK_BYTES:
            return None
        action, *args = data.split(":")
        return cls(action, tuple(args))


def button(text: str, callback: Callback) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=callback.encode())


# ---- answers ------------------------------------------------------------------------------------------
def answer_blocks(answer: Answer) -> list[str]:
    """The answer as HTML paragraphs; each paragraph is well-formed on its own, so any split between them is."""
    lang = answer.lang
    if not answer.in_scope:
        return [esc(answer.summary)]
    # The direct answer (warnings first) fits one phone screen; more details and the sources' links are behind
    # the "more details" button.
    blocks = [f"<b>{esc(warning)}</b>" for warning in answer.warnings]
    blocks.append(esc(answer.summary))
    if answer.key_points:
        blocks.append("\n".join(f"• {esc(p)}" for p in answer.key_points))
    if answer.offer:
        blocks.append("\n".join([f"<b>{esc(answer.offer.text)}</b>", *(f"• {esc(p)}" for p in answer.offer.points)]))
    if answer.jurisdiction_note:
        blocks.append(f"<i>{esc(answer.jurisdiction_note)}</i>")
    if answer.template:
        blocks.append(f"<b>{esc(t('template', lang))}</b>\n<blockquote>{esc(answer.template)}</blockquote>")
    blocks.append(checklist_block(answer.checklist, answer.checklist_title or t("checklist", lang)))
    blocks.append(sources_block(answer, lang, links=False))
    return blocks


def details_blocks(answer: Answer) -> list[str]:
    """The "more details" message: every point, the original sources with links, the full checklist."""
    lang = answer.lang
    points = [*answer.key_points, *answer.more_points]
    blocks = [f"<b>{esc(t('key_points', lang))}</b>\n" + "\n".join(f"• {esc(p)}" for p in points)] if points else []
    blocks.append(checklist_block(answer.full_checklist or answer.checklist, t("full_checklist", lang)))
    blocks.append(sources_block(answer, lang))
    return blocks


def checklist_block(items: Sequence[str], heading: str) -> str:
    return f"<b>{esc(heading)}</b>\n" + "\n".join(f"☐ {esc(item)}" for item in items)


def sources_block(answer: Answer, lang: Lang, links: bool = True) -> str:
    cards = " · ".join(esc(source.title) for source in answer.sources)
    refs = ", ".join(
        f'<a href="{html.escape(ref.url, quote=True)}">{esc(ref.publisher)}</a> ({esc(source_date(ref.date, lang))})'
        for ref in (answer.references if links else ())
    )
    footer = [answer.as_of_text, f"{t('knowledge_base', lang)} {answer.kb_version}"]
    lines = [f"<b>{esc(t('sources', lang))}</b>{colon(lang)} {cards}"]
    if refs:
        lines.append(refs)
    lines.append(f"<i>{esc(' · '.join(part for part in footer if part))}</i>")
    return "\n".join(lines)


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: in UTF-16 code units (an emoji outside the BMP counts 2)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def split_message(blocks: Sequence[str], limit: int = MAX_MESSAGE) -> list[str]:
    """Pack paragraphs into messages of at most `limit` UTF-16 units, never cutting inside one if avoidable."""
    messages: list[str] = []
    current = ""
    for block in _fit(blocks, limit):
        candidate = f"{current}\n\n{block}" if current else block
        if utf16_len(candidate) <= limit:
            current = candidate
        else:
            messages.append(current)
            current = block
    if current:
        messages.append(current)
    return messages


def _fit(blocks: Sequence[str], limit: int) -> list[str]:
    """Paragraphs longer than a message are cut by line, then as plain text (their markup dropped)."""
    fitted: list[str] = []
    for block in blocks:
        if utf16_len(block) <= limit:
            fitted.append(block)
            continue
        for line in block.split("\n"):
            if utf16_len(line) <= limit and _balanced(line):
                fitted.append(line)
            else:
                fitted.extend(_cut_plain(plain_text(line), limit))
    return fitted


def _cut_plain(plain: str, limit: int) -> list[str]:
    """Escaped pieces of `plain`, each at most `limit` UTF-16 units once escaped (never cutting an entity)."""
    pieces: list[str] = []
    piece: list[str] = []
    size = 0
    for ch in plain:
        escaped = esc(ch)
        width = utf16_len(escaped)
        if size + width > limit:
            pieces.append("".join(piece))
            piece, size = [], 0
        piece.append(escaped)
        size += width
    if piece:
        pieces.append("".join(piece))
    return pieces


def _balanced(fragment: str) -> bool:
    opened = [m.group(1) for m in re.finditer(r"<([a-z]+)[^>]*>", fragment)]
    closed = [m.group(1) for m in re.finditer(r"</([a-z]+)>", fragment)]
    return sorted(opened) == sorted(closed)


def plain_text(markup: str) -> str:
    """The same message without markup: the fallback when Telegram refuses the HTML."""
    return html.unescape(TAG.sub("", markup))


MORE_DETAILS: dict[Lang, str] = {"en": "➕ More details and sources", "fr": "➕ Plus de détails et sources"}


# ---- keyboards ----------------------------------------------------------------------------------------
def answer_keyboard(answer: Answer, lang: Lang) -> InlineKeyboardMarkup | None:
    if not answer.in_scope:
        return None
    top = answer.sources[0].id
    rows = [
        [
            button("👍", Callback("fb", ("1", top))),
            button("👎", Callback("fb", ("0", top))),
            button(t("button_full_checklist", lang), Callback("ck")),
        ],
        [button(MORE_DETAILS[lang], Callback("md", (top,)))],
    ]
    rows += [[button(f.question, Callback("fu", (f.card_id, str(f.index))))] for f in answer.follow_ups]
    # Share through inline mode: the question goes into "@bot …" in a chat the user picks.
    rows.append([InlineKeyboardButton(t("button_share", lang), switch_inline_query=answer.question[:200])])
    return InlineKeyboardMarkup(rows)


def examples_keyboard(lang: Lang) -> InlineKeyboardMarkup:
    examples = t("examples", lang).split("|")
    return InlineKeyboardMarkup([[button(text, Callback("ex", (lang, str(i))))] for i, text in enumerate(examples)])


def language_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[button("🇫🇷 Français", Callback("lang", ("fr",))), button("🇬🇧 English", Callback("lang", ("en",)))]]
    )


def forget_keyboard(lang: Lang) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                button(t("forget_yes", lang), Callback("forget", ("yes",))),
                button(t("forget_no", lang), Callback("forget", ("no",))),
            ]
        ]
    )


# ---- offers ---------------------------------------------------------------------------------------------
STATUS_ICONS = {"bad": "⛔", "warn": "⚠️", "unknown": "❔", "ok": "✅"}
FIXABLE = ("pay", "deliverables", "category", "rights", "exclusivity", "payment", "disclosure")


def offer_card(evaluation: Evaluation) -> str:
    lang = evaluation.ui_lang
    lines = [f"<b>{esc(t('offer_facts', lang))}</b>"]
    lines += [f"• {esc(label)}{colon(lang)} {esc(value)}" for label, value in fact_lines(evaluation.facts, lang)]
    lines += ["", f"<i>{esc(t('offer_card_hint', lang))}</i>"]
    return "\n".join(lines)


def offer_card_keyboard(lang: Lang, has_coach: bool = False) -> InlineKeyboardMarkup:
    buttons = [button(t(f"fix_{field}", lang), Callback("of", ("fix", field))) for field in FIXABLE]
    rows = [buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    if has_coach:
        rows.append([button(t("button_to_coach", lang), Callback("tocoach"))])
    return InlineKeyboardMarkup(rows)


def verdict_blocks(evaluation: Evaluation, card_titles: list[str]) -> list[str]:
    lang = evaluation.ui_lang
    shown = [r for r in evaluation.reasons if r.status != "ok"] or evaluation.reasons
    blocks = [
        f"<b>{esc(t(f'verdict_{evaluation.verdict}', lang))}</b>\n"
        + "\n".join(f"{STATUS_ICONS[r.status]} {esc(r.text)}" for r in shown)
    ]
    if evaluation.negotiation_points:
        blocks.append(
            f"<b>{esc(t('offer_points', lang))}</b>\n" + "\n".join(f"• {esc(p)}" for p in evaluation.negotiation_points)
        )
    blocks.append(checklist_block(evaluation.checklist, t("offer_checklist", lang)))
    blocks.append(f"<b>{esc(t('offer_reply', lang))}</b>\n<pre>{esc(evaluation.reply_draft)}</pre>")
    footer = f"{t('offer_sources', lang)}{colon(lang)} {' · '.join(card_titles)}" if card_titles else ""
    blocks.append(
        f"<i>{esc(footer)}{' · ' if footer else ''}{esc(t('knowledge_base', lang))} {evaluation.kb_version}</i>"
    )
    return blocks


def step_keyboard(field: str, lang: Lang) -> InlineKeyboardMarkup:
    """Quick answers for a guided step; free text works for every step."""
    rows: list[list[InlineKeyboardButton]] = []
    if field in ("rights", "exclusivity"):
        rows.append([button(t("button_none", lang), Callback("of", ("set", field, "none")))])
    if field == "disclosure":
        rows.append(
            [
                button(t("button_disclose", lang), Callback("of", ("set", field, "required"))),
                button(t("button_hide", lang), Callback("of", ("set", field, "hidden"))),
            ]
        )
        rows.append([button(t("button_not_said", lang), Callback("of", ("set", field, "unknown")))])
    rows.append([button(t("button_skip", lang), Callback("of", ("skip", field)))])
    return InlineKeyboardMarkup(rows)


PROFILE_FIELDS = ("editorial_line", "no_go", "platforms", "audience_size", "minors_share")


def profile_text(profile: Profile, lang: Lang) -> str:
    unknown = t("offer_unknown", lang)
    values = {
        "editorial_line": profile.editorial_line or unknown,
        "no_go": ", ".join(category_name(c, lang) for c in profile.no_go) or unknown,
        "platforms": ", ".join(profile.platforms) or unknown,
        "audience_size": f"{profile.audience_size:,}".replace(",", " ") if profile.audience_size else unknown,
        "minors_share": f"{profile.minors_share:.0%}" if profile.minors_share is not None else unknown,
    }
    lines = [f"<b>{esc(t('profile_title', lang))}</b>"]
    lines += [f"• {esc(t(f'pf_{name}', lang))}: {esc(str(values[name]))}" for name in PROFILE_FIELDS]
    return "\n".join([*lines, "", f"<i>{esc(t('profile_hint', lang))}</i>"])


def profile_keyboard(lang: Lang) -> InlineKeyboardMarkup:
    rows = [[button(f"✏️ {t(f'pf_{name}', lang)}", Callback("pf", (name,)))] for name in PROFILE_FIELDS]
    rows.append([button(t("pf_clear", lang), Callback("pf", ("clear",)))])
    return InlineKeyboardMarkup(rows)
