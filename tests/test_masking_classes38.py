"""Classes of misses and wrong masks fixed after the thirty-eighth blind masking set (docs/privacy.md).

Each test uses wordings of its own, not the set's messages; a guard beside each keeps what must stay masked or
readable.
"""

from __future__ import annotations

from assistant.guardrails.ocr import read_as_printed
from assistant.profile import ClinicProfile
from tests.masking import masked as _masked

_DERM = ClinicProfile(
    name="Hautpraxis am Tor", specialty="dermatology", country="DE", city="Kassel", staff=["Lukas Brenner"]
)
_EYES = ClinicProfile(name="Clearview Eye Clinic", specialty="ophthalmology", country="IN", city="Nashik")


# --- a scan read by OCR: look-alike letters in numbers, digits in words --------------------------------------------


def test_a_scanned_forms_dates_phones_and_names_are_masked_through_ocr_look_alikes():
    text = "Faxed form, please tidy:\nPATlENT: HOLLOWAY, Brendan\nD0B: 2l/O3/l967\nTel: O7911 2O4 558\nDx: gout"
    found = _masked(text)
    assert "2l/O3/l967" in found
    assert "O7911 2O4 558" in found
    assert any("HOLLOWAY" in f for f in found)


def test_a_scanned_italian_form_is_read_as_printed():
    text = "Modulo scansionato:\nPAZlENTE: BRAGHlERI Ottavio\nNAT0 lL: l2/O9/l949\nTEL: O2 4l7 9O33"
    found = _masked(text)
    assert "l2/O9/l949" in found
    assert "O2 4l7 9O33" in found


def test_ordinary_text_with_a_look_alike_or_two_is_left_as_written():
    assert read_as_printed("Meet at 10am, bring the B12 leaflets and the Win10 laptop") == (
        "Meet at 10am, bring the B12 leaflets and the Win10 laptop"
    )
    # A postcode's digits among capitals are no misreading, even in a scan.
    scan = "PATlENT: D0E\nD0B: l2/O3/l95O\nAddr: 9 Elm St, Ottawa K1M 2C5"
    assert "K1M 2C5" in read_as_printed(scan)


# --- a year of birth alone, a month and a year, a year then the day ------------------------------------------------


def test_a_year_of_birth_alone_or_with_a_month_is_a_date_of_birth():
    assert "1951" in _masked("Writing for my grandad Walter Pim (born 1951), he needs a home visit")
    assert "1979" in _masked("Passport copy:\nYear of Birth: 1979\nPlace: Derby")
    assert "June '62" in _masked("Her mum, Ida Kerslake, born in June '62, asked for a call")
    assert "1958, 4th of July" in _masked("pt Hal Odum born 1958, 4th of July, allergic to latex")
    assert "17.04.1944" in _masked("Aufnahmebogen\nGeb.-Dat.: 17.04.1944\nKasse: AOK")


def test_a_year_after_born_that_is_no_ones_birth_stays_readable():
    assert _masked("Our practice was born in 2009 in a garage, write a short history") == []
    assert _masked("We opened in 1998 and moved in 2015.") == []
    # ... nor a year asked of the public (round 47: "Born in 1985? ..." had become a birth date)
    assert _masked("Born in 1972? Your bowel screening kit is on its way, watch the post.") == []
    assert _masked("If you were born in 1958 or earlier, ask us about the shingles vaccine.") == []


# --- a pasted thread: the handle of a writer who gives their own or a relative's data -------------------------------


def test_a_thread_writers_handle_is_masked_when_their_line_gives_their_data():
    text = (
        "How do we answer this?\n@cosy_kat_22: hi my son Ollie Brandt is 9 and has toothache, call me 07700 900455\n"
        "@yourclinic: ...\n@cosy_kat_22: thanks!!"
    )
    assert _masked(text, "NAME").count("cosy_kat_22") == 2


def test_a_clinics_or_brands_reply_in_a_thread_keeps_its_handle():
    text = "@smilebright_co: Hi Ollie Brandt, please DM us your number 07700 900455 so we can help"
    assert "smilebright_co" not in _masked(text)


# --- a name in capitals: an initial inside, or a courtesy title before it -------------------------------------------


def test_a_name_in_capitals_with_an_initial_or_after_a_title_is_masked():
    assert "DOROTHEA K. WAINWRIGHT" in _masked("Re: Mrs. DOROTHEA K. WAINWRIGHT, age 80\nPlease see")
    assert "LALITHA GOKHALE" in _masked("Name: Smt. LALITHA GOKHALE\nAge: 62")
    assert any("FERRANTE" in f for f in _masked("Paziente: Sig.ra FERRANTE Luisa — visita di controllo"))
    assert "R. TEMPLETON" in _masked("Wed 2 Apr 10:15 – MRS R. TEMPLETON – knee review")


def test_capitals_after_a_word_that_only_looks_like_a_title_stay_readable():
    assert _masked("Trip to Sri Lanka with the MS FLARE study team in May") == []


# --- things named after people: streets, institutes, halls, statues, schemes ---------------------------------------


def test_a_street_an_institute_a_hall_a_statue_or_a_scheme_named_after_a_person_stays_readable():
    assert _masked("Parcheggio gratuito in Via Giacomo Matteotti.") == []
    assert _masked("Fermata del bus in Piazza Giuseppe Verdi, poi a destra.") == []
    assert _masked("Laut Max Rubner-Institut essen Kinder zu wenig Obst.") == []
    assert _masked("Meet by the King Edward statue at noon for the charity walk.") == []
    assert _masked("Health talk: Friday 2 May, Ramesh Mandal hall, Deccan, 6pm.", clinic=_EYES) == []
    assert _masked("Cashless surgery under the Rajiv Gandhi Jeevandayee Yojana for families.", clinic=_EYES) == []
    assert _masked("Eligible under the Deendayal Swasthya Yojana scheme.", clinic=_EYES) == []


def test_a_patient_living_on_a_street_named_after_a_person_keeps_the_address_masked():
    found = _masked("La paziente abita in Via Alcide De Gasperi 14, Trento", "ADDRESS")
    assert any(f.startswith("Via Alcide De Gasperi 14") for f in found)


# --- public figures in the clinic's own copy -------------------------------------------------------------------------


def test_a_founder_or_a_sports_star_in_the_clinics_copy_stays_readable():
    assert _masked("Flyer for our hot yoga class, inspired by Bikram Choudhury himself, Fridays 7pm.") == []
    assert _masked("Blog: what Ronan O'Gara's kicking routine teaches us about hip mobility.") == []


def test_a_patient_who_inspired_a_post_after_a_patient_cue_stays_masked():
    assert "Elsie Rudd" in _masked("Post inspired by my patient Elsie Rudd, who walked again after her hip op")


# --- colleagues: a team listed in brackets, a role after a name in a rota, a roster's role line ------------------


def test_a_team_listed_in_brackets_a_rota_role_after_a_name_and_a_roster_line_are_colleagues():
    assert _masked("Write a card for our reception team (Mirela, Tansy and Ruairi) for the audit result.") == []
    assert _masked("Dienstplan:\nDi: Dr. Brenner 8-12, Lukas Empfang 7-15\nMi: Lukas 9-17", clinic=_DERM) == []
    assert _masked("Roster:\nOrthoptist: Ms. Revathi (Mon–Wed)\nSunday closed", clinic=_EYES) == []


def test_a_patient_in_brackets_or_in_a_rota_row_stays_masked():
    assert "Mirela Novak" in _masked("Call the patient (Mirela Novak) about her crown")
    text = "Di: Dr. Brenner 8-12, Hausbesuch bei Frau Gerlinde Auer 14 Uhr"
    assert any("Gerlinde Auer" in f for f in _masked(text, "NAME", clinic=_DERM))


# --- a bank account's groups of digits -------------------------------------------------------------------------------


def test_the_groups_of_an_iban_are_no_national_number():
    assert _masked("Zahlbar bis 30.04.2025, IBAN DE55 2803 8528 0841 4852 38, Verwendungszweck RE-118") == []
    assert "A123456780" in _masked("Versichertennummer: A123456780")


# --- a form's field for the surname alone -----------------------------------------------------------------------------


def test_the_word_in_a_forms_surname_field_is_masked():
    assert "DLAMINI" in _masked("New patient form:\nSurname: DLAMINI\nPreferred name: Thandi")
    assert "MARANGONI" in _masked("Scheda:\nCognome: MARANGONI\nProvincia: BG")


def test_an_everyday_word_in_a_surname_field_or_a_longer_value_stays_readable():
    assert _masked("Form fields to add:\nSurname: required\nNotes: optional") == []


# --- a laboratory named after its doctor; a supplier's invoice with the company before its label ------------------


def test_a_lab_named_after_its_doctor_and_a_suppliers_invoice_number_stay_readable():
    assert _masked("Labor: Die Proben gehen an Labor Dr. Wisplinghoff, bitte Auftrag drucken") == []
    text = "Please check: Meditrade Supplies Ltd, Invoice No. MS/BLR/2025/0417, dated 02/04/2025. Gauze x20 Rs 1,400."
    assert _masked(text) == []


def test_a_patients_invoice_number_and_a_patient_seen_by_a_doctor_stay_masked():
    assert "MS/BLR/2025/0417" in _masked("Please check invoice no. MS/BLR/2025/0417 for Mrs Tara Quill")
    assert "Kessler" in _masked("Patientin Frau Dr. Kessler kommt morgen zur Kontrolle")
