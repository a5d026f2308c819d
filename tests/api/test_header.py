"""The page header names the node and its operator once each (issue 16: it repeated the node's name)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import LiveNode, make_settings


@pytest.mark.parametrize(("name", "operator", "shown"), [
    ("Stadt Wuppertal", "Stadt Wuppertal – Bergisches Städtedreieck", "Stadt Wuppertal – Bergisches Städtedreieck"),
    ("Kreis Soest", "Kreis Soest", "Kreis Soest"),
    ("Kreis Soest", "Kommunales Rechenzentrum", "Kreis Soest · Kommunales Rechenzentrum"),
])
def test_the_header_names_the_node_once(tmp_path: Path, name: str, operator: str, shown: str) -> None:
    live = LiveNode(make_settings(tmp_path / "node", name=name, operator=operator)).start()
    try:
        with live.client(token=None) as web:
            page = web.get("/", headers={"Accept": "text/html"}).text
    finally:
        live.stop()
    brand = re.search(r'<a class="brand" href="/">.*?<small>(.*?)</small>', page, re.S)
    assert brand is not None and brand.group(1) == shown
