"""The name model ships with the app, is checked before use and finds names anywhere in a long text."""

from __future__ import annotations

import shutil

import pytest

from assistant.errors import KnowledgeError
from assistant.guardrails._data import person_names
from assistant.guardrails.ner import _context_windows, load_name_model, model_name_spans, name_model
from assistant.knowledge.base import PROJECT_KNOWLEDGE


def _copy_model(tmp_path):
    shutil.copytree(PROJECT_KNOWLEDGE / "data" / "ner", tmp_path / "data" / "ner")
    return tmp_path


def test_the_model_marks_a_name_it_has_never_been_told_about():
    text = "Xiomara Quispe wrote that her crown feels loose."
    assert [text[s:e] for s, e in model_name_spans(text, name_model())] == ["Xiomara Quispe"]
    assert model_name_spans("Brush twice a day and floss once.", name_model()) == []


def test_the_model_reads_only_the_text_around_pairs_of_capitalised_words():
    plain = "We post about gum health every week. " * 60
    assert _context_windows(plain) == []  # no pair of capitalised words: the model is not run at all
    text = plain + "Olusegun Adebayo came in for a filling. " + plain
    assert [text[s:e] for s, e in model_name_spans(text, name_model())] == ["Olusegun Adebayo"]
    (window,) = _context_windows(text)
    assert window[1] - window[0] < 400


def test_a_name_late_in_a_long_stretch_of_capitalised_words_is_found_across_token_windows():
    text = "Our Summer Smile Campaign Starts Soon. " * 80 + "Olusegun Adebayo came in for a filling."
    assert _context_windows(text) == [(0, len(text))]  # one stretch, longer than one model call
    assert [text[s:e] for s, e in model_name_spans(text, name_model())] == ["Olusegun Adebayo"]


def test_a_changed_model_file_stops_loading_with_a_clear_error(tmp_path):
    root = _copy_model(tmp_path)
    config = root / "data" / "ner" / "rampart" / "config.json"
    config.write_text(config.read_text(encoding="utf-8").replace('"O"', '"X"'), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="has changed"):
        load_name_model(person_names().name_model, root)


def test_a_missing_model_file_stops_loading_with_a_clear_error(tmp_path):
    root = _copy_model(tmp_path)
    (root / "data" / "ner" / "rampart" / "tokenizer.json").unlink()
    with pytest.raises(KnowledgeError, match="restore it from the repository"):
        load_name_model(person_names().name_model, root)


def test_a_label_the_model_does_not_have_is_rejected():
    spec = person_names().name_model.model_copy(update={"name_labels": ("B-PATIENT",)})
    with pytest.raises(KnowledgeError, match="no label"):
        load_name_model(spec)


def test_the_model_is_loaded_once_per_process():
    assert name_model() is name_model()
