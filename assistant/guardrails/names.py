"""Person names with no cue word, and names after a cue written in lower case or as a list.

"Tom Baker came in" and "Maria Garcia's review" have no cue such as "my patient": they are found as a
capitalised given name followed by a capitalised surname, both in public-domain name lists (US Census
given names and surnames, plus given names of the other supported countries; see
knowledge/data/person_names.yaml). After a cue ("my patient john smith", "patients John and Mary Lee",
"pt J.S.") the words are read as names in any case, as a list, or as initials. Names the lists do not know
("Ximena Castillo said") come from a named-entity model (ner.py) and are kept here only as two or more
capitalised words. A name found with no cue is left readable when it is a public figure ("Taylor Swift") or
names a thing ("a Taylor Swift song", "Terry Fox Run", "San Valentino"): those are not patients.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ._data import guardrail_data, person_names, read_name_file

# A word as people write names: letters, inner apostrophes ("O'Connor") and one hyphen ("Lopez-Martin").
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))*(?:-[^\W\d_]+)?")
# "J.S.", "A. K.", or an initial and a surname ("R. Colombo").
_INITIALS = re.compile(r"[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?|[A-Z]\.\s?[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?!\w)")
_JOINERS = frozenset({"and", "&", "e", "und", "et", "y"})
_MAX_GROUP = 3  # words in one name ("Mohammed Ali Khan")


@dataclass(frozen=True)
class NameLists:
    given: frozenset[str]
    surnames: frozenset[str]
    common: frozenset[str]  # given names that are everyday words ("will", "grace"): not names in lower case
    function_words: frozenset[str]  # words never read as a lower-case name ("was", "and", "the")
    not_surnames: frozenset[str]  # listed surnames that end a place or organisation ("Harley Street", "Chase Bank")
    particles: frozenset[str]  # small words inside a name ("van der", "de la", "Ó"), lower case


@lru_cache(maxsize=1)
def name_lists() -> NameLists:
    """The given-name and surname lists, read once (about 65,000 names)."""
    data = person_names()
    given = read_name_file(data.lists["given_names"]) | {fold(n) for n in data.extra_given_names}
    return NameLists(
        given,
        read_name_file(data.lists["surnames"]),
        frozenset(fold(w) for w in data.common_words),
        frozenset(fold(w) for w in data.function_words),
        frozenset(fold(w) for w in data.not_surnames),
        frozenset(w.lower() for w in data.name_particles),
    )


def fold(word: str) -> str:
    """A word as the lists hold it: lower case, accents and apostrophes removed ("O'Connor" -> "oconnor")."""
    plain = unicodedata.normalize("NFKD", word.lower().replace("ß", "ss"))
    return "".join(c for c in plain if c.isalpha() and c.isascii())


def _in(word: str, names: frozenset[str]) -> bool:
    return all(fold(part) in names for part in word.split("-") if part)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str


def _tokens(text: str) -> list[_Token]:
    return [
        _Token(m.start(), m.end() - (2 if m.group().endswith(("'s", "’s")) else 0), m.group())
        for m in _WORD.finditer(text)
    ]


def _possessive_free(token: _Token) -> str:
    return re.sub(r"['’]s$", "", token.text)


def _gap(text: str, a: _Token, b: _Token) -> str:
    return text[a.end : b.start]


@dataclass(frozen=True)
class NotPatients:
    """What shows that a name found with no cue is not a patient's (person_names.yaml)."""

    figures: frozenset[tuple[str, ...]]  # public figures' full names, folded, without initials
    after: frozenset[str]  # a word right after the name that makes it a song, an event or a place
    first: frozenset[str]  # a first word that makes it a saint's day or a place ("San", "St")


@lru_cache(maxsize=1)
def not_patients() -> NotPatients:
    """The public figures and the words that show a name is not a patient's, read once."""
    data = person_names()
    return NotPatients(
        frozenset(_name_words(figure) for figure in data.public_figures),
        frozenset(w.lower() for w in data.not_person_after),
        frozenset(fold(w) for w in data.not_person_first),
    )


def _name_words(name: str) -> tuple[str, ...]:
    """A name's words, folded, without initials ("Michael J. Fox" -> ("michael", "fox"))."""
    return tuple(w for w in (fold(p) for p in re.findall(r"[^\W\d_]+", name)) if len(w) > 1)


def is_not_a_patient(text: str, start: int, end: int) -> bool:
    """True when the name at text[start:end], found with no cue, is a public figure's or names a thing."""
    known = not_patients()
    words = _name_words(text[start:end])
    if not words:
        return False
    # The whole name only: "Gopal Joshi" is not "Anandi Gopal Joshi", and may well be a patient.
    if words[0] in known.first or words in known.figures:
        return True
    # Right after the name only: "Amelia Wright's marathon story" is still a patient's story.
    after = re.match(r"[ \t]*([^\W\d_]+)", text[end:])
    return after is not None and after.group(1).lower() in known.after


def find_listed_names(text: str, not_names: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of "Given Surname" pairs (capitalised, both in the lists) and given names joined to them by "and"."""
    lists = name_lists()
    toks = _tokens(text)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(toks) - 1:
        first, word = toks[i], _possessive_free(toks[i])
        # The first word is checked against the given names only: "April Johnson" is a name, "April" ends one.
        if not (_capitalised(word) and _in(word, lists.given)):
            i += 1
            continue
        j = i
        while (
            j + 1 < len(toks)
            and j - i + 1 < _MAX_GROUP
            and _gap(text, toks[j], toks[j + 1]) == " "
            and toks[j].end == toks[j].start + len(toks[j].text)
        ):  # no possessive inside a name
            nxt = _possessive_free(toks[j + 1])
            surname = _capitalised(nxt) and nxt.lower() not in not_names and fold(nxt) not in lists.not_surnames
            if not (surname and _in(nxt, lists.surnames)):
                break
            j += 1
        if j > i:
            spans.append((first.start, toks[j].end))
            spans.extend(_joined_given_names(text, toks, i, lists, not_names))
        i = j + 1
    return spans


def names_before_cue(
    text: str,
    acting: re.Pattern[str],
    family: re.Pattern[str],
    not_names: frozenset[str],
    reads_as_name: Callable[[str, int, int], bool],
) -> list[tuple[int, int]]:
    """A first name shown to be a person by what follows it: acting ("Travis says", "Siobhan rang") when it is a
    listed given name or the model reads it as a name, or owning a relative ("Lupe's mom", "Noor's husband")."""
    lists = name_lists()
    toks = _tokens(text)
    spans: list[tuple[int, int]] = []
    for k, tok in enumerate(toks):
        word = _possessive_free(tok)
        if word.lower() in not_names or fold(word) in lists.function_words:
            continue
        # In lower case only a listed given name that is not an everyday word, read by the model as a name
        # ("sofia ha commentato").
        lower = word.islower() and _in(word, lists.given) and fold(word) not in lists.common
        if not (_capitalised(word) or lower):
            continue
        if k and _capitalised(_possessive_free(toks[k - 1])) and _gap(text, toks[k - 1], tok) == " ":
            continue  # the end of a longer name or title, which the other finders judge whole
        if text.startswith(" family", tok.end) and _in(word, lists.surnames):  # "the Castellanos family"
            spans.append((tok.start, tok.end))
            continue
        after = tok.start + len(tok.text)  # past the word and any "'s"
        if tok.end != after:  # possessive: a name when a relative follows ("Lupe's mom")
            if text.startswith(" ", after) and family.match(text, after + 1):
                spans.append((tok.start, tok.end))
            continue
        if not acting.match(text, tok.end):
            continue
        if (_in(word, lists.given) and not lower) or reads_as_name(text, tok.start, tok.end):
            spans.append((tok.start, tok.end))
    return spans


def names_from_model(text: str, marked: list[tuple[int, int]], not_names: frozenset[str]) -> list[tuple[int, int]]:
    """Whole-word names from the model's marked spans: two or more capitalised words next to each other.

    A single word ("Grace from the Chamber of Commerce") is too often a staff member, a brand or an everyday
    word; lower-case words are left to the cue rules ("my patient john smith").
    """
    lists = name_lists()
    toks = _tokens(text)
    hit = [any(s < t.start + len(t.text) and t.start < e for s, e in marked) for t in toks]
    spans: list[tuple[int, int]] = []
    run: list[_Token] = []
    for tok, marked_word in zip(toks, hit):
        word = _possessive_free(tok)
        joins = bool(run) and _gap(text, run[-1], tok) == " " and _whole(run[-1])
        particle = bool(run) and word.lower() in lists.particles  # "Pieter van der Berg", "Seán Ó Súilleabháin"
        ok = marked_word and (particle or _model_word(word, not_names, lists))
        if ok and (joins or not run):
            run.append(tok)
            continue
        spans.extend(_full_name(run, lists))
        run = [tok] if ok and not particle else []
    return spans + _full_name(run, lists)


def lone_names_from_model(
    text: str, marked: list[tuple[int, int]], not_names: frozenset[str], not_lone: Callable[[str, int, int], bool]
) -> list[tuple[int, int]]:
    """Names the model marks that the two-word rule leaves out, when the lists agree they are names.

    - a capitalised given name on its own ("Ursula aus dem Wartezimmer", "Ffion and Megan Lloyd"), unless it is an
      everyday word ("Mark", "Grace"), or `not_lone` says it is a colleague's or a place ("our hygienist Priya");
    - a marked first word followed by a listed surname the model left out ("a DM from Tahlia Rigby");
    - a given name and a surname in lower case ("gurpreet dhillon dob ...").
    """
    lists = name_lists()
    toks = _tokens(text)
    hit = [any(s < t.start + len(t.text) and t.start < e for s, e in marked) for t in toks]
    spans: list[tuple[int, int]] = []
    for k, tok in enumerate(toks):
        if not hit[k]:
            continue
        word = _possessive_free(tok)
        low = word.lower()
        if low in not_names or fold(word) in lists.function_words or low in _JOINERS:
            continue
        prev_cap = k > 0 and _capitalised(_possessive_free(toks[k - 1])) and _gap(text, toks[k - 1], tok) == " "
        nxt = toks[k + 1] if k + 1 < len(toks) and _whole(tok) and _gap(text, tok, toks[k + 1]) == " " else None
        if _capitalised(word) and not word[:2].isupper():
            if prev_cap:
                continue
            surname = _possessive_free(nxt) if nxt is not None else ""
            if (
                nxt is not None
                and _capitalised(surname)
                and _in(surname, lists.surnames)
                and fold(surname) not in lists.not_surnames
                and surname.lower() not in not_names
            ):
                spans.append((tok.start, nxt.end))
            elif (
                fold(word) not in lists.common
                and _in(word, lists.given)
                and not (nxt and _capitalised(nxt.text))
                and not not_lone(text, tok.start, tok.end)
            ):
                spans.append((tok.start, tok.end))
        elif word.islower() and len(word) > 2 and nxt is not None and hit[k + 1] and _in(word, lists.given):
            surname = _possessive_free(nxt)
            if (
                surname.islower()
                and len(surname) > 2
                and fold(surname) not in lists.function_words
                and _in(surname, lists.surnames)
            ):
                spans.append((tok.start, nxt.end))
    return spans


def lone_name_candidates(text: str, not_names: frozenset[str]) -> list[tuple[int, int]]:
    """Words worth asking the model about for lone_names_from_model: a capitalised listed given name that is not an
    everyday word, and a lower-case listed given name followed by a listed surname."""
    lists = name_lists()
    toks = _tokens(text)
    out: list[tuple[int, int]] = []
    for k, tok in enumerate(toks):
        word = _possessive_free(tok)
        folded = fold(word)
        if word.lower() in not_names or folded in lists.function_words or folded in lists.common:
            continue
        if _capitalised(word) and _in(word, lists.given):
            out.append((tok.start, tok.end))
        elif word.islower() and len(word) > 2 and k + 1 < len(toks) and _in(word, lists.given):
            nxt = _possessive_free(toks[k + 1])
            if nxt.islower() and fold(nxt) not in lists.function_words and _in(nxt, lists.surnames):
                out.append((tok.start, toks[k + 1].end))
    return out


def _full_name(run: list[_Token], lists: NameLists) -> list[tuple[int, int]]:
    """The run as one name when it holds two or more words besides particles; trailing particles dropped."""
    while run and _possessive_free(run[-1]).lower() in lists.particles:
        run = run[:-1]
    words = [t for t in run if _possessive_free(t).lower() not in lists.particles]
    return [(run[0].start, run[-1].end)] if len(words) >= 2 else []


def _model_word(word: str, not_names: frozenset[str], lists: NameLists) -> bool:
    """A word the model marked that can be part of a name: capitalised, not an acronym ("OMCeO"), not a word
    that ends a place or an organisation ("Bank", "Partners")."""
    low = word.lower()
    if not _capitalised(word) or word[:2].isupper() or low in not_names or low in _JOINERS:
        return False
    return fold(word) not in lists.not_surnames


def _whole(token: _Token) -> bool:
    """False for a possessive ("Garcia's"): a name ends there."""
    return token.end == token.start + len(token.text)


def _joined_given_names(
    text: str, toks: list[_Token], i: int, lists: NameLists, not_names: frozenset[str]
) -> list[tuple[int, int]]:
    """Given names listed before a full name: "Michael and Sarah Johnson", "Anna, Luca and Marco Rossi"."""
    out = []
    while i >= 2 and (toks[i - 1].text.lower() in _JOINERS or _gap(text, toks[i - 1], toks[i]).strip() == ","):
        k = i - 2 if toks[i - 1].text.lower() in _JOINERS else i - 1
        word = toks[k].text
        if not (_capitalised(word) and word.lower() not in not_names and _in(word, lists.given)):
            break
        out.append((toks[k].start, toks[k].end))
        i = k
    return out


@lru_cache(maxsize=1)
def _title_next() -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in sorted(guardrail_data().phi.titles, key=len, reverse=True))
    return re.compile(rf"[ ,:]*(?:{titles})\.?\s")


def names_after_cue(
    text: str, start: int, not_names: frozenset[str], listed_only: bool = False
) -> list[tuple[int, int]]:
    """Names right after a cue ending at `start`: capitalised words, listed names in lower case, or initials.

    Several names may follow, joined by commas or "and" ("patients John and Mary Lee"). With `listed_only`
    (after a greeting: "thanks Jess!") the first word must be a listed given name.
    """
    initials = _INITIALS.match(text, start + len(text[start:]) - len(text[start:].lstrip(" ,:")))
    if initials:
        return [initials.span()]
    if _title_next().match(text, start):  # "patient Mr. Okonkwo": the title finder takes the name, not "Mr"
        return []
    lists = name_lists()
    spans: list[tuple[int, int]] = []
    toks = [t for t in _tokens(text[start : start + 120])]
    pos, k = 0, 0
    while k < len(toks):
        if text[start + pos : start + toks[k].start].strip(" ,:") not in ("",):
            break
        group: list[_Token] = []
        while k < len(toks) and len(group) < _MAX_GROUP and _name_word(toks[k], not_names, lists, not group):
            if listed_only and not group and not _in(_possessive_free(toks[k]), lists.given):
                break
            if group and text[start + group[-1].end : start + toks[k].start] != " ":
                break
            group.append(toks[k])
            k += 1
            if group[-1].end != group[-1].start + len(group[-1].text):  # "Garcia's": the name ends here
                break
        if not group:
            break
        end = start + group[-1].end
        initial = re.compile(r" [A-Z]\.").match(text, end)  # "Jane D.": a surname's initial
        spans.append((start + group[0].start, initial.end() if initial else end))
        pos = group[-1].end if group[-1].end == group[-1].start + len(group[-1].text) else group[-1].end + 2
        if k < len(toks) and toks[k].text.lower() in _JOINERS and not text[start + pos : start + toks[k].start].strip():
            pos = toks[k].end
            k += 1
            continue
        # After a comma, only a given name carries the list on ("patients Anna, Luca and Marco Rossi");
        # "patient Jack Wilson, Medicare number ..." ends at the comma.
        if (
            k < len(toks)
            and text[start + pos : start + toks[k].start].strip() == ","
            and _in(_possessive_free(toks[k]), lists.given)
        ):
            continue
        break
    return spans


def _name_word(token: _Token, not_names: frozenset[str], lists: NameLists, first: bool) -> bool:
    word = _possessive_free(token)
    if word.lower() in not_names or word.lower() in _JOINERS:
        return False
    if _capitalised(word):
        return True
    if not word.islower() or len(word) < 3 or fold(word) in lists.function_words:
        return False
    if first:  # "my patient will call": a given name that is an everyday word is not taken in lower case
        return fold(word) not in lists.common and _in(word, lists.given)
    return _in(word, lists.surnames)
