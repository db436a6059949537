"""Text as the content checker reads it: the same words however they are disguised, with a map back to offsets.

A rule must not be dodged by spelling: invisible characters, typographic quotes, look-alike letters from other
scripts ("Guаranteed" with a Cyrillic "а"), letters spaced or hyphenated apart ("G-U-A-R-A-N-T-E-E-D",
"g u a r a n t e e d") and numbers written in words ("One hundred percent safe") all read as the plain word.
The tables are in knowledge/data/guardrails.yaml (`normalise`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ._data import guardrail_data
from .injection import INVISIBLE

# Typographic quotes are folded to ASCII so one pattern covers "we're" and "we’re".
_FOLD = {"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"'}
# Four or more single letters, each followed by the same kind of separator: "G-U-A-R-A-N-T-E-E-D", "f r e e".
_SPACED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_](?P<sep>[ \-._*·])(?:[^\W\d_](?P=sep)){2,}[^\W\d_])(?![^\W\d_])")
_PERCENT = re.compile(r"(?<=\d) ?(?:per ?cent|percent)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], re.Pattern[str], dict[str, int], dict[str, int]]:
    terms = guardrail_data().normalise
    words = sorted((*terms.number_words, *terms.scales), key=len, reverse=True)
    run = rf"\b(?:{'|'.join(words)})(?:(?:[ -]|\s+and\s+)(?:{'|'.join(words)}))*\b"
    return terms.confusables, re.compile(run, re.IGNORECASE), terms.number_words, terms.scales


def normalise(text: str) -> tuple[str, list[int] | None]:
    """`text` normalised for checking, and for each of its characters the offset in `text` (None: unchanged)."""
    confusables, numbers, _, _ = _tables()
    if text.isascii() and not (_SPACED.search(text) or numbers.search(text) or _PERCENT.search(text)):
        return text, None
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if INVISIBLE.match(ch):
            continue
        folded = _FOLD.get(ch) or confusables.get(ch) or (unicodedata.normalize("NFKC", ch) if ord(ch) > 127 else ch)
        chars.append(folded if len(folded) == 1 else ch)
        index.append(i)
    clean, index = "".join(chars), index
    clean, index = _rewrite(clean, index, _SPACED, lambda m: re.sub(r"[^\w]", "", m.group()))
    clean, index = _rewrite(clean, index, numbers, _number_value)
    clean, index = _rewrite(clean, index, _PERCENT, lambda m: "%")
    return clean, index + [len(text)]


def _rewrite(text: str, index: list[int], pattern: re.Pattern[str], replace) -> tuple[str, list[int]]:
    """Replace each match; new characters map to the matched span (first to its start, last to its end)."""
    out: list[str] = []
    out_index: list[int] = []
    last = 0
    for match in pattern.finditer(text):
        new = replace(match)
        if new is None:
            continue
        out.append(text[last : match.start()])
        out_index += index[last : match.start()]
        out.append(new)
        start, end = index[match.start()], index[match.end() - 1]
        out_index += [start] * (len(new) - 1) + [end] if new else []
        last = match.end()
    out.append(text[last:])
    out_index += index[last:]
    return "".join(out), out_index


def _number_value(match: re.Match[str]) -> str | None:
    """ "one hundred" -> "100", "twenty-five" -> "25"; a lone "one" stays a word ("one of our patients")."""
    _, _, units, scales = _tables()
    parts = [p for p in re.split(r"[ -]+|\s+and\s+", match.group().lower()) if p and p != "and"]
    if len(parts) < 2 and parts[0] not in scales:
        return None
    total = current = 0
    for part in parts:
        if part in units:
            current += units[part]
        else:
            current = max(current, 1) * scales[part]
            if scales[part] >= 1000:
                total, current = total + current, 0
    return str(total + current)
