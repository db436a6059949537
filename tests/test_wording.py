"""The small rules of English the drafts share (assistant/chat/wording.py)."""

from __future__ import annotations

import pytest

from assistant.chat.wording import first_upper, role_in_sentence, with_article


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("osteopath", "an osteopath"),
        ("nurse", "a nurse"),
        ("experienced SLT", "an experienced SLT"),
        ("SLT", "an SLT"),
        ("RN", "an RN"),
        ("GP", "a GP"),
        ("university tutor", "a university tutor"),
        ("urgent care doctor", "an urgent care doctor"),
        ("urologist", "a urologist"),
        ("one-to-one coach", "a one-to-one coach"),
        ("dental nurse", "a dental nurse"),
        ("ultrasound technician", "an ultrasound technician"),
        ("hour-a-week helper", "an hour-a-week helper"),
        ("honest broker", "an honest broker"),
    ],
)
def test_a_role_gets_a_or_an_by_how_it_sounds(role, expected):
    assert with_article(role) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [("Physiotherapist", "physiotherapist"), ("GP partner", "GP partner"), ("SLT", "SLT"), ("Dentist", "dentist")],
)
def test_a_title_inside_a_sentence_keeps_an_abbreviations_capitals(title, expected):
    assert role_in_sentence(title) == expected


def test_only_the_first_character_is_raised():
    assert first_upper("covered by NHS Wales") == "Covered by NHS Wales" and first_upper("") == ""


def test_no_role_gets_no_article():
    assert with_article("") == "" and with_article("   ") == "   " and role_in_sentence("") == ""
