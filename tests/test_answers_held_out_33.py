"""Classes found in the thirty-third held-out set (eval/holdout33.jsonl), each with its own invented example."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chat.compose import Asker
from assistant.chat.data import glossaries
from assistant.chat.details import details_in
from assistant.chat.drafts import requested_kind
from assistant.chat.gloss import Glosser
from assistant.knowledge import registry
from assistant.planners.reviews import draft_reply
from tests.drafting import turn
from tests.test_answers import ask

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


@pytest.fixture(scope="module")
def drafts_data():
    return registry.load(registry.DRAFTS, KNOWLEDGE)


@pytest.mark.parametrize(
    "comment",
    [
        "what's even the point anymore, nothing has worked for me",
        "tried everything. gonna check out for good this weekend",
        "sometimes I think about how to unalive myself",
    ],
)
def test_a_comment_that_speaks_of_suicide_in_other_words_gets_the_crisis_reply(comment):
    draft = draft_reply(comment, country="AU")
    assert draft.kind == "crisis" and "000" in draft.reply


@pytest.mark.parametrize(
    "review",
    [
        "What's the point of booking online if nobody calls back? Two stars",
        "We checked out of the hotel early to make the appointment and the wait was 2 hours",
    ],
)
def test_the_same_words_about_something_else_get_an_ordinary_reply(review):
    assert draft_reply(review).kind == "reply"


def test_a_reply_asked_for_with_the_comment_pasted_after_the_ask(drafts_data):
    text = (
        "Need a reply for our clinic's Facebook, I'm a GP. Under our flu jab post someone wrote: \"You lot just"
        ' want the money from the jabs, my neighbour got flu from it anyway"'
    )
    assert requested_kind(text, drafts_data) == "review_reply"


def test_a_reply_wanted_and_something_to_write_over_a_review_pasted_below(drafts_data):
    text = (
        "Lovely Facebook review came in and I want to reply but I'm not sure what's allowed. Could you write"
        ' something?\n\n"Dr Moss sorted my shoulder in three sessions, amazing team!! 5 stars"'
    )
    assert requested_kind(text, drafts_data) == "review_reply"


def test_wanting_a_reply_with_nothing_pasted_asks_for_no_draft(drafts_data):
    assert requested_kind("Need a reply strategy for our Google reviews: how often should we answer?", drafts_data) != (
        "review_reply"
    )


def test_a_comment_asking_what_a_drug_company_pays_gets_the_calm_one_line_reply(drafter):
    text = (
        'Can you help me reply to this comment on our page? "How much is Moderna paying you to push this?'
        ' Nobody should trust you"'
    )
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.kind == "review_reply" and draft.card == "harassment-and-trolls-troll-comments"


def test_a_contraction_is_no_subject_cue(drafter):
    """ "we're selling anything": the "re" of a contraction never introduces what a post is about."""
    text = "Write a post for Stoptober please. I don't want it to look like we're selling anything"
    assert "selling" not in drafter.writer.topics.subject_phrase(text)


def test_re_still_introduces_a_subject(drafter):
    assert drafter.writer.topics.subject_phrase("Caption needed re hay fever season").startswith("hay fever")


def test_the_part_of_a_subject_after_a_dash_that_names_a_topic_gives_its_post(drafter):
    text = "Write a Facebook caption for our skin clinic for the bank holiday weekend - sunscreen, keep it light"
    specialty, topic = drafter.writer.topics.specialty_and_topic(turn(text), "dermatology")
    assert specialty == "dermatology" and topic is not None and "sunscreen" in topic.title.lower()


def test_whom_a_script_explains_it_to_is_no_part_of_its_subject(drafter):
    subject = drafter.writer.topics.subject_phrase(
        "Need a short video script explaining glaucoma drops to anxious elderly patients"
    )
    assert subject == "glaucoma drops"


def test_opening_my_own_clinic_is_no_role(kb):
    details = details_in("need a bio, I'm opening my own physio clinic in Cork next month", kb.countries)
    assert "opening" not in details.role and "own" not in details.role


def test_a_role_is_still_found_before_a_city(kb):
    assert details_in("I'm a paediatric physio in Cork, need a bio", kb.countries).role == "paediatric physio"


def test_a_running_physio_is_a_role_and_running_my_own_clinic_is_not(kb):
    assert details_in("I'm a running physio in Leeds, need a bio", kb.countries).role == "running physio"
    assert details_in("need a bio, I'm running my own physio clinic in Leeds", kb.countries).role == ""


def test_a_nutritionists_bio_offers_nutrition_tips_not_dietetics(drafter):
    text = "Write my Instagram bio: I'm a registered nutritionist in Leeds, not a dietitian"
    draft = drafter.bio(turn(text), None, "nutrition_dietetics")
    assert draft is not None and "dietetics" not in draft.text.lower() and "nutrition tips" in draft.text


def test_a_spanish_request_to_put_together_a_posting_plan_asks_for_a_plan(drafts_data):
    glossed = Glosser(glossaries()).english(
        "¿Me ayudas a armar un plan de publicaciones para Instagram de un mes?", "es"
    )
    assert requested_kind(glossed, drafts_data) == "plan"


def test_a_portuguese_gynaecologist_is_a_gynaecologist_in_english():
    glossed = Glosser(glossaries()).english("Sou ginecologista em Campinas e o CFM mudou as regras", "pt")
    assert "gynaecologist" in glossed and "changed" in glossed


def test_the_brazilian_medical_council_names_brazil(kb):
    assert kb.countries.named_in("O CFM mudou as regras de publicidade médica?") == "BR"


@pytest.mark.slow
def test_a_country_card_answering_a_nearby_question_does_not_replace_a_confident_match_on_the_gloss(indexed):
    answer = ask(
        indexed,
        "Sou clínica geral em Florianópolis e os pacientes me mandam mensagens às 23h no meu WhatsApp pessoal"
        " perguntando sobre febre e remédios. Quero migrar para um WhatsApp Business só do consultório. Como organizo"
        " isso sem problemas com a LGPD e o CFM?",
        country="BR",
    )
    assert answer.card_id is not None and answer.card_id.startswith("whatsapp-business")


@pytest.mark.slow
def test_a_clinician_making_videos_about_a_condition_people_self_diagnose_gets_the_ethics_card(indexed):
    answer = ask(
        indexed,
        "Clinical psychologist here. I want to make Instagram reels about adult autism because there's so much"
        " misinformation, but I don't want to encourage self-diagnosis. How do I do it responsibly?",
    )
    assert answer.card_id == "conduct-online-mental-health-content-ethics"


def test_a_pinned_post_asked_for_after_worrying_messages_names_the_crisis_line(drafter):
    text = (
        "We're a therapy practice in Bristol. Some worrying messages arrive in our DMs at night. Can you write a"
        " pinned post saying what to do in a crisis?"
    )
    asked = turn(text)
    asked.country = "GB"
    texts = " ".join(d.text for d in drafter.drafts(asked, None, Asker(country="GB", code="GB")))
    assert "999" in texts and "116 123" in texts


def test_a_pinned_post_on_no_medical_advice_has_no_crisis_line(drafter):
    asked = turn("Write a pinned post saying we can't give medical advice in comments")
    asked.country = "GB"
    texts = " ".join(d.text for d in drafter.drafts(asked, None, Asker(country="GB", code="GB")))
    assert "116 123" not in texts and "{crisis" not in texts


@pytest.mark.parametrize(
    "review",
    [
        "Would not recommend this practice to anyone.",
        "Reception weren't friendly and the hygienist wasn't helpful at all",
        "Fui a una limpieza y salí con un presupuesto enorme. NOT THE RECOMMEND.",  # "NO LO RECOMIENDO", glossed
    ],
)
def test_a_negated_recommendation_is_a_complaint(review):
    assert draft_reply(review).sentiment == "negative"


@pytest.mark.parametrize(
    "review",
    [
        "I can't recommend them highly enough! Wonderful team",
        "No complaints at all, friendly and kind staff",
        "Lovely staff, would recommend, not a long wait",
    ],
)
def test_praise_with_a_negation_nearby_is_still_praise(review):
    assert draft_reply(review).sentiment == "positive"
