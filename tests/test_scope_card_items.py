"""scripts/scope_card_items.py: the country scope of card steps and cautions, written once as data."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from assistant.knowledge import registry
from assistant.knowledge.cards import AnswerCard

ROOT = Path(__file__).resolve().parents[1]

CARD = """\
theme: demo
title: Demo
cards:
  - id: demo-card
    lead: >-
      Usually yes, with consent [1].
    steps:
      - "Get written consent [1]."
      - "In the US, check the state law as well [1]."
      - "Where that Act applies, keep a record of the consent [1]."
      - 'In South Africa: keep testimonials out [1].'
      - "Then post it [1]."
    watch_out: ["In most places, keep it short [1].", "In Germany, ask the chamber first [1]."]
    variants:
      - when: {country: [EU]}
        lead: >-
          In most of the EU, yes [1]. In Germany, not for cosmetic work [1].
"""


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("scope_card_items", ROOT / "scripts" / "scope_card_items.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def countries():
    return registry.load(registry.COUNTRIES, ROOT / "knowledge")


def test_scoped_and_leaning_items_become_data_and_nothing_else_changes(script, countries):
    new = script.apply(CARD, script.edits_for(CARD, countries))
    card = yaml.safe_load(new)["cards"][0]
    steps = card["steps"]
    assert steps[0] == "Get written consent [1]."
    assert steps[1] == {"text": "In the US, check the state law as well [1].", "countries": ["US"]}
    assert steps[2] == {"text": "Where that Act applies, keep a record of the consent [1].", "follows": True}
    assert steps[3] == {"text": "In South Africa: keep testimonials out [1].", "countries": ["ZA"]}
    assert steps[4] == {"text": "Then post it [1].", "follows": True}
    assert card["watch_out"] == [
        "In most places, keep it short [1].",
        {"text": "In Germany, ask the chamber first [1].", "countries": ["DE"]},
    ]
    assert card["variants"][0]["no_steps_for"] == ["DE"]
    changed = [(a, b) for a, b in zip(CARD.splitlines(), new.splitlines()) if a != b]
    assert len(new.splitlines()) == len(CARD.splitlines()) + 1  # the variant's one new line
    assert all(b.lstrip().startswith(("- {text:", "watch_out:", "no_steps_for:", "lead:")) for _, b in changed)


def test_running_it_twice_changes_nothing_the_second_time(script, countries):
    once = script.apply(CARD, script.edits_for(CARD, countries))
    assert script.edits_for(once, countries) == []


def test_the_written_items_load_as_typed_card_items(script, countries):
    doc = yaml.safe_load(script.apply(CARD, script.edits_for(CARD, countries)))
    raw = doc["cards"][0] | {"questions": [f"Question number {i}?" for i in range(6)], "updated": "2026-12-01"}
    raw["cites"] = [{"guide": "g", "section": "A section"}]
    raw["steps"] = raw["steps"] + []
    filler = " ".join(["word"] * 110)
    raw["lead"] = raw["lead"] + " " + filler
    card = AnswerCard.model_validate(raw)
    assert card.steps[1].countries == ("US",) and card.steps[2].follows and card.variants[0].no_steps_for == ("DE",)


def test_the_project_cards_are_already_scoped(script):
    assert script.main(["--check"]) == 0
