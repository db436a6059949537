"""`python -m assistant start --platform P --specialty S [--json]`: a starter checklist for one platform."""

from __future__ import annotations

import argparse

from ._planner_args import hours, load_kb, make_profile, prepare_stdout, print_json, text


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "start",
        help="how to start on a platform",
        description="Setup checklist, cadence for your time and a first-30-days plan.",
    )
    parser.add_argument("--platform", required=True, type=text, help="platform id or name")
    parser.add_argument("--specialty", required=True, type=text, help="specialty or alias")
    parser.add_argument("--hours-per-week", type=hours, help="time available for social media (default 2)")
    parser.add_argument("--country", type=text, default="US", help="ISO country code (default US)")
    parser.add_argument("--timezone", type=text, help="IANA time zone (default: the country's main one)")
    parser.add_argument("--json", action="store_true", help='print JSON: {"steps", "first_30_days", "sources"}')
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..planners.starter import start_guide

    prepare_stdout()
    kb = load_kb()
    profile = make_profile(
        kb,
        specialty=args.specialty,
        country=args.country,
        timezone=args.timezone,
        hours_per_week=args.hours_per_week,
        platforms=[args.platform],
    )
    guide = start_guide(kb, profile.platforms[0], profile)
    if args.json:
        print_json(guide.model_dump(mode="json"))
        return 0
    for n, step in enumerate(guide.steps, 1):
        print(f"{n}. {step.title}" + (f"\n   {step.details}" if step.details else ""))
    print("\nFirst 30 days:")
    for item in guide.first_30_days:
        print(f"  - {item}")
    print("\nSources:")
    for src in guide.sources:
        print(f"  - {src['title']}" + (f" {src['url']}" if src.get("url") else ""))
    return 0
