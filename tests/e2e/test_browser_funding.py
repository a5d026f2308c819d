"""The pages "Förderung" and "Smart-City-Initiativen" in Chromium at 1280 and 375 px: axe-core
WCAG 2.1 AA clean, no horizontal scrolling on a phone, nothing blocked by the CSP (issue 13.5/13.6)."""

from __future__ import annotations

import pytest

from tests.e2e.browser_support import check_basics, shot, wcag_violations
from tests.e2e.processes import NodeProcess

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = [
    pytest.param("/foerderung", "Förderung", id="foerderung"),
    pytest.param("/foerderung/modellprojekte-smart-cities", "Modellprojekte Smart Cities", id="programm"),
    pytest.param("/initiativen", "Smart-City-Initiativen", id="initiativen"),
]


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_funding_and_initiative_pages_are_accessible_at_desktop_and_phone_width(
        page: object, municipal: NodeProcess, path: str, heading: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})  # type: ignore[attr-defined]
    page.goto(municipal.url + path)  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text() == heading  # type: ignore[attr-defined]
    check_basics(page)
    assert wcag_violations(page) == []
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")  # type: ignore[attr-defined]
    assert overflow <= 0, f"{path} scrolls sideways by {overflow} px at {width} px"
    shot(page, f"funding-{path.strip('/').replace('/', '-')}-{width}")


def test_staff_get_from_the_start_page_to_an_initiatives_funding_programme(page: object, municipal: NodeProcess) -> None:
    page.goto(municipal.url + "/")  # type: ignore[attr-defined]
    assert wcag_violations(page) == []  # the tile is a link now
    page.get_by_role("link", name="Smart-City-Initiativen").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/initiativen")  # type: ignore[attr-defined]
    assert page.locator("svg.map").count() == 1  # type: ignore[attr-defined]
    page.locator("#initiative-1").get_by_role("link").first.wait_for()  # type: ignore[attr-defined]
    page.get_by_role("link", name="Modellprojekte Smart Cities").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/foerderung/modellprojekte-smart-cities")  # type: ignore[attr-defined]
    assert "Smart Cities: 5 für Südwestfalen" in page.locator("main").inner_text()  # type: ignore[attr-defined]
