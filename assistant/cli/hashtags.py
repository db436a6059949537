"""`python -m assistant hashtags --specialty S --platform P [--topic T] [--city C] [--json]`."""

from __future__ import annotations

import argparse
import datetime as dt

from ._planner_args import load_kb, prepare_stdout, print_json, short_text, text


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "hashtags",
        help="suggest hashtags for a specialty and platform",
        description="Hashtags in tiers, within the platform's limit.",
    )
    parser.add_argument("--specialty", required=True, type=text, help="specialty or alias")
    parser.add_argument("--platform", required=True, type=text, help="platform id or name")
    parser.add_argument("--topic", type=short_text(200), help="the post's topic")
    parser.add_argument("--city", type=short_text(80), help="city for local tags")
    parser.add_argument("--country", type=text, default="US", help="country for awareness tags (default US)")
    parser.add_argument("--json", action="store_true", help='print JSON: {"hashtags": [...], "limit", "notes"}')
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..planners.hashtags import suggest_hashtags
    from ..profile import country_code

    prepare_stdout()
    kb = load_kb()
    country = country_code(kb, args.country)
    result = suggest_hashtags(
        kb,
        args.specialty,
        args.platform,
        topic=args.topic or None,
        city=args.city or None,
        when=dt.date.today(),
        country=country,
    )
    if args.json:
        print_json(result.model_dump(mode="json"))
        return 0
    print(
        f"{result.platform}: at most {result.limit} hashtag(s), "
        f"{result.recommended[0]}-{result.recommended[1]} recommended"
    )
    for item in result.hashtags:
        print(f"  {item.tag:<32} {item.tier}")
    for note in result.notes:
        print(f"note: {note}")
    return 0
