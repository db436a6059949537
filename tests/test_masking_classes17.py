"""Classes of patient data and of wrong masks added after the seventeenth blind masking set (docs/privacy.md): a
date of birth read out on a voicemail, a name in capitals after a report's label or in "SURNAME, GIVEN" form, a date
of birth in a headerless export row; and readable: a clinician's degrees after a signature, a new colleague named
after "starting"/"joining", cover named after "durch" or "verstärkt", a lab value such as HbA1c, and insurers,
laboratories and television figures that read as a person's name."""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


@pytest.mark.parametrize(
    ("text", "birth"),
    [
        (
            "voicemail: hi it's about my mum, her date of birth is the fourth of june forty nine",
            "the fourth of june forty nine",
        ),
        ("message says DOB's the twenty-first of Oct '61, please call back", "the twenty-first of Oct '61"),
        (
            "Anrufbeantworter: geboren am zwölften März neunzehnhundertachtundfünfzig, bitte Rückruf",
            "zwölften März neunzehnhundertachtundfünfzig",
        ),
    ],
)
def test_a_date_of_birth_read_out_is_masked(text, birth):
    assert birth in _masked(text, "DATE_OF_BIRTH")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Scan report: "Patient: KULKARNI ANJALI  MRN: 55102  Age: 58"', "KULKARNI ANJALI"),
        ("Name: O'BRIEN, MARY  Ward 4", "O'BRIEN, MARY"),
        ("export row: 0044917|TREMBLAY, LUCIE|1951-06-30|flu shot", "TREMBLAY, LUCIE"),
    ],
)
def test_a_name_in_capitals_from_a_report_or_an_export_is_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    ("text", "birth"),
    [
        ('"Omar Haddad","1979-11-02","07700 900 412"', "1979-11-02"),
        ("PX-118;Novak, Petra;1990-01-17;Kontrolle", "1990-01-17"),
    ],
)
def test_a_date_of_birth_in_a_headerless_export_row_is_masked(text, birth):
    assert birth in _masked(text, "DATE_OF_BIRTH")


@pytest.mark.parametrize(
    "text",
    [
        'Reply to this referral please:\n"Thank you for sending her over.\nBest,\nPriya Raman, DDS, MS\nRiver Oral"',
        "Kind regards,\nDr. Colm Brady, MBBS, FRCS\nConsultant Orthopaedic Surgeon",
        "We have a new receptionist starting tuesday, Greta Lindholm, she's lovely. Write a welcome post",
        "Got a new dental nurse joining, Bartholomew Osei, from Guy's. Can you draft an intro?",
        "Am Empfang heute Vertretung nachmittags durch Dr. Clemens Aurich",
        "Ab Mai verstärkt Dr. Theresa Wimmer als Assistenzärztin unser Team, bitte ein Post",
        "Lab rang: HbA1c came back at 8.2 for the diabetic clinic audit, write a post about HbA1c targets",
        "Sun Life sent a claims update, can you turn it into a FAQ post?",
        "LifeLabs now draws blood on Saturdays next door, write a post",
        "Heidi Klum hat in ihrer Show über Botox gesprochen, schreib einen Post dazu",
    ],
)
def test_signatures_new_colleagues_cover_lab_values_and_brands_stay_readable(text):
    assert _masked(text, "NAME") == []
