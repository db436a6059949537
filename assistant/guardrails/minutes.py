"""The minutes of a team meeting: the people on its attendance line ("Present: Dr. <staff>, <colleague> (RDH)") are
the team, not patients, and so are their later mentions in the minutes ("<colleague> to file the warranty claim").

Only when the message speaks of a meeting or its minutes (person_names.yaml name_context.minutes_cue) and a line
starts with an attendance label ("Present:", "Attendees:", "Presenti:", "Anwesend:"; name_context.attendance_labels).
A patient named in an item of the minutes ("complaint from <patient>") stays masked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import person_names
from .spans import PhiSpan, without_people


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a meeting or its minutes named, an attendance line of the minutes) from the data."""
    context = person_names().name_context
    minutes = context.minutes_cue if context is not None and context.minutes_cue else "(?!)"
    labels = context.attendance_labels if context is not None and context.attendance_labels else "(?!)"
    return re.compile(minutes, re.IGNORECASE), re.compile(rf"(?im)^[ \t]*(?:{labels})[ \t]*:[^\n]*")


def without_meeting_attendees(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less the names on a meeting's attendance line and their other mentions in the minutes."""
    minutes, attendance = _cues()
    if not any(s.kind == "NAME" for s in spans) or not minutes.search(text):
        return spans
    lines = [m.span() for m in attendance.finditer(text)]
    attendees = [s for s in spans if s.kind == "NAME" and any(a <= s.start and s.end <= b for a, b in lines)]
    return without_people(spans, attendees)
