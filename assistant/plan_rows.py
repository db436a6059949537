"""A plan as table rows for the web editor, edits applied back to the posts, and plans saved as plain data.

Free of Streamlit; used by the plan page and its tests.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections import Counter
from typing import TYPE_CHECKING, Any

from .errors import InputError

if TYPE_CHECKING:
    from .knowledge import KnowledgeBase
    from .planners.calendar import Plan

EDITABLE = ("date", "time", "topic", "caption", "hashtags")
COLUMNS = ("date", "time", "platform", "pillar", "format", "topic", "caption", "hashtags", "awareness", "checks")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_TAG = re.compile(r"^#[^\s#]+$")


def checks_label(warnings: list[dict]) -> str:
    """'OK' or 'No promises of results; Too many hashtags for Instagram': the findings in plain words."""
    if not warnings:
        return "OK"
    return "; ".join(dict.fromkeys(str(w.get("name") or w.get("message") or "check") for w in warnings))


def plan_rows(plan: Plan) -> list[dict[str, Any]]:
    """One row per post, with the columns of COLUMNS (hashtags space-separated)."""
    rows = []
    for post in plan.posts:
        rows.append(
            {
                "date": post.date,
                "time": post.time,
                "platform": post.platform,
                "pillar": post.pillar,
                "format": post.format_name or post.format,
                "topic": post.topic,
                "caption": post.caption,
                "hashtags": " ".join(post.hashtags),
                "awareness": (post.awareness or {}).get("name", ""),
                "checks": checks_label(post.warnings),
            }
        )
    return rows


def _parse_tags(text: str, row: int) -> list[str]:
    tags = [t if t.startswith("#") else f"#{t}" for t in str(text or "").replace(",", " ").split()]
    bad = [t for t in tags if not _TAG.match(t)]
    if bad:
        raise InputError(f"row {row}: {bad[0]!r} is not a hashtag; write tags like #SkinCheck separated by spaces")
    return list(dict.fromkeys(tags))


def _parse_date(value: Any, row: int) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp from the editor
        return value.to_pydatetime().date()
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"row {row}: {value!r} is not a date; use YYYY-MM-DD") from None


def _recheck(caption: str, tags: list[str], old: list[dict], platform=None) -> list[dict]:
    """Run the content checker (and the platform's limits) again on edited text; keep notes that are not
    about the wording (no span and not a limit)."""
    from .guardrails.limits import limit_findings
    from .planners import compliance
    from .planners.captions import message_text

    kept = [w for w in old if not w.get("span") and w.get("rule") not in ("hashtags", "length")]
    limits = [f.model_dump() for f in limit_findings(caption, platform, tags)] if platform is not None else []
    return limits + compliance.check(message_text(caption, tags), kind="caption") + kept


def apply_rows(plan: Plan, rows: list[dict[str, Any]], kb: KnowledgeBase | None = None):
    """A copy of `plan` with the editable columns of `rows` applied; edited captions are checked again (and
    against their platform's hashtag and length limits when `kb` is given)."""
    if len(rows) != len(plan.posts):
        raise InputError(
            f"the table has {len(rows)} rows but the plan has {len(plan.posts)} posts; reload the plan to start over"
        )
    posts = []
    for i, (post, row) in enumerate(zip(plan.posts, rows, strict=False), start=1):
        time = str(row.get("time", post.time)).strip()
        if not _TIME.match(time):
            raise InputError(f"row {i}: {time!r} is not a time; use 24-hour HH:MM, e.g. 09:30")
        day = _parse_date(row.get("date", post.date), i)
        caption = str(row.get("caption", post.caption) or "").strip()
        if not caption:
            raise InputError(f"row {i}: the caption is empty; write one or restore it")
        tags = _parse_tags(row.get("hashtags", " ".join(post.hashtags)), i)
        changed = caption != post.caption or tags != post.hashtags
        update = {
            "date": day,
            "time": time,
            "topic": str(row.get("topic", post.topic) or post.topic).strip(),
            "caption": caption,
            "hashtags": tags,
            "week": (day - plan.start).days // 7 + 1,
            "warnings": _recheck(caption, tags, post.warnings, kb.platform(post.platform) if kb else None)
            if changed
            else post.warnings,
        }
        posts.append(post.model_copy(update=update))
    return plan.model_copy(update={"posts": posts})


def mix_rows(plan: Plan) -> list[dict[str, Any]]:
    """Post counts by pillar and by format, per platform, in long form for a chart."""
    counts: Counter = Counter()
    for post in plan.posts:
        counts[("Pillar", post.pillar, post.platform)] += 1
        counts[("Format", post.format_name or post.format, post.platform)] += 1
    return [{"dimension": d, "value": v, "platform": p, "posts": n} for (d, v, p), n in sorted(counts.items())]


def week_days(plan: Plan, week: int) -> list[tuple[dt.date, list]]:
    """The seven days of plan week `week` (1-based) with their posts in time order."""
    first = plan.start + dt.timedelta(days=7 * (week - 1))
    days = [first + dt.timedelta(days=i) for i in range(7)]
    return [(d, sorted((p for p in plan.posts if p.date == d), key=lambda p: p.time)) for d in days]


def plan_to_saved(plan: Plan) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(params, posts) as JSON-ready data for Store.save_plan."""
    params = plan.model_dump(mode="json", exclude={"posts"})
    return params, [p.model_dump(mode="json") for p in plan.posts]


def plan_from_saved(saved: dict[str, Any]) -> Plan:
    """Rebuild a Plan from a Store.get_plan row."""
    from .planners.calendar import Plan

    return Plan.model_validate({**saved["params"], "posts": saved["posts"]})


def plan_title(plan: Plan, profile_name: str) -> str:
    """A default title: clinic, platforms and dates."""
    end = plan.start + dt.timedelta(days=7 * plan.weeks - 1)
    return f"{profile_name}: {', '.join(plan.platforms)} {plan.start:%d %b} – {end:%d %b %Y}"


def zip_files(files: dict[str, str]) -> bytes:
    """A zip archive of name -> text files (UTF-8), for one download of several CSVs."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text.encode("utf-8"))
    return buffer.getvalue()
