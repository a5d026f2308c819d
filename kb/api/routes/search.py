"""Search API: hybrid search over the federated catalogue, and similar projects."""

from __future__ import annotations

from typing import Annotated, Any, cast

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from kb.api.deps import CatalogDep, PrincipalDep, PublisherDep, SearchDep, ViewsDep
from kb.api.filter_params import SearchFiltersDep
from kb.api.routes.projects import resolve_record
from kb.search import SearchResult
from kb.search.ranking import Method
from kb.views import RecordViews

router = APIRouter(tags=["Suche / search"])

MAX_QUERY = 2000
"""Longer query parameters are refused (422); up to this, the service truncates to 500 characters with a note."""


class ConceptWhy(BaseModel):
    id: str
    code: str
    label: str
    matched: str = Field(description="The vocabulary label the query matched.")


class Why(BaseModel):
    terms: list[str] = Field([], description="Query words (or their German translations) found in the record.")
    concepts: list[ConceptWhy] = Field([], description="Task areas or legal forms the query names and the record carries.")
    semantic: float | None = Field(None, description="Cosine similarity of query and record embeddings.")
    lexical: float | None = Field(None, description="BM25 score.")
    sharedTaskAreas: list[str] | None = Field(None, description="For similar projects: task-area codes both share.")


class SearchHit(BaseModel):
    id: str = Field(description="The record IRI.")
    key: str | None = Field(None, description="Local key for /api/projects/{key}, for records minted here.")
    title: str
    score: float
    origin: str = Field(description="IRI of the node that published the record.")
    originName: str | None = None
    type: str
    state: str | None = None
    taskAreas: list[str] = []
    legalForm: str | None = None
    status: str | None = None
    illustrative: bool = False
    relevance: float = Field(0.0, description="Relevance 0..1 as shown (a percentage on the web page); never rises down the list.")
    snippet: str | None = Field(None, description="A short passage of the description around the matching words (plain text).")
    highlights: list[tuple[int, int]] = Field([], description="[start, end) character ranges of the snippet that match the query.")
    why: Why


class SearchOut(BaseModel):
    query: str
    total: int = Field(description="Size of the matching set (facets count over all of it).")
    offset: int = 0
    limit: int = 10
    results: list[SearchHit]
    facets: dict[str, dict[str, int]] = Field({}, description="Counts per value of taskArea, legalForm, state, regierungsbezirk, "
                                                              "kreis, status, funding (yes/no), programme (funding programme and round codes), origin, type.")
    expansion: list[dict[str, str]] = Field([], description="Concepts, translations, synonyms, spelling corrections and places "
                                                               "the query was expanded with (kind: concept, translation, synonym, "
                                                               "correction, place).")
    suggestion: str | None = Field(None, description="„Meinten Sie …?“: the query with words the index does not know replaced "
                                                     "by close words it does know.")
    notes: list[str] = []
    indexing: dict[str, Any] = Field({}, description="State of the index (records, state, progress).")


def _out(views: RecordViews, result: SearchResult, offset: int, limit: int) -> dict[str, Any]:
    hits = []
    for h in result.results:
        d = h.doc
        hits.append({"id": h.id, "key": views.key_of(h.id), "title": h.title, "score": h.score, "origin": h.origin,
                     "originName": views.node_name(h.origin), "type": d.type, "state": d.state, "taskAreas": d.task_areas,
                     "legalForm": d.legal_form, "status": d.status, "illustrative": d.illustrative, "relevance": h.relevance,
                     "snippet": h.snippet.text if h.snippet else None, "highlights": h.snippet.highlights if h.snippet else [],
                     "why": h.why})
    return {"query": result.query, "total": result.total, "offset": offset, "limit": limit, "results": hits,
            "facets": result.facets, "expansion": result.expansion, "suggestion": result.suggestion, "notes": result.notes,
            "indexing": result.indexing}


@router.get("/api/search", response_model=SearchOut)
def search(
    views: ViewsDep,
    service: SearchDep,
    principal: PrincipalDep,
    filters: SearchFiltersDep,
    q: Annotated[str, Query(max_length=MAX_QUERY, description="Suchtext, deutsch oder englisch / query text.")] = "",
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
    method: Annotated[str, Query(pattern="^(hybrid|dense|lexical)$", description="Ranking (for comparison).")] = "hybrid",
) -> dict[str, Any]:
    """Projekte suchen (hybrid: Bedeutung, Wörter, Begriffe) / search the federated catalogue."""
    result = service.search(q, limit=limit, offset=offset, filters=filters, include_network=principal.can_see_network,
                            method=cast(Method, method))  # the Query pattern admits only the three methods
    return _out(views, result, offset, limit)


@router.get("/api/projects/{key:path}/similar", response_model=SearchOut)
def similar(
    key: str,
    publisher: PublisherDep,
    views: ViewsDep,
    catalog: CatalogDep,
    service: SearchDep,
    principal: PrincipalDep,
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
    other_states: Annotated[bool, Query(alias="otherStates", description="Nur Projekte aus anderen Bundesländern / only other Bundesländer.")] = False,
) -> dict[str, Any]:
    """Ähnliche Projekte im ganzen Katalog (ohne das Projekt selbst) / similar projects."""
    iri = resolve_record(publisher, key)
    catalog.get_live(iri, include_network=principal.can_see_network)  # 404 / 410 like the record itself
    result = service.similar(iri, limit=limit, other_states=other_states, include_network=principal.can_see_network)
    return _out(views, result, 0, limit)


class IndexStatus(BaseModel):
    state: str = Field(description="starting, loading, rebuilding, indexing, ready or failed.")
    records: int = Field(description="Records searchable now.")
    total: int = Field(0, description="Records queued for embedding since start.")
    done: int = Field(0, description="Of those, embedded.")
    embedded: int = 0
    reused: int = Field(0, description="Records whose stored vector was kept (content unchanged).")
    last_seq: int = Field(0, description="Last change-log entry processed.")
    model: str
    approximate: bool = Field(description="An HNSW graph answers unfiltered queries.")
    error: str | None = None


@router.get("/api/search/status", response_model=IndexStatus)
def search_status(service: SearchDep) -> dict[str, Any]:
    """Zustand des Suchindex (Fortschritt der Einbettung) / state and progress of the search index."""
    return service.status()


@router.post("/api/search/reindex", response_model=IndexStatus, status_code=202)
def search_reindex(service: SearchDep, principal: PrincipalDep) -> dict[str, Any]:
    """Alles neu einbetten, im Hintergrund; die Suche antwortet weiter / re-embed everything in the background (admin)."""
    principal.require_admin()
    service.request_reindex()
    return service.status()
