"""Answer cards: validated like the guides (every claim cites a real section), loaded with the knowledge base."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from assistant.errors import KnowledgeError
from assistant.knowledge import load_knowledge
from tests.conftest import FIXTURE_KNOWLEDGE

CARD_FILE = Path("answers") / "tests" / "review-replies.yaml"


@pytest.fixture
def kb_copy(tmp_path):
    """A writable copy of the fixture knowledge base, and its card file as data to break."""
    root = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, root)
    return root, yaml.safe_load((root / CARD_FILE).read_text(encoding="utf-8"))


def _broken(kb_copy, change) -> str:
    root, doc = kb_copy
    change(doc["cards"][0])
    (root / CARD_FILE).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load_knowledge(root)
    return str(err.value)


def test_the_fixture_cards_load_with_their_theme_and_area(fixture_kb):
    card = fixture_kb.card("review-replies-one-star")
    assert card.theme == "review-replies" and card.area == "tests" and card.theme_title == "Replying to reviews"
    assert len(fixture_kb.cards) == 3


def test_a_cite_to_a_heading_that_does_not_exist_names_the_file_the_card_and_the_section(kb_copy):
    message = _broken(kb_copy, lambda c: c["cites"][0].update(section="No such heading"))
    assert "review-replies.yaml" in message and "review-replies-one-star" in message and "No such heading" in message


def test_a_marker_past_the_last_cite_is_rejected(kb_copy):
    message = _broken(kb_copy, lambda c: c.update(lead=c["lead"] + " [9]"))
    assert "marker(s) [9]" in message and "2 cites" in message


def test_a_cite_no_marker_refers_to_is_rejected(kb_copy):
    message = _broken(
        kb_copy, lambda c: c["cites"].append({"guide": "platform-facebook", "section": "What to avoid on Facebook"})
    )
    assert "never referred to" in message


def test_a_lead_without_a_citation_is_rejected(kb_copy):
    message = _broken(kb_copy, lambda c: c.update(lead="Yes, reply briefly and calmly to every review you get."))
    assert "lead needs a citation" in message


def test_a_card_too_short_to_answer_is_rejected(kb_copy):
    message = _broken(
        kb_copy, lambda c: c.update(steps=c["steps"][:3], watch_out=[], variants=[], cites=c["cites"][:1])
    )
    assert "words" in message and "120" in message


def test_an_unknown_related_card_is_rejected(kb_copy):
    assert "no-such-card" in _broken(kb_copy, lambda c: c.update(related=["no-such-card"]))


def test_a_variant_for_an_unknown_specialty_is_rejected(kb_copy):
    message = _broken(kb_copy, lambda c: c["variants"][1]["when"].update(specialty=["astrology"]))
    assert "astrology" in message


def test_the_same_question_on_two_cards_is_rejected(kb_copy):
    def copy_question(card):
        card["questions"][0] = "A reviewer is threatening to sue us, what do we do?"

    assert "also a question of card" in _broken(kb_copy, copy_question)


def test_unknown_fields_in_a_card_are_rejected(kb_copy):
    assert "answer" in _broken(kb_copy, lambda c: c.update(answer="free text"))


@pytest.mark.slow
def test_the_real_cards_cover_at_least_100_themes_and_400_cards(kb):
    assert len(kb.cards) >= 400
    assert len({c.theme for c in kb.cards}) >= 100


@pytest.mark.slow
def test_no_card_writes_rule_codes_internal_ids_or_command_lines(kb):
    import re

    pattern = re.compile(r"\bR\d{1,2}\b|seed article|python -m|the Start page|the Plan page", re.IGNORECASE)
    bad = [
        (c.id, t)
        for c in kb.cards
        for t in c.card.resolved(None) + tuple(x for v in c.card.variants for x in c.card.resolved(v))
        if pattern.search(t)
    ]
    assert not bad, bad[:5]


def test_the_taxonomy_in_the_answers_readme_lists_every_card():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "scripts/answers_taxonomy.py", "--check"],
        cwd=Path(__file__).parents[1],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_no_held_out_question_is_a_card_wording_in_disguise(kb, embedder):
    """The evaluation stays honest: no card wording is a near copy (cosine 0.90 or more) of a question in any
    held-out set, whether it became development data after being measured or was never shown to card writers."""
    import json

    import numpy as np

    holdout = [
        json.loads(line)["question"]
        for path in sorted((Path(__file__).parents[1] / "eval").glob("holdout*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    ]
    wordings = [q for c in kb.cards for q in c.card.questions]
    h = np.asarray(embedder.embed_documents(holdout))
    w = np.asarray(embedder.embed_documents(wordings))
    sims = h @ w.T
    worst = np.unravel_index(np.argmax(sims), sims.shape)
    assert len(holdout) >= 1210  # every set up to the ninth
    assert sims.max() < 0.90, (holdout[worst[0]], wordings[worst[1]], float(sims.max()))


def test_a_step_scoped_to_an_unknown_country_code_is_rejected(kb_copy):
    message = _broken(kb_copy, lambda c: c["steps"].__setitem__(1, {"text": c["steps"][1], "countries": ["XX"]}))
    assert "review-replies-one-star" in message and "XX" in message and "countries" in message


def test_a_step_scoped_to_a_known_country_loads_as_a_typed_item(kb_copy):
    root, doc = kb_copy
    card = doc["cards"][0]
    card["steps"][1] = {"text": card["steps"][1], "countries": ["US", "GB"]}
    card["steps"][2] = {"text": card["steps"][2], "follows": True}
    (root / CARD_FILE).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    steps = load_knowledge(root).card("review-replies-one-star").card.steps
    assert steps[0].countries == () and not steps[0].follows
    assert steps[1].countries == ("US", "GB") and steps[2].follows and steps[2].text == card["steps"][2]["text"]


def test_follows_on_the_first_step_or_caution_is_rejected(kb_copy):
    message = _broken(kb_copy, lambda c: c["steps"].__setitem__(0, {"text": c["steps"][0], "follows": True}))
    assert "follows" in message and "first" in message


def test_a_variant_saying_no_steps_for_an_unknown_country_is_rejected(kb_copy):
    def change(card):
        card["variants"].append(
            {"when": {"country": ["EU"]}, "lead": "No, not in the EU without consent [1].", "no_steps_for": ["QQ"]}
        )

    message = _broken(kb_copy, change)
    assert "QQ" in message


@pytest.mark.parametrize(
    ("overruled", "expected"),
    [
        ({"QQ": "review-replies-threat"}, "'QQ' is not in countries.yaml"),
        ({"US": "review-replies-one-star"}, "is not another card"),
        ({"US": "no-such-card"}, "is not another card"),
        ({"US": "review-replies-threat"}, "cites no guide of country 'US'"),
    ],
)
def test_a_card_overruled_in_a_country_names_a_real_card_of_that_country(kb_copy, overruled, expected):
    message = _broken(kb_copy, lambda card: card.__setitem__("overruled_in", overruled))
    assert "overruled_in" in message and expected in message


@pytest.mark.slow
def test_a_country_card_for_some_professions_answers_in_a_general_cards_place_only_for_them(kb, embedder):
    """Brazil's dental and psychology councils restrict the price promotions the general card often allows: their
    card answers a Brazilian dentist in the general card's place, never a Brazilian physician, whose council's
    rules it does not state."""
    import os

    from assistant.matching import CardMatcher, card_regions

    matcher = CardMatcher(kb.cards, embedder, Path(os.environ["ASSISTANT_CACHE_DIR"]), regions=card_regions(kb))
    question = "Can our practice post a discount on teeth whitening on Instagram?"
    general = matcher.match(question, k=1)[0]
    card = "brazil-cfo-cfp-prices-and-offers"
    assert general.card.card.overruled_in.get("BR") == card
    dentist = matcher.match(question, k=3, country="BR", code="BR", profession="dentistry")
    assert dentist[0].card.id == card and len({m.card.id for m in dentist}) == len(dentist)
    physician = matcher.match(question, k=3, country="BR", code="BR", profession="dermatology")
    assert card not in {m.card.id for m in physician}
