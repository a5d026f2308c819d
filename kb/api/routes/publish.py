"""Publishing through the browser: sign in with a token, create, edit and withdraw projects.

The forms post the same JSON form the API takes, through the same ``Publisher``, so the rules and
messages are identical. On a validation error the form comes back with everything typed kept and
each message beside its field.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from kb.api.deps import NodeDep, PrincipalDep, authenticate, require_same_origin
from kb.api.routes.pages import web_of
from kb.api.routes.projects import parse_version
from kb.auth import Principal
from kb.errors import Conflict, Forbidden, InvalidRecord, KbError, NotFound, RateLimited, Unauthenticated
from kb.node import Node

router = APIRouter(include_in_schema=False)

TEXT_FIELDS = ("title", "description", "fundingProgramme", "outcomes", "lessonsLearned", "transferability", "website",
               "startDate", "endDate", "state", "legalForm", "status", "digitalDelivery", "vat2b", "type", "visibility", "lead")


def form_to_json(form: dict[str, Any], task_areas: list[str]) -> dict[str, Any]:
    """The API's JSON form from the submitted fields (empty fields are left out)."""
    data: dict[str, Any] = {k: form[k].strip() for k in TEXT_FIELDS if str(form.get(k, "")).strip()}
    participants: list[Any] = []
    for line in str(form.get("participants", "")).splitlines():
        line = line.strip()
        if not line:
            continue
        if line.lower().startswith(("organisation:", "org:")):
            participants.append({"name": line.split(":", 1)[1].strip(), "kind": "organisation"})
        else:
            participants.append(line)
    data["participants"] = participants
    data["taskAreas"] = task_areas
    data["keywords"] = [k.strip() for k in str(form.get("keywords", "")).replace(";", ",").split(",") if k.strip()]
    given = {k: str(form.get(f"contact_{k}", "")).strip() for k in ("organisation", "name", "email", "phone")}
    contact: dict[str, Any] = {k: v for k, v in given.items() if v}
    if contact:
        contact["consent"] = form.get("contact_consent") == "ja"
        data["contact"] = contact
    return data


def json_to_form(record: dict[str, Any]) -> dict[str, Any]:
    """Form values of a stored record (for editing)."""
    form: dict[str, Any] = {}
    for key in TEXT_FIELDS:
        value = record.get(key)
        if isinstance(value, dict):
            value = value.get("code")
        form[key] = value or ""
    lead = next((p for p in record.get("participants", []) if p.get("lead")), None)
    form["lead"] = (lead.get("ags") or lead["name"]) if lead else ""
    form["participants"] = "\n".join(p["ags"] if p.get("ags") else f"Organisation: {p['name']}" for p in record.get("participants", []))
    form["keywords"] = ", ".join(record.get("keywords", []))
    contact = record.get("contact") or {}
    for k in ("organisation", "name", "email", "phone"):
        form[f"contact_{k}"] = contact.get(k, "")
    form["contact_consent"] = "ja" if contact.get("consent") else ""
    form["taskAreas"] = [c["code"] for c in record.get("taskAreas", [])]
    return form


def errors_by_field(exc: InvalidRecord) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for v in exc.violations:
        parts = v.field.split(".")
        name = parts[0]
        if name == "contact" and len(parts) > 1:
            name = f"contact_{parts[1]}"
        message = v.message.replace('als {"name": ..., "kind": "organisation"} ein', "als „Organisation: Name“ in eine eigene Zeile")
        if v.candidates and name in ("participants", "lead"):
            names = ", ".join(f"{c.get('name')} ({c.get('kreis', '')}, AGS {c.get('ags')})" for c in v.candidates[:6] if c.get("ags"))
            if names:
                message += f" Meinten Sie: {names}?"
        if v.value and name in ("participants", "lead", "taskAreas"):
            message = f"„{v.value}“: {message}"
        out.setdefault(name, []).append(message)
    return out


def _form_context(node: Node) -> dict[str, Any]:
    vocab = node.vocabularies
    return {
        "task_areas": list(vocab["taskArea"]),
        "legal_forms": list(vocab["legalForm"]),
        "statuses": list(vocab["status"]),
        "states": list(vocab["state"]),
        "digital": list(vocab["digitalDelivery"]),
        "vat": list(vocab["vat2b"]),
    }


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
async def signin(request: Request, node: NodeDep) -> Response:
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
    response.set_cookie("kb_session", session_id, httponly=True, samesite="strict", secure=node.base_url.startswith("https://"),
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
def new_form(request: Request, node: NodeDep, principal: PrincipalDep) -> Response:
    if web_of(request).sessions.get(request) is None:
        return RedirectResponse("/anmelden?weiter=/veroeffentlichen", status_code=303)
    _require_session(request, principal)
    form = {"state": node.settings.state if node.settings.state != "XX" else "", "visibility": "public", "type": "project", "taskAreas": []}
    return web_of(request).render(request, "form.html", title="Projekt veröffentlichen", form=form, errors={}, action="/veroeffentlichen",
                                  editing=False, **_form_context(node))


@router.post("/veroeffentlichen", response_class=HTMLResponse)
async def create(request: Request, node: NodeDep, principal: PrincipalDep) -> Response:
    _require_session(request, principal)
    web = web_of(request)
    raw = await request.form()
    web.sessions.check_csrf(request, str(raw.get("csrf", "")))
    form: dict[str, Any] = {k: raw.get(k) for k in raw.keys()}
    task_areas = [str(v) for v in raw.getlist("taskAreas")]
    form["taskAreas"] = task_areas
    data = form_to_json(form, task_areas)
    try:
        graph = await run_in_threadpool(node.publisher.new_graph_from_json, data)
        published = await run_in_threadpool(lambda: node.publisher.publish(principal, graph, create=True))
    except InvalidRecord as exc:
        return web.render(request, "form.html", status=422, title="Projekt veröffentlichen", form=form, errors=errors_by_field(exc),
                          action="/veroeffentlichen", editing=False, **_form_context(node))
    return RedirectResponse(f"/projects/{node.key_of(published.iri)}?neu=1", status_code=303)


def _editable(node: Node, principal: Principal, key: str) -> str:
    iri = node.publisher.resolve_key(key)
    if iri is None:
        raise NotFound("Dieses Projekt gibt es hier nicht.", "There is no such project here.")
    if not node.publisher.is_local(iri):
        raise Forbidden("Projekte anderer Knoten können nur dort bearbeitet werden.", "Other nodes' records are edited there.")
    node.publisher.authorize_change(principal, iri)
    return iri


@router.get("/projects/{key}/bearbeiten", response_class=HTMLResponse)
def edit_form(key: str, request: Request, node: NodeDep, principal: PrincipalDep) -> Response:
    if web_of(request).sessions.get(request) is None:
        return RedirectResponse(f"/anmelden?weiter=/projects/{key}/bearbeiten", status_code=303)
    _require_session(request, principal)
    iri = _editable(node, principal, key)
    stored = node.catalog.get_live(iri, include_network=True)
    form = json_to_form(node.project_view(stored))
    form["version"] = stored.meta.version
    return web_of(request).render(request, "form.html", title="Projekt bearbeiten", form=form, errors={}, editing=True,
                                  action=f"/projects/{key}/bearbeiten", key=key, **_form_context(node))


@router.post("/projects/{key}/bearbeiten", response_class=HTMLResponse)
async def edit(key: str, request: Request, node: NodeDep, principal: PrincipalDep) -> Response:
    _require_session(request, principal)
    web = web_of(request)
    raw = await request.form()
    web.sessions.check_csrf(request, str(raw.get("csrf", "")))
    iri = await run_in_threadpool(_editable, node, principal, key)
    form: dict[str, Any] = {k: raw.get(k) for k in raw.keys()}
    task_areas = [str(v) for v in raw.getlist("taskAreas")]
    form["taskAreas"] = task_areas
    sent_version = str(raw.get("version", "") or "").strip()
    version = parse_version(sent_version) if sent_version else None
    try:
        if sent_version and version is None:
            raise Conflict("Die Versionsangabe des Formulars ist ungültig. Bitte laden Sie das Projekt neu.",
                           "The form's version is invalid. Please reload the project.")
        graph = await run_in_threadpool(node.publisher.graph_from_json, iri, form_to_json(form, task_areas))
        await run_in_threadpool(lambda: node.publisher.publish(principal, graph, expected_version=version, create=False))
    except InvalidRecord as exc:
        return web.render(request, "form.html", status=422, title="Projekt bearbeiten", form=form, errors=errors_by_field(exc),
                          editing=True, action=f"/projects/{key}/bearbeiten", key=key, **_form_context(node))
    except KbError as exc:
        if exc.status != 409:
            raise
        return web.render(request, "form.html", status=409, title="Projekt bearbeiten", form=form,
                          errors={"_form": [exc.message]}, editing=True, action=f"/projects/{key}/bearbeiten", key=key,
                          **_form_context(node))
    return RedirectResponse(f"/projects/{key}?geaendert=1", status_code=303)


@router.get("/projects/{key}/zurueckziehen", response_class=HTMLResponse)
def withdraw_form(key: str, request: Request, node: NodeDep, principal: PrincipalDep) -> Response:
    _require_session(request, principal)
    iri = _editable(node, principal, key)
    stored = node.catalog.get_live(iri, include_network=True)
    return web_of(request).render(request, "withdraw.html", title="Projekt zurückziehen", key=key, title_of=node.project_view(stored)["title"])


@router.post("/projects/{key}/zurueckziehen")
async def withdraw(key: str, request: Request, node: NodeDep, principal: PrincipalDep) -> Response:
    _require_session(request, principal)
    raw = await request.form()
    web_of(request).sessions.check_csrf(request, str(raw.get("csrf", "")))
    iri = await run_in_threadpool(_editable, node, principal, key)
    if node.catalog.meta(iri) is None:
        raise NotFound("Dieses Projekt gibt es hier nicht.", "No such project.")
    await run_in_threadpool(node.publisher.withdraw, principal, iri)
    return RedirectResponse("/?zurueckgezogen=1", status_code=303)
