"""Questions asking for a diagnosis, a dose or help in an emergency are recognised; communication questions are not."""

from __future__ import annotations

import pytest

from assistant.guardrails.scope import classify_scope, emergency_message


@pytest.mark.parametrize(
    "question",
    [
        "I have chest pain what should I do",
        "I think I'm having a heart attack",
        "I feel suicidal",
        "my friend took an overdose",
        "I can't breathe properly",
        "My son swallowed bleach",
        "she is unconscious and not breathing",
        "I feel suicidal, can you help me write a caption?",
    ],
)
def test_emergencies_are_recognised(question):
    assert classify_scope(question) == "emergency"


@pytest.mark.parametrize(
    "question",
    [
        "what dose of ibuprofen should I give my son",
        "do I have skin cancer, here is my mole",
        "Should I stop taking my metformin?",
        "Is this mole cancerous?",
        "Can I take ibuprofen with alcohol?",
        "I have a rash on my arm, what should I use?",
        "How much paracetamol can I take?",
        "do I need antibiotics for my sinusitis",
    ],
)
def test_requests_for_individual_medical_advice_are_recognised(question):
    assert classify_scope(question) == "individual_medical"


@pytest.mark.parametrize(
    "question",
    [
        "how do I answer a patient who asks about dosage in comments",
        "A patient asked in the comments what dose of ibuprofen to take, how do I reply?",
        "How should I respond to a follower who says she is suicidal?",
        "Post ideas for World Suicide Prevention Day",
        "How can we talk about stroke symptoms on Instagram?",
        "Do I need to be on TikTok?",
        "Do I have to reply to every comment?",
        "Is it OK to post a patient's X-ray?",
        "Is it normal to post twice a day?",
        "How many posts should I have per week?",
        "",
    ],
)
def test_communication_questions_stay_in_scope(question):
    assert classify_scope(question) == "ok"


@pytest.mark.parametrize(
    ("country", "number"),
    [
        ("US", "911"),
        ("GB", "999"),
        ("uk", "999"),
        ("IT", "112"),
        ("DE", "112"),
        ("CA", "911"),
        ("NZ", "111"),
        ("ZA", "10177"),
        ("SG", "995"),
        ("AE", "998"),
        ("JP", "119"),
    ],
)
def test_emergency_message_gives_the_number_for_the_country(country, number):
    message = emergency_message(country)
    assert f"call {number} now" in message
    assert "cannot give medical advice" in message


@pytest.mark.parametrize("country", [None, "", "NG", "not a country"])
def test_emergency_message_without_a_known_country_names_the_common_numbers(country):
    message = emergency_message(country)
    assert "local emergency number" in message
    assert all(n in message for n in ("911", "999", "112"))
