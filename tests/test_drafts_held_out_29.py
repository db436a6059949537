"""Requests to write that got the wrong draft in the twenty-ninth held-out set: "draft a short public statement we
can post" after a grieving daughter's accusation was written as a caption on the accusation's own words; "a Facebook
event description and a short post" for a flu clinic got no draft."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from tests.drafting import turn


@pytest.mark.parametrize(
    "text",
    [
        "A TikTok says we 'let her mom die in pain'. Please draft a short public statement we can post.",
        "Write a statement we can post about the allegations in the local paper",
    ],
)
def test_a_statement_answering_an_accusation_is_not_written_as_a_caption_on_it(drafter, text):
    assert not [d for d in drafter.drafts(turn(text, ["facebook"]), None, Asker()) if d.kind == "caption"]


def test_a_post_we_can_share_is_still_a_caption(drafter):
    (draft,) = drafter.drafts(turn("Please draft a post we can share about our new hours", ["facebook"]), None, Asker())
    assert draft.kind == "caption"


@pytest.mark.parametrize(
    "text",
    [
        "Saturday flu vaccination clinic, walk-ins 9am to 1pm. Can you write a Facebook event description and a post?",
        "Write an event description for our free blood pressure check evening",
    ],
)
def test_an_event_description_is_a_post(drafter, text):
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert drafts and drafts[0].kind == "caption"
