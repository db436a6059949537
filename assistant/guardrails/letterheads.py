"""Office numbers on a letterhead or a fax header: the sending hospital's or practice's lines, not a patient's.

Patients do not send faxes. A line that labels a number as a fax ("FROM: <hospital>   TEL <number>   FAX <number>",
"<Klinik>  Tel. <number>  Fax <number>") is an institution's header, and the numbers labelled there as its fax or
its telephone are the institution's. A mobile labelled on the same line ("mob", "Handy") is still masked. The labels
are data (patient_data.yaml phones.fax_labels, office_line_labels).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import patient_data
from .spans import PhiSpan

_GAP = r"[ \t]*[:.#]?[ \t]*(?:no\.?|nr\.?|number)?[ \t]*[:.]?[ \t]*$"  # between a label and its number


@lru_cache(maxsize=1)
def _labels() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """A fax label anywhere on a line, and an office label (a fax's too) right before a number."""
    phones = patient_data().phones
    if not phones.fax_labels:
        return None
    fax = "|".join(f"(?:{p})" for p in phones.fax_labels)
    office = "|".join(f"(?:{p})" for p in (*phones.fax_labels, *phones.office_line_labels))
    return (
        re.compile(rf"(?<![\w-])(?:{fax})(?![\w-])[ \t]*[:.]?[ \t]*[+(]?\d", re.IGNORECASE),
        re.compile(rf"(?<![\w-])(?:{office})(?![\w-]){_GAP}", re.IGNORECASE),
    )


def _line_of(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def without_letterhead_phones(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less the phone numbers labelled as an office's line or a fax on a line that gives a fax number."""
    labels = _labels()
    if labels is None or not any(s.kind == "PHONE" for s in spans):
        return spans
    fax, office = labels

    def sender_line(s: PhiSpan) -> bool:
        start, end = _line_of(text, s.start)
        before = text[max(start, s.start - 24) : s.start]
        return bool(office.search(before)) and bool(fax.search(text, start, end))

    return [s for s in spans if not (s.kind == "PHONE" and sender_line(s))]
