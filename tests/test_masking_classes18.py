"""Classes of patient data and of wrong masks added after the eighteenth blind masking set (docs/privacy.md): a name
in capitals after a cue with no label colon, "Surname, Given" in an export's cell or after a new patient's label, a
patient's given name inside a hashtag, a name spelled out letter by letter, a caller introducing themselves with a
word after the greeting, a grandchild or a little one named in Italian or German, a name before a Marathi or Tamil
courtesy word; and readable: a date and time stamp, a disease named after a physician, a society named after a
country, Italian professional titles, and public figures that read as a patient's name."""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("MSG FROM RECEPTION: PT DEREK HOLLOWAY DOB 02/02/1970 WANTS A CALL BACK", "DEREK HOLLOWAY"),
        ("THEY MADE MY SON CALEB WAIT AN HOUR AND NOBODY CARED", "CALEB"),
        ("Paziente nuova: FERRI GIULIA, tel 333 1234567, scrivi un messaggio di benvenuto", "FERRI GIULIA"),
    ],
)
def test_a_name_in_capitals_after_a_cue_is_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("| CL-2231 | Abernathy, Colin | 07700 900111 | 6 visits |", "Abernathy, Colin"),
        ("Neuer Patient: Schröder, Lukas, geb. 04.11.1983, bitte Willkommensmail", "Schröder, Lukas"),
    ],
)
def test_surname_comma_given_in_a_cell_or_after_a_label_is_one_masked_name(text, name):
    assert name in _masked(text, "NAME")


def test_a_patients_given_name_inside_a_hashtag_is_masked_and_places_and_feasts_are_not():
    found = _masked("caption: 'Braces off day! #SmileMadison #AustinTX #ChristmasEve #TeamBrightside'", "NAME")
    assert found == ["Madison"]


def test_a_name_spelled_out_letter_by_letter_is_masked():
    assert "O-K-A-F-O-R" in _masked("voicemail: it's Ngozi Okafor, O-K-A-F-O-R, about my filling", "NAME")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("DM: 'hey mate its Gazza lol, can i book in for friday'", "Gazza"),
        ("nonno Beppe è venuto con il nipote Matteo, scrivi un post tenero", "Matteo"),
        ("Anruf: hier ist die Oma vom kleinen Finn, wegen des Termins", "Finn"),
        ("Translate: 'Namaste Sunita tai, your report is ready'", "Sunita"),
    ],
)
def test_a_name_after_a_greeting_a_relative_or_before_a_courtesy_word_is_masked(text, name):
    assert any(name in found for found in _masked(text, "NAME"))


@pytest.mark.parametrize(
    "text",
    [
        "Schreib einen kurzen Post, was Morbus Paget ist, für Facebook.",
        "Caption for our doctor's talk at the All India Ophthalmological Society meeting in Pune",
        "Write a fun post: Tom Cruise wore braces as an adult, it's never too late!",
        "Post simpatico: anche Valentino Rossi si mette la protezione solare!",
    ],
)
def test_stamps_eponyms_societies_and_public_figures_stay_readable(text):
    assert _masked(text) == []


def test_a_date_with_a_time_after_it_is_a_stamp_not_a_birth():
    text = "Google Form response:\nTimestamp: 05/06/2025 10:02:11\nFull name: Rhea Kapoor\nFeedback: great"
    assert _masked(text) == ["Rhea Kapoor"]


def test_an_italian_lawyers_title_is_not_masked_with_his_name():
    assert _masked("Cordiali saluti, Avv. Carlo Benedetti", "NAME") == ["Carlo Benedetti"]


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Reply to this please: 'Lovely staff but parking is awful. — D.M., Headingley'", "D.M."),
        ('REPLY PLS: "NOBODY CALLED ME BACK ABOUT MY SCAN" -T. OKORO', "T. OKORO"),
    ],
)
def test_initials_that_sign_a_review_after_a_dash_are_masked(text, initials):
    assert initials in _masked(text, "NAME")


def test_letters_after_a_dash_that_follows_no_sentence_are_not_a_signature():
    assert _masked("see section 4 - U.K. rules apply") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("caption celebrating maisie's last day of braces, mum said ok", "maisie"),
        ("story for oscar's new glasses, he picked red frames", "oscar"),
    ],
)
def test_a_given_name_before_glasses_or_the_last_day_of_treatment_is_masked(text, name):
    assert name in _masked(text, "NAME")
