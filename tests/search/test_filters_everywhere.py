"""One filter specification: the same values mean the same, and fail the same, in listing, search,
the inventory and their pages (issue 12: ``regierungsbezirk=Arnsberg`` worked in one and not another)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import LiveNode

pytestmark = pytest.mark.slow

ARNSBERG = ["059", "Arnsberg", "Reg.-Bez. Arnsberg", "Regierungsbezirk Arnsberg", "arnsberg"]
SOEST = ["05974", "Soest", "Kreis Soest"]


@pytest.fixture(scope="module")
def anon(seeded: LiveNode) -> Iterator[httpx.Client]:
    with seeded.client(token=None) as client:
        yield client


def listed(anon: httpx.Client, **params: str) -> list[str]:
    response = anon.get("/api/projects", params={**params, "limit": "200"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"])
    return [i["title"] for i in body["items"]]


def page_total(anon: httpx.Client, path: str, **params: str) -> int:
    response = anon.get(path, params=params)
    assert response.status_code == 200, response.text
    found = re.search(r'role="status">([\d.]+) Treffer', response.text)
    assert found, "no hit count on the page"
    return int(found.group(1).replace(".", ""))


@pytest.mark.parametrize(("name", "forms"), [pytest.param("regierungsbezirk", ARNSBERG, id="regierungsbezirk"),
                                              pytest.param("kreis", SOEST, id="kreis")])
def test_a_region_by_key_or_by_name_selects_the_same_records_everywhere(anon: httpx.Client, name: str, forms: list[str]) -> None:
    titles = listed(anon, **{name: forms[0]})
    assert titles, "the seed has records in this region"
    inventory = anon.get("/api/inventory", params={name: forms[0]}).json()
    search_facets = anon.get("/api/search", params={"q": "Verwaltung", name: forms[0], "limit": "100"}).json()

    for form in forms:
        assert listed(anon, **{name: form}) == titles, form
        assert anon.get("/api/inventory", params={name: form}).json() == inventory, form
        assert anon.get("/api/search", params={"q": "Verwaltung", name: form, "limit": "100"}).json()["results"] == \
            search_facets["results"], form
        assert page_total(anon, "/suche", **{name: form}) == len(titles), form
        if name == "regierungsbezirk":  # the page's region is Land and Regierungsbezirk
            page = anon.get("/bestandsaufnahme", params={name: form})
            assert page.status_code == 200 and "Arnsberg" in page.text, form
    assert inventory["totals"]["projects"] == len(titles)
    search_titles = {r["title"] for r in search_facets["results"]}
    assert search_titles and search_titles <= set(titles)


def test_browsing_search_lists_what_the_listing_lists(anon: httpx.Client) -> None:
    titles = listed(anon, regierungsbezirk="Arnsberg", legalForm="zweckverband", funding="no")
    first_page = anon.get("/suche", params={"regierungsbezirk": "Arnsberg", "legalForm": "zweckverband", "funding": "no"}).text
    assert titles
    for title in titles[:10]:
        assert html.escape(title, quote=False) in first_page, title


def test_funding_yes_and_no_split_listing_and_search_alike(anon: httpx.Client) -> None:
    def total(path: str, **params: str) -> int:
        response = anon.get(path, params=params)
        assert response.status_code == 200, response.text
        return int(response.json()["total"])

    everything, with_funding, without = (total("/api/projects", **p) for p in ({}, {"funding": "yes"}, {"funding": "no"}))
    assert with_funding and without and with_funding + without == everything
    assert page_total(anon, "/suche", funding="yes") == with_funding
    assert page_total(anon, "/suche", funding="no") == without


@pytest.mark.parametrize(("params", "field"), [
    pytest.param({"regierungsbezirk": "Mittelerde"}, "regierungsbezirk", id="regierungsbezirk"),
    pytest.param({"kreis": "Atlantis"}, "kreis", id="kreis"),
    pytest.param({"state": "XY"}, "state", id="state"),
])
def test_an_unknown_region_is_the_same_422_everywhere(anon: httpx.Client, params: dict[str, str], field: str) -> None:
    answers = [anon.get(path, params={"q": "Verwaltung", **params}) for path in ("/api/projects", "/api/search", "/api/inventory")]
    bodies = [a.json() for a in answers]
    assert [a.status_code for a in answers] == [422, 422, 422]
    assert len({b["error"] for b in bodies}) == 1 and len({b["message"] for b in bodies}) == 1
    violations = [next(v for v in b["violations"] if v["field"] == field) for b in bodies]
    assert all(v == violations[0] for v in violations)
    page = anon.get("/suche", params=params)
    assert page.status_code == 422 and html.escape(violations[0]["message"], quote=False) in page.text
    if field != "kreis":  # the inventory page filters by Land and Regierungsbezirk
        assert anon.get("/bestandsaufnahme", params=params).status_code == 422


@pytest.mark.parametrize(("params", "field"), [
    pytest.param({"taskArea": "Raumfahrt"}, "taskArea", id="task-area"),
    pytest.param({"legalForm": "Raumstation"}, "legalForm", id="legal-form"),
    pytest.param({"status": "verschollen"}, "status", id="status"),
    pytest.param({"type": "raumschiff"}, "type", id="type"),
    pytest.param({"funding": "vielleicht"}, "funding", id="funding"),
    pytest.param({"origin": "https://unknown.example/node"}, "origin", id="origin"),
    pytest.param({"origin": "null"}, "origin", id="origin-not-an-iri"),
])
def test_an_unknown_record_filter_is_the_same_422_in_listing_search_and_page(
    anon: httpx.Client, params: dict[str, str], field: str
) -> None:
    listing = anon.get("/api/projects", params=params)
    search = anon.get("/api/search", params={"q": "Verwaltung", **params})
    assert listing.status_code == search.status_code == 422
    violation = next(v for v in listing.json()["violations"] if v["field"] == field)
    assert violation == next(v for v in search.json()["violations"] if v["field"] == field)
    assert violation.get("candidates") or params == {"origin": "null"}
    page = anon.get("/suche", params=params)
    assert page.status_code == 422 and html.escape(violation["message"], quote=False) in page.text
