"""Retrieval evaluation: hit@1, hit@3, hit@5 and MRR for dense, BM25 and hybrid search, side by side.

Run: `python -m eval.run_eval` (or `python eval/run_eval.py`) [--misses] [--questions FILE].
Hits are counted per guide: the passages are reduced to the distinct guides in rank order, and a question
scores a hit at k when one of its first k guides is among the expected ones.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # allow `python eval/run_eval.py` as well as `python -m eval.run_eval`
    sys.path.insert(0, str(ROOT))

MODES = ("dense", "bm25", "hybrid")
DEPTH = 20  # passages fetched per question; MRR counts a guide first found deeper than this as 0


def load_questions(path: Path) -> list[dict]:
    """Questions from a JSONL file, each {"question", "expected": [guide ids], "specialty"?}."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            if not row.get("question") or not row.get("expected"):
                raise SystemExit(f"{path}:{n}: each line needs 'question' and 'expected'")
            rows.append(row)
    return rows


def ranked_docs(passages) -> list[str]:
    """Distinct guide ids in the order their first passage appears."""
    return list(dict.fromkeys(p.doc_id for p in passages))


def score(retriever, questions: list[dict], mode: str) -> tuple[dict[str, float], list[tuple[dict, list[str]]]]:
    """Metrics for one mode, and the questions it missed at 3 with the guides it returned instead."""
    hits = {1: 0, 3: 0, 5: 0}
    rr = 0.0
    misses = []
    for q in questions:
        docs = ranked_docs(retriever.search(q["question"], k=DEPTH, specialty=q.get("specialty"), mode=mode))
        expected = set(q["expected"])
        rank = next((i for i, d in enumerate(docs, 1) if d in expected), None)
        for k in hits:
            hits[k] += bool(rank and rank <= k)
        rr += 1.0 / rank if rank else 0.0
        if not rank or rank > 3:
            misses.append((q, docs[:3]))
    n = len(questions)
    return {"hit@1": hits[1] / n, "hit@3": hits[3] / n, "hit@5": hits[5] / n, "MRR": rr / n}, misses


def table(results: dict[str, dict[str, float]], n: int) -> str:
    """Markdown table, one row per mode."""
    lines = [f"| mode ({n} questions) | hit@1 | hit@3 | hit@5 | MRR |", "|---|---|---|---|---|"]
    for mode, m in results.items():
        lines.append(f"| {mode} | {m['hit@1']:.3f} | {m['hit@3']:.3f} | {m['hit@5']:.3f} | {m['MRR']:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "questions.jsonl")
    parser.add_argument("--misses", action="store_true", help="list the questions hybrid misses at 3")
    args = parser.parse_args(argv)

    from assistant.retrieval import Retriever
    from assistant.services import Services

    services = Services()
    retriever = Retriever(services.index, services.chunks, services.embedder, specialties=services.kb.specialties)
    questions = load_questions(args.questions)
    known = {g.id for g in services.kb.guides}
    unknown = sorted({d for q in questions for d in q["expected"]} - known)
    if unknown:
        print(f"warning: expected guide ids not in the knowledge base: {', '.join(unknown)}", file=sys.stderr)
    retriever.ensure_index()
    results, missed = {}, []
    for mode in MODES:
        results[mode], misses = score(retriever, questions, mode)
        if mode == "hybrid":
            missed = misses
    print(table(results, len(questions)))
    if args.misses:
        for q, got in missed:
            print(f"- {q['question']!r} expected {q['expected']} got {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
