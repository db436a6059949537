"""Hybrid retrieval: the right guides for real questions, preferences, and bad input handled cleanly."""

from __future__ import annotations

import pytest

from assistant.chunking import chunk_guides
from assistant.errors import InputError
from assistant.index import open_index
from assistant.retrieval import MAX_QUERY_CHARS, Retriever, clean_query, tokenize
from tests.fakes import CountingEmbedder, FakeEmbedder, make_guide

# --- unit level: tiny synthetic guides and the hashing embedder ------------------------------------


def _body(text: str) -> str:
    return f"## Overview\n\n{text}\n\n## Details\n\nMore detail about {text.lower()}"


@pytest.fixture
def small(settings):
    guides = [
        make_guide("reviews", _body("Reply to negative reviews calmly without confirming the reviewer is a patient")),
        make_guide("hashtags", _body("Use three to five specific hashtags on Instagram posts")),
        make_guide(
            "dental-reviews",
            _body("Reply to negative reviews calmly without confirming the reviewer is a patient"),
            specialties=("dentistry",),
        ),
        make_guide("video", _body("Film short vertical videos with captions for TikTok"), platforms=("tiktok",)),
    ]
    chunks = chunk_guides(guides)
    embedder = CountingEmbedder(FakeEmbedder())
    return Retriever(open_index(settings, embedder), chunks, embedder, specialties={"dentistry", "dermatology"})


def test_tokenizer_lowercases_strips_punctuation_and_stop_words_and_plurals():
    assert tokenize("How do I answer the Reviews, replies & Stories?!") == ["answer", "review", "reply", "story"]
    assert tokenize("HIPAA status: glass") == ["hipaa", "status", "glass"]


def test_each_mode_finds_the_guide_that_matches(small):
    for mode in ("dense", "bm25", "hybrid"):
        assert small.search("how many hashtags on instagram", k=1, mode=mode)[0].doc_id == "hashtags", mode


def test_the_specialty_preference_lifts_guidance_written_for_that_specialty(small):
    query = "reply to negative reviews calmly"
    plain = [p.doc_id for p in small.search(query, k=4)]
    dental = [p.doc_id for p in small.search(query, k=4, specialty="dentistry")]
    assert dental[0] == "dental-reviews"
    assert plain.index("dental-reviews") >= dental.index("dental-reviews")
    assert plain[0] == "reviews"  # identical text: without a preference the general guide is not displaced


def test_the_platform_preference_lifts_guidance_for_that_platform(small):
    plain = small.search("short videos with captions and hashtags", k=4)
    tiktok = small.search("short videos with captions and hashtags", k=4, platforms=["tiktok"])
    score = {p.doc_id: p.score for p in plain}
    boosted = {p.doc_id: p.score for p in tiktok}
    assert boosted["video"] > score["video"]
    assert boosted["hashtags"] == score["hashtags"]


def test_results_are_not_all_from_one_guide_when_another_also_matches(settings):
    many = "\n\n".join(f"## Reviews {n}\n\nReply to negative reviews politely, variant {n}." for n in range(5))
    guides = [
        make_guide("reviews-long", many),
        make_guide("reviews-short", "## Reviews\n\nReply to negative reviews politely and briefly."),
        make_guide("hashtags", _body("Use three to five specific hashtags on Instagram posts")),
    ]
    retriever = Retriever(open_index(settings, FakeEmbedder()), chunk_guides(guides), FakeEmbedder())
    docs = [p.doc_id for p in retriever.search("reply to negative reviews politely", k=3)]
    assert docs[0] in ("reviews-long", "reviews-short")
    assert set(docs[:3]) >= {"reviews-long", "reviews-short"}


def test_passages_carry_citation_fields(small):
    passage = small.search("hashtags", k=1)[0]
    assert passage.title and passage.heading and passage.text and passage.chunk_id.startswith("hashtags#")
    assert passage.sources == [{"title": "Test source", "url": "https://example.org/source", "year": 2024}]


@pytest.mark.parametrize("query", ["", "   ", "\n\t "])
def test_an_empty_query_is_an_input_error(small, query):
    with pytest.raises(InputError, match="empty"):
        small.search(query)


def test_a_100_kb_query_is_truncated_and_still_answers(small):
    query = "how many hashtags on instagram " + "lorem ipsum dolor " * 6000
    assert len(query) > 100_000
    passages = small.search(query, k=2)
    assert passages and passages[0].doc_id == "hashtags"
    assert len(small.embedder.queries[-1]) <= MAX_QUERY_CHARS


def test_undecodable_characters_in_a_query_are_replaced_not_fatal(small):
    raw = b"hashtags on instagram \xff\xfe".decode("utf-8", "surrogateescape")
    assert "\ufffd" in clean_query(raw)
    assert small.search(raw, k=1)[0].doc_id == "hashtags"


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"k": 0}, "k must be"),
        ({"k": -3}, "k must be"),
        ({"k": 500}, "k must be"),
        ({"mode": "magic"}, "unknown search mode"),
        ({"specialty": "dentstry"}, "closest known: dentistry"),
        ({"platforms": ["instagramm"]}, "closest known: instagram"),
    ],
)
def test_bad_arguments_are_input_errors_that_say_what_is_allowed(small, kwargs, message):
    with pytest.raises(InputError, match=message):
        small.search("hashtags", **kwargs)


def test_the_first_search_builds_a_missing_index(small):
    assert small.index.count() == 0
    small.search("hashtags", k=1, mode="dense")
    assert small.index.count() == len(small.chunks)


# --- the real model over the real knowledge base ---------------------------------------------------


@pytest.fixture(scope="module")
def real(indexed):
    """The retriever over the real knowledge base, its index built once per session (tests/conftest.py)."""
    return indexed.retriever


@pytest.mark.slow
@pytest.mark.parametrize(
    "question, expected",
    [
        ("someone gave us a one star review on google, how do I answer without breaking privacy", "negative-reviews"),
        ("a patient wants us to delete the photo she agreed to last year", "patient-consent"),
        ("is it ok to only ask happy patients for reviews?", "fake-reviews-review-gating"),
        ("how many hashtags should I use on instagram", "platform-instagram"),
        ("how do I work out the return on investment of our social media", "measuring-results"),
        ("how do i claim our google business profile", "platform-google-business"),
        ("someone comments that they have chest pain right now", "medical-questions-online"),
        ("can we say the treatment is guaranteed and painless", "health-claims"),
    ],
)
def test_real_questions_find_the_guide_that_answers_them(real, question, expected):
    docs = list(dict.fromkeys(p.doc_id for p in real.search(question, k=5)))
    assert expected in docs[:3], docs


@pytest.mark.slow
def test_hybrid_finds_an_exact_name_that_only_keywords_match(real):
    docs = [p.doc_id for p in real.search("Igbinadolor", k=3, mode="bm25")]
    assert "negative-reviews" in docs
    assert "negative-reviews" in [p.doc_id for p in real.search("Igbinadolor", k=3)]


@pytest.mark.slow
def test_the_clinic_specialty_lifts_real_passages_that_name_it(real):
    query = "content pillars for a practice"  # general: the dermatology example is not the obvious answer

    def position(passages):
        return next((i for i, p in enumerate(passages) if "dermatology" in p.heading.lower()), 99)

    plain = real.search(query, k=10)
    preferred = real.search(query, k=10, specialty="dermatology")
    assert position(preferred) <= 2
    assert position(plain) > position(preferred)


@pytest.mark.slow
def test_a_misspelt_specialty_suggests_the_closest_known_one(real):
    with pytest.raises(InputError, match="closest known: .*dermatology"):
        real.search("what should we post", specialty="dermatolgy")


def test_search_and_closest_is_search_plus_the_nearest_chunk_to_the_question_in_one_index_call(small, monkeypatch):
    calls = []
    query_many = small.index.query_many
    monkeypatch.setattr(
        small.index, "query_many", lambda vectors, k: calls.append(len(vectors)) or query_many(vectors, k)
    )
    passages, similarity = small.search_and_closest("reviews hashtags instagram", "how many hashtags", k=3)
    assert calls == [2]  # both rankings from one call to Chroma
    assert [p.chunk_id for p in passages] == [p.chunk_id for p in small.search("reviews hashtags instagram", k=3)]
    assert similarity == small.dense_ranking("how many hashtags", 1)[0][1]
    calls.clear()
    same, _ = small.search_and_closest("how many hashtags", "how many hashtags", k=3)
    assert calls == [1]  # the same text is searched once
    assert [p.chunk_id for p in same] == [p.chunk_id for p in small.search("how many hashtags", k=3)]
