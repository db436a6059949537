"""`python -m assistant ask "question" [--specialty S] [--platform P ...] [--provider NAME] [--json | --jsonl]`.

`--jsonl` reads one JSON object per line on stdin ({"question": ..., "specialty": ..., "platforms": [...],
"history": [...]}) and writes one result per line, loading the models once. A bad line gets an error object
on its own output line and the run continues.
"""
from __future__ import annotations

import argparse
import json
import sys

from ..errors import AssistantError
from ._args import argv_text


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("ask", help="ask a question about social media for your practice",
                                   description="Answer from the guides (offline) or with the configured model.")
    parser.add_argument("question", nargs="*", type=argv_text, help="what you want to know")
    parser.add_argument("--specialty", type=argv_text, help="your specialty (e.g. dentist, GP, derm)")
    parser.add_argument("--platform", action="append", type=argv_text, default=[],
                        help="a platform you use (repeatable)")
    parser.add_argument("--provider", type=argv_text, help="offline, openai, anthropic or ollama (default: settings)")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help='print JSON: {"answer", "sources", "warnings", ...}')
    out.add_argument("--jsonl", action="store_true", help="answer one JSON object per stdin line")
    parser.set_defaults(run=run)


def _services(provider_name: str | None):
    """Services for the chosen provider; an unknown provider or a missing key fails here, before any model loads."""
    from ..config import load_settings
    from ..services import Services

    services = Services(load_settings(**({"provider": provider_name} if provider_name else {})))
    services.provider  # noqa: B018 - built now so a bad provider fails fast
    return services


def _profile(kb, specialty: str | None, platforms: list[str]):
    """A clinic profile from the options; names are resolved through the knowledge base's aliases."""
    from ..profile import ClinicProfile

    fields = {}
    if specialty:
        fields["specialty"] = kb.specialty(specialty).id
    if platforms:
        fields["platforms"] = [kb.platform(p).id for p in platforms]
    return ClinicProfile(**fields)


def _print_text(answer) -> None:
    print(answer.text)
    for w in answer.warnings:
        print(f"\nwarning [{w.get('rule', '')}]: {w.get('message', '')}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    question = " ".join(args.question).strip()
    if args.jsonl and question:
        raise AssistantError("--jsonl reads questions from stdin; do not also give a question argument")
    if not args.jsonl and not question:
        raise AssistantError('give a question, e.g. python -m assistant ask "How do I answer a 1-star review?"')
    from .index import sync_with_progress

    services = _services(args.provider)
    profile = _profile(services.kb, args.specialty, args.platform)  # bad names fail before the model loads
    sync_with_progress(services)  # builds the index on first use, refreshes it after guide edits
    if args.jsonl:
        return _run_jsonl(services, args)
    answer = services.chat.answer(question, profile)
    if args.json:
        print(json.dumps(answer.public(), ensure_ascii=False, indent=2))
    else:
        _print_text(answer)
    return 0


def _answer_line(services, line: str, n: int, args) -> dict:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"line": n, "error": f"line {n}: invalid JSON ({exc.msg} at column {exc.colno})"}
    if not isinstance(item, dict) or not isinstance(item.get("question"), str):
        return {"line": n, "error": f'line {n}: expected an object like {{"question": "...", "specialty": "..."}}'}
    platforms = item.get("platforms") or item.get("platform") or args.platform
    platforms = [platforms] if isinstance(platforms, str) else platforms
    try:
        profile = _profile(services.kb, item.get("specialty") or args.specialty, list(platforms or []))
        answer = services.chat.answer(item["question"], profile, item.get("history") or ())
    except AssistantError as exc:
        return {"line": n, "error": f"line {n}: {exc}"}
    except (TypeError, ValueError) as exc:  # a malformed field (history not a list, platform not text)
        return {"line": n, "error": f"line {n}: invalid field ({exc})"}
    return {"line": n, **answer.public()}


def _run_jsonl(services, args) -> int:
    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        result = _answer_line(services, line, n, args)
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0
