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
