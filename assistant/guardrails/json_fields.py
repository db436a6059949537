"""Patient data in a pasted JSON payload: the string values of fields named like a name or a birth-date column.

A booking system's webhook names its patient by its keys, not by any cue: '"patient":{"first":"Jarrah","last":
"Simpson-Dodd","dob":"2001-07-14"}'. A field whose key, folded like a table's column ("last_name", "data_nascita"),
is a name or a birth-date column of patient_data.yaml `tables` has its value masked as that kind. A name key that
names anything ("name", "nome": a clinic's, a doctor's) counts only inside an object whose key is a patient's
("patient", "paziente"; `json_patient_objects`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import patient_data
from .tables import column_kinds, folded_column

# A key and its string value ('"last":"Simpson-Dodd"'), and a key that opens an object ('"patient":{').
_PAIR = re.compile(r'"([^"\\\n]{1,40})"[ \t]*:[ \t]*"([^"\\\n]{1,120})"')
_OBJECT = re.compile(r'"([^"\\\n]{1,40})"[ \t]*:[ \t]*\{')
_BRACE = re.compile(r"[{}]")
_KEY_REACH = 48  # characters before an object's brace in which its key is read
_KINDS = frozenset({"NAME", "DATE_OF_BIRTH"})


@lru_cache(maxsize=1)
def _keys() -> tuple[frozenset[str], frozenset[str]]:
    """(name keys that name anyone, keys of a patient's object), folded."""
    t = patient_data().tables
    return frozenset(map(folded_column, t.json_generic_name_keys)), frozenset(
        map(folded_column, t.json_patient_objects)
    )


def json_fields(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each name or birth-date value in a JSON payload in `text`."""
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
        if kind == "NAME" and key in generic and (not objects or objects[-1] not in patients):
            continue
        found.append((kind, m.start(2), m.end(2)))
    return found


def _walk_brace(text: str, at: int, objects: list[str | None]) -> None:
    """Open an object at text[at] == "{" with the key before it, or close the innermost one."""
    if text[at] == "}":
        if objects:
            objects.pop()
        return
    key = _OBJECT.search(text, max(0, at - _KEY_REACH), at + 1)
    objects.append(folded_column(key.group(1)) if key and key.end() == at + 1 else None)
