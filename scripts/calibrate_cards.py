"""Fit the card matcher's confidence on the cards' own wordings and print it, or say how far the kept one is.

Usage: .venv/bin/python scripts/calibrate_cards.py [--drift]
Prints the `card_calibration` block for knowledge/data/chat.yaml (paste it there on purpose, then judge the answers
it changes); --drift prints the largest difference in probability between the kept calibration and a refit on
today's cards, as tests/test_matching_calibration.py checks it. Uses the data folder's card cache when it has one.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.card_calibration import drift  # noqa: E402
from assistant.chat.data import chat_data  # noqa: E402
from assistant.services import Services  # noqa: E402


def main(argv: list[str]) -> int:
    services = Services()
    matcher = services.chat.composer.matcher
    fitted, wordings = matcher.fitted, len(matcher.vectors)
    if "--drift" in argv:
        kept = chat_data(services.kb.root).card_calibration
        if kept is None:
            print("no card_calibration kept in knowledge/data/chat.yaml")
            return 1
        print(
            f"largest change in probability: {drift(kept, fitted):.4f} (kept {kept.fitted}, {kept.wordings} wordings)"
        )
        return 0
    print("card_calibration:")
    print(f"  a: {fitted.a!r}\n  b: {fitted.b!r}\n  c: {fitted.c!r}\n  wordings: {wordings}\n  fitted: <commit>")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
