"""A content plan asked for in the chat: the weeks, an event's posts first, the notes the plan carries."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING

from ..knowledge.schemas.drafts import DraftData
from .draft_inputs import (
    _country_code,
    _platforms,
    names_unheld_profession,
)
from .models import Draft
from .plan_span import plan_span
from .wording import count_of, first_upper

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..profile import ClinicProfile

# "Monday to Friday", "Mon-Fri": a post each weekday; "a week of posts (5 posts)": that many in the week.
_WEEKDAYS = re.compile(r"\bmon(?:day)?\s*(?:to|-|–|—|through|thru|till|until)\s*fri(?:day)?\b", re.IGNORECASE)
_POSTS_IN_WEEK = re.compile(r"\b(\d{1,2})\s+(?:[\w-]+\s+){0,2}?posts?\b", re.IGNORECASE)
_WRITTEN_OUT = 7  # posts in a plan short enough to show in full in the chat
_PER_WEEK = re.compile(r"\b(\d{1,3})\s*(?:posts?|times)\s*(?:a|per)\s*week\b", re.IGNORECASE)
# The time the asker has ("30 minutes a week MAX", "an hour a week", "twice a week"): posts a week it allows, one per
# half hour as the time-management guide's weekly routines have it (30 minutes: one post, 60: two, 90: three).
_TIME_A_WEEK = re.compile(
    r"\b(\d{1,3}|an?|one|two|three)\s*(min(?:ute)?s?|h(?:ou)?rs?)\b[^.?!\d]{0,12}?\b(?:a|per|each|every)\s*week\b",
    re.IGNORECASE,
)
_TIMES_A_WEEK = {"once": 1, "twice": 2}
_ONCE = re.compile(r"\b(once|twice)\s+(?:a|per|each)\s+week\b", re.IGNORECASE)
MINUTES_A_POST = 30


class PlanWriter:
    """Writes the plan a message asks for."""

    def __init__(self, kb: KnowledgeBase, data: DraftData) -> None:
        self.kb = kb
        self.data = data

    def plan(self, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        from ..planners.calendar import plan_calendar
        from ..profile import ClinicProfile

        limits = self.data.extras.limits
        max_weeks, max_per_week = (limits.max_plan_weeks, limits.max_posts_per_week) if limits else (12, 7)
        recent = limits.recent_past_days if limits else 60
        span = plan_span(turn.masked, dict(self.data.extras.seasons), dt.date.today(), 7 * max_weeks, recent)
        found = _PER_WEEK.search(turn.masked)
        asked_per_week, typed = (
            (int(found.group(1)), found.group(0).rsplit(" ", 2)[0]) if found else _posts_asked(turn.masked, span)
        )
        per_week = min(max(asked_per_week, 1), max_per_week)
        platforms = _platforms(turn, profile)  # "a week of posts for Facebook + Instagram": both, posts shared out
        platform = platforms[0]
        # No specialty in the message or the profile: the dates and formats of a plan, with general topics named as
        # such (drafts.yaml, extras.general_plan), never a GP's topics for a field our data does not hold.
        listed = _listed(turn.masked, limits.topics_listed if limits else None)
        unheld = names_unheld_profession(turn)  # "I'm an osteopath": no saved profile's field answers
        nearest = ""  # "Physiotherapy topics, the nearest field we hold to yours", in the title of an osteopath's plan
        if (
            specialty is None
            and unheld
            and (near := self.kb.specialties.get(getattr(turn, "nearest_field", None) or ""))
        ):
            specialty, nearest = near.id, near.name.split(" (")[0] + self.data.nearest_field_note
        no_field = specialty is None and (profile is None or unheld)
        general = self.data.extras.general_plan if no_field and not listed else None
        profile = _fitted(profile or ClinicProfile(platforms=platforms), turn, specialty)
        weeks = min(span.weeks, max_weeks)
        plan = plan_calendar(self.kb, profile, platforms, span.start, weeks, per_week, focus=turn.masked)
        # The span asked, to the day: "a 7-day plan" has no eighth day, "a month from 1 November" ends on the 30th.
        posts = sorted((p for p in plan.posts if span.start <= p.date <= span.end), key=lambda p: p.date)
        if span.dated and posts and posts[0].date > span.start and not posts[0].awareness:
            posts[0] = posts[0].model_copy(update={"date": span.start})  # "opening on 6 April": a post that day
        own_topics = {p.topic for p in posts}
        if listed:  # the asker's topics, in their order and in turn; awareness days only for a field we hold
            known = not no_field
            free = [n for n, p in enumerate(posts) if not (known and p.awareness)]
            for turn_of, n in enumerate(free):
                posts[n] = posts[n].model_copy(update={"topic": listed[turn_of % len(listed)], "awareness": None})
        plan = plan.model_copy(update={"posts": self._opening_first(turn.masked, posts)})
        if general is not None:
            topics = general.topics
            plan = plan.model_copy(
                update={
                    "posts": [
                        p.model_copy(update={"topic": topics[n % len(topics)], "awareness": None})
                        for n, p in enumerate(plan.posts)
                    ]
                }
            )
        # A week or so of posts is written out in the chat, captions and hashtags included: "write a week of posts"
        # asks for the posts. Longer plans list their topics; every caption is on the Editorial plan page.
        # Only posts that kept their own topic carry their own caption (an opening week's posts are retitled).
        written = (
            general is None
            and span.weeks == 1
            and len(plan.posts) <= _WRITTEN_OUT
            and {p.topic for p in plan.posts} <= own_topics
        )
        asked_hooks = limits.hooks_asked if limits else None  # "a caption hook for each post"
        hooks = not written and general is None and bool(asked_hooks and re.search(asked_hooks, turn.masked, re.I))
        lines, theme = _weeks(plan, written, hooks), _theme(turn.masked)
        specialty_name = self.kb.specialty(profile.specialty).name if profile.specialty in self.kb.specialties else ""
        specialty_name = "" if general is not None else specialty_name
        extra = self.plan_notes(f"{turn.masked} {specialty_name}", "\n".join(lines), _country_code(turn, profile))
        unnamed = general is not None and limits is not None and not re.search(limits.field_named, turn.masked, re.I)
        if general is not None and not unnamed:
            extra.insert(0, general.note)
        problems = self._asked_but_not_made(span, typed, asked_per_week, per_week)
        if span.weekday_named:  # "Monday 6 April" in a year when it is a Tuesday: the date wins, and we say so
            problems.insert(
                0, f"{span.start:%d %B %Y} is a {span.start:%A}, not a {span.weekday_named}: check the date."
            )
        if unnamed and limits:  # no field named at all is not "your field is not in our guides"
            problems.append(limits.no_field_note)
        about = theme or nearest or (limits.no_field_title if unnamed and limits else general.title if general else "")
        return Draft(
            kind="plan",
            platform=platform,
            title=span.title() + (f": {about}" if about else ""),
            text="\n".join(lines),
            alerts=len(problems),  # what was asked but not made: under the title, not after the weeks
            notes=[
                *problems,
                "The whole plan, with every caption and the exports for Hootsuite, Buffer and calendars, "
                "is on the Editorial plan page.",
                *(
                    []
                    if general is not None
                    else [
                        "Awareness days depend on the month you start; the plan adds the ones in these weeks for your "
                        "specialty and "
                        + (
                            "keeps a post on public holidays too, as a post a day was asked."
                            if per_week >= 7
                            else "skips your country's public holidays."
                        )
                    ]
                ),
                *extra,
            ],
        )

    def _asked_but_not_made(self, span, per_week_typed: str, asked_per_week: int, per_week: int) -> list[str]:
        # per_week_typed: the words that asked for a number of posts a week ("3 posts", "99 posts"), or ""
        """What the message asked that the plan does not do, in plain words: a date that does not exist or has
        passed, a length or a posting rhythm beyond what a plan holds (drafts.yaml, extras.limits)."""
        limits = self.data.extras.limits
        if limits is None:
            return []
        start = f"{span.start:%A %d %B %Y}"
        notes = []
        if span.impossible:  # "31 February" next falls in February 2027: that month and year, named
            asked, year = span.impossible
            number = list(calendar.month_name).index(asked.split()[-1])
            month, days = f"{calendar.month_name[number]} {year}", calendar.monthrange(year, number)[1]
            notes.append(limits.impossible_date.format(asked=asked, year=year, start=start, month=month, days=days))
        if span.passed:
            notes.append(limits.past_date.format(asked=span.passed, start=start))
        if span.asked and span.days < 7 * limits.max_plan_weeks:
            notes.append(limits.too_short.format(asked=span.asked, days=span.days))
        elif span.asked:
            notes.append(limits.too_long.format(asked=span.asked, weeks=limits.max_plan_weeks, days=span.days))
        if per_week_typed and per_week != asked_per_week:
            used = f"{per_week} post{'s' if per_week != 1 else ''}"
            notes.append(limits.per_week.format(asked=per_week_typed, used=used, max=limits.max_posts_per_week))
        return notes

    def _opening_first(self, text: str, posts: list) -> list:
        """The posts with an event's own posts first (a clinic opening: the opening day, the team, how to book);
        the first post is the event's, and later awareness-day posts keep their topic."""
        opening = next((o for o in self.data.extras.plan_openings if re.search(o.asked, text, re.IGNORECASE)), None)
        if opening is None:
            return posts
        if not posts:
            return posts
        posts[0] = posts[0].model_copy(update={"topic": opening.topics[0], "awareness": None})  # the day itself
        free = iter(n for n, p in enumerate(posts) if n and not p.awareness)
        for topic, n in zip(opening.topics[1:], free, strict=False):
            posts[n] = posts[n].model_copy(update={"topic": topic})
        return posts

    def plan_notes(self, asked: str, posts: str, country: str | None) -> list[str]:
        """The notes a plan carries for what it covers: the crisis line for a mental-health theme or practice, consent
        for patient stories (drafts.yaml, extras.plan_notes)."""
        from ..guardrails.scope import emergency_entry

        entry = emergency_entry(country)
        notes = []
        for note in self.data.extras.plan_notes:
            if not (
                (note.asked and re.search(note.asked, asked, re.IGNORECASE))
                or (note.posts and re.search(note.posts, posts, re.IGNORECASE))
            ):
                continue
            if "{crisis}" in note.say and (entry is None or not entry.crisis):
                notes.append(note.unknown or note.say)
            else:
                notes.append(note.say.format(crisis=entry.crisis, number=entry.number) if entry else note.say)
        return notes


def _fitted(profile: ClinicProfile, turn, specialty: str | None) -> ClinicProfile:
    """The clinic a plan is for: the saved profile, with the specialty and country the message names in their place
    ("a week of posts for our physio clinic in Cork" is a physiotherapist's week with Ireland's holidays, whatever
    the profile says)."""
    update: dict[str, object] = {}
    if specialty and specialty != profile.specialty:
        update["specialty"] = specialty
    country = getattr(turn, "country", None)
    if getattr(turn, "country_named", False) and country and len(country) == 2 and country.upper() != profile.country:
        update |= {"country": country.upper(), "region": ""}  # a region belongs to the saved country
    return profile.model_copy(update=update) if update else profile


_THEME = re.compile(
    r"\b(?:around|themed on|on the theme of|focused on|focusing on)\s+([\w'’ -]{3,40}?)"
    r"(?=\s+(?:in|for|on|from|during)\b|[,.;?!]|$)",
    re.IGNORECASE,
)


def _listed(text: str, pattern: str | None) -> list[str]:
    """The topics the message lists for its plan, as the asker wrote them ("Topics: how to register with us, sleep and
    alcohol." is "How to register with us", "Sleep and alcohol"); [] when it lists fewer than two."""
    found = re.search(pattern, text, re.IGNORECASE) if pattern else None
    if found is None:
        return []
    items = (re.sub(r"^(?:and|or|&)\s+", "", i.strip(" -•*\"'“”‘’")) for i in re.split(r"[,;]", found.group(1)))
    topics = [first_upper(i) for i in items if 0 < len(i.split()) <= 10]
    return topics if len(topics) >= 2 else []


def _theme(text: str) -> str:
    """The theme a plan is built around ("around back-to-school"), or ""."""
    found = _THEME.search(text)
    return found.group(1).strip() if found else ""


def _posts_asked(text: str, span) -> tuple[int, str]:
    """Posts a week the message asks for without saying "a week", and the words that asked when they gave a number
    (else ""): every day (7), Monday to Friday (5), the number of posts of a one-week plan ("a week of posts, 5
    posts"), once or twice a week, what the time the asker has allows ("30 minutes a week": 1); else 3."""
    if span.daily:
        return 7, ""
    if _WEEKDAYS.search(text):
        return 5, ""
    if span.weeks == 1 and (found := _POSTS_IN_WEEK.search(text)):
        return int(found.group(1)), found.group(0)
    if found := _ONCE.search(text):
        return _TIMES_A_WEEK[found.group(1).lower()], ""
    if found := _TIME_A_WEEK.search(text):
        number, unit = found.group(1).lower(), found.group(2).lower()
        amount = count_of(number) or 1  # "a"/"an" hour
        minutes = amount if unit.startswith("m") else 60 * amount
        return max(1, min(3, minutes // MINUTES_A_POST)), ""
    return 3, ""


def _weeks(plan, written: bool = False, hooks: bool = False) -> list[str]:
    """The plan week by week: each post's day, platform, format and topic, and the awareness day it marks; when
    `written`, each post's caption and hashtags under it; when `hooks`, its opening line."""
    lines: list[str] = []
    for week in range(1, plan.weeks + 1):  # by date: a post moved off a holiday shows in the week it falls in
        posts = [p for p in plan.posts if (p.date - plan.start).days // 7 + 1 == week]
        if not posts:
            continue
        lines.append(f"Week {week} (from {plan.start + dt.timedelta(days=7 * (week - 1)):%d %b})")
        for p in posts:
            day = f" · {p.awareness['name']}" if p.awareness else ""
            name = plan.platform_names.get(p.platform, p.platform)
            lines.append(f"- {p.date:%a %d %b} · {name} · {p.format_name}: {p.topic}{day}")
            if hooks and (first := next((x.strip() for x in p.caption.splitlines() if x.strip()), "")):
                lines.append(f"  Hook: {first}")
            if written:
                lines += [f"  {line}".rstrip() for line in p.caption.strip().splitlines()]
                lines += ["", f"  {' '.join(p.hashtags)}"] if p.hashtags else []
                lines.append("")
    return lines
