"""A patient's street address in running text: the street, and the flat, town, region and postcode after it.

"We sent it to 305 Bank Street, Apt 12, Ottawa, ON K2P 1X8" must lose the whole address, not only the street:
a town and postcode next to a street narrow a patient down to a household. Shapes covered: number first
("4417 Bluebonnet Ln", "12/88 Oceanic Parade"), street word first ("Via Saragozza 118"), German compounds
("Habsburgerstraße 47"), a flat or unit first ("Flat 402, Shree Ganesh Apartments, Kothrud, Pune 411038"),
anything after an address cue ("lives at ..."), and a full UK postcode alone. Words and shapes are in
knowledge/data/patient_data.yaml (`addresses`) and guardrails.yaml (`phi.street_types`, `street_prefixes`).
The clinic's own address is kept readable by clinic.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import guardrail_data, patient_data, words
from .neighbours import places

_CAP = r"[A-ZÀ-Ý][\w'’.-]*"  # a capitalised word ("Bluebonnet", "O'Connell", "St.")
_PARTICLE = r"(?:de|di|da|dei|degli|della|delle|del|des|van|von|der|le|la|du|dos)"
# A particle elided before a vowel, written against the next word ("Via dell'Indipendenza", "Rue d'Alésia").
_ELIDED = r"(?:dell|dall|nell|sull|all|l|d)['’]"
# Street words before the name after an address cue, in either case ("indirizzo via Saragozza 112/2"). One or two
# particles may follow ("abita in via del Pratello 41", "indirizzo Via del ... 31, <town>", "Rue de la Paix 12").
_LOWER_STREET = (
    rf"(?:[Vv]ia|[Vv]iale|[Pp]iazza|[Cc]orso|[Ll]argo|[Vv]icolo|[Ss]trada|[Rr]ue|[Cc]alle)\s+"
    rf"(?:(?:{_PARTICLE}\s+){{1,2}}|{_ELIDED})?"
)
_HOUSE = r"\d{1,5}[A-Za-z]?(?:[/-]\d{1,5}[A-Za-z]?)?"  # "12", "221B", "12/88", "4-6"
# A street word in lower case with no cue before it ("..., via San Vitale 88, 40125 Bologna"): an address only when
# a postcode ends what follows the house number, or a town after a comma ("via del Pratello 27, Bologna."); "via
# Roma 12" alone may be a route: "via Milano 2 ore".
_LOWER_STREET_ALONE = re.compile(
    rf"(?<![\w/.-])(?:via|viale|piazza|corso|largo|vicolo|strada|rue|calle)\s+"
    rf"(?:(?:{_PARTICLE}\s+){{1,2}}|{_ELIDED})?(?:[A-ZÀ-Ý][\w'’.-]*\s+){{0,2}}[A-ZÀ-Ý][\w'’.-]*,?\s+{_HOUSE}(?![\w/])"
)
# A capitalised word right after a lower-case street's house number, maybe after a comma: a town when the countries
# data names it ("abito in via <name> 48 Bologna"; forty-first masking set).
_TOWN_NEXT = re.compile(r",?[ ]+([A-ZÀ-Ý][^\W\d_]+)(?![\w'’-])")
# A street name may be a numbered one ("W 34th St"); a locality part may end in a number ("Lane 3", "Sector 12").
# A word of the name ending in a full stop is an abbreviation ("St.", "Mt.", "Ave."); after a longer word the full
# stop ends a sentence, and the next one's words are no street ("start 21 July. Contact Dr Priya Nair").
_STREET_WORD = rf"(?:{_CAP}(?<![a-zà-ÿ]{{3}}\.)|\d{{1,3}}(?:st|nd|rd|th))"
_LOCALITY = rf"{_CAP}(?:\s+{_CAP}){{0,3}}(?:\s+\d{{1,4}})?"
# German town names go on after a postcode with a small word ("Freiburg im Breisgau", "Frankfurt am Main").
_TOWN_SUFFIX = r"(?:\s+(?:im|am|an der|in der|ob der|bei)\s+[A-ZÀ-Ý][\w'’-]*)?"
_YEAR = re.compile(r"(?:19|20)\d{2}\b")
# A street word written apart may have a place's adjective before it ("Lehener Straße 61", "Berliner Platz 3";
# thirtieth set): the adjective is part of the street's name.
_GERMAN_STREET = (
    r"(?:[A-ZÄÖÜ][a-zäöüß]+-)*(?:[A-ZÄÖÜ][a-zäöüß]*(?:straße|strasse|str\.|weg|platz|gasse|allee|ring|damm|ufer)"
    r"|(?:[A-ZÄÖÜ][a-zäöüß]+er\s)?(?:Straße|Strasse|Str\.|Weg|Platz|Gasse|Allee))"
)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    """(streets, units, tail, cue, standalone postcode, address shape) compiled from the data files."""
    phi, terms = guardrail_data().phi, patient_data().addresses
    types, prefixes = words(phi.street_types), words(phi.street_prefixes)
    units = words(terms.unit_words)
    region = words(terms.regions)
    postcode = "|".join(f"(?:{p})" for p in terms.postcodes)
    after_region = "|".join(f"(?:{p})" for p in (*terms.postcodes, *terms.region_postcodes))
    streets = re.compile(
        rf"(?<![\w/.-])(?:{_HOUSE},?\s+(?:{_STREET_WORD}\s+){{1,3}}(?:{types})\b\.?"
        rf"|(?:{prefixes})\s+(?:{_PARTICLE}\s+|{_ELIDED})?(?:{_CAP}\s+){{0,2}}{_CAP},?\s+{_HOUSE}(?![\w/])"
        rf"|{_GERMAN_STREET}\s+{_HOUSE}(?![\w/])"
        # The number first and a street word before the name (Quebec, France): "1420, rue Sainte-Catherine".
        rf"|{_HOUSE},?\s+(?:[Rr]ue|[Cc]hemin|[Bb]oulevard|[Bb]oul\.|[Aa]venue|[Rr]oute)\s+(?:{_PARTICLE}\s+|{_ELIDED})?{_CAP}"
        rf"(?:\s+{_CAP}){{0,2}})"
    )
    # A flat's number, with a block's letter before it ("Flat B-704"), or a flat letter alone ("Apt B").
    unit = (
        rf"(?:{units})\.?\s*(?:[Nn]o\.?\s*)?#?\s*"
        rf"(?:(?:[A-Z]{{1,2}}-?)?\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,5}}[A-Za-z]?){{0,3}}|[A-Z](?![\w-]))"
    )
    # What may follow a street: a flat, then a town, region and postcode in the orders the countries use.
    tail = re.compile(
        rf"(?:,?\s+(?:{unit}|#\s?\d{{1,5}}[A-Za-z]?)(?!\w))?"
        rf"(?:,?\s+(?:{terms.postcode_before_town}\s+{_CAP}(?:\s+{_CAP})?{_TOWN_SUFFIX}(?:\s+\([A-Z]{{2}}\))?"
        rf"|(?:{_LOCALITY},\s*){{0,3}}(?:{_LOCALITY},?\s+)?(?:[-–]\s*)?"
        rf"(?:(?:{region})\.?,?\s+(?:{after_region})|{postcode})"
        rf"|(?:{_LOCALITY},\s*)?(?:{region})"
        # The region written out in brackets after the town, then the postcode ("Gatineau (Québec) J8X 3R5").
        rf"|(?:{_LOCALITY},\s*){{0,2}}{_LOCALITY}\s+\({_CAP}(?:[ -]{_CAP})?\)\s+(?:{postcode}))(?![\w-]))?"
    )
    # A flat written as a code ("B-204, Lotus Heights, ..."): an address only when a postcode ends what follows.
    codes = "|".join(f"(?:{c})" for c in terms.unit_codes) or "(?!)"
    units_first = re.compile(rf"(?<![\w.])(?:(?P<unit>{unit})|(?P<code>{codes})(?=,))(?!\w)")
    cue = re.compile(r"\b(?:" + "|".join(f"(?:{c})" for c in terms.cues) + r")\s*(?::|-|–)?\s*", re.IGNORECASE)
    standalone = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in terms.standalone_postcodes) + r")(?!\w)")
    # A stretch after a cue is an address when it starts with a house number or a flat, or ends in a postcode.
    # Or with a street word before the name ("abita in Via Mascarella 17, Bologna"), which holds a digit.
    shaped = re.compile(
        rf"^(?:\d|(?:{units})\b|(?:{prefixes})\s+\S[^,]*\d|{_LOWER_STREET}[A-ZÀ-Ý][\w'’.-]*\s+\d)|(?<!\w)(?:{postcode})$"
    )
    return streets, units_first, tail, cue, standalone, shaped


def find_addresses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each address in `text`: a street with what follows it, a flat with a town and
    postcode, an address after a cue, or a full postcode alone."""
    streets, units_first, tail, cue, standalone, shaped = _patterns()
    found = [
        _with_town(text, *_with_tail(text, m.start(), m.end(), tail))
        for m in streets.finditer(text)
        if not _dated(text, m.start()) and not _doctor_not_drive(text, m.end())
    ]
    found += [_with_town(text, *m.span()) for m in _streets_before_town().finditer(text) if not _dated(text, m.start())]
    for m in units_first.finditer(text):
        street = streets.match(text, _skip_comma(text, m.end()))
        end = street.end() if street else m.end()
        full = _with_tail(text, m.start(), end, tail)
        if m.group("code") and not street and not _ends_in_postcode(text[end : full[1]]):
            continue
        if street or full[1] > end:  # "Flat 2" alone is not an address; with a street or postcode it is
            found.append(full)
    for m in cue.finditer(text):
        span = _after_cue(text, m.end(), tail)
        if span and shaped.search(text[span[0] : span[1]]):
            found.append(span)
        lower = _lower_street().match(text, m.end())  # "lives at 14 kirkstall road"
        if lower:
            found.append(_with_tail(text, *lower.span(), tail))
    found += _lower_streets_alone(text, tail)
    for m in _NUMBER_AND_NAME.finditer(text):
        start, end = _with_tail(text, m.start(), m.end(), tail)
        if _ends_in_region_and_postcode(text[m.end() : end]):
            found.append((start, end))
    found += [m.span() for m in standalone.finditer(text)]
    return _merged(found)


def _lower_streets_alone(text: str, tail: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of each street written with its word in lower case and no cue ("via <name> 12"): with a postcode
    after it, a town the countries data names right after its number, or a town that ends its clause."""
    found = []
    for m in _LOWER_STREET_ALONE.finditer(text):
        start, end = _with_tail(text, m.start(), m.end(), tail)
        stop = re.search(r"\.(?:\s|$)", text[m.end() : end])  # the town ends its sentence ("Roma. Grazie")
        end = m.end() + stop.start() if stop else end
        if _holds_postcode(text[m.end() : end]):
            found.append((start, end))
        elif (town := _TOWN_NEXT.match(text, m.end())) is not None and town.group(1).lower() in places():
            found.append((start, town.end()))
        elif town := _town_after().match(text, m.end()):  # a town that ends its clause: "via ... 27, <town>."
            found.append((m.start(), town.end()))
    return found


# A house number and a street named with no street word ("4417 Speedway, Austin TX 78751", "12 Broadway, ..."):
# an address only when a town, a region and its postcode follow.
_NUMBER_AND_NAME = re.compile(rf"(?<![\w/.,$£€#:-]){_HOUSE}\s+{_CAP}(?:\s+{_CAP}){{0,2}}(?=,\s*[A-ZÀ-Ý])")


# The town after a street and a comma, when nothing else follows in its clause ("212 rue Principale, Gatineau."): a
# clause ends at a stop, a bracket, a line's end, a spaced dash ("..., Mandurah — itchy rash") or a closing quote
# ('"..., 27 <street>, Otley". Can we ...').
# Or one of `town_then_words` follows it ("..., Moortown for Mrs ...").
@lru_cache(maxsize=1)
def _town_after() -> re.Pattern[str]:
    then = words(patient_data().addresses.town_then_words) or "(?!)"
    return re.compile(
        r",[ ]*[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+){0,2}"
        rf"(?=[ ]*(?:[.,;!?)\n\"”]|$)|[ ]+[–—-][ ]|['’](?:[ .,;!?)\n]|$)|[ ]+(?:{then})\b)"
    )


def _with_town(text: str, start: int, end: int) -> tuple[int, int]:
    """The address at text[start:end] with the town after it, when a comma and a town that ends its clause follow
    the street and no postcode or region was read after it: a street and its town narrow a patient to a household."""
    town = _town_after().match(text, end)
    return (start, town.end()) if town else (start, end)


@lru_cache(maxsize=1)
def _streets_before_town() -> re.Pattern[str]:
    """A house number and a street ending in an everyday place word ("14 Roundhay Mount"), or named by a street word
    alone ("3/14 Esplanade"), before a comma and a capitalised town (patient_data.yaml `street_types_before_town`,
    `lone_street_names`)."""
    terms = patient_data().addresses
    types = words(terms.street_types_before_town) or "(?!)"
    lone = words(terms.lone_street_names) or "(?!)"
    return re.compile(
        rf"(?<![\w/.-]){_HOUSE},?\s+(?:(?:{_STREET_WORD}\s+){{1,3}}(?:{types})|(?:The\s+)?(?:{lone}))(?=,[ ]*[A-ZÀ-Ý])"
    )


def _ends_in_region_and_postcode(stretch: str) -> bool:
    """Whether a street's tail goes on to a town, then a region and its postcode (", Austin TX 78751")."""
    terms = patient_data().addresses
    region = words(terms.regions)
    postcodes = "|".join(f"(?:{p})" for p in (*terms.postcodes, *terms.region_postcodes))
    return re.search(rf"^,\s*{_LOCALITY},?\s+(?:{region})\.?,?\s+(?:{postcodes})$", stretch) is not None


def _ends_in_postcode(stretch: str) -> bool:
    postcodes = "|".join(f"(?:{p})" for p in patient_data().addresses.postcodes)
    return re.search(rf"(?<!\w)(?:{postcodes})$", stretch) is not None


def _holds_postcode(stretch: str) -> bool:
    """Whether a street's tail holds a postcode, before the town ("20121 Milano") or at the end."""
    terms = patient_data().addresses
    postcodes = "|".join(f"(?:{p})" for p in (terms.postcode_before_town, *terms.postcodes))
    return re.search(rf"(?<!\w)(?:{postcodes})(?!\w)", stretch) is not None


def address_words(text: str) -> frozenset[str]:
    """The words and numbers of an address, lower case ("22 Wellington St" -> {"22", "wellington", "st"})."""
    return frozenset(w.lower() for w in re.findall(r"\w+", text))


# A doctor's title and a full name after a street's "Dr" ("Mi: 8-12, Vertretung Dr. <given> <surname>"): the title of
# a doctor in a rota, not a drive.
_DOCTOR_NAME_AFTER = re.compile(r"(?<=Dr)\.?[ ]+(?:med\.[ ]+)?[A-ZÀ-Ý][a-zß-ÿ'’-]+[ ]+[A-ZÀ-Ý][a-zß-ÿ]")


def _doctor_not_drive(text: str, end: int) -> bool:
    """True when the street found ends in "Dr" that a doctor's full name follows: a title, not a drive; or that a
    weekday and a capitalised name stand around, as a rota writes the doctor's day ("8-4, Tue Dr. <surname>"; forty-
    first masking set)."""
    at = end - 1 if text[end - 1 : end] == "." else end
    if _DOCTOR_NAME_AFTER.match(text, at) is not None:
        return True
    day = _WEEKDAY_BEFORE_DR.search(text, max(0, at - 16), at)
    return day is not None and day.group(1).lower() in _weekdays() and _NAME_AFTER_DR.match(text, at) is not None


# The word right before "Dr" at a street's end, and a capitalised word after "Dr" (its stop maybe between).
_WEEKDAY_BEFORE_DR = re.compile(r"(?<![\w'’-])([^\W\d_]+)[ ]+Dr$")
_NAME_AFTER_DR = re.compile(r"(?<=Dr)\.?[ ]+[A-ZÀ-Ý][a-zß-ÿ'’-]+")


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    return frozenset(d.lower() for d in patient_data().births.weekdays)


def _dated(text: str, start: int) -> bool:
    """True when the street's number is a year after a word such as "the" or "since" ("the 2025 Federal Court")."""
    if not _YEAR.match(text, start):
        return False
    before = re.search(r"(\w+)\W*$", text[max(0, start - 40) : start])
    return before is not None and before.group(1).lower() in _year_words()


@lru_cache(maxsize=1)
def _year_words() -> frozenset[str]:
    return frozenset(w.lower() for w in patient_data().addresses.year_words)


def _skip_comma(text: str, pos: int) -> int:
    match = re.compile(r",?\s*").match(text, pos)
    return match.end() if match else pos


def _with_tail(text: str, start: int, end: int, tail: re.Pattern[str]) -> tuple[int, int]:
    match = tail.match(text, end)
    if match is None:
        return start, end
    stop = match.end()
    # A "postcode" that runs on into more digits is the start of a phone number after the town ("Bologna, 051 224
    # 6610"): the address ends before it.
    if re.match(r"[ ]\d", text[stop : stop + 2]):
        cut = re.search(r",[ ]+[\d ]+$", text[end:stop])
        if cut is not None:
            stop = end + cut.start()
    return start, stop


def _after_cue(text: str, pos: int, tail: re.Pattern[str]) -> tuple[int, int] | None:
    """An address after "address", "lives at": capitalised or numbered parts joined by commas, one holding a
    digit, ending in a postcode or a street ("address Flat 402, Shree Ganesh Apartments, Pune 411038")."""
    # A street word in lower case may open it ("nuovo indirizzo via Saragozza 112/2, 40135 Bologna"). A part's words
    # stay on one line and in one cell: after an export's "Address" column name, the next row's cells are no
    # address (thirty-seventh masking set).
    part = re.compile(
        rf"(?:{_LOWER_STREET})?"
        r"(?:[A-ZÀ-Ý0-9#][\w'’./-]*)(?:[ ]+(?:[A-ZÀ-Ý0-9#][\w'’./-]*))*"
    )
    end, parts = pos, 0
    while parts < 6:
        match = part.match(text, _skip_comma(text, end) if parts else end)
        if not match:
            break
        end, parts = match.end(), parts + 1
        if text[end : end + 1] != ",":
            break
    # A sentence ends at a full stop after a word ("... 40135 Bologna. Mi prepari"), not after "St." or "Apt.".
    for stop in re.finditer(r"([^\W\d_]{2,})\.\s", text[pos:end]):
        if stop.group(1) not in _abbreviations():
            end = pos + stop.start() + len(stop.group(1))
            break
    end -= text[pos:end].endswith(".")  # the sentence's full stop is not part of the address
    stretch = text[pos:end]
    if parts < 2 or not re.search(r"\d", stretch):
        return None
    return _with_tail(text, pos, end, tail)


@lru_cache(maxsize=1)
def _lower_street() -> re.Pattern[str]:
    """A house number and a street written all in lower case, as typed after an address cue."""
    types = words(tuple(t.lower() for t in guardrail_data().phi.street_types if len(t) > 2))
    return re.compile(rf"{_HOUSE},?\s+(?:[a-z][a-z'’-]+\s+){{1,3}}(?:{types})\b\.?")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Street and flat words that may be written with a full stop inside an address ("St.", "Apt.")."""
    return frozenset(
        (
            *guardrail_data().phi.street_types,
            *guardrail_data().phi.street_prefixes,
            *patient_data().addresses.unit_words,
        )
    )


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined into one, so an address is reported once, whole."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


@lru_cache(maxsize=1)
def _numberless_street() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a street with no house number after a person's name, the same after their home), from the data."""
    phi, terms = guardrail_data().phi, patient_data().addresses
    street = (
        rf"(?P<s>(?:(?:{_STREET_WORD}\s+){{1,3}}(?:{words(phi.street_types)})\b\.?|{_GERMAN_STREET})"
        rf"(?:,[ ]*{_CAP}(?=[ ]*[!.;:)\"”]|[ ]*$))?)"
    )
    return (
        re.compile(rf"(?i:{terms.street_after_name}){street}"),
        re.compile(rf"(?i:{terms.home_street_before}){street}"),
    )


def streets_of_people(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of a street with no house number where a named person lives: right after one of their `names`
    (start, end) or after "his place on". A birthday post's "<name> of Kedron Brook Road, <suburb>" narrows a
    patient to a few houses, as much as a number would (fortieth masking set)."""
    after_name, after_home = _numberless_street()
    found = [m.span("s") for _, end in names if (m := after_name.match(text, end))]
    if names:
        found += [m.span("s") for m in after_home.finditer(text)]
    return sorted(set(found))
