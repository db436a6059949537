"""`python -m assistant reply "review text" [--rating N] [--json]`: a privacy-safe review reply draft."""

from __future__ import annotations

import argparse

from ._planner_args import int_between, prepare_stdout, print_json, short_text, text


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "reply",
        help="draft a reply to an online review",
        description="Never confirms the reviewer is a patient; threats get guidance.",
    )
    parser.add_argument("review", type=text, help="the review text (quote it)")
    parser.add_argument("--rating", type=int_between(1, 5), help="star rating, 1-5")
    parser.add_argument("--phone", type=short_text(40), help="practice phone number to invite private contact")
    parser.add_argument("--country", type=short_text(2), help="ISO country code (US, GB, AU...) for crisis numbers")
    parser.add_argument(
        "--language",
        type=short_text(2),
        help="write the reply in this language (ISO 639-1: es, fr, de, it, pt, nl, pl, tr); English otherwise",
    )
    parser.add_argument("--json", action="store_true", help='print JSON: {"reply", "findings", ...}')
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from ..planners.reviews import draft_reply, load_reply_data

    prepare_stdout()
    held = ["en", *load_reply_data().languages]
    if args.language and args.language.lower() not in held:
        raise InputError(f"no replies are written in {args.language!r}: use one of {', '.join(held)}")
    draft = draft_reply(
        args.review,
        rating=args.rating,
        clinic_phone=args.phone or None,
        country=args.country,
        language=args.language.lower() if args.language else None,  # "en": the English replies
    )
    if args.json:
        print_json(draft.model_dump(mode="json"))
        return 0
    if draft.kind == "crisis":
        print("This message speaks of suicide or self-harm. Send this reply now, where it came in:\n")
        print(draft.reply + "\n")
        print("Then:")
    elif draft.kind == "guidance":
        print(f"Do not reply publicly: this review contains a threat ({', '.join(draft.threats)}).")
    else:
        print(draft.reply + "\n")
    for f in draft.findings:
        print(f"check {f.get('rule')}: {f.get('message')}")
    for step in draft.guidance:
        print(f"- {step}")
    return 0
