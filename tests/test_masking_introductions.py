"""A caller or sender introducing themselves after a greeting is the person writing to the clinic: their name is
masked, written in capitals or not; a greeting followed by anything but a name masks nothing."""

from __future__ import annotations

import pytest

from assistant.guardrails.phi import detect_phi


def _names(text: str) -> list[str]:
    return [s.text for s in detect_phi(text) if s.kind == "NAME"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("instagram DM: 'hey it's Tayla, any results from last week yet?' how should we reply?", "Tayla"),
        ("hi its kylie the one with the rosacea, can i get the discount code", "kylie"),
        ("hi this is tanvi got ur number from insta, can i book a contact lens trial", "tanvi"),
        (
            "Anrufbeantworter: 'Ja hallo, hier ist Detlef Wunderlich, ich ruf wegen meinem Termin an'",
            "Detlef Wunderlich",
        ),
    ],
)
def test_a_name_given_after_a_greeting_is_masked(text, name):
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "hi it's me again, can you write a caption about flu jabs",
        "Hey, it's Monday again: write a motivational post for the team",
        "hello this is the practice manager, draft a post about parking",
    ],
)
def test_a_greeting_without_a_name_masks_nothing(text):
    assert detect_phi(text) == []
