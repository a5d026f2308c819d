"""What a searcher sees, over real HTTP on the seeded node: snippets with the matching words marked
(escaped), "Meinten Sie …?", a relevance that agrees with the order, similar projects ordered by
their shown percentage, and a named place biasing toward its Kreis without hiding the rest."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from urllib.parse import quote

import httpx
import pytest

from kb.ontology.text import fold
from tests.conftest import LiveNode, make_settings
from tests.search.conftest import PROJECTS, publish, search_of

pytestmark = pytest.mark.slow

PERCENT = re.compile(r'<span class="relevance">Relevanz (\d+) %</span>')


@pytest.fixture(scope="module")
def anon(seeded: LiveNode) -> Iterator[httpx.Client]:
    with seeded.client(token=None) as client:
        yield client


def titles(body: dict) -> list[str]:
    return [r["title"] for r in body["results"]]


# ---------------------------------------------------------------------- snippets


def test_result_cards_carry_a_snippet_with_the_matching_words_marked(anon: httpx.Client) -> None:
    body = anon.get("/api/search", params={"q": "Lebensmittelkontrolle Tierseuchen", "limit": 3}).json()
    first = body["results"][0]
    snippet, marks = first["snippet"], first["highlights"]
    assert snippet and len(snippet.split()) <= 40
    marked = [fold(snippet[s:e]) for s, e in marks]
    assert marked, snippet
    assert any("tierseuche" in m or "lebensmittel" in m for m in marked), marked
    assert all(m and snippet[s:e].strip() == snippet[s:e] for (s, e), m in zip(marks, marked, strict=True))


def test_the_results_page_marks_the_matching_words(anon: httpx.Client) -> None:
    page = anon.get("/suche", params={"q": "Friedhofsverwaltung"}).text
    snippets = re.findall(r'<p class="snippet">(.*?)</p>', page, re.S)
    assert snippets and any("<mark>" in s for s in snippets)
    assert fold(re.findall(r"<mark>(.*?)</mark>", snippets[0])[0]).startswith("friedh")  # Friedhof, Friedhöfe


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveNode]:
    live = LiveNode(make_settings(tmp_path_factory.mktemp("hostile"), search_enabled=True))
    publish(live.node, PROJECTS[0], {
        "title": "Gemeinsame Kläranlage <b>Nord</b>",
        "description": "Die Kläranlage <script>alert('kb')</script> wird von zwei Gemeinden betrieben & \"gepflegt\" <img src=x onerror=alert(1)>.",
        "participants": ["Korbach", "Diemelsee"], "state": "HE", "taskAreas": ["11"], "legalForm": "zweckverband", "status": "im-betrieb",
    })
    live.start()
    assert search_of(live.node).wait_until_current(120)
    yield live
    live.stop()


def test_snippets_are_escaped_markup_in_records_stays_text(hostile: LiveNode) -> None:
    with hostile.client(token=None) as client:
        body = client.get("/api/search", params={"q": "Kläranlage"}).json()
        hit = next(r for r in body["results"] if "Nord" in r["title"])
        assert "<script>" in hit["snippet"]  # the API returns the text as written, never HTML of its own
        page = client.get("/suche", params={"q": "Kläranlage"}).text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(" in page and "<mark>Kläranlage</mark>" in page


# ---------------------------------------------------------------------- Meinten Sie


def test_a_misspelt_query_gets_a_suggestion_and_results(anon: httpx.Client) -> None:
    body = anon.get("/api/search", params={"q": "Standesammt", "limit": 5}).json()
    assert body["suggestion"] == "Standesamt"
    assert body["total"] > 0 and all("Standesamt" in t for t in titles(body)), titles(body)
    assert {"kind": "correction", "matched": "standesammt", "label": "Standesamt"} in body["expansion"]


def test_a_correct_query_gets_no_suggestion(anon: httpx.Client) -> None:
    body = anon.get("/api/search", params={"q": "gemeinsames Standesamt Lebensmittelüberwachung"}).json()
    assert body["suggestion"] is None and not [e for e in body["expansion"] if e["kind"] == "correction"]


def test_english_words_are_not_corrected_toward_german_ones(anon: httpx.Client) -> None:
    """"registry" is an English word the search-term vocabulary knows, not a misspelling of "Register"."""
    body = anon.get("/api/search", params={"q": "joint registry office"}).json()
    assert body["suggestion"] is None, body["suggestion"]
    assert body["results"] and "Standesamt" in body["results"][0]["title"], titles(body)


def test_the_results_page_asks_meinten_sie(anon: httpx.Client) -> None:
    page = anon.get("/suche", params={"q": "Wärmeplannung Kreis Lippe"}).text
    found = re.search(r'Meinten Sie <a href="([^"]+)"><strong>([^<]+)</strong></a>\?', page)
    assert found, page[:2000]
    assert found.group(2) == "Wärmeplanung Kreis Lippe"
    assert unescape(found.group(1)).startswith("/suche?q=") and "W%C3%A4rmeplanung" in found.group(1)
    follow = anon.get(unescape(found.group(1))).text
    assert "Meinten Sie" not in follow and PERCENT.search(follow)


# ---------------------------------------------------------------------- relevance and order


def test_the_relevance_shown_never_rises_down_the_list_across_pages(anon: httpx.Client) -> None:
    first = anon.get("/api/search", params={"q": "Bauhof Winterdienst", "limit": 5}).json()["results"]
    second = anon.get("/api/search", params={"q": "Bauhof Winterdienst", "limit": 5, "offset": 5}).json()["results"]
    shown = [r["relevance"] for r in first + second]
    assert len(shown) == 10 and all(0 < r <= 1 for r in shown)
    assert shown == sorted(shown, reverse=True), shown
    scores = [r["score"] for r in first + second]
    assert scores == sorted(scores, reverse=True)


def test_the_results_page_shows_percentages_in_order(anon: httpx.Client) -> None:
    page = anon.get("/suche", params={"q": "Hilfe für überschuldete Haushalte"}).text
    shown = [int(p) for p in PERCENT.findall(page)]
    assert len(shown) >= 3 and shown == sorted(shown, reverse=True), shown
    assert "inhaltlich ähnlich (" not in page  # no second, differently ordered percentage


def test_similar_projects_are_ordered_by_their_shown_percentage(seeded: LiveNode, anon: httpx.Client) -> None:
    iri = next(d.iri for d in search_of(seeded.node).indexer.view.docs.values() if d.title == "Standesamtverbund Hellweg")
    body = anon.get(f"/api/projects/{quote(iri, safe='')}/similar", params={"limit": 8}).json()
    shown = [round(r["relevance"] * 100) for r in body["results"]]
    assert len(shown) == 8 and shown == sorted(shown, reverse=True), shown
    page = anon.get(iri, headers={"Accept": "text/html"}).text
    on_page = [int(p) for p in PERCENT.findall(page)]
    assert len(on_page) == 5 and on_page == sorted(on_page, reverse=True), on_page


# ---------------------------------------------------------------------- places


def test_a_named_place_biases_toward_its_kreis_without_hiding_the_rest(anon: httpx.Client) -> None:
    plain = anon.get("/api/search", params={"q": "Wärmeplanung", "limit": 10}).json()
    placed = anon.get("/api/search", params={"q": "Wärmeplanung Xanten", "limit": 10}).json()
    assert titles(placed)[0] == "Interkommunale Wärmeplanung Alpen, Sonsbeck und Xanten"
    assert titles(plain)[0] != titles(placed)[0]
    assert any(e["kind"] == "place" and e["matched"] == "Xanten" and "Wesel" in e["label"] for e in placed["expansion"])
    others = [t for t in titles(placed)[1:] if "Wärmeplanung" in t]
    assert {"Wärmeplanung Leipzig und Umland", "Wärmeplanung Kaiserstuhl"} <= set(others), titles(placed)


def test_a_named_kreis_biases_toward_it(anon: httpx.Client) -> None:
    body = anon.get("/api/search", params={"q": "Bauhof im Kreis Stormarn", "limit": 10}).json()
    assert titles(body)[0] == "Gemeinsamer Bauhof Trittau, Lütjensee und Großensee"
    elsewhere = [t for t in titles(body)[1:] if any(w in fold(t) for w in ("bauhof", "bauhoef", "betriebshof"))]
    assert len(elsewhere) >= 4, titles(body)  # the Bauhöfe of other Kreise stay in the list


def test_query_words_that_are_not_places_do_not_bias(seeded: LiveNode) -> None:
    places = search_of(seeded.node).places
    assert places.places("Standesamt gemeinsam mit Nachbarn") == []
    assert [p.name for p in places.places("Standesamt in Bad Sassendorf")] == ["Bad Sassendorf"]
