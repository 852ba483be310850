"""Deliverables in the ways brands and creators write them: recaps that must not count twice, platforms heading a
list, alternatives, UGC that is never posted, rhythms over a duration, counts in words or after the format."""

import pytest

from bot.offers.describe import fact_lines
from bot.offers.extract import extract_facts

Item = tuple[str, int, str | None]


def _read(text: str) -> set[Item]:
    return {(d.format, d.count, d.platform) for d in extract_facts(text).deliverables}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A recap, a fee line or a subject line says the list again: counted once.
        ("Recap: 2 reels + 4 stories.\nTo sum up, you'd post 2 reels and 4 stories.",
         {("reel", 2, None), ("story", 4, None)}),
        ("Livrables : 1 reel + 3 stories\nRémunération : 500 € HT pour 1 reel et 3 stories",
         {("reel", 1, None), ("story", 3, None)}),
        ("We'd like 2 reels and 2 TikToks. Recap: 4 videos for $800.", {("reel", 2, None), ("tiktok", 2, "tiktok")}),
        ("Objet : Collab 2 reels + stories\nBonjour, nous aimerions 2 reels et 5 stories.",
         {("reel", 2, None), ("story", 5, None)}),
        ("Subject: 3 TikToks for our launch\nHi, we'd like 3 TikToks in April.", {("tiktok", 3, "tiktok")}),
        ("2 stories par semaine pendant 4 semaines, soit 8 stories", {("story", 8, None)}),
        # ...but the next step of a schedule adds to it.
        ("Phase 1: 2 TikToks. Phase 2: 2 TikToks.", {("tiktok", 4, "tiktok")}),
        ("2 reels. Also 2 reels in June.", {("reel", 4, None)}),
        # A platform heading the pieces under it, on its line or before a colon.
        ("Instagram\n- 1 reel\n- 3 stories\nTikTok\n- 2 vidéos",
         {("reel", 1, "instagram"), ("story", 3, "instagram"), ("tiktok", 2, "tiktok")}),
        ("Instagram: 1 reel, 3 stories. TikTok: 2 videos.",
         {("reel", 1, "instagram"), ("story", 3, "instagram"), ("tiktok", 2, "tiktok")}),
        ("Instagram : 2 reels\nTikTok : 2 vidéos\nBudget : 1 500 €",
         {("reel", 2, "instagram"), ("tiktok", 2, "tiktok")}),
        # A heading under a title line, closed by a label ("Récap :") or a blank line after its pieces.
        ("Livrables\nInstagram :\n- 1 reel (essai, 30-45s)\n- 2 stories avec sticker lien\nTikTok :\n- 2 vidéos\n\n"
         "Récap : 1 reel, 2 stories, 2 TikToks → 900 € HT tout compris.",
         {("reel", 1, "instagram"), ("story", 2, "instagram"), ("tiktok", 2, "tiktok")}),
        ("Instagram :\n- 1 reel\n\nEt 3 stories le jour J", {("reel", 1, "instagram"), ("story", 3, None)}),
        ("Instagram :\n- Contenu : 1 reel\n- 3 stories", {("reel", 1, "instagram"), ("story", 3, "instagram")}),
        # A platform right after one piece is that piece's: "2 reels tuto + 1 live Instagram".
        ("Phase 2 (juin) : 2 reels tuto (semis, arrosage) + 1 live Instagram de 30 min",
         {("reel", 2, None), ("live", 1, "instagram")}),
        # "2 more" on the next line of a schedule adds to the pieces listed last.
        ("May: 2 clips posted as YouTube Shorts\nJune: 2 more, same format\nJuly: 1 YouTube video",
         {("short", 4, "youtube"), ("video", 1, "youtube")}),
        ("2 reels en mai.\n2 autres créatrices participent aussi.", {("reel", 2, None)}),
        # "a UGC-only brief" is no piece.
        ("This is a UGC-only brief, nothing gets posted.\nWe need 5 videos (15-30s, vertical)", {("ugc", 5, None)}),
        # Counts after the format, one per line: a count never reaches the next line's format.
        ("Livrables :\nReels x2\nStory ×4\nPost carrousel x1",
         {("reel", 2, None), ("story", 4, None), ("post", 1, None)}),
        ("Final deliverables:\n\nReels x2\nStories x6\nTikTok x1\n\nFee £1,050",
         {("reel", 2, None), ("story", 6, None), ("tiktok", 1, "tiktok")}),
        # Counts after the format, in words, in brackets; table cells that go on.
        ("Reels x2 et stories x6", {("reel", 2, None), ("story", 6, None)}),
        ("Instagram Reels (2) and Stories (4)", {("reel", 2, "instagram"), ("story", 4, None)}),
        ("a dozen stories over the campaign", {("story", 12, None)}),
        ("une demi-douzaine de TikToks", {("tiktok", 6, "tiktok")}),
        ("Oh yes, a pair of TikToks too, one teaser and one reaction", {("tiktok", 2, "tiktok")}),
        ("| Livrable | Plateforme | Quantité |\n|---|---|---|\n| Story avec sticker lien | Instagram | 6 |",
         {("story", 6, "instagram")}),
        # A count whose format comes after "en", "as".
        ("ils me proposent 350€ pour une recette en reel + deux stories", {("reel", 1, None), ("story", 2, None)}),
        ("a couple of highlight clips posted as YouTube Shorts afterwards", {("short", 2, "youtube")}),
        # Rhythms over a duration: four weeks a month, every other week, "for a month", a term said apart.
        ("two TikToks per week for a month", {("tiktok", 8, "tiktok")}),
        ("1 tiktok/semaine pendant 2 mois", {("tiktok", 8, "tiktok")}),
        ("un reel tous les 15 jours pendant 2 mois", {("reel", 4, None)}),
        ("3 posts LinkedIn sur 6 semaines (1 toutes les 2 semaines)", {("post", 3, "linkedin")}),
        ("Ambassador program, 6 months: 1 TikTok per month", {("tiktok", 6, "tiktok")}),
        ("Deliverables (per month): 2 TikToks, 1 reel. Term: 3 months.", {("tiktok", 6, "tiktok"), ("reel", 3, None)}),
        # What is not asked: the creator's past posts, a length or a range in brackets, alternatives.
        ("Loved your 3 stories about your morning routine! We'd like 1 reel for our launch.", {("reel", 1, None)}),
        ("- 1 post carrousel Instagram (5 à 8 photos en balade)\n- 1 reel Instagram",
         {("post", 1, "instagram"), ("reel", 1, "instagram")}),
        ("3 TikToks d'unboxing (1 par mois) + stories", {("tiktok", 3, "tiktok")}),
        ("1 TikTok typing ASMR\n- plus either 1 reel or 3 stories, your choice", {("tiktok", 1, "tiktok")}),
        ("Soit 1 reel, soit 3 stories, au choix.", set()),
        # A segment written inside its video is that video; "share it in 2 stories" is two more pieces.
        ("1 YouTube video (travel-prep vlog with a 60 s segment on our insurance) + 3 Instagram stories",
         {("video", 1, "youtube"), ("story", 3, "instagram")}),
        ("You'd create one dedicated YouTube video (8–12 minutes) and share it in 2 stories.",
         {("video", 1, "youtube"), ("story", 2, None)}),
        # Formats named by their platform, and the ones without a platform.
        ("the package is 1 dedicated YouTube video, 1 Short and a community post",
         {("video", 1, "youtube"), ("short", 1, None), ("post", 1, "youtube")}),
        ("1 vidéo YouTube dédiée + 2 shorts", {("video", 1, "youtube"), ("short", 2, None)}),
        ("2 Shorts YouTube + 1 TikTok", {("short", 2, "youtube"), ("tiktok", 1, "tiktok")}),
        ("YouTube :\n- 1 vidéo dédiée\n- 2 Shorts", {("video", 1, "youtube"), ("short", 2, "youtube")}),
        ("2 posts de blog + 1 newsletter dédiée", {("blog", 2, None), ("newsletter", 1, None)}),
        ("An Instagram collab post (co-authored with our account) + 2 stories",
         {("post", 1, "instagram"), ("story", 2, None)}),
        ("We'd love to work on a short series on your LinkedIn: 3 LinkedIn posts over six weeks",
         {("post", 3, "linkedin")}),
        # A rhythm belongs to its own piece; a total in brackets is the count; numbered pieces; "x2 reels".
        ("Partenariat annuel : 1 vidéo YouTube par trimestre (4 au total) et 1 short par mois",
         {("video", 4, "youtube"), ("short", 12, None)}),
        ("Reel 1 : unboxing / Reel 2 : routine", {("reel", 2, None)}),
        ("a 3-story sequence on launch day", {("story", 3, None)}),
        ("a 1-minute reel", {("reel", 1, None)}),
        # A daily rhythm in brackets restates the total; a count written after its format has its own rhythm.
        ("3 stories (1 par jour pendant 3 jours)", {("story", 3, None)}),
        ("Stories : 1 par jour pendant 5 jours", {("story", 5, None)}),
        ("Reels : 1 par mois pendant 3 mois", {("reel", 3, None)}),
        ("Reels x3 (1 par mois pendant 3 mois)", {("reel", 3, None)}),
        ("x2 reels et x4 stories", {("reel", 2, None), ("story", 4, None)}),
        ("un placement de produit dans ta prochaine vidéo YouTube", {("video", 1, "youtube")}),
        ("Article 1 – Objet : 2 reels Instagram.\nArticle 2 – Calendrier : en mai.", {("reel", 2, "instagram")}),
        # UGC is delivered to the brand, never posted by the creator.
        ("3 vidéos UGC verticales (15-30 s) : un tuto, un avant/après", {("ugc", 3, None)}),
        ("This is UGC only: you won't post anything on your own accounts.\n• 5 videos (vertical, 20–40 s)",
         {("ugc", 5, None)}),
        # A piece that goes with each of another's: counted once per piece it goes with.
        ("4 TikToks + 2 stories avec sticker lien à chaque publication", {("tiktok", 4, "tiktok"), ("story", 8, None)}),
        ("Livrables :\n- 4 TikToks\n- 2 stories avec sticker lien à chaque publication",
         {("tiktok", 4, "tiktok"), ("story", 8, None)}),
        ("2 Instagram reels, plus 2 stories per reel", {("reel", 2, "instagram"), ("story", 4, None)}),
        ("3 posts Instagram, avec 3 stories pour chaque post", {("post", 3, "instagram"), ("story", 9, None)}),
        ("We'd like 3 reels, each with 2 stories announcing it.", {("reel", 3, None), ("story", 6, None)}),
        ("3 vidéos YouTube, chacune relayée par 1 story", {("video", 3, "youtube"), ("story", 3, None)}),
        ("4 reels (1 par semaine) + 1 story par reel", {("reel", 4, None), ("story", 4, None)}),
        ("Pour chaque vidéo, 2 stories de teasing.\nVidéos : 2 vidéos YouTube dédiées",
         {("video", 2, "youtube"), ("story", 4, None)}),
        ("We need 3 TikToks. Each TikTok must also be posted as an Instagram reel.",
         {("tiktok", 3, "tiktok"), ("reel", 3, "instagram")}),
        ("2 Reels with 1 Story each", {("reel", 2, None), ("story", 2, None)}),
        ("2 reels, avec 2 stories chacun", {("reel", 2, None), ("story", 4, None)}),
        ("3 TikToks + 1 story for each one", {("tiktok", 3, "tiktok"), ("story", 3, None)}),
        ("Publication : 1 reel le 12 mai, 1 reel le 26 mai, 2 stories à chaque fois.",
         {("reel", 2, None), ("story", 4, None)}),
        ("On aimerait 2 TikToks. Pour chacun, une story de rappel sur Insta.",
         {("tiktok", 2, "tiktok"), ("story", 2, "instagram")}),
        ("2 reels + 3 stories of 15 s each", {("reel", 2, None), ("story", 3, None)}),
        ("2 reels + 3 stories, each one with a link", {("reel", 2, None), ("story", 3, None)}),
        # ...not a price per piece, a rhythm, or a piece none of which is listed.
        ("2 reels + 3 stories, 200 € par reel", {("reel", 2, None), ("story", 3, None)}),
        ("3 stories à 50 € par story", {("story", 3, None)}),
        ("2 reels. Chaque semaine, 1 story pendant 4 semaines", {("reel", 2, None), ("story", 4, None)}),
        ("for every reel, 2 stories", {("story", 2, None)}),
        # A copy posted on another platform is a piece there.
        ("1 reel + its cross-post on TikTok", {("reel", 1, None), ("tiktok", 1, "tiktok")}),
        ("2 TikToks, each cross-posted as a YouTube Short", {("tiktok", 2, "tiktok"), ("short", 2, "youtube")}),
        # One video posted on several platforms is a piece on each.
        ("1 vidéo publiée sur Instagram et TikTok", {("video", 1, "instagram"), ("tiktok", 1, "tiktok")}),
        ("1 Reel (Instagram + TikTok)", {("reel", 1, "instagram"), ("tiktok", 1, "tiktok")}),
        ("1 short-form video posted to TikTok, Instagram Reels and YouTube Shorts",
         {("tiktok", 1, "tiktok"), ("reel", 1, "instagram"), ("short", 1, "youtube")}),
        # Videos whose bracket says which they are: those pieces; a bracket that restates one piece adds nothing.
        ("2 vidéos (1 TikTok + 1 Reel)", {("tiktok", 1, "tiktok"), ("reel", 1, None)}),
        ("2 videos (one TikTok, one Reel) + 3 stories",
         {("tiktok", 1, "tiktok"), ("reel", 1, None), ("story", 3, None)}),
        ("un haul TikTok (1 vidéo)", {("tiktok", 1, "tiktok")}),
        ("A TikTok, cross-posted to Reels", {("tiktok", 1, "tiktok"), ("reel", 1, None)}),
        ("Un TikTok + sa version Reel", {("tiktok", 1, "tiktok"), ("reel", 1, None)}),
        ("1 TikTok and its YouTube Shorts version", {("tiktok", 1, "tiktok"), ("short", 1, "youtube")}),
        ("1 reel, also posted on Facebook", {("reel", 1, None), ("reel", 1, "facebook")}),
        # "à chaque fois" before the piece, a duration written "x 4 semaines".
        ("1 reel par semaine pendant 1 mois, accompagné à chaque fois de 2 stories",
         {("reel", 4, None), ("story", 8, None)}),
        ("Contenu : 1 Reel / semaine x 4 semaines", {("reel", 4, None)}),
        # A carousel is one post, however many slides.
        ("a carousel (5 slides) and 2 stories", {("post", 1, None), ("story", 2, None)}),
        ("1 carrousel de 6 photos sur Instagram", {("post", 1, "instagram")}),
    ],
)  # fmt: skip
def test_deliverables_as_written(text: str, expected: set[Item]) -> None:
    assert _read(text) == expected


def test_alternatives_are_kept_apart_and_weigh_on_the_workload() -> None:
    facts = extract_facts("Budget $30 total for 1 TikTok, plus either 1 reel or 3 stories, your choice.")
    assert [(d.format, d.count) for d in facts.deliverables] == [("tiktok", 1)]
    assert [(d.format, d.count) for d in facts.deliverable_options] == [("reel", 1), ("story", 3)]
    assert dict(fact_lines(facts, "fr"))["Livrables"].endswith("au choix : 1 × reel / 3 × story")
    assert dict(fact_lines(facts, "en"))["Deliverables"].endswith("one of: 1 × reel / 3 × story")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A heading line's rhythm is that of the pieces listed under it, over the offer's term.
        ("Term: 12 months\nMonthly deliverables:\n  • 1 Instagram reel\n  • 3 Instagram stories\n  • 1 TikTok\n"
         "Compensation:\n  • £350 per month",
         {("reel", 12, "instagram"), ("story", 36, "instagram"), ("tiktok", 12, "tiktok")}),
        ("Durée : 3 mois\nChaque mois :\n- 2 reels\n- 4 stories\n\nEt 1 TikTok de lancement",
         {("reel", 6, None), ("story", 12, None), ("tiktok", 1, "tiktok")}),
        ("Campagne de 2 mois.\nLivrables mensuels :\n- 1 reel\nRécap : 2 reels",  # the recap restates the list
         {("reel", 2, None)}),
        ("Campagne de 3 mois.\nBudget mensuel :\n- 1 reel", {("reel", 1, None)}),  # a fee's label: no rhythm
        # A second wording of the same format offered instead is that piece; two formats stay alternatives.
        ("– 1 YouTube vlog (or a dedicated segment of at least 3 minutes in a Cornwall vlog)\n– 1 Instagram reel",
         {("video", 1, "youtube"), ("reel", 1, "instagram")}),
        ("soit 1 vidéo YouTube, soit 1 vidéo dédiée", {("video", 1, "youtube")}),
        # A piece said with an article and then a date dates the pieces listed; alone, it is the piece.
        ("We'd like a 60-90s integration in your next build video. Targeting a video in late October.",
         {("video", 1, None)}),
        ("2 vidéos TikTok + 1 reel Instagram. On viserait une publication d'ici le 15 mars.",
         {("tiktok", 2, "tiktok"), ("reel", 1, "instagram")}),
        ("Une publication avant le 12 mai, 300 €.", {("post", 1, None)}),
        ("We'd like a video by March 3.", {("video", 1, None)}),
        ("1 reel + 2 stories, and a reel in early June.", {("reel", 2, None), ("story", 2, None)}),  # one more
        ("2 reels + 1 post. A reel in your next vlog too.", {("reel", 3, None), ("post", 1, None)}),
        # A bracket that says the listed pieces again with their rhythm restates them; one that adds, adds.
        ("nous aimerions 2 reels et 4 stories sur 2 mois (1 reel + 2 stories par mois).",
         {("reel", 2, None), ("story", 4, None)}),
        ("6 reels and 12 stories over 3 months (2 reels and 4 stories a month)",
         {("reel", 6, None), ("story", 12, None)}),
        ("2 reels par mois (et 1 reel bonus par mois) pendant 2 mois", {("reel", 6, None)}),
        ("1 reel par mois (+ 2 stories par mois) pendant 3 mois", {("reel", 3, None), ("story", 6, None)}),
        # Pieces numbered in words: as many as the highest, from the first and the second on.
        ("Timeline: first reel by 5 March, second reel by 20 March.", {("reel", 2, None)}),
        ("Le premier reel sera publié le 3 mai, le deuxième reel le 17 mai et le troisième reel le 31 mai.",
         {("reel", 3, None)}),
        ("2 reels. The first reel is due by 5 March, the second reel by 20 March.", {("reel", 2, None)}),
        ("The first story goes up at 9am.", set()),
        # Rhythms and spans in other words: "tous les mois", "(x3 months)", "un trimestre", "every day for a week".
        ("Deliverables (x3 months): 1 reel, 2 stories", {("reel", 3, None), ("story", 6, None)}),
        ("1 reel tous les mois pendant un trimestre", {("reel", 3, None)}),
        ("2 stories toutes les semaines pendant 2 mois", {("story", 16, None)}),
        ("please post a story every day for a week", {("story", 7, None)}),
        ("The campaign runs for 8 weeks: one TikTok every fortnight plus a story each time.",
         {("tiktok", 4, "tiktok"), ("story", 4, None)}),
        ("1 reel par quinzaine pendant 2 mois", {("reel", 4, None)}),
        # A French "short extrait de la vidéo" is a Short cut from it (not the adjective of "a short extract").
        ("1 vidéo YouTube longue (10-15 min), 1 short extrait de la vidéo",
         {("video", 1, "youtube"), ("short", 1, None)}),
    ],
)  # fmt: skip
def test_round6_wordings(text: str, expected: set[Item]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We'd like to send you our lamp for a sponsored review on YouTube: $900, net 30.", {("video", 1, "youtube")}),
        ("Un test sur TikTok, 200 €", {("tiktok", 1, "tiktok")}),
        ("2 tutorials on YouTube", {("video", 2, "youtube")}),
        ("a review video and 2 stories", {("video", 1, None), ("story", 2, None)}),
        ("post a 5-star review on Amazon and 1 story", {("story", 1, None)}),  # a store review is no piece
    ],
)  # fmt: skip
def test_a_review_or_a_tutorial_on_a_video_platform_is_a_video_there(text: str, expected: set[Item]) -> None:
    assert _read(text) == expected
