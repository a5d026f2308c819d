"""Every figure downloads as CSV for German Excel (UTF-8 with BOM, semicolons, decimal comma, German
headers) and holds the same numbers as its JSON."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.inventory.conftest import start_node
from tests.inventory.expect import number, parse_csv, project

NW = {"state": "NW"}


def both(client: httpx.Client, path: str, **params: Any) -> tuple[dict[str, Any], list[dict[str, str]]]:
    as_json = client.get(f"/api/inventory{path}", params=params)
    as_csv = client.get(f"/api/inventory{path}", params={**params, "format": "csv"})
    assert as_json.status_code == as_csv.status_code == 200
    assert as_csv.headers["content-type"].startswith("text/csv; charset=utf-8")
    assert as_csv.headers["content-disposition"].startswith("attachment; filename=\"")
    assert as_csv.content.split(b"\r\n")[0].count(b";") >= 2, "semicolon-separated, CRLF line ends"
    rows = parse_csv(as_csv.content)
    assert all(row.pop("Gezählt") == "nur öffentliche Einträge" for row in rows), "every row says what was counted"
    return as_json.json(), rows


def test_accept_header_text_csv_gives_the_same_download_as_format_csv(seeded_anonymous: httpx.Client) -> None:
    by_param = seeded_anonymous.get("/api/inventory/kreise", params={**NW, "format": "csv"})
    by_accept = seeded_anonymous.get("/api/inventory/kreise", params=NW, headers={"Accept": "text/csv"})

    assert by_accept.headers["content-type"].startswith("text/csv")
    assert by_accept.content == by_param.content
    assert 'filename="bestandsaufnahme-kreise-NW.csv"' in by_param.headers["content-disposition"]


def test_task_areas_csv(seeded_anonymous: httpx.Client) -> None:
    data, rows = both(seeded_anonymous, "/task-areas", **NW)

    assert list(rows[0]) == ["Produktbereich", "Aufgabenbereich", "Projekte", "davon Shared-Service-Center", "aktiv",
                             "beteiligte Gemeinden", "Kreise", "Anteil an allen Projekten", "analog", "teilweise digital",
                             "vollständig digital", "ohne Angabe"]
    assert len(rows) == len(data["items"]) == 17
    for row, item in zip(rows, data["items"], strict=True):
        assert row["Produktbereich"] == item["code"] and row["Aufgabenbereich"] == item["label"]
        assert int(row["Projekte"]) == item["projects"] and int(row["beteiligte Gemeinden"]) == item["municipalities"]
        assert number(row["Anteil an allen Projekten"]) == item["share"]
        assert int(row["ohne Angabe"]) == item["digital"]["unknown"]
    assert "," in rows[0]["Anteil an allen Projekten"] or rows[0]["Anteil an allen Projekten"] == "0", "decimal comma"


def test_legal_forms_and_kreise_csv(seeded_anonymous: httpx.Client) -> None:
    data, rows = both(seeded_anonymous, "/legal-forms", **NW)
    expected = [(i["code"], i["label"], i["projects"]) for i in data["items"]]
    assert [(r["Code"], r["Rechtsform"], int(r["Projekte"])) for r in rows] == expected

    data, rows = both(seeded_anonymous, "/kreise", state="NW", regierungsbezirk="059")
    assert [(r["Kreisschlüssel"], r["Kreis"], int(r["Projekte"]), int(r["Gemeinden mit Kooperation"]), r["kreisfrei"])
            for r in rows] == [(i["key"], i["name"], i["projects"], i["municipalitiesCooperating"], "ja" if i["kreisfrei"] else "nein")
                               for i in data["items"]]
    assert rows[0]["Regierungsbezirk"] == "Reg.-Bez. Arnsberg"


def test_dot_map_csv_has_coordinates_and_counts(seeded_anonymous: httpx.Client) -> None:
    data, rows = both(seeded_anonymous, "/municipalities", regierungsbezirk="059")

    assert len(rows) == len(data["items"])
    for row, item in zip(rows, data["items"], strict=True):
        assert row["AGS"] == item["ags"] and row["Gemeinde"] == item["name"]
        assert number(row["Längengrad"]) == item["lon"] and number(row["Breitengrad"]) == item["lat"]
        assert int(row["Kooperationen"]) == item["count"]


def test_matrix_csv_has_a_column_per_task_area_and_a_sum_row(seeded_anonymous: httpx.Client) -> None:
    data, rows = both(seeded_anonymous, "/matrix", **NW)

    columns = [f"{c['code']} {c['label']}" for c in data["columns"]]
    assert list(rows[0]) == ["Kreisschlüssel", "Kreis", *columns, "Projekte gesamt"]
    for row, item in zip(rows, data["rows"], strict=False):
        assert [int(row[c]) for c in columns] == item["counts"] and int(row["Projekte gesamt"]) == item["total"]
    assert rows[-1]["Kreis"] == "Summe" and [int(rows[-1][c]) for c in columns] == data["columnTotals"]
    assert len(rows) == len(data["rows"]) + 1


def test_potentials_csv_names_candidates_partners_and_projects(seeded_anonymous: httpx.Client) -> None:
    data, rows = both(seeded_anonymous, "/potentials", state="NW", limit=5)

    expected = [(a["taskArea"]["code"], i["ags"], i["rank"], i["cooperatingNeighbours"], i["nearestKm"], i["partners"], i["projects"])
                for a in data["items"] for i in a["items"]]
    assert len(rows) == len(expected) > 0
    for row, (area, ags, rank, n, km, partners, projects) in zip(rows, expected, strict=True):
        assert (row["Produktbereich"], row["AGS"], int(row["Rang"]), int(row["kooperierende Nachbarn"])) == (area, ags, rank, n)
        assert number(row["nächster kooperierender Nachbar (km)"]) == km
        assert row["vorgeschlagene Partner"].split(" | ") == [f"{p['name']} ({str(p['km']).replace('.', ',')} km)" for p in partners]
        assert row["Projekte der Nachbarn"].split(" | ") == [p["title"] for p in projects]


def test_priorities_csv(seeded_anonymous: httpx.Client) -> None:
    data, rows = both(seeded_anonymous, "/priorities", **NW)

    assert [(int(r["Rang"]), r["Produktbereich"], number(r["Punktzahl"]), number(r["Umfang"])) for r in rows] == [
        (i["rank"], i["taskArea"]["code"], i["score"], i["volume"]) for i in data["items"]]


def test_overview_csv_lists_key_figures_and_breakdowns(seeded_anonymous: httpx.Client) -> None:
    data, rows = both(seeded_anonymous, "", **NW)

    figures = {r["Code"]: number(r["Wert"]) for r in rows if r["Gruppe"] == "Kennzahl"}
    assert figures["projects"] == data["totals"]["projects"]
    assert figures["municipalitiesShare"] == data["totals"]["municipalitiesShare"]
    by_area = {r["Code"]: int(r["Wert"]) for r in rows if r["Gruppe"] == "Aufgabenbereich"}
    assert by_area == {i["code"]: i["projects"] for i in data["byTaskArea"]}
    assert {r["Gruppe"] for r in rows} == {"Kennzahl", "Typ", "Status", "Rechtsform", "Aufgabenbereich", "Digitalisierungsgrad"}


@pytest.mark.parametrize("table", ["neighbours", "projects", "potentials", "partners"])
def test_municipality_page_tables_download_as_csv(seeded_anonymous: httpx.Client, table: str) -> None:
    data, rows = both(seeded_anonymous, "/municipalities/05974016", table=table)

    if table == "neighbours":
        assert [(r["AGS"], number(r["Entfernung (km)"])) for r in rows] == [(n["ags"], n["km"]) for n in data["neighbours"]]
        assert "Aufgabenbereiche, die Erwitte noch nicht hat" in rows[0]
    elif table == "projects":
        assert [r["Adresse"] for r in rows] == [p["id"] for p in data["projects"]]
    elif table == "potentials":
        assert [(r["Produktbereich"], r["AGS des Nachbarn"]) for r in rows] == [
            (p["taskArea"]["code"], n["ags"]) for p in data["potentials"] for n in p["neighbours"]]
    else:
        assert [(r["AGS"], int(r["gemeinsame Projekte"])) for r in rows] == [(p["ags"], p["projects"]) for p in data["partners"]]


def test_titles_that_look_like_formulas_are_defused_in_csv(tmp_path_factory: pytest.TempPathFactory) -> None:
    live = start_node(tmp_path_factory, "formula", seed=False)
    try:
        with live.client() as admin:
            body = project("=HYPERLINK(\"http://example.org\";\"Klick\")", ["05974016", "05974004"], ["02"])
            assert admin.post("/api/projects", json=body).status_code == 201
            rows = parse_csv(admin.get("/api/inventory/municipalities/05974028", params={"format": "csv", "table": "neighbours"}).content)
        erwitte = next(r for r in rows if r["AGS"] == "05974016")
        assert erwitte["Projekte in diesen Aufgabenbereichen"] == "'=HYPERLINK(\"http://example.org\";\"Klick\")"
    finally:
        live.stop()
