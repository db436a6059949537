"""`python -m assistant check "text" [--kind post|caption|reply|ad|answer] [--reviewer NAME] [--json]`.

Checks a draft against the text-checkable compliance rules. Findings are data, not failure: the exit status
is 0 whether or not there are findings, and 2 only when the input cannot be checked.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import InputError
from ..guardrails.checker import KINDS, Finding, check_text

# Long enough for any post, reply or ad (and a whole article); bounded so a stray file cannot stall the CLI.
MAX_CHECK_CHARS = 100_000


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check a post, caption, review reply, ad or answer against the compliance rules",
        description="Check a draft against the text-checkable rules R1-R25 (guidance, not legal advice).",
    )
    parser.add_argument("text", help='the text to check, or "-" to read it from standard input')
    parser.add_argument("--kind", choices=KINDS, default="post", help="what the text is (default: post)")
    parser.add_argument(
        "--reviewer",
        dest="reviewer_name",
        metavar="NAME",
        help="the reviewer's display name, flagged if a reply repeats it",
    )
    parser.add_argument(
        "--platform", metavar="ID", help="also check the platform's hashtag and length limits (e.g. instagram, x)"
    )
    parser.add_argument(
        "--country", metavar="CODE", help="the clinic's country (e.g. GB, DE): adds the checks written for its rules"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON object instead of text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    text = read_text(args.text)
    country = None
    if args.country:
        from ..profile import country_code
        from ._planner_args import load_kb

        country = country_code(load_kb(), args.country)
    findings = check_text(text, args.kind, reviewer_name=args.reviewer_name, country=country)
    if args.platform:
        from ..guardrails.limits import limit_findings
        from ._planner_args import load_kb

        findings = limit_findings(text, load_kb().platform(args.platform)) + findings
    if args.json:
        print(
            json.dumps(
                {"ok": not findings, "kind": args.kind, "findings": [f.model_dump() for f in findings]},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(_as_text(findings, args.kind))
    return 0


def read_text(arg: str) -> str:
    """The text from the argument or, for "-", from standard input; empty or oversized input is an error."""
    too_long = InputError(f"the text is longer than {MAX_CHECK_CHARS:,} characters; split it and check each part")
    if arg == "-":
        # A character is at most 4 bytes in UTF-8, so reading one chunk bounds memory whatever is piped in.
        raw = sys.stdin.buffer.read(4 * MAX_CHECK_CHARS + 1)
        if len(raw) > 4 * MAX_CHECK_CHARS:
            raise too_long
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"standard input is not valid UTF-8 (byte {exc.start}); save the text as UTF-8") from None
    else:
        text = arg
    if not text.strip():
        raise InputError('nothing to check: pass the text in quotes, or "-" and pipe it on standard input')
    if len(text) > MAX_CHECK_CHARS:
        raise too_long
    return text


def _as_text(findings: list[Finding], kind: str) -> str:
    if not findings:
        return f"ok: no findings for this {kind}. (Automatic checks cover wording only; guidance, not legal advice.)"
    lines = [f"{len(findings)} finding{'s' if len(findings) > 1 else ''} for this {kind}:"]
    for f in findings:
        where = f'"{f.span}" (characters {f.start}-{f.end})' if f.span else "(something is missing)"
        lines += ["", f"[{f.severity}] {f.name or f.rule}: {where}", f"  why: {f.message}", f"  fix: {f.fix}"]
    lines += ["", "Guidance, not legal advice."]
    return "\n".join(lines)
