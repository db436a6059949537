"""Classes of patient data and of wrong masks added after the twenty-fifth blind masking set (docs/privacy.md).

Found: a phone, national or record number wrapped onto the next line by a form, a sticky note or a narrow window.
"""

from __future__ import annotations

import pytest

from assistant.profile import ClinicProfile
from tests.masking import masked as _masked

_STUDIO = ClinicProfile(
    name="Studio Dentistico Marchetti", city="Padova", staff=["Dott. Paolo Marchetti", "Elena Sala"]
)


@pytest.mark.parametrize(
    ("text", "kind", "number"),
    [
        (
            "Rückrufbitte: Frau Brandt, Handy 0171 555\n23 98, wegen ihres Fotos auf Instagram.",
            "PHONE",
            "0171 555\n23 98",
        ),
        ("Sticky note says: Tobias Wren 303-555-\n0142 call back re the gift card post", "PHONE", "303-555-\n0142"),
        ("Modulo: tel. +39 347\n555 0199, chiede di togliere il tag dal post.", "PHONE", "+39 347\n555 0199"),
        ("Form: Aadhaar 4021 7735\n9180, wants to know if we post on Facebook.", "NATIONAL_ID", "4021 7735\n9180"),
    ],
)
def test_a_number_wrapped_onto_the_next_line_is_masked_whole(text, kind, number):
    assert number in _masked(text, kind)


def test_numbers_on_separate_lines_of_a_timetable_stay_apart():
    text = "Opening hours:\nMon 9-17\n2024 timetable below\n12 staff, 3 rooms. Post for Facebook?"
    assert _masked(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Spruch für den Newsletter: 'Wer rastet, der rostet' – ist das von Sebastian Kneipp oder von Hildegard Bingen?",
        "Aforisma per Instagram: 'Il sorriso costa meno della luce'. È di Rita Levi Montalcini o di Oscar Wilde?",
        "Thinking of a quote from Nelson Mandela or John F. Kennedy for the banner, which one?",
    ],
)
def test_the_authors_offered_for_a_saying_stay_readable(text):
    assert _masked(text, "NAME") == []


def test_a_patients_quoted_words_keep_their_writer_masked():
    text = "Quote from a patient for the website: 'Best physio in town' – from Gemma Oduya. Okay to post?"
    assert _masked(text, "NAME") == ["Gemma Oduya"]


@pytest.mark.parametrize(
    "text",
    [
        "Caption: Dr. Omar Haddad gives a free talk on sun safety Friday 6pm at the Riverside Convention Center, "
        "410 Lake Shore Dr. All welcome!",
        "Für Facebook: Dr. Lena Krüger hält einen Vortrag über Allergien im Bürgerhaus Lörrach, Hauptstraße 88. "
        "Eintritt frei.",
    ],
)
def test_the_public_venue_of_a_talk_or_a_fair_stays_readable(text):
    assert _masked(text, "ADDRESS") == []


def test_a_patients_address_after_a_talk_stays_masked():
    text = "After the talk on falls, Mrs Okoro (lives at 22 Elm Road, Leeds) asked for the slides. Reply?"
    assert _masked(text, "ADDRESS") != []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Mme Lucie Caron, née le vingt-trois avril 1958, veut retirer son avis Google. Quoi répondre?",
            "vingt-trois avril 1958",
        ),
        (
            "Il sig. Pellegrini, nato il quindici ottobre 1944, ci chiede di togliere la sua foto.",
            "quindici ottobre 1944",
        ),
    ],
)
def test_a_date_of_birth_with_its_day_in_words_in_french_or_italian_is_masked(text, date):
    assert date in _masked(text, "DATE_OF_BIRTH")


def test_a_closing_day_in_words_stays_readable():
    assert _masked("Post: le cabinet sera fermé le quinze août, bonnes vacances!", "DATE_OF_BIRTH") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Possiamo taggare nel post la moglie del paziente? Abbiamo la foto della nipote Martina alla festa.",
            "Martina",
        ),
        ("Aapke bete Kabir ka comment aaya hai Instagram pe, reply kaise karein?", "Kabir"),
    ],
)
def test_a_relative_after_a_preposition_or_an_oblique_possessive_is_masked(text, name):
    assert name in _masked(text, "NAME")


def test_a_hindi_possessive_is_no_name():
    assert "Uske" not in _masked("Uske bhai Vikram ne review likha, reply draft karo", "NAME")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Recensione: 'Staff gentilissimo 👏 Ornella' – è la paziente Ornella Gatti. Rispondo?", "Ornella"),
        (
            "Review text 'great care, would recommend - Thandiwe' and she is our patient Thandiwe Ndlovu. Reply?",
            "Thandiwe",
        ),
    ],
)
def test_a_sign_off_before_a_closing_quote_is_masked_when_the_patient_is_named_again(text, name):
    assert name in _masked(text, "NAME")


def test_a_record_number_after_mr_no_is_masked():
    text = "MR No. KEM/OPD/25/00912B - Sunita ji ka complaint hai ki appointment late tha. Reply kaise karein?"
    assert _masked(text, "RECORD_NUMBER") == ["KEM/OPD/25/00912B"]


def test_mr_before_a_name_is_still_a_title():
    assert _masked("Mr Noakes wants his photo taken off the website. How do I reply?", "RECORD_NUMBER") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("pt j. nowak no-showed twice this week, can we post a gentle reminder about cancellations?", "j. nowak"),
        ("patient m. brennan keeps tagging us in her gym selfies, how do we respond?", "m. brennan"),
    ],
)
def test_a_lower_case_initial_and_surname_after_a_cue_are_masked(text, name):
    assert name in _masked(text, "NAME")


def test_a_lower_case_abbreviation_after_a_cue_stays_readable():
    assert _masked("pts w. diabetes need reminders about foot checks, post idea?", "NAME") == []


@pytest.mark.parametrize(
    ("text", "nick"),
    [
        ("Our oldest patient, Winifred Cole (Peggy to everyone), turns 100 on Sunday. Birthday post?", "Peggy"),
        ("Il paziente Salvatore Greco (Totò per tutti) vuole comparire nel video, va bene?", "Totò"),
    ],
)
def test_a_nickname_in_brackets_with_who_calls_them_so_is_masked(text, nick):
    assert nick in _masked(text, "NAME")


def test_an_everyday_word_in_brackets_with_to_everyone_stays_readable():
    text = "Patient Jane Doe (Thanks to all) sent cupcakes for the team. Post idea?"
    assert "Thanks" not in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Thu Mar 13 · 10:00 · whitening demo · Op 1\nCan I post this?",
        "Wed Mar 12 · 2:00pm · staff meeting\nThu Mar 13 · 9:00am · open day\nStory idea?",
        "Sun Mar 9 — Mar 15 is Brain Awareness Week, post ideas?",
    ],
)
def test_a_weekday_and_a_month_before_a_day_stay_readable(text):
    assert _masked(text, "NAME") == []


def test_a_patient_before_their_doctor_in_brackets_in_a_calendar_is_masked():
    text = "Mon Apr 7 · 11:00 · root canal — Fergus Odell (Dr. Amara) · Op 3\nCan I screenshot this for a story?"
    assert "Fergus Odell" in _masked(text, "NAME")


def test_a_colleague_with_a_role_in_brackets_stays_readable():
    assert _masked("Dr. Ines Varga (locum) covers Friday, can you draft a post?", "NAME") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mrs Delia Byron (no jokes please) just moved up to Byron Bay. She wants a farewell post.", "Byron"),
        ("Our patient Mr Tom Gold retired to the Gold Coast; can we share his thank-you card?", "Gold"),
    ],
)
def test_a_patients_surname_named_again_in_a_place_stays_readable_there(text, place):
    masked = _masked(text, "NAME")
    assert place not in masked  # the place's word alone; the patient's full name stays masked
    assert any(place in m for m in masked)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("[09:12] marta: si chiama rosa de santis, quella della foto. come rispondo?", "rosa de santis"),
        ("[11:02] luca: si chiama paola ferri, vuole togliere il tag", "paola ferri"),
        ("die dame von gestern, sie heißt monika von der heide, will das foto weg", "monika von der heide"),
    ],
)
def test_a_name_given_for_someone_else_is_masked(text, name):
    assert name in _masked(text, "NAME")


def test_a_service_named_after_si_chiama_stays_readable():
    assert _masked("Il nuovo pacchetto si chiama Sorriso Smart, ci scrivi un post?", "NAME") == []


@pytest.mark.parametrize(
    "text",
    [
        "Oggi alle 16 c'è il sig. Marchetti, omonimo del dottore, per la corona. Possiamo filmarlo per un reel?",
        "Mr Marchetti (no relation to our dentist) wants his before/after photos on Instagram. OK?",
    ],
)
def test_a_patient_sharing_a_doctors_surname_after_a_lay_title_is_masked(text):
    assert "Marchetti" in _masked(text, "NAME", clinic=_STUDIO)


@pytest.mark.parametrize(
    "text",
    [
        "Il dott. Marchetti vuole un post sul nuovo scanner intraorale.",
        "La sig.ra Sala è in ferie fino a lunedì, post per avvisare i pazienti?",
    ],
)
def test_the_clinics_own_doctor_and_staff_stay_readable(text):
    assert _masked(text, "NAME", clinic=_STUDIO) == []
