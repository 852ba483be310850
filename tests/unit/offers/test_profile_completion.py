"""What the creator's profile adds to the facts read from an offer: the platform of a video the offer leaves open."""

import pytest

from bot.offers.evaluate import OfferEvaluator
from bot.offers.models import Profile

TEXT = "Une intégration de 60 secondes dans l'un de tes prochains let's play : 450 €."


@pytest.mark.parametrize(
    ("platforms", "platform"),
    [
        (["youtube"], "youtube"),
        (["youtube", "twitch"], "youtube"),  # Twitch is for lives: the video is on YouTube
        (["twitch", "youtube"], "youtube"),
        (["twitch"], "twitch"),
        (["instagram"], None),
        ([], None),
    ],
)
def test_a_video_without_platform_is_on_the_creators_video_platform(platforms: list[str], platform: str | None) -> None:
    facts = OfferEvaluator(lambda: None).read(TEXT, "fr", Profile(platforms=platforms))  # type: ignore[arg-type,return-value]
    assert [(d.format, d.platform) for d in facts.deliverables] == [("video", platform)]
    assert facts.platforms == ([platform] if platform else [])  # the offer's platforms name it too
