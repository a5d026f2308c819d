"""Search fixtures: small nodes with the real model, and one seeded node shared by the module."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kb.auth import Principal
from tests.conftest import HELLWEG, LiveNode, make_settings

ADMIN = Principal("admin", "test", "Test")

PROJECTS: list[dict[str, Any]] = [
    HELLWEG,
    {
        "type": "sharedServiceCenter",
        "title": "Bergisches Veterinär- und Lebensmittelüberwachungsamt",
        "description": "Remscheid, Solingen und Wuppertal kontrollieren Lebensmittelbetriebe gemeinsam und bekämpfen Tierseuchen.",
        "participants": ["Remscheid", "Solingen", "Wuppertal"],
        "state": "NW",
        "taskAreas": ["02", "07"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "keywords": ["Veterinäramt", "Lebensmittelüberwachung"],
    },
    {
        "title": "Zentrale Vergabestelle Dinslaken und Voerde",
        "description": "Die Städte schreiben Bauleistungen und Lieferungen über eine gemeinsame Vergabestelle aus.",
        "participants": ["Dinslaken", "Voerde (Niederrhein)"],
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "keywords": ["Vergabe", "Beschaffung"],
    },
    {
        "title": "Abwasserkooperation Korbach",
        "description": "Zwei hessische Gemeinden betreiben ihre Kläranlage gemeinsam.",
        "participants": ["Korbach", "Diemelsee"],
        "state": "HE",
        "taskAreas": ["11"],
        "legalForm": "zweckverband",
        "status": "im-betrieb",
        "keywords": ["Abwasser", "Kläranlage"],
        "visibility": "network",
    },
]


JOINT_REGISTRY_OFFICES = {"Standesamtverbund Hellweg", "Standesamt „Untere Lenne“ Altena und Nachrodt-Wiblingwerde",
                          "Gemeinsamer Standesamtsbezirk Korbach und Diemelsee", "Standesamt Reinfeld – Nordstormarn",
                          "Interkommunale Zusammenarbeit im Standesamtswesen Waldkappel, Wehretal, Weißenborn und Ringgau"}
"""The real joint registry offices of the seed data, each "the answer" (grade 3) in the dev set."""


def publish(node: Any, *projects: dict[str, Any]) -> list[str]:
    """Import projects as the admin; returns their IRIs in order."""
    before = set(node.catalog.iter_live_records())
    report = node.publisher.import_items(ADMIN, [(p["title"], dict(p)) for p in projects])
    assert not report.failed, report.failed
    after = list(node.catalog.iter_live_records())
    titles = {node.catalog.summary(i)["title"]: i for i in after if i not in before or True}
    return [titles[p["title"]] for p in projects]


def close(node: Any) -> None:
    """Stop a node in the middle of a test (the fixture then leaves it alone)."""
    node.close()
    node.closed_by_test = True


def search_of(node: Any) -> Any:
    return node.extensions["search"]


@pytest.fixture
def small_node(tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """A factory of started nodes (no HTTP) with search on, on a given data directory."""
    from kb.node import Node

    opened: list[Any] = []

    def factory(name: str = "node", **overrides: Any) -> Any:
        values: dict[str, Any] = {"port": 8000 + len(opened), "search_enabled": True, **overrides}
        node = Node(make_settings(tmp_path / name, **values))
        node.start()
        opened.append(node)
        return node

    yield factory
    for node in reversed(opened):
        if not getattr(node, "closed_by_test", False):
            node.close()


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveNode]:
    """One node over HTTP with all seed projects and the small test projects, fully indexed."""
    from kb.cli.node import seed_node

    live = LiveNode(make_settings(tmp_path_factory.mktemp("seeded"), search_enabled=True))
    seed_node(live.node)
    publish(live.node, *PROJECTS[3:])  # a 'network' record for visibility tests
    live.start()
    assert search_of(live.node).wait_until_current(300)
    yield live
    live.stop()
