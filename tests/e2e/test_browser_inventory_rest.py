"""The rest of issue 16 in a real browser: the task-area choice of the Bestandsaufnahme and the
municipality list a keyboard can reach (on the page and in pages for large selections).

Uses the shared session fixtures (one Chromium, the seeded Kreis Soest node) of tests/e2e/conftest.py.
"""

from __future__ import annotations

import pytest

from tests.e2e.browser_support import AXE, WCAG_21_AA, check_basics, shot, wait_until
from tests.e2e.processes import NodeProcess

pytestmark = pytest.mark.browser


SAMPLE = "#gemeinden-tabelle tbody tr:nth-child(n+31)"
"""Rows of the municipality list beyond the 30th: alike, and axe-core takes seconds per hundred of them."""


def wcag_violations(page: object) -> list[str]:
    """axe-core (WCAG 2.1 A/AA) on the page as ``browser_support.wcag_violations`` runs it, but on the first 30 rows of the
    municipality list only (the rows are made by one template line)."""
    page.evaluate(AXE.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    return page.evaluate("""async ([tags, sample]) => (await axe.run({exclude: [[sample]]}, {runOnly: {type: 'tag', values: tags}}))
        .violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)""",
                         [WCAG_21_AA, SAMPLE])  # type: ignore[attr-defined]


def fits(page: object) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))  # type: ignore[attr-defined]


def test_task_areas_are_chosen_by_name_and_the_list_is_reached_by_keyboard(browser: object, municipal: NodeProcess) -> None:
    context = browser.new_context(locale="de-DE", viewport={"width": 375, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    try:
        page.goto(municipal.url + "/bestandsaufnahme?state=NW")
        page.locator("details.task-area-choice summary").click()
        page.get_by_role("checkbox", name="02 Sicherheit und Ordnung").check()
        page.get_by_role("button", name="Anzeigen").click()
        page.wait_for_url("**taskArea=02**")
        check_basics(page)
        assert "Aufgabenbereich 02 Sicherheit und Ordnung" in page.locator("#abschnitt-ueberblick h2").inner_text()
        assert page.get_by_role("checkbox", name="02 Sicherheit und Ordnung").is_checked()
        assert "taskArea=02" in (page.get_by_role("link", name="PDF herunterladen").get_attribute("href") or "")
        summary = page.locator("#gemeinden-liste summary")
        summary.focus()
        page.keyboard.press("Enter")
        table = page.locator("#gemeinden-tabelle")
        assert table.is_visible() and table.locator("tbody tr").count() > 300
        search = page.get_by_label("Kommune oder Kreis suchen")
        search.fill("Erwitte")
        wait_until(lambda: table.locator("tbody tr:not([hidden])").count() == 1, timeout=10)
        assert "1 von" in page.locator("#gemeinden-tabelle-treffer").inner_text()
        assert wcag_violations(page) == []  # colours and names do not change with the width: once
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            assert fits(page), f"the page scrolls sideways at {width} px"
            shot(page, f"inventory-task-areas-{width}")
        link = table.get_by_role("link", name="Erwitte")
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/gemeinde/05974016")
    finally:
        context.close()


def test_a_large_selection_is_listed_in_pages(browser: object, municipal: NodeProcess) -> None:
    context = browser.new_context(locale="de-DE", viewport={"width": 375, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    try:
        page.goto(municipal.url + "/bestandsaufnahme/gemeinden?seite=2")
        check_basics(page)
        assert page.locator(".list-pages [aria-current=page]").inner_text().startswith("Seite 2:")
        assert page.locator("#gemeinden-tabelle tbody tr").count() == 1000
        assert wcag_violations(page) == []
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            assert fits(page), f"the list scrolls sideways at {width} px"
            shot(page, f"municipality-list-{width}")
    finally:
        context.close()
