"""A pasted export names patients by its columns, and a label before a number ties it to a patient: the cells
under a name, birth-date, record or national-number column are masked whatever they look like, the header's own
words never are; invoice, lab, claim and order numbers are masked after their label (docs/privacy.md)."""

from __future__ import annotations

import pytest

from assistant.guardrails.phi import detect_phi


def _masked(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in detect_phi(text)]


def test_the_cells_under_name_birth_record_and_national_number_columns_are_masked():
    text = "export:\ndemographic_no,last,first,hin,phone\n10442,Gagnon,Sophie,5981-442-117-ZA,613-555-0193\n\nwrite it"
    found = _masked(text)
    for kind, cell in [("NAME", "Gagnon"), ("NAME", "Sophie"), ("RECORD_NUMBER", "10442")]:
        assert (kind, cell) in found
    assert any(cell == "5981-442-117-ZA" for _, cell in found)


def test_a_semicolon_export_in_italian_masks_surname_name_id_and_birth_date():
    text = "dal gestionale:\nid;cognome;nome;data_nascita;telefono\nP-3391;Esposito;Anna;12/06/1974;+39 333 907 1182\n"
    cells = {cell for _, cell in _masked(text)}
    assert {"P-3391", "Esposito", "Anna", "12/06/1974"} <= cells


def test_a_name_written_last_comma_first_in_a_comma_export_is_one_name():
    text = "patient_id,name,dob,phone,appt\nBD-20417,Hollis, Grant,1985-02-11,(737) 555-0119,08:30 cleaning\n"
    found = _masked(text)
    assert ("NAME", "Hollis, Grant") in found and ("DATE_OF_BIRTH", "1985-02-11") in found


def test_the_header_line_and_the_cells_under_other_columns_are_not_patient_data():
    text = "booking export:\nDate,Time,Patient,Mobile,Type\n14/10,09:00,Anika Sharma,0433 281 000,Check-up\n"
    found = _masked(text)
    assert ("NAME", "Anika Sharma") in found
    assert not any(cell in ("Mobile", "Patient", "Type", "Check-up") for _, cell in found)


def test_a_list_with_commas_but_no_patient_column_is_not_a_table():
    text = "Our services:\nwhitening,implants,braces\ncheck-ups,hygiene,Invisalign\nwrite a post listing them"
    assert _masked(text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Die Rechnung Nr. 2024-0317 für Klaus-Dieter Fuchs ist seit 6 Wochen offen", "2024-0317"),
        ("Histo für Herrn Yilmaz, Eingangsnr. H24-08813: Basaliom, R0", "H24-08813"),
        ("ci ha chiesto la fattura n. 214/2024 per il 730", "214/2024"),
        ("Sun Life claim SL-2024-8830145 for Daniel Osei got kicked back", "SL-2024-8830145"),
        ("Bupa email: 'Authorisation BUPA-AU-7781204 for member Lorraine Gadd approved'", "BUPA-AU-7781204"),
    ],
)
def test_invoice_lab_claim_and_authorisation_numbers_are_masked_after_their_label(text, number):
    assert any(cell == number for _, cell in _masked(text))


def test_an_everyday_order_or_claim_without_a_code_is_left_alone():
    assert _masked("We claim 3 posts a week is enough; order 2 ring lights. Write a caption") == []
    assert _masked("Order 000-12-3456 shipped; write a post about our new frames") == []
