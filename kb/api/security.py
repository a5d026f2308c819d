"""Security headers on every answer of a node, and the one page that needs a wider policy (/docs).

The web interface needs no script at all and styles only from ``/static/kb.css``, so its policy is
strict: everything from the node itself, nothing inline, no framing, forms only to the node. A
response that sets its own ``Content-Security-Policy`` keeps it (only ``/docs`` does).
"""

from __future__ import annotations

import base64
import hashlib
import re

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
"""No 'unsafe-inline' anywhere: the templates use classes from kb.css, never ``style=`` or ``<script>``."""

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}

SWAGGER_CDN = "https://cdn.jsdelivr.net"


class SecurityHeaders:
    """Adds ``HEADERS`` (and HSTS when the node is served over https) to every HTTP response."""

    def __init__(self, app: ASGIApp, https: bool = False) -> None:
        self.app = app
        self.headers = dict(HEADERS)
        if https:
            self.headers["Strict-Transport-Security"] = "max-age=31536000"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, with_headers)


def attach_docs(app: FastAPI, path: str = "/docs") -> None:
    """Swagger UI at ``/docs``, with a policy of its own.

    FastAPI's page loads Swagger UI from a CDN and starts it with an inline script. Only this page
    allows that CDN and that one script (by its hash, so no other inline script runs); the machine-
    readable description stays at ``/openapi.json`` for machines without internet access.
    """
    html = get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title=f"{app.title} – API").body
    inline = re.findall(rb"<script>(.*?)</script>", bytes(html), re.S)
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s).digest()).decode()}'" for s in inline)
    policy = (f"default-src 'none'; script-src {SWAGGER_CDN} {hashes}; style-src {SWAGGER_CDN} 'unsafe-inline'; "
              "img-src 'self' data: https://fastapi.tiangolo.com; connect-src 'self'; base-uri 'none'; form-action 'self'; "
              "frame-ancestors 'none'")

    @app.get(path, include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(bytes(html), headers={"Content-Security-Policy": policy})
