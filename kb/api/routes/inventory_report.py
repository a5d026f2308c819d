"""The Bestandsaufnahme as a report: ``/bestandsaufnahme/bericht.pdf`` and ``/bestandsaufnahme/bericht.docx``.

The same filters as the page (``land``/``state``, ``regierungsbezirk``, ``kreis``, ``taskArea``
(repeatable), and ``includeNetwork`` for members). A report costs seconds of CPU, so its cost is bounded three ways:

- it is built once per snapshot of the data and filter set and then served from the inventory's
  cache (``Inventory.produce``; concurrent requests for the same report wait for the first one);
- at most ``CONCURRENT`` reports are built at a time; a request that finds no free slot within
  ``QUEUE_SECONDS`` gets 503 with Retry-After instead of piling up threads;
- a request waits at most ``BUILD_SECONDS`` for its report; if building takes longer it gets 503
  with Retry-After, and the build finishes in the background into the cache for the next try;
- at most ``MAX_BUILDS`` different reports are admitted (building or next in line) and at most
  ``MAX_WAITING`` requests wait for one; anything beyond gets 503 with Retry-After at once. Without
  these two bounds anonymous callers asking for many Kreise at once held every worker thread of the
  server for a minute (``/healthz`` stopped answering) and left a queue of builds that kept the CPU
  busy long after they had gone (attack review 2026-12-07, docs/security.md).
"""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kb.api.deps import InventoryDep, PrincipalDep
from kb.api.filter_params import Regierungsbezirk, State, TaskAreas
from kb.api.routes.inventory import include_network
from kb.api.routes.inventory_page import Kreis, Land, NetworkAsked, german_time, inventory_context
from kb.api.routes.pages import web_of
from kb.errors import Busy
from kb.inventory import Inventory, Scope
from kb.inventory import report as build

router = APIRouter(include_in_schema=False)

CSS = (Path(__file__).resolve().parent.parent / "static" / "report.css").read_text(encoding="utf-8")
CONCURRENT = 1
QUEUE_SECONDS = 20.0
BUILD_SECONDS = 60.0
MAX_BUILDS = CONCURRENT + 1
"""Different reports admitted at a time: one building, one next in line (no unbounded queue)."""
MAX_WAITING = 6
"""Requests that may wait for a report at a time; each holds one of the server's worker threads."""
_slots = threading.BoundedSemaphore(CONCURRENT)
_pool = ThreadPoolExecutor(max_workers=MAX_BUILDS, thread_name_prefix="kb-report")
_gate = threading.RLock()
_admitted: dict[Any, Future[bytes]] = {}
_waiting = 0
MEDIA = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def _context(request: Request, inv: Inventory, scope: Scope, include: bool) -> dict[str, Any]:
    web = web_of(request)
    ctx = inventory_context(inv, scope, include)
    settings = web.node.settings
    overview = ctx["overview"]
    ctx.update({
        "in_report": True, "member": False, "network_refused": False, "include_network": include,
        "settings": settings, "attribution": web.env.globals["attribution"], "base_url": settings.public_base,
        "created": german_time(dt.datetime.now(dt.UTC).isoformat(timespec="minutes")),
        "query": scope.query(),
        "digital_unknown": next((r.projects for r in overview.byDigitalDelivery if r.code == "unbekannt"), 0),
    })
    ctx["summary"] = build.summary(ctx)
    return ctx


def _method(ctx: dict[str, Any]) -> list[str]:
    t = ctx["overview"].totals
    return [
        "Gezählt werden die im Wissensnetz veröffentlichten Projekte; es ist keine amtliche Erhebung. Ein Projekt zählt für eine Region, "
        "wenn mindestens eine beteiligte Kommune dort liegt.",
        f"{t.projects} Einträge liegen zugrunde" + (f", davon {t.illustrative} erfundene Beispiele." if t.illustrative else "."),
        f"Gezählt sind {t.municipalities} bewohnte Kommunen" + (f"; {t.uninhabited} gemeindefreie Gebiete ohne Einwohner zählen nicht mit."
                                                             if t.uninhabited else "."),
        "Die Kartenflächen sind aus den Koordinaten des Gemeindeverzeichnisses abgeleitet, keine amtlichen Grenzen.",
        f"Quellen: {ctx['settings'].name} ({ctx['base_url']}); Gemeindeverzeichnis: {ctx['attribution']}.",
    ]


def _render(request: Request, inv: Inventory, scope: Scope, include: bool, kind: str) -> bytes:
    ctx = _context(request, inv, scope, include)
    if kind == "pdf":
        web = web_of(request)
        html = web.env.get_template("inventory_report.html").render(**ctx)
        return build.pdf(html, CSS, ctx["base_url"] + "/")
    pictures = build.svg_pngs({"kreis_map": str(ctx["kreis_map"]), "municipality_map": str(ctx["municipality_map"]),
                               **{name: str(svg) for name, svg in ctx["charts"].items()}})
    ctx["method"] = _method(ctx)
    return build.docx(ctx, pictures)


def _busy() -> Busy:
    return Busy("Der Bericht wird gerade erstellt. Bitte versuchen Sie es in einer Minute noch einmal.",
                "The report is being built. Please try again in a minute.", retry_after=60)


def report(request: Request, inv: Inventory, scope: Scope, include: bool, kind: str) -> bytes:
    """The report's bytes for the current data, from the cache or built within the bounds above."""

    def produce() -> bytes:
        if not _slots.acquire(timeout=QUEUE_SECONDS):
            raise _busy()
        try:
            return _render(request, inv, scope, include, kind)
        finally:
            _slots.release()

    global _waiting
    key = ("report", kind, scope, include)
    if key in inv.cached_keys():
        return inv.produce(key, produce, False)  # built for this data state: no admission needed
    with _gate:
        future = _admitted.get(key)
        if _waiting >= MAX_WAITING or (future is None and len(_admitted) >= MAX_BUILDS):
            raise _busy()
        if future is None:
            future = _admitted[key] = _pool.submit(inv.produce, key, produce, False)
            future.add_done_callback(lambda _done: _forget(key))
        _waiting += 1
    try:
        return future.result(timeout=BUILD_SECONDS)
    except FutureTimeout:
        raise _busy() from None
    finally:
        with _gate:
            _waiting -= 1


def _forget(key: Any) -> None:
    with _gate:
        _admitted.pop(key, None)


def _filename(scope: Scope, include: bool, kind: str) -> str:
    return f"bestandsaufnahme-{scope.slug()}{'-mit-netzwerk' if include else ''}.{kind}"


def _route(kind: str) -> None:
    def endpoint(request: Request, inv: InventoryDep, principal: PrincipalDep, state: State = None, land: Land = None,
                 regierungsbezirk: Regierungsbezirk = None, kreis: Kreis = None, asked: NetworkAsked = False,
                 task_areas: TaskAreas = None) -> Response:
        include = include_network(principal, asked)
        scope = inv.resolve_scope(state=state or land or None, regierungsbezirk=regierungsbezirk or None, kreis=kreis or None,
                                  task_areas=[a for a in task_areas or () if a])
        body = report(request, inv, scope, include, kind)
        headers = {"Content-Disposition": f'attachment; filename="{_filename(scope, include, kind)}"',
                   "Cache-Control": "no-store" if include else "no-cache"}
        return Response(body, media_type=MEDIA[kind], headers=headers)

    endpoint.__name__ = f"inventory_report_{kind}"
    endpoint.__doc__ = f"Die Bestandsaufnahme als Bericht ({kind.upper()}), mit denselben Filtern wie die Seite."
    router.add_api_route(f"/bestandsaufnahme/bericht.{kind}", endpoint, methods=["GET"])


_route("pdf")
_route("docx")
