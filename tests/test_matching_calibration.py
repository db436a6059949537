"""The card matcher's confidence is kept fixed (knowledge/data/chat.yaml `card_calibration`) so that a card added for
one question does not move every other answer across the chat's thresholds; a test says when the cards have drifted
far enough from it that it is time to refit (scripts/calibrate_cards.py) and judge the answers that changes."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from assistant.card_calibration import drift
from assistant.chat.data import chat_data
from assistant.knowledge.schemas.chat import CardCalibration
from assistant.matching import Calibration, CardMatcher
from tests.fakes import FakeEmbedder

QUESTION = "A reviewer is threatening to sue us, what do we do?"


def test_a_fixed_calibration_is_the_confidence_whatever_the_fit(fixture_kb):
    fixed = Calibration(2.0, 5.0, -1.0)
    matcher = CardMatcher(fixture_kb.cards, FakeEmbedder(), calibration=fixed)
    best = matcher.match(QUESTION)[0]
    assert matcher.fitted != fixed
    assert best.confidence == pytest.approx(fixed.probability(best.score, best.margin))


def test_with_a_fixed_calibration_a_card_taken_away_leaves_the_others_confidence_as_it_was(fixture_kb):
    fixed = Calibration(2.0, 5.0, -1.0)
    cards = list(fixture_kb.cards)
    whole = CardMatcher(cards, FakeEmbedder(), calibration=fixed).match(QUESTION, 2)
    others = [c for c in cards if c.id not in {m.card.id for m in whole}]
    fewer = [c for c in cards if c is not others[-1]]
    assert CardMatcher(fewer, FakeEmbedder(), calibration=fixed).match(QUESTION)[0].confidence == whole[0].confidence
    # Fitted on the cards each time, the same change moves it (what the fixed calibration is for).
    fitted_whole = CardMatcher(cards, FakeEmbedder()).match(QUESTION)[0].confidence
    assert CardMatcher(fewer, FakeEmbedder()).match(QUESTION)[0].confidence != fitted_whole


def test_drift_is_zero_for_the_same_fit_and_grows_with_a_different_one():
    kept = CardCalibration(a=3.0, b=9.0, c=-2.0, wordings=10, fitted="test")
    assert drift(kept, Calibration(3.0, 9.0, -2.0)) == 0.0
    assert 0.0 < drift(kept, Calibration(3.0, 9.0, -1.9)) < drift(kept, Calibration(3.0, 9.0, -1.5)) <= 1.0


DRIFT = 0.05  # the largest change in probability a refit may make before it is due


@pytest.mark.slow
def test_the_kept_calibration_is_the_one_the_chat_uses_and_close_to_a_refit_on_todays_cards(indexed):
    kept = chat_data(indexed.kb.root).card_calibration
    matcher = indexed.matcher
    assert kept is not None
    assert (matcher.calibration.a, matcher.calibration.b, matcher.calibration.c) == (kept.a, kept.b, kept.c)
    # Refit (scripts/calibrate_cards.py) and judge the answers it changes when this fails; a refit judged worse is
    # recorded as `declined`, and the cards may then drift as far as it did before this fails again.
    limit = max(DRIFT, kept.declined.drift + 0.01) if kept.declined else DRIFT
    assert drift(kept, matcher.fitted) < limit, "the cards have drifted from the kept calibration: refit it"
    assert math.isclose(len(matcher.vectors), kept.wordings, rel_tol=0.25)


def test_a_declined_refit_names_the_judgement_it_lost():
    kept = chat_data().card_calibration
    assert kept is not None
    if kept.declined is not None:
        folder = Path(__file__).resolve().parents[1] / "eval" / "judgement" / kept.declined.judged
        assert (folder / "keys.jsonl").is_file() and list(folder.glob("verdicts-*.jsonl"))
