"""Classes of patient data and of wrong masks added after the twentieth blind masking set (docs/privacy.md).

Found: the surname first in a schedule's row, with a comma and a given name or an initial, or with an initial and
its full stop, after a weekday written short and a time; an initial without its full stop before a listed surname
there; a German health insurance number after "KV-Nr." or "Mitgliedsnummer"; a family's household or children
("the ... household"); a German genitive surname before a relative ("...s Sohn"); a name before brackets that name
a parent ("(Tochter von Frau ...)") or a student.

Readable: a new starter or a new hire introduced with no role before the name, and an Italian colleague who "entra
nel team" after a relative pronoun; a condition named after a doctor ("...'s disease"); a mascot or a story's
character ("... the Seagull"); a public figure quoted from an interview, in English, Italian or German."""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


@pytest.mark.parametrize(
    "text",
    [
        "New starter Oliver Pemberton (sports massage) joins us 1st June, can you draft an intro post?",
        "New hire: Dr. Ananya Iyer, cornea specialist, joins us from Sankara — write an intro post.",
        "Post per presentare il nuovo assistente di studio, Davide Marchetti, che entra nel team a maggio!",
    ],
)
def test_new_starters_and_hires_stay_readable(text):
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    "text",
    [
        "Write a carousel on Bowen's disease and when a scaly patch needs a look",
        "Explainer on Hailey's disease for the blog, with when to see us",
    ],
)
def test_a_condition_named_after_a_doctor_stays_readable(text):
    assert _masked(text, "NAME") == []


def test_a_titled_patient_who_owns_a_disease_is_still_masked():
    assert "Bowen" in " ".join(_masked("Mrs Bowen's disease is flaring, write her a note", "NAME"))


@pytest.mark.parametrize(
    "text",
    [
        "Kids' week: Molly the Molar shows how to brush, write three slides",
        "Bring back Wally the Wombat for the sun safety video",
    ],
)
def test_mascots_and_characters_stay_readable(text):
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    "text",
    [
        "Marco Bellandi ha raccontato in un'intervista che ha paura del dentista, scrivi un post simpatico",
        "Tobias Lindqvist sagte in einem Interview, er gehe nie ohne Sonnencreme raus. Mach einen Post draus.",
        "In a recent interview Dominic Ashcombe talked about his skin checks, write a post",
    ],
)
def test_a_public_figure_quoted_from_an_interview_stays_readable(text):
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tue 10:15 Hartley, M – recall – AB\nTue 11:00 —", "Hartley, M"),
        ("Mi 09:30 Hartmann, Jonas – Hautscreening\nMi 10:00 Mittag", "Hartmann, Jonas"),
        ("Agenda giovedì:\n10:30 Colombo R. – otturazione\n11:00 Galli F. – igiene", "Colombo R."),
        ("Thu:\n8:30 K Okonkwo laser\n9:00 lunch", "K Okonkwo"),
    ],
)
def test_the_surname_first_in_a_schedule_row_is_masked(text, name):
    found = " ".join(_masked(text, "NAME"))
    assert all(part in found for part in name.replace(",", "").split())


@pytest.mark.parametrize(
    "text",
    [
        "Wed 09:15 Sala, B – igiene\nWed 09:45 Room, C – cleaning",
        "11:00 A New patient form to print\n12:00 A Brown bag talk",
    ],
)
def test_rooms_and_articles_in_a_schedule_row_stay_readable(text):
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    "text",
    [
        "Bitte Kostenvoranschlag an die TK, KV-Nr. T204851773, Befund liegt bei",
        "Die Barmer braucht die Mitgliedsnummer, hier ist sie: R556100238, schreib die Anfrage",
    ],
)
def test_a_german_health_insurance_number_after_its_short_cue_is_masked(text):
    assert len(_masked(text, "NATIONAL_ID")) == 1


def test_a_membership_number_that_is_no_insurance_number_stays_readable():
    assert _masked("Unsere Mitgliedsnummer bei der Kammer ist 4471, bitte in den Footer", "NATIONAL_ID") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mock-up the recall letter with the Okafor household, 9 Elm Street as the example", "Okafor"),
        ("the Lindqvist kids are all due their fluoride varnish, send one reminder", "Lindqvist"),
    ],
)
def test_a_familys_household_or_children_are_masked(text, name):
    assert name in _masked(text, "NAME")


def test_a_german_genitive_surname_before_a_relative_is_masked():
    assert "Wagner" in _masked("Wagners Tochter braucht ein Attest für den Sportunterricht, schreib es bitte", "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Gottes Segen und frohe Weihnachten: ein Post für die Praxis",
        "Ein Post über des Meisters Sohn und Berlins Kinder im Sommer",
        "Heidi Klums Tochter hat über Akne gesprochen, schreib einen Post",
    ],
)
def test_genitives_of_nouns_places_and_figures_stay_readable(text):
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Notiz: Finni (Tochter von Herrn Brandt) braucht eine Schulbefreiung", "Finni"),
        ("SMS von rose (Austauschschülerin), sie fragt nach der Rechnung", "rose"),
    ],
)
def test_a_name_before_brackets_naming_a_parent_or_a_student_is_masked(text, name):
    assert name in _masked(text, "NAME")


def test_brackets_about_students_after_a_product_stay_readable():
    assert _masked("Post zu Invisalign (für Studenten) und Cerec (Schüler willkommen)", "NAME") == []


@pytest.mark.parametrize(
    "text",
    [
        "Regards,\nDana Whitlock\n1820 Broadway, Boulder CO 80302",
        "Send the brochure to 57 Causeway, Portland ME 04101 for me",
    ],
)
def test_a_street_with_no_street_word_before_a_town_region_and_zip_is_masked(text):
    assert len(_masked(text, "ADDRESS")) == 1


def test_a_number_and_a_word_before_a_region_without_its_zip_stay_readable():
    assert _masked("We now have 3 Locations, Dallas TX and Houston TX, write a post", "ADDRESS") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Erinnerung an Pat. #40917 schicken, Kontrolle in sechs Monaten", "#40917"),
        ("10:00 Marisol Vega (#B-44120) crown fit – Dr. Holt", "#B-44120"),
    ],
)
def test_a_record_number_after_pat_or_with_its_hash_and_one_letter_is_masked(text, number):
    assert number in _masked(text, "RECORD_NUMBER")


def test_a_hash_code_that_is_a_year_or_too_short_stays_readable():
    assert _masked("see issue #A-2024 and ticket #B-12 on the board", "RECORD_NUMBER") == []


def test_a_surname_comma_given_name_after_a_label_before_a_dash_is_masked():
    assert "HARDY, Colin" in _masked(
        "Path: HARDY, Colin – BCC excised, margins clear. Write a skin check post.", "NAME"
    )


def test_a_town_and_its_country_after_a_label_stay_readable():
    assert _masked("Venue: Paris, France — write the conference post", "NAME") == []


def test_a_reviewers_initial_without_a_full_stop_is_masked_with_the_name():
    found = _masked("Google review by Oskar B ★★☆☆☆ 'the wait was long' — help me reply", "NAME")
    assert "Oskar B" in found


def test_a_name_after_hinglish_naam_is_masked():
    assert "Prabhakar Rane" in _masked("papa ka naam Prabhakar Rane, surgery ka reply likh do", "NAME")


def test_hinglish_naam_about_the_clinic_and_the_verb_after_a_name_stay_readable():
    assert _masked("naam badalna hai clinic ka, kuch suggestions do", "NAME") == []
    assert _masked("nani ka naam Kusum Deshpande hai, report bhej do", "NAME") == ["Kusum Deshpande"]


def test_a_lower_case_name_before_a_ward_room_in_brackets_is_masked():
    assert "sid" in _masked("handover:\n- sid (rm 4) post-op day 2, mobilising\n- check the obs at 6", "NAME")


def test_a_meeting_or_a_machine_before_a_room_in_brackets_stays_readable():
    assert _masked("Meeting (room 2) at 3pm, then the Cerec (room 3) demo", "NAME") == []
