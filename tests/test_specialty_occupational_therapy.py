"""Occupational therapy is a specialty: `plan --specialty "occupational therapy"` failed with "unknown specialty", an
OT's plan fell back to general topics, and "OT" named only a field with no topic bank. Its bank writes its own posts
for children's skills, home safety, energy, equipment, work and the appointment, and shares the finished posts
physiotherapy, speech and language therapy and paediatrics already hold (`copy_from`)."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.chat.compose import Asker
from assistant.chat.data import intent_data
from assistant.chat.intents import MentionFinder
from assistant.errors import KnowledgeError
from assistant.planners.calendar import plan_calendar
from assistant.profile import profile_from_fields
from tests.drafting import turn

OT = "occupational_therapy"
OT_TAGS = {"#occupationaltherapy", "#occupationaltherapist", "#paediatricot", "#pediatricot", "#handtherapy"}


@pytest.fixture(scope="module")
def finder(kb):
    return MentionFinder(kb, intent_data())


@pytest.mark.parametrize(
    "name",
    [
        "occupational therapy",
        "Occupational Therapist",
        "occupational therapists",
        "OT",
        "OT clinic",
        "occupational therapy practice",
        "terapeuta ocupacional",
        "ergothérapeute",
        "Ergotherapeutin",
        "terapista occupazionale",
    ],
)
def test_the_professions_names_resolve_to_occupational_therapy(kb, name):
    assert kb.specialty(name).id == OT


def test_near_names_stay_with_their_own_field_or_none(kb, finder):
    """Hand therapists are occupational therapists or physiotherapists, so the title names neither; a physical
    therapist is still a physio and a therapist still a psychotherapist; "ot" in lower case is no abbreviation."""
    assert kb.specialty("physical therapist").id == "physiotherapy"
    assert kb.specialty("therapist").id == "psychiatry_psychotherapy"
    with pytest.raises(KnowledgeError):
        kb.specialty("hand therapist")
    assert finder.find("I work as a hand therapist and want a content plan").specialty_ids == []
    assert finder.find("a speech therapist and a physical therapist share a clinic").specialty_ids == [
        "speech_language_therapy",
        "physiotherapy",
    ]
    assert OT not in finder.find("we got a lot of new followers, what do I post next").specialty_ids


def test_an_asker_who_names_the_profession_is_an_occupational_therapist(finder):
    assert finder.find("OT in private practice with a small caseload").profession == OT
    assert finder.find("my paediatric occupational therapy practice").specialty_ids == [OT]
    # "therapy practice" and "therapy clients" are psychotherapy's words, inside the longer name
    assert finder.find("Can I ask my occupational therapy clients for a review?").specialty_ids == [OT]
    both = finder.find("an OT and a physiotherapist share a clinic")
    assert both.specialty_ids == [OT, "physiotherapy"] and both.profession == OT


def test_a_plan_for_an_occupational_therapist_is_all_finished_copy_about_everyday_life(kb):
    profile = profile_from_fields(kb, {"specialty": "occupational therapist", "platforms": ["instagram"]})
    assert profile.specialty == OT
    plan = plan_calendar(kb, profile, ["instagram"], dt.date(2027, 1, 4), 6, 3)
    assert len(plan.posts) == 18
    copy = kb.copy[OT]
    for post in plan.posts:
        assert post.topic in copy or post.awareness, post.topic
        assert "Here is what our" not in post.caption and "Today's topic" not in post.caption
    assert any(t.lower() in OT_TAGS for p in plan.posts for t in p.hashtags)
    own = {t.title for t in kb.specialty(OT).topics if not t.copy_from}
    assert any(p.topic in own for p in plan.posts)


def test_occupational_therapy_month_gets_its_own_post_for_a_us_clinic_in_april(kb):
    profile = profile_from_fields(kb, {"specialty": "OT", "platforms": ["instagram"], "country": "US"})
    plan = plan_calendar(kb, profile, ["instagram"], dt.date(2027, 3, 29), 5, 2)
    (month,) = [p for p in plan.posts if p.awareness and p.awareness["name"] == "Occupational Therapy Month"]
    assert month.topic == "Occupational Therapy Month: meet the profession"


def test_only_the_awareness_topics_wait_for_their_day(kb):
    """A title holding both "occupational" and "therapy" names Occupational Therapy Month to the planner, which then
    keeps the topic for April: the bank's everyday topics say "occupational therapist" instead."""
    from assistant.planners.topics import _names

    held = {t.title for t in kb.specialty(OT).topics for o in kb.observances.values() if _names(o, t.title)}
    assert held == {
        "Occupational Therapy Month: meet the profession",
        "Falls Prevention Week: small changes for a safer home",
        "Back Care Awareness Week: lifting tips for carers",
    }


@pytest.mark.parametrize(
    "text, words",
    [
        ("Write an Instagram post for our occupational therapy clinic about fine motor play", ("fine motor",)),
        ("Write an Instagram post for our OT clinic about handwriting", ("handwriting",)),
        ("write an instagram post for our occupational therapy practice about falls at home", ("falls",)),
    ],
)
def test_the_chat_drafts_a_caption_from_occupational_therapys_copy(drafter, kb, text, words):
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert drafts, text
    draft = drafts[0]
    assert any(w in draft.title.lower() for w in words), draft.title
    hooks = {p.warm.hook for p in kb.copy[OT].values()} | {p.professional.hook for p in kb.copy[OT].values()}
    assert any(h in draft.text for h in hooks), draft.text
    assert {t.lower() for t in draft.hashtags} & OT_TAGS, draft.hashtags


def test_a_plan_asked_for_an_occupational_therapy_practice_uses_its_topics_not_general_ones(drafter, kb):
    """The chat reads the asker's profession from the message (tests/test_intents.py): a paediatric OT's plan, once
    general topics with blanks to fill, is now the field's own finished posts."""
    text = "Make a 4-week Instagram plan for my paediatric occupational therapy practice"
    draft = drafter.drafts(turn(text), None, Asker(specialty=OT))[0]
    assert draft.kind == "plan" and "general topics" not in draft.title, draft.title
    assert "[Your main service]" not in draft.text
    titles = [t.title for t in kb.specialty(OT).topics]
    assert sum(1 for t in titles if t in draft.text) >= 3, draft.text
