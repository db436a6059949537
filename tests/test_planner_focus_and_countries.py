"""A plan follows what the clinic says it focuses on, and leaves out topics that belong to other countries (round
47: plans for a sports physio clinic drifted to vestibular rehab and pelvic health, and a UK GP's winter plan held
"Dengue in the rainy season")."""

from __future__ import annotations

import datetime as dt

from assistant.planners.calendar import plan_calendar
from assistant.profile import ClinicProfile


def _topics(kb, specialty: str, country: str, focus: str = "", weeks: int = 4) -> list[str]:
    profile = ClinicProfile(specialty=specialty, country=country, platforms=["instagram"])
    plan = plan_calendar(kb, profile, ["instagram"], dt.date(2027, 1, 4), weeks, 3, focus=focus)
    return [p.topic for p in plan.posts]


def test_a_topic_bound_to_other_countries_is_not_planned_here(kb):
    bound = {t.title for t in kb.specialty("general_practice").topics if t.countries and "GB" not in t.countries}
    assert any("Dengue" in t for t in bound)
    planned = set(_topics(kb, "general_practice", "GB", weeks=12))
    assert not planned & bound


def test_a_topic_bound_to_a_country_is_planned_there(kb):
    planned = set()
    for seed_focus in ("", "mosquito dengue fever"):
        planned |= set(_topics(kb, "general_practice", "IN", focus=seed_focus, weeks=12))
    assert any("Dengue" in t or "Malaria" in t for t in planned)


def test_what_the_clinic_focuses_on_comes_first(kb):
    focus = "one-person podiatry clinic: heel pain, diabetic feet and kids' feet are my main things"
    first = _topics(kb, "podiatry", "GB", focus=focus)[:8]
    unfocused = _topics(kb, "podiatry", "GB")[:8]
    said = ("heel", "diabet")
    count = sum(any(w in t.lower() for w in said) for t in first)
    assert count >= 2 and count > sum(any(w in t.lower() for w in said) for t in unfocused)
