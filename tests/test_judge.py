"""The blind judgement harness: judges never see which system wrote an answer, and the scores add up."""

from __future__ import annotations

import json

from eval import judge


def test_judges_see_neither_sources_nor_citation_markers():
    answer = "Yes, reply [1]. Keep it short [2][3].\n\n### Sources\n\n[1] Guide › Section — https://example.com"
    assert judge.shown_to_judges(answer) == "Yes, reply. Keep it short."


def test_pairs_hide_the_system_and_score_joins_the_verdicts_with_the_keys(tmp_path, monkeypatch):
    holdout = tmp_path / "holdout.jsonl"
    holdout.write_text(
        "".join(json.dumps({"id": f"h{i}", "question": f"q{i}", "key_points": ["a", "b"]}) + "\n" for i in range(4))
    )
    monkeypatch.setattr(judge, "HOLDOUT", holdout)
    monkeypatch.setattr(judge, "__file__", str(tmp_path / "judge.py"))
    for name in ("mine", "theirs"):
        (tmp_path / f"{name}.jsonl").write_text(
            "".join(json.dumps({"id": f"h{i}", "answer": f"{name} answer {i}"}) + "\n" for i in range(4))
        )
    judge.pairs(tmp_path / "mine.jsonl", tmp_path / "theirs.jsonl", "t", batches=2)
    folder = tmp_path / "judgement" / "t"
    keys = {k["pair"]: k for k in judge.load_jsonl(folder / "keys.jsonl")}
    shown = [p for b in (1, 2) for p in judge.load_jsonl(folder / f"batch-{b}.jsonl")]
    assert len(shown) == 4 and all(
        "mine" not in json.dumps({k: v for k, v in p.items() if k.startswith("q")}) for p in shown
    )
    # "mine" wins every pair, covers both key points and scores 5; "theirs" 1 point and 2s.
    verdicts = []
    for p in shown:
        mine = "A" if keys[p["pair"]]["A"] == "mine" else "B"
        first = mine == "A"
        good, bad = ([5, 2], [2, 1]) if first else ([2, 5], [1, 2])
        verdicts.append(
            {
                "pair": p["pair"],
                "winner": mine,
                "relevance": good,
                "actionable": good,
                "coherent": good,
                "points": bad if not first else [2, 1],
            }
        )
    (folder / "verdicts-1.jsonl").write_text("".join(json.dumps(v) + "\n" for v in verdicts))
    report = judge.score(folder)
    assert report["judged"] == 4 and report["systems"]["mine"]["win_rate"] == 1.0
    assert report["systems"]["mine"]["key_points"] == 1.0 and report["systems"]["theirs"]["key_points"] == 0.5
    assert report["systems"]["theirs"]["coherent"] == 2.0
