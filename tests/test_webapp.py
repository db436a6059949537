"""The web app's Streamlit-free helpers: profiles from the form, limits, export, plan rows and edits."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from assistant import inputs, plan_rows
from assistant.errors import InputError, KnowledgeError
from assistant.profile import ClinicProfile
from assistant.webapp import conversations, profile_form


def test_a_1mb_paste_is_refused_with_the_limit_in_the_message():
    with pytest.raises(InputError) as err:
        inputs.check_length("x" * 1_000_000, 8000, "question")
    assert "8,000" in str(err.value) and "1,000,000" in str(err.value)


def test_empty_input_is_refused_and_normal_input_is_stripped():
    with pytest.raises(InputError, match="empty"):
        inputs.check_length("   ", 10)
    assert inputs.check_length("  hi  ", 10) == "hi"


def test_profile_from_form_resolves_aliases_and_splits_lists(kb):
    values = {
        "name": "Smile Studio",
        "specialty": "general_practice",
        "specialty_text": "dentist",
        "practice_type": "group",
        "country": "uk",
        "city": "Leeds",
        "region": "",
        "timezone": "",
        "audiences": "families, new parents; seniors",
        "goals": "new patients",
        "platforms": ["instagram"],
        "hours_per_week": 3.0,
        "tone": "friendly",
        "languages": "en, cy",
    }
    profile = profile_form.profile_from_form(values, kb)
    assert profile.specialty == "dentistry"
    assert profile.country == "GB" and profile.timezone == "Europe/London"
    assert profile.audiences == ["families", "new parents", "seniors"] and profile.languages == ["en", "cy"]


def test_changing_the_country_moves_a_default_time_zone_but_keeps_a_chosen_one(kb):
    previous = ClinicProfile(country="US", timezone="America/New_York")
    base = {"name": "A", "specialty": "dermatology", "platforms": [], "hours_per_week": 2, "languages": "en"}
    moved = profile_form.profile_from_form({**base, "country": "IT", "timezone": "America/New_York"}, kb, previous)
    assert moved.timezone == "Europe/Rome"
    previous = ClinicProfile(country="US", timezone="America/Chicago")
    kept = profile_form.profile_from_form({**base, "country": "IT", "timezone": "America/Chicago"}, kb, previous)
    assert kept.timezone == "America/Chicago"


def test_profile_errors_name_the_field_in_plain_words(kb):
    base = {"name": "A", "specialty": "dermatology", "platforms": [], "hours_per_week": 2, "languages": "en"}
    with pytest.raises(InputError, match="time zone|timezone"):
        profile_form.profile_from_form({**base, "timezone": "Mars/Olympus"}, kb)
    with pytest.raises(InputError, match="hours per week"):
        profile_form.profile_from_form({**base, "hours_per_week": 500}, kb)
    with pytest.raises(KnowledgeError, match="closest"):
        profile_form.profile_from_form({**base, "specialty_text": "astrology"}, kb)


def test_starter_questions_use_the_clinics_platforms_and_specialty(kb):
    profile = ClinicProfile(specialty="dermatology", platforms=["linkedin", "tiktok"])
    questions = profile_form.starter_questions(profile, kb)
    assert any("LinkedIn" in q for q in questions)
    assert any("dermatology" in q for q in questions)
    assert any("TikTok" in q for q in questions)  # the first video platform the clinic uses


def test_the_video_question_follows_the_platform_data_not_a_list_in_code(kb):
    """Threads has no video format in platforms.yaml, X has one: the video question names X."""
    assert not kb.platforms["threads"].takes_video and kb.platforms["x"].takes_video
    profile = ClinicProfile(specialty="dermatology", platforms=["threads", "x"])
    video = [q for q in profile_form.starter_questions(profile, kb) if "video ideas" in q]
    assert video == ["Give me video ideas for dermatology on X."]


def test_conversation_markdown_keeps_turns_sources_and_notices():
    messages = [
        {"role": "user", "content": "How do I reply?", "meta": {}},
        {
            "role": "assistant",
            "content": "Stay calm [1].",
            "meta": {
                "sources": [
                    {"n": 1, "title": "Negative reviews", "heading": "Stay calm", "url": "https://example.org/a"}
                ],
                "fallback_notice": "openai failed; answered offline",
                "findings": [{"rule": "R1", "message": "confirms a patient"}],
            },
        },
    ]
    text = conversations.conversation_markdown("Reviews", messages, now=dt.datetime(2027, 1, 2, 3, 4))
    assert text.startswith("# Reviews\n")
    assert "## You\n\nHow do I reply?" in text and "## Assistant\n\nStay calm [1]." in text
    assert "[1] Negative reviews › Stay calm — <https://example.org/a>" in text
    assert "> openai failed; answered offline" in text and "R1: confirms a patient" in text


def test_streamed_images_are_neutralised_even_across_chunk_boundaries():
    chunks = ["See this!", "[x](http://evil.example/p.png) and ", "wow!"]
    out = "".join(conversations.neutralize_images(chunks))
    assert "![" not in out
    assert out.replace("\\[", "[") == "".join(chunks)


@pytest.fixture(scope="module")
def plan(kb):
    from assistant.planners.calendar import plan_calendar

    profile = ClinicProfile(specialty="dermatology", platforms=["instagram", "facebook"])
    return plan_calendar(kb, profile, ["instagram", "facebook"], dt.date(2027, 5, 3), 2, 3)


def test_plan_rows_have_one_row_per_post_with_hashtags_as_text(plan):
    rows = plan_rows.plan_rows(plan)
    assert len(rows) == len(plan.posts)
    assert set(rows[0]) == set(plan_rows.COLUMNS)
    assert rows[0]["hashtags"].split() == plan.posts[0].hashtags


def test_editing_a_caption_runs_the_checker_again(plan):
    rows = plan_rows.plan_rows(plan)
    rows[0]["caption"] = "Guaranteed painless results from the best dermatologist in town!"
    edited = plan_rows.apply_rows(plan, rows)
    rules = {w["rule"] for w in edited.posts[0].warnings}
    assert {"R10", "R13"} <= rules
    assert edited.posts[1].warnings == plan.posts[1].warnings  # untouched rows keep their findings
    assert plan.posts[0].caption != edited.posts[0].caption  # the original plan is not modified


def test_bad_edits_are_refused_with_the_row_number(plan):
    rows = plan_rows.plan_rows(plan)
    rows[2]["time"] = "25:99"
    with pytest.raises(InputError, match="row 3"):
        plan_rows.apply_rows(plan, rows)
    rows = plan_rows.plan_rows(plan)
    rows[0]["hashtags"] = "#ok not a#tag"
    with pytest.raises(InputError, match="row 1"):
        plan_rows.apply_rows(plan, rows)


def test_a_moved_post_gets_its_new_week(plan):
    rows = plan_rows.plan_rows(plan)
    rows[0]["date"] = plan.start + dt.timedelta(days=8)
    assert plan_rows.apply_rows(plan, rows).posts[0].week == 2


def test_saved_plans_come_back_identical(plan):
    params, posts = plan_rows.plan_to_saved(plan)
    again = plan_rows.plan_from_saved({"params": params, "posts": posts})
    assert again == plan


def test_mix_rows_count_every_post_once_per_dimension(plan):
    rows = plan_rows.mix_rows(plan)
    for dimension in ("Pillar", "Format"):
        assert sum(r["posts"] for r in rows if r["dimension"] == dimension) == len(plan.posts)


def test_week_days_cover_seven_days_with_the_posts_of_that_week(plan):
    days = plan_rows.week_days(plan, 2)
    assert [d for d, _ in days] == [plan.start + dt.timedelta(days=7 + i) for i in range(7)]
    assert sum(len(p) for _, p in days) == sum(1 for p in plan.posts if p.week == 2)


def test_zip_files_holds_each_file_intact():
    data = plan_rows.zip_files({"a.csv": "x,y\r\n", "b.csv": "é\r\n"})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.read("b.csv").decode("utf-8") == "é\r\n"
        assert sorted(archive.namelist()) == ["a.csv", "b.csv"]


def test_the_page_shows_an_answer_without_its_sources_list_which_the_expanders_replace():
    text = "Reply calmly [1].\n\n### What to do\n- Take it offline [1]\n\n### Sources\n\n[1] Negative reviews › Rule"
    shown = conversations.without_sources_block(text)
    assert shown.endswith("- Take it offline [1]") and "### Sources" not in shown
    assert conversations.without_sources_block("No sources here.") == "No sources here."


def test_no_suggested_fix_names_a_specialty_or_a_country_other_clinics_do_not_share(kb):
    """A fix shown to every clinic (a UK dermatologist as well as a US orthodontist) names no specialty, no
    treatment of one specialty and no country, regulator or city; country-specific checks may name their own."""
    import re

    from assistant.guardrails.checker import load_rules
    from assistant.knowledge import registry

    words = {w for s in kb.specialties.values() for w in (s.name, *s.aliases)} | {"root canal", "implants"}
    countries = registry.load(registry.COUNTRIES).countries
    cues = [c for country in countries for c in (country.name, *country.cues, *country.cities)]
    named = [re.compile(rf"\b{re.escape(w)}\b", re.IGNORECASE) for w in words]
    named += [re.compile(rf"\b{re.escape(c)}\b", 0 if c.isupper() else re.IGNORECASE) for c in cues]
    found = [
        (check.id, rx.pattern)
        for check in load_rules().checks
        if not check.countries
        for rx in named
        if rx.search(check.fix)
    ]
    assert not found
