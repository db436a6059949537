"""Blind A/B judgement of chat answers on the held-out questions (eval/holdout.jsonl).

    python -m eval.judge answers  --out eval/judgement/new.jsonl       # this project's offline answers
    python -m eval.judge baseline --out eval/judgement/naive.jsonl     # the two best-matching guide sections
    python -m eval.judge pairs SYSTEM_A.jsonl SYSTEM_B.jsonl --name new-vs-naive --batches 4
    python -m eval.judge score eval/judgement/new-vs-naive             # after the judges wrote their verdicts
    python -m eval.judge --holdout eval/holdout2.jsonl answers --out ...  # any command, on another held-out set

The judges follow eval/judge_instructions.md.

`pairs` writes, per batch, a file a judge reads (question, key points, "Answer A", "Answer B": the order drawn
at random per question) and a key the judge never sees (which system is A). Judges write one JSON line per
pair: {"pair": ..., "winner": "A"|"B"|"tie", "relevance": [a, b], "actionable": [a, b], "coherent": [a, b],
"points": [points covered by A, points covered by B]}. `score` joins verdicts with keys and prints win rates,
mean scores (1-5) and key-point coverage per system.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from statistics import mean

HOLDOUT = Path(__file__).with_name("holdout.jsonl")


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _services():
    from assistant.cli.index import sync_with_progress
    from assistant.services import Services

    services = Services()
    sync_with_progress(services)
    return services


def answers(out: Path, holdout: Path | None = None) -> None:
    """This project's answers to every holdout question (no profile: the question says who is asking)."""
    services = _services()
    rows = []
    for item in load_jsonl(holdout or HOLDOUT):
        a = services.chat.answer(item["question"])
        rows.append(
            {
                "id": item["id"],
                "answer": a.text,
                "card_id": a.card_id,
                "confidence": round(a.confidence, 3),
                "model": a.model,
                "drafts": [d.kind for d in a.drafts],
            }
        )
    _write_jsonl(out, rows)


def baseline(out: Path, holdout: Path | None = None) -> None:
    """The naive answer: the two best-matching guide sections pasted whole, with their titles."""
    services = _services()
    rows = []
    for item in load_jsonl(holdout or HOLDOUT):
        seen, parts = set(), []
        for p in services.retriever.search(item["question"], k=6):
            if (p.doc_id, p.heading) in seen:
                continue
            seen.add((p.doc_id, p.heading))
            text = services.kb.guide(p.doc_id).section(p.heading) or p.text
            parts.append(f"**{p.title}: {p.heading}**\n\n{text}")
            if len(parts) == 2:
                break
        rows.append({"id": item["id"], "answer": "\n\n".join(parts)})
    _write_jsonl(out, rows)


def shown_to_judges(answer: str) -> str:
    """The answer without its Sources list and [n] markers: only some systems cite, and a judge who could tell
    the systems apart would not be blind. The judges rate what the answer says."""
    body = re.split(r"\n#{1,3} Sources\n", answer)[0]
    return re.sub(r" ?\[\d+\]", "", body).strip()


def pairs(a_path: Path, b_path: Path, name: str, batches: int, seed: int = 7, holdout: Path | None = None) -> None:
    """Anonymised pair files for the judges, and the keys kept apart from them."""
    a_rows = {r["id"]: r for r in load_jsonl(a_path)}
    b_rows = {r["id"]: r for r in load_jsonl(b_path)}
    rng = random.Random(seed)
    folder = Path(__file__).with_name("judgement") / name
    items = [h for h in load_jsonl(holdout or HOLDOUT) if h["id"] in a_rows and h["id"] in b_rows]
    keys, chunks = [], [[] for _ in range(batches)]
    for n, item in enumerate(items):
        first_is_a = rng.random() < 0.5
        shown = (a_rows, b_rows) if first_is_a else (b_rows, a_rows)
        pair = f"{name}-{item['id']}"
        keys.append(
            {
                "pair": pair,
                "A": a_path.stem if first_is_a else b_path.stem,
                "B": b_path.stem if first_is_a else a_path.stem,
            }
        )
        chunks[n % batches].append(
            {
                "pair": pair,
                "question": item["question"],
                "key_points": item["key_points"],
                "answer_A": shown_to_judges(shown[0][item["id"]]["answer"]),
                "answer_B": shown_to_judges(shown[1][item["id"]]["answer"]),
            }
        )
    _write_jsonl(folder / "keys.jsonl", keys)
    for i, chunk in enumerate(chunks, 1):
        _write_jsonl(folder / f"batch-{i}.jsonl", chunk)


def score(folder: Path, holdout: Path | None = None) -> dict:
    """Win rates, mean 1-5 scores and key-point coverage per system, from the judges' verdict files."""
    keys = {k["pair"]: k for k in load_jsonl(folder / "keys.jsonl")}
    points = {f"{folder.name}-{h['id']}": len(h["key_points"]) for h in load_jsonl(holdout or HOLDOUT)}
    stats: dict[str, dict[str, list[float]]] = {}
    wins: dict[str, int] = {}
    ties = judged = 0
    for path in sorted(folder.glob("verdicts-*.jsonl")):
        for v in load_jsonl(path):
            key = keys.get(v.get("pair"))
            if key is None or v.get("pair") not in points:  # a pair of a question no longer held out
                continue
            judged += 1
            if v["winner"] == "tie":
                ties += 1
            else:
                wins[key[v["winner"]]] = wins.get(key[v["winner"]], 0) + 1
            for side, i in (("A", 0), ("B", 1)):
                s = stats.setdefault(key[side], {"relevance": [], "actionable": [], "coherent": [], "points": []})
                for field in ("relevance", "actionable", "coherent"):
                    s[field].append(float(v[field][i]))
                s["points"].append(float(v["points"][i]) / max(points.get(v["pair"], 1), 1))
    report = {"judged": judged, "ties": ties, "systems": {}}
    for system, s in stats.items():
        report["systems"][system] = {
            "wins": wins.get(system, 0),
            "win_rate": round(wins.get(system, 0) / judged, 3),
            **{f: round(mean(vals), 2) for f, vals in s.items() if f != "points"},
            "key_points": round(mean(s["points"]), 3),
        }
    return report


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.judge", description=__doc__.splitlines()[0])
    parser.add_argument("--holdout", type=Path, default=None, help="held-out questions (default eval/holdout.jsonl)")
    sub = parser.add_subparsers(dest="command", required=True)
    for command in ("answers", "baseline"):
        sub.add_parser(command).add_argument("--out", type=Path, required=True)
    p = sub.add_parser("pairs")
    p.add_argument("a", type=Path)
    p.add_argument("b", type=Path)
    p.add_argument("--name", required=True)
    p.add_argument("--batches", type=int, default=4)
    sub.add_parser("score").add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    if args.command == "answers":
        answers(args.out, args.holdout)
    elif args.command == "baseline":
        baseline(args.out, args.holdout)
    elif args.command == "pairs":
        pairs(args.a, args.b, args.name, args.batches, holdout=args.holdout)
    else:
        print(json.dumps(score(args.folder, args.holdout), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
