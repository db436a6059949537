"""Platform starter guides: setup steps and first 30 days from the guide, limits and cadence from data."""

from __future__ import annotations

import pytest

from assistant.planners.starter import items, sections, start_guide
from assistant.profile import ClinicProfile


def _guide(kb, platform="instagram", specialty="dermatology", hours=2.0, platforms=("instagram",)):
    profile = ClinicProfile(
        specialty=specialty, hours_per_week=hours, platforms=list(platforms), timezone="Europe/Rome"
    )
    return start_guide(kb, platform, profile)


def test_steps_start_with_the_guides_account_setup(fixture_kb):
    guide = _guide(fixture_kb)
    assert guide.steps[0].title == "Account type and setup"
    assert "Business account" in guide.steps[0].details
    titles = [s.title for s in guide.steps]
    assert "Write a bio that says who you treat and where, with a booking link" in titles


def test_profile_step_gives_the_platforms_field_limits(fixture_kb):
    guide = _guide(fixture_kb)
    profile = next(s for s in guide.steps if "limits" in s.title)
    assert "Bio / description: 150 characters" in profile.details
    assert "Name: 30 characters" in profile.details


def test_cadence_follows_the_hours_the_clinic_has(fixture_kb):
    def cadence(hours):
        step = next(s for s in _guide(fixture_kb, hours=hours).steps if "cadence" in s.title.lower())
        return int(step.details.split("plan ")[1].split(" ")[0])

    assert cadence(0.5) < cadence(6)
    assert cadence(60) <= fixture_kb.platforms["instagram"].cadence.max_per_week
    low = next(s for s in _guide(fixture_kb, hours=0.25).steps if "cadence" in s.title.lower())
    assert "below the benchmark" in low.details


def test_times_are_given_in_the_clinics_time_zone(fixture_kb):
    step = next(s for s in _guide(fixture_kb).steps if "times" in s.title.lower())
    assert "Europe/Rome" in step.details and "11:00" in step.details


def test_what_to_avoid_includes_the_guide_and_the_specialtys_cautions(fixture_kb):
    avoid = _guide(fixture_kb).steps[-1]
    assert avoid.title == "What to avoid"
    assert "signed written consent" in avoid.details
    for caution in fixture_kb.specialties["dermatology"].cautions:
        assert caution.text in avoid.details


def test_first_30_days_come_from_the_guide(fixture_kb):
    assert _guide(fixture_kb).first_30_days[0].startswith("Week 1: set up the profile")
    assert _guide(fixture_kb, "facebook").first_30_days[-1].startswith("Week 4: Open Page Insights")


def test_verification_step_is_added_when_setup_does_not_cover_it(fixture_kb):
    titles = [s.title for s in _guide(fixture_kb, "facebook").steps]
    assert "Verify the account" in titles
    assert "Verify the account" not in [s.title for s in _guide(fixture_kb, "instagram").steps]


def test_first_posts_are_specialty_topics_from_different_pillars(fixture_kb):
    step = next(s for s in _guide(fixture_kb, specialty="cardiology").steps if "first" in s.title.lower())
    topics = {t.title: t.pillar for t in fixture_kb.specialties["cardiology"].topics}
    named = [t for t in topics if t in step.details]
    assert len(named) == 3 and len({topics[t] for t in named}) == 3


def test_google_business_hashtag_step_says_none_are_used(fixture_kb):
    step = next(s for s in _guide(fixture_kb, "google_business").steps if s.title == "Hashtags")
    assert "do not use hashtags" in step.details and "Recommended" not in step.details


def test_sources_list_the_guide_and_platform_data(fixture_kb):
    guide = _guide(fixture_kb)
    assert guide.sources[0]["doc_id"] == "platform-instagram"
    urls = [s["url"] for s in guide.sources[1:]]
    assert urls and all(u.startswith("http") for u in urls) and len(urls) == len(set(urls))


def test_items_read_numbered_and_bulleted_lists_and_fall_back_to_paragraphs():
    assert items("1. **Bold**: one\n2. two\n   more") == ["Bold: one", "two more"]
    assert items("- a\n* b") == ["a", "b"]
    assert items("Week 1: x\n\nWeek 2: y") == ["Week 1: x", "Week 2: y"]


def test_sections_split_a_guide_by_headings():
    body = "intro\n\n## One\ntext 1\n\n### Two\ntext 2\n"
    assert sections(body) == [("One", "text 1"), ("Two", "text 2")]


@pytest.mark.slow
def test_every_real_platform_guide_gives_setup_steps_and_a_first_month(kb):
    for platform in kb.platforms:
        guide = _guide(kb, platform, specialty="dentistry")
        assert len(guide.steps) >= 8, platform
        assert len(guide.first_30_days) >= 3, platform
        assert guide.first_30_days != list(_defaults(kb)), f"{platform}: guide has no first-30-days section"
        assert guide.steps[0].details and guide.steps[0].details != kb.platforms[platform].audience, (
            f"{platform}: no setup section found in the guide"
        )
        assert not any("unverifiable" in s.details for s in guide.steps if s.title == "Verify the account")


def _defaults(kb):
    from assistant.planners.data import planning_data

    return planning_data(kb).starter.first_30_days_default
