"""Authored copy: every topic of every specialty has a finished post that passes the content checker."""

from __future__ import annotations

import pytest

from assistant.guardrails.checker import check_text
from assistant.knowledge.copy import fill

LONG = {
    "clinic": "Northside Family Practice",
    "city": "Newcastle upon Tyne",
    "booking": "www.example.com/book-online",
    "phone": "+44 191 496 0000",
}


def _texts(post):
    yield "warm", f"{post.warm.hook}\n\n{post.warm.body}\n\n{post.cta}"
    yield "professional", f"{post.professional.hook}\n\n{post.professional.body}\n\n{post.cta}"
    for name in ("linkedin", "google_business", "x"):
        if getattr(post, name):
            yield name, getattr(post, name)
    if post.slides:
        yield "slides", "\n".join(post.slides)
    if post.script:
        yield "script", " ".join([post.script.hook, *(b.say for b in post.script.beats), post.script.cta])


@pytest.mark.slow
def test_every_topic_of_every_specialty_has_copy_with_slides_and_scripts_for_fifteen(kb):
    for spec in kb.specialties.values():
        copy = kb.copy.get(spec.id, {})
        missing = [t.title for t in spec.topics if t.title not in copy]
        assert not missing, (spec.id, missing[:3])
        assert sum(1 for p in copy.values() if p.slides and p.script) >= 15, spec.id


@pytest.mark.slow
def test_the_content_checker_finds_nothing_in_any_authored_copy(kb):
    found = [
        (spec, post.topic, name, f.name, f.span)
        for spec, posts in kb.copy.items()
        for post in posts.values()
        for name, text in _texts(post)
        for f in check_text(fill(text, LONG), kind="post")
    ]
    found += [
        (day.id, "", "day", f.name, f.span)
        for day in kb.awareness_copy.values()
        for f in check_text(fill(f"{day.hook} {day.body} {day.cta}", LONG), kind="post")
    ]
    assert not found, found[:5]


def test_every_awareness_day_has_a_finished_post_of_its_own(kb):
    # a day with none gets a fill-in caption ("[your key point]") when a clinic asks for a post about it
    missing = sorted(set(kb.observances) - set(kb.awareness_copy))
    assert not missing, missing


@pytest.mark.slow
def test_platform_versions_fit_their_platforms_once_filled(kb):
    from assistant.knowledge.models import published_length

    x = kb.platform("x").limits
    gbp_limit = kb.platform("google_business").limits.caption_chars
    for posts in kb.copy.values():
        for post in posts.values():
            assert post.x is None or published_length(fill(post.x, LONG), x) <= x.caption_chars, post.topic
            assert post.google_business is None or len(fill(post.google_business, LONG)) <= gbp_limit, post.topic


def test_placeholders_fall_back_to_plain_words_when_the_profile_lacks_them():
    assert fill("Book through {booking} or call {phone}.", {}) == "Book through our website or call the practice."
    assert fill("{clinic} in {city}", {"clinic": "Northside", "city": ""}) == "Northside in your area"


def test_a_call_to_action_that_invites_health_details_by_message_is_rejected():
    from pydantic import ValidationError

    from assistant.knowledge.copy import PostCopy

    tone = {"hook": "A hook line people stop for", "body": " ".join(["word"] * 60)}
    with pytest.raises(ValidationError, match="direct message"):
        PostCopy(
            topic="A topic title",
            warm=tone,
            professional=tone,
            cta="DM us your symptoms and a photo",
            alt_text="A photo of something useful",
            brief="A photo brief that is long enough",
        )
