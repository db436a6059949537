"""A caption for an awareness day, week or month a message names: the authored post, else one on that day."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..knowledge.copy import fill
from .draft_caption_base import CaptionBase
from .draft_inputs import _country_code, _platform, _subject_tag, _with_tags, asker_field
from .models import Draft
from .occasions import awareness_caption, crisis_for, day_name, observance_in, when_it_falls

if TYPE_CHECKING:
    from ..profile import ClinicProfile


class DayCaptions(CaptionBase):
    """Captions for the awareness days the data knows, and for days it has no post about."""

    def awareness(self, turn, profile: ClinicProfile | None, specialty, values: dict[str, str]) -> Draft | None:
        """The caption for an awareness day or month the message names, or None."""
        data = self.data.extras.awareness
        observance = observance_in(self.kb, turn.masked) if data is not None else None
        if data is None or observance is None:
            return None
        platform = self.kb.platform(_platform(turn, profile))
        asked = asker_field(turn, profile, specialty)
        spec_id = asked if asked in self.kb.specialties else "general_practice"
        field = self._field(turn, profile, specialty)
        known = asked in self.kb.specialties or field is not None
        # No field known: the day's and general tags only, never a specialty's nobody named (#FamilyMedicine).
        excluded = () if known else ("specialty", "community", "branded", "local")
        tags = self._tags(spec_id, platform.id, None, values.get("city"), field, excluded)
        if re.search(data.remembrance_days, f"{observance.id} {observance.name}", re.IGNORECASE):
            tags = []  # the day's own hashtag only: no #IVF or #HealthTips under a post to bereaved parents
        drafted = awareness_caption(self.kb, observance, platform, values, _country_code(turn, profile), tags, data)
        if drafted is None:  # a day in the data with no authored post: a caption on that day, with its date
            name = day_name(observance)
            return self._day_caption(turn, profile, name, when_it_falls(observance, data, dt.date.today()), values)
        return drafted

    def _day_caption(self, turn, profile: ClinicProfile | None, day: str, when: str, values) -> Draft | None:
        """A caption for an awareness day with no authored post: on that day (never a neighbouring day's post),
        with its date when the data knows it and the crisis line for a mental-health day; facts left to add."""
        extras = self.data.extras
        if not extras.general_day_caption:
            return None
        platform = self.kb.platform(_platform(turn, profile))
        slots = {"day": day, "when": f"{when} " if when else "", "booking": "{booking}", "phone": "{phone}"}
        paragraphs = [fill(p.format(**slots), values) for p in extras.general_day_caption.split("\n\n")]
        if extras.awareness is not None and (crisis := crisis_for(day, extras.awareness, _country_code(turn, profile))):
            paragraphs.insert(-1, crisis)
        tag = _subject_tag(day)
        more = [
            fill(t.format(subject=day, Subject=day, booking="{booking}", phone="{phone}"), values)
            for t in extras.general_caption_more
        ]
        notes = [n for n in (extras.general_note, "" if when else extras.general_day_note) if n]
        return Draft(
            kind="caption",
            platform=platform.id,
            title=f"{platform.name} caption: {day}",
            text=_with_tags("\n\n".join(paragraphs), [tag] if tag else []),
            hashtags=[tag] if tag else [],
            alternatives=[_with_tags(m, [tag] if tag else []) for m in more],
            notes=notes,
        )
