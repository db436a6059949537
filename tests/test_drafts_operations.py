"""Requests for several posts, practice-operations news (a full list, a fee change, running late) and subjects the
message hides behind the practice's own description: each gets the post asked for, never the same text twice."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from assistant.chat.drafts import Drafter
from assistant.planners.reviews import draft_reply
from tests.drafting import turn


@pytest.fixture(scope="module")
def drafter(kb):
    return Drafter(kb)


def only(drafts):
    assert len(drafts) == 1, [d.title for d in drafts]
    return drafts[0]


def texts(drafts) -> list[str]:
    return [" ".join(t.split()) for d in drafts for t in (d.text, *d.alternatives)]


def test_posts_on_a_listed_set_of_subjects_are_one_finished_post_on_each(drafter):
    text = "Write 3 Facebook posts for our foot clinic in Leeds: nail surgery, verrucas and diabetic foot checks."
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    titles = [d.title for d in drafts]
    assert len(drafts) == 3, titles
    assert "Nail surgery" in titles[0] and "Verrucas" in titles[1] and "foot check" in titles[2], titles
    assert len(set(texts(drafts))) == len(texts(drafts))
    assert not any("[your key point" in d.text for d in drafts)


@pytest.mark.parametrize(
    "text",
    [
        "Can you write 3 Instagram posts for our dental practice? One about flossing, one about sugary drinks and "
        "one about mouthguards for sport.",
        "Write 3 Instagram/Facebook posts for our dental practice, one on flossing, another on sugary drinks and the "
        "last one about mouthguards for sport. Friendly, not salesy.",
    ],
)
def test_posts_named_one_by_one_are_one_post_on_each(drafter, text):
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="dentistry"))
    titles = [d.title.lower() for d in drafts]
    assert len(drafts) == 3, titles
    assert "floss" in titles[0] and "sugary drinks" in titles[1] and "mouthguard" in titles[2], titles


def test_one_subject_in_several_parts_is_not_taken_for_a_list_of_empty_posts(drafter):
    text = "Draft two posts for our GP surgery about the flu vaccine and who can have it."
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert drafts and not any("[your key point" in d.text for d in drafts), [d.title for d in drafts]
    assert len(set(texts(drafts))) == len(texts(drafts))


def test_one_news_post_for_two_platforms_with_the_same_words_is_printed_once(drafter):
    text = "Write a post for Facebook and Instagram: we are not taking on new patients until June. Physio clinic."
    draft = only(drafter.drafts(turn(text, ["facebook", "instagram"]), None, Asker()))
    assert draft.title.startswith("Facebook and Instagram post"), draft.title


def test_several_posts_of_practice_news_give_one_and_say_how_many_we_hold(drafter):
    text = "Write 3 Instagram posts announcing our flu vaccination clinics next month."
    draft = only(drafter.drafts(turn(text, ["instagram"]), None, Asker()))
    assert "You asked for 3 Instagram posts" in draft.notes[0] and "one checked post" in draft.notes[0]


def test_saturday_flu_clinics_are_vaccination_sessions_not_new_opening_hours(drafter):
    text = "Can you write a Facebook post announcing our autumn flu clinics? Saturday clinics on 4th and 18th October."
    draft = only(drafter.drafts(turn(text, ["facebook"]), None, Asker(country="GB")))
    assert "vaccination clinic" in draft.title and "now open on" not in draft.text, (draft.title, draft.text)
    hours = "Write a post: we now have Saturday clinics, 9 to 1, from March."
    assert "opening hours" in only(drafter.drafts(turn(hours, ["facebook"]), None, Asker())).title


def test_the_practices_own_description_is_never_the_subject(drafter):
    text = "Write a caption for our skin clinic in Leeds for spring, reminding people to check their moles."
    draft = only(drafter.drafts(turn(text, ["instagram"]), None, Asker()))
    assert "moles" in draft.title and "skin clinic" not in draft.title.lower(), draft.title
    assert "[your key point" not in draft.text


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Write a Facebook post saying our surgery is closing its list to new registrations from 1 May.",
            "new patients",
        ),
        ("Draft an Instagram post: my caseload is full until October and I can't take new clients.", "new patients"),
        ("Write a post saying we're taking new patients again from next week.", "taking new patients again"),
        ("Write a Facebook post telling patients our fees are changing from 1 April.", "fees"),
        ("Draft a quick Facebook post: the clinic is running 30 minutes behind today.", "running late"),
        ("Write a post asking patients to cancel if they can't make their appointment.", "cancel"),
        ("Write a Facebook post reminding patients their dental insurance benefits reset in January.", "benefits"),
        ("Write a Facebook post announcing our new phone number from 3 March.", "phone number"),
    ],
)
def test_practice_operations_news_gets_its_own_post(drafter, text, title):
    draft = only(drafter.drafts(turn(text, ["facebook"]), None, Asker()))
    assert title in draft.title.lower(), draft.title
    assert "closure" not in draft.title and "moving" not in draft.title


def test_a_full_list_says_until_when_and_that_existing_patients_are_not_affected(drafter):
    text = "Write a Facebook post: our practice is full and not taking new patients until September."
    draft = only(drafter.drafts(turn(text, ["facebook"]), None, Asker()))
    assert "until September" in draft.text and "nothing changes" in draft.text


def test_a_move_to_an_online_form_is_a_change_of_how_to_reach_us_not_a_move_of_premises(drafter):
    text = "Write a post announcing that from 2 June we're moving to an online request form. GP surgery."
    draft = only(drafter.drafts(turn(text, ["facebook"]), None, Asker()))
    assert "reach" in draft.title and "the online request form" in draft.text, draft.text


def test_a_script_named_after_its_platform_is_a_script_from_the_finished_post(drafter):
    text = "Need a 40-second reel script: 'Why do my knees hurt on the stairs?'"
    draft = only(drafter.drafts(turn(text), None, Asker()))
    assert draft.kind == "video_script" and "Knee pain on the stairs" in draft.title, draft.title
    assert "[your key point" not in draft.text


def test_a_quoted_title_with_an_apostrophe_keeps_its_words(drafter):
    text = "Write me a 30 sec TikTok script: 'things I'd never do as an orthodontist'."
    draft = only(drafter.drafts(turn(text), None, Asker()))
    assert draft.title.endswith("Things an orthodontist would never do with braces or aligners"), draft.title


def test_an_unnamed_pharmacy_is_our_pharmacy_not_our_clinic(drafter):
    text = "Write a Facebook post for our pharmacy in Leeds announcing our new phone number from 3 March."
    draft = only(drafter.drafts(turn(text, ["facebook"]), None, Asker()))
    assert "our pharmacy" in draft.text and "our clinic" not in draft.text, draft.text


def test_a_new_service_we_hold_a_finished_post_on_says_what_the_service_is(drafter):
    text = "Write a Facebook post for our pharmacy announcing we now offer Pharmacy First consultations."
    draft = only(drafter.drafts(turn(text, ["facebook"]), None, Asker()))
    assert "sinusitis" in draft.text and "orthodont" not in draft.text


def test_a_negative_comment_that_mentions_a_best_friend_is_not_praise():
    reply = draft_reply("They butchered my best friend's nose and she got an infection. Do not go here.")
    assert reply.sentiment == "negative"


def test_a_change_to_appointments_is_announced_and_the_replies_asked_for_follow(drafter):
    text = (
        "GP surgery: from May we are moving to total triage, so everyone fills in an online form instead of phoning. "
        "Please write the Facebook announcement and three standard replies for the complaints we'll get."
    )
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker(country="GB"))
    assert [d.kind for d in drafts] == ["caption", "review_reply"], [d.title for d in drafts]
    post, replies = drafts
    assert "reach a service" in post.title and "please use the online form" in post.text, post.text
    assert replies.text.count(":\n") == 3, replies.text  # one reply per situation
    assert "can't discuss anyone's care" in replies.text
    assert any("confirm that they are a patient" in n for n in replies.notes)


@pytest.mark.parametrize(
    "text",
    [
        "Write a Facebook post telling patients we're moving to total triage from 1 June.",
        "From next month we're switching to 'total triage'. Can you draft the announcement post?",
        "Write a post: from 2 June we're switching to an online booking system. Patients will complain, I know.",
    ],
)
def test_the_announcement_alone_comes_without_replies(drafter, text):
    post = only(drafter.drafts(turn(text, ["facebook"]), None, Asker()))
    assert "reach a service" in post.title, post.title


def test_a_service_launched_with_a_longer_name_is_announced_as_a_new_service(drafter):
    text = "I'm launching a menopause nutrition clinic next month. Can you write a LinkedIn post announcing it?"
    assert drafter.news.kind_for(text).id == "new_service"  # "launching ... clinic", 23 characters apart
