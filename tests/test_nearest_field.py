"""A profession no specialty covers (an osteopath, a midwife) is the asker's own: a saved profile's specialty (a
general practice by default) does not replace it, and a list of ideas comes from the specialty nearest to it, titled
so, or from none."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from assistant.chat.compose import Asker
from assistant.chat.data import intent_data
from assistant.chat.intents import MentionFinder
from assistant.knowledge.base import PROJECT_KNOWLEDGE
from assistant.knowledge.schemas.chat import IntentData
from assistant.profile import ClinicProfile, resolve_profile


@pytest.fixture(scope="module")
def finder(kb):
    return MentionFinder(kb, intent_data(PROJECT_KNOWLEDGE))


def test_the_nearest_specialty_is_read_only_for_a_profession_no_specialty_covers_named_first(finder):
    assert finder.find("I'm an osteopath in Bristol, give me video ideas").nearest_field == "physiotherapy"
    assert finder.find("Our midwives want to start an Instagram").nearest_field == "gynecology_obstetrics"
    assert finder.find("I'm a dentist and my wife is an osteopath").nearest_field is None
    assert finder.find("Art therapist here; my colleague is an osteopath").nearest_field is None
    assert finder.find("how often should we post?").nearest_field is None


def test_every_nearest_field_is_an_unheld_field_mapped_to_a_specialty_the_knowledge_base_holds(kb):
    data = intent_data(PROJECT_KNOWLEDGE)
    assert data.nearest_fields and set(data.nearest_fields.values()) <= set(kb.specialties)
    fields = data.model_dump() | {"nearest_fields": {"podiatrist": "physiotherapy"}}
    with pytest.raises(ValidationError, match="not in unheld_fields: podiatrist"):
        IntentData.model_validate(fields)


def ideas_turn(text: str, finder) -> SimpleNamespace:
    mentions = finder.find(text)
    return SimpleNamespace(
        masked=text,
        question=text,
        platforms=["instagram"],
        platforms_named=True,
        country="GB",
        profession=mentions.profession,
        nearest_field=mentions.nearest_field,
    )


def test_an_osteopath_with_a_default_profile_gets_physiotherapy_ideas_titled_as_the_nearest_field(kb, drafter, finder):
    profile = resolve_profile(ClinicProfile(), kb)  # general practice, as an unsaved profile is
    text = "I'm an osteopath in Bristol. Give me 5 video topic ideas for Instagram."
    (draft,) = drafter.drafts(ideas_turn(text, finder), profile, Asker())
    assert draft.title.startswith("5 video ideas: Physiotherapy") and "nearest field" in draft.title
    assert "back" in draft.text.lower() and "cough" not in draft.text.lower()


def test_a_field_with_no_nearest_specialty_gets_no_family_doctors_list(kb, drafter, finder):
    profile = resolve_profile(ClinicProfile(), kb)
    text = "Art therapist here. 10 post ideas for Instagram please."
    drafts = drafter.drafts(ideas_turn(text, finder), profile, Asker())
    assert not any("ideas:" in (d.title or "") for d in drafts)


@pytest.mark.slow
def test_a_named_profession_no_specialty_covers_sets_aside_the_profiles_specialty(indexed):
    profile = resolve_profile(ClinicProfile(specialty="general_practice"), indexed.kb)
    answer = indexed.chat.answer("I'm an osteopath in Bristol. Give me 5 video topic ideas for Instagram.", profile)
    assert answer.specialty is None and "General practice" not in answer.text
    assert answer.drafts and answer.drafts[0].title.startswith("5 video ideas: Physiotherapy")
    unnamed = indexed.chat.answer("Give me 5 video topic ideas for Instagram.", profile)
    assert unnamed.specialty == "general_practice"
