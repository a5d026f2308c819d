"""A page of another origin (a small static server on another loopback port) reads the node in Chromium.

What YASGUI, Comunica or a portal's page do: a SPARQL query by POST (``application/sparql-query``
needs a preflight) and by GET, the catalogue and a record in RDF. Writes stay closed to other
origins: the browser refuses to let the page create a project, even with the admin token.
"""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler

import pytest

from tests.conftest import ADMIN_TOKEN, serve_http
from tests.e2e.browser_support import check_basics, shot, wcag_violations
from tests.e2e.processes import NodeProcess

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = b"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another origin</title></head>
<body><h1>A page elsewhere</h1></body></html>"""

QUERY = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/ikz-kb/ontology#CooperationProject> }"


class StaticPage(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


def test_a_page_of_another_origin_queries_sparql_and_reads_the_catalogue(page: object, municipal: NodeProcess) -> None:
    with serve_http(StaticPage) as elsewhere:
        assert elsewhere.split(":")[-1] != municipal.url.split(":")[-1]
        page.goto(elsewhere + "/")  # type: ignore[attr-defined]
        result = page.evaluate(  # type: ignore[attr-defined]
            """async ([node, query, token]) => {
                const out = {};
                const post = await fetch(node + '/sparql', {method: 'POST', body: query,
                    headers: {'Content-Type': 'application/sparql-query', 'Accept': 'application/sparql-results+json'}});
                out.post = Number((await post.json()).results.bindings[0].n.value);
                const get = await fetch(node + '/sparql?query=' + encodeURIComponent(query),
                    {headers: {'Accept': 'application/sparql-results+json'}});
                out.get = Number((await get.json()).results.bindings[0].n.value);
                const catalog = await fetch(node + '/catalog', {headers: {'Accept': 'text/turtle'}});
                out.catalog = (await catalog.text()).includes('dcat:Catalog');
                const list = await (await fetch(node + '/api/projects?limit=1')).json();
                const record = await fetch(list.items[0].id, {headers: {'Accept': 'application/ld+json'}});
                out.record = record.headers.get('content-type');
                out.link = record.headers.get('link');
                try {
                    await fetch(node + '/api/projects', {method: 'POST', body: '{}',
                        headers: {'Content-Type': 'application/json', 'Authorization': 'Bearer ' + token}});
                    out.write = 'allowed';
                } catch (e) { out.write = 'blocked'; }
                return out;
            }""",
            [municipal.url, QUERY, ADMIN_TOKEN],
        )
    with municipal.client(token=None) as c:
        expected = int(c.get("/sparql", params={"query": QUERY}, headers={"Accept": "application/sparql-results+json"})
                       .json()["results"]["bindings"][0]["n"]["value"])
    assert expected > 0
    assert result == {"post": expected, "get": expected, "catalog": True, "record": "application/ld+json",
                      "link": result["link"], "write": "blocked"}
    assert 'rel="canonical"' in result["link"]


def test_ontology_page_and_structured_data_in_the_browser(page: object, municipal: NodeProcess) -> None:
    """The ontology page reads well at 1280 and 375 px; the project page's JSON-LD passes the CSP (the
    ``page`` fixture fails on any CSP report) and parses in the browser."""
    page.goto(municipal.url + "/ontology")  # type: ignore[attr-defined]
    check_basics(page)
    assert wcag_violations(page) == []
    assert page.locator("section#CooperationProject h3").inner_text().startswith("ikz:CooperationProject")  # type: ignore[attr-defined]
    shot(page, "ontologie-1280")
    page.set_viewport_size({"width": 375, "height": 800})  # type: ignore[attr-defined]
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")  # type: ignore[attr-defined]
    shot(page, "ontologie-375")
    with municipal.client(token=None) as c:
        first = c.get("/api/projects", params={"limit": 1}).json()["items"][0]["id"]
    page.goto(first)  # type: ignore[attr-defined]
    data = page.evaluate("() => [...document.querySelectorAll('script[type=\"application/ld+json\"]')].map(s => JSON.parse(s.textContent))")  # type: ignore[attr-defined]
    assert len(data) == 1 and data[0]["@type"] == "Project" and data[0]["@id"] == first
    assert page.get_attribute("link[rel=canonical]", "href") == first  # type: ignore[attr-defined]
