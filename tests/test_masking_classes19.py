"""Classes of patient data and of wrong masks added after the nineteenth blind masking set (docs/privacy.md).

Found: "SURNAME, Given" after a report label with its fields spaced apart, with a middle initial or "Jr.", and a
listed surname in capitals with an initial in a schedule row; an initial and a surname after a time, a list number,
a dash or "for"; a health card number after "tessera sanit.", the "#" of "chart #...", a record code ending in a
check letter, the record column of a pipe-separated export; "Crt" and a flat with a block letter in an address; a
name in capitals after "THIS IS" or "SMS from"; "I'm ..." and "its ... can u" introducing the writer; a child's
first visit after a possessive; a review signed after a closing quote with an initial or "from" a place.

Readable: a public figure's name in a German genitive ("Heidi Klums"), a new colleague introduced with a role in
the next sentence or as an instructor or coach, a place named after a person ("... Massey Park"), a language
before "interpreter" even after a patient cue, German possessives and Hindi "haan" that are listed names, the field
labels of a pasted report ("Dx:", "Befund:"), a date and time stamp in an export, German "im"."""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


@pytest.mark.parametrize(
    "text",
    [
        "Kurzer Post zu Dieter Bohlens Zahnpflege-Tipps, bitte ohne Werbung.",
        "Let's do a post about what Tom Daley's diving teaches us about core strength.",
        "Should we post introducing Marnie Solberg? She's our new podiatrist, just moved up from Hobart.",
        "We have a new yoga instructor, Priya Kettleborough, starting in May. Write a welcome post.",
        "Write a post for the charity walk; we start from Roberta Bondar Park at nine.",
    ],
)
def test_figures_colleagues_and_places_named_after_people_stay_readable(text):
    assert _masked(text, "NAME") == []


def test_a_language_before_interpreter_is_not_a_name_even_after_a_patient_cue():
    assert _masked("10:15 new pt, Tigrinya interpreter booked, please send the forms", "NAME") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ('Nachricht: "hallo, meine Mama (Gerda Vogt) kommt morgen nicht zum Termin"', "meine"),
        ('voice note: "haan ji, report kab tak milega?"', "haan"),
    ],
)
def test_possessives_and_replies_that_are_listed_names_are_not_masked(text, word):
    assert word not in _masked(text, "NAME")


def test_the_field_labels_of_a_pasted_report_are_not_speakers():
    text = "Explain this for the patient letter:\nPat.: BRANDT, Erika\nBefund: Plattenepithelkarzinom\nDx: SCC"
    found = _masked(text, "NAME")
    assert not {"Pat", "Pat.", "Befund", "Dx"} & set(found)


def test_a_date_and_time_stamp_in_an_export_is_not_a_phone():
    text = "Count these per clinician:\nref,slot,who\nA1,2025-06-02 14:00,KL\nA2,2025-06-02 14:30,MB"
    assert _masked(text, "PHONE") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Histology:\nPatient: PEMBERTON, Alice   Lab no: LX-204417\nResult: benign naevus", "PEMBERTON, Alice"),
        ("Report\nPATIENT: CALDWELL, Simon J   MRN: 55120934\nFindings: clear", "CALDWELL, Simon J"),
        ("Wednesday list:\n11:15 – THORNTON, M – scale and clean\n12:00 – lunch", "THORNTON, M"),
    ],
)
def test_surname_comma_given_after_a_label_or_in_a_schedule_row_is_one_masked_name(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The insurer refused the claim for K. Schofield, can you draft a general blog post on it?", "K. Schofield"),
        ("Friday:\n9:10 R. Wagner (review)\n9:40 Dr. Weiss admin", "R. Wagner"),
        ("Theatre list:\n1. P. Baker – phaco LE\n2. Dr. Rao – lunch", "P. Baker"),
    ],
)
def test_an_initial_and_a_surname_in_a_schedule_a_list_or_after_for_is_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("promemoria per sig.ra Galli, tessera sanit. 80380000700098765432, richiamare lunedì", "80380000700098765432"),
        ("Can you reply to this review? It's from Ann, chart #008812, she was unhappy with the wait.", "#008812"),
        ("Booking KVP-4410-M was double-booked, write an apology offering Monday.", "KVP-4410-M"),
    ],
)
def test_card_chart_and_booking_numbers_are_masked_whole(text, number):
    assert number in _masked(text, "RECORD_NUMBER")


def test_a_record_column_of_a_pipe_separated_export_is_masked():
    text = "Recall list:\nUHID | Name | Mobile\nKEH/2023/1187 | Sunita Pawar | 98220 55555"
    assert "KEH/2023/1187" in _masked(text, "RECORD_NUMBER")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Please post the results to Mrs Dunn, 14 Banksia Crt, Ashgrove QLD 4060, thanks.",
            "14 Banksia Crt, Ashgrove QLD 4060",
        ),
        (
            "Courier the frames to Mr. Patil, Flat C-1203, Sai Residency, Aundh, Pune 411007.",
            "Flat C-1203, Sai Residency, Aundh, Pune 411007",
        ),
    ],
)
def test_a_short_court_and_an_indian_flat_with_a_block_letter_are_addresses(text, address):
    assert address in _masked(text, "ADDRESS")


def test_a_record_label_glued_to_a_longer_code_is_no_label():
    found = _masked("codice fiscale MRNGPP75C12F205F del paziente, verifica nella fattura", "NATIONAL_ID")
    assert found == ["MRNGPP75C12F205F"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('SMS reply: "THIS IS DORIS PEMBERTON CAN I MOVE MY APPOINTMENT TO MONDAY"', "DORIS PEMBERTON"),
        ('Text from GRAHAM WHITLOCK: "WHAT TIME DO YOU OPEN ON SATURDAY"', "GRAHAM WHITLOCK"),
    ],
)
def test_a_name_in_capitals_introducing_the_writer_is_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Translate: "Hi, I\'m Niamh, I moved here from Cork, do you take new patients?"', "Niamh"),
        ('text from a bloke: "bro its Rua can u tell Sam my results r ok? call 0491 570 222"', "Rua"),
        ("Caption for little Ava's first cleaning (mum said yes) #TeamAva", "Ava"),
    ],
)
def test_a_writer_introducing_themselves_and_a_child_on_a_first_visit_are_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Reply to this: "Sorted my back in three visits. Legends." – Bazza from Toowong', "Bazza"),
        ('Reply to this Google review: "Great physio, parking is awful though" – Dylan R', "Dylan R"),
    ],
)
def test_a_review_signed_after_a_closing_quote_with_an_initial_or_a_place_is_masked(text, name):
    assert name in _masked(text, "NAME")


def test_german_im_is_no_self_introduction():
    assert _masked("Schreib einen Post zum Sonnenschutz im Sommer, gern mit Bezug auf den Urlaub im Schwarzwald.") == []
