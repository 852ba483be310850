# ruff: noqa: E501 - a catalogue of sentences: one string per language reads better unbroken
"""The offer judge's words in English and French (the one catalogue shape, see bot/i18n.py): reasons, negotiation
points, reply drafts, category names, the words put into them, and what every interface shows of an evaluation
(verdict, headings, the facts in words) and of the profile the judge reads."""

from __future__ import annotations

from bot.i18n import Lang

# key -> {"en": ..., "fr": ...}. Placeholders are filled by `say`.
TEXTS: dict[str, dict[Lang, str]] = {
    "pay_to_collaborate": {
        "en": "They ask you to pay (fees, shipping, a deposit or products) to collaborate: a real brand pays you, never the other way round.",
        "fr": "On vous demande de payer (frais, port, caution ou produits) pour collaborer : une vraie marque vous paie, jamais l'inverse.",
    },
    "login_request": {
        "en": "They ask for your password, login or a verification code: never share them. Paid ads on your content work without them.",
        "fr": "On vous demande un mot de passe, des identifiants ou un code de vérification : ne les donnez jamais. La publicité sur vos contenus se fait sans eux.",
    },
    "download_request": {
        "en": "They ask you to download or open a file: fake sponsorships use this to steal accounts.",
        "fr": "On vous demande de télécharger ou d'ouvrir un fichier : les faux partenariats s'en servent pour voler des comptes.",
    },
    "scam_signals": {
        "en": "Several scam signals together ({signals}): check the brand through its official website before answering.",
        "fr": "Plusieurs signaux d'arnaque ensemble ({signals}) : vérifiez la marque via son site officiel avant de répondre.",
    },
    "signal_free_email": {
        "en": "a free email address",
        "fr": "adresse e-mail gratuite",
    },
    "signal_urgency": {
        "en": "pressure to answer fast",
        "fr": "pression pour répondre vite",
    },
    "signal_vague": {
        "en": "no concrete budget",
        "fr": "aucun budget concret",
    },
    "legit_ok": {
        "en": "No scam signal in the message.",
        "fr": "Aucun signal d'arnaque dans le message.",
    },
    "hidden_advertising": {
        "en": "They ask you to hide that it is an ad: that is illegal in France, the EU, the US and the UK, and it costs your community's trust.",
        "fr": "On vous demande de cacher qu'il s'agit d'une publicité : c'est interdit en France, dans l'UE, aux États-Unis et au Royaume-Uni, et cela coûte la confiance de votre communauté.",
    },
    "disclosure_ok": {
        "en": "The brand expects the partnership to be disclosed.",
        "fr": "La marque prévoit de signaler le partenariat.",
    },
    "disclosure_unknown": {
        "en": "Disclosure isn't mentioned: say that you will label the post as an ad.",
        "fr": "La mention du partenariat n'est pas évoquée : précisez que vous l'indiquerez clairement.",
    },
    "banned_category": {
        "en": "In France, influencers may not promote this kind of product ({category}) under law 2023-451 as amended.",
        "fr": "En France, les influenceurs n'ont pas le droit de promouvoir ce type de produit ({category}) : loi n° 2023-451 modifiée.",
    },
    "gambling_minors": {
        "en": "Gambling may only be promoted where under-18s are excluded, and a notable share of your audience is under 18.",
        "fr": "Les jeux d'argent ne peuvent être promus que là où les moins de 18 ans sont exclus, et une part notable de votre audience est mineure.",
    },
    "gambling_check": {
        "en": "Gambling can only be promoted where under-18s are technically excluded: ask how, and check your audience's age.",
        "fr": "Jeux d'argent : seulement sur une plateforme qui exclut techniquement les moins de 18 ans. Demandez comment et vérifiez l'âge de votre audience.",
    },
    "crypto_check": {
        "en": "Crypto: in France only registered or authorised providers may be promoted. Ask for proof of registration and check it.",
        "fr": "Crypto : en France, seuls des prestataires enregistrés ou agréés peuvent être promus. Demandez une preuve d'enregistrement et vérifiez-la.",
    },
    "alcohol_check": {
        "en": "Alcohol: advertising is tightly regulated in France (Evin law). Check what the brand expects and keep away from any under-age audience.",
        "fr": "Alcool : la publicité est strictement encadrée en France (loi Évin). Vérifiez ce que la marque attend et évitez tout public mineur.",
    },
    "no_go_category": {
        "en": "This category ({category}) is one of your no-go categories.",
        "fr": "Cette catégorie ({category}) fait partie de vos refus de principe.",
    },
    "minors_adult_product": {
        "en": "An adults-only product, while a notable share of your audience is under 18.",
        "fr": "Produit réservé aux adultes alors qu'une part notable de votre audience est mineure.",
    },
    "fit_bad": {
        "en": 'The offer looks far from your editorial line ("{line}").',
        "fr": "L'offre semble loin de votre ligne éditoriale (« {line} »).",
    },
    "fit_warn": {
        "en": "The link with your editorial line isn't obvious: could you fit it in naturally?",
        "fr": "Le lien avec votre ligne éditoriale n'est pas évident : sauriez-vous l'intégrer naturellement ?",
    },
    "fit_ok": {
        "en": "The offer fits your editorial line.",
        "fr": "L'offre colle à votre ligne éditoriale.",
    },
    "pay_unknown": {
        "en": "No pay is mentioned: ask for the budget first.",
        "fr": "Aucune rémunération n'est mentionnée : demandez le budget avant tout.",
    },
    "fee_unknown": {
        "en": "A fee is mentioned, without an amount.",
        "fr": "Une rémunération est évoquée, sans montant.",
    },
    "gift_only": {
        "en": "Only a gift for {count} piece(s) of content: ask for a fee, or cut the work to match.",
        "fr": "Seulement un produit offert pour {count} contenu(s) : demandez une rémunération, ou réduisez le travail.",
    },
    "fee_ok": {
        "en": "A fee of {amount} is offered: check it covers your time ({count} piece(s) of content).",
        "fr": "Une rémunération de {amount} est prévue : vérifiez qu'elle couvre votre temps ({count} contenu(s)).",
    },
    "contract_required": {
        "en": "In France, from €1,000 excl. VAT paid by one advertiser in a year, a written contract is mandatory.",
        "fr": "En France, dès 1 000 € HT versés par un même annonceur sur l'année, un contrat écrit est obligatoire.",
    },
    "perpetual_rights": {
        "en": "The brand wants to use your content with no time limit: limit these rights and charge for them.",
        "fr": "La marque veut utiliser vos contenus sans limite de durée : limitez et faites payer ces droits.",
    },
    "unpaid_ads": {
        "en": "The brand wants to run your content as paid ads, with no extra fee mentioned.",
        "fr": "La marque veut diffuser vos contenus en publicité payante, sans supplément prévu.",
    },
    "rights_ok": {
        "en": "The usage rights asked for are limited.",
        "fr": "Les droits d'utilisation demandés sont limités.",
    },
    "rights_unknown": {
        "en": "Content reuse is mentioned without a duration: get where and for how long in writing.",
        "fr": "Réutilisation des contenus évoquée sans durée : faites préciser où et combien de temps.",
    },
    "long_exclusivity": {
        "en": "A long or broad exclusivity ({months}): it costs you other deals, so keep it short, limited to direct competitors, and paid.",
        "fr": "Exclusivité longue ou large ({months}) : elle vous coûte d'autres contrats, elle doit être courte, limitée aux concurrents directs et payée.",
    },
    "exclusivity_unknown": {
        "en": "Exclusivity is asked for without a set duration: get it specified.",
        "fr": "Une exclusivité est demandée sans durée précise : faites-la préciser.",
    },
    "exclusivity_ok": {
        "en": "The exclusivity asked for is short.",
        "fr": "L'exclusivité demandée est courte.",
    },
    "unlimited_revisions": {
        "en": "Unlimited revisions: cap the rounds; beyond that it is extra work.",
        "fr": "Modifications illimitées : fixez un nombre de séries, au-delà c'est du travail en plus.",
    },
    "revisions_unknown": {
        "en": "The brand approves the content, with no set number of revision rounds.",
        "fr": "La marque valide le contenu, sans nombre de modifications prévu.",
    },
    "revisions_ok": {
        "en": "Approval with a capped number of revisions.",
        "fr": "Validation avec un nombre de modifications limité.",
    },
    "late_payment_terms": {
        "en": "Late or conditional payment ({terms}): ask for payment within 30 days, or a deposit.",
        "fr": "Paiement tardif ou conditionnel ({terms}) : demandez un paiement à 30 jours, ou un acompte.",
    },
    "late_payment_terms_eom": {
        "en": "Late payment ({terms} end of month: that long, then on to the end of that month, so up to a month "
        "more): ask for payment within 30 days, or a deposit.",
        "fr": "Paiement tardif ({terms} fin de mois : ce délai, puis jusqu'à la fin de ce mois-là, soit jusqu'à un "
        "mois de plus) : demandez un paiement à 30 jours, ou un acompte.",
    },
    "payment_unknown": {
        "en": "The payment date isn't stated.",
        "fr": "La date de paiement n'est pas précisée.",
    },
    "payment_ok": {
        "en": "Reasonable payment terms ({days} days).",
        "fr": "Délai de paiement raisonnable ({days} jours).",
    },
    "ad_fatigue": {
        "en": "{count} sponsored pieces for one brand: space them out to avoid ad fatigue.",
        "fr": "{count} contenus sponsorisés pour une même marque : espacez-les pour éviter la lassitude.",
    },
    "point_budget": {
        "en": "the budget for this collaboration",
        "fr": "le budget prévu pour cette collaboration",
    },
    "point_fee": {
        "en": "a fee on top of the product",
        "fr": "une rémunération en plus du produit",
    },
    "point_fixed_fee": {
        "en": "a fixed fee on top of the commission",
        "fr": "un fixe en plus de la commission",
    },
    "point_rights": {
        "en": "usage rights limited in time and channels, priced separately",
        "fr": "des droits d'utilisation limités dans le temps et par canal, facturés à part",
    },
    "point_ads": {
        "en": "an extra fee for running the content as ads",
        "fr": "un supplément pour la diffusion en publicité payante",
    },
    "point_exclusivity": {
        "en": "a short exclusivity, limited to direct competitors and paid",
        "fr": "une exclusivité courte, limitée aux concurrents directs et rémunérée",
    },
    "point_exclusivity_length": {
        "en": "the exact length of the exclusivity",
        "fr": "la durée exacte de l'exclusivité",
    },
    "point_revisions": {
        "en": "two rounds of revisions at most",
        "fr": "deux séries de modifications maximum",
    },
    "point_payment": {
        "en": "payment within 30 days of invoice",
        "fr": "un paiement à 30 jours après facture",
    },
    "point_payment_date": {
        "en": "the payment date",
        "fr": "la date de paiement",
    },
    "point_crypto": {
        "en": "proof that the crypto provider is registered",
        "fr": "une preuve d'enregistrement du prestataire crypto",
    },
    "point_gambling": {
        "en": "how under-18s will be excluded",
        "fr": "comment les moins de 18 ans seront exclus",
    },
    "point_disclosure": {
        "en": "a clear ad label on the post (#ad)",
        "fr": "la mention claire du partenariat (#pub / #ad)",
    },
    "point_deliverables": {
        "en": "the exact deliverables and posting dates",
        "fr": "les livrables exacts et les dates de publication",
    },
    "point_contract": {
        "en": "a written contract",
        "fr": "un contrat écrit",
    },
    "reply_accept": {
        "en": "Hi,\n\nThank you for your offer, I'd be glad to work on this! Before we start, could you confirm in writing:\n{points}\n\nI'll then send you my schedule. Best,\n[Your name]",
        "fr": "Bonjour,\n\nMerci pour votre proposition, elle me plaît beaucoup ! Avant de commencer, pouvez-vous me confirmer par écrit :\n{points}\n\nJe vous envoie ensuite mon planning. Belle journée,\n[Votre prénom]",
    },
    "reply_negotiate": {
        "en": "Hi,\n\nThanks for reaching out, I'm interested in the project. To say yes, I'd need to settle a few points:\n{points}\n\nLet me know what works on your side and I'll send you a detailed proposal. Best,\n[Your name]",
        "fr": "Bonjour,\n\nMerci pour votre message, le projet m'intéresse. Pour pouvoir dire oui, j'aurais besoin de caler quelques points :\n{points}\n\nDites-moi ce qui est possible de votre côté et je vous fais une proposition détaillée. Belle journée,\n[Votre prénom]",
    },
    "reply_decline_open": {
        "en": "Hi,\n\nThank you for thinking of me. This collaboration doesn't fit what I share with my community, so I'll pass this time. I'd be happy to hear about future projects that fit it better.\n\nBest,\n[Your name]",
        "fr": "Bonjour,\n\nMerci d'avoir pensé à moi. Après réflexion, cette collaboration ne correspond pas à ce que je partage avec ma communauté, je préfère donc décliner. Je reste ouverte à de futurs projets qui lui correspondraient davantage.\n\nBelle journée,\n[Votre prénom]",
    },
    "reply_decline_law": {
        "en": "Hi,\n\nThank you for your offer. {why} So I can't accept it.\n\nBest,\n[Your name]",
        "fr": "Bonjour,\n\nMerci pour votre proposition. {why} Je ne peux donc pas l'accepter.\n\nBelle journée,\n[Votre prénom]",
    },
    "why_hidden": {
        "en": "I always disclose my partnerships: it's the law, and it's what makes my recommendations credible.",
        "fr": "Je signale toujours mes partenariats : c'est la loi, et c'est ce qui rend mes recommandations crédibles.",
    },
    "why_banned": {
        "en": "French law does not allow creators to promote this kind of product.",
        "fr": "La loi française interdit aux créateurs de promouvoir ce type de produit.",
    },
    "why_minors": {
        "en": "A large share of my audience is under 18, and this product isn't right for them.",
        "fr": "Une part importante de mon audience est mineure, ce produit ne lui convient pas.",
    },
    "reply_decline_scam": {
        "en": "Hi,\n\nI never {what}. I won't take this further.\n\n[Your name]\n\n(The safest option is not to reply at all, and to block and report the account.)",
        "fr": "Bonjour,\n\nJe ne {what}. Je ne donnerai pas suite.\n\n[Votre prénom]\n\n(Le plus sûr reste de ne pas répondre, de bloquer et de signaler le compte.)",
    },
    "what_pay": {
        "en": "pay to collaborate with a brand",
        "fr": "paie jamais pour collaborer avec une marque",
    },
    "what_login": {
        "en": "share my login details or codes",
        "fr": "partage jamais mes identifiants ni mes codes",
    },
    "what_download": {
        "en": "download files to take part in a collaboration",
        "fr": "télécharge jamais de fichier pour une collaboration",
    },
    "what_scam": {
        "en": "follow up on offers I can't verify with the brand's official channels",
        "fr": "donne pas suite aux propositions que je ne peux pas vérifier auprès de la marque officielle",
    },
    "comment_control": {
        "en": "The brand wants to control your comments (delete or hide criticism, no negative opinion): your community would read a filtered, misleading picture, and you answer for it.",
        "fr": "La marque veut contrôler vos commentaires (supprimer ou masquer les critiques, aucun avis négatif) : votre communauté lirait une image filtrée et trompeuse, et c'est vous qui en répondez.",
    },
    "commission_only": {
        "en": "Paid by commission only, with no fixed fee: every hour of work is at your risk, and most such deals pay little.",
        "fr": "Payé uniquement à la commission, sans fixe : tout votre travail est à vos risques, et ce type d'accord rapporte souvent peu.",
    },
    "unregistered_financial": {
        "en": "This financial or crypto provider is said not to be registered or authorised: promoting it in France is illegal for influencers, and your followers could lose their money.",
        "fr": "Ce prestataire financier ou crypto n'est pas enregistré ou autorisé : en faire la promotion est interdit aux influenceurs en France, et votre communauté pourrait y perdre son argent.",
    },
    "minors_audience": {
        "en": "This product is for adults only, and the offer (or your profile) says your audience is largely under 18: promoting it to them is not allowed.",
        "fr": "Ce produit est réservé aux adultes, et l'offre (ou votre profil) indique une audience largement mineure : le promouvoir auprès d'elle n'est pas permis.",
    },
    "fake_reviews": {
        "en": "They want reviews or star ratings on a store or review site in exchange for the deal: paid or fake reviews are banned (FTC rule, French and UK consumer law) and mislead buyers.",
        "fr": "On vous demande des avis ou des notes sur un site marchand ou d'avis en échange de la collaboration : les faux avis ou avis payés sont interdits (règle FTC, droit de la consommation français et britannique) et trompent les acheteurs.",
    },
    "no_written_contract": {
        "en": "The brand says there will be no written contract. In France a written contract is required from €1,000 excl. VAT a year with one advertiser, and below that it is still what protects your fee and your rights.",
        "fr": "La marque annonce qu'il n'y aura pas de contrat écrit. En France, un contrat écrit est obligatoire à partir de 1 000 € HT par an avec un même annonceur, et en dessous c'est encore lui qui protège votre rémunération et vos droits.",
    },
    "bank_details_request": {
        "en": "They ask for your card number, security code or banking login: a brand that pays you only needs an invoice and an IBAN, never these.",
        "fr": "On vous demande votre numéro de carte, son code ou vos identifiants bancaires : une marque qui vous paie n'a besoin que d'une facture et d'un RIB, jamais de cela.",
    },
    "fake_copyright_notice": {
        "en": "A copyright or account-suspension notice that sends you to a form or a link: platforms do not warn creators this way. It is a phishing attempt.",
        "fr": "Une notification de droits d'auteur ou de suspension de compte qui vous envoie vers un formulaire ou un lien : les plateformes ne préviennent pas ainsi. C'est une tentative d'hameçonnage.",
    },
    "payment_after_approval": {
        "en": "Payment depends on the brand's (or its client's) approval or on results: you could do all the work and never be paid.",
        "fr": "Le paiement dépend de la validation de la marque (ou de son client) ou des résultats : vous pourriez tout livrer sans jamais être payé.",
    },
    "low_fee_for_workload": {
        "en": "{amount} for {count} pieces of content, about {per} each: under the lowest published average fee for the smallest accounts (about $41 per Instagram post in Klear's survey, 40–50 % more for a video), once filming, editing and posting are counted.",
        "fr": "{amount} pour {count} contenus, soit environ {per} chacun : sous la plus basse moyenne publiée pour les plus petits comptes (environ 41 $ par post Instagram selon l'enquête de Klear, 40 à 50 % de plus pour une vidéo), une fois le tournage, le montage et la publication comptés.",
    },
    "competitor_ban": {
        "en": "You would never be allowed to mention or show competitors, with no time limit: that goes far beyond a short, paid exclusivity.",
        "fr": "Vous ne pourriez plus jamais citer ni montrer de concurrents, sans limite de durée : c'est bien plus qu'une exclusivité courte et payée.",
    },
    "platform_not_yours": {
        "en": "The offer asks for content on {platforms}, where your profile does not say you publish.",
        "fr": "L'offre demande des contenus sur {platforms}, où votre profil n'indique pas que vous publiez.",
    },
    "values_clash": {
        "en": "The offer ({category}) goes against a value you set in your profile ({value}).",
        "fr": "L'offre ({category}) va contre une valeur indiquée dans votre profil ({value}).",
    },
    "fit_clear_mismatch": {
        "en": 'The offer ({category}) has nothing to do with your editorial line ("{line}"): your audience follows you for something else.',
        "fr": "L'offre ({category}) n'a rien à voir avec votre ligne éditoriale (« {line} ») : votre communauté vous suit pour autre chose.",
    },
    "fit_question": {
        "en": "The link between this offer and your editorial line is not obvious: would you use it yourself, and would your audience see why you talk about it?",
        "fr": "Le lien entre cette offre et votre ligne éditoriale n'est pas évident : l'utiliseriez-vous vous-même, et votre communauté comprendrait-elle pourquoi vous en parlez ?",
    },
    "truncated_note": {
        "en": "The offer was longer than {limit} characters: only the beginning was read.",
        "fr": "L'offre dépassait {limit} caractères : seul le début a été lu.",
    },
    "amount_unreadable": {
        "en": "An amount in the offer is too long or too large to be a fee: it was ignored. Ask the brand to confirm the fee.",
        "fr": "Un montant de l'offre est trop long ou trop grand pour être une rémunération : il a été ignoré. Demandez à la marque de confirmer le montant.",
    },
    "reply_by_note": {
        "en": "Answer by: {date} (that is the date to reply, not the delivery date).",
        "fr": "Réponse attendue : {date} (c'est la date pour répondre, pas celle de livraison).",
    },
    "point_comments": {
        "en": "my comments stay as they are: I moderate spam and insults, not honest opinions",
        "fr": "mes commentaires restent libres : je modère le spam et les insultes, pas les avis sincères",
    },
    "point_written_contract": {
        "en": "a short written contract (deliverables, fee, payment date, usage rights)",
        "fr": "un contrat écrit court (livrables, rémunération, date de paiement, droits d'utilisation)",
    },
    "point_payment_on_delivery": {
        "en": "payment on delivery of the content as agreed, not on approval or results",
        "fr": "un paiement à la livraison des contenus convenus, pas à la validation ni aux résultats",
    },
    "point_fee_workload": {
        "en": "a fee in line with the number of pieces asked for, or fewer pieces",
        "fr": "une rémunération à la hauteur du nombre de contenus demandés, ou moins de contenus",
    },
    "point_competitors": {
        "en": "no ban on mentioning competitors, or one limited to the campaign and to named brands",
        "fr": "pas d'interdiction de citer des concurrents, ou limitée à la campagne et à des marques nommées",
    },
    "point_platforms": {
        "en": "content on the platforms where I publish",
        "fr": "des contenus sur les plateformes où je publie",
    },
    "why_unregistered": {
        "en": "Promoting financial services that are not registered or authorised is not allowed, and I won't expose my audience to that risk.",
        "fr": "La promotion de services financiers non enregistrés ou non autorisés est interdite, et je n'exposerai pas ma communauté à ce risque.",
    },
    "why_reviews": {
        "en": "I don't write store or review-site reviews in exchange for a deal: buyers must be able to trust them.",
        "fr": "Je ne rédige pas d'avis sur des sites marchands ou d'avis en échange d'une collaboration : les acheteurs doivent pouvoir s'y fier.",
    },
    "why_comments": {
        "en": "I keep my comments open to honest opinions.",
        "fr": "Je laisse mes commentaires ouverts aux avis sincères.",
    },
    "what_bank": {
        "en": "share my card or banking details",
        "fr": "transmets jamais mes coordonnées de carte ni mes accès bancaires",
    },
    "what_copyright": {
        "en": "follow links or forms sent in messages about my account",
        "fr": "suis jamais de lien ni de formulaire reçus par message au sujet de mon compte",
    },
    "months": {
        "en": "{n} months",
        "fr": "{n} mois",
    },
    "months_one": {  # `say` takes a key's "_one" form for n = 1
        "en": "{n} month",
        "fr": "{n} mois",
    },
    "days": {
        "en": "{n} days",
        "fr": "{n} j",
    },
    "after_approval": {
        "en": "after approval/results",
        "fr": "après validation/résultats",
    },
    "gift_no_obligation": {
        "en": "A gift or an invitation with no content required: accept it only if you like it, and say so if you post.",
        "fr": "Un cadeau ou une invitation sans contenu exigé : acceptez seulement s'il vous plaît, et signalez-le si vous publiez.",
    },
    "deliverables_vague": {
        "en": "The offer does not say what content you would make (how many posts, which formats, where): get that in writing before saying yes.",
        "fr": "L'offre ne dit pas quels contenus vous produiriez (combien, quels formats, où) : faites-le préciser par écrit avant de dire oui.",
    },
    "fact_reply_by": {"en": "Answer by", "fr": "Réponse attendue"},
    "none_said": {"en": "none", "fr": "aucune"},
    # What every interface shows of an evaluation (the verdict, the headings, the facts in words), and the profile
    # the judge reads (its fields' names and the questions that fill them).
    "verdict_accept": {"en": "✅ Verdict: accept", "fr": "✅ Verdict : accepter"},
    "verdict_negotiate": {"en": "🟠 Verdict: negotiate", "fr": "🟠 Verdict : négocier"},
    "verdict_decline": {"en": "⛔ Verdict: decline", "fr": "⛔ Verdict : refuser"},
    "offer_why": {"en": "Why", "fr": "Pourquoi"},
    "offer_facts": {"en": "What the offer says", "fr": "Ce que dit l'offre"},
    "offer_points": {"en": "Points to negotiate", "fr": "Points à négocier"},
    "offer_checklist": {"en": "Checklist for this offer", "fr": "Checklist pour cette offre"},
    "offer_reply": {"en": "A reply you can send", "fr": "Une réponse à envoyer"},
    "offer_unknown": {"en": "not stated", "fr": "non précisé"},
    "fact_pay": {"en": "Pay", "fr": "Rémunération"},
    "fact_deliverables": {"en": "Deliverables", "fr": "Livrables"},
    "fact_deadline": {"en": "Deadline", "fr": "Date"},
    "fact_rights": {"en": "Usage rights", "fr": "Droits d'utilisation"},
    "fact_exclusivity": {"en": "Exclusivity", "fr": "Exclusivité"},
    "fact_payment": {"en": "Payment terms", "fr": "Paiement"},
    "fact_category": {"en": "Category", "fr": "Catégorie"},
    "fact_disclosure": {"en": "Disclosure", "fr": "Mention du partenariat"},
    "pay_money": {"en": "money", "fr": "argent"},
    "pay_gift": {"en": "gifted product", "fr": "produit offert"},
    "pay_commission": {"en": "commission", "fr": "commission"},
    "yes": {"en": "yes", "fr": "oui"},
    "perpetual": {"en": "no time limit", "fr": "sans limite de durée"},
    "paid_ads": {"en": "incl. paid ads", "fr": "dont publicité payante"},
    "disclosure_required": {"en": "asked for", "fr": "demandée"},
    "disclosure_hidden": {"en": "to be HIDDEN", "fr": "à CACHER"},
    "payment_days": {"en": "{n} days", "fr": "{n} jours"},
    "one_of": {"en": "one of: {options}", "fr": "au choix : {options}"},
    "payment_days_eom": {
        "en": "{n} days end of month",
        "fr": "{n} jours fin de mois",
    },
    "pf_editorial_line": {"en": "Editorial line", "fr": "Ligne éditoriale"},
    "pf_no_go": {"en": "No-go categories", "fr": "Catégories refusées"},
    "pf_platforms": {"en": "Platforms", "fr": "Plateformes"},
    "pf_audience_size": {"en": "Audience size", "fr": "Taille de l'audience"},
    "pf_minors_share": {"en": "Share of under-18s", "fr": "Part de moins de 18 ans"},
    "ask_pf_editorial_line": {
        "en": "Describe your editorial line in a sentence or two (themes, tone, values).",
        "fr": "Décrivez votre ligne éditoriale en une ou deux phrases (thèmes, ton, valeurs).",
    },
    "ask_pf_no_go": {
        "en": 'Which categories do you refuse? (e.g. "alcohol, crypto, fast fashion")',
        "fr": "Quelles catégories refusez-vous ? (ex. « alcool, crypto, fast fashion »)",
    },
    "ask_pf_platforms": {
        "en": 'Where do you publish? (e.g. "Instagram, TikTok")',
        "fr": "Où publiez-vous ? (ex. « Instagram, TikTok »)",
    },
    "ask_pf_audience_size": {
        "en": 'How many followers in all? (e.g. "12k")',
        "fr": "Combien d'abonnés en tout ? (ex. « 12k »)",
    },
    "ask_pf_minors_share": {
        "en": 'What share of your audience is under 18? (e.g. "25 %"; your app\'s statistics show it)',
        "fr": "Quelle part de votre audience a moins de 18 ans ? (ex. « 25 % » ; vos statistiques l'indiquent)",
    },
    "ask_pf_country": {
        "en": "Where do you create? France, Belgium, Switzerland, Québec/Canada, UK, US or other (Enter to skip)",
        "fr": "D'où créez-vous ? France, Belgique, Suisse, Québec/Canada, Royaume-Uni, États-Unis ou autre "
        "(Entrée pour passer)",
    },
}

CATEGORY_NAMES: dict[str, dict[Lang, str]] = {
    "nicotine": {
        "en": "nicotine products",
        "fr": "produits à la nicotine",
    },
    "cosmetic_surgery": {
        "en": "cosmetic surgery or aesthetic procedures",
        "fr": "actes de chirurgie ou de médecine esthétique",
    },
    "therapeutic_alternative": {
        "en": "substitutes for medical treatment",
        "fr": "substituts aux traitements médicaux",
    },
    "wild_animals": {
        "en": "wild animals",
        "fr": "animaux sauvages",
    },
    "betting_tips": {
        "en": "betting-tip subscriptions",
        "fr": "abonnements de pronostics sportifs",
    },
    "finance": {
        "en": "risky financial products",
        "fr": "produits financiers à risque",
    },
    "crypto": {
        "en": "crypto-assets",
        "fr": "crypto-actifs",
    },
    "gambling": {
        "en": "gambling",
        "fr": "jeux d'argent",
    },
    "alcohol": {
        "en": "alcohol",
        "fr": "alcool",
    },
    "beauty": {
        "en": "beauty",
        "fr": "beauté",
    },
    "fashion": {
        "en": "fashion",
        "fr": "mode",
    },
    "food": {
        "en": "food",
        "fr": "alimentation",
    },
    "drinks": {
        "en": "drinks",
        "fr": "boissons",
    },
    "tech": {
        "en": "tech",
        "fr": "tech",
    },
    "gaming": {
        "en": "gaming",
        "fr": "jeu vidéo",
    },
    "sport": {
        "en": "sport",
        "fr": "sport",
    },
    "travel": {
        "en": "travel",
        "fr": "voyage",
    },
    "home": {
        "en": "home",
        "fr": "maison",
    },
    "health_supplement": {
        "en": "food supplements",
        "fr": "compléments alimentaires",
    },
    "fast_food": {
        "en": "fast food",
        "fr": "restauration rapide",
    },
    "fast_fashion": {
        "en": "fast fashion",
        "fr": "mode jetable",
    },
    "kids": {
        "en": "kids",
        "fr": "enfants",
    },
    "other": {
        "en": "other",
        "fr": "autre",
    },
}


def say(key: str, lang: Lang, **values: object) -> str:
    if values.get("n") == 1 and f"{key}_one" in TEXTS:
        key = f"{key}_one"  # "1 month", not "1 months"
    text = TEXTS[key][lang]
    return text.format(**values) if values else text


def category_name(category: str, lang: Lang) -> str:
    names = CATEGORY_NAMES.get(category)
    return names[lang] if names else category.replace("_", " ")
