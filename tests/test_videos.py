"""Video ideas: required kinds, outlines, durations within platform limits, compliance notes."""

from __future__ import annotations

import dataclasses

import pytest

from assistant.errors import InputError
from assistant.planners.videos import video_ideas

REQUIRED = {"faq", "embarrassing_question", "myth_vs_fact", "first_visit", "procedure_explainer", "team_intro"}


def test_ten_ideas_cover_every_required_kind(fixture_kb):
    ideas = video_ideas(fixture_kb, "cardiology")
    assert len(ideas) == 10
    assert REQUIRED <= {i.kind for i in ideas}
    assert len({i.title.lower() for i in ideas}) == 10


def test_outlines_have_three_to_six_beats_and_a_hook(fixture_kb):
    for idea in video_ideas(fixture_kb, "dermatology", count=30):
        assert 3 <= len(idea.outline) <= 6
        assert idea.hook.strip() and idea.cta.strip()


def test_durations_fit_every_listed_platforms_format(fixture_kb):
    for idea in video_ideas(fixture_kb, "dermatology", count=20):
        for platform, format_id in idea.formats.items():
            fmt = next(f for f in fixture_kb.platforms[platform].formats if f.id == format_id)
            assert fmt.kind == "video" and 0 < idea.duration_s <= fmt.max_seconds


def test_platform_filter_limits_the_platforms_and_formats(fixture_kb):
    ideas = video_ideas(fixture_kb, "derm", platforms=["yt"])
    assert all(i.platforms == ["youtube"] and i.format == "Short" for i in ideas)


def test_a_platform_without_video_is_refused_with_the_ones_that_have_it(fixture_kb):
    with pytest.raises(InputError, match="instagram"):
        video_ideas(fixture_kb, "derm", platforms=["google_business"])


@pytest.mark.parametrize("count", [0, 51])
def test_count_out_of_range_is_refused(fixture_kb, count):
    with pytest.raises(InputError):
        video_ideas(fixture_kb, "derm", count=count)


def test_patients_on_camera_get_a_consent_note_and_every_idea_a_general_information_note(fixture_kb):
    ideas = video_ideas(fixture_kb, "dermatology", count=20)
    story = next(i for i in ideas if "consent" in i.hook.lower())
    assert "signed written authorization" in story.compliance_note
    assert all("General information only" in i.compliance_note for i in ideas if i.kind != "team_intro")
    team = next(i for i in ideas if i.kind == "team_intro")
    assert "Staff on camera" in team.compliance_note


def test_missing_kinds_are_generated_from_the_specialtys_faqs_and_topics(fixture_kb):
    spec = fixture_kb.specialties["cardiology"]
    bare = spec.model_copy(
        update={"video_ideas": tuple(v for v in spec.video_ideas if v.kind not in ("myth_vs_fact", "first_visit"))}
    )
    kb = dataclasses.replace(fixture_kb, specialties={**fixture_kb.specialties, "cardiology": bare})
    ideas = video_ideas(kb, "cardiology")
    myth = next(i for i in ideas if i.kind == "myth_vs_fact")
    assert myth.title.startswith("Myth vs fact: ") and "Myth -" not in myth.title
    assert any(i.kind == "first_visit" and "cardiology" in i.title for i in ideas)


@pytest.mark.slow
def test_every_real_specialty_gets_ten_video_ideas(kb):
    for spec_id in kb.specialties:
        ideas = video_ideas(kb, spec_id)
        assert len(ideas) == 10, spec_id
        assert REQUIRED <= {i.kind for i in ideas}, spec_id
        for idea in ideas:
            for platform, format_id in idea.formats.items():
                fmt = next(f for f in kb.platforms[platform].formats if f.id == format_id)
                assert idea.duration_s <= fmt.max_seconds
