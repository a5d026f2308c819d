"""HTTP of joining a network: join another node, admit joining nodes, invitation codes, the list of all nodes.

The handshake itself is ``kb/federation/joining.py``; here only who may do what:

- ``POST /api/network/join``: this node's admin lets this node join the node at ``url``;
- ``POST /api/network/members``: another node asks to join this one, with an invitation code of
  this node (wrong codes count as failed sign-ins, like wrong tokens) or with this node's admin token;
- ``/api/network/invitations``: this node's admin issues and lists invitation codes;
- ``GET /api/network/nodes``: everyone: the nodes of the network this node knows.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from kb.api.deps import CatalogDep, FederationDep, IdentityDep, JoiningDep, PrincipalDep, SettingsDep, client_address
from kb.auth import FailedAuthentication
from kb.errors import Forbidden

router = APIRouter(tags=["Föderation / federation"])

_URL = r"^\s*https?://\S"
_SECRET = r"^[!-~]*$"
"""Tokens and codes are printable ASCII (they travel in an Authorization header)."""


class JoinIn(BaseModel):
    url: str = Field(pattern=_URL, max_length=2000, description="Basis-Adresse des Knotens, dem dieser Knoten beitritt / base URL of the node to join")
    invitation: str | None = Field(None, max_length=100, pattern=_SECRET, description="Einladungscode jenes Knotens / that node's invitation code")
    adminToken: str | None = Field(None, max_length=200, pattern=_SECRET, description="Oder: dessen Administrations-Zugangsschlüssel / or its admin token")


class MemberIn(BaseModel):
    url: str = Field(pattern=_URL, max_length=2000, description="Basis-Adresse des beitretenden Knotens / base URL of the joining node")
    token: str = Field(min_length=10, max_length=200, pattern=_SECRET, description="Peer-Token, das der beitretende Knoten für diesen ausgestellt hat")
    invitation: str | None = Field(None, max_length=100, pattern=_SECRET, description="Einladungscode dieses Knotens / this node's invitation code")


class InvitationIn(BaseModel):
    note: str = Field("", max_length=200, description="Für wen die Einladung ist / whom the invitation is for")
    days: float = Field(14.0, ge=1 / 24, le=90, description="Gültigkeit in Tagen / days it stays valid")


@router.post("/api/network/join")
def join(body: JoinIn, joining: JoiningDep, principal: PrincipalDep) -> dict[str, Any]:
    """Einem Netzwerk beitreten: beide Knoten gleichen fortan gegenseitig ab (Admin) / join the network at ``url``."""
    principal.require_admin()
    return joining.join(body.url, invitation=body.invitation, admin_token=body.adminToken)


@router.post("/api/network/members", status_code=201)
def admit(body: MemberIn, request: Request, joining: JoiningDep, principal: PrincipalDep) -> dict[str, Any]:
    """Einen beitretenden Knoten aufnehmen (Einladungscode oder Admin) / admit a joining node (invitation or admin)."""
    failures: FailedAuthentication = request.app.state.auth_failures
    client = client_address(request)
    if not principal.is_admin:
        failures.check(client)
    try:
        return joining.accept(body.url, body.token, invitation=body.invitation, admin=principal.is_admin)
    except Forbidden:
        failures.failed(client)
        raise


@router.post("/api/network/invitations", status_code=201)
def create_invitation(body: InvitationIn, joining: JoiningDep, principal: PrincipalDep) -> dict[str, Any]:
    """Einen Einladungscode erzeugen, einmal gültig (Admin); er wird nur jetzt angezeigt / a one-time invitation code."""
    principal.require_admin()
    code, inv = joining.invitations.create(body.note, body.days)
    return {"code": code, **inv.public()}


@router.get("/api/network/invitations")
def list_invitations(joining: JoiningDep, principal: PrincipalDep) -> dict[str, Any]:
    """Einladungen dieses Knotens, ohne die Codes (Admin) / this node's invitations, without their codes."""
    principal.require_admin()
    return {"invitations": [i.public() for i in joining.invitations.list()]}


@router.get("/api/network/nodes")
def network_nodes(catalog: CatalogDep, identity: IdentityDep, settings: SettingsDep, fed: FederationDep,
                  principal: PrincipalDep) -> dict[str, Any]:
    """Alle Knoten des Netzwerks, die dieser Knoten kennt / all nodes of the network this node knows."""
    by_origin = catalog.count_by_origin(include_network=principal.can_see_network)
    own = {"id": identity.iri, "url": identity.base_url, "name": settings.name, "operator": settings.operator,
           "state": settings.state, "kind": settings.kind, "peer": False, "self": True}
    rows = [own, *({**n, "self": False} for n in fed.nodes())]
    for r in rows:
        r["records"] = by_origin.get(r["id"], 0)
    return {"total": len(rows), "nodes": rows}
