"""Hybrid retrieval over guide chunks: dense (Chroma) + BM25, fused by reciprocal rank.

Dense search finds paraphrases ("my clinic is never on Instagram" ~ "consistency"); BM25 catches exact
words a small embedding model blurs (HIPAA, GMC, review gating). Reciprocal rank fusion combines the two
rankings without having to calibrate their scores against each other.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import numpy as np
from pydantic import BaseModel

from .bm25 import BM25
from .chunking import Chunk
from .embeddings import Embedder, embed_queries
from .errors import InputError, SearchIndexError
from .index import Hit, Progress, SyncReport, VectorIndex
from .knowledge.models import PLATFORM_IDS

Mode = Literal["hybrid", "dense", "bm25"]
MODES = ("hybrid", "dense", "bm25")
MAX_QUERY_CHARS = 2000  # a pasted 100 KB document is truncated, not rejected
MAX_K = 50
RRF_K = 60
CANDIDATES = 40  # how deep each ranking goes into the fusion
DENSE_WEIGHT = 1.0
BM25_WEIGHT = 1.0
TITLE_REPEAT = 2  # BM25 field boost: title and heading words count this many times
HEADING_REPEAT = 2
SPECIALTY_BOOST = 0.10  # relative score bonus for a chunk written for the clinic's specialty
SPECIALTY_MENTION_BOOST = 0.05  # ... or one that names it ("dentist", "OB-GYN") in its heading or text
PLATFORM_BOOST = 0.05  # ... and for one about a platform the clinic uses
SAME_DOC_DECAY = 0.80  # each further chunk from an already-listed guide ranks as if this much weaker

_STOP = frozenset(
    """a an and are as at be been but by can could do does doing for from had has have how i if in
into is it its me my of on or our should so than that the their them then there these they this to too us
was we were what when where which who why will with would you your yours i'm im i've ive""".split()
)
_WORD = re.compile(r"[a-z0-9]+")


class Passage(BaseModel):
    """A retrieved chunk with its score and citation data."""

    doc_id: str
    title: str
    heading: str
    text: str
    score: float
    sources: list[dict]
    chunk_id: str
    category: str
    topics: list[str]
    platforms: list[str]
    specialties: list[str]


def _stem(word: str) -> str:
    """Light stemming: plurals only, so 'reviews' meets 'review' without mangling medical terms."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    """Lowercase words without punctuation or stop words, lightly stemmed."""
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1]


def clean_query(query: str) -> str:
    """Validate and normalize a query: no empty input, no undecodable characters, bounded length."""
    if not isinstance(query, str):
        raise InputError("the question must be text")
    try:  # undecodable argv bytes arrive as lone surrogates: show them as U+FFFD
        query = query.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        query = query.encode("utf-8", "replace").decode("utf-8")
    query = " ".join(query.split())
    if not query:
        raise InputError("the question is empty: type what you want to know, e.g. 'how do I answer a bad review?'")
    return query[:MAX_QUERY_CHARS]


def _bm25_document(chunk: Chunk) -> list[str]:
    return tokenize(chunk.title) * TITLE_REPEAT + tokenize(chunk.heading) * HEADING_REPEAT + tokenize(chunk.text)


def _mention_pattern(specialty) -> re.Pattern[str]:
    """Whole-word match of a specialty's id, name and aliases (plural 's' allowed)."""
    terms = {specialty.id.replace("_", " "), specialty.name, *specialty.aliases}
    alternatives = "|".join(re.escape(t.lower()) for t in sorted(terms, key=len, reverse=True) if len(t) > 1)
    return re.compile(rf"\b(?:{alternatives})s?\b", re.IGNORECASE)


def _closest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.4)
    return ", ".join(close) if close else ", ".join(sorted(known)[:6])


class Retriever:
    """Searches guide chunks.

    `specialties` (ids, or the knowledge base's id -> Specialty mapping) lets it reject a misspelt specialty;
    with the mapping it also prefers chunks that name the clinic's specialty, since most guides apply to all.
    """

    def __init__(
        self,
        index: VectorIndex,
        chunks: Sequence[Chunk],
        embedder: Embedder,
        specialties: Iterable[str] | Mapping[str, object] | None = None,
    ) -> None:
        self.index = index
        self.chunks = list(chunks)
        self.embedder = embedder
        self.known_specialties = set(specialties) if specialties is not None else None
        self._specialty_info = dict(specialties) if isinstance(specialties, Mapping) else {}
        self._mentions: dict[str, frozenset[int]] = {}
        self._position = {c.chunk_id: i for i, c in enumerate(self.chunks)}
        self._bm25 = BM25([_bm25_document(c) for c in self.chunks]) if self.chunks else None
        self._synced = False
        self._sync_lock = threading.Lock()  # Streamlit sessions may search concurrently

    def ensure_index(self, progress: Progress | None = None, rebuild: bool = False) -> SyncReport:
        """Sync the vector index with the chunks (cheap when nothing changed)."""
        with self._sync_lock:
            report = self.index.sync(self.chunks, rebuild=rebuild, progress=progress)
            self._synced = True
        return report

    def _rebuild_damaged(self, reason: str) -> None:
        """A local index damaged while open (file overwritten, folder deleted): rebuild it from the chunks, once."""
        with self._sync_lock:
            # the rebuild's note stays on the index, so the next ensure_index reports it
            report = self.index.rebuild_damaged(self.chunks, reason)
            self.index.notes.extend(report.messages)
            self._synced = True

    def _check(self, k: int, mode: str, specialty: str | None, platforms: Sequence[str] | None) -> None:
        if not isinstance(k, int) or not 1 <= k <= MAX_K:
            raise InputError(f"k must be a whole number from 1 to {MAX_K} (got {k!r})")
        if mode not in MODES:
            raise InputError(f"unknown search mode {mode!r}; use one of {', '.join(MODES)}")
        if specialty is not None and self.known_specialties is not None and specialty not in self.known_specialties:
            raise InputError(
                f"unknown specialty {specialty!r}; closest known: {_closest(specialty, self.known_specialties)}"
            )
        unknown = [p for p in platforms or () if p not in PLATFORM_IDS]
        if unknown:
            raise InputError(f"unknown platform {unknown[0]!r}; closest known: {_closest(unknown[0], PLATFORM_IDS)}")

    def dense_ranking(self, query: str, n: int = CANDIDATES) -> list[tuple[int, float]]:
        """(chunk position, cosine similarity) best first, from the vector index."""
        return self._ranking(self._dense_hits([query], n)[0])

    def _ranking(self, hits: Sequence[Hit]) -> list[tuple[int, float]]:
        return [(self._position[h.chunk_id], h.score) for h in hits if h.chunk_id in self._position]

    def _dense_hits(self, queries: Sequence[str], n: int) -> list[list[Hit]]:
        """The index's n nearest chunks to each query, in one index call (a damaged local index is rebuilt once)."""
        if not self._synced:
            self.ensure_index()
        distinct = list(dict.fromkeys(queries))  # the same text is embedded and searched once
        vectors = embed_queries(self.embedder, distinct)
        try:
            found = self.index.query_many(vectors, n)
        except SearchIndexError as exc:
            if self.index.local_dir is None:  # a Chroma server: nothing here to rebuild from; say how to fix it
                raise
            self._rebuild_damaged(str(exc))
            found = self.index.query_many(vectors, n)  # once: a second failure reaches the caller as it is
        by_text = dict(zip(distinct, found, strict=True))
        return [by_text[q] for q in queries]

    def bm25_ranking(self, query: str, n: int = CANDIDATES) -> list[tuple[int, float]]:
        """(chunk position, BM25 score) best first; chunks sharing no word with the query are left out."""
        terms = tokenize(query)
        if self._bm25 is None or not terms:
            return []
        scores = self._bm25.get_scores(terms)
        order = np.argsort(-scores, kind="stable")[:n]
        return [(int(i), float(scores[i])) for i in order if scores[i] > 0]

    def _scores(self, query: str, mode: str, dense: list[tuple[int, float]] | None = None) -> dict[int, float]:
        """Each candidate chunk's score; `dense` is the query's dense ranking when the caller already has it."""
        if mode == "bm25":
            return dict(self.bm25_ranking(query))
        dense = self.dense_ranking(query) if dense is None else dense
        if mode == "dense":
            return dict(dense)
        fused: dict[int, float] = {}
        for weight, ranking in ((DENSE_WEIGHT, dense), (BM25_WEIGHT, self.bm25_ranking(query))):
            for rank, (pos, _) in enumerate(ranking):
                fused[pos] = fused.get(pos, 0.0) + weight / (RRF_K + rank + 1)
        return fused

    def _mentioning(self, specialty: str) -> frozenset[int]:
        """Positions of chunks whose heading or text names the specialty (computed once per specialty)."""
        if specialty not in self._mentions:
            info = self._specialty_info.get(specialty)
            pattern = _mention_pattern(info) if hasattr(info, "aliases") else None
            self._mentions[specialty] = frozenset(
                i for i, c in enumerate(self.chunks) if pattern and pattern.search(f"{c.heading}\n{c.text}")
            )
        return self._mentions[specialty]

    def _boost(self, scores: dict[int, float], specialty: str | None, platforms: Sequence[str]) -> None:
        mentioning = self._mentioning(specialty) if specialty else frozenset()
        for pos, score in scores.items():
            chunk = self.chunks[pos]
            bonus = SPECIALTY_BOOST if specialty and specialty in chunk.specialties else 0.0
            bonus += SPECIALTY_MENTION_BOOST if pos in mentioning else 0.0
            bonus += PLATFORM_BOOST if set(platforms) & set(chunk.platforms) else 0.0
            scores[pos] = score * (1.0 + bonus) if score > 0 else score

    def _diversify(self, scores: dict[int, float], k: int) -> list[tuple[int, float]]:
        """Pick k chunks greedily, discounting further chunks from a guide already picked."""
        remaining = dict(scores)
        picked: list[tuple[int, float]] = []
        per_doc: dict[str, int] = {}
        while remaining and len(picked) < k:

            def adjusted(pos: int) -> float:
                factor = SAME_DOC_DECAY ** per_doc.get(self.chunks[pos].doc_id, 0)
                return remaining[pos] * factor if remaining[pos] > 0 else remaining[pos] / factor

            best = max(remaining, key=adjusted)
            picked.append((best, adjusted(best)))
            doc = self.chunks[best].doc_id
            per_doc[doc] = per_doc.get(doc, 0) + 1
            del remaining[best]
        return picked

    def search(
        self,
        query: str,
        k: int = 5,
        specialty: str | None = None,
        platforms: Sequence[str] | None = None,
        mode: Mode = "hybrid",
    ) -> list[Passage]:
        """The k most relevant passages for a question, preferring the clinic's specialty and platforms."""
        query = clean_query(query)
        self._check(k, mode, specialty, platforms)
        return self._ranked(self._scores(query, mode), k, specialty, platforms)

    def search_and_closest(
        self,
        query: str,
        closest_to: str,
        k: int = 5,
        specialty: str | None = None,
        platforms: Sequence[str] | None = None,
    ) -> tuple[list[Passage], float]:
        """`search(query, ...)` (hybrid) and the cosine similarity of the chunk nearest to `closest_to` (what
        `dense_ranking(closest_to, 1)` gives), with one index call for both: the chat searches with topic words
        added and judges coverage on the question alone. The index looks CANDIDATES deep for every query, more
        than one, which returns the same nearest chunk (Chroma's search breadth, ef_search 100, is larger than
        either)."""
        query = clean_query(query)
        self._check(k, "hybrid", specialty, platforms)
        dense, nearest = self._dense_hits([query, closest_to], CANDIDATES)
        similarity = nearest[0].score if nearest and nearest[0].chunk_id in self._position else 0.0
        scores = self._scores(query, "hybrid", self._ranking(dense))
        return self._ranked(scores, k, specialty, platforms), similarity

    def _ranked(
        self, scores: dict[int, float], k: int, specialty: str | None, platforms: Sequence[str] | None
    ) -> list[Passage]:
        self._boost(scores, specialty, list(platforms or ()))
        return [self._passage(pos, score) for pos, score in self._diversify(scores, k)]

    def _passage(self, pos: int, score: float) -> Passage:
        c = self.chunks[pos]
        return Passage(
            doc_id=c.doc_id,
            title=c.title,
            heading=c.heading,
            text=c.text,
            score=round(score, 6),
            sources=[dict(s) for s in c.sources],
            chunk_id=c.chunk_id,
            category=c.category,
            topics=list(c.topics),
            platforms=list(c.platforms),
            specialties=list(c.specialties),
        )
