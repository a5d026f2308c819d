"""The Bestandsaufnahme in a real browser: phone and desktop, WCAG 2.1 AA, sortable tables, the maps.

Uses the shared session fixtures (one Chromium, the seeded Kreis Soest node) of tests/e2e/conftest.py.
"""

from __future__ import annotations

import pytest

from tests.e2e.browser_support import check_basics, shot, wcag_violations
from tests.e2e.processes import NodeProcess

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [375, 1280])
def test_inventory_fits_the_screen_and_is_accessible(browser: object, municipal: NodeProcess, width: int) -> None:
    context = browser.new_context(locale="de-DE", viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        page.goto(municipal.url + "/bestandsaufnahme?state=NW")
        check_basics(page)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), \
            f"the page scrolls sideways at {width} px ({page.evaluate('document.documentElement.scrollWidth')} px wide)"
        assert wcag_violations(page) == []
        assert page.locator("svg#karte-kreise a").count() > 20, "every Kreis on the map is a link"
        assert page.locator("svg#karte-kommunen a title").count() > 300, "every municipality has a tooltip"
        shot(page, f"inventory-{width}")
    finally:
        context.close()
    assert refused == []


def test_inventory_tables_sort_by_a_click_on_their_header(page: object, municipal: NodeProcess) -> None:
    page.goto(municipal.url + "/bestandsaufnahme?state=NW")  # type: ignore[attr-defined]
    table = page.locator("table[aria-labelledby=kreise]")  # type: ignore[attr-defined]
    share = table.locator("th", has_text="Anteil beteiligt")

    def shares() -> list[float]:
        return [float(v) for v in table.locator("tbody td:nth-child(5)").evaluate_all("cells => cells.map(c => c.dataset.sort)")]

    share.get_by_role("button").click()
    assert share.get_attribute("aria-sort") == "descending"
    assert shares() == sorted(shares(), reverse=True)
    share.get_by_role("button").click()
    assert share.get_attribute("aria-sort") == "ascending"
    assert shares() == sorted(shares())
    name = table.locator("th", has_text="Kreis").first
    name.get_by_role("button").focus()
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    names = table.locator("tbody td:first-child").all_inner_texts()
    assert name.get_attribute("aria-sort") == "ascending"
    assert names == sorted(names, key=lambda n: n.casefold().replace("ö", "o").replace("ü", "u").replace("ä", "a"))


def test_a_click_on_the_map_opens_the_municipality(page: object, municipal: NodeProcess) -> None:
    page.goto(municipal.url + "/bestandsaufnahme?kreis=05974")  # type: ignore[attr-defined]
    page.locator('svg#karte-kommunen a[href="/gemeinde/05974016"]').click()  # type: ignore[attr-defined]
    page.wait_for_url("**/gemeinde/05974016")  # type: ignore[attr-defined]
    assert "Erwitte" in page.locator("h1").inner_text()  # type: ignore[attr-defined]
