"""`python -m assistant ask "question" [--specialty S] [--platform P ...] [--provider NAME] [--json | --jsonl]`.

`--jsonl` reads one JSON object per line on stdin ({"question": ..., "specialty": ..., "platforms": [...],
"history": [...]}) and writes one result per line, loading the models once. A bad line gets an error object
on its own output line and the run continues.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from ..errors import AssistantError
from ..inputs import check_length
from ._args import argv_text

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ask",
        help="ask a question about social media for your practice",
        description="Answer from the guides (offline) or with the configured model.",
    )
    parser.add_argument("question", nargs="*", type=argv_text, help="what you want to know")
    parser.add_argument("--specialty", type=argv_text, help="your specialty (e.g. dentist, GP, derm)")
    parser.add_argument("--country", type=argv_text, help="your country code (US, GB, IE, AU, CA, DE, ...)")
    parser.add_argument(
        "--platform", action="append", type=argv_text, default=[], help="a platform you use (repeatable)"
    )
    parser.add_argument("--provider", type=argv_text, help="offline, openai, anthropic or ollama (default: settings)")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help='print JSON: {"answer", "sources", "warnings", ...}')
    out.add_argument("--jsonl", action="store_true", help="answer one JSON object per stdin line")
    parser.set_defaults(run=run)


def _services(provider_name: str | None):
    """Services for the chosen provider; an unknown provider or a missing key fails here, before any model loads."""
    from ..config import load_settings
    from ..services import Services

    services = Services(load_settings(provider=provider_name) if provider_name else load_settings())
    services.provider  # noqa: B018 - built now so a bad provider fails fast
    return services


def _profile(kb: KnowledgeBase, specialty: str | None, platforms: list[str], country: str | None = None):
    """(clinic profile or None, platform ids). A profile only when a specialty or a country is given: an answer
    is never fitted to a specialty nobody named. Names are resolved through the knowledge base's aliases."""
    from ..profile import profile_from_fields

    platform_ids = [kb.platform(p).id for p in platforms]
    if not specialty and not country:
        return None, platform_ids
    fields = {"specialty": specialty, "country": country, "platforms": platform_ids or None}
    return profile_from_fields(kb, fields), platform_ids


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
    if question:
        check_length(question, services.settings.max_input_chars, "question")
    profile, platforms = _profile(services.kb, args.specialty, args.platform, args.country)  # fails before loading
    sync_with_progress(services, cards=True)  # builds the index on first use, refreshes it after guide edits
    if args.jsonl:
        return _run_jsonl(services, args)
    answer = services.chat.answer(question, profile, platforms=platforms)
    if args.json:
        print(json.dumps(answer.public(), ensure_ascii=False, indent=2))
    else:
        _print_text(answer)
    return 0


def _answer_line(services, line: str, n: int, args) -> dict:
    """One JSON line answered, or {"line": n, "error": ...} saying what is wrong with it."""
    from ..chat.conversation import normalize_history

    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"line": n, "error": f"line {n}: invalid JSON ({exc.msg} at column {exc.colno})"}
    except RecursionError:
        return {"line": n, "error": f"line {n}: the JSON is nested too deeply"}
    if not isinstance(item, dict) or not isinstance(item.get("question"), str):
        return {"line": n, "error": f'line {n}: expected an object like {{"question": "...", "specialty": "..."}}'}
    wrong = [k for k in ("specialty", "country") if item.get(k) is not None and not isinstance(item[k], str)]
    if wrong:
        return {"line": n, "error": f"line {n}: field '{wrong[0]}' must be text"}
    platforms = item.get("platforms") or item.get("platform") or args.platform
    platforms = [platforms] if isinstance(platforms, str) else platforms
    if not isinstance(platforms, list) or not all(isinstance(p, str) for p in platforms):
        return {"line": n, "error": f"line {n}: field 'platforms' must be a list of platform names"}
    history = item.get("history") or ()
    if not isinstance(history, list | tuple):
        return {"line": n, "error": f"line {n}: field 'history' must be a list of messages"}
    try:
        history = normalize_history(history)  # a malformed message is this line's error, not an "answer"
        question = check_length(item["question"], services.settings.max_input_chars, "question")
        profile, platform_ids = _profile(
            services.kb,
            item.get("specialty") or args.specialty,
            list(platforms or []),
            item.get("country") or args.country,
        )
        answer = services.chat.answer(question, profile, history, platforms=platform_ids)
    except AssistantError as exc:
        return {"line": n, "error": f"line {n}: {exc}"}
    except (TypeError, ValueError, KeyError, AttributeError) as exc:  # a malformed field the checks above missed
        return {"line": n, "error": f"line {n}: invalid field ({type(exc).__name__}: {exc})"}
    except Exception as exc:  # noqa: BLE001 - one line's failure must not end the batch; details go to the log
        from . import unexpected

        return {"line": n, "error": f"line {n}: {unexpected(exc)}"}
    return {"line": n, **answer.public()}


def _run_jsonl(services, args) -> int:
    # Bytes in, decoded per line: one line that is not UTF-8 gets an error object instead of ending the batch.
    for n, raw in enumerate(sys.stdin.buffer, 1):
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            result = {"line": n, "error": f"line {n}: not valid UTF-8 (byte {exc.start}); save the file as UTF-8"}
        else:
            if not line.strip():
                continue
            result = _answer_line(services, line, n, args)
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0
