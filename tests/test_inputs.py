"""One input limit, checked in one place, for the web pages, the command line and the answer engine."""

from __future__ import annotations

import pytest

from assistant import inputs
from assistant.config import load_settings
from assistant.errors import InputError
from assistant.inputs import MAX_INPUT_CHARS, check_length, input_problem


def test_the_limit_is_one_constant_that_the_settings_default_to(tmp_path):
    settings = load_settings(env={}, secrets_path=tmp_path / "none.toml")
    assert settings.max_input_chars == MAX_INPUT_CHARS == 8000
    assert inputs.check_length is inputs.check_length  # the pages call the same check


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty_input"),
        (" \n\t", "empty_input"),
        ("x" * 8000, None),
        ("x" * 8001, "too_long"),
        ("  " + "x" * 8000 + "\n", None),  # surrounding spaces do not count
    ],
)
def test_input_problem_names_what_is_wrong(text, problem):
    assert input_problem(text) == problem


def test_check_length_says_how_long_the_text_is_and_what_the_limit_is():
    with pytest.raises(InputError, match="9,000 characters long; the limit is 8,000"):
        check_length("x" * 9000, what="question")
    with pytest.raises(InputError, match="the topic is empty"):
        check_length("  ", 200, "topic")
    assert check_length("  hello ") == "hello"
