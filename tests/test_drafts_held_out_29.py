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


@pytest.mark.parametrize("day", ["World Sight Day", "World Diabetes Day"])
def test_a_days_post_written_for_the_day_is_not_dated_as_coming_and_then_said_to_be_today(drafter, day):
    """ "World Sight Day falls on 14 October this year. Today is World Sight Day, ...": the post is for the day, and
    the note says when that is."""
    (draft,) = drafter.drafts(turn(f"Can you draft a Facebook post for {day}?", ["facebook"]), None, Asker())
    assert "Today is" in draft.text and "this year" not in draft.text
    assert any(note.startswith("Post it on the day") and day in note for note in draft.notes)


@pytest.mark.slow
def test_a_drafts_details_asked_as_a_question_are_not_called_an_unanswered_question(indexed):
    """The bio is written; "... I do late talkers, stuttering, feeding. want it warm. 150 character limit right?" is
    the request's own details, not a second question the guides leave unanswered."""
    answer = indexed.chat.answer(
        "can u write me an instagram bio? paediatric speech therapist, private practice, I do late talkers, "
        "stuttering, feeding, mostly home visits + telehealth. want it warm. 150 character limit right?"
    )
    assert answer.drafts and answer.drafts[0].kind == "bio"
    assert "no ready answer" not in answer.text


def test_a_verb_to_make_in_one_sentence_and_a_post_in_the_next_ask_for_nothing(drafter):
    """ "We make fillers too. Is a before-after post on Instagram allowed?" (a German question, glossed) asks whether
    a post is allowed; "make ... post" across the full stop is no request to write one."""
    from assistant.chat.drafts import requested_kind

    asked = "Dermatologist in Munich. We make fillers too. Is a before-after post on Instagram for fillers allowed?"
    assert requested_kind(asked, drafter.data) is None
    assert requested_kind("We make fillers too. Can you make a post about them?", drafter.data) == "caption"
