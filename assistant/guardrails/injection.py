"""Prompt-injection signs, canary tokens and safe rendering of model output (OWASP LLM01, LLM05, LLM07).

Detection here is a signal, not the defence: the defence is that user text and knowledge passages are
passed to models as quoted data and that the rule checker runs on every output whatever the model says.
"""

from __future__ import annotations

import html
import re
import secrets
import unicodedata
from functools import lru_cache

from ._data import any_of, guardrail_data

# Zero-width, bidirectional-control and Unicode "tag" characters can hide instructions from a human reader
# (the tag block U+E0000-E007F spells invisible ASCII); they carry no meaning in chat text.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\u3164\ufeff\U000e0000-\U000e007f]"
)
CANARY_PREFIX = "cnry-"
_SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# Fenced code blocks and inline code spans render their content as text already: left untouched.
_CODE = re.compile(
    r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}(?P=fence)[ \t]*$|\Z)"
    r"|(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)",
    re.MULTILINE | re.DOTALL,
)
# A link destination may hold one level of balanced parentheses ("javascript:alert(1)", Wikipedia URLs).
_URL = r"(?P<url><[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\(\s*" + _URL)
_REF_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\](?:\[[^\]\n]*\])?(?!\()")
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]*)\]\(\s*" + _URL)
_REF_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*(?P<url><[^>\n]*>|\S+).*$\n?", re.MULTILINE)
# "<" that would open an HTML tag, comment or declaration; autolinks to safe schemes are kept.
_TAG_OPEN = re.compile(r"<(?!(?:https?|mailto):[^\s<>]*>)(?=[A-Za-z/!?])")


def looks_like_injection(text: str) -> bool:
    """True when `text` tries to change the assistant's instructions ("ignore previous instructions")."""
    if not text:
        return False
    flat = unicodedata.normalize("NFKC", INVISIBLE.sub("", text))
    flat = re.sub(r"[^\S\n]+", " ", flat.replace("’", "'"))
    return bool(_injection_regex().search(flat))


@lru_cache(maxsize=8192)
def passage_looks_like_injection(passage: str) -> bool:
    """`looks_like_injection` for the knowledge base's own passages, remembered: the same passages come back on
    many searches. Never for what a user typed (the memory would keep it)."""
    return looks_like_injection(passage)


@lru_cache(maxsize=1)
def _injection_regex() -> re.Pattern[str]:
    return any_of(guardrail_data().injection.patterns, re.IGNORECASE | re.MULTILINE)


def make_canary() -> str:
    """A random marker to place in a system prompt; if it shows up in output, the prompt leaked."""
    return CANARY_PREFIX + secrets.token_hex(8)


def leaks_canary(output: str, canary: str) -> bool:
    """True when `output` contains the canary, even with spaces, dashes or case changes inside it."""
    squash = re.compile(r"[\W_]+")
    return bool(canary) and squash.sub("", canary).lower() in squash.sub("", output or "").lower()


def redact_canary(output: str, canary: str) -> str:
    """`output` with every plain occurrence of the canary replaced by "[redacted]"."""
    return re.sub(re.escape(canary), "[redacted]", output, flags=re.IGNORECASE) if canary else output


def sanitize_output(markdown: str) -> str:
    """Model output made safe to render: HTML shown as text, no remote images, no script or data links."""
    if not markdown:
        return ""
    out, last = [], 0
    for code in _CODE.finditer(markdown):
        out.append(_sanitize_prose(markdown[last : code.start()]))
        out.append(code.group())
        last = code.end()
    out.append(_sanitize_prose(markdown[last:]))
    return "".join(out)


def _sanitize_prose(text: str) -> str:
    text = _IMAGE.sub(_image, text)
    text = _REF_IMAGE.sub(lambda m: m.group("alt"), text)  # its URL is defined elsewhere: assume remote
    text = _LINK.sub(lambda m: m.group() if _safe_url(m.group("url")) else m.group("text"), text)
    text = _REF_DEFINITION.sub(lambda m: m.group() if _safe_url(m.group("url")) else "", text)
    return _TAG_OPEN.sub("&lt;", text)


def _image(match: re.Match[str]) -> str:
    """Keep an image only when it points inside the app (a relative path); otherwise show its alt text."""
    url = _normalised_url(match.group("url"))
    remote = url.startswith(("//", "\\\\", "/\\", "\\/")) or _SCHEME.match(url)
    return match.group("alt") if remote else match.group()


def _safe_url(raw: str) -> bool:
    scheme = _SCHEME.match(_normalised_url(raw))
    return scheme is None or scheme.group(1) in _SAFE_SCHEMES


def _normalised_url(raw: str) -> str:
    """The URL as a browser would read it: entities decoded, control characters and spaces dropped."""
    url = html.unescape(raw.strip().removeprefix("<").removesuffix(">"))
    return re.sub(r"[\x00-\x20\x7f]+", "", INVISIBLE.sub("", url)).lower()
