"""Classes of patient data and of wrong masks added after the twenty-first blind masking set (docs/privacy.md).

Found: a nickname right before brackets that hold the full name, in any case and in quotes or not, and a lower-case
full name after such a nickname; two initials before a surname, after an opening quote too, and an initial and a
surname before a time in a list; a full name in a schedule's row in lower case, surname first or with several given
names and a particle; a surname-first name after a label and before a record number; a lower-case surname after
German "familie"; a street ending in an everyday place word ("Mount") before a town, and the town after a street.

Readable: a role before brackets, the clinic's own staff and their nicknames; abbreviations of two initials ("U.S.
Army"), "St. John" before a time; a colleague's birthday in a message asking for a team post, and a month's name
after a day's number ("am 21. Mai Geburtstag"); Hindi "Kya"."""

from __future__ import annotations

import pytest

from assistant.profile import ClinicProfile
from tests.masking import masked as _masked


@pytest.mark.parametrize(
    ("text", "nickname"),
    [
        ("Little Sam (Samuel Okafor) finished his braces today, post something fun", "Little Sam"),
        ("'Bubbles' (Beatrice Hollander) left us five stars and says we can mention her", "Bubbles"),
        ("Mon list:\n9:40 gazza (Gary Pemberton) - recall\n10:00 lunch", "gazza"),
        ("fb post please thanking meenu aunty (meenakshi kulkarni) for the laddoos", "meenu"),
    ],
)
def test_a_nickname_before_brackets_holding_the_full_name_is_masked(text, nickname):
    assert nickname in _masked(text, "NAME")


def test_a_lower_case_full_name_after_a_nickname_is_masked_and_the_courtesy_word_stays():
    found = _masked("fb post please thanking meenu aunty (meenakshi kulkarni) for the laddoos", "NAME")
    assert "meenakshi kulkarni" in found
    assert not any("aunty" in f for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "Please thank our hygienist (Priya Shah) for covering Saturday",
        "Explain tooth decay (dental caries) for the kids' page",
        "Ob wir Hausbesuche machen (machen wir nicht), fragt sie",
    ],
)
def test_a_role_or_words_before_brackets_stay_readable(text):
    found = " ".join(_masked(text, "NAME"))
    assert "hygienist" not in found and "decay" not in found and "machen" not in found


def test_the_clinics_own_staff_and_nickname_stay_readable():
    clinic = ClinicProfile(name="Harbour Dental", staff=["Joanna Reeve"])
    assert _masked("Jojo (Joanna Reeve) is off on Friday, post a cover note", "NAME", clinic) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Reword this: 'Thanks to our patient A.J. Wolstenholme for the charity swim'", "A.J. Wolstenholme"),
        ("Card signed 'T.R. Hollingsworth'. Can we share it?", "T.R. Hollingsworth"),
        ("Feedback from 'P. K. Raghunathan, retired engineer', can we post it?", "P. K. Raghunathan"),
        ("Mach eine Story daraus: 'S. Richter 9:30 Botox, L. Nguyen 10:00 Filler'", "L. Nguyen"),
    ],
)
def test_initials_before_a_surname_are_masked(text, name):
    assert name in _masked(text, "NAME")


def test_abbreviations_and_the_clinics_doctor_stay_readable():
    clinic = ClinicProfile(name="Holt Family Practice", staff=["Dr. J. Holt"])
    text = "Dr. J. Holt served in the U.S. Army; meet at St. John at 10 a.m., e.g. for the veterans' post"
    assert _masked(text, "NAME", clinic) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Domani:\n8:15 bianchi luca - controllo\n9:00 pausa", "bianchi luca"),
        ("Liste:\n11:20 kaya, mehmet - Füllung\n12:00 Mittag", "kaya, mehmet"),
        ("Agenda:\n12:00 Maria Grazia Di Stefano - sbiancamento\n13:00 pausa", "Maria Grazia Di Stefano"),
        ("Promemoria dal gestionale: Neri Carla, n. pratica 77120, chiede un preventivo", "Neri Carla"),
        ("bitte einen post für familie johannsen, die kuchen vorbeigebracht hat", "johannsen"),
    ],
)
def test_names_in_schedule_rows_before_numbers_and_after_familie_are_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday:\n9:00 team meeting - room 2\n10:00 new patient - consult\n12:30 Lunch Break - kitchen",
        "Un post sulla famiglia felice e la famiglia numerosa",
    ],
)
def test_tasks_in_schedule_rows_and_italian_adjectives_stay_readable(text):
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("The card goes to Mr Dunmore at 7 Chapel Mount, Harrogate. Draft a note?", "7 Chapel Mount, Harrogate"),
        ("Le gagnant habite 88 rue Saint-Laurent, Longueuil. Rédige l'annonce", "88 rue Saint-Laurent, Longueuil"),
    ],
)
def test_a_street_before_its_town_is_masked_with_the_town(text, address):
    assert address in _masked(text, "ADDRESS")


def test_a_place_word_with_no_house_number_stays_readable():
    assert _masked("We hiked up Snowdon Hill, Wales was lovely. Post a team photo?", "ADDRESS") == []


@pytest.mark.parametrize(
    "text",
    [
        "Priya Nair's birthday is 14 July and she turns 31, team post please!",
        "Rahul Verma ka birthday 5 October ko hai, team post bana do",
        "Unsere Kollegin Sina hat am 21. Mai Geburtstag und wird 30. Mach einen Team-Post!",
    ],
)
def test_a_colleagues_birthday_for_a_team_post_stays_readable(text):
    found = _masked(text)
    assert not any(f in ("14 July", "5 October", "21. Mai") for f in found)
    assert not any("Mai" in f or "Geburtstag" in f for f in _masked(text, "NAME"))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Our patient Mrs Hale's birthday is 3 March, she turns 90. Can you write a team post?", "3 March"),
        ("Eddie's birthday is 3 March, can we send him a card?", "3 March"),
    ],
)
def test_a_patients_birthday_stays_masked(text, date):
    assert date in _masked(text, "DATE_OF_BIRTH")


def test_hindi_kya_stays_readable():
    text = (
        "Patient Mr. Suresh Pillai ne PAN card WhatsApp pe bheja for the claim. "
        "He wants a thank-you post on FB. Kya karna chahiye?"
    )
    assert "Kya" not in _masked(text, "NAME")
