"""Classes of patient data and of wrong masks added in round 15 of docs/privacy.md: desks and roles in a pasted chat
log, names given by a contraction, closing words or initials, insurers' member numbers, national numbers a few
words after their cue, a masked person named again, feasts, trainees, shops and a colleague's surname before a
German noun, streets written with particles, a relative in apposition and "c" for "c'est" in a text message."""

from __future__ import annotations

import pytest

from assistant.profile import ClinicProfile
from tests.masking import masked as _masked


@pytest.mark.parametrize(
    "text",
    [
        "pasted from the group:\nManager: can we post today?\nBilling: invoice sent\nManager: ok thanks",
        "Lab: results are back\nPharmacy: refill ready\nLab: great",
        "Ward: please call back\nTriage: two walk-ins\nWard: noted",
    ],
)
def test_desks_and_roles_that_open_lines_of_a_chat_log_are_not_writers(text):
    assert _masked(text, "NAME") == []


def test_a_writer_of_a_chat_log_is_still_masked_beside_a_desk():
    text = "Manager: who is in at ten\nTamsin: me, with my son\nManager: ok\nJo: and me\nJo: after lunch"
    names = _masked(text, "NAME")
    assert "Tamsin" in names and names.count("Jo") == 2 and "Manager" not in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kojo from the running club asked for a shout-out, surname's Mensah-Owusu for the tag", "Mensah-Owusu"),
        ("reply to this google review signed only T.K. - 'lovely staff, quick filling'", "T.K."),
        ("recensione di B. Ferraro: 'ottimo servizio' — rispondi grazie", "B. Ferraro"),
        ("Hi, my crown came loose again. Mit freundlichen Grüßen, K. Hartmann", "K. Hartmann"),
        ("please answer this email: 'the bill is wrong. Kind regards, Thandiwe Mokoena'", "Thandiwe Mokoena"),
        ("Ottavio, il figlio della sig.ra Brambilla, ha perso il primo dentino", "Ottavio"),
        ("sms reçu : « slt c Océane, je voudrais un rdv »", "Océane"),  # "c" for "c'est", as texts write it
    ],
)
def test_names_shown_by_a_contraction_closing_words_initials_a_relative_or_a_texted_introduction(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "end the email with Kind regards, The Smile Studio Team",
        "Post about Ganesh Chaturthi timings, clinic closed on the 7th",
        "Ideas for a post about summer im Schwarzwald? Something light im Sommer",
        "Write a post: Hi, I'm Sarah, the hygienist here, and I love a clean smile",
        "la pharmacie Jean Coutu sur la rue Principale offre des rabais sur les glucomètres",
    ],
)
def test_closing_words_feasts_self_introduced_staff_and_shops_stay_readable(text):
    assert _masked(text, "NAME") == []


def test_a_german_trainee_named_after_her_role_is_a_colleague():
    text = "unsere neue Auszubildende Wiebke Harmsen verteilt am Samstag Proben am Marktplatz"
    assert _masked(text, "NAME") == []


def test_a_colleagues_surname_before_a_german_noun_stays_readable_but_a_patient_does_not():
    clinic = ClinicProfile(name="Hautarztpraxis Weber", staff=["Dr. Anna Weber"])
    assert _masked("Herr Kalbfleisch hat Dr. Weber Pralinen gebracht", "NAME", clinic) == ["Kalbfleisch"]
    assert _masked("Frau Lotte Weber kam heute zur Kontrolle", "NAME", clinic) == ["Lotte Weber"]


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("name Poppy Lindqvist, AXA membership AXA5512093", "AXA5512093", "RECORD_NUMBER"),
        ("Manulife cert ML 8812 0031 for the claim form", "ML 8812 0031", "RECORD_NUMBER"),
        ("policy # 55129-3321 on the estimate", "55129-3321", "RECORD_NUMBER"),
        # A national number a few words after its cue, whatever its check digit: a mistyped number is still hers.
        ("she sent aadhaar for the insurance form - 4821 7730 5196", "4821 7730 5196", "NATIONAL_ID"),
        ("Steuer-ID von Hannelore Brandt wurde versehentlich kopiert: 47 036 892 815", "47 036 892 815", "NATIONAL_ID"),
        # Streets written with a capital and one or two particles, with the town after them.
        ("indirizzo Via del Pratello 31, Bologna", "Via del Pratello 31, Bologna", "ADDRESS"),
        ("Adresse Rue de la Paix 12, Paris", "Rue de la Paix 12, Paris", "ADDRESS"),
        ("elle habite 12 rue des Lilas", "12 rue des Lilas", "ADDRESS"),
    ],
)
def test_member_numbers_national_numbers_and_streets_with_particles_are_masked(text, value, kind):
    assert value in _masked(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "our membership grew by 200 people this year",
        "policy 2024 update for our social media",
        "certificate 3 in dental assisting, post about our new nurse",
        "Post about NHS dental charges, call 0300 123 4567 for details",
    ],
)
def test_everyday_numbers_after_the_new_labels_and_cues_stay_readable(text):
    assert _masked(text, "RECORD_NUMBER") == [] and _masked(text, "NATIONAL_ID") == []


def test_a_masked_person_named_again_with_an_initial_or_in_an_address_with_digits_is_masked():
    text = "mail from rakesh.pillai1980@example.com: 'sir I am Rakesh Pillai, want a second opinion'"
    assert "Rakesh Pillai" in _masked(text, "NAME")
    letter = "Von: Matthias Obermaier <m.obermaier@example.de>\nBetreff: Termin\n\nIch sage ab. Gruß, M. Obermaier"
    assert "M. Obermaier" in _masked(letter, "NAME")
