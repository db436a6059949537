"""One ClinicProfile constructor from loose fields, shared by the web form, the planner commands and `ask`."""

from __future__ import annotations

import pytest

from assistant.cli._planner_args import make_profile
from assistant.cli.ask import _profile as ask_profile
from assistant.errors import InputError, KnowledgeError
from assistant.profile import ClinicProfile, country_code, profile_from_fields
from assistant.webapp import profile_form


def test_names_and_aliases_become_ids_and_the_time_zone_follows_the_country(fixture_kb):
    profile = profile_from_fields(
        fixture_kb,
        {"specialty": "derm", "platforms": ["Instagram", "gbp"], "country": "uk", "timezone": None, "city": None},
    )
    assert profile.specialty == "dermatology" and profile.platforms == ["instagram", "google_business"]
    assert profile.country == "GB" and profile.timezone == "Europe/London" and profile.city == ""


def test_the_web_form_the_planner_commands_and_ask_build_the_same_profile(fixture_kb):
    fields = {"specialty": "derm", "country": "IT", "platforms": ["instagram"]}
    web = profile_form.profile_from_form({**fields, "specialty_text": ""}, fixture_kb)
    cli = make_profile(fixture_kb, **fields, timezone=None, hours_per_week=None)
    asked, _ = ask_profile(fixture_kb, "derm", ["instagram"], "IT")
    assert web == cli == asked
    assert web.timezone == "Europe/Rome"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"country": "ZZ"}, "unknown country code 'ZZ'"),
        ({"specialty": 7}, "specialty: must be text"),
        ({"platforms": "instagram"}, "platforms: must be a list"),
        ({"platforms": [3]}, "platforms: must be a list"),
        ({"timezone": "Mars/Olympus"}, "timezone: unknown time zone"),
        ({"hours_per_week": 500}, "hours per week: "),
        ({"name": "x" * 500}, "name: "),
        ({"nickname": "Doc"}, "nickname: "),
    ],
)
def test_a_bad_field_is_one_plain_input_error_naming_it(fixture_kb, fields, message):
    with pytest.raises(InputError, match=message):
        profile_from_fields(fixture_kb, fields)


def test_unknown_specialties_and_platforms_name_the_closest_known(fixture_kb):
    with pytest.raises(KnowledgeError, match="closest known"):
        profile_from_fields(fixture_kb, {"specialty": "dermatolgy"})
    with pytest.raises(KnowledgeError, match="known: instagram"):
        profile_from_fields(fixture_kb, {"platforms": ["myspace"]})


def test_a_changed_country_moves_only_a_default_time_zone(fixture_kb):
    previous = ClinicProfile(country="US", timezone="America/New_York")
    moved = profile_from_fields(fixture_kb, {"country": "DE", "timezone": "America/New_York"}, previous)
    assert moved.timezone == "Europe/Berlin"
    chosen = ClinicProfile(country="US", timezone="America/Chicago")
    kept = profile_from_fields(fixture_kb, {"country": "DE", "timezone": "America/Chicago"}, chosen)
    assert kept.timezone == "America/Chicago"


def test_country_codes_are_the_ones_the_guidance_knows(fixture_kb):
    assert country_code(fixture_kb, " uk ") == "GB" and country_code(fixture_kb, "at") == "AT"  # EU member
    with pytest.raises(InputError, match="such as GB, US"):
        country_code(fixture_kb, "Narnia")
