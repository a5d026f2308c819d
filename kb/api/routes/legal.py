"""Impressum and Datenschutzerklärung: the operator's own texts, from files in the data directory.

Every public German website needs both (§ 5 DDG, § 18 MStV; Art. 13 DSGVO), and only the operator
can write them. The operator puts Markdown into ``impressum.md`` and ``datenschutz.md`` in the
node's data directory; the page reads the file on every request, so an edit shows without a
restart. Until a file exists, the page says plainly that the text is missing and what belongs in it.

The Markdown is rendered with raw HTML switched off (markdown-it-py, CommonMark): HTML in the file is
shown as text, and links with ``javascript:`` and similar schemes are dropped, so the file cannot put
script into the page.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from markdown_it import MarkdownIt

from kb.api.deps import SettingsDep
from kb.api.routes.pages import web_of

router = APIRouter(include_in_schema=False)

MAX_TEXT_BYTES = 200_000
"""A legal text is a few pages; a larger file is shown only up to here (with a note)."""

LEGAL_PAGES = {
    "impressum": ("Impressum", "impressum.md"),
    "datenschutz": ("Datenschutzerklärung", "datenschutz.md"),
}

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "breaks": True})
"""``breaks``: a line break in the file stays one (an address block is written line by line)."""


def operator_text(data_dir: Path, file_name: str) -> tuple[str | None, bool]:
    """The operator's text rendered to safe HTML, or None if the file is missing or empty; and whether it was cut."""
    path = data_dir / file_name
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_TEXT_BYTES + 1)
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        return None, False
    cut = len(raw) > MAX_TEXT_BYTES
    text = raw[:MAX_TEXT_BYTES].decode("utf-8", errors="replace")
    if not text.strip():
        return None, False
    return _markdown.render(text), cut


def _page(request: Request, settings: SettingsDep, page: str) -> Response:
    title, file_name = LEGAL_PAGES[page]
    html, cut = operator_text(settings.data_dir, file_name)
    return web_of(request).render(request, "legal.html", title=title, page=page, file_name=file_name, operator_html=html, cut=cut)


@router.get("/impressum", response_class=HTMLResponse)
def impressum(request: Request, settings: SettingsDep) -> Response:
    return _page(request, settings, "impressum")


@router.get("/datenschutz", response_class=HTMLResponse)
def datenschutz(request: Request, settings: SettingsDep) -> Response:
    return _page(request, settings, "datenschutz")
