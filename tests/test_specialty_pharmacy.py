"""Community pharmacy is a specialty: `plan --specialty pharmacy` failed with "unknown specialty", and a pharmacy's
drafts borrowed a family doctor's posts ("Book to see us", "ask our reception team") with only a field's tags on top.
Its bank holds its own finished posts (what the pharmacist can help with, labels, missed doses, repeats, the
consultation room, the checks behind the counter) and shares general practice's, paediatrics', respiratory medicine's
and cardiology's posts on the same titles (`copy_from`): storing and returning medicines, medicines check-ups."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from assistant.chat.compose import Asker
from assistant.chat.data import intent_data
from assistant.chat.intents import MentionFinder
from assistant.errors import KnowledgeError
from assistant.planners.calendar import plan_calendar
from assistant.profile import profile_from_fields
from tests.drafting import turn

PHARMACY_TAGS = {"#communitypharmacy", "#pharmacy", "#pharmacist", "#askyourpharmacist", "#pharmacylife"}


@pytest.fixture(scope="module")
def finder(kb):
    return MentionFinder(kb, intent_data())


@pytest.mark.parametrize(
    "name",
    ["pharmacy", "Pharmacist", "community pharmacy", "pharmacists", "pharmacy owner", "PharmD", "farmacia", "Apotheke"],
)
def test_the_profession_and_its_titles_resolve_to_pharmacy(kb, name):
    assert kb.specialty(name).id == "pharmacy"


@pytest.mark.parametrize("word", ["pharma", "pharmaceutical", "chemist", "drugstore"])
def test_a_near_word_is_not_the_pharmacy_specialty(kb, word):
    """'Big pharma' is an industry, a chemist may be a scientist and 'drugstore sunscreen' a dermatology question."""
    assert kb.specialty("pharmacy").id == "pharmacy"
    with pytest.raises(KnowledgeError, match="unknown specialty"):
        kb.specialty(word)


def test_an_asker_who_names_a_pharmacy_is_the_pharmacy_specialty(finder):
    """Pharmacy was an unheld field: 'our pharmacy' named no specialty and the asker got a family doctor's copy."""
    assert finder.find("Write a post for our pharmacy in Swansea").specialty_ids == ["pharmacy"]
    assert finder.find("I'm a community pharmacist in Cork, new to Instagram").profession == "pharmacy"
    assert finder.find("a reply to a comment calling us shills for big pharma").specialty_ids == []
    assert finder.find("Is drugstore sunscreen as good as the expensive kind?").specialty_ids == []


def test_a_plan_for_a_pharmacist_is_all_finished_pharmacy_copy_with_pharmacy_tags(kb):
    profile = profile_from_fields(kb, {"specialty": "pharmacist", "platforms": ["instagram"]})
    assert profile.specialty == "pharmacy"
    plan = plan_calendar(kb, profile, ["instagram"], dt.date(2027, 3, 1), 6, 3)
    assert len(plan.posts) == 18
    copy = kb.copy["pharmacy"]
    for post in plan.posts:
        assert post.topic in copy or post.awareness, post.topic
        assert "Here is what our" not in post.caption and "Today's topic" not in post.caption
    assert all(any(t.lower() in PHARMACY_TAGS for t in p.hashtags) for p in plan.posts if p.topic in copy)
    assert not any(t.lower() == "#familymedicine" for p in plan.posts for t in p.hashtags)


def test_the_pharmacy_bank_never_names_a_brand_or_advertises_a_prescription_only_medicine(kb):
    """Guides eu-prescription-medicines and uk-professional-regulators: promote the service, not the medicine."""
    banned = re.compile(
        r"\b(botox|ozempic|wegovy|mounjaro|viagra|amoxicillin|antibiotics? (?:offer|deal|discount)|% off|from \d+)",
        re.IGNORECASE,
    )
    own = [t for t in kb.specialty("pharmacy").topics if not t.copy_from]
    assert len(own) >= 15
    for topic in own:
        post = kb.copy["pharmacy"][topic.title]
        texts = [post.warm.body, post.professional.body, post.cta, *post.slides, post.x or "", post.brief]
        assert not any(banned.search(t) for t in texts), topic.title


@pytest.mark.parametrize(
    ("request_text", "title_word"),
    [
        ("write an Instagram post for our pharmacy about missed doses", "missed a dose"),
        ("write an Instagram post for our community pharmacy about repeat prescriptions", "order before you run out"),
        ("Write an Instagram post for our pharmacy about hay fever season.", "before the pollen peaks"),
    ],
)
def test_the_chat_drafts_a_pharmacys_caption_from_its_own_copy(drafter, request_text, title_word):
    drafts = drafter.drafts(turn(request_text, ["instagram"]), None, Asker(specialty="pharmacy"))
    assert drafts and drafts[0].kind == "caption", drafts
    assert title_word in drafts[0].title.lower(), drafts[0].title
    text = drafts[0].text.lower()
    assert "#communitypharmacy" in text and "#familymedicine" not in text
    assert "on the pharmacy" not in text  # "{phone}" without a number reads "call the pharmacy", never "on the ..."


def test_a_pharmacys_flu_post_is_its_own_and_calls_the_pharmacy(drafter):
    text = "Can you write 2 Facebook posts for our pharmacy in Cardiff about flu vaccines this autumn?"
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker(specialty="pharmacy"))
    assert len(drafts) == 2 and all("flu vaccination at the pharmacy" in d.title.lower() for d in drafts), drafts
    assert all("call the pharmacy" in d.text.lower() and "reception team" not in d.text.lower() for d in drafts)
