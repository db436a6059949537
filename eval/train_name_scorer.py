"""Build and cross-validate the learned name decision (assistant/guardrails/name_scorer.py).

Run: `python -m eval.train_name_scorer` [--write] [--cache FILE]. For every message of the development sets
(eval/masking*.jsonl) and every ordinary question, the words the rules leave are taken with their features; a word
is a name when it lies in a labelled name. Two logistic regressions are fitted with numpy (L2-regularised, Newton's
method): a first stage without the name model, a second with it. Figures are leave-one-set-out: each set is
scored by weights fitted on the other sets (and half of the questions, the other half measured), so they predict
text the weights never saw. With --write, weights fitted on everything go to knowledge/data/name_scorer.yaml.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval.masking_eval import CLINICS, load_set, ordinary_questions  # noqa: E402

SETS = (
    "masking",
    "masking_holdout",
    "masking_blind",
    "masking_fresh",
    "masking_unseen",
    "masking_unseen3",
    "masking_unseen4",
    "masking_unseen5",
    "masking_unseen6",
    "masking_unseen7",
    "masking_unseen8",
    "masking_unseen9",
    "masking_unseen10",
    "masking_unseen11",
    "masking_unseen12",
)
L2 = 1.0
CHEAP_RECALL = 0.97  # share of name words the first stage must pass on to the second
FP_BUDGET_MESSAGES = 0.01  # messages without patient data newly masked, at most, on the training folds
FP_BUDGET_QUESTIONS = 0.002  # ordinary questions newly masked, at most, on the training folds
OUT = ROOT / "knowledge" / "data" / "name_scorer.yaml"


@dataclass
class Message:
    source: str  # a set's name, or "questions"
    text: str
    identifiers: list[dict]
    rule_chars: set[int]  # characters the rules mask (clinic terms removed)
    rule_masked: bool  # the rules mask something
    spans: list[tuple[int, int]]  # candidate words
    features: np.ndarray  # one row per candidate: named, hashed and model features
    labels: np.ndarray  # 1 for a word of a labelled name
    dropped: np.ndarray  # 1 where the app would leave the word readable anyway (public figure, colleague, clinic)


def collect(rows: list[dict], source: str, clinics: dict[str, dict] | None) -> list[Message]:
    from assistant.guardrails.clinic import clinic_terms
    from assistant.guardrails.name_finders import colleague_or_place, everyday
    from assistant.guardrails.name_scorer import _HASH_BUCKETS, FEATURES, MODEL_FEATURES, candidates, model_features
    from assistant.guardrails.names import is_not_a_patient
    from assistant.guardrails.ner import name_model
    from assistant.guardrails.phi import PhiSpan, rule_spans
    from assistant.profile import ClinicProfile

    fields = set(ClinicProfile.model_fields)
    not_lone = colleague_or_place()
    model = name_model()
    out = []
    for row in rows:
        text = row["text"]
        own = None
        if clinics is not None:
            profile = clinics[row["clinic"]]
            own = clinic_terms(ClinicProfile(**{k: v for k, v in profile.items() if k in fields}))
        spans = rule_spans(text)
        kept = [s for s in spans if own is None or not own.covers(s)]
        found = [(s.start, s.end) for s in spans if s.kind == "NAME"]
        words = candidates(text, found, [(s.start, s.end) for s in spans if s.kind != "NAME"], everyday)
        width = len(FEATURES) + 2 * _HASH_BUCKETS  # a message may leave no candidate word at all
        base = np.array([c.features for c in words]).reshape(len(words), width)
        table = (
            np.hstack([base, model_features(text, words, model)])
            if words
            else np.zeros((0, width + len(MODEL_FEATURES)))
        )
        names = {i for s in row["identifiers"] if s["kind"] == "NAME" for i in range(s["start"], s["end"])}
        others = {i for s in row["identifiers"] if s["kind"] != "NAME" for i in range(s["start"], s["end"])}
        labels = np.array([float(any(i in names for i in range(c.start, c.end))) for c in words])
        dropped = np.array(
            [
                float(
                    is_not_a_patient(text, c.start, c.end)
                    or not_lone(text, c.start, c.end)
                    or (own is not None and own.covers(PhiSpan("NAME", c.start, c.end, text[c.start : c.end])))
                    or (any(i in others for i in range(c.start, c.end)) and not labels[k])
                )
                for k, c in enumerate(words)
            ]
        )
        chars = {i for s in kept for i in range(s.start, s.end)}
        out.append(
            Message(
                source,
                text,
                row["identifiers"],
                chars,
                bool(kept),
                [(c.start, c.end) for c in words],
                table,
                labels,
                dropped,
            )
        )
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    """Logistic regression weights by Newton's method; the bias (column 0) is not penalised."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 1e-6
    for _ in range(15):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-4:
            break
    return w


def _sig(v: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(v, -30, 30)))


@dataclass
class Scorer:
    cheap: np.ndarray
    cheap_threshold: float
    full: np.ndarray
    threshold: float

    def predict(self, m: Message) -> np.ndarray:
        if not len(m.spans):
            return np.zeros(0, dtype=bool)
        n = len(self.cheap)
        first = _sig(m.features[:, :n] @ self.cheap) >= self.cheap_threshold
        second = _sig(m.features @ self.full) >= self.threshold
        return first & second & (m.dropped == 0)

    def top(self, m: Message) -> float:
        """The highest second-stage score among the words that pass the first stage and would be masked."""
        if not len(m.spans):
            return 0.0
        n = len(self.cheap)
        first = (_sig(m.features[:, :n] @ self.cheap) >= self.cheap_threshold) & (m.dropped == 0)
        second = _sig(m.features @ self.full)
        return float(second[first].max()) if first.any() else 0.0

    def asked(self, m: Message) -> bool:
        """True when the name model must run for this message (a word passes the first stage)."""
        n = len(self.cheap)
        return bool(len(m.spans)) and bool((_sig(m.features[:, :n] @ self.cheap) >= self.cheap_threshold).any())


def train(messages: list[Message]) -> Scorer:
    from assistant.guardrails.name_scorer import FEATURES, MODEL_FEATURES

    rows = [m for m in messages if len(m.spans)]
    x = np.vstack([m.features for m in rows])
    y = np.concatenate([m.labels for m in rows])
    keep = np.concatenate([m.dropped for m in rows]) == 0
    x, y = x[keep], y[keep]
    n = x.shape[1] - len(MODEL_FEATURES)
    assert n == len(FEATURES) + 2 * (n - len(FEATURES)) // 2
    cheap = fit(x[:, :n], y)
    pos = np.sort(_sig(x[y == 1, :n] @ cheap))
    cheap_threshold = float(pos[int((1 - CHEAP_RECALL) * len(pos))]) if len(pos) else 0.5
    full = fit(x, y)
    # The lowest threshold that keeps newly masked clean messages and questions within the budgets.
    clean = [m for m in messages if not m.identifiers and not m.rule_masked and len(m.spans)]
    n_clean = sum(1 for m in messages if not m.identifiers and m.source != "questions")
    n_q = sum(1 for m in messages if m.source == "questions")
    probe = Scorer(cheap, cheap_threshold, full, 0.0)
    top_m = np.array([probe.top(m) for m in clean if m.source != "questions"])
    top_q = np.array([probe.top(m) for m in clean if m.source == "questions"])
    best = 0.95
    for t in np.arange(0.95, 0.2, -0.025):
        fp_m, fp_q = int((top_m >= t).sum()), int((top_q >= t).sum())
        if fp_m > FP_BUDGET_MESSAGES * max(n_clean, 1) or fp_q > FP_BUDGET_QUESTIONS * max(n_q, 1):
            break
        best = float(t)
    return Scorer(cheap, cheap_threshold, full, best)


def figures(messages: list[Message], scorer: Scorer | None) -> dict:
    found = total = names_found = names_total = fp = clean = asked = 0
    for m in messages:
        chars = set(m.rule_chars)
        if scorer is not None:
            asked += scorer.asked(m)
            for (a, b), hit in zip(m.spans, scorer.predict(m)):
                if hit:
                    chars.update(range(a, b))
        for s in m.identifiers:
            need = {i for i in range(s["start"], s["end"]) if not m.text[i].isspace()}
            hit = need <= chars
            found += hit
            total += 1
            if s["kind"] == "NAME":
                names_found += hit
                names_total += 1
        if not m.identifiers:
            clean += 1
            fp += bool(chars)
    return {
        "recall": round(found / total, 3) if total else None,
        "name_recall": round(names_found / names_total, 3) if names_total else None,
        "false_positive_messages": fp,
        "clean_messages": clean,
        "model_runs": asked,
    }


def shipped() -> Scorer | None:
    """The weights in knowledge/data/name_scorer.yaml as they stand, to compare with a refit (None if absent)."""
    if not OUT.exists():
        return None
    doc = yaml.safe_load(OUT.read_text(encoding="utf-8"))
    return Scorer(
        np.array(doc["cheap_weights"]), float(doc["cheap_threshold"]), np.array(doc["weights"]), float(doc["threshold"])
    )


def cross_validate(data: dict[str, list[Message]], current: Scorer | None = None) -> dict:
    """Leave-one-set-out figures: each set scored by the rules alone, by weights fitted on the other sets, and (with
    `current`) by the weights as they stand (which may have seen the set: see their `training_data`)."""
    questions = data["questions"]
    halves = (questions[0::2], questions[1::2])
    report: dict = {}
    for name in SETS:
        rest = [m for other in SETS if other != name for m in data[other]]
        scorer = train(rest + questions)
        report[name] = {"rules": figures(data[name], None), "rules_and_learned": figures(data[name], scorer)}
        if current is not None:
            report[name]["rules_and_current_weights"] = figures(data[name], current)
    q = []
    for i in (0, 1):
        scorer = train([m for s in SETS for m in data[s]] + halves[i])
        q.append((figures(halves[1 - i], None), figures(halves[1 - i], scorer)))
    report["questions"] = {
        "rules": sum(a["false_positive_messages"] for a, _ in q),
        "rules_and_learned": sum(b["false_positive_messages"] for _, b in q),
        "model_runs": sum(b["model_runs"] for _, b in q),
        "questions": len(questions),
    }
    if current is not None:
        report["questions"]["current_weights"] = figures(questions, current)["false_positive_messages"]
    return report


def write(scorer: Scorer, sets: list[str], path: Path = OUT) -> None:
    from assistant.guardrails.name_scorer import _HASH_BUCKETS, FEATURES, MODEL_FEATURES

    doc = {
        "made": f"{dt.date.today().isoformat()} by `python -m eval.train_name_scorer --write` (numpy logistic "
        f"regression, L2 {L2}; first stage passes {CHEAP_RECALL:.0%} of name words; threshold the lowest keeping "
        f"newly masked clean messages within {FP_BUDGET_MESSAGES:.0%} and questions within {FP_BUDGET_QUESTIONS:.1%})",
        "training_data": [f"eval/{s}.jsonl" for s in sets]
        + ["ordinary questions: eval/questions, holdout, card_dev, out_of_scope, answer_points and the answer cards"],
        "features": list(FEATURES),
        "model_features": list(MODEL_FEATURES),
        "hash_buckets": _HASH_BUCKETS,
        "cheap_weights": [round(float(v), 5) for v in scorer.cheap],
        "cheap_threshold": round(scorer.cheap_threshold, 5),
        "weights": [round(float(v), 5) for v in scorer.full],
        "threshold": round(scorer.threshold, 5),
    }
    header = (
        "# Weights of the learned name decision (assistant/guardrails/name_scorer.py), validated by\n"
        "# NameScorerWeights. Made by eval/train_name_scorer.py from the development sets; do not edit by hand.\n"
    )
    path.write_text(header + yaml.safe_dump(doc, sort_keys=False, width=118, allow_unicode=True), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the weights fitted on all data")
    parser.add_argument("--cache", type=Path, help="keep the collected features in this file between runs")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation (with --write)")
    args = parser.parse_args(argv)
    data = pickle.loads(args.cache.read_bytes()) if args.cache and args.cache.exists() else {}
    clinics = yaml.safe_load(CLINICS.read_text(encoding="utf-8"))
    for name in SETS:
        if name not in data:
            data[name] = collect(load_set(ROOT / "eval" / f"{name}.jsonl"), name, clinics)
            if args.cache:  # keep each set's features as soon as they exist
                args.cache.write_bytes(pickle.dumps(data))
    if "questions" not in data:
        data["questions"] = collect([{"text": q, "identifiers": []} for q in ordinary_questions()], "questions", None)
    if args.cache:
        args.cache.write_bytes(pickle.dumps(data))
    if not args.no_cv:
        print(json.dumps(cross_validate(data, shipped()), indent=2))
    if args.write:
        write(train([m for name in data for m in data[name]]), list(SETS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
