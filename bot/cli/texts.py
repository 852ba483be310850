"""What the terminal chat says, in French and English. `t` finds a key here first, then among the engine's and the
offer judge's words (bot/advice/texts.py, bot/offers/texts.py)."""

from __future__ import annotations

from bot.advice import texts as advice_texts
from bot.i18n import Catalogue, Texts
from bot.offers import texts as offer_texts

TEXTS: Catalogue = {
    "chat_welcome": {
        "en": "Collab Coach — ask me about a brand collaboration (French or English). "
        "Paste an offer to have it judged. Commands: /offer, /profile, /more, /lang fr|en, /checklist, /forget, /quit.",
        "fr": "Collab Coach — posez-moi une question sur une collaboration avec une marque (en français ou en "
        "anglais), ou collez une offre pour la faire juger. Commandes : /offer, /profile, /more, /lang fr|en, "
        "/checklist, /forget, /quit.",
    },
    "chat_paste_offer": {
        "en": "Paste the brand's message, then a line with a single . (or Ctrl-D).",
        "fr": "Collez le message de la marque, puis une ligne avec un seul . (ou Ctrl-D).",
    },
    "chat_more_nothing": {
        "en": "Ask a question first: /more then shows every point and the full checklist.",
        "fr": "Posez d'abord une question : /more montre ensuite tous les points et la checklist complète.",
    },
    "chat_forgotten": {
        "en": "Forgotten: the previous question and the profile of this session.",
        "fr": "Oublié : la question précédente et le profil de cette session.",
    },
    "chat_lang_set": {"en": "Answers will now be in English.", "fr": "Les réponses seront désormais en français."},
    "chat_lang_usage": {"en": "Usage: /lang fr or /lang en", "fr": "Utilisation : /lang fr ou /lang en"},
    "chat_bye": {"en": "Good luck with your collaborations!", "fr": "Bonnes collaborations !"},
    "chat_country_note": {
        "en": "Rules differ from one country to another: tell me where you create (/profile, or in a question: "
        "\"I'm in the UK…\") and I'll answer with your country's rules.",
        "fr": "Les règles changent d'un pays à l'autre : dites-moi d'où vous créez (/profile, ou dans une question : "
        "« je suis en Belgique… ») et je répondrai avec les règles de votre pays.",
    },
    "pf_saved": {"en": "Saved.", "fr": "C'est enregistré."},
}

t = Texts(TEXTS, advice_texts.TEXTS, offer_texts.TEXTS)
