"""A myth-busting script or caption on a subject no authored copy covers names each myth the asker gives, once, after
the place for the fact that replaces it; a script with no video named is still a video's script."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from assistant.chat.draft_copy import myths_named
from assistant.chat.drafts import Drafter, requested_kind
from tests.drafting import turn


@pytest.fixture(scope="module")
def drafter(kb):
    return Drafter(kb)


def test_the_myths_an_asker_lists_are_each_in_the_script_after_the_place_for_the_fact(drafter):
    text = (
        "I'm a speech therapist and I want to make a TikTok debunking myths about stammering. 30 seconds. Can you "
        "write the script? The ones I hear: 'it's caused by anxiety', 'just tell them to take a breath', 'children "
        "always outgrow it'."
    )
    [draft] = drafter.drafts(turn(text, ["tiktok"]), None, Asker(country=None))
    assert draft.kind == "video_script"
    assert "stammering" in draft.title and "3 things people get wrong about stammering" in draft.text
    for myth in ("it's caused by anxiety", "just tell them to take a breath", "children always outgrow it"):
        assert draft.text.count(myth) == 1, myth  # named once: a repeated myth is what sticks
        assert draft.text.index("[The fact") < draft.text.index(myth)
    assert "[your key point" not in draft.text


def test_one_myth_named_without_quotes_is_the_hook_and_the_one_point(drafter):
    text = (
        "Draft a 30-second reel script where I (midwife) bust the myth that you can't get pregnant while breastfeeding"
    )
    [draft] = drafter.drafts(turn(text, ["instagram"]), None, Asker(country=None))
    assert draft.kind == "video_script"
    assert "Heard that you can't get pregnant while breastfeeding?" in draft.text
    assert draft.title.endswith("the myth that you can't get pregnant while breastfeeding")


def test_a_caption_busting_listed_myths_keeps_the_subject_apart_from_the_myths(drafter):
    text = (
        "Write an Instagram caption busting two myths about hay fever: 'you grow out of it' and 'local honey "
        "fixes it'. GP practice in Leeds."
    )
    [draft] = drafter.drafts(turn(text, ["instagram"]), None, Asker(country="United Kingdom", code="GB"))
    assert draft.kind == "caption" and draft.title == "Instagram caption: myths about hay fever"
    assert draft.text.startswith("2 things people get wrong about hay fever, and what's true instead.")
    assert "\u201cyou grow out of it\u201d" in draft.text and "\u201clocal honey fixes it\u201d" in draft.text


@pytest.mark.parametrize(
    ("text", "myths"),
    [
        # a quoted title is no myth
        ("Write me a 45-60 second Reel script, talking to camera: '3 myths about ACL tears'.", []),
        ("Write a caption about sunscreen for summer: 'wear it every day'", []),  # no myth-busting asked
        (
            "Script busting two myths: 'cracking knuckles causes arthritis' and 'rest cures back pain'",
            ["\u201ccracking knuckles causes arthritis\u201d", "\u201crest cures back pain\u201d"],
        ),
    ],
)
def test_the_myths_named_are_quoted_claims_after_the_ask_not_titles(drafter, text, myths):
    assert myths_named(text, drafter.data.extras.myths) == myths


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Write me a script debunking three myths: 'braces are only for kids' and 'aligners are painless'",
            "video_script",
        ),
        ("Write me a 30 second script on why retainers matter", "video_script"),
        ("Write me a script for reception to ask patients for reviews", None),
        ("Can you write a script for the phones when people call about test results?", None),
    ],
)
def test_a_script_with_no_video_named_is_a_video_script_unless_it_is_for_the_phone_or_desk(drafter, text, kind):
    assert requested_kind(text, drafter.data) == kind


# --- several myths asked, none named: the field's own checked myths ------------------------------------------------


def test_a_carousel_of_myths_about_a_subject_busts_the_fields_checked_myths_on_it(drafter):
    """A physio's "carousel '5 myths about low back pain'" had got a template repeating the title on every slide, the
    facts left to add; the physios' checked posts on back-pain myths bust them now, fewer than asked said so."""
    text = "We want an Instagram carousel '5 myths about low back pain'. Can you write the text for each slide?"
    [draft] = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="physiotherapy"))
    assert draft.title.startswith("Instagram carousel") and "myths about low back pain" in draft.title
    assert "Myth: rest completely when your back hurts" in draft.text and "[" not in draft.text
    myths = [line for line in draft.text.splitlines() if line.startswith("Slide") and "Myth:" in line]
    assert 2 <= len(myths) <= 5 and all("{" not in m and not m.endswith("?") for m in myths)
    assert len(myths) == 5 or any("of the 5 myths you asked for" in n for n in draft.notes)


def test_a_script_on_a_fields_common_myths_busts_as_many_as_asked_from_its_checked_posts(drafter):
    text = "I'm a dentist. Write me a reel script busting 3 common dental myths"
    [draft] = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="dentistry"))
    assert draft.kind == "video_script"
    lines = [line for line in draft.text.splitlines() if line[:1].isdigit() and line[1:3] == ". "]
    assert len(lines) == 3 and all("Myth:" in line for line in lines) and "[The fact" not in draft.text


def test_a_script_for_a_quoted_title_of_myths_busts_the_fields_myths_whose_posts_turn_on_the_subject(drafter):
    """A dermatology PA's "30-45 second script for '3 sunscreen myths' that I can film on my phone" had got no draft
    (a range of seconds read as no script), then a cardiology script on phones and pacemakers (the cue "on" before
    the quoted title)."""
    text = "Can you write a 30-45 second script for '3 sunscreen myths' that I can film myself on my phone?"
    [draft] = drafter.drafts(turn(text), None, Asker(specialty="dermatology"))
    assert draft.kind == "video_script" and "sunscreen" in draft.title and "pacemaker" not in draft.text
    myths = [line for line in draft.text.splitlines() if line[:1].isdigit() and "Myth:" in line]
    assert len(myths) >= 2 and any("base tan" in m for m in myths)  # its post turns on SPF, not in its title
    caption = "Can you write me an Instagram caption for early summer about sunscreen myths?"
    [written] = drafter.drafts(turn(caption), None, Asker(specialty="dermatology"))
    assert written.title.endswith("myths about sunscreen") and "about about" not in written.text
    assert written.hashtags and written.text.endswith(" ".join(written.hashtags))  # a caption carries its tags


@pytest.mark.parametrize(
    ("text", "specialty"),
    [
        # the asker's own myths, quoted: each named, the facts to add (above)
        (
            "Write a reel script busting 2 myths about braces: 'you're too old at 40' and 'they always hurt'.",
            "orthodontics",
        ),
        # no field known: no field's myths
        ("Write a reel script busting 3 myths about back pain", None),
    ],
)
def test_no_checked_myths_stand_in_for_the_askers_own_or_for_an_unknown_field(drafter, text, specialty):
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty=specialty))
    assert not any("Each myth is our checked post" in n for d in drafts for n in d.notes)
