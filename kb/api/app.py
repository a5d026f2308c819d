"""The FastAPI application of a node: routers per area, limits, and one error mapping."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kb import __version__
from kb.api.cors import Cors
from kb.api.json_limits import JsonLimits
from kb.api.methods import HeadAsGet, allowed_methods
from kb.api.security import SecurityHeaders, attach_docs
from kb.auth import FailedAuthentication
from kb.errors import KbError, TooLarge
from kb.node import Node

log = logging.getLogger(__name__)

ErrorRenderer = Callable[[Request, int, dict[str, Any]], Response | None]


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413, before they reach a handler.

    Uploads of documents (POST to a path ending in one of ``upload_paths``) may be as large as
    ``upload_limit`` instead: the document size limit plus the form around it."""

    def __init__(self, app: ASGIApp, limit: int, upload_limit: int | None = None, upload_paths: tuple[str, ...] = ()) -> None:
        self.app = app
        self.limit = limit
        self.upload_limit = upload_limit
        self.upload_paths = upload_paths

    def _limit_for(self, scope: Scope) -> int:
        if self.upload_limit and scope.get("method") == "POST" and str(scope.get("path", "")).rstrip("/").endswith(self.upload_paths):
            return max(self.limit, self.upload_limit)
        return self.limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit_for(scope)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _send_error(send, TooLarge(*_too_large_texts(limit), limit=limit))
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise TooLarge(*_too_large_texts(limit), limit=limit)
            return message

        await self.app(scope, limited, send)


def _too_large_texts(limit: int) -> tuple[str, str]:
    return (
        f"Die Anfrage ist zu groß (höchstens {limit // 1000} kB).",
        f"The request body is too large (at most {limit // 1000} kB).",
    )


async def _send_error(send: Send, error: KbError) -> None:
    response = JSONResponse(error.as_dict(), status_code=error.status)
    await send({"type": "http.response.start", "status": response.status_code, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})


def error_response(request: Request, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
    """JSON for programs; the web UI (if attached) renders a page for browsers."""
    renderer: ErrorRenderer | None = getattr(request.app.state, "error_renderer", None)
    if renderer is not None:
        page = renderer(request, status, payload)
        if page is not None:
            page.headers.update(headers or {})
            return page
    return JSONResponse(payload, status_code=status, headers=headers)


def _attach_web(app: FastAPI, node: Node) -> None:
    """The web interface: pages, forms, static files, and HTML for record IRIs and errors."""
    from fastapi.staticfiles import StaticFiles

    from kb.api.deps import WEB_PAGE
    from kb.api.routes import boerse_page, funding_pages, inventory_list, inventory_page, inventory_report, legal, pages, publish
    from kb.api.web import STATIC, Web, error_page, ontology_page

    web = Web(node)
    app.state.web = web
    app.state.sessions = web.sessions
    app.state.project_page = pages.project_page
    app.state.sparql_page = pages.sparql_page
    app.state.ontology_page = lambda request: ontology_page(web, request)
    app.state.error_renderer = lambda request, status, payload: error_page(web, request, status, payload)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (pages, publish, inventory_page, inventory_list, inventory_report, legal, boerse_page, funding_pages):
        app.include_router(module.router, dependencies=[WEB_PAGE])
    from kb.api.routes import documents

    app.include_router(documents.web_router)  # /projects/{key}/dokumente, before the record IRIs


class KbApp(FastAPI):
    """FastAPI with the security headers outermost (on every answer, even a 500), and an OpenAPI without dangling references."""

    def openapi(self) -> dict[str, Any]:
        if self.openapi_schema is None:
            from kb.api.schemas import hoist_defs, with_bearer_auth

            self.openapi_schema = with_bearer_auth(hoist_defs(super().openapi()))
        return self.openapi_schema

    def build_middleware_stack(self) -> ASGIApp:
        node = getattr(self.state, "node", None)
        return SecurityHeaders(super().build_middleware_stack(), https=node is not None and node.base_url.startswith("https://"))


def create_app(node: Node) -> FastAPI:
    from kb.api.deps import WEB_PAGE
    from kb.api.routes import ROUTERS, records
    from kb.api.schemas import ERROR_RESPONSES

    app = KbApp(
        title=f"kb – {node.settings.name}",
        description="Wissensnetz interkommunale Zusammenarbeit: Projekte als Linked Data, föderiert über LDES.",
        version=__version__,
        docs_url=None,  # attach_docs: Swagger UI with a policy of its own
        redoc_url=None,
        openapi_url="/openapi.json",
        responses=ERROR_RESPONSES,
    )
    app.state.node = node
    s = node.settings
    app.state.auth_failures = FailedAuthentication(s.auth_failures_per_client, s.auth_failures_total, s.auth_failure_window)
    attach_docs(app)

    @app.exception_handler(KbError)
    async def kb_error(request: Request, exc: KbError) -> Response:
        headers = {"Retry-After": str(exc.details["retry_after"])} if "retry_after" in exc.details else None
        if exc.status == 401:
            headers = {"WWW-Authenticate": 'Bearer realm="kb"'}
        return error_response(request, exc.status, exc.as_dict(), headers)

    @app.exception_handler(RequestValidationError)
    async def request_invalid(request: Request, exc: RequestValidationError) -> Response:
        violations = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"] if p not in ("query", "body", "path"))
            violations.append({"field": where, "message": f"Ungültiger Wert: {err['msg']}", "message_en": err["msg"]})
        payload = {
            "error": "invalid_request",
            "message": "Die Anfrage enthält ungültige Angaben. Bitte prüfen Sie die genannten Felder.",
            "message_en": "The request has invalid parameters.",
            "violations": violations,
        }
        return error_response(request, 422, payload)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        texts = {
            # Starlette's own 400s are about form data (too many files or fields, a part it cannot read).
            400: ("Die Anfrage lässt sich nicht lesen (z. B. ungültige Formulardaten, zu viele Felder oder Dateien, ein sehr "
                  f"langer Dateiname). Bitte prüfen Sie Formular und Datei. ({exc.detail})", str(exc.detail)),
            404: ("Diese Seite gibt es nicht. Bitte prüfen Sie die Adresse.", "There is no such page."),
            405: ("Diese Aktion ist an dieser Adresse nicht möglich.", "Method not allowed."),
        }
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            allowed = allowed_methods(request)
            if allowed:
                headers = {**(headers or {}), "Allow": ", ".join(allowed)}
                if request.method == "OPTIONS":
                    return Response(status_code=204, headers=headers)
        de, en = texts.get(exc.status_code, (str(exc.detail), str(exc.detail)))
        payload = {"error": "not_found" if exc.status_code == 404 else "http_error", "message": de, "message_en": en}
        return error_response(request, exc.status_code, payload, headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        payload = {
            "error": "internal",
            "message": "Ein unerwarteter Fehler ist aufgetreten. Die Daten wurden nicht verändert. Bitte versuchen Sie es erneut.",
            "message_en": "An unexpected error occurred. No data was changed.",
        }
        return error_response(request, 500, payload)

    for module in ROUTERS:
        app.include_router(module.router)
    _attach_web(app, node)
    app.include_router(records.router, dependencies=[WEB_PAGE])  # last: catches the record IRIs /projects/{key}, also pages
    app.add_middleware(JsonLimits)  # inside BodyLimit: checks JSON bodies (kb/api/json_limits.py)
    from kb.api.routes.documents import UPLOAD_OVERHEAD, UPLOAD_PATHS

    app.add_middleware(BodyLimit, limit=node.settings.max_body_bytes,
                       upload_limit=node.settings.document_max_bytes + UPLOAD_OVERHEAD, upload_paths=UPLOAD_PATHS)
    app.add_middleware(Cors)  # public reads for pages of other origins, no credentials (kb/api/cors.py)
    app.add_middleware(HeadAsGet)  # outermost: HEAD is the GET of the same resource, headers only (kb/api/methods.py)
    return app
