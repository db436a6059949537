"""Baby Loss Awareness Week (UK) and Pregnancy and Infant Loss Remembrance Day (US): a clinic asking for a caption
gets the post written for bereaved parents (knowledge/copy/awareness/days.yaml), which sells nothing, on the dates
the organisers give."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.chat.compose import Asker
from assistant.guardrails.phi import mask_phi
from assistant.knowledge.copy import fill
from assistant.knowledge.dates import resolve
from tests.drafting import turn

QUESTION = (
    "Could you write an Instagram caption for Baby Loss Awareness Week (9-15 Oct)? We're a fertility clinic; "
    "I don't want it to look like we're selling anything"
)
PROFILE = {
    "clinic": "Northside Fertility",
    "city": "Leeds",
    "booking": "www.example.com/book",
    "phone": "0113 496 0000",
}
SELLING = ("book", "appointment", "consultation", "discount", "our website")  # "our website": {booking} left unfilled


def _sells(text: str) -> list[str]:
    low = text.lower()
    return [word for word in SELLING if word in low]


def test_a_caption_for_baby_loss_awareness_week_is_the_weeks_own_post(drafter, kb):
    draft = drafter.drafts(turn(QUESTION, ["instagram"]), None, Asker(specialty="fertility"))[0]
    copy = kb.awareness_copy["baby-loss-awareness-week"]
    assert draft.kind == "caption" and draft.text.startswith(copy.hook), draft.text
    assert "Sands" in draft.text and "9 October to 15 October" in draft.text
    assert "[your key point" not in draft.text


def test_the_baby_loss_caption_has_no_booking_call_to_action_and_only_the_weeks_hashtag(drafter):
    draft = drafter.drafts(turn(QUESTION, ["instagram"]), None, Asker(specialty="fertility"))[0]
    assert not _sells(draft.text), draft.text
    assert "here to listen" in draft.text and "Sands website" in draft.text  # support, and where to find more
    assert draft.hashtags == ["#BabyLossAwarenessWeek"]  # no #IVF under a post to bereaved parents


@pytest.mark.parametrize("observance_id", ["baby-loss-awareness-week", "pregnancy-and-infant-loss-remembrance-day"])
def test_the_baby_loss_posts_sell_nothing_whatever_the_clinics_details(kb, observance_id):
    copy = kb.awareness_copy[observance_id]
    text = fill(f"{copy.hook}\n\n{copy.body}\n\n{copy.cta}", PROFILE)
    assert not _sells(text) and PROFILE["booking"] not in text and PROFILE["phone"] not in text, text


def test_a_caption_for_pregnancy_and_infant_loss_remembrance_day_is_its_own_post(drafter, kb):
    text = "Write a caption for Pregnancy and Infant Loss Remembrance Day for our OB-GYN practice"
    draft = drafter.drafts(turn(text, country="US"), None, Asker(specialty="gynecology_obstetrics"))[0]
    assert draft.text.startswith(kb.awareness_copy["pregnancy-and-infant-loss-remembrance-day"].hook), draft.text
    assert not _sells(draft.text) and any("15 October" in note for note in draft.notes)


@pytest.mark.parametrize("year", [2026, 2027, 2028, 2031, 2035])
def test_baby_loss_awareness_week_runs_from_9_to_15_october_every_year(kb, year):
    rule = kb.observances["baby-loss-awareness-week"].rule
    assert resolve(rule, year) == (dt.date(year, 10, 9), dt.date(year, 10, 15))
    day = kb.observances["pregnancy-and-infant-loss-remembrance-day"].rule
    assert resolve(day, year) == (dt.date(year, 10, 15), dt.date(year, 10, 15))


def test_the_question_as_the_masker_leaves_it_still_gets_the_weeks_post(drafter, kb):
    """ "baby" cues a child's name, and "Loss Awareness" was masked ("Baby [NAME] Week")."""
    asked = turn(mask_phi(QUESTION).text, ["instagram"])
    asked.question = QUESTION
    draft = drafter.drafts(asked, None, Asker(specialty="fertility"))[0]
    assert draft.text.startswith(kb.awareness_copy["baby-loss-awareness-week"].hook), draft.text
