"""Classes of patient data and of wrong masks added after the twenty-third blind masking set (docs/privacy.md).

Found: a lower-case name after "booked in", "called back" or "left a voicemail for"; a phone number's extension
("x 22", "ext 417"); a date of birth after the genealogical star ("*12.08.1947") or Italian "(n. ...)"; a name after a
military rank ("Maj", "Capt").

Readable: a cited study's authors ("X et al.", "the review by X and Y (2015)"); a quoted saying's author after a
single-quoted saying and a dash, a second author offered as a choice after a quote's ("a quote by X or Y"), a dame;
a titled doctor named for research or an achievement (founder, discovery, "of the Year"), someone who discovered or
invented something; the venue of an event a post announces (open day, flu clinic); everyday words that are also
listed names (Hindi "meri", German "Oma", "von", "Patient Nr.", "Kia ora")."""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("booked in rohan pillai for thurs 2pm, he wants to be in our marathon-season post. ok?", "rohan pillai"),
        (
            "booked in aditi sharma-rao for the 9am slot, she asked if we could post her braces story",
            "aditi sharma-rao",
        ),
    ],
)
def test_a_lower_case_name_after_a_call_back_or_a_booking_is_masked(text, name):
    assert name in _masked(text, "NAME")


def test_bring_back_is_no_call_back():
    assert _masked("Can we bring back Sid the Seagull for our summer skin post?", "NAME") == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("her office line is 416-555-0142 x 31, she wants a call before we post the photo", "416-555-0142 x 31"),
        ("work number (02) 9555 0147 ext 208 — draft a reply to his comment please", "(02) 9555 0147 ext 208"),
    ],
)
def test_a_phone_numbers_extension_is_masked_with_it(text, phone):
    assert phone in _masked(text, "PHONE")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Liste Do:\n09:00 | Krämer, Ilse | *03.02.1951 | Kontrolle\nDarf ich das Foto posten?", "03.02.1951"),
        ("Domani: 10:30 Galli Piera (n. 14.06.1988) igiene. Posso postare la foto dell'agenda sfocata?", "14.06.1988"),
    ],
)
def test_a_date_of_birth_after_a_star_or_an_italian_n_is_masked(text, date):
    assert date in _masked(text, "DATE_OF_BIRTH")


@pytest.mark.parametrize(
    "text",
    ["*gültig bis 31.12.2026 für alle Neukunden, mach einen Post daraus", "Fattura (n. 18) del 12.03.2026: post?"],
)
def test_other_dates_after_a_star_or_n_stay_readable(text):
    assert _masked(text, "DATE_OF_BIRTH") == []


def test_a_name_after_a_military_rank_is_masked():
    assert "Harris" in " ".join(_masked("Maj Harris rang about his knee, can we feature his rehab?", "NAME"))


@pytest.mark.parametrize(
    "text",
    [
        "Can we quote 'flossing lowers risk' from Marquez Lima et al. (JDR, 2019) in a post? Credit them.",
        "Write a carousel on gum disease and cite the review by Lindqvist, Marchetti and Oduya (2017) in JCP.",
        "Schreib einen Post zum Welt-Rosazea-Tag und zitiere die Studie von Lorenz et al. (2019). Kein Werbeton.",
        "Schreib einen Post und zitiere die Arbeit von Gerhard et al. (2017) zur Neurodermitis.",
    ],
)
def test_a_cited_studys_authors_stay_readable(text):
    assert _masked(text, "NAME") == []


def test_a_google_review_by_a_patient_is_no_citation():
    text = "Google review by Wendy Okafor (2024) says we were late, draft a reply"
    assert "Wendy Okafor" in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Can we put this quote on a tile? 'Health is a state of mind' — Oriel Danvers. Draft a caption.",
        "Einstieg mit einem Zitat von Paul Ehrlich oder lieber Marius Velthoven? Zwei Varianten bitte.",
        "Caption for our running club post with a line from Dame Tessa Arnley about rest days.",
    ],
)
def test_a_quotes_author_stays_readable(text):
    assert _masked(text, "NAME") == []


@pytest.mark.parametrize(
    "text",
    [
        "Write a post on Prof Halvard Quist's glaucoma research and our new screening clinic.",
        "Mention Dr. Anselm Tiwari (founder of the Lakeside eye camps) in our cataract awareness post.",
        "Draft a post for Diabetes Week on how Orrin Pelletier discovered insulin in a Toronto lab.",
    ],
)
def test_a_researcher_or_a_discoverer_stays_readable(text):
    assert _masked(text, "NAME") == []


def test_a_patient_who_discovered_a_lump_stays_masked():
    text = "Jenny Halloran discovered a lump last week and wants to share her story, draft a post?"
    assert "Jenny Halloran" in _masked(text, "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Draft a post for our flu clinic: Sunday 9 Nov at the Parish Hall, 42 Kingfisher Road, no booking needed.",
        "Scrivi un post: open day domenica 6 aprile in Via Castiglione 18, visite gratuite.",
    ],
)
def test_an_events_venue_in_a_post_stays_readable(text):
    assert _masked(text, "ADDRESS") == []


def test_a_patients_address_in_an_event_post_stays_masked():
    text = "Draft a post for the open day: Mrs Kell at 4 Oak Road won the raffle"
    assert "4 Oak Road" in _masked(text, "ADDRESS")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("WhatsApp: 'Thank you! meri beti ka checkup bhi karna hai' - Instagram post banao na", "meri"),
        ("Die kleine Lotte Brämer war so tapfer, ihre Oma hat eine Karte geschickt. Post?", "Oma"),
        ("kurze frage: der patient von heute, jonas keller, hat uns markiert. reposten?", "von"),
        ("Patient Nr. 20-11873 hat per DM gefragt, schreib eine Antwort", "Nr"),
        ("Kia ora, I'm moving to Brisbane soon, can I book in? Write a welcome post", "Kia"),
    ],
)
def test_everyday_words_that_are_listed_names_stay_readable(text, word):
    assert word not in _masked(text, "NAME")
