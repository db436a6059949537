"""Podiatry and speech and language therapy became specialties in round 15, pharmacy, chiropractic and occupational
therapy in round 39: `plan --specialty podiatry` had failed with "unknown specialty" although the chat drafted their
posts from other fields' copy. Their banks share those finished posts (`copy_from`) instead of copying them, and
plans, exports, profiles and the chat all accept them."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from assistant.chat.compose import Asker
from assistant.cli import main
from assistant.errors import KnowledgeError
from assistant.knowledge.loader import load_knowledge
from assistant.planners.calendar import plan_calendar
from assistant.profile import ClinicProfile, profile_from_fields
from tests.drafting import turn

ALLIED = ["podiatry", "speech_language_therapy", "pharmacy", "chiropractic", "occupational_therapy"]

# What a plan for each profession is about, by the name the command is given.
_PLAN_WORDS = {
    "podiatry": ("toenail", "feet", "foot"),
    "speech and language therapy": ("talk", "speech", "voice", "words"),
    "pharmacy": ("pharmacist", "pharmacy", "medicine", "prescription"),
    "community pharmacist": ("pharmacist", "pharmacy", "medicine", "prescription"),
    "chiropractic": ("back", "neck", "chiropract", "posture"),
    "occupational therapy": ("everyday", "home", "hand", "child", "work"),
}


@pytest.mark.parametrize(
    "name, expected",
    [
        ("podiatry", "podiatry"),
        ("podiatrist", "podiatry"),
        ("Chiropodist", "podiatry"),
        ("speech therapist", "speech_language_therapy"),
        ("speech-language pathologist", "speech_language_therapy"),
        ("SLT", "speech_language_therapy"),
    ],
)
def test_the_professions_and_their_titles_resolve_to_the_specialty(kb, name, expected):
    assert kb.specialty(name).id == expected


@pytest.mark.parametrize("spec_id", ALLIED)
def test_a_shared_topic_uses_the_other_specialtys_post_itself(kb, spec_id):
    spec = kb.specialty(spec_id)
    shared = [t for t in spec.topics if t.copy_from]
    assert shared and len(shared) < len(spec.topics)
    for topic in shared:
        assert kb.copy[spec_id][topic.title] is kb.copy[topic.copy_from][topic.title], topic.title


def test_a_post_explaining_a_profession_is_in_that_professions_own_bank(kb):
    # Round 47: physiotherapy's bank held "What an occupational therapist does", so physio plans explained OT.
    explainers = 0
    for spec in kb.specialties.values():
        for topic in spec.topics:
            named = re.match(r"What an? (.+?) does\b", topic.title)
            if named:
                explainers += 1
                assert kb.specialty(named.group(1)).id == spec.id, (spec.id, topic.title)
    assert explainers >= 4


def test_a_plan_for_a_podiatrist_is_all_finished_copy_about_feet(kb):
    profile = profile_from_fields(kb, {"specialty": "podiatrist", "platforms": ["instagram"]})
    assert profile.specialty == "podiatry"
    plan = plan_calendar(kb, profile, ["instagram"], dt.date(2027, 1, 4), 4, 2)
    assert len(plan.posts) == 8
    copy = kb.copy["podiatry"]
    for post in plan.posts:
        assert post.topic in copy or post.awareness, post.topic
        assert "Here is what our" not in post.caption and "Today's topic" not in post.caption
    assert any(t.lower() in {"#podiatry", "#podiatrist"} for p in plan.posts for t in p.hashtags)


@pytest.mark.parametrize("fmt", ["json", "csv", "ics", "markdown"])
@pytest.mark.parametrize("name", list(_PLAN_WORDS))
def test_plan_command_takes_the_professions_in_every_export(capsys, tmp_path, fmt, name):
    out = tmp_path / f"plan.{fmt}"
    args = ["plan", "--specialty", name, "--platforms", "instagram", "--posts-per-week", "2"]
    code = main([*args, "--start", "2027-01-04", "--weeks", "4", "--format", fmt, "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    text = out.read_text(encoding="utf-8").lower()
    assert any(w in text for w in _PLAN_WORDS[name])
    if fmt == "json":
        assert len(json.loads(text)["posts"]) == 8


def test_a_speech_therapists_plan_is_its_own_finished_copy(kb):
    profile = profile_from_fields(kb, {"specialty": "speech therapist", "platforms": ["instagram"]})
    plan = plan_calendar(kb, profile, ["instagram"], dt.date(2027, 1, 4), 4, 2)
    assert len(plan.posts) == 8
    assert all(p.topic in kb.copy["speech_language_therapy"] or p.awareness for p in plan.posts)
    assert any(
        t.lower() in {"#speechtherapy", "#speechandlanguage", "#slt", "#slp"} for p in plan.posts for t in p.hashtags
    )


def test_the_chat_reads_i_am_a_podiatrist_as_the_podiatry_specialty(drafter):
    drafts = drafter.drafts(
        turn("I'm a podiatrist in Leeds. Write an Instagram caption about ingrown toenails.", ["instagram"]),
        None,
        Asker(),
    )
    assert drafts and "toenail" in drafts[0].title.lower(), drafts
    assert "#podiatry" in drafts[0].text.lower()


def test_copy_from_must_name_a_post_that_exists(tmp_path):
    import shutil

    from assistant.knowledge.base import PROJECT_KNOWLEDGE

    root = tmp_path / "knowledge"
    shutil.copytree(PROJECT_KNOWLEDGE, root)
    path = root / "data" / "specialties" / "podiatry.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("copy_from: general_practice}", "copy_from: dermatology}", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="copy_from"):
        load_knowledge(root)


def test_a_profile_with_podiatry_is_kept(kb):
    profile = ClinicProfile(specialty="podiatry", platforms=["instagram"])
    assert profile_from_fields(kb, {"specialty": profile.specialty}).specialty == "podiatry"
