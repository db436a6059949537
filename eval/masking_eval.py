"""Masking evaluation: how much patient data the masker finds, and how often it masks what is not patient data.

Run: `python -m eval.masking_eval` [--set FILE] [--misses] [--questions]. Prints JSON figures:
- recall: share of labelled identifiers (eval/masking.jsonl) whose every character is masked;
- message_false_positive_rate: share of messages without identifiers in which anything was masked;
- span_false_positive_rate: share of masked spans that touch no labelled identifier (any message).
- with --questions, questions_masked: how many of the ordinary questions clinicians ask (eval/questions.jsonl,
  holdout.jsonl, card_dev.jsonl, out_of_scope.jsonl, answer_points.jsonl and the answer cards' wordings) had
  anything masked, and what: none holds patient data, so each one is a false positive.
Each message is masked as the app does it: with the clinic profile (eval/masking_clinics.yaml) of the clinic
it was written for, so the clinic's own name, city, address and staff are not counted as found.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # allow `python eval/masking_eval.py` as well as `python -m eval.masking_eval`
    sys.path.insert(0, str(ROOT))

SET = ROOT / "eval" / "masking.jsonl"
CLINICS = ROOT / "eval" / "masking_clinics.yaml"


def load_set(path: Path) -> list[dict]:
    """Messages {"id", "clinic", "text", "identifiers": [{"kind", "start", "end", "text"}]}, offsets checked."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        for span in row["identifiers"]:
            if row["text"][span["start"] : span["end"]] != span["text"]:
                raise SystemExit(f"{path}:{n}: span {span} does not match the text")
        rows.append(row)
    return rows


def masked_chars(spans) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}


def _detector(rules_only: bool = False):
    """detect_phi with the clinic profile when the masker accepts one (older versions did not); with `rules_only`,
    without the learned name decision."""
    from assistant.guardrails.phi import detect_phi

    params = inspect.signature(detect_phi).parameters
    options = {"learned": False} if rules_only and "learned" in params else {}
    if "clinic" not in params:
        return lambda text, clinic: detect_phi(text)
    from assistant.profile import ClinicProfile

    fields = set(ClinicProfile.model_fields)
    return lambda text, clinic: detect_phi(
        text, clinic=ClinicProfile(**{k: v for k, v in clinic.items() if k in fields}), **options
    )


def _title_length(label: str) -> int:
    """How many characters of a name label are a courtesy title and the space after it ("Mrs. Pruitt" -> 5), or 0.
    One set's labels include the title; the masker leaves titles readable by design."""
    from assistant.guardrails._data import guardrail_data

    phi = guardrail_data().phi
    titles = sorted({t.lower() for t in [*phi.titles, *phi.lower_titles]}, key=len, reverse=True)
    lowered = label.lower()
    for t in titles:
        for form in (t + ". ", t + " "):
            if lowered.startswith(form) and len(label) > len(form):
                return len(form)
    return 0


def evaluate(rows: list[dict], clinics: dict[str, dict], rules_only: bool = False) -> tuple[dict, list[dict]]:
    """The figures, and the messages with a missed identifier or a wrongly masked span. `recall_title_optional`
    counts a name found when all but a leading courtesy title is masked."""
    detect = _detector(rules_only)
    detect("warm-up", clinics[rows[0]["clinic"]])
    found_no_title = 0
    found = total = fp_messages = clean_messages = wrong_spans = all_spans = 0
    per_kind: dict[str, list[int]] = {}
    problems = []
    started = time.perf_counter()
    for row in rows:
        spans = detect(row["text"], clinics[row["clinic"]])
        covered = masked_chars(spans)
        labelled = {i for s in row["identifiers"] for i in range(s["start"], s["end"])}
        missed = []
        for s in row["identifiers"]:
            chars = {i for i in range(s["start"], s["end"]) if not row["text"][i].isspace()}
            hit = chars <= covered
            found += hit
            skip = _title_length(s["text"]) if s["kind"] == "NAME" else 0
            found_no_title += hit or {i for i in chars if i >= s["start"] + skip} <= covered
            total += 1
            per_kind.setdefault(s["kind"], [0, 0])[0] += hit
            per_kind[s["kind"]][1] += 1
            if not hit:
                missed.append(s["text"])
        wrong = [s.text for s in spans if not set(range(s.start, s.end)) & labelled]
        all_spans += len(spans)
        wrong_spans += len(wrong)
        if not row["identifiers"]:
            clean_messages += 1
            fp_messages += bool(spans)
        if missed or wrong:
            problems.append({"id": row["id"], "text": row["text"], "missed": missed, "wrongly_masked": wrong})
    elapsed = time.perf_counter() - started
    figures = {
        "messages": len(rows),
        "messages_with_identifiers": len(rows) - clean_messages,
        "identifiers": total,
        "recall": round(found / total, 3) if total else None,
        "recall_title_optional": round(found_no_title / total, 3) if total else None,
        "message_false_positive_rate": round(fp_messages / clean_messages, 3) if clean_messages else None,
        "false_positive_messages": fp_messages,
        "span_false_positive_rate": round(wrong_spans / all_spans, 3) if all_spans else 0.0,
        "wrongly_masked_spans": wrong_spans,
        "masked_spans": all_spans,
        "recall_by_kind": {k: round(v[0] / v[1], 3) for k, v in sorted(per_kind.items())},
        "ms_per_message": round(1000 * elapsed / len(rows), 2),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version()},
    }
    return figures, problems


QUESTION_SETS = ("questions", "holdout", "card_dev", "out_of_scope", "answer_points")


def ordinary_questions(root: Path = ROOT) -> list[str]:
    """Questions clinicians ask with no patient data: the chat evaluation sets and the answer cards' wordings."""
    texts = [
        json.loads(line)["question"]
        for name in QUESTION_SETS
        for line in (root / "eval" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for card_file in sorted((root / "knowledge" / "answers").rglob("*.yaml")):
        for card in yaml.safe_load(card_file.read_text(encoding="utf-8")).get("cards", []):
            texts += card.get("questions", [])
    return list(dict.fromkeys(texts))


def questions_masked(texts: list[str], rules_only: bool = False) -> dict:
    """How many ordinary questions had anything masked (each one a false positive), and what was masked."""
    from assistant.guardrails.phi import detect_phi

    options = {"learned": False} if rules_only else {}
    detect_phi("warm-up")
    wrong, times = [], []
    for text in texts:
        started = time.perf_counter()
        spans = detect_phi(text, **options)
        times.append(1000 * (time.perf_counter() - started))
        if spans:
            wrong.append({"text": text, "wrongly_masked": [s.text for s in spans]})
    return {
        "questions": len(texts),
        "questions_masked": len(wrong),
        "rate": round(len(wrong) / len(texts), 4) if texts else None,
        "ms_per_question": round(statistics.mean(times), 2) if texts else None,
        "median_ms_per_question": round(statistics.median(times), 2) if texts else None,
        "masked": wrong,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=SET, help="the labelled messages (JSONL)")
    parser.add_argument("--misses", action="store_true", help="also list missed and wrongly masked text")
    parser.add_argument("--questions", action="store_true", help="count ordinary questions masked, instead")
    parser.add_argument("--rules-only", action="store_true", help="without the learned name decision")
    args = parser.parse_args(argv)
    if args.questions:
        print(json.dumps(questions_masked(ordinary_questions(), args.rules_only), indent=2, ensure_ascii=False))
        return 0
    clinics = yaml.safe_load(CLINICS.read_text(encoding="utf-8"))
    figures, problems = evaluate(load_set(args.set), clinics, args.rules_only)
    if args.misses:
        figures["problems"] = problems
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
