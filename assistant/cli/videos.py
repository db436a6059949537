"""`python -m assistant videos --specialty S [--platform P] [--count N] [--json]`."""

from __future__ import annotations

import argparse

from ._planner_args import int_between, load_kb, platform_list, prepare_stdout, print_json, text


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "videos",
        help="video ideas for a specialty",
        description="Titles, hooks, outlines and durations within platform limits.",
    )
    parser.add_argument("--specialty", required=True, type=text, help="specialty or alias")
    parser.add_argument("--platform", type=platform_list, help="platform(s), comma-separated (default: all with video)")
    parser.add_argument("--count", type=int_between(1, 50), default=10, help="number of ideas (1-50, default 10)")
    parser.add_argument("--json", action="store_true", help='print JSON: {"ideas": [...]}')
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..planners.videos import video_ideas

    prepare_stdout()
    ideas = video_ideas(load_kb(), args.specialty, platforms=args.platform, count=args.count)
    if args.json:
        print_json({"ideas": [i.model_dump(mode="json") for i in ideas]})
        return 0
    for n, idea in enumerate(ideas, 1):
        print(f"{n}. {idea.title}  [{idea.kind}, {idea.format}, {idea.duration_s} s]")
        print(f"   Hook: {idea.hook}")
        for beat in idea.outline:
            print(f"   - {beat}")
        print(f"   CTA: {idea.cta}")
        if idea.compliance_note:
            print(f"   Note: {idea.compliance_note}")
        print()
    return 0
