"""A privacy notice's officers: the controller and the data protection officer it names ("Titolare del trattamento:
Dott. <staff>", "Responsabile della Protezione dei Dati: Avv. <name>", "Datenschutzbeauftragter: Herr Rechtsanwalt
<name>") are the practice and its adviser, not patients, and so are their other mentions ("Kanzlei <surname> & ...").

The roles are data (person_names.yaml name_context.privacy_officers); the label read as a name ("Verantwortlich:")
is dropped too. A patient named elsewhere in the notice stays masked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import person_names
from .spans import PhiSpan, role_label, without_people

_REACH = 60  # characters after the role's colon, on its line, in which its officer's name starts


@lru_cache(maxsize=1)
def _role() -> re.Pattern[str]:
    """A privacy officer's role, then its colon and the rest of the line."""
    context = person_names().name_context
    return role_label(context.privacy_officers if context is not None else None)


def _line_end(text: str, at: int) -> int:
    """Where the officer's name must start by: `_REACH` characters after the role's colon, on its line."""
    end = text.find("\n", at)
    return min(at + _REACH, len(text) if end < 0 else end)


def without_privacy_officers(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less a privacy notice's officers, their role labels read as names and their other mentions."""
    if not any(s.kind == "NAME" for s in spans):
        return spans
    labels = [(m.start(), _line_end(text, m.end())) for m in _role().finditer(text)]
    if not labels:
        return spans
    officers = [s for s in spans if s.kind == "NAME" and any(a <= s.start < b for a, b in labels)]
    return without_people(spans, officers)
