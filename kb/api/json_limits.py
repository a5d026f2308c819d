"""Every JSON request body is checked before any handler sees it (ASGI middleware).

FastAPI parses the JSON of routes with body models (``/api/import``, ``/api/peers``) itself,
before kb's code runs, and a ``RecursionError`` or a lone surrogate there ended in a 500 or a
reset connection. So the checks of :mod:`kb.ontology.safejson` (UTF-8, ``KB_MAX_NESTING``, no
lone surrogates) run here once for every body that is JSON (``application/json``, any
``+json`` such as JSON-LD or ActivityStreams, or a body without a content type, which the routes
read as JSON). The handlers that parse JSON themselves use the same module, so the rules are one.

It runs inside ``BodyLimit``, so the body it holds is bounded; a large body is checked in a
worker thread to keep the event loop free.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kb.errors import KbError
from kb.ontology import safejson

_THREAD_ABOVE = 64_000
"""Bodies larger than this are checked in a worker thread (about 15 ms per MB)."""


def _json_kind(headers: dict[bytes, bytes]) -> str | None:
    """``JSON``/``JSON-LD`` if the body will be read as JSON, else None."""
    media = headers.get(b"content-type", b"").split(b";", 1)[0].strip().lower()
    if not media:
        has_body = headers.get(b"content-length", b"0").strip() not in (b"", b"0") or b"transfer-encoding" in headers
        return "JSON" if has_body else None
    if media.endswith(b"ld+json"):
        return "JSON-LD"
    if media.endswith((b"/json", b"+json")):
        return "JSON"
    return None


class JsonLimits:
    """Refuses a JSON body that is too deep, not UTF-8 or has a lone surrogate, with 400."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = _json_kind(dict(scope.get("headers") or [])) if scope["type"] == "http" else None
        if kind is None:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        try:
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    break
            body = b"".join(chunks)
            if len(body) > _THREAD_ABOVE:
                await run_in_threadpool(safejson.check, body, kind)
            elif body:
                safejson.check(body, kind)
        except KbError as exc:  # ours, or BodyLimit's 413 while reading
            response = JSONResponse(exc.as_dict(), status_code=exc.status)
            await send({"type": "http.response.start", "status": response.status_code, "headers": response.raw_headers})
            await send({"type": "http.response.body", "body": response.body})
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
