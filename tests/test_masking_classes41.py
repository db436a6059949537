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
