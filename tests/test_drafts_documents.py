"""Documents clinicians ask us to write (a staff social media policy, a crisis-resources line, an information
evening), and the general post on a subject with no finished copy: a usable post, not a skeleton."""

from __future__ import annotations

import re

import pytest

from assistant.chat.compose import Asker
from assistant.chat.drafts import Drafter
from tests.drafting import turn

_BRACKETS = re.compile(r"\[[^\]]*\]")


def blanks(text: str) -> list[str]:
    """The bracketed places to fill, each cut to its first words."""
    return [b[:15] for b in _BRACKETS.findall(text)]


@pytest.fixture(scope="module")
def drafter(kb):
    return Drafter(kb)


def only(drafts):
    assert len(drafts) == 1, drafts
    return drafts[0]


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p and not p.startswith("#")]


def test_a_crisis_line_for_canadian_and_us_viewers_gives_both_countries_lines_and_emergency_number(drafter):
    text = "Write a crisis-resources line for the end of my mental health videos. I'm in Canada, many watch in the US."
    draft = only(drafter.drafts(turn(text), None, Asker(country="CA")))
    assert "Canada: call or text 988" in draft.text and "United States: call or text 988" in draft.text
    assert draft.text.count("911 in an emergency") == 2 and "[" not in draft.text


def test_a_crisis_line_with_no_country_known_says_where_to_add_it_and_guesses_no_number(drafter):
    draft = only(drafter.drafts(turn("Draft a crisis line for my video descriptions"), None, Asker()))
    assert "[your country's crisis line and emergency number]" in draft.text
    assert not re.search(r"\d{3}", draft.text)


def test_a_staff_social_media_policy_is_written_with_one_rule_a_line_and_the_blanks_in_one_place(drafter):
    text = "Could you draft a social media policy for our staff? Small dental practice, 9 people."
    draft = only(drafter.drafts(turn(text), None, Asker()))
    rules = [line for line in draft.text.split("\n") if re.match(r"\d{1,2}\. ", line)]
    assert len(rules) == 10 and any("patient" in r for r in rules[:3])
    blanks = [p for p in paragraphs(draft.text) if "[" in p and "[practice name]" not in p]
    assert len(blanks) == 1 and blanks[0].startswith("To fill in")


def test_asking_what_a_staff_policy_should_contain_gets_no_draft(drafter):
    assert drafter.drafts(turn("What should our staff social media policy cover?"), None, Asker()) == []


def test_an_information_evening_post_names_the_evening_and_promises_nothing(drafter):
    text = "Draft a short Instagram caption announcing our new IVF information evening. We're in Leeds."
    draft = only(drafter.drafts(turn(text), None, Asker()))
    assert draft.text.startswith("You're invited: our IVF information evening")
    assert "about in Leeds" not in draft.text and "guarantee" not in draft.text.lower()


def test_an_announcing_request_is_practice_news_not_a_post_about_the_city(drafter):
    text = "Write a post announcing our new parking arrangements. We're in Leeds."
    draft = only(drafter.drafts(turn(text), None, Asker()))
    assert draft.title.endswith("practice news") and "parking" in draft.text


def test_a_caption_with_no_finished_copy_keeps_the_subject_in_every_paragraph_and_one_place_to_fill(drafter):
    draft = only(drafter.drafts(turn("Write a caption about bunions for our podiatry clinic."), None, Asker()))
    body = paragraphs(draft.text)
    assert all("bunions" in p.lower() for p in body), body
    assert blanks(draft.text) == ["[your key point"]
    assert "#Bunions" in draft.hashtags and "#Podiatry" in draft.hashtags


def test_the_askers_own_point_fills_the_place_for_the_key_point(drafter):
    text = "caption about pool safety - never swim alone! friendly please"
    draft = only(drafter.drafts(turn(text), None, Asker()))
    assert draft.title.endswith(": pool safety") and "[" not in draft.text
    assert "Our key point on pool safety: never swim alone." in draft.text


def test_a_point_the_message_asks_to_mention_goes_into_the_finished_post_before_its_call_to_action(drafter):
    text = "Write a caption for our pharmacy about returning unused medicines. Mention we take them back for free."
    draft = only(drafter.drafts(turn(text), None, Asker()))
    assert draft.title.endswith("take them back to a pharmacy")
    assert "\n\nWe take them back for free.\n\nQuestions about your medicines?" in draft.text


def test_a_point_the_message_asks_to_mention_fills_the_general_posts_key_point(drafter):
    text = "Write a caption for our clinic about parking. Mention we have free parking behind the building."
    draft = only(drafter.drafts(turn(text), None, Asker()))
    assert "Our key point on parking: we have free parking behind the building." in draft.text


def test_a_script_with_only_a_quoted_title_is_a_script_on_that_title(drafter):
    text = "Write me a 30 sec TikTok script: 'things I'd never do as a dietitian'. Fun but accurate"
    draft = only(drafter.drafts(turn(text), None, Asker()))
    assert draft.kind == "video_script" and "things I'd never do as a dietitian" in draft.text


def test_a_script_explaining_three_ways_is_about_the_ways_not_the_profession(drafter):
    text = "Write a 45-second Reel script for an OT explaining 3 simple ways to make a garden safer for a toddler."
    draft = only(drafter.drafts(turn(text), None, Asker()))
    assert draft.title == "Script: how to make a garden safer for a toddler"
    assert "an OT" not in draft.text and blanks(draft.text) == ["[your key point"]
