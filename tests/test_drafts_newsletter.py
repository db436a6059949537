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
