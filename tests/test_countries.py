"""Finding the asker's country in a question (knowledge/data/countries.yaml): places, regulators and job words."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from assistant.knowledge.cards import markers
from assistant.knowledge.countries import Countries


@pytest.mark.parametrize(
    ("question", "code", "rules"),
    [
        ("Physio in Halifax, can I post before and after photos?", "CA", "CA"),
        ("Unsere Praxis in Köln: Instagram-Werbung erlaubt?", "DE", "EU"),
        ("Should our GP surgery be on Instagram?", "GB", "GB"),
        ("I'm an FY2 - can I post about my rotations?", "GB", "GB"),
        ("ASL rules for a clinic posting on Facebook", "IT", "EU"),
        ("Do AHPRA rules allow testimonials?", "AU", "AU"),
        ("The CQC is inspecting us next month, is our Instagram a problem?", "GB", "GB"),
        ("Our aesthetic clinic is in Salzburg", "AT", "EU"),
        ("PGY-2 here, can I post on TikTok?", "US", "US"),
        ("I'm the office manager at a family practice in Georgia. Who should run our social media?", "US", "US"),
        ("Dentist in Utah: can we use AI testimonials?", "US", "US"),
        ("Plastic surgeon in LA, are surgery videos on TikTok weird?", "US", "US"),
        ("Do I need a BAA with Canva if my team only schedules posts?", "US", "US"),
        ("Doctor in Limerick, someone is naming me in a Facebook group", "IE", "EU"),
        ("Zahnarztpraxis in Heidelberg: Vorher-Nachher-Bilder?", "DE", "EU"),
        ("Physio clinic in Mississauga wants to start a TikTok", "CA", "CA"),
        ("Dermatologist in Kochi, can I post patient photos?", "IN", "IN"),
    ],
)
def test_cities_regulators_and_job_words_name_the_country(kb, question, code, rules):
    assert kb.countries.named_in(question) == code
    assert kb.countries.rules_for(code) == rules


def test_a_place_named_anywhere_outranks_a_job_word(kb):
    assert kb.countries.named_in("I'm an FY2 doctor who moved to Sydney") == "AU"
    assert kb.countries.named_in("registrar in Toronto asking about TikTok") == "CA"
    assert kb.countries.named_in("Georgia from our Toronto clinic asks about Reels") == "CA"


def test_an_insurer_named_after_another_country_names_its_own(kb):
    """An orthodontist in Córdoba who takes "OSDE y Swiss Medical" had been told the guides do not cover Switzerland."""
    text = "Necesito una bio para Instagram: atiendo OSDE y Swiss Medical"
    assert kb.countries.named_in(text) == "AR"
    assert kb.countries.named_in("a Swiss clinic in Zurich") == "CH"


def test_common_words_do_not_name_a_country(kb):
    for text in (
        "Is it nice to post on Sundays?",
        "we use asl interpreters",
        "an attending note",
        "the surgery went well, can I post about it?",
        "We saw the Mayo Clinic's TikTok",
        "a photo of my labrador in the waiting room",
    ):
        assert kb.countries.named_in(text) is None, text


def test_weak_cues_are_data_and_a_bad_entry_is_a_clear_error():
    table = Countries.model_validate(
        {"countries": [{"code": "GB", "name": "United Kingdom", "rules": "GB", "cues": ["NHS"], "weak_cues": ["FY2"]}]}
    )
    assert table.named_in("an FY2 asks") == "GB" and table.named_in("a fy2 asks") is None
    with pytest.raises(ValidationError, match="weak_cues"):
        Countries.model_validate(
            {"countries": [{"code": "GB", "name": "UK", "rules": "GB", "cues": ["NHS"], "weak_cues": "FY2"}]}
        )


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("What should go in my Instagram bio? I'm a physio in bristol", "Bristol"),
        ("our Manchester GP practice needs a bio", "Manchester"),
        ("a dental clinic in New York", "New York"),
        ("Should our GP surgery be on Instagram?", None),
    ],
)
def test_a_city_in_the_text_is_found_as_the_data_spells_it_and_still_names_the_country(kb, text, city):
    assert kb.countries.city_in(text) == city
    if city:
        assert kb.countries.named_in(text) in ("GB", "US")


def test_the_narrowed_scan_names_the_same_country_as_the_whole_alternation(kb):
    """Only the cues a text contains are scanned; the first cue found, and so the country, must not change."""
    import re

    from assistant.knowledge.countries import _CueFinder

    finder, *_ = kb.countries._matchers
    whole = finder.pattern
    assert isinstance(whole, re.Pattern)
    texts = [
        "a GP in Leeds, trained in Sydney, registered with Ahpra",
        "our practice in TORONTO and one in london",
        "US-based, also the uk.",
        "an FY2 in the NHS",
        "ſydney physio",  # a non-ASCII letter that case-insensitive matching reads as "s": the whole scan is used
        "Instagram captions for a dentist",
    ]
    for text in texts:
        match = whole.search(text)
        expected = finder.codes[match.lastindex - 1] if match and match.lastindex else None
        assert finder.search(text) == expected, text
    assert _CueFinder([]).search("anything") is None


@pytest.mark.parametrize(
    ("text", "elsewhere"),
    [
        ("Write a Canada Day post for our physio clinic in Ottawa", True),
        ("Can an Alberta dental office post in English only?", True),
        ("Our clinic in Montreal wants English-only captions", False),
        ("We have offices in Toronto and Laval", False),  # a place of the region keeps its rules
        ("Do Canadian clinics have to post in French?", False),  # the country alone says nothing of the province
        ("A dental practice in Leeds", False),
    ],
)
def test_a_regions_own_rules_are_elsewhere_for_an_asker_naming_another_place_in_its_country(kb, text, elsewhere):
    rule = kb.countries.local_rules[0]
    guide, section = rule.sections[0]
    assert kb.countries.elsewhere(text, guide, section) is elsewhere
    assert not kb.countries.elsewhere(text, guide, "Some section that holds everywhere")


def test_every_local_rule_names_a_section_the_guides_have(kb):
    sections = [s for rule in kb.countries.local_rules for s in rule.sections]
    assert sections
    for guide, heading in sections:
        assert heading in kb.guide(guide).headings


@pytest.mark.parametrize(
    "text",
    [
        "A clinic in New South Wales, not Wales: NHS England or the NHS in Scotland?",
        "we're in Portland, OR or maybe Portland ME, and Kirkland WA too",
        "GP surgery in St. John's, Newfoundland; my cousin is a GP in St Johns Wood, London",
        "Dentist in Washington DC, trained in Washington state, moving to New York, NY next year",
        "nothing to find here",
        # Non-ASCII texts take the same path: "ſ" and the Kelvin sign match "s" and "k" when case is ignored.
        "ſydney physio, then a GP in Montréal — or Québec’s rules?",
        "Dentist in Auc\u212aland (NZ), formerly İstanbul and Zürich",
    ],
)
def test_scanning_only_the_cues_present_finds_what_the_whole_alternation_finds(kb, text):
    """The fast path (each cue present in the text searched on its own) must give the codes, in order, that one
    alternation of every cue gives (the path non-ASCII texts take), overlapping cues included."""
    for finder in (*kb.countries._matchers, kb.countries._cities):
        assert finder.pattern is not None
        whole = [finder.codes[m.lastindex - 1] for m in finder.pattern.finditer(text) if m.lastindex]
        assert list(finder.finditer(text)) == whole


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("Physio in Perth, Scotland: can I post exercise videos?", "GB"),
        ("Physio in Perth WA: can I post exercise videos?", "AU"),
        ("Physio in Perth, WA: can I post exercise videos?", "AU"),
        ("Dentist in Birmingham, AL. Can I reply to a Yelp review?", "US"),
        ("Dentist in Birmingham, Alabama. Can I reply to a Yelp review?", "US"),
        ("Dentist in Birmingham. Can I reply to a Google review?", "GB"),
        ("Optometrist in London, Ontario asking about Instagram", "CA"),
        ("GP in Sydney, Nova Scotia asking about TikTok", "CA"),
        ("Practice in Newcastle, NSW wants a Facebook page", "AU"),
        ("Clinic in Cambridge, MA wants to run ads", "US"),
        ("Spokane, WA dental office on TikTok", "US"),
        ("Dental clinic in Yokohama, we do many implant cases. What can we post?", "JP"),
        ("Family clinic in Tampines: can we repost our Google reviews?", "SG"),
    ],
)
def test_a_city_followed_by_its_region_or_country_names_that_one(kb, question, code):
    assert kb.countries.named_in(question) == code


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("Dental practice in New England: what about Instagram?", "US"),
        ("GP in a small town in Co. Mayo, should we use WhatsApp?", "IE"),
        ("Pharmacy in County Roscommon on Facebook", "IE"),
        ("Physio in Co. Antrim asking about reviews", "GB"),
        ("Dental group in Hertfordshire, our freelancer owns the Instagram", "GB"),
    ],
)
def test_places_that_contain_another_countrys_name_or_a_county_name_the_right_country(kb, question, code):
    assert kb.countries.named_in(question) == code


@pytest.mark.parametrize(
    "text",
    ["Médecin de famille à Montréal, notre Instagram est en anglais", "Dentiste au Québec: nos posts en anglais?"],
)
def test_a_place_written_with_its_own_accents_names_its_country(kb, text):
    # A French-speaking asker writes Montréal and Québec; read as no place (or as France, from "Médecin"), they
    # were given France's advertising rules instead of Quebec's language law.
    assert kb.countries.named_in(text) == "CA"


def test_an_uncovered_country_with_a_guide_of_its_own_names_its_regulator(kb):
    # Brazil's guide names the councils (CFM, CRM, CFO), citing the CFM: the notice says whom to ask.
    regulator = kb.countries.uncovered_country("BR").regulator
    assert regulator and "CRM" in regulator and "CFO" in regulator


def test_a_card_resting_on_an_uncovered_countrys_own_guide_is_only_for_that_country(kb):
    """South Africa's HPCSA card is no answer (nor a nearby one) for a GP in Ireland: a guide written for a country
    the guides otherwise do not cover makes its cards that country's, like any covered country's guide."""
    from assistant.matching import CardMatcher, card_regions
    from tests.fakes import FakeEmbedder

    regions = card_regions(kb)
    own = {g.id: set(g.meta.countries) for g in kb.guides if g.meta.countries}
    uncovered = {code for codes in own.values() for code in codes if kb.countries.uncovered_country(code) is not None}
    assert uncovered, "some guide is written for a country the rule sets do not cover"
    for card in kb.cards:
        cited = {card.card.cites[n - 1].guide for n in markers(card.card.lead)}
        places = set().union(*(own.get(g, set()) for g in cited)) if cited else set()
        if cited and all(g in own for g in cited) and places and places <= uncovered and not card.countries:
            assert regions.get(card.id) == frozenset(places), card.id
    matcher = CardMatcher(kb.cards, FakeEmbedder(), regions=regions)
    question = "Are South African doctors allowed to advertise on Facebook and Instagram?"
    irish = matcher.match(question, k=5, country="EU", code="IE")
    assert irish and not any(regions.get(m.card.id, frozenset()) & uncovered for m in irish[:1])
    south_african = matcher.match(question, k=1, country=None, code="ZA")[0]
    assert regions.get(south_african.card.id) == frozenset({"ZA"}), south_african.card.id


def test_a_text_scanned_again_gives_the_same_places_from_memory(kb):
    """Texts come back answer after answer, so a finder remembers what it found: asking again, or after more
    texts than it keeps, gives the same places, each time from the start."""
    from assistant.knowledge import countries

    finder = kb.countries._matchers[0]
    text = "A GP in Leeds, trained in Sydney"
    first = list(finder.found(text))
    assert [code for code, _, _ in first] == ["GB", "AU"]
    assert list(finder.found(text)) == first and finder.search(text) == "GB"
    for n in range(countries._REMEMBERED + 1):  # more texts than it keeps: it starts afresh
        finder.search(f"nothing here {n}")
    assert list(finder.found(text)) == first


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # A psychologist in Buenos Aires asking for a reply in Spanish was given Spain's medical code.
        ("Soy psicóloga en Buenos Aires. Can you write the reply in Spanish?", "AR"),
        ("Can you write the reply in Spanish?", None),
        ("Please translate our bio into German", None),
        ("Our Spanish-speaking patients in Texas", "US"),
        ("We need a bilingual English/Spanish receptionist", None),
        ("Subtitles in French and Dutch for our clinic videos?", None),
        # A language's people, or a place noun after it, still name the country.
        ("We are a Spanish clinic", "ES"),
        ("I work in Spanish clinics", "ES"),
        ("A German dermatologist asks about Instagram", "DE"),
    ],
)
def test_a_language_named_as_a_language_names_no_country(kb, text, code):
    assert kb.countries.named_in(text) == code
    assert kb.countries.all_named_in(text) == ([code] if code else [])


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Dentist, my own clinic in Wrocław", "PL"),
        ("Physio clinic in Porto", "PT"),
        ("Plastic surgeon in a private hospital in Istanbul", "TR"),
        ("Dermatologist in Bogotá", "CO"),
        # Words that are also everyday words name nothing.
        ("Can you polish my bio?", None),
        ("A Thanksgiving post without turkey photos", None),
        ("A Chinese New Year post for our clinic", None),
    ],
)
def test_more_countries_are_told_apart_and_everyday_words_are_not_countries(kb, text, code):
    assert kb.countries.named_in(text) == code


def test_an_eu_member_added_to_the_list_gets_the_eu_rules_and_a_non_member_none(kb):
    assert kb.countries.rules_for("PL") == "EU" and kb.countries.name_of("PL") == "Poland"
    assert kb.countries.rules_for("AR") is None and kb.countries.uncovered_country("AR") is not None
