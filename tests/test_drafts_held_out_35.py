"""Classes from the thirty-fifth held-out set, each with an invented example: a before-and-after caption names the
treatment, never what is done with the photos; a price in reais says the asker is in Brazil."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from assistant.chat.drafts import Drafter
from tests.drafting import turn


@pytest.fixture(scope="module")
def drafter(kb):
    return Drafter(kb)


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        # a Portuguese message glossed: "she signed consent for post the before and after"
        (
            "i did a bonding on a patient and it looks great. she signed consent for post the before and after. "
            "can you write a caption?",
            "Bonding",
        ),
        ("Write a caption to share the before and after of a gum contouring case, consent signed.", None),
    ],
)
def test_a_before_and_after_caption_names_the_treatment_not_what_is_done_with_the_photos(drafter, text, treatment):
    [draft] = drafter.drafts(turn(text, ["instagram"]), None, Asker(country=None))
    first = draft.text.split(":", 1)[0]
    assert first.lower() not in {"post the", "share the"}
    if treatment:
        assert first == treatment


@pytest.mark.parametrize(("text", "codes"), [("clareamento a partir de R$ 590", ["BR"]), ("whitening from $590", [])])
def test_a_price_in_reais_names_brazil(kb, text, codes):
    assert kb.countries.all_named_in(text) == codes


def test_a_script_titled_with_a_question_is_written_from_the_topic_that_question_is_about(drafter):
    text = "Speech therapist. Can you write a 45 sec TikTok script 'Is my toddler's talking delayed?' Calm, please."
    [draft] = drafter.drafts(turn(text, ["tiktok"]), None, Asker(specialty="speech_language_therapy"))
    assert draft.kind == "video_script" and "[your key point" not in draft.text
    assert any(w in draft.title.lower() for w in ("speech", "talk")), draft.title


def test_a_question_title_never_takes_another_fields_topic(drafter):
    text = "Speech therapist. Can you write a 45 sec TikTok script 'Is my 2-year-old's talking behind?' Calm, please."
    drafts = drafter.drafts(turn(text, ["tiktok"]), None, Asker(specialty="speech_language_therapy"))
    assert not any("teeth" in d.title.lower() or "tooth" in d.title.lower() for d in drafts)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "We're a 6-dentist practice in Leeds, hiring a hygienist, 3 days a week. Write the LinkedIn post please.",
            "hygienist",
        ),
        (
            "Practice manager at a GP surgery. Can you write a short Facebook post for a receptionist job (mornings)?",
            "receptionist",
        ),
    ],
)
def test_a_job_told_by_hiring_or_named_before_job_is_a_job_advert_for_that_role(drafter, text, role):
    assert drafter.news.kind_for(text).id == "job"
    draft = drafter.drafts(turn(text, ["linkedin"]), None, Asker(country=None))[0]
    assert f"We're hiring: {role}" in draft.text and "practice manager" not in draft.text.split("\n")[0]


@pytest.mark.parametrize(
    ("text", "card"),
    [
        (
            "Got this 1-star on Google from someone we've never seen in our system: \"Rude, rushed and overpriced, "
            'avoid." We checked every list. Can you write the reply?',
            "fake-reviews-how-to-report",
        ),
        ('Got this 1-star on Google: "Rude, rushed and overpriced, avoid." Can you write the reply?', None),
    ],
)
def test_a_reviewer_the_asker_has_no_record_of_is_followed_by_the_fake_review_card(drafter, text, card):
    [draft] = drafter.drafts(turn(text), None, Asker(country=None))
    assert draft.kind == "review_reply" and draft.card == card
