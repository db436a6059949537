"""Patient data shown by what stands next to it: a name beside an appointment time or a record number, a given name
written short, a Korean given name, and a past date right after a patient's name."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.guardrails.neighbours import (
    abbreviated_names,
    dates_after_names,
    hyphenated_given_names,
    names_after_numbers,
    names_before_times,
)
from assistant.guardrails.phi import detect_phi


def _found(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s in detect_phi(text):
        out.setdefault(s.kind, []).append(s.text)
    return out


def _never_everyday(word: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Today's hygiene list: Priscilla Tan 8:45, Hazel 2pm, then the team huddle.", "Hazel"),
        ("Recall texts for Olive at 11am and Joaquin Reyes 3.30pm please", "Olive"),
        ("Slots: Rose 9am (crown fit), Hana Sato 10:15", "Rose"),
    ],
)
def test_a_given_name_right_before_an_appointment_time_is_masked(text, name):
    assert name in _found(text).get("NAME", [])


@pytest.mark.parametrize(
    "text",
    [
        "Can we post on Monday 9am and Friday 5pm? The team meets at 10:30.",
        "Our open evening starts 6pm, doors at 5:30, parking at the back.",
        "May 3pm works for the webinar about Invisalign.",
    ],
)
def test_weekdays_months_and_times_alone_stay_readable(text):
    assert "NAME" not in _found(text)


def test_a_name_after_a_record_number_and_a_comma_is_masked_but_not_a_heading_or_a_title():
    assert _found("File no. 44120, Eirlys, wants a copy of her letter")["NAME"] == ["Eirlys"]
    numbers = [(9, 14)]
    assert names_after_numbers("Chart no 55210 – Result is ready, ok?", numbers, frozenset(), _never_everyday) == []
    assert names_after_numbers("Chart no 55210, Herr Brandt, called", numbers, frozenset(), _never_everyday) == []


def test_a_given_name_written_short_and_a_korean_given_name_are_masked():
    assert abbreviated_names("Case: Md. Shafiqul Islam came today") == [(6, 24)]
    assert hyphenated_given_names("A form Seo-yeon Kim sent; Pre-op Care leaflet; Co-op Bank") == [(7, 19)]


def test_a_past_date_right_after_a_patient_name_is_a_date_of_birth_and_this_years_date_is_not():
    today = date(2026, 6, 1)
    text = "Birthday cards: Carmela Russo 04/05/1961, Jude Amadi 12/06/2026."
    names = [(16, 29), (42, 52)]
    assert [text[a:b] for a, b in dates_after_names(text, names, today)] == ["04/05/1961"]
    assert _found("chat: [09:12] Patient: Oisin Farrell, 02/11/1984\n[09:13] thanks")["DATE_OF_BIRTH"] == ["02/11/1984"]


def test_names_before_times_reads_the_not_names_it_is_given():
    assert names_before_times("Hazel 2pm", frozenset()) == [(0, 5)]
    assert names_before_times("Hazel 2pm", frozenset({"hazel"})) == []
