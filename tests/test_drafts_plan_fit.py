"""A plan asked for in the chat is for the clinic the message describes: the specialty and country it names win
over the saved profile's (the web app always has a profile, "My clinic", a general practice in the US)."""

from __future__ import annotations

import re

from assistant.chat.compose import Asker
from assistant.chat.draft_plans import _fitted
from assistant.profile import ClinicProfile
from tests.drafting import turn

ASKED = (
    "Can you write a week of Facebook posts from Monday 15 March 2027, Monday to Friday, for our physio clinic in Cork?"
)


def _plan(drafter, country_named: bool, profile: ClinicProfile):
    asked = turn(ASKED, ["facebook"], "IE")
    asked.country_named = country_named
    (draft,) = drafter.drafts(asked, profile, Asker(specialty="physiotherapy"))
    return draft


def _tags(kb, specialty: str) -> set[str]:
    return {f"#{t.lstrip('#')}".lower() for t in kb.specialty(specialty).hashtags.specialty}


def test_the_specialty_the_message_names_wins_over_the_saved_one(drafter, kb):
    used = {t.lower() for t in re.findall(r"#\w+", _plan(drafter, True, ClinicProfile()).text)}  # saved: a GP
    assert used & (_tags(kb, "physiotherapy") - _tags(kb, "general_practice"))
    assert not used & (_tags(kb, "general_practice") - _tags(kb, "physiotherapy"))


def test_the_country_the_message_names_picks_the_public_holidays(drafter):
    days = lambda d: re.findall(r"^- (\w{3} \d{2} \w{3}) · ", d.text, re.M)  # noqa: E731
    assert "Wed 17 Mar" in days(_plan(drafter, False, ClinicProfile()))  # the US works on St Patrick's Day
    assert "Wed 17 Mar" not in days(_plan(drafter, True, ClinicProfile()))  # Ireland does not


def test_the_rest_of_the_saved_profile_is_kept():
    saved = ClinicProfile(name="Lee Physio", specialty="general_practice", country="US", region="OH", city="Cork")
    asked = turn(ASKED, ["facebook"], "IE")
    asked.country_named = True
    fitted = _fitted(saved, asked, "physiotherapy")
    assert (fitted.specialty, fitted.country, fitted.region) == ("physiotherapy", "IE", "")
    assert (fitted.name, fitted.city) == ("Lee Physio", "Cork")
    asked.country_named = False  # the profile's own country stands when the message does not name one
    assert _fitted(saved, asked, None) == saved
