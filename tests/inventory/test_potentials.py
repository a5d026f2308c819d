"""Potentials: municipalities without a cooperation in a task area whose neighbours cooperate in it.

Scenario in the Kreis Soest: Erwitte, Anröchte and Bad Sassendorf run the Standesamtverbund
Hellweg (Produktbereich 02, "Standesamt"); Geseke and Rüthen had a Standesamt cooperation that was
discontinued; Winterberg and Medebach (Hochsauerlandkreis) cooperate on waste water (11).
Neighbours are the 10 nearest municipalities within 25 km, as ``Register.neighbours`` gives them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import LiveNode
from tests.inventory.conftest import start_node
from tests.inventory.expect import project, register

ERWITTE, ANROECHTE, BAD_SASSENDORF = "05974016", "05974004", "05974008"
GESEKE, RUETHEN, LIPPSTADT, SOEST = "05974020", "05974036", "05974028", "05974040"
WINTERBERG, MEDEBACH = "05958048", "05958028"
HELLWEG = {ERWITTE, ANROECHTE, BAD_SASSENDORF}


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveNode]:
    live = start_node(tmp_path_factory, "potentials", seed=False)
    with live.client() as admin:
        for body in [
            project("Standesamtverbund Hellweg", [ERWITTE, ANROECHTE, BAD_SASSENDORF], ["Standesamt"], type="sharedServiceCenter",
                    legalForm="oerv-delegierend", lead=ERWITTE),
            project("Früheres Standesamt Geseke-Rüthen", [GESEKE, RUETHEN], ["02"], status="eingestellt"),
            project("Abwasserverbund Winterberg-Medebach", [WINTERBERG, MEDEBACH], ["11"], legalForm="zweckverband"),
        ]:
            assert admin.post("/api/projects", json=body).status_code == 201
    yield live
    live.stop()


@pytest.fixture(scope="module")
def client(scenario: LiveNode) -> Iterator[httpx.Client]:
    with scenario.client(token=None) as c:
        yield c


def standesamt(client: httpx.Client, **params: Any) -> dict[str, Any]:
    body = client.get("/api/inventory/potentials", params={"taskArea": "Standesamt", "limit": 200, **params}).json()
    assert [area["taskArea"]["code"] for area in body["items"]] == ["02"]
    assert body["items"][0]["candidates"] <= 200, "every candidate is in this one answer"
    return body["items"][0]  # type: ignore[no-any-return]


def cooperating_neighbours(ags: str, limit: int = 10, max_km: float = 25.0) -> list[str]:
    return [m.ags for m, _ in register.neighbours(ags, limit, max_km) if m.ags in HELLWEG]


def test_a_municipality_without_standesamt_cooperation_next_to_one_is_a_candidate_with_partners_and_project(client: httpx.Client) -> None:
    area = standesamt(client, kreis="05974")

    lippstadt = next(item for item in area["items"] if item["ags"] == LIPPSTADT)
    assert lippstadt["name"] == "Lippstadt" and lippstadt["kreis"] == {"key": "05974", "name": "Soest"}
    assert [p["ags"] for p in lippstadt["partners"]] == cooperating_neighbours(LIPPSTADT)
    nearest = lippstadt["partners"][0]
    assert nearest["name"] == "Erwitte" and nearest["km"] == lippstadt["nearestKm"] == pytest.approx(7.0, abs=0.1)
    assert [p["title"] for p in nearest["projects"]] == ["Standesamtverbund Hellweg"]
    assert [p["title"] for p in lippstadt["projects"]] == ["Standesamtverbund Hellweg"]
    assert lippstadt["cooperatingNeighbours"] == len(lippstadt["partners"])


def test_candidates_are_exactly_the_municipalities_of_the_region_with_a_cooperating_neighbour(client: httpx.Client) -> None:
    area = standesamt(client, kreis="05974")

    expected = {m.ags for m in register.in_kreis("05974") if m.ags not in HELLWEG and cooperating_neighbours(m.ags)}
    assert {item["ags"] for item in area["items"]} == expected
    assert area["candidates"] == len(expected)
    assert area["cooperating"] == 3  # the members of the Hellweg association
    assert area["municipalities"] == len(register.in_kreis("05974"))
    assert not HELLWEG & {item["ags"] for item in area["items"]}, "who already cooperates is no candidate"


def test_a_discontinued_cooperation_is_no_cooperation_and_its_members_are_not_suggested(client: httpx.Client) -> None:
    area = standesamt(client, kreis="05974")

    candidates = {item["ags"] for item in area["items"]}
    assert GESEKE in candidates and RUETHEN in candidates
    assert not {p["ags"] for item in area["items"] for p in item["partners"]} & {GESEKE, RUETHEN}


def test_candidates_are_ranked_by_cooperating_neighbours_then_their_projects_then_distance(client: httpx.Client) -> None:
    items = standesamt(client, state="NW")["items"]

    keys = [(-i["cooperatingNeighbours"], -len(i["projects"]), i["nearestKm"]) for i in items]
    assert keys == sorted(keys)
    assert [i["rank"] for i in items] == list(range(1, len(items) + 1))
    assert items[0]["cooperatingNeighbours"] == max(len(cooperating_neighbours(i["ags"])) for i in items)


def test_far_away_municipalities_and_other_task_areas_are_not_affected(client: httpx.Client) -> None:
    nw = standesamt(client, state="NW")
    waste_water = client.get("/api/inventory/potentials", params={"taskArea": "11", "kreis": "05958", "limit": 100}).json()["items"][0]

    assert "05958040" not in {i["ags"] for i in nw["items"]}  # Schmallenberg, Hochsauerlandkreis: no Standesamt partner near
    assert {p["ags"] for i in waste_water["items"] for p in i["partners"]} <= {WINTERBERG, MEDEBACH}
    assert "05958020" in {i["ags"] for i in waste_water["items"]}  # Hallenberg, next to Winterberg and Medebach
    assert all(i["projects"][0]["title"] == "Abwasserverbund Winterberg-Medebach" for i in waste_water["items"])


def test_distance_and_minimum_neighbours_narrow_the_candidates(client: httpx.Client) -> None:
    close = standesamt(client, kreis="05974", maxKm=8)
    two = standesamt(client, kreis="05974", minNeighbours=2)

    assert {i["ags"] for i in close["items"]} == {m.ags for m in register.in_kreis("05974")
                                                  if m.ags not in HELLWEG and cooperating_neighbours(m.ags, 10, 8)}
    assert LIPPSTADT in {i["ags"] for i in close["items"]}
    assert LIPPSTADT not in {i["ags"] for i in standesamt(client, kreis="05974", maxKm=5)["items"]}
    assert all(i["cooperatingNeighbours"] >= 2 for i in two["items"]) and two["items"]
    assert close["items"] and all(p["km"] <= 8 for i in close["items"] for p in i["partners"])


def test_all_task_areas_are_listed_and_limit_and_offset_page_through_candidates(client: httpx.Client) -> None:
    everything = client.get("/api/inventory/potentials", params={"kreis": "05974"}).json()
    page = client.get("/api/inventory/potentials", params={"kreis": "05974", "taskArea": "02", "limit": 2, "offset": 2}).json()["items"][0]
    full = standesamt(client, kreis="05974")

    assert [a["taskArea"]["code"] for a in everything["items"]] == [f"{i:02d}" for i in range(1, 18)]
    assert next(a for a in everything["items"] if a["taskArea"]["code"] == "03")["candidates"] == 0
    assert [i["ags"] for i in page["items"]] == [i["ags"] for i in full["items"][2:4]]
    assert [i["rank"] for i in page["items"]] == [3, 4]


def test_municipality_page_shows_its_cooperations_its_neighbours_and_suggested_partners(client: httpx.Client) -> None:
    lippstadt = client.get(f"/api/inventory/municipalities/{LIPPSTADT}").json()
    erwitte = client.get("/api/inventory/municipalities/Erwitte").json()

    assert lippstadt["municipality"]["name"] == "Lippstadt" and lippstadt["projects"] == []
    assert [n["ags"] for n in lippstadt["neighbours"]] == [m.ags for m, _ in register.neighbours(LIPPSTADT, 10, 25)]
    gap = next(p for p in lippstadt["potentials"] if p["taskArea"]["code"] == "02")
    assert [n["ags"] for n in gap["neighbours"]] == cooperating_neighbours(LIPPSTADT)
    suggested = next(s for s in lippstadt["suggestedPartners"] if s["ags"] == ERWITTE)
    assert [a["code"] for a in suggested["taskAreas"]] == ["02"]
    assert [p["title"] for p in suggested["projects"]] == ["Standesamtverbund Hellweg"]
    assert [s["title"] for s in lippstadt["serviceCenters"]] == ["Standesamtverbund Hellweg"]

    assert [p["title"] for p in erwitte["projects"]] == ["Standesamtverbund Hellweg"]
    assert {p["ags"] for p in erwitte["partners"]} == {ANROECHTE, BAD_SASSENDORF}
    assert next(n for n in erwitte["neighbours"] if n["ags"] == ANROECHTE)["partner"] is True
    assert not any(p["taskArea"]["code"] == "02" for p in erwitte["potentials"])


def test_unknown_municipality_is_404_and_an_ambiguous_name_is_422_with_candidates(client: httpx.Client) -> None:
    assert client.get("/api/inventory/municipalities/05999999").status_code == 404
    ambiguous = client.get("/api/inventory/municipalities/Neustadt")
    assert ambiguous.status_code == 422
    assert len(ambiguous.json()["violations"][0]["candidates"]) > 1
