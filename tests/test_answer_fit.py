"""An answer fitted to the asker: country variants (IE, NZ), verdicts that mean what the asker asked, a two-part
message whose "it" points back, and topic ideas from the asker's specialty on cards about what to post."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest

from assistant.chat.compose import Asker, Composer, Numbering, card_part, choose_variant
from assistant.chat.data import chat_data
from assistant.chat.specialty_topics import topic_ideas
from assistant.errors import KnowledgeError
from assistant.knowledge import load_knowledge
from assistant.knowledge.cards import CardItem, CardVariant
from assistant.matching import CardMatch
from assistant.question_split import split_question, subject_of
from tests.conftest import FIXTURE_KNOWLEDGE

# --- countries ---------------------------------------------------------------------------------------------------


def _with_variants(kb, card_id: str, *variants: dict):
    card = kb.card(card_id).card
    return card.model_copy(update={"variants": tuple(CardVariant.model_validate(v) for v in variants)})


def test_an_irish_asker_gets_the_irish_variant_else_the_eu_one_and_a_new_zealander_neither(kb):
    eu = {"when": {"country": ["EU"]}, "add": "In the EU the GDPR applies to every identifiable patient."}
    ie = {"when": {"country": ["IE"]}, "add": "In Ireland the Medical Council's guide adds its own rules."}
    au = {"when": {"country": ["AU"]}, "add": "In Australia Ahpra's advertising guidelines apply as well."}
    both = _with_variants(kb, "testimonials-can-we-post", eu, ie, au)
    eu_only = _with_variants(kb, "testimonials-can-we-post", eu, au)
    irish = Asker(country=kb.countries.rules_for("IE"), code="IE")
    assert choose_variant(both, irish).add.startswith("In Ireland")
    assert choose_variant(eu_only, irish).add.startswith("In the EU")
    kiwi = Asker(country=kb.countries.rules_for("NZ"), code="NZ")
    assert kiwi.country == "NZ" and choose_variant(both, kiwi) is None
    german = Asker(country="EU", code="DE")
    assert choose_variant(both, german).add.startswith("In the EU")


# --- which variant: the most specific fit to the asker (knowledge/data/chat.yaml `variant_fit`) ---------------------

_US = {"when": {"country": ["US"]}, "add": "In the US the FTC's rules on reviews apply to every practice."}
_GB = {"when": {"country": ["GB"]}, "add": "In the UK the GMC's guidance applies to every doctor online."}
_EU = {"when": {"country": ["EU"]}, "add": "In the EU the GDPR applies to every identifiable patient."}
_THERAPY = {"when": {"specialty": ["psychiatry_psychotherapy"]}, "add": "For therapists the ethics code goes further."}
_BOTH = {
    "when": {"country": ["US"], "specialty": ["psychiatry_psychotherapy"]},
    "add": "For therapists in the US the ethics code and the FTC rules both apply.",
}


def _fit(kb, *variants):
    return _with_variants(kb, "testimonials-can-we-post", *variants)


def _therapist(kb, code: str, country_stated=False, specialty_stated=False) -> Asker:
    return Asker(
        country=kb.countries.rules_for(code),
        code=code,
        specialty="psychiatry_psychotherapy",
        country_stated=country_stated,
        specialty_stated=specialty_stated,
    )


def test_a_specialty_outranks_a_country_that_only_the_profile_gives(kb):
    # A therapist whose saved profile names the US (every new profile does) asks about review requests.
    for order in ((_US, _THERAPY), (_THERAPY, _US)):
        assert choose_variant(_fit(kb, *order), _therapist(kb, "US")).add.startswith("For therapists")
    assert choose_variant(_fit(kb, _US, _THERAPY), _therapist(kb, "US", specialty_stated=True)).add.startswith(
        "For therapists"
    )
    # "I'm a therapist in the US": a named specialty is still the narrower fit.
    named = _therapist(kb, "US", country_stated=True, specialty_stated=True)
    assert choose_variant(_fit(kb, _US, _THERAPY), named).add.startswith("For therapists")


def test_a_country_named_in_the_question_outranks_the_profiles_specialty_and_country(kb):
    # A therapist's profile; the question says "in Germany": the EU note, whatever the card's order.
    for order in ((_THERAPY, _EU), (_EU, _THERAPY)):
        asker = _therapist(kb, "DE", country_stated=True)
        assert choose_variant(_fit(kb, *order), asker).add.startswith("In the EU")
    # Unnamed, the same German profile gets the specialty's note.
    assert choose_variant(_fit(kb, _EU, _THERAPY), _therapist(kb, "DE")).add.startswith("For therapists")


def test_a_variant_fitting_both_country_and_specialty_outranks_either(kb):
    for stated in ((False, False), (True, False), (False, True), (True, True)):
        for order in ((_US, _THERAPY, _BOTH), (_BOTH, _THERAPY, _US)):
            chosen = choose_variant(_fit(kb, *order), _therapist(kb, "US", *stated))
            assert chosen.add.startswith("For therapists in the US"), stated
    # ... and one for another country never fits.
    assert choose_variant(_fit(kb, _BOTH, _GB), _therapist(kb, "GB")).add.startswith("In the UK")


def test_a_specialty_note_about_another_country_gives_way_to_the_askers_country(kb):
    # The dentists' note cites a US code; an Australian dentist gets the Australian note, an American one the
    # dentists' note, and a dentist of unknown country the dentists' note.
    dental = {"when": {"specialty": ["dentistry"]}, "add": "The ADA Code applies in full in Texas and every state."}
    au = {"when": {"country": ["AU"]}, "add": "In Australia Ahpra's advertising guidelines apply as well."}
    card, places = _fit(kb, dental, au, _US), kb.countries
    aussie = Asker(country="AU", code="AU", specialty="dentistry")
    assert choose_variant(card, aussie, None, places).add.startswith("In Australia")
    assert (
        choose_variant(card, Asker(country="US", code="US", specialty="dentistry"), None, places).add[:7] == "The ADA"
    )
    assert choose_variant(card, Asker(specialty="dentistry"), None, places).add.startswith("The ADA")
    # With no note for their country, the Australian dentist still gets the dentists' note.
    assert choose_variant(_fit(kb, dental), aussie, None, places) is not None


# --- a variant about another profession's regulator (knowledge/data/chat.yaml `variant_fit.regulators`) ----------

_GMC = {
    "when": {"country": ["GB"]},
    "add": "The GMC expects the same confidentiality online as in the consulting room.",
}
_GDC = {
    "when": {"country": ["GB"], "specialty": ["dentistry"]},
    "add": "The GDC's standards say you must not post any information about patients online.",
}


def _uk(specialty: str | None) -> Asker:
    return Asker(country="GB", code="GB", specialty=specialty, country_stated=True)


def test_a_note_about_the_gmc_is_not_shown_to_a_uk_dentist_or_physio_but_is_to_a_doctor(kb):
    fit = chat_data().variant_fit
    assert choose_variant(_fit(kb, _GMC), _uk("dentistry"), fit) is None
    assert choose_variant(_fit(kb, _GMC), _uk("physiotherapy"), fit) is None
    assert choose_variant(_fit(kb, _GMC, _GDC), _uk("dentistry"), fit).add.startswith("The GDC's")
    # Doctors, and askers whose profession is unknown, keep it.
    assert choose_variant(_fit(kb, _GMC, _GDC), _uk("general_practice"), fit).add.startswith("The GMC")
    assert choose_variant(_fit(kb, _GMC), _uk(None), fit).add.startswith("The GMC")
    # Possessives count as naming the regulator; a sentence about every regulator is for everyone.
    owned = {"when": {"country": ["GB"]}, "add": "Under the GMC's guidance, think before you post about anyone."}
    assert choose_variant(_fit(kb, owned), _uk("podiatry"), fit) is None
    every = {"when": {"country": ["GB"]}, "add": "Check with the GMC or your own regulator before posting this."}
    assert choose_variant(_fit(kb, every), _uk("dentistry"), fit).add.startswith("Check with")


def test_the_regulators_register_known_specialties(kb):
    for regulator in chat_data().variant_fit.regulators:
        assert set(regulator.registers) <= set(kb.specialties), regulator.names


def test_a_specialty_variant_beats_a_us_note_for_a_therapist_with_a_default_profile(kb):
    """The real card: a therapist whose profile names the US gets the therapist answer on review requests."""
    card = kb.card("asking-for-reviews-how-to-ask").card
    therapy = [v for v in card.variants if v.when.specialty]
    chosen = choose_variant(card, _therapist(kb, "US"), chat_data().variant_fit, kb.countries)
    assert chosen in therapy and chosen.lead


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("GP in Auckland, can I post patient stories?", "NZ"),
        ("Is the Medical Council of New Zealand strict about testimonials?", "NZ"),
        ("What's the GDPR position on posting staff photos on our practice Instagram in Dublin?", "IE"),
        ("ST3 in paeds. Should trainees correct misinformation online?", "GB"),
        ("BC physician, cosmetic clinic. Can I offer a free consult giveaway on Instagram?", "CA"),
        ("PharmD with 60k followers on TikTok: can I answer drug questions?", "US"),
    ],
)
def test_new_zealand_is_a_country_and_a_member_state_outranks_its_rule_set(kb, question, code):
    assert kb.countries.named_in(question) == code


def test_a_kiwi_smoothie_is_not_new_zealand_and_the_eu_alone_stays_the_eu(kb):
    assert kb.countries.named_in("a kiwi smoothie recipe for our dietitian page") is None
    assert kb.countries.named_in("Does the GDPR apply to our Instagram?") == "EU"


def test_a_variant_for_a_country_the_table_does_not_list_is_a_clear_error(tmp_path):
    root = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, root)
    path = root / "answers" / "tests" / "review-replies.yaml"
    text = path.read_text(encoding="utf-8")
    assert "when: {country: [GB]}" in text
    path.write_text(text.replace("when: {country: [GB]}", "when: {country: [NZ]}", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="NZ"):  # the fixture's countries.yaml has no New Zealand
        load_knowledge(root)


def test_a_new_zealand_answer_resting_on_rules_says_the_guides_do_not_cover_new_zealand(kb):
    composer = Composer(kb, None, chat_data().answer)
    compliance = next(g for g in kb.guides if g.meta.category == "compliance")
    cited = [SimpleNamespace(doc_id=compliance.id)]
    assert "New Zealand" in composer.country_gap("NZ", cited)
    assert "EU-wide" in composer.country_gap("IE", cited)
    assert composer.country_gap("NZ", []) == ""


# --- verdicts ------------------------------------------------------------------------------------------------------


def _asked(kb, card_id: str, asked: str) -> CardMatch:
    card = kb.card(card_id)
    return CardMatch(card, 1.0, card.card.questions[0], 0.95, 0.2, asked)


def test_a_verdict_is_dropped_when_the_question_is_framed_the_other_way_or_offers_a_choice(kb):
    framing = chat_data().verdicts
    card = kb.card("start-tiktok-too-silly").card
    assert card.lead.startswith("Not if")
    for asked in (
        "Urologist in Tennessee. Is this a real thing urologists do or a gimmick?",
        "Is TikTok worth it for a urology practice?",
    ):
        lead = card_part(_asked(kb, "start-tiktok-too-silly", asked), Asker(), Numbering(kb), framing).lead
        assert not lead.startswith("Not"), asked
    # a question with an "or" that is not framed both ways keeps the verdict
    linkedin = kb.card("start-linkedin-is-it-worth-it").card
    assert linkedin.lead.startswith("Yes")
    asked = "Is LinkedIn worth it for a private practice dermatologist or is it just for job hunting?"
    lead = card_part(_asked(kb, "start-linkedin-is-it-worth-it", asked), Asker(), Numbering(kb), framing).lead
    assert lead.startswith("Yes")
    # the card's own framing keeps its verdict
    same = card_part(_asked(kb, "start-tiktok-too-silly", "Isn't TikTok a bit silly for a GP?"), Asker(), Numbering(kb))
    assert same.lead.startswith("Not if")


def test_a_yes_to_which_tags_to_avoid_does_not_answer_can_i_use_this_tag(kb):
    framing = chat_data().verdicts
    card = kb.card("hashtags-risky").card
    assert card.lead.startswith("Yes") and "avoid" in card.questions[0]
    asked = "cosmetic RN on the Gold Coast. can i use hashtags like #lipfiller #antiwrinkle on my posts? everyone does"
    lead = card_part(_asked(kb, "hashtags-risky", asked), Asker(), Numbering(kb), framing).lead
    assert not lead.startswith("Yes")


def test_a_yes_does_not_answer_is_that_enough(kb):
    framing = chat_data().verdicts
    card = kb.card("patient-photos-consent-children").card
    assert card.lead.startswith("Yes")
    asked = "Pediatric SLP practice. We have a yes/no photo box on intake. Is that enough??"
    lead = card_part(_asked(kb, "patient-photos-consent-children", asked), Asker(), Numbering(kb), framing).lead
    assert not lead.startswith("Yes")
    plain = "Can we post photos of children on our practice page?"
    lead = card_part(_asked(kb, "patient-photos-consent-children", plain), Asker(), Numbering(kb), framing).lead
    assert lead.startswith("Yes")


def test_a_yes_about_approval_does_not_answer_should_i_take_the_deal(kb):
    framing = chat_data().verdicts
    card = kb.card("nigeria-arcon-approval-and-influencers").card
    assert card.lead.startswith("Yes")
    asked = "A skincare brand offers to pay me to promote its serum in my white coat. Should I accept the offer?"
    lead = card_part(_asked(kb, "nigeria-arcon-approval-and-influencers", asked), Asker(), Numbering(kb), framing).lead
    assert not lead.startswith("Yes")
    plain = "Does a paid influencer post for our Abuja clinic need ARCON approval?"
    lead = card_part(_asked(kb, "nigeria-arcon-approval-and-influencers", plain), Asker(), Numbering(kb), framing).lead
    assert lead.startswith("Yes")


# --- a two-part message whose "it" points back ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "second"),
    [
        ("Is TikTok worth it, and who should actually run it?", "who should actually run TikTok?"),
        ("Should we start a podcast, and how do we promote it?", "how do we promote a podcast?"),
        ("Are Instagram Reels worth the effort, and how do I make them?", "how do I make Instagram Reels?"),
    ],
)
def test_a_later_parts_it_means_what_the_first_part_is_about(message, second):
    split = split_question(message)
    assert len(split.questions) == 2
    assert split.matched_text(split.questions[1]) == second
    assert split.matched_text(split.questions[0]) == split.questions[0]


def test_without_a_subject_nothing_is_replaced():
    assert subject_of("Is it worth it") is None
    split = split_question("Is it worth it, and who should run it?")
    assert split.matched_text(split.questions[1]) == split.questions[1]


# --- topic ideas for the asker's specialty ---------------------------------------------------------------------------


def test_topic_ideas_come_from_the_specialty_file_named_topics_first_in_the_platforms_format(kb):
    settings = chat_data().specialty_ideas
    urology = kb.specialties["urology"]
    question = "Urologist. Our marketing person wants me on TikTok talking about ED and kidney stones. Worth it?"
    ideas = topic_ideas(urology, question, kb.platforms["tiktok"], settings)
    titles = {t.title for t in urology.topics}
    assert len(ideas) == settings.count
    assert all(i.split(" (")[0] in titles for i in ideas)
    assert "kidney stones" in ideas[0].lower()
    video = next(f.name for f in kb.platforms["tiktok"].formats if f.kind == "video")
    assert all(i.endswith(f"({video})") for i in ideas)
    plain = topic_ideas(urology, "What should we post?", None, settings)
    assert all(p in titles for p in plain) and len({t.pillar for t in urology.topics if t.title in plain}) == len(plain)


def _turn(kb, question: str, specialty: str | None, platforms=()):
    return SimpleNamespace(
        query=question, question=question, masked=question, off_topic=False, covered=True, country=None,
        specialty=specialty, platforms=list(platforms), platforms_named=bool(platforms), intent="strategy",
        language="en", masked_kinds=[], warnings=[], passages=[], tainted=set(),
    )  # fmt: skip


class _OneCard:
    """A matcher that answers every question with one card (the engine's own matcher is tested elsewhere)."""

    def __init__(self, kb, card_id: str) -> None:
        self.card = kb.card(card_id)
        self.cards = (self.card,)
        self.confidence = 0.9

    def answer_cards(self, question, country=None, code=None, nearby=None, profession=None, excluded=frozenset()):
        return [CardMatch(self.card, 1.0, self.card.card.questions[0], self.confidence, 0.2, question)]


def _composer(kb, card_id: str) -> Composer:
    data = chat_data()
    return Composer(kb, _OneCard(kb, card_id), data.answer, None, data.verdicts, data.specialty_ideas)


def test_a_card_about_what_to_post_ends_with_ideas_for_the_askers_specialty_only_when_one_is_named(kb):
    from assistant.chat.markdown import body_markdown

    composer = _composer(kb, "start-tiktok-first-month")
    question = "Urologist here, what should our first TikToks be?"
    answer = composer.compose(_turn(kb, question, "urology", ["tiktok"]), None)
    assert answer.ideas is not None and answer.ideas.specialty == "urology"
    assert "urology" in answer.ideas.heading
    text = body_markdown(answer, chat_data().answer)
    assert answer.ideas.heading in text and all(f"- {i}" in text for i in answer.ideas.items)
    # no specialty from the question or a profile: no block, never a default one
    assert composer.compose(_turn(kb, "What should our first TikToks be?", None), None).ideas is None
    # nor under an answer that says it answers a nearby question
    composer.matcher.confidence = 0.3
    assert composer.compose(_turn(kb, question, "urology", ["tiktok"]), None).ideas is None


def test_rules_and_conduct_cards_never_get_topic_ideas(kb):
    settings = chat_data().specialty_ideas
    for card_id in ("start-tiktok-what-to-avoid", "uk-gmc-guidance-what-it-says", "patient-photos-consent-children"):
        if card_id not in {c.id for c in kb.cards}:
            continue
        composer = _composer(kb, card_id)
        answer = composer.compose(_turn(kb, "what are the rules?", "urology"), None)
        assert answer.ideas is None, card_id
    assert not settings.applies_to("start-tiktok", "start-tiktok-what-to-avoid")


def test_the_themes_and_cards_named_for_topic_ideas_exist(kb):
    settings = chat_data().specialty_ideas
    themes, ids = {c.theme for c in kb.cards}, {c.id for c in kb.cards}
    assert settings.themes and not set(settings.themes) - themes
    assert not set(settings.not_cards) - ids
    areas = {c.theme: c.area for c in kb.cards}
    assert {areas[t] for t in settings.themes}.isdisjoint({"rules", "countries", "conversations"})


@pytest.mark.parametrize(
    ("message", "context", "questions"),
    [
        (
            "Doctor in Lucknow. 1) Is it OK to add my patients to a WhatsApp broadcast list? 2) Can I ask them for "
            "Google reviews?",
            "Doctor in Lucknow.",
            ("Is it OK to add my patients to a WhatsApp broadcast list?", "Can I ask them for Google reviews?"),
        ),
        (
            "RN in Brisbane. Q1: can I post TikToks in my uniform? Q2: a former patient followed me, do I block them?",
            "RN in Brisbane.",
            ("can I post TikToks in my uniform?", "a former patient followed me, do I block them?"),
        ),
        (
            "I'm an SLT in Newcastle. First - can I film sessions with kids? "
            "Second - LinkedIn or Instagram for referrals?",
            "I'm an SLT in Newcastle.",
            ("can I film sessions with kids?", "LinkedIn or Instagram for referrals?"),
        ),
        (
            "Two things from an optometry practice in Harrogate: 1) is Facebook or Instagram better for us? "
            "and 2) what do we do about a bad Google review?",
            "Two things from an optometry practice in Harrogate.",
            ("is Facebook or Instagram better for us?", "what do we do about a bad Google review?"),
        ),
    ],
)
def test_numbered_questions_are_cut_at_their_numbers_and_the_context_kept_for_each(message, context, questions):
    split = split_question(message)
    assert split.context == context and split.questions == questions
    assert all(split.matched_text(q).startswith(context) for q in questions)


def test_a_number_inside_a_sentence_is_not_a_list():
    assert split_question("We charge 2.5 per cent for card payments. Is that ok to post?").questions == (
        "We charge 2.5 per cent for card payments. Is that ok to post?",
    )


def test_therapy_clients_name_a_therapist_but_speech_or_occupational_therapy_clients_do_not(kb):
    """ "therapy clients" is a psychotherapist's word; "speech therapy clients" are a speech therapist's,
    "occupational therapy clients" an occupational therapist's, and a massage therapist's clients name no specialty
    the knowledge base holds."""
    from assistant.chat.data import intent_data
    from assistant.chat.intents import MentionFinder

    finder = MentionFinder(kb, intent_data(kb.root))
    assert finder.find("Can I ask my therapy clients for a review?").specialty_ids == ["psychiatry_psychotherapy"]
    assert finder.find("Can I ask my massage therapy clients for a review?").specialty_ids == []
    occupational = finder.find("Can I ask my occupational therapy clients for a review?")
    assert occupational.specialty_ids == ["occupational_therapy"]
    speech = finder.find("Can I ask my speech therapy clients for a review?")
    assert speech.specialty_ids == ["speech_language_therapy"]
    assert finder.find("Can I ask my physical therapy clients for a review?").specialty_ids == ["physiotherapy"]


# --- steps that would do what the verdict forbids; cautions scoped to another country ------------------------------


def _part_for(kb, card_id: str, asker: Asker):
    card = kb.card(card_id)
    return card_part(CardMatch(card, 1.0, card.card.questions[0], 0.9, 0.2), asker, Numbering(kb))


def test_a_country_variant_that_says_no_is_not_followed_by_the_cards_steps_for_doing_it(kb):
    # The general testimonials card says "yes, with signed authorization" and lists how to publish one; Australia
    # bans clinical testimonials and New Zealand's variant says to check the Medical Council's statement first.
    general = _part_for(kb, "testimonials-can-we-post", Asker(country="US", code="US"))
    assert len(general.steps) >= 3 and any("authorization" in s for s in general.steps)
    for code in ("AU", "NZ"):
        part = _part_for(kb, "testimonials-can-we-post", Asker(country=code, code=code))
        assert part.lead.startswith(("No", "Not", "Check")), part.lead
        assert not any("authorization" in s or "results statement" in s for s in part.steps), (code, part.steps)


def test_an_uncovered_country_gets_no_steps_for_what_covered_countries_ban(kb):
    # Republishing reviews: allowed with authorization in general, banned or "check first" in AU and NZ. For a
    # country the guides do not cover (Singapore), the steps for republishing may be what its regulator bans.
    assert _part_for(kb, "testimonials-reposting-reviews", Asker(country="US", code="US")).steps
    assert _part_for(kb, "testimonials-reposting-reviews", Asker()).steps  # country unknown: the general answer
    assert not _part_for(kb, "testimonials-reposting-reviews", Asker(code="SG")).steps


def test_a_caution_scoped_to_another_country_is_left_out_for_an_asker_elsewhere(kb):
    def cautions(asker):
        return " ".join(_part_for(kb, "testimonials-can-we-post", asker).watch_out)

    assert "In South Africa" in cautions(Asker())  # country unknown: every country's caution stays
    assert "In South Africa" in cautions(Asker(code="ZA"))  # its own country's caution
    for asker in (Asker(country="NZ", code="NZ"), Asker(country="US", code="US"), Asker(code="SG")):
        assert "In South Africa" not in cautions(asker), asker


def _with_items(kb, card_id: str, steps: tuple[str | dict, ...], variants: tuple[dict, ...] = ()):
    card = kb.card(card_id)
    inner = card.card.model_copy(
        update={
            "steps": tuple(CardItem.model_validate(s) for s in steps),
            "variants": tuple(CardVariant.model_validate(v) for v in variants) or card.card.variants,
        }
    )
    return card.model_copy(update={"card": inner})


def test_a_step_that_follows_a_step_left_out_for_the_asker_goes_too(kb):
    # A US-only step is left out for a clinic elsewhere; the step that follows it would then refer to nothing.
    card = _with_items(
        kb,
        "telehealth-and-online-services-reaching-beyond-your-area",
        (
            "Target by location, never by condition [1].",
            {"text": "Note that a service marketing to Washington residents can be covered [1].", "countries": ["US"]},
            {"text": "Where that Act applies, get consent to collect consumer health data [1].", "follows": True},
            "Keep tracking pixels off booking pages [1].",
        ),
    )
    match = CardMatch(card, 1.0, card.card.questions[0], 0.9, 0.2)
    us = card_part(match, Asker(country="US", code="US"), Numbering(kb)).steps
    assert len(us) == 4 and any(s.startswith("Where that Act") for s in us)
    assert len(card_part(match, Asker(), Numbering(kb)).steps) == 4  # country unknown: every step
    for asker in (Asker(code="SG"), Asker(country="GB", code="GB")):
        steps = card_part(match, asker, Numbering(kb)).steps
        assert [s.split()[0] for s in steps] == ["Target", "Keep"], (asker, steps)


def test_a_step_naming_another_country_and_resting_only_on_its_guides_is_left_out(kb):
    # The telehealth card's Washington and Nevada step cites the Washington guide only: no answer for Singapore or
    # the UK; a step citing a general guide stays even when it names a country.
    part = _part_for(kb, "telehealth-and-online-services-reaching-beyond-your-area", Asker(country="US", code="US"))
    assert any("Nevada" in s for s in part.steps)
    for asker in (Asker(code="SG"), Asker(country="GB", code="GB"), Asker(country="AU", code="AU")):
        part = _part_for(kb, "telehealth-and-online-services-reaching-beyond-your-area", asker)
        assert not any("Nevada" in s or "Where that Act" in s for s in part.steps), (asker, part.steps)
        assert part.steps  # the general steps stay
    assert any(
        "Nevada" in s for s in _part_for(kb, "telehealth-and-online-services-reaching-beyond-your-area", Asker()).steps
    )


def test_a_scoped_step_is_shown_by_its_data_not_its_wording(kb):
    # The scope is the item's `countries`, not its first words: an item opening "In the US," with no scope is for
    # everyone, and a scoped one whose words name no place is for its countries (and their rule set) only.
    card = _with_items(
        kb,
        "telehealth-and-online-services-reaching-beyond-your-area",
        (
            "In the US, and everywhere else, target by location [1].",
            {"text": "Get written consent under the Italian rules [1].", "countries": ["IT"]},
            "Keep tracking pixels off booking pages [1].",
        ),
    )
    match = CardMatch(card, 1.0, card.card.questions[0], 0.9, 0.2)
    for asker, shown in (
        (Asker(country="GB", code="GB"), 2),
        (Asker(code="SG"), 2),
        (Asker(country="EU", code="IT"), 3),
        (Asker(country="EU", code="DE"), 3),  # the same rule set
        (Asker(), 3),
    ):
        assert len(card_part(match, asker, Numbering(kb)).steps) == shown, asker


def test_a_lead_that_says_no_for_the_askers_own_country_is_not_followed_by_steps_for_doing_it(kb):
    # A rule set's variant says yes for most members and no for one ("In Germany, not for ..."), and says so as
    # data (`no_steps_for`): a clinic there gets no steps for posting; another member keeps them.
    lead = (
        "In most of the EU, usually yes with written consent [1]. In Germany, not for purely cosmetic treatments: "
        "public before-and-after images of procedures that are not medically necessary are banned [1]."
    )
    card = _with_items(
        kb,
        "before-after-photos-allowed",
        ("Get signed consent for each image [1].", "Take both photos the same way [1].", "Add typical results [1]."),
        ({"when": {"country": ["EU"]}, "lead": lead, "no_steps_for": ["DE"]},),
    )
    match = CardMatch(card, 1.0, card.card.questions[0], 0.9, 0.2)
    assert card_part(match, Asker(country="EU", code="DE"), Numbering(kb)).steps == []
    assert len(card_part(match, Asker(country="EU", code="FR"), Numbering(kb)).steps) == 3
    assert len(card_part(match, Asker(country="EU"), Numbering(kb)).steps) == 3


def test_a_canadian_asking_for_reviews_is_sent_to_the_college_first(kb):
    # Ontario's CPSO tells physicians not to ask patients for ratings: a Canadian clinic is not told "Yes, ask".
    here = _part_for(kb, "asking-for-reviews-how-to-ask", Asker(country="CA", code="CA"))
    assert here.lead.startswith("Check") and "CPSO" in here.lead, here.lead
    assert any("Ontario physician" in s for s in here.steps)
    elsewhere = _part_for(kb, "asking-for-reviews-how-to-ask", Asker(country="GB", code="GB"))
    assert elsewhere.lead.startswith("Yes") and "CPSO" not in " ".join([elsewhere.lead, *elsewhere.steps])
