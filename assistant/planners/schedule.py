"""When posts go out: posts per platform each week, days and times from the platforms' benchmark windows,
and which slots carry an awareness observance."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..knowledge.dates import resolve
from ..knowledge.models import WEEKDAYS, Observance

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase


@dataclass
class Slot:
    """One publication before its content is chosen."""

    week: int
    date: dt.date
    time: str
    platform: str
    observance: Observance | None = None
    span: tuple[dt.date, dt.date] | None = None  # the observance's dates this year


def weekly_counts(platforms: list, posts_per_week: int, week: int) -> dict[str, int]:
    """Posts per platform in one week: everyone gets one when the count allows, extras go where the
    platform's cadence has room (in the order the clinic listed its platforms)."""
    ids = [p.id for p in platforms]
    if posts_per_week < len(ids):  # not enough for all: platforms take turns week by week
        turn = [ids[(week * posts_per_week + i) % len(ids)] for i in range(posts_per_week)]
        return {pid: turn.count(pid) for pid in ids if pid in turn}
    counts = {pid: 1 for pid in ids}
    extra = posts_per_week - len(ids)
    while extra:
        roomy = [p.id for p in platforms if counts[p.id] < p.cadence.max_per_week] or ids
        for pid in roomy:
            if not extra:
                break
            counts[pid] += 1
            extra -= 1
    return counts


def _windows(platform) -> list[tuple[str, tuple[str, ...]]]:
    """(weekday, times) in the order of the benchmark windows; other days follow with the first times."""
    seen: dict[str, tuple[str, ...]] = {}
    for window in platform.best_times:
        for day in window.days:
            seen.setdefault(day, window.times)
    first_times = platform.best_times[0].times
    rest = [d for d in WEEKDAYS if d not in seen]
    return list(seen.items()) + [(d, first_times) for d in rest]


def _time_for(times: tuple[str, ...], repeat: int, rng: random.Random) -> str:
    """A benchmark time; a day's second, third... post takes the next times, then later hours."""
    if repeat == 0:
        return rng.choice(times)
    if repeat < len(times):
        return times[repeat]
    hour, minute = map(int, times[-1].split(":"))
    return f"{min(hour + 2 * (repeat - len(times) + 1), 22):02d}:{minute:02d}"


def week_slots(platform, count: int, week: int, week_start: dt.date, rng: random.Random) -> list[Slot]:
    """`count` slots spread over the platform's best days (other days only when the count needs them)."""
    windows = _windows(platform)
    best = len({d for w in platform.best_times for d in w.days})
    if count <= best:
        picks = [windows[(i * best) // count] for i in range(count)]
    else:
        picks = [windows[i % len(windows)] for i in range(count)]
    slots: list[Slot] = []
    repeats: dict[str, int] = {}
    for day, times in picks:
        offset = (WEEKDAYS.index(day) - week_start.weekday()) % 7
        repeat = repeats[day] = repeats.get(day, -1) + 1
        slots.append(
            Slot(
                week=week,
                date=week_start + dt.timedelta(days=offset),
                time=_time_for(times, repeat, rng),
                platform=platform.id,
            )
        )
    return slots


def _rank(observance, spec) -> tuple:
    own = 0 if observance.id in spec.awareness else 1 if spec.id in observance.specialties else 2
    return own, observance.rule.kind == "month"


def observances_in(kb: KnowledgeBase, spec, country: str | None, start: dt.date, end: dt.date) -> list[tuple]:
    """(observance, first, last) overlapping [start, end], most relevant first."""
    found = []
    for obs in kb.observances_for(spec.id, country):
        for year in range(start.year - 1, end.year + 1):
            first, last = resolve(obs.rule, year)
            if last >= start and first <= end and not (first == last and first < start):
                found.append((obs, first, last))
    return sorted(found, key=lambda item: (*_rank(item[0], spec), item[1]))


def _place_day(slots: list[Slot], day: dt.date, start: dt.date) -> Slot | None:
    """The latest slot of that week on or before the day; else the week's first slot moved to the day."""
    week = (day - start).days // 7
    free = [s for s in slots if s.week == week and s.observance is None]
    before = [s for s in free if s.date <= day]
    if before:
        return max(before, key=lambda s: (s.date, s.time))
    if free:
        slot = min(free, key=lambda s: (s.date, s.time))
        slot.date = day  # move it so the post still goes out on the day, not after it
        return slot
    return None


def place_observances(slots: list[Slot], found: list[tuple], start: dt.date, per_week: int) -> None:
    """Mark slots with observances: on or before a day's date, inside a week or month's span."""
    used_weeks: dict[int, int] = {}
    for obs, first, last in found:
        if first == last:
            week = (first - start).days // 7
            candidates: Sequence[Slot | None] = (
                [_place_day(slots, first, start)] if used_weeks.get(week, 0) < per_week else []
            )
        else:
            lo = max(first, start)
            candidates = sorted(
                (
                    s
                    for s in slots
                    if s.observance is None and lo <= s.date <= last and used_weeks.get(s.week, 0) < per_week
                ),
                key=lambda s: (s.date, s.time),
            )[:1]
        for slot in (c for c in candidates if c is not None):
            slot.observance, slot.span = obs, (first, last)
            used_weeks[slot.week] = used_weeks.get(slot.week, 0) + 1
