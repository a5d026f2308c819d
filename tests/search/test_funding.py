"""Funding programmes and smart-city initiatives, as staff meet them: the "Förderung" pages, the
programme filter and facet, the hint on a municipality's page, the initiatives page and the node
kinds on the network page (issue 13, items 5 and 6).

These run on the search tests' session node (all seed records, indexed), so they add no node of
their own; the seed records name their programmes (``seed_data/projects/README.md``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import LiveNode

pytestmark = pytest.mark.slow

SUEDWESTFALEN = "Smart Cities: 5 für Südwestfalen"
NORDLIPPE = "LEADER-Region Nordlippe (Lokale Aktionsgruppe Nordlippe e. V.)"


@pytest.fixture(scope="module")
def anon(seeded: LiveNode) -> Iterator[httpx.Client]:
    with seeded.client(token=None) as client:
        yield client


def titles(anon: httpx.Client, path: str, **params: str) -> list[str]:
    response = anon.get(path, params={**params, "limit": "100"})
    assert response.status_code == 200, response.text
    body = response.json()
    return [i["title"] for i in (body["items"] if "items" in body else body["results"])]


def text(response: httpx.Response) -> str:
    assert response.status_code == 200, response.text[:500]
    return html.unescape(re.sub(r"<[^>]+>", " ", response.text))


# ---------------------------------------------------------------------------------------------- API


def test_programmes_list_their_conditions_sources_and_funded_records(anon: httpx.Client) -> None:
    body = anon.get("/api/funding-programmes").json()
    by_code = {p["code"]: p for p in body["programmes"]}
    assert {"ikz-nrw", "ikz-hessen", "ikz-rheinland-pfalz", "zukunftsraeume-niedersachsen", "leader", "modellprojekte-smart-cities"} <= set(by_code)
    nrw = by_code["ikz-nrw"]
    assert nrw["level"] == "land" and nrw["state"] == "NW" and nrw["projects"] >= 1
    assert "175.000" in nrw["conditions"] and "Shared-Service-Center" in nrw["note"]
    assert all(p["sources"] and p["conditions"] for p in body["programmes"])
    assert by_code["leader"]["level"] == "eu" and by_code["leader"]["projects"] >= 5
    rounds = {r["code"]: r for r in by_code["modellprojekte-smart-cities"]["rounds"]}
    assert sorted(rounds) == [f"modellprojekte-smart-cities-staffel-{n}" for n in (1, 2, 3)]
    assert rounds["modellprojekte-smart-cities-staffel-1"]["projects"] >= 1


def test_one_programme_lists_the_records_it_funded(anon: httpx.Client) -> None:
    body = anon.get("/api/funding-programmes/ikz-nrw").json()
    assert "Standesamtverbund Hellweg" in [r["title"] for r in body["records"]]
    smart = anon.get("/api/funding-programmes/modellprojekte-smart-cities-staffel-1").json()  # a round leads to its programme
    assert smart["code"] == "modellprojekte-smart-cities"
    assert {"title": SUEDWESTFALEN, "round": "modellprojekte-smart-cities-staffel-1"}.items() <= next(
        r for r in smart["records"] if r["title"] == SUEDWESTFALEN).items()


def test_an_unknown_programme_is_a_clear_404(anon: httpx.Client) -> None:
    response = anon.get("/api/funding-programmes/gibt-es-nicht")
    assert response.status_code == 404 and "Förderprogramm" in response.json()["message"]
    assert anon.get("/foerderung/" + "x" * 5000).status_code in (404, 414)


def test_listing_and_search_filter_by_programme_and_by_round_alike(anon: httpx.Client) -> None:
    leader = titles(anon, "/api/projects", programme="leader")
    assert NORDLIPPE in leader and "Standesamtverbund Hellweg" not in leader
    assert titles(anon, "/api/projects", programme="LEADER 2023–2027") == leader  # a name works like the code
    found = titles(anon, "/api/search", q="Region", programme="leader")
    assert found and set(found) <= set(leader)
    assert titles(anon, "/api/projects", programme="modellprojekte-smart-cities-staffel-1") == [SUEDWESTFALEN]
    assert titles(anon, "/api/projects", programme="modellprojekte-smart-cities-staffel-2") == []


def test_an_unknown_programme_filter_lists_the_allowed_values(anon: httpx.Client) -> None:
    response = anon.get("/api/projects", params={"programme": "Goldesel"})
    assert response.status_code == 422
    violation = response.json()["violations"][0]
    assert violation["field"] == "programme" and "ikz-nrw" in {c["code"] for c in violation["candidates"]}


def test_search_counts_records_per_programme_in_a_facet(anon: httpx.Client) -> None:
    body = anon.get("/api/search", params={"q": "Digitalisierung", "limit": 5}).json()
    assert body["facets"]["programme"].get("digitale-modellregionen-nrw", 0) >= 3
    page = text(anon.get("/suche", params={"q": "Digitalisierung"}))
    assert "Förderprogramm" in page and "Digitale Modellregionen in NRW" in page


def test_a_record_names_the_programme_of_its_round(seeded: LiveNode) -> None:
    graph = seeded.node.mapper.to_graph("https://example.org/projects/x", {
        "type": "smartCityInitiative", "title": "Smart City Testregion", "description": "Eine Initiative zum Testen der Förderrunde.",
        "participants": ["Soest"], "state": "NW", "taskAreas": ["01"], "legalForm": "sonstige", "status": "geplant",
        "fundingRound": "Staffel 2"})
    summary = seeded.node.mapper.summarize(graph.iri, graph.triples)
    assert summary["fundingRound"] == "modellprojekte-smart-cities-staffel-2"
    assert summary["fundingProgrammes"] == ["modellprojekte-smart-cities"]


# -------------------------------------------------------------------------------------------- pages


def test_the_funding_page_groups_programmes_by_land_federation_and_eu(anon: httpx.Client) -> None:
    page = text(anon.get("/foerderung"))
    assert page.index("Programme der Länder") < page.index("Programme des Bundes") < page.index("Programme der EU")
    assert "Förderrichtlinie Interkommunale Zusammenarbeit NRW" in page and "ausdrücklich als förderfähig" in page


def test_a_programme_page_shows_conditions_sources_rounds_and_funded_projects(anon: httpx.Client) -> None:
    response = anon.get("/foerderung/modellprojekte-smart-cities")
    page = text(response)
    for words in ("Bedingungen in Kürze", "Quellen", "Staffel 1 (2019)", "Staffel 3 (2021)", SUEDWESTFALEN):
        assert words in page, words
    assert page.index("Staffel 1 (2019)") < page.index(SUEDWESTFALEN) < page.index("Staffel 2 (2020)")
    assert 'href="/suche?programme=modellprojekte-smart-cities"' in response.text
    assert "Standesamtverbund Hellweg" in text(anon.get("/foerderung/ikz-nrw"))
    assert anon.get("/foerderung/gibt-es-nicht").status_code == 404


def test_a_municipality_sees_programmes_that_funded_similar_projects_nearby(anon: httpx.Client) -> None:
    page = text(anon.get("/gemeinde/05974028"))  # Lippstadt, Kreis Soest: no Hellweg member, but next door
    section = page.split("Förderprogramme, die ähnliche Projekte in Ihrer Nähe gefördert haben", 1)[1]
    assert "Förderrichtlinie Interkommunale Zusammenarbeit NRW" in section and "Standesamtverbund Hellweg" in section
    far = text(anon.get("/gemeinde/09162000"))  # München: no funded project within reach in the seed
    assert "noch kein Projekt im Netzwerk ein Förderprogramm" in far


def test_the_initiatives_page_lists_members_topics_funding_on_a_map(anon: httpx.Client) -> None:
    response = anon.get("/initiativen")
    page = text(response)
    assert SUEDWESTFALEN in page and "Modellprojekte Smart Cities, Staffel 1 (2019)" in page
    entry = page.split(SUEDWESTFALEN, 1)[1][:1500]
    assert "Arnsberg" in entry and "Bad Berleburg" in entry and "Südwestfalen Agentur" in entry
    assert "Themen:" in entry
    assert '<svg class="map"' in response.text and "style=" not in response.text
    assert response.text.count("<script") == response.text.count('<script src="/static/places.js" defer></script>')  # no inline script
    assert 'href="/gemeinde/05958004"' in response.text  # Arnsberg's page


def test_the_start_page_tile_links_to_the_initiatives(anon: httpx.Client) -> None:
    tile = re.search(r'<a href="/initiativen"><strong>([\d.]+)</strong> Smart-City-Initiativen</a>', anon.get("/").text)
    assert tile and int(tile.group(1).replace(".", "")) >= 20
    assert len(re.findall(r'<li id="initiative-\d+"', anon.get("/initiativen").text)) == int(tile.group(1).replace(".", ""))
