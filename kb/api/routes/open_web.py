"""What search engines read: ``robots.txt`` and ``sitemap.xml`` (an index of pages past 50,000 addresses).

The sitemap lists this node's public pages: the fixed pages, every public project published here
(harvested ones are listed by their origin, whose address is their canonical one; a sitemap may only
name addresses of its own host) and the page of every municipality that takes part in one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated
from xml.sax.saxutils import escape

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse, Response
from starlette.routing import Match, Mount

from kb.api.deps import CatalogDep, IdentityDep, ViewsDep
from kb.api.schemas import media_types
from kb.errors import NotFound
from kb.store.catalog import Catalog
from kb.views import NodeIdentity, RecordViews

router = APIRouter(tags=["Web"])

SITEMAP_LIMIT = 50_000
"""Most addresses in one sitemap file (sitemaps.org); beyond it ``/sitemap.xml`` is an index of files."""
FIXED_PAGES = ("/", "/suche", "/bestandsaufnahme", "/netzwerk", "/initiativen", "/foerderung", "/boerse", "/hilfe", "/sparql", "/ontology", "/impressum",
               "/datenschutz")
"""Pages without parameters; one only listed if the app has it (``/initiativen`` comes with the funding pages)."""
NOT_FOR_CRAWLERS = ("/api/", "/anmelden", "/abmelden", "/veroeffentlichen", "/projects/*/bearbeiten", "/projects/*/zurueckziehen",
                    "/sparql?", "/suche?", "/bestandsaufnahme?", "/bestandsaufnahme/daten/", "/ldes", "/inbox", "/catalog/projekte.")
"""Forms, the API, queries with parameters (endless), the stream and the downloads."""
XML = "application/xml"
_cache: dict[str, tuple[int, list[tuple[str, str]]]] = {}


@router.get("/robots.txt", response_class=Response, responses=media_types("text/plain", description="Hints for crawlers."))
def robots(identity: IdentityDep) -> PlainTextResponse:
    """Hinweise für Suchmaschinen / what crawlers may read, and where the sitemap is."""
    lines = ["User-agent: *", "Allow: /", *(f"Disallow: {path}" for path in NOT_FOR_CRAWLERS), "", f"Sitemap: {identity.base_url}/sitemap.xml", ""]
    return PlainTextResponse("\n".join(lines), headers={"Cache-Control": "public, max-age=3600"})


def page_addresses(catalog: Catalog, identity: NodeIdentity, views: RecordViews, fixed: Sequence[str]) -> list[tuple[str, str]]:
    """(address, last modification or "") of every public page, projects in the order of the store."""
    seq = catalog.last_seq
    hit = _cache.get(identity.iri)
    if hit is not None and hit[0] == seq:
        return hit[1]
    out = [(identity.base_url + path, "") for path in fixed]
    municipalities: set[str] = set()
    for iri in catalog.iter_live_records(include_network=False):
        meta = catalog.meta(iri)
        key = views.key_of(iri) if meta is not None and meta.local else None
        if key is None or meta is None:
            continue
        out.append((iri, meta.modified[:10]))
        summary = catalog.summary(iri) or {}
        municipalities.update(p for p in summary.get("participants", []) if isinstance(p, str) and p.isdigit())
    out.extend((f"{identity.base_url}/gemeinde/{ags}", "") for ags in sorted(municipalities))
    _cache[identity.iri] = (seq, out)
    return out


def urlset(addresses: Sequence[tuple[str, str]]) -> str:
    rows = []
    for loc, modified in addresses:
        last = f"<lastmod>{escape(modified)}</lastmod>" if modified else ""
        rows.append(f"<url><loc>{escape(loc)}</loc>{last}</url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(rows) + "\n</urlset>\n")


def sitemap_index(base_url: str, parts: int) -> str:
    rows = "\n".join(f"<sitemap><loc>{escape(base_url)}/sitemaps/{n}.xml</loc></sitemap>" for n in range(1, parts + 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + rows + "\n</sitemapindex>\n")


def _fixed(request: Request) -> list[str]:
    """The fixed pages this app serves (a node without the web interface has none of them but /sparql and /ontology)."""
    def served(path: str) -> bool:
        scope = {**request.scope, "path": path, "method": "GET", "query_string": b""}
        return any(route.matches(scope)[0] is Match.FULL for route in request.app.router.routes if not isinstance(route, Mount))

    return [p for p in FIXED_PAGES if served(p)]


def _xml(body: str) -> Response:
    return Response(body, media_type=XML, headers={"Cache-Control": "public, max-age=600"})


@router.get("/sitemap.xml", response_class=Response, responses=media_types(XML, description="A sitemap, or a sitemap index for large nodes."))
async def sitemap(request: Request, catalog: CatalogDep, identity: IdentityDep, views: ViewsDep) -> Response:
    """Alle öffentlichen Seiten / every public page (sitemaps.org); past 50,000 addresses an index of sitemap files."""
    addresses = await run_in_threadpool(page_addresses, catalog, identity, views, _fixed(request))
    if len(addresses) <= SITEMAP_LIMIT:
        return _xml(urlset(addresses))
    return _xml(sitemap_index(identity.base_url, -(-len(addresses) // SITEMAP_LIMIT)))


@router.get("/sitemaps/{part}.xml", response_class=Response, responses=media_types(XML, description="One file of the sitemap index."))
async def sitemap_part(request: Request, catalog: CatalogDep, identity: IdentityDep, views: ViewsDep,
                       part: Annotated[int, Path(ge=1, le=10_000)]) -> Response:
    """Eine Datei des Sitemap-Index / one sitemap file of a large node."""
    addresses = await run_in_threadpool(page_addresses, catalog, identity, views, _fixed(request))
    chunk = addresses[(part - 1) * SITEMAP_LIMIT: part * SITEMAP_LIMIT]
    if not chunk or len(addresses) <= SITEMAP_LIMIT:
        raise NotFound("Diese Sitemap-Datei gibt es nicht.", "There is no such sitemap file.")
    return _xml(urlset(chunk))
