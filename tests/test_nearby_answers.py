"""The nearby-card rule, the uncovered countries and the two-part fixes on the real knowledge base and index."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def services(indexed):
    return indexed


def test_who_should_run_it_after_is_tiktok_worth_it_gets_the_staffing_card(services):
    answer = services.chat.answer("Is TikTok worth it for a dental practice, and who should actually run it?")
    assert len(answer.parts) == 2
    assert answer.parts[0].card_id.startswith("start-tiktok")
    assert answer.parts[1].card_id == "in-house-or-agency-which-option"


def test_a_second_part_about_the_platform_itself_keeps_the_platforms_card(services):
    """ "set it up" is TikTok's setup (its "it" is resolved inside the phrase too), never YouTube's."""
    answer = services.chat.answer("Is TikTok worth it for a dentist, and how do I set it up?")
    assert [p.card_id for p in answer.parts][1:] == ["start-tiktok-account-setup"]


@pytest.mark.parametrize(
    ("question", "country", "regulator"),
    [
        (
            "Physio in Cape Town: can I film patients doing their exercises for TikTok?",
            "South Africa",
            "Health Professions Council of South Africa",
        ),
        (
            "Dental clinic in Accra: can we post patient testimonials on Instagram?",
            "Ghana",
            "national medical, dental or health professions council",
        ),
    ],
)
def test_an_uncovered_country_gets_no_other_countrys_variant_and_is_told_whom_to_ask(
    services, question, country, regulator
):
    from assistant.matching import card_regions

    answer = services.chat.answer(question)
    regions = card_regions(services.kb)
    for part in answer.parts:
        assert not part.variant.get("country"), part.variant
        assert part.card_id not in regions, part.card_id
    notice = " ".join(answer.notices)
    assert f"do not cover the rules of {country}" in notice and regulator in notice
    assert answer.country is None


def test_an_uncovered_country_gets_no_yes_or_no_from_a_card_written_for_others(services):
    """The rule sets hold no Singapore rules: a card written for them states its rule, but its "Yes" would be
    Singapore law. (A card resting on Singapore's own guide may answer, and says what that guide says.)"""
    answer = services.chat.answer("Dentist in Singapore: can I post before and after photos?")
    assert answer.card_id
    assert not re.match(r"(?i)(yes|no)\b", answer.lead), answer.lead


@pytest.mark.parametrize(
    ("question", "guide", "regulator"),
    [
        (
            "I'm a counsellor in Johannesburg. Can I advertise on Facebook with reviews from clients?",
            "south-africa-hpcsa",
            "HPCSA",
        ),
        (
            "Dentist in Singapore: can I post before and after photos?",
            "singapore-advertisement-regulations",
            "Advertisement Regulations",
        ),
        (
            "Aesthetic clinic in Dubai: can we post patient testimonials on Instagram?",
            "united-arab-emirates-mohap-dha",
            "Federal Law No. (2) of 2019",
        ),
        (
            "Aesthetic clinic in Riyadh: can we post before-and-after photos on Instagram?",
            "saudi-arabia-moh-scfhs",
            "Law of Practicing Healthcare Professions",
        ),
        (
            "Dental clinic in Lagos: can we post patient testimonials on Instagram?",
            "nigeria-mdcn",
            "MDCN",
        ),
    ],
)
def test_a_country_with_a_guide_of_its_own_gets_it_and_no_notice_that_it_is_not_covered(
    services, question, guide, regulator
):
    """South Africa, Singapore, the UAE, Saudi Arabia and Nigeria have no rule set but a guide of their own: a question
    their guide answers cites it, with no notice that the country is not covered."""
    answer = services.chat.answer(question)
    assert {c.doc_id for c in answer.sources} == {guide}
    assert not any("do not cover" in n for n in answer.notices), answer.notices
    assert regulator in answer.lead


def test_a_us_city_with_a_state_abbreviation_gets_the_us_variant(services):
    answer = services.chat.answer("Dental office in Kirkland WA: can we share patient reviews on Facebook?")
    assert answer.country == "US"


def test_a_card_whose_wordings_miss_the_question_gives_way_to_whole_sections(services):
    """The rule is data (knowledge/data/chat.yaml): with it at its most eager every question that a card
    answered only from a distance is answered by whole sections instead; disabled, the card answers."""
    from assistant.chat.compose import Composer
    from assistant.knowledge.schemas.chat import NearbyCard

    composer: Composer = services.chat.composer
    # Most of its distinctive words (raffle, signed rugby shirt, hospice) are in no wording of the card it matches.
    question = (
        "Can we run a raffle for a signed rugby shirt on our physio clinic's Facebook page to raise money for the "
        "local hospice?"
    )
    saved = composer.nearby
    try:
        composer.nearby = NearbyCard(uncovered=10.0, confidence=0.0, bias=-5.0, abstain_at=0.5)
        eager = services.chat.answer(question)
        composer.nearby = NearbyCard()
        never = services.chat.answer(question)
    finally:
        composer.nearby = saved
    assert never.model == "cards" and never.card_id
    assert eager.model == "sections" and eager.sections and not eager.parts
    for section in eager.sections:
        assert section.text == services.kb.guide(eager.sources[section.n - 1].doc_id).section(section.heading)
