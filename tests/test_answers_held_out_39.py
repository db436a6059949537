"""Answers in the thirty-ninth held-out set that gave a verdict where the guides hold no rules: a permission ("You
can, but ...") is a verdict too, and Morocco, named in French, is a country the guides do not cover."""

from __future__ import annotations

from assistant.chat.compose import without_verdict


def test_a_permission_given_is_taken_off_like_a_yes():
    lead = "You can, but the creator's posts become your advertising: they must disclose the free treatment [1]."
    assert (
        without_verdict(lead)
        == "The creator's posts become your advertising: they must disclose the free treatment [1]."
    )


def test_a_conditional_permission_keeps_its_words():
    lead = "You can, if the patient signs a consent form for that post and that channel first [1]."
    assert without_verdict(lead) == lead


def test_morocco_named_in_french_or_by_its_city_is_a_country_without_guides(kb):
    for text in ("Est-ce permis pour un médecin au Maroc ?", "Je suis gynécologue à Casablanca."):
        assert kb.countries.all_named_in(text) == ["MA"], text
    assert kb.countries.uncovered_country("MA") is not None
