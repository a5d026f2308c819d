"""Every main page on a 375 px phone and a 1280 px screen, and the publishing form as staff use it (issue 16).

Real Chromium against the shared seeded node (tests/e2e/conftest.py): no page scrolls sideways, axe-core
finds nothing against WCAG 2.1 AA, search shows results before its facets on a phone, and the form
shows every problem at once, takes a German date and confirms publishing, changing and withdrawing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.e2e.browser_support import AXE, check_basics, publisher_token, shot, wcag_violations
from tests.e2e.processes import NodeProcess

pytestmark = [pytest.mark.browser, pytest.mark.slow]

pytest.importorskip("playwright.sync_api")

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
SIDEWAYS = "() => document.documentElement.scrollWidth - innerWidth"
NOT_IN_TEST_BROWSER = ("/hilfe", "/suche")
"""Pages whose axe-core check at 1280 px is not already in test_browser.py's."""


@pytest.fixture
def phone(browser: object) -> Iterator[object]:
    context = browser.new_context(locale="de-DE", viewport=PHONE)  # type: ignore[attr-defined]
    yield context.new_page()
    context.close()


def _hellweg(node: NodeProcess) -> str:
    with node.client() as c:
        hit = c.get("/api/search", params={"q": "Standesamtverbund Hellweg", "limit": 1}).json()["results"][0]
    return "/projects/" + hit["id"].split("/projects/")[1]


def _sign_in(page: object, node: NodeProcess) -> None:
    page.goto(node.url + "/anmelden")  # type: ignore[attr-defined]
    page.get_by_label("Zugangsschlüssel").fill(publisher_token(node, "Gemeinde Wickede (Ruhr)"))  # type: ignore[attr-defined]
    page.get_by_role("button", name="Anmelden").click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/veroeffentlichen$"))  # type: ignore[attr-defined]


def test_no_main_page_scrolls_sideways_on_a_phone_or_a_desktop(page: object, municipal: NodeProcess) -> None:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make e2e-tools` (npm ci in tests/e2e)")
    paths = ["/", "/suche?q=Standesamt&state=NW&regierungsbezirk=059", "/suche",
             _hellweg(municipal), "/gemeinde/05974016", "/netzwerk", "/anmelden", "/hilfe", "/impressum", "/datenschutz"]
    sideways, violations = {}, {}
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)  # type: ignore[attr-defined]
        for path in paths:
            page.goto(municipal.url + path)  # type: ignore[attr-defined]
            name = f"{path} at {viewport['width']} px"
            if (extra := page.evaluate(SIDEWAYS)) > 0:  # type: ignore[attr-defined]
                sideways[name] = extra
            if (viewport is PHONE or path in NOT_IN_TEST_BROWSER) and (found := wcag_violations(page)):
                violations[name] = found  # at 1280 px test_browser.py checks the others
            shot(page, f"pages-{viewport['width']}-{re.sub(r'[^a-z0-9]+', '-', path.lower()).strip('-') or 'start'}")
    assert sideways == {}, "pages wider than the screen (px too wide)"
    assert violations == {}


def test_on_a_phone_results_come_before_the_facets_and_filters_show_names(phone: object, municipal: NodeProcess) -> None:
    phone.goto(municipal.url + "/suche?q=Standesamt&state=NW&regierungsbezirk=059")  # type: ignore[attr-defined]
    chips = phone.locator(".active-filters").inner_text()  # type: ignore[attr-defined]
    assert "Bundesland: Nordrhein-Westfalen" in chips and "Arnsberg" in chips and "059" not in chips
    first_result = phone.locator("ol.cards li").first  # type: ignore[attr-defined]
    assert first_result.is_visible() and first_result.bounding_box()["y"] < 800  # on the first screen
    assert first_result.locator(".snippet").inner_text()  # a snippet of the description
    facets = phone.locator(".facets")  # type: ignore[attr-defined]
    assert not facets.is_visible()
    phone.get_by_text("Filter (2 aktiv)").click()  # type: ignore[attr-defined]
    assert facets.is_visible()
    shot(phone, "pages-375-search-filter-open")
    phone.goto(municipal.url + "/suche")  # type: ignore[attr-defined]
    phone.locator("summary", has_text="Filter").click()  # type: ignore[attr-defined]
    assert "früher:" not in phone.locator(".facets").inner_text()  # type: ignore[attr-defined]  # abolished regions are not offered


def test_the_form_shows_every_error_at_once_takes_a_german_date_and_confirms(phone: object, municipal: NodeProcess) -> None:
    _sign_in(phone, municipal)
    check_basics(phone)
    phone.locator("#f-contact_name").fill("Erika Muster")  # type: ignore[attr-defined]  # a person, no consent
    phone.get_by_role("button", name="Veröffentlichen").click()  # type: ignore[attr-defined]
    phone.wait_for_load_state()  # type: ignore[attr-defined]
    errors = phone.locator(".field-error").all_inner_texts()  # type: ignore[attr-defined]
    summary = phone.locator("#fehler li a")  # type: ignore[attr-defined]
    assert len(errors) >= 7 and summary.count() == len(errors), errors  # title … status and consent, in one go
    assert not any(re.search(r"pb:|consent|IRI|Sprachangabe|\(z\. B\. land", e) for e in errors), errors
    for href in summary.evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert phone.locator(href).count() == 1, href  # each entry leads to its field
    assert phone.evaluate(SIDEWAYS) <= 0  # type: ignore[attr-defined]
    assert wcag_violations(phone) == []
    shot(phone, "pages-375-form-errors")

    phone.locator("#f-title").fill("Gemeinsamer Bauhof Wickede und Wickede-Ost")  # type: ignore[attr-defined]
    phone.locator("#f-description").fill("Zwei Bauhöfe arbeiten mit gemeinsamen Fahrzeugen und einem Dienstplan für den Winterdienst.")  # type: ignore[attr-defined]
    phone.locator("#f-participants").fill("Wickede (Ruhr)\nWelver")  # type: ignore[attr-defined]
    phone.get_by_label("Verkehrsflächen und -anlagen, ÖPNV").check()  # type: ignore[attr-defined]
    phone.locator("#f-legalForm").select_option(label="Öffentlich-rechtliche Vereinbarung (mandatierend)")  # type: ignore[attr-defined]
    phone.locator("#f-status").select_option(label="geplant")  # type: ignore[attr-defined]
    # A browser without a date picker shows a text field: staff type TT.MM.JJJJ there (simulated by turning the picker into one).
    phone.evaluate("document.getElementById('f-startDate').type = 'text'")  # type: ignore[attr-defined]
    phone.locator("#f-startDate").fill("01.03.2027")  # type: ignore[attr-defined]
    phone.locator("#f-endDate").fill("2031-12-31")  # type: ignore[attr-defined]  # the date picker (it sends JJJJ-MM-TT)
    phone.locator("#f-contact_consent").check()  # type: ignore[attr-defined]
    phone.locator("#f-figure_label_0").fill("Einsparung pro Jahr")  # type: ignore[attr-defined]
    phone.locator("#f-figure_value_0").fill("12.500")  # type: ignore[attr-defined]
    phone.locator("#f-figure_unit_0").fill("EUR/Jahr")  # type: ignore[attr-defined]
    phone.get_by_role("button", name="Veröffentlichen").click()  # type: ignore[attr-defined]
    phone.wait_for_url(re.compile(r"/projects/gemeinsamer-bauhof.*\?neu=1"))  # type: ignore[attr-defined]
    main = phone.locator("main").inner_text()  # type: ignore[attr-defined]
    assert "Das Projekt ist veröffentlicht" in main
    assert "Zeitraum\ngeplant ab 1.3.2027 bis 31.12.2031" in main, main
    assert "Einsparung pro Jahr: 12.500 EUR/Jahr" in main
    assert wcag_violations(phone) == []
    shot(phone, "pages-375-published")

    phone.get_by_role("link", name="Bearbeiten").click()  # type: ignore[attr-defined]
    assert phone.locator("#f-participants").input_value() == "Welver (05974048)\nWickede (Ruhr) (05974056)"  # type: ignore[attr-defined]
    assert phone.locator("#f-startDate").input_value() == "2027-03-01"  # type: ignore[attr-defined]
    phone.locator("#f-title").fill("Gemeinsamer Bauhof Wickede")  # type: ignore[attr-defined]
    phone.get_by_role("button", name="Änderungen speichern").click()  # type: ignore[attr-defined]
    phone.wait_for_url(re.compile(r"\?geaendert=1"))  # type: ignore[attr-defined]
    assert "Ihre Änderungen sind gespeichert" in phone.locator("[role=status]").first.inner_text()  # type: ignore[attr-defined]

    phone.get_by_role("link", name="Bearbeiten").click()  # type: ignore[attr-defined]
    phone.get_by_role("link", name="Projekt zurückziehen …").click()  # type: ignore[attr-defined]
    phone.get_by_role("button", name="Ja, zurückziehen").click()  # type: ignore[attr-defined]
    phone.wait_for_url(re.compile(r"\?zurueckgezogen=1"))  # type: ignore[attr-defined]
    assert "Das Projekt ist zurückgezogen" in phone.locator("[role=status]").first.inner_text()  # type: ignore[attr-defined]
