"""A name written in a script other than Latin: beside the same name in Latin letters ("Olena Kovalenko (Олена
Коваленко)", "Γιαννούλα Κωνσταντίνου (Giannoula Konstantinou)", "Olena Kovalenko — Олена Коваленко"), and a
pasted thread's writer whose display name is in such a script ("محمد العلي: Hello, I am ..."); and in a message
written in that script, a name after a relative's word ("मेरी माँ <name> की ...", "माझे वडील <name> यांना"), a name
that signs it after a dash ("... - <name>'"), and a name on the line above its Latin spelling in capitals (an
identity card's OCR: "<name>" then "<GIVEN> <SURNAME>"; forty-first masking set). Since the forty-second set also
after a form's label or a relative's word in Arabic, Cyrillic, Korean, Tamil and Hindi ("성명: <name>", "زوجتي
<name>", "रोगी का नाम: <name>"), after "I" when the name ends its clause ("أنا <name>،", "मैं <name> हूँ"), in
ideographs after a Japanese label or relative ("氏名 <name>", "妻の<name>が") or signing the message, with the reading
in kana in brackets, and a relative who shares the surname of a name found so ("Дарина <surname>").

The name finders read Latin letters only, so a patient who writes their name in their own script as well kept it
readable (fortieth masking set). Next to a name found already, in brackets or after a dash or a slash, a run of
one to four words of another script is the same name spelled at home; a line that opens with two or three such
words and a colon, then words, is a message's writer (a form's label in that script is one word, or a number
follows it). The script's letters, its relatives' words and the small words that end a name are data (guardrails.yaml
phi.other_script_letter, other_script_relatives, other_script_name_ends).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ._data import guardrail_data

_MAX_WORDS = 4  # the most words of a name in another script
_MAX_LETTERS = 15  # the most letters (with their marks) of one word of a name: Thai or Lao prose runs on unspaced
_CLOSED = re.compile(r"[ ]*\)")  # the bracket around a name closes right after it


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The other spelling after a name (alone in brackets, or after a dash or a slash), before a name alone in
    brackets, and a thread's writer opening a line."""
    letter = guardrail_data().phi.other_script_letter
    word = rf"(?<!{letter}){letter}{{1,{_MAX_LETTERS}}}(?!{letter})"
    run = rf"{word}(?:[ ]{word}){{0,{_MAX_WORDS - 1}}}"
    after = re.compile(rf"[ ]*\((?P<w>{run})[ ]*\)|[ ]*[—–/-][ ]*(?P<d>{run})(?!\w)")
    before = re.compile(rf"(?<!\w)(?P<w>{run})[ ]*\($")
    writer = re.compile(rf"(?m)^[ \t]*(?P<w>{word}(?:[ ]{word}){{1,2}})[ ]?:[ ]+(?=[^\W\d_])")
    return after, before, writer


_NAME_WORDS = 2  # the most words of a name signing after a dash
_CUED_WORDS = 3  # the most words of a name after a relative's word or a label ("रोगी का नाम: विजय कुमार सिंह")
_IDEOGRAPH = r"[\u3400-\u4dbf\u4e00-\u9fff]"  # a CJK ideograph: a Japanese or Chinese name is two to five of them


@lru_cache(maxsize=1)
def _named_in_script() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A name after a relative's word or a label, a name signing after a dash, and a name alone on the line above
    another."""
    phi = guardrail_data().phi
    # The Arabic comma and the Devanagari full stop fall in their scripts' letters, yet end a word ("أنا <name>،").
    letter = rf"(?![،؛؟।॥]){phi.other_script_letter}"
    # No word that ends a name ("and" among them) and no relative's word is a word of one ("माझी आई आणि वडील <name>").
    # A joining word ("بن") stands only between two words of a name, never at its ends.
    joiner = phi.other_script_name_joiners
    stop = rf"(?:{phi.other_script_name_ends}|{phi.other_script_relatives}|{joiner})(?!{letter})"
    word = rf"(?<!{letter})(?!{stop}){letter}{{1,{_MAX_LETTERS}}}(?!{letter})"
    run = rf"{word}(?:[ ]{word}){{0,{_NAME_WORDS - 1}}}"
    cued = rf"{word}(?:[ ]{word}){{0,{_CUED_WORDS - 1}}}(?:[ ](?:{joiner})[ ]{word})*"
    # Cyrillic capitals differ from the data's words ("Это", "Це"); a label may have its colon ("성명: <name>").
    # A name in Cyrillic opens with a capital ("это штрафуют" is no name).
    capital = r"(?![\u0430-\u045f])"
    relative = re.compile(
        rf"(?<!{letter})(?i:{phi.other_script_relatives})(?:[ ]?[:：])?[ \u3000]{capital}(?P<w>{cued})"
        rf"(?=[ ,،।.!?'\"’”/]|$)"
        rf"|(?<!{letter})(?:{phi.other_script_self_intros})[ ]{capital}(?P<i>{cued})(?={phi.other_script_clause_ends})"
    )
    signed = re.compile(rf"(?:^|(?<=\s))[-–—][ ]?(?P<w>{run})(?=[ ]?[,'\"’”]|[ ]*$)", re.MULTILINE)
    above = re.compile(rf"(?m)^[ \t]*(?P<w>{word}(?:[ ]{word}){{0,{_MAX_WORDS - 1}}})[ \t]*\n[ \t]*$")
    return relative, signed, above


@lru_cache(maxsize=1)
def _named_in_ideographs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A name in ideographs after a label or a relative's word ("氏名 山田花子", "妻の鈴木由美が"), and one that signs a
    Japanese or Chinese message after its last full stop ("...です。鈴木翔太'")."""
    name = rf"(?P<w>{_IDEOGRAPH}{{2,5}})(?!{_IDEOGRAPH})"
    cued = re.compile(rf"(?:{guardrail_data().phi.other_script_ideograph_cues})(?:[ \u3000]|[:：][ \u3000]?)?{name}")
    signed = re.compile(rf"(?<=[。．])[ \u3000]?{name}(?=[ \u3000]*(?:['\"’”」]|$))")
    return cued, signed


_READING = re.compile(r"[ \u3000]*[（(](?P<w>[\u3040-\u30ff]{1,8}(?:[ \u3000][\u3040-\u30ff]{1,8})?)[ \u3000]*[）)]")


def _cued_in_script(text: str) -> list[tuple[int, int]]:
    """Names in another script after a relative's word or a label, or signing the message, with the reading in kana
    in brackets after one in ideographs ("山田花子（やまだ はなこ）"): these writers spell no name in Latin letters."""
    relative, signed, _ = _named_in_script()
    cued, signed_ideographs = _named_in_ideographs()
    found = [m.span("w") for p in (signed, cued, signed_ideographs) for m in p.finditer(text)]
    found += [m.span("w") if m.group("w") else m.span("i") for m in relative.finditer(text)]
    return found + [m.span("w") for _, end in found if (m := _READING.match(text, end)) is not None]


def _relatives_by_surname(text: str, names: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """A given name and the surname of a name found in another script, elsewhere in the message ("Це Олена
    Шевченко, мама Даринки. Дарина Шевченко, 7 років"): a family's members named in passing share it."""
    letter = guardrail_data().phi.other_script_letter
    found: list[tuple[int, int]] = []
    for start, end in names:
        parts = text[start:end].split(" ")
        if len(parts) < 2 or len(parts[-1]) < 3:
            continue
        pattern = rf"(?<!{letter}){letter}{{2,{_MAX_LETTERS}}}[ ]{re.escape(parts[-1])}(?!{letter})"
        found += [m.span() for m in re.finditer(pattern, text) if not start <= m.start() < end]
    return found


def names_in_other_scripts(text: str, names: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each name in another script: beside one of the `names` found (start, end), on the line above
    one that opens its line, a thread's writer at a line's start, or named after a relative's word, a label or a
    signing dash."""
    after, before, writer = _patterns()
    _, _, above = _named_in_script()
    found = [m.span("w") for m in writer.finditer(text)]
    if re.search(guardrail_data().phi.other_script_letter, text):
        cued = _cued_in_script(text)
        found += cued + _relatives_by_surname(text, cued)
        # Its Latin spelling may follow a name found here in brackets ("Настя (Анастасия Иванова)"); a slash or a
        # dash after it there is a form's next field ("성명: <name> / 생년월일").
        found += [m.span("w") for _, end in cued if (m := after.match(text, end)) is not None and m.group("w")]
    for start, end in names:
        if (m := after.match(text, end)) is not None:
            found.append(m.span("w") if m.group("w") else m.span("d"))
        if _CLOSED.match(text, end) and (m := before.search(text, max(0, start - 80), start)) is not None:
            found.append(m.span("w"))
        line = text.rfind("\n", 0, start)
        if line > 0 and not text[line + 1 : start].strip():
            if (m := above.search(text, text.rfind("\n", 0, line) + 1, line + 1)) is not None:
                found.append(m.span("w"))
    return sorted(set(found))
