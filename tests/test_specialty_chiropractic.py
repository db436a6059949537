"""Chiropractic is a specialty: "plan --specialty chiropractic" failed with "unknown specialty", and a chiropractor's
drafts borrowed physiotherapy's copy and tags. Its bank holds posts about what an appointment involves, back and neck
self-care in general terms, desks, lifting, red flags routed to a doctor or the emergency number and the team; a few
topics share physiotherapy's and sports medicine's finished posts (`copy_from`). No post claims to treat colic,
asthma or immunity, or shows a child being treated (the ASA's and the Chiropractic Board of Australia's lines)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from assistant.chat.compose import Asker
from assistant.chat.data import intent_data
from assistant.chat.intents import MentionFinder
from assistant.errors import KnowledgeError
from assistant.knowledge.copy import fill
from assistant.planners.calendar import plan_calendar
from assistant.profile import profile_from_fields
from tests.drafting import turn

SPEC = "chiropractic"
TAGS = {"#chiropractic", "#chiropractor", "#chiro"}


@pytest.mark.parametrize(
    "name",
    ["chiropractic", "Chiropractor", "chiropractors", "chiro", "chiro clinic", "chiropractic office", "quiropráctico"],
)
def test_the_profession_and_its_practices_resolve_to_chiropractic(kb, name):
    assert kb.specialty(name).id == SPEC


@pytest.mark.parametrize("name", ["chiropody", "chiropodist", "osteopath", "physio"])
def test_a_near_word_or_a_neighbouring_profession_is_not_chiropractic(kb, name):
    """Chiropody is podiatry, an osteopath is a profession of its own, a physio is a physiotherapist."""
    try:
        assert kb.specialty(name).id != SPEC
    except KnowledgeError:
        pass


def test_an_asker_who_says_they_are_a_chiropractor_is_that_specialty(kb):
    finder = MentionFinder(kb, intent_data(kb.root))
    assert finder.find("I'm a chiropractor in Tacoma").specialty_ids == [SPEC]
    assert finder.find("Chiropodist here, new Instagram account").profession == "podiatry"
    assert finder.find("an osteopath and a physio share a clinic").specialty_ids == ["physiotherapy"]


def test_a_plan_for_a_chiropractor_is_all_finished_copy_about_backs_and_necks(kb):
    profile = profile_from_fields(kb, {"specialty": "chiropractor", "platforms": ["instagram"]})
    assert profile.specialty == SPEC
    plan = plan_calendar(kb, profile, ["instagram"], dt.date(2027, 1, 4), 6, 3)
    assert len(plan.posts) == 18
    copy = kb.copy[SPEC]
    for post in plan.posts:
        assert post.topic in copy or post.awareness, post.topic
        assert "Here is what our" not in post.caption and "Today's topic" not in post.caption
    text = " ".join(p.caption.lower() for p in plan.posts)
    assert any(w in text for w in ("back", "neck", "chiropract"))
    assert any(t.lower() in TAGS for p in plan.posts for t in p.hashtags)


def test_the_chat_drafts_a_chiropractic_clinics_post_from_its_own_copy(kb, drafter):
    text = "Write an Instagram post for our chiropractic clinic about what happens at a first appointment"
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    topic = "Your first chiropractic appointment: what happens"
    assert drafts and drafts[0].title.endswith(topic), drafts
    post = kb.copy[SPEC][topic]
    assert fill(post.warm.hook, {}) in drafts[0].text or fill(post.professional.hook, {}) in drafts[0].text
    assert any(t in drafts[0].text.lower() for t in TAGS)


def test_every_shared_topic_uses_an_existing_post_of_the_field_it_names(kb):
    spec = kb.specialty(SPEC)
    shared = [t for t in spec.topics if t.copy_from]
    assert shared and len(shared) < len(spec.topics) / 2
    for topic in shared:
        assert topic.copy_from in {"physiotherapy", "orthopedics_sports"}, topic.title
        assert kb.copy[SPEC][topic.title] is kb.copy[topic.copy_from][topic.title], topic.title
    own = [t for t in spec.topics if not t.copy_from]
    assert all(kb.copy[SPEC][t.title].topic == t.title for t in own)
    assert sum(1 for p in kb.copy[SPEC].values() if p.slides and p.script) >= 15


# Conditions the ASA and the Chiropractic Board of Australia do not accept as chiropractic claims, and the
# treatment of babies: no post, slide or script of the specialty names them.
_OUT_OF_SCOPE = re.compile(
    r"\b(colic|asthma|immun\w*|ear infections?|reflux|bed-?wetting|adhd|autism|vaccin\w*|subluxation\w*|"
    r"infertil\w*|cures?|adjust\w* (?:a |your )?(?:baby|babies|newborn|infant)s?)\b",
    re.IGNORECASE,
)


def _texts(post):
    yield from (post.warm.hook, post.warm.body, post.professional.hook, post.professional.body, post.cta)
    yield from (post.alt_text, post.brief, *post.slides, post.linkedin or "", post.google_business or "", post.x or "")
    if post.script:
        yield from (post.script.hook, post.script.cta, post.script.filming, *(b.say for b in post.script.beats))


def test_no_chiropractic_post_claims_what_regulators_do_not_accept(kb):
    found = [
        (p.topic, m.group(0)) for p in kb.copy[SPEC].values() for t in _texts(p) for m in _OUT_OF_SCOPE.finditer(t)
    ]
    assert not found, found
    scripts = [p.script for p in kb.copy[SPEC].values() if p.script]
    assert all("consent" in s.filming.lower() for s in scripts)
