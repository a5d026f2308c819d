"""The web interface in a real browser (Debian's Chromium driven by Playwright) against real nodes.

Covers what municipal staff do: search and filter, open a project and its similar projects,
publish a project through the form (and see the form keep their input on an error), see a
harvested project with its verified origin on an aggregator, open the inventory and download CSV.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ADMIN_TOKEN
from tests.e2e.browser_support import AXE, check_basics, publisher_token, shot, wait_for_search, wait_until, wcag_violations
from tests.e2e.processes import NodeProcess

pytestmark = [pytest.mark.browser, pytest.mark.slow]

pytest.importorskip("playwright.sync_api")


def test_every_main_page_passes_the_automated_wcag_21_aa_checks(page: object, municipal: NodeProcess) -> None:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make e2e-tools` (npm ci in tests/e2e)")
    with municipal.client() as c:
        hellweg = c.get("/api/search", params={"q": "Standesamtverbund Hellweg", "limit": 1}).json()["results"][0]["id"]
    paths = ["/", "/suche?q=gemeinsames+Standesamt", "/suche?q=Standesamt&state=NW", "/suche?q=Raumfahrtbeh%C3%B6rde",
             "/projects/" + hellweg.split("/projects/")[1], "/gemeinde/05974016", "/bestandsaufnahme?state=NW", "/netzwerk",
             "/anmelden", "/impressum", "/datenschutz", "/gibt-es-nicht"]
    found = {}
    for path in paths:
        page.goto(municipal.url + path)  # type: ignore[attr-defined]
        found[path] = wcag_violations(page)
    page.goto(municipal.url + "/anmelden")  # type: ignore[attr-defined]
    page.get_by_label("Zugangsschlüssel").fill(ADMIN_TOKEN)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Anmelden").click()  # type: ignore[attr-defined]
    page.goto(municipal.url + "/veroeffentlichen")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Veröffentlichen").click()  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    assert page.locator("[role=alert], .error").count() > 0  # type: ignore[attr-defined]  # the form with its errors
    found["/veroeffentlichen (with errors)"] = wcag_violations(page)
    assert {path: v for path, v in found.items() if v} == {}


def test_the_keyboard_reaches_the_search_and_skips_to_the_content(page: object, municipal: NodeProcess) -> None:
    page.goto(municipal.url + "/")  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement.id") == "q"  # type: ignore[attr-defined]  # the start page opens in its search box
    page.keyboard.type("Standesamt")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/suche\?q=Standesamt"))  # type: ignore[attr-defined]
    assert page.locator("ol.cards li").count() > 0  # type: ignore[attr-defined]
    page.goto(municipal.url + "/bestandsaufnahme")  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement.textContent.trim()") == "Zum Inhalt springen"  # type: ignore[attr-defined]
    assert page.locator("a.skip").is_visible()  # type: ignore[attr-defined]  # shown when focused
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    assert page.url.endswith("#inhalt")  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    focused = page.evaluate("document.activeElement.closest('#inhalt') !== null")  # type: ignore[attr-defined]
    assert focused, "after the skip link, Tab must continue inside the content"


def test_search_filter_and_open_a_project_with_similar_ones(page: object, municipal: NodeProcess) -> None:
    page.goto(municipal.url + "/")  # type: ignore[attr-defined]
    check_basics(page)
    shot(page, "start")
    page.get_by_label("Suchbegriff").fill("Wer betreibt schon ein gemeinsames Standesamt?")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Suchen").click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/suche\?q="))  # type: ignore[attr-defined]
    check_basics(page)
    titles = page.locator("ol.cards h3 a").all_inner_texts()  # type: ignore[attr-defined]
    assert titles and "Standesamtverbund Hellweg" in titles[:3]
    assert page.locator(".why").first.inner_text()  # type: ignore[attr-defined]
    page.locator(".facets a", has_text="Nordrhein-Westfalen").first.click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"state=NW"))  # type: ignore[attr-defined]
    shot(page, "results")
    metas = page.locator("ol.cards li .meta").all_inner_texts()  # type: ignore[attr-defined]
    assert metas and all("Nordrhein-Westfalen" in m for m in metas[::2] if "·" in m)
    page.locator("ol.cards h3 a", has_text="Standesamtverbund Hellweg").click()  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text() == "Standesamtverbund Hellweg"  # type: ignore[attr-defined]
    check_basics(page)
    assert page.locator("a", has_text="Erwitte").first.get_attribute("href") == "/gemeinde/05974016"  # type: ignore[attr-defined]
    similar = page.locator("#aehnlich + ul.cards h3 a").all_inner_texts()  # type: ignore[attr-defined]
    assert len(similar) >= 3 and "Standesamtverbund Hellweg" not in similar
    shot(page, "project")
    page.locator("a", has_text="Turtle").first.click()  # type: ignore[attr-defined]
    assert "dcterms:title" in page.content()  # type: ignore[attr-defined]


def test_a_search_without_hits_suggests_broader_terms(page: object, municipal: NodeProcess) -> None:
    page.goto(municipal.url + "/suche?q=Raumfahrtbehörde+Quantenkryptographie")  # type: ignore[attr-defined]
    assert "Keine Treffer" in page.locator("main").inner_text() or page.locator("ol.cards li").count() > 0  # type: ignore[attr-defined]


def test_publish_through_the_form_keeps_input_on_errors_and_is_findable(page: object, municipal: NodeProcess) -> None:
    token = publisher_token(municipal)
    page.goto(municipal.url + "/veroeffentlichen")  # type: ignore[attr-defined]
    assert "/anmelden" in page.url  # type: ignore[attr-defined]
    page.get_by_label("Zugangsschlüssel").fill(token)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Anmelden").click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/veroeffentlichen$"))  # type: ignore[attr-defined]
    check_basics(page)
    page.locator("#f-title").fill("Gemeinsame Friedhofsverwaltung Welver und Wickede")  # type: ignore[attr-defined]
    page.locator("#f-description").fill("Welver und Wickede (Ruhr) führen die Friedhofsverwaltung gemeinsam: Grabstellen, Gebühren und Bestattungstermine in einem digitalen Verfahren.")  # type: ignore[attr-defined]
    page.locator("#f-participants").fill("Welver\nWickedde")  # type: ignore[attr-defined]
    page.locator("input[name=taskAreas][value='13']").check()  # type: ignore[attr-defined]
    page.locator("#f-legalForm").select_option("oerv-mandatierend")  # type: ignore[attr-defined]
    page.locator("#f-status").select_option("in-umsetzung")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Veröffentlichen").click()  # type: ignore[attr-defined]
    error = page.locator("#participants-fehler")  # type: ignore[attr-defined]
    assert "Wickedde" in error.inner_text() and "Wickede" in error.inner_text()
    assert page.locator("#f-title").input_value() == "Gemeinsame Friedhofsverwaltung Welver und Wickede"  # type: ignore[attr-defined]
    assert page.locator("input[name=taskAreas][value='13']").is_checked()  # type: ignore[attr-defined]
    page.locator("#f-participants").fill("Welver\nWickede (Ruhr)")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Veröffentlichen").click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/projects/gemeinsame-friedhofsverwaltung"))  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text() == "Gemeinsame Friedhofsverwaltung Welver und Wickede"  # type: ignore[attr-defined]
    with municipal.client(token=None) as anonymous:
        wait_until(lambda: any(r["title"].startswith("Gemeinsame Friedhofsverwaltung")
                                for r in anonymous.get("/api/search", params={"q": "Friedhofsverwaltung"}).json()["results"]))
    page.goto(municipal.url + "/suche?q=Friedhofsverwaltung")  # type: ignore[attr-defined]
    assert "Gemeinsame Friedhofsverwaltung Welver und Wickede" in page.locator("ol.cards").inner_text()  # type: ignore[attr-defined]


def test_a_publisher_cannot_edit_another_publishers_record(page: object, municipal: NodeProcess) -> None:
    with municipal.client() as admin:
        key = admin.get("/api/projects", params={"limit": 1}).json()["items"][0]["key"]
    page.goto(municipal.url + "/anmelden")  # type: ignore[attr-defined]
    page.get_by_label("Zugangsschlüssel").fill(publisher_token(municipal))  # type: ignore[attr-defined]
    page.get_by_role("button", name="Anmelden").click()  # type: ignore[attr-defined]
    response = page.goto(municipal.url + f"/projects/{key}/bearbeiten")  # type: ignore[attr-defined]
    assert response.status == 403
    assert "Keine Berechtigung" in page.locator("h1").inner_text()  # type: ignore[attr-defined]


def test_unknown_pages_get_a_friendly_404(page: object, municipal: NodeProcess) -> None:
    response = page.goto(municipal.url + "/projects/gibt-es-nicht")  # type: ignore[attr-defined]
    assert response.status == 404
    assert "Suche" in page.locator("main").inner_text()  # type: ignore[attr-defined]
    check_basics(page)


def test_inventory_shows_map_matrix_potentials_and_downloads_csv(page: object, municipal: NodeProcess) -> None:
    page.goto(municipal.url + "/bestandsaufnahme")  # type: ignore[attr-defined]
    page.get_by_label("Bundesland").select_option("NW")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Anzeigen").click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"state=NW"))  # type: ignore[attr-defined]
    check_basics(page)
    assert page.locator("svg.map path").count() >= 2  # type: ignore[attr-defined]
    assert page.locator("table[aria-labelledby=matrix] tbody tr").count() > 5  # type: ignore[attr-defined]
    assert page.locator("#potenziale ~ ul li").count() > 0  # type: ignore[attr-defined]
    assert page.locator("table[aria-labelledby=prioritaeten] tbody tr").count() == 17  # type: ignore[attr-defined]
    shot(page, "inventory")
    with page.expect_download() as download_info:  # type: ignore[attr-defined]
        page.locator("#aufgaben ~ p.downloads a", has_text="CSV").first.click()  # type: ignore[attr-defined]
    path = download_info.value.path()
    text = Path(path).read_text(encoding="utf-8-sig")
    header = text.splitlines()[0]
    assert "Produktbereich" in header or "Aufgabenbereich" in header
    assert len(text.splitlines()) == 18


def test_network_page_of_an_aggregator_shows_peers_and_verified_harvested_projects(page: object, municipal: NodeProcess,
                                                                                   tmp_path: Path) -> None:
    aggregator = NodeProcess(tmp_path / "aggregator", name="Städte- und Gemeindebund NRW",
                             extra_args=["--operator", "Städte- und Gemeindebund NRW", "--kind", "aggregator"],
                             env={"KB_SEARCH_ENABLED": "true"}).start(timeout=180)
    try:
        with aggregator.client() as admin:
            assert admin.post("/api/peers", json={"url": municipal.url}).status_code == 201
            result = admin.post("/api/peers/sync", timeout=300).json()
            assert result["ok"], result
            wait_for_search(admin)
            hellweg = next(i for i in admin.get("/api/projects", params={"limit": 200}).json()["items"] if i["title"] == "Standesamtverbund Hellweg")
        page.goto(aggregator.url + "/netzwerk")  # type: ignore[attr-defined]
        check_basics(page)
        assert "Kreis Soest" in page.locator("main table").first.inner_text()  # type: ignore[attr-defined]
        assert "abgeglichen" in page.locator("main table").first.inner_text()  # type: ignore[attr-defined]
        shot(page, "network")
        page.goto(aggregator.url + "/suche?q=Standesamtverbund+Hellweg")  # type: ignore[attr-defined]
        page.locator("ol.cards h3 a", has_text="Standesamtverbund Hellweg").click()  # type: ignore[attr-defined]
        body = page.locator("main").inner_text()  # type: ignore[attr-defined]
        assert "Veröffentlicht von Kreis Soest" in body
        assert "Herkunft geprüft: Signatur gültig" in body
        assert hellweg["id"] in body
    finally:
        aggregator.stop()


