"""The glossaries cover what clinicians write when they ask for a post, a script or a rule: 25 requests a language,
written for these tests (tests/data/gloss_messages.yaml), 30 more on health topics for patients, how a practice
works, reviews and comments (gloss_messages39.yaml), and 30 more on a hospital's viral complaint, home remedies, muscle
loss in old age, fake reviews, voseo and Brazilian Portuguese (gloss_messages40.yaml), and 30 more on a therapy group
for children, leaving WhatsApp for a secure e-consultation, threats after a viral video, a pharmacy's offers, referrals
and robotic surgery (gloss_messages42.yaml), and 30 more on a urologist's posts, a care home's photo consent, an
influencer's commission, ACL injuries in girls' football, prices and 0% financing in ads, triage explained in a review
reply and a femtosecond laser (gloss_messages43.yaml), and 30 more on a patient in crisis writing at night, a midwife's
antenatal classes, egg donors, veneers in instalments, Meta ads on waiting lists and the pixel on a sign-up page, and
cross-border surgery packages (gloss_messages44.yaml), and 30 more on an eye clinic's laser centre priced per eye, a
bariatric surgeon near a border, group admins asking a commission, a communications department approving every post,
AI images of happy patients hiking, anonymised cases on TikTok, a podiatrist's bio and miracle diets
(gloss_messages45.yaml), glossed by assistant/chat/gloss.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from assistant.chat.data import glossaries
from assistant.chat.gloss import Glosser

DATA = Path(__file__).parent / "data"
# Each round's messages: the file's round (its id prefix), how many messages a language has; six of each carry the
# English they must gloss into.
SETS = {"": 25, "39": 30, "40": 30, "42": 30, "43": 30, "44": 30, "45": 30}
MESSAGES_BY_SET = {
    name: yaml.safe_load((DATA / f"gloss_messages{name}.yaml").read_text(encoding="utf-8")) for name in SETS
}
MESSAGES = MESSAGES_BY_SET[""]
GLOSSARIES = glossaries()
GLOSSER = Glosser(GLOSSARIES)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def _english_words(language: str) -> set[str]:
    """Every word the language's glossary glosses into: a word of the asker's kept as written is not among them."""
    glossary = GLOSSARIES[language]
    return {word for gloss in (*glossary.words.values(), *glossary.phrases.values()) for word in _words(gloss)}


EXPECTED = [
    pytest.param(language, message["text"], message["expect"], id=f"{name}-{language}-{number}".lstrip("-"))
    for name, by_language in MESSAGES_BY_SET.items()
    for language, messages in by_language.items()
    for number, message in enumerate(messages, 1)
    if "expect" in message
]
ALL = [
    pytest.param(language, message["text"], id=f"{language}-{number}")
    for language, messages in MESSAGES.items()
    for number, message in enumerate(messages, 1)
]


@pytest.mark.parametrize("name", SETS)
def test_each_language_has_each_rounds_messages_six_of_them_with_the_english_they_must_gloss_into(name):
    assert set(MESSAGES_BY_SET[name]) == set(GLOSSARIES)
    for messages in MESSAGES_BY_SET[name].values():
        assert len(messages) == SETS[name] and sum("expect" in message for message in messages) == 6


@pytest.mark.parametrize("language,text,expected", EXPECTED)
def test_a_request_is_glossed_into_the_english_a_keyword_matcher_reads(language, text, expected):
    glossed = " ".join(_words(GLOSSER.english(text, language)))
    missing = [words for words in expected if not re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", glossed)]
    assert not missing, f"{glossed!r} lacks {missing}"


@pytest.mark.parametrize("language,text", ALL)
def test_at_most_one_word_of_a_request_is_left_as_written(language, text):
    """A place name may stay as it is; a verb or a noun of the request may not."""
    english = _english_words(language)
    kept = [word for word in _words(GLOSSER.english(text, language)) if word in _words(text) and word not in english]
    assert len(kept) <= 1, f"left as written: {kept}"
