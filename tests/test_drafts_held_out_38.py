"""Requests to write that got no draft or the wrong one in the thirty-eighth held-out set: a review pasted in double
quotes that quotes words itself, a practice seeing patients in a hall after a flood, a social media paragraph for the
staff handbook, a kind no to a client's friend request, and a comment asking how many carbs to eat answered with a
fact about eating late."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from tests.drafting import turn


def test_a_review_in_double_quotes_that_quotes_words_itself_gets_its_reply(drafter):
    text = (
        "Physio clinic in Leeds. Can you write a reply that keeps it calm?\n\n"
        "★☆☆☆☆ \"They sold me a 'free assessment' and then a block of ten sessions I never needed. "
        'Felt like a sales pitch from start to finish." - Dan R.'
    )
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.kind == "review_reply"


def test_a_practice_seeing_patients_elsewhere_for_a_while_says_where_when_and_what_is_missing(drafter):
    text = (
        "Fire in our building last night. We'll be seeing patients out of the church hall on Bridge Road from "
        "Monday for about 3 weeks, reduced hours 8-12, no blood tests. Can you write a Facebook post?"
    )
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker(country="GB", code="GB"))
    assert "the church hall on Bridge Road" in draft.text and "Monday" in draft.text
    assert "for about 3 weeks" in draft.text and "Hours: 8-12." in draft.text
    assert "Not available for now: blood tests" in draft.text
    assert "[your key point" not in draft.text


def test_a_social_media_paragraph_for_the_staff_handbook_is_the_staff_policy(drafter):
    text = "The partners want a social media paragraph in the employee handbook. Could you write it for me?"
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.title == "Staff social media policy"


@pytest.mark.parametrize(
    "text",
    [
        "A client sent me a follow request on Instagram. Can you draft what I could say so she doesn't feel rejected?",
        "Please write a message declining a friend request from a patient",
    ],
)
def test_a_friend_request_from_a_client_gets_a_kind_no(drafter, text):
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.kind == "message" and "isn't about you" in draft.text
    assert draft.card == "patient-friend-requests-decline"


def test_a_question_whether_to_accept_a_friend_request_gets_no_draft(drafter):
    assert not drafter.drafts(turn("A patient sent me a friend request. Should I accept it?"), None, Asker())


def test_a_comment_reply_borrows_no_fact_from_a_topic_that_never_names_its_subject(drafter):
    text = (
        'Can you write a reply to this comment on my reel? "My doctor just says lose weight. How many carbs should '
        'I be eating per meal with insulin resistance??"'
    )
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="nutrition_dietetics"))
    assert "8 p.m." not in draft.text and "late" not in draft.text.lower()
    assert draft.guide == "medical-questions-in-comments-general-vs-specific"


@pytest.mark.slow
def test_a_question_inside_a_pasted_comment_is_not_answered_as_the_askers_own(indexed):
    """ "How many grams of protein should I eat a day??" is the commenter's question: the advice after the reply is on
    medical questions in comments, not a card matched on "how many"."""
    answer = indexed.chat.answer(
        "Can you write me a reply to this comment on my reel? I'm a dietitian in Leeds. Comment: \"I lift weights 4x "
        'a week and my trainer says double my protein. How many grams of protein should I eat a day?? Please help"'
    )
    assert answer.drafts and answer.drafts[0].kind == "review_reply"
    assert answer.card_id == "medical-questions-in-comments-general-vs-specific"


def test_a_statement_about_a_staff_members_video_that_shows_patients_is_its_own_holding_statement(drafter):
    """Not the IT-incident statement: aware, removed, sorry, in contact with those affected, nobody named."""
    text = (
        "A porter filmed a prank video in our A&E and posted it on Instagram; a patient on a trolley is visible. "
        "The local paper has called. Please draft a holding statement for our socials."
    )
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(country="GB", code="GB"))
    assert draft.title.startswith("Holding statement about a staff member's post")
    assert "IT incident" not in draft.text and "removed" in draft.text


def test_a_count_after_about_is_no_subject_and_an_osteopath_gets_osteopathy_tags(drafter):
    text = "Osteopath in Ludlow here. What hashtags should I use? I post #osteo #backpain and get about 6 likes lol"
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(country="GB", code="GB"))
    assert "#Osteopathy" in draft.text
    assert "Likes" not in draft.text and "#FamilyMedicine" not in draft.text


def test_a_patient_who_filmed_staff_gets_no_statement_about_a_staff_members_post(drafter):
    text = (
        "A patient filmed our nurse losing her temper at the front desk and posted it on TikTok. Write us a holding "
        "statement please."
    )
    assert not [d for d in drafter.drafts(turn(text, ["tiktok"]), None, Asker()) if "staff member" in d.title]
