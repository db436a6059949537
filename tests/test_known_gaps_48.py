"""Gaps left open after round 47, closed in round 48: a reply in a card that lists the US, EU and UK emergency numbers
for an Australian clinic; a threat told by the one it is aimed at ("he knows where I live"); an ad asked for with
no platform named, and an ad for an opening; a LinkedIn post for referring colleagues; "clears acne" passing the
checks; a GP-run skin cancer clinic described with a GP's services; a dental practice's plan with no braces topic.
Every example here is invented; none is a held-out question."""

from __future__ import annotations

import pytest

from assistant.chat.bios import names_other_field
from assistant.chat.compose import Asker, Numbering, card_part
from assistant.guardrails import check_text
from assistant.guardrails.scope import with_local_number
from assistant.matching import CardMatch
from assistant.planners.reviews import detect_threats, load_reply_data
from tests.drafting import turn


@pytest.mark.parametrize(
    "text, country, expected",
    [
        (
            "Please call emergency services now: 911 in the US, 112 in the EU, 999 in the UK, or go to A&E.",
            "AU",
            "Please call emergency services now: 000, or go to A&E.",
        ),
        (
            "call your local emergency number (911 in the US and Canada, 999 in the UK, 112 anywhere in the EU).",
            "NZ",
            "call your local emergency number (111).",
        ),
        ("In an emergency, call 999, 911 or 112.", "CH", "In an emergency, call 144."),
        ("In an emergency, call 999, 911 or 112.", None, "In an emergency, call 999, 911 or 112."),
        ("Call 999 if a life is at risk.", "AU", "Call 999 if a life is at risk."),  # one number named: left alone
    ],
)
def test_emergency_numbers_listed_for_anywhere_become_the_askers_own(text, country, expected):
    assert with_local_number(text, country) == expected


def test_a_card_reply_listing_other_countries_numbers_gives_an_australian_asker_000(kb):
    card = kb.card("emergencies-in-messages-suicide")
    assert "911 in the US" in card.card.lead  # the card itself lists the numbers for anywhere
    match = CardMatch(card, 1.0, card.card.questions[0], 0.95, 0.2, "Someone DM'd our Melbourne page")
    part = card_part(match, Asker(country="AU", code="AU"), Numbering(kb))
    assert "000" in part.lead and "911" not in part.lead and "999 in the UK" not in part.lead
    us = card_part(match, Asker(country="US", code="US"), Numbering(kb))
    assert "911" in us.lead and "000" not in us.lead


@pytest.mark.parametrize(
    "review",
    [
        "He says he knows where I live and I'll regret it.",
        "She wrote that she knows where our receptionist lives.",
        "The reviewer told me I would regret this.",
    ],
)
def test_a_threat_told_by_the_one_it_is_aimed_at_is_a_threat(review):
    assert "violence" in detect_threats(review, load_reply_data())


@pytest.mark.parametrize(
    "review",
    [
        "I don't know where you live but the parking was awful.",
        "I'll regret not coming sooner, the physio was great.",
    ],
)
def test_regret_and_where_someone_lives_are_no_threat_on_their_own(review):
    assert "violence" not in detect_threats(review, load_reply_data())


def test_a_review_saying_he_knows_where_i_live_gets_the_safety_steps_not_a_reply(drafter):
    text = "A patient left a review on our clinic's Google page saying he knows where I live. What do I do?"
    drafts = drafter.drafts(turn(text, ["google_business"]), None, Asker(country="AU", code="AU"))
    assert drafts and drafts[0].title.startswith("Do not reply publicly")


@pytest.mark.parametrize(
    "text, title",
    [
        ("We're a physio clinic opening a second site. Write me the ad text for the launch.", "opens in"),
        ("Can you write a Facebook ad announcing our new practice?", "opens in"),
        ("Write ad copy for our sports massage", "Sports massage"),
        ("need some ad text for our hearing checks", "Hearing checks"),
    ],
)
def test_an_ad_asked_for_with_or_without_a_platform_is_drafted(drafter, text, title):
    drafts = drafter.drafts(turn(text, []), None, Asker())
    assert drafts and drafts[0].title.startswith("Facebook ad") and title in drafts[0].title
    assert "Headline:" in drafts[0].text


def test_a_job_ad_is_not_a_service_ad(drafter):
    drafts = drafter.drafts(turn("Write the ad text for our new receptionist vacancy", []), None, Asker())
    assert not any(d.title.startswith("Facebook ad") for d in drafts)


@pytest.mark.parametrize(
    "text",
    [
        "Can you write a LinkedIn post for GPs who refer patients to our orthopaedic clinic?",
        "Draft a post for our referrers about the new direct access MSK route",
    ],
)
def test_a_post_for_referring_colleagues_is_drafted_with_the_referral_route(drafter, text):
    drafts = drafter.drafts(turn(text, ["linkedin"]), None, Asker())
    assert drafts and drafts[0].platform == "linkedin"
    assert "How to refer" in drafts[0].text and "Who we see" in drafts[0].text


@pytest.mark.parametrize(
    "text",
    ["Our new laser clears acne in three sessions", "This programme reverses diabetes", "We get rid of back pain"],
)
def test_making_a_condition_go_away_is_a_promise_of_results(text):
    assert any(f.rule == "R10" for f in check_text(text, kind="post"))


@pytest.mark.parametrize("text", ["We treat acne, eczema and rosacea", "Clear advice on acne from our nurses"])
def test_naming_a_condition_treated_is_no_promise(text):
    assert not any(f.rule == "R10" for f in check_text(text, kind="post"))


def test_a_pasted_cure_claim_is_rewritten_as_help(drafter):
    text = "check this before I post: 'Our new laser clears acne in three sessions. Book now!'"
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert drafts and "clears acne" not in drafts[0].text and "can help with acne" in drafts[0].text
    assert "three sessions" not in drafts[0].text


@pytest.mark.parametrize(
    "practice, specialty, other",
    [
        ("GP-run skin cancer clinic", "general_practice", True),
        ("paediatric dental practice", "dentistry", True),
        ("family practice", "general_practice", False),
        ("sports physio clinic", "physiotherapy", False),
        ("NHS dental practice", "dentistry", False),
    ],
)
def test_a_practice_named_for_another_fields_work_is_told_apart(kb, practice, specialty, other):
    assert names_other_field(practice, kb.specialty(specialty), kb.specialties.values()) is other


def test_a_gp_run_skin_cancer_clinic_is_not_described_with_a_gps_services(drafter):
    text = "We're a GP-run skin cancer clinic in Perth. Need a Google Business description."
    drafts = drafter.drafts(turn(text, ["google_business"]), None, Asker(specialty="general_practice"))
    assert drafts and drafts[0].kind == "bio"
    assert "vaccines" not in drafts[0].text and "skin cancer clinic" in drafts[0].text


def test_a_dental_practice_offering_aligners_gets_the_braces_topic(drafter):
    text = "I'm a general dentist and we now offer clear aligners. Write an Instagram caption about braces vs aligners"
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="dentistry"))
    assert drafts and "aligners" in drafts[0].text and "glued on" in drafts[0].text
