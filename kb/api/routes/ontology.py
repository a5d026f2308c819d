"""The shared ontology, its vocabularies and shapes, with content negotiation."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pyoxigraph import RdfFormat, Triple, parse

from kb.api.rdf_response import RDF_OFFERS, alternates, pick_format, rdf_response
from kb.api.schemas import media_types
from kb.errors import NotFound
from kb.ontology.validation import SHAPES_PATH
from kb.ontology.vocabulary import VOCABULARY_DIR

router = APIRouter(tags=["Ontologie / ontology"])
ONTOLOGY_PATH = Path(__file__).resolve().parents[2] / "ontology" / "ontology.ttl"
CACHE = {"Cache-Control": "public, max-age=3600"}
ANSWERS = media_types("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml",
                      description="The triples in the negotiated format (Accept or ?format=).")
PAGE_ANSWERS = media_types("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml", "text/html",
                           description="The triples in the negotiated format (Accept or ?format=); browsers get the documentation page.")
"""What these routes answer: triples only, so no quads formats (TriG/N-Quads are answered as Turtle/N-Triples).
``?format=`` is declared so that it is documented and fuzzed; ``pick_format`` reads it from the request."""
FormatParam = Annotated[str | None, Query(alias="format", description="Format statt Accept-Header / overrides Accept: ttl, jsonld, json (= JSON-LD), nt, rdf.")]


@lru_cache(maxsize=16)
def _triples(*paths: Path) -> list[Triple]:
    out: list[Triple] = []
    for path in paths:
        out.extend(q.triple for q in parse(path=path, format=RdfFormat.TURTLE))
    return out


TRIPLE_OFFERS = [m for m in RDF_OFFERS if m not in ("application/trig", "application/n-quads")]


def ontology_alternates(request: Request, path: str, *, html: bool) -> str:
    """The ``Link: rel=alternate`` header of an ontology resource (its page too, where there is one)."""
    return alternates(request.app.state.node.base_url + path, [*TRIPLE_OFFERS, *(["text/html"] if html else [])])


def _answer(request: Request, paths: tuple[Path, ...], *, html: bool = False) -> Response:
    media = pick_format(request, [*RDF_OFFERS, "text/html"], "text/turtle")
    renderer = getattr(request.app.state, "ontology_page", None) if html else None
    if media == "text/html":
        if renderer is not None:
            return renderer(request)  # type: ignore[no-any-return]
        media = "text/turtle"
    if media in ("application/trig", "application/n-quads"):
        media = "text/turtle" if media == "application/trig" else "application/n-triples"
    if media == "application/json":  # ?format=json: the JSON these triples have is JSON-LD
        media = "application/ld+json"
    link = ontology_alternates(request, request.url.path, html=renderer is not None)
    return rdf_response(_triples(*paths), media, headers={**CACHE, "Link": link})


@router.get("/ontology", response_class=Response, responses=PAGE_ANSWERS)
def ontology(request: Request, fmt: FormatParam = None) -> Response:
    """The cooperation ontology with all SKOS vocabularies (Turtle, JSON-LD, N-Triples, RDF/XML)."""
    return _answer(request, (ONTOLOGY_PATH, *sorted(VOCABULARY_DIR.glob("*.ttl"))), html=True)


@router.get("/ontology/shapes", response_class=Response, responses=ANSWERS)
def shapes(request: Request, fmt: FormatParam = None) -> Response:
    """The SHACL shapes every record must conform to."""
    return _answer(request, (SHAPES_PATH,))


@router.get("/ontology/vocabularies/{name}", response_class=Response, responses=ANSWERS)
def vocabulary(name: str, request: Request, fmt: FormatParam = None) -> Response:
    """One SKOS concept scheme (produktbereiche, rechtsformen, status, bundeslaender, ...)."""
    path = VOCABULARY_DIR / f"{name}.ttl"
    if not name.isidentifier() or not path.exists():
        raise NotFound("Dieses Vokabular gibt es nicht.", "No such vocabulary.")
    return _answer(request, (path,))
