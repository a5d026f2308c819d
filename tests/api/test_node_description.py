"""Health, the node description and the ontology, as other nodes and people see them."""

from __future__ import annotations

from importlib.metadata import version

import httpx
import pytest
import rdflib

from tests.conftest import LiveNode


def test_healthz_answers_ok(anonymous: httpx.Client) -> None:
    assert anonymous.get("/healthz").json()["status"] == "ok"


def test_well_known_describes_the_node_with_its_key(anonymous: httpx.Client, live: LiveNode) -> None:
    description = anonymous.get("/.well-known/kb-node").json()
    assert description["id"] == live.url + "/node"
    assert description["name"] == live.settings.name and description["operator"] == "Testbetrieb"
    assert description["state"] == "NW"
    assert description["publicKey"]["publicKeyMultibase"].startswith("z6Mk")


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml"),
                                        ("application/n-triples", "nt")])
def test_ontology_is_served_with_content_negotiation(anonymous: httpx.Client, accept: str, fmt: str) -> None:
    response = anonymous.get("/ontology", headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    graph = rdflib.Graph().parse(data=response.text, format=fmt)
    ikz = rdflib.Namespace("https://w3id.org/ikz-kb/ontology#")
    assert (ikz.CooperationProject, rdflib.RDF.type, rdflib.OWL.Class) in graph
    standesamt = rdflib.Literal("Standesamt", lang="de")
    assert (None, rdflib.SKOS.altLabel, standesamt) in graph


def test_shapes_are_published(anonymous: httpx.Client) -> None:
    assert "sh:NodeShape" in anonymous.get("/ontology/shapes").text


def test_node_description_and_openapi_show_the_one_version_of_the_package(anonymous: httpx.Client) -> None:
    """One version string, from the package metadata (pyproject.toml), wherever a version is shown."""
    assert anonymous.get("/.well-known/kb-node").json()["version"] == version("kb")
    assert anonymous.get("/openapi.json").json()["info"]["version"] == version("kb")


def test_openapi_documents_the_api(anonymous: httpx.Client) -> None:
    paths = anonymous.get("/openapi.json").json()["paths"]
    assert {"/api/projects", "/sparql", "/.well-known/kb-node"} <= set(paths)
    assert anonymous.get("/docs").status_code == 200
