"""How far the card matcher's kept confidence (knowledge/data/chat.yaml `card_calibration`) is from a fit on today's
cards: the kept one holds answers steady while cards are added; this says when it is time to refit on purpose."""

from __future__ import annotations

import numpy as np

from .knowledge.schemas.chat import CardCalibration
from .matching import Calibration

# The scores answers have: the top card's score and its margin over the second, over the range card matches take.
_TOPS = np.linspace(0.3, 0.9, 25)
_MARGINS = np.linspace(0.0, 0.15, 16)


def drift(kept: CardCalibration, fitted: Calibration) -> float:
    """The largest difference in probability between the kept calibration and `fitted` over those scores."""
    top, margin = np.meshgrid(_TOPS, _MARGINS)
    kept_fit = Calibration(kept.a, kept.b, kept.c)
    return float(np.max(np.abs(kept_fit.probabilities(top, margin) - fitted.probabilities(top, margin))))
