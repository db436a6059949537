"""Classes of answers fixed after the thirty-fourth held-out set (eval/holdout34.jsonl) and set 33's leftovers, each
with an invented example that failed before the fix, beside guards that what worked still works."""

from __future__ import annotations

import pytest

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
def test_the_words_as_written_find_a_surer_country_card_than_the_gloss(indexed):
    answer = ask(
        indexed,
        "Guten Tag, wir sind eine Zahnarztpraxis in Kiel mit viel Ästhetik (Bleaching, Veneers). Wir würden gern"
        " Vorher-Nachher-Bilder auf Instagram zeigen. Ich habe gehört, das ist in Deutschland verboten? Gilt das auch"
        " für Zahnärzte?",
        country="DE",
    )
    assert answer.card_id == "germany-before-after-images"


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
