"""Phone numbers shown the German way ("02947 8880"), while the record keeps its digits in ``tel:``.

The stored form is what ``kb erase --match`` looks for, so only the display changes.
"""

from __future__ import annotations

from typing import Any

import httpx

from kb.api.phone import display_phone, phone_href
from kb.erasure import needles


def test_german_numbers_are_grouped_by_their_area_code() -> None:
    assert display_phone("029478880") == "02947 8880"  # stored from "02947 888-0"
    assert display_phone("+4929478880") == "02947 8880"
    assert display_phone("0221123456") == "0221 123456"
    assert display_phone("017612345678") == "0176 12345678"
    assert display_phone("+492943971234") == "02943 971234"


def test_other_countries_are_shown_internationally() -> None:
    assert display_phone("+31201234567") == "+31 20 123 4567"
    assert display_phone("0031201234567") == "+31 20 123 4567"


def test_what_is_no_phone_number_is_shown_as_stored() -> None:
    assert display_phone("12") == "12"
    assert display_phone("Zentrale") == "Zentrale"
    assert display_phone(None) == "" and display_phone("") == ""


def test_links_dial_the_full_number() -> None:
    assert phone_href("029478880") == "tel:+4929478880"
    assert phone_href("+31201234567") == "tel:+31201234567"


def test_the_project_page_shows_the_grouped_number_and_the_record_keeps_its_digits(admin: httpx.Client, anonymous: httpx.Client,
                                                                                   hellweg: dict[str, Any]) -> None:
    hellweg["contact"] = {"organisation": "Stadt Erwitte, Standesamt", "phone": "02947 888-0", "consent": True}
    created = admin.post("/api/projects", json=hellweg)
    assert created.status_code == 201, created.text
    iri = created.json()["id"]
    stored = admin.get(iri, headers={"Accept": "application/json"}).json()["contact"]["phone"]
    assert stored == "029478880", "the stored form is unchanged"
    assert "tel:029478880" in needles("02947 888-0"), "and erasure still finds it"
    page = anonymous.get("/projects/" + iri.rsplit("/", 1)[-1], headers={"Accept": "text/html"}).text
    assert '<a href="tel:+4929478880">02947 8880</a>' in page
    assert "029478880" not in page
