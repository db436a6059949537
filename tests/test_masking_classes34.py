"""Classes of misses and wrong masks fixed after the thirty-fourth blind masking set (docs/privacy.md).

Each test uses wordings of its own, not the set's messages; a guard beside each keeps what must stay masked or
readable.
"""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


@pytest.mark.parametrize(
    "text",
    [
        'Quote post, choose one:\n"Little by little, one travels far." - Rosa Marchetti\n"Go on." - Gospel of Luke',
        'Newsletter sayings, pick the best:\n- "Smile first." - Edwin Harrowgate\n- "Floss daily." - Clara Penhallow',
        'Mi fai un post con una di queste citazioni?\n"Chi va piano va sano." - Orazio Bellini',
    ],
)
def test_the_author_of_a_saying_in_a_list_of_quotes_is_no_patient(text):
    assert _masked(text, "NAME") == []


def test_a_patients_words_in_a_list_of_quotes_stay_masked():
    text = 'Here are some quotes from our patients:\n"Lovely staff." - Rosa Marchetti'
    assert _masked(text, "NAME") == ["Rosa Marchetti"]


@pytest.mark.parametrize(
    "text",
    [
        "Our dietitian Helena Marsh, RD sent this recipe for the blog.",
        "Our dietitian friend Pippa Larkin, APD wrote this for the newsletter.",
        "Guest post by Dana Whitcombe, RDN, on snacks for school lunches.",
        "Unsere Ernährungsberaterin Carla Nies, M.Sc., hat ein Rezept geschickt.",
    ],
)
def test_a_name_signed_with_a_dietitians_credential_is_a_professional(text):
    assert _masked(text, "NAME") == []


def test_a_patient_named_near_a_dietitian_stays_masked():
    text = "Our dietitian Helena Marsh, RD saw Mrs. Olive Kettering about her diabetes."
    assert _masked(text, "NAME") == ["Olive Kettering"]


@pytest.mark.parametrize(
    "text",
    [
        "From our hygienist for the blog:\n- 2 tbsp Greek Yoghurt\n- 1 cup Strawberries\n- 4 Morgan Crackers",
        "Format this recipe:\n* 200 g Basmati Rice\n* Handful of Curry Leaves\n* Juice of Meyer Lemon",
        "Our newsletter smoothie:\n- 1 cup Frozen Mango\n- Handful of Baby Spinach\n- 1 tbsp Chia Seeds",
    ],
)
def test_every_line_of_an_ingredient_list_is_no_person(text):
    assert _masked(text, "NAME") == []


def test_a_patient_after_an_ingredient_list_stays_masked():
    text = "Recipe for the blog from Mrs. Olive Kettering:\n- 1 cup oats\n\n- call Olive Kettering back"
    assert _masked(text, "NAME") == ["Olive Kettering", "Olive Kettering"]
    text = "Meds list for Mrs. Olive Kettering:\n- 20 mg Atorvastatin\n- 10 mg Ramipril\n- Olive Kettering is on both"
    assert _masked(text, "NAME") == ["Olive Kettering", "Olive Kettering"]


@pytest.mark.parametrize(
    "text",
    [
        "Invite colleagues to the study day.\nSponsor: Straumann, Coltene, Morgan Italia",
        "Partners: Simplyhealth, Denplan, Chase Whitman",
        "Fees page please. We take Medibank, HCF, Summer and Violet.",
        "Thank-you post: big thanks to Greggs Morley, Harold Baines Butchers, the Leeds Rhinos Foundation and Costa "
        "Coffee for supporting our health fair.",
    ],
)
def test_a_firm_in_a_list_of_sponsors_partners_or_accepted_insurers_is_no_person(text):
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    "text",
    [
        "We accept walk-ins. Maria Lopez called about her filling.",
        "Thanks to Maria Lopez for supporting her mum at the visit.",
        "Sponsor: Maria Lopez said she could not come, please call her.",
    ],
)
def test_a_patient_after_a_sponsor_or_insurer_word_stays_masked(text):
    assert _masked(text, "NAME") == ["Maria Lopez"]


@pytest.mark.parametrize(
    ("text", "pupil"),
    [
        ("Letter from the school about Nia Okoro.\nKind regards,\nMrs. Delia Frampton, Headteacher", "Nia Okoro"),
        (
            "Liebe Praxis, unser Schüler Lukas Brenner hat Fieber.\nGruß, Klassenlehrerin Frau Heike Sommerfeld",
            "Lukas Brenner",
        ),
        ("Dear doctor, please see the form for Rhys Pemberton.\nYours, Mr T. Hollins, SENCo", "Rhys Pemberton"),
    ],
)
def test_a_schools_official_signing_its_letter_is_no_patient_but_the_pupil_is(text, pupil):
    assert _masked(text, "NAME") == [pupil]


@pytest.mark.parametrize(
    "text",
    [
        "Holiday post:\nKali Pujan, Monday: Closed",
        "Festival hours: Durga Pujo (Friday) closed, Karva Vrat half day",
        "Festival hours:\nNavratri (Saraswati Pujan), Tuesday: Half day",
    ],
)
def test_a_feast_named_after_a_god_is_no_person(text):
    assert _masked(text, "NAME") == []


def test_a_patient_with_a_feasts_name_stays_masked():
    assert _masked("Pt Pujan Mehta called to rebook.", "NAME") == ["Pujan Mehta"]


@pytest.mark.parametrize(
    "text",
    [
        "Vortrag am Freitag: Dipl.-Psych. Karin Lohse spricht über Stress und Haut.",
        "Sprecher: Dr. Maria Stein und Dipl.-Psych. Karin Lohse vom Bund. Eintritt frei.",
    ],
)
def test_a_speaker_with_a_german_diploma_as_title_is_no_patient(text):
    assert _masked(text, "NAME") == []


def test_a_patient_with_a_german_diploma_stays_masked():
    assert _masked("Rückruf: Frau Dipl.-Psych. Karin Lohse wegen ihres Befunds.", "NAME") == ["Karin Lohse"]


@pytest.mark.parametrize(
    "text",
    [
        "Dienstplan Donnerstag: Dr. Lena Vogel 9-13, Urlaubsvertretung Dr. Jonas Pfeiffer (Hausarzt)",
        "Rota Tuesday: 8-12, Cover Dr. Amit Rao",
    ],
)
def test_hours_before_a_doctors_title_in_a_rota_are_no_address_on_a_drive(text):
    assert _masked(text, "ADDRESS") == []


def test_an_address_on_a_drive_stays_masked():
    assert _masked("He lives at 14 Seaview Dr. Please call.", "ADDRESS") == ["14 Seaview Dr."]
    assert _masked("Address: 14 Seaview Dr, Mandurah WA 6210", "ADDRESS") == ["14 Seaview Dr, Mandurah WA 6210"]


@pytest.mark.parametrize(
    "text",
    [
        "Tagungsbericht:\nWissenschaftliche Leitung: Prof. Dr. Karl Brenner\nOrt: Stadthalle",
        "Mutua Sanitaria Europa S.p.A. - Ufficio Rimborsi\nOggetto: pratica respinta",
    ],
)
def test_an_office_or_a_department_is_no_person(text):
    assert _masked(text, "NAME") == []


def test_a_patient_under_an_offices_heading_stays_masked():
    text = "Mutua Sanitaria Europa S.p.A. - Ufficio Rimborsi\nAssistita: Sig.ra Ada Neri"
    assert _masked(text, "NAME") == ["Ada Neri"]


@pytest.mark.parametrize(
    "text",
    [
        "COMUNICATO - Il Nostro Studio Aderisce Alla Giornata Della Prevenzione Cardiaca",
        "Locandina: Lo Studio Partecipa Al Mese Della Prevenzione Oncologica",
    ],
)
def test_a_particle_inside_a_title_case_heading_opens_no_name(text):
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Appunti: Rossi Al Mattino, Poi Della Rocca", "Della Rocca"),
        ("Chiamare Signora Della Rocca per il controllo", "Della Rocca"),
    ],
)
def test_a_surname_opening_with_a_particle_stays_masked(text, name):
    assert name in _masked(text, "NAME")


def test_the_name_and_birth_date_fields_of_a_json_payload_are_masked():
    text = (
        'Webhook from our booking tool: {"event":"visit.booked","patient":{"given_name":"Tahlia",'
        '"family_name":"Oduya-Lindqvist","birth_date":"1987-06-30","name":"Tahlia Oduya-Lindqvist"}}'
    )
    assert _masked(text, "NAME") == ["Tahlia", "Oduya-Lindqvist", "Tahlia Oduya-Lindqvist"]
    assert _masked(text, "DATE_OF_BIRTH") == ["1987-06-30"]
    italian = '{"paziente":{"nome":"Gianmarco","cognome":"Dall\'Acqua-Ferri","data_nascita":"1975-01-09"}}'
    assert _masked(italian, "NAME") == ["Gianmarco", "Dall'Acqua-Ferri"]
    assert _masked(italian, "DATE_OF_BIRTH") == ["1975-01-09"]


def test_a_clinics_or_a_visits_fields_in_a_json_payload_stay_readable():
    text = '{"clinic":{"name":"Harbourview Wellness"},"visit":{"date":"2024-05-01","type":"Recall"}}'
    assert _masked(text) == []


def test_a_contact_cards_name_address_and_birthday_are_masked():
    text = (
        "New patient card, make a welcome post instead:\nBEGIN:VCARD\nVERSION:3.0\nFN:Ngaire Tūhoe-Sandoval\n"
        "N:Tūhoe-Sandoval;Ngaire;;;\nADR;TYPE=HOME:;;7 Kowhai Crescent;Tauranga;BOP;3110;New Zealand\n"
        "BDAY:--1108\nEND:VCARD"
    )
    assert "Tūhoe-Sandoval" in _masked(text, "NAME")
    assert _masked(text, "ADDRESS") == ["7 Kowhai Crescent;Tauranga;BOP;3110"]
    assert _masked(text, "DATE_OF_BIRTH") == ["--1108"]


def test_a_cards_version_and_a_message_without_a_card_stay_readable():
    text = "BEGIN:VCARD\nVERSION:3.0\nORG:Kowhai Physio\nEND:VCARD"
    assert _masked(text) == []
    assert _masked("Our fee note: N: not applicable; ADR: see website.") == []


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        (
            "Von: Błażej Wróblewski-Hinz <b.wh@example.de>\nBetreff: Befund\nSehr geehrte Frau Dr. Vogt,\nkönnten "
            "Sie mir den Befund schicken?\nMit freundlichen Grüßen\nBŁAŻEJ WRÓBLEWSKI-HINZ",
            "BŁAŻEJ WRÓBLEWSKI-HINZ",
        ),
        (
            "From: Seo-yeon Baek <seoyeon.baek@example.com>\nSubject: results\nHi, can you just email my scan "
            "results?\nSEO-YEON BAEK",
            "SEO-YEON BAEK",
        ),
    ],
)
def test_a_masked_name_signed_again_in_capitals_is_masked(text, signed):
    assert signed in _masked(text, "NAME")


def test_one_word_of_a_masked_name_in_a_capitals_heading_stays_readable():
    assert _masked("Patient Grace Mbeki called.\nPoster title: AMAZING GRACE CHOIR NIGHT", "NAME") == ["Grace Mbeki"]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Ablehnung der Kasse, Versicherungsnummer: 41 730 662-8", "RECORD_NUMBER", "41 730 662-8"),
        ("Patient acct 72-4410-C, please call about the bill", "RECORD_NUMBER", "72-4410-C"),
        ("Pre-op form\nAge / DOB: 71 yrs (04-09-1953)", "DATE_OF_BIRTH", "04-09-1953"),
    ],
)
def test_a_check_digit_a_short_account_label_and_an_age_before_a_birth_date_are_read(text, kind, value):
    assert _masked(text, kind) == [value]


def test_counts_after_a_short_account_word_stay_readable():
    assert _masked("acct 12 posts this month, we grew 12 000 followers") == []


def test_a_courtesy_title_inside_a_masked_name_is_not_masked_again_on_its_own():
    text = "Patient: Frau Ilse Brandauer\nLiebe Frau Brandauer, Ihr Termin ist am Montag."
    masked = _masked(text, "NAME")
    assert "Frau" not in masked
    assert "Brandauer" in masked


def test_a_reply_mentioning_a_commenter_by_nickname_and_surname_is_masked():
    text = 'Comments to answer:\nGiuseppina "Pina" Lombardo: che bello!\n  ↳ Marta Ruggeri: @Pina Lombardo sì!'
    masked = _masked(text, "NAME")
    assert "Pina" in masked
    assert "Lombardo" in masked
    assert _masked("Comments:\nJonah Reyes: love it @brightside", "NAME") == ["Jonah Reyes"]


@pytest.mark.parametrize(
    "text",
    [
        "Sankt Josef Krankenhaus hat angerufen",
        "Scuola dell'Infanzia Don Bosco - Milano",
        "Istituto Comprensivo Don Lorenzo Milani, Roma",
    ],
)
def test_a_school_or_a_hospital_named_after_a_person_or_a_saint_is_no_patient(text):
    assert _masked(text, "NAME") == []


def test_a_child_after_a_word_for_a_nursery_or_a_school_stays_masked():
    assert _masked("Im Kindergarten Emma Fischer hat sich verletzt", "NAME") == ["Emma Fischer"]
    assert _masked("Grundschule Am Park: unser Schüler Tim Berger", "NAME") == ["Tim Berger"]


@pytest.mark.parametrize(
    "text",
    [
        "Questions? Call Member Services at 1-888-555-0143, weekdays 8-6.",
        "Freecall 0800 123 4567 or +44 800 123 4567",
        "Call our booking line (877) 555-0100 or 1300 654 321.",
    ],
)
def test_a_free_or_shared_cost_number_is_a_business_line(text):
    assert _masked(text, "PHONE") == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Pt mobile 88855 12345, call back", "88855 12345"),
        ("Paziente, tel. 080 123 4567", "080 123 4567"),
        ("Patient Tom Ruiz, mobile 512-555-0188", "512-555-0188"),
    ],
)
def test_a_patients_number_that_looks_like_a_free_one_stays_masked(text, phone):
    assert _masked(text, "PHONE") == [phone]


def test_a_json_payloads_booking_number_is_no_record_but_the_patients_id_is():
    text = '{"booking_ref":"HX-55102","appointment":{"id":"apt_1"},"patient":{"id":"HX-P-20931","name":"Lior Ben-Ami"}}'
    assert _masked(text, "RECORD_NUMBER") == ["HX-P-20931"]
    assert _masked(text, "NAME") == ["Lior Ben-Ami"]
