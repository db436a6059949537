"""Rewriting pasted copy that promises too much ("rewrite this for our clinic site: 'Guaranteed results! ...'"):
the promises go (authored replacements, knowledge/data/drafts.yaml), honest sentences about typical results and
risks are added, and the compliance checker reads the result; anything it still flags is named in the notes."""

from __future__ import annotations

import re

from ..guardrails.checker import check_text
from ..knowledge.schemas.drafts import RewriteData
from .models import Draft
from .wording import first_upper


def wants_rewrite(text: str, data: RewriteData | None) -> bool:
    """Whether the message asks to rewrite copy it quotes."""
    return data is not None and any(re.search(p, text, re.IGNORECASE) for p in data.requests)


def rewrite(
    original: str, data: RewriteData, platform: str | None = None, language: str = "en", country: str | None = None
) -> Draft:
    """The copy without its promises, with the typical-result and risk sentences added. Copy in a `language` the
    data holds rules for is rewritten with those rules and closed in that language; the asker's `country` adds what
    its law bans (a prescription-only medicine named in an ad)."""
    own = data.languages.get(language)
    rules, closing = (own.replace, own.closing) if own else (data.replace, data.closing)
    local = [w for w in data.where if country in w.countries] if not own else []
    rules = (*(r for w in local for r in w.replace), *rules)
    text, removed, promises = original.strip(), [], False
    for rule in rules:
        found_here = [m.group(0).strip(" ,-–—!.+") for m in re.finditer(rule.pattern, text, re.IGNORECASE)]
        removed += found_here
        promises = promises or bool(found_here and not rule.identifies)
        text = re.sub(rule.pattern, rule.with_, text, flags=re.IGNORECASE)
    text = _tidy(text)
    # what the copy said, or what it says now (the consultation offered instead of a medicine)
    added = [] if own else [a.say for a in data.add if re.search(a.pattern, f"{original}\n{text}", re.IGNORECASE)]
    found = [f for kind in ("ad", "post") for f in check_text(original, kind) if f.severity in ("high", "medium")]
    # The typical-result and risk sentences close copy that promised or offered something ("Lose 100 lbs this year",
    # which the checker does not flag, taken out), not a post that only told a story ("Night 4 of 4 done ...", with a
    # patient's bed number taken out).
    promised = bool(added or found or promises)
    result = " ".join(s for s in (text, *added, *(closing if promised else ())) if s)
    left = list(dict.fromkeys(f.name or f.rule for f in check_text(result, "ad") if f.severity == "high"))
    removed = list(dict.fromkeys(w for w in removed if w))
    notes = [f"Taken out or reworded: {', '.join(_why(w, found) for w in removed)}."] if removed else []
    notes += [
        f"Taken out because {w.why}." for w in local if any(re.search(r.pattern, original, re.I) for r in w.replace)
    ]
    notes += [f"Still check: {name}." for name in left]
    if promised:
        notes.append("Fill in anything specific you can stand behind, such as the typical number of sessions.")
    return Draft(kind="caption", platform=platform, title="Rewritten without promises", text=result, notes=notes)


def _why(removed: str, found: list) -> str:
    """A phrase taken out, quoted, with the rule the checker found it breaking in the copy as pasted ("“Guaranteed
    results” (no promises of results)"): the asker learns why, not only what."""
    low = removed.lower()
    rule = next((f for f in found if f.span.lower() in low or low in f.span.lower()), None)
    name = re.sub(r"\s*\(.*\)\s*$", "", rule.name) if rule is not None and rule.name else ""
    return f"“{removed}” ({name[:1].lower()}{name[1:]})" if name else f"“{removed}”"


def _tidy(text: str) -> str:
    text = re.sub(r"!+", ".", text)
    text = re.sub(r"(?:^|(?<=[.!?]))\s*[+&,;:-]\s*", " ", text)  # what a removed phrase left ("... + .")
    text = re.sub(r"\.(?:\s*\.)+", ".", text)
    text = re.sub(r"\s+([.,;:])", r"\1", re.sub(r"\s{2,}", " ", text)).strip(" ,;:-–")
    text = re.sub(r"^[.,;:\s]+", "", text)
    text = re.sub(r"[,;](?:\s*[,;])+", ",", text)  # a phrase removed between two commas ("in Leeds,, book now")
    text = re.sub(r"[,;]\s*(?=[.?])", "", text)
    text = re.sub(r"\b([Aa]) (?=[aeio]\w)", r"\1n ", text)  # "a world-leading expert" without its praise
    if text and text[-1] not in ".?" and not re.search(r"#\w+$", text):  # no full stop after a closing hashtag
        text += "."
    return first_upper(text)
