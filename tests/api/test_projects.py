"""Publishing and reading records over HTTP: JSON and RDF in, Linked Data out."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import rdflib
from pyshacl import validate

from kb.ontology.validation import SHAPES_PATH
from tests.conftest import LiveNode


def create(client: httpx.Client, body: dict[str, Any]) -> httpx.Response:
    response = client.post("/api/projects", json=body)
    assert response.status_code == 201, response.text
    return response


def test_posting_json_answers_201_with_the_record_iri_and_location(admin: httpx.Client, live: LiveNode, hellweg: dict) -> None:
    response = create(admin, hellweg)
    body = response.json()
    assert body["id"].startswith(live.url + "/projects/standesamtverbund-hellweg-")
    assert response.headers["location"] == body["id"]
    assert body["version"] == 1


@pytest.mark.parametrize("accept,rdflib_format", [
    pytest.param("text/turtle", "turtle", id="turtle"),
    pytest.param("application/ld+json", "json-ld", id="jsonld"),
    pytest.param("application/n-triples", "nt", id="ntriples"),
    pytest.param("application/rdf+xml", "xml", id="rdfxml"),
])
def test_record_iri_dereferences_to_rdf_that_conforms_to_the_shapes(admin: httpx.Client, hellweg: dict, accept: str, rdflib_format: str) -> None:
    iri = create(admin, hellweg).json()["id"]
    response = admin.get(iri, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(accept)
    graph = rdflib.Graph().parse(data=response.text, format=rdflib_format)
    assert (rdflib.URIRef(iri), rdflib.URIRef("http://purl.org/dc/terms/title"), rdflib.Literal("Standesamtverbund Hellweg", lang="de")) in graph
    conforms, _, report = validate(graph, shacl_graph=rdflib.Graph().parse(SHAPES_PATH), inference="none")
    assert conforms, report


def test_json_view_resolves_names_and_labels(admin: httpx.Client, hellweg: dict) -> None:
    key = create(admin, hellweg).json()["key"]
    record = admin.get(f"/api/projects/{key}").json()
    names = {p["name"]: p for p in record["participants"]}
    assert set(names) == {"Erwitte", "Anröchte", "Bad Sassendorf"}
    assert names["Erwitte"]["ags"] == "05974016" and names["Erwitte"]["lead"] is True
    assert names["Anröchte"]["kreis"] == "Soest"
    assert [c["code"] for c in record["taskAreas"]] == ["02"]
    assert record["legalForm"]["code"] == "oerv-delegierend"
    assert record["provenance"]["version"] == 1 and record["provenance"]["local"] is True


def test_posting_turtle_creates_the_same_record(admin: httpx.Client, hellweg: dict) -> None:
    iri = create(admin, hellweg).json()["id"]
    turtle = admin.get(iri, headers={"Accept": "text/turtle"}).text.replace(iri, "urn:kb:new")
    response = admin.post("/api/projects", content=turtle.encode(), headers={"Content-Type": "text/turtle"})
    assert response.status_code == 201, response.text
    copy = admin.get(response.json()["id"]).json()
    assert copy["title"] == "Standesamtverbund Hellweg" and len(copy["participants"]) == 3


def test_posting_jsonld_with_a_blank_node_record_works(admin: httpx.Client) -> None:
    doc = {
        "@context": {"ikz": "https://w3id.org/ikz-kb/ontology#", "dcterms": "http://purl.org/dc/terms/", "org": "http://www.w3.org/ns/org#",
                     "adms": "http://www.w3.org/ns/adms#"},
        "@type": "ikz:CooperationProject",
        "dcterms:title": {"@value": "Gemeinsamer Bauhof Nordlippe", "@language": "de"},
        "dcterms:description": {"@value": "Die Gemeinden betreiben einen gemeinsamen Bauhof mit Winterdienst.", "@language": "de"},
        "org:hasMember": [{"@id": "https://w3id.org/ikz-kb/gemeinde/05766004"}, {"@id": "https://w3id.org/ikz-kb/gemeinde/05766016"}],
        "ikz:state": {"@id": "https://w3id.org/ikz-kb/vocab/land/NW"},
        "ikz:taskArea": {"@id": "https://w3id.org/ikz-kb/vocab/produktbereich/12"},
        "ikz:legalForm": {"@id": "https://w3id.org/ikz-kb/vocab/rechtsform/arbeitsgemeinschaft"},
        "adms:status": {"@id": "https://w3id.org/ikz-kb/vocab/status/geplant"},
        "ikz:visibility": {"@id": "https://w3id.org/ikz-kb/vocab/sichtbarkeit/public"},
    }
    response = admin.post("/api/projects", content=json.dumps(doc).encode(), headers={"Content-Type": "application/ld+json"})
    assert response.status_code == 201, response.text
    assert admin.get(response.json()["id"]).json()["title"] == "Gemeinsamer Bauhof Nordlippe"


def test_put_makes_a_new_version_and_if_match_prevents_lost_updates(admin: httpx.Client, hellweg: dict) -> None:
    key = create(admin, hellweg).json()["key"]
    etag = admin.get(f"/api/projects/{key}").headers["etag"]
    changed = admin.put(f"/api/projects/{key}", json={**hellweg, "status": "abgeschlossen"}, headers={"If-Match": etag})
    assert changed.status_code == 200 and changed.json()["version"] == 2
    stale = admin.put(f"/api/projects/{key}", json={**hellweg, "status": "eingestellt"}, headers={"If-Match": etag})
    assert stale.status_code == 409
    assert admin.get(f"/api/projects/{key}").json()["status"]["code"] == "abgeschlossen"


def test_putting_the_same_content_again_makes_no_new_version(admin: httpx.Client, hellweg: dict) -> None:
    key = create(admin, hellweg).json()["key"]
    again = admin.put(f"/api/projects/{key}", json=hellweg).json()
    assert again["version"] == 1 and again["changed"] is False


def test_delete_leaves_a_tombstone_answered_with_410(admin: httpx.Client, hellweg: dict) -> None:
    key = create(admin, hellweg).json()["key"]
    deleted = admin.delete(f"/api/projects/{key}")
    assert deleted.status_code == 200 and deleted.json() == {**deleted.json(), "deleted": True, "version": 2}
    assert admin.get(f"/api/projects/{key}").status_code == 410
    assert admin.get("/api/projects").json()["total"] == 0
    assert admin.put(f"/api/projects/{key}", json=hellweg).status_code == 410


def test_listing_filters_by_task_area_legal_form_state_kreis_participant_and_status(admin: httpx.Client, hellweg: dict) -> None:
    create(admin, hellweg)
    create(admin, {**hellweg, "title": "Zweckverband Bauhof Lippe", "participants": ["05766004", "05766016"], "lead": None,
                   "taskAreas": ["Bauhof"], "legalForm": "zweckverband", "status": "geplant"})
    create(admin, {**hellweg, "title": "Kooperation in Bayern", "participants": ["09162000", "09184119"], "lead": None, "state": "BY"})

    def titles(**params: str) -> list[str]:
        response = admin.get("/api/projects", params=params)
        assert response.status_code == 200, response.text
        return [i["title"] for i in response.json()["items"]]

    assert titles(taskArea="Standesamt") == ["Kooperation in Bayern", "Standesamtverbund Hellweg"]
    assert titles(taskArea="01") == ["Zweckverband Bauhof Lippe"]
    assert titles(legalForm="zweckverband") == ["Zweckverband Bauhof Lippe"]
    assert titles(state="BY") == ["Kooperation in Bayern"]
    assert titles(kreis="05974") == ["Standesamtverbund Hellweg"]
    assert titles(participant="Anröchte") == ["Standesamtverbund Hellweg"]
    assert titles(status="geplant") == ["Zweckverband Bauhof Lippe"]
    page = admin.get("/api/projects", params={"limit": 2}).json()
    assert page["total"] == 3 and len(page["items"]) == 2 and page["next"]


def test_unknown_filter_values_get_422_with_the_allowed_values(admin: httpx.Client) -> None:
    response = admin.get("/api/projects", params={"legalForm": "Raumstation"})
    assert response.status_code == 422
    violation = response.json()["violations"][0]
    assert violation["field"] == "legalForm"
    assert "zweckverband" in {c["code"] for c in violation["candidates"]}


def test_harvested_records_can_be_addressed_by_their_full_iri(admin: httpx.Client, hellweg: dict) -> None:
    iri = create(admin, hellweg).json()["id"]
    from urllib.parse import quote

    assert admin.get("/api/projects/" + quote(iri, safe="")).json()["id"] == iri


def test_records_without_a_recorded_owner_can_only_be_changed_by_the_admin(live: LiveNode, hellweg: dict) -> None:
    """Issue 11: nobody can prove an owner-less record is theirs, so only the admin may change it."""
    from kb.store.model import Draft

    publisher = live.node.publisher
    graph = publisher.graph_from_json(publisher.iri_for_key("ohne-eigentuemer"), hellweg)
    live.node.catalog.commit_local([Draft(graph.iri, graph.triples, graph.visibility, graph.record_type)])  # no owner recorded
    token, _ = live.node.tokens.create("Stadt Erwitte")
    with live.client(token=token) as publisher_client, live.client() as admin:
        changed = {**hellweg, "status": "abgeschlossen"}
        assert publisher_client.put("/api/projects/ohne-eigentuemer", json=changed).status_code == 403
        assert publisher_client.post("/api/import", json=[{**changed, "key": "ohne-eigentuemer"}]).json()["failed"]
        assert publisher_client.delete("/api/projects/ohne-eigentuemer").status_code == 403
        assert admin.put("/api/projects/ohne-eigentuemer", json=changed).status_code == 200
