"""Drafts that read wrong or repeat themselves (round 15, from the dev12 draft requests): a services list written as
prose, an acronym lower-cased in a notice, a closure span that lost its occasion, the same notice printed once per
platform, and a quoted title that lost to a later "on"."""

from __future__ import annotations

import re

from assistant.chat.compose import Asker
from assistant.chat.details import details_in
from tests.drafting import turn


def test_a_services_list_in_prose_is_the_practices_own_list(kb):
    text = (
        "Dietitian in Leeds. Could you write our Google Business Profile description? We offer weight management, "
        "coeliac advice, sports nutrition and IBS clinics. Keep it under 750 characters."
    )
    assert details_in(text, kb.countries).listed == (
        "weight management",
        "coeliac advice",
        "sports nutrition",
        "IBS clinics",
    )


def test_the_description_names_every_service_listed_without_the_lead_in(drafter):
    text = (
        "Dietitian in Leeds. Could you write our Google Business Profile description? We offer weight management, "
        "coeliac advice, sports nutrition and IBS clinics. Keep it under 750 characters."
    )
    drafts = drafter.drafts(turn(text, ["google_business"]), None, Asker())
    assert drafts, drafts
    body = drafts[0].text
    assert "We offer weight management, coeliac advice, sports nutrition and IBS clinics." in body
    assert not re.search(r"\bwe offer we (?:offer|do)\b", body, re.IGNORECASE)


def test_an_outage_notice_keeps_acronyms_and_is_printed_once_for_two_platforms_with_the_same_words(drafter):
    text = "Our EHR and IT systems are down this morning. Write a holding post for X and Facebook please"
    drafts = drafter.drafts(turn(text, ["x", "facebook"]), None, Asker(country="GB"))
    assert len(drafts) == 1, [d.title for d in drafts]
    assert "X and Facebook" in drafts[0].title
    assert "IT systems" in drafts[0].text and "it systems" not in drafts[0].text


def test_a_closure_for_a_festival_keeps_the_festival_and_reads_as_a_span(drafter):
    text = "Write an Instagram post saying our clinic is closed for Eid 9 Apr to 11 Apr, back after that"
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert drafts, drafts
    body = drafts[0].text
    assert "Eid" in body and "9 Apr to 11 Apr" in body
    assert "9 Apr and 11 Apr" not in body


def test_a_quoted_title_is_the_subject_rather_than_a_later_on(drafter):
    text = "Write a TikTok script: 'why retainers matter after braces'. Our nurse is happy to be on camera."
    subject = drafter.topics.subject(text)
    assert "retainer" in subject and "camera" not in subject
    # A cue before the title still wins: "a reel on X: 'Title'".
    assert "sunscreen" in drafter.topics.subject("A reel on sunscreen: 'the summer series, part 2'")
