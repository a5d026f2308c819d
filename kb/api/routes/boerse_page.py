"""The Kooperationsbörse in the browser: ``/boerse`` (list with filters), ``/boerse/neu`` (post an
entry, signed-in publishers) and the entry page with its matches (the record's own page).

The form posts the API's JSON form through the same ``Publisher`` as the project form, so rules and
messages are the same; it is its own template and route so that it can change apart from the
project form.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from kb.api.deps import (
    BoardDep,
    IdentityDep,
    PrincipalDep,
    PublisherDep,
    RegisterDep,
    SettingsDep,
    ViewsDep,
    VocabulariesDep,
    get_board,
    get_matcher,
    get_views,
)
from kb.api.publish_form import german_date
from kb.api.routes.boerse import entry_link
from kb.api.routes.pages import web_of
from kb.api.routes.publish import errors_by_field, form_to_json
from kb.auth import Principal
from kb.boerse import KINDS, Entry
from kb.boerse.filters import resolve_query
from kb.errors import InvalidRecord, Unauthenticated
from kb.ontology.fields import BY_NAME, error_labels
from kb.ontology.records import RECORD_TYPE_LABELS
from kb.ontology.vocabulary import Vocabularies
from kb.store.model import StoredRecord
from kb.views import NodeIdentity, RecordViews

router = APIRouter(include_in_schema=False)

FILTERS = ("type", "taskArea", "state", "kreis")
DEFAULT_DAYS = 180
"""How long a new entry is valid unless the form says otherwise."""
KIND_LABELS = {"request": "Gesuch – wir suchen Partner", "offer": "Angebot – andere können sich anschließen"}


def _choices(vocab: Vocabularies) -> dict[str, list[tuple[str, str]]]:
    return {"taskArea": [(c.code, c.label()) for c in vocab["taskArea"]], "state": [(c.code, c.label()) for c in vocab["state"]],
            "kind": list(KIND_LABELS.items())}


@router.get("/boerse", response_class=HTMLResponse)
def boerse_page(request: Request, vocab: VocabulariesDep, register: RegisterDep, board: BoardDep, views: ViewsDep,
                identity: IdentityDep, principal: PrincipalDep) -> Response:
    web = web_of(request)
    given = {name: (request.query_params.get(name) or "").strip()[:200] for name in FILTERS}
    context: dict[str, Any] = {"given": given, "choices": _choices(vocab), "entries": [], "errors": [],
                               "signed_in_publisher": web.sessions.get(request) is not None}
    try:
        query = resolve_query(vocab, register, kind=given["type"], task_area=given["taskArea"], state=given["state"],
                              kreis=given["kreis"], include_network=principal.can_see_network)
    except InvalidRecord as exc:
        context["errors"] = [v.message for v in exc.violations]
        return web.render(request, "boerse.html", status=422, title="Kooperationsbörse", **context)
    entries = board.open(query)
    context["entries"] = [_card(vocab, views, identity, e) for e in entries]
    return web.render(request, "boerse.html", title="Kooperationsbörse", **context)


def _card(vocab: Vocabularies, views: RecordViews, identity: NodeIdentity, e: Entry) -> dict[str, Any]:
    return {
        "id": e.iri, "link": entry_link(views, identity, e.iri).removeprefix(identity.base_url), "title": e.title, "kind": e.kind,
        "typeLabel": RECORD_TYPE_LABELS.get(e.type, (e.type, e.type))[0],
        "taskAreaLabels": [c.label() for code in e.task_areas if (c := vocab["taskArea"].get(code))],
        "participantNames": list(e.participant_names), "validUntil": e.valid_until, "illustrative": e.illustrative,
        "originName": views.node_name(e.origin) or e.origin, "local": e.local,
    }


# ---------------------------------------------------------------------- the entry page


def entry_page(request: Request, stored: StoredRecord) -> Response:
    """The page of a request or offer: the record, and what matches it (hooked into the record page)."""
    web = web_of(request)
    views = get_views(request)
    view = views.project_view(stored)
    principal = getattr(request.state, "principal", None)
    include = bool(principal and principal.can_see_network)
    matches = get_matcher(request).matches(stored.meta.iri, include_network=include) if get_board(request).get(stored.meta.iri) else None
    key = views.key_of(stored.meta.iri)
    may_edit = bool(key and web.sessions.get(request) and stored.meta.local)
    return web.render(request, "boerse_entry.html", title=view["title"], p=view, m=matches, key=key, may_edit=may_edit,
                      type_label=RECORD_TYPE_LABELS.get(view["type"], ("", ""))[0])


# ---------------------------------------------------------------------- posting


def _require_publisher(request: Request, principal: Principal) -> None:
    if principal.role == "anonymous" or web_of(request).sessions.get(request) is None:
        raise Unauthenticated("Bitte melden Sie sich mit Ihrem Zugangsschlüssel an, um einen Eintrag in die Börse zu stellen.",
                              "Please sign in with your token to post to the exchange.")
    principal.require_publisher()


def _form_page(request: Request, vocab: Vocabularies, form: dict[str, Any], errors: dict[str, list[str]], status: int = 200) -> Response:
    labels = error_labels()
    labels.update({"validUntil": BY_NAME["validUntil"].label_in("de"), "kind": "Art des Eintrags"})
    return web_of(request).render(request, "boerse_form.html", status=status, title="Eintrag in die Kooperationsbörse", form=form,
                                  errors=errors, choices=_choices(vocab), error_labels=labels, fields=BY_NAME)


@router.get("/boerse/neu", response_class=HTMLResponse)
def new_entry_form(request: Request, board: BoardDep, vocab: VocabulariesDep, settings: SettingsDep, principal: PrincipalDep) -> Response:
    if web_of(request).sessions.get(request) is None:
        return RedirectResponse("/anmelden?weiter=/boerse/neu", status_code=303)
    _require_publisher(request, principal)
    until = board.today() + timedelta(days=DEFAULT_DAYS)
    form = {"kind": "request", "state": settings.state if settings.state != "XX" else "", "visibility": "public",
            "taskAreas": [], "validUntil": until.isoformat()}
    return _form_page(request, vocab, form, {})


@router.post("/boerse/neu", response_class=HTMLResponse)
async def post_entry(request: Request, board: BoardDep, publisher: PublisherDep, views: ViewsDep, vocab: VocabulariesDep,
                     principal: PrincipalDep) -> Response:
    _require_publisher(request, principal)
    raw = await request.form()
    web_of(request).sessions.check_csrf(request, str(raw.get("csrf", "")))
    form: dict[str, Any] = {k: raw.get(k) for k in raw.keys()}
    task_areas = [str(v) for v in raw.getlist("taskAreas")][:40]
    form["taskAreas"] = task_areas
    kind = str(form.get("kind") or "")
    data = form_to_json(form, task_areas)
    data["type"] = KINDS.get(kind, "cooperationRequest")
    errors: dict[str, list[str]] = {}
    if kind not in KINDS:
        errors["kind"] = ["Bitte wählen Sie, ob Sie Partner suchen oder etwas anbieten."]
    until = german_date(str(form.get("validUntil") or ""))
    if until:
        data["validUntil"] = until
        if len(until) == 10 and until < board.today().isoformat():
            errors["validUntil"] = ["Das Datum liegt in der Vergangenheit; der Eintrag wäre sofort abgelaufen."]
    try:
        graph = await run_in_threadpool(publisher.new_graph_from_json, data)
        if errors:
            raise InvalidRecord([])
        published = await run_in_threadpool(lambda: publisher.publish(principal, graph, create=True))
    except InvalidRecord as exc:
        for name, messages in errors_by_field(exc.violations).items():
            errors.setdefault(name, []).extend(messages)
        return _form_page(request, vocab, form, errors, status=422)
    return RedirectResponse(f"/projects/{views.key_of(published.iri)}?neu=1", status_code=303)
