"""The inventory counts what the catalogue holds: per type, status, legal form, task area, Kreis and
municipality, for Germany, a Bundesland or a Regierungsbezirk, checked against the records
themselves (read through the records API, not through the inventory)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import httpx
import pytest

from tests.inventory.expect import areas, code, in_region, in_scope, municipalities, register

SCOPES = [
    {},
    {"state": "NW"},
    {"state": "NW", "regierungsbezirk": "059"},
    {"regierungsbezirk": "053"},
    {"state": "HE"},
]


def _scope_args(params: dict[str, str]) -> dict[str, str | None]:
    return {"state": params.get("state"), "rb": params.get("regierungsbezirk")}


def _selected(records: list[dict[str, Any]], params: dict[str, str]) -> list[dict[str, Any]]:
    return [r for r in records if in_scope(r, **_scope_args(params))]


@pytest.mark.parametrize("params", SCOPES, ids=lambda p: "-".join(p.values()) or "all")
def test_overview_counts_each_visible_record_once_by_type_status_and_legal_form(
    seeded_anonymous: httpx.Client, public_records: list[dict[str, Any]], params: dict[str, str]
) -> None:
    selected = _selected(public_records, params)
    body = seeded_anonymous.get("/api/inventory", params=params).json()

    assert body["scope"]["records"] == body["totals"]["projects"] == len(selected)
    assert body["totals"]["sharedServiceCenters"] == sum(r["type"] == "sharedServiceCenter" for r in selected)
    assert body["totals"]["smartCityInitiatives"] == sum(r["type"] == "smartCityInitiative" for r in selected)
    by_type = {row["code"]: row["projects"] for row in body["byType"]}
    assert by_type == {t: sum(r["type"] == t for r in selected) for t in ("project", "sharedServiceCenter", "smartCityInitiative")}
    for group, field in (("byStatus", "status"), ("byLegalForm", "legalForm")):
        assert {row["code"]: row["projects"] for row in body[group] if row["projects"]} == dict(Counter(code(r, field) for r in selected))
    assert {row["code"]: row["projects"] for row in body["byDigitalDelivery"] if row["projects"]} == dict(
        Counter(code(r, "digitalDelivery") for r in selected))
    assert any(row["code"] == "unbekannt" and row["label"] == "ohne Angabe" for row in body["byDigitalDelivery"])
    ssc_by_status = Counter(code(r, "status") for r in selected if r["type"] == "sharedServiceCenter")
    assert {row["code"]: row["sharedServiceCenters"] for row in body["byStatus"] if row["sharedServiceCenters"]} == dict(ssc_by_status)


@pytest.mark.parametrize("params", SCOPES, ids=lambda p: "-".join(p.values()) or "all")
def test_overview_counts_municipalities_of_the_region_that_cooperate(
    seeded_anonymous: httpx.Client, public_records: list[dict[str, Any]], params: dict[str, str]
) -> None:
    scope = _scope_args(params)
    region = [m for m in register.municipalities if in_region(m.ags, **scope) and m.population > 0]  # gemeindefreie Gebiete do not count
    cooperating = {a for r in public_records for a in municipalities(r) if in_region(a, **scope)}
    totals = seeded_anonymous.get("/api/inventory", params=params).json()["totals"]

    assert totals["municipalities"] == len(region)
    assert totals["municipalitiesCooperating"] == len(cooperating)
    assert totals["populationCooperating"] == sum(register.get(a).population for a in cooperating)  # type: ignore[union-attr]
    assert totals["kreiseCooperating"] == len({a[:5] for a in cooperating})


@pytest.mark.parametrize("params", SCOPES, ids=lambda p: "-".join(p.values()) or "all")
def test_task_areas_list_all_seventeen_produktbereiche_and_count_a_record_in_each_of_its_areas(
    seeded_anonymous: httpx.Client, public_records: list[dict[str, Any]], params: dict[str, str]
) -> None:
    selected = _selected(public_records, params)
    scope = _scope_args(params)
    body = seeded_anonymous.get("/api/inventory/task-areas", params=params).json()

    assert [row["code"] for row in body["items"]] == [f"{i:02d}" for i in range(1, 18)]
    assert body["items"][1]["label"] == "Sicherheit und Ordnung" and body["items"][1]["labelEn"] == "Public safety and order"
    assert body["total"] == len(selected)
    for row in body["items"]:
        mine = [r for r in selected if row["code"] in areas(r)]
        assert row["projects"] == len(mine), row["code"]
        assert row["sharedServiceCenters"] == sum(r["type"] == "sharedServiceCenter" for r in mine)
        assert row["municipalities"] == len({a for r in mine for a in municipalities(r) if in_region(a, **scope)})
        digital = Counter(code(r, "digitalDelivery") for r in mine)
        assert row["digital"] == {"analog": digital["analog"], "teilweiseDigital": digital["teilweise-digital"],
                                  "vollstaendigDigital": digital["vollstaendig-digital"], "unknown": digital["unbekannt"]}


def test_legal_forms_list_every_form_of_the_vocabulary_with_its_count(
    seeded_anonymous: httpx.Client, public_records: list[dict[str, Any]]
) -> None:
    selected = _selected(public_records, {"state": "NW"})
    body = seeded_anonymous.get("/api/inventory/legal-forms", params={"state": "NW"}).json()

    codes = [row["code"] for row in body["items"]]
    assert {"zweckverband", "oerv-delegierend", "oerv-mandatierend", "arbeitsgemeinschaft", "gemeinsames-kommunalunternehmen"} <= set(codes)
    assert {row["code"]: row["projects"] for row in body["items"]} == {c: sum(code(r, "legalForm") == c for r in selected) for c in codes}
    assert next(row for row in body["items"] if row["code"] == "zweckverband")["label"] == "Zweckverband"
    assert sum(row["projects"] for row in body["items"]) == body["total"]


def test_kreise_of_a_regierungsbezirk_are_all_listed_with_names_and_counts(
    seeded_anonymous: httpx.Client, public_records: list[dict[str, Any]]
) -> None:
    body = seeded_anonymous.get("/api/inventory/kreise", params={"state": "NW", "regierungsbezirk": "059"}).json()

    expected_keys = sorted({m.kreis_key for m in register.municipalities if m.rb_key == "059"})
    assert [row["key"] for row in body["items"]] == expected_keys  # zeros included
    soest = next(row for row in body["items"] if row["key"] == "05974")
    assert soest["name"] == "Soest" and soest["regierungsbezirk"] == {"key": "059", "name": "Reg.-Bez. Arnsberg"}
    assert soest["municipalities"] == len(register.in_kreis("05974"))
    for row in body["items"]:
        mine = [r for r in public_records if any(a[:5] == row["key"] for a in municipalities(r))]
        assert row["projects"] == len(mine), row["key"]
        assert row["sharedServiceCenters"] == sum(r["type"] == "sharedServiceCenter" for r in mine)
        assert row["municipalitiesCooperating"] == len({a for r in mine for a in municipalities(r) if a[:5] == row["key"]})
    assert body["unplaced"] == 0  # a Regierungsbezirk holds only records placed by their municipalities


def test_dot_map_has_every_municipality_of_the_region_with_coordinates_and_its_count(
    seeded_anonymous: httpx.Client, public_records: list[dict[str, Any]]
) -> None:
    body = seeded_anonymous.get("/api/inventory/municipalities", params={"regierungsbezirk": "059"}).json()

    region = [m for m in register.municipalities if m.rb_key == "059"]
    assert [p["ags"] for p in body["items"]] == [m.ags for m in region]
    counts = Counter(a for r in public_records for a in set(municipalities(r)))
    for point in body["items"]:
        assert point["count"] == counts[point["ags"]], point["name"]
        assert body["bbox"]["minLon"] <= point["lon"] <= body["bbox"]["maxLon"]
        assert body["bbox"]["minLat"] <= point["lat"] <= body["bbox"]["maxLat"]
        legend = body["legend"][point["level"]]
        assert legend["min"] <= point["count"] and (legend["max"] is None or point["count"] <= legend["max"])
    assert any(p["count"] == 0 for p in body["items"]), "municipalities without cooperation are on the map too"
    assert body["maxCount"] == max(p["count"] for p in body["items"])
    erwitte = next(p for p in body["items"] if p["ags"] == "05974016")
    assert erwitte["name"] == "Erwitte" and erwitte["count"] >= 1


def test_matrix_counts_records_per_kreis_and_task_area_with_labels(
    seeded_anonymous: httpx.Client, public_records: list[dict[str, Any]]
) -> None:
    body = seeded_anonymous.get("/api/inventory/matrix", params={"state": "NW"}).json()
    kreise = seeded_anonymous.get("/api/inventory/kreise", params={"state": "NW"}).json()

    assert [c["code"] for c in body["columns"]] == [f"{i:02d}" for i in range(1, 18)]
    assert [(r["key"], r["name"]) for r in body["rows"]] == [(k["key"], k["name"]) for k in kreise["items"]]
    assert [r["total"] for r in body["rows"]] == [k["projects"] for k in kreise["items"]]
    for row in body["rows"]:
        for column, count in zip(body["columns"], row["counts"], strict=True):
            expected = sum(1 for r in public_records if column["code"] in areas(r) and any(a[:5] == row["key"] for a in municipalities(r)))
            assert count == expected, (row["name"], column["code"])
    assert body["max"] == max(max(r["counts"]) for r in body["rows"])
    placed = [r for r in public_records if any(in_region(a, "NW") for a in municipalities(r))]
    assert body["total"] == len(placed)
    assert body["columnTotals"] == [sum(1 for r in placed if c["code"] in areas(r)) for c in body["columns"]]


def test_filters_accept_names_as_well_as_keys(seeded_anonymous: httpx.Client) -> None:
    by_key = seeded_anonymous.get("/api/inventory/task-areas", params={"state": "NW", "regierungsbezirk": "059"}).json()
    names = {"state": "Nordrhein-Westfalen", "regierungsbezirk": "Arnsberg"}
    by_name = seeded_anonymous.get("/api/inventory/task-areas", params=names).json()

    assert by_name == by_key
    assert by_key["scope"]["label"] == "Nordrhein-Westfalen – Reg.-Bez. Arnsberg"
    by_kreis = seeded_anonymous.get("/api/inventory/kreise", params={"kreis": "Soest"}).json()
    assert [k["key"] for k in by_kreis["items"]] == ["05974"]


@pytest.mark.parametrize(("params", "field", "allowed"), [
    ({"state": "XX"}, "state", "NW"),
    ({"regierungsbezirk": "999"}, "regierungsbezirk", "059"),
    ({"state": "HE", "regierungsbezirk": "059"}, "regierungsbezirk", "064"),
    ({"state": "NW", "kreis": "06411"}, "kreis", "05974"),
    ({"kreis": "Atlantis"}, "kreis", None),
])
@pytest.mark.parametrize("path", ["", "/task-areas", "/municipalities", "/potentials", "/matrix"])
def test_unknown_or_contradictory_filters_are_422_listing_the_allowed_values(
    seeded_anonymous: httpx.Client, path: str, params: dict[str, str], field: str, allowed: str | None
) -> None:
    response = seeded_anonymous.get(f"/api/inventory{path}", params=params)

    assert response.status_code == 422
    violation = response.json()["violations"][0]
    assert violation["field"] == field
    if allowed:
        assert allowed in violation["message"] + str(violation["candidates"])


def test_unknown_task_area_for_potentials_is_422_with_all_produktbereiche(seeded_anonymous: httpx.Client) -> None:
    response = seeded_anonymous.get("/api/inventory/potentials", params={"taskArea": "Raumfahrt"})

    assert response.status_code == 422
    assert len(response.json()["violations"][0]["candidates"]) == 17


def test_regions_list_the_filter_values_for_forms(seeded_anonymous: httpx.Client) -> None:
    states = {s["code"]: s for s in seeded_anonymous.get("/api/inventory/regions").json()["states"]}

    assert len(states) == 16
    assert [rb["key"] for rb in states["NW"]["regierungsbezirke"]] == ["051", "053", "055", "057", "059"]
    arnsberg = states["NW"]["regierungsbezirke"][-1]
    assert {"key": "05974", "name": "Soest"} in arnsberg["kreise"]
    assert states["SH"]["regierungsbezirke"] == [] and len(states["SH"]["kreise"]) == 15


def test_every_inventory_endpoint_is_documented_with_its_response_model(seeded_anonymous: httpx.Client) -> None:
    paths = seeded_anonymous.get("/openapi.json").json()["paths"]

    for path, model in [("/api/inventory", "OverviewOut"), ("/api/inventory/task-areas", "TaskAreasOut"),
                        ("/api/inventory/legal-forms", "LegalFormsOut"), ("/api/inventory/kreise", "KreiseOut"),
                        ("/api/inventory/municipalities", "MunicipalitiesOut"), ("/api/inventory/matrix", "MatrixOut"),
                        ("/api/inventory/potentials", "PotentialsOut"), ("/api/inventory/priorities", "PrioritiesOut"),
                        ("/api/inventory/municipalities/{ags}", "MunicipalityOut")]:
        content = paths[path]["get"]["responses"]["200"]["content"]
        assert content["application/json"]["schema"]["$ref"].endswith(model)
        assert "text/csv" in content
