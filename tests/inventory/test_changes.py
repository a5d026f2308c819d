"""The inventory follows the catalogue: what the caller may not see is not counted, and a withdrawn
record disappears from every figure, at once (the next request sees the change)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import LiveNode
from tests.inventory.conftest import start_node
from tests.inventory.expect import project, register

BUEREN = register.resolve("Büren", "NW").ags
WUENNENBERG = register.resolve("Bad Wünnenberg", "NW").ags
LICHTENAU = register.resolve("Lichtenau", "NW").ags
SCOPES: list[dict[str, str]] = [{}, {"state": "NW"}, {"state": "NW", "regierungsbezirk": "057"}, {"kreis": "05774"}]
FIGURES = ["", "/task-areas", "/legal-forms", "/kreise", "/municipalities", "/matrix", "/priorities", "/potentials?taskArea=17&limit=50"]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveNode]:
    node = start_node(tmp_path_factory, "changes", seed=True)
    yield node
    node.stop()


def without_seq(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_seq(v) for k, v in value.items() if k != "seq"}
    if isinstance(value, list):
        return [without_seq(v) for v in value]
    return value


def every_figure(client: httpx.Client) -> dict[str, Any]:
    out = {}
    for scope in SCOPES:
        for path in FIGURES:
            response = client.get(f"/api/inventory{path}", params=scope)
            assert response.status_code == 200, response.text
            out[f"{path or 'overview'} {scope}"] = without_seq(response.json())
    for ags in (BUEREN, WUENNENBERG, LICHTENAU):
        out[ags] = without_seq(client.get(f"/api/inventory/municipalities/{ags}").json())
    return out


def stiftung(**fields: Any) -> dict[str, Any]:
    return project("Gemeinsame Stiftungsverwaltung Büren und Bad Wünnenberg", [BUEREN, WUENNENBERG], ["17"], type="sharedServiceCenter",
                   legalForm="gemeinsames-kommunalunternehmen", digitalDelivery="analog", **fields)


def test_network_records_are_counted_only_when_a_member_asks_for_them(live: LiveNode) -> None:
    publisher_token, _ = live.node.tokens.create("Stadt Büren", "publisher")
    network = {"includeNetwork": "true"}
    with live.client(token=None) as anonymous, live.client() as admin, live.client(token=publisher_token) as publisher:
        public_before = every_figure(anonymous)
        member_before = admin.get("/api/inventory", params=network).json()["totals"]

        created = admin.post("/api/projects", json=stiftung(visibility="network"))
        assert created.status_code == 201
        iri = created.json()["id"]

        assert every_figure(anonymous) == public_before
        for client in (admin, publisher):
            assert every_figure(client) == public_before, "members get the public figures unless they ask"
            totals = client.get("/api/inventory", params=network).json()
            assert totals["scope"]["includesNetwork"] is True
            assert totals["totals"]["projects"] == member_before["projects"] + 1
            assert iri in str(client.get(f"/api/inventory/municipalities/{BUEREN}", params=network).json()["projects"])
            assert iri not in str(client.get(f"/api/inventory/municipalities/{BUEREN}").json())
        assert anonymous.get("/api/inventory", params=network).status_code == 401
        assert iri not in str(anonymous.get(f"/api/inventory/municipalities/{BUEREN}").json())
        title = stiftung()["title"]
        for fmt, mark in (("json", iri), ("csv", title)):  # the CSV names projects by title
            params = {"taskArea": "17", "kreis": "05774", "limit": 200, "format": fmt}
            assert mark in admin.get("/api/inventory/potentials", params={**params, **network}).text
            for client in (anonymous, admin):
                answer = client.get("/api/inventory/potentials", params=params)
                assert answer.status_code == 200 and mark not in answer.text
        assert admin.delete(f"/api/projects/{created.json()['key']}").status_code == 200


def test_a_new_record_shows_at_once_and_a_withdrawn_one_disappears_from_every_figure(live: LiveNode) -> None:
    with live.client(token=None) as anonymous, live.client() as admin:
        before = every_figure(anonymous)
        kreis_before = next(k for k in anonymous.get("/api/inventory/kreise", params={"kreis": "05774"}).json()["items"])

        created = admin.post("/api/projects", json=stiftung())
        assert created.status_code == 201
        title = "Gemeinsame Stiftungsverwaltung Büren und Bad Wünnenberg"

        # visible in the very next request: counts, map, matrix, potentials of the neighbours, municipality pages
        overview = anonymous.get("/api/inventory", params={"kreis": "05774"}).json()
        assert overview["totals"]["projects"] == before["overview {'kreis': '05774'}"]["totals"]["projects"] + 1
        kreis = anonymous.get("/api/inventory/kreise", params={"kreis": "05774"}).json()["items"][0]
        assert kreis["sharedServiceCenters"] == kreis_before["sharedServiceCenters"] + 1
        points = {p["ags"]: p["count"] for p in anonymous.get("/api/inventory/municipalities", params={"kreis": "05774"}).json()["items"]}
        assert points[BUEREN] == next(p["count"] for p in before["/municipalities {'kreis': '05774'}"]["items"] if p["ags"] == BUEREN) + 1
        assert title in anonymous.get("/api/inventory/potentials", params={"taskArea": "17", "kreis": "05774", "limit": 50}).text
        assert title in anonymous.get(f"/api/inventory/municipalities/{LICHTENAU}").text
        assert every_figure(anonymous) != before

        assert admin.delete(f"/api/projects/{created.json()['key']}").status_code == 200

        after = every_figure(anonymous)
        assert after == before
        assert title not in str(after)
        answer = anonymous.get("/api/inventory/potentials", params={"taskArea": "17", "kreis": "05774", "limit": 200, "format": "csv"})
        assert answer.status_code == 200 and title not in answer.text


def test_the_snapshot_kept_current_from_the_change_log_equals_a_fresh_build(live: LiveNode) -> None:
    from kb.inventory import Inventory

    with live.client() as admin:
        for i in range(3):
            body = project(f"Nachtrag {i}", [BUEREN, LICHTENAU], ["0" + str(i + 1)], visibility="network" if i == 1 else "public")
            created = admin.post("/api/projects", json=body).json()
            if i == 2:
                admin.delete(f"/api/projects/{created['key']}")
    followed = live.node.inventory
    fresh = Inventory(live.node.catalog, live.node.register, live.node.vocabularies)
    for network in (False, True):
        for scope in (followed.resolve_scope(), followed.resolve_scope(state="NW"), followed.resolve_scope(kreis="05774")):
            for name in ("overview", "task_areas", "legal_forms", "kreise", "municipalities", "matrix", "priorities", "potentials"):
                assert getattr(followed, name)(scope, include_network=network) == getattr(fresh, name)(scope, include_network=network), name
    assert followed.reloads == 1, "followed by replaying the log, not by reloading"


def test_figures_people_look_at_are_recomputed_in_the_background_after_a_change(live: LiveNode) -> None:
    import time

    inventory = live.node.inventory
    with live.client(token=None) as anonymous, live.client() as admin:
        assert anonymous.get("/api/inventory/matrix", params={"state": "NW"}).status_code == 200
        nw = inventory.resolve_scope(state="NW")
        keys = [k for k in inventory.cached_keys() if k[:3] == ("matrix", nw, False)]  # the figure and its JSON rendering
        assert len(keys) == 2
        created = admin.post("/api/projects", json=project("Nachtrag Hintergrund", [BUEREN, LICHTENAU], ["13"])).json()

        deadline = time.monotonic() + 10
        while not set(keys) <= set(inventory.cached_keys()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert set(keys) <= set(inventory.cached_keys()), "recomputed without anyone asking"
        admin.delete(f"/api/projects/{created['key']}")


def test_unchanged_figures_answer_304_to_their_etag(live: LiveNode) -> None:
    with live.client(token=None) as anonymous, live.client() as admin:
        first = anonymous.get("/api/inventory/kreise", params={"state": "NW"})
        again = anonymous.get("/api/inventory/kreise", params={"state": "NW"}, headers={"If-None-Match": first.headers["etag"]})
        assert again.status_code == 304

        created = admin.post("/api/projects", json=project("Nachtrag ETag", [BUEREN, LICHTENAU], ["13"])).json()
        changed = anonymous.get("/api/inventory/kreise", params={"state": "NW"}, headers={"If-None-Match": first.headers["etag"]})
        assert changed.status_code == 200 and changed.headers["etag"] != first.headers["etag"]
        admin.delete(f"/api/projects/{created['key']}")
