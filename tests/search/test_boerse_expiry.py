"""Expired Börse entries leave search as they leave the Börse: after their last day ("gültig bis").

The entry stays stored, indexed and federated; only which day it is decides (Europe/Berlin, the
Börse board's clock), so nothing has to run at midnight.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from kb.ontology.filters import Filters
from tests.conftest import HELLWEG, WELVER_REQUEST
from tests.search.conftest import publish, search_of

REQUEST: dict[str, Any] = {**WELVER_REQUEST, "validUntil": date.today().isoformat()}


def test_an_expired_entry_is_no_longer_found(small_node: Callable[..., Any]) -> None:
    node = small_node()
    project, request = publish(node, HELLWEG, REQUEST)
    search = search_of(node)
    assert search.wait_until_current(120)

    def found(**kwargs: Any) -> set[str]:
        return {h.id for h in search.search("Standesamt gemeinsam", limit=20, **kwargs).results}

    def browsed() -> tuple[set[str], dict[str, int]]:
        result = search.browse(limit=50)
        return {h.id for h in result.results}, result.facets["type"]

    assert {project, request} <= found(), "valid through today: found"
    try:
        search.today = lambda: date.today() + timedelta(days=1)
        assert request not in found() and project in found()
        assert request not in found(filters=Filters(record_type="cooperationRequest"))
        listed, types = browsed()
        assert request not in listed and project in listed
        assert "cooperationRequest" not in types, "the facets count only what is found"
    finally:
        search.today = date.today
    assert request in found(), "the entry itself is untouched"
