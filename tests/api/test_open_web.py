"""The open web: CORS for public reads only, sitemap and robots, schema.org on pages, Link and Vary on
negotiated resources, records in the default graph, the ontology as a page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from xml.etree import ElementTree

import httpx
import pytest
import rdflib
from pyoxigraph import RdfFormat, parse
from rdflib.compare import isomorphic

from kb.api.routes.open_web import sitemap_index, urlset
from tests.conftest import REPO, LiveNode
from tests.federation.conftest import project, publish

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
JSON_LD_BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
PREFLIGHT = {"Origin": "http://elsewhere.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveNode, list[str], str]]:
    """A node with three public projects and one for the network only."""
    from tests.conftest import make_settings

    live = LiveNode(make_settings(tmp_path_factory.mktemp("web") / "node", operator="Stadt Erwitte")).start()
    public = [publish(live, project(title)) for title in ("Standesamtverbund Hellweg", "Gemeinsame Kasse <Soest>", "IT-Kooperation Lippe")]
    network = publish(live, project("Nur im Netzwerk", visibility="network"))
    yield live, public, network
    live.stop()


@pytest.fixture
def web(site: tuple[LiveNode, list[str], str]) -> Iterator[httpx.Client]:
    with site[0].client(token=None) as client:
        yield client


def test_sitemap_lists_every_public_project_and_no_other(site: tuple[LiveNode, list[str], str], web: httpx.Client) -> None:
    live, public, network = site
    r = web.get("/sitemap.xml")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/xml")
    locs = [e.text for e in ElementTree.fromstring(r.content).iter(SITEMAP + "loc")]
    assert set(public) <= set(locs) and network not in locs
    assert {live.url + "/", live.url + "/suche", live.url + "/gemeinde/05974016"} <= set(locs)
    assert all(web.get(loc).status_code == 200 for loc in locs)


def test_a_large_sitemap_becomes_an_index_of_files() -> None:
    index = ElementTree.fromstring(sitemap_index("https://kb.example", 3))
    assert [e.text for e in index.iter(SITEMAP + "loc")] == [f"https://kb.example/sitemaps/{n}.xml" for n in (1, 2, 3)]
    escaped = ElementTree.fromstring(urlset([("https://kb.example/projects/a?x=1&y=2", "2026-01-01")]))
    assert next(escaped.iter(SITEMAP + "loc")).text == "https://kb.example/projects/a?x=1&y=2"


def test_robots_points_to_the_sitemap_and_keeps_crawlers_out_of_forms(site: tuple[LiveNode, list[str], str], web: httpx.Client) -> None:
    text = web.get("/robots.txt").text
    assert f"Sitemap: {site[0].url}/sitemap.xml" in text
    assert "Disallow: /api/" in text and "Disallow: /veroeffentlichen" in text


def test_every_project_page_carries_schema_org_that_parses(site: tuple[LiveNode, list[str], str], web: httpx.Client) -> None:
    for iri in site[1]:
        page = web.get(iri, headers={"Accept": "text/html"}).text
        blocks = JSON_LD_BLOCK.findall(page)
        assert len(blocks) == 1
        data = json.loads(blocks[0])
        assert data["@type"] == "Project" and data["@id"] == iri
        assert {m["@type"] for m in data["member"]} == {"GovernmentOrganization"}
        assert data["member"][0]["location"]["@type"] == "Place"
        offline = {**data, "@context": {"@vocab": "https://schema.org/"}}  # schema.org's context, without fetching it
        graph = rdflib.Graph().parse(data=json.dumps(offline), format="json-ld")
        assert (rdflib.URIRef(iri), rdflib.RDF.type, rdflib.URIRef("https://schema.org/Project")) in graph
        assert f'<link rel="canonical" href="{iri}">' in page and '<meta name="description" content="' in page
    titled = web.get(site[1][1], headers={"Accept": "text/html"}).text
    assert "Gemeinsame Kasse \\u003cSoest\\u003e" in JSON_LD_BLOCK.findall(titled)[0]  # no markup can end the block early


def test_the_municipality_page_describes_the_municipality(web: httpx.Client) -> None:
    data = json.loads(JSON_LD_BLOCK.findall(web.get("/gemeinde/05974016").text)[0])
    assert data["@type"] == "GovernmentOrganization" and data["identifier"]["value"] == "05974016"
    assert data["location"]["geo"]["@type"] == "GeoCoordinates" and len(data["memberOf"]) == 3


def test_public_reads_allow_any_origin_and_writes_none(site: tuple[LiveNode, list[str], str], web: httpx.Client) -> None:
    for path in ("/sparql?query=ASK%7B%7D", site[1][0], "/ontology", "/catalog", "/.well-known/kb-node", "/.well-known/void"):
        r = web.get(path, headers={"Origin": "http://elsewhere.example"})
        assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "*", path
        assert "access-control-allow-credentials" not in r.headers
    preflight = web.options("/sparql", headers=PREFLIGHT)
    assert preflight.status_code == 204 and preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "authorization" not in preflight.headers["access-control-allow-headers"].lower()
    assert web.options("/sparql").status_code == 204  # a plain OPTIONS is no 405 either
    for path in ("/api/projects", "/api/peers", "/veroeffentlichen", "/anmelden"):
        assert "access-control-allow-origin" not in web.options(path, headers=PREFLIGHT).headers, path
    with site[0].client() as admin:  # with a token: nothing another origin could read
        assert "access-control-allow-origin" not in admin.get(site[1][0]).headers


def test_record_iri_in_quad_formats_puts_the_triples_in_the_default_graph(site: tuple[LiveNode, list[str], str], web: httpx.Client) -> None:
    iri = site[1][0]
    for accept, fmt in (("application/n-quads", RdfFormat.N_QUADS), ("application/trig", RdfFormat.TRIG)):
        quads = list(parse(web.get(iri, headers={"Accept": accept}).content, format=fmt))
        assert quads and all(q.graph_name.__class__.__name__ == "DefaultGraph" for q in quads)


@pytest.mark.parametrize("path,accept", [("record", "text/turtle"), ("record", "text/html"), ("record", "application/json"),
                                         ("/ontology", "text/turtle"), ("/ontology", "text/html"), ("/catalog", "text/turtle")])
def test_negotiated_resources_name_their_alternates(site: tuple[LiveNode, list[str], str], web: httpx.Client, path: str, accept: str) -> None:
    url = site[1][0] if path == "record" else path
    r = web.get(url, headers={"Accept": accept})
    assert r.status_code == 200 and "Accept" in r.headers["vary"]
    links = dict(re.findall(r'<([^>]+)>; rel="alternate"; type="([^"]+)"', r.headers["link"]))
    assert {"text/turtle", "application/ld+json"} <= set(links.values())
    for target, media in links.items():
        assert web.get(target).headers["content-type"].startswith(media), target


def test_ontology_is_a_page_for_browsers(web: httpx.Client) -> None:
    page = web.get("/ontology", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.headers["content-type"].startswith("text/html")
    assert 'id="CooperationProject"' in page.text and "ikz:operator" in page.text and "Bundesländer" in page.text
    assert web.get("/ontology/shapes", headers={"Accept": "text/html"}).headers["content-type"].startswith("text/turtle")




def test_sparql_describes_itself_to_rdf_clients(site: tuple[LiveNode, list[str], str], web: httpx.Client) -> None:
    r = web.get("/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=r.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    endpoint = rdflib.URIRef(site[0].url + "/sparql")
    assert (endpoint, rdflib.RDF.type, sd.Service) in graph and (endpoint, sd.endpoint, endpoint) in graph
    assert (endpoint, sd.supportedLanguage, sd.SPARQL11Query) in graph
    assert web.get("/sparql", headers={"Accept": "text/html"}).headers["content-type"].startswith("text/html")


def test_node_description_is_typed_linked_data_in_ontology_terms(site: tuple[LiveNode, list[str], str], web: httpx.Client) -> None:
    live = site[0]
    as_json = web.get("/.well-known/kb-node").json()
    assert as_json["operator"] == "Stadt Erwitte" and as_json["state"] == "NW"  # what peers read stays as it was
    r = web.get("/.well-known/kb-node", headers={"Accept": "text/turtle"})
    assert r.headers["content-type"].startswith("text/turtle") and "Accept" in r.headers["vary"]
    graph = rdflib.Graph().parse(data=r.text, format="turtle")
    ikz = rdflib.Namespace("https://w3id.org/ikz-kb/ontology#")
    node = rdflib.URIRef(live.url + "/node")
    assert (node, rdflib.RDF.type, ikz.Node) in graph
    assert graph.value(node, ikz.state) == rdflib.URIRef("https://w3id.org/ikz-kb/vocab/land/NW")
    operator = graph.value(node, ikz.operator)
    assert (operator, rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/org#Organization")) in graph
    ontology = rdflib.Graph().parse(source=str(REPO / "kb" / "ontology" / "ontology.ttl"), format="turtle")
    used = {p for p in graph.predicates() if str(p).startswith(str(ikz))} | {o for o in graph.objects(None, rdflib.RDF.type)
                                                                           if str(o).startswith(str(ikz))}
    assert used and all((term, None, None) in ontology for term in used), used
    jsonld = rdflib.Graph().parse(data=json.dumps(as_json), format="json-ld")
    assert isomorphic(jsonld, graph)
