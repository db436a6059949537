"""Patient data shown by the layout of a pasted text or by a word that names a part of a name: the writers of a chat
log, the sender of an e-mail, a surname given as such, the owner of a number, the resident of an address; and the
places, media and welcomes that are no patient data (round 14 of docs/privacy.md)."""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A chat log's writers, in any case, with or without a time stamp; a writer named twice is masked twice.
        ("pasted from the chat:\nOrsolya: can I move my cleaning to friday\nFront desk: sure, 3pm ok?", "Orsolya"),
        ("[09:12] mirela dobos: is parking free\n[09:13] Reception: yes, behind the building", "mirela dobos"),
        # A surname or another name given as such.
        ("new patient Anouk (surname Verhoeven) asked about whitening", "Verhoeven"),
        ("message from Ignatius (goes by Iggy) about his retainer", "Iggy"),
        # The sender of a pasted e-mail.
        ("From: Marguerite Lavoie <m.lavoie@example.ca>\nSubject: my bill\nhelp me reply", "Marguerite Lavoie"),
        # The owner of a national number, after "for"/"di".
        ("SIN 046 454 286 for Ines Baptiste, write the reply without it", "Ines Baptiste"),
        # The person who lives at an address.
        ("house call: Evander Quist, 22 Mulberry Lane, Leeds LS6 2AB, ring twice", "Evander Quist"),
        # Initials given as such.
        ("patient initials M.T.B. came back for the second fitting", "M.T.B."),
        # A pasted message signed after a dash at the end of a line.
        ('fwd:\n"It still hurts when I chew. Is that normal?? -Ngaio Whitfield"\nhelp me reply', "Ngaio Whitfield"),
    ],
)
def test_names_shown_by_layout_or_a_name_word_are_masked(text, name):
    assert name in _masked(text, "NAME")


def test_each_line_of_a_dialogue_names_its_writer_even_an_everyday_word():
    text = "sms thread:\nBo: can my dad come too\nUs: of course\nBo: great, see you"
    assert _masked(text, "NAME").count("Bo") == 2


@pytest.mark.parametrize(
    "text",
    [
        "Caption: Spring smiles are back\nHashtags: #dentist #smile\nCTA: book today",
        "Monday: 9-5\nTuesday: 9-5\nSaturday: closed",
        "Hook: Did you know?\nBody: flossing once a day is enough\nPlatform: Instagram",
    ],
)
def test_headings_of_a_draft_or_opening_hours_are_not_writers(text):
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("IHI 8003 6052 1933 7488 on the referral", "8003 6052 1933 7488", "NATIONAL_ID"),
        ("hosp no QX4 1180392 follow-up next week", "QX4 1180392", "RECORD_NUMBER"),
        ("abita in Viale Carducci 8, Cesena. Scrivi un post", "Viale Carducci 8, Cesena", "ADDRESS"),
    ],
)
def test_identifiers_of_the_supported_countries_are_masked_whole(text, value, kind):
    assert value in _masked(text, kind)


def test_an_ihi_with_a_wrong_check_digit_and_no_cue_is_left():
    assert _masked("order 8003 6052 1933 7489 shipped", "NATIONAL_ID") == []


@pytest.mark.parametrize(
    "text",
    [
        # A colleague welcomed in French, with a comma after the role.
        "Bienvenue à notre nouvelle dentiste, Apolline Marchand-Roy ! Elle parle anglais et espagnol",
        # A famous person heard on a podcast.
        "Shane Williams spoke about his asthma on a podcast, can we reference it in a post",
        # The word "name" in French before an age-like number.
        "Elle nous a donné son nom, 20 ans après sa première visite, pour un témoignage",
    ],
)
def test_colleagues_media_and_name_words_are_not_masked(text):
    assert _masked(text, "NAME") == []


def test_a_name_before_a_street_word_or_a_lake_is_a_place():
    assert _masked("parking is easier on Lamar Springs Rd this week", "NAME") == []
    assert _masked("our team paddled on Lady Lake last weekend", "NAME") == []


def test_a_dash_before_an_everyday_phrase_is_no_signature():
    assert _masked("Opening hours change next week! - Flash Sale", "NAME") == []


def test_a_patient_cue_still_wins_over_a_podcast():
    assert "Owain Price" in _masked("my patient Owain Price talked about his tinnitus on a podcast", "NAME")
