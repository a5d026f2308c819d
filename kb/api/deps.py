"""Typed dependencies: the node and the caller's principal.

Who the caller is, decided here and nowhere else:

- ``Authorization: Bearer <token>`` counts on every route. That is how programs (and the API) sign in.
- The web interface's sign-in session (cookie ``kb_session``) counts only on the routes of the web
  interface (pages, forms and record pages, marked with ``WEB_PAGE`` where they are included), and
  there only for reading (GET, HEAD) or for a form that comes from this node: same origin (the
  browser's ``Origin`` and ``Sec-Fetch-Site`` headers, where sent) and carrying the session's CSRF
  token. Everywhere else, in particular on ``/api/*``, ``/sparql``, ``/ldes`` and ``/inbox``, the
  cookie is ignored, so a form another site makes a browser send cannot act for a signed-in user.
- Wrong tokens and failed sign-ins are counted per client address (``FailedAuthentication``);
  over the limit every token check from that address answers 429 for a while.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from kb.auth import ANONYMOUS, FailedAuthentication, Principal
from kb.errors import Forbidden, Unauthenticated
from kb.node import Node

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_node(request: Request) -> Node:
    return request.app.state.node  # type: ignore[no-any-return]


def web_page(request: Request) -> None:
    """Marks the routes of the web interface (``include_router(..., dependencies=[WEB_PAGE])``):
    only there does the sign-in session count (see the module docstring). Such router-level
    dependencies are resolved before the route's own, so the mark is set when ``get_principal`` runs."""
    request.state.web_page = True


WEB_PAGE = Depends(web_page)


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def authenticate(request: Request, token: str | None) -> Principal:
    """The principal of a token someone presents (bearer header or sign-in form), rate-limited on failure."""
    if not token:
        return ANONYMOUS
    failures: FailedAuthentication = request.app.state.auth_failures
    client = client_address(request)
    failures.check(client)
    try:
        return get_node(request).tokens.authenticate(token)
    except Unauthenticated:
        failures.failed(client)
        raise


def require_same_origin(request: Request) -> None:
    """A form that changes something must come from a page of this node."""
    fetch_site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    own = {str(request.base_url).rstrip("/"), get_node(request).base_url.rstrip("/")}
    if (fetch_site is not None and fetch_site not in ("same-origin", "none")) or (origin is not None and origin.rstrip("/") not in own):
        raise Forbidden(
            "Das Formular stammt nicht von dieser Seite und wurde deshalb nicht angenommen.",
            "The form did not come from this site and was refused.",
        )


async def _session_token(request: Request) -> str | None:
    sessions = getattr(request.app.state, "sessions", None)
    session = sessions.get(request) if sessions is not None else None
    if session is None:
        return None
    if request.method not in SAFE_METHODS:
        require_same_origin(request)
        form = await request.form()  # parsed once: the route's own request.form() gets the same
        sessions.check_csrf(request, str(form.get("csrf", "")))
    return session["token"]  # type: ignore[no-any-return]


async def get_principal(request: Request) -> Principal:
    """From ``Authorization: Bearer …`` anywhere, or the sign-in session on the web interface's routes."""
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        principal = authenticate(request, header[7:].strip() or None)
    elif getattr(request.state, "web_page", False):
        token = await _session_token(request)
        principal = get_node(request).tokens.authenticate(token) if token else ANONYMOUS
    else:
        principal = ANONYMOUS
    request.state.principal = principal
    return principal


NodeDep = Annotated[Node, Depends(get_node)]
PrincipalDep = Annotated[Principal, Depends(get_principal)]
