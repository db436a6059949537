"""Classes of misses and wrong masks fixed after the fortieth blind masking set (docs/privacy.md).

Each test uses wordings of its own, not the set's messages; a guard beside each keeps what must stay masked or
readable.
"""

from __future__ import annotations

from assistant.profile import ClinicProfile
from tests.masking import masked as _masked

_HILLTOP = ClinicProfile(
    name="Hilltop Physio", specialty="physio", country="GB", city="York", staff=["Dr Rowan Pellow", "Ines Carvalho"]
)

# --- a name written in another script beside its Latin spelling, a thread's writer in another script ----------------


def test_a_name_in_another_script_beside_its_latin_spelling_is_masked():
    assert "Ирина Соколова" in _masked("New patient Irina Sokolova (Ирина Соколова), knee pain", "NAME")
    assert "Νίκος Αλεξίου" in _masked("Please greet Nikos Alexiou — Νίκος Αλεξίου. He is nervous.", "NAME")
    assert "李明华" in _masked("Referral letter for Li Minghua (李明华), born 1980", "NAME")
    assert "أحمد يوسف" in _masked("Intake: أحمد يوسف (Ahmed Youssef) asked for a morning slot", "NAME")


def test_a_thread_writer_whose_display_name_is_in_another_script_is_masked():
    text = "Reply to this comment please:\nسارة الحسن: Hello, can I book my son in for a check?"
    assert "سارة الحسن" in _masked(text, "NAME")


def test_text_in_another_script_that_is_no_name_beside_one_stays_readable():
    text = "สวัสดีค่ะ แอดมินเพจศูนย์หัวใจค่ะ อยากได้แคปชั่น (EKG, Echo, EST) ราคาพิเศษ"
    assert not any("ส" in m or "ค" in m for m in _masked(text))
    assert _masked("Translate 'Добро пожаловать' (welcome) for our door sign") == []


# --- visitors' numbers: Emirates ID, CURP, Italy's health card, NRIC and the South African ID -------------------------


def test_visitors_numbers_of_a_shape_nothing_else_has_are_masked_with_the_cue_far_away():
    text = "Emirates ID (for the transfer of her records from Dubai, see attached): 784-1979-3310582-3"
    assert "784-1979-3310582-3" in _masked(text, "NATIONAL_ID")
    assert "PERJ011231HJCRNS07" in _masked("CURP del papá: PERJ011231HJCRNS07", "NATIONAL_ID")
    assert "80380001200345678901" in _masked("Paziente di Roma, il numero è 80380001200345678901.")


def test_singapore_and_south_african_numbers_after_their_cue_are_masked():
    assert "T0123456Z" in _masked("visitor from Singapore, NRIC T0123456Z, mild sunburn", "NATIONAL_ID")
    assert "9105215082080" in _masked("new pt from Cape Town, SA ID 9105215082080", "NATIONAL_ID")


def test_order_codes_and_long_numbers_of_other_shapes_stay_readable():
    assert _masked("Order 784-2023-1234567 shipped, tracking 80380 is the depot code") == []
    assert _masked("Invoice S1234567X for the new chairs") == []


# --- public figures, eponymous operations, feasts and month campaigns, brands -------------------------------------


def test_figures_who_spoke_publicly_or_are_named_beside_a_figure_stay_readable():
    assert _masked("Mention that Selena Gomez and Tessa Brightwater have spoken publicly about lupus.") == []
    assert _masked("Mention that Marco Bellandi has spoken openly about living with vitiligo.") == []
    text = "Write about Rafael Nadal and how sports stars like him and Bodhi Rainsford cope with foot injuries."
    assert _masked(text) == []


def test_operations_feasts_campaigns_and_brands_that_read_as_names_stay_readable():
    assert _masked("Explain that Harry Ramsden surgery is not something we offer.") == []
    assert _masked("Caption: we are closed on 25 April for Festa della Liberazione and on 1 May.") == []
    assert _masked("It's Stoptober! 🚭 Our nurse can help you quit.") == []
    assert _masked("It's Veganuary! Share a recipe") == []
    assert _masked("Tell them Ultra Violette Daily Screen is in stock") == []


def test_a_patient_having_surgery_is_still_masked():
    assert "Mary Hollis" in _masked("my patient Mary Hollis surgery is booked for Tuesday", "NAME")


# --- the clinic's own staff's social handles, a pet, a covering practice ---------------------------------------------


def test_a_staff_members_own_handle_stays_readable():
    text = "Meet the team: Dr Rowan Pellow, follow him at @physio.rowanpellow, and Ines at @inescarvalho_hilltop"
    assert _masked(text, clinic=_HILLTOP) == []


def test_a_patients_handle_is_still_masked_beside_the_staffs():
    text = "@lucy.brannagh.77: thanks @physio.rowanpellow for fixing my knee!"
    assert _masked(text, "NAME", clinic=_HILLTOP) == ["lucy.brannagh.77"]


def test_a_pets_name_stays_readable():
    assert _masked("Ines — owner of a greyhound called Pippin and a cat named Marmaduke.", clinic=_HILLTOP) == []


def test_a_covering_practices_address_stays_readable():
    text = "Während des Urlaubs: Vertretung: Zahnarztpraxis Dr. Lindqvist, Hegelstraße 40. Danach wieder wie gewohnt."
    assert _masked(text, "ADDRESS") == []
    assert "Hegelstraße 40" in _masked("Frau Albers wohnt in der Hegelstraße 40, bitte Brief schicken", "ADDRESS")


# --- a patient's street with no house number -------------------------------------------------------------------


def test_a_named_patients_street_without_a_number_is_masked():
    assert "Millbrook Lane" in _masked("Happy 101st to Mrs Agnes Whitcombe (101!) of Millbrook Lane!", "ADDRESS")
    text = "Florence Abara walks every morning from her place on Greenhill Road to the park."
    assert "Greenhill Road" in _masked(text, "ADDRESS")
    assert "Lindenhofstraße" in _masked("Glückwunsch an Frau Hertha Vossberg aus der Lindenhofstraße!", "ADDRESS")


def test_a_street_without_a_person_stays_readable():
    assert _masked("Parking is easiest on Greenhill Road behind the clinic.") == []
