"""Every user-facing text, in French and English. `t(key, lang, **values)` formats one."""

from __future__ import annotations

from typing import Literal

Lang = Literal["fr", "en"]

TEXTS: dict[str, dict[Lang, str]] = {
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
    "key_points": {"en": "Key points", "fr": "Points clés"},
    "checklist": {"en": "Checklist for judging the offer", "fr": "Checklist pour juger l'offre"},
    "sources": {"en": "Sources", "fr": "Sources"},
    "template": {"en": "A reply you can adapt", "fr": "Une réponse à adapter"},
    "as_of": {"en": "as of {date}", "fr": "à jour au {date}"},
    "empty_question": {
        "en": "Your question is empty: type a question about a brand collaboration.",
        "fr": "Votre question est vide : écrivez une question sur une collaboration avec une marque.",
    },
    "chat_welcome": {
        "en": "Collab Coach — ask me about a brand collaboration (French or English). "
        "Commands: /lang fr|en, /checklist, /quit.",
        "fr": "Collab Coach — posez-moi une question sur une collaboration avec une marque (en français ou en "
        "anglais). Commandes : /lang fr|en, /checklist, /quit.",
    },
    "chat_lang_set": {"en": "Answers will now be in English.", "fr": "Les réponses seront désormais en français."},
    "chat_lang_usage": {"en": "Usage: /lang fr or /lang en", "fr": "Utilisation : /lang fr ou /lang en"},
    "chat_bye": {"en": "Good luck with your collaborations!", "fr": "Bonnes collaborations !"},
    "full_checklist": {
        "en": "The full checklist for judging an offer",
        "fr": "La checklist complète pour juger une offre",
    },
    # Telegram
    "welcome": {
        "en": (
            "Hi {name}! I'm Collab Coach. I help creators judge brand collaborations: is this offer right for "
            "you, what to check, how to negotiate, how to stay authentic and within the law.\n\n"
            "Ask me anything in French or English, or tap an example below."
        ),
        "fr": (
            "Bonjour {name} ! Je suis Collab Coach. J'aide les créateurs à juger les collaborations avec les "
            "marques : cette offre est-elle pour vous, quoi vérifier, comment négocier, comment rester "
            "authentique et dans les règles.\n\nPosez-moi vos questions en français ou en anglais, ou touchez "
            "un exemple ci-dessous."
        ),
    },
    "examples": {
        "en": (
            "A brand offers me a free product for a reel, should I accept?|"
            "How much should I charge for a sponsored post?|"
            "A brand asks for my Instagram password, is it legit?"
        ),
        "fr": (
            "Une marque m'offre un produit contre un reel, j'accepte ?|"
            "Combien facturer une publication sponsorisée ?|"
            "Une marque me demande mon mot de passe Instagram, c'est normal ?"
        ),
    },
    "help": {
        "en": (
            "Send me a question about a brand collaboration, in French or English. Each answer comes from our "
            "curated guidance, with its sources and a checklist for judging the offer.\n\n"
            "/checklist: the full checklist for judging an offer\n/lang: switch French/English\n"
            "/privacy: what I store and why\n/forget: erase everything I store about you\n"
            "In a group: /ask followed by your question, or reply to one of my messages."
        ),
        "fr": (
            "Envoyez-moi une question sur une collaboration avec une marque, en français ou en anglais. Chaque "
            "réponse vient de nos fiches conseils, avec ses sources et une checklist pour juger l'offre.\n\n"
            "/checklist : la checklist complète pour juger une offre\n/lang : passer en français ou en anglais\n"
            "/privacy : ce que je conserve et pourquoi\n/forget : effacer tout ce que je conserve sur vous\n"
            "Dans un groupe : /ask suivi de votre question, ou répondez à l'un de mes messages."
        ),
    },
    "lang_choose": {"en": "Which language should I answer in?", "fr": "Dans quelle langue dois-je répondre ?"},
    "lang_set": {"en": "Done: I'll answer in English.", "fr": "C'est noté : je réponds en français."},
    "privacy": {
        "en": (
            "What I store, and why:\n"
            "• your Telegram user id and your chosen language, to answer in it;\n"
            "• how many questions you asked, to keep the service fair (not the questions themselves);\n"
            "• when you press 👍 or 👎: the vote, the card it concerns and the question it answered, so the "
            "team can improve the guidance.\n\n"
            "Nothing is shared or sold. /forget erases all of it at once."
        ),
        "fr": (
            "Ce que je conserve, et pourquoi :\n"
            "• votre identifiant Telegram et la langue choisie, pour vous répondre dans cette langue ;\n"
            "• le nombre de questions posées, pour un usage équitable (pas les questions elles-mêmes) ;\n"
            "• quand vous appuyez sur 👍 ou 👎 : le vote, la fiche concernée et la question à laquelle elle "
            "répondait, pour que l'équipe améliore les conseils.\n\n"
            "Rien n'est partagé ni vendu. /forget efface tout d'un coup."
        ),
    },
    "forget_confirm": {
        "en": "Erase everything I store about you (language, feedback, counters)? This cannot be undone.",
        "fr": "Effacer tout ce que je conserve sur vous (langue, avis, compteurs) ? C'est définitif.",
    },
    "forget_yes": {"en": "Yes, erase", "fr": "Oui, effacer"},
    "forget_no": {"en": "Cancel", "fr": "Annuler"},
    "forget_done": {
        "en": "Done: everything I stored about you is erased.",
        "fr": "C'est fait : tout ce que je conservais sur vous est effacé.",
    },
    "forget_cancelled": {"en": "Nothing was erased.", "fr": "Rien n'a été effacé."},
    "feedback_thanks": {"en": "Thanks for your feedback!", "fr": "Merci pour votre avis !"},
    "button_full_checklist": {"en": "📋 Full checklist", "fr": "📋 Checklist complète"},
    "button_expired": {
        "en": "This button has expired. Ask your question again.",
        "fr": "Ce bouton a expiré. Reposez votre question.",
    },
    "not_text": {
        "en": "I can only read text messages. Type your question about a brand collaboration and I'll answer.",
        "fr": "Je ne lis que les messages texte. Écrivez votre question sur une collaboration et je vous réponds.",
    },
    "ask_usage": {
        "en": "Write your question after /ask, for example: /ask how much should I charge for a reel?",
        "fr": "Écrivez votre question après /ask, par exemple : /ask combien facturer un reel ?",
    },
    "slow_down": {
        "en": "You're sending a lot of questions. Please wait a minute, then ask again.",
        "fr": "Vous envoyez beaucoup de questions. Attendez une minute, puis reposez votre question.",
    },
    "error": {
        "en": "Sorry, something went wrong on my side. Please try again in a moment.",
        "fr": "Désolé, un problème est survenu de mon côté. Réessayez dans un instant.",
    },
    "knowledge_base": {"en": "knowledge base", "fr": "base de connaissances"},
}


def t(key: str, lang: Lang, **values: object) -> str:
    text = TEXTS[key][lang]
    return text.format(**values) if values else text


# Command menu, registered for each language: (command, description).
COMMANDS: dict[Lang, list[tuple[str, str]]] = {
    "en": [
        ("start", "Welcome and examples"),
        ("help", "What I can do"),
        ("checklist", "The full checklist for judging an offer"),
        ("lang", "Switch French/English"),
        ("privacy", "What I store and why"),
        ("forget", "Erase everything stored about me"),
        ("ask", "Ask a question (in groups)"),
    ],
    "fr": [
        ("start", "Accueil et exemples"),
        ("help", "Ce que je sais faire"),
        ("checklist", "La checklist complète pour juger une offre"),
        ("lang", "Passer en français ou en anglais"),
        ("privacy", "Ce que je conserve et pourquoi"),
        ("forget", "Effacer tout ce qui me concerne"),
        ("ask", "Poser une question (dans un groupe)"),
    ],
}


def lang_of(language_code: str | None) -> Lang:
    """Telegram's language_code ("fr", "fr-CA", "en-GB"…) mapped to the coach's languages."""
    return "fr" if (language_code or "").lower().startswith("fr") else "en"
