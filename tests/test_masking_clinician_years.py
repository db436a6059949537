"""A clinician's title followed by their years ("Interventional cardiologist, 15 yrs in") is the asker describing
themselves, not a patient's name with an age; a child's unknown name before an age is still masked."""

from __future__ import annotations

import pytest

from assistant.guardrails import mask_phi


@pytest.mark.parametrize(
    "text",
    [
        "Interventional cardiologist, 15 yrs in, hospital-employed. Write me a LinkedIn headline.",
        "paediatrician, 20 yrs in practice, want to start on Instagram",
        "Hygienist, 8 yrs qualified: what should my TikTok bio say?",
    ],
)
def test_a_clinicians_title_before_their_years_stays_readable(text):
    assert mask_phi(text).text == text


def test_an_unknown_name_before_an_age_is_still_masked():
    assert mask_phi("zorvik (6 yrs) came for a squint check, can I post about it?").text.startswith("[NAME]")
