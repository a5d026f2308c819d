"""The indexer: follows the catalogue's change log and keeps vectors, documents and BM25 current.

It runs in one background thread per node. Embedding happens here, in batches, never on the
request path; after each batch a new :class:`~kb.search.view.View` is published, and when the
log is drained the BM25 snapshot is rebuilt and the files are saved. Searches always read the
last published state, so a search during a re-index answers from the last consistent index.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from kb.gcpause import gc_paused
from kb.ontology.records import RecordMapper
from kb.ontology.vocabulary import Vocabularies
from kb.search.documents import SearchDocument, build_document
from kb.search.embedder import Embedder
from kb.search.expansion import ConceptMatcher
from kb.search.gil import short_turns
from kb.search.lexical import LexicalIndex
from kb.search.persistence import CorruptIndex, IndexFiles, ModelChanged
from kb.search.spelling import Speller
from kb.search.vectors import VectorIndex
from kb.search.view import View
from kb.store.catalog import Catalog
from kb.store.model import StoredRecord

log = logging.getLogger(__name__)

EMBED_CHUNK_BATCHES = 8
"""Batches per encode call: sentence-transformers sorts each call's texts by length, so larger
calls pad less; a view is published after each call."""
SAVE_AFTER = 5.0
"""Seconds of quiet after changes before the files are written."""


@dataclass
class Lexical:
    """A BM25 snapshot with the concept matcher built on its analyser."""

    index: LexicalIndex
    matcher: ConceptMatcher
    speller: Speller


@dataclass
class Progress:
    state: str = "starting"
    total: int = 0
    done: int = 0
    embedded: int = 0
    """Records embedded since this process started (0 after a restart with nothing changed)."""
    reused: int = 0
    started: float = field(default_factory=time.time)
    last_seq: int = 0
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if k != "started"}


def vocabulary_words(vocabularies: Vocabularies) -> list[str]:
    """All labels of the expanded schemes: known words for compound splitting."""
    words = []
    for scheme in ("taskArea", "legalForm"):
        for c in vocabularies[scheme]:
            words += [*c.pref_labels.values(), *(label for label, _ in c.alt_labels)]
    return words


class Indexer:
    """Owns the mutable index state; publishes immutable snapshots for searches."""

    def __init__(self, catalog: Catalog, mapper: RecordMapper, vocabularies: Vocabularies, embedder: Embedder, files_dir: Path,
                 *, hnsw_threshold: int) -> None:
        self.catalog = catalog
        self.mapper = mapper
        self.vocabularies = vocabularies
        self.embedder = embedder
        self.files_dir = files_dir
        self.hnsw_threshold = hnsw_threshold
        self.progress = Progress()
        self.files: IndexFiles | None = None
        self.vectors: VectorIndex | None = None
        self.docs: dict[int, SearchDocument] = {}
        self.view = View({}, 0)
        self.lexical: Lexical | None = None
        self.next_id = 0
        self.last_seq = 0
        self._labels_en = {c.code: c.pref_labels.get("en", "") for c in vocabularies["taskArea"]}
        self._words = vocabulary_words(vocabularies)
        self._lexical_dirty = True
        self._unsaved = False
        self._last_change = 0.0
        self._changed = threading.Condition()

    # ------------------------------------------------------------------ start-up

    def open(self) -> None:
        """Load the saved index (or rebuild it from the store), then catch up with the log.

        A saved index is published before the embedding model is loaded (seconds on the first
        start, which exports it), so lexical search answers at once; the model's dimension is
        checked after.
        """
        self.progress.state = "loading"
        # The model loads beside the files (its weights are inflated by zlib, which releases the GIL):
        # on a restart semantic search is ready about when the saved index is.
        threading.Thread(target=self._preload_model, name="kb-model-load", daemon=True).start()
        self.files = IndexFiles(self.files_dir, model=self.embedder.identity, dimension=None)
        saved = None
        model_changed = False
        try:
            saved = self.files.load(self.hnsw_threshold, self._words)
        except ModelChanged as exc:
            log.warning("search index in %s: %s; embedding every record again with %s (word search answers meanwhile)",
                        self.files_dir, exc, self.embedder.identity)
            model_changed = True
            self.docs, self.next_id = exc.docs, exc.next_id
            self._publish(rebuild_lexical=bool(self.docs))
        except CorruptIndex as exc:
            log.warning("search index in %s is unusable (%s); rebuilding it from the store", self.files_dir, exc)
        if saved is not None:
            self.docs, self.vectors, self.next_id = saved.docs, saved.vectors, saved.next_id
            if saved.lexical is not None:  # the saved BM25 snapshot: no text analysed again; "Meinten Sie" follows in idle()
                self._install_lexical(saved.lexical, warm_speller=False)
            self._publish(rebuild_lexical=saved.lexical is None)  # lexical search answers from here on
            self._unsaved = saved.lexical is None  # files from before the snapshot was saved: write it once
            if self.embedder.dimension != saved.vectors.dimension:
                log.warning("search index has dimension %d but the model %d; rebuilding it from the store",
                            saved.vectors.dimension, self.embedder.dimension)
                saved = None
        dimension = self.embedder.dimension
        self.embedder.warm_up()
        self.files.dimension = dimension
        if saved is not None and saved.last_seq > self.catalog.last_seq:
            log.warning("search index is ahead of the store (seq %d > %d); reconciling with the store", saved.last_seq,
                        self.catalog.last_seq)
            self.reconcile()
        elif saved is not None:
            self.last_seq = saved.last_seq
            log.info("search index loaded: %d records, up to change %d", len(self.docs), self.last_seq)
        else:
            if not (self.files_dir / "manifest.json").exists():
                log.info("no search index in %s yet; building it from the store", self.files_dir)
            if not model_changed:
                self.docs, self.next_id = {}, 0
            self.vectors = VectorIndex(dimension, self.hnsw_threshold)
            self._publish()
            self.reconcile(force=model_changed)
        if self.lexical is None or self._lexical_dirty:  # otherwise the view published above is current (10k: ~1 s saved)
            self._publish(rebuild_lexical=True)
        self.catch_up()

    def _preload_model(self) -> None:
        try:
            _ = self.embedder.dimension
        except Exception:  # reported where the model is needed (open() asks for its dimension)
            log.debug("preloading the embedding model failed", exc_info=True)

    def rebuild(self, *, force: bool = False) -> None:
        """Rebuild from the store in the calling thread (``kb reindex``), then save.

        Without ``force`` the saved index is loaded first and only what differs from the store is
        embedded; with it, everything is embedded again."""
        started = time.perf_counter()
        self.files_dir.mkdir(parents=True, exist_ok=True)
        if self.files is None:
            self.files = IndexFiles(self.files_dir, model=self.embedder.identity, dimension=self.embedder.dimension)
            try:
                saved = None if force else self.files.load(self.hnsw_threshold)
            except Exception as exc:
                log.warning("search index unusable (%s); rebuilding it from the store", exc)
                saved = None
            if saved is not None:
                self.docs, self.vectors, self.next_id = saved.docs, saved.vectors, saved.next_id
            else:
                self.vectors = VectorIndex(self.embedder.dimension, self.hnsw_threshold)
        self.reconcile(force=force)
        self._publish(rebuild_lexical=self.lexical is None or self._lexical_dirty)  # usually built beside the model
        self.progress.state = "ready"
        self.save()
        log.info("reindexed %d records in %.1f s", len(self.docs), time.perf_counter() - started)

    def failed(self, exc: Exception) -> None:
        """The index could not be opened: say so in the status; searches answer from what exists."""
        self.progress.state, self.progress.error = "failed", str(exc)

    def is_current(self, seq: int) -> bool:
        """Every change up to ``seq`` is searchable: embedded, in BM25, and the index is ready."""
        return self.last_seq >= seq and not self._lexical_dirty and self.progress.state == "ready"

    # ------------------------------------------------------------------ following the log

    def catch_up(self, batch: int = 500) -> int:
        """Apply every logged change after ``last_seq``; returns how many events were read."""
        seen = 0
        while True:
            events = self.catalog.events_since(self.last_seq, batch)
            if not events:
                break
            seen += len(events)
            self.progress.state = "indexing"
            self.apply(dict.fromkeys(e.record for e in events), until_seq=events[-1].seq)
        return seen

    def apply(self, records: Iterable[str], *, until_seq: int, force: bool = False, word_index: bool = False) -> None:
        """Bring the given records to their current state in the store, embedding what changed.

        Reading and mapping records runs ahead of the model (it releases the GIL while it computes):
        chunks queue for embedding, and each one the model has finished is published on the way.
        With ``word_index`` (a full pass: rebuild, first start, model change), once every record is
        read the word index ("Meinten Sie" included) is built for the final documents while the
        model still works through the queue, instead of after it: the pipeline runs at the model's
        speed (docs/search.md, "Indexing throughput"). Python's lock changes hands more often meanwhile
        (:mod:`kb.search.gil`), or the model would wait for the Python work at each array operation,
        and the cyclic collector rests while the reader runs (:mod:`kb.gcpause`): a collection walks
        the whole heap holding the lock, and the model waits for it.
        """
        assert self.vectors is not None
        changed = False
        removed: list[int] = []
        refreshed: list[int] = []
        prepared: Lexical | None = None
        queued: deque[tuple[list[tuple[int, SearchDocument]], Future[np.ndarray]]] = deque()
        with ThreadPoolExecutor(1, thread_name_prefix="kb-embed") as pool, short_turns():
            try:
                with gc_paused():  # the Python work beside the model: reading ahead, the word index
                    for chunk in self._chunks_to_embed(records, force, removed, refreshed):
                        changed = True
                        queued.append((chunk, pool.submit(self.embedder.encode, [d.dense_text for _, d in chunk])))
                        while queued and queued[0][1].done():  # what the model has finished: searchable now
                            self._add_embedded(*queued.popleft())
                    if word_index and queued:
                        final = dict(self.docs)
                        final.update((i, d) for chunk, _ in queued for i, d in chunk)
                        prepared = self._make_lexical(self._build_lexical(final), final)
                while queued:
                    self._add_embedded(*queued.popleft())
            except BaseException:
                for _, future in queued:  # do not embed the rest of the queue before the error is seen
                    future.cancel()
                raise
        if refreshed:
            self._publish()
        self.last_seq = max(self.last_seq, until_seq)
        self.progress.last_seq = self.last_seq
        if changed or removed or refreshed:
            self._lexical_dirty = True
            self._unsaved = True
            self._last_change = time.monotonic()
        elif until_seq:
            self._unsaved = True
        if prepared is not None:
            self.lexical = prepared
            self._lexical_dirty = False

    def _chunks_to_embed(self, records: Iterable[str], force: bool, removed_out: list[int],
                         refreshed_out: list[int]) -> Iterator[list[tuple[int, SearchDocument]]]:
        """Chunks of (id, document) whose embedded text changed; deletions are applied on the way
        (their ids added to ``removed_out``), and so are changes the model does not read (a status,
        a participant: the document is replaced, the vector kept; ids added to ``refreshed_out``)."""
        assert self.vectors is not None
        ids_by_iri = {d.iri: i for i, d in self.docs.items()}
        size = max(1, self.embedder.batch_size)  # the first chunk is one batch: the model starts at once
        chunk: list[tuple[int, SearchDocument]] = []
        removed: list[int] = []
        for iri in records:
            stored = self.catalog.get(iri)
            current_id = ids_by_iri.get(iri)
            if stored is None or stored.meta.deleted:
                if current_id is not None:
                    removed.append(current_id)
                continue
            current = self.docs.get(current_id) if current_id is not None else None
            if current is not None and current.content_hash == stored.meta.content_hash and not force:
                self.progress.reused += 1
                continue
            document = self.document(iri, stored)
            if current is not None and current_id is not None and not force and current.dense_text == document.dense_text:
                self.docs[current_id] = document  # only fields the model does not read changed: its vector stays
                self.progress.reused += 1
                refreshed_out.append(current_id)
                continue
            if current_id is None:
                current_id = self.next_id
                self.next_id += 1
            chunk.append((current_id, document))
            self.progress.total += 1
            if len(chunk) == size:
                self._remove(removed)
                removed_out += removed
                yield chunk
                chunk, removed = [], []
                size = max(1, self.embedder.batch_size) * EMBED_CHUNK_BATCHES
        self._remove(removed)
        removed_out += removed
        if chunk:
            yield chunk

    def _remove(self, ids: list[int]) -> None:
        if not ids:
            return
        assert self.vectors is not None
        for i in ids:
            self.docs.pop(i, None)
        self._publish()  # gone from results before anything else happens
        self.vectors.remove(ids)

    def _add_embedded(self, chunk: list[tuple[int, SearchDocument]], vectors: Future[np.ndarray]) -> None:
        assert self.vectors is not None
        self.vectors.upsert(np.asarray([i for i, _ in chunk], dtype=np.int64), vectors.result())
        for i, d in chunk:
            self.docs[i] = d
        self.progress.embedded += len(chunk)
        self.progress.done += len(chunk)
        self._publish()

    def document(self, iri: str, stored: StoredRecord) -> SearchDocument:
        record = self.mapper.to_json(iri, stored.triples)
        summary = self.catalog.summary(iri)
        labels_en = [self._labels_en.get(c["code"], "") for c in record.get("taskAreas") or []]
        return build_document(record, content_hash=stored.meta.content_hash, origin=stored.meta.origin, summary=summary,
                              task_area_labels_en=[x for x in labels_en if x], modified=stored.meta.modified,
                              received_at=stored.meta.received_at)

    def reconcile(self, *, force: bool = False) -> None:
        """Compare the index with every current record of the store; embed only what differs (and
        build the word index beside the model, :meth:`apply`)."""
        self.progress.state = "rebuilding"
        seq = self.catalog.last_seq
        live = list(self.catalog.iter_live_records(include_network=True))
        live_set = set(live)
        gone = [d.iri for d in self.docs.values() if d.iri not in live_set]
        self.apply([*gone, *live], until_seq=seq, force=force, word_index=True)
        self.last_seq = seq
        self.progress.last_seq = seq

    # ------------------------------------------------------------------ snapshots and files

    def _publish(self, rebuild_lexical: bool = False) -> None:
        self.view = View(self.docs, self.next_id)
        if rebuild_lexical:
            self.rebuild_lexical()
        with self._changed:
            self._changed.notify_all()

    def rebuild_lexical(self) -> None:
        self._install_lexical(self._build_lexical(self.docs))

    def _build_lexical(self, docs: dict[int, SearchDocument]) -> LexicalIndex:
        index = LexicalIndex([(i, d.lexical_text) for i, d in sorted(docs.items())], self._words)
        log.debug("BM25 rebuilt over %d records in %.2f s", len(index), index.build_seconds)
        return index

    def _install_lexical(self, index: LexicalIndex, *, warm_speller: bool = True) -> None:
        """Make ``index`` the word search, with its concept matcher and its speller (built from the
        documents' texts, now or in :meth:`idle`)."""
        self.lexical = self._make_lexical(index, self.docs, warm_speller=False)
        self._lexical_dirty = False
        if warm_speller:
            self.lexical.speller.warm()  # after publishing: word search answers meanwhile, "Meinten Sie" follows

    def _make_lexical(self, index: LexicalIndex, docs: dict[int, SearchDocument], *, warm_speller: bool = True) -> Lexical:
        texts = [docs[int(i)].lexical_text for i in index.doc_ids]
        lexical = Lexical(index, ConceptMatcher(self.vocabularies, index.analyzer), Speller(lambda: iter(texts)))
        if warm_speller:
            lexical.speller.warm()
        return lexical

    def idle(self, *, quiet: float = SAVE_AFTER, speller: bool = True) -> None:
        """Work to do when the log is drained: BM25, HNSW, and (after a quiet spell) the files."""
        if self._lexical_dirty:
            self.rebuild_lexical()
            with self._changed:
                self._changed.notify_all()
        assert self.vectors is not None
        if self.vectors.needs_hnsw_build():
            self.vectors.build_hnsw()
        if self.progress.state != "ready":
            self.progress.state = "ready"
            with self._changed:
                self._changed.notify_all()
        if speller:
            self.warm_speller()
        if self._unsaved and time.monotonic() - self._last_change >= quiet:
            self.save()

    def warm_speller(self) -> None:
        """Build "Meinten Sie" for the current word index if it is not built yet (after a restart from
        saved files: searching did not wait for it)."""
        if self.lexical is not None and not self.lexical.speller.ready:
            self.lexical.speller.warm()
            with self._changed:
                self._changed.notify_all()

    def save_if_changed(self) -> None:
        """Write the files if anything changed since they were last written (at stop)."""
        if self._unsaved:
            self.save()

    def save(self) -> None:
        if self.files is None or self.vectors is None:
            return
        started = time.perf_counter()
        lexical = self.lexical.index if self.lexical is not None and not self._lexical_dirty else None
        self.files.save(last_seq=self.last_seq, next_id=self.next_id, docs=self.docs, vectors=self.vectors, lexical=lexical)
        self._unsaved = False
        log.info("search index saved: %d records up to change %d in %.2f s", len(self.docs), self.last_seq,
                 time.perf_counter() - started)

    def wait(self, predicate: Callable[[], bool], timeout: float) -> bool:
        with self._changed:
            return self._changed.wait_for(predicate, timeout=timeout)
