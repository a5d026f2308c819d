"""Cross-origin reads for Linked Data clients in a browser (YASGUI, Comunica, a portal's page).

Public reads answer with ``Access-Control-Allow-Origin: *`` so that a page of another origin may
read them; ``POST /sparql`` (a read too) gets its preflight answered. Never with credentials: no
``Access-Control-Allow-Credentials``, ``Authorization`` is not an allowed request header, and a
request that carries a cookie or a token gets no CORS header at all, so nothing that depends on
who asks can be read by another origin. Writes, the admin API, sign-in and the forms get none.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PUBLIC_READS = ("/sparql", "/projects/", "/ldes", "/ontology", "/catalog", "/.well-known/", "/node", "/api/projects",
                "/api/search", "/healthz", "/sitemap.xml", "/robots.txt")
"""Path prefixes whose GET (and HEAD) is a public read."""
POST_READS = ("/sparql",)
"""Paths whose POST is a read (SPARQL 1.1 Protocol query via POST)."""
ALLOWED_HEADERS = "Accept, Accept-Language, Content-Type, If-None-Match"
EXPOSED_HEADERS = "Link, ETag, Location, Content-Disposition, KB-Results-Truncated, Retry-After"
MAX_AGE = "600"


def _public(path: str, method: str) -> bool:
    if method in ("GET", "HEAD"):
        return path.startswith(PUBLIC_READS) and not path.startswith("/projects/") or _record_read(path)
    return method == "POST" and path in POST_READS


def _record_read(path: str) -> bool:
    """``/projects/{key}`` and its versions, not the forms below it (``/bearbeiten``, ``/zurueckziehen``)."""
    return path.startswith("/projects/") and not path.endswith(("/bearbeiten", "/zurueckziehen"))


class Cors:
    """Adds the CORS headers to public reads and answers their preflight (``OPTIONS``) itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        path, method = scope["path"], scope["method"]
        wanted = headers.get(b"access-control-request-method", b"").decode("latin-1").upper()
        if method == "OPTIONS" and b"origin" in headers and wanted and _public(path, wanted):
            await self._preflight(send, wanted)
            return
        if not _public(path, method) or b"authorization" in headers or b"cookie" in headers:
            await self.app(scope, receive, send)
            return

        async def with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                out["Access-Control-Allow-Origin"] = "*"
                out["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
            await send(message)

        await self.app(scope, receive, with_cors)

    @staticmethod
    async def _preflight(send: Send, method: str) -> None:
        allow = "GET, HEAD, POST, OPTIONS" if method == "POST" else "GET, HEAD, OPTIONS"
        raw = [
            (b"access-control-allow-origin", b"*"),
            (b"access-control-allow-methods", allow.encode()),
            (b"access-control-allow-headers", ALLOWED_HEADERS.encode()),
            (b"access-control-max-age", MAX_AGE.encode()),
            (b"content-length", b"0"),
        ]
        await send({"type": "http.response.start", "status": 204, "headers": raw})
        await send({"type": "http.response.body", "body": b""})
