"""The vector index: guide chunks embedded once and stored in ChromaDB, kept in step with the guides.

Local by default (`PersistentClient` in the data directory); a Chroma server when CHROMA_HOST is set.
Embeddings are always computed here and passed in: a collection without an embedding function makes
Chroma download an ONNX model, which an offline clinic laptop cannot do.

The manifest of document hashes is the `doc_hash` stored on every chunk record: it lives and dies with the
chunks themselves (no separate file to drift out of step, same code locally and on a server), and a sync
interrupted halfway leaves a guide whose records disagree, which the next sync simply re-embeds.
"""

from __future__ import annotations

import logging
import re
import shutil
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # chromadb is imported lazily at run time (it is slow to import)
    from chromadb.api.models.Collection import Collection

from .chunking import Chunk, embedding_text
from .config import Settings
from .embeddings import Embedder
from .errors import AssistantError, SearchIndexError

SCHEMA_VERSION = "1"  # bump when the embedded text or the record layout changes: old indexes rebuild
BATCH = 32
Progress = Callable[[int, int, str], None]
log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())  # messages reach users through SyncReport; apps may add handlers
_CHROMA_FILE = re.compile(r"^(chroma\.sqlite3(-wal|-shm|-journal)?|[0-9a-f]{8}-[0-9a-f-]{27})$")


@dataclass
class SyncReport:
    """What a sync did. Counts are documents (guides); `messages` explains any rebuild."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    seconds: float = 0.0
    chunks_embedded: int = 0
    rebuilt: bool = False
    messages: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the CLI and the UI."""
        return (
            f"{self.added} added, {self.updated} updated, {self.removed} removed, {self.unchanged} unchanged "
            f"({self.chunks_embedded} chunks embedded in {self.seconds:.1f} s)"
        )


class Hit(NamedTuple):
    chunk_id: str
    doc_id: str
    score: float  # cosine similarity


def _chroma_settings():
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False)


class VectorIndex:
    """One Chroma collection of chunk embeddings. Build with `open_index`."""

    def __init__(self, client, name: str, embedder: Embedder, location: str, local_dir: Path | None) -> None:
        self._client = client
        self.name = name
        self.embedder = embedder
        self.location = location
        self.local_dir = local_dir
        self.notes: list[str] = []  # rebuild messages not yet reported by a sync
        self._collection: Collection | None = None

    @property
    def _open(self) -> Collection:
        """The collection, opened by `open_index` before anyone can search or sync."""
        if self._collection is None:
            raise SearchIndexError("the search index is not open yet; build it with open_index")
        return self._collection

    # --- opening and recovering -------------------------------------------------------------------

    def _metadata(self) -> dict:
        return {"hnsw:space": "cosine", "embedder": self.embedder.name, "schema": SCHEMA_VERSION}

    def _note(self, message: str) -> None:
        log.warning(message)
        self.notes.append(message)

    def open(self) -> VectorIndex:
        """Open (or create) the collection; a mismatched one is recreated, an unreadable local one wiped."""
        try:
            self._open_collection()
        except AssistantError:
            raise
        except Exception as exc:  # noqa: BLE001 - Chroma raises many types for a damaged store
            self._recover(f"the search index at {self.location} could not be read ({_short(exc)})")
        return self

    def _open_collection(self) -> None:
        col = self._client.get_or_create_collection(self.name, embedding_function=None, metadata=self._metadata())
        meta = col.metadata or {}
        if meta.get("embedder") != self.embedder.name or str(meta.get("schema")) != SCHEMA_VERSION:
            self._note(
                f"the search index was built with another embedding model or format ({meta.get('embedder')!r}, "
                f"schema {meta.get('schema')!r}); rebuilding it for {self.embedder.name!r}, schema "
                f"{SCHEMA_VERSION}"
            )
            self._client.delete_collection(self.name)
            col = self._client.get_or_create_collection(self.name, embedding_function=None, metadata=self._metadata())
        col.count()  # touches the storage, so a damaged collection fails here rather than mid-search
        self._collection = col

    def _recover(self, reason: str) -> None:
        if self.local_dir is None:
            raise SearchIndexError(
                f"{reason}; check the Chroma server or rebuild with `python -m assistant index --rebuild`"
            ) from None
        self._note(f"{reason}; it was deleted and will be rebuilt")
        _release(self.local_dir)
        _wipe(self.local_dir)
        self._client = _persistent_client(self.local_dir)
        self._open_collection()

    def rebuild_damaged(self, chunks: Sequence[Chunk], reason: str) -> SyncReport:
        """Wipe a local index that failed while open and embed `chunks` again; a server index raises instead."""
        self._recover(reason)
        return self.sync(chunks)

    def _reset(self) -> None:
        self._client.delete_collection(self.name)
        self._open_collection()

    # --- syncing ----------------------------------------------------------------------------------

    def manifest(self) -> dict[str, tuple[set[str], set[str]]]:
        """doc_id -> (stored document hashes, stored chunk ids) as recorded on the chunk records."""
        got = self._open.get(include=["metadatas"])
        out: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
        metas = got["metadatas"] or [{}] * len(got["ids"])
        for chunk_id, meta in zip(got["ids"], metas, strict=True):
            hashes, ids = out[str((meta or {}).get("doc_id", ""))]
            hashes.add(str((meta or {}).get("doc_hash", "")))
            ids.add(chunk_id)
        return dict(out)

    def sync(self, chunks: Sequence[Chunk], rebuild: bool = False, progress: Progress | None = None) -> SyncReport:
        """Bring the index in step with `chunks`: embed new and changed guides, delete removed ones."""
        started = time.perf_counter()
        report = SyncReport(rebuilt=rebuild)
        try:
            if rebuild:
                self._reset()
            self._sync(chunks, report, progress)
        except AssistantError:
            raise
        except Exception as exc:  # noqa: BLE001 - a store damaged while open: start over once
            self._recover(f"the search index at {self.location} failed during sync ({_short(exc)})")
            report = SyncReport(rebuilt=True)
            self._sync(chunks, report, progress)
        report.rebuilt = report.rebuilt or bool(self.notes)
        report.messages, self.notes = self.notes + report.messages, []
        report.seconds = time.perf_counter() - started
        return report

    def _sync(self, chunks: Sequence[Chunk], report: SyncReport, progress: Progress | None) -> None:
        by_doc: dict[str, list[Chunk]] = defaultdict(list)
        for chunk in chunks:
            by_doc[chunk.doc_id].append(chunk)
        stored = self.manifest()
        stale: list[str] = [cid for doc, (_, ids) in stored.items() if doc not in by_doc for cid in ids]
        report.removed = sum(1 for doc in stored if doc not in by_doc)
        todo: list[Chunk] = []
        for doc, doc_chunks in by_doc.items():
            hashes, ids = stored.get(doc, (set(), set()))
            new_ids = {c.chunk_id for c in doc_chunks}
            if hashes == {doc_chunks[0].doc_hash} and ids == new_ids:
                report.unchanged += 1
                continue
            report.added += 0 if ids else 1
            report.updated += 1 if ids else 0
            todo.extend(doc_chunks)
            stale.extend(ids - new_ids)
        self._embed_and_store(todo, progress)
        if stale:
            self._open.delete(ids=stale)
        report.chunks_embedded = len(todo)

    def _embed_and_store(self, todo: list[Chunk], progress: Progress | None) -> None:
        counts: dict[str, int] = defaultdict(int)
        for c in todo:
            counts[c.doc_id] += 1
        if progress:
            progress(0, len(todo), "embedding guide sections")
        for start in range(0, len(todo), BATCH):
            batch = todo[start : start + BATCH]
            # chromadb takes a list of Sequence[float]; list is invariant, so the rows are re-listed as that
            vectors: list[Sequence[float]] = [*self.embedder.embed_documents([embedding_text(c) for c in batch])]
            self._open.upsert(
                ids=[c.chunk_id for c in batch],
                embeddings=vectors,
                metadatas=[
                    {
                        "doc_id": c.doc_id,
                        "doc_hash": c.doc_hash,
                        "doc_chunks": counts[c.doc_id],
                        "content_hash": c.content_hash,
                        "category": c.category,
                    }
                    for c in batch
                ],
            )
            if progress:
                progress(start + len(batch), len(todo), "embedding guide sections")

    # --- reading ----------------------------------------------------------------------------------

    def count(self) -> int:
        """Number of chunk records stored."""
        return self._open.count()

    def query(self, vector: Sequence[float], k: int, where: dict | None = None) -> list[Hit]:
        """The k nearest chunks to `vector` (cosine), best first."""
        return self.query_many([vector], k, where)[0]

    def query_many(self, vectors: Sequence[Sequence[float]], k: int, where: dict | None = None) -> list[list[Hit]]:
        """The k nearest chunks to each of `vectors`, best first, in one call to Chroma (each call has a fixed
        cost of a few milliseconds, far more than searching a few hundred vectors)."""
        # Counting first costs as much as the search itself, so count only when asking for k fails (an index
        # smaller than k, or an empty one).
        try:
            got = self._query(vectors, k, where)
        except Exception:  # noqa: BLE001
            try:
                n = min(k, self.count())
                if n <= 0:
                    return [[] for _ in vectors]
                got = self._query(vectors, n, where)
            except Exception as exc:  # noqa: BLE001 - a damaged store raises many types; all get one clear error
                where_to = "check the Chroma server or rebuild" if self.local_dir is None else "rebuild"
                raise SearchIndexError(
                    f"the search index at {self.location} could not be searched ({_short(exc)}); "
                    f"{where_to} with `python -m assistant index --rebuild`"
                ) from None
        return [
            [Hit(cid, doc_of(cid), 1.0 - float(dist)) for cid, dist in zip(ids, dists, strict=True)]
            for ids, dists in zip(got["ids"], got["distances"], strict=True)
        ]

    def _query(self, vectors: Sequence[Sequence[float]], n: int, where: dict | None):
        # Distances only: the guide is read from the chunk id, and fetching every hit's metadata from the store
        # would triple the time of a search (3.5 ms instead of 1.2 ms for two queries of 40 results).
        query: list[Sequence[float]] = [list(v) for v in vectors]
        return self._open.query(query_embeddings=query, n_results=n, where=where, include=["distances"])

    def status(self) -> dict:
        """Where the index lives and what it holds."""
        docs = self.manifest()
        return {
            "mode": "local" if self.local_dir else "server",
            "location": self.location,
            "collection": self.name,
            "chunks": self.count(),
            "documents": len(docs),
            "embedder": self.embedder.name,
            "schema": SCHEMA_VERSION,
        }


def doc_of(chunk_id: str) -> str:
    """The guide a chunk comes from: its id is "<doc_id>#<n>" (chunking.chunk_guides)."""
    return chunk_id.rsplit("#", 1)[0]


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def _release(directory: Path) -> None:
    """Drop Chroma's per-process cache of the store at `directory`, so reopening after a wipe starts clean.

    Chroma keeps one open system per path for the whole process; without this, a new client would reuse
    the connection to the deleted, damaged file.
    """
    from chromadb.api.shared_system_client import SharedSystemClient

    identifier = str(directory)
    system = SharedSystemClient._identifier_to_system.pop(identifier, None)
    SharedSystemClient._identifier_to_refcount.pop(identifier, None)
    if system is not None:
        try:
            system.stop()
        except Exception:  # noqa: BLE001 - it is being thrown away
            pass


def _wipe(directory: Path) -> None:
    """Delete a damaged index directory, refusing if it holds files Chroma did not write."""
    foreign = [p.name for p in directory.iterdir() if not _CHROMA_FILE.match(p.name)] if directory.is_dir() else []
    if foreign:
        raise SearchIndexError(
            f"{directory} is damaged and also holds files that are not part of a search index "
            f"({', '.join(sorted(foreign)[:5])}); move them away, then run `python -m assistant "
            "index --rebuild`"
        )
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True, exist_ok=True)


def _persistent_client(directory: Path):
    import chromadb

    directory.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(directory), settings=_chroma_settings())


def _open_local(settings: Settings, embedder: Embedder) -> VectorIndex:
    directory = Path(settings.chroma_dir)
    index = VectorIndex(None, settings.collection, embedder, str(directory), directory)
    try:
        index._client = _persistent_client(directory)
    except OSError as exc:
        raise SearchIndexError(
            f"cannot use {directory} for the search index ({exc}); set ASSISTANT_DATA_DIR to a writable folder"
        ) from None
    except Exception as exc:  # noqa: BLE001 - damaged sqlite file, incompatible Chroma version, ...
        index._recover(f"the search index at {directory} could not be opened ({_short(exc)})")
        return index
    return index.open()


def _open_server(settings: Settings, embedder: Embedder) -> VectorIndex:
    import chromadb

    where = f"http://{settings.chroma_host}:{settings.chroma_port}"
    try:
        client = chromadb.HttpClient(
            host=settings.chroma_host, port=int(settings.chroma_port), settings=_chroma_settings()
        )
        client.heartbeat()
    except Exception as exc:  # noqa: BLE001 - connection refused, DNS, wrong server...
        raise SearchIndexError(
            f"cannot reach the Chroma server at {where} ({_short(exc)}); start it "
            "(`chroma run --path DIR --port PORT`) or unset CHROMA_HOST to use the local index"
        ) from None
    return VectorIndex(client, settings.collection, embedder, where, None).open()


def open_index(settings: Settings, embedder: Embedder) -> VectorIndex:
    """Open the index named by settings: a Chroma server if CHROMA_HOST is set, else the local directory."""
    return _open_server(settings, embedder) if settings.chroma_host else _open_local(settings, embedder)
