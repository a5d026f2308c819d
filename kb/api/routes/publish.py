"""Publishing through the browser: sign in with a token, create, edit and withdraw projects.

The forms post the same JSON form the API takes, through the same ``Publisher``, so the rules are
identical (``kb/api/publish_form.py`` turns German input into it). On a validation error the form
comes back with everything typed kept, every problem at once, each in plain words beside its field
and in a summary that links to it. After publishing, changing and withdrawing the browser is sent
on (post/redirect/get) to a page that confirms it (``?neu=1``, ``?geaendert=1``, ``?zurueckgezogen=1``).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from kb.api.deps import (
    CatalogDep,
    IdentityDep,
    PrincipalDep,
    PublisherDep,
    SettingsDep,
    ViewsDep,
    VocabulariesDep,
    authenticate,
    require_same_origin,
)
from kb.api.publish_form import (
    DATE_FIELDS,
    YEAR_SUFFIX,
    compact_figures,
    errors_by_field,
    figure_row_count,
    form_to_json,
    json_to_form,
    review,
)
from kb.api.routes.pages import web_of
from kb.api.routes.projects import parse_version
from kb.auth import Principal
from kb.errors import Conflict, Forbidden, InvalidRecord, KbError, NotFound, RateLimited, Unauthenticated
from kb.ontology.fields import BY_NAME, FIELDS, error_labels, form_fields, form_legends
from kb.ontology.records import BOERSE_TYPES, RECORD_TYPE_LABELS
from kb.ontology.vocabulary import Vocabularies
from kb.publishing import Publisher

router = APIRouter(include_in_schema=False)

__all__ = ["errors_by_field", "form_to_json", "json_to_form", "router"]


def _form_context(vocab: Vocabularies, state: str, form: dict[str, Any]) -> dict[str, Any]:
    """What the form template needs besides the values: fieldsets and fields (the field table), choices by name, labels.
    ``state``: the node's Land (``KB_STATE``), whose fields the form offers."""
    choices: dict[str, list[tuple[str, str]]] = {"type": [(code, de) for code, (de, _en) in RECORD_TYPE_LABELS.items()
                                                          if code not in BOERSE_TYPES]}  # those have their own form: /boerse/neu
    for f in FIELDS:
        if f.scheme:
            concepts = [(c.code, c.label()) for c in vocab[f.scheme] if not c.broader]
            choices[f.scheme] = sorted(concepts, key=lambda c: c[1]) if f.scheme == "state" else concepts
    choices["fundingRound"] = [(c.code, c.label()) for c in vocab["fundingProgramme"] if c.broader]  # the rounds alone
    labels = error_labels()
    rows = figure_row_count(form)
    for i in range(rows):
        labels.update({f"figure_label_{i}": f"Kennzahl {i + 1}, Bezeichnung", f"figure_value_{i}": f"Kennzahl {i + 1}, Wert",
                       f"figure_unit_{i}": f"Kennzahl {i + 1}, Einheit"})
    return {"form_groups": form_legends(state), "form_fields": form_fields, "choices": choices, "error_labels": labels,
            "figure_rows": rows, "figures_field": BY_NAME["outcomeFigures"], "year_suffix": YEAR_SUFFIX, "date_fields": DATE_FIELDS}


def _submitted(raw: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The form as typed (figure rows renumbered) and its JSON form."""
    form: dict[str, Any] = {k: raw.get(k) for k in raw.keys()}
    task_areas = [str(v) for v in raw.getlist("taskAreas")]
    form["taskAreas"] = task_areas
    form["fundingProgrammes"] = [str(v) for v in raw.getlist("fundingProgrammes")][:20]
    compact_figures(form)
    return form, form_to_json(form, task_areas)


def _require_session(request: Request, principal: Principal) -> None:
    if principal.role == "anonymous" or web_of(request).sessions.get(request) is None:
        raise Unauthenticated("Bitte melden Sie sich mit Ihrem Zugangsschlüssel an, um Projekte zu veröffentlichen.",
                              "Please sign in with your token to publish.")
    principal.require_publisher()


# ---------------------------------------------------------------------- sign in / out


@router.get("/anmelden", response_class=HTMLResponse)
def signin_form(request: Request, weiter: str = "/veroeffentlichen") -> Response:
    return web_of(request).render(request, "signin.html", title="Anmelden", next=_safe_next(weiter), error=None)


def _safe_next(target: str) -> str:
    """Only a path on this node: ``//host`` and ``/\\host`` would send the browser to another site."""
    if not target.startswith("/") or target.startswith(("//", "/\\")) or any(c in target for c in "\\\r\n\t"):
        return "/"
    return target


@router.post("/anmelden", response_class=HTMLResponse)
async def signin(request: Request, identity: IdentityDep) -> Response:
    require_same_origin(request)  # no signing a browser in from another site
    form = await request.form()
    token = str(form.get("token", "")).strip()
    target = _safe_next(str(form.get("weiter", "/veroeffentlichen")))
    web = web_of(request)
    try:
        principal = authenticate(request, token or None)  # counts failures: too many answer 429
        if principal.role == "anonymous":
            raise Unauthenticated("Bitte geben Sie Ihren Zugangsschlüssel ein.", "Please enter your token.")
        principal.require_publisher()
    except RateLimited as exc:  # the form again, saying why and for how long, with Retry-After
        page = web.render(request, "signin.html", status=exc.status, title="Anmelden", next=target, error=(
            f"Zu viele fehlgeschlagene Anmeldungen von dieser Adresse. Bitte warten Sie {exc.retry_after} Sekunden und "
            "versuchen Sie es dann erneut."))
        page.headers["Retry-After"] = str(exc.retry_after)
        return page
    except KbError as exc:
        return web.render(request, "signin.html", status=exc.status, title="Anmelden", next=target, error=exc.message)
    session_id, _ = web.sessions.create(token, principal.name)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie("kb_session", session_id, httponly=True, samesite="strict", secure=identity.base_url.startswith("https://"),
                        max_age=8 * 3600, path="/")
    return response


@router.post("/abmelden")
async def signout(request: Request) -> Response:
    form = await request.form()
    web = web_of(request)
    web.sessions.check_csrf(request, str(form.get("csrf", "")))
    web.sessions.end(request)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie("kb_session", path="/")
    return response


# ---------------------------------------------------------------------- create / edit


@router.get("/veroeffentlichen", response_class=HTMLResponse)
def new_form(request: Request, vocab: VocabulariesDep, settings: SettingsDep, principal: PrincipalDep) -> Response:
    if web_of(request).sessions.get(request) is None:
        return RedirectResponse("/anmelden?weiter=/veroeffentlichen", status_code=303)
    _require_session(request, principal)
    form = {"state": settings.state if settings.state != "XX" else "", "visibility": "public", "type": "project", "taskAreas": []}
    return web_of(request).render(request, "form.html", title="Projekt veröffentlichen", form=form, errors={}, action="/veroeffentlichen",
                                  editing=False, **_form_context(vocab, settings.state, form))


@router.post("/veroeffentlichen", response_class=HTMLResponse)
async def create(request: Request, publisher: PublisherDep, views: ViewsDep, vocab: VocabulariesDep, settings: SettingsDep,
                 principal: PrincipalDep) -> Response:
    _require_session(request, principal)
    web = web_of(request)
    raw = await request.form()
    web.sessions.check_csrf(request, str(raw.get("csrf", "")))
    form, data = _submitted(raw)
    try:
        graph = await run_in_threadpool(publisher.new_graph_from_json, data)
        published = await run_in_threadpool(lambda: publisher.publish(principal, graph, create=True))
    except InvalidRecord as exc:
        problems = await run_in_threadpool(review, publisher, publisher.mint("projekt"), data)
        return web.render(request, "form.html", status=422, title="Projekt veröffentlichen", form=form,
                          errors=errors_by_field(problems or exc.violations), action="/veroeffentlichen", editing=False,
                          **_form_context(vocab, settings.state, form))
    return RedirectResponse(f"/projects/{views.key_of(published.iri)}?neu=1", status_code=303)


def _editable(publisher: Publisher, principal: Principal, key: str) -> str:
    iri = publisher.resolve_key(key)
    if iri is None:
        raise NotFound("Dieses Projekt gibt es hier nicht.", "There is no such project here.")
    if not publisher.is_local(iri):
        raise Forbidden("Projekte anderer Knoten können nur dort bearbeitet werden.", "Other nodes' records are edited there.")
    publisher.authorize_change(principal, iri)
    return iri


@router.get("/projects/{key}/bearbeiten", response_class=HTMLResponse)
def edit_form(key: str, request: Request, publisher: PublisherDep, catalog: CatalogDep, views: ViewsDep, vocab: VocabulariesDep,
              settings: SettingsDep, principal: PrincipalDep) -> Response:
    if web_of(request).sessions.get(request) is None:
        return RedirectResponse(f"/anmelden?weiter=/projects/{key}/bearbeiten", status_code=303)
    _require_session(request, principal)
    iri = _editable(publisher, principal, key)
    stored = catalog.get_live(iri, include_network=True)
    form = json_to_form(views.project_view(stored))
    form["version"] = stored.meta.version
    return web_of(request).render(request, "form.html", title="Projekt bearbeiten", form=form, errors={}, editing=True,
                                  action=f"/projects/{key}/bearbeiten", key=key, **_form_context(vocab, settings.state, form))


@router.post("/projects/{key}/bearbeiten", response_class=HTMLResponse)
async def edit(key: str, request: Request, publisher: PublisherDep, vocab: VocabulariesDep, settings: SettingsDep,
               principal: PrincipalDep) -> Response:
    _require_session(request, principal)
    web = web_of(request)
    raw = await request.form()
    web.sessions.check_csrf(request, str(raw.get("csrf", "")))
    iri = await run_in_threadpool(_editable, publisher, principal, key)
    form, data = _submitted(raw)
    sent_version = str(raw.get("version", "") or "").strip()
    version = parse_version(sent_version) if sent_version else None
    try:
        if sent_version and version is None:
            raise Conflict("Die Versionsangabe des Formulars ist ungültig. Bitte laden Sie das Projekt neu.",
                           "The form's version is invalid. Please reload the project.")
        graph = await run_in_threadpool(publisher.graph_from_json, iri, data)
        await run_in_threadpool(lambda: publisher.publish(principal, graph, expected_version=version, create=False))
    except InvalidRecord as exc:
        problems = await run_in_threadpool(review, publisher, iri, data)
        return web.render(request, "form.html", status=422, title="Projekt bearbeiten", form=form,
                          errors=errors_by_field(problems or exc.violations), editing=True, action=f"/projects/{key}/bearbeiten",
                          key=key, **_form_context(vocab, settings.state, form))
    except KbError as exc:
        if exc.status != 409:
            raise
        return web.render(request, "form.html", status=409, title="Projekt bearbeiten", form=form,
                          errors={"_form": [exc.message]}, editing=True, action=f"/projects/{key}/bearbeiten", key=key,
                          **_form_context(vocab, settings.state, form))
    return RedirectResponse(f"/projects/{key}?geaendert=1", status_code=303)


@router.get("/projects/{key}/zurueckziehen", response_class=HTMLResponse)
def withdraw_form(key: str, request: Request, publisher: PublisherDep, catalog: CatalogDep, views: ViewsDep,
                  principal: PrincipalDep) -> Response:
    _require_session(request, principal)
    iri = _editable(publisher, principal, key)
    stored = catalog.get_live(iri, include_network=True)
    return web_of(request).render(request, "withdraw.html", title="Projekt zurückziehen", key=key, title_of=views.project_view(stored)["title"])


@router.post("/projects/{key}/zurueckziehen")
async def withdraw(key: str, request: Request, publisher: PublisherDep, catalog: CatalogDep, principal: PrincipalDep) -> Response:
    _require_session(request, principal)
    raw = await request.form()
    web_of(request).sessions.check_csrf(request, str(raw.get("csrf", "")))
    iri = await run_in_threadpool(_editable, publisher, principal, key)
    if catalog.meta(iri) is None:
        raise NotFound("Dieses Projekt gibt es hier nicht.", "No such project.")
    await run_in_threadpool(publisher.withdraw, principal, iri)
    return RedirectResponse("/?zurueckgezogen=1", status_code=303)
