"""Write the country scope of answer-card steps and cautions as data, from their wording.

Usage: .venv/bin/python scripts/scope_card_items.py [--check] [knowledge dir]

The chat once read an item's scope back from its prose at run time. This script reads the same wording once and
writes it into the card files (knowledge/answers/README.md, "Steps and cautions for some countries only"):
- a step or caution opening "In South Africa, ..." (a place the country list knows) gets `countries: [ZA]`;
- one after the first that leans on the one before it ("Where that Act applies, ...", "If that fails, ...",
  "The same rules ...") gets `follows: true`;
- a variant with a lead and no steps, under a card lead that allows (a "yes"), whose lead has a sentence saying no
  for one place ("In Germany, not for purely cosmetic work: ...") gets `no_steps_for: [DE]`.

Only plain-string items and variants without `no_steps_for` are touched, each edited in place in the file's text
(the rest of the file is left byte for byte), so running it twice changes nothing the second time. A string item
becomes a flow mapping around its original scalar: `- "In the US, ..."` -> `- {text: "In the US, ...",
countries: [US]}`. --check exits 1 when some item would change (and changes nothing).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.knowledge import registry  # noqa: E402
from assistant.knowledge.countries import Countries  # noqa: E402

# A step or caution scoped to one place ("In South Africa, the HPCSA's rules ..."): the place is its first words.
SCOPED_ITEM = re.compile(r"^In ([^,:;]{2,40})[,:]")
# A step or caution that leans on the one before it ("Where that Act applies, ...", "If so, ...", "Those rules
# ..."): when the one before is left out, it refers to nothing.
LEANS_BACK = re.compile(
    r"^(?:(?:where|if|under|once|after|outside|unlike|like|as with|beyond|besides)\s+(?:that|this|these|those|such|"
    r"it|so|not)\b|(?:that|this|these|those|such|the same)\s+(?:act|law|laws|rule|rules|regulation|regulations|code|"
    r"guidance|guidelines|requirement|requirements|ban|state|country|board|regulator)\b|(?:then|otherwise)\b)",
    re.IGNORECASE,
)
# A sentence of a lead that says no for one place ("In Germany, not for purely cosmetic treatments: ...").
PLACE_SAYS_NO = re.compile(r"(?:^|(?<=[.!?])\s+)In ([^,:;.]{2,40})[,:]\s+(?:no|not|never)\b", re.IGNORECASE)
# A card lead that allows what its steps do ("Yes, if ...", "In many places yes, ...", "Only with ...").
ALLOWS = re.compile(r"^(?:[^.:;]{0,60}\byes\b|Only (?:with|if)\b|Often\b|Usually\b)", re.IGNORECASE)

Edit = tuple[int, int, str]  # (start, end, replacement) in the file's text


def _get(node: yaml.Node, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _key(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((k for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def place_codes(place: str, countries: Countries) -> list[str]:
    """The codes of the places a scope names ("France and Spain" -> FR, ES), the first as the chat read it."""
    first = countries.named_in(place)
    if first is None:
        return []
    return [first, *(c for c in countries.all_named_in(place) if c != first)]


def _item_edit(text: str, node: yaml.Node, first: bool, countries: Countries) -> Edit | None:
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
        return None  # already a mapping (converted, or written so): left alone
    value = node.value
    found = SCOPED_ITEM.match(value)
    codes = place_codes(found.group(1), countries) if found else []
    follows = not first and bool(LEANS_BACK.match(value))
    if not codes and not follows:
        return None
    start, end = node.start_mark.index, node.end_mark.index
    source = text[start:end]
    one_line = node.style in ('"', "'") and "\n" not in source
    scalar = source if one_line else json.dumps(value, ensure_ascii=False)
    fields = [f"text: {scalar}"]
    if codes:
        fields.append(f"countries: [{', '.join(codes)}]")
    if follows:
        fields.append("follows: true")
    trailing = source[len(source.rstrip()) :]  # a block scalar's span ends with its line break
    return start, end, "{" + ", ".join(fields) + "}" + trailing


def _list_edits(text: str, seq: yaml.Node | None, countries: Countries) -> list[Edit]:
    if not isinstance(seq, yaml.SequenceNode):
        return []
    edits = [_item_edit(text, item, i == 0, countries) for i, item in enumerate(seq.value)]
    return [e for e in edits if e is not None]


def _variant_edit(text: str, variant: yaml.Node, card_lead: str, countries: Countries) -> Edit | None:
    if not isinstance(variant, yaml.MappingNode) or variant.flow_style:
        return None
    lead = _get(variant, "lead")
    if not isinstance(lead, yaml.ScalarNode) or _get(variant, "steps") is not None:
        return None
    if _get(variant, "no_steps_for") is not None or not ALLOWS.match(card_lead):
        return None
    codes = list(dict.fromkeys(c for m in PLACE_SAYS_NO.finditer(lead.value) if (c := countries.named_in(m.group(1)))))
    if not codes:
        return None
    key = _key(variant, "lead")
    assert key is not None
    start = key.start_mark.index  # a line of its own, before the lead, at the lead's indentation
    indent = " " * key.start_mark.column
    return start, start, f"no_steps_for: [{', '.join(codes)}]\n{indent}"


def edits_for(text: str, countries: Countries) -> list[Edit]:
    """The edits that write the scope of one card file's items as data."""
    doc = yaml.compose(text, Loader=yaml.SafeLoader)
    edits: list[Edit] = []
    cards = _get(doc, "cards") if doc is not None else None
    for card in cards.value if isinstance(cards, yaml.SequenceNode) else []:
        lead = _get(card, "lead")
        card_lead = lead.value if isinstance(lead, yaml.ScalarNode) else ""
        edits += _list_edits(text, _get(card, "steps"), countries)
        edits += _list_edits(text, _get(card, "watch_out"), countries)
        variants = _get(card, "variants")
        for variant in variants.value if isinstance(variants, yaml.SequenceNode) else []:
            edits += _list_edits(text, _get(variant, "steps"), countries)
            edits += _list_edits(text, _get(variant, "watch_out"), countries)
            edit = _variant_edit(text, variant, card_lead, countries)
            if edit is not None:
                edits.append(edit)
    return edits


def apply(text: str, edits: list[Edit]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    knowledge = Path(args[0]) if args else ROOT / "knowledge"
    countries: Countries = registry.load(registry.COUNTRIES, knowledge)
    changed = 0
    for path in sorted((knowledge / "answers").glob("*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        edits = edits_for(text, countries)
        if not edits:
            continue
        new = apply(text, edits)
        if yaml.safe_load(new) is None:  # never write a file that no longer parses
            raise SystemExit(f"{path}: the edit would empty the file")
        changed += len(edits)
        print(f"{path.relative_to(knowledge)}: {len(edits)} item(s)")
        if not check:
            path.write_text(new, encoding="utf-8")
    print(f"{changed} item(s) {'to scope' if check else 'scoped'}")
    return 1 if check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
