"""The content checker flags what breaks rules R1-R25 and lets compliant wording through (golden examples)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from assistant.errors import InputError
from assistant.guardrails.checker import KINDS, RuleBook, check_text, load_rules

GOLDEN = yaml.safe_load((Path(__file__).parent / "data" / "golden_rules.yaml").read_text(encoding="utf-8"))["cases"]
RULES_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "compliance_rules.yaml"
COMPLIANT_REPLY = (
    "Thank you for your feedback. We take all comments seriously. To protect privacy we never discuss "
    "anyone's care online; please call our office at 555-0100."
)


def _cases(key: str):
    for case in GOLDEN:
        for item in case[key]:
            text = item["text"] if isinstance(item, dict) else item
            expected = item.get("span") if isinstance(item, dict) else None
            yield pytest.param(
                case["rule"],
                case["kind"],
                case.get("reviewer_name"),
                text,
                expected,
                id=f"{case['rule']}-{case['kind']}-{text[:40]}",
            )


def _covers(text: str, expected: str, finding) -> bool:
    at = text.index(expected)
    return finding.start < at + len(expected) and at < max(finding.end, finding.start + 1)


@pytest.mark.parametrize(("rule", "kind", "reviewer", "text", "expected"), list(_cases("flagged")))
def test_golden_text_is_flagged_for_its_rule(rule, kind, reviewer, text, expected):
    found = [f for f in check_text(text, kind, reviewer_name=reviewer) if f.rule == rule]
    assert found, f"{rule} not flagged in {text!r}"
    if expected:
        assert any(_covers(text, expected, f) for f in found), [f.span for f in found]


@pytest.mark.parametrize(("rule", "kind", "reviewer", "text", "expected"), list(_cases("passes")))
def test_golden_text_passes_its_rule(rule, kind, reviewer, text, expected):
    found = [f.span for f in check_text(text, kind, reviewer_name=reviewer) if f.rule == rule]
    assert not found, f"{rule} wrongly flagged {found} in {text!r}"


def test_every_implemented_rule_has_a_flagged_and_a_passing_golden_example():
    implemented = {c.rule for c in load_rules().checks}
    flagged = {c["rule"] for c in GOLDEN if c["flagged"]}
    passing = {c["rule"] for c in GOLDEN if c["passes"]}
    assert implemented <= flagged and implemented <= passing, implemented - (flagged & passing)
    required = {"R1", "R2", "R3", "R4", "R5", "R6", "R10", "R11", "R12", "R13", "R15", "R16", "R17", "R20", "R22"}
    assert required <= implemented


def test_compliant_review_reply_template_has_no_findings():
    assert check_text(COMPLIANT_REPLY, "reply") == []


def test_review_reply_confirming_a_patient_gets_each_problem_with_its_rule():
    reply = (
        "Hi Karen, we checked your file: you were seen for a filling on 3 March and your insurance denied "
        "the claim. We will take legal action over this fake review."
    )
    rules = {f.rule for f in check_text(reply, "reply")}
    assert {"R1", "R2", "R3", "R4", "R5"} <= rules


def test_findings_explain_the_rule_and_suggest_a_fix():
    for finding in check_text("Guaranteed results with the best dentist in town!", "ad"):
        assert finding.name and finding.name != finding.rule  # the rule in plain words for people
        assert finding.message and finding.rule not in finding.message  # no checklist codes in what people read
        assert len(finding.fix) > 20
        assert finding.severity in ("high", "medium", "low")


def test_findings_are_sorted_and_their_spans_are_slices_of_the_text():
    text = "Do you have diabetes? Botox and Ozempic, guaranteed. The #1 clinic in Milan."
    findings = check_text(text, "ad")
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    assert {"R10", "R13", "R17", "R20"} <= {f.rule for f in findings}
    for f in findings:
        assert text[f.start : f.end] == f.span


@pytest.mark.parametrize(
    ("text", "rule", "flagged_as", "not_flagged_as"),
    [
        ("We're sorry your root canal went badly.", "R1", "reply", "post"),
        ("Do you have diabetes? Our clinic can help.", "R17", "ad", "post"),
        ("Botox appointments available this week.", "R20", "ad", "post"),
        ("You should take 400 mg of ibuprofen.", "R22", "reply", "ad"),
        ("Thank you for your feedback.", "R4", "reply", "post"),
    ],
)
def test_rules_apply_only_to_the_kinds_of_text_they_govern(text, rule, flagged_as, not_flagged_as):
    assert rule in {f.rule for f in check_text(text, flagged_as)}
    assert rule not in {f.rule for f in check_text(text, not_flagged_as)}


def test_simple_negation_does_not_count_as_a_promise():
    assert not [f for f in check_text("We never guarantee results.", "post") if f.rule == "R10"]
    assert not [f for f in check_text("We do not promise a cure, and nothing is risk-free.", "post") if f.rule == "R10"]
    flagged = [f.span for f in check_text("No waiting, guaranteed results!", "post") if f.rule == "R10"]
    assert flagged == ["guaranteed"]


def test_missing_invitation_is_reported_at_the_end_of_the_reply():
    text = "Thank you for your feedback. We take every comment seriously."
    (finding,) = [f for f in check_text(text, "reply") if f.rule == "R4"]
    assert (finding.start, finding.end, finding.span) == (len(text), len(text), "")


def test_invisible_characters_and_curly_quotes_do_not_hide_a_violation():
    text = "Results guar\u200banteed. We\u2019re sorry your root canal hurt. Please call our office."
    findings = {f.rule: f for f in check_text(text, "reply")}
    assert findings["R10"].span == "guar\u200banteed"  # reported as written, invisible character included
    assert text[findings["R1"].start : findings["R1"].end] == findings["R1"].span
    assert "your root canal" in findings["R1"].span


def test_answers_may_quote_risky_words_as_examples_of_what_to_avoid():
    answer = 'Avoid "guaranteed" and "painless"; superlatives such as best dentist in town are banned [1].'
    assert check_text(answer, "answer") == []
    assert {"R10", "R13"} <= {
        f.rule for f in check_text('Post this: "Painless care by the best dentist in town!"', "post")
    }


def test_reviewer_name_is_flagged_only_when_given():
    text = "Thanks for the review, Jane. Please contact us privately."
    assert "R2" not in {f.rule for f in check_text(text, "reply")}
    assert [f.span for f in check_text(text, "reply", reviewer_name="jane doe") if f.rule == "R2"] == ["Jane"]
    # A part of a display name counts only when written as a name: "Happy Customer" must not flag "happy".
    assert not check_text("We are happy to help; please call us.", "reply", reviewer_name="Happy Customer")


def test_blank_text_has_no_findings_and_unknown_kind_is_an_input_error():
    assert check_text("   \n", "reply") == []
    with pytest.raises(InputError, match="unknown kind 'tweet'; use one of"):
        check_text("hello", "tweet")
    assert set(KINDS) == {"post", "caption", "reply", "ad", "answer"}


def _rule_data() -> dict:
    return yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["checks"][0]["patterns"].append("{no_such_words}"), "unknown vocabulary {no_such_words}"),
        (lambda d: d["checks"][0]["patterns"].append("(unclosed"), "invalid regular expression"),
        (lambda d: d["checks"].append(dict(d["checks"][0])), "duplicate check ids"),
        (lambda d: d["checks"][0].update(rule="R26"), "rule"),
        (lambda d: d["checks"][0].update(severity="critical"), "severity"),
    ],
)
def test_rule_file_mistakes_are_rejected_with_a_clear_message(change, message):
    data = _rule_data()
    change(data)
    with pytest.raises(ValidationError, match=message):
        RuleBook.model_validate(data)


def test_the_rule_file_loads_and_every_check_has_a_message_and_a_fix():
    book = load_rules()
    assert len(book.checks) >= 20
    assert all(c.message and c.fix and not re.match(r"R\d+\b", c.message) for c in book.checks)
    assert {c.rule for c in book.checks} <= set(book.rule_names)  # every rule has a plain name


def test_country_rules_apply_only_to_clinics_in_that_country():
    german = "Before and after: lip filler results from our Munich clinic"
    assert [f.severity for f in check_text(german, "post", country="DE")] == ["high"]  # HWG: banned in Germany
    assert [f.severity for f in check_text(german, "post", country="US")] == ["medium"]  # consent and wording only
    uk = "Botox now available at our London clinic"
    assert [f.rule for f in check_text(uk, "post", country="GB")] == ["R20"]  # a UK clinic's post is an advert
    assert check_text(uk, "post", country="US") == [] and check_text(uk, "post") == []


@pytest.mark.parametrize(
    ("text", "kind", "rule"),
    [
        ("Thank you Maria Rossi for trusting us with your knee replacement!", "post", "R2"),
        ("Happy 1st birthday to baby Leo! Love from the whole team to Mum Anna from Elm Street", "post", "R6"),
        ("One hundred percent safe treatments", "post", "R10"),
        ("100 percent safe treatments", "post", "R10"),
        ("Gu\u0430ranteed results", "post", "R10"),  # Cyrillic "а"
        ("G-U-A-R-A-N-T-E-E-D results", "ad", "R10"),
        ("g u a r a n t e e d smiles", "post", "R10"),
    ],
)
def test_disguised_wording_and_hidden_names_are_caught(text, kind, rule):
    findings = [f for f in check_text(text, kind) if f.rule == rule]
    assert findings, check_text(text, kind)
    for f in findings:
        assert text[f.start : f.end] == f.span  # reported as written, disguise included


def test_a_thank_you_for_a_positive_review_needs_no_private_channel():
    praise = "Thank you so much for your kind words! The whole team is delighted you had a great experience."
    assert not [f for f in check_text(praise, "reply") if f.rule == "R4"]
    complaint = "Thank you for your kind words about our staff; we are sorry the wait was long."
    assert [f for f in check_text(complaint, "reply") if f.rule == "R4"]


def test_a_welcome_post_for_a_new_team_member_is_not_a_hidden_patient_name():
    assert not [f for f in check_text("Welcome Sarah Jones, our new hygienist!", "post") if f.rule == "R2"]


def test_rows_of_a_pasted_patient_export_are_each_flagged_and_its_column_names_are_not():
    text = (
        "Great week! Here's who came in:\n"
        "demographic_no,last,first,dob,phone\n"
        "10442,Gagnon,Sophie,1985-02-11,613-555-0193\n"
        "10517,Hollis,Grant,1990-03-04,613-555-0101"
    )
    flagged = {f.span for f in check_text(text, "post") if f.rule == "R2"}
    assert {"10442", "Gagnon", "Sophie", "1985-02-11", "Hollis", "Grant"} <= flagged
    assert not flagged & {"demographic_no", "last", "first", "dob"}
    assert not [f for f in check_text("Our opening hours:\nDay,Open\nMon,9-5\nTue,9-5", "post") if f.rule == "R2"]


def test_a_two_column_export_is_flagged_when_both_columns_hold_patient_data():
    flagged = {f.span for f in check_text("Name;DOB\nGagnon Sophie;1985-02-11\nHollis Grant;1990-03-04", "post")}
    assert {"Gagnon Sophie", "1985-02-11", "Hollis Grant", "1990-03-04"} <= flagged
    assert not [f for f in check_text("Day,Name\nMon,Team photo\nTue,Flu tips", "post") if f.rule == "R2"]


@pytest.mark.parametrize(
    "text",
    [
        "Happy birthday to Rose, one of our longest-standing patients! Born 14/03/1951 and still smiling.",
        "Big cheers for Arthur today (DOB 02.11.1938), our oldest patient at 88!",
    ],
)
def test_a_date_of_birth_in_a_post_is_flagged(text):
    findings = check_text(text, "post")
    assert any(f.rule == "R2" and re.search(r"\d{4}", f.span) for f in findings)


def test_a_year_a_practice_was_founded_is_not_a_date_of_birth():
    assert not [
        f
        for f in check_text("Our practice was born on 01/09/1998 in a tiny room above a bakery.", "post")
        if "birth" in f.message
    ]
