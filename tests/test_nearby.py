"""A card that answers a nearby question is set aside; an uncovered country gets no other country's rules; a later
part's "it" may ask about social media in general (issue 10, development round 9)."""

from __future__ import annotations

import pytest

from assistant.chat.data import chat_data
from assistant.knowledge.countries import Countries
from assistant.knowledge.schemas.chat import NearbyCard
from assistant.matching import CardMatch, CardMatcher
from assistant.question_split import split_question
from tests.fakes import FakeEmbedder


def test_the_nearby_rule_is_data_and_sets_aside_a_card_whose_wordings_miss_the_question():
    rule = chat_data().nearby_card
    assert 0 < rule.abstain_at < 1 and rule.uncovered > 0 and rule.confidence < 0
    assert rule.abstains(1.0, 0.4) and not rule.abstains(0.2, 0.4) and not rule.abstains(1.0, 0.99)
    assert not NearbyCard().abstains(1.0, 0.0)  # without data the rule never abstains


def test_a_bad_nearby_rule_is_a_clear_error():
    with pytest.raises(ValueError, match="abstain_at"):
        NearbyCard.model_validate({"abstain_at": 1.5})


def test_the_uncovered_share_counts_the_question_words_no_wording_of_the_card_uses(fixture_kb):
    matcher = CardMatcher(fixture_kb.cards, FakeEmbedder())
    card = fixture_kb.cards[0]
    own = card.card.questions[0]
    assert matcher.uncovered(own, card) == 0.0
    assert matcher.uncovered(f"{own} zyxwv qqqqq", card) > 0.3
    assert matcher.uncovered("zyxwv qqqqq", card) == 1.0
    found = matcher.match(f"{own} zyxwv", k=2)
    assert found[0].uncovered > 0 and found[1].uncovered == 0.0  # the top card only


def test_an_it_inside_a_phrasal_verb_means_the_first_parts_subject():
    split = split_question("Is TikTok worth it for a dentist, and how do I set it up?")
    assert split.resolved(split.questions[1]) == "how do I set TikTok up?"
    assert split.generic(split.questions[1]) == "how do I set social media up?"


def test_a_later_parts_it_can_also_mean_social_media_in_general():
    split = split_question("Is TikTok worth it for a dental practice, and who should actually run it?")
    first, second = split.questions
    assert split.generic(first) is None
    assert split.generic(second) == "who should actually run social media?"
    assert split.resolved(second) == "who should actually run TikTok?"
    assert (
        split_question("Is TikTok worth it, and how often should we post?").generic("how often should we post?") is None
    )


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("Dentist in Spokane here, how often should we post?", "US"),
        ("Our clinic in Kirkland WA keeps getting fake reviews", "US"),
        ("Physio in Austin, TX: can we repost reviews?", "US"),
        ("Chiropractor in Tacoma, can I film adjustments?", "US"),
        ("Perth WA physio here", "AU"),
        ("Family doctor in Kelowna, BC", "CA"),
    ],
)
def test_us_cities_and_state_abbreviations_read_as_the_us(kb, question, code):
    assert kb.countries.named_in(question) == code


def test_a_state_abbreviation_counts_only_after_a_place_name(kb):
    for text in ("Should we use Instagram OR Facebook?", "Is it OK to post this?", "IN my clinic we film", "ME too"):
        assert kb.countries.named_in(text) is None, text


def test_a_country_the_guides_do_not_cover_is_named_with_no_rule_set(kb):
    assert kb.countries.named_in("I'm a counsellor in Johannesburg") == "ZA"
    assert kb.countries.named_in("Dentist in Singapore here") == "SG"
    assert kb.countries.rules_for("ZA") is None and kb.countries.name_of("ZA") == "South Africa"
    assert kb.countries.uncovered_country("ZA").regulator and kb.countries.uncovered_country("PK").regulator is None


def test_an_uncovered_country_needs_a_name_and_a_cue():
    with pytest.raises(ValueError, match="cues"):
        Countries.model_validate(
            {
                "countries": [{"code": "GB", "name": "United Kingdom", "rules": "GB", "cues": ["NHS"]}],
                "uncovered": [{"code": "ZA", "name": "South Africa", "cues": []}],
            }
        )


def test_a_close_runner_up_whose_wordings_cover_the_question_answers_instead(fixture_kb):
    from assistant.matching import CardMatch

    matcher = CardMatcher(fixture_kb.cards, FakeEmbedder())
    first, second = fixture_kb.cards[0], fixture_kb.cards[1]
    question = second.card.questions[0]
    top = CardMatch(first, 0.70, first.card.questions[0], 0.66, 0.01, question, matcher.uncovered(question, first))
    runner = CardMatch(second, 0.69, question, 0.0, 0.0, question)
    assert top.uncovered > 0.15 and matcher.uncovered(question, second) == 0.0
    rule = NearbyCard(switch_within=0.02, switch_gain=0.15)
    chosen = matcher.closer(question, [top, runner], rule)
    assert chosen.card.id == second.id and chosen.confidence == top.confidence
    far = CardMatch(second, 0.60, question, 0.0, 0.0, question)
    assert matcher.closer(question, [top, far], rule).card.id == first.id  # not close enough in score
    assert matcher.closer(question, [top, runner], NearbyCard()).card.id == first.id  # the rule off


def test_a_modest_card_whose_wordings_cover_the_question_carries_no_nearby_notice(kb):
    # Below the close-card confidence, "this answers a nearby question" is said only when enough of the question's
    # distinctive words are missing from the card's wordings (chat.yaml nearby_card.notice_at).
    from assistant.chat.compose import Composer

    data = chat_data()
    composer = Composer(kb, None, data.answer, nearby=data.nearby_card)
    card = kb.cards[0]
    covered = CardMatch(card, 0.5, card.card.questions[0], 0.56, uncovered=0.6)
    missed = CardMatch(card, 0.5, card.card.questions[0], 0.56, uncovered=0.9)
    sure = CardMatch(card, 0.5, card.card.questions[0], 0.8, uncovered=0.9)
    assert 0 < data.nearby_card.notice_at < data.nearby_card.abstain_at
    assert not composer._close_card(covered)
    assert composer._close_card(missed) and not composer._close_card(sure)
    assert Composer(kb, None, data.answer)._close_card(covered)  # no nearby data: the confidence alone decides
