"""The offline answerer on the real knowledge base: grounded, tailored, extractive, honest about gaps."""
from __future__ import annotations

import re

import pytest

from assistant.chat.engine import ChatEngine
from assistant.guardrails import check_text
from assistant.profile import ClinicProfile, resolve_profile

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def engine(kb, embedder):
    from assistant.chunking import chunk_guides
    from assistant.config import load_settings
    from assistant.index import open_index
    from assistant.providers import get_provider
    from assistant.retrieval import Retriever

    settings = load_settings()  # the session's throwaway data directory (tests/conftest.py)
    retriever = Retriever(open_index(settings, embedder), chunk_guides(kb.guides), embedder)
    retriever.ensure_index()
    return ChatEngine(kb, retriever, get_provider("offline", settings), settings)


def ask(engine, kb, question, specialty="general_practice", platforms=("facebook", "instagram"), history=()):
    profile = resolve_profile(ClinicProfile(specialty=specialty, platforms=list(platforms)), kb)
    return engine.answer(question, profile, history)


def cited(answer) -> set[str]:
    return {c.doc_id for c in answer.sources}


def flat(text: str) -> str:
    return " ".join(text.split()).lower()


def test_a_one_star_review_answer_keeps_privacy_takes_it_offline_and_stays_calm(engine, kb):
    answer = ask(engine, kb, "How do I answer a 1-star review?", specialty="dentistry")
    text = flat(answer.text)
    assert re.search(r"(?:do not|never) confirm.{0,30}(?:reviewer|person) is (?:or was )?a patient", text)
    assert "offline" in text
    assert "calm" in text and ("professional" in text or "polite" in text)
    assert "negative-reviews" in cited(answer)
    assert answer.intent == "review_reply" and answer.provider == "offline" and answer.covered


def test_do_i_need_to_be_on_tiktok_cites_the_platform_guidance(engine, kb):
    answer = ask(engine, kb, "Do I need to be on TikTok?")
    assert cited(answer) & {"platform-tiktok", "choosing-platforms"}
    assert "tiktok" in flat(answer.text.split("### Sources")[0])


def test_posting_a_patients_x_ray_points_to_consent_and_privacy_rules(engine, kb):
    answer = ask(engine, kb, "Is it OK to post a patient's X-ray?", specialty="dentistry")
    assert cited(answer) & {"patient-consent", "us-hipaa"}
    assert "written authorization" in flat(answer.text)
    assert answer.intent == "compliance"


def test_a_posting_frequency_question_gets_the_cadence_guidance_and_a_sample_plan(engine, kb):
    answer = ask(engine, kb, "how often should a dental office post per week?", specialty="dentistry")
    assert "editorial-planning" in cited(answer) or "time-management" in cited(answer)
    assert "### A two-week sample plan" in answer.text
    assert len(re.findall(r"^- \w{3} \d{2} \w{3} \d{2}:\d{2} · ", answer.text, re.M)) >= 4
    assert "python -m assistant plan --specialty dentistry" in answer.text


def test_a_hashtag_question_gets_a_hashtag_set_within_the_platform_limit(engine, kb):
    answer = ask(engine, kb, "how many hashtags should i use on instagram", specialty="dermatology")
    section = answer.text.split("### A hashtag set for Instagram", 1)[1].strip()
    tags = section.splitlines()[0].split()
    assert all(re.fullmatch(r"#\w+", t) for t in tags)
    assert 1 <= len(tags) <= kb.platforms["instagram"].hashtags.max
    assert "platform-instagram" in cited(answer)


def test_a_video_question_gets_three_ideas_and_a_pointer_to_the_full_list(engine, kb):
    answer = ask(engine, kb, "what video ideas would work for our youtube channel?", specialty="dermatology",
                 platforms=["youtube"])
    section = answer.text.split("### Three video ideas", 1)[1]
    assert len(re.findall(r"^\d\. \*\*", section, re.M)) == 3
    assert "python -m assistant videos --specialty dermatology" in section


def test_a_quoted_review_gets_a_reply_draft_that_never_confirms_a_patient(engine, kb):
    answer = ask(engine, kb, 'We got this Google review: "Waited two hours past my appointment time and the '
                             'receptionist was rude. Never going back." How should we reply?')
    draft = answer.text.split("### A draft reply to the quoted review", 1)[1].split("\n\n", 2)[1]
    assert draft.startswith("> ")
    assert not [f for f in check_text(draft.replace("> ", ""), kind="reply") if f.rule in ("R1", "R2", "R3")]


def test_the_answer_is_tailored_with_the_specialtys_own_topics(engine, kb):
    answer = ask(engine, kb, "what kind of content should we post?", specialty="dermatology")
    assert "### For your practice: Dermatology" in answer.text
    titles = {t.title for t in kb.specialties["dermatology"].topics}
    shown = re.findall(r"“([^”]+)”", answer.text.split("### For your practice", 1)[1])
    assert shown and set(shown) & titles


@pytest.mark.parametrize("question", [
    "what's the capital of France", "how do I fix my car's brakes", "explain quantum computing",
    "how do I bake sourdough bread at home",
    # near the domain (a clinic's business, not its communication): they sound like clinic guidance
    "how do I get a mortgage as a junior doctor", "recommend a good EMR for dentists",
    "which accounting software is best for doctors", "how do I set up a payroll system for my practice"])
def test_out_of_scope_questions_are_declined_with_the_closest_topics(engine, kb, question):
    answer = ask(engine, kb, question)
    assert not answer.covered
    assert "does not cover" in answer.text and "closest topics" in answer.text
    titles = {g.meta.title for g in kb.guides}
    listed = [line[2:] for line in answer.text.splitlines() if line.startswith("- ")]
    assert listed and set(listed) <= titles
    assert answer.sources == []


@pytest.mark.parametrize("question", [
    "what should our practice share during flu season", "how do I deal with a troll who keeps insulting my staff",
    "what do I do if a patient sends me a friend request", "can my receptionist run our instagram"])
def test_communication_questions_without_platform_names_are_still_answered(engine, kb, question):
    answer = ask(engine, kb, question)
    assert answer.covered and answer.sources


@pytest.mark.parametrize("question", [
    "How do I answer a 1-star review?", "Do I need to be on TikTok?", "Is it OK to post a patient's X-ray?",
    "what should a clinic social media policy for employees include"])
def test_every_direct_answer_sentence_is_quoted_from_the_source_it_cites(engine, kb, question):
    answer = ask(engine, kb, question)
    direct = answer.text.split("\n\n", 1)[0].removeprefix("**In short**: ")
    sources = {c.n: flat(c.passage) for c in answer.sources}
    pieces = re.findall(r"(.+?) \[(\d+)\]\s*", direct)
    assert pieces
    for sentence, n in pieces:
        assert flat(sentence) in sources[int(n)], sentence


def test_an_italian_question_gets_a_note_in_italian_that_the_guidance_is_in_english(engine, kb):
    answer = ask(engine, kb, "Devo essere su TikTok per il mio studio dentistico?")
    assert answer.language == "it"
    assert "Nota: le indicazioni" in answer.text


def test_a_request_for_an_individual_diagnosis_gets_how_to_handle_it_publicly(engine, kb):
    answer = ask(engine, kb, "Is this mole cancerous? Here is a photo of my mole, what should I do?",
                 specialty="dermatology")
    assert answer.text.startswith("I can't give medical advice")
    assert "medical-questions-online" in cited(answer)


def test_an_emergency_gets_the_emergency_line_before_anything_else(engine, kb):
    answer = ask(engine, kb, "I have crushing chest pain and can't breathe, what do I do?")
    assert answer.text.startswith("**If this is an emergency, call 911")


def test_a_follow_up_about_another_platform_retrieves_that_platforms_guidance(engine, kb):
    history = [{"role": "user", "content": "How often should a dentist post on Instagram?"},
               {"role": "assistant", "content": "Two to four feed posts a week [1]."}]
    answer = ask(engine, kb, "and for LinkedIn?", specialty="dentistry", history=history)
    assert "platform-linkedin" in cited(answer)
    assert "linkedin" in flat(answer.text.split("### Sources")[0])
