"""Patient data in a pasted export: the cells under a name, birth-date or record column of a header line.

A booking or practice-system export pasted as text names patients by its layout, not by any cue:
"demographic_no,last,first,hin,phone" then "10442,Gagnon,Sophie,5981-442-117-ZA,613-555-0193". A header is a line
of column names split by one separator (comma, semicolon, tab, pipe, or columns lined up with runs of spaces) with a
name, birth-date or record column among them (two columns only when both are such columns: "Name;DOB"); each row
below it with that separator has its cells masked under those columns, and so are its phone column's numbers and the
cells of its address columns ("Address", "Street", "Suburb", "Postcode"). A row with more cells than the header
("BD-20417,Hollis, Grant,1985-02-11,...": a name written "last, first") lines up from both ends, the extra cells
going to the name column. The column words are data
(knowledge/data/patient_data.yaml, `tables`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import patient_data

# A pipe too, as practice systems print rows ("UHID | Name | DOB"); a markdown table's line that starts and ends
# with one ("| Sr | Name | Aadhaar |") is read without its outer pipes, and the line of dashes under its header is
# no row.
# Columns lined up with runs of spaces, as a printed list is pasted ("Patient      DOB         Mobile"): two spaces or
# more part its cells, a single one stays inside a cell ("O'Loughlin, Bridie"). Tried last (thirty-second masking set).
_ALIGNED = "  "
_SEPARATORS = (";", "\t", "|", ",", _ALIGNED)
# A patient's phone under a phone column of a table that names patients ("Name  DOB  Mobile"): a number of this many
# digits at least, whatever its shape (the phone finder may read a date beside it as part of the number).
_PHONE_MIN_DIGITS = 7
_ALIGNED_CELL = re.compile(r"[^ ]+(?: [^ ]+)*")
_FOLD = re.compile(r"[\s_\-.]+")
_MARKDOWN_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$")
_MARKDOWN_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?[ \t]*$")


def _column(cell: str) -> str:
    return _FOLD.sub("", cell.strip().strip("\"'").lower())


@lru_cache(maxsize=1)
def _columns() -> tuple[dict[str, str], frozenset[str]]:
    """The kind of data under each known column name, and the column names that hold none."""
    t = patient_data().tables
    kinds = {
        "NAME": t.name_columns,
        "DATE_OF_BIRTH": t.birth_columns,
        "RECORD_NUMBER": t.record_columns,
        "NATIONAL_ID": t.national_id_columns,
        "PHONE": t.phone_columns,
        "ADDRESS": t.address_columns,
    }
    return {_column(w): kind for kind, words in kinds.items() for w in words}, frozenset(map(_column, t.other_columns))


def folded_column(cell: str) -> str:
    """A column name as compared: lower case, no spaces, hyphens, underscores or stops ("Last_Name" -> "lastname")."""
    return _column(cell)


def column_kinds() -> tuple[dict[str, str], frozenset[str]]:
    """The kind of data under each known column name (folded), and the column names that hold none."""
    return _columns()


# Columns that make no header alone: a phone or an address column is a patient's only beside a name, a birth date or
# a record (a clinic's own list of branches has both).
_NOT_ALONE = (None, "PHONE", "ADDRESS")


def _header(line: str) -> tuple[str, list[str | None]] | None:
    """(separator, kind per column or None) when `line` is a header naming a patient-data column, else None."""
    columns, others = _columns()
    for sep in _SEPARATORS:
        cells = [_column(line[a:b]) for a, b in _cells(line, sep)]
        if len(cells) < 2 or any(not c or len(c) > 24 for c in cells):
            continue
        kinds = [columns.get(c) for c in cells]
        if len(cells) == 2 and not all(kinds):  # two columns only when both hold patient data ("Name;DOB")
            continue
        known = sum(k is not None or c in others for k, c in zip(kinds, cells, strict=True))
        if any(k not in _NOT_ALONE for k in kinds) and 2 * known >= len(cells):
            return sep, kinds
    return None


def is_header(line: str) -> bool:
    """Whether `line` is a header line of column names with a patient-data column ("Name|DOB|Phone")."""
    markdown = _MARKDOWN_ROW.match(line)
    return _header(markdown.group(1) if markdown else line) is not None


def _cells(line: str, sep: str) -> list[tuple[int, int]]:
    """(start, end) in `line` of each of its cells split by `sep` (for aligned columns, each run of words)."""
    if sep == _ALIGNED:
        return [m.span() for m in _ALIGNED_CELL.finditer(line)]
    spans, at = [], 0
    for cell in line.split(sep):
        spans.append((at, at + len(cell)))
        at += len(cell) + len(sep)
    return spans


def table_cells(text: str) -> tuple[list[tuple[str, int, int]], list[tuple[int, int]]]:
    """(kind, start, end) of each cell under a patient-data column in the rows that follow a header line, and the
    (start, end) of the header lines themselves (column names, never patient data: "Patient,Mobile,Type")."""
    if "\n" not in text:
        return [], []
    found: list[tuple[str, int, int]] = []
    headers: list[tuple[int, int]] = []
    header: tuple[str, list[str | None]] | None = None
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if header is not None and header[0] == "|" and _MARKDOWN_RULE.match(line):
            continue
        markdown = _MARKDOWN_ROW.match(line)
        if markdown:  # the cells between the outer pipes
            start, line = start + markdown.start(1), markdown.group(1)
        if header is None or header[0] not in line:
            header = _header(line)
            if header is not None:
                headers.append((start, start + len(line)))
            continue
        sep, kinds = header
        found += _row(line, start, sep, kinds)
    return found, headers


def _row(line: str, start: int, sep: str, kinds: list[str | None]) -> list[tuple[str, int, int]]:
    """The patient-data cells of one row, lined up with the header's `kinds`."""
    spans = [(start + a, start + b) for a, b in _cells(line, sep)]
    extra = len(spans) - len(kinds)
    if extra < 0 or (extra and sep == _ALIGNED):  # aligned cells keep "last, first" whole: a longer row is no row
        return []
    if extra:  # "Hollis, Grant": the extra cells belong to the (first) name column
        name_at = kinds.index("NAME") if "NAME" in kinds else None
        if name_at is None:
            return []
        merged = (spans[name_at][0], spans[name_at + extra][1])
        spans = spans[:name_at] + [merged] + spans[name_at + extra + 1 :]
    out = []
    for kind, (a, b) in zip(kinds, spans, strict=True):
        cell = line[a - start : b - start]
        lead = len(cell) - len(cell.lstrip(" \"'"))
        trail = len(cell) - len(cell.rstrip(" \"'"))
        text = line[a + lead - start : b - trail - start]
        if kind == "PHONE" and sum(c.isdigit() for c in text) < _PHONE_MIN_DIGITS:
            continue
        if kind and b - trail > a + lead and not _not_a_patients(text):
            out.append((kind, a + lead, b - trail))
    return out


@lru_cache(maxsize=1)
def _not_patient_cell() -> re.Pattern[str] | None:
    pattern = patient_data().tables.not_patient_cell
    return re.compile(pattern, re.IGNORECASE) if pattern else None


def _not_a_patients(cell: str) -> bool:
    """Whether a schedule's cell is no patient's: a clinician's own row, a role in brackets, a free slot."""
    pattern = _not_patient_cell()
    return pattern is not None and pattern.search(cell) is not None


_HEADER_REACH = 60  # lines above a row in which its header is looked for


def _header_above(text: str, line_start: int, sep: str) -> str | None:
    """The nearest line above `line_start` that holds `sep` and no digit: the header of the row's table."""
    end = line_start - 1
    for _ in range(_HEADER_REACH):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if sep in line and not any(ch.isdigit() for ch in line):
            return line
        end = start - 1
    return None


def in_other_column(text: str, at: int) -> bool:
    """Whether `at` lies in a cell under a column that its header names as no patient data's ("Date" in a review
    export): a review's date there is not the reviewer's birth date."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    columns, others = _columns()
    for sep in ("|", ";", "\t"):
        if sep not in line:
            continue
        header = _header_above(text, line_start, sep)
        cells = header.split(sep) if header is not None else []
        index = line.count(sep, 0, at - line_start)
        name = _column(cells[index]) if index < len(cells) else ""
        return name in others and name not in columns
    return False
