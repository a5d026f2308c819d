"""Typed dependencies: the node and the caller's principal."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from kb.auth import Principal
from kb.node import Node


def get_node(request: Request) -> Node:
    return request.app.state.node  # type: ignore[no-any-return]


def get_principal(request: Request) -> Principal:
    """From ``Authorization: Bearer …`` or the web session; anonymous if neither."""
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    header = request.headers.get("authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else None
    if token is None:
        session = getattr(request.app.state, "sessions", None)
        token = session.token_for(request) if session else None
    principal = get_node(request).tokens.authenticate(token)
    request.state.principal = principal
    return principal


NodeDep = Annotated[Node, Depends(get_node)]
PrincipalDep = Annotated[Principal, Depends(get_principal)]
