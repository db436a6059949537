"""Classes of patient data left over after the eighteenth and nineteenth blind masking sets, now found (round 29,
docs/privacy.md). Each test uses its own wording of the class, not the sets' messages.

Found: the rows of a markdown table under a name or national-identifier column; a number that passes a national
scheme's check in a message that names the scheme ("NHS no ... ref 401 ..."); an address after a lower-case Italian
or French street word when a postcode follows; a phone number after the town of an address (no longer read as a
postcode); a file named by initials and a birth date; a birthday given by the age a person turns on it; initials
after Italian "pz"; a name in brackets after a record
number; a listed surname alone in a schedule's row; a family's surname in the plural; a given name owning an
"appt" or a "booking"."""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


def test_markdown_table_rows_are_masked_under_their_columns():
    text = (
        "| # | Patient | Age | Aadhaar |\n"
        "| :--- | :--- | ---: | --- |\n"
        "| 1 | Shobha Deshmukh | 58 | 5521 3390 8804 |\n"
        "| 2 | Vitthal Gaikwad | 61 | 7719 6612 0843 |\n\n"
        "please turn this into a poster for the diabetes camp, no names"
    )
    assert _masked(text, "NAME") == ["Shobha Deshmukh", "Vitthal Gaikwad"]
    assert _masked(text, "NATIONAL_ID") == ["5521 3390 8804", "7719 6612 0843"]


def test_a_markdown_table_of_prices_masks_nothing():
    assert _masked("| Treatment | Price |\n|---|---|\n| Scale and clean | $120 |\n| Whitening | $450 |") == []


def test_a_number_passing_the_scheme_check_is_masked_where_the_message_names_the_scheme():
    text = (
        "Our letters are filed under the NHS no.\nCould you write to the patient (ref 943 476 5919) about the recall?"
    )
    assert _masked(text, "NATIONAL_ID") == ["943 476 5919"]
    assert _masked("Order reference 943 476 5919 arrived late, write a note to the supplier", "NATIONAL_ID") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Spedisci la fattura a Carla Neri, via dei Mille 14, 00185 Roma, grazie", "via dei Mille 14, 00185 Roma"),
        ("Please post the quote to rue de la Paix 12, 75002 Paris for Mme Dubois", "rue de la Paix 12, 75002 Paris"),
    ],
)
def test_a_lower_case_street_word_with_a_postcode_after_it_is_an_address(text, address):
    assert address in _masked(text, "ADDRESS")


def test_a_lower_case_via_with_no_postcode_is_left():
    assert _masked("we drove via Milano 2 hours, then wrote the post", "ADDRESS") == []


def test_a_phone_after_the_town_of_a_signature_address_is_a_phone():
    text = "'Cordiali saluti, Anna Riva, Via Indipendenza 4, Bologna, 051 224 6610' - rispondi gentilmente"
    assert _masked(text, "PHONE") == ["051 224 6610"]
    assert _masked(text, "ADDRESS") == ["Via Indipendenza 4, Bologna"]


def test_a_file_named_by_initials_and_a_birth_date():
    found = _masked("The photo KM_19790315_rash.jpg is ready for the post, write a caption without the file name")
    assert found == ["KM", "19790315"]


def test_a_recent_photo_file_name_is_left():
    assert _masked("the file IMG_20240312_1422.jpg is blurry, and so is TK_20250101_scan.jpg") == []


def test_a_birthday_given_by_the_age_a_person_turns():
    assert _masked("Card for our patient Mr Doyle, who turns 90 on the 3rd of May!", "DATE_OF_BIRTH") == ["3rd of May"]


def test_a_clinic_anniversary_is_no_birthday():
    assert _masked("Our practice turns 25 on 14 June, she says we should celebrate with a post") == []


def test_initials_after_italian_pz():
    assert _masked("la pz R.T. chiede se può lasciare una recensione", "NAME") == ["R.T."]
    assert _masked("ordinati 3 pz di spazzolini per la sala") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Invoice for chart 20931 (Okafor) bounced, write a polite reminder", "Okafor"),
        ("Booking ABC-2231-X (Ade) was double booked, write an apology", "Ade"),
    ],
)
def test_a_name_in_brackets_after_a_record_number(text, name):
    assert name in _masked(text, "NAME")


def test_a_weekday_or_a_language_in_brackets_after_a_record_number_is_left():
    assert _masked("chart 00412 (Mon) moved; MRN 448120 (Hindi) interpreter booked", "NAME") == []


def test_a_listed_surname_alone_in_a_schedule_row():
    text = "Tomorrow: 8:40 new pt, 9:20 nakamura – recall, 10:00 lunch – team.\n10:45 – KOWALCZYK – prophy"
    assert _masked(text, "NAME") == ["nakamura", "KOWALCZYK"]


def test_a_task_or_brand_alone_in_a_schedule_row_is_left():
    assert _masked("Tuesday:\n11:00 – ADMIN – rooms\n12:00 – CEREC – mill\n13:00 – LUNCH – all", "NAME") == []


def test_a_family_surname_in_the_plural():
    assert _masked("EOD notes:\n- the Okonkwos want flu shots for all 3 kids", "NAME") == ["Okonkwos"]
    assert _masked("like the Simpsons episode about the dentist; the Zeiss machine is new", "NAME") == []


def test_a_given_name_owning_an_appt_in_a_chat_line():
    text = "[03/05, 10:01] Rita Moss: hiya can we move Callum's appt to friday?"
    assert "Callum" in _masked(text, "NAME")
