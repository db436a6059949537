"""A patient's name in a form's field: a label at a line's start, a colon, and the name as a scanned form, an intake
sheet or a practice system's print sets it.

"Pt:   Leblanc,  Marie-Ève", "Paziente:  BIANCHI Francesca     C.F. ...", "Pz:  Kowalska  Marta   /  nata a ...": the
name's words may stand two spaces apart, surname first with a comma or not, in capitals or not, an initial last; three
spaces or more, a slash or the line's end close the field. The words must read as a full name: each capitalised, none
an everyday word the name lists do not hold, one a listed given name or a listed surname that is no everyday word
("Pt: Knee Pain" is none). The labels are data (knowledge/data/guardrails.yaml, `phi.form_name_labels`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ._data import guardrail_data, words
from .names import NameLists, dates_words, fold, name_lists
from .neighbours import places as _places_words

# A word of a name: letters, an apostrophe or a hyphen inside ("D'Souza", "Marie-Ève"), or an initial ("M.").
_WORD = r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*\.?"
_FIELD_END = r"(?=[ \t]{3,}|\t|[ \t]*(?:$|[/|;(]))"


@lru_cache(maxsize=1)
def _field() -> re.Pattern[str]:
    labels = guardrail_data().phi.form_name_labels
    # A courtesy title before the name is no part of it ("Name: Smt. <given> <surname>"; thirty-eighth masking set).
    title = rf"(?:(?-i:{words(guardrail_data().phi.titles)})\.?[ ]+)?"
    return re.compile(
        rf"^[ \t]*(?:{labels})\.?[ \t]*:[ \t]*{title}(?P<n>{_WORD}(?:,?[ ]{{1,2}}{_WORD}){{1,3}}){_FIELD_END}",
        re.IGNORECASE | re.MULTILINE,
    )


def _full_name(words: list[str], everyday: Callable[[str], bool]) -> bool:
    """Whether a form's words are a full name (see the module's note); initials are left out before."""
    lists = name_lists()
    folded = [fold(w) for w in words]
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    if any(f in lists.function_words for f in folded):
        return False
    listed = [f in lists.given or f in lists.surnames for f in folded]
    if any(everyday(w) and not k for w, k in zip(words, listed)):
        return False
    return any(f in lists.given or (f in lists.surnames and not everyday(w)) for w, f in zip(words, folded))


def names_in_form_fields(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of each full name in a form's patient field; an initial after it is part of it ("Rosa M.")."""
    return [
        match.span("n")
        for match in _field().finditer(text)
        if _full_name([w for w in re.split(r",?[ ]+", match.group("n")) if len(w.rstrip(".")) > 1], everyday)
    ]


# Between a field's label and its value: a colon, maybe a line break after it; a line break alone (a card's OCR
# prints the label above the name); or two spaces or more (a form's columns). Forty-first masking set.
_LABEL_TO_VALUE = r"(?:[ \t]*:[ \t]*(?:\n[ \t]*)?|[ \t]*\n[ \t]*|[ \t]{2,})"
_NAME_PART = r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))+"


@lru_cache(maxsize=2)
def _part_field(labels: str, most: int) -> re.Pattern[str]:
    """A form's field for one part of a name, its label at a line's start, then up to `most` words to the line's end
    ("Surname: <SURNAME>", "Cognome: <Cognome>", "VORNAME" and "<NAME>" on the next line)."""
    return re.compile(
        rf"^[ \t]*(?:{labels})\.?{_LABEL_TO_VALUE}(?P<n>{_NAME_PART}(?:[ ]{_NAME_PART}){{0,{most - 1}}})[ \t]*$",
        re.IGNORECASE | re.MULTILINE,
    )


def surnames_in_surname_fields(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of the word in a form's surname field, and of the given names in its given-name field: each word
    capitalised, a listed name or no everyday word ("Surname: Smith" and "Surname: CHAN" are; "Surname: Unknown" is
    not; guardrails.yaml `phi.surname_field_labels`, `phi.given_field_labels`)."""
    lists = name_lists()
    phi = guardrail_data().phi
    found = []
    for labels, most, listed in (
        (phi.surname_field_labels, 1, lists.surnames),
        (phi.given_field_labels, 3, lists.given),
    ):
        for match in _part_field(labels, most).finditer(text):
            words = match.group("n").split()
            if all(_a_fields_name(w, listed, lists, everyday) for w in words):
                found.append(match.span("n"))
    return found


def _a_fields_name(word: str, listed: frozenset[str], lists: NameLists, everyday: Callable[[str], bool]) -> bool:
    """Whether a word in a name's field is a name: capitalised, no function word, and a listed name that is no common
    word or no everyday word at all."""
    folded = fold(word)
    if not word[:1].isupper() or folded in lists.function_words:
        return False
    return (folded in listed and folded not in lists.common) or not everyday(word)


# A calendar event's title: the procedure, a dash and the patient's full name, given name first, before the
# clinician in brackets or the line's end ("SUMMARY:Skin check - <given> <surname> (Dr <staff>)", "SUMMARY:Estrazione
# 48 - <given> <surname>"), as a shared calendar's event is typed (thirty-fifth masking set).
_EVENT_TITLE = re.compile(
    rf"^SUMMARY[^:\n]{{0,40}}:[^\n]{{0,80}}?[ ][–—-][ ](?P<n>{_WORD}(?:[ ]{_WORD}){{1,3}})(?=[ ]*(?:\(|\r?$))",
    re.MULTILINE,
)


def names_in_event_titles(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of the full name, given name first, that ends a calendar event's title after a dash."""
    return [m.span("n") for m in _EVENT_TITLE.finditer(text) if _full_name(m.group("n").split(), everyday)]


# A surname first in a printed schedule's or a calendar's column: after two spaces or more, a tab, or a dash, then
# "Surname, Given", "Surname, I." or "SURNAME I.", up to two spaces or more, a tab or the line's end ("Mo 09:00  Dr.
# Weber  Biopsie    Said, Amira", "10:20   Dr Mehta   Pawar, S.", "SUMMARY:Crown seat - Kowalczyk, Tomasz").
_SURNAME = r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))+"
_COLUMN = re.compile(
    rf"(?:(?<=[ \t]{{2}})|(?<=\t)|(?<=[ \t][–—-][ \t]))(?P<s>{_SURNAME})"
    rf"(?:,[ ]{{1,2}}(?P<g>{_SURNAME}|[A-Z]\.?)|[ ](?P<i>[A-Z]\.))(?=[ \t]{{2,}}|\t|[ \t]*$)",
    re.MULTILINE,
)
# Words of a schedule that may stand where a surname does: a room and its letter ("Sala, B"), a plan ("Plan B.").
_NOT_SURNAMES = frozenset("room sala salle raum zimmer box bay chair stanza studio suite poltrona cabinet".split())


def surnames_first_in_columns(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of each surname-first name in a schedule's column (_COLUMN): with a given name, the given name
    listed and no everyday word ("Said, Amira"), or the surname listed and no everyday word; with an initial, a
    surname that is no everyday word (listed or not: "Nkemelu C."), or a listed one in capitals ("ROSSI G.")."""
    lists, everyday = name_lists(), lru_cache(maxsize=256)(everyday)  # a long schedule repeats its words
    found = []
    for match in _COLUMN.finditer(text):
        written, given = match.group("s"), match.group("g") or ""
        surname, folded = written.title() if written.isupper() else written, fold(written)
        if folded in _NOT_SURNAMES or surname.lower() in _places_words():
            continue
        if len(given.rstrip(".")) > 1:
            ok = (fold(given) in lists.given and not everyday(given)) or (
                folded in lists.surnames and not everyday(surname) and folded not in lists.function_words
            )
        else:  # an initial: a surname that is no everyday word, or a listed one printed in capitals ("ROSSI G.")
            listed = folded in lists.surnames and folded not in lists.function_words
            ok = folded not in lists.function_words and (not everyday(surname) or (listed and written.isupper()))
        if ok:
            found.append(match.span())
    return found


# A surname in capitals, a comma and the given name, as a laboratory's or a hospital's system prints a patient in an
# e-mail's subject or a report's header ("Histology – MARCHETTI, Leopold – Lab No ...", "Results – PARK, SOO-AH").
_SHOUTED_FIRST = re.compile(
    r"(?<![\w'’-])(?P<s>[A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]{2,})?),[ ]?"
    r"(?P<g>[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?|[A-Z]{2,3}-[A-Z]{2,4}|[A-Z][A-Z'’]+)(?![\w'’-])(?![ ]?[A-Z]{2,},)"
)
_SYLLABLES = re.compile(r"[A-Z]{2,3}-[A-Z]{2,4}")  # a Korean given name in capitals ("HYE-JIN")


def shouted_surnames_first(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """A surname in capitals, a comma and a listed given name (or a Korean one in capitals): a patient as a report's
    system prints them. The surname's words must be listed surnames that are no common words, or no everyday words
    ("NOTE, Grace" and "SUMMER, Grace" are none)."""
    lists = name_lists()
    read: dict[str, bool] = {}  # each word read once: a shouted list repeats its words

    def surname(word: str) -> bool:
        if word not in read:
            folded = fold(word)
            read[word] = (folded in lists.surnames and folded not in lists.common) or not everyday(word)
        return read[word]

    found = []
    for m in _SHOUTED_FIRST.finditer(text):
        given = m.group("g")
        if given.lower() in dates_words():  # "OPD, Thu OT day": a unit and a weekday, not "Thu" a given name
            continue
        if (fold(given) in lists.given or _SYLLABLES.fullmatch(given)) and all(map(surname, m.group("s").split())):
            found.append(m.span())
    return found
