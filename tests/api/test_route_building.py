"""A node answers its first requests without building routes in its server threads.

FastAPI builds a route's validators inside ``warnings.catch_warnings()``, which swaps the
process-wide warning filters and is not thread-safe; built lazily in a server thread, it raced
with other threads and turned a node's first ``GET /netzwerk`` into a 500 in CI. ``create_app``
now builds every route in the thread that creates the app (``kb.api.app.build_routes_now``).
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import LiveNode


def test_first_requests_leave_the_warning_filters_alone(node_factory: Callable[..., LiveNode], monkeypatch: pytest.MonkeyPatch) -> None:
    node = node_factory("fresh")
    swapped_in: list[str] = []
    real = warnings.catch_warnings

    class Recording(real):  # type: ignore[misc,valid-type]
        def __enter__(self) -> Any:
            swapped_in.append(threading.current_thread().name)
            return super().__enter__()

    monkeypatch.setattr(warnings, "catch_warnings", Recording)
    with node.client(token=None) as anonymous:
        for path in ("/netzwerk", "/api/projects", "/api/peers", "/", "/suche?q=Standesamt", "/bestandsaufnahme",
                     "/projects/does-not-exist", "/api/search?q=Standesamt", "/sparql?query=ASK%7B%7D"):
            assert anonymous.get(path).status_code < 500, path
    assert [name for name in swapped_in if name != threading.main_thread().name] == []
