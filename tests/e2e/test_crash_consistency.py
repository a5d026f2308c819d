"""kill -9 at any moment leaves every record at its old or its new version, never a mix."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import HELLWEG
from tests.e2e.processes import NodeProcess

pytestmark = pytest.mark.slow


def _writer(url: str, keys: list[str], stop: threading.Event, acknowledged: dict[str, int], token: str) -> None:
    """PUT new versions in a loop; remember the last version the server confirmed per record."""
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=5) as client:
        n = 0
        while not stop.is_set():
            key = keys[n % len(keys)]
            n += 1
            body = {**HELLWEG, "title": f"Standesamtverbund Hellweg Fassung {n}", "description": HELLWEG["description"] + f" Änderung {n}."}
            try:
                response = client.put(f"/api/projects/{key}", json=body)
            except httpx.HTTPError:
                return
            if response.status_code == 200:
                acknowledged[key] = response.json()["version"]


@pytest.mark.parametrize("round_", range(3))
def test_store_is_consistent_after_kill_9_during_writes(tmp_path: Path, round_: int) -> None:
    from kb.node import Node
    from tests.conftest import ADMIN_TOKEN, make_settings

    node = NodeProcess(tmp_path / "node").start()
    with node.client() as client:
        keys = [client.post("/api/projects", json={**HELLWEG, "title": f"Verbund {i}"}).json()["key"] for i in range(4)]
    stop = threading.Event()
    acknowledged: dict[str, int] = {}
    writers = [threading.Thread(target=_writer, args=(node.url, keys, stop, acknowledged, ADMIN_TOKEN)) for _ in range(2)]
    for w in writers:
        w.start()
    time.sleep(1.0 + random.random() * 2.0)
    node.kill9()
    stop.set()
    for w in writers:
        w.join(timeout=10)

    reopened = Node(make_settings(tmp_path / "node", port=node.port))
    try:
        assert reopened.catalog.check_integrity() == []
        for key, version in acknowledged.items():
            meta = reopened.catalog.meta(f"{node.url}/projects/{key}")
            assert meta is not None and meta.version >= version, "an acknowledged write was lost"
        assert sum(acknowledged.values()) > len(keys), "the writers did not get to write"
    finally:
        reopened.close()
    node = NodeProcess(tmp_path / "node", port=node.port).start()
    with node.client() as client:
        for key in keys:
            assert client.get(f"/api/projects/{key}").status_code == 200
    node.stop()
