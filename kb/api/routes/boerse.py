"""The Kooperationsbörse for programs: ``/api/boerse`` (open entries), their matches, and the Atom feeds.

Entries are written like every record: ``POST /api/projects`` with ``"type": "cooperationRequest"``
or ``"cooperationOffer"`` and a ``validUntil`` date; withdrawn with ``DELETE``. Only entries valid
today or later are listed. Feeds (``/boerse/feed.atom``, ``/gemeinde/{ags}/boerse.atom``) are public
and list public entries only, so that staff subscribe without an account.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from kb.api.deps import NodeDep, PrincipalDep
from kb.boerse import Entry
from kb.boerse import schemas as s
from kb.boerse.atom import MEDIA_TYPE, FeedItem, feed
from kb.boerse.filters import resolve_query
from kb.errors import NotFound
from kb.node import Node
from kb.ontology.records import RECORD_TYPE_LABELS

router = APIRouter(tags=["Kooperationsbörse / cooperation exchange"])

MAX_LIMIT = 200
Text = Annotated[str | None, Query(max_length=200)]


@router.get("/api/boerse", response_model=s.BoerseListOut)
def boerse_list(
    node: NodeDep,
    principal: PrincipalDep,
    type: Annotated[str | None, Query(max_length=40, description="request (Gesuch) or offer (Angebot).")] = None,  # noqa: A002
    taskArea: Text = None,  # noqa: N803
    state: Text = None,
    kreis: Text = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> s.BoerseListOut:
    """Open requests and offers (valid until today or later), newest first, with filters by code or name."""
    query = resolve_query(node.vocabularies, node.register, kind=type, task_area=taskArea, state=state, kreis=kreis,
                          include_network=principal.can_see_network)
    found = node.boerse.open(query)
    items = [node.boerse_matches.entry_out(e) for e in found[offset:offset + limit]]
    return s.BoerseListOut(today=node.boerse.today().isoformat(), total=len(found), offset=offset, items=items)


@router.get("/api/boerse/matches", response_model=s.MatchesOut)
def boerse_matches(node: NodeDep, principal: PrincipalDep,
                   id: Annotated[str, Query(max_length=2000, description="IRI of the request or offer.")]) -> s.MatchesOut:  # noqa: A002
    """For a request: nearby cooperations in its task areas, open offers, similar projects. For an offer:
    nearby municipalities without a cooperation in its task areas, and open requests."""
    return node.boerse_matches.matches(id, include_network=principal.can_see_network)


# ---------------------------------------------------------------------- Atom feeds


def entry_link(node: Node, iri: str) -> str:
    """The web page of an entry on this node (own records at their IRI, harvested ones by /projekt)."""
    from urllib.parse import quote

    key = node.key_of(iri)
    return f"{node.base_url}/projects/{key}" if key else f"{node.base_url}/projekt?iri={quote(iri, safe='')}"


def _item(node: Node, e: Entry) -> FeedItem:
    label = RECORD_TYPE_LABELS.get(e.type, (e.type, e.type))[0]
    areas = ", ".join(node.vocabularies.label(c.iri) for code in e.task_areas if (c := node.vocabularies["taskArea"].get(code)))
    who = ", ".join(e.participant_names) or "ohne Angabe"
    until = e.valid_until.strftime("%d.%m.%Y") if e.valid_until else ""
    summary = f"{label} von {who}. Aufgabenbereich: {areas}. Gültig bis {until}."
    if e.illustrative:
        summary += " (Beispiel – erfundener Eintrag)"
    return FeedItem(id=e.iri, title=f"{label}: {e.title}", link=entry_link(node, e.iri), updated=e.modified, summary=summary,
                    author=node.node_name(e.origin) or e.origin)


def _atom(body: bytes) -> Response:
    return Response(body, media_type=MEDIA_TYPE, headers={"Cache-Control": "public, max-age=300"})


@router.get("/boerse/feed.atom", response_class=Response, include_in_schema=True)
def node_feed(node: NodeDep) -> Response:
    """Every open public entry this node knows, newest first (Atom)."""
    entries = node.boerse.open()
    return _atom(feed(feed_id=f"{node.base_url}/boerse/feed.atom", title=f"Kooperationsbörse – {node.settings.name}",
                      self_link=f"{node.base_url}/boerse/feed.atom", page_link=f"{node.base_url}/boerse",
                      items=[_item(node, e) for e in entries]))


@router.get("/gemeinde/{ags}/boerse.atom", response_class=Response)
def municipality_feed(ags: str, request: Request, node: NodeDep) -> Response:
    """Open public entries near a municipality (its Kreis and neighbours), newest first (Atom)."""
    m = node.register.get(ags) if ags.isdigit() and len(ags) <= 12 else None
    if m is None:
        raise NotFound("Diese Gemeinde gibt es im Gemeindeverzeichnis nicht. Bitte prüfen Sie den Gemeindeschlüssel.",
                       "No such municipality in the register; check the key.", ags=ags[:20])
    link = f"{node.base_url}/gemeinde/{m.ags}/boerse.atom"
    return _atom(feed(feed_id=link, title=f"Kooperationsbörse: Einträge in der Nähe von {m.short_name}", self_link=link,
                      page_link=f"{node.base_url}/boerse?kreis={m.kreis_key}",
                      items=[_item(node, e) for e in node.boerse_matches.near(m)]))
