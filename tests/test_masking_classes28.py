"""Classes of misses and wrong masks fixed after the twenty-eighth blind masking set (docs/privacy.md).

Each test uses wordings of its own, not the set's messages; a guard beside each keeps what must stay masked or
readable.
"""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "Rückmeldebogen:\nName: Jonas Weber\nGeburtsdatum: 3.4.1988\nBewertung: gut\nAnmerkung: Alles prima.",
            ["Geburtsdatum", "Bewertung", "Anmerkung"],
        ),
        (
            "Fiche :\nNom : Luc Gagnon\nCourriel : lg@example.ca\nCommentaire : Merci beaucoup.",
            ["Courriel", "Commentaire"],
        ),
        ("Scheda:\nNome: Paolo Neri\nCommento: Tutto bene.\nValutazione: ottima", ["Commento", "Valutazione"]),
    ],
)
def test_a_forms_field_labels_are_no_names(text, labels):
    names = _masked(text, "NAME")
    assert not any(label in n for n in names for label in labels)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rückmeldebogen:\nName: Jonas Weber\nBewertung: gut", "Jonas Weber"),
        ("Chat:\nGiulietta: ciao, avete posto domani?\nStudio: sì alle 10", "Giulietta"),
    ],
)
def test_the_name_in_a_form_and_a_chat_writer_stay_masked(text, name):
    assert name in _masked(text, "NAME")
