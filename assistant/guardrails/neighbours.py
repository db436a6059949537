"""Patient data shown by what stands next to it: a name beside an appointment time or a record number, a given name
written short ("Mohd. Irfan"), and a date of birth right after a patient's name.

A list of appointments ("Kenji Watanabe 10:30, Ivy 1pm"), a record line ("Chart no. 00731, Mared, missed 3
sessions") and a birthday list or a chat log ("Cormac Doyle, 30/04/1979") name patients by their layout, not by a
cue word. The words are data (knowledge/data/person_names.yaml, `name_context`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from functools import lru_cache

from ..knowledge import registry as knowledge_registry
from ._data import guardrail_data, patient_data, person_names
from .births import date_pattern
from .names import fold, name_lists, not_patients
from .span_trims import data_label

_CAPITALISED = r"[A-ZÀ-ÖØ-Ý\u0100-\u017f][^\W\d_]+(?:-[^\W\d_]+)?"
# A given name and the capitalised words after it, before a time: "Ivy 1pm", "Ivy Chen 10:30".
_NAME_RUN = re.compile(rf"(?<![\w'’.-])({_CAPITALISED})((?: {_CAPITALISED}){{0,2}})")
# After a record number or a national number: a comma or a dash, then a capitalised name.
# The name ends its clause ("00731, Mared, missed"), so a heading after a number ("PAM-0093417 – Biopsie-Ergebnis
# ist da", "SSN ..., DOB ...") is not taken for one. Two words or more may end the sentence ("CARTELLA N. 2019/0874 -
# Rossetti Gianmarco. Il paziente ...").
_AFTER_NUMBER = re.compile(
    rf"\)?[ ]*[,–—-][ ]*({_CAPITALISED}(?: {_CAPITALISED}){{0,2}})(?=[ ]*(?:[,;)]|[–—] )|\.(?:\s|$))"
)
# Or the owner of the number after "of" in the clinics' languages ("tessera sanitaria 8038... di Settimio
# Dall'Olio", "SIN 046 454 286 for Ines Baptiste"); a surname may hold an apostrophe ("Dall'Olio", "O'Hara").
_OWNER_WORD = rf"{_CAPITALISED}(?:['’][A-ZÀ-Ý][^\W\d_]+)?"
# Or the owner's name in brackets right after it ("Booking HLP-2291-K (Ade) got double-booked").
_BRACKETED_AFTER_NUMBER = re.compile(rf"[ ]*\(({_CAPITALISED}(?: {_CAPITALISED}){{0,2}})\)")
_OWNER_AFTER_NUMBER = re.compile(
    rf"\)?[ ]+(?:of|for|di|del|della|von|vom|für|de|du|pour)[ ]+({_OWNER_WORD}(?: {_OWNER_WORD}){{0,2}})(?![\w'’-])"
)
_OLDEST_BIRTH_YEAR = 1900
# A name of two capitalised words after a label and its colon, a comma, and a record number's label or none up to the
# number ("Promemoria dal gestionale: <Surname> <Given>, n. pratica 88213"): the record's patient, in either order.
_NAME_BEFORE_NUMBER = re.compile(rf":[ \t]*({_CAPITALISED} {_CAPITALISED})[ ]*,[^\n:;!?]{{0,25}}$")


@lru_cache(maxsize=1)
def _time_after() -> re.Pattern[str] | None:
    context = person_names().name_context
    return re.compile(context.time_after_name, re.IGNORECASE) if context and context.time_after_name else None


@lru_cache(maxsize=1)
def _abbreviated() -> re.Pattern[str] | None:
    context = person_names().name_context
    if context is None or not context.given_name_abbreviations:
        return None
    short = "|".join(re.escape(a) for a in context.given_name_abbreviations)
    return re.compile(rf"(?<![\w.])(?:{short})\. ({_CAPITALISED}(?: {_CAPITALISED}){{0,2}})(?![\w'’])")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(t.lower().rstrip(".") for t in guardrail_data().phi.titles)


@lru_cache(maxsize=1)
def _date_after() -> re.Pattern[str]:
    # The separator may be an export's: '"Amira Haddad","1988-03-09"', "Yılmaz, Deniz;1994-07-22", "ROGER|1944-10-02".
    # A date with a time after it is when something happened ("Timestamp: 12/03/2025 14:22:07"), not a birth.
    return re.compile(
        rf"[\"']?[ ]*[,;|:(–-]?[ ]*[\"']?({date_pattern()})(?![\w/-]|\.\d)(?![ ,T]*\d{{1,2}}[:.]\d{{2}}\b)",
        re.IGNORECASE,
    )


def _until_not_name(words: list[str], not_names: frozenset[str]) -> list[str]:
    """The words up to the first that is not a name ("Ivy Monday 1pm" keeps "Ivy" only)."""
    kept = []
    for word in words:
        if word.lower() in not_names:
            break
        kept.append(word)
    return kept


def names_before_times(text: str, not_names: frozenset[str]) -> list[tuple[int, int]]:
    """A capitalised listed given name (everyday words included: "Ivy", "Will") and the capitalised words after it,
    right before an appointment time ("Ivy 1pm", "Kenji Watanabe 10:30"); weekdays, months and other not-names
    ("Monday 9am") are not names."""
    time_after = _time_after()
    if time_after is None:
        return []
    lists, places = name_lists(), not_patients().after
    found = []
    for m in _NAME_RUN.finditer(text):
        first = m.group(1)
        if first.lower() in not_names or fold(first) not in lists.given or fold(first) in lists.function_words:
            continue
        rest = _until_not_name(m.group(2).split(), not_names)
        saint = re.search(r"([^\W\d_]+)\.? $", text[max(0, m.start() - 8) : m.start()])
        if saint and fold(saint.group(1)) in not_patients().first:  # "St. John at 10": a church, a place to meet
            continue
        if any(w.lower().rstrip(".") in places for w in rest):  # "Albert St at 5:30am": a street, and a time to meet
            continue
        end = m.start(1) + len(" ".join([first, *rest]))
        if time_after.match(text, end):
            found.append((m.start(1), end))
    return found


def abbreviated_names(text: str) -> list[tuple[int, int]]:
    """A given name written short and the name after it ("Mohd. Irfan", "Wm. Carter")."""
    pattern = _abbreviated()
    return [(m.start(), m.end()) for m in pattern.finditer(text)] if pattern else []


def names_after_numbers(
    text: str, numbers: list[tuple[int, int]], not_names: frozenset[str], everyday: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """The name right after a record or national number and a comma ("Chart no. 00731, Mared, missed ..."), in
    brackets ("MRN 448120 (Tomasz)") or after "of" ("... di Settimio Dall'Olio"): the number and the name are one
    patient's. The first word must be a listed
    given name or surname, or not an everyday word."""
    lists = name_lists()
    found = []
    for _, end in numbers:
        m = _AFTER_NUMBER.match(text, end)
        bracketed = None if m else _BRACKETED_AFTER_NUMBER.match(text, end)
        owner = None if m or bracketed else _OWNER_AFTER_NUMBER.match(text, end)
        m = m or bracketed or owner
        if m is None:
            continue
        words = m.group(1).split()
        first = words[0]
        if text[m.end(1) : m.end(1) + 1] == "." and (len(words) < 2 or any(w.isupper() for w in words)):
            continue  # one word ending a sentence after a number is a heading ("... – Befund."), "Kasse BARMER." a fund
        # In brackets, a listed given name, or a listed surname that is no everyday word: not "(Mon)", "(Hindi)".
        if bracketed and fold(first) not in lists.given and (fold(first) not in lists.surnames or everyday(first)):
            continue
        if owner and first.isupper():
            continue  # a scheme or a form after "for" ("Aadhaar ... for PMJAY claim"), not its owner
        if first.lower() in not_names or fold(first) in lists.function_words or first.lower() in _titles():
            continue
        if fold(first) in lists.given or fold(first) in lists.surnames or not everyday(first):
            found.append((m.start(1), m.start(1) + len(" ".join([first, *_until_not_name(words[1:], not_names)]))))
    return found


def _just_before(
    text: str, spans: list[tuple[int, int]], pattern: re.Pattern[str], reach: int
) -> Iterator[tuple[int, re.Match[str]]]:
    """(where the stretch starts, the match) of `pattern` in the `reach` characters before each span."""
    for start, _ in spans:
        lo = max(0, start - reach)
        if (m := pattern.search(text[lo:start])) is not None:
            yield lo, m


def names_before_numbers(text: str, numbers: list[tuple[int, int]], not_names: frozenset[str]) -> list[tuple[int, int]]:
    """Two capitalised words after a label's colon and before a record number ("...: <Surname> <Given>, n. pratica
    88213"): one a listed surname and the other a listed given name, in either order, as a practice system prints
    them; none a word that names no one or a title."""
    lists = name_lists()
    found = []
    for lo, m in _just_before(text, numbers, _NAME_BEFORE_NUMBER, 70):
        words = m.group(1).split()
        folded = [fold(w) for w in words]
        if any(
            w.lower() in not_names or f in lists.function_words or w.lower() in _titles() for w, f in zip(words, folded)
        ):
            continue
        a, b = folded
        if (a in lists.surnames and b in lists.given) or (a in lists.given and b in lists.surnames):
            found.append((lo + m.start(1), lo + m.end(1)))
    return found


# A first syllable of up to four letters ("Soon-ja", "Hyun-woo"; thirty-sixth masking set).
_SYLLABLES = re.compile(r"(?<![\w'’.-])([A-Z][a-z]{1,3})-([a-z]{2,4}) ([A-Z][a-z]+)(?![\w-])")


def hyphenated_given_names(text: str) -> list[tuple[int, int]]:
    """A Korean given name of two syllables and a listed surname ("Ji-hoon Park", "Soo-ah Lee"); not a word with an
    English prefix ("Pre-op Care")."""
    context = person_names().name_context
    prefixes = frozenset(w.lower() for w in context.syllable_prefixes_not_names) if context else frozenset()
    if context is None or not prefixes:
        return []
    lists = name_lists()
    return [
        (m.start(), m.end())
        for m in _SYLLABLES.finditer(text)
        if m.group(1).lower() not in prefixes and fold(m.group(3)) in lists.surnames
    ]


def dates_after_names(
    text: str, names: list[tuple[int, int]], today: date | None = None, fields: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """A full date with a past year right after a patient's name ("Cormac Doyle, 30/04/1979", "Pasquale Iovine
    12/03/1950"), or a field of its own after another of the patient's fields, a name or a number ("Olivia Chen /
    <health card> / 1994-08-16", "<name>\n<ID>\n09.12.1990\n<street>"; forty-second masking set): in a list of
    patients, a registration or a chat log it is the date of birth. Dates of this year or later are appointments and
    stay readable."""
    year_now = (today or date.today()).year
    # A date in a field of its own is of last year at the latest: a review's or a visit's is recent, a birth rarely.
    cued = [(end, _date_after(), year_now) for _, end in names] + [
        (end, _FIELD_DATE, year_now - 1) for _, end in fields
    ]
    found = []
    for end, pattern, before in cued:
        m = pattern.match(text, end)
        if m is None:
            continue
        years = [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", m.group(1))]
        if years and _OLDEST_BIRTH_YEAR <= years[0] < before:
            found.append(m.span(1))
    return found


# A date in digits alone in a record's field: a field's separator (a dash, a slash, a bar, a new line) on both sides.
# Not a date with a month's name ("<reviewer> — Jan 30, 2025" heads a review).
_FIELD_DATE = re.compile(
    r"[ \t]*(?:[—–/|]|\n)[ \t]*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})(?=[ \t]*(?:[—–/|\n]|$))"
)


# An initial (or two) and a surname: "M. Delacroix-Pruitt", "R. J. Okafor", after an opening quote too
# ("signed 'R.J. Hollingsworth'"; not inside a word: "O'B.").
_INITIAL_SURNAME = re.compile(
    r"(?:(?<![\w.’'-])|(?<=(?<![\w.])['‘]))(?P<i>[A-Z]\.(?:[ ]?[A-Z]\.)?)[ ]?"
    r"(?P<s>[A-ZÀ-Ý][a-zà-ÿ]+(?:['’][A-ZÀ-Ý][a-zà-ÿ]+)?(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)(?![\w-]|['’]\w)"
)
# An initial and a surname after a word, in a note ("call J. <surname> re ...", "Refer F. Mac<surname> to ..."):
# a person when the name model reads it as one (names_by_shape leaves it, for "vitamin D. Young children").
_INITIAL_AFTER_WORD = re.compile(
    r"(?<=[a-z] )(?P<i>[A-Z]\.)[ ]?(?P<s>(?:Ma?c)?[A-ZÀ-Ý][a-zà-ÿ]{2,}(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)(?![\w-]|['’]\w)"
)


# A given name no list holds and a surname's initial ("<given> D. — IOP 24/22"): a person when the word is no
# everyday word ("Plan B.", "Vitamin D." are) and the name model reads it as a name.
_UNLISTED_GIVEN_INITIAL = re.compile(r"(?<![\w.'’-])(?P<s>[A-ZÀ-Ý][a-zà-ÿ]{2,}) [A-Z]\.(?![\w.])")


def initials_after_words(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Candidates for the name model: an initial and a surname after a lower-case word ("call J. <surname>"), and a
    given name no everyday word with an initial ("<given> D.")."""
    lists = name_lists()
    found = []
    for m in [*_INITIAL_AFTER_WORD.finditer(text), *_UNLISTED_GIVEN_INITIAL.finditer(text)]:
        folded = fold(m.group("s"))
        if folded in lists.function_words or folded in lists.common or folded in lists.not_surnames:
            continue
        if m.group().endswith(".") and everyday(m.group("s")):
            continue
        before = re.search(r"(\S+) $", text[max(0, m.start() - 30) : m.start()])
        if not m.group().endswith(".") and before is not None and fold(before.group(1)) in lists.given:
            continue  # a middle initial ("John F. Kennedy") belongs to the name before it
        found.append(m.span())
    return found


# A nickname in quotes between a given name and a surname: 'Lorenzo "Enzo" Batiste'.
_QUOTED_NICKNAME = re.compile(
    rf"(?<![\w'’.-])(?P<g>{_CAPITALISED}) [\"“‘'](?P<n>{_CAPITALISED})[\"”’'] (?P<s>{_CAPITALISED})(?![\w'’-])"
)

# A surname, a comma and a given name in capitals, as hospital systems and exports print them ("LEBLANC, ROGER").
_SURNAME_COMMA_GIVEN = re.compile(
    r"(?<![\w'’-])(?P<s>[A-ZÀ-Ý][A-ZÀ-Ý'’-]+), (?P<g>[A-ZÀ-Ý][A-ZÀ-Ý-]+)(?![\w'’-])(?! [A-ZÀ-Ý]{2,},)"
)

# The same in ordinary case in an export's cell or after a label ("| Okonjo, David |", "Neue Patientin: Müller,
# Sabine, geb. ...", "Lab: ROY, Sylvie — HbA1c ..."): between a pipe or a colon and a pipe, a comma, a semicolon
# or a long dash.
_CELL_SURNAME_COMMA_GIVEN = re.compile(
    rf"(?:\||:)[ \t]*(?P<s>{_CAPITALISED}(?:, (?:Jr|Sr|II|III|IV)\.?)?), "
    r"(?P<g>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?: [A-Z]\.?| [A-ZÀ-Ý][a-zà-ÿ]+)?)"  # "Nguyen, Thi Hoa"
    r"(?:[ \t]*(?=[|,;]|$)|(?=[ \t]{2,}|\t|[ \t]+[–—][ \t]))",
    re.MULTILINE,
)
# A surname in capitals and an initial in a row of a schedule or a list, between dashes or pipes ("9:30 – HARGROVE,
# L – crown prep"): the surname must be a listed one.
_ROW_SURNAME_INITIAL = re.compile(
    r"(?:[–—|]|(?<= )-)[ \t]+(?P<s>[A-ZÀ-Ý]{2}[A-ZÀ-Ý'’-]*), (?P<i>[A-Z])\.?(?=[ \t]+[–—|-]|[ \t]*$)", re.MULTILINE
)

# A surname alone in a schedule's row, in lower case or in capitals, after a time and before a dash and the visit
# ("9:20 hughes – PAP", "10:45 – NAKAMURA – recall"): a listed surname that is no everyday word.
_ROW_LONE_SURNAME = re.compile(
    r"(?:^|[,;][ \t]*)(?:[-•*][ \t]*)?\d{1,2}[:.]\d{2}(?:[ ]?[ap]\.?m\.?)?[ \t]*(?:[–—-][ \t]*)?"
    r"(?P<s>[a-zà-ÿ][a-zà-ÿ'’-]+|[A-ZÀ-Ý]{2}[A-ZÀ-Ý'’-]+)[ \t]+[–—-][ \t]",
    re.MULTILINE,
)

# A schedule's row: the start of a line, a weekday written short ("Mon", "Do") and a time ("Mon 14:45 ...").
_ROW_START = (
    r"(?:^|[,;][ \t]*)(?:[-•*][ \t]*)?(?:[A-Za-zÀ-ÿ]{2,3}\.?[ \t]+)?\d{1,2}[:.]\d{2}(?:[ ]?[ap]\.?m\.?)?[ \t]*"
    r"(?:[–—-][ \t]*)?"
)
# Where the name in a schedule's row ends: a dash, a pipe or a bracket, or the end of the line.
_ROW_END = r"(?=[ \t]+[–—|(-]|[ \t]*$)"
# The surname first in a schedule's row, then a comma and a given name or an initial, or an initial with its full
# stop ("Mon 14:45 Wood, P – NP", "Do 09:00 Schäfer, Tim – Akne", "15:30 Bianchi G. – devitalizzazione").
_ROW_SURNAME_FIRST = re.compile(
    _ROW_START
    + rf"(?P<s>{_CAPITALISED}|[A-ZÀ-Ý]{{2}}[A-ZÀ-Ý'’-]+)(?:, (?P<g>{_CAPITALISED}|[A-Z]\.?)|[ ](?P<i>[A-Z]\.))"
    + _ROW_END,
    re.MULTILINE,
)
# An initial without its full stop and a surname in a schedule's row ("9:30 A Nguyen cryo").
_ROW_BARE_INITIAL = re.compile(
    _ROW_START + r"(?P<n>[A-Z] (?P<s>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?))(?![\w'’.-])", re.MULTILINE
)

# A full name in a schedule's row after a time and before a dash, in lower case or surname first with a comma, or
# with several given names and a surname's particles ("9:45 rossi marco - ...", "08:40 yilmaz, emre - ...",
# "10:30 Anna Maria De Santis - ...").
_ROW_WORD = r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))*(?:-[^\W\d_]+)?"  # "D'Alessandro", "o'connor"
_ROW_FULL_NAME = re.compile(
    _ROW_START + rf"(?P<n>{_ROW_WORD}(?:,?[ ]{_ROW_WORD}){{1,4}})(?=[ \t]+[–—-][ \t]|[ \t]+\([^\W\d_])", re.MULTILINE
)
# The same in a schedule's cells: a time, a pipe, the name and a pipe ("8:00 | <given> <surname> | cleaning").
_CELL_FULL_NAME = re.compile(
    r"(?:^|\|)[ \t]*\d{1,2}[:.]\d{2}(?:[ ]?[ap]\.?m\.?)?[ \t]*\|[ \t]*"
    rf"(?P<n>{_ROW_WORD}(?:,?[ ]{_ROW_WORD}){{1,4}})(?=[ \t]*\|)",
    re.MULTILINE,
)


def _full_names_in_rows(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """A full name in a schedule's row before a dash: in lower case or with a comma, each word a listed name or no
    everyday word and one of them listed ("9:45 rossi marco -", "08:40 yilmaz, emre -"); capitalised, a listed given
    name first and a listed surname or no everyday word last, particles between ("10:30 Anna Maria De Santis -")."""
    return [
        m.span("n")
        for pattern in (_ROW_FULL_NAME, _CELL_FULL_NAME)
        for m in pattern.finditer(text)
        if _row_name(m.group("n"), everyday)
    ]


def _row_name(name: str, everyday: Callable[[str], bool]) -> bool:
    """Whether the words of a schedule's row are a full name (see _full_names_in_rows). A given name that is a modal
    verb may start one in lower case ("<time> | will <surname> |"); a capitalised name may be written surname first
    ("ore 10:30 – D'<surname> <given> –", "Lo <surname> <given>")."""
    lists = name_lists()
    words = [w for w in re.split(r",?[ ]", name) if w.lower() not in lists.particles]
    folded = [fold(w) for w in words]
    modal = bool(words) and words[0].islower() and folded[0] in _modal_names()
    if len(words) < 2 or any(
        (f in lists.function_words and not (k == 0 and modal)) or f in _ROOMS or f in _titles()
        for k, f in enumerate(folded)
    ):
        return False
    listed = [f in lists.given or f in lists.surnames or (k == 0 and modal) for k, f in enumerate(folded)]
    if all(w.islower() for w in words) or "," in name:
        return len(words) <= 3 and any(listed) and all(k or not everyday(w) for k, w in zip(listed, words))
    if not all(w[:1].isupper() for w in words):
        return False
    given_first = folded[0] in lists.given and (folded[-1] in lists.surnames or not everyday(words[-1]))
    surname_first = (
        len(words) <= 3 and folded[-1] in lists.given and (folded[0] in lists.surnames or not everyday(words[0]))
    )
    return given_first or surname_first


@lru_cache(maxsize=1)
def _modal_names() -> frozenset[str]:
    """Given names that are also modal verbs ("will", "may"; person_names.yaml), lower case."""
    context = person_names().name_context
    return frozenset(w.lower() for w in context.modal_names) if context is not None else frozenset()


# A German genitive surname before a relative ("Schmidts Sohn hat angerufen", "Kayas Tochter"): the family's member.
_GENITIVE_RELATIVE = re.compile(
    r"(?<![\w'’.-])(?P<s>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)s (?=(?:Sohn|Tochter|Mann|Ehemann|Frau|Ehefrau|"
    r"Mutter|Vater|Kind|Kinder|Enkel|Enkelin|Oma|Opa|Bruder|Schwester|Kleine|Kleiner|Jüngste|Jüngster|Älteste)\b)"
)

# A family named by its surname in the plural ("the Nakamuras want flu shots", "The Okonkwos came in"): the
# surname without its "s" must be listed and no everyday word, and the plural neither an everyday word nor a listed
# surname or a name ending in "ss" ("the Zeiss machine").
_PLURAL_FAMILY = re.compile(r"(?<![\w'’-])(?<=\b[Tt]he )(?P<s>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)s(?![\w'’-])")


def names_by_shape(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Names whose written shape shows a person: an initial before a surname that is double-barrelled or listed
    and not an everyday word ("M. Delacroix-Pruitt", "J. Okafor"), a family's surname ("the Lindqvist family"), and
    a quoted nickname between a given name and a surname ('Francesco "Cecco" Morandi'), and a surname, a comma and a
    listed given name in capitals ("LEBLANC, ROGER"), and an initial and a surname in a schedule or a list; a
    family's surname in the plural ("the Nakamuras"), a listed surname alone in a schedule's row ("9:20 hughes –")."""
    lists = name_lists()
    found = []
    for m in _INITIAL_SURNAME.finditer(text):
        surname = m.group("s")
        folded = fold(surname)
        if folded in lists.function_words:
            continue
        # A listed surname after a letter that ends a word's abbreviation ("vitamin D. Young") is not one.
        after_word = re.search(r"\w ?$", text[max(0, m.start() - 2) : m.start()]) is not None
        if "-" in surname or (folded in lists.surnames and not everyday(surname) and not after_word):
            found.append(m.span())
        # Two initials before a word that is no everyday word are a person's ("J.P. Ramsbottom", "K. S. Narayanan");
        # before an everyday word they are an abbreviation ("U.S. Army", "P.S. Thanks").
        elif m.group("i").count(".") == 2 and not everyday(surname):
            found.append(m.span())
    context = person_names().name_context
    if context is not None and context.surname_of_family:
        for m in re.finditer(context.surname_of_family, text):
            group = next(g for g in ("s", "t", "u") if m.groupdict().get(g))
            word = m.group(group)
            if fold(word) in lists.function_words:
                continue
            # In lower case ("familie petersen") only a listed surname that is no everyday word: "famiglia numerosa".
            if (fold(word) in lists.surnames and not (group == "u" and everyday(word))) or (
                group != "u" and not everyday(word)
            ):
                found.append(m.span(group))
    for m in _QUOTED_NICKNAME.finditer(text):
        given, surname = m.group("g"), m.group("s")
        if fold(given) in lists.function_words or fold(surname) in lists.function_words:
            continue
        if fold(given) in lists.given or fold(m.group("n")) in lists.given:
            found.append(m.span())
    return (
        found
        + _plural_families(text, everyday)
        + _surnames_first(text, everyday)
        + _initials_in_lists(text, everyday)
        + _lone_surnames_in_rows(text, everyday)
        + _surnames_first_in_rows(text, everyday)
        + _full_names_in_rows(text, everyday)
        + _genitives_before_relatives(text, everyday)
    )


_GENITIVE_ARTICLES = frozenset(
    "des eines meines deines seines ihres unseres eures dieses jenes jedes keines welches".split()
)
_NOT_GENITIVE_NAMES = frozenset({"gotte", "gott", "jesu", "marias"})


def _genitives_before_relatives(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """A listed surname that is no common word, in the German genitive before a relative with no article ("Schmidts
    Sohn hat schon wieder angerufen"): a common noun has its article ("des Meisters Sohn"). Not a place ("Berlins
    Kinder"), nor after a given name, as a public figure is written ("Heidi Klums Tochter")."""
    lists = name_lists()
    found = []
    for m in _GENITIVE_RELATIVE.finditer(text):
        surname = m.group("s")
        parts = [fold(p) for p in surname.split("-")]
        if not all(p in lists.surnames and p not in lists.function_words and p not in lists.common for p in parts):
            continue
        if fold(surname) in _NOT_GENITIVE_NAMES or surname.lower() in _places():  # "Gottes Sohn", "Berlins Kinder"
            continue
        # A common noun in the genitive has its article ("des Meisters Sohn"); a name has none. After a given name
        # it is a public figure's ("Heidi Klums Tochter").
        prev = re.search(r"([^\W\d_][\w'’-]*) $", text[max(0, m.start() - 30) : m.start()])
        if prev and (prev.group(1).lower() in _GENITIVE_ARTICLES or fold(prev.group(1)) in lists.given):
            continue
        found.append(m.span("s"))
    return found


# A room or a chair with its letter in a schedule's row ("Sala, B", "Raum, C"): surnames too, but no one's here.
_ROOMS = frozenset("room sala salle raum zimmer box bay chair stanza studio suite poltrona cabinet op or".split())


def _surnames_first_in_rows(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The surname first in a schedule's row ("Mon 14:45 Wood, P – NP", "Do 09:00 Schäfer, Tim –", "15:30 Bianchi
    G. –"): with a given name, the given name must be listed and no everyday word, or the surname listed; with an
    initial, the surname must be listed. An initial without its full stop before a listed surname that is no common
    word ("9:30 A Nguyen cryo"; not "11:00 A New patient"). Not a room ("Sala, B –")."""
    lists = name_lists()
    found = []
    for m in _ROW_SURNAME_FIRST.finditer(text):
        surname = m.group("s")
        parts = [fold(p) for p in surname.split("-") if p]
        if any(p in lists.function_words or p in _ROOMS for p in parts):
            continue
        listed = all(p in lists.surnames for p in parts)
        given = m.group("g")
        if given and len(given.rstrip(".")) > 1:
            ok = (fold(given) in lists.given and not everyday(given)) or (listed and not everyday(surname))
        else:
            ok = listed
        if ok:
            found.append((m.start("s"), m.end()))
    for m in _ROW_BARE_INITIAL.finditer(text):
        surname = m.group("s")
        folded = fold(surname)
        if folded in lists.surnames and folded not in lists.function_words and folded not in lists.common:
            found.append(m.span("n"))
    return found


def _plural_families(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """A family's surname in the plural ("the Nakamuras want flu shots")."""
    lists = name_lists()
    found = []
    for m in _PLURAL_FAMILY.finditer(text):
        surname = m.group("s")
        if fold(surname) in lists.surnames and fold(surname) not in lists.function_words and not everyday(surname):
            plural = surname + "s"  # not a name of its own ("the Zeiss machine", "the Williams")
            if not everyday(plural) and not surname.endswith("s") and fold(plural) not in lists.surnames:
                if plural.lower() not in _places():  # "the Netherlands", "the Bahamas"
                    found.append(m.span())
    return found


def places() -> frozenset[str]:
    """The countries, regions and cities the countries data names, and the words that show them, lower case."""
    return _places()


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """The countries, regions and cities the countries data names, and the words that show them, lower case."""
    return frozenset(
        word.lower()
        for country in knowledge_registry.load(knowledge_registry.COUNTRIES).countries
        for word in (country.name, *country.cues, *country.cities, *country.regions)
    )


def _surnames_first(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """A surname, a comma and a listed given name ("LEBLANC, ROGER", "Patient: WHITAKER, Joanne   Hosp no", "| Polk,
    Jr., Curtis |"), or two given names that are no everyday words after a listed surname in a cell ("| <surname>, Thi
    <given> |"), or a listed surname in capitals and an initial in a schedule's row ("– HARGROVE, L –")."""
    lists = name_lists()
    found = []
    for m in [*_SURNAME_COMMA_GIVEN.finditer(text), *_CELL_SURNAME_COMMA_GIVEN.finditer(text)]:
        surname, given = m.group("s").split(",")[0], m.group("g").split(" ")[0]
        if fold(surname) in lists.function_words or {surname.lower(), given.lower()} & _places():
            continue  # a town and its country: "Paris, France"
        listed = fold(given) in lists.given and fold(given) not in lists.common
        two = m.group("g").split(" ")
        unknown = len(two) == 2 and len(two[1]) > 2 and fold(surname) in lists.surnames and not any(map(everyday, two))
        if listed or unknown:
            found.append((m.start("s"), m.end("g")))
    for m in _ROW_SURNAME_INITIAL.finditer(text):
        if fold(m.group("s")) in lists.surnames and fold(m.group("s")) not in lists.function_words:
            found.append((m.start("s"), m.end()))
    return found


def _lone_surnames_in_rows(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """A listed surname that is no everyday word alone in a schedule's row ("9:20 hughes – PAP"). A word in
    capitals the lists do not hold ("10:45 – OYELARAN –") is left: a brand or a task reads the same ("CEREC")."""
    lists = name_lists()
    return [
        m.span("s")
        for m in _ROW_LONE_SURNAME.finditer(text)
        if fold(m.group("s")) in lists.surnames
        and fold(m.group("s")) not in lists.function_words
        and not everyday(m.group("s"))
    ]


def _initials_in_lists(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """An initial and a surname in a schedule, a numbered list or after "for" ("8:40 S. Abdi", "2. K. Lindqvist –",
    "a claim for T. Nguyen"), or before a time ("M. Richter 10:15"): the surname may be an everyday word there, as
    long as the lists hold it or it is no everyday word. The places are data (`name_context.initials_list_before`)."""
    context = person_names().name_context
    if context is None or not context.initials_list_before:
        return []
    before = re.compile(rf"(?:{context.initials_list_before})[ \t]+$", re.IGNORECASE | re.MULTILINE)
    time_after = _time_after()
    lists = name_lists()
    found = []
    for m in _INITIAL_SURNAME.finditer(text):
        surname = fold(m.group("s"))
        if surname in lists.function_words or not (surname in lists.surnames or not everyday(m.group("s"))):
            continue
        # Before an appointment time too, as a list's entries are written ("M. Richter 10:15 Laser, ...").
        if before.search(text, max(0, m.start() - 24), m.start()) or (time_after and time_after.match(text, m.end())):
            found.append(m.span())
    return found


@lru_cache(maxsize=1)
def _before_birth_cue() -> re.Pattern[str]:
    terms = patient_data().births
    cues = "|".join(f"(?:{c})" for c in (*terms.cues_after, *terms.cues)) or "(?!)"
    return re.compile(
        rf"(?<![\w'’.-])({_CAPITALISED}(?:,? {_CAPITALISED}){{0,2}}|(?-i:[A-Z]\.(?: ?[A-Z]\.)+))[ ]*[-–—,:(]?[ ]*"
        rf"(?:{cues})(?:(?<=\s)|(?!\w))[^\n\w]{{0,4}}(?:\w+[^\n\w]{{1,3}}){{0,2}}?{date_pattern()}",
        re.IGNORECASE,
    )


def names_before_birth_cue(
    text: str, not_names: frozenset[str], everyday: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """The capitalised name or initials right before a date-of-birth cue and its date, in either order ("Beaulieu,
    Solange - dob 1962-12-03", "Okonjo, Chidi DOB 1982-06-14", "G.B. (born 05/09/1990"): a record line about one
    patient. Each word must be a
    listed name or not an everyday word ("Send Form, DOB 01/02/1990" is not a name)."""
    lists = name_lists()
    found = []
    for m in _before_birth_cue().finditer(text):
        if re.fullmatch(r"(?:[A-Z]\. ?)+", m.group(1)):  # initials ("G.B. (nata 05/09/1990)")
            found.append(m.span(1))
            continue
        words = re.split(r",? ", m.group(1))
        if not all(w[0].isupper() for w in words):  # the pattern ignores case for the cue only
            continue
        # Keep the name's last words: "Patient Beaulieu, Solange" loses "Patient".
        keep = len(words)
        for i, word in enumerate(words):
            if word.lower() in not_names or fold(word) in lists.function_words:
                keep = len(words) - i - 1
        kept = words[len(words) - keep :]
        if kept and all(fold(w) in lists.given or fold(w) in lists.surnames or not everyday(w) for w in kept):
            start = m.start(1) + m.group(1).index(kept[0])
            found.append((start, m.end(1)))
    return found


# A line of a pasted chat or message log that starts with who wrote it: "Fiorenza: salve ...", "[10:03] lupe
# fonoti: is it ok ...", "09:41 - Dev: can i bring ...", "[2/7/24, 4:05 pm] Shaz 🌺: hey ...". The label is one to
# three words before a colon, with an emoji or two after the name as some people sign.
_SPEAKER_LINE = re.compile(
    r"^[ \t]*(?:(?P<stamp>\[[^\]\n]{1,22}\])[ \t]*|\d{1,2}[:.]\d{2}(?:[ ]?[ap]\.?m\.?)?[ \t]*[-–—]?[ \t]*)?"
    r"(?P<n>[^\W\d_][\w'’.-]*(?:[ ][^\W\d_][\w'’.-]*){0,2})[ \t]*(?:[^\w\s:\[\]]{1,4}[ \t]*)?:[ \t]+\S",
    re.MULTILINE,
)


# A chat export's stamp: a date and a time in brackets ("[09/05/2024, 07:12]", "[2/11/2023, 7:02 am]").
_STAMP = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4},?[ ]+\d{1,2}[:.]\d{2}")


# Children named with a bare age in brackets, two or more joined ("<given> (9) and <given> (6)", "<a> (4), <b> (7)").
_BARE_AGE = r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)? \(\d{1,2}\)"
_BARE_AGES = re.compile(rf"(?<![\w'’-]){_BARE_AGE}(?:(?:, | (?:and|&|und|e|et|y) |, and ){_BARE_AGE})+")


def names_with_bare_ages(text: str) -> list[tuple[int, int]]:
    """Listed given names, everyday words included ("Ruby", "Ivy"), each with a bare age in brackets, two or more
    joined by commas or "and": children, by the layout (one word before a number in brackets is as often a step)."""
    lists = name_lists()
    found = []
    for run in _BARE_AGES.finditer(text):
        words = list(re.finditer(r"([^\W\d_][^\W\d_-]*(?:-[^\W\d_]+)?) \(", run.group()))
        if all(fold(w.group(1)) in lists.given or fold(w.group(1)) in lists.common for w in words):
            found += [(run.start() + w.start(1), run.start() + w.end(1)) for w in words]
    return found


def names_as_speakers(text: str, not_names: frozenset[str], everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Who wrote each line of a pasted chat log, when the message holds one (two lines or more that start with a
    label and a colon): a label is a person's name when its first word is a listed given name or no everyday word
    (a listed surname that is an everyday word is a desk or a role: "Ward:", "Porter:"; so is an everyday word
    down several lines: "Manager:", "Billing:"), or a short capitalised label repeated down the log ("Jo:"); and
    none of the log's other speakers (the clinic, "Us", "Reception") nor a header ("Subject:", "From:"), a title
    ("Dr Holt:") or a weekday; in a form (`_a_form`), a listed given name only. The words are data
    (`speakers_not_names`). One line is enough when it starts with a chat export's stamp, a date and a time in
    brackets ("[09/05/2024, 07:12] <name>: ...")."""
    context = person_names().name_context
    lines = list(_SPEAKER_LINE.finditer(text))
    log = len(lines) >= 2 and len({m.group("n").lower() for m in lines}) >= 2
    if context is None or not (log or any(_STAMP.search(m.group("stamp") or "") for m in lines)):
        return []
    lists = name_lists()
    not_speakers = frozenset(w.lower() for w in context.speakers_not_names) | _titles()
    found = []
    counts: dict[str, int] = {}
    for m in lines:
        counts[m.group("n")] = counts.get(m.group("n"), 0) + 1
    form = _a_form(lines)  # a form's other labels are fields ("Hausarzt:", "Allergie:"), not people writing
    # Labels that each open one line only, with no chat stamp and no clinic's side ("Us:", "Reception:"), are a
    # newsletter's or a form's headings ("Novità:", "Orari:", "Prestazione:"), not people taking turns: only a
    # listed given name or a full name in capitals counts there (thirty-second masking set).
    clinic_side = frozenset(w.lower() for w in context.speakers_not_names)
    turns = (
        any(n >= 2 for n in counts.values())
        or any(_STAMP.search(m.group("stamp") or "") for m in lines)
        or any(m.group("n").lower() in clinic_side for m in lines)
    )
    for m in lines:
        words = m.group("n").split()
        folded = [fold(w.rstrip(".")) for w in words]
        if data_label().fullmatch(m.group("n")) or any(
            w.lower().rstrip(".") in not_speakers or w.lower() in not_names for w in words
        ):
            continue
        if any(f in lists.function_words for f in folded):
            continue
        if len(words) > 1 and len(words[-1]) >= 2 and words[-1].isupper():  # "Maple FP:", "Elm GP:": a practice
            continue
        first = fold(words[0])
        # A listed surname that is an everyday word ("Ward:", "Porter:") or a label repeated down the log
        # ("Manager:", "Billing:") is a role or a desk unless the name lists know it as a given name.
        # A short label down two lines or more is a name the lists are too short for ("Jo:", "Dev:").
        short = counts[m.group("n")] >= 2 and len(words) == 1 and len(first) <= 3 and words[0].istitle()
        # A commenter's full name ("<given> <surname>:"): capitalised words, the last a surname or no everyday word.
        full_name = len(words) >= 2 and all(w[:1].isupper() and not w.isupper() for w in words)
        full_name = full_name and (fold(words[-1]) in lists.surnames or not everyday(words[-1]))
        if first in lists.given or ((short or not everyday(words[0])) and not form and (turns or full_name)):
            found.append(m.span("n"))
    return found


@lru_cache(maxsize=1)
def _form_field() -> re.Pattern[str]:
    context = person_names().name_context
    fields = context.form_field_labels if context is not None else None
    return re.compile(rf"(?:{fields or '(?!)'})[.]?", re.IGNORECASE)


def _a_form(lines: list[re.Match[str]]) -> bool:
    """Whether the labelled lines are a form's fields rather than a chat's speakers: one of them labels a patient's
    name, birth date, identity number or address ("Name:", "geb.:", "Codice fiscale:")."""
    field = _form_field()
    return any(field.fullmatch(m.group("n")) or data_label().fullmatch(m.group("n")) for m in lines)


# A full name right before an address and a comma or a dash: the person who lives there ("home visit - Iolanthe
# Marsh, Flat 3, 41 Cardigan Road, Leeds").
_NAME_BEFORE_ADDRESS = re.compile(rf"(?<![\w'’.-])({_OWNER_WORD}(?: {_OWNER_WORD}){{1,2}})[ ]*[,:–—-][ ]*$")


def names_before_addresses(
    text: str, addresses: list[tuple[int, int]], not_names: frozenset[str], everyday: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Two or three capitalised words right before an address: a given name (listed, or no everyday word) and a
    surname (listed, or no everyday word), none of them a word that names no one."""
    lists = name_lists()
    found = []
    for lo, m in _just_before(text, addresses, _NAME_BEFORE_ADDRESS, 60):
        words = m.group(1).split()
        if any(w.lower() in not_names or fold(w) in lists.function_words or w.isupper() for w in words):
            continue
        first, last = fold(words[0]), fold(words[-1])
        if (first in lists.given or not everyday(words[0])) and (last in lists.surnames or not everyday(words[-1])):
            found.append((lo + m.start(1), lo + m.end(1)))
    return found


# A message signed at its end after a dash: 'now it throbs, is that normal?? -Pua Kealoha"', "... thanks! — Maria",
# after a closing quote too, with a surname's initial or the writer's place ('... grateful." – Shazza from Redcliffe',
# '"... a nightmare" – Gareth P').
_SIGNATURE = re.compile(
    rf"[.!?)\"”’'][ ]*[-–—~][ ]?({_OWNER_WORD}(?: {_OWNER_WORD}){{0,2}}(?: [A-Z]\.?(?![\w.]))?)[ ]*"
    rf"(?=(?:[ ]+from[ ]+{_OWNER_WORD}(?: {_OWNER_WORD})?)?[\"”’']?[ ]*(?:\n|$))",
    re.MULTILINE,
)


# Initials that sign a pasted review after a sentence and a dash, with a surname or a place after them or not:
# "Not impressed. — K.B., Armley'", '... SORRY" -R. JENKINS' (not "section 4 - U.K.").
_SIGNED_INITIALS = re.compile(
    r"[.!?)\"”’'][ ]*[-–—~][ ]?((?:[A-Z]\.[ ]?){1,3}(?:[A-Z][A-Za-z'’-]+)?)(?<! )"
    r"(?=[ ]*(?:,[ ]*[A-Z][\w' -]{0,30})?[\"”’']?[ ]*(?:\n|$))",
    re.MULTILINE,
)


# A first name that signs a quoted message with no dash, after its last sentence and before the closing quote at the
# end of a line ("'... I never agreed to it. <given>'").
_SIGNED_IN_QUOTE = re.compile(rf"[.!?][ ]+({_OWNER_WORD})[\"”’'][ \t]*(?=\n|$)", re.MULTILINE)
# A sign-off in lower case after a dash, maybe with a surname's initial and where the writer is from ("... upsell.
# -- <given> m. from <town>'").
_LOWER_SIGNATURE = re.compile(
    r"[.!?)\"”’'][ ]*(?:--|[-–—~])[ ]?([a-z][a-z'’-]+(?: [a-z]\.)?)"
    r"(?=(?:[ ]+from[ ]+[a-z][a-z ]{0,30})?[\"”’']?[ \t]*(?:\n|$))",
    re.MULTILINE,
)


def _signed_in_other_ways(text: str, not_names: frozenset[str]) -> list[tuple[int, int]]:
    """A listed given name that is no everyday word signing a quoted message before its closing quote, or in lower case
    after a dash."""
    lists = name_lists()
    found = []
    for pattern in (_SIGNED_IN_QUOTE, _LOWER_SIGNATURE):
        for m in pattern.finditer(text):
            first = m.group(1).split(" ")[0]
            folded = fold(first)
            if first.lower() not in not_names and folded in lists.given and folded not in lists.common:
                found.append(m.span(1))
    return found


def signed_names(text: str, not_names: frozenset[str], everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The name that signs a pasted message or review after a dash, at the end of a line: its first word a listed
    given name or no everyday word, and no word of it one that names no one; or initials, with a surname or not
    ("— K.B., Armley", "-R. JENKINS"): two initials, or one and a surname."""
    lists = name_lists()
    found = []
    for m in _SIGNED_INITIALS.finditer(text):
        letters = re.findall(r"[A-Z]\.", m.group(1))
        surname = m.group(1).replace(" ", "")[2 * len(letters) :]
        if (len(letters) >= 2 or surname) and surname.lower() not in not_names:
            found.append(m.span(1))
    for m in _SIGNATURE.finditer(text):
        words = [w for w in m.group(1).split() if len(w.rstrip(".")) > 1]  # not the surname's initial
        if any(w.lower() in not_names or fold(w) in lists.function_words or w.isupper() for w in words):
            continue
        first, last = fold(words[0]), fold(words[-1])
        if first in lists.common or (len(words) > 1 and last in lists.common):
            continue  # "... - Summer Sale", "- Grace Period"
        if (first in lists.given or not everyday(words[0])) and (
            len(words) == 1 or last in lists.surnames or not everyday(words[-1])
        ):
            found.append(m.span(1))
    return found + _signed_in_other_ways(text, not_names)


# A surname, a comma and a given name set off as one entry, as a screen, a results list or a referral prints them:
# in an export's cell, in brackets, in quotes, or after a list's number ("| Adeyemi, Tunde |", "(Köhler, Ingrid)",
# "'Pemberton, Carys'", "2) Kulkarni, Vivek 3)"). The closing mark must match the opening one (a cell ends at a pipe,
# brackets at their bracket, a quote at its quote), so the pair is the whole entry, not a sentence's first words.
_ENTRY_SURNAME_COMMA_GIVEN = re.compile(
    rf"(?:(?P<pipe>\|)|(?P<bracket>\()|(?<![\w.])(?P<quote>['‘\"“])|(?<![\w.])(?P<number>\d{{1,2}}[.)]))[ \t]*"
    rf"(?P<s>{_CAPITALISED}), (?P<g>{_CAPITALISED})[ \t]*"
    r"(?(pipe)(?=\||$)|(?(bracket)(?=\))|(?(quote)(?=['’\"”])|(?=[ \t]+\d{1,2}[.)]|[ \t]+[–—-][ \t]|[,;]|$))))",
    re.MULTILINE,
)
# The same at the start of a line before a dash, in a list of two lines or more ("Patel, Anjali — all clear" over
# "Morrow, Keira — recheck"): one such line alone is as often a greeting ("Morning, Sarah — ...").
_ROW_SURNAME_COMMA_GIVEN = re.compile(rf"^[ \t]*(?P<s>{_CAPITALISED}), (?P<g>{_CAPITALISED})(?=[ \t]+[–—-][ \t])", re.M)
# A row of a list, a recall export or a CSV file: the surname first (in capitals or not, with its particles or an
# apostrophe), a comma or a semicolon, one or two given names, then the row's next field (a dash, a semicolon, a tab,
# a pipe, "b." and a date) or the line's end ("NOWAK, Mirosław b. ...", "FERRARI;GIULIA;...", "2. Herrera, José Luis
# – ..."). Two such rows or more make a list: one alone is as often a greeting ("Morning, Sarah — ...").
_LIST_ROW_NAME = re.compile(
    rf"^[ \t]*(?:\d{{1,3}}[.)][ \t]*|[-•*][ \t]*)?"
    rf"(?P<n>{_ROW_WORD}(?:[ ]{_ROW_WORD})?(?:,[ ]|;){_ROW_WORD}(?:[ ]{_ROW_WORD})?)"
    r"(?=[ \t]+[–—-][ \t]|[ \t]*[;\t|]|[ \t]+(?:b|geb)\.[ ]|[ \t]*$)",
    re.MULTILINE,
)
# The rest of a list's row holds a number (a phone, a date of birth, a record): a greeting's line does not ("Morning,
# Sarah — the delivery came").
_ROW_DATA = re.compile(r"[^\n]*\d")
# A surname and a listed given name with no comma alone in an export's cell ("| Greco Martina |").
_CELL_SURNAME_GIVEN = re.compile(rf"\|[ \t]*(?P<s>{_CAPITALISED}) (?P<g>{_CAPITALISED})[ \t]*(?=\||$)", re.M)


@lru_cache(maxsize=1)
def _patient_word() -> re.Pattern[str]:
    """The words for a patient (guardrails.yaml `patient_words`): never a name in an entry."""
    return re.compile(rf"(?:{guardrail_data().phi.patient_words})", re.IGNORECASE)


def surnames_first_in_entries(
    text: str, everyday: Callable[[str], bool], reads_as_name: Callable[[str, int, int], bool]
) -> list[tuple[int, int]]:
    """A surname written before the given name as one entry of a list, a cell, brackets or quotes ("(Köhler, Ingrid)",
    "| Adeyemi, Tunde |", "| Greco Martina |"), in rows at the start of lines ("Patel, Anjali — ..." twice).

    Each word must be a name by the lists (a listed surname first, a listed given name that is no everyday word after
    it), no everyday word, or read as a name by the name model, and one of them listed or read by the model: two
    brands in brackets ("(Invisalign, Cerec)") are left, and so are a town and its region ("(Leeds, Yorkshire)").
    """
    rows = list(_ROW_SURNAME_COMMA_GIVEN.finditer(text))
    matches = [*_ENTRY_SURNAME_COMMA_GIVEN.finditer(text), *(rows if len(rows) > 1 else [])]
    found = [(m.start("s"), m.end("g")) for m in matches if _surname_then_given(text, m, everyday, reads_as_name)]
    lists = name_lists()
    for m in _CELL_SURNAME_GIVEN.finditer(text):  # no comma: both must be listed, each in its place
        given = fold(m.group("g"))
        if fold(m.group("s")) in lists.surnames and given in lists.given and given not in lists.common:
            found.append((m.start("s"), m.end("g")))
    return found


def surnames_first_in_list_rows(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The surname, then a comma or a semicolon and the given names, at the start of two rows or more of a list
    that hold a number after the name (_LIST_ROW_NAME, _ROW_DATA), each word capitalised and no place ("Leeds,
    Yorkshire"). A row is a name when its words are (each a listed name or no everyday word, one of them listed,
    three at most beside the particles "Ó", "de"); once one row is, the list's other rows are when their surname is
    a listed surname or no everyday word ("KOWALSKI, Stanisław", "O'NEILL-HART, Kirsty")."""
    rows = [m for m in _LIST_ROW_NAME.finditer(text) if _ROW_DATA.match(text, m.end("n")) and _row_words(m)]
    named = [m for m in rows if _row_name(m.group("n").replace(";", ", "), everyday)]
    if len(rows) < 2 or not named:
        return []
    lists = name_lists()
    found = []
    for m in rows:
        surname = _row_words(m)[0]
        if m in named or (fold(surname) in lists.surnames or not everyday(surname)):
            found.append(m.span("n"))
    return found


def _row_words(m: re.Match[str]) -> list[str]:
    """The words of a list row's name without its particles; none when one is lower case, a place, a function word
    or a title."""
    lists = name_lists()
    words = [w for w in re.split(r"[,;][ ]?|[ ]", m.group("n")) if w and w.lower() not in lists.particles]
    if not all(w[:1].isupper() for w in words) or {w.lower() for w in words} & (_places() | _titles()):
        return []
    return [] if {fold(w) for w in words} & lists.function_words else words


def _surname_then_given(
    text: str, m: re.Match[str], everyday: Callable[[str], bool], reads_as_name: Callable[[str, int, int], bool]
) -> bool:
    lists = name_lists()
    surname, given = m.group("s"), m.group("g")
    if {fold(surname), fold(given)} & lists.function_words or fold(given) in lists.common:
        return False
    if _patient_word().fullmatch(surname) or _patient_word().fullmatch(given):  # "(Patient, <occupation>)"
        return False
    if {surname.lower(), given.lower()} & _places():  # "(Paris, France)"
        return False
    listed = (fold(surname) in lists.surnames, fold(given) in lists.given)
    marked = (reads_as_name(text, *m.span("s")), reads_as_name(text, *m.span("g")))
    named = [listed[i] or marked[i] or not everyday(w) for i, w in enumerate((surname, given))]
    return all(named) and any(listed + marked)
