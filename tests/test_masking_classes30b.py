"""Classes of missed identifiers fixed after the thirtieth blind masking set, second pass (docs/privacy.md).

Each test uses wordings of its own, not the set's messages; a guard beside each keeps what must stay readable.
"""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


@pytest.mark.parametrize(
    ("text", "birth"),
    [
        ("Patient: Mr Tobias Wrenfield   D/O/B 1969-11-23\nSeen for a frozen shoulder.", "1969-11-23"),
        ("Claim form\nName: Ruth Abernathy\nAge/DOB: 57 / 14 Feb 1969\nPolicy: 88213", "14 Feb 1969"),
        ("Age / D.O.B.: 8 yrs / 03.07.2017", "03.07.2017"),
        ("meine Tochter Ronja (2 J., geb. 06/2023) hat Fieber", "06/2023"),
    ],
)
def test_a_birth_date_after_slashed_cues_an_age_or_a_birth_month_is_masked(text, birth):
    assert birth in _masked(text, "DATE_OF_BIRTH")


@pytest.mark.parametrize(
    "text",
    [
        "Our flu clinic runs 04/2026 to 06/2026, 68 / 100 slots booked.",
        "Post idea: our practice was born 05/2019, now 7 years of care!",
    ],
)
def test_a_clinics_dates_and_counts_stay_readable(text):
    assert _masked(text, "DATE_OF_BIRTH") == []


def test_a_german_street_named_with_a_separate_adjective_is_masked_whole():
    text = "Ich, Gerlinde Hausmann, wohnhaft Emmendinger Straße 27, 79106 Freiburg, willige ein."
    assert "Emmendinger Straße 27, 79106 Freiburg" in _masked(text, "ADDRESS")


def test_an_everyday_street_word_without_a_house_number_stays_readable():
    assert _masked("Unsere Praxis liegt an einer ruhigen Straße, gut erreichbar mit der Straßenbahn.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Review: "My mother-in-law Rukmini waited 3 hours for her drops."', "Rukmini"),
        ("PHONE 09:10 — Jo Hartigan — partner Dazza has a lump on his neck", "Dazza"),
        ("Caller: Fiona Marsh, child Obinna (DOB 3/4/2019) coughing all night", "Obinna"),
        ('"Is SMILE safe? My friend Bhavin had it done elsewhere."', "Bhavin"),
    ],
)
def test_a_relative_or_friend_named_in_passing_is_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "child Safeguarding Policy: please update it for the team",
        "Our partner Greenway delivers the repeat scripts on Fridays.",
    ],
)
def test_a_policy_or_a_business_partner_stays_readable(text):
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"Refer P. MacAllister to ortho, knee OA."', "P. MacAllister"),
        ("- ring J. Castellano re bloods", "J. Castellano"),
        ('"Saoirse T. — recall 6/12"', "Saoirse T."),
    ],
)
def test_an_initial_and_a_name_in_a_note_are_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text", ["take vitamin D. Young children need it too", "Use Plan B. Then Vitamin D. Also Section C. ok"]
)
def test_a_letter_that_names_a_thing_stays_readable(text):
    assert _masked(text, "NAME") == []
