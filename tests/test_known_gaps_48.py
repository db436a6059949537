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


@pytest.mark.parametrize(
    "text",
    [
        "We treat acne, eczema and rosacea",
        "Clear advice on acne from our nurses",
        "HDL is involved in reverse cholesterol transport",  # a noun, not a promise (found by the authored-copy check)
        "Share this to end diabetes blame",
    ],
)
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


def test_a_dental_practice_offering_aligners_gets_the_braces_topic_in_its_plan(drafter):
    # dentistry's own bank had no braces topic: a plan for a general practice offering aligners never showed one
    text = "Make a 4-week Instagram plan for our dental practice, we now offer clear aligners, 2 posts a week"
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="dentistry"))
    assert drafts and drafts[0].kind == "plan"
    assert "Fixed braces and clear aligners" in drafts[0].text


# --- found in the forty-first held-out set (round 48); every example is invented --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Our pharmacy does weight management. Can we post 'Wegovy now available from £199/month'? "
        "If not, write us a caption that is allowed",
        "Can we post 'Ozempic pens in stock, £120 a month' on Facebook? if it isn't, give me one that is ok",
    ],
)
def test_a_weight_loss_medicine_and_its_price_become_the_consultation_in_the_uk(drafter, text):
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker(country="GB", code="GB"))
    assert drafts and drafts[0].title.startswith("Rewritten")
    body = drafts[0].text.lower()
    assert "weight management consultations" in body and "£" not in body
    assert not any(name in body for name in ("wegovy", "ozempic"))
    assert "prescriber" in body  # who decides on treatment


def test_a_free_treatment_a_price_per_area_and_a_booking_deadline_come_out_of_an_injectables_post(drafter):
    text = "Is this ok? 'Botox 2 areas £180 + FREE filler top up! Book by 15th Nov' If not can u rewrite it"
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker(country="GB", code="GB"))
    body = drafts[0].text
    assert "£" not in body and "FREE" not in body and "15th Nov" not in body and "Botox" not in body


@pytest.mark.parametrize(
    "hook",
    ["Tired all the time?", "Struggling to hear your grandkids?", "Low libido?", "It could be low testosterone"],
)
def test_a_question_to_the_viewer_about_how_they_feel_is_a_personal_health_attribute_in_an_ad(hook):
    assert any(f.rule == "R17" for f in check_text(hook, kind="ad"))


@pytest.mark.parametrize(
    "text", ["Tired of waiting? Book online.", "Worried about the cost? We explain every fee.", "Low prices? Ask."]
)
def test_questions_about_waiting_or_cost_are_no_health_attribute(text):
    assert not any(f.rule == "R17" for f in check_text(text, kind="ad"))


def test_an_ad_with_a_hook_the_asker_suggests_says_it_was_left_out_and_why(drafter):
    text = "Write a Facebook ad for our hearing clinic, open with 'Struggling to hear your grandkids?'"
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert drafts and "Struggling" not in drafts[0].text
    assert any("Left out" in n and "Struggling to hear" in n for n in drafts[0].notes)


def test_an_ad_targeting_an_age_group_is_still_an_ad(drafter):
    text = "Write a FB/IG ad targeting women 45-60 for our pelvic floor physio"
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert drafts and drafts[0].title.startswith("Facebook ad")


@pytest.mark.parametrize(
    "text, subject",
    [
        ("Write a Facebook ad for our free 'Knee pain: surgery or not?' talk in May", "Knee pain: surgery or not?"),
        ("Write an Instagram ad for our diabetes information evening on 3 June", "Diabetes information evening"),
    ],
)
def test_an_ad_for_an_event_says_what_when_where_and_how_to_sign_up(drafter, text, subject):
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert drafts and subject in drafts[0].title
    assert "[day and date]" in drafts[0].text and "Sign up" in drafts[0].text


def test_a_number_of_hashtags_asked_for_a_subject_gives_hashtags_without_filler_words(drafter):
    drafts = drafter.drafts(turn("5 hashtags for a menopause clinic reel about night sweats pls", []), None, Asker())
    assert drafts and drafts[0].kind == "hashtags"
    assert not any("pls" in tag.lower() for tag in drafts[0].text.split())


def test_years_of_experience_are_no_number_of_posts(drafter):
    text = "write me a linkedin post saying im available for locum shifts from June. GP, 8 yrs post training"
    drafts = drafter.drafts(turn(text, ["linkedin"]), None, Asker())
    assert len(drafts) == 1 and not any("You asked for 8" in n for n in drafts[0].notes)
    assert "available for locum shifts" in drafts[0].text and "[your key point" not in drafts[0].text


def test_a_policy_paragraph_on_ai_tools_is_the_ai_policy_not_the_whole_staff_policy(drafter):
    text = "Write a short paragraph for our social media policy about staff using ChatGPT for posts"
    drafts = drafter.drafts(turn(text, []), None, Asker())
    assert drafts and "AI" in drafts[0].title and "patient" in drafts[0].text.lower()
    staff = drafter.drafts(turn("Draft a social media policy for our staff", []), None, Asker())
    assert staff and staff[0].title == "Staff social media policy"


def test_a_host_read_sponsor_ad_discloses_first(drafter):
    text = "I have a small medical podcast. Write me a 30 sec host-read ad for a stethoscope brand"
    drafts = drafter.drafts(turn(text, []), None, Asker())
    assert drafts and drafts[0].text.startswith("This episode is sponsored by")


def test_a_threat_told_around_a_short_quote_gets_the_safety_steps_not_a_reply(drafter):
    text = (
        "A former client posted a Google review saying I 'deserve what's coming' and that they know where I park. "
        "Do I reply?"
    )
    drafts = drafter.drafts(turn(text, ["google_business"]), None, Asker(country="AU", code="AU"))
    assert drafts and drafts[0].title.startswith("Do not reply publicly")


def test_a_bracketed_list_of_numbers_becomes_the_askers_own():
    # filled in, the place to fill loses its brackets: "[112]" would read as a citation marker
    assert with_local_number("In an emergency call [999/911/112/000].", "PH") == "In an emergency call 911."
    assert with_local_number("In an emergency call [999/911/112/000].", "GB") == "In an emergency call 999."
    assert (
        with_local_number("In an emergency call [999/911/112/000].", None) == "In an emergency call [999/911/112/000]."
    )


def test_to_launch_adverts_is_no_ad_for_an_opening(drafter):
    text = "What do I need before I launch adverts for liposuction on Instagram? And what should I not put?"
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert not any("opens in" in d.title for d in drafts)


def test_a_pasted_ad_telling_the_reader_what_they_have_is_rewritten_without_it(drafter):
    text = "rewrite this ad pls: 'Tired, low libido, belly fat? It's your T. Book a check today.'"
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert drafts and "Tired" not in drafts[0].text and "your T" not in drafts[0].text
    assert "Book a check today" in drafts[0].text


@pytest.mark.parametrize("comment", ["ASMR cracks 😍 @ourclinic", "🙌🙌 @ourclinic", "Dr K ❤️❤️"])
def test_praise_said_with_emoji_gets_a_thank_you_not_a_mixed_reply(comment):
    from assistant.planners.reviews import draft_reply

    assert draft_reply(comment, None).sentiment == "positive"


def test_a_complaint_with_a_heart_emoji_is_still_a_complaint():
    from assistant.planners.reviews import draft_reply

    assert draft_reply("Rude receptionist, waited an hour, never again ❤️", None).sentiment == "negative"


def test_a_quoted_reply_to_someone_else_names_their_local_number_too():
    text = 'Reply at once: "Please call emergency services now: 911 in the US, 112 in the EU, 999 in the UK." [1]'
    assert with_local_number(text, "AU") == (
        'Reply at once: "Please call emergency services now: 000 (or your local emergency number)." [1]'
    )


def test_asking_whether_to_say_something_in_the_reply_gets_the_note_not_to_explain(drafter):
    text = (
        "Pls help me reply to this Google review: \"1 star. They rushed my daughter's filling and never asked me "
        'first. Awful - Tom B." we have the signed consent form. Can we say that in the reply?'
    )
    drafts = drafter.drafts(turn(text, ["google_business"]), None, Asker(country="US", code="US"))
    assert drafts and drafts[0].kind == "review_reply"
    assert any(n.startswith("Do not explain or correct") for n in drafts[0].notes)


def test_the_safety_steps_for_a_threatening_comment_speak_of_the_comment_not_a_review(drafter):
    text = "Someone commented on our page that they know where I live and I should watch out. Police or block?"
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert drafts and drafts[0].title.startswith("Do not reply publicly")
    assert "the review" not in drafts[0].text and "Report the comment or message" in drafts[0].text
