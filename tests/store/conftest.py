"""The catalogue tests run on both backends: the embedded store and a real ``oxigraph serve``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kb.store import Catalog
from kb.store.model import SealedVersion, canonical_ntriples
from tests.conftest import free_port
from tests.oxigraph_server import OxigraphServer

NODE = "http://127.0.0.1:9/node"


def seal(record, triples, *, version, kind, timestamp, visibility, erased_before=0):  # type: ignore[no-untyped-def]
    return SealedVersion(member=f"{record}/versions/{version}", payload=canonical_ntriples(triples))


@pytest.fixture(scope="session")
def store_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "data", free_port()).start()
    yield server
    server.stop()


@pytest.fixture(params=["embedded", "server"])
def open_catalog(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[..., Catalog]]:
    """Opens the catalogue of this test (again, for tests that reopen it), on one backend."""
    opened: list[Catalog] = []
    if request.param == "server":
        server: OxigraphServer = request.getfixturevalue("store_server")
        server.clear()

    def open_(**kwargs: Any) -> Catalog:
        kwargs.setdefault("sealer", seal)
        kwargs.setdefault("node_iri", NODE)
        if request.param == "server":
            from kb.store.server import ServerCatalog

            catalog: Catalog = ServerCatalog(server.url, **kwargs)
        else:
            from kb.store.oxigraph import OxigraphCatalog

            catalog = OxigraphCatalog(tmp_path / "store", **kwargs)
        opened.append(catalog)
        return catalog

    yield open_
    for catalog in opened:
        catalog.close()


@pytest.fixture
def catalog(open_catalog: Callable[..., Catalog]) -> Catalog:
    return open_catalog()
