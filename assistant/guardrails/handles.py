"""A person's social-media handle ("maria.lopez88", "@dan_nguyen_bne", "u/kyle_halvorsen") and a name in a link's
last path segment ("https://.../confirm/harper-st-pierre"), and the handle a social network's profile link ends in
("instagram.com/<handle>", "linkedin.com/in/<handle>").

A handle is a name a patient chose: it is masked when one of its parts (split at stops, underscores and digits) is a
listed given name that is no everyday word, a listed surname the name model does not know as a word, or two listed
names run together ("bethanyrose"). A brand's or a shop's handle ("sunsmart_au", "punefoodie_diaries") has none
and stays readable, and so does a domain ("coastalskin.au/..."). A link's last segment is masked when it holds a
word of a name masked elsewhere in the message (a booking link made from the patient's name). A profile link's
handle is masked when it holds a listed name, as above, or a word of a name masked elsewhere, run together with other
words or not ("skinby<given>", "<given><surname>-md"): the person's own account, shared to be reposted or tagged.
The clinic's own account ("<clinic>physio") holds neither.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from ._data import guardrail_data
from .names import fold, name_lists

# A lower-case handle with a stop or an underscore inside, or after "@" or "u/"; not part of an e-mail address, a
# link or a longer word.
_HANDLE = re.compile(r"(?<![\w.@/:+-])(@|u/)?([a-z0-9](?:[a-z0-9]|[._](?=[a-z0-9])){2,40})(?![\w@/-])")
_PARTS = re.compile(r"[._\d]+")
# A link's last path segment of words joined by hyphens, stops or underscores ("/r/gurleen-kaur-bains").
_SLUG = re.compile(r"(?<=[\w.]/)([a-zà-ÿ]+(?:[-._][a-zà-ÿ]+)+)(?![\w/.-])")
_LINK_START = re.compile(r"\S*$")  # the link's characters before the segment
_MIN_PART = 3
_MIN_HANDLE = 6  # characters of a handle with no "@": shorter ones are a product's ("e.max") or an abbreviation
_MIN_JOINED = 4  # letters of each name run together in one part ("bethany" + "rose"; not "dia" + "ries")


def _a_name_part(part: str, everyday: Callable[[str], bool]) -> bool:
    lists = name_lists()
    if len(part) < _MIN_PART or part in lists.function_words:
        return False
    if (part in lists.given and part not in lists.common) or (part in lists.surnames and not everyday(part)):
        return True
    return any(
        part[:k] in lists.given and part[:k] not in lists.common and part[k:] in lists.given | lists.surnames
        for k in range(_MIN_JOINED, len(part) - _MIN_JOINED + 1)
    )


def person_handles(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of each handle with a person's name in it, without its "@" or "u/"."""
    found = []
    for m in _HANDLE.finditer(text):
        handle = m.group(2)
        if m.group(1) is None and not (("." in handle or "_" in handle) and len(handle) >= _MIN_HANDLE):
            continue
        if handle.startswith("www.") or text.startswith("/", m.end()):
            continue
        if any(_a_name_part(fold(p), everyday) for p in _PARTS.split(handle)):
            found.append(m.span(2))
    return found


# How a link writes letters it cannot hold: a dotless "ı" as "i", and German umlauts as two letters ("gül" -> "guel").
_IN_LINKS = str.maketrans({"ı": "i", "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _spellings(word: str) -> set[str]:
    """A name's word as a link may write it: folded, and with the letters it cannot hold written out."""
    return {fold(word), fold(word.replace("ı", "i")), fold(word.translate(_IN_LINKS))}


def names_in_links(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) of each link's last path segment that holds a word of one of the masked `names`."""
    words = {f for name in names for w in re.findall(r"[^\W\d_]+", name) if len(w) >= _MIN_PART for f in _spellings(w)}
    if not words or "/" not in text:
        return []
    found = []
    for m in _SLUG.finditer(text):
        link = _LINK_START.search(text, max(0, m.start() - 200), m.start())
        if link is None or not ("://" in link.group() or link.group().startswith("www.")):
            continue
        if any(fold(p) in words for p in re.split(r"[-._]+", m.group(1))):
            found.append(m.span(1))
    return found


_MIN_INSIDE = 4  # letters of a masked name's word found inside a profile's handle


@lru_cache(maxsize=1)
def _profile_link() -> re.Pattern[str]:
    """A social network's profile link (guardrails.yaml phi.profile_link), then the handle it ends in."""
    return re.compile(rf"(?<![\w.])(?:{guardrail_data().phi.profile_link})(?P<h>[\w.-]*\w)", re.IGNORECASE)


def profile_handles(text: str, names: Iterable[str], everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of each profile link's handle that holds a listed name or a word of one of the masked `names`."""
    if ".com/" not in text and ".net/" not in text and "pinterest." not in text:
        return []
    words = {
        f for name in names for w in re.findall(r"[^\W\d_]+", name) if len(w) >= _MIN_INSIDE for f in _spellings(w)
    }
    found = []
    for m in _profile_link().finditer(text):
        handle = fold(m.group("h"))
        listed = any(_a_name_part(p, everyday) for p in re.split(r"[-._\d]+", handle))
        if listed or any(w in handle for w in words):
            found.append(m.span("h"))
    return found


# A pasted thread's line that opens with a handle and a colon ("@bigtex_mama: hey ...").
_THREAD_LINE = re.compile(r"(?m)^[ \t]*@(?P<handle>[\w.]{3,40})[ \t]*:(?P<said>[^\n]*)")


@lru_cache(maxsize=1)
def _first_person() -> re.Pattern[str]:
    return re.compile(guardrail_data().phi.first_person, re.IGNORECASE)


def writers_handles(text: str, found: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each handle, without its "@", of a thread's writer who gives a patient's data as their own or a
    relative's ("@bigtex_mama: ... my kid ... <name> ... <phone>"; `found` is the data found already), wherever the
    thread names them. A brand's or the clinic's reply ("@<clinic>: Hi <name>, please DM us") says no "my"."""
    if "@" not in text:
        return []
    spans = list(found)
    writers = {
        m.group("handle")
        for m in _THREAD_LINE.finditer(text)
        if _first_person().search(m.group("said")) and any(m.start("said") <= a and b <= m.end() for a, b in spans)
    }
    return [m.span(1) for handle in writers for m in re.finditer(rf"(?<![\w@])@({re.escape(handle)})(?![\w])", text)]
