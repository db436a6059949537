"""Classes of patient data and of wrong masks added after the twenty-seventh blind masking set (docs/privacy.md).

Found: a phone number read out digit by digit, a name in a form's field with its words two spaces apart, a date of
birth with the year first and spaced parts, an insurer's letters before a member number, a parent named in Urdu
after a Hindi possessive, a surname-first name in a printed schedule's column or after a calendar entry's dash.
Readable: a child's word for a parent, a staff member written as an initial and a surname, another clinician with a
fellowship and no comma or with their unit, the venue of a talk past a German date, a calendar entry's location.
"""

from __future__ import annotations

import pytest

from assistant.profile import ClinicProfile
from tests.masking import masked as _masked


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (
            "VM 9:05: 'hi, ring me back on oh-seven-seven-double-oh, nine-one-two, three-four-eight, cheers'. Reply?",
            "oh-seven-seven-double-oh, nine-one-two, three-four-eight",
        ),
        (
            "Nachricht: bitte zurückrufen, null-eins-sieben-zwei, vier-vier-acht, neun-drei-eins-sechs. Danke!",
            "null-eins-sieben-zwei, vier-vier-acht, neun-drei-eins-sechs",
        ),
        (
            "Segreteria: 'richiamatemi al tre quattro sette, due due uno, otto nove zero cinque'. Risposta gentile?",
            "tre quattro sette, due due uno, otto nove zero cinque",
        ),
    ],
)
def test_a_phone_number_read_out_digit_by_digit_is_masked(text, number):
    assert number in _masked(text, "PHONE")


@pytest.mark.parametrize(
    "text",
    [
        "New Year's reel: count down nine, eight, seven, six, five, four, three, two, one - then the confetti!",
        "Caption for the kids' corner: one, two, three, four, five, six, seven, brush your teeth to heaven!",
    ],
)
def test_a_count_said_in_words_stays_readable(text):
    assert _masked(text, "PHONE") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pt:   Okonkwo,  Adaeze\nDOB -  1987 / 04 / 11\n\nShe wants to be in our reel. Draft?", "Okonkwo,  Adaeze"),
        ("Paziente:  FONTANA Ludovica     tel. in cartella\n\nChiede un post per ringraziarci.", "FONTANA Ludovica"),
        ("Scan:\nPt:  Hargreaves  Wilfred   /  seen 3 May\n\nWrite a thank-you card for him?", "Hargreaves  Wilfred"),
        (
            "Patient:   HOLLOWAY,  Bernadette J.\nIns: Aetna\n\nShe'd like a shout-out on FB.",
            "HOLLOWAY,  Bernadette J.",
        ),
    ],
)
def test_a_name_in_a_forms_field_with_wide_spaces_is_masked_whole(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Modulo nuovo:\nPaziente:  Prima  Visita   /  gratuita\nPost?", "Prima  Visita"),
        ("Form header:\nClient:  Walk  In   /  no booking\nPost the layout?", "Walk  In"),
    ],
)
def test_a_forms_field_of_everyday_words_is_not_read_as_a_name(text, words):
    assert words not in _masked(text, "NAME")


def test_a_date_of_birth_with_the_year_first_and_spaced_parts_is_masked():
    assert "1987 / 04 / 11" in _masked("Pt file\nDOB -  1987 / 04 / 11\nPost about her recovery?", "DATE_OF_BIRTH")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Privatpatient Herr Lindner, Versicherungsnr. HUK 5520-118-43, will eine Bewertung schreiben.", "5520-118-43"),
        ("Ins ID:  QRT 551 208 77\nShe asked about our new whitening offer.", "QRT 551 208 77"),
    ],
)
def test_an_insurers_letters_before_a_member_number_are_masked_with_it(text, number):
    assert any(number in m for m in _masked(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("mere abbu Tariq ka BP check kal hai, unke liye reminder likh do", "Tariq"),
        ("hamare abbu Shafiq ka follow-up hai, WhatsApp message draft karo", "Shafiq"),
    ],
)
def test_a_parent_named_in_urdu_after_a_hindi_possessive_is_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Little Aarav's braces are off! Mummy wants a before-and-after post. Draft?", "Mummy"),
        ("Baby Leo's first check-up went great, Mommy asked for the photo. Caption?", "Mommy"),
    ],
)
def test_a_childs_word_for_a_parent_is_no_name(text, word):
    assert word not in _masked(text, "NAME")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Di 10:00  Dr. Weber  Kontrolle   Hoffmann, Greta\nDi 10:30  Becker  Telefon\nFoto posten?",
            "Hoffmann, Greta",
        ),
        ("11:00   Dr Mehta   Kulkarni, R.\n11:20   Dr Mehta   --\nBoard photo ok?", "Kulkarni, R."),
        ("10:00  Ferrara  Controllo    GALLI M.  (richiamare)\nPosso postarlo?", "GALLI M."),
        ("SUMMARY:Hygiene recall - Ostrowski, Pawel\nDTSTART:20250601T100000\nPost about recalls?", "Ostrowski, Pawel"),
    ],
)
def test_a_surname_first_name_in_a_schedules_column_is_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Room plan:\n09:00  Room  Sala, B\nVitamin reminder  Take  Vitamin D.\nPost the plan?",
        "Clinic days:  Paris, France\nPost about our partner clinic?",
    ],
)
def test_a_schedules_rooms_and_places_stay_readable(text):
    assert _masked(text, "NAME") == []


def test_a_titled_clinician_does_not_run_into_the_next_column():
    clinic = ClinicProfile(name="Hautarztpraxis am Markt", city="Freiburg", staff=["Dr. Anna Weber", "Jonas Becker"])
    text = "Mo 08:30  Dr. Weber  Kontrolle  Hoffmann, Greta\n(Foto vom Plan) posten?"
    assert _masked(text, "NAME", clinic=clinic) == ["Hoffmann, Greta"]


def test_a_staff_member_written_as_an_initial_and_a_surname_stays_readable():
    clinic = ClinicProfile(name="Harbour Lane Physiotherapy", city="Leeds", staff=["Sarah Thompson", "Dr James Okafor"])
    text = "Wed 14:00   S. Thompson   R. Bakshi   hip rehab\nWed 15:00   J. Okafor   -- admin --\nPhoto ok?"
    assert _masked(text, "NAME", clinic=clinic) == ["R. Bakshi"]


@pytest.mark.parametrize(
    "text",
    [
        "A letter came from Mr Desmond Achterberg FRCS (Orth), inviting our team to a sports-injury evening. Post it?",
        "We were invited by Dr. Ines Valcourt-Ribeiro, Department of Dermatology, to a skin-cancer panel. LinkedIn?",
    ],
)
def test_another_clinician_with_a_fellowship_or_a_unit_stays_readable(text):
    assert _masked(text, "NAME") == []


def test_a_patient_named_before_a_condition_without_a_comma_stays_masked():
    assert "Joanne Pellow" in _masked("My patient Joanne Pellow MS flare again, draft a caring message", "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Event-Post: Vortrag zur Rückengesundheit am 3. Oktober um 18 Uhr im Bürgerhaus Wiehre, Talstraße 12. Bitte!",
        "BEGIN:VEVENT\nSUMMARY:Staff first-aid course\nLOCATION:Holiday Inn Leeds, 1 Wellington St\nEND:VEVENT\nPost?",
    ],
)
def test_the_venue_of_an_event_stays_readable(text):
    assert _masked(text, "ADDRESS") == []


@pytest.mark.parametrize(
    "text",
    [
        "Heimspiel am Sonntag! Dürfen wir Spieler wie Lukas Kübler oder Nicolas Höfler im Post erwähnen?",
        "Derby weekend: can we name football players like Jarrod Bowen in a sunscreen post, or is that risky?",
    ],
)
def test_a_teams_players_named_for_a_post_stay_readable(text):
    assert _masked(text, "NAME") == []


def test_a_patient_who_plays_for_a_team_stays_masked():
    text = "Mein Patient Jonas Kramer ist Spieler beim FC und möchte einen Post über seine Reha."
    assert "Jonas Kramer" in _masked(text, "NAME")
