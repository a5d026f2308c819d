"""Several kb processes of one node on one store server: both serve reads and writes, a third's
search follows both, and the change log stays one gap-free sequence (docs/operations.md)."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from kb.store.server import ServerCatalog
from tests.conftest import HELLWEG, free_port
from tests.e2e.processes import NodeProcess
from tests.oxigraph_server import OxigraphServer
from tests.store.conftest import seal

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    base = tmp_path_factory.mktemp("shared-store")
    server = OxigraphServer(base / "oxigraph", free_port()).start()
    public = f"http://127.0.0.1:{free_port()}"  # what the reverse proxy would be: one base URL for all processes
    env = {"KB_STORE": server.url, "KB_BASE_URL": public, "KB_PUSH_NOTIFICATIONS": "false"}
    a = NodeProcess(base / "a", name="Kreis Soest", env=env)
    b = NodeProcess(base / "b", name="Kreis Soest", env=env)
    c = NodeProcess(base / "c", name="Kreis Soest", env={**env, "KB_SEARCH_ENABLED": "true"})
    started = []
    try:
        started.append(a.start())
        for other in (b, c):  # one node: every process signs with the same key
            other.data_dir.mkdir(parents=True, exist_ok=True)
            shutil.copy(a.data_dir / "node.key", other.data_dir / "node.key")
        started.append(b.start())
        started.append(c.start(timeout=240))
        yield {"a": a, "b": b, "c": c, "server": server, "public": public}
    finally:
        for node in started:
            node.stop()
        server.stop()


def project(title: str) -> dict[str, Any]:
    return {**HELLWEG, "participants": list(HELLWEG["participants"]), "title": title}


def test_two_processes_write_at_once_and_each_serves_the_others_records(shared: dict[str, Any]) -> None:
    a, b = shared["a"], shared["b"]

    def write(node: NodeProcess, i: int) -> httpx.Response:
        with node.client() as client:
            return client.post("/api/projects", json=project(f"Gemeinsamer Bauhof {node.data_dir.name.upper()}{i}"))

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda job: write(*job), [(node, i) for i in range(12) for node in (a, b)]))
    assert [r.status_code for r in answers] == [201] * 24, [r.text for r in answers if r.status_code != 201][:3]
    ids = {r.json()["id"] for r in answers}
    assert len(ids) == 24
    for node in (a, b):  # each process reads what both wrote
        with node.client(token=None) as client:
            listed = client.get("/api/projects", params={"limit": 100}).json()
            assert ids <= {item["id"] for item in listed["items"]}
            key = next(iter(ids)).rsplit("/", 1)[1]
            assert client.get(f"/api/projects/{key}").status_code == 200
    catalog = ServerCatalog(shared["server"].url, sealer=seal, node_iri=shared["public"] + "/node")
    events = catalog.events_since(0, limit=1000)
    assert [e.seq for e in events] == list(range(1, len(events) + 1)) and len(events) >= 24
    assert catalog.check_integrity() == []
    catalog.close()


def test_an_update_in_one_process_after_a_change_in_the_other_needs_the_current_version(shared: dict[str, Any]) -> None:
    a, b = shared["a"], shared["b"]
    with a.client() as client_a, b.client() as client_b:
        created = client_a.post("/api/projects", json=project("Zweckverband Wasser Hellweg")).json()
        key = created["id"].rsplit("/", 1)[1]
        first = client_b.get(f"/api/projects/{key}")
        etag = first.headers["etag"]
        assert client_a.put(f"/api/projects/{key}", json=project("Zweckverband Wasser Hellweg (neu)"), headers={"If-Match": etag}).status_code == 200
        stale = client_b.put(f"/api/projects/{key}", json=project("Zweckverband Wasser Hellweg (alt)"), headers={"If-Match": etag})
        assert stale.status_code in (409, 412), stale.text
        assert client_b.get(f"/api/projects/{key}").json()["title"] == "Zweckverband Wasser Hellweg (neu)"


def test_a_third_process_search_follows_the_writes_of_both(shared: dict[str, Any]) -> None:
    a, b, c = shared["a"], shared["b"], shared["c"]
    with a.client() as client_a, b.client() as client_b:
        from_a = client_a.post("/api/projects", json=project("Friedhofsverwaltung Lippetal")).json()["id"]
        from_b = client_b.post("/api/projects", json=project("Wirtschaftsförderung Möhnesee")).json()["id"]
    deadline = time.monotonic() + 120
    found: set[str] = set()
    with c.client(token=None) as client_c:
        while time.monotonic() < deadline and found != {from_a, from_b}:
            for query, iri in (("Friedhofsverwaltung Lippetal", from_a), ("Wirtschaftsförderung Möhnesee", from_b)):
                hits = client_c.get("/api/search", params={"q": query, "limit": 5})
                if hits.status_code == 200 and iri in {hit["id"] for hit in hits.json()["results"]}:
                    found.add(iri)
            time.sleep(0.5)
    assert found == {from_a, from_b}
