"""The inventory of cooperation (Bestandsaufnahme) as JSON and CSV: ``/api/inventory/...``.

Every figure takes ``?state=NW&regierungsbezirk=059`` (and ``kreis=05974``), by code or name; an
unknown value is a 422 that lists the allowed ones. ``?format=csv`` (or ``Accept: text/csv``)
downloads the same figure as a semicolon-separated UTF-8 file with BOM for German Excel.
Records of visibility "network" are counted only for authenticated callers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from kb.api.conneg import negotiate
from kb.api.deps import NodeDep, PrincipalDep
from kb.inventory import MUNICIPALITY_TABLES, TABLES, Inventory, Scope, municipality_table, to_csv
from kb.inventory import schemas as s
from kb.inventory.export import Table
from kb.node import Node

router = APIRouter(prefix="/api/inventory", tags=["Bestandsaufnahme / inventory"])

CSV = "text/csv"
JSON = "application/json"
_CSV_DOC: dict[int | str, dict[str, Any]] = {200: {"content": {CSV: {"schema": {"type": "string"}}}}}

Format = Annotated[Literal["json", "csv"] | None, Query(description="json (Vorgabe) oder csv; sonst entscheidet der Accept-Header.")]


def inventory_of(node: Node) -> Inventory:
    inv = node.extensions.get("inventory")
    if inv is None:  # a node composed without it (tests of other parts): build one on first use
        inv = node.extensions["inventory"] = Inventory(node.catalog, node.register, node.vocabularies)
    return inv  # type: ignore[no-any-return]


def get_scope(
    node: NodeDep,
    state: Annotated[str | None, Query(description="Bundesland: Code (NW), Name oder Schlüssel (05).")] = None,
    regierungsbezirk: Annotated[str | None, Query(description="Regierungsbezirk: Schlüssel (059) oder Name (Arnsberg).")] = None,
    kreis: Annotated[str | None, Query(description="Kreis: fünfstelliger Schlüssel (05974) oder Name.")] = None,
) -> Scope:
    return inventory_of(node).resolve_scope(state=state, regierungsbezirk=regierungsbezirk, kreis=kreis)


ScopeDep = Annotated[Scope, Depends(get_scope)]


def _media(request: Request, fmt: str | None) -> str:
    if fmt:
        return CSV if fmt == "csv" else JSON
    return negotiate(request.headers.get("accept"), [JSON, CSV], JSON) or JSON


def _respond(request: Request, inv: Inventory, fmt: str | None, key: tuple[Any, ...], figure: Callable[[], dict[str, Any]],
             model: type[BaseModel], table: Callable[[dict[str, Any]], Table], filename: str, include_network: bool) -> Response:
    """The figure as JSON (checked against its model) or CSV; rendered once per snapshot, cached, and kept warm."""
    media = _media(request, fmt)

    def render() -> tuple[int, bytes]:
        data = figure()
        seq = data["seq"] if "seq" in data else data["scope"]["seq"]
        if media == CSV:
            return seq, to_csv(table(data))
        return seq, model.model_validate(data).model_dump_json().encode()

    seq, body = inv.produce((*key, media), render)
    etag = f'W/"inv-{seq}-{"n" if include_network else "p"}-{"csv" if media == CSV else "json"}"'
    headers = {"ETag": etag, "Cache-Control": "no-cache", "Vary": "Accept, Authorization"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    if media == CSV:
        headers["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return Response(body, media_type="text/csv; charset=utf-8; header=present", headers=headers)
    return Response(body, media_type=JSON, headers=headers)


def _figure_route(name: str, model: type[BaseModel], method: str, summary: str) -> None:
    def endpoint(request: Request, node: NodeDep, principal: PrincipalDep, scope: ScopeDep, format: Format = None) -> Response:
        inv = inventory_of(node)
        network = principal.can_see_network
        return _respond(request, inv, format, (name, scope, network), lambda: getattr(inv, method)(scope, include_network=network),
                        model, TABLES[name], f"bestandsaufnahme-{name}-{scope.slug()}", network)

    endpoint.__name__ = f"inventory_{method}"
    endpoint.__doc__ = summary
    path = "" if name == "overview" else f"/{name}"
    router.add_api_route(path, endpoint, methods=["GET"], response_model=model, responses=_CSV_DOC, summary=summary.split("\n")[0])


_figure_route("overview", s.OverviewOut, "overview",
              "Überblick: Projekte nach Typ, Status, Rechtsform, Aufgabenbereich, Digitalisierungsgrad; Kennzahlen / overview")
_figure_route("task-areas", s.TaskAreasOut, "task_areas", "Projekte je Aufgabenbereich (Produktbereich) / projects per task area")
_figure_route("legal-forms", s.LegalFormsOut, "legal_forms", "Projekte je Rechtsform / projects per legal form")
_figure_route("kreise", s.KreiseOut, "kreise", "Projekte je Kreis / projects per Kreis")
_figure_route("municipalities", s.MunicipalitiesOut, "municipalities",
              "Punktkarte: Kooperationen je Gemeinde mit Koordinaten / dot map data per municipality")
_figure_route("matrix", s.MatrixOut, "matrix", "Abdeckung Kreis × Aufgabenbereich / coverage matrix Kreis × task area")
_figure_route("priorities", s.PrioritiesOut, "priorities",
              "Digitalisierungsprioritäten: viel Kooperation, wenig digitale Umsetzung / digitalisation priorities")


@router.get("/potentials", response_model=s.PotentialsOut, responses=_CSV_DOC)
def inventory_potentials(
    request: Request,
    node: NodeDep,
    principal: PrincipalDep,
    scope: ScopeDep,
    taskArea: Annotated[str | None, Query(description="Nur dieser Aufgabenbereich: Code (02), Name oder Begriff (Standesamt).")] = None,
    limit: Annotated[int, Query(ge=1, le=5000, description="Gemeinden je Aufgabenbereich.")] = 10,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    neighbours: Annotated[int, Query(ge=1, le=50, description="Nachbarn je Gemeinde (die nächsten).")] = 10,
    maxKm: Annotated[float, Query(gt=0, le=100, description="Höchstens so weit entfernt (km).")] = 25.0,
    minNeighbours: Annotated[int, Query(ge=1, le=50, description="Mindestzahl kooperierender Nachbarn.")] = 1,
    format: Format = None,
) -> Response:
    """Potenziale: Gemeinden ohne Kooperation in einem Aufgabenbereich, deren Nachbarn darin kooperieren, mit Partnervorschlägen."""
    inv = inventory_of(node)
    network = principal.can_see_network
    area = inv.resolve_task_area(taskArea) if taskArea else None
    params = (area, limit, offset, neighbours, float(maxKm), minNeighbours)

    def figure() -> dict[str, Any]:
        return inv.potentials(scope, include_network=network, task_area=area, limit=limit, offset=offset, neighbours=neighbours,
                              max_km=maxKm, min_neighbours=minNeighbours)

    slug = f"bestandsaufnahme-potentials-{scope.slug()}" + (f"-{area}" if area else "")
    return _respond(request, inv, format, ("potentials", scope, network, params), figure, s.PotentialsOut, TABLES["potentials"], slug,
                    network)


@router.get("/regions", response_model=s.RegionsOut)
def inventory_regions(node: NodeDep) -> Response:
    """Bundesländer, Regierungsbezirke und Kreise, nach denen gefiltert werden kann / the values the filters accept."""
    inv = inventory_of(node)
    body = inv.constant("regions-json", lambda: s.RegionsOut.model_validate(inv.regions()).model_dump_json().encode())
    return Response(body, media_type=JSON, headers={"Cache-Control": "max-age=3600"})


@router.get("/municipalities/{ags}", response_model=s.MunicipalityOut, responses=_CSV_DOC)
def inventory_municipality(
    request: Request,
    node: NodeDep,
    principal: PrincipalDep,
    ags: Annotated[str, Path(description="Amtlicher Gemeindeschlüssel (8 Ziffern) oder eindeutiger Gemeindename.")],
    neighbours: Annotated[int, Query(ge=1, le=50)] = 10,
    maxKm: Annotated[float, Query(gt=0, le=100)] = 25.0,
    table: Annotated[Literal[MUNICIPALITY_TABLES], Query(description="Welche Tabelle die CSV-Datei enthält.")] = "neighbours",  # type: ignore[valid-type]
    format: Format = None,
) -> Response:
    """Eine Gemeinde: ihre Kooperationen, was ihre Nachbarn tun, vorgeschlagene Partner / a municipality's page data."""
    inv = inventory_of(node)
    network = principal.can_see_network
    m = inv.resolve_municipality(ags).ags

    def figure() -> dict[str, Any]:
        return inv.municipality(m, include_network=network, neighbours=neighbours, max_km=maxKm)

    return _respond(request, inv, format, ("municipality", m, network, neighbours, float(maxKm), table), figure, s.MunicipalityOut,
                    lambda f: municipality_table(f, table), f"gemeinde-{m}-{table}", network)
