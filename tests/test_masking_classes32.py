"""Classes of misses and wrong masks fixed after the thirty-second blind masking set (docs/privacy.md).

Each test uses wordings of its own, not the set's messages; a guard beside each keeps what must stay masked or
readable.
"""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


@pytest.mark.parametrize(
    "text",
    [
        "Reply to this for me:\n\nSUPPORT TICKET #QX-40718 | Raised by front desk\nThe card reader keeps failing.",
        "Draft a note that work order WO-55120 for the chair repair is done.",
        "Chase the lab: JOB CARD No. ZT/0912/3301 | frames on back-order",
        "Antwort auf das Reklamations-Ticket RK-2026-0412 schreiben, bitte sachlich.",
    ],
)
def test_a_ticket_or_job_card_number_is_no_record_number(text):
    assert _masked(text, "RECORD_NUMBER") == []


def test_a_record_code_with_its_own_label_stays_masked():
    assert _masked("Chart #BD-20417 for Mrs. Halvorsen, please recall", "RECORD_NUMBER") == ["#BD-20417"]
    assert _masked("Recall patient ref HLP-00731 next week", "RECORD_NUMBER") == ["HLP-00731"]


@pytest.mark.parametrize(
    "text",
    [
        "Compare these two quotes for a new autoclave:\n1) SteriMax 22 | $4,100 | rep: Odalys Brackenridge "
        "(Dentalcorp Supply)\n2) Autoklav Pro | $3,900 | contact: Mr. Teodor Vasquez-Lind, MedEquip",
        "Vergleiche die Angebote:\n1) Laser X | 9.900 € | Ansprechpartnerin: Frau Hiltrud Pfannenschmidt (Lasertec)",
        "Thank the rowing club for the sun-safety talk.\nHead coach: Radomir Okonjo | Club president: Mrs. Wilhelmina "
        "Strand",
        "Schreib dem Verein eine Antwort.\nTrainerin: Gundula Achterberg | Jugendwart: Ortwin Plessner",
    ],
)
def test_a_supplier_rep_or_a_clubs_official_named_after_their_role_stays_readable(text):
    assert _masked(text, "NAME") == []


def test_the_members_beside_the_officials_and_an_emergency_contact_stay_masked():
    text = (
        "Thank the rowing club:\nDate | Member | Issue\n02/03 | Fennimore, Isolde | sprained wrist\n"
        "Head coach: Radomir Okonjo | Injured: Brannoc Hale"
    )
    assert _masked(text, "NAME") == ["Fennimore, Isolde", "Brannoc Hale"]
    assert "Ysolde Marchetti" in _masked("Emergency contact: Ysolde Marchetti, 0412 555 019", "NAME")


@pytest.mark.parametrize(
    "text",
    [
        'Programme:\nWed 10:00 "Sleep and Skin" | Dr. Ysolde Marchetti\nThu 13:30 "Running a Practice"',
        '08:01 to +61 423 555 087 | "Hi, your results appt is Thu 2pm" | FAILED',
        "Annual Meeting 2027 | Leeds\nSat 17 Jan 9:00 Welcome | Dr. Odile Brannigan",
        "Update our hours text:\n\nMonday-Thursday: 8:30 AM - 4:30 PM\nFriday: 8-12",
    ],
)
def test_a_weekday_before_a_time_or_a_month_after_its_day_is_no_name(text):
    assert [n for n in _masked(text, "NAME") if n in {"Thu", "Jan", "Monday-Thursday"}] == []


def test_a_patient_named_jan_stays_masked():
    assert "Jan Kowalczyk" in _masked("Jan Kowalczyk called about his results, call him back on Thu", "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Correggi la newsletter:\n\nNEWSLETTER DI MARZO | Studio Bellandi\nNovità: Nuovo Sito Internet\n"
        "Orari: Lunedì-Venerdì 9:00-18:00",
        "Kürze den Newsletter:\nPRAXIS SONNENHOF | FRÜHJAHR\nNeu: Videosprechstunde\nTipp: Sonnencreme auch im März",
        "Controlla il modulo:\nIscritto: Cassio Ferrantelli\nPrestazione: igiene professionale\nImporto: 80 €",
    ],
)
def test_a_newsletters_or_a_forms_one_off_headings_are_no_chat_speakers(text):
    assert [n for n in _masked(text, "NAME") if n in {"Novità", "Orari", "Neu", "Tipp", "Prestazione", "Importo"}] == []


def test_a_chat_with_the_clinics_side_or_a_list_of_commenters_keeps_its_speakers_masked():
    assert _masked("Reply to this chat:\nOluwadamilare: can I move my filling?\nUs: sure, 10am?", "NAME") == [
        "Oluwadamilare"
    ]
    comments = "Reply to these comments:\n\nTemitope Adeyemi: do you take kids?\nIfeoma Chukwu: best dentist in town"
    assert _masked(comments, "NAME") == ["Temitope Adeyemi", "Ifeoma Chukwu"]


def test_a_clubs_trainer_and_a_pharmacys_work_line_stay_readable():
    text = (
        "Rispondi alla società sportiva.\nData | Atleta | Lesione\n03/11 | Bortolami, Ercole | labbro rotto\n"
        "Allenatore: Gianpaolo Vescovini | Preparatore atletico: Ruggero Tassinari"
    )
    assert _masked(text, "NAME") == ["Bortolami, Ercole"]
    pharmacy = (
        "Antwort an die Apotheke.\nRezept für Frau Irmtraud Kesselring\nRückruf an Apotheke: Herr Volkwin Raab, "
        "0761 555 4410"
    )
    assert _masked(pharmacy, "NAME") == ["Irmtraud Kesselring"]
    assert _masked(pharmacy, "PHONE") == []


def test_the_doctor_signing_a_referral_to_the_clinic_stays_readable():
    text = (
        "Summarise this referral.\n\nDear Dr. Holt,\nRe: Tobiah Fenwick-Asare, DOB 4 Mar 2011\n"
        "Thank you for seeing Tobiah for a caries check.\nKind regards,\nDr. Wilhelmina Ostrander\n"
        "Lakeside Orthodontics"
    )
    assert _masked(text, "NAME") == ["Tobiah Fenwick-Asare", "Tobiah"]


def test_a_doctor_writing_in_as_a_patient_still_has_their_name_masked():
    text = (
        "Reply to this email:\nDear Dr. Holt, my crown came loose again and I would like it fixed before my trip.\n"
        "Kind regards,\nDr. Wilhelmina Ostrander"
    )
    assert "Wilhelmina Ostrander" in _masked(text, "NAME")


def test_headings_of_two_words_are_no_commenters():
    text = (
        "Tidy this newsletter:\nCPD Hours: 12 logged this term\nWeihnachtsmarkt Freiburg: Stand 14\nTipp: Lippenbalsam"
    )
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    "text",
    [
        "Write a post with this recipe:\n\nSunny Mango Salad (serves 4)\n2 Kensington Mangoes, 1 cup Toasted "
        "Macadamias, Baby Spinach, pinch of Murray River Salt\nEnjoy!",
        "Scrivi un post con questa ricetta:\n\nTorta Alla Zucca Senza Zucchero\nIngredienti: 200 g di Zucca "
        "Mantovana, 150 g di Farina",
        "Mach einen Post aus dem Rezept:\nWintersalat Mit Feldsalat\n100 g Feldsalat, 1 Birne (Williams Christ), "
        "2 EL Öl",
    ],
)
def test_a_recipes_dish_and_ingredients_are_no_names(text):
    assert _masked(text, "NAME") == []


def test_a_patient_named_above_a_recipes_ingredients_stays_masked():
    text = "Recipe post please. Our patient Ottavia Brancaleoni sent it:\n200 g oats, 2 tbsp honey"
    assert _masked(text, "NAME") == ["Ottavia Brancaleoni"]


def test_a_name_opening_with_a_small_word_in_title_case_copy_is_no_name():
    text = (
        "Correggi la newsletter:\nNEWS DI APRILE | Studio Bellandi\nNovità: Arriva Il Nuovo Sito\n"
        "Consiglio Del Mese: Filo O Scovolino?\nAprile Mese Della Salute: Grazie A Tutta Padova"
    )
    assert [n for n in _masked(text, "NAME") if n.startswith(("Del", "Della"))] == []


def test_patients_whose_surnames_open_with_a_particle_stay_masked():
    text = "Chiama questi pazienti:\nDella Valle, Beatrice | 333 555 0101\nDi Stefano, Marco | 333 555 0102"
    assert _masked(text, "NAME") == ["Della Valle, Beatrice", "Di Stefano, Marco"]


def test_a_list_with_columns_lined_up_by_spaces_has_its_patients_masked():
    text = (
        "Write a recall SMS (no names) from this list:\n\nPatient              DOB         Mobile         Dr\n"
        "FARQUHAR, Ingrid     12/05/1979  0412 555 308   Dr Brannigan\n"
        "Van Leeuwen, Pieter  03/10/1961  0423 555 771   Dr Brannigan\n"
    )
    masked = _masked(text)
    for value in (
        "FARQUHAR, Ingrid",
        "12/05/1979",
        "0412 555 308",
        "Van Leeuwen, Pieter",
        "03/10/1961",
        "0423 555 771",
    ):
        assert value in masked


def test_a_price_list_lined_up_by_spaces_stays_readable():
    text = "Update our price list:\n\nTreatment        Price    Phone\nScale and clean  $120     0412 555 308\n"
    assert _masked(text, "NAME") == []
    assert _masked(text, "PHONE") == ["0412 555 308"]


def test_the_players_of_a_clubs_injury_list_are_masked():
    text = (
        "Thank the hockey club (no names):\n\nDate  | Player              | Injury          | Seen by\n"
        "04/11 | Pennington, Will    | stick to mouth  | Dr. Odile Brannigan\n"
        "11/11 | Sauvageau, Mireille | chipped incisor | first aid\n"
    )
    masked = _masked(text, "NAME")
    assert "Pennington, Will" in masked and "Sauvageau, Mireille" in masked
