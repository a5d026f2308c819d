"""The open-data catalogue (DCAT-AP.de) at ``/catalog``, its downloads, and a VoID description.

Everything here is public: only public records, for anyone, so portals (GovData, state portals,
data.europa.eu) can harvest without an account. The descriptions are built in ``kb/dcat.py``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response, StreamingResponse
from pyoxigraph import Literal, NamedNode, Triple

from kb.api.deps import CatalogDep, IdentityDep, NodeDep, SettingsDep, ViewsDep
from kb.api.rdf_response import pick_format, rdf_response
from kb.api.schemas import media_types
from kb.dcat import DCT, RDF_TYPE, CatalogueGraph, catalogue_facts, download_url
from kb.errors import NotFound
from kb.ontology.namespaces import Namespace
from kb.ontology.rdfio import FORMATS, serialize_graph
from kb.store.catalog import Catalog
from kb.views import NodeIdentity, RecordViews

router = APIRouter(tags=["Offene Daten / open data"])

CATALOG_OFFERS = ["text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples"]
CACHE = {"Cache-Control": "public, max-age=300"}
ANSWERS = media_types(*CATALOG_OFFERS, description="The catalogue in the negotiated format (Accept or ?format=ttl|jsonld|rdf|nt).")
FormatParam = Annotated[str | None, Query(alias="format", description="Format statt Accept-Header / overrides Accept: ttl, jsonld, rdf, nt.")]
OriginParam = Annotated[str | None, Query(alias="herkunft", max_length=2000,
                                          description="Nur Projekte dieses Herkunftsknotens (IRI) / only records of this origin node.")]
VOID = Namespace("http://rdfs.org/ns/void#")
CSV_COLUMNS = ("IRI", "Titel", "Art", "Bundesland", "Aufgabenbereiche", "Rechtsform", "Stand", "Beginn", "Federführung",
               "Beteiligte", "Herkunftsknoten", "Geändert")


def _alternates(path: str) -> str:
    return ", ".join(f'<{path}?format={f.extension}>; rel="alternate"; type="{f.media_type}"'
                     for f in FORMATS.values() if f.media_type in CATALOG_OFFERS)


def _negotiated(request: Request) -> str:
    media = pick_format(request, [*CATALOG_OFFERS, "application/json"], "text/turtle")
    return "application/ld+json" if media == "application/json" else media


@router.get("/catalog", response_class=Response, responses=ANSWERS)
async def catalog(request: Request, node: NodeDep, fmt: FormatParam = None) -> Response:
    """Der Datenkatalog nach DCAT-AP.de / the node's DCAT-AP.de catalogue (what GovData and state portals harvest)."""
    # The whole node on purpose: the catalogue gathers the settings, the vocabularies, the catalogue's
    # records per origin and the federation's peers (``kb.dcat.catalogue_facts``).
    media = _negotiated(request)
    facts = await run_in_threadpool(catalogue_facts, node)
    triples = CatalogueGraph(facts).build()
    return rdf_response(triples, media, headers={**CACHE, "Link": _alternates("/catalog")})


@router.get("/.well-known/void", response_class=Response, responses=ANSWERS)
def void(request: Request, catalog: CatalogDep, identity: IdentityDep, settings: SettingsDep, fmt: FormatParam = None) -> Response:
    """VoID-Beschreibung / a VoID description of the node's data: SPARQL endpoint, dump, IRI space."""
    media = _negotiated(request)
    base = identity.base_url
    dataset = NamedNode(f"{base}/catalog#projekte")
    triples = [
        Triple(dataset, RDF_TYPE, VOID.Dataset),
        Triple(dataset, DCT.title, Literal(f"Interkommunale Kooperationsprojekte – {settings.operator or settings.name}", language="de")),
        Triple(dataset, VOID.sparqlEndpoint, NamedNode(f"{base}/sparql")),
        Triple(dataset, VOID.dataDump, NamedNode(f"{base}/catalog/projekte.trig")),
        Triple(dataset, VOID.uriSpace, Literal(f"{base}/projects/")),
        Triple(dataset, VOID.vocabulary, NamedNode("https://w3id.org/ikz-kb/ontology#")),
        Triple(dataset, DCT.license, NamedNode(settings.license)),
        Triple(dataset, VOID.entities, Literal(str(catalog.count(include_network=False)),
                                               datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
        Triple(dataset, NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"), NamedNode(f"{base}/catalog")),
    ]
    return rdf_response(triples, media, headers={**CACHE, "Link": _alternates("/.well-known/void")})


def _records(catalog: Catalog, origin: str | None) -> Iterator[str]:
    """Public current records, of one origin if asked (the aggregator's per-origin datasets)."""
    for iri in catalog.iter_live_records(include_network=False):
        if origin is None:
            yield iri
            continue
        meta = catalog.meta(iri)
        if meta is not None and meta.origin == origin:
            yield iri


def _origin(catalog: Catalog, identity: NodeIdentity, herkunft: str | None) -> str | None:
    if herkunft is None or herkunft == identity.iri:
        return None if herkunft is None else identity.iri
    if herkunft not in catalog.count_by_origin(include_network=False):
        raise NotFound("Von diesem Knoten sind hier keine öffentlichen Projekte.", "There are no public records of that origin here.")
    return herkunft


@router.get("/catalog/projekte.trig", response_class=Response,
            responses=media_types("application/trig", description="Every public record, each in its own named graph."))
def dump_trig(catalog: CatalogDep, identity: IdentityDep, herkunft: OriginParam = None) -> Response:
    """Alle öffentlichen Projekte als TriG / every public record as TriG (one named graph per record)."""
    origin = _origin(catalog, identity, herkunft)
    trig = FORMATS["trig"]

    def chunks() -> Iterator[bytes]:
        for iri in _records(catalog, origin):
            stored = catalog.get(iri)
            if stored is not None and stored.triples:
                yield serialize_graph(stored.triples, trig, graph_name=iri) + b"\n"

    return StreamingResponse(chunks(), media_type="application/trig",
                             headers={**CACHE, "Content-Disposition": 'attachment; filename="projekte.trig"'})


def _row(catalog: Catalog, views: RecordViews, iri: str) -> dict[str, str] | None:
    stored = catalog.get(iri)
    if stored is None or not stored.triples:
        return None
    view = views.project_view(stored)

    def label(value: object) -> str:
        if isinstance(value, dict):
            return str(value.get("label") or value.get("name") or value.get("id") or "")
        if isinstance(value, list):
            return " | ".join(label(v) for v in value)
        return "" if value is None else str(value)

    participants = view.get("participants") or []
    lead = next((p for p in participants if isinstance(p, dict) and p.get("lead")), None)
    return {
        "IRI": iri, "Titel": label(view.get("title")), "Art": label(view.get("type")), "Bundesland": label(view.get("state")),
        "Aufgabenbereiche": label(view.get("taskAreas")), "Rechtsform": label(view.get("legalForm")), "Stand": label(view.get("status")),
        "Beginn": label(view.get("startDate")), "Federführung": label(lead), "Beteiligte": label(participants),
        "Herkunftsknoten": stored.meta.origin, "Geändert": stored.meta.modified,
    }


@router.get("/catalog/projekte.csv", response_class=Response,
            responses=media_types("text/csv", description="One row per public record (semicolon-separated, UTF-8 with BOM)."))
def dump_csv(catalog: CatalogDep, identity: IdentityDep, views: ViewsDep, herkunft: OriginParam = None) -> Response:
    """Alle öffentlichen Projekte als CSV / every public record as a CSV row (for spreadsheets)."""
    origin = _origin(catalog, identity, herkunft)

    def chunks() -> Iterator[bytes]:
        out = io.StringIO()
        writer = csv.DictWriter(out, CSV_COLUMNS, delimiter=";", lineterminator="\r\n")
        out.write("\ufeff")
        writer.writeheader()
        for iri in _records(catalog, origin):
            row = _row(catalog, views, iri)
            if row is not None:
                writer.writerow(row)
                yield out.getvalue().encode("utf-8")
                out.seek(0)
                out.truncate()
        yield out.getvalue().encode("utf-8")

    return StreamingResponse(chunks(), media_type="text/csv; charset=utf-8; header=present",
                             headers={**CACHE, "Content-Disposition": 'attachment; filename="projekte.csv"'})


@router.get("/catalog/projekte.json", response_class=Response,
            responses=media_types("application/json", description="A JSON array with one object per public record."))
def dump_json(catalog: CatalogDep, identity: IdentityDep, views: ViewsDep, herkunft: OriginParam = None) -> Response:
    """Alle öffentlichen Projekte als JSON / every public record as one JSON array (the fields of the CSV)."""
    origin = _origin(catalog, identity, herkunft)

    def chunks() -> Iterator[bytes]:
        yield b"["
        first = True
        for iri in _records(catalog, origin):
            row = _row(catalog, views, iri)
            if row is not None:
                yield (b"" if first else b",\n") + json.dumps(row, ensure_ascii=False).encode("utf-8")
                first = False
        yield b"]\n"

    return StreamingResponse(chunks(), media_type="application/json",
                             headers={**CACHE, "Content-Disposition": 'attachment; filename="projekte.json"'})


__all__ = ["router", "download_url"]
