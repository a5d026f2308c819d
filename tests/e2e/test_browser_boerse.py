"""The Kooperationsbörse in Chromium: post a request through the form, see it with its matches and in
the list, axe-core clean at 1280 and 375 px (shared session node: tests/e2e/conftest.py)."""

from __future__ import annotations

import re

import pytest

from tests.e2e.browser_support import check_basics, publisher_token, shot, wcag_violations
from tests.e2e.processes import NodeProcess

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TITLE = "Gemeinsamer Standesamtsbezirk gesucht (Browser-Test)"


def no_horizontal_scroll(page: object) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))  # type: ignore[attr-defined]


def test_post_a_request_see_its_matches_and_find_it_in_the_list(page: object, municipal: NodeProcess) -> None:
    page.goto(municipal.url + "/anmelden?weiter=/boerse/neu")  # type: ignore[attr-defined]
    page.get_by_label("Zugangsschlüssel").fill(publisher_token(municipal))  # type: ignore[attr-defined]
    page.get_by_role("button", name="Anmelden").click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/boerse/neu$"))  # type: ignore[attr-defined]
    check_basics(page)
    assert wcag_violations(page) == []
    page.get_by_label("Gesuch – wir suchen Partner").check()  # type: ignore[attr-defined]
    page.locator("#f-title").fill(TITLE)  # type: ignore[attr-defined]
    page.locator("#f-description").fill("Die Gemeinde Welver sucht Nachbarn, mit denen sie einen gemeinsamen Standesamtsbezirk bilden kann.")  # type: ignore[attr-defined]
    page.locator("#f-participants").fill("Welver")  # type: ignore[attr-defined]
    page.get_by_role("button", name="In die Börse stellen").click()  # type: ignore[attr-defined]  # no task area yet
    assert "Aufgabenbereich" in page.locator("#fehler").inner_text()  # type: ignore[attr-defined]
    assert page.locator("#f-title").input_value() == TITLE  # type: ignore[attr-defined]  # input kept
    assert wcag_violations(page) == []
    page.locator("input[name=taskAreas][value='02']").check()  # type: ignore[attr-defined]
    page.get_by_role("button", name="In die Börse stellen").click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/projects/gemeinsamer-standesamtsbezirk"))  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text() == TITLE  # type: ignore[attr-defined]
    nearby = page.locator("#kooperationen + ul").inner_text()  # type: ignore[attr-defined]
    assert "Standesamtverbund Hellweg" in nearby
    check_basics(page)
    assert wcag_violations(page) == []
    shot(page, "boerse-eintrag-1280")

    page.goto(municipal.url + "/boerse?type=request&taskArea=02")  # type: ignore[attr-defined]
    assert TITLE in page.locator("main ul.cards").inner_text()  # type: ignore[attr-defined]
    check_basics(page)
    assert wcag_violations(page) == []
    shot(page, "boerse-liste-1280")
    page.goto(municipal.url + "/boerse?type=offer")  # type: ignore[attr-defined]
    assert TITLE not in page.locator("main").inner_text()  # type: ignore[attr-defined]

    page.set_viewport_size({"width": 375, "height": 800})  # type: ignore[attr-defined]
    for path in ("/boerse", "/boerse/neu"):
        page.goto(municipal.url + path)  # type: ignore[attr-defined]
        assert no_horizontal_scroll(page), path
        assert wcag_violations(page) == [], path
    page.goto(municipal.url + "/boerse")  # type: ignore[attr-defined]
    page.get_by_role("link", name=TITLE).click()  # type: ignore[attr-defined]
    assert no_horizontal_scroll(page)
    assert wcag_violations(page) == []
    shot(page, "boerse-eintrag-375")
