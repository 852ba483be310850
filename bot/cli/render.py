"""Plain-text rendering of an answer for the terminal."""

from __future__ import annotations

from bot.advice import Answer
from bot.cli.texts import t
from bot.i18n import Lang, colon, source_date
from bot.offers import Evaluation
from bot.offers.describe import fact_lines


def render_answer(answer: Answer) -> str:
    lang = answer.lang
    if not answer.in_scope:
        return answer.summary
    lines = [*(line for warning in answer.warnings for line in (warning, "")), answer.summary, ""]
    if answer.key_points:
        lines += [*(f"  • {point}" for point in answer.key_points), ""]
    if answer.offer:
        lines += [answer.offer.text, *(f"  - {point}" for point in answer.offer.points), ""]
    if answer.jurisdiction_note:
        lines += [answer.jurisdiction_note, ""]
    if answer.template:
        lines += [f"{t('template', lang)}{colon(lang)}", *(f"  | {line}" for line in answer.template.splitlines()), ""]
    lines += [
        f"{answer.checklist_title or t('checklist', lang)}{colon(lang)}",
        *(f"  [ ] {item}" for item in answer.checklist),
        "",
    ]
    sources = "; ".join(source.title for source in answer.sources)
    refs = "; ".join(f"{ref.publisher} ({source_date(ref.date, lang)})" for ref in answer.references)
    lines.append(f"{t('sources', lang)}{colon(lang)} {sources}" + (f" — {refs}" if refs else ""))
    if answer.as_of_text:
        lines.append(f"({answer.as_of_text})")
    return "\n".join(lines)


def render_details(answer: Answer) -> str:
    """What /more shows in the terminal: every point, the full checklist."""
    lang = answer.lang
    points = [*answer.key_points, *answer.more_points]
    lines = [f"{t('key_points', lang)}{colon(lang)}", *(f"  • {point}" for point in points), ""] if points else []
    lines += [f"{t('full_checklist', lang)}{colon(lang)}", *(f"  [ ] {item}" for item in answer.full_checklist)]
    return "\n".join(lines)


def render_checklist(items: list[str], lang: Lang) -> str:
    return "\n".join([f"{t('full_checklist', lang)}{colon(lang)}", *(f"  [ ] {item}" for item in items)])


def render_evaluation(evaluation: Evaluation) -> str:
    lang = evaluation.ui_lang
    lines = [t(f"verdict_{evaluation.verdict}", lang), ""]
    lines += [f"{t('offer_why', lang)}{colon(lang)}"]
    lines += [f"  {ICONS[r.status]} {r.text}" for r in evaluation.reasons if r.status != "ok"] or [
        f"  {ICONS['ok']} {r.text}" for r in evaluation.reasons
    ]
    lines += [
        "",
        f"{t('offer_facts', lang)}{colon(lang)}",
        *(f"  {label}{colon(lang)} {value}" for label, value in fact_lines(evaluation.facts, lang)),
    ]
    if evaluation.negotiation_points:
        lines += ["", f"{t('offer_points', lang)}{colon(lang)}", *(f"  - {p}" for p in evaluation.negotiation_points)]
    lines += ["", f"{t('offer_checklist', lang)}{colon(lang)}", *(f"  [ ] {item}" for item in evaluation.checklist)]
    lines += [
        "",
        f"{t('offer_reply', lang)}{colon(lang)}",
        *(f"  | {line}" for line in evaluation.reply_draft.splitlines()),
    ]
    return "\n".join(lines)


ICONS = {"bad": "⛔", "warn": "⚠️", "unknown": "❔", "ok": "✅"}
