"""Classes of misses and wrong masks fixed after the thirty-fifth blind masking set (docs/privacy.md).

Each test uses wordings of its own, not the set's messages; a guard beside each keeps what must stay masked or
readable.
"""

from __future__ import annotations

import pytest

from assistant.profile import ClinicProfile
from tests.masking import masked as _masked

_RECALL_ROWS = (
    "Export from the PMS, write a reminder please:\n\n"
    "REC|MR-118204|WHITCOMBE, ELOISE|19610822|0412 555 118|SCALE 6M\n"
    "REC|MR-118377|VAN DER POEL, ANNEKE MARIE|19930305|0412 555 907|SCALE 6M\n"
    "REC|MR-118512|OYELARAN, TEMI|20110417|0412 555 361|FISSURE SEAL"
)


def test_every_row_of_a_headerless_export_has_its_name_birth_date_and_record_masked():
    found = _masked(_RECALL_ROWS)
    for cell in ("VAN DER POEL, ANNEKE MARIE", "19610822", "19930305", "20110417", "MR-118377"):
        assert cell in found


def test_a_headerless_export_with_no_name_found_has_its_names_beside_the_birth_dates_masked():
    text = (
        "Follow-ups from the software:\n\n"
        "FU|EYE-0042211|KULKARNI SHIRISH VASANT|03/02/1948|9822055511|IOP check\n"
        "FU|EYE-0042378|DESHMUKH MEERA|17/11/1986|9822055512|Dilated fundus\n"
    )
    found = _masked(text)
    for cell in ("KULKARNI SHIRISH VASANT", "DESHMUKH MEERA", "03/02/1948", "17/11/1986", "EYE-0042211"):
        assert cell in found


def test_a_schedule_in_rows_without_patient_data_stays_readable():
    text = (
        "Our opening hours, please turn into a post:\n\n"
        "Mon|08:00|18:00|Hygiene clinic\n"
        "Tue|08:00|20:00|Late evening\n"
        "Wed|09:00|17:00|Implant day"
    )
    assert _masked(text) == []


def test_appointment_dates_in_one_week_are_not_read_as_birth_dates():
    text = (
        "Bookings list, how many per day?\n\n"
        "B|12/11/2026|09:00|Whitcombe, Eloise|0412 555 118\n"
        "B|13/11/2026|10:30|Oyelaran, Temi|0412 555 361\n"
    )
    found = _masked(text, "DATE_OF_BIRTH")
    assert found == []


_PRAXIS = ClinicProfile(
    name="Hautarztpraxis am Lindenplatz", specialty="dermatology", country="DE", city="Ulm", staff=["Dr. Jana Roth"]
)
_STUDIO = ClinicProfile(name="Studio Medico Valenti", specialty="dentist", country="IT", city="Parma")


def test_a_job_adverts_role_mailbox_at_the_clinics_shortened_domain_stays_readable():
    text = "Stellenanzeige bitte kürzen:\nMFA gesucht! Karriere bei uns: karriere@hautarzt-lindenplatz.de"
    assert _masked(text, clinic=_PRAXIS) == []
    text = "Annuncio: cerchiamo un'igienista. Curriculum a selezione@studiovalenti.it entro venerdì."
    assert _masked(text, clinic=_STUDIO) == []


def test_a_persons_mailbox_at_the_clinics_domain_or_a_role_mailbox_elsewhere_stays_masked():
    text = "Please forward this to the patient: marta.kowal@hautarzt-lindenplatz.de"
    assert _masked(text, "EMAIL", clinic=_PRAXIS) == ["marta.kowal@hautarzt-lindenplatz.de"]
    text = "The patient wrote from careers@kowalbuilding.com asking about her bill."
    assert _masked(text, "EMAIL", clinic=_PRAXIS) == ["careers@kowalbuilding.com"]


@pytest.mark.parametrize(
    "text",
    [
        "Post about my course please. Course lead: Imogen Fairley MCSP, Senior Lecturer",
        "Programme: 'Acne scarring update' - Dr Rowan Tisdall FACD, Melbourne",
    ],
)
def test_a_name_with_an_allied_health_or_college_post_nominal_is_a_professional(text):
    assert _masked(text, "NAME") == []


def test_a_patient_named_with_a_cue_keeps_the_mask_whatever_follows():
    assert _masked("Patient: Imogen Fairley MCSP wants her notes", "NAME") == ["Imogen Fairley"]


@pytest.mark.parametrize(
    "text",
    [
        'Bitte einen Post mit dem Zitat "Gesundheit ist nicht alles" von Arthur Schopenhauer.',
        'Use the quote "Medicine is a science of uncertainty" by William Osler in the caption.',
    ],
)
def test_the_author_of_a_quote_named_after_by_or_von_is_no_patient(text):
    assert _masked(text, "NAME") == []


def test_people_named_to_a_national_honour_are_public_figures():
    text = "Mention that Marlene Okoro and Dev Prasanna were named 2025 Scientists of the Year for skin research."
    assert _masked(text, "NAME") == []


def test_the_header_line_of_a_pasted_table_stays_readable_with_its_rows_masked():
    text = (
        "Recall list:\n\nSurname|Given name|DOB|Phone\n"
        "Riedl|Alma|03/04/1970|0171 5550101\nOkonjo|Bayo|19/09/1988|0171 5550102"
    )
    found = _masked(text)
    assert "Surname" not in found and "Given name" not in found
    assert {"Riedl", "Okonjo", "03/04/1970", "19/09/1988"} <= set(found)


def test_a_speaker_after_a_talk_title_that_mentions_patients_is_a_clinician():
    text = (
        'Turn this into a post:\nSat 11:00  "Calming Nervous Patients in the Chair" - Dr. Miriam Achterberg, '
        "Leeds Dental Institute"
    )
    assert _masked(text, "NAME") == []


def test_a_doctor_the_sentence_calls_a_patient_stays_masked():
    text = 'Dr. Miriam Achterberg, our patient since 2019, asked about whitening (she said "no rush").'
    assert _masked(text, "NAME") == ["Miriam Achterberg"]


def test_a_question_in_a_quoted_talk_title_offers_no_names():
    text = 'Summarise for the team:\nFri 10:00 "Flossing: Chore or Joy?" - Dr Ilse Brandauer, Vienna'
    assert _masked(text, "NAME") == []


def test_a_chat_asking_which_of_two_patients_keeps_both_masked():
    text = "[09:10] Mia: Which one, Tamsin or Oriel?\n[09:11] Ben: Oriel. she's on the list"
    assert {"Tamsin", "Oriel"} <= set(_masked(text, "NAME"))


def test_a_weekday_before_a_time_is_not_looked_for_again_in_a_brand():
    text = "Programme:\nSat 9:00 Welcome\nSun 9:30 Hands-on - Sun Dental Labs, Kulzer"
    assert _masked(text, "NAME") == []


def test_a_products_registration_or_lot_number_in_a_recall_notice_is_no_record_number():
    text = "Recall notice for the waiting room: GlowGuard SPF30 gel (AUST R 330871), Lot 5502918."
    assert _masked(text) == []


def test_a_bare_number_in_a_patients_recall_stays_masked():
    assert _masked("Recall: 5502918 needs a scale and polish", "RECORD_NUMBER") == ["5502918"]


def test_a_title_case_heading_of_everyday_words_before_its_colon_is_no_name():
    text = "Edit this: Joy Bonus Inside: a free brush with every checkup. Ask about the Joy Club."
    assert _masked(text, "NAME") == []


def test_a_patients_name_before_a_forms_label_stays_masked():
    found = _masked("Grace Hollister Phone: 0412 555 901", "NAME")
    assert any("Grace Hollister" in f for f in found)


def test_a_polite_german_possessive_opening_a_chat_line_is_no_name():
    text = "[10.11.26, 08:12] +49 160 5550199: Ihr Geburtsdatum ist der 4.7.71, falls nötig"
    assert _masked(text, "NAME") == []
    assert _masked(text, "DATE_OF_BIRTH") == ["4.7.71"]


def test_a_parents_word_before_an_honorific_is_no_name_but_the_writer_stays_masked():
    text = "[07/11/26, 8:01 PM] Harleen Gill: Namaste. Papa ji ki aankh mein dard hai"
    assert _masked(text, "NAME") == ["Harleen Gill"]


@pytest.mark.parametrize(
    "text",
    [
        "Bitte Rückruf, Marcumar pausiert lt. Hausarzt Dr. Ebersbach, dann Termin.",
        "Bitte Termin bei Dr. Ebersbach (Vertretung) anbieten.",
        "Did the sleep report come from Dr. Ebersbach's clinic yet?",
    ],
)
def test_a_doctors_surname_shown_as_another_clinician_stays_readable(text):
    assert _masked(text, "NAME") == []


def test_a_patients_surname_before_her_surgery_stays_masked():
    assert _masked("Mrs Ebersbach's surgery went well, please send a card.", "NAME") == ["Ebersbach"]


def test_the_doctor_signing_a_referral_sent_for_consultation_is_no_patient():
    text = (
        "Riassumi questa lettera:\nEgregio Dott. Neri,\nLe invio in consulenza la sig.ra Ornella Bassani per una "
        "valutazione parodontale.\nCordiali saluti,\nDott.ssa Marta Quaglieri - Medicina Generale, Imola"
    )
    assert _masked(text, "NAME") == ["Ornella Bassani"]


def test_a_patient_who_is_a_doctor_signing_her_own_letter_stays_masked():
    text = "Buongiorno, vorrei spostare il mio appuntamento di giovedì.\nCordiali saluti,\nDott.ssa Marta Quaglieri"
    assert _masked(text, "NAME") == ["Marta Quaglieri"]


_JOTTED = (
    "typed up from the doctor's notepad, make it a to-do list for reception:\n\n"
    "\"call back pearl re: new denture. also ivy's mum wants the report. dawn - bp 160/90, book review. "
    "tues - hope rang, can't do 3pm. schreiber - referral letter missing. summer + her brother due recall\""
)


def test_lower_case_given_names_in_a_typed_up_note_are_masked_everyday_words_too():
    found = _masked(_JOTTED, "NAME")
    for name in ("pearl", "ivy", "dawn", "hope", "schreiber", "summer"):
        assert name in found


def test_a_typed_up_note_keeps_its_everyday_words_and_weekdays_readable():
    found = _masked(_JOTTED, "NAME")
    for word in ("tues", "report", "review", "recall", "referral"):
        assert word not in found


def test_everyday_words_that_are_names_stay_readable_outside_a_jotted_note():
    text = "Any tips? We hope to call back every patient within a day, and summer + winter hours differ."
    assert _masked(text, "NAME") == []


def test_a_codice_fiscale_written_in_spaced_groups_is_masked():
    text = "Mi serve la fattura intestata a lei, codice fiscale VRD LNE 92C45 H501 Q, grazie."
    assert _masked(text, "NATIONAL_ID") == ["VRD LNE 92C45 H501 Q"]
    assert _masked("cf vrd lne 92c45 h501 q per la fattura", "NATIONAL_ID") == ["vrd lne 92c45 h501 q"]


def test_ordinary_words_and_codes_in_groups_are_no_codice_fiscale():
    text = "Il nuovo scanner ABC TRI 45X20 ha il codice prodotto SKU 2024 e costa 3.800 euro."
    assert _masked(text, "NATIONAL_ID") == []


_REFUSAL = (
    "Wie antworte ich? Sie will nicht zahlen.\n\nVon: Maren ter Horst <m.terhorst@gmx.de>\n"
    "Betreff: AW: Ihre Rechnung Nr. 2026-0871\n\nIch zahle erst, wenn mir das jemand erklärt.\nM. ter Horst"
)


def test_the_sender_refusing_to_pay_the_clinics_invoice_is_a_patient_not_a_supplier():
    found = _masked(_REFUSAL)
    assert "Maren ter Horst" in found and "m.terhorst@gmx.de" in found


def test_an_initial_before_a_surname_with_particles_is_masked_whole():
    text = (
        "Can you reply? Patient email:\nFrom: Joost van der Linde <jvdl@example.nl>\n"
        "I need to move my appointment.\nRegards, J. van der Linde"
    )
    assert "J. van der Linde" in _masked(text, "NAME")


def test_a_record_number_after_its_own_label_stays_masked():
    assert _masked("Patient chart no. 2026-0871 needs a recall", "RECORD_NUMBER") == ["2026-0871"]


def test_a_suppliers_invoice_e_mail_keeps_its_sender_readable():
    text = (
        "Supplier email, anything to do?\n\nFrom: Ravi Sandhu <ravi.sandhu@dentsupply.example>\n"
        "Subject: Invoice INV-55120\n\nPlease pay within 30 days.\nRavi Sandhu, Territory Sales Manager"
    )
    assert _masked(text, "NAME") == []


def test_a_suppliers_invoice_number_with_a_phones_shape_stays_readable():
    text = "Stimmt die MwSt auf dieser Rechnung?\n\nDentalWerk GmbH - Rechnung Nr. 8130662 - 14.10.2026\nKunde: Praxis"
    assert _masked(text) == []


def test_a_screening_camps_sheet_with_an_age_and_birth_date_column_is_read_as_a_table():
    text = (
        "Eye camp list, write a thank-you post:\n\nS.No.\tName\tAge/DOB\tMobile\tVillage\n"
        "1\tVitthal Gaikwad\t69 (12/08/1957)\t98220 44107\tUruli\n2\tSunanda More\t58 (b. 1968)\t-\tLoni"
    )
    found = _masked(text)
    assert {"Vitthal Gaikwad", "Sunanda More", "69 (12/08/1957)", "58 (b. 1968)"} <= set(found)


def test_a_list_of_villages_and_camp_dates_stays_readable():
    text = "Camp plan:\n\nSr\tVillage\tDate\n1\tUruli\t12/11/2026\n2\tLoni\t19/11/2026"
    assert not {"Uruli", "Loni", "12/11/2026", "19/11/2026"} & set(_masked(text))


def test_a_patients_full_name_ending_a_calendar_events_title_is_masked():
    text = (
        "Why is this event shown twice?\n\nBEGIN:VEVENT\nSUMMARY:Mole mapping - Yaw Boateng (Dr Lim)\n"
        "DTSTART:20261112T090000\nEND:VEVENT"
    )
    assert "Yaw Boateng" in _masked(text, "NAME")


def test_a_calendar_events_title_without_a_patient_stays_readable():
    text = "BEGIN:VEVENT\nSUMMARY:Team meeting - Staff Room (Dr Lim)\nSUMMARY:Closed - Public Holiday\nEND:VEVENT"
    assert not {"Staff Room", "Public Holiday", "Team meeting"} & set(_masked(text, "NAME"))


def test_an_unknown_header_line_over_export_rows_is_not_read_as_a_name():
    text = (
        "Reply to these reviews, exported with semicolons:\n\nreviewer;stars;date;text\n"
        "Marisol Achebe;5;02/03/2026;Great care\nTobias Lindqvist;4;05/03/2026;Short wait\n"
        "Priyanka Raman;5;09/03/2026;Kind team"
    )
    found = _masked(text, "NAME")
    assert "reviewer" not in found and "Marisol Achebe" in found
