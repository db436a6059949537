"""Classes of misses and wrong masks fixed after the thirtieth blind masking set (docs/privacy.md).

Each test uses wordings of its own, not the set's messages; a guard beside each keeps what must stay masked or
readable.
"""

from __future__ import annotations

import pytest

from assistant.profile import ClinicProfile
from tests.masking import masked as _masked


@pytest.mark.parametrize(
    "text",
    [
        "Turn this into a table:\n\nWILLOW PHYSIO — ROTA\nMon: Dr Ewan Pryce 9–5 | Reception: Bronwen Tilley\n"
        "Thu: Dr Ewan Pryce 9–1 | Reception: Bronwen Tilley, Odette Marchbank\nFri  Odette Marchbank 9–1",
        "Tabella turni:\nLun: Dott. Ilario Berti 9–13 | Segreteria: Ornella Pasquini\n"
        "Ven: Dott. Ilario Berti 14–19 | Igiene: Ornella Pasquini",
        "Weekly roster:\nTue: theatre list — Dr. Anand Rele, Sister Philomena Dsouza\nThu  Locum: Keiran Moffatt 8–4",
    ],
)
def test_a_staff_rotas_weekdays_and_colleagues_stay_readable(text):
    assert _masked(text) == []


def test_a_patient_in_a_days_appointment_row_stays_masked():
    text = "Mo 09:00  Dr. Weber  Biopsie  Gundula Oberreiter\nDi 10:00  Dr. Weber  Kontrolle  Ewald Fenstermacher"
    names = _masked(text, "NAME")
    assert "Gundula Oberreiter" in names and "Ewald Fenstermacher" in names


@pytest.mark.parametrize(
    "text",
    [
        "Write a welcome post naming Dr. Hollis Grange and NP Marisol Quintero.",
        "Flu clinic Saturday 9–1 (RN Adaeze Okonkwo on the vaccines).",
    ],
)
def test_a_name_after_a_nurse_or_practitioners_post_is_a_clinician(text):
    assert _masked(text, "NAME") == []


def test_a_patient_named_after_such_a_post_with_a_patient_cue_stays_masked():
    assert "Marisol Quintero" in _masked("Our patient NP Marisol Quintero needs her refill faxed.", "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Supplier email, what changes for us?\n\nFrom: Orla Brennigan <obrennigan@medisupply.ie>\n"
        "Subject: price list\n\n"
        "Hi, gloves go up 5% in May.\nBest,\nOrla Brennigan\nTerritory Sales Manager",
        "Was will der Lieferant?\n\nVon: Jörg Haselbeck <j.haselbeck@dentalhandel.de>\nBetreff: Lieferung\n\n"
        "Die Abformmasse kommt am Freitag.\nGrüße, Jörg Haselbeck, Außendienst",
        "Summarise this vendor update: the implant kits now ship from Carl Zeiss and Henry Schein depots.",
    ],
)
def test_a_suppliers_sender_and_sales_contacts_stay_readable(text):
    assert _masked(text) == []


def test_a_patient_who_signs_with_a_sales_role_stays_masked():
    text = (
        "Reply to this please:\n\nFrom: Orla Brennigan <orla.b@gmail.com>\nSubject: crown\n\nMy crown is loose.\n"
        "Orla Brennigan, Territory Sales Manager"
    )
    assert "Orla Brennigan" in _masked(text, "NAME") and "orla.b@gmail.com" in _masked(text, "EMAIL")


def test_a_plans_group_number_is_no_patients_number_but_the_member_id_is():
    text = "Claim for Mrs. Odile Ferrant\nMember ID: QXA7712093   Group #: 30417\nPlease draft the appeal."
    numbers = _masked(text, "RECORD_NUMBER")
    assert "30417" not in " ".join(numbers) and "QXA7712093" in numbers


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Portal message:\nVon: Henrike Altdorfer\nKarteinummer: KX-44120\nHallo, darf ich morgen kommen?",
            "Karteinummer",
        ),
        ("Phone note:\nCaller: Mr Osvald Pettersen\nReq: repeat scan\nOutcome: booked Friday", "Req"),
    ],
)
def test_a_forms_record_label_or_request_field_is_no_chat_speaker(text, label):
    assert label not in _masked(text, "NAME")


def test_a_chat_speaker_by_name_stays_masked_beside_such_labels():
    text = "Chat log:\nGwendolyn: is my scan ready?\nUs: yes, tomorrow\nGwendolyn: thanks"
    assert "Gwendolyn" in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Preisliste für die Website:\nFaltenbehandlung mit Hyaluron: ab 280 €\nKryotherapie Warzen: 40 €",
        "Holiday hours:\nVaisakhi Mela (Tue): closed\nQueen's Birthday (Mon 9 Jun): closed",
        'Post about the congress:\nSaturday 11:15  Keynote: "Margins That Matter" – Imelda Corrigan\n'
        "Sunday 9:30 Plenary  Dr. Rao Memorial Lecture",
    ],
)
def test_a_price_list_holiday_hours_and_a_programme_stay_readable(text):
    assert _masked(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Recalls this week: Doris Keller (Mon): 10:00, Ewald Brandt (Thu): 9:30", "Ewald Brandt"),
        ("Balance due, please chase: Doris Keller: 95 €", "Doris Keller"),
        ('Testimonial for the website: "Best dentist in town!" – Imelda Corrigan', "Imelda Corrigan"),
        ("Please wish Mrs Ada Crane a happy birthday, her birthday is 5 Oct 1961", "5 Oct 1961"),
    ],
)
def test_patients_in_lists_of_days_prices_quotes_and_birthdays_stay_masked(text, found):
    assert found in _masked(text)


_PRAXIS = ClinicProfile(name="Hautpraxis am Rhein", city="Köln", staff=["Dr. Gesine Brandhorst", "Till Ocker"])


def test_a_titled_colleagues_surname_in_the_german_genitive_stays_readable():
    text = "Bitte aus Dr. Brandhorsts kurzer Notiz einen Brief machen: Fr. Lindqvist, Kontrolle in 3 Monaten."
    names = _masked(text, "NAME", clinic=_PRAXIS)
    assert not any("Brandhorst" in n for n in names) and "Lindqvist" in names


def test_a_patient_sharing_the_surname_after_a_lay_title_stays_masked():
    assert any("Brandhorst" in n for n in _masked("Bitte Frau Brandhorsts Befund faxen.", "NAME", clinic=_PRAXIS))


def test_a_suppliers_order_and_the_clinics_account_numbers_stay_readable():
    text = (
        "Supplier email, what now?\n\nFrom: Medisupply Ltd <orders@medisupply.ie>\nSubject: order MS-44817 delayed\n\n"
        "Dear team, your Acct #58213 order ships Friday.\nKind regards, Customer Services"
    )
    assert _masked(text) == []


def test_a_patients_number_in_a_suppliers_email_stays_masked():
    text = "Supplier email: the lab order for patient MRN 0048213 is late, can you tell her?"
    assert "0048213" in _masked(text, "RECORD_NUMBER")


def test_initials_that_open_a_birth_label_are_no_name():
    text = "Authorisation form\nPatient: Mr Torvald Ekdahl\nD.O.B. 03 Mar 1966\nPolicy: private"
    assert "Torvald Ekdahl" in _masked(text, "NAME") and not any(n.startswith("D.O") for n in _masked(text, "NAME"))


def test_a_patients_initials_before_other_words_stay_masked():
    assert "D.O." in _masked("Pt D.O. seen today for review, D.O.B 02 Feb 1950", "NAME")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Reply to this review please:\n\nDesmond Achterberg ★☆☆☆☆\n"Rude at the desk."', "Desmond Achterberg"),
        ('Draft a reply:\n\nTazza K ★★☆☆☆\n"Waited ages."', "Tazza K"),
        ('Reply please:\n\n★★☆☆☆ Wilhelmina Osei · 3 reviews\n"Bill was wrong."', "Wilhelmina Osei"),
    ],
)
def test_a_reviewers_name_beside_the_stars_is_masked(text, name):
    assert name in _masked(text, "NAME")


def test_a_reviews_title_beside_the_stars_stays_readable():
    assert _masked('Reply please:\n\nGreat Service ★★★★★\n"Lovely team."', "NAME") == []


def test_an_anonymous_reviewer_beside_the_stars_stays_readable():
    assert _masked("Bitte antworten:\n\n★★☆☆☆ Anonym (Jameda)\n„Zu lange gewartet.“", "NAME") == []


def test_a_repeated_name_with_a_particle_is_masked_whole():
    text = (
        "Antworten bitte:\n\nGreta Halvorsen: Welcher LSF?\nMatteo de Santis: Frau Dr. Weber half mir. Danke!!\n"
        "Ali Haidari: @Matteo de Santis krass, gut dass du hingegangen bist"
    )
    assert _masked(text, "NAME").count("Matteo de Santis") == 2
