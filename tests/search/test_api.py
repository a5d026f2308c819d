"""The search API over HTTP on the seeded node: filters, bad input, similar projects, visibility."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest

from tests.conftest import LiveNode
from tests.search.conftest import JOINT_REGISTRY_OFFICES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def anon(seeded: LiveNode) -> Iterator[httpx.Client]:
    with seeded.client(token=None) as client:
        yield client


@pytest.fixture(scope="module")
def admin(seeded: LiveNode) -> Iterator[httpx.Client]:
    with seeded.client() as client:
        yield client


def test_search_answers_with_ids_titles_scores_reasons_and_facets(anon: httpx.Client) -> None:
    body = anon.get("/api/search", params={"q": "gemeinsames Standesamt", "limit": 5}).json()
    first = body["results"][0]
    assert first["title"] in JOINT_REGISTRY_OFFICES
    assert first["id"].startswith("http") and first["origin"].endswith("/node")
    assert "standesamt" in first["why"]["terms"] and first["why"]["semantic"] > 0
    assert any(c["code"] == "02" for c in first["why"]["concepts"])
    assert body["total"] >= len(body["results"]) == 5
    assert body["facets"]["taskArea"]["02"] >= 5 and set(body["facets"]) >= {"state", "legalForm", "funding", "origin", "type"}
    assert any(e["code"] == "02" for e in body["expansion"] if e["kind"] == "concept")


def test_filters_narrow_the_results(anon: httpx.Client) -> None:
    body = anon.get("/api/search", params={"q": "Standesamt", "state": "HE", "limit": 50}).json()
    assert body["results"] and all(r["state"] == "HE" for r in body["results"])
    assert set(body["facets"]["state"]) <= {"HE"}
    by_area = anon.get("/api/search", params={"q": "gemeinsam", "taskArea": "Standesamt", "limit": 50}).json()
    assert by_area["results"] and all("02" in r["taskAreas"] for r in by_area["results"])


def test_paging_does_not_repeat_results(anon: httpx.Client) -> None:
    first = anon.get("/api/search", params={"q": "Bauhof", "limit": 3}).json()["results"]
    second = anon.get("/api/search", params={"q": "Bauhof", "limit": 3, "offset": 3}).json()["results"]
    assert not {r["id"] for r in first} & {r["id"] for r in second}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        pytest.param({"taskArea": "Raumfahrt"}, "taskArea", id="task-area"),
        pytest.param({"state": "XY"}, "state", id="state"),
        pytest.param({"legalForm": "Raumstation"}, "legalForm", id="legal-form"),
        pytest.param({"regierungsbezirk": "Mittelerde"}, "regierungsbezirk", id="regierungsbezirk"),
        pytest.param({"origin": "https://unknown.example/node"}, "origin", id="origin"),
    ],
)
def test_unknown_filter_values_answer_422_with_the_allowed_ones(anon: httpx.Client, params: dict[str, str], field: str) -> None:
    response = anon.get("/api/search", params={"q": "Standesamt", **params})
    assert response.status_code == 422
    violation = next(v for v in response.json()["violations"] if v["field"] == field)
    assert violation["candidates"]


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("und oder der die das", id="stop-words"),
        pytest.param("🦄🚒", id="emoji"),
        pytest.param("SELECT ?s WHERE { ?s ?p ?o } LIMIT 10", id="sparql"),
        pytest.param("'; DROP TABLE projects; --", id="sql"),
        pytest.param("x" * 1500, id="one-long-word"),
        pytest.param("Standesamt " * 150, id="long"),
    ],
)
def test_odd_queries_answer_cleanly(anon: httpx.Client, query: str) -> None:
    response = anon.get("/api/search", params={"q": query})
    assert response.status_code == 200
    body = response.json()
    assert isinstance(body["results"], list)
    if len(query) > 500:
        assert any("500" in n for n in body["notes"])


def test_a_query_over_the_limit_is_refused_saying_the_limit(anon: httpx.Client) -> None:
    response = anon.get("/api/search", params={"q": "a" * 2001})
    assert response.status_code == 422
    assert "2000" in response.text


def test_network_records_are_hidden_from_anonymous_callers(anon: httpx.Client, admin: httpx.Client) -> None:
    title = "Abwasserkooperation Korbach"
    assert title not in [r["title"] for r in anon.get("/api/search", params={"q": "Kläranlage Korbach", "limit": 50}).json()["results"]]
    assert title in [r["title"] for r in admin.get("/api/search", params={"q": "Kläranlage Korbach", "limit": 50}).json()["results"]]


def test_similar_projects_exclude_the_project_itself(seeded: LiveNode, anon: httpx.Client) -> None:
    hellweg = anon.get("/api/search", params={"q": "Standesamtverbund Hellweg", "limit": 1}).json()["results"][0]
    body = anon.get(f"/api/projects/{hellweg['key']}/similar", params={"limit": 5}).json()
    ids = [r["id"] for r in body["results"]]
    assert hellweg["id"] not in ids and len(ids) == 5
    assert sum("02" in r["taskAreas"] for r in body["results"]) >= 3


def test_similar_in_other_states_leaves_out_the_own_bundesland(anon: httpx.Client) -> None:
    hellweg = anon.get("/api/search", params={"q": "Standesamtverbund Hellweg", "limit": 1}).json()["results"][0]
    body = anon.get(f"/api/projects/{quote(hellweg['id'], safe='')}/similar", params={"otherStates": "true", "limit": 5}).json()
    assert body["results"] and all(r["state"] != "NW" for r in body["results"])


def test_similar_of_an_unknown_project_is_404(anon: httpx.Client) -> None:
    assert anon.get("/api/projects/gibt-es-nicht/similar").status_code == 404


def test_index_status_tells_progress(anon: httpx.Client) -> None:
    body = anon.get("/api/search/status").json()
    assert body["state"] == "ready" and body["records"] > 200 and body["last_seq"] > 0


def test_only_the_admin_may_start_a_reindex(anon: httpx.Client) -> None:
    assert anon.post("/api/search/reindex").status_code == 401


def test_funding_filter_keeps_only_records_with_a_funding_programme(anon: httpx.Client) -> None:
    funded = anon.get("/api/search", params={"q": "Digitalisierung", "funding": "yes", "limit": 50}).json()
    assert funded["total"] > 0
    assert set(funded["facets"]["funding"]) == {"yes"}
    assert anon.get("/api/search", params={"q": "x", "funding": "vielleicht"}).status_code == 422
