"""Patient identifiers other than names are masked whole (addresses, record numbers, national numbers, dates of
birth, phones), while the clinic's own details and everyday numbers stay readable."""

from __future__ import annotations

import pytest

from assistant.errors import KnowledgeError
from assistant.guardrails.identifiers import kvnr_valid, nino_valid, pan_valid, tfn_valid
from assistant.guardrails.phi import detect_phi, mask_phi
from assistant.knowledge.base import validate
from assistant.knowledge.schemas.guardrails import PatientData
from assistant.profile import ClinicProfile

LEEDS = ClinicProfile(
    name="Harbour Lane Physiotherapy",
    country="GB",
    city="Leeds",
    phone="0113 496 0321",
    address="22 Wellington Street, Leeds LS1 4DL",
    booking_url="https://www.harbourlane.co.uk/book",
    staff=["Sarah Thompson", "Dr James Okafor"],
)


def found(text: str, clinic: ClinicProfile | None = None) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in detect_phi(text, clinic=clinic)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "The card we mailed to 4417 Bluebonnet Ln, Austin, TX 78745 came back",
            "4417 Bluebonnet Ln, Austin, TX 78745",
        ),
        ("He lives at 7 Elm Grove, Bristol BS8 1AA and wants a call", "7 Elm Grove, Bristol BS8 1AA"),
        ("posted to 14/3 Collins Street, Melbourne VIC 3000, reply pls", "14/3 Collins Street, Melbourne VIC 3000"),
        (
            "sent to 305 Bank Street, Apt 12, Ottawa, ON K2P 1X8. He is upset",
            "305 Bank Street, Apt 12, Ottawa, ON K2P 1X8",
        ),
        ("Mailing address: 1600 Amber Ave, Apt 3B, Denver, CO 80203", "1600 Amber Ave, Apt 3B, Denver, CO 80203"),
    ],
)
def test_an_address_is_masked_with_its_flat_town_region_and_postcode(text, address):
    assert ("ADDRESS", address) in found(text)
    assert address not in mask_phi(text).text


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("abita in Via Garibaldi 7, 20121 Milano e chiede", "Via Garibaldi 7, 20121 Milano"),
        ("Adresse: Hauptstraße 5, 10115 Berlin, bitte", "Hauptstraße 5, 10115 Berlin"),
        ("wohnt in der Lindenallee 12a, 50968 Köln seit Mai", "Lindenallee 12a, 50968 Köln"),
        # A German town's name goes on after a small word; an Italian street typed in lower case with a particle.
        ("Post an Kaiserstraße 5, 60311 Frankfurt am Main. Danke", "Kaiserstraße 5, 60311 Frankfurt am Main"),
        ("abita in via dei Mille 23, 80121 Napoli e chiede", "via dei Mille 23, 80121 Napoli"),
    ],
)
def test_a_postcode_written_before_the_town_is_part_of_the_address(text, address):
    assert ("ADDRESS", address) in found(text)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "H.No. 12-5-34, Vijay Nagar, Hyderabad 500057 sent a complaint",
            "H.No. 12-5-34, Vijay Nagar, Hyderabad 500057",
        ),
        ("Flat 2, 14 Kirkstall Road needs the letter", "Flat 2, 14 Kirkstall Road"),
    ],
)
def test_an_address_that_starts_with_a_flat_or_house_number_is_masked(text, address):
    assert ("ADDRESS", address) in found(text)


def test_a_year_before_a_name_is_not_taken_for_a_house_number():
    assert found("Since the 2025 Federal Court ruling, fillers are not advertised.") == []
    assert ("ADDRESS", "2025 Federal Court, Austin, TX 78745") in found("lives at 2025 Federal Court, Austin, TX 78745")


def test_an_address_after_a_cue_is_masked_even_without_a_street_word():
    text = "she lives at Rose Cottage, Mill Hill, Little Snoring NR21 0AA."
    assert ("ADDRESS", "Rose Cottage, Mill Hill, Little Snoring NR21 0AA") in found(text)
    assert found("we moved to Leeds, 2024 was busy") == []  # a town and a year are not an address


def test_the_clinics_own_address_stays_readable_however_it_is_written_but_a_neighbours_does_not():
    for text in ("Visit 22 Wellington Street, LS1 4DL", "our address 22 Wellington Street, Leeds LS1 4DL?"):
        assert found(text, LEEDS) == []
    assert found("she lives at 14 Wellington Street, Leeds LS1 4DL", LEEDS) == [
        ("ADDRESS", "14 Wellington Street, Leeds LS1 4DL")
    ]


def test_the_clinics_own_email_stays_readable_but_a_patients_is_masked():
    text = "Write to hello@harbourlane.co.uk, not to jo.bloggs@gmail.com"
    assert found(text, LEEDS) == [("EMAIL", "jo.bloggs@gmail.com")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Chart #BD-20417 — patient complained", "#BD-20417"),  # the number sign goes with it
        ("chart MFP-77310 wants us to stop tagging him", "MFP-77310"),
        ("patient ref HLP-00731 wants a copy", "HLP-00731"),
        ("pt no. 55821 wants his x-ray", "55821"),
        ("MRD no. SEC/2024/08817, her son called", "SEC/2024/08817"),
        ("La cartella n. 2023/0457 è della paziente", "2023/0457"),
        ("Patientennummer 118904 beschwert sich", "118904"),
        ("case no. 2024/117 was closed", "2024/117"),
        ("UHID 2210045 sent on WhatsApp", "2210045"),
    ],
)
def test_a_record_number_after_its_label_is_masked(text, value):
    assert ("RECORD_NUMBER", value) in found(text)


def test_a_record_code_is_masked_without_a_label_unless_it_names_a_standard_or_a_year():
    assert ("RECORD_NUMBER", "MFP-77310") in found("MFP-77310 / Derek Sauvé wants us to stop tagging him")
    assert found("We are ISO-27001 certified; the FY-2024 budget and COVID-19 posts are ready.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4471923 needs a recall, can we text her?", "4471923"),
        ("re: #30112 - that's Ximena Ortiz's account, she wants a refund", "30112"),
        ("Ref 44190, Ngaire Whitehead, asked for her x-rays", "44190"),
        ("Tom Baker 00482213 wants his notes", "00482213"),
    ],
)
def test_a_plain_number_in_a_message_about_a_patient_is_a_record_number(text, value):
    assert ("RECORD_NUMBER", value) in found(text)


def test_record_digits_in_groups_are_masked_whole_after_their_label():
    assert ("RECORD_NUMBER", "RR8 442 190") in found("pt Chen Wei (hospital no. RR8 442 190) is asking why")


@pytest.mark.parametrize(
    "text",
    [
        "We hit 15000 followers, our patients love the reels!",
        "Patients who walk 10000 steps a day recover faster: a caption?",
        "A patient paid $25000 for implants at a chain, how do we compare?",
        "Over 12000 patients treated since 1998: write a post",
        "Post the 20250314 appointment update for patients",
        "Write a reel script: 50000 views in a week without ads",
    ],
)
def test_amounts_dates_and_numbers_in_ordinary_messages_are_not_record_numbers(text):
    assert [k for k, _ in found(text) if k == "RECORD_NUMBER"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Record 1500 steps a day, then 3000 after week 2.",
        "In case 2024 was hard, here are 10 tips.",
        "Our records 2019-2024 show a 95% satisfaction rate.",
        "The chart 100% shows growth; file 3 posts a week.",
    ],
)
def test_everyday_numbers_after_record_words_are_left_alone(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Henrike Lange (geb. 17.02.1988) möchte", "17.02.1988"),
        ("geboren am 12. Mai 1978 in Köln", "12. Mai 1978"),
        ("nata il 3 aprile 1950 a Bologna", "3 aprile 1950"),
        ("Geburtsdatum: 01.02.1990", "01.02.1990"),
        ("née le 5 mars 1962", "5 mars 1962"),
    ],
)
def test_dates_of_birth_are_found_after_cues_in_the_supported_languages(text, value):
    assert ("DATE_OF_BIRTH", value) in found(text)


def test_a_number_right_after_a_phone_cue_is_masked_even_when_no_region_accepts_it():
    assert ("PHONE", "9881 204 776") in found("Patient D'Souza, ph 9881 204 776, wants WhatsApp")
    assert ("PHONE", "+91 98220 41537") in found("Her father called from +91 98220 41537 today")
    assert found("Lines open at 8; reminders go out at 10:30.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Die Versichertennummer K837104962 steht im Kommentar", "K837104962"),
        ("die Karte A123456780 lag offen", "A123456780"),  # no cue, but the KVNR check digit is right
        ("her OHIP number 4527-319-856-KT was in the DM", "4527-319-856-KT"),
        ("health card 8271-406-395-PB is visible", "8271-406-395-PB"),
        ("Mr. Shinde ne PAN BKQPS4821M DM kiya", "BKQPS4821M"),
        ("the form showed ABCPE1234F in the corner", "ABCPE1234F"),  # no cue: a valid PAN shape
        ("NI number AB 12 34 56 C on the letter", "AB 12 34 56 C"),
        ("TFN 123 456 782 on the form", "123 456 782"),
        ("RAMQ TREM 8501 1234 sur la photo", "TREM 8501 1234"),
    ],
)
def test_national_numbers_added_for_the_supported_countries_are_masked(text, value):
    assert ("NATIONAL_ID", value) in found(text)


def test_new_identifier_checks_accept_valid_numbers_and_reject_others():
    assert kvnr_valid("A123456780") and not kvnr_valid("A123456781")
    assert pan_valid("ABCPE1234F") and not pan_valid("ABCDE1234F")  # E is not a holder type
    assert nino_valid("AB123456C") and not nino_valid("GB123456C")  # GB is never issued
    assert tfn_valid("123456782") and not tfn_valid("123456789")
    assert found("Codes A123456781 and ABCDE1234F and GB 12 34 56 C") == []


@pytest.mark.parametrize(
    "text",
    [
        "Whitening is £250, Invisalign from £3,500; book by 31/12/2026.",
        "Appointments on 03/04/2026 at 10:30 are full; we saw 1,240 patients in 2025.",
        "Take 500 mg paracetamol every 4-6 hours, max 4 g a day.",
        "Flyers for LS1 and LS2 residents, postcode area LS6.",
        "Call us on 0113 496 0321 to book, lines open 8:00-18:00.",
        "Top 10 Ways to Stay Active, 5 Star Reviews Week, 3 Simple Steps.",
        "Room 3 is closed, Unit 4 of the course covers posture.",
        "Born in 1985? You are due a health check this year.",
        "Our clinic at 22 Wellington St, Leeds is open 9-5.",
    ],
)
def test_the_clinics_details_prices_times_doses_and_areas_are_not_masked(text):
    assert found(text, LEEDS) == []


def test_a_broken_patient_data_file_fails_with_a_clear_error():
    data = {
        "addresses": {
            "unit_words": ["Flat"],
            "cues": ["lives at"],
            "regions": ["TX"],
            "postcodes": ["\\d{5}"],
            "postcode_before_town": "\\d{5}",
        },
        "records": {"cues": ["mrn"], "value": "\\d+", "min_digits": 3, "weak_min_digits": 5},
        "births": {"cues": ["dob"], "months": ["jan"] * 12},
        "phones": {"regions": ["GB", "india"], "cues": ["tel"]},
    }
    with pytest.raises(KnowledgeError, match="two-letter country codes"):
        validate(PatientData, data, "data/patient_data.yaml")
