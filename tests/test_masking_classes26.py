"""Classes of patient data and of wrong masks added after the twenty-sixth blind masking set (docs/privacy.md).

Readable: an invoice or an order the clinic itself received (its supplier or its delivery follows the number), and
the public venue where a clinician will be or will speak. Found: social-media handles that open with a given name,
a given name with a possessive "s" in a hashtag.
"""

from __future__ import annotations

import pytest

from assistant.profile import ClinicProfile
from tests.masking import masked as _masked


@pytest.mark.parametrize(
    "text",
    [
        "Invoice #DS-INV-40417 from Dental Direct AU for $980.00 (prophy paste, bibs). Post idea about our new bibs?",
        "Rechnung Nr. RG-2024-11870 von Medi-Handel GmbH über 412,00 € für Pflasterproben. Gewinnspiel-Post bitte.",
        "Fattura n. 207/2024 di Odontoforniture per € 830,00 (frese e spazzolini). Un post simpatico sugli spazzolini?",
        "Our supply invoice INV-2024-77812 from Patterson Dental went up again. Funny post about the cost of masks?",
        "Order #204-7718812-5531907 (the new kids' corner books) arrived soaked. Write a cheeky story about it.",
    ],
)
def test_an_invoice_or_order_the_clinic_received_stays_readable(text):
    assert _masked(text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Rechnung Nr. RE-2024-08812 von Frau Albers ist noch offen. Erinnerung schreiben?", "RE-2024-08812"),
        ("invoice INV-55120 for Dwayne bounced, draft a polite chaser", "INV-55120"),
        ("Patient disputes invoice CSC-INV-30091, says it was paid. Draft a reply.", "CSC-INV-30091"),
    ],
)
def test_a_patients_invoice_stays_masked(text, number):
    assert number in _masked(text, "RECORD_NUMBER")


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        (
            "Insta: '@sophie.brandauer_ nach dem Peeling 😍 danke @hautpraxis'. Dürfen wir reposten?",
            "sophie.brandauer_",
        ),
        ("She tagged us: @kayla.nguyen_bne loving the new smile! Can we reshare?", "kayla.nguyen_bne"),
        ("@rohan.mehta.mumbai ne humein tag kiya, repost kar sakte hain?", "rohan.mehta.mumbai"),
    ],
)
def test_a_handle_that_opens_with_a_given_name_is_masked(text, handle):
    assert handle in _masked(text, "NAME")


def test_a_one_word_clinic_handle_stays_readable():
    assert _masked("Tag @sunnysidephysio and @leedsrunners in the race-day post please.", "NAME") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A patient posted: 'Six months clear! #ChloesJourney #NeverGiveUp'. Draft a warm comment?", "Chloe"),
        ("Story von einer Patientin: 'Endlich schmerzfrei #MiriamsRücken'. Kommentar-Idee?", "Miriam"),
    ],
)
def test_a_given_name_with_a_possessive_in_a_hashtag_is_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Post: Dr. Hannah Lowe will be at the Kingsbury farmers' market, 55 Station Road, Saturday, with free "
        "posture checks.",
        "Caption: Dr. Raj Patel will be speaking about gum disease and diabetes at the Elmwood Public Library, "
        "220 King St W, on Thursday at 6pm.",
        "Publication : journée de dépistage du diabète le jeudi 9 mai, de 10 h à 16 h, à la salle communautaire du "
        "412, boulevard Saint-Joseph. Bienvenue à tous!",
    ],
)
def test_the_public_venue_where_a_clinician_will_be_stays_readable(text):
    assert _masked(text, "ADDRESS") == []


def test_a_patients_address_after_will_be_stays_masked():
    text = "Mrs Ekwueme will be at home all week, 18 Cedar Grove, Leeds, for the physio home visit. Confirm by text?"
    assert _masked(text, "ADDRESS") != []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Pasted from the fax, it wrapped:\nRe: Mrs. Oluwaseun\nAdeyemi, knee OA review\nPost about knee OA?",
            "Oluwaseun\nAdeyemi",
        ),
        (
            "SMS abgetippt:\n'Hallo, hier ist Annegret\nSchulze-Wendt, kann ich den Termin verschieben?'\n"
            "Post zu Terminen?",
            "Annegret\nSchulze-Wendt",
        ),
        (
            'Review, the name broke onto two lines:\n"Gentilissimi tutti" - Federico\nMancuso\nRisposta?',
            "Federico\nMancuso",
        ),
    ],
)
def test_a_name_wrapped_onto_the_next_line_is_masked_whole(text, name):
    assert name in _masked(text, "NAME")


def test_a_heading_before_a_line_that_opens_with_a_capital_is_not_joined():
    text = "Opening times for Easter\nMonday, closed. Tuesday from 9. Write the post for Facebook."
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("IMPORTANT: GRAHAM PETTIGREW's son left a one-star review. Help me reply?", "GRAHAM PETTIGREW"),
        ("Should we thank MRS EILEEN MACREADY-HOLT in the newsletter? She donated the chairs.", "EILEEN MACREADY-HOLT"),
        ("CLIENT: BRENDA LOUISE TREMAYNE. Wants a collab reel about her treatment. Caption?", "BRENDA LOUISE TREMAYNE"),
        ("JOHANNES KRÄMER (sein Spitzname ist Jo) will auf unser Insta. Text?", "JOHANNES KRÄMER"),
    ],
)
def test_a_name_written_in_capitals_is_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "NEW PATIENT SPECIAL this month: FREE whitening kit. Write the post!",
        "HAPPY NEW YEAR from all of us! Make it sparkle.",
        "Post for our MOTHERS DAY giveaway, BOOK NOW wording please.",
        "Do we need a HIPAA BAA with the SMS reminder vendor? Short answer please.",
    ],
)
def test_words_in_capitals_that_are_no_name_stay_readable(text):
    assert _masked(text, "NAME") == []


def test_a_surname_first_name_ending_the_sentence_after_a_record_number_is_masked():
    text = "SCHEDA N. 2021/0553 - Ferraresi Gianluca. Chiede di pubblicare la foto del sorriso. Didascalia?"
    assert "Ferraresi Gianluca" in _masked(text, "NAME")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Home visit: Mr Kettleborough, 12 Hollin Park Crescent, Roundhay for the hip review. Post idea?",
            "12 Hollin Park Crescent, Roundhay",
        ),
        (
            "Home visit next Thu for Mrs Aldous at 9/22 Esplanade, Redcliffe. Generic post about home visits?",
            "9/22 Esplanade, Redcliffe",
        ),
        (
            "Domiciliare: il signor Benassi, via delle Lame 14, Bologna. Scrivi un post generico.",
            "via delle Lame 14, Bologna",
        ),
    ],
)
def test_a_street_and_its_town_are_masked_whole(text, address):
    assert address in _masked(text, "ADDRESS")


@pytest.mark.parametrize(
    "text",
    [
        "Quote for the waiting room: 'Health is a state of body.' - Dr. Hortense Villeneuve. Post it?",
        "Fun fact for parents: the test is named after Dr. Archibald Pemberton-Hale. Keep it short.",
    ],
)
def test_quoted_authors_and_eponyms_stay_readable(text):
    assert _masked(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("nota vocale: il signor lo presti gianfranco ha chiamato per la foto, didascalia?", "lo presti gianfranco"),
        ("patient suresh vinayak deshpande ka follow up kal hai, post likho", "suresh vinayak deshpande"),
    ],
)
def test_a_lower_case_name_keeps_its_last_words(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("il papà di matteo (gianluca) chiede se possiamo pubblicare la foto. Posso?", "gianluca"),
        ("la nonna di giulia (carla) chiede se possiamo pubblicare la foto. Didascalia?", "carla"),
    ],
)
def test_a_given_name_alone_in_brackets_after_a_name_is_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('DM: "hey its kaz (karen o\'dowd) can u send my receipt" reply pls', "kaz"),
        ('text from a dad: "hey its kez, tom\'s knee is heaps better" write a reply', "kez"),
    ],
)
def test_a_lower_case_name_introduced_after_a_greeting_is_masked(text, name):
    assert name in _masked(text, "NAME")


def test_an_everyday_word_after_a_greeting_stays_readable():
    assert _masked("hey its me again, can you make the post shorter?", "NAME") == []


def test_a_colleagues_birthday_wished_from_the_team_in_hinglish_is_no_date_of_birth():
    text = "Kavita Iyer ka birthday 4 June ko hai, team ki taraf se ek post likho."
    assert _masked(text, "DATE_OF_BIRTH") == []


@pytest.mark.parametrize(
    "text",
    [
        "Liam Chen is our new practice manager starting Monday. Bilingual welcome post please (Bienvenue Liam!).",
        "Post bilingue per il nuovo collega: Willkommen Jonas, benvenuto nel team!",
    ],
)
def test_a_welcome_word_before_a_name_is_never_part_of_it(text):
    assert not any(w in m for m in _masked(text, "NAME") for w in ("Bienvenue", "Willkommen"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Richiami:\n- Fontanesi Marta, 051 555 0192\n- Degli Esposti Carla\nScrivo un messaggio per tutte e due?",
            "Degli Esposti Carla",
        ),
        ("Plan Mi 12.03.:\n10:00 Peeling – Greta\nKann ich davon eine Story machen?", "Greta"),
    ],
)
def test_a_list_entry_is_not_joined_to_the_next_line(text, name):
    assert name in _masked(text, "NAME")


def test_a_health_fund_in_capitals_after_a_number_is_no_name():
    text = "Überweisung: Jana Brösel, KVNR Q482017553, Kasse HALLESCHE. Begleittext bitte."
    assert not any("HALLESCHE" in m for m in _masked(text, "NAME"))


@pytest.mark.parametrize(
    ("text", "nick"),
    [
        ("JOSEFINE HARTMANN (alle nennen sie Fini) will ihr Vorher-Nachher-Foto posten. Text?", "Fini"),
        ("Giovanna Ricci (tutti la chiamano Gigi) vuole la foto su Instagram. Didascalia?", "Gigi"),
        ("Thomas Brennan (everyone calls him Tommo) wants a shout-out post after his rehab.", "Tommo"),
    ],
)
def test_a_nickname_after_who_calls_the_person_so_is_masked(text, nick):
    assert nick in _masked(text, "NAME")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mrs Amal as-Sayegh asked for her X-ray by e-mail. Can you write a post on why we don't?", "Amal as-Sayegh"),
        ("Mr Tariq al-Hashimi rang about the photo consent. Draft a short reply?", "Tariq al-Hashimi"),
    ],
)
def test_an_arabic_article_inside_a_titled_name_is_masked_with_it(text, name):
    assert name in _masked(text, "NAME")


def test_a_schedules_clinician_rows_and_free_slots_stay_readable():
    text = (
        "Turn tomorrow's list into a 'fully booked' post, no names:\n\n"
        "| Time | Patient | DOB |\n"
        "| 8:00 | HARGREAVES, Colin | 1961-03-14 |\n"
        "| 8:30 | Dr. Petrova - team huddle | |\n"
        "| 9:00 | FREE | — |\n"
        "| 9:30 | (student observer) | |\n"
        "| 10:00 | Lindqvist (Dr.) - supervising | |\n"
    )
    masked = _masked(text)
    assert "HARGREAVES, Colin" in masked and "1961-03-14" in masked
    # The title finder still masks a titled name on its own ("Dr. Petrova"); the cell as a whole is no patient's.
    assert not any(w in m for m in masked for w in ("huddle", "FREE", "—", "observer", "supervising"))


def test_a_patient_in_a_calendar_before_a_colleague_in_brackets_stays_masked():
    clinic = ClinicProfile(name="Studio Dentistico Rinaldi", city="Parma", staff=["Dott. Piero Rinaldi", "Marta Gallo"])
    text = "Agenda lunedì:\n09:00 Igiene — Serena Paganini (Marta)\n10:00 libero\nPosso postare lo screenshot?"
    assert "Serena Paganini" in _masked(text, "NAME", clinic=clinic)


def test_a_wrapped_name_goes_on_with_a_surname_before_lower_case_words():
    text = "SMS copy kiya:\n'Namaste, main Shabnam\nQureshi bol rahi hoon, kal ka appointment?'\nPost banao."
    assert "Shabnam\nQureshi" in _masked(text, "NAME")


def test_a_new_sentence_after_a_name_at_a_lines_end_is_not_joined():
    text = "Oggetto: foto di Matilde\nPer favore togliete la foto dal sito. Come rispondo?"
    assert _masked(text, "NAME") == ["Matilde"]
