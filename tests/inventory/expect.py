"""Expected figures, worked out independently from the records' JSON and the register."""

from __future__ import annotations

import csv
import io
from typing import Any

from kb.node import shared_register

register = shared_register()


def municipalities(record: dict[str, Any]) -> list[str]:
    """AGS of the participating municipalities that the register knows."""
    return [p["ags"] for p in record["participants"] if p.get("ags") and register.get(p["ags"])]


def in_region(ags: str, state: str | None = None, rb: str | None = None, kreis: str | None = None) -> bool:
    m = register.get(ags)
    assert m is not None
    return (state is None or m.land_code == state) and (rb is None or m.rb_key == rb) and (kreis is None or m.kreis_key == kreis)


def in_scope(record: dict[str, Any], state: str | None = None, rb: str | None = None, kreis: str | None = None) -> bool:
    if not (state or rb or kreis):
        return True
    munis = municipalities(record)
    if munis:
        return any(in_region(a, state, rb, kreis) for a in munis)
    return rb is None and kreis is None and (record.get("state") or {}).get("code") == state


def code(record: dict[str, Any], field: str) -> str:
    value = record.get(field)
    return value["code"] if value else "unbekannt"


def areas(record: dict[str, Any]) -> list[str]:
    return [c["code"] for c in record["taskAreas"]]


def parse_csv(body: bytes) -> list[dict[str, str]]:
    """A download as German Excel reads it: UTF-8 with BOM, semicolons."""
    assert body.startswith("\ufeff".encode()), "UTF-8 byte order mark for Excel"
    text = body.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def number(text: str) -> float:
    """A German number cell (decimal comma) as float."""
    return float(text.replace(",", "."))


PROJECT = {
    "type": "project",
    "description": "Eine Testkooperation für die Bestandsaufnahme mit ausreichend langer Beschreibung.",
    "state": "NW",
    "legalForm": "oerv-mandatierend",
    "status": "im-betrieb",
    "visibility": "public",
}


def project(title: str, participants: list[str], areas: list[str], **fields: Any) -> dict[str, Any]:
    """A record to publish in a scenario (participants by AGS)."""
    return {**PROJECT, "title": title, "participants": participants, "taskAreas": areas, **fields}
