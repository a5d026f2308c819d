"""Nodes for the inventory specifications: one seeded node shared read-only, and scenario nodes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import LiveNode, make_settings


def start_node(tmp_path_factory: pytest.TempPathFactory, name: str, seed: bool) -> LiveNode:
    from kb.cli.node import seed_node

    live = LiveNode(make_settings(tmp_path_factory.mktemp(name)))
    if seed:
        report = seed_node(live.node)
        assert not report.failed, report.failed
    return live.start()


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveNode]:
    """A real node with the seed projects. Read-only: tests that change data use their own node."""
    live = start_node(tmp_path_factory, "seeded", seed=True)
    yield live
    live.stop()


@pytest.fixture(scope="session")
def seeded_admin(seeded: LiveNode) -> Iterator[httpx.Client]:
    with seeded.client() as client:
        yield client


@pytest.fixture(scope="session")
def seeded_anonymous(seeded: LiveNode) -> Iterator[httpx.Client]:
    with seeded.client(token=None) as client:
        yield client


def fetch_records(client: httpx.Client) -> list[dict[str, Any]]:
    """Every record the client may see, in its full JSON form (from the records API, not the inventory)."""
    keys: list[str] = []
    offset = 0
    while True:
        page = client.get("/api/projects", params={"limit": 200, "offset": offset}).json()
        keys.extend(item["key"] for item in page["items"])
        offset += 200
        if offset >= page["total"]:
            break
    return [client.get(f"/api/projects/{key}").json() for key in keys]


@pytest.fixture(scope="session")
def public_records(seeded_anonymous: httpx.Client) -> list[dict[str, Any]]:
    return fetch_records(seeded_anonymous)


@pytest.fixture(scope="session")
def all_records(seeded_admin: httpx.Client) -> list[dict[str, Any]]:
    return fetch_records(seeded_admin)
