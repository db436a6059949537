"""Requests to write that got the wrong draft in the twenty-eighth held-out set: a post with "a short WhatsApp
broadcast version" was taken for a short video, and "we're opening a paediatric clinic" was not known as a new
practice's opening (only "a new clinic", "a second location" or "our own practice" were)."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from tests.drafting import turn


@pytest.mark.parametrize(
    "text",
    [
        "Please write a Facebook announcement and a short WhatsApp broadcast version for our flu clinics.",
        "Draft a short WhatsApp broadcast for our patients about the new hearing aid service.",
    ],
)
def test_a_short_version_of_a_post_is_a_post_not_a_video(drafter, text):
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert drafts and all(d.kind != "video_script" for d in drafts)


def test_a_short_video_is_still_a_script(drafter):
    (draft,) = drafter.drafts(turn("Write a short TikTok about flossing for our practice", ["tiktok"]), None, Asker())
    assert draft.kind == "video_script"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("We're opening a paediatric clinic in Leeds next month. Please write a Facebook announcement.", "paediatric"),
        ("we are launching a physiotherapy practice in March, can you draft the post for it", "physiotherapy"),
    ],
)
def test_opening_a_clinic_is_a_new_practice_opening(drafter, text, place):
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert draft.kind == "caption" and "opening" in draft.title.lower()
    assert f"our {place}" in draft.text.lower()


def test_opening_a_saturday_or_flu_clinic_is_no_new_practice(drafter):
    for text in (
        "We're opening a Saturday clinic from next week, write a Facebook post",
        "We're opening a flu clinic on 4 October, write a Facebook post",
    ):
        drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker())
        assert drafts and "new practice opening" not in drafts[0].title.lower(), text
