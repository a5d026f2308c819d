"""Impressum and Datenschutzerklärung: every node has both, linked from every page's footer.

The texts are the operator's, from ``impressum.md`` and ``datenschutz.md`` in the data directory
(Markdown, raw HTML shown as text). Until a file exists, the page says that the text is missing and
what belongs in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx
import pytest

from tests.conftest import LiveNode

HTML = {"Accept": "text/html"}
MAIN_PAGES = ["/", "/suche?q=Standesamt", "/bestandsaufnahme", "/netzwerk", "/anmelden", "/gemeinde/05974016", "/sparql",
              "/impressum", "/datenschutz", "/gibt-es-nicht"]


@pytest.fixture
def live(node_factory: Callable[..., LiveNode]) -> LiveNode:
    return node_factory(operator="Stadt Erwitte")


def _get(live: LiveNode, path: str) -> httpx.Response:
    with live.client(token=None) as client:
        return client.get(path, headers=HTML)


def test_without_files_the_pages_say_what_the_operator_must_fill_in(live: LiveNode) -> None:
    """Finding (pages): a node without texts shows a clear default naming the file and the legal requirements."""
    impressum = _get(live, "/impressum")
    assert impressum.status_code == 200
    assert "text/html" in impressum.headers["content-type"]
    assert 'id="nicht-ausgefuellt"' in impressum.text
    assert "noch kein Impressum hinterlegt" in impressum.text
    assert "<code>impressum.md</code>" in impressum.text
    assert "§ 5 Digitale-Dienste-Gesetz" in impressum.text and "§ 18" in impressum.text
    assert "Stadt Erwitte" in impressum.text  # who runs the node, from its settings
    assert str(live.settings.data_dir) not in impressum.text  # the server's paths are nobody's business

    datenschutz = _get(live, "/datenschutz")
    assert datenschutz.status_code == 200
    assert "noch keine Datenschutzerklärung hinterlegt" in datenschutz.text
    assert "<code>datenschutz.md</code>" in datenschutz.text
    assert "Art. 13 DSGVO" in datenschutz.text and "docs/datenschutz.md" in datenschutz.text


def test_the_operators_text_is_shown_with_html_in_it_escaped(live: LiveNode) -> None:
    """Finding (pages): the operator's Markdown is rendered; HTML and script links in the file cannot reach the page."""
    (live.settings.data_dir / "impressum.md").write_text(
        "## Angaben nach § 5 DDG\n\nStadt Erwitte, Der Bürgermeister, Am Markt 13, 59597 Erwitte\n\n"
        "<script>alert('x')</script> <img src=x onerror=alert(1)>\n\n"
        "[Kontakt](javascript:alert(1)) · [Website](https://www.erwitte.de/)\n", encoding="utf-8")
    (live.settings.data_dir / "datenschutz.md").write_text("## Verantwortlicher\n\nStadt Erwitte\n", encoding="utf-8")

    page = _get(live, "/impressum")
    assert page.status_code == 200
    assert 'id="nicht-ausgefuellt"' not in page.text
    assert "<h2>Angaben nach § 5 DDG</h2>" in page.text
    assert "Am Markt 13, 59597 Erwitte" in page.text
    assert "<script>alert" not in page.text and "&lt;script&gt;alert('x')&lt;/script&gt;" in page.text
    assert "<img" not in page.text and "&lt;img src=x onerror=alert(1)&gt;" in page.text
    assert 'href="javascript:' not in page.text
    assert '<a href="https://www.erwitte.de/">Website</a>' in page.text

    edited = _get(live, "/datenschutz")
    assert "<h2>Verantwortlicher</h2>" in edited.text and 'id="nicht-ausgefuellt"' not in edited.text


def test_an_empty_file_counts_as_missing(live: LiveNode) -> None:
    """Finding (pages): an empty or blank file does not make an empty legal page."""
    (live.settings.data_dir / "datenschutz.md").write_text("  \n\n", encoding="utf-8")
    assert 'id="nicht-ausgefuellt"' in _get(live, "/datenschutz").text


def test_every_main_page_links_both_in_its_footer(live: LiveNode, hellweg: dict) -> None:  # type: ignore[type-arg]
    """Finding (pages): Impressum and Datenschutzerklärung are one click away from every page, errors included."""
    with live.client() as admin:
        key = admin.post("/api/projects", json=hellweg).json()["key"]
    for path in [*MAIN_PAGES, f"/projects/{key}"]:
        response = _get(live, path)
        assert "text/html" in response.headers["content-type"], path
        footer = re.search(r'<footer class="site">.*</footer>', response.text, re.S)
        assert footer is not None, path
        assert '<a href="/impressum">Impressum</a>' in footer.group(0), path
        assert '<a href="/datenschutz">Datenschutzerklärung</a>' in footer.group(0), path
