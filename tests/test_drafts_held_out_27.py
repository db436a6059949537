"""Requests to write that got no draft in the twenty-seventh held-out set: a script asked for after the video is
described ("Want a 30-sec Reel ... Please write the script"); a script on what something "looks like", introduced by
"where I walk through"; a caption for a video "where I explain why ...", whose explanation is the point and whose
subject is what the message names earlier; a job post asked for two platforms joined by "+"."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from tests.drafting import turn


def test_a_script_asked_for_after_the_video_is_described_is_written(drafter):
    text = (
        "OT working with older adults with arthritis. Want a 30-sec Reel filmed in our clinic kitchen: "
        "'Easy ways to open jars with sore hands'. Please write the script with shots and on-screen text."
    )
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert draft.kind == "video_script"
    # the asker's own title, or occupational therapy's finished script on the same subject (a specialty since then)
    assert "open jars" in draft.title and "with sore hands" in draft.title


def test_a_script_asked_about_without_a_video_named_is_no_script(drafter):
    drafts = drafter.drafts(turn("Please write the script our receptionist reads when patients call"), None, Asker())
    assert not drafts or drafts[0].kind != "video_script"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "I want a 60 second Reel script where I walk through what the first month after a hip replacement "
            "actually looks like (stairs, sleeping, the walker), filmed in our gym.",
            "after a hip replacement",
        ),
        (
            "Need a TikTok script where I talk through the week after wisdom tooth removal.",
            "the week after wisdom tooth removal",
        ),
        (
            "Write a reel script where I walk you through what the first week after a breast reduction really looks "
            "like (drains, the bra, sleeping).",
            "the first week after a breast reduction",
        ),
    ],
)
def test_a_script_walking_through_what_something_looks_like_is_about_that_thing(drafter, text, subject):
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert draft.kind == "video_script"
    assert draft.title.endswith(subject), draft.title
    assert "looks like" not in draft.text and "(stairs" not in draft.text and "(drains" not in draft.text


def test_a_caption_where_i_explain_why_makes_that_point_about_the_subject_named_before(drafter):
    text = (
        "podiatrist posting tiktoks about running injuries. can you give me a caption + hashtags for a video "
        "where i explain why you shouldn't run through heel pain just because it eases once you warm up"
    )
    (draft, *_) = drafter.drafts(turn(text, ["tiktok"]), None, Asker())
    assert draft.kind == "caption"
    assert draft.title.endswith("running injuries")
    assert "you shouldn't run through heel pain just because it eases once you warm up" in draft.text
    assert "[your key point" not in draft.text


def test_a_job_post_for_two_platforms_joined_by_a_plus_is_written(drafter):
    text = (
        "Own a dental practice in Cork. Need an Instagram + LinkedIn post to hire a dental nurse, part time, "
        "salary €30k-€34k. Keep it short."
    )
    drafts = drafter.drafts(turn(text, ["instagram", "linkedin"]), None, Asker())
    assert drafts and all(d.kind == "caption" for d in drafts)
    assert "hiring" in drafts[0].text.lower() and "€30k-€34k" in drafts[0].text


def test_a_job_post_says_the_experience_and_benefits_the_message_lists_in_passing(drafter):
    text = (
        "Need a job post for a senior dental nurse, full time, 3+ years experience, salary €36k, "
        "CPD budget €800, free parking, every second Friday off."
    )
    (draft, *_) = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert "What you'll need: 3+ years experience." in draft.text
    assert "What we offer: CPD budget €800, free parking" in draft.text
    assert "{need}" not in draft.text and "[the qualifications" not in draft.text


def test_a_skill_that_would_be_a_bonus_is_no_benefit_on_offer(drafter):
    text = "Write a job post for an associate optometrist, full time, interest in myopia control a bonus."
    (draft, *_) = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert "What we offer: [training" in draft.text and "myopia control" not in draft.text.split("What we offer")[1]


def test_an_amount_inside_a_benefit_is_not_the_pay(drafter):
    (draft, *_) = drafter.drafts(turn("Need a job post for a practice nurse, CPD budget €1,500"), None, Asker())
    assert "Pay: [pay]" in draft.text and "What we offer: CPD budget €1,500." in draft.text


def test_a_benefit_said_over_and_over_is_listed_once(drafter):
    text = "Need a job post for a nurse, " + ", ".join(["3+ years experience, free parking"] * 150)
    (draft, *_) = drafter.drafts(turn(text), None, Asker())
    assert "What we offer: free parking." in draft.text and "What you'll need: 3+ years experience." in draft.text


def test_a_job_post_with_no_requirements_keeps_the_placeholder_to_fill(drafter):
    (draft, *_) = drafter.drafts(turn("Write a job post for a receptionist, part time"), None, Asker())
    assert "What you'll need: [the qualifications, registration and experience" in draft.text


def test_an_auto_reply_asked_with_a_pinned_post_is_the_automatic_reply_not_a_comment_reply(drafter):
    text = (
        "Practice manager at a counselling service. Patients message our Facebook at night asking for appointments. "
        "Can you draft (1) an auto-reply for DMs and (2) a short pinned post on how to reach us?"
    )
    (draft, *_) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert draft.title.startswith("Automatic reply to messages"), draft.title
    assert "medical advice" in draft.text
