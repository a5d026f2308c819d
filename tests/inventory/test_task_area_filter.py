"""The Bestandsaufnahme for chosen task areas: ``taskArea`` (repeatable) on the page, the API, the CSV and the reports.

Task areas select records (any of the chosen ones) and narrow each record to them; the region's
municipalities stay every denominator. Unknown values are the same German/English 422 as elsewhere.
"""

from __future__ import annotations

import io
import re
from typing import Any

import httpx
import pytest

from tests.inventory.expect import areas, in_scope, municipalities, parse_csv, register
from tests.inventory.test_report import fetch_report, german

CHOSEN = ["02", "Standesamt"]
"""By code and by name (a term of the vocabulary): the resolver of every filter."""


def chosen_codes(client: httpx.Client) -> set[str]:
    scope = client.get("/api/inventory", params=[("state", "NW"), *(("taskArea", a) for a in CHOSEN)]).json()["scope"]
    return {a["code"] for a in scope["taskAreas"]}


@pytest.fixture(scope="module")
def filtered(seeded_anonymous: httpx.Client) -> dict[str, Any]:
    answer = seeded_anonymous.get("/api/inventory", params=[("state", "NW"), *(("taskArea", a) for a in CHOSEN)])
    assert answer.status_code == 200, answer.text
    return answer.json()  # type: ignore[no-any-return]


def test_the_api_counts_only_records_in_the_chosen_task_areas(seeded_anonymous: httpx.Client, filtered: dict[str, Any],
                                                               public_records: list[dict[str, Any]]) -> None:
    codes = {a["code"] for a in filtered["scope"]["taskAreas"]}
    assert "02" in codes and len(codes) >= 1
    mine = [r for r in public_records if in_scope(r, "NW") and set(areas(r)) & codes]
    assert mine, "the seed data have NW records in these task areas"
    t = filtered["totals"]
    assert t["projects"] == len(mine) == filtered["scope"]["records"]
    assert t["illustrative"] == sum(1 for r in mine if r.get("illustrative"))
    everything = seeded_anonymous.get("/api/inventory", params={"state": "NW"}).json()["totals"]
    assert t["municipalities"] == everything["municipalities"], "the region's municipalities stay the denominator"
    cooperating = {a for r in mine for a in municipalities(r) if register.get(a).land_code == "NW"}  # type: ignore[union-attr]
    assert t["municipalitiesCooperating"] == len(cooperating)
    assert {row["code"] for row in filtered["byTaskArea"]} <= codes | {"unbekannt"}, "only the chosen areas are counted"
    assert "Aufgabenbereich" in filtered["scope"]["label"] and "02 " in filtered["scope"]["label"]


def test_the_other_figures_and_the_csv_follow_the_filter(seeded_anonymous: httpx.Client, filtered: dict[str, Any]) -> None:
    params = [("state", "NW"), *(("taskArea", a) for a in CHOSEN)]
    codes = {a["code"] for a in filtered["scope"]["taskAreas"]}
    rows = seeded_anonymous.get("/api/inventory/task-areas", params=params).json()["items"]
    assert {r["code"] for r in rows} == codes
    matrix = seeded_anonymous.get("/api/inventory/matrix", params=params).json()
    assert {c["code"] for c in matrix["columns"]} == codes and matrix["total"] + matrix["unplaced"] == filtered["totals"]["projects"]
    priorities = seeded_anonymous.get("/api/inventory/priorities", params=params).json()["items"]
    assert {p["taskArea"]["code"] for p in priorities} <= codes
    potentials = seeded_anonymous.get("/api/inventory/potentials", params=params).json()["items"]
    assert {p["taskArea"]["code"] for p in potentials} <= codes
    answer = seeded_anonymous.get("/api/inventory", params=[*params, ("format", "csv")])
    assert answer.status_code == 200 and "aufgaben-" in answer.headers["content-disposition"]
    projects = next(r for r in parse_csv(answer.content) if r["Code"] == "projects")
    assert int(projects["Wert"]) == filtered["totals"]["projects"]


@pytest.mark.parametrize("path", ["/api/inventory", "/api/inventory/potentials", "/bestandsaufnahme/bericht.pdf",
                                  "/bestandsaufnahme/bericht.docx"])
def test_an_unknown_task_area_is_a_422_in_german_and_english(seeded_anonymous: httpx.Client, path: str) -> None:
    answer = seeded_anonymous.get(path, params=[("state", "NW"), ("taskArea", "02"), ("taskArea", "Mondlandung")])
    assert answer.status_code == 422, answer.text[:300]
    body = answer.json()
    assert body["message"] and body["message_en"]
    assert any(v.get("field") == "taskArea" and v.get("value") == "Mondlandung" for v in body.get("violations", [])), body


def test_too_many_task_areas_are_refused(seeded_anonymous: httpx.Client) -> None:
    answer = seeded_anonymous.get("/api/inventory", params=[("taskArea", "02")] * 41)
    assert answer.status_code == 422


def test_the_page_offers_the_task_areas_and_keeps_them_in_every_link(seeded_anonymous: httpx.Client) -> None:
    page = seeded_anonymous.get("/bestandsaufnahme", params=[("state", "NW"), ("taskArea", "02")])
    assert page.status_code == 200
    text = page.text
    assert re.search(r'<input type="checkbox" name="taskArea" value="02" checked>', text)
    assert 'name="taskArea" value="05" >' in text or 'name="taskArea" value="05">' in text
    assert 'href="/bestandsaufnahme/bericht.pdf?land=NW&amp;taskArea=02"' in text
    assert 'href="/api/inventory/task-areas?format=csv&amp;state=NW&amp;taskArea=02"' in text
    assert "Aufgabenbereich 02 " in text
    bad = seeded_anonymous.get("/bestandsaufnahme", params=[("state", "NW"), ("taskArea", "Mondlandung")])
    assert bad.status_code == 422 and 'role="alert"' in bad.text


@pytest.mark.slow
def test_a_report_for_chosen_task_areas_states_them_and_has_the_apis_totals(seeded_anonymous: httpx.Client) -> None:
    from docx import Document
    from pypdf import PdfReader

    chosen = [("taskArea", "01"), ("taskArea", "Sicherheit und Ordnung")]  # a Kreis: a small report, quickly built
    api = seeded_anonymous.get("/api/inventory", params=[("kreis", "05974"), *chosen]).json()
    scope, totals = api["scope"], api["totals"]
    assert totals["projects"] > 0
    names = ", ".join(f"{a['code']} {a['label']}" for a in scope["taskAreas"])
    assert names == "01 Innere Verwaltung, 02 Sicherheit und Ordnung"
    pdf = fetch_report(seeded_anonymous, "pdf", [("kreis", "Soest"), *chosen])  # type: ignore[arg-type]
    assert pdf.status_code == 200, pdf.text[:300]
    assert 'filename="bestandsaufnahme-05974-aufgaben-01-02.pdf"' in pdf.headers["content-disposition"]
    pages = [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(pdf.content)).pages]
    assert f"Aufgabenbereiche nur {names}" in pages[0], pages[0]
    text = " ".join(pages)
    assert f"Für {scope['label']} sind {german(totals['projects'])} Kooperationen erfasst, davon {german(totals['active'])} geplant oder aktiv" in text
    assert f"{german(totals['municipalitiesCooperating'])} von {german(totals['municipalities'])} bewohnten Kommunen" in text
    docx = fetch_report(seeded_anonymous, "docx", [("kreis", "05974"), *chosen])  # type: ignore[arg-type]
    lines = [p.text for p in Document(io.BytesIO(docx.content)).paragraphs]
    assert f"Aufgabenbereiche: {names}" in lines
    assert any(f"sind {german(totals['projects'])} Kooperationen erfasst" in line for line in lines)
