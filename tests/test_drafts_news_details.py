"""Practice news takes the details the message gives: a holiday notice asked for without a verb ("Need an Eid Al
Adha holiday notice ...") with its closure and hours and a greeting; a clinic day's own name, times and cost (never
"free" unless the message says so); a welcome post's colleague, named in full ("Liam O'Connor") and described as the
message describes them, even when they also "have Saturday appointments"."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from tests.drafting import turn

EID = (
    "Clinic manager at a family medicine & dental clinic in Dubai (Al Barsha). Need an Eid Al Adha holiday notice for "
    "Instagram in English and Arabic. We'll be closed on the first two days of Eid, then open 10am-6pm for the rest "
    "of the holiday. Also please add an Eid greeting."
)


def test_a_holiday_notice_asked_for_without_a_verb_gives_the_closure_the_hours_and_a_greeting(drafter):
    (draft,) = drafter.drafts(turn(EID, ["instagram"], country="AE"), None, Asker())
    assert draft.text.startswith("Eid Mubarak")
    assert "Closed on the first two days of Eid\nOpen 10am-6pm for the rest of the holiday" in draft.text
    assert "call 998" in draft.text  # the UAE's ambulance number


@pytest.mark.parametrize(
    "text",
    [
        "Need a post for Instagram: we are now open on Saturdays from next week.",
        "We need an announcement for Facebook: the lift is out of order until Friday.",
    ],
)
def test_need_a_post_at_the_start_of_a_sentence_asks_for_one(drafter, text):
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert drafts and drafts[0].kind == "caption"


def test_a_question_about_needing_posts_is_not_a_request(drafter):
    assert drafter.drafts(turn("Do we need a post every day to grow on Instagram?"), None, Asker()) == []


SPORTS = (
    "Pediatric practice in Raleigh, NC. We're doing a Back-to-School Sports Physical Saturday on Aug 9, 9am-1pm, "
    "walk-ins welcome, $35 cash for the sports physical form. Can you write a Facebook post plus a short Facebook "
    "Event description? We'd also love to post photos of the kids on the day."
)


def test_a_clinic_day_has_its_own_name_times_and_cost_and_is_never_called_free(drafter):
    (draft,) = drafter.drafts(turn(SPORTS, ["facebook"], country="US"), None, Asker())
    assert "Back-to-School Sports Physical Saturday on Aug 9, 9am-1pm" in draft.text
    assert "walk-ins welcome" in draft.text and "$35" in draft.text
    assert "free" not in draft.text.lower()
    assert any("written consent" in note for note in draft.notes)  # photos of the children on the day


def test_a_free_clinic_day_says_so(drafter):
    text = "Write a post: we're holding a Free Blood Pressure Check Morning on 14 May, 9am-12pm, walk-ins welcome."
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert "It is free" in draft.text and "9am-12pm" in draft.text


WELCOME = (
    "Can you write an Instagram + Facebook post welcoming our new physio, Liam O'Connor, to our clinic in Brisbane "
    "(Paddington)? He's a sports physio, did his masters at UQ, used to work with a rugby club, loves running, starts "
    "3 March and has Saturday appointments. Want it warm and not cringey."
)


def test_a_welcome_post_names_the_colleague_in_full_and_says_what_the_message_says_of_them(drafter):
    (draft, *_) = drafter.drafts(turn(WELCOME, ["instagram", "facebook"], country="AU"), None, Asker())
    assert "welcome" in draft.title.lower()  # not a post on Saturday opening hours
    assert "Please welcome Liam O'Connor" in draft.text
    assert "Liam is a sports physio, did his masters at UQ" in draft.text


@pytest.mark.parametrize("name", ["Aoife McKenzie", "Priya D'Souza", "Mary-Jane Okafor"])
def test_a_colleagues_name_is_taken_whole(drafter, name):
    text = f"Write a post welcoming our new hygienist, {name}, to the team."
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert f"Please welcome {name}," in draft.text


def test_closed_days_and_shorter_hours_in_one_sentence_are_two_lines_not_a_fragment(drafter):
    text = (
        "Need a short Christmas closing notice for Facebook. We're closed 25, 26 Dec and 1 Jan, open normal hours "
        "other days but close at 1pm on Christmas Eve and New Year's Eve."
    )
    (draft,) = drafter.drafts(turn(text, ["facebook"], country="IE"), None, Asker())
    assert "Closed 25, 26 Dec and 1 Jan\nOpen normal hours other days but close at 1pm on Christmas Eve" in draft.text


TWO_ROLES = (
    "Practice manager, NHS GP surgery in Bristol. I need a Facebook + LinkedIn post to recruit a salaried GP "
    "(6 sessions) and a part-time receptionist (20 hrs). GP pay is £11,000–£12,500 per session per year, "
    "receptionist £12.60/hr. Can you write both?"
)


def test_a_job_advert_gives_the_role_its_own_hours_and_pay_and_names_the_second_role(drafter):
    (draft, *_) = drafter.drafts(turn(TWO_ROLES, ["facebook"], country="GB"), None, Asker())
    assert "salaried GP" in draft.text and "Hours: 6 sessions." in draft.text
    assert "Pay: £11,000–£12,500 per session per year." in draft.text
    assert "£12.60" not in draft.text and "part-time" not in draft.text  # the receptionist's
    assert any("receptionist" in note for note in draft.notes)


def test_one_role_keeps_its_hours_and_pay(drafter):
    text = "Write a job ad for a dental nurse, full time, pay £24,000 a year"
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert "Hours: full time." in draft.text and "Pay: £24,000 a year." in draft.text
    assert not any("ask for the" in note for note in draft.notes)


def test_a_shorter_version_asked_for_is_no_second_role(drafter):
    text = (
        "We need a dental hygienist, 4 days a week. Can you write me a LinkedIn post and a shorter "
        "Facebook/Instagram version? Pay $45-52/hr."
    )
    (draft, *_) = drafter.drafts(turn(text, ["linkedin"]), None, Asker())
    assert "dental hygienist" in draft.text and not any("ask for the" in note for note in draft.notes)


def test_write_a_notice_asks_for_a_post(drafter):
    text = "Write our Eid notice: closed first two days of Eid, then open 10am-6pm"
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert "Closed first two days of Eid\nOpen 10am-6pm" in draft.text


@pytest.mark.parametrize(
    ("text", "service"),
    [
        (
            "Can you write a Google Business Profile post for our audiology practice in Tucson? We now fit and adjust "
            "over-the-counter hearing aids people buy themselves (even if they didn't buy from us) - $95 for a fitting "
            "session. Keep it short.",
            "fitting and adjusting over-the-counter hearing aids people buy themselves",
        ),
        ("Write a Facebook post: our pharmacy now stocks travel vaccines and malaria tablets.", "stocking travel"),
    ],
)
def test_a_service_told_by_what_the_practice_now_does_is_announced_by_name(drafter, text, service):
    """ "We now fit and adjust over-the-counter hearing aids" is a new service, named in the post; the price "for a
    fitting session" had made the subject a fitting session, and the post was on car seat fitting mistakes."""
    (draft,) = drafter.drafts(turn(text, ["google_business"]), None, Asker(country="United States", code="US"))
    assert service in draft.text and "car seat" not in draft.text.lower()


def test_a_post_for_recruitment_is_a_job_advert_and_a_relocation_sum_is_no_pay(drafter):
    """ "desperate for theatre nurses ... a post for recruitment" asks for a job advert (it had got a post on moving
    premises, read from "relocation"); a relocation package is an offer, not the pay; the hospital is "our hospital"
    even when it is "in rural Wales"."""
    text = (
        "Comms at a small hospital in rural Wales, we are desperate for theatre nurses. Can you write a Facebook post "
        "for recruitment? We offer relocation support up to £8k, free parking and a preceptorship for new grads."
    )
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker(country="United Kingdom", code="GB"))
    assert draft.title.endswith("job advert") and "Our hospital" in draft.text
    assert "Pay: £8k" not in draft.text and "relocation support up to £8k" in draft.text


def test_a_service_just_started_is_a_new_service(drafter):
    text = "Write a Google Business Profile update: I just started offering a menopause clinic, online or in person."
    (draft,) = drafter.drafts(turn(text, ["google_business"]), None, Asker())
    assert "new service" in draft.title and "menopause clinic" in draft.text


def test_walk_in_vaccinations_on_a_day_are_a_session_not_new_opening_hours(drafter):
    """ "Walk-in flu vaccinations this Saturday 9am-1pm, no appointment needed" had got "we are now open on
    Saturdays", and the session had no name."""
    text = "Write a post: walk-in flu vaccinations this Saturday 9am-1pm, no appointment needed"
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert "now open on" not in draft.text and "opening hours" not in draft.title
    assert "walk-in flu vaccinations this Saturday" in draft.text and "9am-1pm" in draft.text
    boosters = "Can you do a Facebook post: drop-in COVID boosters on 14 November, 10am to 4pm"
    (other,) = drafter.drafts(turn(boosters, ["facebook"]), None, Asker())
    assert "drop-in COVID boosters on 14 November" in other.text


def test_walk_in_vaccinations_running_from_a_date_are_not_a_one_day_session(drafter):
    text = (
        "Need a Facebook post announcing walk-in flu jabs and COVID boosters at all four sites from next Monday, "
        "no appointment needed, 9-5 weekdays"
    )
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert "Join us for" not in draft.text and "COVID boosters" in draft.text
