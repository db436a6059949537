"""Requests to write that got no draft, the wrong one or a broken one in the thirty-ninth held-out set: a note for
staff read as a short video, a post "about him", a colleague's death told as "we lost one of our nurses", flu
"shots", a template reply for DMs about medicines, an accusation shared in a big local group, ad copy asked for with
"need", a post "for our clinic page aimed at ...", a clinic "on the Gold Coast", a journalist wanting a comment, news
asked for as an email to patients, and a bio whose request was read as what the account does. Every example here is
invented; none is a held-out question."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from assistant.chat.drafts import requested_kind
from tests.drafting import turn


def test_a_short_note_for_staff_is_no_short_video(drafter):
    text = "A man keeps ringing reception to shout at us. Also write a short note for my staff on how to deal with him."
    assert requested_kind(text, drafter.data) != "video_script"


@pytest.mark.parametrize(
    "text",
    [
        "Can you write a caption about her? She retires on Friday after 30 years.",
        "Write me a reel script on how to handle him when he calls again",
    ],
)
def test_a_pronoun_is_no_subject_to_carry_in_every_line(drafter, text):
    drafts = drafter.drafts(turn(text), None, Asker())
    assert not any("[your key point" in d.text for d in drafts)


def test_losing_one_of_our_staff_is_a_colleagues_death(drafter):
    text = (
        "Our practice lost one of our physios, Tom, on Sunday; he passed after a short illness. His wife is happy for "
        "us to say something. Can you write a Facebook post?"
    )
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker(country="GB", code="GB"))
    assert "announcing a colleague's death" in draft.title
    assert "[your key point" not in draft.text


def test_flu_shots_on_walk_in_days_are_a_vaccination_clinic(drafter):
    text = "We're doing flu shots walk-in on Saturdays this month. Can you write a Facebook post?"
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker(country="US", code="US"))
    assert "vaccination clinic" in draft.title


def test_a_template_reply_for_dms_about_their_own_medicines_borrows_no_topics_fact(drafter):
    text = (
        "People DM our page every week saying things like 'is it normal that my tablets make me dizzy?'. Could you "
        "write a template reply we can paste?"
    )
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.kind == "review_reply" and "can't advise on yours" in draft.text
    assert "blood pressure" not in draft.text  # a topic's line about other tablets answers nothing here


def test_dms_about_their_own_medicines_with_a_template_asked_for_get_a_health_question_reply(drafter):
    text = (
        "I get DMs every week like 'is it normal that my meds make me feel flat?'. Can you write me something I can "
        "copy and paste?"
    )
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.kind == "review_reply"
    assert "can't advise" in draft.text and "dose" not in draft.text.split("For a dose")[0]


def test_an_accusation_shared_in_a_big_local_group_gets_the_public_statement(drafter):
    text = (
        "A mum shared a post in our town's Facebook group (12k members) saying we ignored her son's infection. "
        "Please write a statement for our page."
    )
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert draft.title.startswith("Public statement after an accusation spreads online")


def test_a_paragraph_for_the_staff_handbook_about_social_media_is_the_staff_policy(drafter):
    text = "Could you write a paragraph for our staff handbook about personal social media use?"
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.title == "Staff social media policy"


@pytest.mark.parametrize(
    "text",
    [
        "Need Facebook ad copy for our new hearing test service, nothing pushy.",
        "We need texts for ads on Instagram for our eye test campaign.",
    ],
)
def test_ad_copy_asked_for_with_need_is_the_ad_template(drafter, text):
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.title.startswith("Facebook ad")
    assert "Primary text:" in draft.text and "Headline:" in draft.text


def test_a_post_for_our_page_aimed_at_someone_names_no_subject(drafter):
    text = "Podiatry practice here. We want a post for our clinic page aimed at runners and their coaches."
    assert requested_kind(text, drafter.data) == "caption"
    assert "page aimed at" not in drafter.subject_phrase(text)


def test_a_place_on_the_coast_is_where_the_asker_works_not_the_subject(drafter):
    text = "Dentist on the Sunshine Coast. Can you write a caption for a whitening result?"
    assert "Sunshine Coast" not in drafter.subject_phrase(text)


def test_a_journalist_wanting_a_comment_gets_a_statement_not_a_comment_reply(drafter):
    text = (
        "A journalist from the local radio rang about a complaint from a patient's daughter and wants a comment by "
        "noon. What do I say? Can you write me something short?"
    )
    assert requested_kind(text, drafter.data) != "review_reply"
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.title == "Statement for a journalist"
    assert "can't discuss anyone's care" in draft.text


def test_news_asked_for_as_an_email_to_patients_is_an_email(drafter):
    text = (
        "We're opening our 3rd clinic in Frankston in June. Can you write the email we send to our patients "
        "telling them?"
    )
    (draft,) = drafter.drafts(turn(text), None, Asker(country="AU", code="AU"))
    assert draft.title.startswith("Email to patients") and draft.text.startswith("Subject line:")
    assert "in Frankston in Frankston" not in draft.text
    assert any("not marketing" in note for note in draft.notes)


def test_a_request_for_a_bio_is_not_what_the_account_does(drafter):
    text = "Is a bio link enough? And write me an Instagram bio please (Dr Ana Ruiz, ortodoncia, Madrid centro)."
    (draft, *_) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="orthodontics"))
    assert "about me an Instagram bio" not in draft.text
    assert ")" not in draft.text.replace("(", "")


def test_posts_asked_for_in_the_sentence_after_a_description_are_written_too(drafter):
    text = (
        "Write our Google Business Profile description for a 3-dentist family practice (check-ups, implants, "
        "sedation). Also 2 short Google posts for this month."
    )
    drafts = drafter.drafts(turn(text, ["google_business"]), None, Asker(specialty="dentistry"))
    assert drafts[0].kind == "bio" and len(drafts) >= 2
    assert all(d.kind == "caption" for d in drafts[1:])
    assert not any("[your key point" in d.text for d in drafts)


def test_a_statement_asked_for_as_draft_it_after_what_do_i_say(drafter):
    text = (
        "A reporter from the local paper wants a comment by 4pm about a complaint from a patient's son. What do I "
        "say? Can you draft it?"
    )
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.title == "Statement for a journalist"


def test_can_you_draft_it_makes_no_notice_without_the_notices_own_cue(drafter):
    assert drafter.notices.notice_for("We might change our opening hours. Can you draft it?") is None
