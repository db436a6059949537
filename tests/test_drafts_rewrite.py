"""Pasted ad copy rewritten for the asker's country: no pressure to book now anywhere, and where the law bans
advertising prescription-only medicines (Australia, the UK, Ireland) no product name, price per unit or product
hashtag; the consultation is what is offered, and the note says why."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from assistant.chat.drafts import Drafter
from tests.drafting import turn

COPY = (
    "Anti-wrinkle injections from $9/unit this month only!! Book with our injector today. Limited places! #botox #glow"
)


@pytest.fixture(scope="module")
def drafter(kb):
    return Drafter(kb)


def rewritten(drafter, country: str, code: str):
    text = f'Can you rewrite this so we don\'t get reported?\n\n"{COPY}"'
    [draft] = drafter.drafts(turn(text, ["instagram"]), None, Asker(country=country, code=code))
    assert draft.title.startswith("Rewritten")
    return draft


@pytest.mark.parametrize(("country", "code"), [("Australia", "AU"), ("United Kingdom", "GB")])
def test_where_prescription_medicines_may_not_be_advertised_the_product_goes_and_the_note_says_why(
    drafter, country, code
):
    draft = rewritten(drafter, country, code)
    lower = draft.text.lower()
    assert not any(w in lower for w in ("anti-wrinkle", "#botox", "$9", "/unit", "this month only", "limited places"))
    assert "consultation" in lower and "#glow" in lower
    assert any("prescription-only medicines" in n for n in draft.notes)


def test_elsewhere_the_product_may_stay_but_the_pressure_to_book_goes(drafter):
    draft = rewritten(drafter, "United States", "US")
    lower = draft.text.lower()
    assert "anti-wrinkle injections" in lower and "#botox" in lower
    assert "this month only" not in lower and "limited places" not in lower
    assert not any("prescription-only medicines" in n for n in draft.notes)


def test_copy_in_single_quotes_with_apostrophes_inside_is_the_copy_rewritten(drafter):
    """Copy quoted with single quotes and holding its own apostrophes ("Don't", "We're") is still the pasted copy:
    it had been missed, and the asker got a caption on another subject."""
    text = (
        "Rewrite this caption for us please 'Don't miss out! We're offering the best teeth whitening in Leeds, "
        "guaranteed results, book now'"
    )
    [draft] = drafter.drafts(turn(text, ["instagram"]), None, Asker(country="United Kingdom", code="GB"))
    assert draft.title.startswith("Rewritten")
    assert "teeth whitening in Leeds" in draft.text and "guaranteed" not in draft.text.lower()
    assert ",," not in draft.text and ", ." not in draft.text
