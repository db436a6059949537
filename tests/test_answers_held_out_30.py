"""Classes found in the thirtieth held-out set (eval/holdout30.jsonl), each with its own invented example."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chat.compose import Asker
from assistant.chat.data import chat_data
from assistant.chat.drafts import requested_kind
from assistant.chat.language import detect_language
from assistant.guardrails.phi import mask_phi
from assistant.knowledge import registry
from tests.drafting import turn

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


@pytest.fixture(scope="module")
def drafts_data():
    return registry.load(registry.DRAFTS, KNOWLEDGE)


def test_a_message_thick_with_brand_names_and_borrowed_words_keeps_its_language():
    # Fewer than a quarter of the words are Italian stop words ("promo", "post", "Instagram", "Facebook", "reel"),
    # but English ones are fewer still.
    question = (
        "Buongiorno, fisioterapista a Torino. A giugno vorrei una promo sui plantari: -20% fino a fine mese. "
        "Mi scrivi un post per Instagram e Facebook e un reel divertente?"
    )
    assert detect_language(question, chat_data().languages) == "it"


@pytest.mark.parametrize(
    "question",
    [
        "Quick one: Instagram Reels vs TikTok for a physio in Den Haag?",
        "I am a dentist in Porto Alegre and want to post on Instagram",
        "Can you write a post for our Milano clinic, la promo del mese is a free check-up",
    ],
)
def test_an_english_question_naming_foreign_places_stays_english(question):
    assert detect_language(question, chat_data().languages) == "en"


def test_help_with_a_reply_to_a_pasted_review_asks_for_the_reply(drafts_data):
    # a Dutch "Kun je helpen met een reactie op de recensie hieronder?" as the glossary reads it
    question = "can you help with a reply on the review below? We are a GP in Leiden. 'Waited an hour. - Ine'"
    assert requested_kind(question, drafts_data) == "review_reply"


def test_help_with_a_reply_strategy_asks_for_no_draft(drafts_data):
    assert requested_kind("Can you help with our reply strategy for reviews this year?", drafts_data) is None


@pytest.mark.parametrize(
    "text",
    [
        "Podem escrever uma legenda para o Dia Mundial do Coração?",
        "Necesito un post para el Día Internacional de la Mujer, somos una clínica en Sevilla",
    ],
)
def test_an_observance_in_spanish_or_portuguese_is_not_a_name(text):
    assert mask_phi(text).text == text


def test_a_patient_called_dia_is_still_masked():
    assert "[NAME]" in mask_phi("mi paciente Dia Ferreira llamó ayer por la tarde").text


def test_a_colleagues_death_and_a_closure_for_the_funeral_get_one_announcement(drafter):
    """Before: the closure notice ('We are closed on Monday'), with no word of why."""
    text = (
        "Our practice nurse Bernadette passed away on Thursday after a short illness. Her family are happy for us to "
        "share it. We're closing Friday afternoon for the funeral. Can you write a Facebook post?"
    )
    (draft, *_) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert "died" in draft.text and "funeral" in draft.text
    assert any("family" in note for note in draft.notes)


def test_a_patients_death_is_never_announced(drafter):
    text = "One of our patients died last week and his son posted about it on Facebook. Can you write a post?"
    drafts = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert not [d for d in drafts if "died" in d.text]


def test_a_part_the_card_shown_answers_is_not_called_unanswered():
    from assistant.chat.compose import _part_answered
    from assistant.chat.models import Part

    part = Part(
        card_id="kenya-can-we-advertise",
        title="Can we advertise?",
        question="Can we advertise?",
        lead="Yes, within the KMPDC's rules on adverts.",
        steps=["Keep prices factual and check each advert against the KMPDC's issues list."],
    )
    assert _part_answered("Any KMPDC issues?", part)
    assert not _part_answered("Can nurses send test results over WhatsApp?", part)
    assert not _part_answered("KMPDC?", part)  # too few words to tell


@pytest.mark.parametrize(
    "text",
    [
        "Our Hong Kong physio clinic wants to post exercise videos. Any rules?",
        "A dentist in Tsim Sha Tsui asked whether she can show braces before/after shots",
    ],
)
def test_a_place_whose_words_are_in_the_name_lists_is_not_a_name(text):
    assert mask_phi(text).text == text


def test_a_patient_with_one_of_those_words_as_a_surname_is_still_masked():
    assert "[NAME]" in mask_phi("Mrs Kong called about her crown").text


def test_a_glossed_request_whose_subject_kept_foreign_words_gets_no_general_caption(drafter):
    """An Italian request glossed word by word, the glossary lacking some of its words: before, a caption titled
    "Instagram caption: who book entro fine month" wrapped a placeholder around the garbled subject."""
    original = "Mi scrivi un post per Instagram sulla promo: sconto per chi prenota entro fine mese?"
    glossed = turn(
        "can you write a post for instagram on the promo: discount for who book entro fine month?", ["instagram"]
    )
    glossed.english, glossed.question = glossed.masked, original
    # (a price offer's post, its service left to fill in, may be written: never one around the untranslated words)
    assert not [d for d in drafter.drafts(glossed, None, Asker()) if d.kind == "caption" and "entro" in d.text]


def test_a_glossed_subject_in_english_words_still_gets_its_caption(drafter):
    original = "Mi scrivi un post per Instagram sui piedi piatti dei bambini?"
    glossed = turn("can you write a post for instagram on the flat feet of the children?", ["instagram"])
    glossed.english, glossed.question = glossed.masked, original
    assert drafter.topics.glossed_whole("flat feet of the children", original)
    assert [d for d in drafter.drafts(glossed, None, Asker()) if d.kind == "caption"]


def test_a_caption_for_a_new_clinic_session_is_the_news_post_naming_it(drafter):
    """Found reading the app: "our new Saturday morning sports injury clinic" is more than 30 characters past "new",
    and got caption advice with no caption."""
    text = "Can you write an Instagram caption for our new Saturday morning sports injury clinic?"
    (draft, *_) = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert draft.kind == "caption" and "Saturday morning sports injury clinic" in draft.text


def test_what_a_new_service_includes_in_brackets_is_not_its_name(drafter):
    text = "We're launching a sleep apnoea clinic (home studies, CPAP fitting) in May. Can you write the post?"
    (draft, *_) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert "sleep apnoea clinic" in draft.text and "(home" not in draft.text
