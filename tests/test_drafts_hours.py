"""Hours a message gives go into the post: a season's or a holiday's hours ("our Ramadan timings: Sat-Thu 10am-4pm
and 9pm-1am, closed Friday") one line each, and a move's new hours and new area ("moving to new rooms in Umhlanga
on 1 March, hours change to 8-5 weekdays"), never a bare "[new address]" or "now open on [days]"."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from tests.drafting import turn


@pytest.mark.parametrize(
    ("text", "occasion", "lines"),
    [
        (
            "I manage a dental clinic in Dubai. Please write an Instagram post for our Ramadan timings: Sat-Thu "
            "10am-4pm and 9pm-1am, closed Friday. English please.",
            "Ramadan",
            ["Sat-Thu 10am-4pm and 9pm-1am", "Closed Friday"],
        ),
        (
            "Can you write a Facebook post with our Christmas hours? Mon-Fri 9am-1pm, closed 25 and 26 December",
            "Christmas",
            ["Mon-Fri 9am-1pm", "Closed 25 and 26 December"],
        ),
        (
            "write an insta post: our summer hours are 8am-2pm weekdays; Saturdays 9am-12pm",
            "summer",
            ["8am-2pm weekdays", "Saturdays 9am-12pm"],
        ),
    ],
)
def test_a_seasons_hours_are_the_post_one_line_each(drafter, text, occasion, lines):
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert draft.kind == "caption" and f"{occasion} opening hours" in draft.text
    assert "\n".join(lines) in draft.text
    assert "[" not in draft.text


def test_a_holiday_closure_without_hours_is_still_a_closure_notice(drafter):
    text = "Write a post saying we're closed over Christmas, from 24 Dec to 2 Jan."
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert "closed for Christmas, from 24 Dec to 2 Jan" in draft.text and "opening hours" not in draft.text


def test_a_move_says_the_new_area_and_the_new_hours(drafter):
    text = (
        "Paediatrician in Durban. We're moving to new rooms in Umhlanga on 1 March, hours change to 8-5 weekdays and "
        "8-12 Saturdays, and we're adding WhatsApp for appointment bookings. Please write a Facebook announcement."
    )
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert "From 1 March" in draft.text and "[new address], Umhlanga" in draft.text
    assert "8-5 weekdays, 8-12 Saturdays" in draft.text or "8-5 weekdays and 8-12 Saturdays" in draft.text
    assert "WhatsApp" not in draft.text.split("opening hours", 1)[1].split(".")[0]  # the hours end where they end


def test_a_move_without_hours_or_area_keeps_its_placeholders_and_reads_whole(drafter):
    (draft,) = drafter.drafts(turn("Write a post: we are moving premises on 3 June.", ["facebook"]), None, Asker())
    assert "[new address]." in draft.text and "only the place changes. Our phone number stays the same" in draft.text


@pytest.mark.parametrize(
    ("text", "country", "number"),
    [
        (
            "Cardiologist in Perth. Write a 60-second video script for Heart Week about recognising a heart attack.",
            "AU",
            "000",
        ),
        ("GP in Auckland, can you write a short facebook post on stroke warning signs (FAST)?", "NZ", "111"),
        ("Write an Instagram caption on stroke warning signs for our Singapore clinic", "SG", "995"),
    ],
)
def test_a_post_gives_the_askers_own_emergency_number(drafter, text, country, number):
    (draft, *_) = drafter.drafts(turn(text, country=country), None, Asker())
    shown = "\n".join([draft.text, *draft.alternatives, *draft.notes])
    assert f"{number}" in shown
    assert not any(n in shown for n in ("999", "911", "112") if n != number)


def test_without_a_country_a_post_lists_the_common_numbers(drafter):
    (draft, *_) = drafter.drafts(turn("Write a facebook post on stroke warning signs (FAST)"), None, Asker())
    assert "999" in draft.text and "911" in draft.text and "112" in draft.text
