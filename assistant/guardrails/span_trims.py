"""Passes over the spans the finders return that trim or drop them by what surrounds them: a rota's weekdays after
a name, a weekday in a range ("Mon–Thu"), a form's next label after an address, a line of Title Case copy, a rank
before "(Retd.)", initials that open a label ("D.O.B."), and a phone number carried on to its extension or two names
joined over the particle between them."""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import guardrail_data, patient_data, person_names
from .names import month_words, name_lists
from .phones import is_phone_cue
from .spans import PhiSpan

# A rank written before "(Retd.)" ("Col. (Retd.) <name>"): the word is the rank, not a name.
_RETIRED_AFTER = re.compile(r"\.?[ ]?\((?:retd|ret|retired|rtd)\.?\)", re.IGNORECASE)


# A schedule's days after a name: a weekday, another after a slash or a dash ("<name> Mon/Wed/Fri", "<name> Mo-Fr").
_DAYS_AFTER = re.compile(r"[ ]([^\W\d_]{2,9})(?=[/–-][^\W\d_]{2,9}\b|$)")
_DAYS_RUN = re.compile(r"(?:[/–-][^\W\d_]{2,9}\b)*")


@lru_cache(maxsize=1)
def _weekday_words() -> frozenset[str]:
    return frozenset(d.lower() for d in patient_data().births.weekdays)


def without_weekdays(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` with a weekday cut from a name's end when days follow it ("Sarah Thompson Mon/Wed/Fri" is a rota's
    row: the named works on those days), a name of two words or more left."""
    kept = []
    days = _weekday_words()
    for s in map(lambda s: _without_leading_day(text, s, days), _without_acronym_compounds(text, spans)):
        if _after_a_day_in_a_schedule(text, s, days):
            continue
        m = _DAYS_AFTER.search(s.text) if s.kind == "NAME" else None
        if m is not None and m.group(1).lower() in days and m.start() > 0 and " " in s.text[: m.start()].strip():
            end = _days_end(text, s.start + m.end(1), days)
            if end is not None:
                s = PhiSpan("NAME", s.start, s.start + m.start(), text[s.start : s.start + m.start()])
        if not _a_day_in_a_range(text, s, days) and not _a_dated_day(text, s, days):
            kept.append(s)
    return kept


# A weekday written as a capitalised word before the rest of a name ("Thu <colleague> off").
_LEADING_DAY = re.compile(r"([A-Z][a-z]{2,8})\.?[ ]+(?=\S)")
_SCHEDULE_REACH = 160  # characters either side of the day in which another weekday shows a schedule


def _without_leading_day(text: str, span: PhiSpan, days: frozenset[str]) -> PhiSpan:
    """`span` less a weekday it opens with when another weekday is written near it: an inline rota ("Wed both; Thu
    <colleague> off") labels the next name with the day; the weekday is no part of it (thirty-seventh masking set),
    and the colleague left is the clinic's own. A name such as "Thu Nguyen" with no schedule around it stays whole."""
    m = _LEADING_DAY.match(span.text) if span.kind == "NAME" else None
    if m is None or m.group(1).lower() not in days or m.end() >= len(span.text):
        return span
    if not _in_a_schedule(text, span, days):
        return span
    start = span.start + m.end()
    return PhiSpan(span.kind, start, span.end, text[start : span.end])


def _in_a_schedule(text: str, span: PhiSpan, days: frozenset[str]) -> bool:
    """Whether weekdays are written around `span`: another capitalised one of three letters or more, or three
    different ones of two ("Mo ... Di ... Fr": "So", "Do" and "Di" alone open sentences and names as often as rows)."""
    around = text[max(0, span.start - _SCHEDULE_REACH) : span.start] + " " + text[span.end : span.end + _SCHEDULE_REACH]
    named = {w.lower() for w in _WORD.findall(around) if w[0].isupper() and w.lower() in days}
    return any(len(w) > 2 for w in named) or len(named) >= 3


# A weekday written right before a name ("Fr <word>").
_DAY_BEFORE_NAME = re.compile(r"(?<![\w.])([A-Z][a-z]{1,8})\.?[ ]$")


def _after_a_day_in_a_schedule(text: str, span: PhiSpan, days: frozenset[str]) -> bool:
    """Whether a one-word name in lower case follows a weekday in an inline rota ("Do <colleague> ab 9, Fr beide bis
    13"): what the team does that day; the German "Fr" is also "Frau" written short (thirty-seventh masking set)."""
    if span.kind != "NAME" or not span.text.islower() or " " in span.text:
        return False
    day = _DAY_BEFORE_NAME.search(text, max(0, span.start - 11), span.start)
    return day is not None and day.group(1).lower() in days and _in_a_schedule(text, span, days)


# A compound written with an abbreviation in capitals before its hyphen ("OP-Tag", "MRT-Termin", "EKG-Befund").
_ACRONYM_COMPOUND = re.compile(r"[ ][A-ZÄÖÜ]{2,}-[A-ZÄÖÜ]?[a-zäöüß]+$")


def _without_acronym_compounds(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` with a word such as "OP-Tag" cut from a name's end: a German compound of an abbreviation and a noun,
    no surname ("Di <colleague> OP-Tag (Laser)"; thirty-seventh masking set)."""
    out = []
    for s in spans:
        m = _ACRONYM_COMPOUND.search(s.text) if s.kind == "NAME" else None
        if m is not None:
            s = PhiSpan(s.kind, s.start, s.start + m.start(), text[s.start : s.start + m.start()])
        out.append(s)
    return out


# A clock time or a day's number after a weekday ("Thu 13:30", "Thu 2pm", "Sat 17 Jan"); a day's number before a
# month ("17 Jan 9:00").
_TIME_OR_DATE_AFTER = re.compile(
    r"[ ]{1,2}(?:\d{1,2}(?:[:.]\d{2})?[ ]?(?:am|pm|uhr|h)\b|\d{1,2}[:.]\d{2}|\d{1,2}\b)", re.I
)
_DAY_NUMBER_BEFORE = re.compile(r"(?<![\d:.])\d{1,2}\.?[ ]$")
_WORD = re.compile(r"[^\W\d_]+")


def a_dated_day(text: str, span: PhiSpan) -> bool:
    """Whether a name is only a weekday before a time or a date ("Sun 9:00"): a schedule's day, no one's name."""
    return _a_dated_day(text, span, _weekday_words())


def _a_dated_day(text: str, span: PhiSpan, days: frozenset[str]) -> bool:
    """Whether a name is only a weekday before a time or a date ("Thu 13:30", "Thu 2pm"), a month after a day's
    number ("17 Jan"), or weekdays joined by a dash ("Monday-Thursday"): a schedule, no one's name."""
    if span.kind != "NAME":
        return False
    words = [w.lower() for w in _WORD.findall(span.text)]
    if len(words) > 1:
        return re.fullmatch(r"[^\W\d_]+(?:[/–-][^\W\d_]+)+", span.text) is not None and all(w in days for w in words)
    if not words:
        return False
    if words[0] in days and _TIME_OR_DATE_AFTER.match(text, span.end):
        return True
    return words[0] in month_words() and _DAY_NUMBER_BEFORE.search(text, max(0, span.start - 4), span.start) is not None


# A weekday joined to the one before or after by a dash or a slash ("Mon–Thu", "Tue/Sat").
_DAY_BEFORE = re.compile(r"([^\W\d_]{2,9})[ ]?[/–—-][ ]?$")
_DAY_AFTER = re.compile(r"[ ]?[/–—-][ ]?([^\W\d_]{2,9})(?!\w)")


def _a_day_in_a_range(text: str, span: PhiSpan, days: frozenset[str]) -> bool:
    """Whether a one-word name is a weekday in a range of weekdays ("Mon–Thu 8am–5pm"): opening hours, no one's name
    (a surname "Do" or "Sun" after a given name is two words)."""
    if span.kind != "NAME" or span.text.lower().rstrip(".") not in days:
        return False
    before = _DAY_BEFORE.search(text, max(0, span.start - 14), span.start)
    after = _DAY_AFTER.match(text, span.end)
    return any(m is not None and m.group(1).lower().rstrip(".") in days for m in (before, after))


# A form's label at a line's start: up to three words with no digit, then a colon ("Tel.:", "Referred by:").
_LABEL_LINE = re.compile(r"[ \t]*[^\W\d_][^\W\d_.'’-]*\.?(?:[ ][^\W\d_][^\W\d_.'’-]*\.?){0,2}[ \t]*(?:#|no\.?)?[ \t]*:")


def without_next_labels(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` with an address cut before its last line when that line starts the form's next field ("..., 79104
    Freiburg\nTel.: ...") or a phone number ("\nTel. 0761 ..."): the label is no part of the address."""
    kept = []
    for s in spans:
        cut = s.text.rfind("\n") if s.kind == "ADDRESS" else -1
        line = s.start + cut + 1
        if cut > 0 and (_LABEL_LINE.match(text, line) or is_phone_cue(text, line)):
            end = s.start + len(s.text[:cut].rstrip())
            s = PhiSpan(s.kind, s.start, end, text[s.start : end])
        kept.append(s)
    return kept


@lru_cache(maxsize=1)
def _glue_words() -> frozenset[str]:
    context = person_names().name_context
    return frozenset(w.lower() for w in (context.title_case_glue if context is not None else ()))


_NEXT_CAPITAL = re.compile(r"[ ]{1,2}[A-Z]")


def without_title_case_copy(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less a name that runs into the small words of a line in Title Case and on into its next capitalised
    word ("Bring Joy To Your Smile", "Hope To Every Family"): a heading or an advert's copy, no one's name."""
    glue = _glue_words()

    def copy(s: PhiSpan) -> bool:
        later = s.text.split()[1:]
        return bool(later) and later[-1].lower() in glue and _NEXT_CAPITAL.match(text, s.end) is not None

    return [s for s in spans if not (s.kind == "NAME" and copy(s))]


@lru_cache(maxsize=1)
def _office_words() -> frozenset[str]:
    context = person_names().name_context
    return frozenset(w.lower() for w in (context.office_words if context is not None else ()))


def without_office_names(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less a "name" holding a capitalised word for an office or a department ("Wissenschaftliche Leitung",
    "Ufficio Sinistri"): the office, not a person."""
    offices = _office_words()

    def office(s: PhiSpan) -> bool:
        return any(w[0].isupper() and w.lower() in offices for w in _FIRST_WORD.findall(s.text))

    return [s for s in spans if not (s.kind == "NAME" and office(s))]


_GLUE_INSIDE = re.compile(r"(?<=[^\W\d_])[ ]+([A-ZÀ-Ý][^\W\d_]{0,4})(?=[ ]+[^\W\d_])")
_GLUE_COPY_MIN = 3  # capitalised small words inside lines that make a message Title Case copy
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def without_title_case_particles(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less a name that opens with a capitalised small word or a name's particle ("Consiglio Del Mese",
    "Sorridi Alla Primavera", "Doctor Of The Year") in a message of Title Case copy: one with three or more
    capitalised small words inside its lines (not a name's particles: "Della Valle, Beatrice" is a patient's)."""
    glue = _glue_words()
    particles = name_lists().particles
    if not any(s.kind == "NAME" for s in spans):
        return spans
    inside = [m for m in _GLUE_INSIDE.finditer(text) if m.group(1).lower() in glue - particles]

    def opens_with_glue(s: PhiSpan) -> bool:
        first = _FIRST_WORD.match(s.text)
        return first is not None and first.group()[0].isupper() and first.group().lower() in glue | particles

    def copy(s: PhiSpan) -> bool:
        if not opens_with_glue(s):
            return False
        return (
            len(inside) >= _GLUE_COPY_MIN or _in_title_case_line(text, s, glue | particles) or _in_quoted_title(text, s)
        )

    return [s for s in spans if not (s.kind == "NAME" and copy(s))]


# A title in double quotes on one line ('"Rischi Della Terapia Con ..." — Dott. <name>'), its words.
_QUOTED = re.compile(r"[\"“„«]([^\"“”„«»\n]{1,200})[\"”“»]")
_QUOTED_TITLE_MIN = 3  # words of a quoted title, each capitalised


def _in_quoted_title(text: str, span: PhiSpan) -> bool:
    """Whether a name opening with a capitalised particle lies inside a quoted title of three or more words, each
    capitalised: a talk's or a course's title in Title Case, not a person (thirty-sixth masking set)."""
    if " " not in span.text or not span.text.split(" ", 1)[0].isalpha():  # "O'Connell" is no particle and a name
        return False
    line, stop = text.rfind("\n", 0, span.start) + 1, text.find("\n", span.end)
    for m in _QUOTED.finditer(text, line, stop if stop >= 0 else len(text)):
        if m.start(1) <= span.start and span.end <= m.end(1):
            words = _FIRST_WORD.findall(m.group(1))
            # a comma sets a surname before a given name apart: an export's cell ("Della Valle, Beatrice")
            return "," not in m.group(1) and len(words) >= _QUOTED_TITLE_MIN and all(w[0].isupper() for w in words)
    return False


# The two words right before a name, capitalised, on its line ("... Al Mese Della Prevenzione": "Al Mese").
_CAPITAL_BEFORE = re.compile(r"(?<![^\W\d_])[A-ZÀ-Ý][^\W\d_]*[ ]([A-ZÀ-Ý][^\W\d_]+)[ ]$")


def _in_title_case_line(text: str, span: PhiSpan, small: frozenset[str]) -> bool:
    """Whether a name opening with a capitalised small word or particle follows two capitalised words, the last no
    title, on a line that holds another capitalised small word or particle inside ("... Aderisce Al Mese Della
    Prevenzione ..."): a heading in Title Case (thirty-fourth masking set)."""
    line, stop = text.rfind("\n", 0, span.start) + 1, text.find("\n", span.end)
    before = _CAPITAL_BEFORE.search(text, max(line, span.start - 40), span.start)
    if before is None or before.group(1).lower() in _title_words():
        return False
    hi = stop if stop >= 0 else len(text)
    found = _GLUE_INSIDE.finditer(text, line, hi)
    return any(m.group(1).lower() in small and not span.start <= m.start(1) < span.end for m in found)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    phi = guardrail_data().phi
    return frozenset(t.lower().rstrip(".") for t in (*phi.titles, *phi.lower_titles))


def _days_end(text: str, at: int, days: frozenset[str]) -> int | None:
    """Where the days after a name end, when a slash or a dash and a weekday follow and each word after one is a
    weekday too ("Mon/Wed/Fri"); None otherwise (a surname "Do" or "Sun" ends a name)."""
    run = _DAYS_RUN.match(text, at)
    if run is None:
        return None
    found = re.findall(r"[^\W\d_]+", run.group())
    return run.end() if found and all(w.lower() in days for w in found) else None


_INITIALS = re.compile(r"(?:[A-Z]\.[ ]?)+")


@lru_cache(maxsize=1)
def data_label() -> re.Pattern[str]:
    """A label of a birth date or a record number ("D.O.B", "MRN"; patient_data.yaml)."""
    terms = patient_data()
    return re.compile("|".join(f"(?:{c})" for c in (*terms.births.cues, *terms.records.cues)), re.IGNORECASE)


def without_label_initials(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less initials that are the start of a label ("D.O." of "D.O.B 17 Jan 1979"): a field, no one's name."""

    def label(s: PhiSpan) -> bool:
        m = data_label().match(text, s.start) if _INITIALS.fullmatch(s.text) else None
        return m is not None and m.end() > s.end

    return [s for s in spans if not (s.kind == "NAME" and label(s))]


def without_ranks(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less a single word right before "(Retd.)": a rank ("Col", "Brig"), the name comes after it."""
    return [s for s in spans if not (s.kind == "NAME" and " " not in s.text and _RETIRED_AFTER.match(text, s.end))]


@lru_cache(maxsize=1)
def _extension_after() -> re.Pattern[str]:
    """An extension's word and digits right after a phone number ("ext 417", "x 22"; patient_data.yaml)."""
    words = "|".join(f"(?:{w})" for w in patient_data().phones.extensions) or "(?!)"
    return re.compile(rf",?[ ]?(?:{words})[ ]?\d{{1,5}}(?![\w.,]\d)(?!\w)", re.IGNORECASE)


def with_phone_extensions(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` with each phone number carried on to the extension written right after it ("613-555-0187 x 22")."""
    out = []
    for k, s in enumerate(spans):
        ext = _extension_after().match(text, s.end) if s.kind == "PHONE" else None
        if ext and (k + 1 == len(spans) or spans[k + 1].start >= ext.end()):
            s = PhiSpan("PHONE", s.start, ext.end(), text[s.start : ext.end()])
        out.append(s)
    return out


_BETWEEN = re.compile(r"[ ]([^\W\d_]{1,5})(?:[ ]([^\W\d_]{1,5}))?[ ]")


def with_names_over_particles(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` with two names joined when only a name's particles stand between them ("Maximilian" "von" "Stetten"
    found word by word where the name is repeated, "@Maximilian von Stetten"): one name, its particle masked too."""
    particles = name_lists().particles
    out: list[PhiSpan] = []
    for s in spans:
        prev = out[-1] if out else None
        gap = _BETWEEN.fullmatch(text, prev.end, s.start) if prev and prev.kind == s.kind == "NAME" else None
        if prev and gap and all(w.lower() in particles for w in gap.groups() if w):
            out[-1] = PhiSpan("NAME", prev.start, s.end, text[prev.start : s.end])
        else:
            out.append(s)
    return out
