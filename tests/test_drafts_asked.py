"""A request to write gets the thing asked for (issue 10, development set 6): the dates and length a plan names, the
number of posts and the audience named, a change to a service with what patients do instead, the platform named,
and "a short post" read as a post, not a video."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from assistant.chat.compose import Asker
from assistant.chat.plan_span import named_date, plan_span
from assistant.planners.data import planning_data
from assistant.planners.topics import TopicPicker
from tests.drafting import turn

TODAY = dt.date(2026, 12, 2)
POST_LINE = re.compile(r"^- \w{3} (\d{2} \w{3}) · ")


def post_days(draft) -> list[str]:
    """The dates of a plan draft's posts, as written ("06 Apr")."""
    return [m.group(1) for line in draft.text.splitlines() if (m := POST_LINE.match(line))]


# --- "a short post" is a post --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,platform",
    [
        ("Draft a short Facebook post welcoming Dr Liam O'Connor, GP, to our practice in Galway.", "facebook"),
        ("Can you write a short LinkedIn update announcing our new hygienist?", "linkedin"),
        ("Write a short Instagram post saying we're closed on Monday for training", "instagram"),
    ],
)
def test_a_short_post_is_a_post_on_the_platform_named_not_a_video_script(drafter, text, platform):
    drafts = drafter.drafts(turn(text, [platform]), None, Asker())
    assert drafts and {d.kind for d in drafts} == {"caption"}
    assert drafts[0].platform == platform


def test_a_youtube_short_is_still_a_video_script(drafter):
    (draft,) = drafter.drafts(turn("Write a YouTube short about flossing", ["youtube"]), None, Asker())
    assert draft.kind == "video_script"


def test_a_welcome_post_names_the_colleague_in_full_with_the_role_written(drafter):
    text = "Write a short LinkedIn post announcing that Dr Amira Haddad, consultant rheumatologist, has joined us."
    (draft,) = drafter.drafts(turn(text, ["linkedin"]), None, Asker())
    assert "Dr Amira Haddad" in draft.text and "consultant rheumatologist" in draft.text


def test_a_closure_from_one_date_to_another_says_the_span(drafter):
    text = "Write an Instagram post: our practice will be closed for the holidays from 24 Dec to 2 Jan."
    (draft,) = drafter.drafts(turn(text, ["instagram"], country="GB"), None, Asker(country="GB"))
    assert "closed from 24 Dec to 2 Jan" in draft.text and "call 999" in draft.text


# --- plans: the dates and length named -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,start,days,daily",
    [
        ("Make a 7-day Instagram plan for our clinic opening on Monday 6 April.", dt.date(2027, 4, 6), 7, True),
        ("a 10 day plan starting March 3rd", dt.date(2027, 3, 3), 10, True),
        ("a plan for a month of posts for November. Start 1 November.", dt.date(2027, 11, 1), 30, False),
        ("a fortnight of posts from the 15th of January", dt.date(2027, 1, 15), 14, False),
        ("a 6-week plan starting in March", dt.date(2027, 3, 1), 42, False),
        ("a plan for our first week on Instagram", dt.date(2026, 12, 7), 7, False),
        # a month named as the plan's ("The month is October"), and a run of months ("Aug-Oct", to the last week)
        ("a 4 week content calendar, 3 posts a week. The month is October.", dt.date(2027, 10, 4), 28, False),
        ("a plan for Aug-Oct; one person can post 3x a week max", dt.date(2027, 8, 2), 84, False),
        ("posts from September to November", dt.date(2027, 9, 6), 84, False),
        ("a January to February plan", dt.date(2027, 1, 4), 56, False),
        ("our nurse can post twice a week", dt.date(2026, 12, 7), 28, False),  # how often, not how long
    ],
)
def test_a_plan_starts_on_the_date_named_and_spans_the_length_asked(text, start, days, daily):
    span = plan_span(text, {}, TODAY)
    assert (span.start, span.days, span.daily) == (start, days, daily)


def test_a_weekday_that_does_not_fit_the_date_is_named_so_it_can_be_checked():
    assert named_date("opening on Monday 6 April", TODAY) == (dt.date(2027, 4, 6), "Monday")  # a Tuesday in 2027
    assert named_date("opening on Tuesday 6 April", TODAY) == (dt.date(2027, 4, 6), "")
    assert named_date("a 4-week plan", TODAY) is None


def test_a_seven_day_plan_has_a_post_each_day_from_the_day_named_and_no_eighth_day(drafter):
    text = "Make a 7-day Instagram plan for our new physio clinic opening on Monday 6 April."
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="physiotherapy"))
    start = named_date(text, dt.date.today())[0]
    expected = [f"{start + dt.timedelta(days=n):%d %b}" for n in range(7)]
    assert draft.kind == "plan" and draft.title.startswith(f"7-day plan from {start:%d %B %Y}")
    assert post_days(draft) == expected
    first = next(line for line in draft.text.splitlines() if line.startswith("- "))
    assert "open" in first.lower()  # the opening day's post is the opening
    assert "Yoga Day" not in draft.text  # no day from another month


def test_a_month_from_the_first_runs_to_the_months_last_day(drafter):
    text = "Help me plan a month of Facebook posts for November for a urology clinic. Start 1 November."
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker(specialty="urology"))
    days = post_days(draft)
    assert days[0] == "01 Nov" and all(d.endswith("Nov") for d in days)
    assert int(days[-1][:2]) > 28  # the fifth week is there, up to the 30th


@pytest.mark.parametrize("specialty", ["physiotherapy", "urology", "dentistry"])
def test_a_topic_headed_by_a_day_is_never_a_filler_post_on_another_date(kb, specialty):
    spec = kb.specialty(specialty)
    picker = TopicPicker(kb, spec, planning_data(kb), random.Random(1), "GB")
    picked = [picker.next(kb.platform("instagram"), 4).title for _ in range(40)]
    assert not [t for t in picked if re.match(r"^[^:]*\b(Day|Week|Month)\s*:", t)], picked


# --- a change to a service -----------------------------------------------------------------------------------


def test_a_service_change_post_says_what_stops_when_and_what_to_do_instead(drafter):
    text = (
        "Our Leeds GP surgery needs a Facebook post about the new NHS App prescription ordering, we're stopping "
        "phone requests from 1 March. Can you write it?"
    )
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker(country="GB"))
    assert draft.kind == "caption" and draft.platform == "facebook"
    assert "from 1 March" in draft.text and "phone requests" in draft.text and "the NHS App" in draft.text
    assert "Can't use the NHS App?" in draft.text and "help" in draft.text  # another route, and help to start
    assert "logo" not in " ".join([draft.text, *draft.notes]).lower()


def test_asking_whether_a_post_is_needed_is_a_question_not_a_request(drafter):
    assert drafter.drafts(turn("Do I need a Facebook post every day?", ["facebook"]), None, Asker()) == []


# --- the number of posts and the audience named --------------------------------------------------------------


def test_three_linkedin_posts_for_employers_are_three_posts_written_to_employers(drafter):
    text = (
        "Write 3 short LinkedIn posts for a physiotherapy clinic to attract local employers for workplace "
        "ergonomics sessions."
    )
    drafts = drafter.drafts(turn(text, ["linkedin"]), None, Asker(specialty="physiotherapy"))
    assert len(drafts) == 3 and {d.kind for d in drafts} == {"caption"}
    assert {d.platform for d in drafts} == {"linkedin"}
    assert len({d.text for d in drafts}) == 3
    for draft in drafts:
        assert "employers" in draft.title and "workplace ergonomics sessions" in draft.text
        assert "email [email address]" in draft.text  # a call to action an employer can take
        assert not re.search(r"\d+\s*%", draft.text)  # no statistic the clinic cannot source


def test_two_posts_for_businesses_are_two(drafter):
    text = "Draft two Facebook posts aimed at local businesses about our workplace health checks"
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert len(drafts) == 2 and all("workplace health checks" in d.text for d in drafts)


# --- what a request says about its subject -------------------------------------------------------------------


def test_about_thirty_seconds_is_a_length_not_the_subject(drafter):
    text = (
        "Write a TikTok script (about 30 seconds) for a pharmacist explaining why you shouldn't take antibiotics "
        "for a cold."
    )
    (draft,) = drafter.drafts(turn(text, ["tiktok"]), None, Asker())
    assert draft.kind == "video_script" and "30 seconds" not in draft.title
    assert "antibiotic" in draft.text.lower() and "cold" in draft.text.lower()


def test_a_good_google_business_profile_description_is_written(drafter):
    text = "What's a good Google Business Profile description for a counselling service in Edinburgh?"
    (draft,) = drafter.drafts(turn(text, ["google_business"]), None, Asker(specialty="psychiatry_psychotherapy"))
    assert draft.kind == "bio" and draft.platform == "google_business" and "Edinburgh" in draft.text


def test_a_job_post_for_two_platforms_is_one_post_each_naming_the_role_and_hours(drafter):
    text = (
        "Draft a job post for Instagram and LinkedIn: we're hiring a dental nurse in Bristol, full time, Monday-Friday."
    )
    drafts = drafter.drafts(turn(text, ["instagram", "linkedin"]), None, Asker())
    assert [d.platform for d in drafts] == ["instagram", "linkedin"]
    for draft in drafts:
        assert "looking for a dental nurse" in draft.text and "full time, Monday-Friday" in draft.text
        assert "Instagram" not in draft.text and "LinkedIn" not in draft.text.split("\n")[0]


def test_every_news_card_is_an_answer_card_and_a_service_change_is_followed_by_its_own(drafter, kb):
    cards = {c.id for c in kb.cards}
    named = [k.card for k in drafter.news.data.kinds if k.card]
    assert named and set(named) <= cards
    text = (
        "Write a post: from 3 June we will no longer take appointment bookings by email, use our online booking system"
    )
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert "appointment bookings by email" in draft.text and "our online booking system" in draft.text
    assert draft.card == "telehealth-and-online-services-announce"


def test_a_move_is_dated_by_the_moving_day_not_the_closure_before_it(drafter):
    text = (
        "Write an Instagram post: our clinic is moving across town to new premises on June 3. We'll be closed June 1-2."
    )
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert draft.text.startswith("We are moving! From June 3, ")


def test_developmental_language_disorder_awareness_day_is_its_authored_caption_without_a_crisis_line(drafter, kb):
    text = (
        "write an instagram caption for our speech therapy clinic about Developmental Language Disorder awareness day"
    )
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert draft.title.endswith("Developmental Language Disorder Awareness Day")
    assert draft.text.startswith(kb.awareness_copy["dld-awareness-day"].hook) and "RADLD" in draft.text
    assert "[your key point" not in draft.text
    assert "crisis" not in draft.text  # "developmental" is not a mental-health day
    assert not any("not in our calendar" in note for note in draft.notes)  # the date is in our data now


def test_a_five_post_carousel_on_a_subject_without_copy_is_five_slides_on_the_title_given(drafter):
    text = (
        "Write a 5-post Instagram carousel outline for our dietitian clinic: "
        "'What a dietitian can (and can't) do for you'."
    )
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    slides = [line for line in draft.text.splitlines() if line.startswith("Slide ")]
    assert len(slides) == 5 and slides[0] == "Slide 1: What a dietitian can (and can't) do for you"
    assert "Book at" in slides[-1] and "\n\nCaption:\n" in draft.text
    assert draft.title == "Instagram carousel: What a dietitian can (and can't) do for you"


def test_posts_asked_as_a_numbered_list_are_one_post_for_each_item(drafter):
    """An ortho office's "4 Google Business Profile posts ... 1) ... 2) ... 3) ... 4) ..." had got one post, on the
    last item only."""
    text = (
        "Can you write 3 Facebook posts for our dental practice? 1) halloween sweets and braces "
        "2) baby teeth and why they matter 3) we're now open on Saturdays 9-1. Keep them short please."
    )
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker(specialty="dentistry"))
    assert [d.kind for d in drafts] == ["caption"] * 3
    assert "halloween" in drafts[0].text.lower() and "saturday" in drafts[2].text.lower()
    assert "baby teeth" in drafts[1].text.lower()
    questions = "Two questions: 1) can we post our prices? 2) write me 2 captions about whitening"
    assert len(drafter.drafts(turn(questions, ["facebook"]), None, Asker(specialty="dentistry"))) != 3
