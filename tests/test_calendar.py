"""Editorial calendar: counts, dates, rotation, awareness days, capacity, limits and determinism."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict

import pytest

from assistant.errors import InputError, KnowledgeError
from assistant.knowledge.base import PROJECT_KNOWLEDGE
from assistant.knowledge.registry import read_data_file
from assistant.knowledge.schemas.planning import PlanningData
from assistant.planners import compliance
from assistant.planners.calendar import plan_calendar
from assistant.planners.captions import message_text
from assistant.planners.data import planning_data
from assistant.profile import ClinicProfile

START = dt.date(2027, 5, 3)  # a Monday


def _profile(specialty="dermatology", **kw) -> ClinicProfile:
    kw.setdefault("hours_per_week", 10)
    return ClinicProfile(specialty=specialty, **kw)


def _plan(kb, platforms=("instagram", "facebook", "youtube"), weeks=4, per_week=4, start=START, seed=0, **kw):
    return plan_calendar(kb, _profile(**kw), list(platforms), start, weeks, per_week, seed=seed)


def _bank_title(post) -> str:
    name = post.awareness["name"].split(" (")[0] if post.awareness else None
    return post.topic.split(" - ", 1)[1] if name and post.topic.startswith(f"{name} - ") else post.topic


def test_plan_has_one_row_per_publication(fixture_kb):
    plan = _plan(fixture_kb, weeks=5, per_week=4)
    assert len(plan.posts) == 5 * 4
    assert Counter(p.week for p in plan.posts) == {w: 4 for w in range(1, 6)}


def test_every_post_falls_inside_its_week_of_the_plan(fixture_kb):
    plan = _plan(fixture_kb, weeks=6, start=dt.date(2027, 5, 5))  # a Wednesday start
    for post in plan.posts:
        first = plan.start + dt.timedelta(days=7 * (post.week - 1))
        assert first <= post.date <= first + dt.timedelta(days=6)
    assert [p.date for p in plan.posts] == sorted(p.date for p in plan.posts)


def test_no_topic_repeats_while_the_bank_lasts(fixture_kb):
    plan = _plan(fixture_kb, weeks=6, per_week=4)  # 24 posts, 30 topics in the bank
    titles = [_bank_title(p) for p in plan.posts]
    assert len(titles) == len(set(titles))
    assert not any("topics repeat" in n for n in plan.notes)


def test_topics_repeat_only_after_the_bank_is_used_up_and_the_plan_says_so(fixture_kb):
    plan = _plan(fixture_kb, weeks=20, per_week=3)
    titles = [_bank_title(p) for p in plan.posts]
    bank = len(fixture_kb.specialties["dermatology"].topics)
    first_repeat = next(i for i, t in enumerate(titles) if t in titles[:i])
    assert first_repeat >= bank - 3  # a few bank topics are kept for observances
    assert any("topics repeat" in n for n in plan.notes)


def test_every_platform_gets_a_post_every_week_when_the_count_allows(fixture_kb):
    platforms = ("instagram", "facebook", "youtube", "google_business")
    plan = _plan(fixture_kb, platforms=platforms, weeks=8, per_week=5)
    for week in range(1, 9):
        assert {p.platform for p in plan.posts if p.week == week} == set(platforms)


def test_platforms_take_turns_when_there_are_fewer_posts_than_platforms(fixture_kb):
    plan = _plan(fixture_kb, weeks=3, per_week=1)
    assert sorted(p.platform for p in plan.posts) == ["facebook", "instagram", "youtube"]
    assert any("take turns" in n for n in plan.notes)


def test_pillars_rotate_instead_of_repeating(fixture_kb):
    plan = _plan(fixture_kb, weeks=5, per_week=4)
    regular = [p.pillar for p in plan.posts if not p.awareness]
    assert all(a != b for a, b in zip(regular, regular[1:])), regular
    pillars = {p.name for p in fixture_kb.specialties["dermatology"].pillars}
    assert set(regular[: len(pillars) + 2]) == pillars


def test_formats_rotate_on_each_platform_and_suit_it(fixture_kb):
    plan = _plan(fixture_kb, weeks=6, per_week=6, hours_per_week=40)
    by_platform = defaultdict(list)
    for post in plan.posts:
        by_platform[post.platform].append(post.format)
    for platform, formats in by_platform.items():
        allowed = {f.id for f in fixture_kb.platforms[platform].formats if f.kind != "story"}
        assert set(formats) <= allowed
        assert all(a != b for a, b in zip(formats, formats[1:])), (platform, formats)


def test_times_are_the_platforms_benchmark_times(fixture_kb):
    plan = _plan(fixture_kb, weeks=4, per_week=5)
    for post in plan.posts:
        windows = fixture_kb.platforms[post.platform].best_times
        assert any(post.time in w.times for w in windows)


def test_captions_and_hashtags_fit_each_platform(fixture_kb):
    short = fixture_kb.platforms["instagram"].model_copy(
        update={"limits": fixture_kb.platforms["instagram"].limits.model_copy(update={"caption_chars": 140})}
    )
    kb = dataclasses.replace(fixture_kb, platforms={**fixture_kb.platforms, "instagram": short})
    plan = _plan(kb, platforms=("instagram", "facebook", "youtube", "google_business"), weeks=4, per_week=6)
    for post in plan.posts:
        platform = kb.platforms[post.platform]
        assert len(message_text(post.caption, post.hashtags)) <= platform.limits.caption_chars
        assert len(post.hashtags) <= min(platform.hashtags.max, platform.hashtags.recommended_max)
        assert post.caption.strip()


def test_captions_carry_the_topic_a_call_to_action_and_the_general_information_line(fixture_kb):
    plan = _plan(fixture_kb, weeks=2, per_week=4)
    disclaimer = planning_data(fixture_kb).captions.disclaimer
    for post in plan.posts:
        assert _bank_title(post).rstrip(".").lower()[:30] in post.caption.lower()
        assert disclaimer in post.caption


def test_same_inputs_give_the_same_plan(fixture_kb):
    assert _plan(fixture_kb, seed=3).model_dump() == _plan(fixture_kb, seed=3).model_dump()


def test_another_seed_gives_another_variation(fixture_kb):
    topics = {tuple(p.topic for p in _plan(fixture_kb, seed=s).posts) for s in range(4)}
    assert len(topics) > 1


def test_dermatology_plan_in_may_marks_skin_cancer_awareness_month(fixture_kb):
    plan = _plan(fixture_kb, country="US")
    marked = [p for p in plan.posts if p.awareness and p.awareness["name"] == "Skin Cancer Awareness Month"]
    assert marked and all(dt.date(2027, 5, 1) <= p.date <= dt.date(2027, 5, 31) for p in marked)
    assert "#SkinCancerAwarenessMonth" in marked[0].hashtags[:2] or not marked[0].hashtags
    assert "Skin Cancer Awareness Month" in marked[0].caption


def test_a_day_observance_goes_out_on_or_before_its_date_in_its_week(fixture_kb):
    plan = _plan(fixture_kb, specialty="cardiology", start=dt.date(2027, 9, 27), weeks=2, per_week=3, country="US")
    heart = [p for p in plan.posts if p.awareness and p.awareness["name"] == "World Heart Day"]
    assert len(heart) == 1
    assert dt.date(2027, 9, 27) <= heart[0].date <= dt.date(2027, 9, 29)


def test_a_post_is_moved_to_the_day_when_the_week_has_none_before_it(fixture_kb):
    # YouTube posts on Thursdays and Saturdays; the plan week starts on World Heart Day (a Wednesday).
    plan = _plan(
        fixture_kb, specialty="cardiology", platforms=("youtube",), start=dt.date(2027, 9, 29), weeks=1, per_week=1
    )
    assert plan.posts[0].awareness["name"] == "World Heart Day"
    assert plan.posts[0].date == dt.date(2027, 9, 29)


def test_observances_of_another_country_are_left_out(fixture_kb):
    plan = _plan(fixture_kb, country="IT")
    assert not [p for p in plan.posts if p.awareness and p.awareness["name"] == "Skin Cancer Awareness Month"]


def test_tight_capacity_picks_lighter_formats_and_says_so(fixture_kb):
    roomy = _plan(fixture_kb, weeks=4, per_week=4, hours_per_week=40)
    tight = _plan(fixture_kb, weeks=4, per_week=4, hours_per_week=1.5)
    assert sum(p.minutes for p in tight.posts) < sum(p.minutes for p in roomy.posts)
    assert any("lighter formats" in n or "above the" in n for n in tight.notes)


def test_a_plan_beyond_the_clinics_time_says_so_with_a_count_that_fits(fixture_kb):
    plan = _plan(fixture_kb, weeks=2, per_week=10, hours_per_week=0.5)
    assert len(plan.posts) == 20  # the requested count is kept...
    over = [n for n in plan.notes if "above the" in n]
    assert over and "0.5 h" in over[0]  # ...and the plan says it does not fit
    assert any("Batch" in n for n in plan.notes) and any("Repurpose" in n for n in plan.notes)


def test_patient_story_posts_carry_a_consent_warning(fixture_kb):
    plan = _plan(fixture_kb, weeks=8, per_week=4)
    stories = [p for p in plan.posts if p.pillar == "Patient stories"]
    assert stories and all(any(w["rule"] == "R7" for w in p.warnings) for p in stories)
    others = [p for p in plan.posts if p.pillar == "Myth vs fact"]
    assert all(not any(w["rule"] == "R7" for w in p.warnings) for p in others)


def test_every_post_cites_its_platform_guide(fixture_kb):
    plan = _plan(fixture_kb, weeks=2)
    for post in plan.posts:
        assert fixture_kb.platforms[post.platform].guide in [s.get("doc_id") for s in post.sources]
        assert all(s.get("url", "https://").startswith("http") for s in post.sources)


@pytest.mark.parametrize(("weeks", "per_week"), [(0, 3), (53, 3), (4, 0), (4, 22)])
def test_out_of_range_weeks_or_counts_are_refused(fixture_kb, weeks, per_week):
    with pytest.raises(InputError):
        _plan(fixture_kb, weeks=weeks, per_week=per_week)


def test_unknown_platform_or_specialty_is_refused_with_the_known_ones(fixture_kb):
    with pytest.raises(KnowledgeError, match="known: instagram"):
        _plan(fixture_kb, platforms=("instagram", "myspace"))
    with pytest.raises(KnowledgeError, match="closest known: dermatology"):
        _plan(fixture_kb, specialty="dermatolgy")
    with pytest.raises(InputError):
        _plan(fixture_kb, platforms=())


def test_a_start_that_is_not_a_date_is_refused(fixture_kb):
    with pytest.raises(InputError):
        plan_calendar(fixture_kb, _profile(), ["instagram"], dt.datetime(2027, 5, 3, 9), 1, 1)


def test_posts_around_a_dst_change_keep_their_local_time(fixture_kb):
    plan = _plan(
        fixture_kb,
        platforms=("facebook",),
        start=dt.date(2027, 3, 22),
        weeks=2,
        per_week=1,
        timezone="Europe/Rome",
        country="IT",
    )
    assert [p.time for p in plan.posts] == ["09:00", "09:00"]  # Wednesdays either side of 28 March


# --- the real knowledge base ------------------------------------------------------------------------


@pytest.mark.slow
def test_real_dermatology_plan_in_may_mentions_skin_cancer_awareness(kb):
    plan = _plan(kb, platforms=("instagram", "facebook"), weeks=4, per_week=3, country="US")
    marked = [p for p in plan.posts if p.awareness and "skin cancer" in p.awareness["name"].lower()]
    assert marked
    assert all(p.date.month == 5 for p in marked)
    assert "skin cancer" in marked[0].caption.lower()


@pytest.mark.slow
def test_real_cardiology_plan_across_29_september_uses_world_heart_day(kb):
    start = dt.date(2027, 9, 20)
    plan = _plan(kb, specialty="cardiology", platforms=("facebook", "linkedin"), start=start, weeks=3, per_week=3)
    heart = [p for p in plan.posts if p.awareness and p.awareness["name"] == "World Heart Day"]
    assert len(heart) == 1
    day = dt.date(2027, 9, 29)
    assert heart[0].date <= day and (heart[0].date - start).days // 7 == (day - start).days // 7


@pytest.mark.slow
def test_every_real_specialty_gets_a_full_plan(kb):
    platforms = ("instagram", "facebook", "linkedin")
    for spec_id in kb.specialties:
        plan = _plan(kb, specialty=spec_id, platforms=platforms, weeks=8, per_week=3)
        assert len(plan.posts) == 24, spec_id
        titles = [_bank_title(p) for p in plan.posts]
        assert len(titles) == len(set(titles)), spec_id
        for post in plan.posts:
            limits = kb.platforms[post.platform]
            assert len(message_text(post.caption, post.hashtags)) <= limits.limits.caption_chars
            assert len(post.hashtags) <= limits.hashtags.max
        for week in range(1, 9):
            assert {p.platform for p in plan.posts if p.week == week} == set(platforms), spec_id


def test_caption_findings_from_the_content_checker_are_attached_to_the_post(fixture_kb):
    spec = fixture_kb.specialties["dermatology"]
    bad = spec.topics[0].model_copy(update={"title": "Our guaranteed cure for acne, 100% painless"})
    spec = spec.model_copy(update={"topics": (bad, *spec.topics[1:])})
    kb = dataclasses.replace(fixture_kb, specialties={**fixture_kb.specialties, "dermatology": spec})
    plan = _plan(kb, weeks=10, per_week=3)
    post = next(p for p in plan.posts if "guaranteed cure" in p.topic)
    assert any(w["rule"] == "R10" for w in post.warnings)


def test_planning_data_with_a_bad_field_is_rejected_naming_the_file_and_field(tmp_path):
    text = (PROJECT_KNOWLEDGE / "data" / "planning.yaml").read_text(encoding="utf-8")
    text = text.replace("minutes_per_kind:", "minutes_per_kin:")
    bad = tmp_path / "planning.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match="planning.yaml: field 'minutes_per_kin"):
        read_data_file(bad, PlanningData)


def test_every_caption_piece_passes_the_content_checker(fixture_kb):
    pieces = planning_data(fixture_kb).captions
    texts = [
        *pieces.openers,
        *pieces.bodies,
        pieces.disclaimer,
        pieces.awareness,
        *(c for ctas in pieces.ctas.values() for c in ctas),
    ]
    for text in texts:
        filled = text.format(
            topic="Sunscreen basics",
            team="our dermatology team",
            team_cap="Our dermatology team",
            observance="World Health Day",
        )
        assert not compliance.check(filled, kind="caption"), filled


@pytest.mark.slow
def test_an_observance_no_bank_topic_is_about_gets_a_post_about_the_observance_itself(kb):
    plan = plan_calendar(kb, _profile("general_practice"), ["facebook", "instagram"], dt.date(2026, 11, 30), 1, 3)
    aids = [p for p in plan.posts if p.awareness and p.awareness["name"] == "World AIDS Day"]
    assert aids, "World AIDS Day (1 December) fits general practice"
    assert aids[0].topic.startswith("World AIDS Day:")
    assert " - " not in aids[0].topic  # not glued to an unrelated bank topic


@pytest.mark.slow
def test_a_topic_written_for_an_observance_is_kept_for_it(kb):
    plan = plan_calendar(kb, _profile("general_practice"), ["facebook", "instagram"], dt.date(2026, 11, 30), 8, 3)
    off_season = [p.topic for p in plan.posts if "Men's Health Week" in p.topic and not p.awareness]
    assert not off_season  # "Men's Health Week: ..." is saved for June's International Men's Health Week


def test_no_post_lands_on_a_public_holiday_of_the_clinics_country(kb):
    import holidays

    profile = ClinicProfile(
        specialty="dermatology",
        country="GB",
        region="Scotland",
        timezone="Europe/London",
        platforms=["instagram", "facebook"],
    )
    plan = plan_calendar(kb, profile, ["instagram", "facebook"], dt.date(2026, 12, 7), 8, 5)
    closed = holidays.country_holidays("GB", subdiv="SCT", years=[2026, 2027])
    assert not [p.date for p in plan.posts if p.date in closed]
    assert any("Christmas Day" in n for n in plan.notes)


def test_sun_topics_follow_the_hemisphere(kb):
    def sunny(country, tz, start):
        profile = ClinicProfile(specialty="dermatology", country=country, timezone=tz, platforms=["instagram"])
        plan = plan_calendar(kb, profile, ["instagram"], start, 8, 3)
        return [p.topic for p in plan.posts if "sunscreen" in p.topic.lower() or "summer" in p.topic.lower()]

    assert sunny("GB", "Europe/London", dt.date(2026, 12, 7)) == []
    assert sunny("AU", "Australia/Sydney", dt.date(2026, 12, 7))


def test_every_planned_post_is_authored_copy_and_no_two_share_a_caption(kb):
    for specialty in kb.specialties:
        profile = ClinicProfile(specialty=specialty, platforms=["instagram", "facebook", "linkedin"])
        plan = plan_calendar(kb, profile, ["instagram", "facebook", "linkedin"], dt.date(2027, 3, 1), 12, 5)
        captions = [p.caption for p in plan.posts]
        assert len(captions) == len(set(captions)), specialty
        assert all(p.alt_text and p.brief for p in plan.posts), specialty
        assert not any("Here is what our" in c or "Today's topic" in c for c in captions), specialty


@pytest.mark.slow
def test_every_month_with_a_fitting_awareness_day_gets_a_post_about_one(kb):
    from assistant.planners.schedule import observances_in

    for spec in kb.specialties.values():
        profile = ClinicProfile(specialty=spec.id, country="GB", timezone="Europe/London", platforms=["instagram"])
        plan = plan_calendar(kb, profile, ["instagram"], dt.date(2027, 1, 4), 52, 3)
        for month in range(1, 12):
            first, last = dt.date(2027, month, 1), dt.date(2027, month + 1, 1) - dt.timedelta(days=1)
            if not any(o.id in spec.awareness for o, *_ in observances_in(kb, spec, "GB", first, last)):
                continue
            days = [dt.date.fromisoformat(p.awareness["date"]) for p in plan.posts if p.awareness]
            assert any(first <= d <= last for d in days), (spec.id, month)


def test_a_posts_slides_and_script_come_only_with_the_formats_that_use_them(kb):
    # A Facebook "Text post" listed a topic's carousel slides and video script, and an Instagram "Carousel" had no
    # slides at all: the clinic could not tell what to post.
    kinds = {(p.id, f.id): f.kind for p in kb.platforms.values() for f in p.formats}
    carousels = with_slides = 0
    for specialty in ("podiatry", "dentistry", "physiotherapy", "dermatology"):
        profile = ClinicProfile(specialty=specialty, platforms=["instagram", "facebook", "linkedin"], country="GB")
        plan = plan_calendar(kb, profile, ["instagram", "facebook", "linkedin"], dt.date(2027, 3, 1), 8, 4)
        for p in plan.posts:
            kind = kinds[p.platform, p.format]
            assert not p.slides or kind == "carousel", (specialty, p.topic, p.format)
            assert p.script is None or kind in ("video", "live"), (specialty, p.topic, p.format)
            carousels += kind == "carousel"
            with_slides += kind == "carousel" and bool(p.slides)
    assert carousels and with_slides >= 0.8 * carousels, (with_slides, carousels)


def test_a_post_moved_off_a_holiday_goes_to_a_day_without_one_on_that_platform(kb):
    import holidays

    # Five posts a week from Monday 21 December: Christmas Day and Boxing Day (observed Monday 28 December) close.
    profile = ClinicProfile(specialty="dermatology", country="GB", timezone="Europe/London", platforms=["instagram"])
    plan = plan_calendar(kb, profile, ["instagram"], dt.date(2026, 12, 21), 2, 5)
    closed = holidays.country_holidays("GB", years=[2026, 2027])
    days = [p.date for p in plan.posts]
    assert not [d for d in days if d in closed]
    assert len(days) == len(set(days))  # no day holds two Instagram posts


def test_a_post_a_day_keeps_its_post_on_a_public_holiday(kb):
    profile = ClinicProfile(specialty="dentistry", country="PH", timezone="Asia/Manila", platforms=["facebook"])
    plan = plan_calendar(kb, profile, ["facebook"], dt.date(2027, 12, 6), 1, 7)
    assert sorted(p.date for p in plan.posts) == [dt.date(2027, 12, 6) + dt.timedelta(days=n) for n in range(7)]
    assert not any("No posts on public holidays" in n for n in plan.notes)


def test_a_topic_tied_to_a_date_in_the_calendar_waits_for_its_month_in_both_hemispheres(kb):
    def titles(start, country):
        profile = ClinicProfile(specialty="dentistry", country=country, hours_per_week=10)
        return [p.topic for p in plan_calendar(kb, profile, ["instagram", "facebook"], start, 12, 4).posts]

    for country in ("GB", "AU"):
        assert not any("Halloween" in t for t in titles(dt.date(2027, 1, 4), country))
    assert any("Halloween" in t for t in titles(dt.date(2027, 9, 27), "GB"))


def test_a_spring_gardening_topic_waits_for_spring_in_its_hemisphere(kb):
    def titles(start, country):
        profile = ClinicProfile(specialty="physiotherapy", country=country, hours_per_week=10)
        return [p.topic for p in plan_calendar(kb, profile, ["instagram"], start, 8, 3).posts]

    assert not any("Gardening" in t for t in titles(dt.date(2026, 12, 7), "GB"))  # December: winter in the UK
    assert any("Gardening" in t for t in titles(dt.date(2027, 3, 1), "GB"))
    assert not any("Gardening" in t for t in titles(dt.date(2027, 3, 1), "AU"))  # March: autumn in Australia
