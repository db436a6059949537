"""The fitting of the learned name decision (eval/train_name_scorer.py): logistic regression, the threshold kept
within its false-positive budgets, and leave-one-set-out figures from weights that never saw the set."""

from __future__ import annotations

import numpy as np

from assistant.guardrails.name_scorer import _HASH_BUCKETS, FEATURES, MODEL_FEATURES
from eval import train_name_scorer as t

WIDTH = len(FEATURES) + 2 * _HASH_BUCKETS + len(MODEL_FEATURES)
GIVEN = FEATURES.index("given_name")
MODEL = len(FEATURES) + 2 * _HASH_BUCKETS  # the model's probability


def _word(name: bool, rng: np.random.Generator) -> np.ndarray:
    row = np.zeros(WIDTH)
    row[0] = 1.0
    row[GIVEN] = float(name or rng.random() < 0.05)
    row[MODEL] = rng.uniform(0.6, 1.0) if name else rng.uniform(0.0, 0.5)
    return row


def _message(source: str, names: int, others: int, rng: np.random.Generator) -> t.Message:
    labels = np.array([1.0] * names + [0.0] * others)
    features = np.array([_word(bool(y), rng) for y in labels]).reshape(len(labels), WIDTH)
    spans = [(6 * i, 6 * i + 5) for i in range(len(labels))]
    identifiers = [{"kind": "NAME", "start": a, "end": b} for (a, b), y in zip(spans, labels) if y]
    text = " ".join("Word." for _ in labels) or "empty"
    return t.Message(source, text, identifiers, set(), False, spans, features, labels, np.zeros(len(labels)))


def _data(rng: np.random.Generator) -> dict[str, list[t.Message]]:
    data = {
        name: [_message(name, 1, 4, rng) for _ in range(20)] + [_message(name, 0, 5, rng) for _ in range(20)]
        for name in t.SETS
    }
    data["questions"] = [_message("questions", 0, 6, rng) for _ in range(200)]
    return data


def test_the_regression_learns_which_feature_marks_a_name():
    rng = np.random.default_rng(1)
    x = np.array([_word(i % 3 == 0, rng) for i in range(300)])
    y = np.array([float(i % 3 == 0) for i in range(300)])
    w = t.fit(x, y)
    assert w[MODEL] > 1.0 and w[GIVEN] > 0.0
    assert ((1 / (1 + np.exp(-(x @ w))) >= 0.5) == (y == 1)).mean() > 0.95


def test_the_threshold_keeps_clean_messages_within_the_budget_on_the_training_data():
    rng = np.random.default_rng(2)
    messages = [m for ms in _data(rng).values() for m in ms]
    scorer = t.train(messages)
    clean = [m for m in messages if not m.identifiers and m.source != "questions"]
    flagged = sum(bool(scorer.predict(m).any()) for m in clean)
    assert flagged <= t.FP_BUDGET_MESSAGES * len(clean)
    found = t.figures([m for m in messages if m.source != "questions"], scorer)
    assert found["name_recall"] > 0.9  # names the rules left, found by the learned decision


def test_every_set_is_scored_by_weights_fitted_without_it():
    rng = np.random.default_rng(3)
    data = _data(rng)
    # One set whose names look like nothing else: weights that saw it would find them, held-out weights cannot.
    odd = t.SETS[-1]
    for m in data[odd]:
        m.features[m.labels == 1, MODEL] = 0.0
        m.features[m.labels == 1, GIVEN] = 0.0
    report = t.cross_validate(data)
    assert set(report) == set(t.SETS) | {"questions"}
    assert report[odd]["rules_and_learned"]["name_recall"] < 0.5
    assert report[t.SETS[0]]["rules_and_learned"]["name_recall"] > 0.9
    assert report[t.SETS[0]]["rules"]["name_recall"] == 0.0  # the rules found nothing in these messages
