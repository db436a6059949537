"""Requests to write that got the wrong draft in the twenty-eighth held-out set: a post with "a short WhatsApp
broadcast version" was taken for a short video, and "we're opening a paediatric clinic" was not known as a new
practice's opening (only "a new clinic", "a second location" or "our own practice" were); "3 short Instagram
captions to go with lip filler before/afters" asked with a number, no verb, and its subject after "to go with" (not
the style quoted as an example); "a 30 sec script on why ..." after the platform; a carousel "busting the 'detox tea'
myth"; a plan asked with "a caption hook for each post"."""

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
        ("we are opening a physiotherapy practice in March, can you draft the post for it", "physiotherapy"),
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


def test_captions_asked_with_a_number_are_about_what_they_go_with(drafter):
    text = (
        "RN injector at a med spa. Need 3 short Instagram captions to go with microneedling before/afters "
        "(different clients). Make them fun - we usually write stuff like 'glass skin guaranteed'."
    )
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert len(drafts) == 3 and all(d.kind == "caption" for d in drafts)
    assert all("microneedling before/afters" in d.title and "guaranteed" not in d.title for d in drafts)
    assert "(different clients)" not in drafts[0].title


def test_a_script_with_its_length_asked_after_the_platform_is_written_on_the_topic(drafter):
    text = (
        "Orthodontist. I want to try TikTok. Can you write me a 45 second script on why retainers matter after braces?"
    )
    (draft,) = drafter.drafts(turn(text, ["tiktok"]), None, Asker(specialty="orthodontics"))
    assert draft.kind == "video_script" and "retainer" in draft.text.lower()
    assert "[your key point" not in draft.text  # the authored script, not the general one


def test_a_carousel_busting_a_myth_is_the_myth_busting_post(drafter):
    text = "dietitian here, can you write an Instagram carousel busting the 'detox tea' myth? no brand names"
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="nutrition_dietetics"))
    assert "detox tea" in draft.title.lower() and "[your key point" not in draft.text


def test_a_plan_asked_with_hooks_shows_each_posts_opening_line(drafter):
    asked = "Build me a 4-week Instagram plan for my physio clinic, 3 posts a week, with a caption hook for each post."
    (plan,) = drafter.drafts(turn(asked, ["instagram"]), None, Asker(specialty="physiotherapy"))
    rows = [line for line in plan.text.splitlines() if line.startswith("- ")]
    hooks = [line for line in plan.text.splitlines() if line.strip().startswith("Hook: ")]
    assert plan.kind == "plan" and len(rows) >= 10 and len(hooks) == len(rows)
    (plain,) = drafter.drafts(
        turn(asked.replace(", with a caption hook for each post", ""), ["instagram"]),
        None,
        Asker(specialty="physiotherapy"),
    )
    assert "Hook: " not in plain.text


def test_a_carousel_on_a_subject_of_hundreds_of_words_gets_no_outline_titled_with_all_of_them(drafter):
    text = "write a carousel busting " * 300
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert all(len(d.title) < 200 for d in drafts)
