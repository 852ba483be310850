"""What a forwarded or replied mail wraps around the message: forward banners, header blocks, "On … wrote:" lines,
quote marks, signatures after "-- ", phone sign-offs and confidentiality footers. Line by line, linear."""

from __future__ import annotations

from bot.text.fold import fold

_BANNERS = (
    "forwarded message", "original message", "message transfere", "message d'origine", "begin forwarded message",
    "debut du message reexpedie", "message reexpedie", "courriel original", "message original",
)  # fmt: skip
_HEADERS = (
    "from", "to", "cc", "bcc", "cci", "sent", "date", "subject", "de", "a", "envoye", "envoye le", "objet", "reply-to",
    "repondre a", "sujet", "le", "expediteur", "destinataire",
)  # fmt: skip
_SUBJECT_HEADERS = ("subject", "objet", "sujet")
_SUBJECT_PREFIXES = ("fwd:", "fw:", "tr:", "re:", "ref:", "trans:", "wg:")
_PHONE_SIGNOFFS = (
    "sent from my", "envoye de mon", "envoye depuis mon", "get outlook for", "telecharger outlook",
    "obtenir outlook", "sent via", "envoye via",
)  # fmt: skip
_FOOTERS = (
    "this email and any", "this e-mail and any", "this message and any", "this message is confidential",
    "this email is confidential", "confidentiality notice", "ce message et toutes", "ce message et les pieces",
    "ce message et ses pieces", "ce mail et", "this message and its", "this email and its",
    "ce courriel et", "ce message est confidentiel", "ce courriel est confidentiel", "avertissement de confidentialite",
    "please consider the environment", "pensez a l'environnement", "merci de penser a l'environnement",
    "if you are not the intended recipient", "si vous n'etes pas le destinataire", "unsubscribe",
    "se desinscrire", "se desabonner",
)  # fmt: skip


def _header_key(line: str) -> str | None:
    head, colon, _ = line.partition(":")
    if not colon or len(head) > 20:
        return None
    key = head.strip()
    return key if key in _HEADERS else None


def _wrote_line(line: str) -> bool:
    """'On Mon, 3 Dec 2026 at 10:02, Ana <ana@brand.com> wrote:' / 'Le lun. 3 déc. à 10:02, Ana a écrit :'."""
    stripped = line.rstrip()
    return (stripped.endswith("wrote:") and stripped.startswith("on ")) or (
        stripped.endswith(("a ecrit :", "a ecrit:")) and stripped.startswith("le ")
    )


def strip_quoted(text: str, subject_label: bool = False) -> str:
    """The message without what a mail client wraps around it. Forwarded and quoted content is kept (it is
    usually the offer itself), without its markers; the subject line is kept without 'Fwd:'/'TR:', and with its
    'Subject:' / 'Objet :' label when `subject_label` (the offer rules read a subject as a headline, not a list)."""
    kept: list[str] = []
    in_header = False
    in_signature = False
    in_footer = False
    for line in text.split("\n"):
        folded = fold(line)
        bare = folded.lstrip("> \t").strip()
        content = line.lstrip()
        while content.startswith(">"):
            content = content[1:].lstrip()
        if not bare:
            in_header = in_footer = False
            kept.append("")
            continue
        if line.rstrip() in ("--", "-- ") or bare == "--":
            in_signature, in_header = True, False
            continue
        if bare.strip("-_=* ") == "" or any(bare.strip("-_=* ").startswith(b) for b in _BANNERS):
            in_header, in_signature, in_footer = True, False, False
            continue
        key = _header_key(bare)
        if key in ("from", "de", "expediteur") or (in_header and key):
            in_header, in_signature = True, False
            if key in _SUBJECT_HEADERS:
                subject = content.partition(":")[2].strip()
                while fold(subject[:6]).startswith(_SUBJECT_PREFIXES):
                    subject = subject.partition(":")[2].strip()
                if subject:
                    kept.append(f"{content.partition(':')[0].strip()}: {subject}" if subject_label else subject)
            continue
        in_header = False
        if _wrote_line(bare):
            in_signature = False
            continue
        if bare.startswith(_PHONE_SIGNOFFS):
            continue
        if bare.startswith(_FOOTERS):
            in_footer = True
            continue
        if in_signature or in_footer:
            continue
        kept.append(content.rstrip() if line.lstrip().startswith(">") else line.rstrip())
    return "\n".join(kept).strip()
