"""The read-only SPARQL 1.1 Protocol endpoint."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import httpx
import pytest

from tests.conftest import LiveNode

QUERY = "SELECT ?s ?title WHERE { ?s a ikz:SharedServiceCenter ; dcterms:title ?title }"


@pytest.fixture
def published(admin: httpx.Client, hellweg: dict) -> str:
    return admin.post("/api/projects", json=hellweg).json()["id"]


def test_get_finds_a_posted_record_as_json(anonymous: httpx.Client, published: str) -> None:
    response = anonymous.get("/sparql", params={"query": QUERY}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    bindings = response.json()["results"]["bindings"]
    assert [(b["s"]["value"], b["title"]["value"]) for b in bindings] == [(published, "Standesamtverbund Hellweg")]


def test_post_form_and_direct_post_answer_xml_and_csv(anonymous: httpx.Client, published: str) -> None:
    xml = anonymous.post("/sparql", data={"query": QUERY}, headers={"Accept": "application/sparql-results+xml"})
    assert xml.status_code == 200
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    uris = [e.text for e in ET.fromstring(xml.content).findall(".//r:uri", ns)]
    assert uris == [published]
    direct = anonymous.post("/sparql", content=QUERY.encode(), headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert direct.status_code == 200
    rows = list(csv.DictReader(io.StringIO(direct.text)))
    assert rows == [{"s": published, "title": "Standesamtverbund Hellweg"}]


def test_ask_and_construct(anonymous: httpx.Client, published: str) -> None:
    ask = anonymous.get("/sparql", params={"query": f"ASK {{ <{published}> ?p ?o }}"})
    assert ask.json()["boolean"] is True
    construct = anonymous.get("/sparql", params={"query": f"CONSTRUCT {{ <{published}> dcterms:title ?t }} WHERE {{ <{published}> dcterms:title ?t }}"},
                              headers={"Accept": "text/turtle"})
    assert construct.status_code == 200 and "Standesamtverbund Hellweg" in construct.text


@pytest.mark.parametrize("request_kwargs", [
    pytest.param({"content": b"DELETE WHERE { ?s ?p ?o }", "headers": {"Content-Type": "application/sparql-update"}}, id="update-media-type"),
    pytest.param({"data": {"update": "DROP ALL"}}, id="update-form"),
    pytest.param({"data": {"query": "DELETE WHERE { ?s ?p ?o }"}}, id="update-as-query"),
])
def test_updates_are_refused_and_change_nothing(anonymous: httpx.Client, live: LiveNode, published: str, request_kwargs: dict) -> None:
    response = anonymous.post("/sparql", **request_kwargs)
    assert response.status_code in (400, 403)
    assert response.json()["message"]
    assert live.node.catalog.count() == 1


def test_private_graphs_are_never_visible(anonymous: httpx.Client, admin: httpx.Client, published: str) -> None:
    for client in (anonymous, admin):
        rows = client.get("/sparql", params={"query": "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"}).json()["results"]["bindings"]
        graphs = {r["g"]["value"] for r in rows}
        assert not any(g.endswith(("meta#log", "meta#private")) for g in graphs)
    assert any("payload" in r for r in []) is False


def test_network_records_are_invisible_to_anonymous_queries(admin: httpx.Client, anonymous: httpx.Client, hellweg: dict) -> None:
    admin.post("/api/projects", json={**hellweg, "visibility": "network"})
    assert anonymous.get("/sparql", params={"query": QUERY}).json()["results"]["bindings"] == []
    assert len(admin.get("/sparql", params={"query": QUERY}).json()["results"]["bindings"]) == 1


def test_a_syntax_error_is_a_400_with_the_reason(anonymous: httpx.Client) -> None:
    response = anonymous.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p "})
    assert response.status_code == 400
    assert "SPARQL" in response.json()["message"]


def test_a_query_over_the_time_limit_is_stopped_with_503(node_factory, hellweg: dict) -> None:  # type: ignore[no-untyped-def]
    live = node_factory(sparql_timeout=0.5)
    with live.client() as admin:
        for i in range(30):
            admin.post("/api/projects", json={**hellweg, "title": f"Verbund {i}"})
        heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"
        response = admin.get("/sparql", params={"query": heavy})
        assert response.status_code == 503
        assert "Zeitlimit" in response.json()["message"]


def test_results_are_capped_at_the_row_limit(node_factory, hellweg: dict) -> None:  # type: ignore[no-untyped-def]
    live = node_factory(sparql_max_rows=5)
    with live.client() as admin:
        admin.post("/api/projects", json=hellweg)
        response = admin.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert len(response.json()["results"]["bindings"]) == 5
        assert response.headers["kb-results-truncated"].startswith("true")
