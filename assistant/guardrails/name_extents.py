"""Passes that carry a found name on to the words that belong to it: a surname joined by "bin" or a hyphened Arabic
article ("<given> bin <name> al-<surname>"), the middle initial after a name written surname first ("<SURNAME>,
<GIVEN> E"), the surname in capitals before a given name found after its comma ("<SURNAME>, <given>"), and the
given name after a titled surname and its comma ("Herr <surname>, <given>, geb. ...").

The finders read a name word by word; a part of it left readable still names the patient (thirty-seventh masking
set). The links are data (person_names.yaml `name_links`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ._data import guardrail_data, person_names, words
from .names import fold, is_given_name, is_surname, name_lists
from .spans import PhiSpan


@lru_cache(maxsize=1)
def _linked_words() -> re.Pattern[str]:
    """Links of a name and the capitalised word after each (" bin Rashid", " al-Qahtani"; person_names.yaml
    name_links), one or more in a row."""
    links = person_names().name_links
    spaced = "|".join(re.escape(w) for w in links if not w.endswith("-")) or "(?!)"
    joined = "|".join(re.escape(w) for w in links if w.endswith("-")) or "(?!)"
    return re.compile(rf"(?:[ ](?:(?:{spaced})[ ]|(?:{joined}))[A-ZÀ-Ý][^\W\d_]+(?:['’-][^\W\d_]+)*(?![\w-]))+")


def with_linked_surnames(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` with a name carried on across the links after it to the words they join ("<given> el-<surname>",
    "<given> bin <name> al-<surname>"): a list or the model finds the given name, and the surname written with its
    lower-case article is no word the lists hold (thirty-seventh masking set)."""
    out: list[PhiSpan] = []
    for s in spans:
        last = out[-1] if out else None
        if last is not None and s.start < last.end:  # a word of the surname found on its own ("Amin" of "el-Amin")
            if s.kind == "NAME" and s.end <= last.end:
                continue
        more = _linked_words().match(text, s.end) if s.kind == "NAME" else None
        if more:
            s = PhiSpan("NAME", s.start, more.end(), text[s.start : more.end()])
        out.append(s)
    return _without_overlaps(out)


def _without_overlaps(spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less any that starts inside the one before it (a carried-on name keeps its place)."""
    out: list[PhiSpan] = []
    for s in spans:
        if not out or s.start >= out[-1].end:
            out.append(s)
    return out


# A name written surname first, then a middle initial alone ("<SURNAME>, <GIVEN> E", "<Surname>, <Given> J").
_INITIAL_AFTER = re.compile(r"[ ]([A-Z])(?![\w'’-])")
# A surname in capitals and its comma right before a given name ("<SURNAME>, "), at the start of a field.
_SHOUTED_SURNAME_BEFORE = re.compile(r"(?:^|(?<=[\s:|—–(]))([^\W\d_a-z](?:[^\W\d_a-z]|['’-]){2,}), $")


def with_surname_first_parts(text: str, spans: list[PhiSpan], everyday: Callable[[str], bool]) -> list[PhiSpan]:
    """`spans` with a name written surname first carried on to its middle initial ("<SURNAME>, <GIVEN> E"), and a
    given name found alone carried back to the surname in capitals and the comma before it ("<SURNAME>, <given>"),
    a listed surname or no everyday word (`everyday`: "THE END, <name>" is none)."""
    out: list[PhiSpan] = []
    for k, s in enumerate(spans):
        if s.kind == "NAME":
            s = _with_surname_before(text, s, out[-1].end if out else 0, everyday)
            nxt = spans[k + 1].start if k + 1 < len(spans) else len(text)
            initial = _INITIAL_AFTER.match(text, s.end) if ", " in s.text else None
            if initial and initial.end() <= nxt:
                s = PhiSpan("NAME", s.start, initial.end(), text[s.start : initial.end()])
        out.append(s)
    return out


def _with_surname_before(text: str, span: PhiSpan, floor: int, everyday: Callable[[str], bool]) -> PhiSpan:
    """`span` from the surname in capitals written before it and its comma, if there is one after `floor`."""
    if ", " in span.text:
        return span
    before = _SHOUTED_SURNAME_BEFORE.search(text, max(floor, span.start - 40), span.start)
    if before is None or (everyday(before.group(1)) and not is_surname(before.group(1))):
        return span
    return PhiSpan("NAME", before.start(1), span.end, text[before.start(1) : span.end])


# A courtesy title, a surname and a comma, then the capitalised word after them, and a comma or a stop after that; and
# a birth cue or a number after the comma that follows a given name the lists do not hold ("..., <given>, geb. 1959").
_DATED_AFTER = re.compile(r"[ ]?,[ ]?(?:\d|geb\b|born\b|b\.|dob\b|d\.o\.b|nat[oa]\b|née?\b|\*)", re.IGNORECASE)
_GIVEN_AFTER = re.compile(r",[ ]([A-ZÀ-Ý][^\W\d_]+(?:-[A-ZÀ-Ý][^\W\d_]+)?)(?=[ ]?[,.;]|[ ]\()")


@lru_cache(maxsize=1)
def _title_before() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])(?:{words(guardrail_data().phi.titles)})\.?[ ]$", re.IGNORECASE)


def given_names_after_titled_surnames(
    text: str, spans: list[PhiSpan], everyday: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """(start, end) of the given name after a courtesy title, a surname found as a name and a comma ("Patient Herr
    <surname>, <given>, geb. 1959", as German notes write a patient surname first; forty-first masking set): a listed
    given name that is no common word followed by a comma, a stop or brackets, or a word that is no everyday word
    followed by a comma and a birth cue or a number ("Frau <surname>, Danke, ..." is none)."""
    common = name_lists().common
    found = []
    for s in spans:
        if s.kind != "NAME" or " " in s.text or not _title_before().search(text, max(0, s.start - 12), s.start):
            continue
        given = _GIVEN_AFTER.match(text, s.end)
        word = given.group(1) if given else ""
        dated = given is not None and _DATED_AFTER.match(text, given.end()) is not None
        if given and ((is_given_name(word) and fold(word) not in common) or (dated and not everyday(word))):
            found.append(given.span(1))
    return found
