"""Drafts first: a request to write gets the thing itself, fitted to the clinic and within the platform's limits."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.chat.compose import Asker
from assistant.chat.drafts import Drafter, requested_kind
from assistant.planners.reviews import load_reply_data
from assistant.profile import ClinicProfile

LEEDS = ClinicProfile(
    name="Northside Skin Clinic",
    specialty="dermatology",
    country="GB",
    city="Leeds",
    timezone="Europe/London",
    platforms=["instagram"],
    booking_url="example.com/book",
    phone="0113 496 0000",
)


@pytest.fixture(scope="module")
def drafter(kb):
    return Drafter(kb)


def turn(text: str, platforms=(), named=False):
    return SimpleNamespace(masked=text, platforms=list(platforms), platforms_named=named)


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Write me an Instagram caption about sunscreen", "caption"),
        ("can you draft a post about flu jabs for facebook", "caption"),
        ("What should go in my Instagram bio? I'm a physio in Bristol", "bio"),
        ("Give me hashtags for a paediatric dentist", "hashtags"),
        ("hashtags for a physio clinic in Leeds", "hashtags"),
        ("Script for a 30 second reel about flu jabs", "video_script"),
        ("Draft an 8-week Instagram plan for my dental practice", "plan"),
        ('We got this review: "Waited two hours and nobody said sorry." What do I write back?', "review_reply"),
        ("Can you write a reply to a 1-star review about billing?", "review_reply"),
    ],
)
def test_requests_to_write_are_recognised(drafter, text, kind):
    assert requested_kind(text, drafter.data) == kind


@pytest.mark.parametrize(
    "text",
    [
        "How do I answer a 1-star review?",
        "Which hashtags are risky for a clinic?",
        "Is TikTok worth it for a GP?",
        "How often should we post on Instagram?",
        "Should I have a separate personal account?",
    ],
)
def test_questions_are_not_taken_for_requests_to_write(drafter, text):
    assert requested_kind(text, drafter.data) is None


def test_a_caption_about_a_subject_finds_the_specialtys_topic_and_fits_the_platform(drafter, kb):
    (draft,) = drafter.drafts(
        turn("Write me an Instagram caption about sunscreen"), LEEDS, Asker(specialty="dermatology")
    )
    assert draft.kind == "caption" and draft.platform == "instagram" and "sunscreen" in draft.title.lower()
    limits = kb.platform("instagram")
    assert len(draft.text) <= limits.limits.caption_chars and len(draft.hashtags) <= limits.hashtags.max
    assert all(tag in draft.text for tag in draft.hashtags)


def test_without_a_specialty_the_subject_picks_the_specialty(drafter):
    (draft,) = drafter.drafts(turn("write a caption about sunscreen"), None, Asker())
    assert "sun" in draft.title.lower()


def test_bios_fit_every_platforms_limit_and_use_the_clinics_details(drafter, kb):
    for platform in kb.platforms.values():
        if not platform.limits.bio_chars:
            continue
        profile = LEEDS.model_copy(update={"platforms": [platform.id]})
        (draft,) = drafter.drafts(turn("write our bio"), profile, Asker(specialty="dermatology"))
        assert len([draft.text, *draft.alternatives]) >= 3, platform.id
        assert all(len(b) <= platform.limits.bio_chars for b in [draft.text, *draft.alternatives]), platform.id
    (instagram,) = drafter.drafts(turn("write our instagram bio"), LEEDS, Asker(specialty="dermatology"))
    assert "Leeds" in instagram.text


def test_a_review_reply_never_confirms_a_patient_and_signs_off_with_the_practice(drafter):
    review = 'Someone wrote: "Dr Patel was rude and I waited two hours for my appointment." What do I write back?'
    (draft,) = drafter.drafts(turn(review), LEEDS, Asker())
    phrases = load_reply_data().confirming_phrases
    for text in [draft.text, *draft.alternatives]:
        assert "Northside Skin Clinic" in text and "0113 496 0000" in text
        assert "Patel" not in text and not any(p in text.lower() for p in phrases)
    assert len(draft.alternatives) == 2


def test_a_threatening_review_gets_steps_not_a_public_reply(drafter):
    text = 'Review: "Refund me or I will post 20 more bad reviews and see you in court." How should I reply?'
    (draft,) = drafter.drafts(turn(text), LEEDS, Asker())
    assert draft.kind == "review_reply" and draft.title == "Do not reply publicly yet" and draft.text.startswith("- ")


def test_a_plan_request_drafts_the_first_weeks_and_points_to_the_plan_page(drafter):
    (draft,) = drafter.drafts(
        turn("Draft an 8-week Instagram plan for my dental practice"), None, Asker(specialty="dentistry")
    )
    assert draft.kind == "plan" and draft.title.startswith("8-week plan") and "Editorial plan" in draft.notes[0]


def test_a_script_request_has_a_hook_numbered_beats_and_a_closing_call_to_action(drafter):
    (draft,) = drafter.drafts(
        turn("script for a 30 second reel about flu jabs"), None, Asker(specialty="general_practice")
    )
    lines = draft.text.splitlines()
    assert lines[0].startswith("0-3 s") and lines[1].startswith("1. ") and lines[-1].startswith("Last 5 s")


# --- practice news: a welcome, new hours, a closure, a new service, a move (knowledge/data/announcements.yaml) ----


def test_a_welcome_post_names_the_colleague_and_role_from_the_message_and_the_clinic_from_the_profile(drafter):
    draft = drafter.caption(turn("Write an Instagram caption welcoming our new hygienist Sam"), LEEDS, None)
    assert draft is not None and draft.platform == "instagram" and "welcome" in draft.title
    assert "Sam" in draft.text and "hygienist" in draft.text and "Northside Skin Clinic" in draft.text
    assert "0113 496 0000" in draft.text and "[" not in draft.text  # nothing left to fill in
    assert not draft.text.startswith(("our", "Our clinic"))


def test_a_masked_name_and_a_missing_detail_become_placeholders_the_draft_asks_to_fill(drafter):
    draft = drafter.caption(turn("Draft a post: [NAME] joins our team next month"), None, None)
    assert draft is not None and "[name]" in draft.text and "[role]" in draft.text
    assert draft.notes[0] == "Fill in the parts in [brackets] before posting."
    assert "{" not in draft.text  # every slot filled, from the message, the profile or plain words


def test_new_hours_on_google_take_the_days_from_the_message_and_carry_no_hashtags(drafter):
    text = "Draft a Google Business Profile update announcing we now open on Saturdays and Thursday evenings"
    draft = drafter.caption(turn(text, ["google_business"], named=True), LEEDS, None)
    assert draft is not None and draft.platform == "google_business"
    assert "Saturdays and Thursday evenings" in draft.text and "#" not in draft.text and not draft.hashtags


def test_a_closure_names_every_day_and_points_to_out_of_hours_care(drafter):
    draft = drafter.caption(turn("Write a Facebook post: we're closed on Christmas Day and Boxing Day"), LEEDS, None)
    assert draft is not None and "Christmas Day and Boxing Day" in draft.text and "out-of-hours" in draft.text


def test_a_new_service_is_named_once_without_the_announcing_words(drafter):
    draft = drafter.caption(
        turn("Write a LinkedIn post announcing we now offer sports massage", ["linkedin"], True), LEEDS, None
    )
    assert draft is not None and draft.platform == "linkedin"
    assert draft.text.startswith("Northside Skin Clinic now offers sports massage for patients in Leeds")


def test_a_post_about_a_health_topic_is_not_taken_for_practice_news(drafter):
    draft = drafter.caption(turn("Write a caption about flu jabs"), None, "general_practice")
    assert draft is not None and "vaccination clinic" not in draft.title and "post:" not in draft.title


def test_a_complaining_comment_gets_a_reply_to_the_comment_that_does_not_thank_for_praise(drafter):
    text = "Someone commented 'nobody ever answers the phone at this practice' on our Facebook post. Write a reply."
    assert requested_kind(text, drafter.data) == "review_reply"
    draft = drafter.review_reply(turn(text), LEEDS, None)
    assert draft is not None and draft.title.startswith("Reply to the comment")
    assert "positive" not in draft.text.lower() and "patient" not in draft.text.lower()


def test_a_news_post_with_an_unknown_placeholder_is_refused_by_the_schema():
    from pydantic import ValidationError

    from assistant.knowledge.schemas.announcements import NewsKind

    with pytest.raises(ValidationError, match="unknown placeholders"):
        NewsKind(
            id="x",
            title="x",
            cues=("x",),
            social="Welcome {doctor_name} to the team, everyone please!",
            linkedin="Welcome to the team",
            google_business="Welcome to the team",
        )
