"""Every write request gets a draft on what it names (issue 10, development set 5): a day the data has no post for,
a subject no authored copy covers, a job advert, plural posts, reviews with more than one complaint, plans that
need a crisis line or a consent note, and seasons read from the data alone."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from assistant.chat.compose import Asker
from assistant.chat.drafts import Drafter, requested_kind
from assistant.chat.plan_span import plan_start
from assistant.guardrails.scope import emergency_entry
from assistant.knowledge.schemas.replies import find_confirming
from assistant.planners.reviews import draft_reply, load_reply_data
from tests.drafting import turn


def other_days(kb, allowed: str) -> list[str]:
    """The names of every awareness day in the data except the one asked for."""
    return [o.name.split(" (")[0] for o in kb.observances.values() if allowed.lower() not in o.name.lower()]


# --- a named day the data has no post for -------------------------------------------------------------------


def test_captions_for_a_day_we_have_no_post_for_are_about_that_day_never_a_neighbouring_day(drafter, kb):
    text = "Write 3 captions for International Stuttering Awareness Day for our speech therapy clinic in Toronto"
    assert not [o for o in kb.observances.values() if "stutter" in o.name.lower()]  # a day the data does not hold
    drafts = drafter.drafts(turn(text), None, Asker())
    assert len(drafts) == 3 and {d.kind for d in drafts} == {"caption"}
    for draft in drafts:
        assert "International Stuttering Awareness Day" in draft.text, draft.text
        assert "International Stuttering Awareness Day" in draft.title
        assert not [day for day in other_days(kb, "stutter") if day in draft.text], draft.text
    assert all("stutter" in tag.lower() for tag in drafts[0].hashtags)  # no other day's hashtag
    assert any("date" in note for note in drafts[0].notes)  # the date is not in the data: check it


def test_captions_for_world_hearing_day_are_about_hearing_with_the_date_from_the_data(drafter, kb):
    """Written once from the nearest ENT copy, World Sleep Day's snoring captions; a clinic must not post those."""
    text = "Write 3 captions for World Hearing Day for our audiology clinic in Toronto"
    drafts = drafter.drafts(turn(text), None, Asker(specialty="ent"))
    assert len(drafts) == 3 and {d.kind for d in drafts} == {"caption"}
    assert "World Hearing Day" in drafts[0].text and "World Hearing Day" in drafts[0].title
    for draft in drafts:  # the day's post, then posts on its subject
        assert "hearing" in draft.text.lower() and "[your key point" not in draft.text
        assert not [day for day in other_days(kb, "hearing") if day in draft.text], draft.text
        assert "snor" not in draft.text.lower() and "sleep" not in draft.text.lower()
    assert "3 March" in " ".join([drafts[0].text, *drafts[0].notes])  # in the post or the note on when to post it
    assert "#WorldHearingDay" in drafts[0].hashtags


@pytest.mark.parametrize("count", [1, 3])
def test_a_day_named_after_a_subject_we_have_a_post_on_gets_that_post_never_another_fields(drafter, kb, count):
    """Mouth Cancer Action Month is not in the data, and "Action ... Month" once matched Action on Stroke Month: a
    dentist got a speech therapist's stroke caption. Now the day is read as a day, and its subject's finished post
    (the mouth cancer check) opens with the day's name; extra captions are on that subject too (not mouthguards)."""
    assert not [o for o in kb.observances.values() if "mouth cancer" in o.name.lower()]  # a day the data does not hold
    text = f"Write {count} Instagram captions for Mouth Cancer Action Month for our dental practice in Leeds"
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="dentistry"))
    assert drafts and {d.kind for d in drafts} == {"caption"}
    for draft in drafts:
        assert draft.text.startswith("It's Mouth Cancer Action Month. ") and "mouth cancer" in draft.text.lower()
        assert "The mouth cancer check" in draft.title and "[your key point" not in draft.text
        assert not re.search(r"stroke|mouthguard", draft.text, re.IGNORECASE), draft.text
    assert any("date" in note for note in drafts[0].notes)  # the day's date is not in the data: check it


@pytest.mark.parametrize(
    ("day", "specialty"),
    [
        ("Mouth Cancer Action Month", "dermatology"),  # no dermatology post on mouth cancer
        ("National Infertility Awareness Week", "fertility"),  # one word, the whole field: no post stands for it
    ],
)
def test_a_day_with_no_post_on_its_subject_for_the_asker_gets_the_days_own_caption(drafter, day, specialty):
    draft = drafter.drafts(turn(f"Write a caption for {day}"), None, Asker(specialty=specialty))[0]
    assert draft.title.endswith(f": {day}") and draft.text.startswith(f"It's {day}, ")
    assert "stroke" not in draft.text.lower() and "myth" not in draft.text.lower()


def test_a_movember_post_is_about_movember_not_the_words_around_it(drafter):
    text = "Draft a LinkedIn post for Movember from me (urologist, Sydney) encouraging men to see their GP."
    draft = drafter.drafts(turn(text, ["linkedin"]), None, Asker(specialty="urology"))[0]
    assert draft.title.endswith(": Movember") and "It's Movember" in draft.text
    assert "urologist" not in draft.title.lower()


@pytest.mark.parametrize(
    ("text", "observance_id", "opening"),
    [
        ("Write a caption for Movember for our urology practice.", "movember", "It's Movember: "),
        ("Could you write an Instagram post for fertility awareness week?", "national-fertility-awareness-week", ""),
        ("Write a LinkedIn post for R U OK? Day for our Brisbane GP clinic", "r-u-ok-day", "It's R U OK? Day. "),
        ("a caption for R U OK Day please", "r-u-ok-day", "It's R U OK? Day. "),
        ("Write a post for national eye health week for our opticians", "national-eye-health-week", ""),
        ("Write a caption for National Infertility Awareness Week", "national-infertility-awareness-week", ""),
    ],
)
def test_a_day_added_to_the_calendar_gets_its_authored_post_not_a_template(drafter, kb, text, observance_id, opening):
    """Days clinicians asked for that the calendar lacked (Movember, Fertility Week, R U OK? Day, ...) get the post
    written for them in knowledge/copy/awareness/days.yaml, with the date from the data, never "[your key point"."""
    copy = kb.awareness_copy[observance_id]
    draft = drafter.drafts(turn(text), None, Asker())[0]
    assert draft.kind == "caption" and draft.text.startswith(copy.hook), draft.text
    assert opening in draft.text and "[your key point" not in draft.text
    assert " ".join(copy.body.split()).removeprefix("This month is")[:60] in draft.text  # "November is Movember"
    assert not any("not in our calendar" in note for note in draft.notes)  # the date is in the data


def test_r_u_ok_day_for_an_australian_clinic_carries_the_australian_crisis_line(drafter, kb):
    text = "Write a LinkedIn post for R U OK? Day for our Brisbane GP clinic"
    draft = drafter.drafts(turn(text, ["linkedin"], country="AU"), None, Asker())[0]
    entry = emergency_entry("AU")
    assert draft.text.startswith(kb.awareness_copy["r-u-ok-day"].hook)
    assert entry is not None and entry.crisis in draft.text and entry.number in draft.text
    assert not any("observance" in note for note in draft.notes)  # an Australian day, asked for in Australia


def test_a_known_day_without_a_post_gets_its_date_from_the_data(kb):
    bare = dataclasses.replace(kb, awareness_copy={})  # the day is in awareness.yaml, but no post is written for it
    drafter = Drafter(bare)
    draft = drafter.drafts(turn("Write a caption for World Sight Day"), None, Asker(specialty="ophthalmology"))[0]
    assert "It's World Sight Day" in draft.text and "October this year" in draft.text
    assert not any("date" in note for note in draft.notes)


def test_a_mental_health_day_we_have_no_post_for_carries_the_countrys_crisis_line(drafter):
    text = "Write a caption for International Men's Mental Health Week for our practice"
    draft = drafter.drafts(turn(text, country="GB"), None, Asker())[0]
    entry = emergency_entry("GB")
    assert entry is not None and entry.crisis in draft.text and entry.number in draft.text


# --- a subject no authored copy covers, in every kind of draft ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Write an Instagram caption for my clinic in Pune about dengue prevention during monsoon.",
        "Write 3 captions about dengue prevention",
        "Write a reel script about dengue prevention",
    ],
)
def test_a_subject_no_copy_covers_gets_a_draft_on_that_subject_not_the_nearest_topic(drafter, text):
    drafts = drafter.drafts(turn(text), None, Asker())
    assert drafts
    for draft in drafts:
        assert "dengue" in draft.text.lower(), draft.text
        assert "contact lens" not in draft.text.lower() and "lens" not in draft.title.lower()


def test_hashtags_for_a_subject_no_copy_covers_carry_the_subjects_own_tag(drafter):
    draft = drafter.drafts(turn("Give me hashtags for a post about chikungunya prevention"), None, Asker())[0]
    assert draft.hashtags[0] == "#ChikungunyaPrevention" and "#ContactLenses" not in draft.hashtags


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Write me an Instagram caption about sunscreen", "caption"),
        ("Write a reel script about sunscreen", "video_script"),
        ("Give me hashtags for a post about sunscreen", "hashtags"),
    ],
)
def test_a_caption_script_or_hashtags_about_sunscreen_are_about_sunscreen(drafter, text, kind):
    draft = drafter.drafts(turn(text), None, Asker(specialty="dermatology"))[0]
    assert draft.kind == kind
    assert "sunscreen" in f"{draft.title} {draft.text}".lower()


def test_a_topic_is_about_a_subject_only_when_it_has_the_subjects_own_words(drafter, kb):
    lens = next(t for t in kb.specialty("ophthalmology").topics if "contact lens" in t.title.lower())
    assert not drafter.covers("chikungunya prevention during the rains", lens)
    assert not drafter.covers("chikungunya prevention", lens)  # "chikungunya" is in no topic: half is not enough
    assert drafter.covers("contact lens care", lens)


# --- plural posts, job adverts, a unit closing ---------------------------------------------------------------


def test_posts_in_the_plural_are_a_request_to_write(drafter):
    text = "Write 3 posts welcoming our new physio"
    assert requested_kind(text, drafter.data) == "caption"
    drafts = drafter.drafts(turn(text), None, Asker(specialty="physiotherapy"))
    assert drafts and "welcome" in drafts[0].text.lower() and "physio" in drafts[0].text


def test_the_text_for_a_carousels_slides_is_a_request_to_write(drafter):
    """ "Can you write the text for each slide (max 7 slides) and a caption" asks for a carousel: it had been read as
    a question, with no draft."""
    text = "We want a carousel '4 myths about knee pain'. Can you write the text for each slide (max 6 slides)?"
    assert requested_kind(text, drafter.data) == "caption"
    assert requested_kind("What text should go on each slide of a carousel?", drafter.data) is None


@pytest.mark.parametrize(
    "text,role",
    [
        ("write a job ad for a dental nurse, part-time", "dental nurse"),
        (
            "Write a LinkedIn job post for a front desk coordinator at our dermatology clinic in Scottsdale. "
            "Pay is $20-23/hr.",
            "front desk coordinator",
        ),
        # the hours before the role are not the role; a role that works on social media is a role, not a platform
        (
            "Write a job posting for a part-time (24 hrs/wk) social media & marketing coordinator for our two "
            "physio clinics. Pay $26-30/hr.",
            "social media & marketing coordinator",
        ),
        # the clinic that needs the role, after a bracket ("2 doctors" is not the role)
        (
            "Can you write a job ad for IG? Our surgery (general practice, 3 doctors) needs a part-time clinic "
            "assistant.",
            "clinic assistant",
        ),
    ],
)
def test_a_job_advert_names_the_role_hours_pay_and_how_to_apply_and_nothing_about_patients(drafter, text, role):
    assert requested_kind(text, drafter.data) == "caption"
    draft = drafter.drafts(turn(text), None, Asker())[0]
    assert draft.kind == "caption" and "job advert" in draft.title
    assert f"{role} to join our team" in draft.text and "apply" in draft.text.lower()
    assert "Hours:" in draft.text and "Pay:" in draft.text
    assert "part-time" in draft.text or "$20-23/hr" in draft.text
    assert "patient" not in draft.text.lower()
    assert not re.search(r"\b(young|energetic|native speaker)\b", draft.text, re.I)
    assert any("age, gender" in note for note in draft.notes)


def test_a_role_the_practice_needs_is_a_job_advert_with_the_offer_and_the_hourly_pay_it_gives(drafter):
    text = (
        "We need a dental hygienist, 4 days a week, starting March. Can you write me a LinkedIn post? We offer: "
        "flexible hours, CPD allowance $1,500, free parking. Pay we're thinking $45-52/hr depending on experience."
    )
    draft = drafter.drafts(turn(text, ["linkedin"]), None, Asker())[0]
    assert "job advert" in draft.title and "dental hygienist to join our team" in draft.text
    assert "Pay: $45-52/hr." in draft.text and "Hours: 4 days a week." in draft.text
    assert "What we offer: flexible hours, CPD allowance $1,500, free parking." in draft.text
    unsaid = drafter.drafts(turn("write a job ad for a dental nurse, part-time", ["linkedin"]), None, Asker())[0]
    assert "What we offer: [training, leave" in unsaid.text


def test_a_post_to_recruit_a_role_is_a_job_advert_for_that_role_not_the_askers_own(drafter):
    text = (
        "Practice manager in a busy 4-GP practice in Cork city. Can you write a LinkedIn post to recruit (1) a "
        "salaried GP, 3-4 days, and (2) a practice nurse, full or part time? We offer flexible hours, parking."
    )
    draft = drafter.drafts(turn(text, ["linkedin"]), None, Asker())[0]
    assert "job advert" in draft.title and "looking for a salaried GP to join" in draft.text
    assert "Hours: 3-4 days." in draft.text and "practice manager" not in draft.text


def test_a_hiring_post_names_the_role_the_message_needs_not_the_post(drafter):
    text = (
        "Can you write a hiring post for our orthodontic practice's Instagram? We need a part-time receptionist, "
        "3 days a week, €15/hour, start in March."
    )
    draft = drafter.drafts(turn(text, ["instagram"]), None, Asker())[0]
    assert "We're hiring: receptionist." in draft.text and "looking for a post" not in draft.text
    assert "Hours: part-time, 3 days a week." in draft.text and "Pay: €15/hour." in draft.text


@pytest.mark.parametrize(
    "text",
    [
        "Write a hiring post: we need a part-time receptionist, 3 days a week, £12/hour",
        "Can you write a hiring post for our practice? We need a part-time receptionist, 3 days a week",
    ],
)
def test_neither_the_asker_nor_the_practice_is_taken_for_the_role(drafter, text):
    draft = drafter.drafts(turn(text, ["instagram"]), None, Asker())[0]
    assert "We're hiring: receptionist." in draft.text


def test_a_job_post_asked_for_without_a_verb_names_the_role_after_the_colon(drafter):
    text = (
        "FNP, own clinic in Fort Collins. Need a job post for LinkedIn: medical assistant, full-time, Mon-Fri, $22/hr."
    )
    draft = drafter.drafts(turn(text, ["linkedin"]), None, Asker())[0]
    assert "job advert" in draft.title and "looking for a medical assistant to join" in draft.text
    assert "Hours: full-time, Mon-Fri." in draft.text


def test_a_practice_closing_after_years_says_where_records_go_and_keeps_a_holiday_a_holiday(drafter):
    text = (
        "I own an independent pharmacy in Ohio. We're closing at the end of next month after 31 years, and our "
        "prescription files are transferring to the CVS on Main St. Can you write the Facebook post?"
    )
    draft = drafter.drafts(turn(text, ["facebook"], country="US"), None, Asker())[0]
    assert "closing for good" in draft.title and "close for good at the end of next month" in draft.text
    assert "move to the CVS on Main St." in draft.text and "for 31 years" in draft.text
    assert "[the service]" not in draft.text and "911" in draft.text
    unsaid = drafter.drafts(turn("we are closing our doors, write the instagram post"), None, Asker())[0]
    assert "closing for good" in unsaid.title and "move to [the practice or pharmacy" in unsaid.text
    assert "care for" not in unsaid.text  # no years given: no "for [years]"
    holiday = drafter.drafts(turn("Write a post: we are closing on Christmas Day and Boxing Day"), None, Asker())[0]
    assert "We reopen" in holiday.text


@pytest.mark.parametrize(
    "text",
    [
        "Write a Facebook post announcing that from 1 March we're moving to an online triage form. Patients are "
        "going to hate it.",
        "Write a post: after 31 years Dr. Keane is retiring from our practice. Her patients will move to Dr. Byrne.",
        "Write an Instagram post: our chiro clinic is moving across town on June 3. We'll be closed June 1-2.",
    ],
)
def test_a_change_a_clinician_leaving_or_a_move_is_no_practice_closing(drafter, text):
    draft = drafter.drafts(turn(text), None, Asker())[0]
    assert "closing for good" not in draft.title and draft.card != "practice-closing-and-sale-closing-for-good"


def test_a_unit_closing_for_good_is_not_a_holiday_closure(drafter):
    text = (
        "Write a Facebook announcement that our rural Kansas hospital's labor & delivery unit is closing on "
        "March 31 and births will move to our sister hospital 25 miles away."
    )
    draft = drafter.drafts(turn(text, ["facebook"], country="US"), None, Asker())[0]
    assert "closing for good" in draft.title and "on March 31" in draft.text
    assert "We reopen" not in draft.text and "911" in draft.text
    holiday = drafter.drafts(turn("Write a post saying we're closed over Christmas"), None, Asker())[0]
    assert "We reopen" in holiday.text


def test_a_dm_about_a_lump_gets_no_unrelated_fact(drafter):
    text = (
        "Someone DMed our cancer charity clinic's Instagram (we're in Glasgow): 'my mum's had a lump in her neck "
        "for 3 weeks, is it cancer? she's scared to go to the GP'. Write the reply."
    )
    draft = drafter.drafts(turn(text, ["instagram"], country="GB"), None, Asker(specialty="oncology"))[0]
    assert "can't advise on yours" in draft.text and "3 stars" not in draft.title
    assert "pharmacy" not in draft.text.lower()


# --- review replies name each kind of complaint -------------------------------------------------------------


def test_a_review_about_waiting_and_rudeness_acknowledges_both_and_confirms_nothing():
    data = load_reply_data()
    review = "We waited over an hour and the receptionist was rude to my mother. Never again."
    drafted = draft_reply(review, 1)
    for reply in [drafted.reply, *drafted.alternatives]:
        assert re.search(r"\bwait|\blate\b|\btime\b", reply, re.I), reply
        assert re.search(r"courte|respect|spoken", reply, re.I), reply
        assert find_confirming(reply, data.confirming_phrases) is None
    assert "long waits" in drafted.situation.lower() and "staff" in drafted.situation.lower()


def test_a_review_with_one_complaint_keeps_one_and_a_weak_second_cue_adds_nothing():
    one = draft_reply("Waited 2 hours past my appointment. Complete waste of a day off work.", 1)
    assert one.situation == "Long waits"
    assert "courte" not in one.reply.lower() and "phones" not in one.reply.lower()


# --- plans ---------------------------------------------------------------------------------------------------


def test_a_mental_health_plan_carries_the_countrys_crisis_line(drafter):
    text = "Draft an 8-week Instagram plan on anxiety and stress for my practice"
    draft = drafter.drafts(turn(text, country="GB"), None, Asker(specialty="psychiatry_psychotherapy"))[0]
    entry = emergency_entry("GB")
    assert draft.kind == "plan" and entry is not None
    assert any(entry.crisis in note and entry.number in note for note in draft.notes)
    plain = drafter.drafts(turn("Make me a 4-week plan for my physio clinic"), None, Asker(specialty="physiotherapy"))
    assert not any("crisis" in note.lower() or "struggling" in note.lower() for note in plain[0].notes)


def test_a_plan_with_patient_stories_carries_the_consent_note(drafter):
    text = "Make me a 4-week plan with patient stories for my physio clinic"
    draft = drafter.drafts(turn(text), None, Asker(specialty="physiotherapy"))[0]
    assert any("signed written authorization" in note for note in draft.notes)


def test_plan_seasons_come_from_the_data_alone():
    today = dt.date(2026, 1, 10)
    assert plan_start("a plan for the monsoon", {"monsoon": 6}, today) == dt.date(2026, 6, 1)
    assert plan_start("a plan for winter", {}, today) == today + dt.timedelta(days=7 - today.weekday())
    assert plan_start("a plan for summer", {"summer": 12}, today).month == 12


@pytest.mark.parametrize(
    "text,listed",
    [
        (
            "Write our Google Business Profile description: chiropody/podiatry clinic in Mississauga, diabetic foot "
            "care, custom orthotics, ingrown toenails, home visits for seniors.",
            "diabetic foot care, custom orthotics, ingrown toenails and home visits for seniors",
        ),
        (
            "Write a Google Business Profile description for my private midwifery practice in Adelaide (home visits, "
            "antenatal, postnatal).",
            "home visits, antenatal and postnatal",
        ),
    ],
)
def test_a_google_description_offers_what_the_message_lists_not_another_specialtys_services(drafter, text, listed):
    draft = drafter.drafts(turn(text, ["google_business"]), None, Asker())[0]
    assert draft.kind == "bio" and f"We offer {listed}." in draft.text
    assert "family doctors" not in draft.text.lower() and "vaccines" not in draft.text.lower()


def test_a_comment_spreading_a_myth_gets_a_calm_correction_not_a_review_reply(drafter):
    text = (
        "Someone commented on our dermatology practice's (Phoenix) post about sunscreen: 'Sunscreen causes cancer, "
        "you're poisoning people for profit.' Write a reply."
    )
    draft = drafter.drafts(turn(text, country="US"), None, Asker(specialty="dermatology"))[0]
    assert draft.kind == "review_reply" and "3 stars" not in draft.title and "feedback" not in draft.text.lower()
    assert "evidence" in draft.text and "source" in draft.text
    assert "lung" not in draft.text.lower()  # the claim's words ("cancer") do not pick the topic
    assert any("house rules" in note for note in draft.notes)


def test_a_waiting_room_is_not_a_complaint_about_waiting():
    drafted = draft_reply("Receptionist was rude and told everyone in the waiting room why I was there.", 1)
    assert "long waits" not in drafted.situation.lower() and "running to time" not in drafted.reply


def test_a_script_and_hashtags_for_a_day_we_have_no_post_for_are_about_that_day(drafter):
    script = drafter.drafts(turn("Write a reel script for World Hearing Day for our clinic"), None, Asker())[0]
    assert script.kind == "video_script" and "World Hearing Day" in script.text and "Heart" not in script.text
    tags = drafter.drafts(turn("Give me hashtags for World Hearing Day"), None, Asker())[0]
    assert tags.hashtags[0] == "#WorldHearingDay"
    assert not [t for t in tags.hashtags[1:] if t.endswith(("Day", "Week", "Month"))]  # no other day's tag
    known = drafter.drafts(turn("Give me hashtags for World Sight Day"), None, Asker(specialty="ophthalmology"))[0]
    assert known.hashtags[0] == "#WorldSightDay"
