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
from kb.ontology.fields import CONTACT_FIELDS, FIELDS, FORM_GROUPS, error_labels, form_fields
from kb.ontology.records import RECORD_TYPE_LABELS
from kb.ontology.register import UNKNOWN_MUNICIPALITY

router = APIRouter(include_in_schema=False)

ONE_VALUE_WIDGETS = ("input", "textarea", "select", "radio")
TEXT_FIELDS = tuple(f.name for f in FIELDS if f.widget in ONE_VALUE_WIDGETS and not f.many)
"""The form fields that are one text each, as in the JSON form (from the field table)."""
ORGANISATION_LINE = ("organisation:", "org:")
"""A line of the participants field that names an organisation without a key ("Organisation: Name")."""
FORM_MESSAGES = {
    UNKNOWN_MUNICIPALITY: "Diese Gemeinde ist im amtlichen Gemeindeverzeichnis nicht zu finden. Bitte prüfen Sie die Schreibweise, "
                          "geben Sie den amtlichen Gemeindeschlüssel (AGS) an oder tragen Sie eine Organisation ohne Schlüssel als "
                          "„Organisation: Name“ in eine eigene Zeile ein.",
}
"""Messages the form words its own way (``Violation.code`` → German text): the API's name the JSON syntax."""


def _lines(value: Any) -> list[str]:
    return [line.strip() for line in str(value or "").splitlines() if line.strip()]


def form_to_json(form: dict[str, Any], task_areas: list[str]) -> dict[str, Any]:
    """The API's JSON form from the submitted fields (empty fields are left out)."""
    data: dict[str, Any] = {k: form[k].strip() for k in TEXT_FIELDS if str(form.get(k, "")).strip()}
    for f in FIELDS:
        if f.widget == "lines":  # participants: a municipality per line, or "Organisation: Name"
            data[f.name] = [{"name": line.split(":", 1)[1].strip(), "kind": "organisation"}
                            if line.lower().startswith(ORGANISATION_LINE) else line for line in _lines(form.get(f.name))]
        elif f.widget == "checks":
            data[f.name] = task_areas if f.name == "taskAreas" else [str(v) for v in form.get(f.name) or []]
        elif f.widget == "input" and f.many:  # a list typed as one line, separated by commas
            data[f.name] = [k.strip() for k in str(form.get(f.name, "")).replace(";", ",").split(",") if k.strip()]
        elif f.widget == "contact":
            given = {k: str(form.get(f"contact_{k}", "")).strip() for k in CONTACT_FIELDS if k != "consent"}
            contact: dict[str, Any] = {k: v for k, v in given.items() if v}
            if contact:
                contact["consent"] = form.get("contact_consent") == "ja"
                data[f.name] = contact
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
    for f in FIELDS:
        if f.widget == "lines":
            form[f.name] = "\n".join(p["ags"] if p.get("ags") else f"Organisation: {p['name']}" for p in record.get(f.name, []))
        elif f.widget == "checks":
            form[f.name] = [c["code"] for c in record.get(f.name, [])]
        elif f.widget == "input" and f.many:
            form[f.name] = ", ".join(record.get(f.name, []))
        elif f.widget == "contact":
            contact = record.get(f.name) or {}
            for k in CONTACT_FIELDS:
                form[f"contact_{k}"] = contact.get(k, "") if k != "consent" else ("ja" if contact.get("consent") else "")
    return form


def errors_by_field(exc: InvalidRecord) -> dict[str, list[str]]:
    """Messages by form field (``contact.email`` is the form's ``contact_email``), with candidates for names."""
    out: dict[str, list[str]] = {}
    for v in exc.violations:
        parts = v.field.split(".")
        name = parts[0]
        if name == "contact" and len(parts) > 1:
            name = f"contact_{parts[1]}"
        message = FORM_MESSAGES.get(v.code, v.message)
        if v.candidates and name in ("participants", "lead"):
            names = ", ".join(f"{c.get('name')} ({c.get('kreis', '')}, AGS {c.get('ags')})" for c in v.candidates[:6] if c.get("ags"))
            if names:
                message += f" Meinten Sie: {names}?"
        if v.value and name in ("participants", "lead", "taskAreas"):
            message = f"„{v.value}“: {message}"
        out.setdefault(name, []).append(message)
    return out


def _form_context(node: Node) -> dict[str, Any]:
    """What the form template needs besides the values: its fieldsets and fields (the field table) and the choices."""
    vocab = node.vocabularies
    choices: dict[str, list[tuple[str, str]]] = {"type": [(code, de) for code, (de, _en) in RECORD_TYPE_LABELS.items()]}
    for f in FIELDS:
        if f.scheme:
            choices[f.scheme] = [(c.code, c.label()) for c in vocab[f.scheme] if not c.broader]
    choices["fundingRound"] = [(c.code, c.label()) for c in vocab["fundingProgramme"] if c.broader]  # the rounds alone
    return {"form_groups": FORM_GROUPS, "form_fields": form_fields, "choices": choices, "error_labels": error_labels()}


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
    form["fundingProgrammes"] = [str(v) for v in raw.getlist("fundingProgrammes")][:20]
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
    form["fundingProgrammes"] = [str(v) for v in raw.getlist("fundingProgrammes")][:20]
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
