"""Bad input gets a clear 4xx that says what to fix; nothing is half-written."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import LiveNode


def test_missing_fields_are_named_each_with_a_plain_message(admin: httpx.Client) -> None:
    response = admin.post("/api/projects", json={"title": "X", "participants": []})
    assert response.status_code == 422
    fields = {v["field"] for v in response.json()["violations"]}
    assert {"description"} <= fields
    assert all(v["message"] for v in response.json()["violations"])


def test_shacl_violations_are_reported_per_field_in_german_and_english(admin: httpx.Client, hellweg: dict) -> None:
    response = admin.post("/api/projects", json={**hellweg, "title": "ab", "endDate": "2020-01-01"})
    assert response.status_code == 422
    by_field = {v["field"]: v for v in response.json()["violations"]}
    assert "title" in by_field and "3" in by_field["title"]["message"] and by_field["title"]["message_en"]
    assert "endDate" in by_field or "startDate" in by_field


def test_an_ambiguous_municipality_name_lists_candidates_with_their_kreis(admin: httpx.Client, hellweg: dict) -> None:
    response = admin.post("/api/projects", json={**hellweg, "participants": ["Erwitte", "Neuenkirchen"], "state": "NI", "lead": None})
    assert response.status_code == 422
    violation = next(v for v in response.json()["violations"] if v["field"] == "participants.1")
    assert len(violation["candidates"]) > 1 and all("ags" in c and "kreis" in c for c in violation["candidates"])


def test_a_misspelt_municipality_suggests_the_right_one(admin: httpx.Client, hellweg: dict) -> None:
    response = admin.post("/api/projects", json={**hellweg, "participants": ["Erwite", "Anröchte"], "lead": None})
    assert response.status_code == 422
    violation = response.json()["violations"][0]
    assert "Erwitte" in [c["name"] for c in violation["candidates"]]


def test_spelling_suggestions_are_bounded_per_record(admin: httpx.Client, hellweg: dict) -> None:
    """Each suggestion compares a name with the whole register: 200 made-up names must not hold a worker for seconds."""
    typos = ["Erwite", "Anröchtte", "Schwalmstat", "Lippstat", "Soestt", "Wernee", "Erwite"]
    response = admin.post("/api/projects", json={**hellweg, "participants": typos, "lead": None})
    assert response.status_code == 422
    by_field = {v["field"]: v for v in response.json()["violations"]}
    assert "Erwitte" in [c["name"] for c in by_field["participants.0"]["candidates"]]
    assert "Schwalmstadt" in [c["name"] for c in by_field["participants.2"]["candidates"]]
    assert not by_field["participants.5"].get("candidates") and not by_field["participants.6"].get("candidates")
    assert "nicht zu finden" in by_field["participants.6"]["message"]


def test_an_empty_participant_asks_for_a_name_or_key(admin: httpx.Client, hellweg: dict) -> None:
    response = admin.post("/api/projects", json={**hellweg, "participants": ["Anröchte", " "], "lead": None})
    assert response.status_code == 422
    violation = next(v for v in response.json()["violations"] if v["field"] == "participants.1")
    assert "Namen der Gemeinde" in violation["message"] and "AGS" in violation["message_en"]


def test_unknown_concepts_list_the_allowed_values(admin: httpx.Client, hellweg: dict) -> None:
    response = admin.post("/api/projects", json={**hellweg, "taskAreas": ["Raumfahrt"]})
    assert response.status_code == 422
    assert len(response.json()["violations"][0]["candidates"]) >= 1


def test_a_contact_person_needs_consent(admin: httpx.Client, hellweg: dict) -> None:
    response = admin.post("/api/projects", json={**hellweg, "contact": {"name": "Erika Muster", "email": "e.muster@example.org"}})
    assert response.status_code == 422
    assert any(v["field"].startswith("contact") for v in response.json()["violations"])
    ok = admin.post("/api/projects", json={**hellweg, "contact": {"name": "Erika Muster", "email": "e.muster@example.org", "consent": True}})
    assert ok.status_code == 201, ok.text


def test_unknown_fields_are_refused_not_silently_dropped(admin: httpx.Client, hellweg: dict) -> None:
    response = admin.post("/api/projects", json={**hellweg, "titel": "Tippfehler"})
    assert response.status_code == 422
    assert response.json()["violations"][0]["field"] == "titel"


def test_malformed_json_gets_400(admin: httpx.Client) -> None:
    response = admin.post("/api/projects", content=b'{"title": ', headers={"Content-Type": "application/json"})
    assert response.status_code == 400


def test_malformed_turtle_gets_400_with_the_line(admin: httpx.Client) -> None:
    body = b'@prefix dcterms: <http://purl.org/dc/terms/> .\n\n<urn:kb:new> dcterms:title "offen ;\n'
    response = admin.post("/api/projects", content=body, headers={"Content-Type": "text/turtle"})
    assert response.status_code == 400
    assert response.json()["line"] == 3


def test_rdfxml_with_external_entities_is_refused(admin: httpx.Client, live: LiveNode) -> None:
    body = b"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcterms="http://purl.org/dc/terms/">
  <rdf:Description rdf:about="urn:kb:new"><dcterms:title>&secret;</dcterms:title></rdf:Description>
</rdf:RDF>"""
    response = admin.post("/api/projects", content=body, headers={"Content-Type": "application/rdf+xml"})
    assert response.status_code == 400
    assert "root:" not in response.text
    assert live.node.catalog.last_seq == 0


def test_unsupported_media_type_gets_415(admin: httpx.Client) -> None:
    response = admin.post("/api/projects", content=b"title=x", headers={"Content-Type": "text/csv"})
    assert response.status_code == 415


def test_oversize_bodies_get_413(node_factory) -> None:  # type: ignore[no-untyped-def]
    live = node_factory(max_body_bytes=20_000)
    with live.client() as admin:
        response = admin.post("/api/projects", content=b"x" * 30_000, headers={"Content-Type": "text/turtle"})
        assert response.status_code == 413


def test_a_record_over_the_triple_limit_is_refused(node_factory, hellweg: dict) -> None:  # type: ignore[no-untyped-def]
    live = node_factory(max_record_triples=40)
    with live.client() as admin:
        response = admin.post("/api/projects", json={**hellweg, "keywords": [f"Stichwort {i}" for i in range(45)]})
        assert response.status_code == 413
        assert live.node.catalog.last_seq == 0


def test_writes_without_a_token_get_401_and_with_a_wrong_token_401(anonymous: httpx.Client, live: LiveNode, hellweg: dict) -> None:
    assert anonymous.post("/api/projects", json=hellweg).status_code == 401
    with live.client(token="kb_deadbeef_wrong") as wrong:
        assert wrong.post("/api/projects", json=hellweg).status_code == 401
    assert live.node.catalog.last_seq == 0


def test_a_peer_token_may_read_but_not_publish(live: LiveNode, hellweg: dict) -> None:
    token, _ = live.node.tokens.create("Nachbarknoten", "peer")
    with live.client(token=token) as peer:
        assert peer.post("/api/projects", json=hellweg).status_code == 403


def test_publishers_cannot_change_each_others_records(live: LiveNode, hellweg: dict) -> None:
    first, _ = live.node.tokens.create("Stadt Erwitte")
    second, _ = live.node.tokens.create("Gemeinde Anröchte")
    with live.client(token=first) as a, live.client(token=second) as b:
        key = a.post("/api/projects", json=hellweg).json()["key"]
        assert b.put(f"/api/projects/{key}", json={**hellweg, "status": "eingestellt"}).status_code == 403
        assert b.delete(f"/api/projects/{key}").status_code == 403
        assert a.put(f"/api/projects/{key}", json={**hellweg, "status": "abgeschlossen"}).status_code == 200


def test_publishers_cannot_create_records_under_another_nodes_iris(admin: httpx.Client) -> None:
    turtle = b"""@prefix ikz: <https://w3id.org/ikz-kb/ontology#> . @prefix dcterms: <http://purl.org/dc/terms/> .
<http://elsewhere.example/projects/fremd> a ikz:CooperationProject ; dcterms:title "Fremd"@de ."""
    response = admin.post("/api/projects", content=turtle, headers={"Content-Type": "text/turtle"})
    assert response.status_code == 403


@pytest.mark.parametrize("path", ["/api/projects/gibt-es-nicht", "/projects/gibt-es-nicht"])
def test_unknown_records_are_404(anonymous: httpx.Client, path: str) -> None:
    assert anonymous.get(path).status_code == 404


def test_network_records_are_hidden_from_anonymous_readers(admin: httpx.Client, anonymous: httpx.Client, hellweg: dict) -> None:
    key = admin.post("/api/projects", json={**hellweg, "visibility": "network"}).json()["key"]
    assert admin.get(f"/api/projects/{key}").status_code == 200
    assert anonymous.get(f"/api/projects/{key}").status_code == 404
    assert anonymous.get("/api/projects").json()["total"] == 0


def test_a_stored_non_finite_figure_is_read_as_no_value_not_a_500(live: LiveNode, admin: httpx.Client, hellweg: dict) -> None:
    """Finding 15 (reading): a record stored before numbers were checked (or kept from then) still answers."""
    from pyoxigraph import Literal, NamedNode, Triple

    from kb.ontology.namespaces import SCHEMA, XSD
    from kb.store.model import Draft

    publisher = live.node.publisher
    graph = publisher.graph_from_json(publisher.iri_for_key("alt-mit-nan"), {**hellweg, "outcomeFigures": [{"label": "Einsparung", "value": 1}]})
    figure = NamedNode(graph.iri + "#figure-1")
    triples = [t for t in graph.triples if not (t.subject == figure and t.predicate == SCHEMA.value)]
    triples.append(Triple(figure, SCHEMA.value, Literal("NaN", datatype=XSD.double)))
    live.node.catalog.commit_local([Draft(graph.iri, triples, graph.visibility, graph.record_type)])
    record = admin.get("/api/projects/alt-mit-nan")
    assert record.status_code == 200, record.text
    assert record.json()["outcomeFigures"][0]["value"] is None
    for accept in ("text/html", "text/turtle", "application/ld+json"):
        assert admin.get("/projects/alt-mit-nan", headers={"Accept": accept}).status_code == 200, accept
