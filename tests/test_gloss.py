"""Questions written in another language are glossed into English for matching (assistant/chat/gloss.py)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from assistant.chat.data import chat_data, glossaries
from assistant.chat.gloss import Glosser
from assistant.chat.language import detect_language
from assistant.errors import KnowledgeError
from assistant.knowledge import registry
from assistant.knowledge.schemas.glossary import Glossary

SMALL = Glossary(
    language="fr",
    phrases={"avant après": "before and after", "réseaux sociaux": "social media"},
    words={"je": "i", "peux": "can", "publier": "post", "photos": "photos", "des": "", "l": "the", "avis": "review"},
)


def test_phrases_are_glossed_before_words_and_unknown_words_stay_as_written():
    glossed = Glosser({"fr": SMALL}).english("Je peux publier des photos Avant  Après sur Instagram, Dr Martin?", "fr")
    assert glossed == "i can post photos before and after sur Instagram, Dr Martin?"


def test_a_phrases_english_is_not_glossed_again_as_words_of_the_language():
    """Before: "tempo parcial" became "part time", then "part team" ("time" is Portuguese for "team")."""
    glossary = Glossary(language="pt", phrases={"tempo parcial": "part time"}, words={"time": "team", "vaga": "job"})
    assert (
        Glosser({"pt": glossary}).english("Vaga a tempo parcial no nosso time", "pt") == "job a part time no nosso team"
    )


def test_an_elided_article_is_glossed_on_its_own():
    assert Glosser({"fr": SMALL}).english("l'avis", "fr") == "the review"


def test_letters_written_onto_a_number_are_its_unit_not_a_word():
    """Dutch "k" is chat shorthand for "ik" (I); in "40k volgers" it is thousand."""
    glossary = Glossary(language="nl", words={"k": "i", "volgers": "followers", "heb": "have"})
    assert Glosser({"nl": glossary}).english("k heb 40k volgers", "nl") == "i have 40k followers"


def test_text_in_a_language_without_a_glossary_is_returned_unchanged():
    text = "Posso pubblicare foto prima e dopo?"
    assert Glosser({"fr": SMALL}).english(text, "it") == text
    assert Glosser({"fr": SMALL}).english(text, "en") == text


@pytest.mark.parametrize(
    "words,phrases,bad",
    [
        ({"Paciente": "patient"}, {}, "Paciente"),  # keys are lower-case
        ({"antes y": "before and"}, {}, "antes y"),  # a word entry is one word
        ({"paciente": "Patient"}, {}, "paciente"),  # glosses are lower-case
        ({"paciente": "patient"}, {"antes": "before"}, "antes"),  # a phrase has two words or more
    ],
)
def test_a_malformed_entry_is_an_error_naming_it(words, phrases, bad):
    with pytest.raises(ValidationError) as raised:
        Glossary(language="es", words=words, phrases=phrases)
    assert repr(bad) in str(raised.value)


def test_a_glossary_filed_under_another_language_is_an_error(tmp_path):
    folder = tmp_path / "data" / registry.GLOSSARY_DIR
    folder.mkdir(parents=True)
    (folder / "es.yaml").write_text("language: pt\nwords: {paciente: patient}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="es"):
        registry.load_glossaries(tmp_path)


def test_every_glossary_is_for_a_language_the_chat_detects():
    table = chat_data().languages.table
    found = glossaries()
    assert found, "no glossary under knowledge/data/glossary"
    assert set(found) <= set(table) - {"en"}


@pytest.mark.parametrize(
    "question,language",
    [
        ("Posso postar antes e depois dos meus pacientes no Instagram da clínica?", "pt"),
        ("Mogen wij foto's van patiënten op onze Instagram zetten als ze toestemming geven?", "nl"),
    ],
)
def test_portuguese_and_dutch_are_detected(question, language):
    assert detect_language(question, chat_data().languages) == language


def test_a_message_as_long_as_the_chat_accepts_is_glossed_whole():
    text = "Puedo publicar fotos de antes y después de mis pacientes en Instagram? " * 220  # ~16,000 characters
    glossed = Glosser(glossaries()).english(text, "es")
    assert glossed.count("before and after") == 220 and "después" not in glossed


# --- on the real knowledge base ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def services(indexed):
    return indexed


@pytest.mark.slow
def test_a_question_in_english_is_matched_on_its_own_words(services):
    turn = services.chat.turns.build("Can I post before and after photos of my patients on Instagram?", None, [])
    assert turn.language == "en" and turn.english == ""


@pytest.mark.slow
def test_a_spanish_question_gets_a_card_on_its_subject_not_the_closest_sections(services):
    answer = services.chat.answer("¿Puedo publicar en Instagram fotos de antes y después de mis pacientes?")
    assert answer.language == "es" and "Nota: la guía" in answer.text
    assert answer.model == "cards" and answer.card_id in {
        "before-after-photos-allowed",
        "patient-photos-consent-when-needed",
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    "question,kind",
    [
        ("Kun je een bericht schrijven over onze nieuwe fysiotherapeut voor Instagram?", "caption"),
        ("Kannst du mir ein kurzes Skript für ein Reel über Rückenschmerzen im Homeoffice schreiben?", "video_script"),
        ("Podes escrever-me uma legenda para o Instagram sobre a nossa nova fisioterapeuta?", "caption"),
        # "una bio" glossed word by word is "one bio"
        ("Soy dentista. Necesito una bio para Instagram que diga que hago carillas y blanqueamiento.", "bio"),
        # the verb last: "can you a reply write?"
        (
            "Deze review kwam binnen op Google: 'Na vijf behandelingen nog steeds pijn en niemand belt terug.' "
            "Kun je een reactie schrijven?",
            "review_reply",
        ),
    ],
)
def test_a_request_to_write_in_another_language_gets_the_draft(services, question, kind):
    answer = services.chat.answer(question)
    assert answer.drafts and answer.drafts[0].kind == kind
    assert "making videos" not in answer.drafts[0].text  # "hago carillas" is what the dentist does, not films


@pytest.mark.slow
def test_the_askers_own_country_card_found_on_their_words_wins_over_a_general_card_found_on_the_gloss(services):
    """Italian law allows no promotional element: the general card on whitening offers ("usually yes") is no
    answer for a dentist in Milan, whose own words match Italy's card."""
    answer = services.chat.answer(
        "Dentista a Milano: posso fare un post su Instagram con lo sbiancamento scontato a dicembre?"
    )
    assert answer.card_id == "italy-france-spain-italy-health-advertising"
