"""Hashtag sets: tiers, platform limits, valid CamelCase syntax, no duplicates, never a risky tag."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.knowledge.models import HASHTAG_RE
from assistant.planners.hashtags import camel_tag, readable_tag, suggest_hashtags


def _assert_clean(result, kb) -> None:
    tags = result.tags
    assert all(HASHTAG_RE.match(t) for t in tags), tags
    assert len({t.lower() for t in tags}) == len(tags), "duplicate tags (case-insensitive)"
    risky = {h.tag.lower() for h in kb.hashtags if h.risky}
    assert not risky & {t.lower() for t in tags}
    assert all(t[1].isupper() or t[1].isdigit() for t in tags), "tags start with a capital (CamelCase)"


def test_instagram_set_has_at_most_five_tags_and_follows_the_recommendation(fixture_kb):
    result = suggest_hashtags(fixture_kb, "dermatology", "instagram", topic="acne", city="Boston")
    rules = fixture_kb.platforms["instagram"].hashtags
    assert rules.recommended_min <= len(result.hashtags) <= min(5, rules.recommended_max)
    assert result.limit == 5
    _assert_clean(result, fixture_kb)


def test_tags_flagged_risky_are_never_suggested_even_from_the_specialty_bank(fixture_kb):
    assert "#botox" in fixture_kb.specialties["dermatology"].hashtags.specialty  # the fixture's trap
    for platform in ("instagram", "facebook", "youtube"):
        result = suggest_hashtags(fixture_kb, "derm", platform, topic="wrinkles")
        assert "#botox" not in {t.lower() for t in result.tags}
        assert any("#botox" in n for n in result.notes)


def test_google_business_profile_gets_no_hashtags_and_a_note_saying_why(fixture_kb):
    result = suggest_hashtags(fixture_kb, "cardiology", "gbp", topic="blood pressure", city="Leeds")
    assert result.hashtags == [] and result.limit == 0
    assert any("Google Business Profile" in n for n in result.notes)


def test_city_adds_local_tags_folded_to_ascii_camelcase(fixture_kb):
    result = suggest_hashtags(fixture_kb, "dermatology", "instagram", city="São Paulo")
    local = [t.tag for t in result.hashtags if t.tier == "local"]
    assert local and local[0].startswith("#SaoPaulo")


def test_topic_tier_comes_from_the_topic_and_its_bank_keywords(fixture_kb):
    result = suggest_hashtags(fixture_kb, "dermatology", "youtube", topic="acne")
    assert [t.tag for t in result.hashtags if t.tier == "topic"][0] == "#Acne"
    tiers = [t.tier for t in result.hashtags]
    assert "specialty" in tiers


def test_awareness_tag_appears_only_around_the_observance(fixture_kb):
    in_may = suggest_hashtags(fixture_kb, "dermatology", "instagram", when=dt.date(2027, 5, 2), country="US")
    in_january = suggest_hashtags(fixture_kb, "dermatology", "instagram", when=dt.date(2027, 1, 10), country="US")
    assert "#SkinCancerAwarenessMonth" in in_may.tags
    assert not [t for t in in_january.hashtags if t.tier == "awareness"]


def test_awareness_tag_of_another_country_is_not_suggested(fixture_kb):
    result = suggest_hashtags(fixture_kb, "dermatology", "instagram", when=dt.date(2027, 5, 2), country="IT")
    assert "#SkinCancerAwarenessMonth" not in result.tags  # a US observance


def test_community_tags_named_after_another_platform_stay_off_this_one(fixture_kb):
    result = suggest_hashtags(fixture_kb, "dermatology", "instagram")
    assert "#DermTwitter" not in result.tags


def test_excluded_tiers_are_left_out(fixture_kb):
    result = suggest_hashtags(fixture_kb, "dermatology", "instagram", exclude_tiers=("branded",))
    assert all(t.tier != "branded" for t in result.hashtags)


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("sun safety", "#SunSafety"),
        ("spf", "#SPF"),
        ("self-check", "#SelfCheck"),
        ("Köln", "#Koln"),
        ("", None),
        ("2024", None),
    ],
)
def test_camel_tag_builds_readable_valid_tags(text, tag):
    assert camel_tag(text) == tag


def test_readable_tag_capitalises_lowercase_tags_and_keeps_mixed_case():
    assert readable_tag("#acne") == "#Acne"
    assert readable_tag("#bcsm") == "#BCSM"
    assert readable_tag("#MedTwitter") == "#MedTwitter"


@pytest.mark.slow
def test_every_real_specialty_gets_a_valid_set_on_every_platform(kb):
    for spec_id in kb.specialties:
        for platform in kb.platforms.values():
            result = suggest_hashtags(
                kb,
                spec_id,
                platform.id,
                topic=kb.specialties[spec_id].topics[0].title,
                city="Milan",
                when=dt.date(2027, 5, 1),
                country="US",
            )
            rules = platform.hashtags
            assert len(result.hashtags) <= min(rules.max, rules.recommended_max), (spec_id, platform.id)
            if rules.recommended_max:
                assert len(result.hashtags) >= 1, (spec_id, platform.id)
            _assert_clean(result, kb)


@pytest.mark.slow
def test_real_platform_caps_match_the_reference_figures(kb):
    caps = {p.id: min(p.hashtags.max, p.hashtags.recommended_max) for p in kb.platforms.values()}
    assert caps["instagram"] <= 5
    assert kb.platforms["youtube"].hashtags.max <= 15
    if "threads" in caps:
        assert caps["threads"] <= 1
    if "google_business" in caps:
        assert suggest_hashtags(kb, "dentistry", "google_business").hashtags == []
