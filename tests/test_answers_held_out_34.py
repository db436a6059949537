"""Classes of answers fixed after the thirty-fourth held-out set (eval/holdout34.jsonl) and set 33's leftovers, each
with an invented example that failed before the fix, beside guards that what worked still works."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from tests.drafting import turn
from tests.test_answers import ask


@pytest.mark.slow
@pytest.mark.parametrize(
    ("message", "country", "wanted", "not_wanted"),
    [
        # a viral complaint about waiting in A&E, in German: the crisis card, not the Impressum card that the German
        # words alone find (it scores far below the best card on the message's English gloss)
        (
            "Wir sind eine Klinik in Köln. Ein wütender Facebook-Post über lange Wartezeiten in unserer Notaufnahme"
            " geht viral, die Lokalpresse fragt an. Wie sollen wir jetzt öffentlich reagieren?",
            "DE",
            "crisis-communication-",
            "germany-impressum-profile",
        ),
        # fake one-star reviews, in Italian: how to report them, not Italy's advertising law
        (
            "Buongiorno, ho uno studio dentistico a Lecce. In pochi giorni abbiamo ricevuto quattro recensioni false"
            " da una stella su Google da persone che non sono mai state nostre pazienti. Cosa possiamo fare?",
            "IT",
            "fake-reviews-",
            "italy-france-spain-",
        ),
    ],
)
def test_a_country_card_far_below_the_best_card_on_the_gloss_does_not_answer(
    indexed, message, country, wanted, not_wanted
):
    answer = ask(indexed, message, country=country)
    assert answer.card_id.startswith(wanted) and not answer.card_id.startswith(not_wanted), answer.card_id


@pytest.mark.slow
def test_a_clinic_in_japan_resharing_patients_tagged_posts_gets_the_testimonials_card(indexed):
    answer = ask(
        indexed,
        "Our Osaka dental clinic keeps getting tagged in patients' 'new smile' posts on Instagram. Can our staff share"
        " them to the clinic account, or is that a problem under Japan's advertising guidelines?",
        country="JP",
    )
    assert answer.card_id == "japan-testimonials-and-reviews"
    # the Spanish clinic-advertising card still answers a Spanish advertising question in Spanish
    spain = ask(
        indexed,
        "Soy dentista en Sevilla. ¿Qué debe incluir la publicidad de mi clínica en Instagram según el código"
        " deontológico?",
        country="ES",
    )
    assert spain.card_id == "italy-france-spain-spain-clinic-ads"


def test_a_clinician_retiring_with_no_replacement_yet_gets_no_promised_successor(drafter):
    text = (
        "Please write a Facebook post: Dr Okafor is retiring at the end of June and we don't have a replacement yet,"
        " so his patients may need to register elsewhere. Honest, please."
    )
    assert drafter.news.kind_for(text).id == "departure_no_successor"
    nurse = "Our practice nurse Maria retires in April and we haven't found anyone to replace her yet. Draft a post?"
    assert drafter.news.kind_for(nurse).id == "departure_no_successor"
    [draft] = drafter.drafts(turn(text, ["facebook"]), None, Asker(country="GB", code="GB"))
    assert "not yet found" in draft.text and "continues as usual" not in draft.text
    # guards: a successor named is still the staff change, and a practice closing is still its closing
    assert drafter.news.kind_for("Dr Okafor retires in June and Dr Lee will replace him. Write a post?").id == (
        "staff_change"
    )
    closing = "Dr Okafor is retiring and the surgery closes on 30 June; we have not found a replacement. Write a post."
    assert drafter.news.kind_for(closing).id == "practice_closing"


def test_people_leaving_comments_is_no_clinician_leaving(drafter):
    text = (
        "A video saying our clinic ignored a patient has 200k views and people are leaving nasty comments on our"
        " page. Can you write something short we can pin?"
    )
    kind = drafter.news.kind_for(text)
    assert kind is None or kind.id not in ("departure", "staff_change")
    [draft] = drafter.drafts(turn(text), None, Asker(country="US", code="US"))
    assert draft.title.startswith("Public statement")
    assert draft.guide == "crisis-communication-viral-complaint"
    assert "can't discuss any patient's care" in draft.text
    assert drafter.news.kind_for("Our Dr Shah is leaving in May. Post please").id == "departure"  # a guard


@pytest.mark.parametrize(
    ("message", "subject"),
    [
        # how the script ends is not its subject, nor where its words are shown, nor the platform
        (
            "Write me a script for a reel for parents of kids who still wet the bed. Me talking to camera + text on"
            " screen, and end with something about booking without sounding pushy",
            "parents of kids who still wet the bed",
        ),
        ("Caption for an insta post for teens about acne, finish with a line about booking", "acne"),
    ],
)
def test_how_a_draft_ends_and_where_its_words_show_are_not_its_subject(drafter, message, subject):
    assert drafter.writer.topics.subject_phrase(message) == subject


def test_an_emergency_department_under_pressure_gets_a_where_else_to_go_post(drafter):
    text = (
        "Can you write an Instagram post? Our A&E is overwhelmed this week and waits are over 10 hours for minor stuff"
    )
    [draft] = drafter.drafts(turn(text, ["instagram"]), None, Asker(country="GB", code="GB"))
    assert draft.title.startswith("Emergency department under pressure")
    surgery = "Can you write a short post for our GP surgery? The local A&E is under huge pressure this weekend."
    assert drafter.drafts(turn(surgery), None, Asker(country="GB", code="GB"))[0].title.startswith(
        "Emergency department"
    )
    assert draft.text.index("seriously ill") < draft.text.index("pharmacist")  # who must still come, first
    assert "999" in draft.text
    # a guard: opening hours of a department are no pressure notice
    [hours] = drafter.drafts(
        turn("We need a post about our new ED opening hours"), None, Asker(country="GB", code="GB")
    )
    assert not hours.title.startswith("Emergency department under pressure")
