"""The Bestandsaufnahme as a report an official can put before the Landtag: PDF and editable DOCX.

Both come from the same figures as ``/api/inventory`` and the page; a report is built once per state
of the data and filter set (then served from the cache).
"""

from __future__ import annotations

import io
import re
import time
from typing import Any

import httpx
import pytest

from tests.inventory.expect import areas, register

NW = {"land": "NW"}


def german(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@pytest.fixture(scope="module")
def nw_totals(seeded_anonymous: httpx.Client) -> dict[str, Any]:
    return seeded_anonymous.get("/api/inventory", params={"state": "NW"}).json()  # type: ignore[no-any-return]


def fetch_report(client: httpx.Client, kind: str, params: dict[str, str]) -> httpx.Response:
    """A report as a client gets it: after a 503 (being built, or another one is) it tries again as Retry-After says."""
    deadline = time.monotonic() + 600
    while True:
        answer = client.get(f"/bestandsaufnahme/bericht.{kind}", params=params, timeout=180)
        if answer.status_code != 503 or time.monotonic() > deadline:
            return answer
        assert answer.json()["message"] and int(answer.headers["retry-after"]) > 0
        time.sleep(2)


@pytest.fixture(scope="module")
def pdf(seeded_anonymous: httpx.Client) -> httpx.Response:
    return fetch_report(seeded_anonymous, "pdf", NW)


@pytest.fixture(scope="module")
def pdf_text(pdf: httpx.Response) -> list[str]:
    from pypdf import PdfReader

    assert pdf.status_code == 200, pdf.text[:500]
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages]


@pytest.mark.slow
def test_the_pdf_report_is_a_pdf_of_several_pages_with_title_page_and_data_date(pdf: httpx.Response, pdf_text: list[str]) -> None:
    assert pdf.status_code == 200, pdf.text[:500]
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert 'filename="bestandsaufnahme-NW.pdf"' in pdf.headers["content-disposition"]
    assert len(pdf_text) >= 5
    title = pdf_text[0]
    assert "Bestandsaufnahme" in title and "Nordrhein-Westfalen" in title
    assert re.search(r"Stand der Daten\s*\d{1,2}\.\d{1,2}\.\d{4}, \d\d:\d\d Uhr", title), title


@pytest.mark.slow
def test_the_pdf_report_has_the_same_totals_as_the_api(pdf_text: list[str], nw_totals: dict[str, Any]) -> None:
    text = re.sub(r"\s+", " ", " ".join(pdf_text))
    t = nw_totals["totals"]
    assert f"Für Nordrhein-Westfalen sind {german(t['projects'])} Kooperationen erfasst, davon {german(t['active'])} geplant oder aktiv" in text
    assert f"{german(t['sharedServiceCenters'])} Shared-Service-Center" in text
    assert f"{german(t['municipalitiesCooperating'])} von {german(t['municipalities'])} bewohnten Kommunen" in text
    assert f"{german(t['kreiseCooperating'])} von {german(t['kreise'])} Kreisen" in text
    assert f"{german(t['illustrative'])} von {german(t['projects'])} Einträgen" in text, "the share of made-up examples is stated"


@pytest.mark.slow
def test_the_pdf_report_has_map_charts_matrix_priorities_and_method(pdf_text: list[str]) -> None:
    text = re.sub(r"\s+", " ", " ".join(pdf_text))
    for heading in ("Zusammenfassung", "Karte: wo wird zusammengearbeitet?", "Kooperationen je Aufgabenbereich", "Kooperationen je Rechtsform",
                    "Verlauf: Beginn der Kooperationen", "Shared-Service-Center", "Abdeckung: Kreis × Aufgabenbereich",
                    "Potenziale: wo mehr Zusammenarbeit naheliegt", "Digitalisierung: was zuerst?", "Methode, Datenlage und Quellen"):
        assert heading in text, heading
    assert "Soest 100 %" in text or re.search(r"Soest \d+ %", text), "the Kreis map is labelled"
    assert "Projekte (ohne Doppelzählung)" in text
    assert "gapAssumed" not in text and "Gemeindeverzeichnis" in text


@pytest.mark.slow
def test_the_docx_report_opens_in_word_with_the_same_figures(seeded_anonymous: httpx.Client, nw_totals: dict[str, Any]) -> None:
    from docx import Document

    answer = fetch_report(seeded_anonymous, "docx", NW)
    assert answer.status_code == 200, answer.text[:500]
    assert answer.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    doc = Document(io.BytesIO(answer.content))
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith(("Heading", "Title"))]
    assert "Bestandsaufnahme der interkommunalen Zusammenarbeit" in headings
    assert {"Zusammenfassung", "Karte", "Abdeckung: Kreis × Aufgabenbereich", "Digitalisierung: was zuerst?"} <= set(headings)
    assert len(doc.inline_shapes) >= 4, "maps and charts are pictures"
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"Für Nordrhein-Westfalen sind {german(nw_totals['totals']['projects'])} Kooperationen erfasst" in text
    kreise = next(t for t in doc.tables if t.rows[0].cells[0].text == "Kreis" and t.rows[0].cells[-1].text == "Anteil beteiligt")
    assert len(kreise.rows) == 1 + nw_totals["totals"]["kreise"]


def test_a_report_for_an_unknown_region_is_a_422_in_german(seeded_anonymous: httpx.Client) -> None:
    answer = seeded_anonymous.get("/bestandsaufnahme/bericht.pdf", params={"land": "Atlantis"})
    assert answer.status_code == 422
    assert answer.json()["message"] and answer.json()["message_en"]


def test_members_only_figures_in_a_report_need_a_member(seeded_anonymous: httpx.Client) -> None:
    answer = seeded_anonymous.get("/bestandsaufnahme/bericht.pdf", params={**NW, "includeNetwork": "true"})
    assert answer.status_code == 401


def test_places_without_inhabitants_are_in_no_denominator_and_no_potential(seeded_anonymous: httpx.Client) -> None:
    by = seeded_anonymous.get("/api/inventory", params={"state": "BY"}).json()["totals"]
    inhabited = [m for m in register.municipalities if m.land_code == "BY" and m.population > 0]
    empty = {m.ags for m in register.municipalities if m.land_code == "BY" and m.population <= 0}
    assert empty, "Bayern has gemeindefreie Gebiete"
    assert by["municipalities"] == len(inhabited) and by["uninhabited"] == len(empty)
    potentials = seeded_anonymous.get("/api/inventory/potentials", params={"state": "BY", "limit": 200}).json()
    assert not {c["ags"] for area in potentials["items"] for c in area["items"]} & empty
    points = seeded_anonymous.get("/api/inventory/municipalities", params={"state": "BY"}).json()["items"]
    assert not {p["ags"] for p in points} & empty


def test_every_figure_says_how_many_records_are_made_up_examples(seeded_anonymous: httpx.Client,
                                                                   public_records: list[dict[str, Any]]) -> None:
    examples = sum(1 for r in public_records if r.get("illustrative"))
    assert examples, "the seed data hold examples"
    overview = seeded_anonymous.get("/api/inventory").json()
    assert overview["totals"]["illustrative"] == examples == overview["scope"]["illustrative"]
    by_area = seeded_anonymous.get("/api/inventory/task-areas").json()
    for row in by_area["items"]:
        assert row["illustrative"] == sum(1 for r in public_records if r.get("illustrative") and row["code"] in areas(r))


def test_city_and_landkreis_of_the_same_name_are_told_apart(seeded_anonymous: httpx.Client) -> None:
    rows = {k["key"]: k for k in seeded_anonymous.get("/api/inventory/kreise", params={"state": "BY"}).json()["items"]}
    assert rows["09461"]["label"] == "Bamberg (kreisfreie Stadt)"
    assert rows["09471"]["label"] == "Landkreis Bamberg"
    soest = seeded_anonymous.get("/api/inventory/kreise", params={"state": "NW"}).json()["items"]
    assert {"Kreis Soest", "Bochum (kreisfreie Stadt)", "Hochsauerlandkreis"} <= {k["label"] for k in soest}


def test_the_page_shows_shares_footnotes_and_sortable_tables(seeded_anonymous: httpx.Client) -> None:
    page = seeded_anonymous.get("/bestandsaufnahme", params={"state": "NW"}).text
    assert "Projekte (ohne Doppel&shy;zählung)" in page and 'id="fn-doppelt"' in page
    assert page.count('class="sortable') >= 4 and '<script src="/static/sortable.js" defer></script>' in page
    assert ">Anteil beteiligt<" in page and ">Anteil<" in page
    assert "gapAssumed" not in page
    assert 'href="/gemeinde/05974016"' in page, "the map links each municipality"
    assert 'href="/bestandsaufnahme?kreis=05974"' in page, "the map and the table link each Kreis"
    assert 'href="/bestandsaufnahme/bericht.pdf?land=NW"' in page
    assert seeded_anonymous.get("/static/sortable.js").status_code == 200
