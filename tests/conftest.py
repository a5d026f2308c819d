"""Fixtures: real nodes on disk, served over real HTTP on loopback."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ADMIN_TOKEN = "test-admin-token-long-enough-0123"
REPO = Path(__file__).resolve().parents[1]


@contextmanager
def serve_http(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A small real HTTP server on a free loopback port, for the duration of a ``with`` block: its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


STORE_SERVERS: dict[str, Any] = {}
"""With ``KB_TEST_STORE=server`` every node of the tests keeps its catalogue on its own ``oxigraph serve``
(started here, stopped with the node or at the end), so the API tests run on the server backend too."""


def _store_server_for(data_dir: Path) -> str:
    from tests.oxigraph_server import OxigraphServer

    server = OxigraphServer(data_dir.parent / f"{data_dir.name}-oxigraph", free_port()).start()
    STORE_SERVERS[server.url] = server
    return server.url


@pytest.fixture(scope="session", autouse=True)
def _stop_store_servers() -> Iterator[None]:
    yield
    for server in STORE_SERVERS.values():
        server.stop()


def make_settings(data_dir: Path, port: int | None = None, **overrides: Any):  # type: ignore[no-untyped-def]
    from kb.config import Settings

    port = port or free_port()
    if os.environ.get("KB_TEST_STORE") == "server" and "store" not in overrides:
        overrides["store"] = _store_server_for(data_dir)
    values: dict[str, Any] = {
        "data_dir": data_dir,
        "port": port,
        "admin_token": ADMIN_TOKEN,
        "name": f"Testknoten {port}",
        "operator": "Testbetrieb",
        "search_enabled": False,
        "sync_interval": 0,
        "outbound_allow_networks": "127.0.0.0/8",  # the test nodes federate on loopback
    }
    values.update(overrides)
    return Settings(**values)


class LiveNode:
    """A node served by uvicorn on 127.0.0.1 in a background thread of the test process."""

    def __init__(self, settings: Any) -> None:
        import uvicorn

        from kb.api import create_app
        from kb.node import Node

        self.settings = settings
        self.node = Node(settings)
        self.app = create_app(self.node)
        self.url = self.node.base_url
        config = uvicorn.Config(self.app, host="127.0.0.1", port=settings.port, log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> LiveNode:
        self.node.start()
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.02)
        return self

    def client(self, token: str | None = ADMIN_TOKEN, **kwargs: Any) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=30, **kwargs)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.node.close()
        store = STORE_SERVERS.pop(self.settings.store or "", None)
        if store is not None:
            store.stop()


@pytest.fixture
def node_factory(tmp_path: Path) -> Iterator[Callable[..., LiveNode]]:
    started: list[LiveNode] = []

    def factory(name: str = "node", **overrides: Any) -> LiveNode:
        live = LiveNode(make_settings(tmp_path / name, **overrides)).start()
        started.append(live)
        return live

    yield factory
    for live in reversed(started):
        live.stop()


@pytest.fixture
def live(node_factory: Callable[..., LiveNode]) -> LiveNode:
    return node_factory()


@pytest.fixture
def admin(live: LiveNode) -> Iterator[httpx.Client]:
    with live.client() as client:
        yield client


@pytest.fixture
def anonymous(live: LiveNode) -> Iterator[httpx.Client]:
    with live.client(token=None) as client:
        yield client


WELVER_REQUEST: dict[str, Any] = {
    "type": "cooperationRequest",
    "title": "Partner für ein gemeinsames Standesamt gesucht",
    "description": "Die Gemeinde Welver sucht Nachbarn, mit denen sie die Aufgaben des Standesamts gemeinsam erledigen kann.",
    "participants": ["Welver"],
    "state": "NW",
    "taskAreas": ["02"],
}
"""A Börse request near the Hellweg cooperation, without its last day (each test sets ``validUntil``)."""

HELLWEG: dict[str, Any] = {
    "type": "sharedServiceCenter",
    "title": "Standesamtverbund Hellweg",
    "description": "Die Stadt Erwitte und die Gemeinden Anröchte und Bad Sassendorf betreiben ein gemeinsames Standesamt mit digitalisierten Abläufen.",
    "participants": ["Erwitte", "Anröchte", "Bad Sassendorf"],
    "lead": "Erwitte",
    "state": "NW",
    "taskAreas": ["Standesamt"],
    "legalForm": "oerv-delegierend",
    "status": "im-betrieb",
    "startDate": "2023-01-01",
    "keywords": ["Standesamt", "Personenstandswesen"],
    "website": "https://www.erwitte.de/",
    "visibility": "public",
}


@pytest.fixture
def hellweg() -> dict[str, Any]:
    return {k: (list(v) if isinstance(v, list) else v) for k, v in HELLWEG.items()}


# `make test` runs the suite on two workers (pytest-xdist, `--dist loadgroup`). A file's tests stay
# together on one worker, in their order (a file's fixtures and its order are its own business);
# files that share an expensive session fixture share a group, so the fixture is built once.
SHARED_SESSION_GROUPS = {
    "tests/e2e/test_browser": "browser",  # one Chromium and the seeded Kreis Soest node with search
    "tests/search/": "search",  # the seeded node with its search index
    "tests/inventory/": "inventory",  # the seeded node the figures are read from
}

LONGEST_FIRST = (
    "tests/security/test_fuzz.py",
    "tests/e2e/test_federation_faults.py",
    "browser",
    "tests/security/test_erasure.py",
    "tests/e2e/test_federation_chain.py",
    "tests/e2e/test_crash_consistency.py",
    "search",
)
"""Groups that take minutes start first, so that no worker begins one while the other sits idle
at the end (the longest-processing-time-first rule). Order within a group is unchanged."""


def _group_of(item: pytest.Item) -> str:
    path = item.nodeid.split("::", 1)[0]
    return next((group for prefix, group in SHARED_SESSION_GROUPS.items() if path.startswith(prefix)), path)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.xdist_group(_group_of(item)))
    if getattr(config.option, "numprocesses", None):
        rank = {group: i for i, group in enumerate(LONGEST_FIRST)}
        items.sort(key=lambda item: rank.get(_group_of(item), len(rank)))  # stable: files keep their order
