"""Classes of misses and wrong masks fixed after the thirty-sixth blind masking set (docs/privacy.md).

Each test uses wordings of its own, not the set's messages; a guard beside each keeps what must stay masked or
readable.
"""

from __future__ import annotations

from tests.masking import masked as _masked

_FAX = (
    "Can you summarise this fax for the team?\n\n"
    "FROM: Westgate County Infirmary - Hand Unit   TEL: 0161 496 0231   FAX: 0161 496 0239\n"
    "Patient: Orla Featherstone   DOB 14/09/1977   mob 07700 900563\n"
    "Splint for 4/52. Any concerns, contact Mr Tobias Wrenfield (Registrar)."
)


def test_a_fax_headers_telephone_and_fax_numbers_are_the_senders_not_a_patients():
    found = _masked(_FAX, "PHONE")
    assert "0161 496 0231" not in found
    assert "0161 496 0239" not in found


def test_a_patients_mobile_below_a_fax_header_stays_masked():
    found = _masked(_FAX)
    assert "07700 900563" in found
    assert "Orla Featherstone" in found
    assert "14/09/1977" in found


def test_a_mobile_labelled_on_a_letterhead_line_stays_masked():
    text = "Patient: Hamish Drummond   Tel 0131 496 0872   Fax 0131 496 0873   mob 07700 900418"
    assert "07700 900418" in _masked(text, "PHONE")


def test_a_hospitals_name_and_a_doctor_with_his_grade_in_brackets_stay_readable():
    found = _masked(_FAX, "NAME")
    assert not any("Infirmary" in f for f in found)
    assert "Tobias Wrenfield" not in found
