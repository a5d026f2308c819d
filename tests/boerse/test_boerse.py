"""The Kooperationsbörse on one node over real HTTP: posting, listing with filters, matches, expiry,
withdrawal, Atom feeds (parsed with a real XML parser) and bad input."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any
from xml.etree import ElementTree as ET

import httpx
import pytest

from tests.conftest import HELLWEG, WELVER_REQUEST, LiveNode, make_settings

ATOM = "{http://www.w3.org/2005/Atom}"


def in_days(days: int) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


REQUEST: dict[str, Any] = {**WELVER_REQUEST, "contact": {"organisation": "Gemeinde Welver, Hauptamt", "email": "hauptamt@example.org"}}
OFFER: dict[str, Any] = {
    "type": "cooperationOffer",
    "title": "Unser Ordnungsamt übernimmt Aufgaben für Nachbarn <&> \"Test\"",
    "description": "Die Stadt Werl bietet an, Aufgaben der Sicherheit und Ordnung für Nachbargemeinden mit zu erledigen.",
    "participants": ["Werl"],
    "state": "NW",
    "taskAreas": ["02"],
}


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveNode]:
    live = LiveNode(make_settings(tmp_path_factory.mktemp("boerse"))).start()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def admin(node: LiveNode) -> Iterator[httpx.Client]:
    with node.client() as client:
        yield client


@pytest.fixture(scope="module")
def anonymous(node: LiveNode) -> Iterator[httpx.Client]:
    with node.client(token=None) as client:
        yield client


@pytest.fixture(scope="module")
def posted(admin: httpx.Client) -> dict[str, str]:
    """Hellweg (a cooperation in task area 02 next to Welver), a request by Welver and an offer by Werl."""
    out = {}
    for name, body in (("hellweg", HELLWEG), ("request", {**REQUEST, "validUntil": in_days(30)}),
                       ("offer", {**OFFER, "validUntil": in_days(60)})):
        response = admin.post("/api/projects", json=body)
        assert response.status_code == 201, response.text
        out[name] = response.json()["id"]
    return out


def test_open_entries_are_listed_newest_first_and_projects_are_not(anonymous: httpx.Client, posted: dict[str, str]) -> None:
    body = anonymous.get("/api/boerse").json()
    assert [i["id"] for i in body["items"]] == [posted["offer"], posted["request"]]
    request = body["items"][1]
    assert request["type"] == "cooperationRequest" and request["validUntil"] == in_days(30)
    assert request["municipalities"][0]["name"] == "Welver" and request["municipalities"][0]["kreis"]["name"] == "Soest"
    assert [a["code"] for a in request["taskAreas"]] == ["02"]


def test_filters_by_type_task_area_and_region(anonymous: httpx.Client, posted: dict[str, str]) -> None:
    def ids(**params: str) -> list[str]:
        response = anonymous.get("/api/boerse", params=params)
        assert response.status_code == 200, response.text
        return [i["id"] for i in response.json()["items"]]

    assert ids(type="request") == [posted["request"]]
    assert ids(type="Angebot") == [posted["offer"]]
    assert ids(taskArea="Sicherheit und Ordnung", kreis="Soest") == [posted["offer"], posted["request"]]
    assert ids(taskArea="03") == []
    assert ids(state="BY") == []


@pytest.mark.parametrize("params,field", [({"type": "tausch"}, "type"), ({"taskArea": "Raumfahrt"}, "taskArea"), ({"kreis": "Atlantis"}, "kreis")])
def test_bad_filters_answer_422_in_german_and_english(anonymous: httpx.Client, params: dict[str, str], field: str) -> None:
    response = anonymous.get("/api/boerse", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["message"] and body["message_en"] and body["message"] != body["message_en"]
    assert [v["field"] for v in body["violations"]] == [field]


def test_an_entry_needs_a_valid_until_date_and_a_task_area(admin: httpx.Client) -> None:
    response = admin.post("/api/projects", json={**REQUEST, "title": "Ohne Datum", "taskAreas": []})
    assert response.status_code == 422
    fields = {v["field"]: v for v in response.json()["violations"]}
    assert set(fields) == {"validUntil", "taskAreas"}
    assert "gilt" in fields["validUntil"]["message"] and "valid" in fields["validUntil"]["message_en"]
    response = admin.post("/api/projects", json={**REQUEST, "title": "Nur ein Jahr", "validUntil": "2027"})
    assert response.status_code == 422 and [v["field"] for v in response.json()["violations"]] == ["validUntil"]


def test_a_request_matches_nearby_cooperations_and_offers(anonymous: httpx.Client, posted: dict[str, str]) -> None:
    response = anonymous.get("/api/boerse/matches", params={"id": posted["request"]})
    assert response.status_code == 200, response.text
    m = response.json()
    assert m["open"] is True
    nearby = {c["project"]["id"]: c for c in m["cooperationsNearby"]}
    assert posted["hellweg"] in nearby
    assert nearby[posted["hellweg"]]["near"]["name"] == "Bad Sassendorf" and nearby[posted["hellweg"]]["km"] < 20
    assert [o["entry"]["id"] for o in m["offers"]] == [posted["offer"]]
    assert m["offers"][0]["km"] < 10  # Werl is Welver's nearest neighbour


def test_an_offer_names_neighbours_that_do_not_cooperate_in_its_area(anonymous: httpx.Client, posted: dict[str, str]) -> None:
    m = anonymous.get("/api/boerse/matches", params={"id": posted["offer"]}).json()
    names = [c["municipality"]["name"] for c in m["candidates"]]
    assert "Welver" in names and "Ense" in names
    assert "Bad Sassendorf" not in names  # already in the Hellweg cooperation for task area 02
    assert [r["entry"]["id"] for r in m["requests"]] == [posted["request"]]


def test_the_inventory_does_not_count_requests_and_offers(anonymous: httpx.Client, posted: dict[str, str]) -> None:
    totals = anonymous.get("/api/inventory").json()["totals"]
    assert totals["projects"] == 1


def test_the_feeds_are_valid_atom_with_everything_escaped(anonymous: httpx.Client, node: LiveNode, posted: dict[str, str]) -> None:
    response = anonymous.get("/boerse/feed.atom")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed" and root.findtext(f"{ATOM}id") and root.findtext(f"{ATOM}updated")
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [posted["offer"], posted["request"]]
    assert entries[0].findtext(f"{ATOM}title") == "Kooperationsangebot: " + OFFER["title"]  # <&>" came through intact
    assert entries[1].find(f"{ATOM}link").get("href", "").startswith(node.url + "/projects/")  # type: ignore[union-attr]
    near = ET.fromstring(anonymous.get("/gemeinde/05974040/boerse.atom").content)  # Soest, Welver's neighbour
    assert {e.findtext(f"{ATOM}id") for e in near.findall(f"{ATOM}entry")} == {posted["offer"], posted["request"]}
    own = ET.fromstring(anonymous.get("/gemeinde/05974048/boerse.atom").content)  # Welver itself: only the offer
    assert [e.findtext(f"{ATOM}id") for e in own.findall(f"{ATOM}entry")] == [posted["offer"]]
    far = ET.fromstring(anonymous.get("/gemeinde/09162000/boerse.atom").content)  # München
    assert far.findall(f"{ATOM}entry") == []
    assert anonymous.get("/gemeinde/99999999/boerse.atom").status_code == 404


def test_the_web_pages_list_and_show_matches(anonymous: httpx.Client, posted: dict[str, str]) -> None:
    page = anonymous.get("/boerse", headers={"Accept": "text/html"})
    assert page.status_code == 200 and REQUEST["title"] in page.text and "&lt;&amp;&gt;" in page.text
    detail = anonymous.get(posted["request"], headers={"Accept": "text/html"})
    assert detail.status_code == 200
    assert "Wer in der Nähe das schon gemeinsam macht" in detail.text and "Standesamtverbund Hellweg" in detail.text
    bad = anonymous.get("/boerse?taskArea=Raumfahrt", headers={"Accept": "text/html"})
    assert bad.status_code == 422 and "Raumfahrt" not in bad.text.split("<main", 1)[0]


def test_expired_and_withdrawn_entries_leave_the_list(admin: httpx.Client, anonymous: httpx.Client, node: LiveNode,
                                                      posted: dict[str, str]) -> None:
    short = admin.post("/api/projects", json={**REQUEST, "title": "Kurz gültig", "validUntil": in_days(0)})
    assert short.status_code == 201, short.text
    assert short.json()["id"] in [i["id"] for i in anonymous.get("/api/boerse").json()["items"]]  # valid through today
    board = node.node.boerse
    try:
        board.today = lambda: date.today() + timedelta(days=1)
        assert short.json()["id"] not in [i["id"] for i in anonymous.get("/api/boerse").json()["items"]]
        assert "Kurz gültig" not in anonymous.get("/boerse", headers={"Accept": "text/html"}).text
        assert anonymous.get("/api/boerse/matches", params={"id": short.json()["id"]}).json()["open"] is False
        board.today = lambda: date.today() + timedelta(days=31)
        assert [i["id"] for i in anonymous.get("/api/boerse").json()["items"]] == [posted["offer"]]
    finally:
        board.today = date.today
    admin.delete(f"/api/projects/{short.json()['key']}").raise_for_status()
    assert short.json()["id"] not in [i["id"] for i in anonymous.get("/api/boerse").json()["items"]]


def test_the_seed_entries_are_illustrative_valid_and_open(tmp_path_factory: pytest.TempPathFactory) -> None:
    from kb.cli.node import seed_node
    from kb.node import Node
    from kb.seed import SEED_BOERSE, with_valid_until

    node = Node(make_settings(tmp_path_factory.mktemp("seed")))
    try:
        report = seed_node(node, [SEED_BOERSE])
        assert report.failed == [] and report.created >= 6
        entries = node.boerse.open()
        assert len(entries) == report.created
        assert all(e.illustrative for e in entries) and {e.kind for e in entries} == {"request", "offer"}
        assert all(e.valid_until is not None and e.valid_until.year == date.today().year + 1 for e in entries)
    finally:
        node.close()
    assert with_valid_until({"type": "cooperationOffer", "validUntil": "2030-01-31"})["validUntil"] == "2030-01-31"
    assert "validUntil" not in with_valid_until({"type": "project"})
