"""A Börse entry cannot stay listed for ever: publishing here refuses a validUntil beyond the horizon,
and any entry (a peer's too) is listed at most that long after its last change."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

import httpx
import numpy as np
import pytest

from kb.boerse.validity import LISTING_HORIZON_YEARS, latest_valid_until, listed_until, today_in_germany, years_after
from kb.search.documents import build_document
from kb.search.view import View
from tests.conftest import ADMIN_TOKEN, WELVER_REQUEST, LiveNode
from tests.federation.conftest import add_peer, sync


def test_publishing_refuses_a_valid_until_beyond_the_horizon_in_the_api_and_the_form(node_factory: Callable[..., LiveNode]) -> None:
    live = node_factory()
    latest = latest_valid_until(today_in_germany())
    with live.client() as admin:
        for too_far in ((latest + timedelta(days=1)).isoformat(), "9999-12-31"):
            r = admin.post("/api/projects", json={**WELVER_REQUEST, "validUntil": too_far})
            assert r.status_code == 422, r.text
            [violation] = r.json()["violations"]
            assert violation["field"] == "validUntil" and violation["value"] == too_far
            assert latest.strftime("%d.%m.%Y") in violation["message"] and "früheres Datum" in violation["message"]
            assert latest.isoformat() in violation["message_en"]
        made = admin.post("/api/projects", json={**WELVER_REQUEST, "validUntil": latest.isoformat()})
        assert made.status_code == 201, made.text
        key = made.json()["key"]
        longer = admin.put(f"/api/projects/{key}", json={**WELVER_REQUEST, "validUntil": "9999-12-31"})
        assert longer.status_code == 422 and [v["field"] for v in longer.json()["violations"]] == ["validUntil"]
        assert admin.get(f"/api/projects/{key}").json()["validUntil"] == latest.isoformat()

    with httpx.Client(base_url=live.url, timeout=30, headers={"Origin": live.url, "Accept": "text/html"}) as browser:
        assert browser.post("/anmelden", data={"token": ADMIN_TOKEN, "weiter": "/boerse/neu"}).status_code == 303
        csrf = re.search(r'name="csrf" value="([^"]+)"', browser.get("/boerse/neu").text)
        assert csrf
        page = browser.post("/boerse/neu", data={
            "csrf": csrf.group(1), "kind": "request", "title": "Partner für die Gemeindekasse gesucht", "visibility": "public",
            "description": "Die Gemeinde Welver sucht Nachbarn, mit denen sie die Gemeindekasse gemeinsam führen kann.",
            "participants": "Welver", "state": "NW", "taskAreas": "02", "validUntil": "31.12.9999"})
    assert page.status_code == 422
    errors = dict(re.findall(r'<span class="field-error" id="([^"]+)-fehler">([^<]*)</span>', page.text))
    assert latest.strftime("%d.%m.%Y") in errors["validUntil"], errors
    assert "Partner für die Gemeindekasse gesucht" in page.text  # what was typed is kept


def test_a_peers_entry_valid_until_9999_leaves_the_lists_two_years_after_its_change(
        node_factory: Callable[..., LiveNode], monkeypatch: pytest.MonkeyPatch) -> None:
    origin = node_factory("origin", push_notifications=False)
    harvester = node_factory("harvester", push_notifications=False)
    add_peer(harvester, origin)
    monkeypatch.setattr("kb.publishing.horizon_violations", lambda *_args: [])  # a peer running code without the limit
    with origin.client() as c:
        r = c.post("/api/projects", json={**WELVER_REQUEST, "validUntil": "9999-12-31"})
        assert r.status_code == 201, r.text
        iri = r.json()["id"]
    sync(harvester)

    board = harvester.node.boerse
    changed = date.fromisoformat(harvester.node.catalog.meta(iri).modified[:10])  # type: ignore[union-attr]
    last = years_after(changed, LISTING_HORIZON_YEARS)
    with harvester.client(token=None) as anyone:
        try:
            board.today = lambda: last
            assert iri in [i["id"] for i in anyone.get("/api/boerse").json()["items"]]
            board.today = lambda: last + timedelta(days=1)
            assert iri not in [i["id"] for i in anyone.get("/api/boerse").json()["items"]]
            assert anyone.get("/api/boerse/matches", params={"id": iri}).json()["open"] is False
        finally:
            board.today = today_in_germany
    meta = harvester.node.catalog.meta(iri)  # still stored (and federated on) as its origin signed it
    assert meta is not None and not meta.deleted
    assert harvester.node.catalog.summary(iri)["validUntil"] == "9999-12-31"  # type: ignore[index]


def test_one_rule_for_the_board_and_search() -> None:
    # the claimed change is the peer's word; the time this node received it bounds it
    assert listed_until("9999-12-31", modified="2026-03-01T10:00:00Z") == date(2028, 3, 1)
    assert listed_until("9999-12-31", modified="9990-01-01T00:00:00Z", received_at="2026-03-01T10:00:00.000Z") == date(2028, 3, 1)
    assert listed_until("2026-06-30", modified="2026-03-01T10:00:00Z") == date(2026, 6, 30)
    assert listed_until("2026", modified="2026-03-01T10:00:00Z") is None  # not a full date: never listed
    assert listed_until("2026-06-30", modified="kaputt") is None
    assert years_after(date(2024, 2, 29), 2) == date(2026, 2, 28)

    entry = {"id": "https://peer.example/projects/gesuch", "type": "cooperationRequest", "title": "Gesuch", "validUntil": "9999-12-31"}
    doc = build_document(entry, content_hash="sha256:x", origin="https://peer.example", summary=None,
                         modified="2026-03-01T10:00:00Z", received_at="2026-03-02T08:00:00Z")
    assert doc.valid_until == "2028-03-01"
    view = View({0: doc}, 1)
    assert view.mask(include_network=False, filters={}, today=date(2028, 3, 1)).tolist() == [True]
    assert not np.any(view.mask(include_network=False, filters={}, today=date(2028, 3, 2)))
