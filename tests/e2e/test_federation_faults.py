"""Faults, with real processes: a harvester node, a good peer node and a misbehaving fake peer.

Each case ends with the good data stored, bad data quarantined with a reason (where it is data),
and the good peer unaffected in the same round.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import HELLWEG, free_port
from tests.e2e.processes import REPO, NodeProcess

pytestmark = pytest.mark.slow

HARVESTER_ENV = {"KB_PEER_TIMEOUT": "1.5", "KB_MAX_PAGE_BYTES": "1000000", "KB_PUSH_NOTIFICATIONS": "false"}


class FakePeer:
    def __init__(self, data_dir: Path, other_node: str | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = (data_dir.parent / f"{data_dir.name}.log").open("wb")
        cmd = [sys.executable, "-m", "tests.e2e.fake_peer", "--port", str(self.port), "--data-dir", str(data_dir), "--slow", "4"]
        if other_node:
            cmd += ["--other-node", other_node]
        self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=self.log)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line.strip() == b"ready", "fake peer did not start"

    def mode(self, mode: str) -> None:
        httpx.post(self.url + "/control", content=mode.encode(), timeout=5).raise_for_status()

    def record(self, key: str) -> str:
        return f"{self.url}/projects/{key}"

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=10)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self.log.close()


@pytest.fixture(scope="module")
def harvester(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NodeProcess]:
    node = NodeProcess(tmp_path_factory.mktemp("harvester") / "data", name="Harvester", env=HARVESTER_ENV).start()
    yield node
    node.stop()


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory, harvester: NodeProcess) -> Iterator[NodeProcess]:
    node = NodeProcess(tmp_path_factory.mktemp("good") / "data", name="Guter Partner").start()
    with harvester.client() as c:
        c.post("/api/peers", json={"url": node.url}).raise_for_status()
    yield node
    node.stop()


@pytest.fixture
def fake(tmp_path: Path, good: NodeProcess, harvester: NodeProcess) -> Iterator[FakePeer]:
    peer = FakePeer(tmp_path / "fake", other_node=f"{good.url}/node")
    with harvester.client() as c:
        c.post("/api/peers", json={"url": peer.url}).raise_for_status()
    yield peer
    with harvester.client() as c:
        c.delete(f"/api/peers/{peer_id(peer.url)}")
    peer.stop()


def peer_id(url: str) -> str:
    from kb.federation.peers import peer_id_for

    return peer_id_for(url)


def new_good_record(good: NodeProcess, title: str) -> str:
    with good.client() as c:
        r = c.post("/api/projects", json={**HELLWEG, "title": title})
        assert r.status_code == 201, r.text
        return str(r.json()["id"])


def sync(harvester: NodeProcess) -> dict[str, dict[str, Any]]:
    with harvester.client(timeout=120) as c:
        r = c.post("/api/peers/sync")
        assert r.status_code == 200, r.text
        return {res["url"]: res for res in r.json()["results"]}


def has(harvester: NodeProcess, iri: str) -> bool:
    with harvester.client() as c:
        return c.get("/api/projects/" + iri, headers={"Accept": "application/json"}).status_code == 200


def version(harvester: NodeProcess, iri: str) -> int | None:
    with harvester.client() as c:
        r = c.get("/api/projects/" + iri, headers={"Accept": "application/json"})
        return int(r.json()["provenance"]["version"]) if r.status_code == 200 else None


def quarantine(harvester: NodeProcess, fake: FakePeer) -> list[dict[str, Any]]:
    with harvester.client() as c:
        return list(c.get("/api/quarantine", params={"peer": peer_id(fake.url)}).json()["entries"])


def status(harvester: NodeProcess, url: str) -> dict[str, Any]:
    with harvester.client() as c:
        return next(p for p in c.get("/api/peers").json()["peers"] if p["url"] == url)


def assert_good_peer_unaffected(harvester: NodeProcess, good: NodeProcess, results: dict[str, dict[str, Any]], iri: str) -> None:
    assert results[good.url]["ok"], results[good.url]
    assert has(harvester, iri)


def test_bad_members_are_quarantined_and_the_page_goes_on(harvester: NodeProcess, good: NodeProcess, fake: FakePeer) -> None:
    fake.mode("bad-members")
    iri = new_good_record(good, "Unberührt von Fälschungen")
    results = sync(harvester)
    assert_good_peer_unaffected(harvester, good, results, iri)
    assert results[fake.url]["ok"]
    for key in ("r1", "r3", "r5"):
        assert has(harvester, fake.record(key)), key
    assert version(harvester, fake.record("r2")) == 2  # the replayed v1 did not win
    assert not has(harvester, fake.record("r4"))
    reasons = {e["record"]: e["reason"] for e in quarantine(harvester, fake)}
    assert "Signatur" in reasons[fake.record("r4")]
    assert "Signatur" in reasons[f"{good.url}/projects/untergeschoben"]
    assert not has(harvester, f"{good.url}/projects/untergeschoben")
    assert status(harvester, fake.url)["quarantined"] == 2


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        pytest.param("error500", "HTTP 500", id="error-500"),
        pytest.param("malformed", "kein gültiges RDF", id="malformed-rdf"),
        pytest.param("oversized", "zu groß", id="oversized-page"),
        pytest.param("slow", "Zeitüberschreitung", id="slow-peer"),
    ],
)
def test_broken_pages_stop_only_that_peer(harvester: NodeProcess, good: NodeProcess, fake: FakePeer, mode: str, expected: str) -> None:
    fake.mode(mode)
    iri = new_good_record(good, f"Unberührt von {mode}")
    started = time.monotonic()
    results = sync(harvester)
    assert time.monotonic() - started < 30
    assert_good_peer_unaffected(harvester, good, results, iri)
    assert not results[fake.url]["ok"] and expected in results[fake.url]["error"]
    state = status(harvester, fake.url)
    assert state["state"] == "backing off" and expected in state["lastError"]
    fake.mode("good")
    results = sync(harvester)  # on demand ignores our own backoff; the peer recovered
    assert results[fake.url]["ok"], results[fake.url]
    assert all(has(harvester, fake.record(k)) for k in ("r1", "r2", "r3"))


@pytest.mark.parametrize("mode", ["busy", "unavailable"])
def test_retry_after_is_honoured(harvester: NodeProcess, good: NodeProcess, fake: FakePeer, mode: str) -> None:
    fake.mode(mode)
    iri = new_good_record(good, f"Unberührt von {mode}")
    results = sync(harvester)
    assert_good_peer_unaffected(harvester, good, results, iri)
    assert not results[fake.url]["ok"]
    fake.mode("good")
    again = sync(harvester)[fake.url]
    assert not again["ok"] and "wartet" in again["error"]  # within Retry-After: not even asked
    time.sleep(2.2)
    assert sync(harvester)[fake.url]["ok"]
    assert has(harvester, fake.record("r3"))


def test_next_link_loop_is_detected(harvester: NodeProcess, good: NodeProcess, fake: FakePeer) -> None:
    fake.mode("loop")
    iri = new_good_record(good, "Unberührt von der Schleife")
    results = sync(harvester)
    assert_good_peer_unaffected(harvester, good, results, iri)
    assert not results[fake.url]["ok"] and "Schleife" in results[fake.url]["error"]
    assert all(has(harvester, fake.record(k)) for k in ("r1", "r2", "r3"))  # what it did serve is kept


def test_peer_that_is_down(harvester: NodeProcess, good: NodeProcess, fake: FakePeer) -> None:
    fake.proc.kill()
    fake.proc.wait(timeout=10)
    iri = new_good_record(good, "Unberührt vom Ausfall")
    results = sync(harvester)
    assert_good_peer_unaffected(harvester, good, results, iri)
    assert not results[fake.url]["ok"] and "nicht erreichbar" in results[fake.url]["error"]
    assert status(harvester, fake.url)["state"] == "backing off"


@pytest.mark.parametrize(("records", "page_size"), [(600, 50), (1200, 200)], ids=["transactions", "bulk-loads"])
def test_harvester_killed_mid_harvest_resumes_without_duplicates_or_gaps(tmp_path: Path, records: int, page_size: int) -> None:
    """Pages of 50 records are stored as transactions, pages of 200 through the bulk loader."""
    origin = NodeProcess(tmp_path / "origin", name="Ursprung", env={"KB_PAGE_SIZE": str(page_size)}).start()
    harvester = NodeProcess(tmp_path / "harvester", name="Sammler", env={"KB_PUSH_NOTIFICATIONS": "false"}).start()
    try:
        with origin.client(timeout=300) as c:
            items = [{**HELLWEG, "title": f"Kooperation {i}", "key": f"k-{i}"} for i in range(records)]
            for start in range(0, records, 200):
                c.post("/api/import", json=items[start:start + 200]).raise_for_status()
        with harvester.client() as c:
            c.post("/api/peers", json={"url": origin.url}).raise_for_status()

        def run_sync() -> None:
            try:
                with harvester.client(timeout=300) as c:
                    c.post("/api/peers/sync")
            except httpx.HTTPError:
                pass  # killed under our feet

        threading.Thread(target=run_sync, daemon=True).start()
        deadline = time.monotonic() + 120
        while True:
            with harvester.client() as c:
                held = c.get("/healthz").json()["records"]
            if held >= 60:
                break
            assert time.monotonic() < deadline, "harvest did not start"
            time.sleep(0.05)
        harvester.kill9()
        assert held < records, "harvest finished before the kill; make it bigger"
        harvester.start()
        with harvester.client() as c:
            after_crash = c.get("/healthz").json()
            assert after_crash["records"] == after_crash["lastSeq"]  # every stored record logged once
        results = sync(harvester)
        assert results[origin.url]["ok"]
        with harvester.client() as c:
            health = c.get("/healthz").json()
            assert health["records"] == records and health["lastSeq"] == records  # no gaps, no duplicates
            (peer,) = c.get("/api/peers").json()["peers"]
            assert peer["cursor"]["position"] == records
    finally:
        harvester.stop()
        origin.stop()
