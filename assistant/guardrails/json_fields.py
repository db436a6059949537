"""Patient data in a pasted JSON payload: the string values of fields named like a patient-data column.

A booking system's webhook names its patient by its keys, not by any cue: '"patient":{"first":"Jarrah","last":
"Simpson-Dodd","dob":"2001-07-14"}'. A field whose key, folded like a table's column ("last_name", "data_nascita",
"patient_id"), is a name, birth-date, record or national-number column of patient_data.yaml `tables` has its value
masked as that kind. A key that names or numbers anything ("name", "nome", "id": a clinic's, a booking's) counts
only inside an object whose key is a patient's ("patient", "paziente"; `json_patient_objects`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import patient_data
from .tables import column_kinds, folded_column

# A key and its string value ('"last":"Simpson-Dodd"'), and a key that opens an object ('"patient":{').
_PAIR = re.compile(r'"([^"\\\n]{1,40})"[ \t]*:[ \t]*"([^"\\\n]{1,120})"')
_OBJECT = re.compile(r'"([^"\\\n]{1,40})"[ \t]*:[ \t]*\{$')
_BRACE = re.compile(r"[{}]")
_KEY_REACH = 48  # characters before an object's brace in which its key is read
_KINDS = frozenset({"NAME", "DATE_OF_BIRTH", "RECORD_NUMBER", "NATIONAL_ID"})


@lru_cache(maxsize=1)
def _keys() -> tuple[frozenset[str], frozenset[str]]:
    """(name and number keys that name or number anything, keys of a patient's object), folded."""
    t = patient_data().tables
    generic = frozenset(map(folded_column, (*t.json_generic_name_keys, *t.json_generic_record_keys)))
    return generic, frozenset(map(folded_column, t.json_patient_objects))


def json_fields(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each name, birth-date, record or national number in a JSON payload in `text`."""
    if '":' not in text and '" :' not in text:
        return []
    kinds, _ = column_kinds()
    generic, patients = _keys()
    marks = [(m.start(), m) for m in _BRACE.finditer(text)] + [(m.start(), m) for m in _PAIR.finditer(text)]
    objects: list[str | None] = []  # the keys of the objects open where the walk is, innermost last
    found = []
    for at, m in sorted(marks, key=lambda mark: mark[0]):
        if m.re is _BRACE:
            _walk_brace(text, at, objects)
            continue
        key = folded_column(m.group(1))
        kind = kinds.get(key)
        if kind not in _KINDS or not m.group(2).strip():
            continue
        if key in generic and (not objects or objects[-1] not in patients):
            continue
        found.append((kind, m.start(2), m.end(2)))
    return found


def _walk_brace(text: str, at: int, objects: list[str | None]) -> None:
    """Open an object at text[at] == "{" with the key before it, or close the innermost one."""
    if text[at] == "}":
        if objects:
            objects.pop()
        return
    key = _OBJECT.search(text[max(0, at - _KEY_REACH) : at + 1])
    objects.append(folded_column(key.group(1)) if key else None)


def json_system_numbers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each value of a field that numbers the booking or the message ('"booking_id":"BK-77120"')."""
    if '":' not in text and '" :' not in text:
        return []
    keys = frozenset(map(folded_column, patient_data().tables.json_not_record_keys))
    return [m.span(2) for m in _PAIR.finditer(text) if folded_column(m.group(1)) in keys]
