"""Contacts who are no patients, named after their role as a label: a supplier's rep on a quote ("rep: <name>
(<firm>)", "Ansprechpartner: Herr <name>"), the officials under a club's, a school's or a nursery's list of members
("Head coach: <name>", "Jugendwart: <name>", "School nurse: Mrs. <name>") and a pharmacy's pharmacist.

The roles are data (person_names.yaml name_context.contact_roles). A name counts when it starts in the role's cell:
after its colon, up to the line's end or the next "|" or ";", so a patient in the next cell stays masked. The label
read as a name ("Kita-Leitung") is dropped too, and so are the name's other mentions and a phone number or an e-mail
written after the name in its cell (the contact's work line, not a patient's).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import person_names
from .spans import PhiSpan, role_label, without_people

_REACH = 60  # characters after the role's colon in which its holder's name starts
# A contact's name, and the work phone or e-mail written with it in the same cell ("Herr <name>, <phone>").
_BUSINESS_KINDS = frozenset({"NAME", "PHONE", "EMAIL"})


@lru_cache(maxsize=1)
def _role() -> re.Pattern[str]:
    """A contact's role, then its colon."""
    context = person_names().name_context
    return role_label(context.contact_roles if context is not None else None)


def _cell_end(text: str, at: int) -> int:
    """Where the contact's name must start by: `_REACH` characters after the colon, within its line and cell."""
    ends = [text.find(stop, at) for stop in ("\n", "|", ";")]
    return min([at + _REACH, len(text)] + [end for end in ends if end >= 0])


def without_labelled_contacts(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less the names after a non-patient's role label, the label read as a name and their other mentions."""
    if not any(s.kind == "NAME" for s in spans):
        return spans
    cells = [(m.start(), _cell_end(text, m.end())) for m in _role().finditer(text)]
    if not cells:
        return spans
    contacts = [s for s in spans if s.kind in _BUSINESS_KINDS and any(a <= s.start < b for a, b in cells)]
    if not any(s.kind == "NAME" for s in contacts):
        return spans
    return without_people(spans, contacts)
