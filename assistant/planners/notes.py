"""The notes under a plan: capacity, batching and repurposing, cadence, gaps."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..profile import ClinicProfile


def _capacity(text: dict, posts, budget: float, per_week: int, lightened: bool) -> list[str]:
    hours = f"{budget / 60:g}"
    weekly: Counter[int] = Counter()
    for post in posts:
        weekly[post.week] += post.minutes
    if not weekly:
        return []
    week, needed = max(weekly.items(), key=lambda item: (item[1], -item[0]))
    if needed > budget:
        average = sum(p.minutes for p in posts) / len(posts)
        fit = max(1, min(per_week, int(budget // average)))
        return [text["over"].format(needed=f"{needed / 60:.1f}", week=week, hours=hours, fit=fit)]
    return [text["lighter"].format(hours=hours)] if lightened else []


def _cadence(text: dict, plats, posts, weeks: int) -> list[str]:
    counts = Counter(p.platform for p in posts)
    out = []
    for plat in plats:
        per_week = counts[plat.id] / weeks
        if per_week < plat.cadence.min_per_week:
            out.append(
                text["cadence_low"].format(
                    platform=plat.name,
                    count=f"{per_week:g}",
                    min=plat.cadence.min_per_week,
                    max=plat.cadence.max_per_week,
                )
            )
    return out


def plan_notes(
    data, spec, profile: ClinicProfile, plats, posts, per_week: int, budget: float, lightened: bool, picker
) -> list[str]:
    """Notes that explain and qualify the plan."""
    text = data.capacity
    weeks = max((p.week for p in posts), default=1)
    notes = _capacity(text, posts, budget, per_week, lightened)
    notes.append(text["batching"])
    if len(plats) > 1:
        others = [p.name for p in plats[1:]]
        joined = others[0] if len(others) == 1 else f"{', '.join(others[:-1])} and {others[-1]}"
        notes.append(text["repurpose"].format(other=joined))
    if per_week < len(plats):
        notes.append(text["thin"].format(posts=per_week, platforms=len(plats)))
    notes += _cadence(text, plats, posts, weeks)
    if picker.repeated:
        notes.append(text["bank"].format(specialty=spec.name, count=picker.bank_size))
    notes.append(text["times"].format(timezone=profile.timezone))
    return notes
