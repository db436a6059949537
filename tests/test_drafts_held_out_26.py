"""Requests to write that got no draft, or the wrong one, in the twenty-sixth held-out set: a caption asked for a reel
is a caption (not a script) about what the reel shows; a retiring doctor's post is written, as the practice closing
when nobody takes over; an immunity claim the asker wants mentioned is left out of the post, and the draft says why."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from assistant.guardrails.checker import check_text
from tests.drafting import turn


@pytest.mark.parametrize(
    "text",
    [
        "Write me an IG caption + hashtags for a reel where I show 3 desk stretches for low back pain.",
        "Write me an Instagram caption for a reel about 3 desk stretches for low back pain.",
        "Can you write a caption for the video where we show desk stretches for low back pain?",
    ],
)
def test_a_caption_for_a_reel_is_a_caption_about_what_it_shows(drafter, text):
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert drafts and drafts[0].kind == "caption", drafts
    assert "desk stretches for low back pain" in drafts[0].title
    assert "reel" not in drafts[0].title.lower() and "show" not in drafts[0].title.lower()


def test_a_script_asked_for_a_reel_is_still_a_script(drafter):
    (draft,) = drafter.drafts(
        turn("Write a reel script about desk stretches for low back pain", ["instagram"]), None, Asker()
    )
    assert draft.kind == "video_script"


RETIRING = (
    "Family doc in Victoria BC, retiring at the end of March after 31 years. I want to post something on our clinic "
    "Facebook page and Google profile to let patients know, thank them, and explain what happens to their records "
    "and prescriptions. I've arranged a records custodian. Sadly no physician is taking over the practice. "
    "Can you draft it?"
)


def test_a_retiring_doctor_with_no_successor_gets_the_practice_closing_post(drafter):
    drafts = drafter.drafts(turn(RETIRING, ["facebook"], country="CA"), None, Asker())
    assert drafts and "closing" in drafts[0].title.lower(), drafts
    assert "for 31 years" in drafts[0].text and "at the end of March" in drafts[0].text
    assert "move to our records custodian, [its name, phone number and email]" in drafts[0].text


def test_a_doctor_who_says_they_are_retiring_gets_the_leaving_post(drafter):
    text = "Family doc, retiring at the end of March after 31 years. Can you draft a Facebook post?"
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert drafts and "leaving" in drafts[0].title.lower(), drafts
    assert "at the end of March" in drafts[0].text


def test_an_immunity_claim_the_asker_wants_mentioned_is_left_out_and_said_why(drafter):
    text = (
        "Write me an IG caption for a reel where I show 3 desk stretches for low back pain. Want to mention we help "
        "with sciatica, headaches and boosting immunity with adjustments, plus our new patient special - $49 exam + "
        "adjustment."
    )
    (draft,) = drafter.drafts(turn(text, ["instagram"], country="US"), None, Asker())
    assert "immunity" not in draft.text.lower() and "[your key point" in draft.text
    assert any("boosting immunity" in n and "evidence" in n for n in draft.notes), draft.notes
    assert not check_text(draft.text, kind="post")
    assert not check_text("Flu vaccines help protect you and the people around you this winter.", kind="post")


def test_a_linkedin_headline_and_about_section_are_the_clinicians_own(drafter):
    text = (
        "Interventional cardiologist, hospital-employed, 15 years in. I'm starting to use LinkedIn more seriously for "
        "speaking invites and maybe advisory work with med device startups. Write me a headline and an About section. "
        "Don't make me sound like a used car salesman."
    )
    (draft,) = drafter.drafts(turn(text, ["linkedin"]), None, Asker())
    assert draft.text.startswith("Headline: Interventional cardiologist"), draft.text
    assert "I'm open to speaking invites and advisory work with med device startups." in draft.text
    assert "[Clinic name]" not in draft.text and "Book:" not in draft.text  # not a clinic's bio


def test_a_point_that_breaks_no_rule_is_written_whole(drafter):
    text = (
        "Write me an IG caption for a reel where I show 3 desk stretches for low back pain. Want to mention we see "
        "people with desk jobs on weekday evenings and early Saturday mornings, plus our new patient exam + adjustment."
    )
    (draft,) = drafter.drafts(turn(text, ["instagram"], country="US"), None, Asker())
    assert "early Saturday mornings, plus our new patient exam + adjustment" in draft.text  # whole, never cut mid-word
