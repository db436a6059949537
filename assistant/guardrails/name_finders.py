"""Where patient names are found: after cue words ("my patient john smith", "pt J.S."), in the public-domain name
lists, by the shipped named-entity model, and by the shape of pasted layouts (lists, forms, rotas, signatures),
each finder dropping public figures, colleagues and places. phi.py runs them as Presidio recognizers."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..knowledge import registry as knowledge_registry
from ._data import guardrail_data, words
from .births import file_names_with_birth_dates
from .form_names import (
    names_in_event_titles,
    names_in_form_fields,
    shouted_surnames_first,
    surnames_first_in_columns,
    surnames_in_surname_fields,
)
from .name_context import names_from_context
from .names import (
    find_listed_names,
    given_names_with_initial,
    given_names_with_rare_surname,
    honorifics,
    is_given_name,
    is_not_a_patient,
    is_surname,
    lone_name_candidates,
    lone_names_from_model,
    names_a_language,
    names_after_cue,
    names_after_lower_title,
    names_before_cue,
    names_before_honorific,
    names_from_model,
    names_in_handles,
    names_in_hashtags,
    shouted_introductions,
    spelled_names,
)
from .neighbours import (
    abbreviated_names,
    hyphenated_given_names,
    initials_after_words,
    names_as_speakers,
    names_before_birth_cue,
    names_before_times,
    names_by_shape,
    names_with_bare_ages,
    signed_names,
    surnames_first_in_entries,
    surnames_first_in_list_rows,
)
from .ner import LoadedModel, marked_spans, model_name_spans, name_model
from .spoken_names import lower_case_names_after_cues


def model_reads_as_name(text: str, start: int, end: int) -> bool:
    """Whether the name model marks a name over text[start:end], read with the words around it."""
    lo, hi = max(0, start - 60), min(len(text), end + 80)
    return any(lo + a < end and start < lo + b for a, b in marked_spans(text[lo:hi], name_model()))


def everyday(word: str) -> bool:
    """True for a word the name model's vocabulary holds whole: a common word of its languages ("Station")."""
    return name_model().tokenizer.token_to_id(word.lower()) is not None


def name_finders(not_names: frozenset[str]) -> tuple[Callable[[str], list[tuple[int, int]]], ...]:
    """Finders for names after a cue word ("my patient john smith", "pt J.S."), listed names and model names.

    Names found with no cue are dropped when they are public figures or name a thing ("Terry Fox Run").
    """
    terms = guardrail_data().phi
    cue = re.compile(r"\b(?:" + "|".join(f"(?:{c})" for c in terms.name_cues) + r")(?!\w)", re.IGNORECASE)
    initials_cue = re.compile(r"\b(?:" + "|".join(f"(?:{c})" for c in terms.initials_cues) + r")(?!\w)", re.IGNORECASE)

    greeting = re.compile(r"\b(?:" + "|".join(f"(?:{c})" for c in terms.greeting_cues) + r")(?!\w)", re.IGNORECASE)
    photo_of = _alternation(terms.photo_of_cues)

    model = name_model()  # loaded with the analyzer, so the first message does not wait for it

    def after_greeting(text: str, end: int) -> list[tuple[int, int]]:
        listed = _listed_or_addressed(text, end, not_names)
        if listed:
            return listed
        # A first name the lists do not know ("thanks Ngozi!") counts when the model reads it as a name.
        first = names_after_cue(text, end, not_names)[:1]
        if not first or not text[first[0][0]].isupper():
            return []
        start = first[0][0]
        word_end = start + len(text[start:].split(maxsplit=1)[0])
        lo, hi = max(0, end - 40), min(len(text), first[0][1] + 80)
        marked = marked_spans(text[lo:hi], model)
        # The first word itself must be read as a name: "Hi, I'm Mike" is not a greeting to "I'm".
        return first if any(lo + a < word_end and start < lo + b for a, b in marked) else []

    # Each cue starts with a letter, so "\s*" reads a whole next word; the one that starts with a comma ("Grace, one
    # of our regulars") needs none.
    acting = re.compile(r"\s*(?:" + "|".join(f"(?:{c})" for c in terms.acting_cues or ("(?!)",)) + r")(?!\w)", re.I)
    family = re.compile(
        r"(?:" + "|".join(f"(?:{c})" for c in terms.family_after_possessive or ("(?!)",)) + r")(?!\w)", re.I
    )

    not_lone_name = colleague_or_place()

    def reads_as_name(text: str, start: int, end: int) -> bool:
        lo, hi = max(0, start - 60), min(len(text), end + 80)
        return any(lo + a < end and start < lo + b for a, b in marked_spans(text[lo:hi], model))

    def model_after(text: str, end: int) -> list[tuple[int, int]]:
        """A name the lists do not know right after a cue, in any case, when the model reads it as a name
        ("patient gurleen kaur bhatia")."""
        gap = len(text[end:]) - len(text[end:].lstrip(" ,:"))
        first = re.match(r"[^\W\d_]+", text[end + gap :]) if gap else None
        if first is None or _not_for_the_model(first.group(), text, end, acting, model):
            return []
        lo, hi = max(0, end - 60), min(len(text), end + 100)
        return [(lo + a, lo + b) for a, b in marked_spans(text[lo:hi], model) if lo + a == end + gap]

    care = _alternation(terms.care_after_possessive)
    courtesy = _courtesy_names(not_names)

    def after_cues(text: str) -> list[tuple[int, int]]:
        found = [
            s
            for m in cue.finditer(text)
            for s in names_after_cue(text, m.end(), not_names, everyday=everyday) or model_after(text, m.end())
            if (not _unknown_noun(text, *s) or reads_as_name(text, *s))
            and not names_a_language(text, s[1])
            and not _speech_after_speaker(text, m.start(), m.end(), s)
            and not _title_case_service(text, m.start(), m.end(), s)
            and not _OBSERVANCE.match(text, s[0])
        ]
        found += [
            s
            for s in names_before_cue(text, acting, family, not_names, reads_as_name, care)
            + given_names_with_initial(text, not_names)
            if not is_not_a_patient(text, *s) and not not_lone_name(text, *s)
        ]
        found += courtesy(text)
        found += [
            s
            for s in initials_after_words(text, everyday)
            if reads_as_name(text, *s) and not is_not_a_patient(text, *s)
        ]
        found += [
            s
            for s in names_before_times(text, not_names) + abbreviated_names(text) + hyphenated_given_names(text)
            if not is_not_a_patient(text, *s) and not not_lone_name(text, *s)
        ]
        found += [
            s
            for s in names_by_shape(text, everyday)
            + names_before_birth_cue(text, not_names, everyday)
            + names_as_speakers(text, not_names, everyday)
            + names_with_bare_ages(text)
            + signed_names(text, not_names, everyday)
            + shouted_introductions(text, not_names, everyday)
            + lower_case_names_after_cues(text, everyday)
            + surnames_first_in_entries(text, everyday, reads_as_name)
            + surnames_first_in_list_rows(text, everyday)
            + names_in_form_fields(text, everyday)
            + surnames_in_surname_fields(text, everyday)
            + names_in_event_titles(text, everyday)
            + surnames_first_in_columns(text, everyday)
            + shouted_surnames_first(text, everyday)
            if not is_not_a_patient(text, *s)
        ]
        found += [
            s
            for s in names_from_context(text, not_names, everyday)
            if not is_not_a_patient(text, *s) and not not_lone_name(text, *s)
        ]
        found += [
            s for m in greeting.finditer(text) for s in after_greeting(text, m.end()) if not is_not_a_patient(text, *s)
        ]
        found += _photographed(text, photo_of, not_names)
        tagged = names_in_hashtags(text, not_names, city_names()) + names_in_handles(text, not_names, city_names())
        found += [s for s in tagged if not is_not_a_patient(text, *s)] + spelled_names(text)
        found += [initials for initials, _ in file_names_with_birth_dates(text)]
        found += [s for m in initials_cue.finditer(text) for s in _bare_initials_acting(text, m.end(), acting)]
        return found + [
            s
            for m in initials_cue.finditer(text)
            for s in names_after_cue(text, m.end(), not_names)
            if "." in text[s[0] : s[1]]
        ]

    def listed(text: str) -> list[tuple[int, int]]:
        # A full name with no cue beside a colleague's role or after "in"/"at" is a colleague or a place ("he's in
        # Ruby Hall"), as a lone first name is.
        return [
            s
            for s in find_listed_names(text, not_names) + given_names_with_rare_surname(text, not_names, everyday)
            if not is_not_a_patient(text, *s) and not not_lone_name(text, *s)
        ]

    def from_model(text: str) -> list[tuple[int, int]]:
        marked = model_name_spans(text, model, lambda t: lone_name_candidates(t, not_names))
        found = names_from_model(text, marked, not_names) + lone_names_from_model(
            text, marked, not_names, not_lone_name
        )
        return [s for s in found if not is_not_a_patient(text, *s)]

    return after_cues, listed, from_model


# Two or three capitals with no full stops right after a patient cue ("pt <XY> wants ...").
_BARE_INITIALS = re.compile(r"[ ]([A-Z]{2,3})(?![\w.'’-])")


def _bare_initials_acting(text: str, end: int, acting: re.Pattern[str]) -> list[tuple[int, int]]:
    """A patient's initials written with no full stops after a patient cue ending at `end`, when a verb of what a
    person does follows them ("patient <XY> says ...", "pt <XY> wants a letter"; thirty-seventh masking set): with
    no such verb two capitals are as often a test or a unit ("patient CT scan", "pt ED visit")."""
    initials = _BARE_INITIALS.match(text, end)
    if initials is None or acting.match(text, initials.end()) is None:
        return []
    return [initials.span(1)]


def _photographed(text: str, photo_of: re.Pattern[str], not_names: frozenset[str]) -> list[tuple[int, int]]:
    """A listed given name after a photo or a video of someone ("foto di Leonardo"), not a city or a public figure."""
    cities = city_names()
    return [
        s
        for m in photo_of.finditer(text)
        for s in names_after_cue(text, m.end(), not_names, listed_only=True, everyday=everyday)
        if text[s[0] : s[1]].split(" ", 1)[0].lower() not in cities and not is_not_a_patient(text, *s)
    ]


@lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """The cities and towns the countries data lists, lower case ("sydney", "leeds")."""
    return frozenset(
        city.lower()
        for country in knowledge_registry.load(knowledge_registry.COUNTRIES).countries
        for city in country.cities
    )


@lru_cache(maxsize=1)
def colleague_or_place() -> Callable[[str, int, int], bool]:
    """A check that a lone first name is a colleague's ("our hygienist Priya", "Sarah the hygienist") or a place's
    ("a Roma", "in Sydney")."""
    terms = guardrail_data().phi
    role = "|".join(f"(?:{c})" for c in terms.staff_before or ("(?!)",))
    role_before = re.compile(rf"\b(?:{role})\.?[ ,:]*$", re.IGNORECASE)
    # "Brianna, our new front desk coordinator", "Sarah from our front desk": up to three words before the role.
    role_after = re.compile(
        rf"[ ,(]+(?:from )?(?:(?:the|our|my|a|an|la|il|die|der|unsere?) (?:[\w-]+ ){{0,3}})?(?:{role})(?!\w)",
        re.IGNORECASE,
    )
    place = re.compile(rf"\b(?:{words(terms.place_before)})[ ]+$", re.IGNORECASE) if terms.place_before else None
    city_role = re.compile(rf"[ -]+(?:{words(terms.place_after)})\b", re.IGNORECASE) if terms.place_after else None
    cities = city_names()

    def not_lone_name(text: str, start: int, end: int) -> bool:
        lo = max(0, start - 30)
        if role_before.search(text, lo, start) or role_after.match(text, end):
            return True
        if " " not in text[start:end] and _beside_a_city(text, start, end, cities):
            return True
        if city_role is not None and text[start:end].lower() in cities and city_role.match(text, end):
            return True
        return place is not None and place.search(text, lo, start) is not None

    return not_lone_name


# A place named in a run of places: "<name> to the Gold Coast", "Leeds, <name>" (a listed city on one side).
# A transcript's speaker label at a line's start, after a time stamp or none ("[14:02] Client:", "10:05 Patientin:").
_SPEAKER_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:\[[^\]\n]{1,22}\][ \t]*|\d{1,2}[:.]\d{2}[ \t]*[-–—]?[ \t]*)?$")
_SPEECH_NEXT = re.compile(r" (?:[a-zß-ÿ][\w'’-]*)(?: |[,.!?]|$)")  # a lower-case word carrying the sentence on


@lru_cache(maxsize=1)
def _patient_word() -> re.Pattern[str]:
    """A word for the people a clinic serves ("Patient", "Client", "Patientin"), as a transcript labels a speaker."""
    return re.compile(guardrail_data().phi.patient_words, re.IGNORECASE)


# An awareness day's name after a word that cues a name ("a caption for Baby Loss Awareness Week": "baby" cues a
# child's name, and "Loss Awareness" was masked): the words read as a name run into the occasion's own words.
_OBSERVANCE = re.compile(
    r"(?:[^\W\d_][\w'’-]*[ ]+){0,3}?(?:Awareness|Remembrance|Appreciation)[ ]+(?:Day|Week|Month|Fortnight)\b"
)

_CAPITALISED_BEFORE = re.compile(r"(?-i:[A-Z][\w'’-]*)[ ]$")


def _title_case_service(text: str, cue_start: int, cue_end: int, span: tuple[int, int]) -> bool:
    """Whether a cue written in Title Case after another capitalised word ("New Patient Exam", "Existing Client
    Offer") names a service, not a person: the word after it is no listed given name."""
    cue = text[cue_start:cue_end]
    if not (cue[:1].isupper() and cue[1:].islower()) or not _CAPITALISED_BEFORE.search(
        text, max(0, cue_start - 40), cue_start
    ):
        return False
    first = re.match(r"[^\W\d_][\w'’]*", text[span[0] : span[1]])
    return first is not None and not is_given_name(first.group())


def _speech_after_speaker(text: str, cue_start: int, cue_end: int, span: tuple[int, int]) -> bool:
    """Whether the words after a word for a patient that labels a transcript's speaker ("[13:01] Patient: I've had a
    cough", "Client: Better, but stiff", "Patientin: Die Rötung ist ...") begin what they say, not their name: the
    first word is no listed given name, and it is an everyday word or a lower-case word carries the sentence on. A
    name given there ("Patient: <given> <surname>, <birth date>") and a form's "Name: <surname>" stay names."""
    if text[cue_end : cue_end + 1] != ":" or not _SPEAKER_BEFORE.search(text, max(0, cue_start - 30), cue_start):
        return False
    if not _patient_word().fullmatch(text, cue_start, cue_end):  # "Name: <surname>" is a form's field
        return False
    first = re.match(r"[^\W\d_][\w'’]*", text[span[0] : span[1]])
    if first is None or is_given_name(first.group()):
        return False
    contraction = any(mark in first.group() for mark in "'’")
    return everyday(first.group()) or contraction or _SPEECH_NEXT.match(text, span[1]) is not None


_PLACE_NEXT = re.compile(r"[ ]*(?:,|to|and|or|&)[ ]+(?:the[ ]+)?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")
_PLACE_PREVIOUS = re.compile(r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)[ ]*(?:,|to|and|or|&)[ ]+$")


def _beside_a_city(text: str, start: int, end: int, cities: frozenset[str]) -> bool:
    """Whether a lone capitalised word stands in a run of places, a listed city right before or after it ("From
    Ipswich to Redcliffe, <name> to the Gold Coast"): a town, not a person."""
    after = _PLACE_NEXT.match(text, end)
    before = _PLACE_PREVIOUS.search(text, max(0, start - 40), start)
    near = [m.group(1) for m in (after, before) if m is not None]
    return any(w.lower() in cities or w.split(" ")[0].lower() in cities for w in near)


def _unknown_noun(text: str, start: int, end: int) -> bool:
    """True for one capitalised word the name lists do not know, long enough to be a noun rather than a name: in
    German every noun is capitalised ("Patienten Adressänderungen melden"), so only the model can tell."""
    word = text[start:end]
    return (
        word.isalpha() and len(word) >= 12 and word[:1].isupper() and not is_given_name(word) and not is_surname(word)
    )


def _alternation(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive pattern for whole words matching any of `patterns` (never matching when empty)."""
    return re.compile(r"(?:" + "|".join(f"(?:{c})" for c in patterns or ("(?!)",)) + r")(?!\w)", re.IGNORECASE)


def _not_for_the_model(word: str, text: str, end: int, acting: re.Pattern[str], model: LoadedModel) -> bool:
    """True for a word after a cue that is not worth asking the model about: one its vocabulary holds whole is an
    everyday word or a common name the lists know ("patient reviews", "patient john"), so only rarer words
    ("gurleen") are asked; an acronym ("client DMing") or an action ("die Mutter möchte") is not a name."""
    if model.tokenizer.token_to_id(word.lower()) is not None:
        return True
    return word[1:2].isupper() or acting.match(text, end) is not None


# A lower-case word addressed right after a greeting or a reply cue and before a colon ("reply to hunter:").
_ADDRESSED = re.compile(r"[ ]+([a-z][a-z'’-]{2,})(?=:)")


def _listed_or_addressed(text: str, end: int, not_names: frozenset[str]) -> list[tuple[int, int]]:
    """After a greeting or reply cue: a listed given name, or one in lower case addressed before a colon
    ("reply to hunter: ...")."""
    listed = names_after_cue(text, end, not_names, listed_only=True, everyday=everyday)
    if listed:
        return listed
    addressed = _ADDRESSED.match(text, end)
    return [addressed.span(1)] if addressed and is_given_name(addressed.group(1)) else []


def _courtesy_names(not_names: frozenset[str]) -> Callable[[str], list[tuple[int, int]]]:
    """Names shown by courtesy words: before one ("Priyanka ji") or after a lower-case title ("mrs haworth")."""
    terms = guardrail_data().phi
    lower_titles = re.compile(rf"(?<![\w.])(?:{words(terms.lower_titles) or '(?!)'})\.? (?=[^\W\d_])")

    def find(text: str) -> list[tuple[int, int]]:
        return names_before_honorific(text, honorifics(), not_names) + names_after_lower_title(
            text, lower_titles, not_names, everyday
        )

    return find
