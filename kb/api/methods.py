"""HTTP methods the way RFC 9110 wants them: HEAD wherever GET is, OPTIONS and a true ``Allow``.

Starlette answers a method that no route of a path takes with 405 and the methods of the *first*
route whose path matched (``Allow: GET`` on ``/api/peers``, although it also takes POST). Here the
answer lists every method any route of that path takes. ``OPTIONS`` on a path that exists is a
204 with that list (CORS preflights are a separate matter, see docs/decisions.md); on a path that
does not exist it stays a 404. FastAPI routes take no HEAD; ``HeadAsGet`` answers it as the GET
without a body.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CANDIDATES = ("GET", "POST", "PUT", "PATCH", "DELETE")
"""The methods kb routes may take (HEAD and OPTIONS follow from them)."""


def allowed_methods(request: Request) -> list[str]:
    """Every method some route takes at the request's path (HEAD with GET, always OPTIONS), or [] for no route.

    Mounted apps (``/static``) answer their methods themselves and are left out.
    """
    allowed = []
    for method in CANDIDATES:
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] is Match.FULL for route in request.app.router.routes if not isinstance(route, Mount)):
            allowed.append(method)
    if not allowed:
        return []
    if "GET" in allowed:
        allowed.insert(allowed.index("GET") + 1, "HEAD")
    return [*allowed, "OPTIONS"]


class HeadAsGet:
    """Runs a HEAD request as the GET of the same resource and sends its headers only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)
