"""Classes of misses and wrong masks fixed after the thirty-third blind masking set (docs/privacy.md).

Each test uses wordings of its own, not the set's messages; a guard beside each keeps what must stay masked or
readable.
"""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


@pytest.mark.parametrize(
    "text",
    [
        "Please thank our nurse practitioner Maren Holloway and dental nurses Keisha Barlow and Ines Marquez for "
        "the flu clinic.",
        "Grazie all'igienista Chiara Bellandi e al tecnico Sergio Valdana per il supporto alla giornata.",
        "[03.11.26, 09:12] MFA Petra Lindqvist: Rückruf erledigt\n[03.11.26, 09:20] MFA Petra Lindqvist: Termin steht",
        "Receptionist Odile Granger can take the calls on Friday.",
    ],
)
def test_a_full_name_after_a_clinic_job_in_words_is_a_colleague(text):
    assert _masked(text, "NAME") == []


def test_a_patient_after_a_clinic_job_stays_masked():
    assert "Tomasz Wierzba" in _masked("Patient Tomasz Wierzba was seen by hygienist Lena Voss today.", "NAME")
    assert "Corinna Pahl" in _masked("Our receptionist booked Mrs. Corinna Pahl for a recall.", "NAME")
