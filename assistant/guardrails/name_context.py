"""What the words around a name show: a patient named by an everyday word, or a name that is not a patient's.

Many first names are everyday words ("River", "Sage", "hope", "will") and are never masked alone: the words
around them must show a person. A pair of them as the subject of a sentence ("River and Sage are back"), a
description of a patient in brackets ("ivy (the psoriasis teen)"), a group the person belongs to ("will from the
hockey team"), an introduction ("it's Bronwen again") or an action only a person does at the start of a sentence
("hope called again") do. The other way round, a name found with no cue is not a patient's when the sentence shows
a colleague ("Isla starts on reception Monday"), a public figure in the news ("Mark Holland's announcement",
"Quote Georgina Long"), another clinician ("Referral letter from Dr. Ramirez at Dell Children's") or a place
("Adelaide's most trusted foot clinic"). The words are data (knowledge/data/person_names.yaml, `name_context`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ._data import guardrail_data, person_names, words
from .names import NameLists, fold, name_lists
from .organisations import in_organisation_list

_WORD = r"[^\W\d_][^\W\d_'’-]*"
# A word, also right after a quote mark ("from 'Faith M.'"), but not the "s" of "Ruby's".
_NAME_WORD = re.compile(rf"(?<![\w-])(?<!\w['’])({_WORD})")
# Words before a name that make the next word an ordinary noun or verb ("no hope from the team", "the will").
_DETERMINERS = frozenset(
    "the a an no any some this that these those our my your their his her its with of new more less great good free "
    "little much every last next such what whose".split()
)
# A sentence ends at ".", "!" or "?" and a space, not after a short title ("Dr. Ramirez", "Dott. Ferrara").
# Not after a title's abbreviation: "Dr.", "Mrs.", "Dott.", "Prof.", and "Dr. med." / "Dr. med. dent."; nor after an
# initial ("Lester B. Pearson").
# A stop ends a sentence, not after a title's short word ("Dr.", "Prof.", "Dipl.-Psych.", "Dipl.-Oec.troph."). A
# run of stops is read from its first only, so a long run ("......") is read once, not once for each stop.
_SENTENCE_END = re.compile(
    r"(?<![.!?])(?:(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<!Dott|Prof)(?<! med)(?<! dent)(?<!\s[A-Z])"
    r"(?<!\.-[A-ZÄÖÜ][a-zäöü]{3})(?<!\.-[A-ZÄÖÜ][a-zäöü]{4})(?<!\.troph)\.|[!?])+[\s\"'”’)]+|\n"
)
_WINDOW = 80  # characters either side of a name that its sentence is read in


@dataclass(frozen=True)
class _Patterns:
    staff_after: re.Pattern[str]
    staff_before: re.Pattern[str]
    staff_sentence: re.Pattern[str]
    news_before: re.Pattern[str]
    news_after: re.Pattern[str]
    news_sentence: re.Pattern[str]
    place_after: re.Pattern[str]
    clinician_after: re.Pattern[str]
    clinician_before: re.Pattern[str]
    staff_name_cue: re.Pattern[str]
    staff_next: re.Pattern[str]
    new_staff_before: re.Pattern[str]
    made_up_before: re.Pattern[str]
    pet_before: re.Pattern[str]
    postnominals_after: re.Pattern[str]
    signer_after: re.Pattern[str]
    named_place_before: re.Pattern[str]
    signer_before: re.Pattern[str]
    title_before: re.Pattern[str]
    cue_before: re.Pattern[str]
    brackets: re.Pattern[str]
    brackets_strong: re.Pattern[str]
    from_group: re.Pattern[str]
    introduced_before: re.Pattern[str]
    greeted_before: re.Pattern[str]
    self_introduced_staff: re.Pattern[str]
    reviewer: re.Pattern[str]
    acting: re.Pattern[str]
    care: re.Pattern[str]
    introduced_after: re.Pattern[str]
    strong_after: re.Pattern[str]
    actions: re.Pattern[str]
    pair: re.Pattern[str]
    relative: re.Pattern[str]
    from_place_actions: re.Pattern[str]
    modal: frozenset[str]
    doctor_title_before: re.Pattern[str]
    closing_before: re.Pattern[str]
    colleague_letter: re.Pattern[str]
    patient_writes: re.Pattern[str]
    public_doctor: re.Pattern[str]
    age: re.Pattern[str]
    patient_word: re.Pattern[str]
    quote_author: re.Pattern[str]
    quote_list_line: re.Pattern[str]
    quote_list_heading: re.Pattern[str]
    quote_list_not_after: re.Pattern[str]
    cited: re.Pattern[str]
    relative_after: re.Pattern[str]
    role_title_before: re.Pattern[str]
    colleague_role_before: re.Pattern[str]
    award_after: re.Pattern[str]


def _any(patterns: tuple[str, ...], role: str, suffix: str = "", flags: int = re.IGNORECASE) -> re.Pattern[str]:
    body = "|".join(f"(?:{p.replace('{role}', role)})" for p in patterns)
    return re.compile(f"(?:{body}){suffix}", flags)


@lru_cache(maxsize=1)
def _patterns() -> _Patterns | None:
    data = person_names().name_context
    if data is None:
        return None
    phi = guardrail_data().phi
    role = "|".join(f"(?:{r})" for r in phi.staff_before) or "(?!)"
    titles = "|".join(re.escape(t) for t in sorted(phi.titles, key=len, reverse=True))
    family = "|".join(f"(?:{f})" for f in phi.family_after_possessive) or "(?!)"
    return _Patterns(
        staff_after=_any(data.staff_after_name, role),
        staff_before=_any(data.staff_before_name, role, suffix="$"),
        staff_sentence=_any(data.staff_sentence, role),
        news_before=_any(data.news_before_name, role, suffix="$"),
        news_after=_any(data.news_after_name, role),
        news_sentence=_any(data.news_sentence, role),
        place_after=_any(data.place_after_name, role),
        clinician_after=_any(data.clinician_after_name, role, flags=0),
        clinician_before=_any(data.clinician_before_name, role, suffix="$"),
        staff_name_cue=_any((data.staff_name_cue or "(?!)",), role),
        staff_next=_any((data.staff_next_sentence or "(?!)",), role),
        new_staff_before=_any((data.new_staff_before or "(?!)",), role),
        made_up_before=_any((data.made_up_before_name or "(?!)",), role),
        pet_before=_any((data.pet_before_name or "(?!)",), role, suffix="$"),
        postnominals_after=_any((data.postnominals_after_name or "(?!)",), role, flags=0),
        signer_after=re.compile(data.signer_role_after or "(?!)", re.IGNORECASE),
        named_place_before=re.compile(
            f"(?:{data.institution_before_name or '(?!)'})|(?:{data.saint_before_name or '(?!)'})"
        ),
        signer_before=re.compile(data.signer_role_before or "(?!)", re.IGNORECASE),
        title_before=re.compile(rf"(?<![\w.])(?:{titles})\.? $", re.IGNORECASE),
        cue_before=_any(phi.name_cues, role, suffix=r"[ ,:]*$"),
        brackets=re.compile(rf" \((?:{data.person_in_brackets})", re.IGNORECASE),
        brackets_strong=re.compile(rf" \((?:{data.person_in_brackets_strong or '(?!)'})", re.IGNORECASE),
        from_group=re.compile(rf" from (?:{data.group_after_from})", re.IGNORECASE),
        introduced_before=re.compile(rf"(?<!\w)(?:{data.introduced_before})", re.IGNORECASE),
        greeted_before=re.compile(rf"(?<!\w)(?:{data.greeted_before or '(?!)'})$", re.IGNORECASE),
        self_introduced_staff=re.compile(rf"(?<!\w)(?:{data.self_introduced_staff or '(?!)'})", re.IGNORECASE),
        reviewer=re.compile(rf"(?:{data.reviewer_before})", re.IGNORECASE),
        acting=re.compile(r" (?:" + "|".join(f"(?:{c})" for c in phi.acting_cues or ("(?!)",)) + r")(?!\w)", re.I),
        care=re.compile(
            r"['’]s (?:" + "|".join(f"(?:{c})" for c in phi.care_after_possessive or ("(?!)",)) + r")(?!\w)", re.I
        ),
        introduced_after=re.compile(data.introduced_after, re.IGNORECASE),
        # Also a relation set after a comma: "its ivy, <name>'s mum".
        strong_after=re.compile(
            rf"[ ]+(?:again|here|from|calling|speaking|ringing|texting)\b|[ ]*,[ ]*{_WORD}['’]s (?:{family})(?!\w)",
            re.IGNORECASE,
        ),
        actions=re.compile(rf" (?:{data.person_actions})", re.IGNORECASE),
        pair=re.compile(rf"(?<![\w'’-])({_WORD}) (?:and|&|und|e) ({_WORD}) (?=(?:{data.pair_verbs}))", re.IGNORECASE),
        relative=re.compile(
            rf"\b(?:my|her|his|their|our|your) (?:{data.relative_before_name}) ({_WORD})(?![\w'’-])(?! to\b)",
            re.IGNORECASE,
        ),
        from_place_actions=re.compile(rf"[ ,]+(?:{data.from_place_actions})", re.IGNORECASE),
        modal=frozenset(w.lower() for w in data.modal_names),
        doctor_title_before=re.compile(
            rf"(?<![\w.])(?:{'|'.join(re.escape(t) for t in data.doctor_titles) or '(?!)'})\.? $", re.IGNORECASE
        ),
        patient_writes=re.compile(data.patient_writes or "(?!)", re.IGNORECASE),
        closing_before=re.compile(rf"(?:{data.letter_closing or '(?!)'})$", re.IGNORECASE),
        colleague_letter=re.compile(data.colleague_letter or "(?!)", re.IGNORECASE),
        public_doctor=_any(data.public_doctor_sentence or ("(?!)",), role),
        age=re.compile(data.age_in_brackets or "(?!)", re.IGNORECASE),
        patient_word=re.compile(rf"\b(?:{phi.patient_words})\b", re.IGNORECASE),
        quote_author=re.compile(data.quote_author_before or "(?!)", re.IGNORECASE),
        quote_list_line=re.compile(data.quote_list_line or "(?!)"),
        quote_list_heading=re.compile(data.quote_list_heading or "(?!)", re.IGNORECASE),
        quote_list_not_after=re.compile(data.quote_list_not_after or "(?!)", re.IGNORECASE),
        cited=_any(data.cited_authors or ("(?!)",), role),
        relative_after=re.compile(rf" (?:{family})(?!\w)", re.IGNORECASE),
        role_title_before=re.compile(rf"(?<![\w.-])(?:{words(data.clinician_role_titles) or '(?!)'}) $"),
        colleague_role_before=re.compile(
            rf"(?<![\w-])(?:{data.colleague_role_before or '(?!)'}) (?:{_FULL_NAME}(?:, {_FULL_NAME})*,? {_AND} )?$",
            re.IGNORECASE,
        ),
        award_after=re.compile(data.award_after_name or "(?!)", re.IGNORECASE),
    )


# A full name written as one (two capitalised words), and "and" in the clinics' languages: the colleagues a plural
# job names before the last of them ("hygienists <name> and <name>").
_FULL_NAME = r"(?-i:[A-Z])[\w'’-]* (?-i:[A-Z])[\w'’-]*"
_AND = r"(?:and|&|und|e|et|y)"


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of the sentence around text[start:end], at most _WINDOW characters either side."""
    lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    for m in _SENTENCE_END.finditer(text, lo, start):
        lo = m.end()
    stop = _SENTENCE_END.search(text, end, hi)
    return lo, stop.start() if stop else hi


def named_as_a_pet(before: str) -> bool:
    """Whether the words before a name end with an animal and "called" or "named" ("our kelpie called ", "dog named
    "): the name is a pet's (person_names.yaml `pet_before_name`)."""
    p = _patterns()
    return p is not None and p.pet_before.search(before) is not None


def not_a_patient_by_context(text: str, start: int, end: int, everyday: Callable[[str], bool]) -> bool:
    """True when the words around the name text[start:end] show a colleague, a public figure, another clinician
    or a place ("Bhavesh from Baner"), and no patient cue ("my patient", "pt") stands right before it. `everyday`
    tells an everyday word ("Greetings from Sydney" is not a person from a place)."""
    p = _patterns()
    if p is None:
        return False
    lo, hi = _sentence(text, start, end)
    before, after, sentence = text[lo:start], text[end:hi], text[lo:hi]
    if p.staff_name_cue.search(before) and _new_colleague_before(text, start, p):
        return True
    # 'a made-up patient called "Sam"', an award: "named <Title Case words> of the Year", and a pet: "a kelpie called
    # <name>", whatever cue "called" is
    made_up = p.made_up_before.search(before) and _CLOSING_QUOTE.match(after)
    if made_up or p.award_after.match(after) or named_as_a_pet(before):
        return True
    if p.cue_before.search(before):
        return False
    if (
        _cited_author(text, start, end, p)
        or _colleague_by_role(text[start:end], before, sentence, p)
        or p.place_after.match(after)
        or p.postnominals_after.match(after)
        or in_organisation_list(text, start, end)
        or _an_institutions_official(text[start:end], before, after, p)
        or p.named_place_before.search(before) is not None
        or _a_character_or_a_condition(text[start:end], before, after, p)
        or _a_headings_words(text[start:end], after, everyday)
    ):
        return True
    came_from = _PERSON_FROM.search(before)
    if came_from and " " not in text[start:end] and _person_word(came_from.group(1), everyday):
        return True
    # "Isla starts on reception", and a role after a comma: "Dr. Sandeep Gill, our new locum".
    if p.staff_after.match(after, 1 if after[:1] == " " else 0) or p.staff_before.search(before):
        if p.staff_sentence.search(sentence) or _staff_next_sentence(text, hi, p):
            return True
    # "quote Georgina Long", but not "quote Maria Lopez's review": a possessive name is quoted for what it owns.
    # A closing quote is not a possessive: "say 'as recommended by Chris Hoy' if ..."; "James' review" still is.
    possessive = after[:2].lower() in ("'s", "’s") or (after[:1] in ("'", "’") and text[end - 1 : end] in ("s", "S"))
    if (p.news_before.search(before) and not possessive) or p.news_after.match(after):
        return True
    if p.news_sentence.search(sentence) or _quote_author(text, start, p):
        return True
    if p.title_before.search(before) or p.role_title_before.search(
        before
    ):  # another clinician: "letter from Dr. Ramirez at Dell Children's"
        told = _unquoted(sentence)  # a talk's title in quotes speaks of patients, not of this one ("Treating ...")
        return _titled_clinician(before, after, told, p) or _doctor_by_title(text, (start, end), before, told, p)
    return " " in text[start:end] and _from_another_practice(after, sentence, p)


# A title in double quotes (a talk's, a book's, a course's): what it says is about no one in the message.
_QUOTED_TITLE = re.compile(r'["“„][^"“”„\n]{1,120}["”“]')


def _unquoted(sentence: str) -> str:
    return _QUOTED_TITLE.sub('""', sentence)


# The last capitalised word of a heading, then its colon ("<Grant Money> Available:", "<Joy Bonus> Inside:").
_HEADING_END = re.compile(r"[ ]+((?-i:[A-Z])[a-z]+)[ ]*:")


def _a_headings_words(name: str, after: str, everyday: Callable[[str], bool]) -> bool:
    """Whether a name of two everyday words runs on into a third and a colon: a newsletter's heading in Title Case
    ("Grant Money Available: ask us about ..."), no one's name."""
    m = _HEADING_END.match(after)
    words = name.split()
    return m is not None and len(words) > 1 and all(everyday(w) for w in (*words, m.group(1)))


def _an_institutions_official(name: str, before: str, after: str, p: _Patterns) -> bool:
    """Whether a school's or a nursery's job stands after the name and a comma ("<name>, Principal") or right
    before it, maybe read into the name ("Kita-Leitung <name>")."""
    if p.signer_after.match(after):
        return True
    head, _, rest = name.partition(" ")
    return bool(p.signer_before.search(before)) or bool(rest and p.signer_before.search(f"{before}{head} "))


def _colleague_by_role(name: str, before: str, sentence: str, p: _Patterns) -> bool:
    """Whether a full name comes right after a clinic's job written in words ("dental nurse <given> <surname>",
    "hygienists <name> and <name>"), in a sentence that speaks of no patient: a colleague."""
    if " " not in name.strip() or not p.colleague_role_before.search(before):
        return False
    return not p.patient_word.search(sentence)


def _from_another_practice(after: str, sentence: str, p: _Patterns) -> bool:
    """Whether a full name is a clinician's from another practice or a hospital ("<given> <surname> from Northside
    Sports Clinic is covering"): not when the sentence speaks of a patient or of what a patient writes ("... left us
    a review")."""
    if not p.clinician_after.match(after):
        return False
    return not (p.patient_word.search(sentence) or p.patient_writes.search(sentence))


_CITATION = 200  # characters either side of a name in which its citation is looked for


def _cited_author(text: str, start: int, end: int, p: _Patterns) -> bool:
    """Whether the name text[start:end] is one of a cited study's authors ("Pereira Gray et al.", "the review by
    Villa, Connell and Abati (2015)")."""
    lo = max(0, start - _CITATION)
    return any(
        m.start() <= start and end <= m.end() for m in p.cited.finditer(text, lo, min(len(text), end + _CITATION))
    )


_QUOTED_LINE = 400  # characters before a name in which a quote word and the saying are looked for


def _quote_author(text: str, start: int, p: _Patterns) -> bool:
    """Whether the name at `start` follows a saying shared as a quote and a dash, on the same line: its author ('Quote
    for the newsletter: "..." — <author>'). The saying may be longer than the sentence window, so the line is read."""
    return p.quote_author.search(text, max(0, start - _QUOTED_LINE), start) is not None or _listed_quote_author(
        text, start, p
    )


def _listed_quote_author(text: str, start: int, p: _Patterns) -> bool:
    """Whether the name at `start` ends a line that is a saying in quotes and a dash, under a heading that offers
    quotes ('Quote post, pick one:' then '"..." - <author>' lines), with no word for a patient's words before it."""
    line = text.rfind("\n", 0, start) + 1
    if not p.quote_list_line.match(text[line:start]):
        return False
    lo = max(0, line - _QUOTED_LINE)
    return bool(p.quote_list_heading.search(text, lo, line)) and not p.quote_list_not_after.search(text, lo, line)


def _a_character_or_a_condition(name: str, before: str, after: str, p: _Patterns) -> bool:
    """Whether one word before `after` names a mascot or a story's character by what it is ("bring back Sid the
    Seagull", "Timmy the Tooth"), or a condition after the doctor who described it, with no title ("a post on
    Grover's disease"; "Mrs Grover's disease" stays a patient)."""
    if " " in name:
        return False
    if _CHARACTER_AFTER.match(after):
        return True
    return bool(_EPONYM_AFTER.match(after)) and not p.title_before.search(before)


def _staff_next_sentence(text: str, end: int, p: _Patterns) -> bool:
    """Whether the sentence after the one ending at text[end] says who the person introduced is: "introducing Ella
    Baker? She's our new dermal therapist"."""
    start = end + len(text[end:]) - len(text[end:].lstrip("?!. \t\"'”’)"))
    if not p.staff_next.match(text, start):
        return False
    _, stop = _sentence(text, start, start)
    return bool(p.staff_sentence.search(text, start, stop))


def cued_or_titled(text: str, start: int) -> bool:
    """Whether a patient cue ("pt", "call back") or a courtesy title that is not a doctor's ("Mrs.", "Frau") stands
    right before text[start]: such a mention names a patient whatever another mention of the same words shows."""
    p = _patterns()
    if p is None:
        return True
    lo, _ = _sentence(text, start, start)
    before = text[lo:start]
    if p.cue_before.search(before):  # a letter's closing is no such cue: "Regards, <the doctor who wrote it>"
        return not p.closing_before.search(before.rstrip())
    return bool(p.title_before.search(before)) and not p.doctor_title_before.search(before)


def _titled_clinician(before: str, after: str, sentence: str, p: _Patterns) -> bool:
    """Whether a name after a title is a clinician's: a doctor in the media, one a letter or referral comes from,
    one named with a hospital or with their field ("Dr. Maya Okafor, board-certified dermatologist"), or one after a
    nurse's or a practitioner's post ("NP <name>"), unless the sentence speaks of a patient."""
    if p.role_title_before.search(before):
        return not p.patient_word.search(sentence)
    if p.doctor_title_before.search(before) and p.public_doctor.search(sentence):
        return True  # a doctor in the media: "Dr Karl Kruszelnicki posted about SPF myths, followers ask"
    if p.clinician_before.search(before):
        return True
    return bool(p.clinician_after.match(after)) and not p.patient_word.search(sentence)


_SIGNED_WITHIN = 40  # characters before a titled name in which a letter's closing words are looked for


def _doctor_by_title(text: str, span: tuple[int, int], before: str, sentence: str, p: _Patterns) -> bool:
    """Whether a full name after a doctor's title is a clinician's by the title alone ("covering: Dr. <given>
    <surname>", "with Dott.ssa <given> <surname>"): not a surname alone ("Dr. <surname> referred her" may name a
    patient), nor when the sentence speaks of a patient, a lay title stands before the doctor's ("Frau Dr. Vogel")
    or the name signs a letter (a patient who is a doctor writing in), unless the letter is a referral from one
    clinician to another ("Thank you for seeing ...")."""
    start, end = span
    title = p.doctor_title_before.search(before)
    if title is None or " " not in text[start:end] or p.patient_word.search(sentence):
        return False
    rest = before[: title.start()]
    if p.title_before.search(rest) and not p.doctor_title_before.search(rest):
        return False
    lo = start - len(before) + title.start()
    signed = p.closing_before.search(text[max(0, lo - _SIGNED_WITHIN) : lo].rstrip())
    return not signed or p.colleague_letter.search(text, 0, lo) is not None


# What a doctor's surname names when it owns it: a condition, a sign or a test ("Grover's disease", "Bell's palsy").
_EPONYM_AFTER = re.compile(
    r"['’]s (?:disease|syndrome|palsy|phenomenon|sign|triad|lymphoma|sarcoma|contracture|neuroma|ataxia|chorea)"
    r"(?![\w-])",
    re.IGNORECASE,
)
# After a mascot's or a character's name: "the" and a capitalised word that is not a role ("Sid the Seagull"), or
# an animal or a made-up creature ("Max the dog", "Dotty the dragon"). Not "Sarah the hygienist" (a colleague's, read
# elsewhere), nor "Sam the Hygienist" in capitals.
_CHARACTER_AFTER = re.compile(
    r" the (?:(?-i:[A-Z][a-z]+)(?<!Hygienist)(?<!Dentist)(?<!Nurse)(?<!Receptionist)(?<!Therapist)(?<!Physio)"
    r"(?<!Doctor)(?<!Manager)(?<!Assistant)(?<!Patient)(?<!Client)(?<!Great)(?<!First)(?<!Second)(?<!Third)(?<!Younger)"
    r"(?<!Elder)(?<!Older)|(?:dog|cat|puppy|kitten|bear|bunny|rabbit|seagull|gull|bird|owl|dragon|dinosaur|"
    r"monkey|penguin|koala|kangaroo|wombat|crocodile|shark|lion|tiger|frog|fish|elephant|giraffe|unicorn|"
    r"mascot|robot|tooth|toothbrush|molar))(?![\w'’-])",
)
_CLOSING_QUOTE = re.compile(r"[^\n\"“”„«»‘’']{0,30}[\"“”»’']")  # the rest of a quoted name: "Ramesh uncle"
_INTRODUCED_WITHIN = 200  # characters before "her name is" in which the new colleague is introduced


def _new_colleague_before(text: str, start: int, p: _Patterns) -> bool:
    """Whether the message introduces a new colleague shortly before a name ("We have a new physio joining next
    week. ... Her name is ..."), with no patient or client in between."""
    window = text[max(0, start - _INTRODUCED_WITHIN) : start]
    return bool(p.new_staff_before.search(window)) and not p.patient_word.search(window)


# "Bhavesh from Baner", "this is Shabnam from Hadapsar": a capitalised word, "from", and a capitalised place.
_PERSON_FROM = re.compile(r"(?<![\w'’-])([A-Z][^\W\d_]+) from $")
_FROM_PLACE = re.compile(r"(?<![\w'’-])([A-Z][^\W\d_]+) from ([A-Z][^\W\d_]+)(?![\w'’-])(?! [A-Z])")


def _person_word(word: str, everyday: Callable[[str], bool]) -> bool:
    """A word that can be a person's first name: a listed given name, or a word that is not an everyday word."""
    return _listed(word) or not everyday(word)


def _listed(word: str) -> bool:
    """A listed given name, everyday words such as "hope", "will" and "river" included."""
    lists = name_lists()
    return all(_given_or_word_name(fold(part), lists) for part in word.split("-") if part)


def _given_or_word_name(folded: str, lists: NameLists) -> bool:
    # The everyday-word list also holds words that are no one's name ("post", "care"): those are function words.
    return folded in lists.given or (folded in lists.common and folded not in lists.function_words)


def _usable(word: str, not_names: frozenset[str]) -> bool:
    return len(word) >= 3 and word.lower() not in not_names and not word[1:2].isupper() and _listed(word)


def _word_before(text: str, start: int) -> str:
    m = re.search(rf"({_WORD})[ ]+$", text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


# Words before a possessive that make it a time, not a person ("this summer's results").
_NOT_BEFORE_POSSESSIVE = (_DETERMINERS - {"of"}) | frozenset({"every", "early", "late", "mid", "whole"})
_INITIAL = re.compile(r" [A-Z]\.(?!\w)")


def _after_pause(text: str, start: int) -> bool:
    """At the start of a sentence or after a comma or a semicolon."""
    head = text[max(0, start - 40) : start].rstrip(" \t\"'“‘(*-–—•")
    return not head or head[-1] in ".!?:\n;,"


def _at_sentence_start(text: str, start: int) -> bool:
    head = text[max(0, start - 40) : start].rstrip(" \t\"'“‘(*-–—•")
    return not head or head[-1] in ".!?:\n;"


def _common(word: str) -> bool:
    lists = name_lists()
    return fold(word) in lists.common or fold(word) in lists.function_words


def names_from_context(text: str, not_names: frozenset[str], everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Given names, everyday words included, that the words around them show to be a person's; and a first name
    before "from" and a place at the start of a sentence or after "this is" ("Bhavesh from Baner left ...")."""
    p = _patterns()
    if p is None:
        return []
    found = list(_found(text, not_names, p, everyday))
    for m in _FROM_PLACE.finditer(text):
        word = m.group(1)
        introduced = p.introduced_before.search(text, max(0, m.start() - 12), m.start())
        if word.lower() in not_names or m.group(2).lower() in not_names:
            continue
        if not (introduced or (_at_sentence_start(text, m.start()) and p.from_place_actions.match(text, m.end()))):
            continue
        if _person_word(word, everyday) and not _common(word):
            found.append(m.span(1))
    return list(dict.fromkeys(found))


def _found(
    text: str, not_names: frozenset[str], p: _Patterns, everyday: Callable[[str], bool]
) -> Iterator[tuple[int, int]]:
    # "River and Sage are back", "rose and will both cancelled": two given names as a sentence's subject.
    for m in p.pair.finditer(text):
        a, b = m.group(1), m.group(2)
        same_case = a[:1].isupper() == b[:1].isupper()
        if same_case and _at_sentence_start(text, m.start()) and _usable(a, not_names) and _usable(b, not_names):
            yield m.span(1)
            yield m.span(2)
    for m in _NAME_WORD.finditer(text):
        span = _word_name(text, m.group(1), m.start(1), m.end(1), not_names, p, everyday)
        if span:
            yield span
    for m in p.relative.finditer(text):
        word = m.group(1)
        if word.islower() and _usable(word, not_names) and word.lower() not in p.modal:
            yield m.span(1)  # "my daughter hope had her first cleaning"


def _word_name(
    text: str,
    word: str,
    start: int,
    end: int,
    not_names: frozenset[str],
    p: _Patterns,
    everyday: Callable[[str], bool],
) -> tuple[int, int] | None:
    """The span of `word` when the words around it show a person's name, else None."""
    if not _usable(word, not_names):
        return _unknown_name(text, word, start, end, not_names, p, everyday)
    prev = _word_before(text, start)
    # An everyday word must be one people are named ("will", "rose"), not "a warm post from the team".
    word_name = not everyday(word) or fold(word) in name_lists().common
    if prev not in _DETERMINERS and word_name and (p.brackets.match(text, end) or p.from_group.match(text, end)):
        return start, end  # "ivy (the psoriasis teen)", "will from the hockey team"
    if prev not in _DETERMINERS and p.brackets_strong.match(text, end):
        return start, end  # "Nachricht von jenny (Austauschstudentin)", "mark (son of Mrs Reid)"
    # A possessive, an initial or an age shows a person, whatever verb the word can also be ("will's veneers",
    # 'from "Bill S."', "Bill, 72 years"): checked before the modal verbs are set aside.
    if word.islower() and prev not in _NOT_BEFORE_POSSESSIVE and p.care.match(text, end):
        return start, end  # "the before/after of grace's whitening", "will's veneers"
    if word[:1].isupper() and _INITIAL.match(text, end) and p.reviewer.search(text, max(0, start - 8), start):
        return start, end + 3  # a reviewer: "from 'Faith M.'"
    if p.age.match(text, end):
        return start, end
    if word.lower() in p.modal:
        return None
    if _introduced(text, start, end, word, p):
        return start, end  # "hiya it's Bronwen again", "its dawn from the pilates class"
    if _at_sentence_start(text, start) and p.actions.match(text, end) and fold(word) not in _function_words():
        return start, end  # "hope called again", "faith hat angerufen"
    lower_name = word.islower() and not _common(word)
    if lower_name and _after_pause(text, start) and (p.acting.match(text, end) or p.actions.match(text, end)):
        return start, end  # a lower-case first name that is no everyday word: "..., dafydd cancelled"
    return None


def _unknown_name(
    text: str,
    word: str,
    start: int,
    end: int,
    not_names: frozenset[str],
    p: _Patterns,
    everyday: Callable[[str], bool],
) -> tuple[int, int] | None:
    """The span of a word the lists do not know when the words around it show a person's name, else None."""
    # A capitalised first name the lists do not know, introduced: "hiya it's Bronwen again".
    unknown = word[:1].isupper() and len(word) >= 3 and word.lower() not in not_names and not word.isupper()
    if unknown and _signature(text, start, end, p):
        return start, end + 3  # a quoted reviewer, everyday words too: 'from "Vale B."'
    if _aged(text, start, end, word, not_names, p, everyday):
        return start, end  # "anvi (6 yrs) came for a squint check"
    if _lower_owner(text, word, end, not_names, p, everyday):
        return start, end  # "hey its ivy, tamsin's mum": a lower-case name the lists do not know owns a relative
    if _greeted(text, start, end, word, p, everyday):
        return start, end  # "hey its bec, ...": a lower-case name the lists do not know, after a greeting
    if not unknown or everyday(word):
        return None
    if _word_before(text, start) not in _DETERMINERS and p.brackets_strong.match(text, end):
        return start, end  # "Kalle (Sohn von Frau Oguz) braucht ein Attest"
    if _INITIAL.match(text, end) and p.reviewer.search(text, max(0, start - 8), start):
        return start, end + 3  # a reviewer the lists do not know: "di 'Stavros K.'"
    return (start, end) if _introduced(text, start, end, word, p) else None


def _signature(text: str, start: int, end: int, p: _Patterns) -> bool:
    """A quoted first name and initial after "from"/"by", as review sites sign: 'from "Vale B."'."""
    head = text[max(0, start - 8) : start]
    return bool(head[-1:] in ("'", '"', "“", "‘") and _INITIAL.match(text, end) and p.reviewer.search(head))


# A clinician's title by its make ("cardiologist, 15 yrs in" is the asker's experience, not a patient's age).
_CLINICIAN_WORD = re.compile(
    r"\w*(?:olog|iatr|dont|therap|metr|opath|surgeon|physician|pharmac|hygien|dietit|nurse|midwi|clinician|practition)"
    r"\w*",
    re.IGNORECASE,
)


def _aged(
    text: str, start: int, end: int, word: str, not_names: frozenset[str], p: _Patterns, everyday: Callable[[str], bool]
) -> bool:
    """A word the lists do not know, in any case, followed by an age ("anvi (6 yrs)"): a child's name."""
    low = word.lower()
    return (
        len(word) >= 3
        and low not in not_names
        and not _CLINICIAN_WORD.fullmatch(word)
        and not word[1:2].isupper()
        and fold(word) not in _function_words()
        and not everyday(word)
        and p.age.match(text, end) is not None
    )


def _lower_owner(
    text: str, word: str, end: int, not_names: frozenset[str], p: _Patterns, everyday: Callable[[str], bool]
) -> bool:
    """A lower-case possessive word that is no everyday word, before a relative ("tamsin's mum"): a person's name."""
    return (
        word.islower()
        and text[end : end + 2] in ("'s", "’s")
        and len(word) >= 3
        and word not in not_names
        and fold(word) not in _function_words()
        and not everyday(word)
        and p.relative_after.match(text, end + 2) is not None
    )


def _greeted(text: str, start: int, end: int, word: str, p: _Patterns, everyday: Callable[[str], bool]) -> bool:
    """A lower-case word that is no everyday word, introduced after a greeting and ending its clause ("hey its bec,
    mia's eczema ...", "hi it's jules!")."""
    return (
        word.islower()
        and len(word) >= 3
        and fold(word) not in _function_words()
        and not everyday(word)
        and p.greeted_before.search(text, max(0, start - 24), start) is not None
        and p.introduced_after.match(text, end) is not None
    )


def _introduced(text: str, start: int, end: int, word: str, p: _Patterns) -> bool:
    if text[end : end + 1] in ("'", "’") or not p.introduced_before.search(text, max(0, start - 12), start):
        return False  # "It's Parkinson's Awareness Month" names a thing
    staff = p.self_introduced_staff.search(text, max(0, start - 14), min(len(text), end + 30))
    if staff is not None and staff.start() < start < staff.end():
        return False  # "Hi, I'm Mike from the desk": one of the clinic's own
    if _common(word):  # "it's summer, ..." is a season: an everyday word needs more
        return p.strong_after.match(text, end) is not None
    return p.introduced_after.match(text, end) is not None


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return name_lists().function_words
