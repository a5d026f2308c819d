"""Every municipality findable, in a real browser: suggestions while typing in the search box, the place
card on the results, the town's page, the choice between namesakes; and the network page's admin forms.
All WCAG 2.1 AA clean (axe-core), at desktop and phone width."""

from __future__ import annotations

import pytest

from tests.conftest import ADMIN_TOKEN
from tests.e2e.browser_support import AXE, check_basics, shot, wcag_violations
from tests.e2e.processes import NodeProcess

pytestmark = [pytest.mark.browser, pytest.mark.slow]

pytest.importorskip("playwright.sync_api")


def no_horizontal_scroll(page: object) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))  # type: ignore[attr-defined]


def test_the_search_box_suggests_towns_and_leads_to_the_town_page(page: object, municipal: NodeProcess) -> None:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make e2e-tools` (npm ci in tests/e2e)")
    page.goto(municipal.url + "/")  # type: ignore[attr-defined]
    box = page.locator("#q")  # type: ignore[attr-defined]
    box.press_sequentially("Schwalmst", delay=30)
    page.wait_for_function("() => [...document.querySelectorAll('#orte option')].some(o => o.value === 'Schwalmstadt')",  # type: ignore[attr-defined]
                           timeout=10_000)
    labels = page.eval_on_selector_all("#orte option", "os => os.map(o => o.label)")  # type: ignore[attr-defined]
    assert any("Schwalm-Eder-Kreis" in label for label in labels)
    assert wcag_violations(page) == []
    box.fill("Schwalmstadt")
    box.press("Enter")
    page.wait_for_url("**/suche?q=Schwalmstadt")  # type: ignore[attr-defined]
    card = page.locator('.place-cards a[href="/gemeinde/06634022"]')  # type: ignore[attr-defined]
    assert card.count() == 1
    check_basics(page)
    assert wcag_violations(page) == []
    shot(page, "gemeinde-suche-1280")
    card.click()
    page.wait_for_url("**/gemeinde/06634022")  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text() == "Schwalmstadt"  # type: ignore[attr-defined]
    assert page.get_by_role("heading", name="Kooperationen im Kreis Schwalm-Eder-Kreis").count() == 1  # type: ignore[attr-defined]
    assert wcag_violations(page) == []

    page.set_viewport_size({"width": 375, "height": 800})  # type: ignore[attr-defined]
    for path in ("/suche?q=Schwalmstadt", "/gemeinde/Neustadt", "/gemeinde/Schwalmstdt"):
        page.goto(municipal.url + path)  # type: ignore[attr-defined]
        check_basics(page)
        assert wcag_violations(page) == [], path
        assert no_horizontal_scroll(page), path
    shot(page, "gemeinde-auswahl-375")
    page.goto(municipal.url + "/gemeinde/Schwalmstadt")  # type: ignore[attr-defined]
    assert page.url.endswith("/gemeinde/06634022")  # type: ignore[attr-defined]


def test_a_node_holding_the_whole_network_ranks_the_hellweg_registry_office_high(municipal: NodeProcess) -> None:
    """What every node of ``kb demo`` holds since members follow the aggregator: all seed projects (the
    demo test checks that every node holds them all; this node is seeded with all of them)."""
    with municipal.client() as c:
        titles = [r["title"] for r in c.get("/api/search", params={"q": "gemeinsames Standesamt", "limit": 3}).json()["results"]]
    assert "Standesamtverbund Hellweg" in titles


def test_the_network_page_speaks_to_staff_and_gives_the_admin_the_join_form(page: object, municipal: NodeProcess) -> None:
    page.goto(municipal.url + "/netzwerk")  # type: ignore[attr-defined]
    text = page.locator("main").inner_text()  # type: ignore[attr-defined]
    assert "Knoten im Netzwerk" in text and "kb peer" not in text and "kb join" not in text
    page.goto(municipal.url + "/anmelden?weiter=/netzwerk")  # type: ignore[attr-defined]
    assert "kb token" not in page.locator("main").inner_text()  # type: ignore[attr-defined]
    page.get_by_label("Zugangsschlüssel").fill(ADMIN_TOKEN)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Anmelden").click()  # type: ignore[attr-defined]
    page.wait_for_url("**/netzwerk")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Einladungscode erzeugen").click()  # type: ignore[attr-defined]
    assert "kbinv_" in page.locator("main").inner_text()  # type: ignore[attr-defined]
    assert page.get_by_label("Einladungscode").count() == 1  # type: ignore[attr-defined]
    check_basics(page)
    assert wcag_violations(page) == []
    shot(page, "netzwerk-admin-1280")
    page.set_viewport_size({"width": 375, "height": 800})  # type: ignore[attr-defined]
    assert no_horizontal_scroll(page)
    shot(page, "netzwerk-admin-375")
