"""The stored summary of a record says the same as its JSON form, for every kind of record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kb.cli.node import seed_node
from kb.node import Node
from tests.conftest import make_settings


def summary_from_json(full: dict[str, Any], register: Any) -> dict[str, Any]:
    """The summary's fields as the record's JSON form (``RecordMapper.to_json``) gives them."""
    known = [m for p in full["participants"] if p.get("ags") and (m := register.get(p["ags"])) is not None]

    def code(value: dict[str, str] | None) -> str | None:
        return value["code"] if value else None

    return {
        "type": full["type"], "title": full["title"], "taskAreas": [c["code"] for c in full["taskAreas"]],
        "legalForm": code(full["legalForm"]), "status": code(full["status"]), "state": code(full["state"]),
        "country": full["country"],
        "participants": [p.get("ags") or p["id"] for p in full["participants"]],
        "participantNames": [p["name"] for p in full["participants"]],
        "lead": next((p.get("ags") or p["id"] for p in full["participants"] if p["lead"]), None),
        "kreise": sorted({m.kreis_key for m in known}), "regierungsbezirke": sorted({m.rb_key for m in known}),
        "states": sorted({m.land_code for m in known}),
        "digitalDelivery": code(full["digitalDelivery"]), "vat2b": code(full["vat2b"]),
        "funding": full["fundingProgramme"], "startDate": full["startDate"], "keywords": full["keywords"],
        "illustrative": full["illustrative"], "visibility": full["visibility"], "hasFigures": bool(full["outcomeFigures"]),
        "validUntil": full["validUntil"],
    }


def test_summaries_of_the_seed_and_of_generated_records_agree_with_their_json_form(tmp_path: Path) -> None:
    from bench.generated import generate

    node = Node(make_settings(tmp_path / "node"))
    try:
        seed_node(node)
        for item in generate(300, node.register):
            data = dict(item)
            key = data.pop("key")
            graph = node.publisher.graph_from_json(node.publisher.iri_for_key(key), data)
            full = node.mapper.to_json(graph.iri, graph.triples)
            assert node.mapper.summarize(graph.iri, graph.triples) == summary_from_json(full, node.register), key
        checked = 0
        for iri in node.catalog.iter_live_records():
            stored = node.catalog.get(iri)
            assert stored is not None
            full = node.mapper.to_json(iri, stored.triples)
            assert node.mapper.summarize(iri, stored.triples) == summary_from_json(full, node.register), iri
            checked += 1
        assert checked >= 20
    finally:
        node.close()
