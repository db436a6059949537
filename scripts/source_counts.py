"""Count the knowledge base's source URLs by class (primary / secondary / junk / unreviewed).

Usage: .venv/bin/python scripts/source_counts.py [KNOWLEDGE_DIR]
Classes come from knowledge/sources-policy.yaml: a refused domain is junk, an allowed one is primary or secondary.
Prints a Markdown table of distinct URLs and citations (a URL cited twice counts once and twice).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.knowledge import load_knowledge  # noqa: E402
from assistant.knowledge.sources_policy import citations, load_policy, source_class  # noqa: E402

CLASSES = ("primary", "secondary", "junk", "unreviewed")


def counts(root: Path) -> tuple[Counter, Counter]:
    kb, policy = load_knowledge(root), load_policy(root)
    cites = list(citations(kb))
    by_url = {c.url: source_class(policy, c.url) for c in cites}
    return Counter(by_url.values()), Counter(by_url[c.url] for c in cites)


def table(urls: Counter, cites: Counter) -> str:
    total_u, total_c = sum(urls.values()), sum(cites.values())
    rows = ["| class | distinct URLs | citations |", "|---|---|---|"]
    for cls in CLASSES:
        if urls[cls] or cls != "unreviewed":
            share_u, share_c = urls[cls] / total_u, cites[cls] / total_c
            rows.append(f"| {cls} | {urls[cls]} ({share_u:.0%}) | {cites[cls]} ({share_c:.0%}) |")
    rows.append(f"| total | {total_u} | {total_c} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table(*counts(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "knowledge")))
