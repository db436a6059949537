"""Card matching on eval/card_dev.jsonl: is the right answer card first, or in the top three?

    python -m eval.match_eval

The 200 questions were written afterwards, each for one card and worded unlike its listed wordings (none of
them is a card wording or a held-out question). Prints accuracy@1 and @3, how often the card the chat picks (a close
runner-up covering the question better may replace the top one) is right, the share answered by a card at the
confidence threshold, and how often that card is one of the right ones. On eval/holdout.jsonl (dev data since
round 3, no card labels) it prints the share answered by one card, by two, and with the card's verdict kept.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DEV = Path(__file__).with_name("card_dev.jsonl")
HOLDOUT = Path(__file__).with_name("holdout.jsonl")


def evaluate(matcher, countries, items: list[dict]) -> dict:
    """`countries`: the knowledge base's country table, to read the asker's country from the question as the
    chat does (a card written for one country answers only askers from it)."""
    from assistant.chat.data import chat_data
    from assistant.matching import CONFIDENT

    nearby = chat_data().nearby_card
    top1 = top3 = answered = right_when_answered = chosen = 0
    for item in items:
        code = countries.named_in(item["question"]) if countries else None
        country = countries.rules_for(code) if countries else None
        found = matcher.match(item["question"], k=3, country=country, code=code)
        ids = [m.card.id for m in found]
        # what the chat answers with: a close runner-up that covers the question better may replace the top card
        picked = matcher.best(item["question"], country, code, nearby)
        chosen += picked is not None and picked.card.id in item["cards"]
        top1 += ids[0] in item["cards"]
        top3 += any(i in item["cards"] for i in ids)
        if found[0].confidence >= CONFIDENT:
            answered += 1
            right_when_answered += ids[0] in item["cards"]
    n = len(items)
    return {
        "questions": n,
        "accuracy@1": round(top1 / n, 3),
        "accuracy@3": round(top3 / n, 3),
        "chat_card_right": round(chosen / n, 3),
        "answered_by_a_card": round(answered / n, 3),
        "right_card_when_answered": round(right_when_answered / max(answered, 1), 3),
    }


def coverage(matcher, countries, items: list[dict]) -> dict:
    """How the chat's matching answers unlabelled questions: by one card, two, none; verdicts kept."""
    from assistant.chat.compose import verdict_fits

    one = two = verdicts = 0
    for item in items:
        code = countries.named_in(item["question"]) if countries else None
        country = countries.rules_for(code) if countries else None
        found = matcher.answer_cards(item["question"], country, code)
        one += len(found) == 1
        two += len(found) == 2
        verdicts += bool(found) and verdict_fits(found[0])
    n = len(items)
    return {
        "questions": n,
        "one_card": round(one / n, 3),
        "two_cards": round(two / n, 3),
        "no_card": round((n - one - two) / n, 3),
        "verdict_kept": round(verdicts / n, 3),
    }


def main() -> int:
    from assistant.services import Services

    items = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    services = Services()
    holdout = [json.loads(line) for line in HOLDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    report = {
        "card_dev": evaluate(services.matcher, services.kb.countries, items),
        "holdout": coverage(services.matcher, services.kb.countries, holdout),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
