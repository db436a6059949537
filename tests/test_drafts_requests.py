"""Write requests that ask for a month, a season, a number of captions or an automatic reply get exactly that."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from assistant.chat.compose import Asker
from assistant.chat.drafts import Drafter
from assistant.chat.plan_span import plan_start


@pytest.fixture(scope="module")
def drafter(kb):
    return Drafter(kb)


def turn(text: str, platforms=(), named=False):
    return SimpleNamespace(masked=text, platforms=list(platforms), platforms_named=named)


SEASONS = {"winter": 12, "summer": 6}


@pytest.mark.parametrize(
    "text,today,start",
    [
        ("a one-month plan around back-to-school in August", dt.date(2026, 12, 2), dt.date(2027, 8, 2)),
        ("a one-month plan around back-to-school in August", dt.date(2026, 3, 10), dt.date(2026, 8, 3)),
        ("a month of posts for our Facebook page in winter", dt.date(2026, 5, 4), dt.date(2026, 12, 7)),
        ("a month of posts for our Facebook page in winter", dt.date(2026, 12, 2), dt.date(2026, 12, 7)),
        ("a 4-week plan for our practice", dt.date(2026, 5, 6), dt.date(2026, 5, 11)),
        # "in late August": the month, whatever part of it
        ("a 4-week plan leading into Speech Pathology Week in late August", dt.date(2026, 12, 5), dt.date(2027, 8, 2)),
    ],
)
def test_a_plan_starts_in_the_month_or_season_asked(text, today, start):
    assert plan_start(text, SEASONS, today) == start
    assert start.weekday() == 0


def test_a_one_month_plan_in_august_is_four_august_weeks_around_the_theme(drafter):
    (draft,) = drafter.drafts(
        turn("Create a one-month social plan for our family medicine clinic around back-to-school in August."),
        None,
        Asker(specialty="general_practice"),
    )
    assert draft.kind == "plan" and draft.title.startswith("4-week plan from")
    assert "back-to-school" in draft.title
    weeks = [line for line in draft.text.splitlines() if line.startswith("Week ")]
    assert len(weeks) == 4 and weeks[0].endswith("Aug)")


def test_a_month_of_posts_in_winter_is_a_plan_for_december(drafter):
    drafts = drafter.drafts(
        turn("Give me a month of posts for a small GP surgery Facebook page in winter.", ["facebook"], True),
        None,
        Asker(specialty="general_practice", country="GB"),
    )
    assert [d.kind for d in drafts] == ["plan"]
    assert drafts[0].platform == "facebook" and " Dec" in drafts[0].text.splitlines()[0]


@pytest.mark.parametrize(
    "text,specialty,count",
    [
        (
            "Write 3 Instagram captions for our pediatric dental office for Children's Dental Health Month.",
            "dentistry",
            3,
        ),
        ("Write a few captions about sunscreen for my skin clinic", "dermatology", 3),
        ("Write two captions about sunscreen", "dermatology", 2),
        ("Write 12 captions about sunscreen", "dermatology", 5),
    ],
)
def test_the_number_of_captions_asked_each_different(drafter, text, specialty, count):
    drafts = drafter.drafts(turn(text), None, Asker(specialty=specialty))
    assert len(drafts) == count and {d.kind for d in drafts} == {"caption"}
    assert len({d.text for d in drafts}) == count and len({d.title for d in drafts}) == count


def test_one_caption_asked_is_one_caption(drafter):
    drafts = drafter.drafts(turn("Write a caption about sunscreen"), None, Asker(specialty="dermatology"))
    assert len(drafts) == 1


@pytest.mark.parametrize(
    "text,country,number",
    [
        ("Write a DM auto-reply for our dermatology Instagram.", "US", "911"),
        ("Can you write an away message for our physio clinic's Facebook inbox?", "GB", "999"),
        ("Draft an automated reply for Instagram DMs saying we can't give medical advice", "AU", "000"),
    ],
)
def test_an_automatic_reply_to_messages_gives_no_advice_and_the_routes(drafter, text, country, number):
    (draft,) = drafter.drafts(turn(text), None, Asker(specialty="dermatology", country=country))
    assert "can't give medical advice" in draft.text
    assert "opening hours" in draft.text and "book" in draft.text.lower()
    assert f"call {number}" in draft.text
    assert "patient" not in draft.text.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Write a saved reply for Instagram DMs asking for medical advice",
        "What should I reply when someone DMs us asking if their mole is cancer?",
        "Can you write a quick reply template for patients who message us on Facebook with medical questions?",
    ],
)
def test_a_reply_kept_ready_for_health_questions_is_the_no_advice_reply_with_a_route(drafter, text):
    """A saved reply or a reply template for messages asking about someone's own health: the reply itself, which gives
    no advice, confirms nothing and points to a pharmacist, a doctor or the emergency number; never a review reply."""
    asked = turn(text)
    asked.country = "GB"  # the chat sets the asker's country on the turn
    (draft,) = drafter.drafts(asked, None, Asker(country="GB"))
    assert draft.kind == "review_reply"
    assert "can't advise on anyone's own health" in draft.text and "call 999" in draft.text
    assert "review" not in draft.text.lower() and "in the comments" not in draft.text


def test_a_pinned_no_medical_advice_reply_is_the_pinned_notice(drafter):
    (draft,) = drafter.drafts(
        turn("Write a pinned reply saying we can't give medical advice here"), None, Asker(country="GB")
    )
    assert "can't give advice about anyone's own health" in draft.text and "call 999" in draft.text


def test_weeks_of_posts_in_a_named_month_is_a_plan_of_that_length(drafter):
    (draft,) = drafter.drafts(
        turn("Give me 6 weeks of posts for our physio clinic starting in March"), None, Asker(specialty="physiotherapy")
    )
    assert draft.kind == "plan" and draft.title.startswith("6-week plan from") and "March" in draft.title


@pytest.mark.parametrize(
    ("text", "says", "never"),
    [
        (
            "What do I say when someone comments 'can I take ibuprofen with my blood pressure tablets?'",
            "can't advise on anyone's own health",
            "quote",
        ),
        (
            "Write a reply to an Instagram comment asking 'how much do you charge for aligners??'",
            "written quote at a consultation",
            "can't advise",
        ),
    ],
)
def test_a_question_in_a_comment_gets_its_own_reply_not_a_reply_to_a_review(drafter, text, says, never):
    """A medicine question and a price question are questions: neither gets a review reply ("It's good to read the
    positive comments"), and a price question is not told that nobody can advise on their health."""
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.kind == "review_reply" and says in draft.text and never not in draft.text
    assert "positive comments" not in draft.text and "review" not in draft.text.lower()


def test_a_health_question_told_rather_than_pasted_gets_the_comment_reply_not_a_review_reply(drafter):
    """ "A woman asked under our post whether ..." tells the comment instead of pasting it: it is still a question
    about someone's own health, not a review ("Thanks for the honest review")."""
    text = (
        "A woman asked under our Instagram post whether the pain on the inside of her knee after running means she "
        "tore something. What do we write back?"
    )
    (draft,) = drafter.drafts(turn(text), None, Asker(specialty="physiotherapy"))
    assert draft.text.startswith("Thanks for asking") and "can't advise on yours" in draft.text, draft.text
    assert "review" not in draft.text.lower()
    told = drafter.drafts(
        turn("A patient asked us whether we're open on Saturdays. What do we write back?"), None, Asker()
    )
    assert all("Thanks for asking" not in d.text for d in told)  # no post or comment, no health question
