"""Patient data in a pasted contact card (vCard, "BEGIN:VCARD" ... "END:VCARD"): its name, address and birthday.

A card names its person by its property names, not by any cue: "N:Whitehead-Paewai;Aroha;;;", "ADR;TYPE=HOME:;;Unit
4/18 Esplanade;Redcliffe;QLD;4020;Australia", "BDAY:--0419". In a message holding a card, the value of a name property
is masked as a name (each part of "N" on its own), an address property's parts from the street to the postcode as one
address (the country left), and a birthday property's value as a birth date. The property names are data
(patient_data.yaml `vcard`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import patient_data, words

_BEGIN = re.compile(r"^BEGIN:VCARD\b", re.IGNORECASE | re.MULTILINE)
_PART = re.compile(r"[^;]+")
_COUNTRY = 6  # the country's place among an address's parts (post box, extension, street, town, region, code)


@lru_cache(maxsize=1)
def _property() -> re.Pattern[str]:
    """A card's line: its property (maybe after a group, "item1."), its parameters, then its value."""
    card = patient_data().vcard
    names = words((*card.name_properties, *card.address_properties, *card.birth_properties))
    return re.compile(rf"^(?:[\w-]{{1,20}}\.)?({names})(?:;[^:\n]{{0,120}})?:[ \t]*([^\n]*?)[ \t]*$", re.I | re.M)


def _kind(prop: str) -> str:
    card = patient_data().vcard
    if prop.upper() in (p.upper() for p in card.address_properties):
        return "ADDRESS"
    return "DATE_OF_BIRTH" if prop.upper() in (p.upper() for p in card.birth_properties) else "NAME"


def _parts(kind: str, prop: str, start: int, value: str) -> list[tuple[str, int, int]]:
    """The spans of one property's value that starts at `start`."""
    if kind == "NAME" and prop.upper() == "N":
        return [(kind, start + m.start(), start + m.end()) for m in _PART.finditer(value) if m.group().strip()]
    if kind == "ADDRESS":
        place = [(a, b) for a, b, i in _indexed(value, start) if i < _COUNTRY and value[a - start : b - start].strip()]
        return [(kind, place[0][0], place[-1][1])] if place else []
    return [(kind, start, start + len(value))] if value.strip() else []


def _indexed(value: str, start: int) -> list[tuple[int, int, int]]:
    """(start, end, place) of each ";"-separated part of `value`, empty ones included."""
    found, at = [], 0
    for i, part in enumerate(value.split(";")):
        found.append((start + at, start + at + len(part), i))
        at += len(part) + 1
    return found


def vcard_fields(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each name, address and birthday in a contact card pasted in `text`."""
    if not _BEGIN.search(text):
        return []
    found = []
    for m in _property().finditer(text):
        kind = _kind(m.group(1))
        found += _parts(kind, m.group(1), m.start(2), m.group(2))
    return found
