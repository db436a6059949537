"""An email newsletter asked for is written as one issue (issue 10, sets 35 and 36): the main piece from the finished
post on the topic named, the asker's news, how to book and the footer a marketing email needs; the card on
newsletters (consent, no condition in a subject line) follows. It had got advice only, or a welcome post for the
colleague named in the news."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from tests.drafting import turn

TOPIC = (
    "We're a memory clinic in Leeds and want to start a monthly email newsletter for families. First issue topic: "
    "preventing falls at home. Can you write it? News: our Saturday clinic opens in May."
)


def test_a_newsletter_issue_is_written_from_the_post_on_its_topic_with_the_news_and_the_footer(drafter):
    (draft,) = drafter.drafts(turn(TOPIC, ["facebook"], country="GB"), None, Asker(country="United Kingdom", code="GB"))
    assert draft.title.startswith("Email newsletter") and "fall" in draft.title.lower()
    assert "Welcome to the first newsletter" in draft.text and "[Your main piece" not in draft.text
    assert "- Our Saturday clinic opens in May" in draft.text
    assert "Unsubscribe" in draft.text and "call 999." in draft.text
    assert draft.card == "email-newsletters-worth-it"
    assert any("not consent to marketing" in n for n in draft.notes)


def test_the_news_of_an_issue_is_no_welcome_post_for_the_colleague_it_names(drafter):
    text = (
        "Can you write the intro for our March email newsletter? News: a new colleague, Anna, joins us for pelvic "
        "health, and Pilates classes start on Tuesdays."
    )
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.title.startswith("Email newsletter") and "new colleague, Anna" in draft.text


@pytest.mark.parametrize(
    "text",
    [
        "Should our practice send a patient newsletter?",
        "Can I use ChatGPT to write our monthly newsletter?",
        "What should go in the footer of our newsletter?",
    ],
)
def test_a_question_about_newsletters_asks_for_none(drafter, text):
    assert not any(d.title.startswith("Email newsletter") for d in drafter.drafts(turn(text), None, Asker()))


def test_each_topic_listed_for_an_issue_is_a_piece_from_its_post_or_a_marked_place(drafter):
    """ "Topics: back to school checkups, mouthguards for fall sports, Halloween candy tips": one piece each, never the
    post on baby teeth that "fall out" (the "for" of "mouthguards for fall sports" had read as the subject's cue)."""
    text = (
        "Draft our monthly email newsletter for a pediatric dental practice in Charlotte. Topics: back to school "
        "checkups, mouthguards for fall sports, Halloween candy tips. Short and friendly, parents are busy!"
    )
    (draft,) = drafter.drafts(turn(text), None, Asker(specialty="dentistry"))
    pieces = [line for line in draft.text.splitlines() if line.startswith("**")]
    assert len(pieces) == 3 and "Mouthguard" in pieces[1] and "Halloween" in pieces[2]
    assert "baby teeth" not in draft.text.lower()


def test_a_listed_topic_that_is_the_practices_news_is_a_news_line_not_a_health_post(drafter):
    """ "Topics: new evening hours, ergonomic tips ..., a new hand therapy group": the hours had found a post on a
    cataract list "from morning to evening"."""
    text = (
        "Can you draft the first one of our quarterly email newsletter? Topics: new evening hours, ergonomic tips "
        "for working from home, a new hand therapy group."
    )
    (draft,) = drafter.drafts(turn(text), None, Asker(specialty="occupational_therapy"))
    assert "- New evening hours: [" in draft.text and "- A new hand therapy group: [" in draft.text
    assert "cataract" not in draft.text.lower() and "Once a month" not in draft.text
