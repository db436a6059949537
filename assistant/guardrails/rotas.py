"""A staff rota's rows ("Tue: Dr. <staff> 8–4 | Reception: <colleague>"): the weekday that labels a row and the
colleagues a role labels in it are no patient's name.

A rota pasted to be formatted as a table names the team, not patients; a weekday abbreviation at a row's start
("Thu", "Ven") is also a listed given name, and a colleague after "Reception:" or "NP" is no patient. A row of a
day's appointments ("Mo 09:00  Dr. Weber  Biopsie  <patient>") names no such role before the patient, who stays
masked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import patient_data, person_names
from .spans import PhiSpan

_ROW_GAP = r"(?:[ \t]*\([^()\n]{0,30}\))?(?:[ \t]*:|[ \t]{2,}|\t)"  # "Tue:", "Sat (1st & 3rd):", "Mon  "
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")


@lru_cache(maxsize=1)
def _row_label() -> re.Pattern[str]:
    """A weekday at a line's start, then a colon, brackets or a column's gap: the label of a rota's row."""
    days = "|".join(re.escape(d) for d in sorted(patient_data().births.weekdays, key=len, reverse=True))
    return re.compile(rf"(?im)^[ \t]*(?:{days})\.?{_ROW_GAP}")


@lru_cache(maxsize=1)
def _role_before() -> re.Pattern[str]:
    """A colleague's role right before a name in a rota's row, maybe a list of colleagues after it ("Hygiene: <a>,
    "), from person_names.yaml (name_context.rota_roles)."""
    context = person_names().name_context
    roles = context.rota_roles if context is not None and context.rota_roles else "(?!)"
    listed = r"(?:[^\W\d_][^\s,|:]*(?:[ ][^\W\d_][^\s,|:]*){0,3},[ \t]*)*"
    return re.compile(rf"(?:^|[\s(—–-])(?:{roles})(?:[ \t]+only)?[ \t]*:?[ \t]*{listed}$", re.IGNORECASE)


def _rows(text: str) -> list[tuple[int, int, int]]:
    """(start, end of its label, end) of each line that is a rota's row."""
    rows = []
    for m in _row_label().finditer(text):
        end = text.find("\n", m.end())
        rows.append((m.start(), m.end(), len(text) if end < 0 else end))
    return rows


def without_rota_staff(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less the weekday labelling a rota's row and the colleagues a role names in its rows, less another
    mention in a row of a colleague so named ("Fri  <colleague> 8–2" after "Locum: <colleague>"), and less an
    "address" run on into the next row ("9–5\nWed  Dr <staff>" is no "5 Wed Dr")."""
    rows = _rows(text)
    if not rows:
        return spans
    staff, words = [], set()
    for s in spans:
        row = next((r for r in rows if r[0] <= s.start and s.end <= r[2]), None)
        if s.kind != "NAME" or row is None:
            continue
        if s.end <= row[1]:
            staff.append(s)
            continue
        segment = text[max(row[1], text.rfind("|", row[1], s.start) + 1) : s.start]
        if _role_before().search(segment):
            staff.append(s)
            words.update(_NAME_WORD.findall(s.text))
    again = [
        s
        for s in spans
        if s.kind == "NAME"
        and s not in staff
        and words
        and set(_NAME_WORD.findall(s.text)) <= words
        and _in_row(s, rows)
    ]
    across = [s for s in spans if s.kind == "ADDRESS" and any(s.start < a < s.end for a, _, _ in rows)]
    return [s for s in spans if s not in staff and s not in again and s not in across]


def _in_row(span: PhiSpan, rows: list[tuple[int, int, int]]) -> bool:
    return any(a <= span.start and span.end <= b for a, _, b in rows)
