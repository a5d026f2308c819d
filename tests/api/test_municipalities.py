"""Every municipality is findable: the name lookup API, the place card on the search page, ``/gemeinde/{name}``,
and the partner page of a town without any project."""

from __future__ import annotations

import httpx

from tests.conftest import HELLWEG


def test_the_api_finds_municipalities_by_name_with_typos_and_checks_its_input(anonymous: httpx.Client) -> None:
    (first, *_rest) = anonymous.get("/api/municipalities", params={"q": "Schwalmstadt"}).json()["results"]
    assert first["ags"] == "06634022" and first["kreis"] == "Schwalm-Eder-Kreis" and first["state"] == "HE" and first["exact"]
    assert first["url"] == "/gemeinde/06634022"
    for typed in ("schwalmstad", "Schwalmstdt", "SCHWALMSTADT"):  # start of the name, a typo, capitals
        names = [r["name"] for r in anonymous.get("/api/municipalities", params={"q": typed}).json()["results"]]
        assert names[0] == "Schwalmstadt", (typed, names)
    bad_sassendorf = anonymous.get("/api/municipalities", params={"q": "Sassendorf"}).json()["results"]
    assert bad_sassendorf[0]["ags"] == "05974008"  # a later word of the name
    kreis = anonymous.get("/api/municipalities", params={"q": "Kreis Soest"}).json()["results"][0]
    assert kreis["type"] == "kreis" and kreis["kreisKey"] == "05974"
    assert len(anonymous.get("/api/municipalities", params={"q": "Neustadt", "limit": 3}).json()["results"]) == 3
    for params in ({"q": ""}, {"q": "   "}, {"q": "x" * 101}, {"q": "Soest", "limit": 0}, {"q": "Soest", "limit": 51}, {}):
        r = anonymous.get("/api/municipalities", params=params)
        assert r.status_code == 422, params
        assert r.json()["message"] and r.json()["message_en"] and r.json()["message"] != r.json()["message_en"]


def test_a_town_without_projects_is_found_by_name_and_gets_a_partner_page(anonymous: httpx.Client) -> None:
    page = anonymous.get("/suche", params={"q": "Schwalmstadt"})
    assert page.status_code == 200 and 'href="/gemeinde/06634022"' in page.text
    assert 'data-places="orte"' in page.text and "/static/places.js" in page.text  # the suggestions in the search box
    typo = anonymous.get("/suche", params={"q": "Schwalmstdt"}).text
    assert 'href="/gemeinde/06634022"' in typo and "meinten Sie" in typo
    topic = anonymous.get("/suche", params={"q": "gemeinsames Standesamt"}).text
    assert "zu Ihrer Suche</h2>" not in topic  # ordinary words are not taken for towns
    within = anonymous.get("/suche", params={"q": "Kooperationspartner gesucht Schwalm-Eder-Kreis"}).text
    assert 'href="/suche?kreis=06634"' in within

    by_name = anonymous.get("/gemeinde/Schwalmstadt", follow_redirects=False)
    assert by_name.status_code == 303 and by_name.headers["location"] == "/gemeinde/06634022"
    town = anonymous.get("/gemeinde/06634022")
    assert town.status_code == 200
    for section in ("Kooperationen im Kreis Schwalm-Eder-Kreis", "Was die Nachbarn tun", "Willingshausen"):
        assert section in town.text, section
    choice = anonymous.get("/gemeinde/Neustadt", follow_redirects=False)
    assert choice.status_code == 200 and "Mehrere Gemeinden" in choice.text and choice.text.count('href="/gemeinde/') >= 2
    unknown = anonymous.get("/gemeinde/Schwalmstdt", follow_redirects=False)
    assert unknown.status_code == 404 and 'href="/gemeinde/06634022"' in unknown.text
    assert anonymous.get("/gemeinde/99999999").status_code == 404


def test_cooperations_in_the_kreis_show_on_a_town_page_without_own_projects(admin: httpx.Client) -> None:
    admin.post("/api/projects", json=HELLWEG).raise_for_status()  # Erwitte, Anröchte, Bad Sassendorf (Kreis Soest)
    page = admin.get("/gemeinde/05974040").text  # Soest itself takes no part
    assert "Kooperationen im Kreis Soest" in page and "Standesamtverbund Hellweg" in page
