"""Classes of wrong masks fixed after the twenty-seventh blind masking set, second pass (docs/privacy.md).

Readable: a date and the next sentence's "Contact Dr <name>" are no street ("start 21 July. Contact Dr Priya Nair"):
a word of a street's name that ends in a full stop is an abbreviation ("St.", "Mt."), not a sentence's end.
"""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


@pytest.mark.parametrize(
    "text",
    [
        "Job ad: dermatology nurse, 0.8 FTE, start 21 July. Contact Dr Priya Nair. Plus a shorter Insta version pls.",
        "Her last day is 30 June. Thanks Dr Okafor for everything! Draft a farewell post.",
        "Closed from 24 December. Happy Holidays Way too early to post this?",
    ],
)
def test_a_date_before_the_next_sentence_is_no_street(text):
    assert _masked(text, "ADDRESS") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("She moved to 12 St. Mary's Road, please update the letter.", "12 St. Mary's Road"),
        ("Send the crown to 4417 Mt. Bonnell Dr for him.", "4417 Mt. Bonnell Dr"),
        ("Her address is 5 Gen. Hodges Way now.", "5 Gen. Hodges Way"),
        ("He lives at 21 July Street. Contact him there.", "21 July Street"),
    ],
)
def test_a_street_with_an_abbreviated_word_stays_masked(text, address):
    assert any(address in m for m in _masked(text, "ADDRESS"))


@pytest.mark.parametrize(
    "text",
    [
        "Vertretung macht die Hautarztpraxis Dr. Sommer am Siegesdenkmal. Kannst du das posten?",
        "Vertretung vom 23.12. bis 2.1.: Praxis Dr. med. Anna Keller. Bitte Post formulieren.",
        "Pendant nos congés, le remplacement est assuré par le cabinet du Dr Martin. Un post Facebook ?",
        "Durante le ferie ci sostituisce lo Studio Dott. Rossi. Scrivi un post per Instagram?",
    ],
)
def test_a_practice_named_after_its_doctor_stays_readable(text):
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Frau Sommer kommt morgen zur Praxis Dr. Keller, ihre Rechnung fehlt noch.", "Sommer"),
        ("Patientin Anna Sommer war bei der Praxis Dr. Keller zur Nachsorge.", "Anna Sommer"),
    ],
)
def test_a_patient_named_beside_a_doctors_practice_stays_masked(text, name):
    assert name in _masked(text, "NAME")


def test_a_patients_own_email_signature_in_a_message_about_their_care_stays_masked():
    text = (
        "From: Maria Lopez <maria.lopez82@gmail.com>\nSent: 3 March 2025\nSubject: my filling\n\n"
        "Hi, the filling you did last week still hurts when I drink something cold. Can I come in?\n"
        "Kind regards,\nMaria Lopez\n+1 (512) 555-0147\n\nDraft a reply offering her an appointment."
    )
    found = _masked(text)
    assert found.count("Maria Lopez") == 2
    assert "maria.lopez82@gmail.com" in found and "+1 (512) 555-0147" in found
