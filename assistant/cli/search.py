"""`python -m assistant search "question" [--k 5] [--specialty S] [--json]`: retrieve guide passages."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap

from ..retrieval import MAX_K, MODES
from ._args import argv_text


def _k(value: str) -> int:
    try:
        k = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_K}, not {value!r}") from None
    if not 1 <= k <= MAX_K:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_K}, not {k}")
    return k


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="find the guide passages that answer a question",
        description="Hybrid (meaning + keyword) search over the guides.",
    )
    parser.add_argument("question", nargs="+", type=argv_text, help="what you want to know")
    parser.add_argument("--k", type=_k, default=5, help=f"number of passages (1-{MAX_K}, default 5)")
    parser.add_argument("--specialty", type=argv_text, help="prefer guidance for this specialty (e.g. dentist, GP)")
    parser.add_argument(
        "--platform", action="append", type=argv_text, default=[], help="prefer guidance for this platform (repeatable)"
    )
    parser.add_argument("--mode", choices=MODES, default="hybrid", help="ranking method (default hybrid)")
    parser.add_argument("--json", action="store_true", help='print JSON: {"passages": [...]}')
    parser.set_defaults(run=run)


def _print_text(passages) -> None:
    if not passages:
        print("No matching guidance found.")
    for n, p in enumerate(passages, 1):
        print(f"{n}. {p.title} — {p.heading}  [{p.doc_id}, score {p.score:.4f}]")
        print(textwrap.indent(textwrap.shorten(p.text, 400, placeholder=" …"), "   "))
        for s in p.sources[:2]:
            print(f"   source: {s['title']} ({s.get('year') or 'n.d.'}) {s['url']}")
        print()


def run(args: argparse.Namespace) -> int:
    from ..config import load_settings
    from ..inputs import check_length
    from ..retrieval import Retriever, clean_query
    from ..services import Services
    from .index import sync_with_progress

    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    question = " ".join(args.question)
    check_length(question, load_settings().max_input_chars, "question")
    question = clean_query(question)  # fail fast, before loading anything heavy
    services = Services()
    kb = services.kb
    specialty = kb.specialty(args.specialty).id if args.specialty else None  # accepts aliases: "derm", "GP"
    platforms = [kb.platform(p).id for p in args.platform]
    # With the specialty data the retriever can also prefer passages that name the clinic's specialty.
    services.retriever = Retriever(services.index, services.chunks, services.embedder, specialties=kb.specialties)
    sync_with_progress(services)  # builds the index on first use, refreshes it after guide edits
    passages = services.retriever.search(question, k=args.k, specialty=specialty, platforms=platforms, mode=args.mode)
    if args.json:
        print(json.dumps({"passages": [p.model_dump() for p in passages]}, indent=2))
    else:
        _print_text(passages)
    return 0
