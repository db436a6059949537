"""Classes of patient data and of wrong masks added after the twenty-fourth blind masking set (docs/privacy.md).

Found: relatives after a family word ("my lad", Spanish "la mamá de", Hinglish "<name> ki mummy"), a lower-case name
owning a relative ("<name>'s mum"), an everyday given name before a listed surname after a cue ("this is sunny
<surname>"), self-introductions and wishes ("Grüezi, ich bin ...", "my name is", "buon compleanno a"), a photo of
someone ("foto di ..."), a patient after "her GP:", a particle after a lower-case title, "-ji", a name before a final
verb ("naam hai", "ko"), French "M."; the entries of a list of names, full names in a schedule's cells or written
surname first, a chat export's stamped line, sign-offs, spaced initials, bare ages, "<nick> (<given>) <surname>", two
given names in a cell, an elided particle, a function-word given name named again in quotes, a Quebec address.

Readable: the clinic's own e-mail at a domain made of its name, the public venue of an event the clinic holds, the
clinic's own birthday, a staff member's relative, a feast named after a god, a Welsh saint's day, a landmark, a place
after a word for where, a town in a run of towns, a street written short, a rank before "(Retd.)", a namesake in a joke
question, a second doctorate, a courtesy word before another ("Uncle ji")."""

from __future__ import annotations

import pytest

from assistant.profile import ClinicProfile
from tests.masking import masked as _masked

_CLINIC = ClinicProfile(name="Harbourview Family Dental", city="Hobart", staff=["Dr. Nina Patel"])


@pytest.mark.parametrize(
    "text",
    [
        "Job ad for Seek please: dental nurse, 4 days. Send CVs to jobs@harbourviewfamily.com.au by Friday.",
        "Recruiting post: hygienist wanted, apply via recruitment@harbourviewfamilydental.com.",
    ],
)
def test_the_clinics_own_email_at_a_domain_named_after_it_stays_readable(text):
    assert _masked(text, "EMAIL", clinic=_CLINIC) == []


def test_a_patients_email_at_another_domain_stays_masked():
    text = "Patient wrote from harbour.lover@gmail.com asking to remove her photo. Reply?"
    assert _masked(text, "EMAIL", clinic=_CLINIC) == ["harbour.lover@gmail.com"]


@pytest.mark.parametrize(
    "text",
    [
        "Free mole checks Sunday at the Lenah Valley Community Centre, 12 Pottery Road, Hobart, 9-12. FB post pls",
        "Event text: eye camp all day at the Kothrud Farmers Market, 14 Paud Road, Pune. Registration at the gate.",
    ],
)
def test_the_public_venue_of_a_clinic_event_stays_readable(text):
    assert _masked(text, "ADDRESS") == []


def test_a_patients_address_at_a_care_home_stays_masked():
    text = "Mrs Kell missed her flu shot at the Rosehill Care Home, 14 Oak Road, Hobart. Can we post a reminder?"
    assert _masked(text, "ADDRESS") != []


@pytest.mark.parametrize(
    "text",
    [
        "Post idea: it's our 5th birthday on 12 March 2025, free coffee all morning!",
        "Wir feiern unseren 10. Geburtstag am 4. Mai 2026 - schreib einen Post mit Sekt und Kuchen.",
    ],
)
def test_the_clinics_own_birthday_is_no_date_of_birth(text):
    assert _masked(text, "DATE_OF_BIRTH") == []


def test_a_patients_birthday_stays_masked():
    assert _masked("our patient Joan's birthday is 12 March 1941, card please", "DATE_OF_BIRTH") == ["12 March 1941"]


@pytest.mark.parametrize("text", ["Radha Ashtami ki post bana do", "Kali Puja ke din clinic band rahega, post likho"])
def test_a_feast_named_after_a_god_stays_readable(text):
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("sorry can't come in, my lad alfie has a temperature. ring me back", "alfie"),
        ("Mensaje: 'Hola, soy la mamá de Tadeo de la Fuente, tiene cita el viernes.' Responde?", "Tadeo de la Fuente"),
        ("main Chintu ki mummy bol rahi hoon, Chintu ka appointment cancel karna hai", "Chintu"),
    ],
)
def test_a_relative_named_after_a_family_word_is_masked(text, name):
    assert any(name in found for found in _masked(text, "NAME"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("will hargreaves's dad rang, wants his son's x-ray posted?", "will hargreaves"),
        ("msg: 'hiya its hope, tarni's mum, can she come in Friday?'", "tarni"),
        ("msg: 'hiya its hope, tarni's mum, can she come in Friday?'", "hope"),
        ("DM: 'Hello this is sunny malhotra, please delete my photo from your reel'", "sunny malhotra"),
    ],
)
def test_a_lower_case_name_shown_by_a_relative_or_a_surname_is_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text", ["everyone's mum loves our reels", "the dog's mum visited reception", "my uncle is ill"]
)
def test_everyday_words_before_a_relative_stay_readable(text):
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nachricht: 'Grüezi, ich bin reto gisler, bitte rufen Sie an.' Wie antworten?", "reto gisler"),
        ("Email: 'Good morning, my name is Ottilie and I want my review removed'", "Ottilie"),
        ("Post: 'Buon compleanno a Ludovica, la nostra paziente più dolce!' Va bene?", "Ludovica"),
        ("Oggetto: foto di Tommaso\nPer favore togliete la foto dal sito. Come rispondo?", "Tommaso"),
        ("Referral from his GP: Mr Tevita Fonua, for a mole check. Can we post about it?", "Tevita Fonua"),
        ("ho chiamato la sig.ra di stefano, vuole la foto rimossa", "di stefano"),
        ("Kal Sunita-ji ka follow-up hai, unki story post kar sakte hain?", "Sunita"),
    ],
)
def test_a_name_after_an_introduction_a_wish_a_photo_or_a_title_is_masked(text, name):
    assert name in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text", ["a photo of Sydney Harbour at dawn for our header", "Uncle ji aur Aunty ji ke liye Diwali post likho"]
)
def test_a_place_photographed_and_a_courtesy_word_stay_readable(text):
    assert _masked(text, "NAME") == []


def _covered(text: str, name: str, kind: str = "NAME") -> bool:
    return any(name in found for found in _masked(text, kind))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("reminder list for the FB post: tomasz wrobel, edith carmichael, k. abernethy. write it?", "k. abernethy"),
        (
            "lapsed list:\n- p. van den broek, last seen 2021\n- Harriet Quinlan, last seen 2020\nupload ok?",
            "p. van den",
        ),
        ("follow-up list, post banana hai: suresh nair, 61; kamla devi, 70; r. pillai, 49. likh do", "kamla devi"),
        ("Tag list: Dazza (Darren Whitlock), Moose Fairweather, and Tezza. Can we tag them?", "Moose Fairweather"),
        ("Tag list: Dazza (Darren Whitlock), Moose Fairweather, and Tezza. Can we tag them?", "Tezza"),
    ],
)
def test_the_entries_of_a_list_of_names_are_masked(text, name):
    assert _covered(text, name)


def test_a_sentence_with_commas_after_a_colon_is_no_list():
    text = "Update: Befund von Frau Sabine Roth ist da, Basaliom, komplett entfernt. Text für den Rückruf?"
    assert _masked(text, "NAME") == ["Sabine Roth"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Story idea, slots left:\n7:30 | hope kowalczyk | scale\n8:15 | will pemberton | filling\nok?",
            "will pemberton",
        ),
        (
            "Story idea, slots left:\n7:30 | hope kowalczyk | scale\n8:15 | will pemberton | filling\nok?",
            "hope kowalczyk",
        ),
        (
            "Agenda:\nore 11:15 – D'Amico Serena – controllo\nore 12:00 – Ferri Luca – igiene\nDidascalia?",
            "D'Amico Serena",
        ),
    ],
)
def test_a_full_name_in_a_schedules_cell_or_written_surname_first_is_masked(text, name):
    assert _covered(text, name)


def test_a_staff_members_relative_stays_readable():
    text = "Dr. Nina Patel's son Oscar won the state chess final! Can we congratulate him on our page?"
    assert _masked(text, "NAME", clinic=_CLINIC) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("[12/03/2024, 18:40] Bev: running late sorry, be there at 7\nturn this into a polite post", "Bev"),
        ("review to answer: 'waited 40 mins for nothing. -- brianna k. from pflugerville'", "brianna k."),
        ("Email: 'Happy to be featured.' Regards, R. K. Wood. Write the testimonial post", "R. K. Wood"),
        ("Holiday snap: Ivy (5) and Oscar (8) had their check-ups today, can we post it?", "Ivy"),
        ("Google review: 'Best skin check ever. — Robbo (Robert) Whitlock'", "Whitlock"),
        ("unki beti ka photo hatana hai, ananya naam hai. reply?", "ananya"),
        ("maine call kiya tha suresh menon ko, unhe post pasand nahi", "suresh menon"),
        ("Message : « c'est la femme de M. Gagnon, il va mieux » Réponse ?", "Gagnon"),
        ("Tue 10:00 | Tran, Van Minh | filling | can I post a blurred screenshot?", "Tran, Van Minh"),
        ("Il paziente Pietro Galli dell'Acqua chiede di togliere la foto. Come rispondo?", "Pietro Galli dell'Acqua"),
    ],
)
def test_a_name_shown_by_a_chat_stamp_a_sign_off_an_age_or_a_title_is_masked(text, name):
    assert _covered(text, name)


def test_a_given_name_that_is_a_function_word_named_again_alone_in_quotes_is_masked():
    text = "Post for Will Ashcroft-Bailey, the marathon lad. Keep it to just 'Will'. Will you draft it?"
    assert _masked(text, "NAME") == ["Will Ashcroft-Bailey", "Will"]


def test_a_second_doctorate_is_no_name():
    assert "Dr" not in _masked("Herr Dr. rer. nat. Konstantin Albrecht (Patient) fragt nach dem Foto.", "NAME")


def test_a_quebec_address_with_its_province_in_brackets_is_masked():
    text = "Mme Lortie, 45 rue des Pins, Sherbrooke (Québec) J1H 4T2, nous a écrit. Légende?"
    assert _masked(text, "ADDRESS") == ["45 rue des Pins, Sherbrooke (Québec) J1H 4T2"]


@pytest.mark.parametrize(
    "text",
    [
        "Post: 'Dydd Gŵyl Dewi hapus i bawb o'r tîm!'",
        "Eye camp: Sunday, Raja Dinkar Kelkar parking ground",
        "Mention we're a two-minute walk from Grace Park on the bus route.",
        "Post: 'Bundamba to Redbank, Chelsea to Brisbane — all welcome'",
        "Sunscreen demo at the river stage near Little Collins St on Saturday, post please",
        "From: Col. (Retd.) Manjit Bhullar\nSubject: thanks",
        'Comment: "Is Dr. Cooper related to Alice Cooper?" reply funny',
    ],
)
def test_a_saints_day_a_landmark_a_place_a_street_a_rank_and_a_famous_namesake_stay_readable(text):
    masked = " ".join(_masked(text, "NAME"))
    assert not any(w in masked for w in ("Dewi", "Kelkar", "Grace", "Chelsea", "Collins", "Col", "Alice"))
