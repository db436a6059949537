"""Classes of wrong masks fixed after the twenty-seventh blind masking set, second pass (docs/privacy.md).

Readable: a date and the next sentence's "Contact Dr <name>" are no street ("start 21 July. Contact Dr Priya Nair"):
a word of a street's name that ends in a full stop is an abbreviation ("St.", "Mt."), not a sentence's end.
"""

from __future__ import annotations

import pytest

from tests.masking import masked as _masked


@pytest.mark.parametrize(
    "text",
    [
        "Job ad: dermatology nurse, 0.8 FTE, start 21 July. Contact Dr Priya Nair. Plus a shorter Insta version pls.",
        "Her last day is 30 June. Thanks Dr Okafor for everything! Draft a farewell post.",
        "Closed from 24 December. Happy Holidays Way too early to post this?",
    ],
)
def test_a_date_before_the_next_sentence_is_no_street(text):
    assert _masked(text, "ADDRESS") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("She moved to 12 St. Mary's Road, please update the letter.", "12 St. Mary's Road"),
        ("Send the crown to 4417 Mt. Bonnell Dr for him.", "4417 Mt. Bonnell Dr"),
        ("Her address is 5 Gen. Hodges Way now.", "5 Gen. Hodges Way"),
        ("He lives at 21 July Street. Contact him there.", "21 July Street"),
    ],
)
def test_a_street_with_an_abbreviated_word_stays_masked(text, address):
    assert any(address in m for m in _masked(text, "ADDRESS"))
