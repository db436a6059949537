"""Find and mask patient data: names, phone numbers, emails, dates of birth, record numbers, addresses and
national identifiers (SSN, NHS number, codice fiscale, Steuer-ID, Medicare, SIN, Aadhaar).

Text a doctor types may name a patient; it must be masked before it reaches a remote model, the database or a
log (OWASP LLM02, HIPAA). Presidio's analyzer runs with its no-op NLP engine and our own recognizers only: its
default engine would try to download a spaCy model, and no official NER model ships on PyPI. Names are caught
by context ("my patient John Smith", "Mrs. Rossi", "pt J.S."), by public-domain name lists ("Tom Baker came
in"; see names.py), by a small named-entity model shipped with the app ("Ximena Castillo said"; see ner.py)
and by names the caller already knows (a reviewer's display name). The clinic's own name,
city, address, phone and staff (from its profile) are not patient data and stay readable.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..profile import ClinicProfile
from ._data import any_of, guardrail_data, patient_data, words
from .addresses import find_addresses, streets_of_people
from .alternatives import alternative_names
from .births import find_birth_dates
from .children import children_in_brackets
from .clinic import clinic_terms
from .contacts import without_labelled_contacts
from .entries import names_in_lists
from .export_rows import between_rows, export_columns
from .handles import names_in_links, person_handles, profile_handles, writers_handles
from .identifiers import find_national_ids
from .jotted import names_in_jotted_notes, surnames_opening_note_lines
from .json_fields import json_fields, json_system_numbers
from .letterheads import without_letterhead_phones
from .listings import without_notice_lines
from .minutes import without_meeting_attendees
from .name_context import cued_or_titled, not_a_patient_by_context
from .name_extents import given_names_after_titled_surnames, with_linked_surnames, with_surname_first_parts
from .name_finders import colleague_or_place, everyday, model_reads_as_name, name_finders
from .name_scorer import learned_names
from .names import (
    fold,
    honorifics,
    is_given_name,
    is_not_a_patient,
    is_surname,
    name_lists,
    names_beside_names,
    names_spelled_with_spaces,
    nicknames_before_brackets,
    nicknames_beside_names,
)
from .neighbours import (
    dates_after_names,
    names_after_numbers,
    names_before_addresses,
    names_before_numbers,
)
from .ner import name_model
from .notes import names_in_notes
from .ocr import read_as_printed
from .officers import without_privacy_officers
from .other_scripts import names_in_other_scripts
from .phones import find_cued_phones, is_phone_cue, phone_regions
from .recipes import without_recipe_words
from .records import find_record_numbers, find_unlabelled_numbers, thanked_for
from .reviews import reviewers_by_stars
from .rotas import without_rota_staff
from .senders import without_supplier_senders
from .signoffs import nicknames_signing_off
from .span_trims import (
    a_dated_day,
    with_names_over_particles,
    with_phone_extensions,
    without_label_initials,
    without_next_labels,
    without_office_names,
    without_ranks,
    without_title_case_copy,
    without_title_case_particles,
    without_weekdays,
)
from .spans import PhiSpan
from .spoken_addresses import find_spoken_addresses
from .spoken_phones import find_spoken_identifiers, find_spoken_phones
from .tables import in_other_column, table_cells
from .vcards import vcard_fields

if TYPE_CHECKING:  # Presidio pulls in spaCy and torch: imported only when the engine is first built
    from presidio_analyzer import AnalyzerEngine, RecognizerResult

KINDS = ("NAME", "PHONE", "EMAIL", "DATE_OF_BIRTH", "RECORD_NUMBER", "ADDRESS", "NATIONAL_ID")
LABELS = {
    "NAME": "name",
    "PHONE": "phone number",
    "EMAIL": "email address",
    "DATE_OF_BIRTH": "date of birth",
    "RECORD_NUMBER": "record number",
    "ADDRESS": "address",
    "NATIONAL_ID": "national identity number",
}
PLACEHOLDER = re.compile(r"\[(?:" + "|".join(KINDS) + r")\]")
# Overlapping matches keep the most specific: a context-led match beats a bare phone-number shape.
_SCORES = {
    "EXTRA_NAME": 1.0,
    "NATIONAL_ID": 0.94,
    "DATE_OF_BIRTH": 0.95,
    "RECORD_NUMBER": 0.95,
    "EMAIL": 0.9,
    "CUED_PHONE": 0.9,
    "ADDRESS": 0.85,
    "NAME": 0.8,
    "LISTED_NAME": 0.75,
    "MODEL_NAME": 0.7,
}

# Latin letters with accents, Latin-1 and Latin Extended-A ("Yılmaz", "Łukasz", "Dvořák"), and Vietnamese letters
# with two marks or a horn ("Phạm", "Ngọc", "Trương"; Latin Extended-B and Additional; twenty-eighth masking set).
_VI = "\u01a0-\u01b0\u1ea0-\u1ef9"
_UP = f"A-ZÀ-ÖØ-Ý\u0100-\u017f{_VI}"
_LOW = f"a-zß-öø-ÿ\u0100-\u017f{_VI}"
_CAP = rf"[{_UP}](?:['’][{_UP}])?[{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:-[{_UP}][{_LOW}]+)?"
# Particles inside a name after a title ("Herr von Bülow", "Mrs Ó Briain", "Mr ap Gwilym", "Dr van den Berg").
_PARTICLE = r"(?:de|di|da|van|von|der|den|del|della|le|la|du|dos|ó|ní|nic|mac|ap|ab|uí)"
# An Arabic article written against a surname after a title ("Mr Yusuf al-Khatib", "Dr. Omar el-Sayed").
_ARTICLE = r"(?:al|el|ad|ar|as|ash|at|az)-"
# Within a line, one space or tab between its words: two spaces or more set a column apart in a printed schedule ("Mo
# 09:00  Dr. Weber  Biopsie    <patient>"; twenty-seventh masking set).
_NAME = rf"{_CAP}(?:(?:[ ]|\t)(?:{_PARTICLE}(?:[ ]|\t)){{0,2}}(?:{_ARTICLE})?(?:{_CAP}|[A-Z]\.)){{0,3}}"

# Identifiers other than names, each found by its own module (kind, score key, finder).
_IDENTIFIER_FINDERS: tuple[tuple[str, str, Callable[[str], list[tuple[int, int]]]], ...] = (
    ("NATIONAL_ID", "NATIONAL_ID", find_national_ids),
    ("DATE_OF_BIRTH", "DATE_OF_BIRTH", find_birth_dates),
    ("RECORD_NUMBER", "RECORD_NUMBER", find_record_numbers),
    ("ADDRESS", "ADDRESS", find_addresses),
    ("ADDRESS", "ADDRESS", find_spoken_addresses),
    ("PHONE", "CUED_PHONE", find_cued_phones),
    ("PHONE", "CUED_PHONE", find_spoken_phones),
    ("RECORD_NUMBER", "RECORD_NUMBER", find_spoken_identifiers),
)

_BUILD_LOCK = threading.Lock()
# Stretches that could hold a phone number: digits with spaces, dots, dashes, slashes or brackets between them.
_PHONE_RUN = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d ().\-/]{5,24}\d(?!\w)")
# A whole date, day and month first or the year first, one separator throughout ("05.05.2025", "2025/05/05"): read
# in some regions as a valid phone number, never written as one (twenty-ninth masking set).
_CALENDAR_DATE = re.compile(
    r"(?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d|(?:19|20)\d\d([./-])(?:0?[1-9]|1[0-2])\2(?:0?[1-9]|[12]\d|3[01])"
)
# A date and the hour of a time after it ("2024-03-04 09:00", "04/03/2024 09:45" in an export): a stamp, not a phone.
_DATE_AND_HOUR = re.compile(r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{4})[ T]\d{1,2}")


@dataclass(frozen=True)
class MaskResult:
    text: str  # the input with each span replaced by a placeholder such as [NAME]
    spans: tuple[PhiSpan, ...]

    @property
    def kinds(self) -> list[str]:
        """Kinds of patient data that were masked, in a stable order (for telling the user)."""
        found = {s.kind for s in self.spans}
        return [k for k in KINDS if k in found]


def detect_phi(
    text: str, extra_names: Iterable[str] = (), clinic: ClinicProfile | None = None, learned: bool = False
) -> list[PhiSpan]:
    """Patient-data spans in `text`, sorted and non-overlapping; `extra_names` are matched literally.

    `clinic` is the clinic's profile: its own name, city, address, phone and staff are not patient data. With
    `learned` the learned name decision (name_scorer.py) adds names among the words the rules left; the app does
    not use it (off by default): cross-validated across the development sets it found little more and masked more
    ordinary messages (docs/privacy.md).
    """
    if not isinstance(text, str):
        raise TypeError("detect_phi expects a string")
    if not text.strip():
        return []
    spans = rule_spans(text, extra_names)
    own = clinic_terms(clinic) if clinic is not None else None
    if learned:
        spans = sorted(spans + _learned_names(text, spans), key=lambda s: s.start)
    if own is None:
        return spans
    kept = [s for s in spans if not own.covers(s) or own.lay_titled_namesake(text, s)]
    dropped = [s for s in spans if s not in kept]
    return _without_staff_relatives(text, _without_nicknames_of(text, kept, dropped), dropped, own.surnames)


@lru_cache(maxsize=1)
def _relative_after_owner() -> re.Pattern[str]:
    """A possessive and a relative's word, then a space ("'s daughter "; guardrails.yaml family_after_possessive)."""
    family = "|".join(f"(?:{f})" for f in guardrail_data().phi.family_after_possessive) or "(?!)"
    return re.compile(rf"['’]s (?:{family})[ ,]+", re.IGNORECASE)


def _without_staff_relatives(
    text: str, spans: list[PhiSpan], dropped: Sequence[PhiSpan], surnames: frozenset[str] = frozenset()
) -> list[PhiSpan]:
    """`spans` less the name of a relative of one of the clinic's own staff, right after the staff member's name
    ("<staff name>'s daughter <name> ran the marathon"): the family of a colleague, not a patient. The staff member's
    name may have been read as another clinician's already ("Dr. <staff name>'s son"), so their surname counts too."""
    starts = {m.end() for s in dropped if s.kind == "NAME" and (m := _relative_after_owner().match(text, s.end))}
    starts |= {
        m.end()
        for m in _relative_after_owner().finditer(text)
        if (owner := _LAST_WORD.search(text, max(0, m.start() - 40), m.start())) and fold(owner.group()) in surnames
    }
    return [s for s in spans if not (s.kind == "NAME" and s.start in starts)] if starts else spans


_LAST_WORD = re.compile(r"[^\W\d_]+$")


# A nickname's end and the brackets that open with the full name ("Jojo (<full name>"), as the start of the name.
_NICKNAME_TO_BRACKET = re.compile(r"[\"'”’]?[ ]*\(")


def _without_nicknames_of(text: str, spans: list[PhiSpan], dropped: Sequence[PhiSpan]) -> list[PhiSpan]:
    """`spans` less the nicknames right before brackets that open with a name that was `dropped` as the clinic's own
    or a colleague's ("Jojo (<staff member>) is off on Friday")."""
    starts = {s.start for s in dropped if s.kind == "NAME"}
    if not starts:
        return spans
    return [
        s
        for s in spans
        if not (
            s.kind == "NAME"
            and (bracket := _NICKNAME_TO_BRACKET.match(text, s.end)) is not None
            and bracket.end() in starts
        )
    ]


# A line break inside a number: a digit (maybe a dash, dot or space after it) before it, a digit after it
# ("512-555-\n0187", "NHS no. 485 777\n3456"): a number wrapped by a form, a sticky note or a narrow window.
_BREAK_IN_NUMBER = re.compile(r"(?<=\d)([ \t]?[-./]?[ \t]?)\n(?=[ \t]?\d)")
_WRAPPED_KINDS = ("PHONE", "NATIONAL_ID", "RECORD_NUMBER")


# A line break inside a name: a capitalised word ends a line that holds other words before it, and the next line
# opens with a capitalised word followed by a comma, a lower-case word or the line's end ("main Farida\nKhan bol
# rahi hoon", "Re: Mr. Harpreet\nDhillon, Type 2 ..."): a name wrapped by a fax, a pasted SMS or a narrow window.
_BREAK_IN_NAME = re.compile(
    rf"(?m)^(?P<line>[^\n]*\S[ \t])(?P<first>{_CAP})(?P<at>\n)(?P<next>{_CAP})"
    rf"(?P<after>,|[ \t]+[{_LOW}]|[ \t]*\n|[ \t]*$)"
)
# A line that is an entry of a list or a schedule ("- <name>", "09:00 Laser – <name>"): whole, not wrapped.
_ENTRY_LINE = re.compile(r"[ \t]*(?:[-–•*|>]|\d)")


def _surname_after(first: str, word: str) -> bool:
    """Whether `word` on the next line goes on the name that `first` ends a line with: a listed surname, no function
    word ("Per favore"), and no everyday word unless `first` is a listed given name or no everyday word either
    ("main Farida\nKhan bol ...")."""
    if not is_surname(word) or fold(word) in name_lists().function_words:
        return False
    return not everyday(word) or is_given_name(first) or not everyday(first)


def _name_breaks(text: str) -> list[int]:
    """Where a name is wrapped onto the next line (_BREAK_IN_NAME): not after a list's entry, and the word on the next
    line ends its clause ("...\nDhillon, Type 2") or is a surname (_surname_after); "Elena\nVorrei mandare" opens a
    sentence."""
    breaks = []
    for m in _BREAK_IN_NAME.finditer(text):
        if _ENTRY_LINE.match(m.group("line")):
            continue
        word = m.group("next")
        after = m.group("after")
        if after.startswith(",") or not after.strip() or _surname_after(m.group("first"), word):
            breaks.append(m.start("at"))
    return breaks


# A word for the runs of words in capitals: letters, an apostrophe or a hyphen inside ("O'HARA", "FAIRWEATHER-KNOX").
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SHOUTED_RUN = (2, 4)  # how many words in capitals make a name written in capitals; more is shouting


def _shouted_runs(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, titled) of each run of two to four words in capitals, single spaces between, among words that are
    not ("URGENT: ROBERT LEBLANC's daughter", "MAXIMILIAN KRÜGER (alle ..."): a name as a form or a caps-lock writer
    puts it. One word at least is a listed given name or surname ("HIPAA BAA" is none). A possessive "'s" after the
    last word is left out; an initial inside is part of the run ("MARGARET A. KOWALSKI"). Right after a courtesy
    title, one word in capitals is a run too, listed or not ("Smt. SAVITRI BORKAR", "Sig. VITALI Roberto", "MRS E.
    PICKERING"; thirty-eighth masking set): the title says a person's name follows (`titled`)."""
    runs: list[list[tuple[int, int]]] = []
    for m in _WORD.finditer(text):
        a, b = m.span()
        if m.group().endswith(("'s", "’s")):
            b -= 2
        initial = b - a == 1 and text[a].isupper() and text[b : b + 1] == "."
        if (b - a < 2 and not initial) or not text[a:b].isupper() or _label_word().fullmatch(text[a:b]):
            runs.append([])
            continue
        span = (a, b + 1) if initial else (a, b)
        if runs and runs[-1] and text[runs[-1][-1][1] : a] == " ":
            runs[-1].append(span)
        else:
            runs.append([span])
    low, high = _SHOUTED_RUN
    found = []
    for run in runs:
        words = [(a, b) for a, b in run if b - a > 2 or text[b - 1] != "."]
        while run and run[-1] not in words:  # an initial ends no name
            run = run[:-1]
        if not words or len(words) > high:
            continue
        titled = _TITLE_BEFORE().search(text, max(0, run[0][0] - 12), run[0][0]) is not None
        listed = any(is_given_name(text[a:b]) or is_surname(text[a:b]) for a, b in words)
        if titled or (len(words) >= low and listed):
            found.append((run[0][0], run[-1][1], titled))
    return found


# A capitalised word and one space before a word in capitals, or one space and a capitalised word after it.
_WORD_BEFORE_CAPS = re.compile(rf"(?<![\w'’.-])({_CAP})[ ]$")
_WORD_AFTER_CAPS = re.compile(rf"[ ]({_CAP})(?![\w'’-])")
_LONG_SURNAME = 5  # letters of a surname in capitals the lists do not hold ("AKINYEMI"); shorter is an acronym


def surnames_in_capitals_beside_given_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each surname in capitals with the given name beside it (_given_beside_surname)."""
    found = []
    for m in _CAPS_WORD.finditer(text):
        if not _label_word().fullmatch(m.group()) and (pair := _given_beside_surname(text, *m.span())) is not None:
            found.append(pair)
    return found


_CAPS_WORD = re.compile(r"(?<![\w'’.-])[A-ZÀ-ÖØ-Ý][A-ZÀ-ÖØ-Ý'’-]{2,}(?![\w'’.-])")


def _given_beside_surname(text: str, a: int, b: int) -> tuple[int, int] | None:
    """(start, end) of a surname in capitals and the listed given name written beside it in Title Case, either way
    round, as a referral and an address book set the surname apart (forty-first masking set). After a courtesy title
    and the given name, a listed surname that is no everyday word or a long word that is none ("Mr Desmond
    <SURNAME>, DOB ..."); at a list line's start, a listed surname before the given name and a field's end ("<COGNOME>
    Alessandro | 340 ..."). "URGENT Sarah", "HIPAA Sarah" and "CALL Laura back" are none."""
    word = text[a:b]
    before = _WORD_BEFORE_CAPS.search(text, max(0, a - 30), a)
    if before and _plain_given_name(before.group(1)):
        titled = _TITLE_BEFORE().search(text, max(0, before.start(1) - 12), before.start(1)) is not None
        plain = not everyday(word) and not everyday(word.title())
        if plain and (is_surname(word) or (titled and len(word) >= _LONG_SURNAME)):
            return before.start(1), b
    after = _WORD_AFTER_CAPS.match(text, b)
    if after and _plain_given_name(after.group(1)) and is_surname(word) and _LINE_OPENS.search(text, 0, a):
        if _FIELD_ENDS.match(text, after.end(1)):
            return a, after.end(1)
    return None


# A list line's start before a word (a bullet or a number maybe), and a field's end after a name: a bar, a comma, a
# bracket, a tab, two spaces or the line's end.
_LINE_OPENS = re.compile(r"(?:^|\n)[ \t]*(?:[-*•]|\d{1,3}[.)])?[ \t]*$")
_FIELD_ENDS = re.compile(r"[ ]?[|,;(\t]|[ ]{2}|[ \t]*(?:\n|$)")


def _plain_given_name(word: str) -> bool:
    """A listed given name that is no common word ("Grace", "Will" are)."""
    return is_given_name(word) and fold(word) not in name_lists().common


@lru_cache(maxsize=1)
def _TITLE_BEFORE() -> re.Pattern[str]:  # noqa: N802 - read as the pattern it returns
    """A courtesy title right before a word, as written or in capitals if three letters or more ("Mrs ", "MRS ",
    "Smt. "), at the start of a line or after a space or a bracket."""
    titles = guardrail_data().phi.titles
    forms = {*titles, *(t.upper() for t in titles if len(t.replace(".", "")) >= 3)}
    return re.compile(rf"(?:^|(?<=[\s(–—-]))(?:{words(tuple(forms))})\.?[ ]$", re.MULTILINE)


@lru_cache(maxsize=1)
def _label_word() -> re.Pattern[str]:
    """A word that labels what follows rather than names anyone ("DOB", "MRN"): it ends a run of capitals."""
    terms = patient_data()
    return any_of((*terms.births.cues, *terms.records.cues))


def _variant(text: str) -> tuple[str, list[int], list[int], list[tuple[int, int, bool]]]:
    """`text` as the rules should read it (the same length): line breaks inside a number or a name made spaces, runs of
    words in capitals written as names are. Also the breaks in numbers, the breaks in names and the runs."""
    # Not the break between two rows of an export ("...|HKS 11/2026" then "000415|..."): each row holds its own.
    breaks = [m.end() - 1 for m in _BREAK_IN_NUMBER.finditer(text) if not between_rows(text, m.end() - 1)]
    name_breaks = _name_breaks(text)
    runs = [(a, b, titled) for a, b, titled in _shouted_runs(text) if len(text[a:b].title()) == b - a]
    chars = list(text)
    for at in breaks + name_breaks:
        chars[at] = " "
    for a, b, _ in runs:
        chars[a:b] = text[a:b].title()
    return "".join(chars), breaks, name_breaks, runs


# The brackets right after a name in capitals, up to a nickname ("MAXIMILIAN KRÜGER (alle nennen ihn Maxi)").
_BRACKET_AFTER_RUN = re.compile(r"[ ]*\([^()\n]*")


def _in_or_beside_run(text: str, span: PhiSpan, runs: list[tuple[int, int, bool]]) -> bool:
    """Whether a name read in the variant text is a full name inside a run of capitals, a name over a run after a
    title ("Sig. VITALI Roberto"), or a name in the brackets right after a run (its nickname)."""
    for a, b, titled in runs:
        if a <= span.start and span.end <= b and " " in span.text.strip():
            return True
        if titled and span.start < b and a < span.end:
            return True
        if span.start >= b and _BRACKET_AFTER_RUN.fullmatch(text, b, span.start):
            return True
    return False


def rule_spans(text: str, extra_names: Iterable[str] = ()) -> list[PhiSpan]:
    """What the rules find in `text` (cues, lists, the name model, identifier shapes), the clinic's own terms
    included: detect_phi without the learned name decision. A scan read by OCR is read as it was printed ("D0B:
    l4/Ol/l983" as "DOB: 14/01/1983"; ocr.py), the same length, and each span keeps the original's characters."""
    printed = read_as_printed(text)
    spans = _unwrapped_spans(printed, extra_names)
    if printed == text:
        return spans
    return [PhiSpan(s.kind, s.start, s.end, text[s.start : s.end]) for s in spans]


def _unwrapped_spans(text: str, extra_names: Iterable[str] = ()) -> list[PhiSpan]:
    """rule_spans for text as printed. A phone, national or record number wrapped onto the next line is read as if
    the line break were a space, and so is a name wrapped between its words; a full name in capitals is read as if
    written as a name ("PATIENT: KYLIE ANNE MORCOMBE"), two words or more ("NEW PATIENT SPECIAL" is no patient
    called Special)."""
    spans = _with_whole_names(text, _rule_spans(text, extra_names), surnames_in_capitals_beside_given_names(text))
    variant, breaks, name_breaks, runs = _variant(text)
    if variant == text:
        return spans
    wrapped = [
        PhiSpan(s.kind, s.start, s.end, text[s.start : s.end])
        for s in _rule_spans(variant, extra_names)
        if (s.kind in _WRAPPED_KINDS and any(s.start < at < s.end for at in breaks))
        or (s.kind == "NAME" and any(s.start < at < s.end for at in name_breaks))
        or (s.kind == "NAME" and _in_or_beside_run(text, s, runs))
    ]
    # A whole cell of an export's column (export_rows.py) holds the name the variant found a part of.
    kept = [s for s in spans if not any(s.start < w.end and w.start < s.end and not _holds(s, w) for w in wrapped)]
    wrapped = [w for w in wrapped if not any(_holds(s, w) for s in kept)]
    return sorted(kept + wrapped, key=lambda s: s.start)


def _with_whole_names(text: str, spans: list[PhiSpan], names: list[tuple[int, int]]) -> list[PhiSpan]:
    """`spans` with each of `names` masked whole: a name found of one of its words gives way ("<given>" of
    "<SURNAME> <given>"); a span of another kind that overlaps it keeps its place."""
    for a, b in names:
        if any(s.start < b and a < s.end and s.kind != "NAME" for s in spans):
            continue
        spans = [s for s in spans if not (s.kind == "NAME" and a <= s.start and s.end <= b)]
        spans = _added(text, spans, "NAME", [(a, b)])
    return spans


def _holds(outer: PhiSpan, inner: PhiSpan) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and outer != inner


def _rule_spans(text: str, extra_names: Iterable[str] = ()) -> list[PhiSpan]:
    """rule_spans for one version of the text."""
    extra = _extra_name_recognizers(tuple(extra_names))
    results = _analyzer().analyze(text=text, language="en", ad_hoc_recognizers=extra or None, score_threshold=0.3)
    spans = _with_names_beside_names(
        text, [PhiSpan(r.entity_type, r.start, r.end, text[r.start : r.end]) for r in _non_overlapping(results, text)]
    )
    spans = _with_given_names_in_brackets(text, _with_lower_name_tails(text, spans))
    spans = _without_own_addresses(text, _with_list_entries(text, _with_surnames_after_brackets(text, spans)))
    found = alternative_names(text) + names_in_notes(text) + names_in_jotted_notes(text) + children_in_brackets(text)
    found += surnames_opening_note_lines(text)
    spans = _added(text, _with_spellings(text, spans), "NAME", found + person_handles(text, everyday))
    spans, cleared = _without_colleagues_and_figures(text, _with_names_after_numbers(text, spans), extra_names)
    spans = with_names_over_particles(text, _with_repeated_names(text, spans, cleared))
    spans = _with_reviewer_initials(text, with_surname_first_parts(text, with_linked_surnames(text, spans), everyday))
    names = [s.text for s in spans if s.kind == "NAME"]
    spans = _added(text, spans, "NAME", names_in_links(text, names) + nicknames_signing_off(text, names, everyday))
    spans = _added(text, spans, "NAME", profile_handles(text, names, everyday))
    spans = _added(text, spans, "NAME", given_names_after_titled_surnames(text, spans, everyday))
    spans = _added(text, spans, "NAME", writers_handles(text, [(s.start, s.end) for s in spans]))
    named = [(s.start, s.end) for s in spans if s.kind == "NAME"]
    spans = _added(text, spans, "NAME", names_in_other_scripts(text, named))
    spans = _added(text, spans, "ADDRESS", streets_of_people(text, named))
    spans = _with_table_cells(text, _with_unlabelled_numbers(text, _with_dates_after_names(text, spans)))
    spans = without_title_case_copy(
        text, without_weekdays(text, without_ranks(text, without_label_initials(text, spans)))
    )
    spans = without_notice_lines(text, without_supplier_senders(text, without_rota_staff(text, spans)))
    spans = without_privacy_officers(text, without_meeting_attendees(text, without_next_labels(text, spans)))
    spans = without_recipe_words(text, without_labelled_contacts(text, spans))
    spans = without_office_names(text, without_title_case_particles(text, spans))
    spans = _with_fields(text, spans, json_fields(text) + vcard_fields(text) + export_columns(text, spans))
    spans = _without_system_numbers(text, without_letterhead_phones(text, _without_toll_free(spans)))
    return with_phone_extensions(text, _without_business_numbers(text, _without_figures_birth_years(text, spans)))


# A full name, maybe a comma and what the person is ("<given> <surname>, Olympic heptathlon champion"), then a year
# cue right before a year of birth alone ("<name>, born ", "<name> (born ", "<name> (b. ").
_NAMED_BEFORE_BORN = re.compile(
    rf"(?P<name>{_CAP}(?:[ ]{_CAP}){{1,3}})(?:,[^,()\n]{{1,60}})?,?[ ]\(?(?:born|b\.|geb\.|nat[oa]|née?)(?:[ ]in)?[ ]$"
)


def _without_figures_birth_years(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less a year of birth alone given right after a full name the rules left readable ("<public figure>,
    born 1934, still glowing"; forty-first masking set): the name is a public figure's or a thing's, and so is the
    year. A patient's name before it is masked, and so is the year ("Mrs <name> (b. 1952)")."""
    names = [(s.start, s.end) for s in spans if s.kind == "NAME"]
    out = []
    for s in spans:
        named = (
            _NAMED_BEFORE_BORN.search(text, max(0, s.start - 120), s.start)
            if s.kind == "DATE_OF_BIRTH" and s.text.isdigit()
            else None
        )
        if named and not any(a < named.end("name") and named.start("name") < b for a, b in names):
            continue
        out.append(s)
    return out


# The next lower-case word after a lower-case name, one space between ("mr okafor-mensah kwabena called").
_LOWER_NEXT = re.compile(r" ([a-zß-öø-ÿ][a-zß-öø-ÿ'’-]{2,})(?![\w'’-])")
_LOWER_TAIL = 2  # how many words a lower-case name may be carried on by
_PLAIN_WORDS = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")  # words only: not a handle ("@kayla.nguyen_bne")


def _with_lower_name_tails(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` with a name in lower case carried on by the words after it that are names too ("patient ramesh
    bhaskar kulkarni ka ...", "la signora de santis maria grazia ha chiamato"): a listed given name that is no common
    word, or a listed surname that is no everyday word; never a courtesy word ("meenu aunty"). Typed fast, a full
    name's last words are no less the patient's."""
    taken = [(s.start, s.end) for s in spans]
    out = []
    for s in spans:
        end = s.end
        if s.kind == "NAME" and s.text.islower() and _PLAIN_WORDS.fullmatch(s.text):
            for _ in range(_LOWER_TAIL):
                nxt = _LOWER_NEXT.match(text, end)
                if nxt is None or any(a <= nxt.start(1) < b for a, b in taken) or not _name_tail(nxt.group(1)):
                    break
                end = nxt.end()
        out.append(s if end == s.end else PhiSpan(s.kind, s.start, end, text[s.start : end]))
    return out


def _name_tail(word: str) -> bool:
    """Whether a lower-case word after a lower-case name is one of its words: listed, and no everyday word."""
    lists = name_lists()
    folded = fold(word)
    if word in _not_names() or folded in lists.function_words or folded in lists.common or folded in honorifics():
        return False
    return folded in lists.given or (folded in lists.surnames and not everyday(word))


# A review's writer: after "review ... by/from" or a star rating and "from" ("Review by Priyanka S ★☆☆☆☆", "5★ from
# ..."), a name may end in an initial with no full stop before the stars, a quote, a dash or the line's end.
_REVIEWER_BEFORE = re.compile(
    r"(?:\b(?:reviews?|reviewed|rated|rating|bewertung|recensione)\b[^\n]{0,25}?|[★⭐☆]\s*)"
    r"\b(?:by|from|von|di|da|de)[ ]+$",
    re.IGNORECASE,
)
_BARE_INITIAL_AFTER = re.compile(r" [A-Z](?=[ ]*(?:[★☆⭐\"'“‘(—–]|- |$))", re.MULTILINE)


def _with_reviewer_initials(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` with a reviewer's name carried on to the initial written after it with no full stop ("Review by
    Priyanka S ★☆☆☆☆ '...'"); an initial with its full stop is read with the name already. Also the names beside a
    review's stars at a line's start (reviews.py), with what overlaps them."""
    headers = reviewers_by_stars(text, everyday, _not_names())
    if headers:
        spans = [s for s in spans if not any(s.start < b and a < s.end for a, b in headers)]
        spans = _added(text, spans, "NAME", headers)
    out = []
    for s in spans:
        if s.kind == "NAME" and _REVIEWER_BEFORE.search(text, max(0, s.start - 40), s.start):
            initial = _BARE_INITIAL_AFTER.match(text, s.end)
            if initial and not any(o.start < initial.end() and s.end <= o.start for o in spans if o is not s):
                s = PhiSpan("NAME", s.start, initial.end(), text[s.start : initial.end()])
        out.append(s)
    return out


def _with_table_cells(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` and the cells of a pasted export under its name, birth-date and record columns; no name in its header
    line ("Date,Time,Patient,Mobile,Type": column names)."""
    cells, headers = table_cells(text)
    if not headers:
        return spans
    found = sorted(
        (s for s in spans if not (s.kind == "NAME" and any(a <= s.start and s.end <= b for a, b in headers))),
        key=lambda s: s.start,
    )
    starts, longest = [s.start for s in found], max((s.end - s.start for s in found), default=0)
    inside: set[int] = set()
    added = []
    for kind, a, b in cells:  # a whole cell wins over a part of it found another way ("Hollis" of "Hollis, Grant")
        # The cells never overlap one another, so each is compared only with the spans found before it that can
        # reach it (a 2,000-row export stays linear).
        near = range(bisect_left(starts, a - longest), bisect_left(starts, b))
        touching = [i for i in near if a < found[i].end and found[i].start < b]
        if any(not (a <= found[i].start and found[i].end <= b) for i in touching):
            continue
        inside.update(touching)
        added.append(PhiSpan(kind, a, b, text[a:b]))
    return sorted([s for i, s in enumerate(found) if i not in inside] + added, key=lambda s: s.start)


_NAME_PART = re.compile(r"[^\W\d_][^\W\d_'’]*")


def _with_repeated_names(text: str, spans: list[PhiSpan], cleared: Sequence[PhiSpan] = ()) -> list[PhiSpan]:
    """`spans` and the other places where a masked name's words, or an email address's name, stand again in the
    message ("Sinead on reception ... Sinead O'Halloran is a patient"; "jt.wardlow@... last name Wardlow"), two or
    more in capitals too ("... Ji-woo Kang ... JI-WOO KANG"), with an initial before it ("Von: <given> Obermaier ...
    M. Obermaier"), a surname's particles too ("D. van den Berg"): the same person, named a second time. Not inside a
    full name the context `cleared`: a namesake ("Ms. Biles came in (no relation to Simone Biles)")."""
    not_names = _not_names()
    lists = name_lists()
    parts: set[str] = set()
    for s in spans:
        if s.kind == "NAME" and not a_dated_day(text, s):  # "Sun 9:00" names no one to find again ("Sun Pharma")
            parts.update(w for w in _NAME_PART.findall(s.text) if len(w) > 2 and w[0].isupper())
        elif s.kind == "EMAIL":
            local = s.text.split("@", 1)[0]
            parts.update(
                w.capitalize()
                for w in re.split(r"[._+\d-]+", local)  # digits too: "vikrant.joshi1977@..."
                if len(w) > 2
                and w.isalpha()
                and w.lower() not in _role_mailboxes()  # "Bewerbung an bewerbung@<praxis>" names no one
                and (fold(w) in lists.given or fold(w) in lists.surnames or not everyday(w))
            )
    # A name's word that is also a function word ("Will") counts again only alone in quotes: "uses only 'Will'".
    quoted = [
        m.span(1)
        for w in parts
        if fold(w) in lists.function_words and w.lower() not in not_names
        for m in re.finditer(rf"(?<=['‘\"“])({re.escape(w)})(?=['’\"”])", text)
    ]
    spans = _added(text, spans, "NAME", quoted) if quoted else spans
    titles = _courtesy_titles()  # "Herr" of "Herr <given> <surname>" is no name of its own
    parts = {w for w in parts if w.lower() not in not_names | titles and fold(w) not in lists.function_words}
    if not parts:
        return spans
    alternatives = "|".join(map(re.escape, sorted(parts, key=len, reverse=True)))
    pattern = re.compile(
        rf"(?<![\w'’@.-])(?:(?-i:[A-Z])\.[ ]?(?:{_PARTICLE}[ ]){{0,2}})?(?:{alternatives})"
        # A closing quote may follow: a sign-off at the end of a quoted comment. So may a possessive ("Bill's wife",
        # "Mark's date of birth"; thirty-ninth masking set): the name is the same person's.
        r"(?![\w-]|['’](?!s\b)\w|@)"
    )
    # A reply's mention of the person by two of the name's words ("@<nickname> <surname>" under '<given> "<nickname>"
    # <surname>'): the "@" of a handle alone stays out.
    mention = re.compile(rf"(?<=@)(?:{alternatives})(?=[ ]+(?:{alternatives})(?![\w-]))")
    namesakes = [(s.start, s.end) for s in cleared if len(_NAME_PART.findall(s.text)) > 1]
    found = [m.span() for m in pattern.finditer(text)] + _names_in_capitals(text, spans)
    found += [m.span() for m in mention.finditer(text)]
    found = [(a, b) for a, b in found if not any(lo <= a and b <= hi for lo, hi in namesakes)]
    found = [(a, b) for a, b in found if not _namesake_by_context(text, a, b)]
    return _added(text, spans, "NAME", [(a, b) for a, b in found if not is_not_a_patient(text, a, b)])


@lru_cache(maxsize=1)
def _role_mailboxes() -> frozenset[str]:
    """Mailboxes that are a role's, not a person's ("info", "bewerbung"; patient_data.yaml own_mailboxes)."""
    return frozenset(m.lower() for m in patient_data().addresses.own_mailboxes)


@lru_cache(maxsize=1)
def _courtesy_titles() -> frozenset[str]:
    """The courtesy and doctors' titles ("Herr", "Mrs", "Dott"), lower case."""
    phi = guardrail_data().phi
    return frozenset(t.lower().rstrip(".") for t in (*phi.titles, *phi.lower_titles))


def _names_in_capitals(text: str, spans: list[PhiSpan]) -> list[tuple[int, int]]:
    """Where two words or more of the masked names stand together in capitals, as a letter is signed ("... Ji-woo Kang
    <ji-woo@...> ... JI-WOO KANG"); one word alone in capitals may be a heading's ("AMAZING GRACE")."""
    words = {w.upper() for s in spans if s.kind == "NAME" for w in s.text.split() if len(w) > 1 and w[0].isupper()}
    words = {w for w in words if _CAPITAL_WORD.fullmatch(w)}
    if not words:
        return []
    part = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    run = re.compile(rf"(?<![\w'’@.-])(?:{part})(?:[ ]+(?:[A-Z]\.[ ]?)?(?:{part}))+(?![\w'’-])")
    return [m.span() for m in run.finditer(text)]


_CAPITAL_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
_GIVEN_BEFORE = re.compile(r"(?<![\w'’-])(?-i:[A-Z])[^\W\d_]+[ ]$")


def _namesake_by_context(text: str, start: int, end: int) -> bool:
    """Whether the name's words at text[start:end] stand after another given name in a full name that the context
    shows is someone else, a public figure: "Ms. Biles ... (no relation to Simone Biles)"."""
    given = _GIVEN_BEFORE.search(text, max(0, start - 30), start)
    return given is not None and not_a_patient_by_context(text, given.start(), end, everyday)


def _without_own_addresses(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less the addresses the clinic gives as its own ("our office is at ...", "siamo in Via ..."), an
    event's venue the clinic goes to ("we'll be at the spring health expo on Sunday, <address>") and its role
    mailbox on a pasted e-mail's header or a quoted reply's attribution ("To: info@...", "From: results@<lab>"),
    from patient_data.yaml `addresses`."""
    if not any(s.kind in ("ADDRESS", "EMAIL") for s in spans):
        return spans
    own, header, mailboxes = _own_address_cues()
    event = _event_cues()
    return [
        s
        for s in spans
        if not (s.kind == "ADDRESS" and own.search(text[max(0, s.start - 80) : s.start]) and not _family_home(text, s))
        and not (s.kind == "ADDRESS" and event.search(text, max(0, s.start - 160), s.start))
        and not (
            s.kind == "EMAIL"
            and set(re.split(r"[._-]", s.text.split("@", 1)[0].lower())) <= mailboxes
            and header.search(text[max(0, s.start - 80) : s.start])
        )
    ]


_FAMILY_REACH = 400  # characters before "our address" in which a relative says they write for the family


def _family_home(text: str, span: PhiSpan) -> bool:
    """Whether "our address" before `span` is a patient's family's, a relative writing for them ("I am writing about
    my father ... Our address is ..."), not the clinic's (patient_data.yaml addresses.family_writer)."""
    return _family_writer().search(text, max(0, span.start - _FAMILY_REACH), span.start) is not None


@lru_cache(maxsize=1)
def _family_writer() -> re.Pattern[str]:
    return re.compile(patient_data().addresses.family_writer, re.IGNORECASE)


@lru_cache(maxsize=1)
def _event_cues() -> re.Pattern[str]:
    """The clinic going to a public event, ending right before the venue's address (patient_data.yaml)."""
    cues = "|".join(f"(?:{c})" for c in patient_data().addresses.event_cues) or "(?!)"
    return re.compile(rf"(?:{cues})", re.I)


@lru_cache(maxsize=1)
def _own_address_cues() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """(the clinic giving its address, the "To:" line of a pasted e-mail, role mailboxes) from the data."""
    terms = patient_data().addresses
    own = "|".join(f"(?:{c})" for c in terms.own_cues) or "(?!)"
    header = "|".join(f"(?:{c})" for c in terms.own_mail_header) or "(?!)"
    return (
        re.compile(rf"(?<![\w'’])(?:{own})[ ,:]*$", re.I),
        re.compile(rf"(?:{header})$", re.I),
        frozenset(m.lower() for m in terms.own_mailboxes),
    )


def _without_colleagues_and_figures(
    text: str, spans: list[PhiSpan], extra_names: Iterable[str]
) -> tuple[list[PhiSpan], list[PhiSpan]]:
    """(`spans` less the names that the sentence shows are a colleague's, a public figure's, another clinician's or a
    place's ("Isla starts on reception Monday", "Mark Holland's announcement"), those names). Names the caller gave
    are kept. So is another mention of a cleared name by its own words only when a patient cue or a courtesy title
    stands before it: "new optometrist Sneha Bhosale joins Monday ... a welcome post for Sneha" names no patient."""
    known = " ".join(extra_names).lower()
    names = [s for s in spans if s.kind == "NAME" and not (known and s.text.lower() in known)]
    cleared = [s for s in names if not_a_patient_by_context(text, s.start, s.end, everyday)]
    words = {w for s in cleared for w in _NAME_PART.findall(s.text)}
    dropped = cleared + [
        s
        for s in names
        if words and s not in cleared and set(_NAME_PART.findall(s.text)) <= words and not cued_or_titled(text, s.start)
    ]
    return _without_nicknames_of(text, [s for s in spans if s not in dropped], dropped), cleared


def _with_unlabelled_numbers(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` and the plain numbers that read as record numbers in a message about a patient ("4471923 needs a
    recall"), where nothing else (a phone number, a date) was found."""
    about_a_patient = any(s.kind == "NAME" for s in spans)
    added = [
        PhiSpan("RECORD_NUMBER", a, b, text[a:b])
        for a, b in find_unlabelled_numbers(text, about_a_patient)
        if not any(a < s.end and s.start < b for s in spans)
    ]
    return sorted(spans + added, key=lambda s: s.start) if added else spans


def _with_names_after_numbers(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` and the name right after a record or national number ("Chart no. 00731, Mared, missed ..."), before
    one after a label (": <Surname> <Given>, n. pratica 88213") or right before an address ("Iolanthe Marsh, Flat 3,
    41 Cardigan Road")."""
    numbers = [(s.start, s.end) for s in spans if s.kind in ("RECORD_NUMBER", "NATIONAL_ID")]
    addresses = [(s.start, s.end) for s in spans if s.kind == "ADDRESS"]
    if not numbers and not addresses:
        return spans
    found = names_after_numbers(text, numbers, _not_names(), everyday) + names_before_numbers(
        text, numbers, _not_names()
    )
    found += names_before_addresses(text, addresses, _not_names(), everyday) if addresses else []
    return _added(text, spans, "NAME", found)


def _with_dates_after_names(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` and the past date right after a patient's name, a date of birth in a list or a chat log, or alone in
    a field after another of the patient's fields in a registration."""
    names = [(s.start, s.end) for s in spans if s.kind == "NAME"]
    if not names:
        return spans
    fields = [(s.start, s.end) for s in spans if s.kind in (*_NUMBER_KINDS, "NAME")]
    # A date under a column its header names ("Reviewer | Date | Stars") is that column's: a review's date.
    dates = [(a, b) for a, b in dates_after_names(text, names, fields=fields) if not in_other_column(text, a)]
    return _added(text, spans, "DATE_OF_BIRTH", dates)


def _without_system_numbers(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less the record numbers that a JSON payload's booking or message number holds ('"booking_id":...')."""
    system = json_system_numbers(text)
    return [s for s in spans if not (s.kind == "RECORD_NUMBER" and any(a <= s.start and s.end <= b for a, b in system))]


_NUMBER_KINDS = ("PHONE", "RECORD_NUMBER", "NATIONAL_ID")


@lru_cache(maxsize=1)
def _business_number_label() -> re.Pattern[str]:
    """A business's tax or registration label, or a prescriber's provider number's, ending right before its number
    (guardrails.yaml phi.business_number_labels)."""
    labels = "|".join(f"(?:{c})" for c in guardrail_data().phi.business_number_labels) or "(?!)"
    # "is" may join them ("Our EIN is 74-3382910"; forty-second masking set).
    tail = r"[^\w\n]{0,3}(?:(?:no|nr|n|number)\.?[^\w\n]{0,3})?(?:is[ ]|was[ ])?"
    return re.compile(rf"(?<![\w-])(?:{labels}){tail}$", re.IGNORECASE)


def _without_business_numbers(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less the numbers right after a business's tax label or a prescriber's provider number ("P.IVA
    03456780371", "NPI 1467552093"), and the orders the clinic thanks a supplier for: a firm's or a clinician's
    number, or a purchase, no patient's, though a phone's or a record's shape."""
    label = _business_number_label()
    return [
        s
        for s in spans
        if not (
            s.kind in _NUMBER_KINDS
            and (label.search(text, max(0, s.start - 40), s.start) is not None or thanked_for(text, s.start))
        )
    ]


def _without_toll_free(spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less the free or shared-cost numbers ("1-800-555-0143", "0800 123 4567"): a business's line."""
    toll_free = patient_data().phones.toll_free
    if toll_free is None:
        return spans
    free = re.compile(toll_free)
    return [s for s in spans if not (s.kind == "PHONE" and free.match(re.sub(r"\D+", "-", s.text).strip("-")))]


def _with_fields(text: str, spans: list[PhiSpan], fields: list[tuple[str, int, int]]) -> list[PhiSpan]:
    """`spans` and the (kind, start, end) values of a pasted JSON payload's or contact card's fields
    ('"last":"Simpson-Dodd"', "BDAY:--0419"), each replacing the spans found inside it ("Nguyen" of "Nguyen Thi Mai
    Anh")."""
    for kind, a, b in fields:
        if any(s.start < b and a < s.end and not (a <= s.start and s.end <= b) for s in spans):
            continue
        spans = [s for s in spans if not (a <= s.start and s.end <= b)] + [PhiSpan(kind, a, b, text[a:b])]
    return sorted(spans, key=lambda s: s.start)


def _added(text: str, spans: list[PhiSpan], kind: str, found: list[tuple[int, int]]) -> list[PhiSpan]:
    new = [PhiSpan(kind, a, b, text[a:b]) for a, b in found if not any(a < s.end and s.start < b for s in spans)]
    return sorted(spans + new, key=lambda s: s.start) if new else spans


def _learned_names(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """Names the learned decision (name_scorer.py) finds among the words the rules left, neighbouring words joined
    into one name; public figures, things, colleagues and places are left readable as for the rules' names."""
    found = [(s.start, s.end) for s in spans if s.kind == "NAME"]
    others = [(s.start, s.end) for s in spans if s.kind != "NAME"]
    words = [
        (a, b)
        for a, b in learned_names(text, found, others, everyday, name_model())
        if not any(a < e and s < b for s, e in found)
    ]
    joined: list[tuple[int, int]] = []
    for start, end in words:
        if joined and not text[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    not_lone = colleague_or_place()
    kept = [(a, b) for a, b in joined if not is_not_a_patient(text, a, b) and not not_lone(text, a, b)]
    return [PhiSpan("NAME", a, b, text[a:b]) for a, b in kept]


def mask_phi(text: str, extra_names: Iterable[str] = (), clinic: ClinicProfile | None = None) -> MaskResult:
    """Replace patient data with placeholders ([NAME], [PHONE], ...) and say what was replaced.

    The same message is masked more than once (the chat turn, the saved question and title, the recent history
    at each later turn), and a long one costs seconds (the name model reads it all), so the last results are
    kept, keyed by the text, the extra names and the clinic's profile."""
    if not isinstance(text, str):
        raise TypeError("mask_phi expects a string")
    profile = clinic.model_dump_json() if clinic is not None else ""
    return _masked(text, tuple(extra_names), profile)


@lru_cache(maxsize=64)
def _masked(text: str, extra_names: tuple[str, ...], profile: str) -> MaskResult:
    clinic = ClinicProfile.model_validate_json(profile) if profile else None
    spans = detect_phi(text, extra_names, clinic)
    if not spans:
        return MaskResult(text, ())
    from presidio_anonymizer.entities import RecognizerResult as Found

    results = [Found(entity_type=s.kind, start=s.start, end=s.end, score=1.0) for s in spans]
    masked = _anonymizer().anonymize(text=text, analyzer_results=results, operators=_operators())
    return MaskResult(masked.text, tuple(spans))


def _with_spellings(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` and the names a dictation spells out letter by letter with the word spelled (names.py
    names_spelled_with_spaces), whole: a part found already ("grant" of "grant hope") gives way to them."""
    found = names_spelled_with_spaces(text)
    if not found:
        return spans
    inside = [s for s in spans if s.kind == "NAME" and any(a <= s.start and s.end <= b for a, b in found)]
    return _added(text, [s for s in spans if s not in inside], "NAME", found)


def _with_names_beside_names(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` and the names that a list of names shows ("Ngaire and Tui Rangihuna", "Lachlan 0491 570 313")."""
    names = [(s.start, s.end) for s in spans if s.kind == "NAME"]
    before_brackets = (
        nicknames_before_brackets(text, names, _not_names(), everyday, model_reads_as_name) if "(" in text else []
    )
    if not names and not before_brackets:
        return spans
    phones = [(s.start, s.end) for s in spans if s.kind == "PHONE"]
    # A nickname before brackets takes in a part of it found already ("Ray" of "Big Ray (Raymond ...)").
    added = [s for s in spans if not any(a <= s.start and s.end <= b for a, b in before_brackets)]
    beside = names_beside_names(text, names, phones, _not_names(), is_phone_cue, everyday) if names else []
    for start, end in before_brackets + beside + nicknames_beside_names(text, names, everyday):
        if any(start < s.end and s.start < end for s in added):
            continue
        if not is_not_a_patient(text, start, end) and not colleague_or_place()(text, start, end):
            added.append(PhiSpan("NAME", start, end, text[start:end]))
    return sorted(added, key=lambda s: s.start)


_SURNAME_AFTER_BRACKET = re.compile(r"\)[ ]([A-ZÀ-Ý](?:['’]?[A-Za-zà-ÿ])+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)(?![\w-]|['’]\w)")


def _with_surnames_after_brackets(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` and the surname right after a given name in brackets between a nickname and it ("<nick> (<given>)
    <surname>"): a listed surname or no everyday word."""
    found = []
    for s in spans:
        m = (
            _SURNAME_AFTER_BRACKET.match(text, s.end)
            if s.kind == "NAME" and text[s.start - 1 : s.start] == "("
            else None
        )
        if m and m.group(1).lower() not in _not_names() and (is_surname(m.group(1)) or not everyday(m.group(1))):
            found.append(m.span(1))
    return _added(text, spans, "NAME", found) if found else spans


# A word alone in brackets right after a name ("leo (federica)").
_GIVEN_IN_BRACKETS = re.compile(r"[ ]*\(([^\W\d_]{3,})\)")


def _with_given_names_in_brackets(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` and a listed given name alone in brackets right after a one-word name, in any case ("la mamma di leo
    (federica) ci chiede ..."): the writer's or the person's other name. Not a word the everyday-word list holds
    ("(Will)" may be a verb, "(Mon)" a day), nor after a full name: "<given> <surname> (<staff>)" in a calendar names
    who sees the patient (unseen25)."""
    lists = name_lists()
    found = []
    for s in spans:
        m = _GIVEN_IN_BRACKETS.match(text, s.end) if s.kind == "NAME" and " " not in s.text else None
        if m is None or m.group(1).lower() in _not_names():
            continue
        folded = fold(m.group(1))
        if folded in lists.given and folded not in lists.common and folded not in lists.function_words:
            found.append(m.span(1))
    return _added(text, spans, "NAME", found) if found else spans


def _with_list_entries(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` and the other entries of a list of names, shaped like names ("...: <found name>, b. <surname>.")."""
    if ":" not in text and "\n" not in text:
        return spans
    names = [(s.start, s.end) for s in spans if s.kind == "NAME"]
    not_lone = colleague_or_place()
    found = [
        (a, b)
        for a, b in names_in_lists(text, names, everyday, _not_names())
        if not is_not_a_patient(text, a, b) and not not_lone(text, a, b)
    ]
    inside = [s for s in spans if s.kind == "NAME" and any(a <= s.start and s.end <= b for a, b in found)]
    return _added(text, [s for s in spans if s not in inside], "NAME", found)


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(n.lower() for n in guardrail_data().phi.not_names)


def _non_overlapping(results: list[RecognizerResult], text: str = "") -> list[RecognizerResult]:
    kept: list[RecognizerResult] = []
    for r in sorted(_merged_names(results), key=lambda r: (-r.score, -(r.end - r.start), r.start)):
        if r.entity_type == "ADDRESS" and text:
            r = _address_before(r, kept, text)
        if all(r.end <= k.start or r.start >= k.end for k in kept):
            kept.append(r)
    return sorted(kept, key=lambda r: r.start)


def _address_before(address: RecognizerResult, kept: list[RecognizerResult], text: str) -> RecognizerResult:
    """An address cut before the first identifier kept inside it on a later line: its tail ran on into the next
    line's label and number ("... QLD 4101\nMedicare <number>"), and the street and town before stay an address
    (thirty-seventh masking set)."""
    inside = [k.start for k in kept if address.start < k.start < address.end and k.end >= address.start]
    line = text.find("\n", address.start, min(inside)) if inside else -1
    if line < 0:
        return address
    from presidio_analyzer import RecognizerResult as Found

    end = line
    while end > address.start and text[end - 1] in " ,\t":
        end -= 1
    return Found(address.entity_type, address.start, end, address.score)


def _merged_names(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Overlapping names joined into one: the list reads "Siobhán Ní", the model "Siobhán Ní Bhriain"."""
    from presidio_analyzer import RecognizerResult as Found

    merged: list[RecognizerResult] = []
    for r in sorted((r for r in results if r.entity_type == "NAME"), key=lambda r: r.start):
        last = merged[-1] if merged else None
        if last is not None and r.start < last.end:
            merged[-1] = Found("NAME", last.start, max(last.end, r.end), max(last.score, r.score))
        else:
            merged.append(r)
    return [r for r in results if r.entity_type != "NAME"] + merged


def _context_patterns() -> dict[str, list[re.Pattern[str]]]:
    """Regexes per kind; the named group `v` is the data, so cue words ("DOB", "patient") stay readable."""
    terms = guardrail_data().phi
    return {
        "EMAIL": [re.compile(r"(?<![\w.+-])(?P<v>[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,})\b")],
        # A second title is not the name ("Herr Dr. Hans-Jürgen Stöckl"); "Mo-Fr." is Monday to Friday, not Frau.
        "NAME": [
            re.compile(
                rf"(?<![\w./-])(?:{words(terms.titles)})\.?\s+(?:(?:{words(terms.titles)})\.?\s+)?"
                rf"(?P<v>(?:[A-Z]\.?[ ]+){{0,2}}(?:(?i:{_PARTICLE})\s+)*{_NAME})(?!\w)"  # "Mr A. Lindqvist"
            )
        ],
    }


@lru_cache(maxsize=1)
def _recognizer_class():
    from presidio_analyzer import LocalRecognizer, RecognizerResult

    class ContextRecognizer(LocalRecognizer):
        """Presidio recognizer that reports the `v` group of each regex and drops words that are not names."""

        def __init__(
            self,
            kind: str,
            patterns: list[re.Pattern[str]],
            score: float,
            not_names: frozenset[str],
            finders: tuple[Callable[[str], list[tuple[int, int]]], ...] = (),
        ):
            self._patterns, self._score, self._not_names, self._finders = patterns, score, not_names, finders
            super().__init__(supported_entities=[kind], name=f"context_{kind.lower()}_{len(finders)}")

        def load(self) -> None:  # nothing to load: regexes are compiled already
            pass

        def analyze(self, text, entities, nlp_artifacts=None):  # noqa: ARG002 - Presidio's signature
            found = []
            for pattern in self._patterns:
                for match in pattern.finditer(text):
                    span = _trim_not_names(text, *match.span("v"), self._not_names)
                    if span:
                        found.append(RecognizerResult(self.supported_entities[0], *span, self._score))
            for finder in self._finders:
                for start, end in finder(text):
                    span = _trim_not_names(text, start, end, self._not_names)
                    if span:
                        found.append(RecognizerResult(self.supported_entities[0], *span, self._score))
            return found

    return ContextRecognizer


@lru_cache(maxsize=1)
def _phone_recognizer_class():
    import phonenumbers
    from presidio_analyzer import EntityRecognizer, RecognizerResult
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    class CandidatePhoneRecognizer(PhoneRecognizer):
        """Presidio's phone recognizer, run only on runs of digits long enough to be a phone number.

        Parsing every number-like stretch of a long text in every region costs tens of milliseconds; years,
        percentages and opening hours are skipped before parsing, and parsing stops at the first region
        in which the number is valid.
        """

        @property
        def _leniency(self) -> int:
            # Presidio types leniency as optional; unset means phonenumbers' default, VALID (1).
            return 1 if self.leniency is None else self.leniency

        def analyze(self, text, entities, nlp_artifacts=None):  # noqa: ARG002 - Presidio's signature
            found = []
            for run in _PHONE_RUN.finditer(text):
                candidate = run.group()
                if sum(ch.isdigit() for ch in candidate) < 7:
                    continue
                if _DATE_AND_HOUR.fullmatch(candidate) and re.match(r":\d{2}", text[run.end() : run.end() + 3]):
                    continue
                if _CALENDAR_DATE.fullmatch(candidate):  # "Beginn 05.05.2025": a treatment's start, no phone
                    continue
                # "GB" reads both "+44..." and "0044..." forms; national numbers try each region until one fits.
                # With a "+" and a country code, a number of a possible length counts even when its range is not
                # (yet) assigned, as for UK numbers reserved for examples: "+44 7700 900872" is plainly a phone.
                leniency = 0 if candidate.startswith("+") else self._leniency
                for region in ("GB",) if candidate.startswith(("+", "00")) else self.supported_regions:
                    matches = list(phonenumbers.PhoneNumberMatcher(candidate, region, leniency=leniency))
                    found += [
                        RecognizerResult(
                            self.supported_entities[0], run.start() + m.start, run.start() + m.end, self.SCORE
                        )
                        for m in matches
                    ]
                    if matches:
                        break
            return EntityRecognizer.remove_duplicates(found)

    return CandidatePhoneRecognizer


def _trim_not_names(text: str, start: int, end: int, not_names: frozenset[str]) -> tuple[int, int] | None:
    """Cut a name span at the first word that is not a name ("Mrs. Rossi Monday" -> "Rossi")."""
    if not not_names:
        return start, end
    last = start
    for token in re.finditer(r"\S+", text[start:end]):
        if token.group().rstrip(".,").lower() in not_names:
            break
        last = start + token.end()
    return (start, last) if last > start else None


def _analyzer() -> AnalyzerEngine:
    """The analyzer, built once per process (importing Presidio takes seconds; analysing takes milliseconds)."""
    with _BUILD_LOCK:  # Streamlit sessions run in threads: the first ones to arrive must not all build it
        return _build_analyzer()


@lru_cache(maxsize=1)
def _build_analyzer() -> AnalyzerEngine:
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NoOpNlpEngine

    recognizer = _recognizer_class()
    not_names = _not_names()
    registry = RecognizerRegistry(supported_languages=["en"])
    for kind, patterns in _context_patterns().items():
        registry.add_recognizer(recognizer(kind, patterns, _SCORES[kind], not_names if kind == "NAME" else frozenset()))
    cue_names, listed_names, model_names = name_finders(not_names)
    registry.add_recognizer(recognizer("NAME", [], _SCORES["NAME"], not_names, (cue_names,)))
    registry.add_recognizer(recognizer("NAME", [], _SCORES["LISTED_NAME"], frozenset(), (listed_names,)))
    registry.add_recognizer(recognizer("NAME", [], _SCORES["MODEL_NAME"], frozenset(), (model_names,)))
    for kind, score, finder in _IDENTIFIER_FINDERS:
        registry.add_recognizer(recognizer(kind, [], _SCORES[score], frozenset(), (finder,)))
    registry.add_recognizer(
        _phone_recognizer_class()(supported_entity="PHONE", supported_regions=list(phone_regions()), leniency=1)
    )
    nlp = NoOpNlpEngine(models=[{"lang_code": "en", "model_name": "none"}])
    return AnalyzerEngine(registry=registry, nlp_engine=nlp, supported_languages=["en"])


def name_patterns(name: str) -> list[re.Pattern[str]]:
    """Regexes for a name known in advance: the whole name in any case; each part of a longer name when it
    is written capitalised ("Jane" for "jane doe"), so a display name such as "Happy Customer" does not mask
    "we are happy to help"."""
    name = " ".join(name.split())
    if not name:
        return []
    patterns = [re.compile(rf"(?<!\w)(?P<v>{re.escape(name)})(?!\w)", re.IGNORECASE)]
    parts = [p for p in name.split(" ") if len(p) >= 3 and p.isalpha()]
    for part in parts if len(parts) > 1 else ():
        patterns.append(re.compile(rf"(?<!\w)(?P<v>{re.escape(part[0].upper())}(?i:{re.escape(part[1:])}))(?!\w)"))
    return patterns


def _extra_name_recognizers(names: tuple[str, ...]) -> list:
    patterns = [p for name in names for p in name_patterns(name)]
    return [_recognizer_class()("NAME", patterns, _SCORES["EXTRA_NAME"], frozenset())] if patterns else []


@lru_cache(maxsize=1)
def _anonymizer():
    from presidio_anonymizer import AnonymizerEngine

    return AnonymizerEngine()


@lru_cache(maxsize=1)
def _operators() -> dict:
    from presidio_anonymizer.entities import OperatorConfig

    return {kind: OperatorConfig("replace", {"new_value": f"[{kind}]"}) for kind in KINDS}
