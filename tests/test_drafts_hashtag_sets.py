"""Hashtag sets asked for several kinds of post ("hashtag sets for three kinds of posts: ...") are one set for each,
in the asker's field; one set asked for stays one."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from assistant.chat.drafts import Drafter
from assistant.chat.engine import intent_data
from assistant.chat.intents import MentionFinder
from tests.drafting import turn


@pytest.fixture(scope="module")
def drafter(kb):
    return Drafter(kb)


def test_hashtag_sets_for_listed_kinds_of_post_are_one_set_each(drafter, kb):
    text = (
        "New paeds clinic. Need hashtag sets for three kinds of posts: sleep tips, vaccine reminders and staff intros."
    )
    [field] = MentionFinder(kb, intent_data(kb.root)).find(text).specialties  # "paeds" names the field
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty=field.id, country=None))
    assert [d.kind for d in drafts] == ["hashtags"] * 3
    assert [d.title.rsplit(": ", 1)[1] for d in drafts] == ["sleep tips", "vaccine reminders", "staff intros"]
    assert all("(Pediatrics)" in d.title for d in drafts)
    assert not any(t.lower().startswith("#threekinds") for d in drafts for t in d.hashtags)
    assert drafts[0].notes and not drafts[1].notes  # how many tags to use, said once


def test_one_hashtag_set_asked_stays_one(drafter):
    text = "Can you give me hashtags for our post about vaccine reminders? Paeds practice."
    assert [d.kind for d in drafter.drafts(turn(text, ["instagram"]), None, Asker(country=None))] == ["hashtags"]


def test_a_set_for_our_posts_has_no_tag_made_of_filler_or_of_a_word_far_from_the_field(drafter):
    text = "We're a volunteer bereavement support service for adults. Can you give me a set of hashtags for our posts?"
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="psychiatry_psychotherapy"))
    assert draft.title == "Hashtags for Instagram (Psychiatry, psychology and psychotherapy)"  # not "Service ..."
    tags = [t.lower() for t in draft.hashtags + draft.alternatives[0].split()]
    assert "#our" not in tags and not any(t.startswith(("#service", "#askmentalhealth")) for t in tags)
    asker = Asker(specialty="dentistry")
    (dentist,) = drafter.drafts(turn("hashtags for my paediatric dentist practice", ["instagram"]), None, asker)
    assert dentist.hashtags[0] == "#PaediatricDentistry"  # a narrowing word said just before the field still narrows
