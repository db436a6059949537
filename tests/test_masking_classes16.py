"""Classes of patient data and of wrong masks added after the sixteenth blind masking set (docs/privacy.md): a
chat export's writer signing with an emoji, "Fr."/"Hr." before a surname, a title before initials, a name before a
birth-date label; and readable: colleagues with postnominals, in brackets as locums or welcomed in Italian, doctors
a letter is addressed to or signed by, places to park or meet, a fee schedule's item number, a made-up name with a
title, a practice as a chat's speaker."""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("[2/7/24, 4:05 pm] Shaz 🌺: is the spot meant to scab?\n[2/7/24, 4:31 pm] Liam: Hi, thanks!", "Shaz"),
        ('Das Labor hat angerufen: "Histo Fr. Zeller, Eingangsnr. H24-08817, Schnittränder frei"', "Zeller"),
        ("Hr. Maier kommt um 10 zur Kontrolle", "Maier"),
        ("Claim ref BUPA-77310492, patient is Mr A. Lindqvist, email on file", "A. Lindqvist"),
        ('I wrote down: "Okonjo, Chidi DOB 1982-06-14 K+ 6.1 - repeat stat"', "Okonjo, Chidi"),
    ],
)
def test_patients_named_by_a_chat_label_a_short_title_initials_or_a_birth_date_label(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Welcome post pls: Sophie Leblanc, RN, is joining us from CHEO next Monday, she'll run the well-baby clinic",
        "Benvenuta a Federica Sala, la nostra nuova igienista! Scrivi un post di presentazione",
        "staff chat: Dr. Aiden Park (locum) is covering Friday",
        "Ab Montag ist Dr. Felix Brandt als Vertretung da, bitte einen Vorstellungspost",
        "Dr. Samantha Greer from Lone Star Orthodontics wants to do a joint IG Live in April",
        "Mit kollegialen Grüßen, Dr. med. Stefan Vogt, Facharzt für Allgemeinmedizin",
        "Un caro saluto, Dott.ssa Elena Marchi",
        "Consultant: Mr P. Ashworth\nProcedure: ORIF R distal radius",
        "Team is meeting at the corner of Queen St and Albert St at 5:30am for the fun run",
        "Couldn't find parking, ended up in the Trinity Leeds car park. Physio was brilliant though.",
        "make up a sample Google review from a fictional 'Mr. Sharma' so we can train reception",
        "Post for the festa di San Petronio con una citazione di Lucio Dalla?",
        "Öffnungszeiten Mo-Fr. Bitte vorher anrufen",
    ],
)
def test_colleagues_letters_between_doctors_places_and_made_up_names_stay_readable(text):
    assert _masked(text, "NAME") == []


def test_a_fee_items_number_is_not_a_record_number():
    text = "patient email aroha.ngata@bigpond.com, item 30071 was billed twice by mistake"
    assert _masked(text, "RECORD_NUMBER") == []


def test_a_letter_to_a_colleague_masks_the_patient_it_names_and_not_the_colleague():
    text = '"Sehr geehrte Frau Kollegin Weber, ich überweise Frau Ingrid Haas wegen eines Naevus"'
    assert _masked(text, "NAME") == ["Ingrid Haas"]


def test_a_practice_speaking_in_a_chat_log_is_not_a_name_and_the_patient_beside_it_is():
    text = "[9:14] Birdie 🐦: hi is dr tremblay in today\n[9:15] Maple FP: She is! Need an appt?\n[9:16] Birdie 🐦: yes"
    names = _masked(text, "NAME")
    assert "Birdie" in names and not any("Maple" in n for n in names)
