"""Patient data typed by a doctor is found and masked offline, without masking ordinary words."""
from __future__ import annotations

import sys

import pytest

from assistant.guardrails import phi
from assistant.guardrails.phi import KINDS, LABELS, detect_phi, mask_phi


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("Write to john.smith@example.com today", "EMAIL", "john.smith@example.com"),
    ("Email dr.rossi+clinic@studio-rossi.it please", "EMAIL", "dr.rossi+clinic@studio-rossi.it"),
    ("Call (555) 123-4567 after lunch", "PHONE", "(555) 123-4567"),
    ("Her mobile is 07700 900123.", "PHONE", "07700 900123"),
    ("Office +44 20 7946 0958 or email", "PHONE", "+44 20 7946 0958"),
    ("Chiamami al +39 333 123 4567 grazie", "PHONE", "+39 333 123 4567"),
    ("Studio: 06 6988 1234, Roma", "PHONE", "06 6988 1234"),
    ("Berlin office +49 30 12345678.", "PHONE", "+49 30 12345678"),
    ("Patient DOB 03/04/1985, seen twice", "DATE_OF_BIRTH", "03/04/1985"),
    ("She was born on 3 April 1985 in Leeds", "DATE_OF_BIRTH", "3 April 1985"),
    ("date of birth: 1985-04-03", "DATE_OF_BIRTH", "1985-04-03"),
    ("MRN 1234567 needs a follow-up", "RECORD_NUMBER", "1234567"),
    ("record no. ABC-123456 was updated", "RECORD_NUMBER", "ABC-123456"),
    ("patient ID 998877 missed the slot", "RECORD_NUMBER", "998877"),
    ("NHS number 943 476 5919 on the form", "RECORD_NUMBER", "943 476 5919"),
    ("He lives at 12 Baker Street now", "ADDRESS", "12 Baker Street"),
    ("Send it to 221B Baker St. please", "ADDRESS", "221B Baker St."),
    ("Abita in Via Roma 10, Milano", "ADDRESS", "Via Roma 10"),
    ("London NW1 6XE is the postcode", "ADDRESS", "NW1 6XE"),
    ("my patient John Smith asked about braces", "NAME", "John Smith"),
    ("patient Anna Bianchi called twice", "NAME", "Anna Bianchi"),
    ("Mrs. Rossi said the filling hurts", "NAME", "Rossi"),
    ("I told Mr Smith-Jones and Ms O'Brien", "NAME", "Smith-Jones"),
    ("Dr. Bianchi referred her", "NAME", "Bianchi"),
    ("the reviewer Jane D. is angry", "NAME", "Jane D."),
])
def test_each_kind_of_patient_data_is_detected_with_its_exact_span(text, kind, value):
    spans = detect_phi(text)
    assert (kind, value) in [(s.kind, s.text) for s in spans], spans
    for s in spans:
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize("text", [
    "Doctor Google is not a substitute for a check-up.",
    "Don't trust Dr. Google with your symptoms.",
    "World Health Day 7 April: our theme this year is access to care.",
    "Mr. Men books in the waiting room keep kids busy.",
    "Appointments on 03/04/2026 are full; in 2023 we treated 1,200 patients, a 95% satisfaction rate.",
    "Patient Care Week starts Monday; our Patient Portal is open 9-17.",
    "Happy birthday to our receptionist!",
    "Brush twice a day for 2 minutes and floss once.",
])
def test_ordinary_text_is_left_alone(text):
    assert detect_phi(text) == []
    assert mask_phi(text).text == text


def test_mask_replaces_every_item_with_a_placeholder_and_lists_the_kinds():
    text = ("My patient John Smith, DOB 03/04/1985, MRN 1234567, lives at 12 Baker Street; "
            "call (555) 123-4567 or john.smith@example.com")
    result = mask_phi(text)
    for secret in ("John Smith", "03/04/1985", "1234567", "12 Baker Street", "(555) 123-4567", "john.smith@"):
        assert secret not in result.text
    assert result.text.startswith("My patient [NAME], DOB [DATE_OF_BIRTH], MRN [RECORD_NUMBER], lives at [ADDRESS]")
    assert result.kinds == list(KINDS)  # all six, in the fixed order
    assert set(LABELS) == set(KINDS)


def test_spans_are_sorted_and_never_overlap():
    text = "Mrs. Rossi, NHS number 943 476 5919, phone 020 7946 0958, born on 12 May 1960, Via Roma 10."
    spans = detect_phi(text)
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    assert {s.kind for s in spans} == {"NAME", "RECORD_NUMBER", "PHONE", "DATE_OF_BIRTH", "ADDRESS"}


def test_a_date_is_a_date_of_birth_only_with_birth_context():
    assert detect_phi("The open day is on 3 April 1985.") == []
    assert [s.kind for s in detect_phi("Her birthday is 3 April 1985.")] == ["DATE_OF_BIRTH"]


def test_extra_names_are_masked_in_any_case_and_their_parts_when_capitalised():
    text = "Thanks JANE DOE. Jane, we are happy to help; jane is a common word here."
    result = mask_phi(text, extra_names=["Jane Doe"])
    assert result.text == "Thanks [NAME]. [NAME], we are happy to help; jane is a common word here."
    assert mask_phi("We are happy to help.", extra_names=["Happy Customer"]).text == "We are happy to help."
    assert mask_phi("Nothing to hide", extra_names=["", "  "]).spans == ()


def test_empty_text_has_no_spans_and_non_text_is_rejected():
    assert detect_phi("") == [] and detect_phi("  \n") == []
    assert mask_phi("").text == ""
    with pytest.raises(TypeError):
        detect_phi(None)


def test_presidio_runs_with_the_no_op_engine_and_loads_no_spacy_model():
    from presidio_analyzer.nlp_engine import NoOpNlpEngine

    detect_phi("patient Anna Bianchi")  # builds the engine under the session's network block
    engine = phi._analyzer()
    assert isinstance(engine.nlp_engine, NoOpNlpEngine)
    assert engine is phi._analyzer()  # built once per process
    assert not [m for m in sys.modules if m.startswith(("en_core_web", "it_core_news"))]
