"""The offer evaluation's words, in French and English: reasons, negotiation points, reply drafts."""

from __future__ import annotations

from bot.i18n import Lang

# key: (fr, en). Placeholders are filled by `say`.
TEXTS: dict[str, tuple[str, str]] = {
    # ---- reasons ---------------------------------------------------------------------------------------
    "pay_to_collaborate": (
        "On vous demande de payer (frais, port, caution ou produits) pour collaborer : une vraie marque vous paie, "
        "jamais l'inverse.",
        "They ask you to pay (fees, shipping, a deposit or products) to collaborate: a real brand pays you, never "
        "the other way round.",
    ),
    "login_request": (
        "On vous demande un mot de passe, des identifiants ou un code de vérification : ne les donnez jamais. La "
        "publicité sur vos contenus se fait sans eux.",
        "They ask for your password, login or a verification code: never share them. Paid ads on your content work "
        "without them.",
    ),
    "download_request": (
        "On vous demande de télécharger ou d'ouvrir un fichier : les faux partenariats s'en servent pour voler des "
        "comptes.",
        "They ask you to download or open a file: fake sponsorships use this to steal accounts.",
    ),
    "scam_signals": (
        "Plusieurs signaux d'arnaque ensemble ({signals}) : vérifiez la marque via son site officiel avant de "
        "répondre.",
        "Several scam signals together ({signals}): check the brand through its official website before answering.",
    ),
    "signal_free_email": ("adresse e-mail gratuite", "a free email address"),
    "signal_urgency": ("pression pour répondre vite", "pressure to answer fast"),
    "signal_vague": ("aucun budget concret", "no concrete budget"),
    "legit_ok": ("Aucun signal d'arnaque dans le message.", "No scam signal in the message."),
    "hidden_advertising": (
        "On vous demande de cacher qu'il s'agit d'une publicité : c'est interdit en France, dans l'UE, aux "
        "États-Unis et au Royaume-Uni, et cela coûte la confiance de votre communauté.",
        "They ask you to hide that it is an ad: that is illegal in France, the EU, the US and the UK, and it costs "
        "your community's trust.",
    ),
    "disclosure_ok": (
        "La marque prévoit de signaler le partenariat.",
        "The brand expects the partnership to be disclosed.",
    ),
    "disclosure_unknown": (
        "La mention du partenariat n'est pas évoquée : précisez que vous l'indiquerez clairement.",
        "Disclosure isn't mentioned: say that you will label the post as an ad.",
    ),
    "banned_category": (
        "En France, les influenceurs n'ont pas le droit de promouvoir ce type de produit ({category}) : loi "
        "n° 2023-451 modifiée.",
        "In France, influencers may not promote this kind of product ({category}) under law 2023-451 as amended.",
    ),
    "gambling_minors": (
        "Les jeux d'argent ne peuvent être promus que là où les moins de 18 ans sont exclus, et une part notable "
        "de votre audience est mineure.",
        "Gambling may only be promoted where under-18s are excluded, and a notable share of your audience is under 18.",
    ),
    "gambling_check": (
        "Jeux d'argent : seulement sur une plateforme qui exclut techniquement les moins de 18 ans. Demandez "
        "comment et vérifiez l'âge de votre audience.",
        "Gambling can only be promoted where under-18s are technically excluded: ask how, and check your "
        "audience's age.",
    ),
    "crypto_check": (
        "Crypto : en France, seuls des prestataires enregistrés ou agréés peuvent être promus. Demandez une preuve "
        "d'enregistrement et vérifiez-la.",
        "Crypto: in France only registered or authorised providers may be promoted. Ask for proof of registration "
        "and check it.",
    ),
    "alcohol_check": (
        "Alcool : la publicité est strictement encadrée en France (loi Évin). Vérifiez ce que la marque attend "
        "et évitez tout public mineur.",
        "Alcohol: advertising is tightly regulated in France (Evin law). Check what the brand expects and keep "
        "away from any under-age audience.",
    ),
    "no_go_category": (
        "Cette catégorie ({category}) fait partie de vos refus de principe.",
        "This category ({category}) is one of your no-go categories.",
    ),
    "minors_adult_product": (
        "Produit réservé aux adultes alors qu'une part notable de votre audience est mineure.",
        "An adults-only product, while a notable share of your audience is under 18.",
    ),
    "fit_bad": (
        "L'offre semble loin de votre ligne éditoriale (« {line} »).",
        'The offer looks far from your editorial line ("{line}").',
    ),
    "fit_warn": (
        "Le lien avec votre ligne éditoriale n'est pas évident : sauriez-vous l'intégrer naturellement ?",
        "The link with your editorial line isn't obvious: could you fit it in naturally?",
    ),
    "fit_ok": ("L'offre colle à votre ligne éditoriale.", "The offer fits your editorial line."),
    "pay_unknown": (
        "Aucune rémunération n'est mentionnée : demandez le budget avant tout.",
        "No pay is mentioned: ask for the budget first.",
    ),
    "fee_unknown": ("Une rémunération est évoquée, sans montant.", "A fee is mentioned, without an amount."),
    "gift_only": (
        "Seulement un produit offert pour {count} contenu(s) : demandez une rémunération, ou réduisez le travail.",
        "Only a gift for {count} piece(s) of content: ask for a fee, or cut the work to match.",
    ),
    "commission_only": (
        "Seulement une commission : vous n'êtes payé que si vos abonnés achètent. Demandez aussi un fixe.",
        "Commission only: you are paid only if people buy. Ask for a fixed fee as well.",
    ),
    "fee_ok": (
        "Une rémunération de {amount} est prévue : vérifiez qu'elle couvre votre temps ({count} contenu(s)).",
        "A fee of {amount} is offered: check it covers your time ({count} piece(s) of content).",
    ),
    "contract_required": (
        "En France, dès 1 000 € HT versés par un même annonceur sur l'année, un contrat écrit est obligatoire.",
        "In France, from €1,000 excl. VAT paid by one advertiser in a year, a written contract is mandatory.",
    ),
    "perpetual_rights": (
        "La marque veut utiliser vos contenus sans limite de durée : limitez et faites payer ces droits.",
        "The brand wants to use your content with no time limit: limit these rights and charge for them.",
    ),
    "unpaid_ads": (
        "La marque veut diffuser vos contenus en publicité payante, sans supplément prévu.",
        "The brand wants to run your content as paid ads, with no extra fee mentioned.",
    ),
    "rights_ok": ("Les droits d'utilisation demandés sont limités.", "The usage rights asked for are limited."),
    "rights_unknown": (
        "Réutilisation des contenus évoquée sans durée : faites préciser où et combien de temps.",
        "Content reuse is mentioned without a duration: get where and for how long in writing.",
    ),
    "long_exclusivity": (
        "Exclusivité longue ou large ({months}) : elle vous coûte d'autres contrats, elle doit être courte, "
        "limitée aux concurrents directs et payée.",
        "A long or broad exclusivity ({months}): it costs you other deals, so keep it short, limited to direct "
        "competitors, and paid.",
    ),
    "exclusivity_unknown": (
        "Une exclusivité est demandée sans durée précise : faites-la préciser.",
        "Exclusivity is asked for without a set duration: get it specified.",
    ),
    "exclusivity_ok": ("L'exclusivité demandée est courte.", "The exclusivity asked for is short."),
    "unlimited_revisions": (
        "Modifications illimitées : fixez un nombre de séries, au-delà c'est du travail en plus.",
        "Unlimited revisions: cap the rounds; beyond that it is extra work.",
    ),
    "revisions_unknown": (
        "La marque valide le contenu, sans nombre de modifications prévu.",
        "The brand approves the content, with no set number of revision rounds.",
    ),
    "revisions_ok": (
        "Validation avec un nombre de modifications limité.",
        "Approval with a capped number of revisions.",
    ),
    "late_payment_terms": (
        "Paiement tardif ou conditionnel ({terms}) : demandez un paiement à 30 jours, ou un acompte.",
        "Late or conditional payment ({terms}): ask for payment within 30 days, or a deposit.",
    ),
    "payment_unknown": (
        "La date de paiement n'est pas précisée.",
        "The payment date isn't stated.",
    ),
    "payment_ok": ("Délai de paiement raisonnable ({days} jours).", "Reasonable payment terms ({days} days)."),
    "ad_fatigue": (
        "{count} contenus sponsorisés pour une même marque : espacez-les pour éviter la lassitude.",
        "{count} sponsored pieces for one brand: space them out to avoid ad fatigue.",
    ),
    # ---- negotiation points and conditions to confirm ------------------------------------------------
    "point_budget": ("le budget prévu pour cette collaboration", "the budget for this collaboration"),
    "point_fee": ("une rémunération en plus du produit", "a fee on top of the product"),
    "point_fixed_fee": ("un fixe en plus de la commission", "a fixed fee on top of the commission"),
    "point_rights": (
        "des droits d'utilisation limités dans le temps et par canal, facturés à part",
        "usage rights limited in time and channels, priced separately",
    ),
    "point_ads": (
        "un supplément pour la diffusion en publicité payante",
        "an extra fee for running the content as ads",
    ),
    "point_exclusivity": (
        "une exclusivité courte, limitée aux concurrents directs et rémunérée",
        "a short exclusivity, limited to direct competitors and paid",
    ),
    "point_exclusivity_length": ("la durée exacte de l'exclusivité", "the exact length of the exclusivity"),
    "point_revisions": ("deux séries de modifications maximum", "two rounds of revisions at most"),
    "point_payment": ("un paiement à 30 jours après facture", "payment within 30 days of invoice"),
    "point_payment_date": ("la date de paiement", "the payment date"),
    "point_crypto": (
        "une preuve d'enregistrement du prestataire crypto",
        "proof that the crypto provider is registered",
    ),
    "point_gambling": ("comment les moins de 18 ans seront exclus", "how under-18s will be excluded"),
    "point_disclosure": ("la mention claire du partenariat (#pub / #ad)", "a clear ad label on the post (#ad)"),
    "point_deliverables": (
        "les livrables exacts et les dates de publication",
        "the exact deliverables and posting dates",
    ),
    "point_contract": ("un contrat écrit", "a written contract"),
    # ---- reply drafts ------------------------------------------------------------------------------------
    "reply_accept": (
        "Bonjour,\n\nMerci pour votre proposition, elle me plaît beaucoup ! Avant de commencer, pouvez-vous me "
        "confirmer par écrit :\n{points}\n\nJe vous envoie ensuite mon planning. Belle journée,\n[Votre prénom]",
        "Hi,\n\nThank you for your offer, I'd be glad to work on this! Before we start, could you confirm in "
        "writing:\n{points}\n\nI'll then send you my schedule. Best,\n[Your name]",
    ),
    "reply_negotiate": (
        "Bonjour,\n\nMerci pour votre message, le projet m'intéresse. Pour pouvoir dire oui, j'aurais besoin de "
        "caler quelques points :\n{points}\n\nDites-moi ce qui est possible de votre côté et je vous fais une "
        "proposition détaillée. Belle journée,\n[Votre prénom]",
        "Hi,\n\nThanks for reaching out, I'm interested in the project. To say yes, I'd need to settle a few "
        "points:\n{points}\n\nLet me know what works on your side and I'll send you a detailed proposal. "
        "Best,\n[Your name]",
    ),
    "reply_decline_open": (
        "Bonjour,\n\nMerci d'avoir pensé à moi. Après réflexion, cette collaboration ne correspond pas à ce que je "
        "partage avec ma communauté, je préfère donc décliner. Je reste ouverte à de futurs projets qui lui "
        "correspondraient davantage.\n\nBelle journée,\n[Votre prénom]",
        "Hi,\n\nThank you for thinking of me. This collaboration doesn't fit what I share with my community, so "
        "I'll pass this time. I'd be happy to hear about future projects that fit it better.\n\nBest,\n[Your name]",
    ),
    "reply_decline_law": (
        "Bonjour,\n\nMerci pour votre proposition. {why} Je ne peux donc pas l'accepter.\n\nBelle journée,\n"
        "[Votre prénom]",
        "Hi,\n\nThank you for your offer. {why} So I can't accept it.\n\nBest,\n[Your name]",
    ),
    "why_hidden": (
        "Je signale toujours mes partenariats : c'est la loi, et c'est ce qui rend mes recommandations crédibles.",
        "I always disclose my partnerships: it's the law, and it's what makes my recommendations credible.",
    ),
    "why_banned": (
        "La loi française interdit aux créateurs de promouvoir ce type de produit.",
        "French law does not allow creators to promote this kind of product.",
    ),
    "why_minors": (
        "Une part importante de mon audience est mineure, ce produit ne lui convient pas.",
        "A large share of my audience is under 18, and this product isn't right for them.",
    ),
    "reply_decline_scam": (
        "Bonjour,\n\nJe ne {what}. Je ne donnerai pas suite.\n\n[Votre prénom]\n\n(Le plus sûr reste de ne pas "
        "répondre, de bloquer et de signaler le compte.)",
        "Hi,\n\nI never {what}. I won't take this further.\n\n[Your name]\n\n(The safest option is not to reply "
        "at all, and to block and report the account.)",
    ),
    "what_pay": ("paie jamais pour collaborer avec une marque", "pay to collaborate with a brand"),
    "what_login": ("partage jamais mes identifiants ni mes codes", "share my login details or codes"),
    "what_download": (
        "télécharge jamais de fichier pour une collaboration",
        "download files to take part in a collaboration",
    ),
    "what_scam": (
        "donne pas suite aux propositions que je ne peux pas vérifier auprès de la marque officielle",
        "follow up on offers I can't verify with the brand's official channels",
    ),
}

CATEGORY_NAMES: dict[str, tuple[str, str]] = {
    "nicotine": ("produits à la nicotine", "nicotine products"),
    "cosmetic_surgery": ("actes de chirurgie ou de médecine esthétique", "cosmetic surgery or aesthetic procedures"),
    "therapeutic_alternative": ("substituts aux traitements médicaux", "substitutes for medical treatment"),
    "wild_animals": ("animaux sauvages", "wild animals"),
    "betting_tips": ("abonnements de pronostics sportifs", "betting-tip subscriptions"),
    "finance": ("produits financiers à risque", "risky financial products"),
    "crypto": ("crypto-actifs", "crypto-assets"),
    "gambling": ("jeux d'argent", "gambling"),
    "alcohol": ("alcool", "alcohol"),
    "beauty": ("beauté", "beauty"),
    "fashion": ("mode", "fashion"),
    "food": ("alimentation", "food"),
    "drinks": ("boissons", "drinks"),
    "tech": ("tech", "tech"),
    "gaming": ("jeu vidéo", "gaming"),
    "sport": ("sport", "sport"),
    "travel": ("voyage", "travel"),
    "home": ("maison", "home"),
    "health_supplement": ("compléments alimentaires", "food supplements"),
    "fast_food": ("restauration rapide", "fast food"),
    "fast_fashion": ("mode jetable", "fast fashion"),
    "kids": ("enfants", "kids"),
    "other": ("autre", "other"),
}


def say(key: str, lang: Lang, **values: object) -> str:
    fr, en = TEXTS[key]
    text = fr if lang == "fr" else en
    return text.format(**values) if values else text


def category_name(category: str, lang: Lang) -> str:
    names = CATEGORY_NAMES.get(category)
    if names is None:
        return category.replace("_", " ")
    return names[0] if lang == "fr" else names[1]
