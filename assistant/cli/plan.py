"""`python -m assistant plan --specialty S --platforms a,b --weeks N --posts-per-week N --start YYYY-MM-DD`:
an editorial calendar, printed or written in a scheduler's format."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from ._planner_args import hours, int_between, iso_date, load_kb, make_profile, platform_list, prepare_stdout, text

FORMAT_NAMES = ("json", "csv", "hootsuite", "buffer", "ics", "markdown")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("plan", help="draft an editorial calendar",
                                   description="Dated posts with captions, hashtags and compliance checks.")
    parser.add_argument("--specialty", required=True, type=text, help="specialty or alias (e.g. derm, dentist, GP)")
    parser.add_argument("--platforms", required=True, type=platform_list,
                        help="comma-separated, e.g. instagram,facebook")
    parser.add_argument("--weeks", required=True, type=int_between(1, 52), help="number of weeks (1-52)")
    parser.add_argument("--posts-per-week", required=True, type=int_between(1, 21),
                        help="posts per week across all platforms (1-21)")
    parser.add_argument("--start", required=True, type=iso_date, help="first day, YYYY-MM-DD")
    parser.add_argument("--country", default="US", type=text, help="ISO country code for awareness days (default US)")
    parser.add_argument("--format", default="markdown", choices=FORMAT_NAMES, help="output format (default markdown)")
    parser.add_argument("--out", type=Path,
                        help="file to write (a directory for hootsuite and buffer: one CSV per platform)")
    parser.add_argument("--seed", type=int_between(0, 2**31 - 1), default=0,
                        help="another seed gives another variation (default 0)")
    parser.add_argument("--city", type=text, help="city for local hashtags")
    parser.add_argument("--timezone", type=text, help="IANA time zone (default: the country's main one)")
    parser.add_argument("--hours-per-week", type=hours, help="time available for social media (default 2)")
    parser.add_argument("--hootsuite-dates", choices=("DD/MM/YYYY", "MM/DD/YYYY"),
                        help="date order in Hootsuite files, as your Hootsuite account reads them "
                             "(default: month first for US and CA clinics, day first elsewhere)")
    parser.set_defaults(run=run)


def _write_files(files: dict[str, str], out: Path | None, header: bool) -> None:
    if out is None:  # all rows on stdout; a scheduler header only once
        for n, body in enumerate(files.values()):
            sys.stdout.write(body.split("\r\n", 1)[1] if header and n else body)
        return
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} is a file; give a directory for one CSV per platform")
    out.mkdir(parents=True, exist_ok=True)
    for name, body in files.items():
        (out / f"{name}.csv").write_text(body, encoding="utf-8", newline="")
    print(f"wrote {len(files)} file(s) to {out}: {', '.join(f'{n}.csv' for n in files)}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from ..exports import FORMATS, fit_to_limits
    from ..planners.calendar import plan_calendar

    prepare_stdout()
    kb = load_kb()
    profile = make_profile(kb, specialty=args.specialty, country=args.country, city=args.city or "",
                           timezone=args.timezone, hours_per_week=args.hours_per_week,
                           platforms=[kb.platform(p).id for p in args.platforms])
    plan = plan_calendar(kb, profile, args.platforms, args.start, args.weeks, args.posts_per_week, seed=args.seed)
    plan, limit_notes = fit_to_limits(plan, kb)
    for note in limit_notes:
        print(f"note: {note}", file=sys.stderr)
    fmt = FORMATS[args.format]
    if fmt.per_platform:
        order = args.hootsuite_dates or ("MM/DD/YYYY" if profile.country in ("US", "CA") else "DD/MM/YYYY")
        files = fmt.render(plan, date_format=order) if args.format == "hootsuite" else fmt.render(plan)
        if args.format == "hootsuite":
            print(f"note: Hootsuite dates are written {order}; set your Hootsuite account to read them that way "
                  "(--hootsuite-dates to change)", file=sys.stderr)
        for note in files.notes:
            print(f"note: {note}", file=sys.stderr)
        if not files:
            raise InputError("no post is far enough in the future to schedule; choose a later --start")
        _write_files(files, args.out, header=args.format == "buffer")
        return 0
    body = fmt.render(plan)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(body, encoding="utf-8", newline="")
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(body)
    return 0
