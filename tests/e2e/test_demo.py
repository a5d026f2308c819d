"""Acceptance: `kb demo` starts, syncs, every node (the municipal ones too) holds the whole network and
knows all six nodes, and a project from one municipal node reaches another municipal node and the
Hessian node (verified, with its origin's signature) within seconds, and so does its withdrawal."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import HELLWEG
from tests.e2e.processes import REPO

pytestmark = pytest.mark.slow


def free_block(size: int = 6) -> int:
    """A base port with ``size`` free ports after it."""
    for base in range(20000 + os.getpid() % 20000, 60000, 17):
        sockets = []
        try:
            for port in range(base, base + size):
                s = socket.socket()
                s.bind(("127.0.0.1", port))
                sockets.append(s)
            return base
        except OSError:
            continue
        finally:
            for s in sockets:
                s.close()
    raise RuntimeError("no free port block")


def wait_for(check, timeout: float) -> float:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < timeout, "not reached in time"
        time.sleep(0.1)
    return time.monotonic() - started


def test_demo_federates_and_propagates(tmp_path: Path) -> None:
    base = free_block()
    log = (tmp_path / "demo.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "kb.cli", "demo", "--data-dir", str(tmp_path / "demo"), "--base-port", str(base), "--no-search",
         "--sync-interval", "30"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=log, env={**os.environ, "KB_LOG_LEVEL": "WARNING"},
    )
    try:
        assert proc.stdout is not None
        output = b""
        deadline = time.monotonic() + 120
        while b"Strg+C" not in output:
            assert time.monotonic() < deadline and proc.poll() is None, output.decode(errors="replace")
            output += proc.stdout.readline()
        text = output.decode()
        assert "alles abgeglichen" in text and "Hessischer Städte- und Gemeindebund" in text
        token = (tmp_path / "demo" / "admin-token").read_text().strip()
        assert token in text
        wuppertal, soest, hessen = (f"http://127.0.0.1:{base + i}" for i in (0, 2, 5))
        with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=30) as c:
            everything = c.get(f"http://127.0.0.1:{base + 4}/healthz").json()["records"]
            for i in range(6):  # every node holds the whole network, not only its own projects
                assert c.get(f"http://127.0.0.1:{base + i}/healthz").json()["records"] == everything, base + i
            nodes = c.get(f"{wuppertal}/api/network/nodes").json()["nodes"]
            assert len(nodes) == 6 and {n["url"] for n in nodes} == {f"http://127.0.0.1:{base + i}" for i in range(6)}
            network_page = httpx.get(f"{wuppertal}/netzwerk").text
            assert all(n["name"] in network_page for n in nodes)
            created = c.post(f"{soest}/api/projects", json={**HELLWEG, "title": "Abnahme über den Aggregator"}).json()

            def on(node: str) -> httpx.Response:
                return c.get(f"{node}/api/projects/{created['id']}", headers={"Accept": "application/json"})

            wait_for(lambda: on(wuppertal).status_code == 200, timeout=30)  # municipal to municipal, through the aggregator
            wait_for(lambda: on(hessen).status_code == 200, timeout=35)  # one interval plus a few seconds
            for node in (wuppertal, hessen):
                provenance = on(node).json()["provenance"]
                assert provenance["verified"] and provenance["origin"] == f"{soest}/node"
            c.delete(f"{soest}/api/projects/{created['key']}").raise_for_status()
            wait_for(lambda: on(wuppertal).status_code == 410 and on(hessen).status_code == 410, timeout=35)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
            if proc.stdout is not None:
                proc.stdout.close()
            log.close()
    assert proc.returncode == 0
