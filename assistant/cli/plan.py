"""`python -m assistant plan --specialty S --platforms a,b --weeks N --posts-per-week N --start YYYY-MM-DD`:
an editorial calendar, printed or written in a scheduler's format."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from ..exports import FORMATS, ExportFormat
from ._planner_args import (
    hours,
    int_between,
    iso_date,
    load_kb,
    make_profile,
    platform_list,
    prepare_stdout,
    short_text,
    text,
    write_file,
    write_problem,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "plan",
        help="draft an editorial calendar",
        description="Dated posts with captions, hashtags and compliance checks.",
    )
    parser.add_argument("--specialty", required=True, type=text, help="specialty or alias (e.g. derm, dentist, GP)")
    parser.add_argument(
        "--platforms", required=True, type=platform_list, help="comma-separated, e.g. instagram,facebook"
    )
    parser.add_argument("--weeks", required=True, type=int_between(1, 52), help="number of weeks (1-52)")
    parser.add_argument(
        "--posts-per-week", required=True, type=int_between(1, 21), help="posts per week across all platforms (1-21)"
    )
    parser.add_argument("--start", required=True, type=iso_date, help="first day, YYYY-MM-DD")
    parser.add_argument("--country", default="US", type=text, help="ISO country code for awareness days (default US)")
    parser.add_argument(
        "--format",
        default="markdown",
        choices=tuple(FORMATS),
        help="output format (default markdown): "
        + ", ".join(
            f"{f.name} ({'one ' + f.extension + ' per platform' if f.per_platform else f.extension})"
            for f in FORMATS.values()
        ),
    )
    parser.add_argument(
        "--out", type=Path, help="file to write (a directory for hootsuite and buffer: one CSV per platform)"
    )
    parser.add_argument(
        "--seed", type=int_between(0, 2**31 - 1), default=0, help="another seed gives another variation (default 0)"
    )
    parser.add_argument("--city", type=short_text(80), help="city for local hashtags")
    parser.add_argument("--timezone", type=text, help="IANA time zone (default: the country's main one)")
    parser.add_argument("--hours-per-week", type=hours, help="time available for social media (default 2)")
    parser.add_argument(
        "--hootsuite-dates",
        choices=("DD/MM/YYYY", "MM/DD/YYYY"),
        help="date order in Hootsuite files, as your Hootsuite account reads them "
        "(default: month first for US and CA clinics, day first elsewhere)",
    )
    parser.set_defaults(run=run)


def _check_out(out: Path | None, fmt: ExportFormat) -> None:
    """Refuse an --out that cannot take this format's output, before any work is done."""
    if out is None:
        return
    if fmt.per_platform and out.exists() and not out.is_dir():
        raise InputError(f"--out {out} is a file; give a folder for one {fmt.name} file per platform")
    if not fmt.per_platform and out.is_dir():
        raise InputError(f"--out {out} is a folder; give a file name, e.g. {out / fmt.file_name('plan')}")


def _write_files(files: dict[str, str], out: Path | None, fmt: ExportFormat) -> str:
    """Write one file per platform (or all rows to stdout); return what was written, for stderr."""
    if out is None:  # all rows on stdout; a scheduler header only once
        header = fmt.name == "buffer"
        for n, body in enumerate(files.values()):
            sys.stdout.write(body.split("\r\n", 1)[1] if header and n else body)
        return ""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_problem(out, exc) from None
    names = {name: fmt.file_name(name) for name in files}
    for name, body in files.items():
        write_file(out / names[name], body)
    return f"wrote {len(files)} file(s) to {out}: {', '.join(names.values())}"


def run(args: argparse.Namespace) -> int:
    from ..exports import fit_to_limits
    from ..planners.calendar import plan_calendar

    prepare_stdout()
    fmt = FORMATS[args.format]
    _check_out(args.out, fmt)
    kb = load_kb()
    profile = make_profile(
        kb,
        specialty=args.specialty,
        country=args.country,
        city=args.city or "",
        timezone=args.timezone,
        hours_per_week=args.hours_per_week,
        platforms=args.platforms,
    )
    plan = plan_calendar(
        kb, profile, list(profile.platforms), args.start, args.weeks, args.posts_per_week, seed=args.seed
    )
    plan, notes = fit_to_limits(plan, kb)
    # Notes are printed once the output is written: a failure is then the only line on stderr.
    if fmt.per_platform:
        order = args.hootsuite_dates or ("MM/DD/YYYY" if profile.country in ("US", "CA") else "DD/MM/YYYY")
        files = fmt.render(plan, date_format=order) if fmt.name == "hootsuite" else fmt.render(plan)
        if fmt.name == "hootsuite":
            notes.append(
                f"Hootsuite dates are written {order}; set your Hootsuite account to read them that way "
                "(--hootsuite-dates to change)"
            )
        notes += files.notes
        if not files:
            raise InputError("no post is far enough in the future to schedule; choose a later --start")
        wrote = _write_files(files, args.out, fmt)
    else:
        body = fmt.render(plan)
        wrote = ""
        if args.out:
            write_file(args.out, body)
            wrote = f"wrote {args.out}"
        else:
            sys.stdout.write(body)
    for line in [f"note: {note}" for note in notes] + ([wrote] if wrote else []):
        print(line, file=sys.stderr)
    return 0
