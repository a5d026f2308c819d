"""Digitalisation priorities: task areas with much cooperation and little digital delivery come first.

Score = 100 × volume × digital gap, where volume = the area's records ÷ those of the largest area,
and the gap weighs analog 1, partly digital 0.5, fully digital 0 over the records that say it
(0.5 is assumed, and flagged, where none does).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import LiveNode
from tests.inventory.conftest import start_node
from tests.inventory.expect import project, register

GUETERSLOH = [m.ags for m in register.in_kreis("05754")]


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveNode]:
    live = start_node(tmp_path_factory, "priorities", seed=False)
    plan: list[tuple[str, str | None]] = (
        [("11", "analog")] * 4  # much cooperation, all analog
        + [("14", "vollstaendig-digital")] * 4  # as much, all digital
        + [("13", "analog")]  # little, analog
        + [("15", None)] * 2  # some, nobody says how digital
        + [("12", "analog"), ("12", "teilweise-digital")]
    )
    with live.client() as admin:
        for i, (area, digital) in enumerate(plan):
            extra = {"digitalDelivery": digital} if digital else {}
            body = project(f"Kooperation {i + 1} im Bereich {area}", GUETERSLOH[i % 10:i % 10 + 2], [area], **extra)
            assert admin.post("/api/projects", json=body).status_code == 201, body
    yield live
    live.stop()


def priorities(client: httpx.Client, **params: Any) -> dict[str, Any]:
    response = client.get("/api/inventory/priorities", params=params)
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def test_areas_with_most_cooperation_and_least_digital_delivery_come_first(scenario: LiveNode) -> None:
    with scenario.client(token=None) as client:
        body = priorities(client, state="NW")

    ranking = [(i["taskArea"]["code"], i["score"]) for i in body["items"]]
    # 15 says nothing about digital delivery: "zu wenig Angaben", after every area whose place rests on data
    assert ranking == [("11", 100.0), ("12", 37.5), ("13", 25.0), ("14", 0.0), ("15", 25.0)]
    assert [i["tooFewData"] for i in body["items"]] == [False, False, False, False, True]
    assert [i["rank"] for i in body["items"]] == [1, 2, 3, 4, 5]


def test_each_score_shows_its_parts(scenario: LiveNode) -> None:
    with scenario.client(token=None) as client:
        items = {i["taskArea"]["code"]: i for i in priorities(client)["items"]}

    parts = {"projects": 2, "volume": 0.5, "analog": 1, "teilweiseDigital": 1, "vollstaendigDigital": 0, "unknown": 0,
             "dataCoverage": 1.0, "digitalGap": 0.75, "gapAssumed": False, "score": 37.5}
    assert {k: items["12"][k] for k in parts} == parts
    assert items["15"]["digitalGap"] is None and items["15"]["gapAssumed"] is True and items["15"]["dataCoverage"] == 0.0
    assert items["11"]["taskArea"]["label"] == "Ver- und Entsorgung"
    assert "17" not in items, "areas without any cooperation have no priority"


def test_seed_priorities_are_ordered_by_score_recomputable_from_their_parts(seeded_anonymous: httpx.Client) -> None:
    body = priorities(seeded_anonymous, state="NW")

    assert body["weights"] == {"analog": 1.0, "teilweise-digital": 0.5, "vollstaendig-digital": 0.0}
    items = body["items"]
    assert items, "the seed data have cooperation in NW"
    most = max(i["projects"] for i in items)
    for i in items:
        known = i["analog"] + i["teilweiseDigital"] + i["vollstaendigDigital"]
        assert known + i["unknown"] == i["projects"]
        gap = (i["analog"] + 0.5 * i["teilweiseDigital"]) / known if known else None
        assert i["digitalGap"] == (pytest.approx(gap, abs=1e-4) if gap is not None else None)
        assert i["volume"] == pytest.approx(i["projects"] / most, abs=1e-4)
        assert i["score"] == pytest.approx(100 * i["volume"] * (gap if gap is not None else 0.5), abs=0.06)
    for flagged in (False, True):  # by score, first the areas with enough data, then those with "zu wenig Angaben"
        group = [i for i in items if i["tooFewData"] is flagged]
        assert all(i["dataCoverage"] < 0.5 for i in group) if flagged else all(i["dataCoverage"] >= 0.5 for i in group)
        assert [i["score"] for i in group] == sorted((i["score"] for i in group), reverse=True)
    assert [i["tooFewData"] for i in items] == sorted(i["tooFewData"] for i in items)


def test_each_place_is_explained_in_plain_german(scenario: LiveNode) -> None:
    with scenario.client(token=None) as client:
        body = priorities(client, state="NW")

    items = {i["taskArea"]["code"]: i for i in body["items"]}
    assert items["11"]["reason"] == "die meisten Projekte der Auswahl; von 4 Projekten mit Angabe arbeiten 4 analog."
    assert "zu wenig Angaben" in items["15"]["reason"]
    assert "gapAssumed" not in body["method"] and "„zu wenig Angaben“" in body["method"]
