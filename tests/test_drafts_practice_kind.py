"""Drafts speak as the asker's kind of practice (round 12): a pharmacy's flu post says "call the pharmacy" and carries a
pharmacy's hashtags, never a family doctor's; a hostile comment gets one calm line, not a review reply; a comment
pasted in quotes is found when the request after it uses apostrophes."""

from __future__ import annotations

import re

import pytest

from assistant.chat.compose import Asker
from assistant.chat.details import details_in
from assistant.chat.draft_inputs import _pasted_comment, practice_field
from assistant.knowledge.copy import fill
from tests.drafting import turn

# --- the kind of practice: calls to action and hashtags ----------------------------------------------------------


def _tags(text: str) -> set[str]:
    return {t.lower() for t in re.findall(r"#\w+", text)}


def test_a_pharmacys_flu_posts_call_the_pharmacy_and_carry_no_family_medicine_tags(drafter, kb):
    text = "Can you write 2 Facebook posts for our pharmacy in Cardiff about flu vaccines this autumn?"
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert drafts and all(d.kind == "caption" for d in drafts), drafts
    gp_tags = {t.lower() for t in kb.specialty("general_practice").hashtags.specialty}
    for draft in drafts:
        assert "call the pharmacy" in draft.text.lower(), draft.text
        assert "call the practice" not in draft.text.lower(), draft.text
        tags = _tags(draft.text)
        assert not tags & gp_tags, tags
        assert "#communitypharmacy" in tags, tags


def test_a_podiatry_clinic_borrowing_physio_copy_gets_podiatry_tags(drafter, kb):
    text = "Write an Instagram caption about heel pain for my podiatry clinic in Leeds"
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert drafts and "heel" in drafts[0].title.lower(), drafts
    physio = {t.lower() for t in kb.specialty("physiotherapy").hashtags.specialty}
    tags = _tags(drafts[0].text)
    assert "#podiatry" in tags and not tags & physio, tags
    assert not any("physio" in t for t in tags), tags


def test_an_awareness_post_for_an_unnamed_field_names_no_specialty_it_was_not_asked_for(drafter, kb):
    text = "Write a LinkedIn post from our hospital's communications team for World Health Day"
    drafts = drafter.drafts(turn(text, ["linkedin"]), None, Asker())
    assert drafts, drafts
    gp = {t.lower() for t in (*kb.specialty("general_practice").hashtags.specialty, "#AskFamilyMedicine")}
    assert not _tags(drafts[0].text) & gp, drafts[0].text


def test_a_hashtag_set_for_a_pharmacy_is_titled_and_tagged_as_one(drafter):
    text = "Give me hashtags for an Instagram post about our pharmacy in Denver offering blood pressure checks"
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert drafts and drafts[0].kind == "hashtags", drafts
    assert "pharmacy" in drafts[0].title.lower(), drafts[0].title
    assert "#familymedicine" not in _tags(drafts[0].text), drafts[0].text


def test_a_known_specialty_keeps_its_own_tags(drafter):
    data = drafter.data
    assert practice_field("our pharmacy in Leeds", data, None) is not None
    assert practice_field("our pharmacy in Leeds", data, "general_practice") is None  # a stated field wins
    assert practice_field("a post about when to see the pharmacy instead of the GP", data, None) is None


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Write a post for our pharmacy in Swansea", "the pharmacy"),
        ("a caption for our midwife-led unit", "the unit"),
        ("We're a small physio clinic, write a reel script", "the clinic"),
        ("a caption about going to the pharmacy before the GP", None),
    ],
)
def test_the_asker_s_own_place_stands_in_for_a_missing_phone_number(text, phone):
    assert details_in(text, None).values().get("phone") == phone


def test_no_number_means_call_us_never_call_us_on_the_practice():
    assert fill("Worse after a week? Call us on {phone}.", {}) == "Worse after a week? Call us."
    assert fill("Call us on {phone}.", {"phone": "the pharmacy"}) == "Call us."
    assert fill("Call us on {phone}.", {"phone": "0161 555 0100"}) == "Call us on 0161 555 0100."
    assert fill("Book at {booking} or call {phone}.", {"phone": "the pharmacy"}).endswith("call the pharmacy.")


# --- hostile comments: one calm line or none ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Help me reply to this comment on our vaccine post: 'You're just shilling for big pharma, how much do they pay"
        " you?' We're a pharmacy in Leeds and we don't want to delete it.",
        "Write a reply to this comment on my post about fibre: 'Dietitians are bought and paid for by the food"
        " industry'. Keep it confident.",
        'Draft a reply to this comment: "you dentists are all scammers, nobody needs that many fillings"',
    ],
)
def test_a_hostile_comment_gets_one_calm_line_and_the_troll_guidance(drafter, text):
    drafts = drafter.drafts(turn(text), None, Asker())
    assert len(drafts) == 1 and drafts[0].kind == "review_reply", drafts
    draft = drafts[0]
    assert draft.card == drafter.data.extras.comment_reply.hostile_card
    assert len(re.findall(r"[.!?](\s|$)", draft.text)) <= 2, draft.text  # short: one or two sentences
    assert "[" not in draft.text and "practice manager" not in draft.text.lower(), draft.text
    assert any("no reply" in n.lower() for n in draft.notes), draft.notes


def test_a_fee_complaint_calling_them_scammers_is_still_a_complaint(drafter):
    text = 'Reply to this comment: "You charged me twice for the same appointment, you are all scammers!!"'
    draft = drafter.drafts(turn(text), None, Asker())[0]
    assert "fees" in draft.title.lower(), draft.title


def test_a_quoted_comment_is_found_when_the_request_after_it_has_apostrophes():
    text = (
        "Draft a reply to this comment on our post: 'Flu jabs give you the flu, I'll never get one again.' We're a"
        " pharmacy in Wellington. Friendly but factual."
    )
    assert _pasted_comment(text) == "Flu jabs give you the flu, I'll never get one again."


# --- two audiences: never the same post twice ---------------------------------------------------------------------


def test_two_audiences_with_no_copy_for_either_get_one_post_and_a_plain_note(drafter):
    text = "Write 2 Facebook posts for our GP surgery about flu vaccines: one for people over 65, one for new parents."
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert len(drafts) == 1, [d.title for d in drafts]
    note = drafts[0].notes[0]
    assert "people over 65" in note and "new parents" in note, note


def test_two_posts_without_audiences_are_still_two(drafter):
    text = "Write 2 Facebook posts for our GP surgery about flu vaccines."
    assert len(drafter.drafts(turn(text, ["facebook"]), None, Asker())) == 2


def test_a_field_named_first_is_the_askers_own(drafter):
    data = drafter.data
    found = practice_field("Chiropractor, I post 3 reels a week. Can you give me hashtags?", data, None)
    assert found is not None and found.name == "Chiropractic"
    here = practice_field("Podiatrist here - which hashtags should we use?", data, None)
    assert here is not None and here.name == "Podiatry"
    assert practice_field("Chiropractic: is it safe to post adjustment videos?", data, None) is None
