"""Languages the assistant recognises but cannot read (fortieth held-out set: Greek, Hebrew, Czech, Romanian,
Norwegian, Polish, Hungarian, Chinese, Korean, Thai, Filipino): the answer had pasted another country's rules
(Mexico's for a Romanian GP) or said the knowledge base does not cover the question. Now the answer says, in that
language and in English, that it rests only on the words recognised, and the country its writers practise in
stands in when the message names none. Every example here is invented; none is a held-out question."""

from __future__ import annotations

import pytest

from assistant.chat.data import chat_data
from assistant.chat.language import detect_language, language_note


@pytest.fixture(scope="module")
def languages():
    return chat_data().languages


@pytest.mark.parametrize(
    "text, code",
    [
        ("Είμαι οδοντίατρος στην Αθήνα. Μπορώ να ανεβάσω φωτογραφίες ασθενών στο Instagram;", "el"),
        ("สวัสดีค่ะ คลินิกทันตกรรมของเราอยากโพสต์รีวิวคนไข้ลง Facebook ได้ไหมคะ", "th"),
        ("저희 치과에서 인스타그램에 환자 후기를 올려도 되나요?", "ko"),
        ("歯科医院のインスタグラムに患者さんの写真を載せてもいいですか？", "ja"),
        (
            "Dzień dobry, jestem fizjoterapeutką w Gdańsku. "
            "Czy mogę wrzucić zdjęcie pacjenta na Facebooka, jeśli się zgodzi?",
            "pl",
        ),
        (
            "Jsem zubařka v Brně a chci založit Instagram pro naši ordinaci. "
            "Můžu sdílet fotky pacientů, když souhlasí?",
            "cs",
        ),
        (
            "Bună ziua, sunt medic de familie și vreau să fac o pagină pentru cabinetul meu. "
            "Pot posta recenzii ale pacienților?",
            "ro",
        ),
        ("Hei, vi er to fysioterapeuter og vil starte på Instagram. Hva kan vi legge ut om pasienter?", "no"),
    ],
)
def test_a_language_without_a_glossary_is_recognised(languages, text, code):
    assert detect_language(text, languages) == code
    assert "I can't read" in language_note(code, languages)


@pytest.mark.parametrize(
    "text",
    [
        "Can I post a patient's photo on Instagram if she agrees in writing?",
        "Je suis dentiste à Lyon, puis-je publier les avis de mes patients sur Instagram ?",
        "Ik ben fysiotherapeut in Utrecht. Mag ik foto's van patiënten op Instagram zetten?",
        "Sou dentista em Lisboa. Posso publicar fotos de antes e depois no Instagram?",
        "Dr. Nguyen and I run a dermatology clinic in Houston; the Tran family sent us a thank-you card.",
    ],
)
def test_languages_read_and_english_are_not_taken_for_unread_ones(languages, text):
    assert detect_language(text, languages) not in languages.unread


@pytest.mark.slow
def test_a_polish_question_naming_no_country_is_answered_for_poland_with_the_note(indexed):
    answer = indexed.chat.answer(
        "Dzień dobry, jestem stomatologiem. Czy mogę pokazać na Instagramie zdjęcia przed i po leczeniu pacjentów?"
    )
    assert any("I can't read Polish" in n for n in answer.notices)
    assert not any(s.url and "mexico" in s.url.lower() for s in answer.sources)
    assert answer.card_id is None or answer.card_id.startswith("poland") or "Poland" in answer.text
