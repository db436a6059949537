"""Composing the offline answer: a card fitted to the asker, its citations renumbered to real sections."""

from __future__ import annotations

from assistant.chat.compose import Asker, Numbering, best_sections, card_part, choose_variant, structure_from_text
from assistant.chat.data import chat_data
from assistant.chat.markdown import answer_markdown
from assistant.chat.models import Answer
from assistant.matching import CardMatch
from assistant.retrieval import Passage


def _match(kb, card_id: str) -> CardMatch:
    card = kb.card(card_id)
    return CardMatch(card, 1.0, card.card.questions[0], 0.9)


def test_without_a_country_or_specialty_the_default_card_applies(fixture_kb):
    card = fixture_kb.card("review-replies-one-star").card
    assert choose_variant(card, Asker()) is None


def test_a_uk_asker_gets_the_uk_variant_and_a_dermatologist_the_dermatology_one(fixture_kb):
    card = fixture_kb.card("review-replies-one-star").card
    assert choose_variant(card, Asker(country="GB")).add.startswith("In the UK")
    assert choose_variant(card, Asker(specialty="dermatology")).watch_out[0].text.startswith("Do not refer to skin")
    assert choose_variant(card, Asker(country="US", specialty="cardiology")) is None


def test_a_part_renumbers_the_cards_markers_into_the_answers_own_numbering(fixture_kb):
    numbering = Numbering(fixture_kb)
    numbering.cite("platform-facebook", "What to avoid on Facebook")  # [1] is taken by an earlier part
    part = card_part(_match(fixture_kb, "review-replies-one-star"), Asker(country="GB"), numbering)
    assert part.lead.endswith("[2].") and "[1]" not in part.lead
    assert part.note.startswith("In the UK") and part.variant == {"country": ["GB"]}
    cited = {(c.doc_id, c.heading) for c in numbering.citations}
    assert ("negative-reviews", "Keep the reply generic") in cited and (
        "threatening-reviews",
        "Do not engage publicly",
    ) in cited


def test_each_citation_quotes_its_whole_section_and_links_that_sections_own_source(fixture_kb):
    numbering = Numbering(fixture_kb)
    n = numbering.cite("negative-reviews", "Keep the reply generic")
    citation = numbering.citations[n - 1]
    guide = fixture_kb.guide("negative-reviews")
    assert citation.passage == guide.section("Keep the reply generic") and citation.passage
    assert citation.url == str(guide.source_for("Keep the reply generic").url)


def _passage(kb, doc_id, heading, text, score):
    guide = kb.guide(doc_id)
    return Passage(
        doc_id=doc_id,
        title=guide.meta.title,
        heading=heading,
        text=text,
        score=score,
        sources=[],
        chunk_id=f"{doc_id}#{heading}",
        category=guide.meta.category,
        topics=[],
        platforms=[],
        specialties=[],
    )


def test_without_a_card_the_answer_is_whole_sections_never_pieces_of_several(fixture_kb):
    passages = [
        _passage(fixture_kb, "platform-instagram", "What to avoid on Instagram", "a piece", 0.9),
        _passage(fixture_kb, "platform-instagram", "What to avoid on Instagram", "another piece", 0.88),
        _passage(fixture_kb, "platform-facebook", "What to avoid on Facebook", "x", 0.80),
        _passage(fixture_kb, "platform-youtube", "Channel setup step by step", "y", 0.3),
    ]
    sections = best_sections(passages, Numbering(fixture_kb), fixture_kb)
    assert [s.heading for s in sections] == ["What to avoid on Instagram"]  # another guide's section: a collage
    assert sections[0].text == fixture_kb.guide("platform-instagram").section("What to avoid on Instagram")


def test_a_guide_with_instruction_like_text_keeps_its_defused_passage(fixture_kb):
    passages = [_passage(fixture_kb, "platform-instagram", "What to avoid on Instagram", "defused text", 0.9)]
    (section,) = best_sections(passages, Numbering(fixture_kb), fixture_kb, tainted={"platform-instagram"})
    assert section.text == "defused text"


def test_the_markdown_puts_drafts_first_then_the_answer_then_numbered_sources(fixture_kb):
    from assistant.chat.models import Draft

    numbering = Numbering(fixture_kb)
    part = card_part(_match(fixture_kb, "review-replies-threat"), Asker(), numbering)
    answer = Answer(
        text="",
        parts=[part],
        lead=part.lead,
        sources=numbering.citations,
        drafts=[Draft(kind="caption", title="Instagram caption", text="Hello world")],
    )
    text = answer_markdown(answer, chat_data().answer)
    assert text.index("Hello world") < text.index(part.lead) < text.index("### Sources")
    assert "1. Take screenshots" in text and "[1] " in text.split("### Sources")[1]


def test_a_models_answer_is_read_back_into_lead_steps_and_cautions():
    text = (
        "Yes, reply, but never confirm the reviewer is a patient [1].\n\n1. Thank them [1].\n2. Invite a call [2]."
        "\n\nWatch out:\n\n- Never mention treatment [1]."
    )
    lead, steps, watch = structure_from_text(text)
    assert lead.startswith("Yes, reply") and steps == ["Thank them [1].", "Invite a call [2]."]
    assert watch == ["Never mention treatment [1]."]


def _asked(kb, card_id: str, asked: str, confidence: float, margin: float) -> CardMatch:
    card = kb.card(card_id)
    return CardMatch(card, 1.0, card.card.questions[0], confidence, margin, asked)


def _review_turn(question: str):
    """A review-reply turn with nothing else known about the asker, as the composer reads it."""
    from types import SimpleNamespace

    return SimpleNamespace(
        query=question, question=question, masked=question, off_topic=False, covered=True, country=None,
        specialty=None, platforms=[], platforms_named=False, intent="review_reply", language="en", masked_kinds=[],
        warnings=[], passages=[], tainted=set(),
    )  # fmt: skip


def test_a_cards_verdict_opens_the_answer_only_for_a_yes_no_question_matched_with_confidence(fixture_kb):
    sure = _asked(fixture_kb, "review-replies-one-star", "Should we answer a one-star review?", 0.9, 0.2)
    part = card_part(sure, Asker(), Numbering(fixture_kb))
    assert part.lead.startswith("Yes, reply briefly")
    # the same card matched by a hair, or for a how/what question: the rule without a "Yes" it may not fit
    for shaky in (
        _asked(fixture_kb, "review-replies-one-star", "Should we answer a one-star review?", 0.5, 0.01),
        _asked(fixture_kb, "review-replies-one-star", "How do we get a one-star review taken down?", 0.95, 0.3),
    ):
        lead = card_part(shaky, Asker(), Numbering(fixture_kb)).lead
        assert not lead.startswith("Yes") and lead.startswith("Reply briefly and calmly, but never confirm")
        assert lead.endswith("[1].")


def test_taking_off_a_verdict_keeps_the_sentence_and_leaves_other_leads_alone():
    from assistant.chat.compose import without_verdict

    assert without_verdict("No. Yelp's guidelines say businesses should not ask for reviews [1].").startswith("Yelp's")
    assert without_verdict("No, it is not unprofessional to post honest and compliant content [1].").startswith(
        "It is not unprofessional"
    )
    assert without_verdict("Not on its own: Facebook can do a lot for a practice with a real plan [1].").startswith(
        "Facebook can do a lot"
    )
    assert without_verdict("Yes, if you can keep one profile alive: patients search before they book [1].").startswith(
        "Patients search before they book"
    )
    plain = "No advertising pixels or session-replay scripts on booking pages or forms [1]."
    assert without_verdict(plain) == plain


def test_a_conditional_yes_taken_off_still_reads_as_a_sentence():
    from assistant.chat.compose import without_verdict

    lead = "Yes, if the patient signs a written authorization before filming that names this video [1]."
    assert (
        without_verdict(lead)
        == "It works if the patient signs a written authorization before filming that names this video [1]."
    )
    assert without_verdict("Yes, with a parent's written consent naming the exact photos and channels [1].").startswith(
        "It works with a parent's written consent"
    )
    conditional_no = "No, unless the patient signs a written authorization that names this video and channel [1]."
    assert without_verdict(conditional_no) == conditional_no  # without its "No" it would say the opposite
    # "Yes, but only if ..." is a condition too; "No, but ..." keeps its "No".
    but_only = "Yes, but only if the images are real, unedited and shown with the risks and recovery [1]."
    assert (
        without_verdict(but_only)
        == "It works only if the images are real, unedited and shown with the risks and recovery [1]."
    )
    no_but = "No, but you can post general information about the procedure and its risks [1]."
    assert without_verdict(no_but) == no_but


def test_a_two_part_question_reads_as_one_reply_a_lead_for_both_then_each_parts_steps_under_its_question(
    fixture_kb,
):
    from assistant.chat.compose import Composer
    from assistant.matching import CardMatcher
    from tests.fakes import FakeEmbedder

    question = (
        "We're a small dental practice. Should we answer a one-star review? "
        "Also, what do we do when a reviewer threatens to sue us?"
    )
    turn = _review_turn(question)
    words = chat_data().answer
    composer = Composer(fixture_kb, CardMatcher(fixture_kb.cards, FakeEmbedder()), words)
    answer = composer.compose(turn, None)
    first, second = answer.parts
    assert [first.card_id, second.card_id] == ["review-replies-one-star", "review-replies-threat"]
    assert [first.heading, second.heading] == [
        "Should we answer a one-star review?",
        "What do we do when a reviewer threatens to sue us?",
    ]
    # one lead answers both parts, the second introduced as such; neither part repeats its lead below it
    assert answer.lead.startswith(first.lead) and answer.lead.endswith(second.lead[1:])
    assert "On your second question, " in answer.lead and "second question:" not in answer.lead
    text = answer_markdown(answer, words)
    assert text.count(first.lead) == 1 and text.index(answer.lead) < text.index(f"**{first.heading}**")
    assert text.index(f"**{first.heading}**") < text.index(f"**{second.heading}**") < text.index("### Sources")


def test_a_section_no_source_names_is_linked_to_the_source_its_text_credits_not_the_guides_first():
    from assistant.knowledge.models import Guide

    meta = {
        "id": "platforms",
        "title": "Choosing platforms",
        "summary": "How a practice picks its platforms by goal and audience.",
        "category": "strategy",
        "topics": ["strategy"],
        "platforms": ["all"],
        "specialties": ["all"],
        "sources": [
            {"title": "Pew Research Center: Social media fact sheet", "url": "https://example.org/pew", "year": 2025},
            {"title": "Rival IQ: Benchmark report", "url": "https://example.org/rival", "year": 2023},
            {"title": "Brandwatch: LinkedIn specs", "url": "https://example.org/bw", "year": 2025, "sections": ["B"]},
        ],
        "updated": "2026-12-01",
    }
    body = (
        "## A\n\nOrganic reach is small: 0.06% per post (Rival IQ, 2023), and more (Pew Research, 2025).\n\n"
        "## B\n\nVideo grows (Rival IQ, 2023).\n\n## C\n\nStart with one platform.\n"
    )
    guide = Guide.model_validate({"meta": meta, "body": body, "path": "guides/platforms.md"})
    assert guide.source_for("A").title.startswith("Rival IQ")  # the first source the section's own text credits
    assert guide.source_for("B").title.startswith("Brandwatch")  # a source naming the section comes first
    assert guide.source_for("C").title.startswith("Pew")  # credited nowhere: the guide's first source


def test_without_a_card_a_second_section_comes_only_from_the_first_ones_guide(fixture_kb):
    # Two guides' sections side by side read as a collage: the best section alone, or two of one guide.
    other_guide = [
        _passage(fixture_kb, "platform-instagram", "What to avoid on Instagram", "a piece", 0.9),
        _passage(fixture_kb, "platform-facebook", "What to avoid on Facebook", "x", 0.88),
    ]
    sections = best_sections(other_guide, Numbering(fixture_kb), fixture_kb)
    assert [s.heading for s in sections] == ["What to avoid on Instagram"]
    headings = fixture_kb.guide("platform-instagram").headings
    same_guide = [
        _passage(fixture_kb, "platform-instagram", headings[0], "a piece", 0.9),
        _passage(fixture_kb, "platform-facebook", "What to avoid on Facebook", "x", 0.88),
        _passage(fixture_kb, "platform-instagram", headings[1], "another", 0.86),
    ]
    sections = best_sections(same_guide, Numbering(fixture_kb), fixture_kb)
    assert [s.heading for s in sections] == [headings[0], headings[1]]


def test_a_part_no_card_answers_is_named_in_a_plain_notice_not_answered_by_another_card(fixture_kb):
    from dataclasses import replace

    from assistant.chat.compose import Composer

    question = "Should we answer a one-star review? Also, can we offer a free check-up for every referral?"
    other = "Also, can we offer a free check-up for every referral?"

    class OnePart:
        cards = ()

        def answer_cards(self, question, country=None, code=None, nearby=None, profession=None, excluded=frozenset()):
            return [replace(_match(fixture_kb, "review-replies-one-star"), asked=question, unanswered=other)]

    turn = _review_turn(question)
    words = chat_data().answer
    answer = Composer(fixture_kb, OnePart(), words).compose(turn, None)
    assert [p.card_id for p in answer.parts] == ["review-replies-one-star"]
    assert any("Can we offer a free check-up for every referral?" in n for n in answer.notices)
    assert all("second question" not in n for n in answer.notices) and "second question" not in answer.lead


def test_follow_up_questions_leave_out_cards_written_for_another_country_than_the_askers(kb):
    """Under an answer for a known country, "You might also ask" offers no card written for other countries' rules;
    the asker of that country, and one whose country is unknown, still get it."""
    from assistant.chat.compose import Composer
    from assistant.matching import CardMatcher, card_regions
    from tests.fakes import FakeEmbedder

    regions = card_regions(kb)
    composer = Composer(kb, CardMatcher(kb.cards, FakeEmbedder(), regions=regions), words=None)
    checked = 0
    for card in kb.cards:
        scoped = [r for r in card.card.related if regions.get(r)]
        if not scoped:
            continue
        match = CardMatch(card, 1.0, card.card.questions[0], 0.9)
        places = regions[scoped[0]]
        other = next(c.code for c in kb.countries.countries if c.rules not in places and c.code not in places)
        foreign = Asker(country=kb.countries.rules_for(other), code=other)
        assert not {r["card_id"] for r in composer._related([match], foreign)} & {
            r for r in card.card.related if regions.get(r) and not regions[r] & {other, foreign.country}
        }, card.id
        home = sorted(places)[0]
        local = Asker(country=kb.countries.rules_for(home), code=home)
        unknown = [r["card_id"] for r in composer._related([match], Asker())]
        if scoped[0] in unknown:
            assert scoped[0] in [r["card_id"] for r in composer._related([match], local)], card.id
        checked += 1
    assert checked


def test_a_second_lead_continues_the_sentence_in_lower_case_unless_it_opens_with_a_name(kb):
    """ "On your second question: No: ..." had two colons; the lead now continues the sentence ("On your second
    question, no: ..."), a name the cards capitalise mid-sentence kept as written."""
    from assistant.chat.compose import Composer
    from assistant.matching import CardMatcher
    from tests.fakes import FakeEmbedder

    composer = Composer(kb, CardMatcher(kb.cards, FakeEmbedder()), chat_data().answer)
    assert composer._continuing("No: not about treatment results.") == "no: not about treatment results."
    assert composer._continuing("Do not argue in the comments: reply once.").startswith("do not argue")
    for lead in ("Google treats health as a sensitive category.", "HIPAA applies to replies.", "Meta's rules: no."):
        assert composer._continuing(lead) == lead
