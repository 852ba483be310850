"""What the bot says on Telegram, in French and English: commands, buttons, prompts, refusals, admin and coach
replies, and the command menu. `t` finds a key here first, then among the engine's and the offer judge's words
(bot/advice/texts.py, bot/offers/texts.py), which every interface shows the same way."""

from __future__ import annotations

from bot.advice import texts as advice_texts
from bot.i18n import Catalogue, Lang, Texts
from bot.offers import texts as offer_texts

TEXTS: Catalogue = {
    # Everyone
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
            '• your last question, for 30 minutes only, so that a follow-up such as "and if they refuse?" is '
            "understood; it is deleted after that;\n"
            "• when you press 👍 or 👎: the vote, the card it concerns and the language (never your question), so "
            "the team can improve the guidance;\n"
            "• your creator profile, if you fill it in (/profile), to judge offers against it;\n"
            "• the offer you are working on (its text and facts), until you /cancel or start another, so you can "
            "correct a field; and for each offer judged, its verdict, red flags and category (never its text), "
            "for statistics;\n"
            "• if you joined a coach's cohort: that membership. Your coach sees counts (questions, offers, verdicts, "
            'topics), never your messages, unless you tap "send to my coach". /leave to leave.\n\n'
            "Nothing is shared or sold. /forget erases all of it at once."
        ),
        "fr": (
            "Ce que je conserve, et pourquoi :\n"
            "• votre identifiant Telegram et la langue choisie, pour vous répondre dans cette langue ;\n"
            "• le nombre de questions posées, pour un usage équitable (pas les questions elles-mêmes) ;\n"
            "• votre dernière question, 30 minutes seulement, pour comprendre une suite comme « et s'ils "
            "refusent ? » ; elle est effacée ensuite ;\n"
            "• quand vous appuyez sur 👍 ou 👎 : le vote, la fiche concernée et la langue (jamais votre question), "
            "pour que l'équipe améliore les conseils ;\n"
            "• votre profil de créateur, si vous le remplissez (/profile), pour juger les offres ;\n"
            "• l'offre en cours (son texte et ses éléments), jusqu'à /cancel ou la suivante, pour pouvoir la "
            "corriger ; et pour chaque offre jugée, son verdict, ses alertes et sa catégorie (jamais son texte), "
            "pour les statistiques ;\n"
            "• si vous avez rejoint le groupe d'un coach : cette appartenance. Votre coach voit des nombres "
            "(questions, offres, verdicts, thèmes), jamais vos messages, sauf si vous touchez « Envoyer à mon coach ». "
            "/leave pour partir.\n\n"
            "Rien n'est partagé ni vendu. /forget efface tout d'un coup."
        ),
    },
    "forget_confirm": {
        "en": "Erase everything I store about you (language, feedback, profile, offers, counters)? This cannot be "
        "undone.",
        "fr": "Effacer tout ce que je conserve sur vous (langue, avis, profil, offres, compteurs) ? C'est définitif.",
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
    # Offers: the guided /offer, the offer card, /profile
    "offer_card_hint": {
        "en": "Something wrong? Tap a field to correct it.",
        "fr": "Une erreur ? Touchez un champ pour le corriger.",
    },
    "offer_sources": {"en": "Based on", "fr": "D'après"},
    "offer_start": {
        "en": "Let's look at this offer together. Answer in a few words, tap ⏭ to skip a question, /cancel to stop. "
        "(You can also simply paste the brand's message.)",
        "fr": "Regardons cette offre ensemble. Répondez en quelques mots, touchez ⏭ pour passer une question, /cancel "
        "pour arrêter. (Vous pouvez aussi simplement coller le message de la marque.)",
    },
    "ask_pay": {
        "en": 'What does the brand offer? (e.g. "300 €", "a free serum", "15 % commission")',
        "fr": "Que propose la marque ? (ex. « 300 € », « un sérum offert », « 15 % de commission »)",
    },
    "ask_deliverables": {
        "en": 'What do they want, on which platforms? (e.g. "1 reel + 3 stories on Instagram")',
        "fr": "Que demandent-ils, sur quelles plateformes ? (ex. « 1 reel + 3 stories sur Instagram »)",
    },
    "ask_category": {
        "en": 'What is the product or brand? (e.g. "vegan skincare", "a betting app")',
        "fr": "Quel est le produit ou la marque ? (ex. « soins vegan », « une appli de paris »)",
    },
    "ask_rights": {
        "en": "Do they want to reuse your content or run it as ads? For how long? (or tap None)",
        "fr": "Veulent-ils réutiliser vos contenus ou les diffuser en publicité ? Combien de temps ? "
        "(ou touchez Aucun)",
    },
    "ask_exclusivity": {
        "en": "Any exclusivity? For how long? (or tap None)",
        "fr": "Une exclusivité ? De quelle durée ? (ou touchez Aucune)",
    },
    "ask_payment": {
        "en": 'When would you be paid? (e.g. "30 days after invoice", "after the campaign results")',
        "fr": "Quand seriez-vous payé ? (ex. « 30 jours après facture », « après les résultats de la campagne »)",
    },
    "ask_disclosure": {
        "en": "What do they say about labelling the post as an ad?",
        "fr": "Que disent-ils sur la mention du partenariat ?",
    },
    "button_skip": {"en": "⏭ Skip", "fr": "⏭ Passer"},
    "button_none": {"en": "None", "fr": "Aucun"},
    "button_disclose": {"en": "They ask for #ad", "fr": "Ils demandent #pub"},
    "button_hide": {"en": "They ask to hide it", "fr": "Ils demandent de le cacher"},
    "button_not_said": {"en": "Not said", "fr": "Rien de dit"},
    "fix_pay": {"en": "✏️ Pay", "fr": "✏️ Rémunération"},
    "fix_deliverables": {"en": "✏️ Deliverables", "fr": "✏️ Livrables"},
    "fix_category": {"en": "✏️ Category", "fr": "✏️ Catégorie"},
    "fix_rights": {"en": "✏️ Rights", "fr": "✏️ Droits"},
    "fix_exclusivity": {"en": "✏️ Exclusivity", "fr": "✏️ Exclusivité"},
    "fix_payment": {"en": "✏️ Payment", "fr": "✏️ Paiement"},
    "fix_disclosure": {"en": "✏️ Disclosure", "fr": "✏️ Mention"},
    "cancelled": {
        "en": "Stopped. Ask me anything, or paste a brand's offer.",
        "fr": "C'est arrêté. Posez-moi une question, ou collez l'offre d'une marque.",
    },
    "nothing_to_cancel": {"en": "Nothing to cancel.", "fr": "Rien à annuler."},
    "profile_title": {"en": "Your profile", "fr": "Votre profil"},
    "profile_hint": {
        "en": "It helps me judge offers against your editorial line and audience. Tap a field to set it.",
        "fr": "Il m'aide à juger les offres selon votre ligne éditoriale et votre audience. Touchez un champ pour le "
        "renseigner.",
    },
    "pf_clear": {"en": "🗑 Clear my profile", "fr": "🗑 Effacer mon profil"},
    "pf_saved": {"en": "Saved.", "fr": "C'est enregistré."},
    "pf_invalid": {
        "en": "I couldn't read that. Try again, or /cancel.",
        "fr": "Je n'ai pas compris. Réessayez, ou /cancel.",
    },
    "pf_cleared": {"en": "Your profile is cleared.", "fr": "Votre profil est effacé."},
    # Admins
    "admins_only": {
        "en": "Sorry, this command is for the coach's admins only.",
        "fr": "Désolé, cette commande est réservée aux administrateurs du coach.",
    },
    "kb_status": {
        "en": "Knowledge base {version}\n• Cards: {cards} ids (fr {fr}, en {en}){missing}\n"
        "• Last refresh: {refreshed}\n• Index: {chunks} chunks\n"
        "• Retrieval (kb eval): hit@3 {hit3}, MRR {mrr}, off-topic {off} on {n} questions",
        "fr": "Base de connaissances {version}\n• Fiches : {cards} identifiants (fr {fr}, en {en}){missing}\n"
        "• Dernière mise à jour : {refreshed}\n• Index : {chunks} segments\n• Recherche (kb eval) : hit@3 {hit3}, "
        "MRR {mrr}, hors sujet {off} sur {n} questions",
    },
    "kb_missing": {"en": "; missing a translation: {ids}", "fr": " ; traduction manquante : {ids}"},
    "kb_report": {
        "en": "Refreshed in {seconds} s: {added} added, {updated} updated, {removed} removed, {unchanged} unchanged "
        "(knowledge base {version}).",
        "fr": "Mise à jour en {seconds} s : {added} ajoutée(s), {updated} modifiée(s), {removed} supprimée(s), "
        "{unchanged} inchangée(s) (base {version}).",
    },
    "kb_refused": {
        "en": "Refused, nothing was changed: {reason}",
        "fr": "Refusé, rien n'a changé : {reason}",
    },
    "kb_uploaded": {
        "en": "Card {path} saved and indexed.",
        "fr": "Fiche {path} enregistrée et indexée.",
    },
    "kb_needs_translation": {
        "en": "Note: its {other} translation is missing; send it too.",
        "fr": "À noter : sa traduction {other} manque ; envoyez-la aussi.",
    },
    "kb_remove_usage": {"en": "Usage: /kb_remove <card id>", "fr": "Utilisation : /kb_remove <identifiant>"},
    "kb_no_such_card": {"en": "No card with the id {id}.", "fr": "Aucune fiche avec l'identifiant {id}."},
    "kb_remove_confirm": {
        "en": "Remove the card {id} (both languages)? It can be rolled back with /kb_rollback.",
        "fr": "Supprimer la fiche {id} (les deux langues) ? /kb_rollback permet de revenir en arrière.",
    },
    "kb_removed": {"en": "Card {id} removed.", "fr": "Fiche {id} supprimée."},
    "kb_nothing_to_roll_back": {"en": "Nothing to roll back.", "fr": "Rien à annuler."},
    "kb_rolled_back": {
        "en": "Rolled back: {paths}.",
        "fr": "Annulé : {paths}.",
    },
    "feedback_none": {"en": "No 👎 yet.", "fr": "Aucun 👎 pour l'instant."},
    "feedback_title": {
        "en": "Recent 👎 by card (content gaps):",
        "fr": "Derniers 👎 par fiche (manques de contenu) :",
    },
    "coach_usage": {
        "en": "Usage: /coach_add <Telegram user id> or /coach_remove <Telegram user id>",
        "fr": "Utilisation : /coach_add <identifiant Telegram> ou /coach_remove <identifiant Telegram>",
    },
    "coach_added": {"en": "User {id} is now a coach.", "fr": "L'utilisateur {id} est maintenant coach."},
    "coach_removed": {"en": "User {id} is no longer a coach.", "fr": "L'utilisateur {id} n'est plus coach."},
    "coach_not_found": {"en": "User {id} was not a coach.", "fr": "L'utilisateur {id} n'était pas coach."},
    "button_confirm_remove": {"en": "Yes, remove", "fr": "Oui, supprimer"},
    # Coaches
    "coaches_only": {
        "en": "This command is for coaches. An admin can make you one.",
        "fr": "Cette commande est réservée aux coachs. Un administrateur peut vous nommer coach.",
    },
    "invite_link": {
        "en": "Share this link with the creators you coach. Each one chooses whether to join your cohort:\n{link}",
        "fr": "Partagez ce lien avec les créateurs que vous accompagnez. Chacun choisit de rejoindre votre groupe "
        "ou non :\n{link}",
    },
    "invite_offer": {
        "en": "{coach} invites you to join their cohort. They would see aggregated statistics (how many questions and "
        "offers, verdicts, topics), never your messages. You can leave at any time with /leave.",
        "fr": "{coach} vous invite à rejoindre son groupe. Il verrait des statistiques agrégées (nombre de questions "
        "et d'offres, verdicts, thèmes), jamais vos messages. Vous pourrez partir à tout moment avec /leave.",
    },
    "invite_invalid": {
        "en": "This invitation link is no longer valid. Welcome anyway!",
        "fr": "Ce lien d'invitation n'est plus valable. Bienvenue quand même !",
    },
    "button_join": {"en": "Join", "fr": "Rejoindre"},
    "button_no_thanks": {"en": "No thanks", "fr": "Non merci"},
    "joined": {"en": "You joined {coach}'s cohort.", "fr": "Vous avez rejoint le groupe de {coach}."},
    "not_joined": {"en": "OK, you did not join.", "fr": "D'accord, vous n'avez rien rejoint."},
    "left": {"en": "You left your coach's cohort.", "fr": "Vous avez quitté le groupe de votre coach."},
    "not_in_cohort": {"en": "You are not in a coach's cohort.", "fr": "Vous n'êtes dans aucun groupe de coach."},
    "dashboard": {
        "en": "Your cohort: {creators} creator(s)\nThis week: {questions} question(s), {offers} offer(s) evaluated\n"
        "Verdicts: ✅ {accept} · 🟠 {negotiate} · ⛔ {decline}\nTop topics: {topics}\nTop red flags: {flags}",
        "fr": "Votre groupe : {creators} créateur(s)\nCette semaine : {questions} question(s), {offers} offre(s) "
        "évaluée(s)\nVerdicts : ✅ {accept} · 🟠 {negotiate} · ⛔ {decline}\nThèmes principaux : {topics}\n"
        "Alertes principales : {flags}",
    },
    "none": {"en": "none", "fr": "aucun"},
    "button_share": {"en": "↗️ Share", "fr": "↗️ Partager"},
    "button_to_coach": {"en": "📤 Send to my coach", "fr": "📤 Envoyer à mon coach"},
    "sent_to_coach": {"en": "Sent to your coach.", "fr": "Envoyé à votre coach."},
    "coach_summary": {
        "en": "{name} shares an offer evaluation with you:",
        "fr": "{name} partage avec vous l'évaluation d'une offre :",
    },
    "inline_template": {"en": "Reply template", "fr": "Modèle de réponse"},
    # Asked once, under the first answer on a law or tax question, when the creator's country is unknown.
    "ask_country": {
        "en": "Rules differ from one country to another. Where do you create? I'll answer with your country's rules "
        "(I won't ask again).",
        "fr": "Les règles changent d'un pays à l'autre. D'où créez-vous ? Je vous répondrai avec les règles de votre "
        "pays (je ne vous le redemanderai pas).",
    },
    "country_fr": {"en": "🇫🇷 France", "fr": "🇫🇷 France"},
    "country_be": {"en": "🇧🇪 Belgium", "fr": "🇧🇪 Belgique"},
    "country_ch": {"en": "🇨🇭 Switzerland", "fr": "🇨🇭 Suisse"},
    "country_ca": {"en": "🇨🇦 Québec / Canada", "fr": "🇨🇦 Québec / Canada"},
    "country_uk": {"en": "🇬🇧 United Kingdom", "fr": "🇬🇧 Royaume-Uni"},
    "country_us": {"en": "🇺🇸 United States", "fr": "🇺🇸 États-Unis"},
    "country_other": {"en": "🌍 Elsewhere", "fr": "🌍 Ailleurs"},
    "country_skip": {"en": "Skip", "fr": "Passer"},
    "country_set": {
        "en": "Noted: {country}. Your answers will follow its rules where they differ.",
        "fr": "C'est noté : {country}. Vos réponses suivront ses règles là où elles diffèrent.",
    },
    "country_set_other": {
        "en": "Noted. I cover France, the EU, the UK, the US, Belgium, Switzerland and Québec: elsewhere, I'll say "
        "whose rules an answer gives.",
        "fr": "C'est noté. Je couvre la France, l'UE, le Royaume-Uni, les États-Unis, la Belgique, la Suisse et le "
        "Québec : ailleurs, je vous dirai de quel pays sont les règles d'une réponse.",
    },
    "country_skipped": {
        "en": "OK, I won't ask again. You can always name your country in a question (\"I'm in the UK…\").",
        "fr": "D'accord, je ne vous le redemanderai pas. Vous pouvez toujours citer votre pays dans une question "
        "(« je suis en Belgique… »).",
    },
}

t = Texts(TEXTS, advice_texts.TEXTS, offer_texts.TEXTS)

# Command menu, registered for each language: (command, description).
COMMANDS: dict[Lang, list[tuple[str, str]]] = {
    "en": [
        ("start", "Welcome and examples"),
        ("help", "What I can do"),
        ("checklist", "The full checklist for judging an offer"),
        ("lang", "Switch French/English"),
        ("privacy", "What I store and why"),
        ("forget", "Erase everything stored about me"),
        ("offer", "Evaluate a brand's offer"),
        ("profile", "My creator profile"),
        ("cancel", "Stop the current step"),
        ("leave", "Leave my coach's cohort"),
        ("ask", "Ask a question (in groups)"),
    ],
    "fr": [
        ("start", "Accueil et exemples"),
        ("help", "Ce que je sais faire"),
        ("checklist", "La checklist complète pour juger une offre"),
        ("lang", "Passer en français ou en anglais"),
        ("privacy", "Ce que je conserve et pourquoi"),
        ("forget", "Effacer tout ce qui me concerne"),
        ("offer", "Évaluer l'offre d'une marque"),
        ("profile", "Mon profil de créateur"),
        ("cancel", "Arrêter l'étape en cours"),
        ("leave", "Quitter le groupe de mon coach"),
        ("ask", "Poser une question (dans un groupe)"),
    ],
}
