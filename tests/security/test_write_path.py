"""Issue 11, the write path: one set of rules for every way in (JSON, RDF, import, web form).

Each test runs against a real ``kb serve --seed`` process on loopback, with two publishers (A and
B) whose tokens are created the way ``kb token create`` does it while the node runs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from kb.auth import TokenStore
from tests.conftest import HELLWEG
from tests.e2e.processes import NodeProcess

pytestmark = pytest.mark.slow

PREFIXES = """@prefix ikz: <https://w3id.org/ikz-kb/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


class Node:
    """The node under test with its clients: admin, publishers A and B, anonymous."""

    def __init__(self, process: NodeProcess, tokens: dict[str, str]) -> None:
        self.process = process
        self.url = process.url
        self.tokens = tokens
        self.admin = process.client()
        self.a = process.client(tokens["a"])
        self.b = process.client(tokens["b"])
        self.anonymous = process.client(token=None)

    def close(self) -> None:
        for c in (self.admin, self.a, self.b, self.anonymous):
            c.close()


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Node]:
    data_dir: Path = tmp_path_factory.mktemp("writepath") / "node"
    process = NodeProcess(data_dir, name="Schreibpfad", extra_args=["--seed"]).start(timeout=180)
    store = TokenStore(data_dir / "tokens.json")
    tokens = {"a": store.create("Stadt Erwitte")[0], "b": store.create("Gemeinde Anröchte")[0]}
    n = Node(process, tokens)
    try:
        yield n
    finally:
        n.close()
        process.stop()


def project(title: str, **extra: Any) -> dict[str, Any]:
    return {**json.loads(json.dumps(HELLWEG)), "title": title, **extra}


def create(client: httpx.Client, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/api/projects", json=body)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def turtle_template(node: Node, title: str) -> str:
    """A valid record as Turtle about ``urn:kb:new`` (the new record), from a record made over JSON."""
    made = create(node.a, project(title))
    text = node.a.get(made["id"], headers={"Accept": "text/turtle"}).text
    return text.replace(made["id"], "urn:kb:new")


def post_turtle(client: httpx.Client, text: str, path: str = "/api/projects", method: str = "POST") -> httpx.Response:
    return client.request(method, path, content=text.encode(), headers={"Content-Type": "text/turtle"})


def assert_bilingual_4xx(response: httpx.Response, status: int | None = None) -> dict[str, Any]:
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:500])
    if status is not None:
        assert response.status_code == status, response.text[:500]
    body = response.json()
    assert body["message"] and body["message_en"] and body["message"] != body["message_en"], body
    return body  # type: ignore[no-any-return]


def assert_item_refused(problems: list[dict[str, Any]], pattern: str) -> None:
    assert problems, "no reason given"
    for p in problems:
        assert p["message"] and p.get("message_en"), p
    assert any(re.search(pattern, p["message"] + " " + p.get("message_en", "")) for p in problems), problems


def seed_key(node: Node) -> str:
    items = node.anonymous.get("/api/projects", params={"limit": 1}).json()["items"]
    assert items, "the node was started with --seed"
    return str(items[0]["key"])


# ----------------------------------------------------------------------------- finding 3


def test_import_cannot_overwrite_another_publishers_or_the_seed_records(node: Node) -> None:
    """Finding 3: POST /api/import checks ownership like PUT; the other items still go through."""
    mine = create(node.a, project("Standesamt Ostwestfalen Eigentum A"))
    seeded = seed_key(node)
    seeded_before = node.anonymous.get(f"/api/projects/{seeded}").json()
    assert node.b.put(f"/api/projects/{mine['key']}", json=project("Übernommen")).status_code == 403

    response = node.b.post("/api/import", json=[
        project("Von B überschrieben", key=mine["key"]),
        project("Von B überschrieben (Seed)", key=seeded),
        project("Eigenes Projekt von B im Import", key="eigenes-projekt-von-b"),
    ])
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["created"], report["updated"]) == (1, 0), report
    assert [f["item"] for f in report["failed"]] == ["#1", "#2"]
    for failure in report["failed"]:
        assert_item_refused(failure["problems"], "andere Stelle|another publisher|Administration")
        assert failure["problems"][0]["status"] == 403
    after = node.anonymous.get(f"/api/projects/{mine['key']}").json()
    assert after["title"] == "Standesamt Ostwestfalen Eigentum A" and after["provenance"]["version"] == 1
    assert node.anonymous.get(f"/api/projects/{seeded}").json()["provenance"] == seeded_before["provenance"]
    # The owner and the admin may still import over it.
    assert node.a.post("/api/import", json=[project("Standesamt Ostwestfalen, neu", key=mine["key"])]).json()["updated"] == 1
    assert node.admin.post("/api/import", json=[project("Seed, vom Admin", key=seeded)]).json()["updated"] == 1


def test_import_of_unchanged_content_by_a_non_owner_is_refused_not_reported_unchanged(node: Node) -> None:
    """Finding 3: the import's "unchanged" comes after the ownership check, as in PUT."""
    mine = create(node.a, project("Gleicher Inhalt von A"))
    report = node.b.post("/api/import", json=[project("Gleicher Inhalt von A", key=mine["key"])]).json()
    assert report["unchanged"] == 0 and len(report["failed"]) == 1, report


# ----------------------------------------------------------------------------- finding 5


@pytest.mark.parametrize("method", ["POST", "PUT"])
def test_rdf_with_triples_about_another_record_is_refused_naming_the_subject(node: Node, method: str) -> None:
    """Finding 5: a Turtle record may only describe itself and its own fragment IRIs."""
    victim = create(node.b, project(f"Opfer {method}"))
    template = turtle_template(node, f"Angreifer {method}")
    attack = template + f'\n<{victim["id"]}> <http://purl.org/dc/terms/title> "Gefälschter Titel"@de .\n'
    if method == "POST":
        response = post_turtle(node.a, attack)
    else:
        own = create(node.a, project(f"Eigener Eintrag {method}"))
        response = post_turtle(node.a, attack, f"/api/projects/{own['key']}", "PUT")
    body = assert_bilingual_4xx(response, 422)
    assert any(v.get("value") == victim["id"] for v in body["violations"]), body
    assert victim["id"] in json.dumps(body, ensure_ascii=False)
    sparql = node.anonymous.get("/sparql", params={"query": 'ASK { ?s ?p "Gefälschter Titel"@de }'},
                                headers={"Accept": "application/sparql-results+json"})
    assert sparql.status_code == 200 and sparql.json()["boolean"] is False


def test_rdf_with_own_fragment_iris_is_still_accepted(node: Node) -> None:
    """Finding 5 (the other side): fragments of the record itself remain allowed."""
    text = turtle_template(node, "Mit eigenem Fragment") + '\n<urn:kb:new> dcat:keyword "Fragment"@de .\n'
    text = PREFIXES + text
    assert post_turtle(node.a, text).status_code == 201


# ----------------------------------------------------------------------------- finding 7

PERSONAL = {
    "vcard-individual": """<urn:kb:new> dcat:contactPoint <urn:kb:new#contact> .
<urn:kb:new#contact> a vcard:Individual ; vcard:hasEmail <mailto:erika.muster@example.org> .""",
    "foaf-person": """<urn:kb:new> dcat:contactPoint <urn:kb:new#contact> .
<urn:kb:new#contact> a foaf:Person ; foaf:name "Erika Muster" ; foaf:mbox <mailto:erika.muster@example.org> .""",
    "vcard-given-family-name": """<urn:kb:new> dcat:contactPoint <urn:kb:new#contact> .
<urn:kb:new#contact> a vcard:Kind ; vcard:given-name "Erika" ; vcard:family-name "Muster" .""",
    "schema-person": """<urn:kb:new> dcat:contactPoint <urn:kb:new#contact> .
<urn:kb:new#contact> a schema:Person ; schema:givenName "Erika" ; schema:telephone "+49 2943 1234" .""",
}


@pytest.mark.parametrize("variant", sorted(PERSONAL))
def test_personal_data_over_rdf_needs_consent_like_json(node: Node, variant: str) -> None:
    """Finding 7: a person in any vocabulary needs ikz:publicationConsent true, over RDF as over JSON."""
    base = PREFIXES + turtle_template(node, f"Kontakt {variant}")
    refused = post_turtle(node.a, base + "\n" + PERSONAL[variant] + "\n")
    body = assert_bilingual_4xx(refused, 422)
    assert any("Einwilligung" in v["message"] and "consent" in v["message_en"] for v in body["violations"]), body
    consented = PERSONAL[variant] + '\n<urn:kb:new#contact> ikz:publicationConsent "true"^^xsd:boolean .'
    accepted = post_turtle(node.a, base + "\n" + consented + "\n")
    assert accepted.status_code == 201, accepted.text


def test_a_functional_contact_without_a_person_needs_no_consent(node: Node) -> None:
    """Finding 7 (the other side): an office with a functional mailbox is no personal data."""
    text = PREFIXES + turtle_template(node, "Funktionskontakt") + """
<urn:kb:new> dcat:contactPoint <urn:kb:new#contact> .
<urn:kb:new#contact> a vcard:Kind ; vcard:organization-name "Stadt Erwitte, Standesamt" ; vcard:hasEmail <mailto:standesamt@example.org> .
"""
    assert post_turtle(node.a, text).status_code == 201


# ----------------------------------------------------------------------------- finding 15

NON_FINITE = ["NaN", "Infinity", "-Infinity", "1e400"]


@pytest.mark.parametrize("number", NON_FINITE)
def test_non_finite_outcome_figures_are_refused_over_json(node: Node, number: str) -> None:
    """Finding 15: NaN, ±Infinity and 1e400 in an outcome figure are a 422, and nothing is stored."""
    total = node.anonymous.get("/api/projects").json()["total"]
    body = json.dumps(project(f"Zahl {number}", outcomeFigures=[{"label": "Einsparung", "value": 0, "unit": "EUR"}]))
    body = body.replace('"value": 0', f'"value": {number}')
    response = node.a.post("/api/projects", content=body.encode(), headers={"Content-Type": "application/json"})
    found = assert_bilingual_4xx(response, 422)
    assert any(v["field"].startswith("outcomeFigures") for v in found["violations"]), found
    assert node.anonymous.get("/api/projects").json()["total"] == total


@pytest.mark.parametrize("placement", ["figure", "record"])
@pytest.mark.parametrize("literal", ['"NaN"^^xsd:double', '"INF"^^xsd:double', '"-INF"^^xsd:float', '"1e400"^^xsd:double',
                                     '"1' + "0" * 400 + '"^^xsd:decimal', '"zwölf"^^xsd:decimal'])
def test_non_finite_numbers_are_refused_over_rdf(node: Node, literal: str, placement: str) -> None:
    """Finding 15: the same over Turtle, for any numeric literal anywhere in the record, and the listing keeps answering."""
    if placement == "figure":
        extra = f"""<urn:kb:new> ikz:outcomeFigure <urn:kb:new#figure-1> .
<urn:kb:new#figure-1> a ikz:OutcomeFigure ; schema:name "Einsparung"@de ; schema:value {literal} ."""
    else:
        extra = f"<urn:kb:new> schema:value {literal} ."
    response = post_turtle(node.a, PREFIXES + turtle_template(node, "Zahl über RDF") + "\n" + extra + "\n")
    body = assert_bilingual_4xx(response, 422)
    assert any("Zahl" in v["message"] and "number" in v["message_en"] for v in body["violations"]), body
    assert node.anonymous.get("/api/projects", params={"limit": 200}).status_code == 200


def test_non_finite_numbers_in_an_import_fail_that_item_only(node: Node) -> None:
    """Finding 15: the import refuses the item with NaN and stores the rest."""
    items = json.dumps([project("Import mit NaN", outcomeFigures=[{"label": "x", "value": 0}]), project("Import ohne NaN")])
    response = node.a.post("/api/import", content=items.replace('"value": 0', '"value": NaN').encode(),
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["created"] == 1 and [f["item"] for f in report["failed"]] == ["#1"], report
    assert_item_refused(report["failed"][0]["problems"], "endliche Zahl|finite")


# ----------------------------------------------------------------------------- finding 18

BAD_KEYS = ["a b", "a<b", "a#b", "../../node", "abc?x=1", "A-Großbuchstabe", "-", "x" * 200]


def test_import_with_bad_keys_refuses_those_items_and_keeps_the_others(node: Node) -> None:
    """Finding 18: keys with a space, <, #, .. or ? give a 422 per item, never a whole-batch 500 or a broken IRI."""
    items = [project(f"Schlüssel {i}", key=key) for i, key in enumerate(BAD_KEYS)] + [project("Guter Schlüssel", key="guter-schluessel-1")]
    response = node.a.post("/api/import", json=items)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["created"] == 1, report
    assert [f["item"] for f in report["failed"]] == [f"#{i + 1}" for i in range(len(BAD_KEYS))]
    for failure in report["failed"]:
        assert failure["problems"][0]["field"] == "key"
        assert_item_refused(failure["problems"], "Schlüssel|key")
    ids = [i["id"] for i in node.admin.get("/api/projects", params={"limit": 200, "sort": "modified"}).json()["items"]]
    assert not [i for i in ids if re.search(r"[ <>#?]|\.\.|/node$", i.split("/projects/", 1)[1])], ids
    assert node.anonymous.get("/projects/guter-schluessel-1", headers={"Accept": "application/json"}).status_code == 200


ODD_GETS = [
    "/api/projects?origin=null",
    "/api/projects?origin=%3Cx%3E",
    "/api/projects?origin=http://a%20b/",
    "/api/projects?participant=http://a%20b/",
    "/projects/a%3Cb",
    "/projects/a%20b",
    "/projects/a%20b/versions/1",
    "/projects/a%3Cb/versions/1",
    "/api/projects/a%3Cb",
    "/api/projects/a%20b",
    "/api/projects/http:%2F%2Fa%20b",
]


@pytest.mark.parametrize("path", ODD_GETS)
def test_odd_reads_get_a_4xx_with_german_and_english_message(node: Node, path: str) -> None:
    """Finding 18: odd filter values and keys that no record can have are 4xx, never 500."""
    for client in (node.anonymous, node.admin):
        response = client.get(path, headers={"Accept": "application/json"})
        assert_bilingual_4xx(response)
    page = node.anonymous.get(path, headers={"Accept": "text/html"})
    assert 400 <= page.status_code < 500


@pytest.mark.parametrize("tag", ['"v' + "9" * 5000 + '"', '"v+1"', '"vx"', '"v' + "1" * 19 + '"'])
def test_an_if_match_that_cannot_be_a_version_is_a_4xx(node: Node, tag: str) -> None:
    """Finding 18: If-Match with 5,000 digits (or other junk) is refused like a stale tag, not a 500."""
    mine = create(node.a, project(f"If-Match {len(tag)} {tag[2:4]!r}"))
    for method in ("PUT", "DELETE"):
        response = node.a.request(method, f"/api/projects/{mine['key']}", headers={"If-Match": tag},
                                  content=json.dumps(project("Geändert")).encode() if method == "PUT" else None)
        assert_bilingual_4xx(response, 409)
    assert node.anonymous.get(f"/api/projects/{mine['key']}").json()["provenance"]["version"] == 1


# ----------------------------------------------------------------------------- one plan for every way in


def _sign_in(node: Node, token: str) -> tuple[httpx.Client, str]:
    """A browser session (cookie, no bearer token) and the CSRF token of the publishing form."""
    browser = httpx.Client(base_url=node.url, timeout=30, headers={"Origin": node.url})
    signed = browser.post("/anmelden", data={"token": token, "weiter": "/veroeffentlichen"})
    assert signed.status_code in (200, 303), signed.text[:300]
    page = browser.get("/veroeffentlichen")
    assert page.status_code == 200, page.text[:300]
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found, "no CSRF token in the form"
    return browser, found.group(1)


def _form(title: str, **extra: str) -> dict[str, str]:
    return {"title": title, "description": HELLWEG["description"], "participants": "Erwitte\nAnröchte\nBad Sassendorf",
            "lead": "Erwitte", "state": "NW", "taskAreas": "02", "legalForm": "oerv-delegierend", "status": "im-betrieb",
            "type": "project", "visibility": "public", **extra}


def test_json_import_and_web_form_refuse_the_same_things(node: Node) -> None:
    """Findings 3, 7: the JSON POST, the import and the web form share one plan (same checks, same messages)."""
    # A person's name without consent.
    person = {"name": "Erika Muster", "email": "erika.muster@example.org"}
    json_refusal = node.a.post("/api/projects", json=project("Person ohne Einwilligung", contact=person))
    json_messages = {v["message"] for v in assert_bilingual_4xx(json_refusal, 422)["violations"]}
    report = node.a.post("/api/import", json=[project("Person ohne Einwilligung (Import)", contact=person)]).json()
    assert report["created"] == 0 and len(report["failed"]) == 1
    assert {p["message"] for p in report["failed"][0]["problems"]} == json_messages
    browser, csrf = _sign_in(node, node.tokens["a"])
    try:
        form = browser.post("/veroeffentlichen", data={**_form("Person ohne Einwilligung (Formular)", contact_name="Erika Muster",
                                                               contact_email="erika.muster@example.org"), "csrf": csrf})
        assert form.status_code == 422
        # The same refusal; the form words it for staff (no "consent: true" or RDF terms, issue 16).
        assert "Bitte bestätigen Sie, dass die Person der Veröffentlichung zugestimmt hat" in form.text, form.text[:2000]
        assert all(m.split(" Bitte")[0] not in form.text for m in json_messages)

        # Changing another publisher's record: 403 over PUT, in the import, and in the form.
        theirs = create(node.b, project("Gehört B"))
        assert node.a.put(f"/api/projects/{theirs['key']}", json=project("Von A geändert")).status_code == 403
        imported = node.a.post("/api/import", json=[project("Von A geändert", key=theirs["key"])]).json()
        assert imported["updated"] == 0 and imported["failed"][0]["problems"][0]["status"] == 403
        edit = browser.post(f"/projects/{theirs['key']}/bearbeiten", data={**_form("Von A geändert"), "csrf": csrf, "version": "1"})
        assert edit.status_code == 403
        withdraw = browser.post(f"/projects/{theirs['key']}/zurueckziehen", data={"csrf": csrf})
        assert withdraw.status_code == 403
    finally:
        browser.close()
    assert node.anonymous.get(f"/api/projects/{theirs['key']}").json()["title"] == "Gehört B"

    # The same good record is accepted by all three ways in.
    assert create(node.a, project("Gut über JSON", contact={**person, "consent": True}))
    assert node.a.post("/api/import", json=[project("Gut über Import", contact={**person, "consent": True})]).json()["created"] == 1
