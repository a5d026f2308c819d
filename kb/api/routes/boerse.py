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

from kb.api.deps import BoardDep, IdentityDep, MatcherDep, PrincipalDep, RegisterDep, SettingsDep, ViewsDep, VocabulariesDep
from kb.boerse import Entry
from kb.boerse import schemas as s
from kb.boerse.atom import MEDIA_TYPE, FeedItem, feed
from kb.boerse.filters import resolve_query
from kb.errors import NotFound
from kb.ontology.records import RECORD_TYPE_LABELS
from kb.ontology.vocabulary import Vocabularies
from kb.views import NodeIdentity, RecordViews

router = APIRouter(tags=["Kooperationsbörse / cooperation exchange"])

MAX_LIMIT = 200
Text = Annotated[str | None, Query(max_length=200)]


@router.get("/api/boerse", response_model=s.BoerseListOut)
def boerse_list(
    vocab: VocabulariesDep,
    register: RegisterDep,
    board: BoardDep,
    matcher: MatcherDep,
    principal: PrincipalDep,
    type: Annotated[str | None, Query(max_length=40, description="request (Gesuch) or offer (Angebot).")] = None,  # noqa: A002
    taskArea: Text = None,  # noqa: N803
    state: Text = None,
    kreis: Text = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> s.BoerseListOut:
    """Open requests and offers (valid until today or later), newest first, with filters by code or name."""
    query = resolve_query(vocab, register, kind=type, task_area=taskArea, state=state, kreis=kreis,
                          include_network=principal.can_see_network)
    found = board.open(query)
    items = [matcher.entry_out(e) for e in found[offset:offset + limit]]
    return s.BoerseListOut(today=board.today().isoformat(), total=len(found), offset=offset, items=items)


@router.get("/api/boerse/matches", response_model=s.MatchesOut)
def boerse_matches(matcher: MatcherDep, principal: PrincipalDep,
                   id: Annotated[str, Query(max_length=2000, description="IRI of the request or offer.")]) -> s.MatchesOut:  # noqa: A002
    """For a request: nearby cooperations in its task areas, open offers, similar projects. For an offer:
    nearby municipalities without a cooperation in its task areas, and open requests."""
    return matcher.matches(id, include_network=principal.can_see_network)


# ---------------------------------------------------------------------- Atom feeds


def entry_link(views: RecordViews, identity: NodeIdentity, iri: str) -> str:
    """The web page of an entry on this node (own records at their IRI, harvested ones by /projekt)."""
    from urllib.parse import quote

    key = views.key_of(iri)
    return f"{identity.base_url}/projects/{key}" if key else f"{identity.base_url}/projekt?iri={quote(iri, safe='')}"


def _item(vocab: Vocabularies, views: RecordViews, identity: NodeIdentity, e: Entry) -> FeedItem:
    label = RECORD_TYPE_LABELS.get(e.type, (e.type, e.type))[0]
    areas = ", ".join(vocab.label(c.iri) for code in e.task_areas if (c := vocab["taskArea"].get(code)))
    who = ", ".join(e.participant_names) or "ohne Angabe"
    until = e.valid_until.strftime("%d.%m.%Y") if e.valid_until else ""
    summary = f"{label} von {who}. Aufgabenbereich: {areas}. Gültig bis {until}."
    if e.illustrative:
        summary += " (Beispiel – erfundener Eintrag)"
    return FeedItem(id=e.iri, title=f"{label}: {e.title}", link=entry_link(views, identity, e.iri), updated=e.modified, summary=summary,
                    author=views.node_name(e.origin) or e.origin)


def _atom(body: bytes) -> Response:
    return Response(body, media_type=MEDIA_TYPE, headers={"Cache-Control": "public, max-age=300"})


@router.get("/boerse/feed.atom", response_class=Response, include_in_schema=True)
def node_feed(board: BoardDep, vocab: VocabulariesDep, views: ViewsDep, identity: IdentityDep, settings: SettingsDep) -> Response:
    """Every open public entry this node knows, newest first (Atom)."""
    entries = board.open()
    base = identity.base_url
    return _atom(feed(feed_id=f"{base}/boerse/feed.atom", title=f"Kooperationsbörse – {settings.name}",
                      self_link=f"{base}/boerse/feed.atom", page_link=f"{base}/boerse",
                      items=[_item(vocab, views, identity, e) for e in entries]))


@router.get("/gemeinde/{ags}/boerse.atom", response_class=Response)
def municipality_feed(ags: str, request: Request, register: RegisterDep, matcher: MatcherDep, vocab: VocabulariesDep, views: ViewsDep,
                      identity: IdentityDep) -> Response:
    """Open public entries near a municipality (its Kreis and neighbours), newest first (Atom)."""
    m = register.get(ags) if ags.isdigit() and len(ags) <= 12 else None
    if m is None:
        raise NotFound("Diese Gemeinde gibt es im Gemeindeverzeichnis nicht. Bitte prüfen Sie den Gemeindeschlüssel.",
                       "No such municipality in the register; check the key.", ags=ags[:20])
    link = f"{identity.base_url}/gemeinde/{m.ags}/boerse.atom"
    return _atom(feed(feed_id=link, title=f"Kooperationsbörse: Einträge in der Nähe von {m.short_name}", self_link=link,
                      page_link=f"{identity.base_url}/boerse?kreis={m.kreis_key}",
                      items=[_item(vocab, views, identity, e) for e in matcher.near(m)]))
