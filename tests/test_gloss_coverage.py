"""The glossaries cover what clinicians write when they ask for a post, a script or a rule: 25 requests a language,
written for these tests (tests/data/gloss_messages.yaml), 30 more on health topics for patients, how a practice
works, reviews and comments (gloss_messages39.yaml), and 30 more on a hospital's viral complaint, home remedies, muscle
loss in old age, fake reviews, voseo and Brazilian Portuguese (gloss_messages40.yaml), and 30 more on a therapy group
for children, leaving WhatsApp for a secure e-consultation, threats after a viral video, a pharmacy's offers, referrals
and robotic surgery (gloss_messages42.yaml), and 30 more on a urologist's posts, a care home's photo consent, an
influencer's commission, ACL injuries in girls' football, prices and 0% financing in ads, triage explained in a review
reply and a femtosecond laser (gloss_messages43.yaml), glossed by assistant/chat/gloss.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from assistant.chat.data import glossaries
from assistant.chat.gloss import Glosser

DATA = Path(__file__).parent / "data"
MESSAGES = yaml.safe_load((DATA / "gloss_messages.yaml").read_text(encoding="utf-8"))
MESSAGES39 = yaml.safe_load((DATA / "gloss_messages39.yaml").read_text(encoding="utf-8"))
MESSAGES40 = yaml.safe_load((DATA / "gloss_messages40.yaml").read_text(encoding="utf-8"))
MESSAGES42 = yaml.safe_load((DATA / "gloss_messages42.yaml").read_text(encoding="utf-8"))
MESSAGES43 = yaml.safe_load((DATA / "gloss_messages43.yaml").read_text(encoding="utf-8"))
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
    pytest.param(language, message["text"], message["expect"], id=f"{language}-{number}")
    for language, messages in MESSAGES.items()
    for number, message in enumerate(messages, 1)
    if "expect" in message
]
EXPECTED39 = [
    pytest.param(language, message["text"], message["expect"], id=f"39-{language}-{number}")
    for language, messages in MESSAGES39.items()
    for number, message in enumerate(messages, 1)
    if "expect" in message
]
EXPECTED40 = [
    pytest.param(language, message["text"], message["expect"], id=f"40-{language}-{number}")
    for language, messages in MESSAGES40.items()
    for number, message in enumerate(messages, 1)
    if "expect" in message
]
EXPECTED42 = [
    pytest.param(language, message["text"], message["expect"], id=f"42-{language}-{number}")
    for language, messages in MESSAGES42.items()
    for number, message in enumerate(messages, 1)
    if "expect" in message
]
EXPECTED43 = [
    pytest.param(language, message["text"], message["expect"], id=f"43-{language}-{number}")
    for language, messages in MESSAGES43.items()
    for number, message in enumerate(messages, 1)
    if "expect" in message
]
ALL = [
    pytest.param(language, message["text"], id=f"{language}-{number}")
    for language, messages in MESSAGES.items()
    for number, message in enumerate(messages, 1)
]


def test_each_language_has_twenty_five_requests_six_of_them_with_the_english_they_must_gloss_into():
    assert set(MESSAGES) == set(GLOSSARIES)
    for messages in MESSAGES.values():
        assert len(messages) == 25 and sum("expect" in message for message in messages) == 6


def test_each_language_has_thirty_more_messages_on_health_topics_six_of_them_with_the_english_they_must_gloss_into():
    assert set(MESSAGES39) == set(GLOSSARIES)
    for messages in MESSAGES39.values():
        assert len(messages) == 30 and sum("expect" in message for message in messages) == 6


def test_each_language_has_thirty_messages_on_hospitals_remedies_and_reviews_six_with_the_english_they_gloss_into():
    assert set(MESSAGES40) == set(GLOSSARIES)
    for messages in MESSAGES40.values():
        assert len(messages) == 30 and sum("expect" in message for message in messages) == 6


def test_each_language_has_thirty_messages_on_therapy_groups_and_referrals_six_with_the_english_they_gloss_into():
    assert set(MESSAGES42) == set(GLOSSARIES)
    for messages in MESSAGES42.values():
        assert len(messages) == 30 and sum("expect" in message for message in messages) == 6


def test_each_language_has_thirty_messages_on_urology_care_homes_and_ads_six_with_the_english_they_gloss_into():
    assert set(MESSAGES43) == set(GLOSSARIES)
    for messages in MESSAGES43.values():
        assert len(messages) == 30 and sum("expect" in message for message in messages) == 6


@pytest.mark.parametrize("language,text,expected", EXPECTED + EXPECTED39 + EXPECTED40 + EXPECTED42 + EXPECTED43)
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
