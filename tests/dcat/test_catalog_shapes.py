"""The catalogue at /catalog passes the official DCAT-AP 3.0.1 and DCAT-AP.de shapes (see README.md here).

A municipal node and an aggregator (which adds one dataset per origin node it holds records of),
both served over real HTTP, in the three formats a portal may ask for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

import pytest
import rdflib
from pyshacl import validate

from tests.conftest import LiveNode
from tests.federation.conftest import add_peer, project, publish, sync

SHAPES = Path(__file__).parent / "shapes"
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
DCATDE = rdflib.Namespace("http://dcat-ap.de/def/dcatde/")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
PROFILES = {
    "DCAT-AP 3.0.1": ("dcat-ap-3.0.1-SHACL.ttl", "dcat-ap-3.0.1-ranges.ttl"),
    "DCAT-AP.de 3.0": ("de-dcat-ap-SHACL-DE.ttl", "de-dcat-ap-spec-german-additions.ttl", "de-dcat-ap-de-controlledvocabularies.ttl",
                       "de-dcat-ap-de-deprecated.ttl"),
}
EXPECTED_WARNINGS = {"Deprecated: dcatde:politicalGeocodingURI soll nicht mehr verwendet werden."}
IMPORTED = ("http://publications.europa.eu/resource/authority/", "http://dcat-ap.de/def/")
ERWITTE = "05974016"


@lru_cache(maxsize=2)
def shapes(profile: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    for name in PROFILES[profile]:
        graph.parse(SHAPES / name)
    for shape, prop in list(graph.subject_objects(SH.property)):
        if (prop, SH.path, None) not in graph:  # the five dangling references of the 3.0.1 ranges file (README.md)
            graph.remove((shape, SH.property, prop))
    return graph


@lru_cache(maxsize=1)
def excerpt() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES / "vocabulary-excerpt.ttl")


def check(data: rdflib.Graph) -> list[str]:
    """Validate with both profiles; the messages of the violations (warnings beyond the expected one fail too)."""
    used = {str(o) for o in data.objects() if isinstance(o, rdflib.URIRef) and str(o).startswith(IMPORTED)}
    used -= {str(o) for o in data.objects(None, DCATDE.politicalGeocodingURI)}  # geocoding keys: not a vocabulary the shapes import
    used -= {str(o) for o in data.objects(None, DCT.spatial)}
    known = {str(s) for s in excerpt().subjects()}
    assert used <= known, f"concepts used in /catalog but not in vocabulary-excerpt.ttl: {sorted(used - known)}"
    problems = []
    for profile in PROFILES:
        conforms, report, _text = validate(data + excerpt(), shacl_graph=shapes(profile), advanced=True, allow_warnings=True)
        for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
            severity = report.value(result, SH.resultSeverity)
            message = str(report.value(result, SH.resultMessage))
            if severity == SH.Violation or message not in EXPECTED_WARNINGS:
                problems.append(f"{profile}: {severity} {report.value(result, SH.focusNode)} {report.value(result, SH.resultPath)}: {message}")
    return problems


def fetch(node: LiveNode, accept: str, fmt: str) -> rdflib.Graph:
    with node.client(token=None) as c:
        r = c.get("/catalog", headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept), r.text[:300]
    assert r.headers["access-control-allow-origin"] == "*"
    return rdflib.Graph().parse(data=r.text, format=fmt)


@pytest.fixture(scope="module")
def federation(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveNode, LiveNode]]:
    """A municipal node (Erwitte, with its AGS and a contact address) and an aggregator that harvests it."""
    from tests.conftest import make_settings

    root = tmp_path_factory.mktemp("dcat")
    municipal = LiveNode(make_settings(root / "erwitte", name="Wissensnetz Erwitte", operator="Stadt Erwitte", operator_ags=ERWITTE,
                                       contact_email="opendata@erwitte.de", push_notifications=False)).start()
    aggregator = LiveNode(make_settings(root / "nrw", name="Landesknoten NRW", operator="Land Nordrhein-Westfalen", kind="aggregator",
                                        push_notifications=False)).start()
    try:
        publish(municipal, project("Standesamtverbund Hellweg"))
        publish(municipal, project("Gemeinsame Vergabestelle Soest", taskAreas=["01"]))
        publish(aggregator, project("Landesweite Beratung"))
        add_peer(aggregator, municipal)
        sync(aggregator)
        yield municipal, aggregator
    finally:
        aggregator.stop()
        municipal.stop()


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")])
def test_municipal_catalogue_conforms_to_dcat_ap_and_dcat_ap_de(federation: tuple[LiveNode, LiveNode], accept: str, fmt: str) -> None:
    municipal, _ = federation
    data = fetch(municipal, accept, fmt)
    assert check(data) == []
    dataset = rdflib.URIRef(municipal.url + "/catalog#projekte")
    assert (rdflib.URIRef(municipal.url + "/catalog"), DCAT.dataset, dataset) in data
    assert str(data.value(dataset, DCT.title)).startswith("Interkommunale Kooperationsprojekte – Stadt Erwitte")
    assert data.value(data.value(dataset, DCT.publisher), FOAF.name) == rdflib.Literal("Stadt Erwitte", lang="de")
    assert data.value(dataset, DCT.license) == rdflib.URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
    geocoding = rdflib.URIRef("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/" + ERWITTE)
    assert data.value(dataset, DCATDE.politicalGeocodingURI) == geocoding and (dataset, DCT.spatial, geocoding) in data
    assert data.value(dataset, DCAT.theme) == rdflib.URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE")
    assert (data.value(dataset, DCAT.contactPoint), rdflib.URIRef("http://www.w3.org/2006/vcard/ns#hasEmail"),
            rdflib.URIRef("mailto:opendata@erwitte.de")) in data
    assert data.value(dataset, DCT.temporal) is not None and data.value(dataset, DCT.modified) is not None
    services = {str(data.value(s, DCAT.endpointURL)) for s in data.subjects(rdflib.RDF.type, DCAT.DataService)}
    assert services == {municipal.url + "/sparql", municipal.url + "/ldes"}


def test_the_downloads_the_catalogue_names_answer(federation: tuple[LiveNode, LiveNode]) -> None:
    municipal, _ = federation
    data = fetch(municipal, "text/turtle", "turtle")
    urls = sorted(str(u) for u in data.objects(None, DCAT.downloadURL))
    assert len(urls) == 3
    with municipal.client(token=None) as c:
        answers = {url.rsplit(".", 1)[1]: c.get(url) for url in urls}
    assert {k: r.status_code for k, r in answers.items()} == {"trig": 200, "csv": 200, "json": 200}
    dump = rdflib.Dataset().parse(data=answers["trig"].text, format="trig")
    assert len([g for g in dump.graphs() if g.identifier != rdflib.URIRef("urn:x-rdflib:default")]) == 2
    assert answers["csv"].text.count("\r\n") == 3 and "Standesamtverbund Hellweg" in answers["csv"].text
    assert sorted(row["Titel"] for row in answers["json"].json()) == ["Gemeinsame Vergabestelle Soest", "Standesamtverbund Hellweg"]


def test_aggregator_catalogue_lists_the_harvested_node_with_its_publisher(federation: tuple[LiveNode, LiveNode]) -> None:
    municipal, aggregator = federation
    data = fetch(aggregator, "text/turtle", "turtle")
    assert check(data) == []
    datasets = {str(data.value(d, DCT.title)): d for d in data.objects(rdflib.URIRef(aggregator.url + "/catalog"), DCAT.dataset)}
    assert set(datasets) == {"Interkommunale Kooperationsprojekte – Land Nordrhein-Westfalen",
                             "Interkommunale Kooperationsprojekte – Stadt Erwitte"}
    harvested = datasets["Interkommunale Kooperationsprojekte – Stadt Erwitte"]
    assert data.value(data.value(harvested, DCT.publisher), FOAF.name) == rdflib.Literal("Stadt Erwitte", lang="de")
    assert data.value(harvested, DCT.publisher) == rdflib.URIRef(municipal.url + "/node#betreiber")
    csv_url = next(str(u) for u in data.objects(None, DCAT.downloadURL) if ".csv?herkunft=" in str(u))
    with aggregator.client(token=None) as c:
        rows = c.get(csv_url).text.strip().split("\r\n")
        assert len(rows) == 3 and all(municipal.url in row for row in rows[1:])
        assert c.get("/catalog/projekte.csv", params={"herkunft": "http://elsewhere.example/node"}).status_code == 404


def test_licence_is_configurable(node_factory: Callable[..., LiveNode]) -> None:
    node = node_factory(license="http://dcat-ap.de/def/licenses/cc-by/4.0")
    data = fetch(node, "text/turtle", "turtle")
    assert set(data.objects(None, DCT.license)) == {rdflib.URIRef("http://dcat-ap.de/def/licenses/cc-by/4.0")}
