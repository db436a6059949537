"""Matching a question to an answer card: the right card, a confidence that separates, a cache that is reused."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from assistant.matching import CardMatcher, card_regions
from tests.fakes import CountingEmbedder, FakeEmbedder


@pytest.fixture(scope="module")
def matcher(fixture_kb):
    return CardMatcher(fixture_kb.cards, FakeEmbedder())


def test_a_wording_close_to_a_cards_questions_finds_that_card(matcher):
    assert matcher.match("how should we reply to a one star google review")[0].card.id == "review-replies-one-star"
    assert matcher.match("someone is threatening to sue us in a review")[0].card.id == "review-replies-threat"
    assert matcher.match("setting up a facebook page for our practice")[0].card.id == "review-replies-facebook-page"


def test_the_match_reports_the_cards_own_wording_that_fit_best(matcher):
    best = matcher.match("How do I set up a Facebook page for the practice?")[0]
    assert best.question == "How do I set up a Facebook page for the practice?"


def test_confidence_is_a_probability_and_higher_for_a_card_question_than_for_an_unrelated_one(matcher):
    asked = matcher.match("A reviewer is threatening to sue us, what do we do?")[0].confidence
    unrelated = matcher.match("which colour should the waiting room walls be painted")[0].confidence
    assert 0.0 <= unrelated < asked <= 1.0


def test_a_cards_shortfall_is_how_far_it_scores_below_the_best_card(matcher):
    asked = "someone is threatening to sue us in a review"
    found = matcher.match(asked, k=2)
    assert matcher.shortfall(asked, found[0].card.id) == 0.0
    assert matcher.shortfall(asked, found[1].card.id) == pytest.approx(found[0].score - found[1].score)
    assert matcher.shortfall(asked, "no-such-card") == float("inf")


def test_an_empty_question_and_an_empty_card_set_match_nothing(fixture_kb):
    assert CardMatcher(fixture_kb.cards, FakeEmbedder()).match("   ") == []
    assert CardMatcher((), FakeEmbedder()).match("anything") == []


def test_vectors_and_the_fit_are_cached_and_reused(fixture_kb, tmp_path):
    first = CountingEmbedder(FakeEmbedder())
    built = CardMatcher(fixture_kb.cards, first, tmp_path)
    assert first.documents and list(tmp_path.glob("card-questions-*.npz"))
    second = CountingEmbedder(FakeEmbedder())
    reused = CardMatcher(fixture_kb.cards, second, tmp_path)
    assert second.documents == []  # nothing re-embedded
    assert np.allclose(reused.vectors, built.vectors) and reused.calibration == built.calibration


def test_a_damaged_cache_is_rebuilt_not_trusted(fixture_kb, tmp_path):
    CardMatcher(fixture_kb.cards, FakeEmbedder(), tmp_path)
    (cache,) = tmp_path.glob("card-questions-*.npz")
    cache.write_bytes(b"not a numpy file")
    counting = CountingEmbedder(FakeEmbedder())
    rebuilt = CardMatcher(fixture_kb.cards, counting, tmp_path)
    assert counting.documents and rebuilt.match("threatening review")[0].card.id == "review-replies-threat"


def test_a_two_part_question_is_answered_by_two_cards(fixture_kb):
    matcher = CardMatcher(fixture_kb.cards, FakeEmbedder())
    question = (
        "How do I set up a Facebook page for the practice? And what do we do when a reviewer threatens to sue us?"
    )
    cards = [m.card.id for m in matcher.answer_cards(question)]
    assert cards == ["review-replies-facebook-page", "review-replies-threat"]


@pytest.mark.slow
def test_a_card_for_another_country_moves_down_for_an_asker_from_elsewhere(kb, embedder):
    regions = card_regions(kb)
    assert regions, "some cards are written for one country"
    matcher = CardMatcher(kb.cards, embedder, regions=regions)
    question = "Can we advertise anti-wrinkle injections on Instagram?"
    au = matcher.match(question, k=1, country="AU")[0].card.id
    gb = matcher.match(question, k=1, country="GB")[0].card.id
    assert regions[au] == {"AU"} and "GB" in regions[gb]


def test_bm25_scores_are_rank_bm25s_own_numbers():
    from rank_bm25 import BM25Okapi

    from assistant.bm25 import BM25
    from assistant.retrieval import tokenize

    docs = [tokenize(t) for t in ("reply to a bad google review", "set up a facebook page", "review review gating")]
    ours, theirs = BM25(docs), BM25Okapi(docs)
    for query in ("google review review", "facebook page setup", "nothing shared here"):
        assert np.allclose(ours.get_scores(tokenize(query)), theirs.get_scores(tokenize(query)))
    matrix = ours.score_matrix([tokenize("google review"), tokenize("facebook")])
    assert np.allclose(matrix[1], theirs.get_scores(["facebook"])) and matrix.shape == (2, 3)


def test_a_short_follow_up_does_not_bring_a_second_card_it_barely_fits(fixture_kb):
    matcher = CardMatcher(fixture_kb.cards, FakeEmbedder())
    question = "How do I set up a Facebook page for the practice, and what do I need?"
    assert [m.card.id for m in matcher.answer_cards(question)] == ["review-replies-facebook-page"]
    assert matcher.match(question)[0].margin > 0 and matcher.match(question)[0].asked == question


def test_two_questions_after_a_context_sentence_are_each_matched_with_that_context(fixture_kb):
    matcher = CardMatcher(fixture_kb.cards, FakeEmbedder())
    question = (
        "We're a small dental practice. How do I set up a Facebook page for the practice? "
        "Also, what do we do when a reviewer threatens to sue us?"
    )
    found = matcher.answer_cards(question)
    assert [m.card.id for m in found] == ["review-replies-facebook-page", "review-replies-threat"]
    # each part keeps the asker's own words for that part (its heading, and whether a verdict fits it)
    assert [m.asked for m in found] == [
        "How do I set up a Facebook page for the practice?",
        "Also, what do we do when a reviewer threatens to sue us?",
    ]


def test_a_single_question_with_and_in_it_is_answered_by_one_card(fixture_kb):
    matcher = CardMatcher(fixture_kb.cards, FakeEmbedder())
    for question in (
        "How do I reply to a 1-star Google review and stay within confidentiality rules?",
        "What do we do when a reviewer threatens to sue us and posts more bad reviews?",
    ):
        assert len(matcher.answer_cards(question)) == 1, question


@pytest.mark.slow
def test_real_two_part_messages_split_and_one_part_messages_do_not(kb, embedder):
    # the session's shared cache: the card vectors are embedded once for every test that needs them
    matcher = CardMatcher(kb.cards, embedder, Path(os.environ["ASSISTANT_CACHE_DIR"]), regions=card_regions(kb))
    two = [
        "Should doctors be on social media at all, and how much time does it take?",
        "I'm a GP in Leeds. Should I use Facebook or Instagram, and how often should I post?",
        "How often should I post on Instagram? Also, what should I do about negative reviews?",
    ]
    for question in two:
        found = matcher.answer_cards(question)
        assert len(found) == 2 and found[0].card.id != found[1].card.id, question
    one = [
        "How do I find and use the right hashtags for my dental practice?",
        "How do I respond to negative and fake reviews?",
        "Can my staff and I film videos in the clinic?",
        "How do I balance social media and clinical work without burning out?",
    ]
    for question in one:
        assert len(matcher.answer_cards(question)) == 1, question


@pytest.mark.slow
def test_the_askers_country_breaks_a_near_tie_but_never_overrides_the_topic(kb, embedder):
    matcher = CardMatcher(kb.cards, embedder, Path(os.environ["ASSISTANT_CACHE_DIR"]), regions=card_regions(kb))
    regions = card_regions(kb)
    question = "How often should a dental practice in Leeds post?"
    general = matcher.match(question, k=1)[0].card  # where the asker is unknown: the topic's own card
    found = matcher.match(question, k=1, country="GB", code="GB")[0].card
    assert not regions.get(general.id) and found.id == general.id
    # ...while between two cards on one topic that fit almost equally, the asker's country decides
    matches = matcher.match("Physio in Toronto: can I post patient testimonials?", k=2, country="CA", code="CA")
    assert "CA" in regions.get(matches[0].card.id, ()) and not regions.get(matches[1].card.id)


def test_two_parts_outrank_a_whole_message_card_that_is_only_a_nearby_question(fixture_kb):
    """The whole message matching a third card with a confidence that reads as a nearby question (below
    NEARBY_WHOLE) gives way to the two cards its parts match, even when one part is a hair less confident."""

    from assistant.matching import NEARBY_WHOLE, CardMatch

    matcher = CardMatcher(fixture_kb.cards, FakeEmbedder())
    question = "How do I set up a Facebook page for the practice? And what do we do when a reviewer threatens to sue?"
    page, threat, other = (
        fixture_kb.card(i) for i in ("review-replies-facebook-page", "review-replies-threat", "review-replies-one-star")
    )
    parts = {page.id: 0.57, threat.id: 0.8}

    def whole(confidence):
        matcher.best = lambda *a, **k: CardMatch(other, 1.0, other.card.questions[0], confidence, 0.1, question)
        return [m.card.id for m in matcher.answer_cards(question)]

    def part_of(split, q, whole_match, country, code, profession=None, excluded=frozenset()):
        card = page if "Facebook" in q else threat
        return CardMatch(card, 1.0, card.card.questions[0], parts[card.id], 0.1, q)

    matcher._part_of = part_of
    assert whole(NEARBY_WHOLE - 0.02) == [page.id, threat.id]  # a nearby card: the parts answer
    assert whole(0.58) == [page.id, threat.id]
    assert whole(NEARBY_WHOLE + 0.05) == [other.id]  # sure enough of the whole, above the weaker part: it answers


def test_a_card_for_some_professions_is_left_out_only_for_an_asker_who_names_another(fixture_kb):
    """A psychologists' testimonial rule reached an occupational therapist: a card's `specialties` keep it for the
    professions it is written for; an asker who names no profession still gets it."""
    cards = list(fixture_kb.cards)
    scoped = fixture_kb.card("review-replies-threat")
    cards[cards.index(scoped)] = scoped.model_copy(
        update={"card": scoped.card.model_copy(update={"specialties": ("psychiatry_psychotherapy",)})}
    )
    matcher = CardMatcher(cards, FakeEmbedder())
    question = "someone is threatening to sue us in a review"
    assert matcher.match(question, k=1)[0].card.id == scoped.id
    assert matcher.match(question, k=1, profession="psychiatry_psychotherapy")[0].card.id == scoped.id
    assert matcher.match(question, k=1, profession="dentistry")[0].card.id != scoped.id
    assert matcher.match(question, k=1, profession="")[0].card.id != scoped.id  # a field no specialty covers
    assert [m.card.id for m in matcher.answer_cards(question, profession="dentistry")] != [scoped.id]


def test_the_therapists_cards_are_written_for_therapists_only(kb):
    """The real cards carry the scope: the therapists' theme and the therapists' card on friend requests."""
    scoped = {c.id: c.scope for c in kb.cards if c.scope}
    theme = [c.id for c in kb.cards if c.theme == "therapists-and-counsellors"]
    assert theme and all(scoped.get(i) == ("psychiatry_psychotherapy",) for i in theme)
    assert scoped.get("patient-friend-requests-therapists") == ("psychiatry_psychotherapy",)
    assert all(s in kb.specialties for scope in scoped.values() for s in scope)


def test_a_part_matched_below_part_confidence_gets_no_card_and_is_named_as_unanswered(fixture_kb):
    """A part whose best card is a weak fit ("a free adjustment for anyone who refers a friend" matched to friend
    requests) brings no card: the other part's card answers, and the match names the part left unanswered."""
    from assistant.matching import PART_CONFIDENT, CardMatch

    matcher = CardMatcher(fixture_kb.cards, FakeEmbedder())
    question = "How do I set up a Facebook page for the practice? And what do we do when a reviewer threatens to sue?"
    page, threat, other = (
        fixture_kb.card(i) for i in ("review-replies-facebook-page", "review-replies-threat", "review-replies-one-star")
    )
    parts = {page.id: 0.8, threat.id: PART_CONFIDENT - 0.05}
    matcher.best = lambda *a, **k: CardMatch(other, 1.0, other.card.questions[0], 0.45, 0.1, question)

    def part_of(split, q, whole_match, country, code, profession=None, excluded=frozenset()):
        card = page if "Facebook" in q else threat
        return CardMatch(card, 1.0, card.card.questions[0], parts[card.id], 0.1, q)

    matcher._part_of = part_of
    found = matcher.answer_cards(question)
    assert [m.card.id for m in found] == [page.id]
    assert found[0].unanswered.startswith("And what do we do when a reviewer threatens")
    parts[threat.id] = PART_CONFIDENT + 0.05  # confident enough: both parts answered, nothing left unanswered
    found = matcher.answer_cards(question)
    assert [m.card.id for m in found] == [page.id, threat.id] and not any(m.unanswered for m in found)


@pytest.mark.slow
def test_a_named_platform_counts_for_less_than_what_the_question_asks_about_it(kb, embedder):
    from assistant.chat.engine import card_matcher

    cache = Path(os.environ["ASSISTANT_CACHE_DIR"])
    damped = card_matcher(kb, embedder, cache)
    plain = CardMatcher(kb.cards, embedder, cache, card_regions(kb))  # no platform names: the name weighs in full
    trends = "Our hygienist wants to film TikTok dance trends in the surgery between patients. Any problem with that?"
    consults = "Followers keep asking for quick advice in our Instagram DMs. Can I charge for short consults there?"
    assert plain.match(trends, k=1)[0].card.id == "start-tiktok-what-to-avoid"
    assert damped.match(trends, k=1)[0].card.id == "filming-in-the-clinic-staff-trend-videos"
    assert damped.match(consults, k=1)[0].card.id == "telehealth-and-online-services-consults-in-messages"
    # ...while a question about the platform itself keeps the platform's card
    assert damped.match("Is it worth starting a YouTube channel for my dermatology clinic?", k=1)[0].card.id == (
        "start-youtube-worth-it"
    )


def test_a_platform_found_without_a_name_is_left_undamped_not_an_error(fixture_kb):
    from assistant.matching import PlatformNames

    unnamed = PlatformNames(lambda text: ["whatsapp"], {})  # a pattern for a platform the data gives no name
    damped = CardMatcher(fixture_kb.cards, FakeEmbedder(), platforms=unnamed)
    plain = CardMatcher(fixture_kb.cards, FakeEmbedder())
    question = "How do I reply to a one-star review on WhatsApp?"
    found, expected = damped.match(question, k=2), plain.match(question, k=2)
    assert [(m.card.id, m.score) for m in found] == [(m.card.id, m.score) for m in expected]
    assert damped.match("   ") == []


def test_a_country_the_general_cards_do_not_speak_for_gets_its_own_card_on_its_own_topic_only(kb, embedder):
    """Singapore bans testimonials that the general card allows with consent: its own card answers a clinic there,
    while a question on another topic (how often to post) keeps the topic's general card."""
    matcher = CardMatcher(kb.cards, embedder, Path(os.environ["ASSISTANT_CACHE_DIR"]), regions=card_regions(kb))
    regions = card_regions(kb)
    reviews = (
        "Our family clinic in Tampines wants to share screenshots of our five-star Google reviews on Instagram. Ok?"
    )
    assert not regions.get(matcher.match(reviews, k=1)[0].card.id)  # nowhere named: the general card
    assert regions.get(matcher.match(reviews, k=1, country="SG", code="SG")[0].card.id) == frozenset({"SG"})
    often = "How often should our clinic in Bedok post on Instagram?"
    assert not regions.get(matcher.match(often, k=1, country="SG", code="SG")[0].card.id)
    dms = "Practice in Hamburg - can I reply to patients' questions in Instagram DMs under GDPR?"  # no ad rules
    assert regions.get(matcher.match(dms, k=1, country="EU", code="DE")[0].card.id) != frozenset({"DE"})


def test_a_general_card_overruled_in_the_askers_country_gives_way_to_that_countrys_card(kb, embedder):
    """South Africa's HPCSA and Singapore's regulations ban the review reposts the general card allows with consent:
    there the country's own card answers, in the general card's place, once, with the wording the asker matched."""
    matcher = CardMatcher(kb.cards, embedder, Path(os.environ["ASSISTANT_CACHE_DIR"]), regions=card_regions(kb))
    question = "Can we turn our best Google reviews into Instagram posts?"
    general = matcher.match(question, k=3)
    overruled = general[0].card.card.overruled_in
    assert set(overruled) >= {"ZA", "SG"}
    for code in ("ZA", "SG"):
        here = matcher.match(question, k=3, country=code, code=code)
        assert here[0].card.id == overruled[code] and here[0].question == general[0].question
        assert len({m.card.id for m in here}) == len(here)
    assert [m.card.id for m in matcher.match(question, k=3, country="AU", code="AU")][0] == general[0].card.id


@pytest.mark.parametrize(
    "question,code,card",
    [
        # Singapore's regulations ban before-and-after photos in advertising, consent or not
        (
            "Patients agreed in writing: can our orthodontic clinic post their smile transformations?",
            "SG",
            "singapore-claims-and-photos",
        ),
        # the HPCSA counts free treatment to attract patients as touting
        (
            "Can our new dental practice offer free teeth whitening to the first 20 patients?",
            "ZA",
            "south-africa-best-claims-and-offers",
        ),
    ],
)
def test_a_general_card_on_photos_or_offers_gives_way_where_the_country_bans_them(kb, embedder, question, code, card):
    matcher = CardMatcher(kb.cards, embedder, Path(os.environ["ASSISTANT_CACHE_DIR"]), regions=card_regions(kb))
    general = matcher.match(question, k=1)[0]
    assert general.card.card.overruled_in.get(code) == card
    assert matcher.match(question, k=1, country=code, code=code)[0].card.id == card


def test_a_country_card_answering_in_a_general_cards_place_counts_as_a_right_match_in_the_calibration(kb, embedder):
    """The calibration learns from cards matching each other's wordings: a Kenyan testimonial wording matched by the
    general testimonial card is matched right (the country decides between them), though they share no section."""
    matcher = CardMatcher(kb.cards, embedder, Path(os.environ["ASSISTANT_CACHE_DIR"]), regions=card_regions(kb))
    general, kenyan = (matcher._position[i] for i in ("testimonials-can-we-post", "kenya-testimonials-and-reviews"))
    assert not matcher._sections[general] & matcher._sections[kenyan]
    assert matcher._same_answer(general, kenyan) and matcher._same_answer(kenyan, general)
    assert not matcher._same_answer(general, matcher._position["posting-frequency-how-often"])


def test_the_dentists_rules_answer_dentists_and_orthodontists_never_another_profession(kb, tmp_path):
    """A podiatrist asking whether a rival may post before-and-after photos gets no dentists' card, however close its
    words; an asker whose profession is unknown still may."""
    matcher = CardMatcher(kb.cards, FakeEmbedder(), tmp_path)
    asked = "Can a practice post before and after smile photos of whitening with 'guaranteed' in the caption?"
    podiatrist = [m.card.id for m in matcher.match(asked, k=10, profession="podiatry")]
    anyone = [m.card.id for m in matcher.match(asked, k=10)]
    dentist = [m.card.id for m in matcher.match(asked, k=10, profession="dentistry")]
    assert not any(c.startswith("dentists-rules") for c in podiatrist)
    assert any(c.startswith("dentists-rules") for c in anyone) and any(c.startswith("dentists-rules") for c in dentist)
