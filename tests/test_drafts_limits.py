"""A request to write that asks for something impossible or beyond a limit gets a draft that says, in plain words,
what it made instead: a date that does not exist or has passed, a plan longer than the longest we make, hundreds
of posts or none, a rhythm beyond a week's posts, no field named, a platform we hold no data on."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from assistant.chat.compose import Asker
from assistant.chat.plan_span import impossible_date, passed_date, plan_span
from assistant.knowledge import registry
from tests.drafting import turn

TODAY = dt.date(2026, 12, 2)


@pytest.fixture(scope="module")
def limits(kb):
    found = registry.load(registry.DRAFTS, kb.root).extras.limits
    assert found is not None
    return found


def notes_of(draft) -> str:
    return " ".join(draft.notes)


# --- the span: what was asked and what was made ----------------------------------------------------------------


def test_a_date_that_does_not_exist_is_reported_with_the_year_it_was_looked_for():
    assert impossible_date("a 7-day plan starting Monday 31 February", TODAY) == ("31 February", 2027)
    assert impossible_date("from 32 March", TODAY) == ("32 March", 2027)
    assert impossible_date("from 28 February", TODAY) is None
    span = plan_span("a 7-day plan starting Monday 31 February", {}, TODAY)
    assert span.impossible == ("31 February", 2027) and not span.dated


def test_a_date_that_passed_lately_is_named_and_an_old_one_is_next_years():
    assert passed_date("a plan from 1 December", TODAY, 60) == "1 December"
    assert passed_date("a plan from 15 January", TODAY, 60) == ""  # long past: next January, as meant
    assert passed_date("a plan from 20 December", TODAY, 60) == ""  # still to come
    assert plan_span("a plan from 1 December", {}, TODAY).passed == "1 December"


@pytest.mark.parametrize(
    "text,days,asked",
    [
        ("a 99-day plan", 84, "99 days"),
        ("a 100-day plan", 84, "100 days"),
        ("a 20-week plan", 84, "20 weeks"),
        ("a 6 month plan", 84, "6 months"),
        ("a year of posts", 84, "a year"),
        ("a 0-day plan", 1, "0 days"),
        ("a 12-week plan", 84, ""),
        ("a 3-month plan", 84, ""),
    ],
)
def test_a_length_beyond_the_longest_plan_is_cut_and_remembered(text, days, asked):
    span = plan_span(text, {}, TODAY)
    assert (span.days, span.asked) == (days, asked)


def test_next_month_starts_on_the_first_monday_of_next_month():
    assert plan_span("a content plan for next month", {}, TODAY).start == dt.date(2027, 1, 4)


# --- the drafts say so -----------------------------------------------------------------------------------------


def test_a_plan_from_a_date_that_does_not_exist_says_so_and_names_the_start_used(drafter):
    text = "Write a 7-day plan starting Monday 31 February for our dental clinic"
    (draft,) = drafter.drafts(turn(text), None, Asker(specialty="dentistry"))
    assert "There is no 31 February" in draft.notes[0]
    start = re.search(r"plan from (\d{2} \w+ \d{4})", draft.title).group(1)
    assert start in draft.notes[0]


def test_a_plan_longer_than_the_longest_says_how_long_the_longest_is(drafter, limits):
    (draft,) = drafter.drafts(turn("Write a 99-day plan for our physio clinic"), None, Asker(specialty="physiotherapy"))
    assert draft.title.startswith(f"{7 * limits.max_plan_weeks}-day plan")
    assert "99 days" in draft.notes[0] and f"{limits.max_plan_weeks} weeks" in draft.notes[0]


def test_a_plan_of_a_normal_length_carries_no_limit_note(drafter):
    (draft,) = drafter.drafts(turn("Write a 4-week plan for our physio clinic"), None, Asker(specialty="physiotherapy"))
    assert "You asked for" not in notes_of(draft) and "There is no" not in notes_of(draft)


def test_more_posts_a_week_than_a_plan_holds_says_how_many_it_has(drafter, limits):
    text = "Make a 4-week plan with 12 posts a week for my dermatology clinic"
    (draft,) = drafter.drafts(turn(text), None, Asker(specialty="dermatology"))
    assert "12 posts a week" in notes_of(draft) and f"{limits.max_posts_per_week} posts a week" in notes_of(draft)


def test_more_posts_than_a_week_holds_in_a_week_of_posts_says_how_many_it_has(drafter, limits):
    # "99 posts" in a one-week request was quietly cut to 7: the note only read "N posts a week".
    text = "Write me a week of Instagram posts for my dental clinic, 99 posts please"
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="dentistry"))
    assert "You asked for 99 posts a week" in notes_of(draft)
    assert f"{limits.max_posts_per_week} posts a week" in notes_of(draft)


def test_hundreds_of_posts_give_the_most_one_answer_gives_and_say_so(drafter, kb):
    maximum = registry.load(registry.DRAFTS, kb.root).extras.max_captions
    drafts = drafter.drafts(turn("Write 300 LinkedIn posts about back pain", ["linkedin"]), None, Asker())
    assert len(drafts) == maximum and all(d.kind == "caption" for d in drafts)
    assert "300 LinkedIn posts" in drafts[0].notes[0] and str(maximum) in drafts[0].notes[0]


def test_linkedin_posts_about_a_subject_are_posts_not_an_about_section(drafter):
    drafts = drafter.drafts(turn("Write 3 LinkedIn posts about back pain", ["linkedin"]), None, Asker())
    assert drafts and all(d.kind == "caption" for d in drafts)
    (bio,) = drafter.drafts(turn("Write my LinkedIn headline and about section", ["linkedin"]), None, Asker())
    assert bio.kind == "bio"


def test_zero_posts_give_one_and_say_so(drafter):
    drafts = drafter.drafts(turn("Write 0 posts about flu vaccines"), None, Asker(specialty="general_practice"))
    assert len(drafts) == 1 and "0 posts" in drafts[0].notes[0]


def test_a_few_posts_within_the_limit_carry_no_count_note(drafter):
    drafts = drafter.drafts(turn("Write 3 posts about sunscreen"), None, Asker(specialty="dermatology"))
    assert len(drafts) == 3 and "You asked for" not in notes_of(drafts[0])


def test_a_plan_with_no_field_named_says_no_field_was_named_not_that_it_is_missing(drafter, limits):
    (draft,) = drafter.drafts(turn("Make me a content plan for next month"), None, Asker())
    assert "no topic list for your field" not in draft.title and limits.no_field_title in draft.title
    assert "No field or specialty was named" in draft.notes[0]
    assert "don't have topics written for your field" not in notes_of(draft)


def test_a_plan_for_a_field_we_do_not_hold_still_says_it_has_no_topic_list_for_that_field(drafter):
    text = "Make a 4-week Instagram plan for my osteopathy practice"
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert "no topic list for your field" in draft.title and "No field or specialty was named" not in notes_of(draft)
    assert "our guides" not in draft.title  # the asker never sees the knowledge base's own words


def test_a_platform_we_hold_no_data_on_is_named_with_the_platform_written_for(drafter):
    (draft,) = drafter.drafts(turn("Write a Snapchat caption about sunscreen"), None, Asker(specialty="dermatology"))
    assert "Snapchat" in draft.notes[0] and "Instagram" in draft.notes[0]
    (plain,) = drafter.drafts(turn("Write an Instagram caption about sunscreen"), None, Asker(specialty="dermatology"))
    assert "no platform data" not in notes_of(plain)


# --- a week of posts: written out, as many as the weekdays asked ---------------------------------------------------


def test_a_week_of_posts_monday_to_friday_is_five_posts_written_out_with_captions_and_hashtags(drafter):
    text = "Can you write a week of Instagram posts for our physio clinic, Monday to Friday?"
    (draft,) = drafter.drafts(turn(text), None, Asker(specialty="physiotherapy"))
    days = re.findall(r"^- (\w{3}) \d{2} \w{3} · Instagram", draft.text, re.M)
    assert days == ["Mon", "Tue", "Wed", "Thu", "Fri"]
    posts = re.split(r"^- ", draft.text, flags=re.M)[1:]
    assert all(len(p.split()) > 40 and "#" in p for p in posts)  # a caption and its hashtags under each day


def test_a_longer_plan_lists_its_topics_without_every_caption(drafter):
    (draft,) = drafter.drafts(turn("Write a 4-week plan for our physio clinic"), None, Asker(specialty="physiotherapy"))
    assert all(line.startswith(("Week ", "- ")) for line in draft.text.splitlines())


def test_a_field_named_after_a_word_like_small_is_named(drafter, limits):
    text = "I run a small paediatric OT clinic. Can you write a week of Instagram posts for us?"
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.kind == "plan" and limits.no_field_note not in draft.notes and "no field named" not in draft.title


def test_weeks_and_days_before_something_are_times_in_the_message_not_the_plans_length():
    text = (
        "Can you write a week of posts for our travel clinic? Key message: book 6-8 weeks before travel, "
        "people keep coming in 3 days before flying."
    )
    assert plan_span(text, {}, dt.date(2026, 5, 4)).days == 7
    assert plan_span("a 6-week plan, posting 3 days a week", {}, dt.date(2026, 5, 4)).days == 42
    assert plan_span("posts for the next 10 days", {}, dt.date(2026, 5, 4)).days == 10


def test_a_week_of_posts_for_two_platforms_shares_the_posts_between_both(drafter):
    text = "Can you write a week of posts for our physio clinic's Facebook + Instagram?"
    (draft,) = drafter.drafts(turn(text, ["facebook", "instagram"]), None, Asker(specialty="physiotherapy"))
    named = set(re.findall(r"^- \w{3} \d{2} \w{3} · (\w+)", draft.text, re.M))
    assert named == {"Facebook", "Instagram"}


def test_posts_for_one_week_are_a_plan_with_a_post_a_day(drafter):
    text = "Can you make us 7 Facebook posts for one week, Monday to Sunday, mix of tips and clinic info?"
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker(specialty="dentistry"))
    assert draft.kind == "plan"
    days = re.findall(r"^- (\w{3}) \d{2} \w{3} · Facebook", draft.text, re.M)
    assert days == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def test_every_post_of_a_plan_is_listed_under_the_week_its_date_falls_in(drafter):
    text = "Write a 4-week Facebook plan for our family practice from 7 December 2026, a post every day"
    (draft,) = drafter.drafts(turn(text, ["facebook"], country="US"), None, Asker(specialty="general_practice"))
    week_start = None
    for line in draft.text.splitlines():
        if heading := re.match(r"Week \d+ \(from (\d{2} \w{3})\)", line):
            week_start = dt.datetime.strptime(f"{heading.group(1)} 2026", "%d %b %Y").date()
        elif post := re.match(r"- \w{3} (\d{2} \w{3}) ·", line):
            day = dt.datetime.strptime(f"{post.group(1)} 2026", "%d %b %Y").date()
            day = day.replace(year=2027) if day.month == 1 else day
            assert week_start is not None and 0 <= (day - week_start).days < 7, line


def test_posts_for_the_week_before_a_feast_are_a_week_of_posts():
    text = (
        "Ramadan starts in few weeks. Can you write 7 short Facebook posts (one per day for the week before Ramadan)?"
    )
    assert plan_span(text, {}, dt.date(2026, 12, 4)).days == 7
    assert plan_span("a month of posts starting the week before Easter", {}, dt.date(2026, 12, 4)).days == 28


def test_a_post_a_day_is_one_on_each_day_even_over_a_public_holiday(drafter):
    text = "Make us 7 Facebook posts for one week, Monday to Sunday, from Monday 6 December 2027. Dentist in Cebu City."
    asked = turn(text, ["facebook"], country="PH")
    asked.country_named = True  # the Philippines keep 8 December as a public holiday
    (draft,) = drafter.drafts(asked, None, Asker(specialty="dentistry"))
    days = re.findall(r"^- (\w{3} \d{2} \w{3}) · Facebook", draft.text, re.M)
    assert days == [f"{d} {n:02d} Dec" for d, n in zip(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], range(6, 13))]
    assert any("keeps a post on public holidays" in note for note in draft.notes)


def test_a_year_typed_with_a_date_is_that_year():
    span = plan_span("a week of posts from Monday 6 December 2027", {}, TODAY)
    assert span.start == dt.date(2027, 12, 6) and span.weekday_named == ""
    assert plan_span("posts from 3 March, 2028", {}, TODAY).start == dt.date(2028, 3, 3)
    assert plan_span("posts from 6 December 2025", {}, TODAY).start == dt.date(2026, 12, 6)  # past: the next one
