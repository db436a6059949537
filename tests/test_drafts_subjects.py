"""Drafts on the subject asked, with the details the message gives: replies to health questions in comments,
Google descriptions, LinkedIn profiles, a clinician's own role, arrivals and departures, openings, closures,
awareness days and praise (issue 10's judged misses)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.chat.compose import Asker
from assistant.chat.draft_inputs import _titled_names_back
from assistant.chat.drafts import Drafter, requested_kind


@pytest.fixture(scope="module")
def drafter(kb):
    return Drafter(kb)


def turn(text: str, platforms=(), country=None, question=None):
    return SimpleNamespace(
        masked=text,
        question=question or text,
        platforms=list(platforms),
        platforms_named=bool(platforms),
        country=country,
    )


def only(drafts):
    assert len(drafts) == 1, drafts
    return drafts[0]


def test_a_comment_asking_what_exercises_to_do_gets_general_facts_an_appointment_and_the_urgent_signs(drafter):
    text = (
        "Reply to this comment on our physio clinic's Facebook post about back pain: "
        "'I've had sciatica for 3 months, what exercises should I do?'"
    )
    draft = only(drafter.drafts(turn(text, ["facebook"]), None, Asker(specialty="physiotherapy")))
    assert draft.kind == "review_reply" and draft.platform == "facebook"
    assert "can't advise on yours" in draft.text and "book an appointment" in draft.text
    assert "bladder" in draft.text and "urgent" in draft.text  # the red flags from the back-pain copy
    assert "review" not in draft.text.lower() and "your patient" not in draft.text.lower()


def test_a_comment_about_bleeding_gums_gets_the_dental_fact_and_no_emergency_line(drafter):
    text = "Write a reply to this comment on our post: 'My gums bleed every time I brush, is that gum disease??'"
    draft = only(drafter.drafts(turn(text), None, Asker()))
    assert "gums" in draft.text.lower() and "inflammation" in draft.text
    assert "emergency" not in draft.text.lower() and "book an appointment" in draft.text


def test_a_google_business_description_is_recognised_and_fits_googles_rules(drafter, kb):
    text = "Write a Google Business Profile 'from the business' description for my psychiatry practice in Denver."
    assert requested_kind(text, drafter.data) == "bio"
    draft = only(drafter.drafts(turn(text, ["google_business"]), None, Asker(specialty="psychiatry_psychotherapy")))
    assert draft.platform == "google_business" and "Denver" in draft.text and "psychiatry practice" in draft.text
    assert len(draft.text) <= kb.platform("google_business").limits.bio_chars
    assert "http" not in draft.text and "best" not in draft.text.lower() and "insurance" in draft.text


@pytest.mark.parametrize(
    ("text", "platform", "field"),
    [
        (
            "Write a Google Business Profile description for our podiatry clinic in Leeds.",
            "google_business",
            "podiatry",
        ),
        ("Write our Instagram bio, we're a midwifery practice in Bristol.", "instagram", "midwifery"),
    ],
)
def test_a_profile_for_a_field_not_given_as_a_specialty_never_borrows_another_specialtys_services(
    drafter, text, platform, field
):
    """No specialty in the message or a saved profile: the draft names the field the message gives and leaves the
    services to fill in, not a family doctor's check-ups and vaccines from the default specialty."""
    draft = only(drafter.drafts(turn(text, [platform]), None, Asker()))
    assert field in draft.text.lower() and "[your main services]" in draft.text
    assert not any(word in draft.text.lower() for word in ("family doctor", "vaccine", "general practice", "gp "))


def test_a_linkedin_headline_and_about_use_the_clinicians_own_role_workplace_and_interests(drafter):
    text = (
        "Write a LinkedIn headline and About section for me: I'm an interventional cardiologist at a teaching "
        "hospital in Chicago, interested in structural heart and med ed."
    )
    draft = only(drafter.drafts(turn(text, ["linkedin"]), None, Asker(specialty="cardiology")))
    headline = draft.text.split("\n")[0].removeprefix("Headline: ")
    assert headline.startswith("Interventional cardiologist at a teaching hospital") and len(headline) <= 220
    assert "I'm an interventional cardiologist" in draft.text and "structural heart" in draft.text
    assert "personal medical advice" in draft.text and "Book:" not in draft.text


def test_a_physios_linkedin_profile_keeps_the_years_the_niche_and_the_clinic_they_own(drafter):
    text = "Write a LinkedIn headline and About section for me: orthopaedic physio, 12 years, running injuries."
    draft = only(drafter.drafts(turn(text, ["linkedin"]), None, Asker(specialty="physiotherapy")))
    assert "Orthopaedic physiotherapist" in draft.text and "12 years" in draft.text
    assert "running injuries" in draft.text.lower()


def test_a_nurses_own_tiktok_bio_says_nurse_not_gp(drafter, kb):
    text = "Write a TikTok bio for me, a paediatric nurse in Melbourne doing health tips for parents."
    draft = only(drafter.drafts(turn(text, ["tiktok"]), None, Asker()))
    assert draft.text.startswith("Paediatric nurse") and "GP" not in draft.text
    assert all(len(b) <= kb.platform("tiktok").limits.bio_chars for b in [draft.text, *draft.alternatives])


def test_a_practice_bio_keeps_the_services_and_hours_the_message_lists(drafter, kb):
    text = (
        "Can you write our Instagram bio? Dental practice in Leeds, NHS and private, family dentistry, Invisalign, "
        "open Saturdays."
    )
    draft = only(drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="dentistry")))
    assert "Invisalign" in draft.text and "Saturdays" in draft.text and "Leeds" in draft.text
    assert len(draft.text) <= kb.platform("instagram").limits.bio_chars


def test_a_departure_and_arrival_post_names_both_clinicians_and_the_date(drafter):
    typed = (
        "Write an announcement post: Dr. Lopez is leaving our practice at the end of March, and Dr. Chen is joining."
    )
    masked = typed.replace("Lopez", "[NAME]").replace("Chen", "[NAME]")  # what the masker may make of it
    draft = only(drafter.drafts(turn(masked, question=typed), None, Asker()))
    assert "Dr Lopez is leaving us at the end of March" in draft.text and "Dr Chen" in draft.text
    assert "records stay with the practice" in draft.text and "{" not in draft.text


def test_only_titled_clinicians_names_come_back_never_a_patients():
    typed = "Dr Lopez is leaving; Mr Smith complained."
    assert _titled_names_back("Dr [NAME] is leaving; Mr [NAME] complained.", typed) == (
        "Dr Lopez is leaving; Mr [NAME] complained."
    )


def test_a_departure_alone_thanks_the_clinician_and_says_how_care_continues(drafter):
    text = "Write a post announcing that Dr. Chen is leaving our practice in California."
    draft = only(drafter.drafts(turn(text), None, Asker()))
    assert "Dr Chen is leaving" in draft.text and "Thank you, Dr Chen" in draft.text and "records" in draft.text


def test_a_christmas_closure_in_sydney_gives_australias_emergency_number(drafter):
    text = (
        "We're closing over Christmas. Write a post with our hours and what to do in an emergency. "
        "Dental practice in Sydney."
    )
    draft = only(drafter.drafts(turn(text, country="AU"), None, Asker(country="AU")))
    assert "closed over Christmas" in draft.text and "000" in draft.text and "reopen" in draft.text


def test_an_opening_post_names_the_new_clinic_and_asks_for_services_address_and_hours(drafter):
    draft = only(
        drafter.drafts(turn("Write a post announcing our new women's health clinic opening in Pune."), None, Asker())
    )
    assert "women's health clinic" in draft.text and "Pune" in draft.text
    assert "[address]" in draft.text and "Opening hours" in draft.text and "New at" not in draft.text


def test_opening_my_own_practice_is_an_opening_post_naming_it_with_room_for_why_and_thanks(drafter):
    """A counsellor leaving a community team to open her own practice got the generic 'News from our practice:
    [service].' on LinkedIn."""
    text = (
        "After 9 years in an NHS team I'm opening my own private psychotherapy practice (online and in person). "
        "Can you write me a LinkedIn post announcing it?"
    )
    draft = only(drafter.drafts(turn(text, ["linkedin"]), None, Asker()))
    assert "new practice opening" in draft.title
    assert draft.text.startswith("My private psychotherapy practice opens")
    assert "Thank you to the colleagues" in draft.text and "referrals" in draft.text


def test_a_world_mental_health_day_caption_gives_the_date_and_the_countrys_crisis_line(drafter):
    text = "Caption for a post about World Mental Health Day for our psychology clinic in Toronto."
    draft = only(drafter.drafts(turn(text, country="CA"), None, Asker(country="CA")))
    dated = " ".join([draft.text, *draft.notes])  # in the post, or in the note on when to post it
    assert "World Mental Health Day" in draft.title and "10 October" in dated and "988" in draft.text
    assert "#WorldMentalHealthDay" in draft.hashtags


def test_a_skin_cancer_month_caption_says_may_and_has_no_crisis_line(drafter):
    text = "Write an Instagram caption for Skin Cancer Awareness Month for my dermatology practice."
    draft = only(drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="dermatology")))
    assert "May is Skin Cancer Awareness Month" in draft.text and "crisis" not in draft.text
    assert "runs through May" not in draft.text and "This month is" not in draft.text  # the month said once


def test_a_childrens_dental_health_month_caption_is_about_that_month(drafter):
    text = "Write 3 Instagram captions for our pediatric dental office in Maine for Children's Dental Health Month."
    drafts = drafter.drafts(turn(text, ["instagram"], country="US"), None, Asker(specialty="dentistry"))
    assert len(drafts) == 3  # the three captions asked for, the month's own first
    assert "Children's Dental Health Month" in drafts[0].text and "February" in drafts[0].text


def test_a_five_star_review_reply_is_followed_by_the_advice_on_thanking_not_on_complaints(drafter):
    text = (
        "Draft a reply to this 5-star review for our dental practice: 'Best implant experience ever, Dr. Kim fixed "
        "my front tooth after my accident, you guys are amazing!'"
    )
    draft = only(drafter.drafts(turn(text), None, Asker(specialty="dentistry")))
    assert draft.card == "positive-reviews-how-to-thank"
    assert "implant" not in draft.text.lower() and "accident" not in draft.text.lower()


def test_a_script_about_flossing_is_about_flossing_not_another_topic(drafter):
    text = "Write me a 30-second TikTok script about how to floss properly. I'm a hygienist."
    draft = only(drafter.drafts(turn(text, ["tiktok"]), None, Asker()))
    assert draft.kind == "video_script" and "floss" in draft.text.lower() and "nose" not in draft.text.lower()


def test_a_caption_on_a_subject_without_authored_copy_stays_on_that_subject_and_says_what_to_add(drafter):
    draft = only(drafter.drafts(turn("Write a caption about bunions for our podiatry clinic."), None, Asker()))
    assert draft.kind == "caption" and draft.text.startswith("Bunions") and "[" in draft.text
    assert any("no ready-made copy" in n for n in draft.notes)
    assert not any("copy library" in n for n in draft.notes)  # the project's own name for its copy, not the asker's


def test_hashtags_for_a_subject_without_a_topic_lead_with_the_subjects_own_tag(drafter):
    # (ACL rehab was such a subject until round 19 wrote a physiotherapy topic on it)
    text = "Write hashtags for our physio clinic's post about hamstring rehab."
    assert requested_kind(text, drafter.data) == "hashtags"
    draft = only(drafter.drafts(turn(text), None, Asker(specialty="physiotherapy")))
    assert draft.hashtags[0] == "#HamstringRehab"
