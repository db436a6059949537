"""Classes of misses and wrong masks fixed after the thirty-first blind masking set (docs/privacy.md).

Each test uses wordings of its own, not the set's messages; a guard beside each keeps what must stay masked or
readable.
"""

from __future__ import annotations

import pytest

from assistant.profile import ClinicProfile
from tests.masking import masked as _masked

_LAKEVIEW = ClinicProfile(name="Lakeview Dental", specialty="dentist", country="AU", city="Perth")
_LINDENHOF = ClinicProfile(name="Praxis Lindenhof", specialty="dermatology", country="DE", city="Kassel")


@pytest.mark.parametrize(
    "text",
    [
        "Summarise for the noticeboard:\n\nLakeview Dental – Staff Meeting – Monday, 3 March\n"
        "Present: Dr. Odile Brannigan, Fenella Cartwright (RDH), Tobias Wexley (front desk)\n"
        "1. Tobias to chase the autoclave service.\n2. Fenella presenting the new recall letters.",
        "Riassumi il verbale:\n\nVERBALE RIUNIONE – 4 marzo\nPresenti: Dott.ssa Ilaria Benvenuti, Ottavio Scarpellini "
        "(odontotecnico)\n1. Ottavio ordina le nuove frese.",
        "Protokoll der Teambesprechung\nAnwesend: Dr. Henrike Vollmer, Wiebke Strunz (MFA)\n"
        "1. Wiebke übernimmt das QM.",
    ],
)
def test_the_attendees_of_a_team_meetings_minutes_stay_readable(text):
    assert _masked(text, "NAME") == []


def test_a_patient_named_in_an_item_of_the_minutes_stays_masked():
    text = (
        "Summarise these minutes:\n\nPractice Meeting – Friday\nPresent: Dr. Odile Brannigan, Fenella Cartwright\n"
        "1. Complaint from patient Gwendolyn Ashcombe about her bill."
    )
    assert "Gwendolyn Ashcombe" in _masked(text, "NAME")


def test_a_present_line_without_a_meeting_keeps_its_names_masked():
    text = "Home visit note. Present: Winifred Haverstock and her son Lionel Haverstock. BP 150/90."
    names = _masked(text, "NAME")
    assert any("Winifred Haverstock" in n for n in names)


@pytest.mark.parametrize(
    "text",
    [
        "Is this invoice right? We ordered 3 boxes, not 5.\n\nNORTHGATE MEDICAL SUPPLIES – TAX INVOICE NG-558120\n"
        "Customer: Lakeview Dental, Perth WA\nNitrile Gloves M (100/bx) x5 ............ $64.50\n"
        "Sales Rep: Tamsin Holloway",
        "Controlla questa fattura:\n\nDENTALCOMM S.R.L. – FATTURA N. 31/00412\nCliente: Studio Verdi, Parma\n"
        "Frese diamantate x4 .... € 88,00\nAgente di zona: Sig. Ermanno Castellucci",
        "Bitte diese Rechnung prüfen:\n\nMEDIVERSAND GMBH – RECHNUNG Nr. 2024-55210\nKunde: Praxis Lindenhof\n"
        "Lieferdatum: 03.05.2024\nAnsprechpartnerin Außendienst: Frau Roswitha Pfeiffer",
    ],
)
def test_a_suppliers_invoice_keeps_its_contact_labels_and_firm_readable(text):
    assert _masked(text, clinic=_LINDENHOF) == []


def test_a_patients_invoice_keeps_the_patient_masked():
    text = (
        "Check this invoice before I send it:\n\nINVOICE 2291\nPatient: Cordelia Farnsworth, DOB 12/04/1961\n"
        "Crown x1 .... $1,200.00\nAccount Manager: Tamsin Holloway"
    )
    masked = _masked(text)
    assert "Cordelia Farnsworth" in masked and "12/04/1961" in masked


@pytest.mark.parametrize(
    "text",
    [
        "Explain this lab e-mail simply:\n\nFrom: results@northshorepathology.com.au\nTo: Lakeview Dental\n"
        "Subject: Biopsy report\n\nBenign. No further action.",
        "Von: befunde@labor-rheintal.de\nAn: Praxis Lindenhof\nBetreff: Laborwerte\n\nAlles im Normbereich.",
        "From: no-reply@imaging-partners.ca\nSubject: Report ready\n\nYour report is available in the portal.",
        "How do I reply?\n\nThanks for the receipt!\n\n> On 3 May 2024, at 09:12, Lakeview Dental "
        "<reception@lakeviewdental.com.au> wrote:\n> Receipt attached.",
    ],
)
def test_a_role_mailbox_on_a_pasted_emails_header_stays_readable(text):
    assert _masked(text, "EMAIL") == []


def test_a_persons_mailbox_on_a_pasted_emails_header_stays_masked():
    text = (
        "From: Ottilie Brandauer <ottilie.brandauer@gmx.de>\nTo: reception@lakeviewdental.com.au\n\nHi, can I rebook?"
    )
    assert _masked(text, "EMAIL") == ["ottilie.brandauer@gmx.de"]


@pytest.mark.parametrize(
    "text",
    [
        "Summarise the call:\n[11:00] Dr. Odile Brannigan: How is the jaw?\n[11:01] Patient: Worse, mostly at night\n"
        "[11:02] Patient: We've tried the night guard already",
        "[08:15] Client: Our daughter starts school soon\n[08:16] Dr. Odile Brannigan: Lovely.",
        "[16:40] Patientin: Die Schwellung ist kleiner geworden\n[16:41] Patientin: Muss ich weiter kühlen?",
    ],
)
def test_what_a_transcripts_speaker_says_is_not_their_name(text):
    assert _masked(text, "NAME") == []


def test_a_name_given_by_a_transcripts_speaker_stays_masked():
    text = "[11:00] Dr. Odile Brannigan: Your name and date of birth?\n[11:00] Patient: Leopold Marchetti, 4 May 1971"
    assert "Leopold Marchetti" in _masked(text, "NAME")


def test_a_note_that_an_invoice_must_be_redone_for_someone_keeps_them_masked():
    text = "to-do list please:\n- invoice to redo for Philippa Stonebridge, she was charged twice\n- order more gloves"
    assert "Philippa Stonebridge" in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Tidy this advert: Send Your CV By Monday 2 June To The Practice Manager.",
        "Check the order form:\nBill To: Lakeview Dental, Perth WA",
        "Poster copy: See Us At The Austin Pride March – Free Toothbrushes For Everyone!",
    ],
)
def test_the_small_words_and_events_of_title_case_copy_are_no_surnames(text):
    assert _masked(text, "NAME", clinic=_LAKEVIEW) == []


def test_a_patients_full_name_in_title_case_copy_stays_masked():
    text = "Happy 100th Birthday To Our Patient Winifred Haverstock!"
    assert any("Winifred Haverstock" in n for n in _masked(text, "NAME"))


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Patient: Leopold Marchetti   Accession: QP25-4471093\nFerritin: 12", "QP25-4471093"),
        ("Subject: Biopsy – MARCHETTI – Acc# HX25-2209", "HX25-2209"),
        ("Paziente: Leopoldo Marchi   N. accettazione: CRV-25-004417", "CRV-25-004417"),
        ("Assistito: Leopoldo Marchi\nN. tessera iscritto: CAS-0098123344", "CAS-0098123344"),
        ("Bitte Karte mitbringen (Vers.-Nr. K883104229).", "K883104229"),
        ("Beihilfeantrag\nPersonalnummer LBV: 0077-119254\nName: Marchetti", "0077-119254"),
        ("Health fund claim\nMembership No.: 5521 0984 7\nName: Leopold Marchetti", "5521 0984 7"),
    ],
)
def test_a_labs_accession_a_funds_member_card_and_a_staff_number_are_masked(text, number):
    assert number in _masked(text, "RECORD_NUMBER")


def test_an_accession_without_a_number_masks_nothing():
    assert _masked("Write a post about the accession of our practice to the regional network in 2024.") == []


def test_a_forms_name_field_with_a_surname_that_is_a_word_stays_masked():
    text = "Anmeldebogen\nName: Schneider\nVorname: Leopold\ngeb.: 04.05.1971"
    assert "Schneider" in _masked(text, "NAME")


def test_the_parties_and_fields_an_insurance_form_labels_are_no_names():
    text = (
        "Check this claim form:\nPolicyholder/Subscriber Name: Leopold Marchetti\n"
        "Subscriber Date of Birth: 1968-02-14\nPatient Name: Ottilie Marchetti\nRelationship to Subscriber: Dependent"
        " Child\nPatient Date of Birth: 2010-07-01"
    )
    masked = _masked(text, "NAME")
    assert sorted(masked) == ["Leopold Marchetti", "Ottilie Marchetti"]


def test_a_job_adverts_german_labels_with_a_pronoun_are_no_speakers():
    text = "Stellenanzeige:\nWir Bieten: Faire Bezahlung, Jobrad\nSie Bieten: Erfahrung Als MFA\nBewerbung An Das Team."
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    "text",
    ["Caption: Free Whitening With Every New Patient Consult This May!", "Existing Client Rewards: 10% Off Checkups"],
)
def test_a_title_case_service_named_after_patients_is_no_name(text):
    assert _masked(text, "NAME") == []


def test_a_new_patient_named_in_title_case_stays_masked():
    assert "Winifred Haverstock" in _masked("Welcome Email For New Patient Winifred Haverstock", "NAME")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Voicemail: it's Leopold, date of birth is twelve March nineteen sixty-one, call me back.",
            "twelve March nineteen sixty-one",
        ),
        (
            "Voicemail: me date of birth's the ninth of the eleventh, fifty-three. Ta.",
            "the ninth of the eleventh, fifty-three",
        ),
        (
            "Anrufbeantworter: Leopold Marchetti, geboren am dritten Mai dreiundsechzig, bitte Rückruf.",
            "dritten Mai dreiundsechzig",
        ),
        ("Message : Léopold Marchetti, né le douze mars soixante-trois, rappelez-moi.", "douze mars soixante-trois"),
    ],
)
def test_a_birth_date_read_out_in_words_is_masked(text, date):
    assert date in _masked(text, "DATE_OF_BIRTH")


def test_a_spoken_date_with_no_birth_cue_stays_readable():
    assert _masked("Post idea: on the first of the third, twelve March, we open late.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Subject: Cytology – HAVERSTOCK, Winifred – Lab No 25-771204", "HAVERSTOCK, Winifred"),
        ("Subject: Results available – CHOI, SOO-AH", "CHOI, SOO-AH"),
    ],
)
def test_a_surname_in_capitals_then_a_given_name_is_masked(text, name):
    assert name in _masked(text, "NAME")


def test_a_shouted_word_then_a_comma_and_a_given_name_stays_readable():
    assert _masked("Caption idea: SUMMER, Grace and light – our new window display.", "NAME") == []


@pytest.mark.parametrize(
    "text",
    [
        "Korrektur lesen: Praxis Lindenhof – Herbst-Newsletter. Neu Im Team: Rosalind Ferncliffe. Schöne Ferien!",
        "Correggi: Newsletter di ottobre. Nuova nel team: Ornella Pasquini. Buon autunno!",
    ],
)
def test_a_colleague_introduced_as_new_in_the_team_stays_readable(text):
    assert _masked(text, "NAME", clinic=_LINDENHOF) == []


def test_a_patient_new_to_the_clinic_stays_masked():
    assert "Rosalind Ferncliffe" in _masked("New to the clinic: my patient Rosalind Ferncliffe, knee pain.", "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Semplifica l'informativa:\nTitolare del trattamento: Studio Verdi.\nResponsabile della Protezione dei Dati: "
        "Avv. Ernesta Castellucci, Studio Legale Castellucci.",
        "Datenschutzhinweise vereinfachen:\nVerantwortlich: Praxis Lindenhof.\nDatenschutzbeauftragte: Frau "
        "Rechtsanwältin Roswitha Pfeiffer, Kanzlei Pfeiffer & Lahm.",
        "Rewrite our privacy notice:\nData Protection Officer: Tamsin Holloway, Holloway Compliance Ltd.",
    ],
)
def test_a_privacy_notices_controller_and_data_protection_officer_stay_readable(text):
    assert _masked(text, "NAME", clinic=_LINDENHOF) == []


def test_a_patient_named_in_a_privacy_question_stays_masked():
    text = "Data Protection Officer: Tamsin Holloway.\nPatient Winifred Haverstock asked for a copy of her records."
    assert "Winifred Haverstock" in _masked(text, "NAME")


def test_an_awareness_week_after_a_word_that_cues_a_name_stays_readable():
    text = "Could you write a caption for Baby Loss Awareness Week? And one for Infant Remembrance Day"
    assert _masked(text) == []


def test_a_baby_named_before_ordinary_words_is_still_masked():
    assert any("Rosa" in span for span in _masked("my baby Rosa Awareness of the risks matters to us"))


def test_a_unit_in_capitals_and_a_weekday_are_no_surname_and_given_name():
    """ "OPD, Thu OT day" in a rota: a unit and a weekday, not a lab system's "SURNAME, Given"."""
    assert _masked("rota: Mon-Wed clinic OPD, Thu theatre day, Fri admin") == []


def test_a_surname_in_capitals_and_a_given_name_are_still_masked():
    assert _masked("Histology result – GALLAGHER, Siobhan – please call her") == ["GALLAGHER, Siobhan"]


def test_someone_disputing_an_invoice_is_a_patient_and_its_number_theirs():
    text = "Frau Annegret Wollny hat Einspruch gegen Rechnung Nr. KH-2025-0412 erhoben. Bitte eine Antwort entwerfen."
    assert _masked(text) == ["Annegret Wollny", "KH-2025-0412"]
