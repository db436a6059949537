"""Classes of misses and wrong masks fixed after the forty-first blind masking set (docs/privacy.md).

Each test uses wordings of its own, not the set's messages; a guard beside each keeps what must stay masked or
readable.
"""

from __future__ import annotations

from assistant.profile import ClinicProfile
from tests.masking import masked as _masked

_RIVERSIDE = ClinicProfile(
    name="Riverside Physio", specialty="physio", country="GB", city="Hull", staff=["Dr Imogen Tate", "Callum Reid"]
)

# --- a firm's representative named with the firm -----------------------------------------------------------------


def test_a_firms_representative_named_with_the_firm_stays_readable():
    assert _masked("Write a thank-you card to Lorenzo from Straumann for the implant training day.") == []
    assert _masked("Reply: 'Hello, this is Bethany from Novartis, may I visit with samples on Monday?'") == []
    assert _masked("Rispondi gentilmente: 'Salve, sono Ottavio di Ivoclar Vivadent, passo martedì'") == []
    assert (
        _masked("Absage an den Vertreter: 'Guten Tag, hier ist Torsten Falk von Pfizer, ich komme am 4. Juni.'") == []
    )
    assert _masked("Thank Kieran from Coastline Management for fixing the booking system.") == []


def test_a_patient_from_a_place_or_named_as_a_patient_stays_masked():
    assert "Lorenzo" in _masked("My patient Lorenzo from Straumann called about his crown.", "NAME")
    assert "Bethany Cole" in _masked("Bethany Cole from Doncaster called about her sore knee.", "NAME")


# --- a public or a historical figure's year of birth ----------------------------------------------------------------


def test_a_public_figures_year_of_birth_stays_readable():
    assert _masked("Caption idea: 'Andy Murray, born 1987, still training every day - so can you.'") == []
    assert _masked("Post: Dolly Parton (born 1946) says laughter is the best medicine. Is that OK to use?") == []


def test_a_historical_figures_name_and_birth_date_stay_readable():
    assert _masked("Quote for the wall: 'Wilhelmina Brandauer, born 1851 in Graz, said: \"Rest is work.\"'") == []
    assert _masked("Fun fact for a post: Abraham Lincoln was born Feb 12, 1809, correct?") == []


def test_a_champion_named_with_the_title_stays_readable():
    text = "Caption: 'Lottie Marchbanks, double Olympic rowing champion, says rest days matter.'"
    assert _masked(text) == []


def test_a_patients_year_of_birth_after_their_name_stays_masked():
    assert "1961" in _masked("Letter for Mrs Agnes Porter, born 1961, about her hip.", "DATE_OF_BIRTH")
    assert "1957" in _masked("Re: Harold Benn (b. 1957), 12 Mill Lane, Hull", "DATE_OF_BIRTH")


# --- a year of birth alone after a short cue, a year read out, a date read out before its cue ---------------------


def test_a_year_of_birth_after_a_short_cue_is_masked():
    assert "1948" in _masked("Class list:\n1. Edna Pratt - b. 1948 - walking frame", "DATE_OF_BIRTH")
    assert "1966" in _masked("Patient Frau Kessler, Ute, geb. 1966, GKV", "DATE_OF_BIRTH")
    assert "2016" in _masked("GALLI Chiara (figlia) | nata 2016", "DATE_OF_BIRTH")


def test_a_year_read_out_after_a_cue_is_masked():
    text = "voicemail: hi its dawn calling for my husband he was born nineteen fifty two and needs his pills"
    assert "nineteen fifty two" in _masked(text, "DATE_OF_BIRTH")
    text = "her date of birth is the ninth of may twenty twenty two, call back please"
    assert "the ninth of may twenty twenty two" in _masked(text, "DATE_OF_BIRTH")


def test_a_date_read_out_in_german_or_italian_is_masked():
    text = "hallo mein sohn ist am dritten april zweitausendzwölf geboren und hat ausschlag"
    assert "dritten april zweitausendzwölf" in _masked(text, "DATE_OF_BIRTH")
    text = "la bambina è nata il dodici maggio duemilasedici e ha la febbre"
    assert "dodici maggio duemilasedici" in _masked(text, "DATE_OF_BIRTH")


def test_plan_b_and_years_ago_stay_readable():
    assert _masked("Plan B. 2025 starts in March, draft a post") == []
    assert _masked("our founder was born forty years ago in this town") == []


# --- a person's social profile ----------------------------------------------------------------------------------


def test_a_named_persons_profile_handle_is_masked():
    text = "Can we repost? instagram.com/runwithmaeve - that's Maeve Donnelly, chart RP-2291."
    assert "runwithmaeve" in _masked(text, "NAME")
    text = "He asked for a recommendation: linkedin.com/in/oskar-lindgren-dds. Patient Oskar Lindgren, file 7781."
    assert "oskar-lindgren-dds" in _masked(text, "NAME")
    assert "maeve.runs.hull" in _masked("her tiktok is tiktok.com/@maeve.runs.hull, ok to share?", "NAME")


def test_the_clinics_own_profile_stays_readable():
    text = "Our page is instagram.com/riversidephysiohull - can you write a bio for it?"
    assert _masked(text, clinic=_RIVERSIDE) == []


# --- a name's parts in a form's fields, the label above the value -----------------------------------------------------


def test_name_parts_under_their_labels_are_masked():
    text = "OCR of the card:\nNACHNAME\nBRÜGGEMANN\nVORNAME\nHANS-JÖRG\nGeburtsdatum 02.03.1971"
    found = _masked(text, "NAME")
    assert "BRÜGGEMANN" in found and "HANS-JÖRG" in found
    text = "Cognome\nLOMBARDI\nNome\nELISA\nLuogo di nascita TORINO"
    assert {"LOMBARDI", "ELISA"} <= set(_masked(text, "NAME"))
    text = "CLAIM FORM\nSURNAME:\nADEYEMI\nGIVEN NAMES: TOLU FEMI\nPOLICY 881"
    assert {"ADEYEMI", "TOLU FEMI"} <= set(_masked(text, "NAME"))
    assert "TAUIHU" in _masked("FAMILY NAME  TAUIHU\nDATE OF BIRTH  01 FEB 1980", "NAME")


def test_a_number_under_its_label_is_masked():
    assert "M234567891" in _masked("Karte:\nVersichertennummer\nM234567891\nNACHNAME", "NATIONAL_ID")


def test_labels_over_labels_stay_readable():
    assert _masked("Surname:\nDate of birth:\nGiven names:\nPlease fill in") == []


# --- a date of birth in Hindi, Marathi, Korean or Polish -------------------------------------------------------------


def test_a_date_of_birth_in_other_languages_is_masked():
    assert "7 मार्च 1962" in _masked("कृपया अनुवाद करें: 'मेरे पिता का जन्म 7 मार्च 1962 को हुआ था।'", "DATE_OF_BIRTH")
    assert "03/05/1971" in _masked("संदेश: 'माझी आई, जन्मतारीख 03/05/1971, हिला त्रास आहे'", "DATE_OF_BIRTH")
    assert "1979년 11월 8일" in _masked("환자 양식:\n생년월일 1979년 11월 8일\n주소: Brisbane", "DATE_OF_BIRTH")
    assert "12 lutego 1948" in _masked("Przetłumacz: 'mój tata, urodzony 12 lutego 1948, ma ból'", "DATE_OF_BIRTH")


def test_an_event_date_in_hindi_stays_readable():
    assert _masked("पोस्ट लिखें: हमारा नेत्र शिविर 7 मार्च 2026 को है।", "DATE_OF_BIRTH") == []


# --- a health fund's member number after the fund's name -------------------------------------------------------------


def test_a_health_funds_member_number_after_its_name_is_masked():
    assert "4455667C" in _masked("Recall SMS for Tane Walker, on Medibank 4455667C, skin check due", "RECORD_NUMBER")
    assert "88123456" in _masked("She's on HCF 88123456 - can you check the gap?", "RECORD_NUMBER")
    assert "AB12CD34EF" in _masked("Referral: PMJAY ID: AB12CD34EF, cataract work-up", "RECORD_NUMBER")


def test_a_funds_name_before_a_year_stays_readable():
    assert _masked("Write a post about the Medibank 2025 price rise for our patients") == []


# --- a surname in capitals beside its given name ----------------------------------------------------------------------


def test_a_surname_in_capitals_beside_its_given_name_is_masked():
    text = "Rubrica:\nFERRARI Lorenzo | 347 555 1200\nBIANCO Chiara (sorella) | chiara@example.it"
    found = _masked(text, "NAME")
    assert "FERRARI Lorenzo" in found and "BIANCO Chiara" in found
    assert "Samuel OKONJO" in _masked("Re: Mr Samuel OKONJO, DOB 04.02.1958, NHS 943 476 5919", "NAME")


def test_an_acronym_or_a_word_in_capitals_before_a_name_stays_out():
    assert "HIPAA" not in " ".join(_masked("HIPAA Sarah asked about the form"))
    assert "URGENT" not in " ".join(_masked("URGENT Sarah please ring the lab"))


# --- a hospice named after a person, a relative named after the relation's word, a given name after a titled surname --


def test_a_hospice_named_after_a_person_stays_readable():
    assert _masked("Caption: our team raised £800 for Rosemary Lodge Children's Hospice - thank you all!") == []


def test_a_child_named_after_little_girl_is_masked():
    text = "voicemail: hi its jo calling about my little girl poppy shes four and has a cough"
    assert "poppy" in _masked(text, "NAME")


def test_a_given_name_after_a_titled_surname_is_masked():
    text = "Bitte übersetzen: 'Patient Herr Demir, Kemal, geb. 1961, Verdacht auf Katarakt.'"
    assert "Kemal" in _masked(text, "NAME")
    assert "Danke" not in _masked("Frau Weber, Danke, bis Montag", "NAME")


# --- a name in Devanagari after a relative's word or signing after a dash ---------------------------------------------


def test_a_name_in_devanagari_after_a_relatives_word_or_a_dash_is_masked():
    text = "अनुवाद करो: 'मेरे पिता महेश जोशी की दवा खत्म हो गई है। - कविता'"
    found = _masked(text, "NAME")
    assert "महेश जोशी" in found and "कविता" in found
    assert "सुरेश काळे" in _masked("भाषांतर कर: 'माझी आई आणि वडील सुरेश काळे यांना भेट हवी आहे'", "NAME")


def test_devanagari_prose_signed_by_the_team_stays_readable():
    assert _masked("पोस्ट का अनुवाद: 'हमारा नया क्लिनिक सोमवार से खुला है। - टीम'") == []


# --- a doctor's day in a rota, not a drive ----------------------------------------------------------------------------


def test_a_doctors_day_in_a_rota_is_no_drive():
    assert _masked("Rota check: Mon Dr. Ines Vogt 9-5, Wed Dr. Vogt theatre list, Fri off", "ADDRESS") == []


def test_a_drive_named_after_a_weekday_with_a_town_is_still_an_address():
    assert "14 Wed Dr, Leeds" in _masked("new address 14 Wed Dr, Leeds", "ADDRESS")


# --- a lower-case Italian street with its number and a known town ---------------------------------------------------


def test_a_lower_case_street_with_its_number_and_a_town_is_masked():
    text = "messaggio vocale: sono la signora Rita Conti abito in via San Mamolo 17 Bologna mi richiami"
    assert "via San Mamolo 17 Bologna" in _masked(text, "ADDRESS")


def test_a_lower_case_street_without_a_town_stays_as_it_was():
    assert _masked("ci vediamo in via Roma 3 Domani per il corso", "ADDRESS") == []
