"""Rendering the web interface: templates, sign-in sessions and CSRF protection.

Pages are rendered on the server and work without JavaScript; every asset is served by the node
itself (no CDN), so the interface also works on locked-down town-hall machines.

Sign-in: a publisher pastes their token once; the node keeps it in a server-side session and
gives the browser only a random session id (cookie: HttpOnly, SameSite=Strict). Every form that
changes something carries a CSRF token bound to that session. The cookie counts only on the web
interface's own routes, and for a change only with that token from a page of this node; the API
takes bearer tokens only (the rule is in ``kb/api/deps.py``). Pages use no script and no inline
style, so the Content-Security-Policy (``kb/api/security.py``) needs no exceptions for them.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from kb.api.phone import display_phone, phone_href
from kb.errors import Forbidden
from kb.ontology.register import ATTRIBUTION

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
SESSION_COOKIE = "kb_session"
SESSION_SECONDS = 8 * 3600


class Sessions:
    """Server-side sign-in sessions (in memory: a restart signs everybody out)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sessions: dict[str, dict[str, Any]] = {}

    def create(self, token: str, name: str) -> tuple[str, str]:
        session_id = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(24)
        with self._lock:
            self._expire()
            self._sessions[session_id] = {"token": token, "csrf": csrf, "name": name, "until": time.time() + SESSION_SECONDS}
        return session_id, csrf

    def _expire(self) -> None:
        now = time.time()
        for key in [k for k, v in self._sessions.items() if v["until"] < now]:
            del self._sessions[key]

    def get(self, request: Request) -> dict[str, Any] | None:
        session_id = request.cookies.get(SESSION_COOKIE)
        if not session_id:
            return None
        with self._lock:
            session = self._sessions.get(session_id)
            if session is None or session["until"] < time.time():
                return None
            return session

    def token_for(self, request: Request) -> str | None:
        session = self.get(request)
        return session["token"] if session else None

    def end(self, request: Request) -> None:
        session_id = request.cookies.get(SESSION_COOKIE)
        if session_id:
            with self._lock:
                self._sessions.pop(session_id, None)

    def csrf_for(self, request: Request) -> str:
        session = self.get(request)
        return session["csrf"] if session else ""

    def check_csrf(self, request: Request, submitted: str | None) -> None:
        expected = self.csrf_for(request)
        if not expected or not submitted or not hmac.compare_digest(expected, submitted):
            raise Forbidden(
                "Das Formular ist abgelaufen oder stammt nicht von dieser Seite. Bitte laden Sie die Seite neu und senden Sie es erneut.",
                "The form expired or did not come from this site. Please reload and submit again.",
            )


def _url_with(request: Request, **changes: Any) -> str:
    """The current URL with some query parameters changed (None removes one); paging restarts."""
    params = {k: v for k, v in request.query_params.multi_items()}
    if "offset" not in changes:
        params.pop("offset", None)
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")


def _date(value: str | None) -> str:
    """ISO date or timestamp → German display (25.11.2026)."""
    if not value:
        return ""
    if len(value) == 4:
        return value
    day = value[:10]
    try:
        y, m, d = day.split("-")
        return f"{int(d)}.{int(m)}.{y}"
    except ValueError:
        return value


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.2f}".rstrip("0").rstrip(".")  # 5.60 → "5,6": no trailing zero beside whole numbers
    return text.replace(",", "X").replace(".", ",").replace("X", ".")


def _km(value: float | int | None) -> str:
    """A distance the German way, one decimal at most: „5,6 km“, „8 km“."""
    if value is None:
        return ""
    return _number(round(float(value), 1)) + "\u00a0km"


CONFIRMATIONS = {
    "neu": "Das Projekt ist veröffentlicht. Es ist jetzt hier zu finden und wird an die Partnerknoten weitergegeben.",
    "geaendert": "Ihre Änderungen sind gespeichert. Partnerknoten übernehmen die neue Fassung beim nächsten Abgleich.",
    "zurueckgezogen": "Das Projekt ist zurückgezogen. Es erscheint hier nicht mehr; Partnerknoten entfernen es beim nächsten Abgleich.",
}
"""What a page confirms after a form was sent (post/redirect/get: the redirect carries ``?neu=1`` and the like)."""


def confirmation_of(request: Request) -> str | None:
    return next((text for flag, text in CONFIRMATIONS.items() if request.query_params.get(flag) == "1"), None)


class Web:
    """The template environment of one app."""

    def __init__(self, node: Any) -> None:
        self.node = node
        self.sessions = Sessions()
        self.env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
        self.env.filters["date"] = _date
        self.env.filters["number"] = _number
        self.env.filters["km"] = _km
        self.env.filters["phone"] = display_phone
        self.env.filters["phone_href"] = phone_href
        self.env.filters["percent"] = lambda v, digits=1: (f"{float(v) * 100:.{digits}f}".replace(".", ",") + " %") if v is not None else ""
        self.env.filters["urlquote"] = lambda v: quote(str(v), safe="")
        self.env.globals["attribution"] = ATTRIBUTION

    def page_link(self, iri: str) -> str:
        """Where a record is shown in this node's interface (local key or full IRI)."""
        key = self.node.key_of(iri)
        return f"/projects/{key}" if key else f"/projekt?iri={quote(iri, safe='')}"

    def render(self, request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        session = self.sessions.get(request)
        base = {
            "request": request,
            "node": self.node,
            "settings": self.node.settings,
            "signed_in": session["name"] if session else None,
            "confirmation": confirmation_of(request),
            "csrf": session["csrf"] if session else "",
            "url_with": lambda **kw: _url_with(request, **kw),
            "page_link": self.page_link,
            "vocab": self.node.vocabularies,
            "register": self.node.register,
        }
        html = self.env.get_template(template).render(**base, **context)
        return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store" if session else "no-cache",
                                                               "Content-Language": "de"})


def wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept.split("text/html")[0]


def error_page(web: Web, request: Request, status: int, payload: dict[str, Any]) -> Response | None:
    """A friendly German page for browsers; programs keep getting JSON."""
    if not wants_html(request) or request.url.path.startswith(("/api/", "/sparql", "/ldes", "/inbox")):
        return None
    titles = {400: "Die Anfrage ist fehlerhaft", 401: "Bitte melden Sie sich an", 403: "Keine Berechtigung",
              404: "Seite nicht gefunden", 410: "Nicht mehr verfügbar", 413: "Zu groß", 422: "Angaben unvollständig",
              429: "Zu viele Anfragen", 503: "Gerade nicht verfügbar"}
    return web.render(request, "error.html", status=status, title=titles.get(status, "Ein Fehler ist aufgetreten"),
                      message=payload.get("message", ""), status_code=status)


def ontology_page(web: Web, request: Request) -> Response:
    """``/ontology`` for browsers: the documentation generated from ontology.ttl (kb/api/ontology_doc.py)."""
    from kb.api.ontology_doc import build, short
    from kb.api.routes.ontology import ONTOLOGY_PATH, ontology_alternates
    from kb.ontology.vocabulary import VOCABULARY_DIR

    doc = build(ONTOLOGY_PATH, VOCABULARY_DIR)
    page = web.render(request, "ontology.html", title="Ontologie", doc=doc, short=short,
                      description="Die Ontologie des Wissensnetzes Interkommunale Zusammenarbeit: Klassen, Eigenschaften und Vokabulare.")
    page.headers["Vary"] = "Accept"
    page.headers["Link"] = ontology_alternates(request, "/ontology", html=True)
    return page

