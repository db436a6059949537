"""A staff rota's rows ("Tue: Dr. <staff> 8–4 | Reception: <colleague>"): the weekday that labels a row and the
colleagues a role labels in it are no patient's name.

A rota pasted to be formatted as a table names the team, not patients; a weekday abbreviation at a row's start
("Thu", "Ven") is also a listed given name, and a colleague after "Reception:" or "NP" is no patient. A row of a
day's appointments ("Mo 09:00  Dr. Weber  Biopsie  <patient>") names no such role before the patient, who stays
masked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ._data import patient_data, person_names, words
from .spans import PhiSpan

_ROW_GAP = r"(?:[ \t]*\([^()\n]{0,30}\))?(?:[ \t]*:|[ \t]{2,}|\t)"  # "Tue:", "Sat (1st & 3rd):", "Mon  "
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")
_LAST = 1 << 62  # sorts after any row that starts where a span does
_ROLE_REACH = 120  # characters before a name in which its role and the colleagues listed after the role are read


@lru_cache(maxsize=1)
def _row_label() -> re.Pattern[str]:
    """A weekday at a line's start, then a colon, brackets or a column's gap: the label of a rota's row."""
    days = words(patient_data().births.weekdays)
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


@lru_cache(maxsize=1)
def _role_after() -> re.Pattern[str]:
    """A colleague's role written as a name's last word in a rota's row ("Mo: Dr. <staff> 8-16, <given> Empfang
    7:30-15"; person_names.yaml name_context.rota_roles)."""
    context = person_names().name_context
    roles = context.rota_roles if context is not None and context.rota_roles else "(?!)"
    return re.compile(rf"[ ](?:{roles})$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _role_line() -> re.Pattern[str]:
    """A roster's line that opens with a role and a colon, a courtesy title maybe after it, and names the days of the
    shift ("Optometrist: Mr. <given> (Tue–Sat)"): the colleague who holds the role (thirty-eighth masking set)."""
    context = person_names().name_context
    roles = context.rota_roles if context is not None and context.rota_roles else "(?!)"
    days = words(patient_data().births.weekdays)
    return re.compile(
        rf"(?im)^[ \t]*(?:{roles})[ \t]*:[ \t]*(?:(?:mrs?|ms|miss|mx|dr|frau|herr|sig\.ra|sig|dott)\.?[ ]+)?"
        rf"(?=[^\n]*\b(?:{days})\b)"
    )


def without_rota_staff(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less the weekday labelling a rota's row and the colleagues a role names in its rows (before the name,
    or as its last word: "<given> Empfang"), less another mention in a row of a colleague so named ("Fri  <colleague>
    8–2" after "Locum: <colleague>"), less an "address" run on into the next row ("9–5 / Wed  Dr <staff>" over a line
    break is no "5 Wed Dr"), and less the colleague a roster's role line names (_role_line)."""
    rows = _rows(text)
    holders = {m.end() for m in _role_line().finditer(text)}
    if holders:
        spans = [s for s in spans if not (s.kind == "NAME" and s.start in holders)]
    if not rows:
        return spans
    dropped: set[tuple[int, int]] = set()
    words: set[str] = set()
    for s in spans:
        row = _row_of(s, rows)
        if s.kind != "NAME" or row is None:
            continue
        if s.end <= row[1]:
            dropped.add((s.start, s.end))
            continue
        segment = text[max(row[1], text.rfind("|", row[1], s.start) + 1, s.start - _ROLE_REACH) : s.start]
        if _role_before().search(segment) or _role_after().search(s.text):
            dropped.add((s.start, s.end))
            words.update(w for w in _NAME_WORD.findall(s.text) if not _role_after().search(" " + w))
    for s in spans:
        again = s.kind == "NAME" and bool(words) and set(_NAME_WORD.findall(s.text)) <= words
        if (again and _row_of(s, rows) is not None) or (
            s.kind == "ADDRESS" and any(s.start < a < s.end for a, _, _ in rows)
        ):
            dropped.add((s.start, s.end))
    return [s for s in spans if (s.start, s.end) not in dropped]


def _row_of(span: PhiSpan, rows: list[tuple[int, int, int]]) -> tuple[int, int, int] | None:
    """The rota row that holds `span`, or None (`rows` in order: found by bisection)."""
    k = bisect_right(rows, (span.start, _LAST, _LAST)) - 1
    return rows[k] if k >= 0 and span.end <= rows[k][2] else None
