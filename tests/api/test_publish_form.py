"""The publishing form as staff use it: every problem at once in plain words, German dates and numbers,
key figures, participants by name, confirmations, and "Bearbeiten" only for those who may edit.

A real node (in-process, real HTTP on 127.0.0.1) and a browser-like client with a session cookie.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from kb.api.publish_form import german_date, german_number
from kb.auth import TokenStore
from tests.conftest import LiveNode, make_settings


class Site:
    def __init__(self, live: LiveNode, tokens: dict[str, str]) -> None:
        self.live = live
        self.tokens = tokens

    def browser(self, who: str) -> tuple[httpx.Client, str]:
        """A signed-in browser session (cookie, no bearer token) and the form's CSRF token."""
        client = httpx.Client(base_url=self.live.url, timeout=30, headers={"Origin": self.live.url, "Accept": "text/html"})
        assert client.post("/anmelden", data={"token": self.tokens[who], "weiter": "/veroeffentlichen"}).status_code == 303
        page = client.get("/veroeffentlichen")
        found = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert found
        return client, found.group(1)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    data_dir: Path = tmp_path_factory.mktemp("form") / "node"
    live = LiveNode(make_settings(data_dir, name="Kreis Soest")).start()
    store = TokenStore(data_dir / "tokens.json")
    tokens = {"erwitte": store.create("Stadt Erwitte")[0], "anroechte": store.create("Gemeinde Anröchte")[0]}
    try:
        yield Site(live, tokens)
    finally:
        live.stop()


GOOD = {"title": "Gemeinsame Kasse Hellweg", "type": "project", "visibility": "public", "state": "NW",
        "description": "Erwitte und Anröchte führen die Gemeindekasse gemeinsam, mit einem Verfahren und einem Team.",
        "participants": "Erwitte\nAnröchte", "taskAreas": "01", "legalForm": "oerv-delegierend", "status": "im-betrieb"}


def _errors(html: str) -> dict[str, str]:
    return dict(re.findall(r'<span class="field-error" id="([^"]+)-fehler">([^<]*)</span>', html))


def test_german_dates_and_numbers_are_understood() -> None:
    assert german_date("01.03.2024") == "2024-03-01"
    assert german_date("1.3.2024") == "2024-03-01"
    assert german_date("2024-03-01") == "2024-03-01"
    assert german_date("2019") == "2019"
    assert german_date("31.02.2024") == "31.02.2024"  # left for the check: "Dieses Datum gibt es nicht"
    assert german_number("12.500") == 12500
    assert german_number("3,5") == 3.5
    assert german_number("1.234,56 €") == 1234.56
    assert german_number("viel") == "viel"


def test_an_empty_form_names_every_missing_field_at_once_in_plain_words(site: Site) -> None:
    browser, csrf = site.browser("erwitte")
    with closing(browser):
        answer = browser.post("/veroeffentlichen", data={"csrf": csrf, "state": "", "type": "project", "visibility": "public",
                                                         "contact_name": "Erika Muster", "startDate": "32.13.2024"})
    assert answer.status_code == 422
    errors = _errors(answer.text)
    assert {"title", "description", "participants", "state", "taskAreas", "legalForm", "status", "startDate",
            "contact_consent"} <= set(errors), errors
    for text in errors.values():
        assert not re.search(r"pb:|land:|consent|IRI|Sprachangabe|JJJJ-MM-TT|\{", text), text
    summary = answer.text.split('id="fehler"')[1].split("</div>")[0]
    for name in ("title", "participants", "taskAreas", "startDate", "contact_consent"):
        assert f'href="#f-{name}"' in summary
        assert f'id="f-{name}"' in answer.text  # the summary's link leads to the field


def test_required_fields_are_marked(site: Site) -> None:
    browser, _ = site.browser("erwitte")
    with closing(browser):
        page = browser.get("/veroeffentlichen").text
    for label in ("Titel", "Beschreibung", "Beteiligte", "Bundesland", "Rechtsform", "Stand"):
        assert re.search(rf'>{label}(<[^>]+>)*\s*<span class="required"', page), label
    assert re.search(r'<legend>Aufgabenbereich[^<]*<span class="required"', page)
    assert "Produktbereich nach dem NKF-Produktrahmen NRW" in page  # a node in NRW: its own scheme, named
    assert 'type="date"' in page


def test_a_german_date_key_figures_and_a_confirmation(site: Site) -> None:
    browser, csrf = site.browser("erwitte")
    with closing(browser):
        answer = browser.post("/veroeffentlichen", data={
            **GOOD, "csrf": csrf, "lead": "Erwitte", "startDate": "01.03.2024", "endDate_jahr": "2030",
            "figure_label_0": "", "figure_value_0": "", "figure_label_1": "Einsparung pro Jahr", "figure_value_1": "12.500",
            "figure_unit_1": "EUR/Jahr", "figure_label_2": "Personalstellen", "figure_value_2": "3,5", "figure_unit_2": "Stellen"})
        assert answer.status_code == 303, _errors(answer.text)
        assert answer.headers["location"].endswith("?neu=1")
        shown = browser.get(answer.headers["location"])
        assert "Das Projekt ist veröffentlicht" in shown.text
        key = answer.headers["location"].split("/projects/")[1].split("?")[0]
        record = httpx.get(f"{site.live.url}/api/projects/{key}").json()
        assert record["startDate"] == "2024-03-01" and record["endDate"] == "2030"
        assert [(f["label"], f["value"], f["unit"]) for f in record["outcomeFigures"]] == [
            ("Einsparung pro Jahr", 12500, "EUR/Jahr"), ("Personalstellen", 3.5, "Stellen")]
        edit = browser.get(f"/projects/{key}/bearbeiten").text
        assert "Erwitte (05974016)\nAnröchte (05974004)" in edit  # by name, lead first then by name, as on the project page
        assert 'value="12.500"' in edit and 'value="3,5"' in edit and 'value="2024-03-01"' in edit
        changed = browser.post(f"/projects/{key}/bearbeiten", data={
            **GOOD, "csrf": csrf, "version": "1", "participants": "Erwitte (05974016)\nAnröchte (05974004)", "title": "Gemeinsame Kasse"})
        assert changed.status_code == 303 and changed.headers["location"].endswith("?geaendert=1")
        assert "Ihre Änderungen sind gespeichert" in browser.get(changed.headers["location"]).text
        gone = browser.post(f"/projects/{key}/zurueckziehen", data={"csrf": csrf})
        assert gone.status_code == 303
        assert "Das Projekt ist zurückgezogen" in browser.get(gone.headers["location"]).text


def test_bearbeiten_is_offered_only_to_who_may_edit(site: Site) -> None:
    erwitte, csrf = site.browser("erwitte")
    anroechte, _ = site.browser("anroechte")
    with closing(erwitte), closing(anroechte):
        made = erwitte.post("/veroeffentlichen", data={**GOOD, "csrf": csrf, "title": "Kasse mit Bearbeiten"})
        assert made.status_code == 303
        path = made.headers["location"].split("?")[0]
        assert "/bearbeiten" in erwitte.get(path).text
        assert "/bearbeiten" not in anroechte.get(path).text
        assert anroechte.get(path + "/bearbeiten").status_code == 403
