"""The document upload form of a project, in Chromium: upload, errors in plain words, accessibility; and search finds documents' text."""

from __future__ import annotations

import re

import pytest

from kb.documents.examples import make_pdf
from tests.conftest import HELLWEG
from tests.e2e.browser_support import check_basics, publisher_token, shot, wcag_violations
from tests.e2e.processes import NodeProcess

pytestmark = pytest.mark.browser


def test_a_publisher_attaches_a_document_through_the_form(page: object, municipal: NodeProcess) -> None:
    token = publisher_token(municipal, "Gemeinde Lippetal")
    with municipal.client(token=token) as publisher:
        r = publisher.post("/api/projects", json={**HELLWEG, "title": "Gemeinsamer Bauhof Lippetal und Welver",
                                                   "participants": ["Lippetal", "Welver"], "lead": "Lippetal", "taskAreas": ["11"]})
        assert r.status_code == 201, r.text
        key = r.json()["key"]
    page.goto(municipal.url + f"/projects/{key}/dokumente")  # type: ignore[attr-defined]
    assert "/anmelden" in page.url  # type: ignore[attr-defined]
    page.get_by_label("Zugangsschlüssel").fill(token)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Anmelden").click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/dokumente$"))  # type: ignore[attr-defined]
    check_basics(page)
    assert wcag_violations(page) == []
    shot(page, "dokumente-formular")

    # a text file named .pdf: refused in words, the title typed stays
    page.locator("#d-file").set_input_files({"name": "vertrag.pdf", "mimeType": "application/pdf", "buffer": b"kein PDF"})  # type: ignore[attr-defined]
    page.get_by_label("Titel").fill("Öffentlich-rechtliche Vereinbarung Bauhof")  # type: ignore[attr-defined]
    page.get_by_label("Art des Dokuments").select_option("vereinbarung")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Dokument hinzufügen").click()  # type: ignore[attr-defined]
    alert = page.get_by_role("alert")  # type: ignore[attr-defined]
    assert "ist aber kein PDF" in alert.inner_text()
    assert page.get_by_label("Titel").input_value() == "Öffentlich-rechtliche Vereinbarung Bauhof"  # type: ignore[attr-defined]
    assert wcag_violations(page) == []

    agreement = make_pdf("Vereinbarung Bauhof", ["Die Gemeinden Lippetal und Welver betreiben einen gemeinsamen Bauhof mit Winterdienst."])
    page.locator("#d-file").set_input_files({"name": "vereinbarung-bauhof.pdf", "mimeType": "application/pdf", "buffer": agreement})  # type: ignore[attr-defined]
    page.get_by_role("button", name="Dokument hinzufügen").click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(rf"/projects/{key}\?dokument=1"))  # type: ignore[attr-defined]
    documents = page.locator("ul.documents")  # type: ignore[attr-defined]
    assert "Öffentlich-rechtliche Vereinbarung Bauhof" in documents.inner_text()
    assert "PDF" in documents.inner_text() and "CC BY 4.0" in documents.inner_text()
    check_basics(page)
    assert wcag_violations(page) == []
    shot(page, "dokumente-projekt")
    page.set_viewport_size({"width": 375, "height": 800})  # type: ignore[attr-defined]
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")  # type: ignore[attr-defined]
    shot(page, "dokumente-projekt-375")
    with page.expect_download() as download:  # type: ignore[attr-defined]
        page.get_by_role("link", name="Öffentlich-rechtliche Vereinbarung Bauhof").click()  # type: ignore[attr-defined]
    assert download.value.suggested_filename == "vereinbarung-bauhof.pdf"


def test_the_text_of_the_hellweg_model_agreement_is_found(page: object, municipal: NodeProcess) -> None:
    with municipal.client(token=None) as anyone:
        hits = anyone.get("/api/search", params={"q": "Mustervertrag Standesamt"}).json()["results"]
        assert hits[0]["title"] == "Standesamtverbund Hellweg"
        hellweg = anyone.get("/api/projects/" + hits[0]["id"]).json()
        assert any("Beispieldokument, generiert" in d["title"] and d["type"]["code"] == "vereinbarung" for d in hellweg["documents"])
    page.goto(hits[0]["id"])  # type: ignore[attr-defined]
    assert "Mustervertrag" in page.locator("#dokumente + ul.documents, ul.documents").first.inner_text()  # type: ignore[attr-defined]
    assert wcag_violations(page) == []
