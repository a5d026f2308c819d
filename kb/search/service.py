"""The search part of a node: an indexer thread following the catalogue, and the query side.

``Node`` composes it as ``node.search`` (None when search is switched off) from what it uses: the
catalogue, the record mapper, the vocabularies and the register (for filters), the settings, and
``name_of`` (display names of nodes, for the allowed origins of a filter). ``start()`` begins
indexing in the background (loading the saved index, or rebuilding it from the store),
``search()`` and ``similar()`` answer from the last published snapshot, never waiting for indexing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from kb.boerse.board import today_in_germany
from kb.config import Settings
from kb.errors import NotFound
from kb.ontology.filters import Filters
from kb.ontology.records import RecordMapper
from kb.ontology.register import Register
from kb.ontology.text import fold
from kb.ontology.vocabulary import Vocabularies
from kb.search.analysis import stem, tokens
from kb.search.embedder import Embedder
from kb.search.expansion import Expansion
from kb.search.indexer import Indexer, Lexical
from kb.search.places import REGION_BOOST, PlaceMatcher
from kb.search.ranking import (
    DENSE_DEPTH,
    ILLUSTRATIVE_FACTOR,
    RRF_K,
    Fusion,
    Method,
    QueryTerm,
    Scored,
    ceiling,
    fuse,
    fusion_for,
    ranks_of,
    rrf,
    top,
)
from kb.search.snippets import Snippet, make_snippet, snippet_terms
from kb.search.spelling import Correction
from kb.search.vectors import VectorIndex
from kb.search.view import View
from kb.store.catalog import Catalog

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 500
MODEL_LANGUAGE_SHARE = 0.8
"""A query whose words the embedding model knows (at least this share) is in the model's language."""
POLL_SECONDS = 0.5
SYNONYM_WEIGHT = 0.3


@dataclass
class Hit:
    id: str
    title: str
    score: float
    origin: str
    why: dict[str, Any]
    doc: Any = None
    relevance: float = 0.0
    """Shown relevance, 0..1, monotone in ``score`` (so it agrees with the order)."""
    snippet: Snippet | None = None


@dataclass
class SearchResult:
    query: str
    total: int
    results: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    expansion: list[dict[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    indexing: dict[str, Any] = field(default_factory=dict)
    suggestion: str | None = None
    """"Meinten Sie …?": the query with unknown words replaced by close index words."""


def _corrected(text: str, corrections: list[Correction]) -> str:
    """``text`` with each corrected word replaced (as typed, any case) by its suggestion."""
    out = []
    fixes = {c.word: c.suggestion for c in corrections}
    for word in text.split():
        folded = fold(word)
        out.append(fixes.get(folded, word) if folded in fixes else word)
    return " ".join(out)


class SearchService:
    """Hybrid search over everything the node's catalogue holds, its own and harvested records."""

    def __init__(self, catalog: Catalog, mapper: RecordMapper, vocabularies: Vocabularies, register: Register,
                 settings: Settings, name_of: Callable[[str], str | None], *, node_iri: str) -> None:
        self.catalog = catalog
        self.vocabularies = vocabularies
        self.register = register
        self.name_of = name_of
        """Display name of a node (this one or one the federation knows); None if unknown."""
        self.node_iri = node_iri
        self.embedder = Embedder(settings.embed_model, batch_size=settings.embed_batch_size,
                                 backend=settings.embed_backend, threads=settings.embed_threads, cache_dir=settings.cache_dir)
        self.indexer = Indexer(catalog, mapper, vocabularies, self.embedder, settings.data_dir / "search",
                               hnsw_threshold=settings.hnsw_threshold)
        self.places = PlaceMatcher(register)
        self.fusion = fusion_for(settings.embed_backend)
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._reindex = threading.Event()
        self._ready = threading.Event()
        self.today: Callable[[], date] = today_in_germany
        """Which day it is for the Börse's expiry (the Börse board's clock; tests move it)."""

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="kb-search-indexer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=60)
            self._thread = None

    def _run(self) -> None:
        ix = self.indexer
        try:
            ix.open()
            ix.idle(quiet=0, speller=False)  # searches wait for this; "Meinten Sie" is built in the loop below
        except Exception as exc:  # never take the node down; searches answer from what exists
            log.exception("search index could not be opened")
            ix.failed(exc)
            return
        finally:
            self._ready.set()
        while not self._stop.is_set():
            try:
                if self._reindex.is_set():
                    self._reindex.clear()
                    ix.reconcile(force=True)
                    ix.idle(quiet=0)
                if ix.catch_up() == 0:
                    ix.idle()
                    self.catalog.wait_for_change(ix.last_seq, POLL_SECONDS)
            except Exception as exc:  # log, back off, and keep following the log
                log.exception("search indexing failed; retrying")
                ix.progress.error = str(exc)
                self._stop.wait(2.0)
        try:
            ix.save_if_changed()
        except Exception:  # pragma: no cover
            log.exception("search index could not be saved at stop")

    def request_reindex(self) -> None:
        """Re-embed everything in the background; searches keep answering meanwhile."""
        self._reindex.set()

    def wait_until_current(self, timeout: float = 60.0) -> bool:
        """Block until every change logged so far is searchable (tests, CLI)."""
        target = self.catalog.last_seq
        self._ready.wait(timeout)
        ix = self.indexer
        return ix.wait(lambda: ix.is_current(target), timeout)

    def describe(self) -> dict[str, Any]:
        return {"search": {"records": len(self.indexer.view), "state": self.indexer.progress.state}}

    def status(self) -> dict[str, Any]:
        ix = self.indexer
        return {**ix.progress.as_json(), "records": len(ix.view), "model": self.embedder.identity,
                "approximate": bool(ix.vectors and ix.vectors.approximate)}

    def browse(self, *, limit: int = 10, offset: int = 0, filters: Filters | None = None,
               include_network: bool = False) -> SearchResult:
        """All records matching the filters (no query), by title, with facets: the "browse" view."""
        view = self.indexer.view
        allowed = view.mask(include_network=include_network, filters=(filters or Filters()).index_terms(), today=self.today())
        docs = sorted((view.docs[int(i)] for i in allowed.nonzero()[0]), key=lambda d: d.title.lower())
        hits = [Hit(d.iri, d.title, 0.0, d.origin, {}, d) for d in docs[offset: offset + limit]]
        return SearchResult("", len(docs), hits, view.facets(allowed), [], [], self.status())

    # ------------------------------------------------------------------ queries

    def search(self, query: str, *, limit: int = 10, offset: int = 0, filters: Filters | None = None,
               include_network: bool = False, method: Method = "hybrid", with_facets: bool = True,
               fusion: Fusion | None = None) -> SearchResult:
        ix = self.indexer
        fusion = fusion or self.fusion
        view, lexical, vectors = ix.view, ix.lexical, ix.vectors
        notes: list[str] = []
        text = " ".join(query.split())
        if len(text) > MAX_QUERY_CHARS:
            text = text[:MAX_QUERY_CHARS].rsplit(" ", 1)[0]
            notes.append(f"Die Suchanfrage wurde auf {MAX_QUERY_CHARS} Zeichen gekürzt. / The query was truncated to "
                         f"{MAX_QUERY_CHARS} characters.")
        status = self.status()
        if ix.progress.state != "ready":
            notes.append("Der Suchindex wird gerade aufgebaut; die Ergebnisse sind vielleicht unvollständig. / The index is "
                         "being built; results may be incomplete.")
        if not tokens(text) or lexical is None or vectors is None or len(view) == 0:
            if not tokens(text):
                notes.append("Die Anfrage enthält keine suchbaren Wörter. / The query has no searchable words.")
            return SearchResult(text, 0, [], {}, [], notes, status)
        if method != "lexical" and not self.embedder.loaded:
            method = "lexical"
            notes.append("Die Bedeutungssuche startet noch; diese Ergebnisse beruhen nur auf Wörtern. / The semantic part is "
                         "still starting; these results match words only.")
        expansion = lexical.matcher.expand(text)
        if not fusion.glossary:
            expansion = Expansion(lexical.matcher.concepts(text), [], [])
        allowed = view.mask(include_network=include_network, filters=(filters or Filters()).index_terms(), today=self.today())
        filtered = bool(filters)
        places = self.places.places(text)
        topic = self.places.topic(text, places) if places else text
        if not tokens(topic):
            topic = text
        elif topic != text:
            expansion = lexical.matcher.expand(topic) if fusion.glossary else Expansion(lexical.matcher.concepts(topic), [], [])
        corrections = self._corrections(lexical, topic)
        scored = self._score(view, lexical, vectors, topic, expansion, allowed, method, filtered=filtered,
                             corrections=corrections if fusion.spelling else [], translate_dense=fusion.translate_dense)
        if places and scored.prior is not None:
            kreise = frozenset().union(*(p.kreise for p in places))
            in_region = np.zeros(view.capacity, dtype=bool)
            for kreis in kreise:
                in_region |= view.columns["kreis"].mask(kreis, view.capacity)
            scored.prior = scored.prior * np.where(in_region, 1.0 + REGION_BOOST, 1.0)
        if fusion.phrase_boost and len(tokens(topic)) > 1:
            phrase = " ".join(tokens(topic))
            scored.phrase = np.zeros(view.capacity, dtype=bool)
            for i, doc in view.docs.items():
                scored.phrase[i] = phrase in " ".join(tokens(" ".join([doc.title, *doc.keywords])))
        model_language = (fusion.model_language_weight is not None and method != "lexical"
                          and self.embedder.vocabulary_share(topic) >= MODEL_LANGUAGE_SHARE)
        dense_weight = fusion.model_language_weight if model_language else fusion.dense_weight
        scores, matching = fuse(scored, method, dense_weight=dense_weight, fusion=fusion)
        ids = top(scores, matching, offset, limit)
        best = ceiling(fusion, method, dense_weight=dense_weight, has_concepts=bool(scored.concepts),
                       prior=(1.0 + REGION_BOOST) if places else 1.0)
        if method == "lexical" and len(ids):
            best = float(scores[matching].max()) or 1.0
        terms = snippet_terms([topic, *(de for _, de in expansion.translations), *(c.suggestion for c in corrections)],
                              lexical.index.analyzer)
        hits = []
        for i in ids:
            hit = self._hit(view, scored, i, float(scores[i]))
            hit.relevance = round(float(np.clip(scores[i] / best, 0.0, 1.0)), 4)
            doc = view.docs[i]
            hit.snippet = make_snippet(doc.description or doc.lexical_text, terms, lexical.index.analyzer)
            hits.append(hit)
        facets = view.facets(matching) if with_facets else {}
        out = expansion.as_json()
        out += [{"kind": "correction", "matched": c.word, "label": c.suggestion} for c in corrections]
        out += [{"kind": "place", "matched": p.name, "label": ", ".join(sorted(self._kreis_name(k) for k in p.kreise))} for p in places]
        suggestion = _corrected(text, corrections) if corrections else None
        return SearchResult(text, int(matching.sum()), hits, facets, out, notes, status, suggestion)

    def _kreis_name(self, key: str) -> str:
        kreis = self.register.kreise.get(key)
        return kreis.name if kreis else key

    def _corrections(self, lexical: Any, text: str) -> list[Correction]:
        """Query words the index does not know, with the closest word the index does know."""
        index, out = lexical.index, []
        for word in dict.fromkeys(tokens(text)):
            if (len(word) < 4 or word.isdigit() or word in lexical.matcher.glossary_words or index.knows(stem(word))
                    or index.analyzer.decompose(word)):
                continue
            suggestion = lexical.speller.suggest(word)
            if suggestion:
                out.append(Correction(word, suggestion))
        return out

    def _score(self, view: View, lexical: Lexical, vectors: VectorIndex, text: str, expansion: Expansion, allowed: np.ndarray,
               method: Method, *, filtered: bool, corrections: list[Correction] | None = None, translate_dense: bool = True) -> Scored:
        cap = view.capacity
        scored = Scored(allowed=allowed, prior=np.where(view.illustrative, ILLUSTRATIVE_FACTOR, 1.0))
        if method != "lexical":
            dense_text = text
            if translate_dense and expansion.translations:
                dense_text = f"{text} ({' '.join(german for _, german in expansion.translations)})"
            query_vector = self.embedder.encode_query(dense_text)
            if vectors.approximate and not filtered:
                ids, sims = vectors.search(query_vector, DENSE_DEPTH)
            else:
                ids, sims = vectors.search(query_vector, DENSE_DEPTH, exact=True, among=None if not filtered else np.flatnonzero(allowed))
            dense = np.full(cap, -1.0, dtype=np.float32)
            keep = ids < cap
            dense[ids[keep]] = sims[keep]
            scored.dense = dense
        index = lexical.index
        terms = [QueryTerm(t, w) for t, w in index.analyzer.query_terms(text)]
        for english, german in expansion.translations:
            terms += [QueryTerm(t, f"{w} ({english})") for t, w in index.analyzer.query_terms(german)]
        for word, words in expansion.synonyms:
            terms += [QueryTerm(t, f"{w} ({word})", SYNONYM_WEIGHT) for t, w in index.analyzer.query_terms(words)]
        for c in corrections or []:
            terms += [QueryTerm(t, f"{w} ({c.word})") for t, w in index.analyzer.query_terms(c.suggestion)]
        scored.terms = [qt for qt in terms if index.knows(qt.term)]
        if method != "dense":
            total = np.zeros(cap, dtype=np.float32)
            rows_ok = index.doc_ids < cap
            seen: set[str] = set()
            for qt in scored.terms:
                if qt.term in seen:
                    continue
                seen.add(qt.term)
                per_row = index.term_scores(qt.term)
                per_id = np.zeros(cap, dtype=np.float32)
                per_id[index.doc_ids[rows_ok]] = per_row[rows_ok] * qt.weight
                total += per_id
                hits = scored.term_hits.get(qt.word)
                scored.term_hits[qt.word] = per_id if hits is None else hits + per_id
            scored.lexical = total
        for concept in expansion.concepts:
            column = "taskArea" if concept.scheme == "taskArea" else "legalForm"
            scored.concepts.append((concept, view.columns[column].mask(concept.code, cap)))
        return scored

    def _hit(self, view: View, scored: Scored, id_: int, score: float) -> Hit:
        doc = view.docs[id_]
        why: dict[str, Any] = {}
        if scored.term_hits:
            why["terms"] = [w for w, s in scored.term_hits.items() if s[id_] > 0]
        if scored.concepts:
            why["concepts"] = [{"id": c.iri, "code": c.code, "label": c.label, "matched": c.matched}
                               for c, carriers in scored.concepts if carriers[id_]]
        if scored.dense is not None:
            why["semantic"] = round(float(scored.dense[id_]), 4)
        if scored.lexical is not None:
            why["lexical"] = round(float(scored.lexical[id_]), 4)
        return Hit(doc.iri, doc.title, round(score, 6), doc.origin, why, doc)

    def similar(self, iri: str, *, limit: int = 5, other_states: bool = False, include_network: bool = False) -> SearchResult:
        """Records like ``iri`` (by meaning, shared words and task areas), never ``iri`` itself."""
        ix = self.indexer
        view, lexical, vectors = ix.view, ix.lexical, ix.vectors
        id_ = view.ids_by_iri.get(iri)
        source = view.docs.get(id_) if id_ is not None else None
        if id_ is None or source is None or (source.visibility != "public" and not include_network) or vectors is None or lexical is None:
            raise NotFound("Dieses Projekt ist (noch) nicht im Suchindex.", "This project is not (yet) in the search index.")
        allowed = view.mask(include_network=include_network, filters={}, today=self.today())
        allowed[id_] = False
        if other_states and source.all_states:
            for state in source.all_states:
                allowed &= ~view.columns["state"].mask(state, view.capacity)
        vector = vectors.vector(int(id_))
        scored = Scored(allowed=allowed)
        if vector is not None:
            ids, sims = vectors.search(vector, DENSE_DEPTH, exact=True)
            dense = np.full(view.capacity, -1.0, dtype=np.float32)
            keep = ids < view.capacity
            dense[ids[keep]] = sims[keep]
            scored.dense = dense
        index = lexical.index
        total = np.zeros(view.capacity, dtype=np.float32)
        rows_ok = index.doc_ids < view.capacity
        for term, _ in index.analyzer.query_terms(" ".join([source.title, *source.keywords])):
            if index.knows(term):
                per_id = np.zeros(view.capacity, dtype=np.float32)
                per_id[index.doc_ids[rows_ok]] = index.term_scores(term)[rows_ok]
                total += per_id
        scored.lexical = total
        shared = np.zeros(view.capacity, dtype=np.float64)
        for code in source.task_areas:
            shared += view.columns["taskArea"].mask(code, view.capacity)
        lists = [(ranks_of(total, allowed & (total > 0)), 1.0)]
        if scored.dense is not None:
            lists.append((ranks_of(scored.dense, allowed, 1000), 1.0))
        if source.task_areas:
            base = scored.dense if scored.dense is not None else total
            lists.append((ranks_of(shared + 1e-3 * base, allowed & (shared > 0), 1000), 0.5))
        scores = rrf(lists)
        best = sum(w for _, w in lists) / (RRF_K + 1)
        hits = []
        for i in top(scores, allowed & (scores > 0), 0, limit):
            hit = self._hit(view, scored, i, float(scores[i]))
            hit.relevance = round(float(np.clip(scores[i] / best, 0.0, 1.0)), 4)
            hit.why["sharedTaskAreas"] = sorted(set(source.task_areas) & set(view.docs[i].task_areas))
            hits.append(hit)
        return SearchResult(source.title, len(hits), hits, {}, [], [], self.status())

    def reindex_now(self, *, force: bool = False) -> None:
        """Rebuild from the store in this thread (``kb reindex``), then save."""
        self.indexer.rebuild(force=force)
