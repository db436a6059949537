"""Classes of patient data and of wrong masks added after the twenty-second blind masking set (docs/privacy.md).

Found: a surname, a comma and a given name set off as one entry (an export's cell, brackets, quotes, a numbered
list, rows at the start of lines), a surname and a given name alone in a cell, an initial and a surname in a cell; a
nickname in quotes set off before a full name by a dash or a comma, and one before brackets that give the real name;
the town after a street before a dash or a closing quote; a lower-case surname the lists do not hold after a
lower-case given name and a cue.

Readable: two brands or a town and its region in brackets, a greeting before a dash; the author of a saying shared
as a quote (a patient's quoted words stay masked); an event's venue the clinic goes to (a patient's address stays
masked)."""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Front desk monitor in the reel shows 'Pemberton, Carys' next to the time. Can we still post it?",
            "Pemberton, Carys",
        ),
        ("Slot 3 | Adeyemi, Tunde | 0161 496 0555 | follow-up", "Adeyemi, Tunde"),
        ("Akte 2291-44 (Köhler, Ingrid) wurde erwähnt, wie antworten wir?", "Köhler, Ingrid"),
        ("Scans done today: 1) Farah Qureshi 2) Kulkarni, Vivek 3) Ian Moss", "Kulkarni, Vivek"),
        ("Biopsies back:\nPatel, Anjali — all clear\nMorrow, Keira — recheck in 3 months", "Morrow, Keira"),
        ("Orari: 11:00 | Greco Martina | controllo", "Greco Martina"),
        ("Tue 09:15 | K. Mbeki | physio review", "K. Mbeki"),
    ],
)
def test_a_surname_first_entry_is_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "We now offer two systems (Invisalign, Cerec) for same-week smiles",
        "Our two sites (Leeds, Yorkshire) open on Saturdays",
        "Morning, team — can you post the bank holiday hours?",
    ],
)
def test_brands_places_and_greetings_before_a_comma_stay_readable(text):
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    ("text", "nickname"),
    [
        ('The lads at the gym call him "Big Mick" — Michael Donnelly — can we share his rehab story?', "Big Mick"),
        ('Our long-time regular "Snowy", Kevin Whitfield, turns 80 this week; draft a birthday post?', "Snowy"),
        ('In reparto la chiamano "Titti", è Beatrice Colombo, possiamo fare gli auguri su Instagram?', "Titti"),
        (
            "A client we all call Flopsy (real name Philippa Ormerod) ran her first marathon, draft a shout-out",
            "Flopsy",
        ),
    ],
)
def test_a_nickname_set_off_beside_a_full_name_is_masked(text, nickname):
    assert nickname in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text",
    [
        'Quote for the newsletter: "Let food be thy medicine" — Edith Morland. Caption please',
        'Motivational quote for Friday: "It always seems impossible until it is done" — Thomas Pembury. Post idea?',
        'Quote for our reception screen: "Laughter is the best medicine" — is that really Samuel Harding? Caption?',
    ],
)
def test_the_author_of_a_quoted_saying_stays_readable(text):
    assert _masked(text, "NAME") == []


def test_a_patients_quoted_words_keep_their_writer_masked():
    text = 'Quote from a patient for the website: "Painless and quick" — Dorothy Fairbanks. Can we use it?'
    assert "Dorothy Fairbanks" in _masked(text, "NAME")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Referral: Ellie Marsh, 9 Curlew Crescent, Mandurah — itchy rash. Post idea?", "9 Curlew Crescent, Mandurah"),
        ('Postcard reads "Love from Ivy Dent, 27 Mill Lane, Otley". Can we share it?', "27 Mill Lane, Otley"),
    ],
)
def test_the_town_after_a_street_before_a_dash_or_a_closing_quote_is_masked(text, address):
    assert address in _masked(text, "ADDRESS")


def test_an_events_venue_stays_readable_and_a_patients_address_does_not():
    event = "We'll be at the spring health expo on Sunday, 48 Harbour Road, 9am-1pm. Write a post inviting people?"
    assert _masked(event, "ADDRESS") == []
    patient = "Patient Len Ward lives at 48 Harbour Road and asked about the expo"
    assert "48 Harbour Road" in _masked(patient, "ADDRESS")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("reply to a facebook comment from priya venkataraghavan, she says the wait was long", "priya venkataraghavan"),
        ("bitte antwort auf kommentar von jonas oberhuemer formulieren", "jonas oberhuemer"),
    ],
)
def test_a_lower_case_surname_the_lists_do_not_hold_is_masked_after_a_cue(text, name):
    assert name in _masked(text, "NAME")


def test_a_lower_case_given_name_after_a_cue_does_not_take_an_everyday_word():
    found = _masked("comment from maria about the prices", "NAME")
    assert found == ["maria"]
