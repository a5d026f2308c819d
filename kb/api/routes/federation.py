"""HTTP of the federation: the LDES feed, peers, harvest rounds, quarantine and the inbox."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.convertors import StringConvertor, register_url_convertor

from kb.api.conneg import negotiate
from kb.api.deps import CatalogDep, FederationDep, PrincipalDep
from kb.api.rdf_response import NotAcceptable
from kb.api.schemas import media_types
from kb.errors import NotFound
from kb.federation.feed import IMMUTABLE, MEDIA_TYPES, MUTABLE

router = APIRouter(tags=["Föderation / federation"])

_OFFERS = list(MEDIA_TYPES.values())
_BY_MEDIA = {v: k for k, v in MEDIA_TYPES.items()}
_STREAM_ANSWERS = media_types(*MEDIA_TYPES.values(), description="The stream in the negotiated format (Accept or ?format=).")
_SHORT = {"trig": "trig", "nq": "nquads", "nquads": "nquads", "jsonld": "jsonld", "json": "jsonld"}


def _stream_format(request: Request) -> str:
    override = request.query_params.get("format")
    if override:
        if override in _SHORT:
            return _SHORT[override]
        if override in _BY_MEDIA:
            return _BY_MEDIA[override]
    chosen = negotiate(request.headers.get("accept"), _OFFERS, MEDIA_TYPES["trig"])
    if chosen is None:
        raise NotAcceptable("Der Strom ist als TriG, N-Quads oder JSON-LD verfügbar.",
                            "The stream is available as TriG, N-Quads or JSON-LD.")
    return _BY_MEDIA[chosen]


def _scope(principal: Any) -> str:
    return "network" if principal.can_see_network else "public"


# ---------------------------------------------------------------------- the stream


@router.get("/ldes", response_class=Response, responses=_STREAM_ANSWERS)
def stream(request: Request, fed: FederationDep, principal: PrincipalDep) -> Response:
    """Der Ereignisstrom (ldes:EventStream) dieses Knotens / the node's Linked Data Event Stream."""
    fmt = _stream_format(request)
    body = fed.feed.render_stream(fmt)
    return Response(body, media_type=MEDIA_TYPES[fmt], headers={"Cache-Control": "public, max-age=60", "Vary": "Accept"})


@router.get("/ldes/pages/{start}", response_class=Response, responses=_STREAM_ANSWERS)
def page(start: int, request: Request, fed: FederationDep, principal: PrincipalDep) -> Response:
    """Eine Seite des Stroms (tree:Node): Mitglieder ab Position ``start`` / one page of the stream."""
    fmt = _stream_format(request)
    feed = fed.feed
    scope = _scope(principal)
    found = feed.page(start, network=scope == "network")
    if found is None:
        raise NotFound("Diese Seite des Stroms gibt es (noch) nicht.", "This page of the stream does not exist (yet).")
    etag = found.etag(scope, fmt)
    private = scope != "public"
    cache = ("private, " if private else "public, ") + (IMMUTABLE if found.complete else MUTABLE)
    headers = {"ETag": etag, "Cache-Control": cache, "Vary": "Accept, Authorization"}
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    return Response(feed.render_page(found, fmt), media_type=MEDIA_TYPES[fmt], headers=headers)


# ---------------------------------------------------------------------- peers


class PeerIdConvertor(StringConvertor):
    """A peer id in a path: anything but ``sync``, which is the action ``/api/peers/sync``.

    Without it ``DELETE /api/peers/sync`` would be routed to "remove the peer called sync", and
    ``/api/peers/sync`` would take DELETE although it documents POST only. ``peer_id_for`` never
    gives a peer that id.
    """

    regex = "(?!sync$)[^/]+"


register_url_convertor("peer_id", PeerIdConvertor())


class PeerIn(BaseModel):
    url: str = Field(pattern=r"^\s*https?://\S", max_length=2000, description="Basis-Adresse des Partnerknotens / base URL of the peer node")
    token: str | None = Field(None, description="Peer-Token, das der Partner für diesen Knoten ausgestellt hat (für 'network'-Einträge)")


@router.get("/api/peers")
def list_peers(fed: FederationDep, principal: PrincipalDep) -> dict[str, Any]:
    """Partnerknoten mit Abgleichstatus / peers and their sync status.

    Without the admin token: name, address and counts only; cursor and error texts (what a peer
    pointed to while harvesting) are for the admin."""
    peers = fed.status(full=principal.is_admin)
    return {"peers": peers, "subscribers": len(fed.subscribers()) if principal.is_admin else None,
            "syncInterval": fed.interval}


@router.post("/api/peers", status_code=201)
def add_peer(body: PeerIn, fed: FederationDep, principal: PrincipalDep) -> dict[str, Any]:
    """Partnerknoten hinzufügen und seinen Schlüssel festhalten (Admin) / add a peer and pin its key."""
    principal.require_admin()
    return fed.add_peer(body.url, body.token)


@router.delete("/api/peers/{peer_id:peer_id}", status_code=204)
def remove_peer(peer_id: Annotated[str, Path(json_schema_extra={"not": {"const": "sync"}})], fed: FederationDep,
                principal: PrincipalDep) -> Response:
    """Partnerknoten entfernen (Admin); bereits übernommene Einträge bleiben / remove a peer."""
    principal.require_admin()
    fed.remove_peer(peer_id)
    return Response(status_code=204)


@router.post("/api/peers/sync")
def sync(fed: FederationDep, catalog: CatalogDep, principal: PrincipalDep, peer: str | None = None) -> dict[str, Any]:
    """Jetzt abgleichen, antwortet nach Abschluss (Admin) / run a harvest round now and report per peer."""
    principal.require_admin()
    results = fed.sync(peer)
    return {"ok": all(r.ok for r in results), "results": [r.as_dict() for r in results], "lastSeq": catalog.last_seq}


@router.get("/api/quarantine")
def quarantine(fed: FederationDep, principal: PrincipalDep, peer: str | None = None, payload: bool = False) -> dict[str, Any]:
    """Zurückgewiesene Mitglieder mit Grund (Admin) / refused members with their reasons."""
    principal.require_admin()
    entries = fed.quarantine(with_payload=payload, peer=peer)
    return {"total": len(entries), "entries": entries}


@router.delete("/api/quarantine")
def clear_quarantine(fed: FederationDep, principal: PrincipalDep, peer: str | None = None) -> dict[str, Any]:
    """Quarantäne leeren (Admin) / clear the quarantine (of one peer)."""
    principal.require_admin()
    return {"removed": fed.clear_quarantine(peer)}


# ---------------------------------------------------------------------- inbox


@router.post("/inbox", status_code=202)
async def inbox_post(request: Request, fed: FederationDep, principal: PrincipalDep) -> JSONResponse:
    """Signierte Benachrichtigung eines Knotens (LDN: Follow, Announce, Undo) / signed notification.

    Ein Abonnement (Follow) nimmt der Knoten nur von eingetragenen Partnern oder mit einem
    Partner-Zugangsschlüssel an / a Follow only from peers or with a peer token of this node."""
    body = await request.body()
    headers = {k.lower(): v for k, v in request.headers.items()}
    partner = principal.role in ("peer", "admin")
    result = await run_in_threadpool(lambda: fed.inbox.receive(headers, body, partner=partner))
    return JSONResponse(result, status_code=202)


@router.get("/inbox", response_class=Response, responses=media_types("application/ld+json"))
def inbox_get(fed: FederationDep) -> JSONResponse:
    """Der Posteingang (LDN); er listet keine Inhalte / the inbox lists nothing."""
    body = {
        "@context": {"ldp": "http://www.w3.org/ns/ldp#"},
        "@id": fed.inbox.url,
        "@type": ["ldp:Container", "ldp:BasicContainer"],
        "ldp:contains": [],
    }
    return JSONResponse(body, media_type="application/ld+json", headers={"Cache-Control": "no-store"})
