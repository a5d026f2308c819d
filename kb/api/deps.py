"""Typed dependencies: the node, its parts, and the caller's principal.

Routes get a part of the node through its dependency (``CatalogDep``, ``FederationDep``,
``SearchDep``, ``ViewsDep``, ...), one per part and typed, never by reaching into the node; each route
asks for exactly the parts it uses. ``NodeDep`` (the whole node) is left only where a route describes
the node as a whole (``/.well-known/kb-node``, ``/catalog``), each with a comment saying so. A part that can be absent has one answer
for its absence, given here: search switched off (``KB_SEARCH_ENABLED=false``) is a 404 with a
German and an English message, on every route that needs it. Only the web page of the search,
which falls back to the list of all projects, asks for ``OptionalSearchDep``.

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

from kb.auth import ANONYMOUS, FailedAuthentication, Principal, TokenStore
from kb.boerse import Board, Matcher
from kb.config import Settings
from kb.documents.library import DocumentLibrary
from kb.erasure import Erasure
from kb.errors import Forbidden, NotFound, Unauthenticated
from kb.federation import Federation
from kb.federation.joining import Joining
from kb.funding import FundingProgrammes
from kb.initiatives import Initiatives
from kb.inventory import Inventory
from kb.node import Node
from kb.ontology.places import PlaceIndex
from kb.ontology.register import Register
from kb.ontology.vocabulary import Vocabularies
from kb.publishing import Publisher
from kb.search import SearchService
from kb.store.catalog import Catalog
from kb.store.sparql import SparqlEndpoint
from kb.views import NodeIdentity, RecordViews

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_node(request: Request) -> Node:
    node: Node = request.app.state.node
    return node


def get_catalog(request: Request) -> Catalog:
    return get_node(request).catalog


def get_publisher(request: Request) -> Publisher:
    return get_node(request).publisher


def get_tokens(request: Request) -> TokenStore:
    return get_node(request).tokens


def get_sparql(request: Request) -> SparqlEndpoint:
    return get_node(request).sparql


def get_federation(request: Request) -> Federation:
    return get_node(request).federation


def get_inventory(request: Request) -> Inventory:
    return get_node(request).inventory


def get_settings(request: Request) -> Settings:
    return get_node(request).settings


def get_identity(request: Request) -> NodeIdentity:
    return get_node(request).identity


def get_views(request: Request) -> RecordViews:
    return get_node(request).views


def get_register(request: Request) -> Register:
    return get_node(request).register


def get_vocabularies(request: Request) -> Vocabularies:
    return get_node(request).vocabularies


def get_places(request: Request) -> PlaceIndex:
    return get_node(request).places


def get_funding(request: Request) -> FundingProgrammes:
    return get_node(request).funding


def get_initiatives(request: Request) -> Initiatives:
    return get_node(request).initiatives


def get_joining(request: Request) -> Joining:
    return get_node(request).joining


def get_documents(request: Request) -> DocumentLibrary:
    return get_node(request).documents


def get_board(request: Request) -> Board:
    return get_node(request).boerse


def get_matcher(request: Request) -> Matcher:
    return get_node(request).boerse_matches


def get_erasure(request: Request) -> Erasure:
    return get_node(request).erasure


def get_optional_search(request: Request) -> SearchService | None:
    return get_node(request).search


SEARCH_SWITCHED_OFF = ("Die Suche ist auf diesem Knoten abgeschaltet.", "Search is switched off on this node.")


def get_search(request: Request) -> SearchService:
    """The search part; switched off for good is 404 (not 503, which would mean "try again later")."""
    search = get_node(request).search
    if search is None:
        raise NotFound(*SEARCH_SWITCHED_OFF)
    return search


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
    if sessions is None or session is None:
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
"""The whole node: only for the few routes that describe the node as a whole (see where it is used)."""
CatalogDep = Annotated[Catalog, Depends(get_catalog)]
PublisherDep = Annotated[Publisher, Depends(get_publisher)]
TokensDep = Annotated[TokenStore, Depends(get_tokens)]
SparqlDep = Annotated[SparqlEndpoint, Depends(get_sparql)]
FederationDep = Annotated[Federation, Depends(get_federation)]
InventoryDep = Annotated[Inventory, Depends(get_inventory)]
SearchDep = Annotated[SearchService, Depends(get_search)]
OptionalSearchDep = Annotated[SearchService | None, Depends(get_optional_search)]
PrincipalDep = Annotated[Principal, Depends(get_principal)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
IdentityDep = Annotated[NodeIdentity, Depends(get_identity)]
ViewsDep = Annotated[RecordViews, Depends(get_views)]
RegisterDep = Annotated[Register, Depends(get_register)]
VocabulariesDep = Annotated[Vocabularies, Depends(get_vocabularies)]
PlacesDep = Annotated[PlaceIndex, Depends(get_places)]
FundingDep = Annotated[FundingProgrammes, Depends(get_funding)]
InitiativesDep = Annotated[Initiatives, Depends(get_initiatives)]
JoiningDep = Annotated[Joining, Depends(get_joining)]
DocumentsDep = Annotated[DocumentLibrary, Depends(get_documents)]
BoardDep = Annotated[Board, Depends(get_board)]
MatcherDep = Annotated[Matcher, Depends(get_matcher)]
ErasureDep = Annotated[Erasure, Depends(get_erasure)]
