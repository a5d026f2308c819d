"""The read-only SPARQL 1.1 Protocol endpoint."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import httpx
import pytest

from kb.store.sparql import SparqlService
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


def test_long_answers_are_cut_at_a_row_under_the_byte_cap(node_factory, hellweg: dict) -> None:  # type: ignore[no-untyped-def]
    live = node_factory(sparql_max_bytes=10_000)
    with live.client() as admin:
        for i in range(5):
            admin.post("/api/projects", json={**hellweg, "title": f"Verbund {i}"})
        for accept in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"):
            response = admin.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Accept": accept})
            assert response.status_code == 200
            assert len(response.content) <= 10_000
            assert response.headers["kb-results-truncated"] == "true; max-bytes=10000"
        rows = admin.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}).json()["results"]["bindings"]
        assert 10 < len(rows) < 200
        graph = admin.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "application/ld+json"})
        assert graph.status_code == 200 and len(graph.content) <= 10_000
        assert graph.headers["kb-results-truncated"] == "true; max-bytes=10000"
        single = admin.get("/sparql", params={"query": 'SELECT (CONCAT(' + ", ".join(['"' + "x" * 5_000 + '"'] * 3) + ") AS ?x) {}"})
        assert single.status_code == 413
        assert single.json()["message_en"].startswith("Even the first row")


def test_protocol_graphs_win_over_from_and_narrow_never_widen(anonymous: httpx.Client, admin: httpx.Client, hellweg: dict) -> None:
    first = admin.post("/api/projects", json=hellweg).json()["id"]
    second = admin.post("/api/projects", json={**hellweg, "title": "Zweiter Verbund"}).json()["id"]
    hidden = admin.post("/api/projects", json={**hellweg, "title": "Nur im Netz", "visibility": "network"}).json()["id"]
    titles = "SELECT ?t FROM <{g}> WHERE {{ ?s dcterms:title ?t }}"

    def found(client: httpx.Client, query: str, **params: object) -> set[str]:
        response = client.get("/sparql", params={"query": query, **params})
        assert response.status_code == 200, response.text
        return {b["t"]["value"] for b in response.json()["results"]["bindings"]}

    assert found(anonymous, titles.format(g=first)) == {"Standesamtverbund Hellweg"}
    assert found(anonymous, titles.format(g=first), **{"default-graph-uri": second}) == {"Zweiter Verbund"}
    assert found(anonymous, titles.format(g=hidden)) == set()
    assert found(admin, titles.format(g=hidden)) == {"Nur im Netz"}
    named = "SELECT ?t FROM NAMED <{g}> WHERE {{ GRAPH ?g {{ ?s dcterms:title ?t }} }}"
    assert found(anonymous, named.format(g=second)) == {"Zweiter Verbund"}
    assert found(anonymous, named.format(g=hidden)) == set()
    provenance = "SELECT ?t WHERE { GRAPH kbm:records { ?s ?p ?t } }"
    assert found(anonymous, provenance) == set()
    assert found(admin, provenance), "members see the provenance of the records"
    assert found(anonymous, "SELECT ?t WHERE { ?s ?p ?t }", **{"default-graph-uri": "https://w3id.org/ikz-kb/meta#records"}) == set()


@pytest.mark.parametrize("query", [
    pytest.param("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", id="plain"),
    pytest.param("select * where { service silent ?endpoint { ?s ?p ?o } }", id="lower-case-variable"),
    pytest.param("PREFIX ex: <http://127.0.0.1:9/> SELECT * WHERE { ?s ex:a\\'b ?o } SERVICE ex: {} #'", id="escape-in-prefixed-name"),
])
def test_service_is_refused(anonymous: httpx.Client, query: str) -> None:
    response = anonymous.post("/sparql", data={"query": query})
    assert response.status_code == 400
    assert "SERVICE" in response.json()["message"]


@pytest.mark.parametrize("query", [
    "SELECT ?service WHERE { ?service dcterms:title 'SERVICE <http://x/> {}' } # SERVICE <http://x/> {}",
    "SELECT * WHERE { ?s ikz:service ?o }",
    'SELECT * WHERE { ?s ?p """ SERVICE <http://x/> { "" } """ }',
])
def test_the_word_service_in_names_strings_and_comments_is_fine(anonymous: httpx.Client, query: str) -> None:
    assert anonymous.post("/sparql", data={"query": query}).status_code == 200


def test_nesting_and_length_limits_say_what_to_fix(node_factory) -> None:  # type: ignore[no-untyped-def]
    live = node_factory(sparql_max_depth=20, sparql_max_query_bytes=2_000)
    with live.client(token=None) as client:
        ok = client.post("/sparql", data={"query": "SELECT * WHERE { BIND(" + "(" * 15 + "1" + ")" * 15 + " AS ?x) }"})
        assert ok.status_code == 200
        deep = client.post("/sparql", data={"query": "SELECT * WHERE { BIND(" + "(" * 21 + "1" + ")" * 21 + " AS ?x) }"})
        assert deep.status_code == 400 and "verschachtelt" in deep.json()["message"]
        in_string = client.post("/sparql", data={"query": "SELECT * WHERE { BIND('" + "(" * 50 + "' AS ?x) }"})
        assert in_string.status_code == 200
        long = client.post("/sparql", data={"query": "SELECT * WHERE { ?s ?p ?o } # " + "x" * 2_000})
        assert long.status_code == 413 and "kürzen" in long.json()["message"]


def test_a_timed_out_query_frees_its_slot_at_once(node_factory, hellweg: dict) -> None:  # type: ignore[no-untyped-def]
    live = node_factory(sparql_timeout=0.5, sparql_concurrency=1)
    with live.client() as admin:
        for i in range(20):
            admin.post("/api/projects", json={**hellweg, "title": f"Verbund {i}"})
        heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"
        assert admin.get("/sparql", params={"query": heavy}).status_code == 503
        quick = admin.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert quick.status_code == 200 and quick.json()["boolean"] is True
        if isinstance(live.node.sparql, SparqlService):  # the embedded store's worker processes (KB_TEST_STORE=server: none)
            assert len(live.node.sparql.pool.pids()) == 1


def test_a_write_is_visible_to_the_next_query_and_old_snapshots_go(live: LiveNode, admin: httpx.Client, hellweg: dict) -> None:
    query = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ikz:SharedServiceCenter }"
    for expected in range(1, 5):
        admin.post("/api/projects", json={**hellweg, "title": f"Verbund {expected}"})
        assert admin.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]["n"]["value"] == str(expected)
    if not isinstance(live.node.sparql, SparqlService):
        return  # a store server (KB_TEST_STORE=server) answers queries itself: no snapshots to clean up
    snapshots = live.settings.data_dir / "sparql-snapshots"
    assert 1 <= len(list(snapshots.iterdir())) <= live.settings.sparql_concurrency + 1
    live.stop()
    assert not snapshots.exists() and live.node.sparql.pool.pids() == []
