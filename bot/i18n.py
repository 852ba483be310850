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
}


def t(key: str, lang: Lang, **values: object) -> str:
    text = TEXTS[key][lang]
    return text.format(**values) if values else text
