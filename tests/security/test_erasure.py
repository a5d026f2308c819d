"""Finding 6: personal data can be erased, network-wide (origin → aggregator → second hop).

Three real ``kb serve`` processes: the origin O publishes records with a contact person, the
aggregator A harvests O, the second-hop node B harvests A. A contact removed by its publisher
(``PUT`` without it, then ``DELETE``, as in the finding) and a contact erased on a data subject's
request (``kb erase --match``) must, after ONE sync round per hop, be gone from every endpoint of
all three nodes (record pages, every version, every LDES page, SPARQL, search, listings, inventory,
quarantine) and, once the stores are rewritten, from every file in their data directories.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import Literal, NamedNode, Triple

from kb.federation.harvester import Checked
from kb.federation.members import ERASED_BEFORE
from kb.federation.pages import PageMemberGraph
from kb.ontology.namespaces import DCT, XSD
from tests.conftest import ADMIN_TOKEN, HELLWEG, LiveNode
from tests.e2e.processes import REPO, NodeProcess

NAME = "Erika Mustermann"
EMAIL = "erika.mustermann@example.org"
PHONE = "+49 2943 97-1234"
PHONE_STORED = "+492943971234"
SECRETS = (NAME, "Mustermann", EMAIL, PHONE_STORED)
CONTACT = {"organisation": "Stadt Erwitte, Standesamt", "name": NAME, "email": EMAIL, "phone": PHONE, "consent": True}


def project(title: str, *, contact: bool = True, **changes: Any) -> dict[str, Any]:
    data = {k: (list(v) if isinstance(v, list) else v) for k, v in HELLWEG.items()}
    data["title"] = title
    data.update(changes)
    if contact:
        data["contact"] = dict(CONTACT)
    return data


def found_in(text: str) -> list[str]:
    folded = text.casefold()
    return [s for s in SECRETS if s.casefold() in folded]


def sync_once(node: NodeProcess) -> None:
    with node.client(timeout=120) as c:
        r = c.post("/api/peers/sync")
        r.raise_for_status()
        assert r.json()["ok"], r.json()


def kb(*args: str, node: NodeProcess) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], cwd=REPO, capture_output=True, text=True, env=node.env, timeout=300)


def ldes_texts(node: NodeProcess, token: str | None) -> list[str]:
    """Every page of the node's stream (following tree:relation links), as N-Quads text."""
    out = []
    with node.client(token=token) as c:
        url: str | None = f"{node.url}/ldes/pages/1"
        seen: set[str] = set()
        while url and url not in seen:
            seen.add(url)
            r = c.get(url, params={"format": "nq"})
            assert r.status_code == 200, (url, r.status_code)
            out.append(r.text)
            nexts = re.findall(r"<https://w3id\.org/tree#node> <([^>]+)>", r.text)
            url = nexts[0] if nexts else None
    return out


def leaks(node: NodeProcess, records: list[str]) -> dict[str, list[str]]:
    """Where on ``node`` any of the secrets can still be read, by endpoint."""
    problems: dict[str, list[str]] = {}

    def check(where: str, text: str) -> None:
        hits = found_in(text)
        if hits:
            problems[where] = hits

    for token in (None, ADMIN_TOKEN):
        who = "admin" if token else "anonymous"
        for i, page in enumerate(ldes_texts(node, token)):
            check(f"ldes page {i + 1} ({who})", page)
        with node.client(token=token) as c:
            for iri in records:
                for accept in ("application/json", "text/turtle", "text/html"):
                    r = c.get("/api/projects/" + iri, headers={"Accept": accept})
                    check(f"/api/projects/{iri} {accept} ({who})", r.text)
                if iri.startswith(node.url):
                    key = iri.rsplit("/", 1)[-1]
                    r = c.get(f"/projects/{key}", headers={"Accept": "text/turtle"})
                    check(f"/projects/{key} ({who})", r.text)
                    current = 1
                    while True:  # every version the origin ever made
                        v = c.get(f"/projects/{key}/versions/{current}", headers={"Accept": "application/n-triples"})
                        if v.status_code == 404:
                            break
                        check(f"/projects/{key}/versions/{current} ({who})", v.text)
                        current += 1
                    assert current > 1
            check(f"/api/projects ({who})", c.get("/api/projects", params={"limit": 500}).text)
            for q in ("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
                      "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
                      'SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER(REGEX(STR(?o), "mustermann", "i")) } }'):
                r = c.get("/sparql", params={"query": q}, headers={"Accept": "application/sparql-results+json"})
                assert r.status_code == 200, r.text
                check(f"/sparql {q[:30]}… ({who})", r.text)
            for path in ("/api/inventory/regions", "/api/inventory/municipalities/05974016"):
                check(f"{path} ({who})", c.get(path).text)
            for q in (NAME, "Standesamtverbund Hellweg"):  # the answer echoes the query: look at the hits
                search = c.get("/api/search", params={"q": q})
                if search.status_code == 200:
                    check(f"/api/search?q={q} ({who})", json.dumps(search.json()["results"], ensure_ascii=False))
    with node.client() as c:
        check("/api/quarantine", c.get("/api/quarantine", params={"payload": "true"}).text)
    return problems


def scan_files(data_dir: Path) -> list[str]:
    """Files of the data directory whose bytes contain a secret."""
    needles = [s.encode() for s in SECRETS]
    return [str(p.relative_to(data_dir)) for p in data_dir.rglob("*") if p.is_file() and any(n in p.read_bytes() for n in needles)]


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, NodeProcess]]:
    base = tmp_path_factory.mktemp("erasure")
    # The PUT that drops the contact and the later `kb erase` both rewrite the origin's store; with the
    # default interval (300 s) the second rewrite would wait for it (tests/store: test_erasures_soon_after_…).
    env = {"KB_PUSH_NOTIFICATIONS": "false", "KB_ERASURE_PURGE_INTERVAL": "1"}
    nodes = {
        "origin": NodeProcess(base / "origin", name="Stadt Erwitte", env={**env, "KB_SEARCH_ENABLED": "true"}),
        "aggregator": NodeProcess(base / "aggregator", name="Kreis Soest", env=env),
        "second": NodeProcess(base / "second", name="StGB NRW", env=env),
    }
    try:
        nodes["origin"].start(timeout=240)
        nodes["aggregator"].start()
        nodes["second"].start()
        for harvester, peer in (("aggregator", "origin"), ("second", "aggregator")):
            with nodes[harvester].client() as c:
                c.post("/api/peers", json={"url": nodes[peer].url}).raise_for_status()
        yield nodes
    finally:
        for node in nodes.values():
            node.stop()


@pytest.mark.slow
def test_finding_6_removed_and_erased_contacts_are_gone_from_all_three_nodes(network: dict[str, NodeProcess]) -> None:
    """Finding 6: a contact removed by PUT + DELETE, and one erased with ``kb erase``, are gone
    from origin, aggregator and second hop after one sync round each, through every endpoint and
    in every file of their data directories, without anything for their operators to do."""
    origin, aggregator, second = network["origin"], network["aggregator"], network["second"]
    with origin.client() as c:
        removed = c.post("/api/projects", json=project("Standesamtverbund Hellweg Ost")).json()["id"]
        kept = c.post("/api/projects", json=project("Standesamtverbund Hellweg West")).json()["id"]
        other = c.post("/api/projects", json=project("Bauhof Hellweg", contact=False)).json()["id"]
    records = [removed, kept, other]
    sync_once(aggregator)
    sync_once(second)
    for node in network.values():  # the test can fail: the contact is visible everywhere first
        with node.client(token=None) as c:
            for iri in (removed, kept):
                assert NAME in c.get("/api/projects/" + iri, headers={"Accept": "application/json"}).text, node.name
        assert any(NAME in page for page in ldes_texts(node, None)), node.name
    # The finding: the publisher removes the contact, then withdraws the record.
    key = removed.rsplit("/", 1)[-1]
    with origin.client() as c:
        without = project("Standesamtverbund Hellweg Ost", contact=False)
        assert c.put("/api/projects/" + key, json=without).status_code == 200
        assert c.delete("/api/projects/" + key).status_code == 200
        old = c.get(f"/projects/{key}/versions/1", headers={"Accept": "application/n-triples"})
        assert old.status_code == 410, old.text  # today: 200 with the name, for good
        assert "personenbezogene" in old.json()["message"] and old.json()["message_en"]
    # The data subject asks for erasure: the operator finds her everywhere and erases.
    dry = kb("erase", "--match", NAME, "--url", origin.url, "--token", ADMIN_TOKEN, node=origin)
    assert dry.returncode == 0, dry.stderr
    assert kept in dry.stdout and "Mit --yes" in dry.stdout
    with origin.client(token=None) as c:
        assert NAME in c.get("/api/projects/" + kept, headers={"Accept": "application/json"}).text  # dry run changed nothing
    done = kb("erase", "--match", NAME, "--yes", "--url", origin.url, "--token", ADMIN_TOKEN, node=origin)
    assert done.returncode == 0, done.stdout + done.stderr
    assert kept in done.stdout and "gelöscht" in done.stdout
    # ONE sync round per hop.
    sync_once(aggregator)
    sync_once(second)
    with origin.client() as c:  # the origin's search index has followed its log past the erasure
        last = c.post("/api/peers/sync").json()["lastSeq"]
        deadline = time.monotonic() + 120
        while c.get("/api/search/status").json()["last_seq"] < last:
            assert time.monotonic() < deadline, "search index did not catch up"
            time.sleep(0.2)
        assert c.get("/api/search", params={"q": "Standesamtverbund Hellweg West"}).json()["total"] >= 1
    for node in network.values():
        assert leaks(node, records) == {}, node.name
    with origin.client(token=None) as c:  # the records themselves are still right
        current = c.get("/api/projects/" + kept, headers={"Accept": "application/json"}).json()
        assert current["title"] == "Standesamtverbund Hellweg West"
        assert current["contact"]["organisation"] == "Stadt Erwitte, Standesamt"  # the office stays, the person goes
        assert not {"name", "email", "phone"} & set(current["contact"])
        assert c.get("/api/projects/" + removed).status_code == 410
    for node in (aggregator, second):
        with node.client(token=None) as c:
            contact = c.get("/api/projects/" + kept, headers={"Accept": "application/json"}).json()["contact"]
            assert contact["organisation"] == "Stadt Erwitte, Standesamt" and not {"name", "email", "phone"} & set(contact)
            assert c.get("/api/projects/" + removed).status_code == 410
    # Stored copies: each node rewrote its store after the erasure (the origin after `kb erase`, the
    # others at the end of their sync round) while running: the bytes are in none of their files.
    for node in network.values():
        deadline = time.monotonic() + 60  # the rewrite runs in the background right after: a bound, not a timing
        while found := scan_files(node.data_dir):
            assert time.monotonic() < deadline, f"{node.name}: {found}"
            time.sleep(0.25)
        with node.client(token=None) as c:  # and serve on from the rewritten store, SPARQL included
            answer = c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": "application/sparql-results+json"})
            assert answer.status_code == 200 and answer.json()["boolean"] is True, node.name
            assert c.get("/api/projects/" + kept, headers={"Accept": "application/json"}).status_code == 200
    origin.stop()
    origin.start(timeout=240)  # the rewritten store is the same catalogue
    with origin.client(token=None) as c:
        assert c.get("/api/projects/" + kept, headers={"Accept": "application/json"}).json()["title"] == "Standesamtverbund Hellweg West"
        assert c.get(f"/projects/{kept.rsplit('/', 1)[-1]}/versions/1").status_code == 410
    origin.stop()


# ---------------------------------------------------------------------- the erasure marker on the way


def linked(node_factory: Callable[..., LiveNode]) -> tuple[LiveNode, LiveNode]:
    origin = node_factory("origin", push_notifications=False)
    harvester = node_factory("harvester", push_notifications=False)
    with harvester.client() as c:
        c.post("/api/peers", json={"url": origin.url}).raise_for_status()
    return origin, harvester


def harvest(node: LiveNode) -> dict[str, Any]:
    with node.client() as c:
        r = c.post("/api/peers/sync")
        r.raise_for_status()
        return dict(r.json()["results"][0])


def member_graph(node: LiveNode, member: str) -> PageMemberGraph:
    found = node.node.catalog.event_for_member(member)
    assert found is not None and not found[0].compacted
    return PageMemberGraph.from_payload(member, found[0].seq, found[1])


def check_and_commit(harvester: LiveNode, origin: LiveNode, graphs: list[PageMemberGraph]) -> Checked:
    """What a harvest round does with the members of one page: check them, commit the result."""
    fed = harvester.node.federation
    cfg = fed.peer_for_node(origin.node.iri)
    checked = fed.harvester.check(cfg, graphs)
    harvester.node.catalog.commit_received(checked.members, docs=checked.docs())
    return checked


def contact_removed(origin: LiveNode) -> tuple[str, str]:
    """Publish with a contact, then replace without it: (record, the erasing member v2)."""
    with origin.client() as c:
        iri = c.post("/api/projects", json=project("Standesamtverbund Hellweg Ost")).json()["id"]
        r = c.put("/api/projects/" + iri.rsplit("/", 1)[1], json=project("Standesamtverbund Hellweg Ost", contact=False))
        assert r.status_code == 200, r.text
    meta = origin.node.catalog.meta(iri)
    assert meta is not None and meta.version == 2 and meta.erased_before == 2
    return iri, f"{iri}/versions/2"


def held_versions(node: LiveNode, iri: str) -> dict[int, bool]:
    """Version → whether this node still keeps its published form."""
    return {e.version: not e.compacted for e in node.node.catalog.events_of(iri)}


def test_finding_6_an_erasing_member_with_a_broken_signature_is_quarantined_and_erases_nothing(
        node_factory: Callable[..., LiveNode]) -> None:
    """Finding 6: only the origin's signature makes a member erase anything: a forged erasing
    member (content changed on the way) goes to quarantine, and the copies it names stay."""
    origin, harvester = linked(node_factory)
    with origin.client() as c:
        iri = c.post("/api/projects", json=project("Standesamtverbund Hellweg Ost")).json()["id"]
    assert harvest(harvester)["stored"] == 1
    with origin.client() as c:
        c.put("/api/projects/" + iri.rsplit("/", 1)[1], json=project("Standesamtverbund Hellweg Ost", contact=False)).raise_for_status()
    erasing = member_graph(origin, f"{iri}/versions/2")
    forged = PageMemberGraph(erasing.member, erasing.position, [
        Triple(t.subject, t.predicate, Literal("Gefälscht", language="de")) if t.predicate == DCT.title else t for t in erasing.triples
    ], erasing.proof)
    checked = check_and_commit(harvester, origin, [forged])
    assert not checked.members and len(checked.quarantine) == 1 and "Signatur" in checked.quarantine[0].reason
    assert held_versions(harvester, iri) == {1: True}
    assert harvester.node.catalog.meta(iri).erased_before == 0  # type: ignore[union-attr]


def test_finding_6_a_relay_can_neither_strip_nor_add_the_erasure_marker(node_factory: Callable[..., LiveNode]) -> None:
    """Finding 6: ``kbm:erasedBefore`` is covered by the origin's signature: a relay that strips
    it (to keep erased data alive) or adds it (to wipe a record's history) is quarantined."""
    origin, harvester = linked(node_factory)
    with origin.client() as c:
        plain = c.post("/api/projects", json=project("Bauhof Hellweg", contact=False)).json()["id"]
        c.put("/api/projects/" + plain.rsplit("/", 1)[1], json=project("Bauhof Hellweg", contact=False, status="abgeschlossen")
              ).raise_for_status()
    assert origin.node.catalog.meta(plain).erased_before == 0  # type: ignore[union-attr]  # no personal data: history kept
    iri, erasing_member = contact_removed(origin)
    erasing = member_graph(origin, erasing_member)
    stripped = PageMemberGraph(erasing.member, erasing.position, [t for t in erasing.triples if t.predicate != ERASED_BEFORE], erasing.proof)
    assert len(stripped.triples) == len(erasing.triples) - 1
    ordinary = member_graph(origin, f"{plain}/versions/2")
    added = PageMemberGraph(ordinary.member, ordinary.position, [
        *ordinary.triples, Triple(NamedNode(ordinary.member), ERASED_BEFORE, Literal("2", datatype=XSD.integer))], ordinary.proof)
    added_valid = PageMemberGraph(erasing.member, erasing.position, [
        Triple(t.subject, t.predicate, Literal("1", datatype=XSD.integer)) if t.predicate == ERASED_BEFORE else t
        for t in erasing.triples], erasing.proof)
    checked = check_and_commit(harvester, origin, [stripped, added, added_valid])
    assert not checked.members and len(checked.quarantine) == 3, checked.quarantine
    reasons = {(q.member, q.reason.split(":")[0]) for q in checked.quarantine}
    assert reasons == {(erasing.member, "Signatur ungültig"), (ordinary.member, "Signatur ungültig"),
                       (erasing.member, "Mitglied unlesbar")}, reasons
    assert harvester.node.catalog.meta(iri) is None and harvester.node.catalog.meta(plain) is None
    # The genuine members, in the next round, are taken: the marker as signed.
    assert harvest(harvester)["stored"] == 2
    assert held_versions(harvester, plain) == {2: True}
    assert harvester.node.catalog.meta(iri).erased_before == 2  # type: ignore[union-attr]


def test_finding_6_a_node_that_missed_the_erasing_version_obeys_the_next_one(node_factory: Callable[..., LiveNode]) -> None:
    """Finding 6: later versions carry the erasure horizon on, so a node that only ever sees a
    version after the erasing one (newest wins: it skips the erasing one) still drops the erased
    copies it holds, and re-publishes the horizon to the next hop."""
    origin, harvester = linked(node_factory)
    with origin.client() as c:
        iri = c.post("/api/projects", json=project("Standesamtverbund Hellweg Ost")).json()["id"]
    harvest(harvester)
    assert held_versions(harvester, iri) == {1: True}
    key = iri.rsplit("/", 1)[1]
    with origin.client() as c:
        c.put("/api/projects/" + key, json=project("Standesamtverbund Hellweg Ost", contact=False)).raise_for_status()
        c.put("/api/projects/" + key, json=project("Standesamtverbund Hellweg Ost", contact=False, status="abgeschlossen")).raise_for_status()
    assert origin.node.catalog.meta(iri).erased_before == 2  # type: ignore[union-attr]
    assert harvest(harvester)["stored"] == 1  # version 3 only
    assert held_versions(harvester, iri) == {1: False, 3: True}
    with harvester.client(token=None) as c:
        pages = c.get("/ldes/pages/1", params={"format": "nq"}).text
    assert NAME not in pages and f"{iri}/versions/3" in pages and str(ERASED_BEFORE.value) in pages


def test_finding_6_quarantined_copies_of_erased_versions_are_removed(node_factory: Callable[..., LiveNode]) -> None:
    """Finding 6: a refused copy of a version (kept in quarantine with its reason) goes when a
    verified later version erases that version."""
    origin, harvester = linked(node_factory)
    iri, erasing_member = contact_removed(origin)
    from kb.federation.quarantine import QuarantineEntry, quarantine_docs

    stale = QuarantineEntry("p", f"{iri}/versions/1", "Signatur ungültig", record=iri, origin=origin.node.iri, version=1,
                            retryable=True, payload=f'<{iri}#contact> <http://www.w3.org/2006/vcard/ns#fn> "{NAME}" .\n')
    harvester.node.catalog.put_docs(quarantine_docs([stale]))
    assert harvest(harvester)["stored"] == 1
    with harvester.client() as c:
        assert NAME not in c.get("/api/quarantine", params={"payload": "true"}).text


def test_an_erasure_by_a_text_that_hits_more_records_than_one_person_is_refused(live: LiveNode) -> None:
    """A search text such as "000" is not a person: erasing by it would publish a new version of every
    record that contains it (found by the fuzz run: 24 s for one request). It is refused with a 422
    that says what to do; the dry run still lists every hit, and one record at a time still works."""
    from kb.erasure import MAX_RECORDS

    with live.client() as c:
        c.post("/api/import", json=[project(f"Standesamtverbund Hellweg {i}", contact=False) for i in range(MAX_RECORDS + 1)]
               ).raise_for_status()
        dry = c.post("/api/erasure", json={"match": "Hellweg", "dryRun": True})
        assert dry.status_code == 200 and len(dry.json()["records"]) == MAX_RECORDS + 1
        refused = c.post("/api/erasure", json={"match": "Hellweg"})
        assert refused.status_code == 422, refused.text
        assert "genauer" in refused.json()["message"] and refused.json()["message_en"]
        versions = {r["record"]: r for r in dry.json()["records"]}
        first = sorted(versions)[0]
        assert c.get("/api/projects/" + first, headers={"Accept": "application/json"}).json()["provenance"]["version"] == 1
        one = c.post("/api/erasure", json={"record": first})
        assert one.status_code == 200 and one.json()["records"][0]["newVersion"] == 2
