"""A new practice or a second location is announced with what the message says it offers and its extra hours (what a
public scheme covers is "covered by" it, not "free"), and a job advert reads "an experienced SLT", not "a
experienced SLT"."""

from __future__ import annotations

from assistant.chat.compose import Asker
from tests.drafting import turn

SECOND = (
    "Optometrist - we're opening a second location in Calgary (Seton) on March 2. Can you write an announcement post "
    "for Facebook and Instagram? Mention: kids & seniors eye exams free with Alberta Health, dry eye clinic, contact "
    "lenses, frames, evening hours Tue/Thu till 8."
)


def test_a_second_location_is_an_opening_with_its_place_services_and_hours(drafter):
    (draft,) = drafter.drafts(turn(SECOND, ["facebook"], country="CA"), None, Asker())
    assert "opening" in draft.title.lower(), draft.title
    assert "our second location in Calgary (Seton) opens its doors on March 2" in draft.text
    assert "dry eye clinic, contact lenses and frames" in draft.text
    assert "covered by Alberta Health" in draft.text and "free" not in draft.text.lower()
    assert "evening hours Tue/Thu till 8" in draft.text
    assert "[the services you offer" not in draft.text


def test_a_new_clinic_lists_what_the_message_says_it_does(drafter):
    text = "Physio here - we're opening our new clinic in Leeds on 3 June. Write a Facebook post. We do sports "
    text += "injuries, back pain and pilates classes."
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert "We offer sports injuries, back pain and pilates classes" in draft.text
    assert "Opening hours: [days and times]." in draft.text  # none given: left for the clinic to fill


def test_a_job_advert_takes_the_article_its_role_needs(drafter):
    text = "Write a LinkedIn job post: we need an experienced SLT, 4 days a week, for our practice in Bristol."
    (draft,) = drafter.drafts(turn(text, ["linkedin"]), None, Asker())
    assert "looking for an experienced SLT" in draft.text
