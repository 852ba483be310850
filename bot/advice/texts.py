"""The advice engine's own sentences, in French and English: warnings, small talk, figures, dates, and what every
interface shows of an answer (the decline, the empty question, the headings). One shape, see bot/i18n.py."""

from __future__ import annotations

import datetime as dt

from bot.i18n import Lang

TEXTS: dict[str, dict[Lang, str]] = {
    "warn_pay_to_collaborate": {
        "en": "⚠️ Warning: a brand that asks you to pay (a kit, fees, shipping, a training) to work with it is "
        "selling to you, not hiring you. That is the classic pay-to-be-ambassador scheme: don't pay.",
        "fr": "⚠️ Attention : une marque qui vous demande de payer (un kit, des frais, le port, une formation) pour "
        "collaborer vous vend quelque chose, elle ne vous engage pas. C'est le schéma classique de l'« ambassadeur "
        "payant » : ne payez pas.",
    },
    "warn_login_request": {
        "en": "⚠️ Warning: no real brand needs your password, a login through its link or a verification code. "
        "That is how accounts get stolen: never enter them.",
        "fr": "⚠️ Attention : aucune vraie marque n'a besoin de votre mot de passe, d'une connexion par son lien ou "
        "d'un code de vérification. C'est ainsi qu'on vole des comptes : ne les saisissez jamais.",
    },
    "warn_download_request": {
        "en": '⚠️ Warning: a "brief" or "contract" to download and run (an .exe, a protected archive, an app) '
        "is a common way to plant malware. Don't open it.",
        "fr": "⚠️ Attention : un « brief » ou un « contrat » à télécharger et lancer (un .exe, une archive protégée, "
        "une appli) est un moyen courant d'installer un logiciel malveillant. Ne l'ouvrez pas.",
    },
    "warn_bank_details_request": {
        "en": "⚠️ Warning: card numbers, codes or bank logins are never needed to pay you. Give at most an "
        "IBAN on an invoice to a brand you have checked.",
        "fr": "⚠️ Attention : un numéro de carte, un code ou vos accès bancaires ne servent jamais à vous payer. "
        "Donnez au plus un RIB sur une facture, à une marque vérifiée.",
    },
    "warn_fake_copyright_notice": {
        "en": '⚠️ Warning: a copyright "violation" that threatens to close your account unless you click a link '
        "is a known phishing trick. Check only inside the app itself.",
        "fr": "⚠️ Attention : une « violation de droits d'auteur » qui menace de fermer votre compte si vous ne "
        "cliquez pas sur un lien est une technique d'hameçonnage connue. Vérifiez seulement dans l'application.",
    },
    "warn_hidden_advertising": {
        "en": "⚠️ Warning: hiding that a post is paid or gifted is illegal (France, EU, UK, US). A brand cannot ask "
        "you to drop #ad or the paid-partnership label, and you stay liable if you do.",
        "fr": "⚠️ Attention : cacher qu'un contenu est payé ou offert est illégal (France, UE, Royaume-Uni, "
        "États-Unis). Une marque ne peut pas vous demander de retirer #pub ou la mention de partenariat, et vous "
        "restez responsable si vous le faites.",
    },
    "warn_banned_category": {
        "en": "⚠️ Warning: in France, influencers may not promote this (cosmetic surgery, nicotine products, "
        "betting tips, risky financial products, wild animals…), whatever the fee.",
        "fr": "⚠️ Attention : en France, les influenceurs n'ont pas le droit de promouvoir cela (chirurgie "
        "esthétique, produits nicotinés, pronostics, produits financiers risqués, animaux sauvages…), quel que "
        "soit le cachet.",
    },
    "warn_gambling_minors": {
        "en": "⚠️ Warning: gambling promotions must not reach minors: with a young audience, say no.",
        "fr": "⚠️ Attention : la promotion des jeux d'argent ne doit pas toucher les mineurs : avec une audience "
        "jeune, refusez.",
    },
    "warn_minors_audience": {
        "en": "⚠️ Warning: alcohol, gambling, betting, crypto and nicotine promotions must not target minors: with a "
        "young audience, say no.",
        "fr": "⚠️ Attention : l'alcool, les jeux d'argent, les paris, la crypto et la nicotine ne doivent pas viser "
        "les mineurs : avec une audience jeune, refusez.",
    },
    "warn_unregistered_financial": {
        "en": "⚠️ Warning: promoting a financial or crypto service that is not registered with the regulator is "
        'illegal in France, and "guaranteed returns" are a classic scam.',
        "fr": "⚠️ Attention : promouvoir un service financier ou crypto non enregistré auprès du régulateur est "
        "illégal en France, et les « rendements garantis » sont une arnaque classique.",
    },
    "warn_fake_reviews": {
        "en": "⚠️ Warning: reviewing a product you haven't tried, or writing fake reviews, is deceptive and illegal.",
        "fr": "⚠️ Attention : donner un avis sur un produit non testé, ou écrire de faux avis, est trompeur et illégal.",
    },
    "warn_scam_signals": {
        "en": "⚠️ Warning: this message has the marks of a fake brand (free email address, pressure to answer "
        "fast, vague terms). Check the brand before replying.",
        "fr": "⚠️ Attention : ce message a les marques d'une fausse marque (adresse mail gratuite, pression pour "
        "répondre vite, conditions floues). Vérifiez la marque avant de répondre.",
    },
    "warn_no_go_category": {
        "en": "⚠️ This is in a category you said you refuse: your own rule says no.",
        "fr": "⚠️ C'est une catégorie que vous avez dit refuser : votre propre règle dit non.",
    },
    "small_talk_hello": {
        "en": "Hi! 👋 I'm Collab Coach. Ask me anything about a brand collaboration, or paste an offer you received.",
        "fr": "Bonjour ! 👋 Je suis Collab Coach. Posez-moi une question sur une collaboration avec une marque, ou "
        "collez une offre reçue.",
    },
    "small_talk_thanks": {
        "en": "You're welcome! Good luck with your collaborations, I'm here if another question comes up.",
        "fr": "Avec plaisir ! Bonnes collaborations, je suis là si une autre question se pose.",
    },
    "small_talk_bye": {
        "en": "See you! Good luck with your collaborations.",
        "fr": "À bientôt ! Bonnes collaborations.",
    },
    "small_talk_other": {
        "en": "👍 I'm here for your brand collaborations: ask about an offer, your rates, a contract or the "
        "disclosure rules.",
        "fr": "👍 Je suis là pour vos collaborations avec les marques : une offre, vos tarifs, un contrat ou les "
        "règles de transparence.",
    },
    "no_sourced_figure": {
        "en": "No sourced figure answers this exactly: the cards give no reliable number for it, so build your "
        "own from your time, costs and the rights asked.",
        "fr": "Aucun chiffre sourcé ne répond exactement à cela : les fiches n'en donnent pas de fiable, alors "
        "construisez le vôtre à partir de votre temps, de vos frais et des droits demandés.",
    },
    "figure_source": {"en": "(source: {source})", "fr": "(source : {source})"},
    "as_of": {"en": "Facts as of {date}.", "fr": "Informations à jour au {date}."},
    "offer_said": {
        "en": "What you describe, judged:",
        "fr": "Ce que vous décrivez, jugé :",
    },
    "offer_verdict_decline": {"en": "Verdict: decline.", "fr": "Verdict : refuser."},
    "offer_verdict_negotiate": {"en": "Verdict: negotiate first.", "fr": "Verdict : négocier d'abord."},
    "offer_verdict_accept": {
        "en": "Verdict: nothing alarming in what you describe; confirm the terms in writing.",
        "fr": "Verdict : rien d'alarmant dans ce que vous décrivez ; faites confirmer les conditions par écrit.",
    },
    "follow_up_context": {"en": "Following on from: “{previous}”", "fr": "Dans la suite de : « {previous} »"},
    "follow_up_closest": {
        "en": "I have nothing more specific on that point; here is what comes closest on the same topic.",
        "fr": "Je n'ai rien de plus précis sur ce point ; voici ce qui s'en rapproche le plus sur le même sujet.",
    },
    "follow_up_nothing_more": {
        "en": "I've told you everything my cards say on this (“{title}”). “More details” has the sources and the "
        "full checklist; or ask your question in other words.",
        "fr": "Je vous ai dit tout ce que mes fiches disent à ce sujet (« {title} »). « Plus de détails » donne les "
        "sources et la checklist complète ; ou posez votre question autrement.",
    },
    # What every interface shows of an answer: the decline, the empty question, the headings.
    "out_of_scope": {
        "en": (
            "That's outside what I can help with. I coach creators on brand collaborations: "
            "judging an offer, fair pay, contracts and negotiation, disclosure rules (France, EU, US, UK), "
            'staying authentic, and spotting scams. Try, for example: "A brand offers me a free product '
            'for a reel, should I accept?"'
        ),
        "fr": (
            "Je ne peux pas vous aider sur ce sujet. Je conseille les créateurs sur les collaborations avec "
            "les marques : juger une offre, une rémunération juste, contrats et négociation, règles de "
            "transparence (France, UE, États-Unis, Royaume-Uni), authenticité et arnaques. Essayez par "
            "exemple : « Une marque m'offre un produit contre un reel, j'accepte ? »"
        ),
    },
    "empty_question": {
        "en": "Your question is empty: type a question about a brand collaboration.",
        "fr": "Votre question est vide : écrivez une question sur une collaboration avec une marque.",
    },
    "key_points": {"en": "Key points", "fr": "Points clés"},
    "checklist": {"en": "Checklist for judging the offer", "fr": "Checklist pour juger l'offre"},
    # The checklist's heading when the message is not an offer, by what the answering card is about.
    "checklist_an_offer": {"en": "Checklist for judging an offer", "fr": "Checklist pour juger une offre"},
    "checklist_scams": {"en": "Checklist before you reply or click", "fr": "Checklist avant de répondre ou de cliquer"},
    "checklist_publish": {"en": "Checklist before you publish", "fr": "Checklist avant de publier"},
    "checklist_rules": {"en": "Checklist for your situation", "fr": "Checklist pour votre situation"},
    "checklist_yourself": {
        "en": "Checklist: questions to ask yourself",
        "fr": "Checklist : les questions à vous poser",
    },
    "sources": {"en": "Sources", "fr": "Sources"},
    "template": {"en": "A reply you can adapt", "fr": "Une réponse à adapter"},
    "full_checklist": {
        "en": "The full checklist for judging an offer",
        "fr": "La checklist complète pour juger une offre",
    },
}

MONTHS: dict[Lang, tuple[str, ...]] = {
    "en": (
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ),
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre",
    ),
}  # fmt: skip


def say(key: str, lang: Lang, **values: object) -> str:
    text = TEXTS[key][lang]
    return text.format(**values) if values else text


def format_date(date: dt.date, lang: Lang) -> str:
    """'26 November 2026' / '26 novembre 2026' ('1er' in French): never an English month in a French text."""
    day = "1er" if lang == "fr" and date.day == 1 else str(date.day)
    return f"{day} {MONTHS[lang][date.month - 1]} {date.year}"
