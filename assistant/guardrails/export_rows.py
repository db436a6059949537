"""Patient data in a pasted export without a header line: what some rows show of a column, every row holds.

A practice system's recall or follow-up list is often pasted without its column names, one patient a line split by
pipes, tabs or semicolons ("RCL|PT-004471|ADEYEMI, OLUWASEUN|19880412|5125558820|PERIO 3M"). The finders read
some of its cells (a name the name finder knows, a record number by its shape) and miss the same column in other
rows ("DE LA CRUZ, MARIA JOSE"), and its birth dates have no cue. Rows of the same shape are lined up: a column
where half the rows or more show a name is a name column, one where any row shows a record or national number
holds them all, and a column of full dates that differ from row to row, over more than one year, in rows that
hold patient data is the patients' birth dates (an appointment date is the same or close in every row). A column
of words just before such a birth-date column is then their names, and a column of codes with digits, different in
every row, their record numbers. Found in the thirty-fifth masking set.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from .spans import PhiSpan
from .tables import is_header

_SEPARATORS = ("|", "\t", ";")
_MIN_CELLS = 4  # a line split into fewer cells is a sentence with a pipe or two, not an export's row
_MIN_ROWS = 2
_NAME_WORD = r"[^\W\d_](?:[^\W\d_]|['’.-](?=[^\W\d_]))*\.?"
_NAME_CELL = re.compile(rf"{_NAME_WORD}(?:,?[ ]+{_NAME_WORD}){{0,5}}")
_DATE_CELL = re.compile(
    r"(?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|1[0-2])\1(?P<a>(?:19|20)\d\d)"
    r"|(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?P<b>(?:19|20)\d\d)"
    r"|(?P<c>(?:19|20)\d\d)([./-])(?:0?[1-9]|1[0-2])\5(?:0?[1-9]|[12]\d|3[01])"
    r"|(?P<d>(?:19|20)\d\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
)
_CODE_CELL = re.compile(r"(?=(?:[^\d\n]*\d){4})[A-Za-z0-9][A-Za-z0-9/-]{3,24}")
_NUMBER_KINDS = ("RECORD_NUMBER", "NATIONAL_ID")

Cell = tuple[int, int]


def export_columns(text: str, spans: list[PhiSpan]) -> list[tuple[str, int, int]]:
    """(kind, start, end) of the cells of headerless export rows that their column shows to be patient data."""
    found: list[tuple[str, int, int]] = []
    for rows in _row_groups(text):
        # Under a header line the columns are known by their names (tables.py): no need to line the rows up.
        if not is_header(text[rows[0][0][0] : rows[0][-1][1]]):
            found += _group_cells(text, rows, spans)
    return found


def _row_groups(text: str) -> Iterator[list[list[Cell]]]:
    """Runs of consecutive lines split by the same separator into the same number of cells (at least four)."""
    group: list[list[Cell]] = []
    shape: tuple[str, int] | None = None
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        cells, sep = _split(line, start)
        if cells and shape == (sep, len(cells)):
            group.append(cells)
            continue
        if len(group) >= _MIN_ROWS:
            yield group
        group, shape = ([cells], (sep, len(cells))) if cells else ([], None)
    if len(group) >= _MIN_ROWS:
        yield group


def _split(line: str, start: int) -> tuple[list[Cell], str]:
    for sep in _SEPARATORS:
        if line.count(sep) + 1 < _MIN_CELLS:
            continue
        cells, at = [], start
        for part in line.split(sep):
            lead = len(part) - len(part.lstrip())
            cells.append((at + lead, at + lead + len(part.strip())))
            at += len(part) + len(sep)
        return cells, sep
    return [], ""


def _without_header(text: str, rows: list[list[Cell]]) -> list[list[Cell]]:
    """`rows` less a first line of column names the tables do not know ("recensore;stelle;data;testo"): no digit in
    it, a digit in every row after it."""
    if any(c.isdigit() for c in text[rows[0][0][0] : rows[0][-1][1]]):
        return rows
    if all(any(c.isdigit() for c in text[row[0][0] : row[-1][1]]) for row in rows[1:]):
        return rows[1:]
    return rows


def _group_cells(text: str, rows: list[list[Cell]], spans: list[PhiSpan]) -> list[tuple[str, int, int]]:
    rows = _without_header(text, rows)
    if len(rows) < _MIN_ROWS:
        return []
    lo, hi = rows[0][0][0], rows[-1][-1][1]
    inside = sorted((s for s in spans if lo <= s.start and s.end <= hi), key=lambda s: s.start)
    if not inside:
        return []
    columns = [[row[j] for row in rows] for j in range(len(rows[0]))]
    kinds = [_shown_kind(text, column, inside) for column in columns]
    # Columns where the finders found something else (a phone) are not read as names, birth dates or records.
    free = [kinds[j] is None and not any(_covered(cell, inside) for cell in column) for j, column in enumerate(columns)]
    for j, column in enumerate(columns):
        if free[j] and _birth_dates(text, column):
            kinds[j], free[j] = "DATE_OF_BIRTH", False
    if "DATE_OF_BIRTH" in kinds and "NAME" not in kinds:
        _name_before(text, columns, kinds, free, kinds.index("DATE_OF_BIRTH"))
    if "NAME" in kinds and "DATE_OF_BIRTH" in kinds and not any(k in _NUMBER_KINDS for k in kinds):
        _record_column(text, columns, kinds, free)
    return [(kind, a, b) for kind, column in zip(kinds, columns, strict=True) if kind for a, b in column if b > a]


def _covered(cell: Cell, spans: list[PhiSpan]) -> list[PhiSpan]:
    """The spans inside a cell, of `spans` sorted by start (looked up by bisection: a long export stays fast)."""
    first = bisect_left(spans, cell[0], key=lambda s: s.start)
    last = bisect_left(spans, cell[1], lo=first, key=lambda s: s.start)
    return [s for s in spans[first:last] if s.end <= cell[1]]


def _shown_kind(text: str, column: list[Cell], spans: list[PhiSpan]) -> str | None:
    """The kind the found spans show for a column: a name in half its cells or more (each cell a name's words), or
    a birth date, a record or a national number in any of them (each cell a date or a code)."""
    shown = [s.kind for cell in column for s in _covered(cell, spans)]
    if shown.count("NAME") * 2 >= len(column) and all(_NAME_CELL.fullmatch(text[a:b]) for a, b in column):
        return "NAME"
    for kind in _NUMBER_KINDS:
        if kind in shown and all(_CODE_CELL.fullmatch(text[a:b].replace(" ", "")) for a, b in column):
            return kind
    if "DATE_OF_BIRTH" in shown and all(_DATE_CELL.fullmatch(text[a:b]) for a, b in column):
        return "DATE_OF_BIRTH"
    return None


def _birth_dates(text: str, column: list[Cell]) -> bool:
    """Whether every cell is a full date, each different, over more than one year."""
    matches = [_DATE_CELL.fullmatch(text[a:b]) for a, b in column]
    if not all(matches) or len({text[a:b] for a, b in column}) < len(column):
        return False
    years = {next(y for y in m.group("a", "b", "c", "d") if y) for m in matches if m}
    return len(years) > 1


def _distinct(text: str, column: list[Cell]) -> bool:
    return len({text[a:b] for a, b in column}) == len(column)


def _name_before(text: str, columns: list[list[Cell]], kinds: list[str | None], free: list[bool], birth: int) -> None:
    """The nearest column before the birth dates whose cells are words, each different: the patients' names."""
    for j in range(birth - 1, -1, -1):
        if not free[j]:
            return
        column = columns[j]
        if all(_NAME_CELL.fullmatch(text[a:b]) for a, b in column) and _distinct(text, column):
            kinds[j] = "NAME"
            return


def _record_column(text: str, columns: list[list[Cell]], kinds: list[str | None], free: list[bool]) -> None:
    """The first column of codes with four digits or more, each different: the patients' record numbers."""
    for j, column in enumerate(columns):
        if free[j] and kinds[j] is None and _distinct(text, column):
            if all(_CODE_CELL.fullmatch(text[a:b]) and not _DATE_CELL.fullmatch(text[a:b]) for a, b in column):
                kinds[j] = "RECORD_NUMBER"
                return


def between_rows(text: str, at: int) -> bool:
    """Whether the line break at `at` parts two rows of the same shape (split by one separator into as many cells)."""
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at + 1)
    before, sep = _split(text[lo:at], lo)
    after, other = _split(text[at + 1 : hi if hi >= 0 else len(text)], at + 1)
    return bool(before) and sep == other and len(before) == len(after)
