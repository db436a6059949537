"""Person names with no cue word, and names after a cue written in lower case or as a list.

"Tom Baker came in" and "Maria Garcia's review" have no cue such as "my patient": they are found as a
capitalised given name followed by a capitalised surname, both in public-domain name lists (US Census
given names and surnames, plus given names of the other supported countries; see
knowledge/data/person_names.yaml). After a cue ("my patient john smith", "patients John and Mary Lee",
"pt J.S.") the words are read as names in any case, as a list, or as initials. Names the lists do not know
("Ximena Castillo said") come from a named-entity model (ner.py) and are kept here only as two or more
capitalised words. A name found with no cue is left readable when it is a public figure ("Taylor Swift") or
names a thing ("a Taylor Swift song", "Terry Fox Run", "San Valentino"): those are not patients. Words around a
name can show it too: an action or a relative after it ("Travis says", "Lupe's mom"), a courtesy word ("Priyanka
ji"), a title in lower case ("mrs haworth") or a surname's initial ("Bärbel K.").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ._data import guardrail_data, patient_data, person_names, read_name_file, words

# A word as people write names: letters, inner apostrophes ("O'Connor") and one hyphen ("Lopez-Martin").
_WORD = re.compile(r"(?<![^\W_])[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))*(?:-[^\W\d_]+)?(?![^\W_])")
# "J.S.", "A. K.", or an initial and a surname ("R. Colombo").
# "J.-F. Côté" (hyphenated given names) too.
_SURNAME = r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?!\w)"
# Initials, with a surname after them or not ("J.-P. Roux", "H. S. <surname>", "R.K.D.", "A. <surname>").
_INITIALS = re.compile(
    rf"[A-Z]\.-[A-Z]\.(?:\s?{_SURNAME})?|[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?(?:[ ]?{_SURNAME})?|[A-Z]\.\s?{_SURNAME}"
)
_MORE_INITIALS = re.compile(rf"(?:,\s*|\s+(?:and|e|und|&)\s+)({_INITIALS.pattern})")
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
    if "more_given_names" in data.lists:
        given |= read_name_file(data.lists["more_given_names"])
    return NameLists(
        given,
        read_name_file(data.lists["surnames"]),
        frozenset(fold(w) for w in data.common_words),
        frozenset(fold(w) for w in data.function_words),
        frozenset(fold(w) for w in data.not_surnames),
        frozenset(w.lower() for w in data.name_particles),
    )


def fold(word: str) -> str:
    """A word as the lists hold it: lower case, accents and apostrophes removed ("O'Connor" -> "oconnor"); the
    Vietnamese and Croatian "đ", which has no decomposition, read as "d" ("Đỗ" -> "do")."""
    plain = unicodedata.normalize("NFKD", word.lower().replace("ß", "ss").replace("đ", "d"))
    return "".join(c for c in plain if c.isalpha() and c.isascii())


def is_given_name(word: str) -> bool:
    """True when `word` is a listed given name, everyday words included, and not a function word."""
    lists = name_lists()
    return _in(word, lists.given) and fold(word) not in lists.function_words


def is_surname(word: str) -> bool:
    """True when `word` is a listed surname."""
    return _in(word, name_lists().surnames)


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
    language: frozenset[str]  # a word right after it that makes it a language ("interpreter")
    makers: frozenset[tuple[str, ...]]  # product makers and brands, folded: "<maker> <product>" is a product


@lru_cache(maxsize=1)
def not_patients() -> NotPatients:
    """The public figures and the words that show a name is not a patient's, read once."""
    data = person_names()
    return NotPatients(
        frozenset(_name_words(figure) for figure in data.public_figures + data.named_things + _place_names()[0]),
        frozenset(w.lower() for w in data.not_person_after),
        frozenset(fold(w) for w in data.not_person_first),
        frozenset(w.lower() for w in data.language_after),
        frozenset(_name_words(m) for m in data.makers),
    )


def _inside_a_place(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of a place name of several words written around it."""
    places, reach = _place_names()
    offset = max(0, start - reach)
    window = text[offset : end + reach].lower()
    for place in places:
        around = window.find(place, max(0, start - offset - len(place)))
        if around != -1 and around + offset <= start and end <= around + offset + len(place):
            return True
    return False


@lru_cache(maxsize=1)
def _place_names() -> tuple[tuple[str, ...], int]:
    """The countries' and cities' names of two words or more (countries.yaml, covered or not) and the named things'
    (person_names.yaml), lower case, and the longest one's length: "Hong Kong", "Tsim Sha Tsui", "Sheung Wan" and
    "Christmas Eve" are made of words the name lists hold."""
    from ..knowledge import registry

    data = registry.load(registry.COUNTRIES)
    covered = [p for c in data.countries for p in (c.name, *c.cities)]
    places = covered + [p for c in data.uncovered for p in (c.name, *c.cities)]
    things = person_names().named_things  # "Christmas Eve": a given name inside a thing's name is the thing
    several = tuple(p.lower() for p in [*places, *things] if len(p.split()) > 1)
    return several, max((len(p) for p in several), default=0)


def _name_words(name: str) -> tuple[str, ...]:
    """A name's words, folded, without initials ("Michael J. Fox" -> ("michael", "fox"))."""
    return tuple(w for w in (fold(p) for p in re.findall(r"[^\W\d_]+", name)) if len(w) > 1)


# The capitalised word right before a name, one space between ("Ash" before "<surname>").
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-ZÀ-Ý][^\W\d_]+)[ ]$")


def _figure_with_the_word_before(
    text: str, start: int, words: tuple[str, ...], figures: frozenset[tuple[str, ...]]
) -> bool:
    """True when the name and the capitalised word before it make a listed public figure: a given name that is also
    an everyday word ("Ash", "Will") left out of the name found."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and (fold(before.group(1)), *words) in figures


def is_not_a_patient(text: str, start: int, end: int) -> bool:
    """True when the name at text[start:end], found with no cue, is a public figure's or names a thing."""
    known = not_patients()
    words = _name_words(text[start:end])
    if not words:
        return False
    # The whole name only: "Gopal Joshi" is not "Anandi Gopal Joshi", and may well be a patient.
    if words[0] in known.first or words in known.figures or _a_product(text, start, words, known.makers):
        return True
    if _figure_with_the_word_before(text, start, words, known.figures):
        return True
    if _inside_a_place(text, start, end):  # "Sha Tsui" of "Tsim Sha Tsui"
        return True
    # A German genitive, written with no apostrophe ("Heidi Klums Tipps", "Dieter Bohlens Zahnpflege-Tipps" read as
    # one name): the figure's name and what the figure owns.
    if any(w.endswith("s") and words[:n] + (w[:-1],) in known.figures for n, w in enumerate(words) if n):
        return True
    # A place named after a person, its kind read as the name's last word ("Vincent Massey Park"); a two-word
    # name ending in such a word is more often a person's ("Jin Park"), and so is a double surname ("Nguyen-Park").
    parts = text[start:end].split()
    if len(parts) > 2 and parts[-1].lower() in known.after:
        return True
    # Two words after a word for where something is ("a short walk from Victoria Park", "opposite <name> Street"),
    # and a street written short ("Little Stanley St"): no one's surname is "St".
    if len(parts) == 2 and parts[-1].lower() in known.after and _WHERE_BEFORE.search(text, max(0, start - 20), start):
        return True
    if len(parts) == 2 and parts[-1].rstrip(".").lower() in _STREETS_SHORT:
        return True
    if _an_institute_or_a_street(text, start, parts, known.after):
        return True
    if _set_against_a_figure(text, start, end, known.figures):
        return True
    if len(parts) == 2 and _weekday_and_month(parts, text, end):
        return True
    # Right after the name only: "Amelia Wright's marathon story" is still a patient's story.
    after = re.match(r"[ \t]*([^\W\d_]+)", text[end:])
    return (after is not None and after.group(1).lower() in known.after) or names_a_language(text, end)


_MAKER_WORDS = 3  # the most words a maker's name has


def _a_product(text: str, start: int, words: tuple[str, ...], makers: frozenset[tuple[str, ...]]) -> bool:
    """Whether the name starting at `start` (its folded `words`) starts with a maker's or a brand's name, or comes
    right after one ("<maker> <product line>"): a product, not a person."""
    chunk = text[max(0, start - 40) : start].split("\n")[-1]
    # "<maker> <product>", nothing between: not "Alcon, <name>". A maker of two words may straddle the name's start.
    before = _name_words(chunk)[-(_MAKER_WORDS - 1) :] if _WORD_THEN_SPACE.search(chunk) else ()
    for k in range(len(before) + 1):
        run = before[len(before) - k :] + words
        if any(run[:n] in makers for n in range(max(k, 1), _MAKER_WORDS + 1)):
            return True
    return False


_WORD_THEN_SPACE = re.compile(r"[^\W_][ \t]+$")


def _an_institute_or_a_street(text: str, start: int, parts: list[str], after: frozenset[str]) -> bool:
    """Whether a name's words (`parts`) end in a word for a thing that is no surname ("<scientist>-Institut", "<name>
    Yojana"; "Jin Park" is a person's), or a street's word stands right before it ("in Via <given> <surname>": a
    street named after a person; thirty-eighth masking set)."""
    tail = parts[-1].rsplit("-", 1)[-1].lower()
    if (len(parts) > 1 or "-" in parts[-1]) and tail in after and not is_surname(tail):
        return True
    return _street_prefixes().search(text, max(0, start - 16), start) is not None


@lru_cache(maxsize=1)
def _street_prefixes() -> re.Pattern[str]:
    """A street's word written before its name ("Via", "Piazza", "Rue"; guardrails.yaml street_prefixes), as
    written, then a space, right before a name."""
    return re.compile(rf"(?<![\w-])(?:{words(guardrail_data().phi.street_prefixes)})[ ]+$")


_STREETS_SHORT = frozenset("st rd ave blvd ln hwy pde cres tce".split())
_WHERE_BEFORE = re.compile(
    r"\b(?:in|at|near|opposite|behind|beside|across from|next to|close to|outside|around|(?:walk|drive|minutes?) from)"
    r"[ ]+(?:the[ ]+)?$",
    re.IGNORECASE,
)


def names_a_language(text: str, end: int) -> bool:
    """True when the word ending at `end` is a language, shown by the word after it ("a Somali interpreter"), even
    after a patient cue ("new pt, Somali interpreter")."""
    after = re.match(r"[ \t]*([^\W\d_]+)", text[end:])
    return after is not None and after.group(1).lower() in not_patients().language


# An alternative or a match-up between two names ("Roberto Baggio or ...?", "... vs Serena Williams"); not "and",
# which a patient who met a public figure can stand beside.
_ALTERNATIVE = r"[ \t]*,?[ \t]*(?<![\w])(?:or|o|oder|ou|vs\.?|versus)[ \t]+"
_AFTER_ALTERNATIVE = re.compile(_ALTERNATIVE + r"((?:[^\W\d_][^\W\d_'’.-]*[ \t]?){1,4})")
_BEFORE_ALTERNATIVE = re.compile(r"((?:[^\W\d_][^\W\d_'’.-]*[ \t]){1,4}?)" + _ALTERNATIVE + "$")


def _set_against_a_figure(text: str, start: int, end: int, figures: frozenset[tuple[str, ...]]) -> bool:
    """True when a listed public figure is offered as the alternative to the name: one of a line-up of public
    figures ("who has the best smile, Roberto Baggio or ...?"), not a patient."""
    after = _AFTER_ALTERNATIVE.match(text, end)
    if after is not None:
        words = _name_words(after.group(1))
        if any(words[:n] in figures for n in range(2, len(words) + 1)):
            return True
    before = _BEFORE_ALTERNATIVE.search(text, max(0, start - 60), start)
    if before is not None:
        words = _name_words(before.group(1))
        return any(words[-n:] in figures for n in range(2, len(words) + 1))
    return False


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
    care: re.Pattern[str] | None = None,
) -> list[tuple[int, int]]:
    """A first name shown to be a person by what follows it: acting ("Travis says", "Siobhan rang") when it is a
    listed given name or the model reads it as a name, owning a relative ("Lupe's mom", "Noor's husband"), or, for
    a listed given name, care ("Ruby's eczema"). A listed given name and a capitalised word before an action
    ("Tama Ngata DMed") and a lower-case given name with its surname ("maria grazia zanetti ha commentato") too."""
    lists = name_lists()
    toks = _tokens(text)
    spans: list[tuple[int, int]] = []
    for k, tok in enumerate(toks):
        word = _possessive_free(tok)
        if word.lower() in not_names or fold(word) in lists.function_words or word[1:2].isupper():
            continue
        lower_name = _lower_name_before(text, toks, k, acting, family)
        if lower_name:
            spans.extend(lower_name)
            continue
        # In lower case only a listed given name that is not an everyday word, read by the model as a name
        # ("sofia ha commentato").
        lower = word.islower() and _in(word, lists.given) and fold(word) not in lists.common
        if not (_capitalised(word) or lower):
            continue
        prev = _possessive_free(toks[k - 1]) if k else ""
        if k and _capitalised(prev) and _gap(text, toks[k - 1], tok) == " " and fold(prev) not in lists.function_words:
            # The end of a longer name or title, which the other finders judge whole; but a listed given name and
            # a word the lists do not know, before an action, are a full name ("Tama Ngata DMed").
            if _whole(toks[k - 1]) and _pair_before_action(prev, word, tok, text, acting, not_names, lists):
                spans.append((toks[k - 1].start, tok.end))
            continue
        # "the Castellanos family", "The D'Angelo family"; not "The Royal family" (an everyday word after "The").
        common_after_the = _capitalised(prev) and fold(word) in lists.common
        if text.startswith(" family", tok.end) and _in(word, lists.surnames) and not common_after_the:
            spans.append((tok.start, tok.end))
            continue
        # A name when a relative follows ("Lupe's mom", Hinglish "Bunty ki mummy") or care ("Ruby's eczema").
        if _owns_family_or_care(text, tok, word, family, care):
            spans.append((tok.start, tok.end))
            continue
        if not _whole(tok):
            continue
        if not acting.match(text, tok.end):
            continue
        if (_in(word, lists.given) and not lower) or reads_as_name(text, tok.start, tok.end):
            spans.append((tok.start, tok.end))
    return spans


# The Hindi possessive after a name ("Bunty ki mummy", "Aarav ke papa"), lower case.
_HINDI_OWNER = re.compile(r" (?-i:ki|ka|ke) ")


def _owns_family_or_care(
    text: str, tok: _Token, word: str, family: re.Pattern[str], care: re.Pattern[str] | None
) -> bool:
    """Whether a relative follows a possessive name ("Lupe's mom", "Bunty ki mummy"), or care a listed given name."""
    after = tok.start + len(tok.text)  # past the word and its "'s"
    if _whole(tok):
        owner = _HINDI_OWNER.match(text, after)
        return owner is not None and family.match(text, owner.end()) is not None
    if not text.startswith(" ", after):
        return False
    if family.match(text, after + 1):
        return True
    return care is not None and _in(word, name_lists().given) and care.match(text, after + 1) is not None


def _pair_before_action(
    first: str, word: str, tok: _Token, text: str, acting: re.Pattern[str], not_names: frozenset[str], lists: NameLists
) -> bool:
    return (
        _in(first, lists.given)
        and fold(first) not in lists.common
        and first.lower() not in not_names
        and _whole(tok)
        and acting.match(text, tok.end) is not None
        and fold(word) not in lists.not_surnames
    )


def _lower_name_before(
    text: str, toks: list[_Token], k: int, acting: re.Pattern[str], family: re.Pattern[str]
) -> list[tuple[int, int]]:
    """A lower-case name of two or three words ending at toks[k], before an action or owning a relative: the first a
    listed given name that is not an everyday word, the others listed given names or surnames ("maria grazia zanetti
    ha ..."). Before a relative ("will <surname>'s mum rang") a given name that is a modal verb may head a surname
    that is no everyday word."""
    tok = toks[k]
    owner = not _whole(tok) and text.startswith(" ", tok.start + len(tok.text))
    owner = owner and family.match(text, tok.start + len(tok.text) + 1) is not None
    if not (tok.text.islower() and (owner or (_whole(tok) and acting.match(text, tok.end)))):
        return []
    lists = name_lists()
    for first in (k - 2, k - 1):
        if first < 0:
            continue
        group = toks[first : k + 1]
        if not all(t.text.islower() and len(t.text) > 2 for t in group) or not all(map(_whole, group[:-1])):
            continue
        if any(_gap(text, a, b) != " " for a, b in zip(group, group[1:])):
            continue
        head = group[0].text
        modal = owner and head in _modal_names() and fold(_possessive_free(group[-1])) not in lists.common
        if any(fold(_possessive_free(t)) in lists.function_words for t in group[0 if not modal else 1 :]):
            continue
        if not (_in(head, lists.given) or modal) or len(head) < 3:
            continue
        # A given name that is an everyday word ("bill carmody from ...") needs a listed surname after it.
        if fold(head) in lists.common and not _in(_possessive_free(group[-1]), lists.surnames):
            continue
        if all(_in(_possessive_free(t), lists.given) or _in(_possessive_free(t), lists.surnames) for t in group[1:]):
            return [(group[0].start, group[-1].end)]
    return []


@lru_cache(maxsize=1)
def _modal_names() -> frozenset[str]:
    """Given names that are also modal verbs ("will", "may"; person_names.yaml), lower case."""
    context = person_names().name_context
    return frozenset(w.lower() for w in context.modal_names) if context is not None else frozenset()


def names_before_honorific(text: str, honorifics: frozenset[str], not_names: frozenset[str]) -> list[tuple[int, int]]:
    """A name right before a courtesy word ("Priyanka ji", "gurpreet bhai ne") or joined to it by a hyphen
    ("Vandana-ji"): capitalised, or listed. A courtesy word before another is none ("Uncle ji Ramesh ...")."""
    toks = _tokens(text)
    spans = [
        (tok.start, tok.start + len(head[0]))
        for tok in toks
        if "-" in tok.text
        and (head := tok.text.rsplit("-", 1))[1].lower() in honorifics
        and _before_honorific(head[0], honorifics, not_names)
    ]
    for tok, nxt in zip(toks, toks[1:]):
        # The courtesy word may be possessive ("anand uncle's retina").
        if _possessive_free(nxt).lower() not in honorifics or _gap(text, tok, nxt) != " " or not _whole(tok):
            continue
        if _before_honorific(tok.text, honorifics, not_names):
            spans.append((tok.start, tok.end))
    return spans


def _before_honorific(word: str, honorifics: frozenset[str], not_names: frozenset[str]) -> bool:
    """Whether `word` before a courtesy word is a name: capitalised ("Deepika ji"), or in lower case a listed name."""
    lists = name_lists()
    low = word.lower()
    if low in not_names or low in honorifics or fold(word) in lists.function_words or len(word) < 3 or word.isupper():
        return False
    if word.islower() and fold(word) in lists.common:
        return False
    return _capitalised(word) or _in(word, lists.given) or _in(word, lists.surnames)


def names_after_lower_title(
    text: str, titles: re.Pattern[str], not_names: frozenset[str], everyday: Callable[[str], bool] = lambda w: True
) -> list[tuple[int, int]]:
    """A listed surname after a title typed in lower case ("mrs haworth", "frau özdemir", "mr. D'Souza"), or a word
    that is no everyday word ("frau lindqvist")."""
    lists = name_lists()
    spans = []
    for match in titles.finditer(text):
        start = match.end()
        word = _WORD.match(text, _past_particles(text, start, lists))  # "la sig.ra de santis", "herr van dijk"
        if word is None:
            continue
        name = word.group()
        if (
            not (name.islower() or _capitalised(name))
            or len(name) < 3
            or name in not_names
            or fold(name) in lists.function_words
        ):
            continue
        if _in(name, lists.surnames) or (fold(name) not in lists.common and not everyday(name)):
            # "M." may as well be an initial ("M. <surname>"): taken with the name.
            spans.append((match.start() if len(match.group().strip(". ")) == 1 else start, word.end()))
    return spans


def _past_particles(text: str, pos: int, lists: NameLists) -> int:
    """Where a surname starts after up to two lower-case particles at `pos` ("de santis", "van der berg")."""
    for _ in range(2):
        word = _WORD.match(text, pos)
        if word is None or word.group() not in lists.particles or not text.startswith(" ", word.end()):
            break
        pos = word.end() + 1
    return pos


# A given name and a surname's initial, as review sites show reviewers ("Bärbel K.", "Sarah M.").
_GIVEN_INITIAL = re.compile(r"(?<![\w.])([^\W\d_][^\W\d_'’-]+) [A-Z]\.(?![\w.])")


def given_names_with_initial(text: str, not_names: frozenset[str]) -> list[tuple[int, int]]:
    """A capitalised listed given name that is not an everyday word, followed by an initial ("Bärbel K.")."""
    lists = name_lists()
    spans = []
    for match in _GIVEN_INITIAL.finditer(text):
        word = match.group(1)
        if not _capitalised(word) or word.lower() in not_names or fold(word) in lists.common:
            continue
        if _in(word, lists.given):
            spans.append(match.span())
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


# An initial and a surname typed in lower case ("pt r. <surname>", as in a hurried note or a pasted chat).
_LOWER_INITIAL = re.compile(r"[a-z]\.[ ]?([a-zß-öø-ÿ\u0100-\u017f][a-zß-öø-ÿ\u0100-\u017f'’-]{2,})(?![\w'’-])")


def _initials_after(text: str, start: int) -> list[tuple[int, int]]:
    """Initials right after a cue, one or a list ("pt J.S.", "Patients: A. Rossi, B. Verdi and C. Neri"), or an
    initial and a listed surname in lower case ("pt r. <surname>")."""
    at = start + len(text[start:]) - len(text[start:].lstrip(" ,:(\n"))
    initials = _INITIALS.match(text, at)
    if not initials:
        lower = _LOWER_INITIAL.match(text, at) if at > start else None
        lists = name_lists() if lower else None
        if lower and lists and _in(lower.group(1), lists.surnames) and fold(lower.group(1)) not in lists.function_words:
            return [lower.span()]
        return []
    found = [initials.span()]
    while more := _MORE_INITIALS.match(text, found[-1][1]):
        found.append(more.span(1))
    return found


# A name in capitals after a label, as a scanned report or a hospital system prints it ("Patient: GODBOLE MEERA",
# "Name: O'NEILL, SEAN"): two or three words in capitals.
_SHOUTED_AFTER_LABEL = re.compile(
    r"[ \t]*:[ \t]*((?:[^\W\d_a-z](?:[^\W\d_a-z]|['’-])+,?[ ]){1,2}[^\W\d_a-z](?:[^\W\d_a-z]|['’-])+)(?![\w'’-])"
)

# Words in capitals right after a cue, no label colon ("PT HARRISON BLAKE DOB ...", "MY DAUGHTER KAYLA AND ..."):
# the run of listed names is taken, up to the first word that is not one.
_SHOUTED_AFTER_CUE = re.compile(
    r"[ \t]*,?[ \t]+((?:[^\W\d_a-z](?:[^\W\d_a-z]|['’-])+)(?: [^\W\d_a-z](?:[^\W\d_a-z]|['’-])+){0,2})"
)


def _shouted_run(
    words: list[str], not_names: frozenset[str], lists: NameLists, everyday: Callable[[str], bool] | None
) -> list[str]:
    """The first words in capitals that are listed names, when one of them is a given name. A word only the surname
    list holds is taken when `everyday` says it is no common word ("MY SON CALEB WAIT AN HOUR": "WAIT" is one)."""
    taken = []
    for w in words:
        f = fold(w)
        if w.lower() in not_names or f in lists.function_words or f in lists.common:
            break
        if not _in(w, lists.given) and not (_in(w, lists.surnames) and everyday is not None and not everyday(w)):
            break
        taken.append(w)
    return taken if any(_in(w, lists.given) for w in taken) else []


def shouted_introductions(
    text: str, not_names: frozenset[str], everyday: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Names in capitals after words that introduce a message's writer ("THIS IS BEV TURNBULL I CANT ...", "SMS
    from MAUREEN HIGGINS:"): the run of listed names, one of them a given name (person_names.yaml
    `name_context.shouted_name_before`)."""
    context = person_names().name_context
    if context is None or not context.shouted_name_before:
        return []
    lists = name_lists()
    found = []
    for cue in re.finditer(rf"(?<![\w'’])(?:{context.shouted_name_before})", text, re.IGNORECASE):
        run = _SHOUTED_AFTER_CUE.match(text, cue.end())
        if run and (taken := _shouted_run(run.group(1).split(" "), not_names, lists, everyday)):
            found.append((run.start(1), run.start(1) + len(" ".join(taken))))
    return found


def _shouted_name(words: list[str], not_names: frozenset[str], lists: NameLists) -> bool:
    """True when words in capitals read as a name: one of them a listed given name, none an everyday small word."""
    return (
        bool(words)
        and all(w.isupper() and w.lower() not in not_names and fold(w) not in lists.function_words for w in words)
        and any(_in(w, lists.given) for w in words)
    )


@lru_cache(maxsize=1)
def _title_next() -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in sorted(guardrail_data().phi.titles, key=len, reverse=True))
    return re.compile(rf"[ ,:]*(?:{titles})\.?\s")


def names_after_cue(
    text: str,
    start: int,
    not_names: frozenset[str],
    listed_only: bool = False,
    everyday: Callable[[str], bool] | None = None,
) -> list[tuple[int, int]]:
    """Names right after a cue ending at `start`: capitalised words, listed names in lower case, or initials.

    Several names may follow, joined by commas or "and" ("patients John and Mary Lee"). With `listed_only`
    (after a greeting: "thanks Jess!") the first word must be a listed given name. `everyday` tells a common word
    (a surname in capitals is taken only when it is not one).
    """
    initials = _initials_after(text, start)
    if initials:
        return initials
    if _title_next().match(text, start):  # "patient Mr. Okonkwo": the title finder takes the name, not "Mr"
        return []
    shouted = _SHOUTED_AFTER_LABEL.match(text, start)
    lists = name_lists()
    if shouted and _shouted_name(re.findall(r"[^\W\d_]{2,}", shouted.group(1)), not_names, lists):
        name = shouted.group(1)
        last = name.rsplit(" ", 1)[-1]
        if name.count(" ") == 2 and not (_in(last, lists.given) or _in(last, lists.surnames)):
            name = name.rsplit(" ", 1)[0].rstrip(",")  # "SEAN DOB": the label after the name is not part of it
        return [(shouted.start(1), shouted.start(1) + len(name))]
    run = None if shouted else _SHOUTED_AFTER_CUE.match(text, start)
    if run and (taken := _shouted_run(run.group(1).split(" "), not_names, lists, everyday)):
        return [(run.start(1), run.start(1) + len(" ".join(taken)))]
    spans: list[tuple[int, int]] = []
    window = text[start : start + 120]
    toks = _tokens(window)
    pos, k = 0, 0
    while k < len(toks):
        if text[start + pos : start + toks[k].start].strip(" ,:(") not in ("",):
            break
        group, k = _name_group(window, toks, k, not_names, lists, listed_only)
        if not group:
            break
        if everyday is not None:
            group, k = _lower_surname_after(window, toks, group, k, not_names, everyday)
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


def _name_group(
    window: str, toks: list[_Token], k: int, not_names: frozenset[str], lists: NameLists, listed_only: bool
) -> tuple[list[_Token], int]:
    """The words of one name starting at toks[k] (at most three, and a middle initial), and the next token's index."""
    group: list[_Token] = []
    particles = 0  # particles do not count towards a name's words
    while k < len(toks) and len(group) - particles < _MAX_GROUP:
        if group and _middle_initial(window, group[-1], toks, k):  # "Brandon T. Whitfield"
            group.append(toks[k])
            k += 1
            continue
        if group and _particle_inside(window, toks, k, lists):  # "Siân ap Gwilym", "Maarten van den Berg"
            group.append(toks[k])
            particles += 1
            k += 1
            continue
        if not group and _everyday_given_before_surname(window, toks, k, not_names, lists):
            group.append(toks[k])  # "this is sunny <surname>": an everyday given name shown by its surname
            k += 1
            continue
        if not _name_word(toks[k], not_names, lists, not group):
            break
        if listed_only and not group and not _in(_possessive_free(toks[k]), lists.given):
            break
        gap = window[group[-1].end : toks[k].start] if group else " "
        if gap != " " and not (gap == ". " and len(group[-1].text) == 1):  # only a middle initial ends in "."
            break
        group.append(toks[k])
        k += 1
        if not _whole(group[-1]):  # "Garcia's": the name ends here
            break
    return group, k


def _everyday_given_before_surname(
    window: str, toks: list[_Token], k: int, not_names: frozenset[str], lists: NameLists
) -> bool:
    """Whether toks[k] is a lower-case given name that is also an everyday word ("sunny", "hope") followed by a
    lower-case listed surname that is none ("sunny patel"), right after a cue."""
    word = toks[k].text
    if not (word.islower() and _whole(toks[k]) and fold(word) in lists.common and _in(word, lists.given)):
        return False
    if k + 1 >= len(toks) or window[toks[k].end : toks[k + 1].start] != " ":
        return False
    surname = _possessive_free(toks[k + 1])
    folded = fold(surname)
    return (
        surname.islower()
        and len(surname) > 2
        and _in(surname, lists.surnames)
        and folded not in lists.common
        and folded not in lists.function_words
        and folded not in lists.not_surnames
        and surname not in not_names
        and surname not in _LOWER_VERBS_AFTER_NAMES
    )


def _lower_surname_after(
    window: str,
    toks: list[_Token],
    group: list[_Token],
    k: int,
    not_names: frozenset[str],
    everyday: Callable[[str], bool],
) -> tuple[list[_Token], int]:
    """A lower-case name after a cue carried on to its surname when the lists do not hold it: a word that is no
    everyday word ("kommentar von jonas <surname>"), or after a particle a listed surname ("giulia de santis").
    Only after one or two lower-case names, the first a listed given name; one word more at most, not a verb's ending
    ("-ed", "-ing") nor a given name that is an everyday word."""
    lists = name_lists()
    if len(group) > 2 or not all(t.text.islower() for t in group) or not _in(group[0].text, lists.given):
        return group, k
    if not _whole(group[-1]):
        return group, k
    j = k
    while j < len(toks) and toks[j].text in lists.particles and j - k < 2:  # "te", "de", "van der"
        j += 1
    if j >= len(toks) or window[group[-1].end : toks[k].start] != " " if k < len(toks) else True:
        return group, k
    word = _possessive_free(toks[j])
    if not (word.islower() and len(word) > 2 and word not in not_names and fold(word) not in lists.function_words):
        return group, k
    if word.endswith(("ed", "ing")) or word in _LOWER_VERBS_AFTER_NAMES or fold(word) in lists.common:
        return group, k
    if everyday(word) and not (j > k and (_in(word, lists.surnames) or _in(word, lists.given))):  # "de santis"
        return group, k
    if any(window[toks[i].end : toks[i + 1].start] != " " for i in range(k, j)):
        return group, k
    return [*group, *toks[k : j + 1]], j + 1


def _particle_inside(window: str, toks: list[_Token], k: int, lists: NameLists) -> bool:
    """True when toks[k] is a particle ("ap", "van", "Ó") between words of a name, followed by a capitalised word or
    another particle; a joiner ("e", "y") is not taken as one."""
    j = k
    while j < len(toks) and toks[j].text.lower() in lists.particles and toks[j].text.lower() not in _JOINERS:
        if window[toks[j - 1].end : toks[j].start] != " ":
            return False
        j += 1
    return j > k and j < len(toks) and window[toks[j - 1].end : toks[j].start] == " " and _capitalised(toks[j].text)


def _middle_initial(text: str, last: _Token, toks: list[_Token], k: int) -> bool:
    """True when toks[k] is a middle initial between two capitalised words of a name ("Brandon T. Whitfield")."""
    tok = toks[k]
    return (
        len(tok.text) == 1
        and tok.text.isupper()
        and _capitalised(last.text)
        and _whole(last)
        and text[last.end : tok.start] == " "
        and text.startswith(". ", tok.end)
        and k + 1 < len(toks)
        and toks[k + 1].start == tok.end + 2
        and _capitalised(toks[k + 1].text)
    )


def _name_word(token: _Token, not_names: frozenset[str], lists: NameLists, first: bool) -> bool:
    word = _possessive_free(token)
    if word.lower() in not_names or word.lower() in _JOINERS:
        return False
    if word[1:2].isupper():  # an acronym or a verb made of one ("patient DMs", "DMed", "FAQs")
        return False
    if _capitalised(word) or (not first and _ELIDED_PARTICLE.match(word)):  # "Castelli dell'Orto"
        return True
    if not word.islower() or len(word) < 3 or fold(word) in lists.function_words:
        return False
    if first:  # "my patient will call": a given name that is an everyday word is not taken in lower case
        return fold(word) not in lists.common and _in(word, lists.given)
    # A Hindi verb in lower case ends the name ("naam Kusum Deshpande hai"); "Nguyen Thi Lan" keeps its capitals.
    return _in(word, lists.surnames) and word not in _LOWER_VERBS_AFTER_NAMES


_LOWER_VERBS_AFTER_NAMES = frozenset({"hai", "hain", "tha", "thi", "hoon", "hu"})
# An Italian or French particle elided before a capitalised surname ("dell'Orto", "d'Amico", "dall'Oglio").
_ELIDED_PARTICLE = re.compile(r"(?:dell|dall|degl|nell|d|l)['’][A-ZÀ-Ý][a-zà-ÿ]")


# Before a name: "Oluwaseun and Chidinma Adebayo", "ellis and his dad Gareth Pownall", "Konstantin und seine Frau
# Irina". The window before the name is short, so the search stays linear in the text.
_JOINED_BEFORE = re.compile(
    r"(?<![\w'’-])([^\W\d_][^\W\d_'’-]*) (?:and|und|e|&|y|et) "
    r"(?:(?:his|her|their|seine[nmr]?|ihre[nmr]?|sua|suo) [^\W\d_]+ )?$"
)
# After a name and its phone number: "Jorge Benavides 512.555.0139, and Faith (no number on file)".
_JOINED_AFTER = re.compile(r",? (?:and|und|e|&|y|et|plus) ([^\W\d_][^\W\d_'’-]*)(?: ([^\W\d_][^\W\d_'’-]*))?")
# Where an entry of a list starts: the text's start, a comma, a semicolon, a colon, a new line, "and" or a dash.
_ENTRY_START = re.compile(r"(?:^|[,;:\n•–—-]|\band|\bplus)\s*$", re.IGNORECASE)
_WINDOW = 60


def names_beside_names(
    text: str,
    names: list[tuple[int, int]],
    phones: list[tuple[int, int]],
    not_names: frozenset[str],
    is_phone_cue: Callable[[str, int], bool],
    everyday: Callable[[str], bool],
) -> list[tuple[int, int]]:
    """Names shown to be names by a list of names: a word joined by "and" to a name found ("Ngaire and Tui
    Rangihuna", "Lotte und ihren Mann Friedhelm Brandt", "Ruth Ellison ..., and Faith"), and a word written before a
    phone number in a list whose other entries are a name and a phone number ("Tegan Moffat 0491 570 110, Lachlan
    0491 570 313"). `names` and `phones` are the spans found already. With no relative in between, a capitalised word
    must be a listed given name or not an everyday word (`everyday`): "Victoria Station and Emma Rossi"."""
    found: list[tuple[int, int]] = []
    phone_at = dict(phones)
    # The phone number written right after each name ("Ruth Ellison 512-555-0171"), by the name's end.
    phone_after = {
        end: (start, phone_at[start])
        for _, end in names
        for start in range(end, end + 4)
        if start in phone_at and not text[end:start].strip(" ,:")
    }
    for start, end in names:
        before = _JOINED_BEFORE.search(text, max(0, start - _WINDOW), start)
        if before and _joined_word(before.group(1), not_names, lower_ok=True):
            relative = before.group().count(" ") > 2  # "Lotte und ihren Mann ..."
            if relative or _name_like(before.group(1), everyday):
                found.append(before.span(1))
        entry_end = phone_after[end][1] if end in phone_after else end
        after = _JOINED_AFTER.match(text, entry_end)
        if after and _joined_word(after.group(1), not_names, lower_ok=False) and _name_like(after.group(1), everyday):
            second = after.group(2)
            whole = second is not None and _capitalised(second) and _joined_word(second, not_names, lower_ok=False)
            found.append((after.start(1), after.end(2) if whole else after.end(1)))
    # A list of entries, each a name and a phone number: a word alone before a phone number is a name too.
    if not phone_after:
        return found
    for p_start, _ in phones:
        word = re.search(r"([^\W\d_][^\W\d_'’-]*)[ \t]+$", text[max(0, p_start - _WINDOW) : p_start])
        if word is None:
            continue
        w_start = p_start - len(word.group())
        if not _ENTRY_START.search(text, max(0, w_start - _WINDOW), w_start) or is_phone_cue(text, w_start):
            continue
        if _joined_word(word.group(1), not_names, lower_ok=False) and _name_like(word.group(1), everyday):
            found.append((w_start, w_start + len(word.group(1))))
    return found


def _name_like(word: str, everyday: Callable[[str], bool]) -> bool:
    """A word in lower case (checked by the caller), a listed given name, or a word that is not an everyday word."""
    return word.islower() or _in(word, name_lists().given) or not everyday(word)


def _joined_word(word: str, not_names: frozenset[str], lower_ok: bool) -> bool:
    """A word that can be a first name in a list of names: capitalised, or in lower case a listed given name that is
    not an everyday word; never a function word, an acronym or a word that ends a place ("Bank")."""
    lists = name_lists()
    folded = fold(word)
    if len(word) < 3 or word.lower() in not_names or folded in lists.function_words or folded in lists.not_surnames:
        return False
    if word[1:2].isupper() or word.lower() in _JOINERS:
        return False
    if _capitalised(word):
        return True
    return lower_ok and word.islower() and folded not in lists.common and _in(word, lists.given)


def given_names_with_rare_surname(
    text: str, not_names: frozenset[str], everyday: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """A capitalised listed given name that is not an everyday word, followed by a capitalised word that is neither a
    listed surname nor an everyday word (`everyday`): a surname the lists do not know ("Vittoria Scognamiglio",
    "Daisy Hatherley"). Words that end a place or an organisation ("Bank", "Coast") are not surnames. A given name
    that is also an everyday word ("Hope", "Joy") counts before such a surname when no capitalised word stands right
    before or after the pair (the thirty-seventh masking set: "Hope <surname> 0412 ..."; "Hope <Place> Foundation" and
    "Lone Star <Field>" are things' names), but not one that is a modal verb ("Will <insurer> cover it?")."""
    lists = name_lists()
    toks = _tokens(text)
    spans: list[tuple[int, int]] = []
    for k, (first, second) in enumerate(zip(toks, toks[1:])):
        word, surname = first.text, _possessive_free(second)
        if not (_whole(first) and _gap(text, first, second) == " " and _capitalised(word) and _capitalised(surname)):
            continue
        if word.lower() in not_names or not _in(word, lists.given):
            continue
        if fold(word) in lists.common and (
            fold(word) in _modal_names()
            or len(surname) < 5
            or _capitalised_after(text, toks, k + 1)
            or (k > 0 and _capitalised_after(text, toks, k - 1))
        ):
            continue
        if _month_after_day(text, first.start, word):  # "am 12. Mai Geburtstag": a date, not "Mai ..."
            continue
        low = surname.lower()
        if len(surname) < 4 or low in not_names or fold(surname) in lists.not_surnames or low in _JOINERS:
            continue
        if _in(surname, lists.surnames) or _in(surname, lists.given) or everyday(surname):
            continue  # a listed name is judged by the other finders; an everyday word may name a thing
        spans.append((first.start, second.end))
    return spans


def _capitalised_after(text: str, toks: list[_Token], k: int) -> bool:
    """Whether toks[k] runs on into a capitalised word after one space (a longer name of a thing)."""
    return k + 1 < len(toks) and _gap(text, toks[k], toks[k + 1]) == " " and _capitalised(toks[k + 1].text)


_DAY_BEFORE = re.compile(r"(?<![\d.])\d{1,2}(?:\.|st|nd|rd|th)?[ ]$")


def _month_after_day(text: str, start: int, word: str) -> bool:
    """True when `word` at text[start:] is a month's name right after a day's number ("12. Mai", "3 June")."""
    return word.lower() in month_words() and _DAY_BEFORE.search(text, max(0, start - 6), start) is not None


@lru_cache(maxsize=1)
def month_words() -> frozenset[str]:
    """The months' names and short forms in the data ("jan", "märz"), lower case."""
    return frozenset(m.lower() for m in patient_data().births.months)


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    return frozenset(d.lower() for d in patient_data().births.weekdays)


@lru_cache(maxsize=1)
def dates_words() -> frozenset[str]:
    """The weekdays' and months' names and short forms in the data ("thu", "march"), lower case."""
    return _weekdays() | month_words()


def _weekday_and_month(parts: list[str], text: str, end: int) -> bool:
    """Whether two words read as a name are a weekday and a month before a day's number ("Thu Mar 6"): a date."""
    day, month = (p.rstrip(".,").lower() for p in parts)
    return day in _weekdays() and month in month_words() and re.match(r"[ ]?\d{1,2}(?!\d)", text[end:]) is not None


# A nickname written in brackets beside a full name, or a full name in brackets after a nickname: "Bhagyashree
# Mohite (Bhagya)", "Nguyen Thi Lan (goes by Lan)", "Dash (Dashiell Moreau-Kent, ...)", "der Heinzi (Heinz ...)".
_NICK_WORD = r"[^\W\d_][^\W\d_'’-]*"
# Who calls the person by it may follow the nickname ("(<nick> to everyone)", "(<nick> per tutti)") or come before it
# ("(alle nennen ihn <nick>)"): a marker too.
_NICK_AFTER = re.compile(
    rf"[ ]*\((?:(?P<marker>goes by|aka|a\.k\.a\.|known as|called|detto|detta|genannt|dit|dite|alias|née?|nata|"
    # Who calls the person so, before the nickname ("(alle nennen ihn <nick>)"; twenty-sixth masking set).
    r"(?:everyone|everybody|we) calls? (?:him|her|them)|(?:alle|wir) nennen (?:ihn|sie)|"
    r"tutti (?:lo|la) chiamano|(?:lo|la) chiamiamo|tout le monde l['’]appelle) )?"
    rf"[\"'“‘]?(?P<word>{_NICK_WORD})[\"'”’]?"
    r"(?P<to>[ ]+(?:to|for|per|für|pour) (?:everyone|everybody|all|all of us|us|friends|family|the family|"
    r"(?:his|her|their) (?:friends|mates|family)|tutti|gli amici|alle|freunde|tout le monde|les amis))?\)",
    re.IGNORECASE,
)
_NICK_BEFORE = re.compile(rf"(?<![\w'’-])(?P<word>{_NICK_WORD})[ ]*\($")


def nicknames_beside_names(
    text: str, names: list[tuple[int, int]], everyday: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Nicknames shown by the name found beside them in brackets. With no word such as "goes by" or "aka", the
    nickname must begin with the same three letters as a word of the name or be its end (a nickname is mostly a name
    made short: "Shazza (Sharon ...)", "Heinzi (Heinz ...)", "Giuseppina ... (Pina)"); an everyday word must also be
    shorter than that word ("Dash (Dashiell ...)", not "Mark Evans (Market ...)"). Capitalised only, never an
    acronym or a function word."""
    found: list[tuple[int, int]] = []
    for start, end in names:
        parts = [fold(p) for p in re.split(r"[\s-]+", text[start:end]) if len(fold(p)) >= 3]
        after = _NICK_AFTER.match(text, end)
        # After "to everyone" the word must be a listed given name or no everyday word: not "(Thanks to all)".
        to = after is not None and after.group("to") and (is_given_name(w := after.group("word")) or not everyday(w))
        if after and _nickname(after.group("word"), parts, bool(after.group("marker") or to), everyday):
            found.append(after.span("word"))
        before = _NICK_BEFORE.search(text, max(0, start - _WINDOW), start)
        if before and _nickname(before.group("word"), parts[:1], False, everyday):
            found.append(before.span("word"))
        found += _quoted_nickname_before(text, start)
    return found


# A nickname in quotes set off before a full name by a dash or a comma, maybe with "is"/"è" ('"Big Mick" — <full
# name>', '"Titti", è <full name>'): the quotes and the dash say the two name one person. One word, or two when the
# first is a word such as "Big" (person_names.yaml `nickname_words_before`); a quoted saying before its author
# ('"Let food be thy medicine" — <author>') has other words and is left.
_QUOTED_BEFORE_NAME = re.compile(
    rf"(?<![\w'’])[\"“‘'](?P<nick>(?:{_NICK_WORD} )?{_NICK_WORD})[\"”’'][ ]*(?:[—–-]|,)[ ]*"
    r"(?:(?:è|is|ist|est|c['’]est|alias|aka|a\.k\.a\.)[ ]+)?$",
    re.IGNORECASE,
)


def _quoted_nickname_before(text: str, start: int) -> list[tuple[int, int]]:
    m = _QUOTED_BEFORE_NAME.search(text, max(0, start - 40), start)
    if m is None:
        return []
    words = m.group("nick").split(" ")
    lists = name_lists()
    _, before_words, _ = _nickname_terms()
    if len(words) == 2 and words[0].lower() not in before_words:
        return []
    if not all(_capitalised(w) and fold(w) not in lists.function_words for w in words):
        return []
    return [m.span("nick")]


def _nickname(word: str, parts: list[str], marked: bool, everyday: Callable[[str], bool]) -> bool:
    folded = fold(word)
    if not _capitalised(word) or len(folded) < 2 or folded in name_lists().function_words:
        return False
    if marked:
        return True
    if len(folded) < 3:
        return False
    return any(
        (p[:3] == folded[:3] or (len(folded) < len(p) and p.endswith(folded)))
        and (not everyday(word) or len(folded) < len(p) or folded == p)
        for p in parts
    )


# A nickname right before brackets that open with a full name, in any case and maybe in quotes, with a courtesy
# word after it or not: "Big Ray (Raymond ...", "'Schorsch' (Georg ...", "shazza (Sharon ...", "pinky aunty (...".
# The brackets may say that it is the real name ("Flopsy (real name <full name>)", "(vero nome ...)").
_BRACKETED_NAME = re.compile(
    r"\((?:(?:real|full|legal) name:?[ ]|vero nome:?[ ]|richtiger name:?[ ]|eigentlich[ ]|vrai nom:?[ ])?"
    r"(?P<full>[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*){1,3})(?=[ ]*[,;)])",
    re.IGNORECASE,
)
_WORDS_BEFORE_BRACKET = re.compile(
    r"(?<![\w'’-])(?P<q>[\"'“‘])?(?P<w>(?:[^\W\d_](?:[\w-]|['’](?=\w))*[ ]){0,2}[^\W\d_](?:[\w-]|['’](?=\w))*)"
    r"[\"'”’]?[ ]*$"
)
# A word that makes what follows a role or a relation rather than a nickname ("our hygienist (...)", "my friend").
# Not "its": typed fast it is "it's" ("hey its bex (<full name>)", twenty-sixth masking set).
_DETERMINERS = frozenset(
    "a an the our my your his her their unser unsere unserem meine mein il la le lo mon ma"
    # plural possessives before a word for children ("i miei figli (...)", "mes enfants (...)", "mis hijos (...)")
    " i gli le miei mie tuoi suoi nostri meinen mes nos mis sus".split()
)


def nicknames_before_brackets(
    text: str,
    names: list[tuple[int, int]],
    not_names: frozenset[str],
    everyday: Callable[[str], bool],
    reads_as_name: Callable[[str, int, int], bool],
) -> list[tuple[int, int]]:
    """A nickname right before brackets that hold a full name, and that full name when it is written in lower case
    ("pinky aunty (pramila bhosale)"): the full name must be found already, or be two lower-case words that are
    names or no everyday words and that the name model reads as a name ("(machen wir nicht)" is none). The nickname
    is quoted, or a listed given name, or no everyday word ("Big Ray", "shazza"; not a role or a cue: "our hygienist
    (...)", "the patient (...)"); a courtesy word after it stays readable."""
    lists = name_lists()
    starts = {start for start, _ in names}
    courtesy, before_words, roles = _nickname_terms()
    found: list[tuple[int, int]] = []
    for m in _BRACKETED_NAME.finditer(text):
        full = m.group("full").split()
        if m.start("full") in starts:
            lower = False
        elif len(full) == 2 and _lower_full_name(full, not_names, everyday) and reads_as_name(text, *m.span("full")):
            lower = True
        else:
            continue
        before = _WORDS_BEFORE_BRACKET.search(text, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        words = list(re.finditer(r"[^\W\d_](?:[\w-]|['’](?=\w))*", before.group("w")))
        if len(words) > 1 and words[-1].group().lower() in courtesy:  # "pinky aunty": the courtesy word stays
            words = words[:-1]
        nick = words[-1]
        if not _nickname_before(nick.group(), bool(before.group("q")), not_names, everyday, lists):
            continue
        if len(words) > 1 and words[-2].group().lower() in _DETERMINERS or roles.fullmatch(nick.group()):
            continue
        start = before.start("w") + nick.start()
        if len(words) > 1 and words[-2].group().lower() in before_words:  # "Big Ray"
            start = before.start("w") + words[-2].start()
        found.append((start, before.start("w") + nick.end()))
        if lower and m.start("full") not in starts:
            found.append(m.span("full"))
    return found


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """The courtesy words written after a name ("ji", "bhai", "aunty"), lower case, from data."""
    return frozenset(h.lower() for h in guardrail_data().phi.honorifics_after)


@lru_cache(maxsize=1)
def _nickname_terms() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    """(courtesy words after a nickname, words before one such as "Big", the roles that are no nickname), from data."""
    context = person_names().name_context
    before_words = frozenset(context.nickname_words_before) if context else frozenset()
    roles = re.compile("|".join(f"(?:{r})" for r in guardrail_data().phi.staff_before) or "(?!)", re.IGNORECASE)
    return honorifics(), before_words, roles


def _nickname_before(
    word: str, quoted: bool, not_names: frozenset[str], everyday: Callable[[str], bool], lists: NameLists
) -> bool:
    folded = fold(word)
    if len(folded) < 2 or word.lower() in not_names or folded in lists.function_words or word[1:2].isupper():
        return False
    return quoted or (_capitalised(word) and _in(word, lists.given)) or not everyday(word)


def _lower_full_name(words: list[str], not_names: frozenset[str], everyday: Callable[[str], bool]) -> bool:
    """Lower-case words that can be a full name: each a listed name or no everyday word."""
    lists = name_lists()
    return all(
        w.islower()
        and len(w) > 2
        and w.lower() not in not_names
        and fold(w) not in lists.function_words
        and (_in(w, lists.given) or _in(w, lists.surnames) or not everyday(w))
        for w in words
    )


# A hashtag made of capitalised words ("#SmilePriscilla", "#TeamSiobhan", "#BabyOlivia"): each word is a part.
_HASHTAG = re.compile(r"(?<![\w&#])#(\w{3,})")
_HASHTAG_PART = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+")


def names_in_hashtags(text: str, not_names: frozenset[str], places: frozenset[str]) -> list[tuple[int, int]]:
    """Listed given names that are one capitalised word of a hashtag ("#SorrisoGiada" -> "Giada"), when the tag
    joins two or more words: a patient thanked or congratulated in a caption. Not an everyday word ("#MayDay"), a
    word that names no one or follows one ("#ChristmasEve"), or a place in `places` (lower case: "#AustinTX")."""
    lists = name_lists()
    found = []
    for m in _HASHTAG.finditer(text):
        parts = list(_HASHTAG_PART.finditer(m.group(1)))
        if len(parts) < 2 or any(p.start() != q.end() for q, p in zip(parts, parts[1:], strict=False)):
            continue  # one word, or words joined with digits or capitals ("#Leeds10K", "#AustinTX") are not parts
        for n, p in enumerate(parts):
            word = p.group()
            folded = fold(word)
            if word.lower() in not_names or folded in lists.function_words or folded in lists.common:
                continue
            if n and parts[n - 1].group().lower() in not_names:  # a feast's second word ("#ChristmasEve")
                continue
            # A given name with a possessive "s" is the name ("#PriyasFight" -> "Priya", "#LenasHautreise").
            owner = word[:-1] if word.endswith("s") and not _in(word, lists.given) else word
            if folded in places or not _in(owner, lists.given):
                continue
            found.append((m.start(1) + p.start(), m.start(1) + p.start() + len(owner)))
    return found


# A social-media handle ("@lena.kaltenbrunner", "@tonya.mcbride_atx"): words joined by dots or underscores.
_HANDLE = re.compile(r"(?<![\w@.])@([a-z0-9]+(?:[._]+[a-z0-9]+)+_?)", re.IGNORECASE)


def names_in_handles(text: str, not_names: frozenset[str], places: frozenset[str]) -> list[tuple[int, int]]:
    """Social-media handles that open with a listed given name and go on with another word after a dot or an
    underscore ("@marco.dellavalle_bo", "@jarrah.w_skincare"): a person's account, tagged or quoted; the "@" stays.
    A clinic's handle is one word ("@brightsidedental") or does not open with a given name."""
    lists = name_lists()
    found = []
    for m in _HANDLE.finditer(text):
        first = re.split(r"[._\d]", m.group(1), maxsplit=1)[0]
        folded = fold(first)
        if len(first) < 3 or first.lower() in not_names or folded in lists.function_words or folded in lists.common:
            continue
        if folded not in places and _in(first, lists.given):
            found.append(m.span(1))
    return found


# A name spelled out letter by letter, as a caller does on a voicemail ("Pruitt, P-R-U-I-T-T").
_SPELLED = re.compile(r"(?<![\w-])(?:[A-Z]-){3,}[A-Z](?![\w-])")


# A word spelled out letter by letter with spaces, as a dictation's transcript writes it ("that's f o n t a i n e",
# "o apostrophe n e i l l"; thirty-ninth masking set): single letters, the words for an apostrophe or a hyphen between.
_SPELLED_SPACED = re.compile(r"(?<![\w'’-])[A-Za-z](?:[ ](?:(?i:apostrophe|hyphen|dash)[ ])?[A-Za-z]){2,}(?![\w'’-])")
_SPELLED_MARKS = {"apostrophe": "", "hyphen": "", "dash": ""}
_SPELLED_REACH = 80  # characters before a spelling in which the word it spells stands


def spelled_names(text: str) -> list[tuple[int, int]]:
    """Words spelled out in capital letters joined by hyphens, four letters or more: a name or an e-mail read out."""
    return [m.span() for m in _SPELLED.finditer(text)]


def names_spelled_with_spaces(text: str) -> list[tuple[int, int]]:
    """Letters spelled with spaces that spell a word said just before, and that word, with a listed given name right
    before it ("mister grant hope h o p e"): a speaker spells out a name, not an everyday word, so letters alone ("a b
    c") or a spelling of nothing said stay readable. Whole: a letter such as "i" is no word that ends a name here."""
    found = []
    for m in _SPELLED_SPACED.finditer(text):
        spelled = "".join(_SPELLED_MARKS.get(w.lower(), w) for w in m.group().split(" ")).lower()
        said = _word_spelled(text, m.start(), spelled)
        if said is not None:
            found += [m.span(), said]
    return found


def _word_spelled(text: str, start: int, spelled: str) -> tuple[int, int] | None:
    """The word spelled out at `start` as it was said in the few words before (its last mention), with a listed given
    name right before it, or None when no word said before is spelled so."""
    said = None
    for word in re.finditer(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text[max(0, start - _SPELLED_REACH) : start]):
        if fold(word.group()) == spelled:
            said = word
    if said is None:
        return None
    offset = max(0, start - _SPELLED_REACH)
    a, b = offset + said.start(), offset + said.end()
    given = re.search(r"([^\W\d_]+)[ ]$", text[max(0, a - 30) : a])
    if given and is_given_name(given.group(1)):
        a -= len(given.group(0))
    return a, b
