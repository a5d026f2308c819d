"""Fixtures for federation tests: projects to publish, and helpers to link and sync live nodes."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.conftest import ADMIN_TOKEN, HELLWEG, LiveNode


def project(title: str, **changes: Any) -> dict[str, Any]:
    """A valid project (the Hellweg example) under another title."""
    data = copy.deepcopy(HELLWEG)
    data["title"] = title
    data.update(changes)
    return data


def publish(node: LiveNode, data: dict[str, Any]) -> str:
    with node.client() as c:
        r = c.post("/api/projects", json=data)
        assert r.status_code == 201, r.text
        return str(r.json()["id"])


def withdraw(node: LiveNode, iri: str) -> None:
    with node.client() as c:
        r = c.delete("/api/projects/" + iri.rsplit("/", 1)[1])
        assert r.status_code == 200, r.text


def add_peer(harvester: LiveNode, peer: LiveNode, token: str | None = None) -> dict[str, Any]:
    with harvester.client() as c:
        r = c.post("/api/peers", json={"url": peer.url, **({"token": token} if token else {})})
        assert r.status_code == 201, r.text
        return dict(r.json())


def sync(node: LiveNode) -> dict[str, Any]:
    with node.client() as c:
        r = c.post("/api/peers/sync")
        assert r.status_code == 200, r.text
        return dict(r.json())


def peer_token(node: LiveNode, name: str = "Partner") -> str:
    secret, _ = node.node.tokens.create(name, "peer")
    return secret


@pytest.fixture
def linked(node_factory: Callable[..., LiveNode]) -> Callable[..., tuple[LiveNode, LiveNode]]:
    """``linked()`` → (origin, harvester): the harvester has the origin as peer (push hints off)."""

    def make(**overrides: Any) -> tuple[LiveNode, LiveNode]:
        origin = node_factory("origin", push_notifications=False, **overrides)
        harvester = node_factory("harvester", push_notifications=False, **overrides)
        add_peer(harvester, origin)
        return origin, harvester

    return make


def admin_client(node: LiveNode) -> httpx.Client:
    return node.client(ADMIN_TOKEN)
