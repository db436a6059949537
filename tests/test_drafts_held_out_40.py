"""Requests to write that got no draft, the wrong one or a broken one, found in round 47 (the fortieth held-out set
and probes beside it). Every example here is invented; none is a held-out question."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from tests.drafting import turn


@pytest.mark.parametrize(
    "text, subject",
    [
        ("Write an Instagram post about the heat wave for our pharmacy, older folk and their medicines", "heat"),
        ("Can you write a caption on hay fever for our little pharmacy please", "hay fever"),
    ],
)
def test_a_subject_before_for_our_pharmacy_is_the_subject_not_the_practice(drafter, text, subject):
    # "the heat wave for our pharmacy" had been read as the name of the practice, so no subject and no draft
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="pharmacy"))
    assert drafts and subject in drafts[0].title.lower()


@pytest.mark.parametrize(
    "text, asker",
    [
        ("We've had measles cases in town, two at the primary school. Could you write a Facebook post?", Asker()),
        (
            "GP surgery here, measles outbreak in town. Please write an Instagram caption",
            Asker(specialty="general_practice"),
        ),
    ],
)
def test_the_story_before_a_request_with_no_subject_gives_the_subject(drafter, text, asker):
    # a request that names no subject had been matched with the whole message, so no topic fitted and no draft came
    drafts = drafter.drafts(turn(text, ["facebook"]), None, asker)
    assert drafts and "measles" in drafts[0].title.lower() and "[your key point" not in drafts[0].text


def test_a_request_with_no_subject_and_no_story_gets_no_borrowed_topic(drafter):
    text = "We are a dental clinic in Leeds, new to all this. Can you write us an Instagram post?"
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="dentistry"))
    assert not any("Leeds" in d.title or "clinic" in d.title.lower() for d in drafts)


@pytest.mark.parametrize(
    "ask",
    [
        "can you check this before it goes up?",
        "Fix it?",
        "make it better pls",
        "is this ok to post?",
    ],
)
def test_pasted_copy_asked_to_be_checked_or_fixed_is_rewritten_with_what_it_breaks(drafter, ask):
    text = f'{ask} "Our revolutionary gut reset heals bloating 100%! DM us your symptoms for a free plan."'
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert drafts and drafts[0].title.startswith("Rewritten")
    assert "100%" not in drafts[0].text and "DM us your symptoms" not in drafts[0].text
    assert any(n.startswith("Taken out") and "“100%” (no promises of results)" in n for n in drafts[0].notes)


def test_a_speakers_bio_loses_its_superlatives_and_reads_as_a_sentence(drafter):
    text = (
        'Fix my bio please: "Dr Lee is a world-leading expert and the #1 voice on sleep. '
        'A top physician who cured thousands."'
    )
    (draft,) = drafter.drafts(turn(text), None, Asker())
    for word in ("world-leading", "#1", "top physician", "cured"):
        assert word not in draft.text
    assert "an expert" in draft.text


def test_a_weight_result_and_symptoms_by_dm_are_flagged_by_the_checker():
    from assistant.guardrails.checker import check_text

    rules = {f.rule for f in check_text("Clients dropped an average of 12 lbs! Message me your symptoms.", kind="post")}
    assert {"R11", "R22"} <= rules


def test_a_promise_listed_for_a_bio_is_left_out_with_a_note(drafter):
    text = "new insta for my dental clinic, write the bio: implants, whitening, pain-free extractions, put that in pls"
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="dentistry"))
    (bio,) = [d for d in drafts if d.kind == "bio"]
    assert "pain-free" not in bio.text.lower() and "pls" not in bio.text
    assert any("Left out of the bio" in n and "pain-free" in n for n in bio.notes)


@pytest.mark.parametrize(
    "review",
    [
        "Rude receptionist. I know what car is hers. She should watch herself.",
        "The doctor needs to watch his back. I know when he finishes on Fridays.",
    ],
)
def test_a_veiled_threat_in_a_review_gets_safety_steps_not_a_reply(drafter, review):
    text = f'Got this Google review: "{review}" Can you write a reply?'
    (draft,) = drafter.drafts(turn(text), None, Asker(country="Australia", code="AU"))
    assert "Do not reply publicly" in draft.title


def test_a_service_starting_with_make_stays_and_an_aside_to_us_goes(drafter):
    text = "new podiatry clinic, write our instagram bio: make custom insoles, nail surgery, sports feet, keep it warm"
    (bio,) = [
        d for d in drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="podiatry")) if d.kind == "bio"
    ]
    assert "custom insoles" in bio.text.lower() and "keep it" not in bio.text.lower()
