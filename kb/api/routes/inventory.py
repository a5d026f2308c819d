"""The inventory of cooperation (Bestandsaufnahme) as JSON and CSV: ``/api/inventory/...``.

Every figure takes ``?state=NW&regierungsbezirk=059`` (and ``kreis=05974``), by code or name, and
task areas (``taskArea=02``, repeatable: records in any of them); an unknown value is a 422 that
lists the allowed ones. ``?format=csv`` (or ``Accept: text/csv``)
downloads the same figure as a semicolon-separated UTF-8 file with BOM for German Excel.

Records of visibility "network" are counted only when a member (any token) asks for them with
``?includeNetwork=true``; by default every caller, signed in or not, gets the public figures. Every
answer says which: ``scope.counted`` (JSON) and the column "Gezählt" (CSV).

Every parameter has a maximum (422 above it), so that one request costs a bounded amount of work:
neighbours and distances come from one precomputed index (``kb.inventory.neighbours``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, Protocol, TypeVar, cast

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from kb.api.conneg import negotiate
from kb.api.deps import InventoryDep, PrincipalDep
from kb.api.filter_params import RegionDep
from kb.errors import Unauthenticated
from kb.inventory import MUNICIPALITY_TABLES, TABLES, Inventory, Scope, municipality_table, to_csv
from kb.inventory import schemas as s
from kb.inventory.export import Table, with_counted
from kb.inventory.figures import DEFAULT_MAX_KM, DEFAULT_NEIGHBOURS
from kb.inventory.neighbours import MAX_KM, MAX_NEIGHBOURS
from kb.inventory.service import potentials_defaults

F = TypeVar("F", bound=BaseModel)

router = APIRouter(prefix="/api/inventory", tags=["Bestandsaufnahme / inventory"])

CSV = "text/csv"
JSON = "application/json"
_CSV_DOC: dict[int | str, dict[str, Any]] = {200: {"content": {CSV: {"schema": {"type": "string"}}}}}

Format = Annotated[Literal["json", "csv"] | None, Query(description="json (Vorgabe) oder csv; sonst entscheidet der Accept-Header.")]

MAX_LIMIT = 200
"""Most candidates per task area in one answer of /potentials (page on with ``offset``)."""
MAX_OFFSET = 20_000
"""More than the register has municipalities, so every candidate can be reached."""


def include_network(
    principal: PrincipalDep,
    asked: Annotated[bool, Query(alias="includeNetwork", description="Auch nur im Netzwerk sichtbare Einträge zählen (nur für Mitglieder, mit Token). "
                                                       "Vorgabe: nur öffentliche Einträge, auch für Angemeldete.")] = False,
) -> bool:
    """Whether to count records of visibility 'network': only when asked for, and only for members."""
    if asked and not principal.can_see_network:
        raise Unauthenticated(
            "Nur im Netzwerk sichtbare Einträge können nur Mitglieder mitzählen lassen. Bitte senden Sie Ihren Zugangsschlüssel "
            "mit oder lassen Sie includeNetwork weg.",
            "Only members (with a token) may count records visible only within the network; omit includeNetwork otherwise.",
        )
    return asked


NetworkDep = Annotated[bool, Depends(include_network)]


def get_scope(region: RegionDep) -> Scope:
    return Scope.of(region)


ScopeDep = Annotated[Scope, Depends(get_scope)]


def _media(request: Request, fmt: str | None) -> str:
    if fmt:
        return CSV if fmt == "csv" else JSON
    return negotiate(request.headers.get("accept"), [JSON, CSV], JSON) or JSON


class _Scoped(Protocol):
    """Every figure but a municipality's carries its scope (with the change-log position)."""

    scope: s.ScopeOut


def _respond(request: Request, inv: Inventory, fmt: str | None, key: tuple[Any, ...], figure: Callable[[], F],
             table: Callable[[F], Table], filename: str, include_network: bool, warm: bool = True) -> Response:
    """The figure (its response model) as JSON or CSV; rendered once per snapshot, cached, and (``warm``) kept warm."""
    media = _media(request, fmt)

    def render() -> tuple[int, bytes]:
        data = figure()
        seq = data.seq if isinstance(data, s.MunicipalityOut) else cast(_Scoped, data).scope.seq
        if media == CSV:
            return seq, to_csv(with_counted(table(data), include_network))
        return seq, data.model_dump_json().encode()

    seq, body = inv.produce((*key, include_network, media), render, warm=warm)
    if include_network:
        filename += "-mit-netzwerk"
    etag = f'W/"inv-{seq}-{"n" if include_network else "p"}-{"csv" if media == CSV else "json"}"'
    headers = {"ETag": etag, "Cache-Control": "no-cache", "Vary": "Accept, Authorization"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    if media == CSV:
        headers["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return Response(body, media_type="text/csv; charset=utf-8; header=present", headers=headers)
    return Response(body, media_type=JSON, headers=headers)


FIGURES: dict[str, tuple[type[BaseModel], str]] = {}
"""Figure name (its path) → response model and Inventory method."""


def figure_response(request: Request, inv: Inventory, name: str, scope: Scope, network: bool, fmt: str | None) -> Response:
    """One of the figures without parameters (also behind the Bestandsaufnahme page's download links)."""
    _model, method = FIGURES[name]
    return _respond(request, inv, fmt, (name, scope), lambda: getattr(inv, method)(scope, include_network=network),
                    TABLES[name], f"bestandsaufnahme-{name}-{scope.slug()}", network)


def _figure_route(name: str, model: type[BaseModel], method: str, summary: str) -> None:
    FIGURES[name] = (model, method)

    def endpoint(request: Request, inv: InventoryDep, scope: ScopeDep, network: NetworkDep, format: Format = None) -> Response:
        return figure_response(request, inv, name, scope, network, format)

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
    inv: InventoryDep,
    scope: ScopeDep,
    network: NetworkDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Gemeinden je Aufgabenbereich (höchstens {MAX_LIMIT}).")] = 10,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    neighbours: Annotated[int, Query(ge=1, le=MAX_NEIGHBOURS,
                                     description=f"Nachbarn je Gemeinde (die nächsten, höchstens {MAX_NEIGHBOURS}).")] = DEFAULT_NEIGHBOURS,
    max_km: Annotated[float, Query(alias="maxKm", gt=0, le=MAX_KM, description=f"Höchstens so weit entfernt (km, höchstens {MAX_KM:g}).")] = DEFAULT_MAX_KM,
    min_neighbours: Annotated[int, Query(alias="minNeighbours", ge=1, le=MAX_NEIGHBOURS, description="Mindestzahl kooperierender Nachbarn.")] = 1,
    format: Format = None,
) -> Response:
    """Potenziale: Gemeinden ohne Kooperation in einem Aufgabenbereich, deren Nachbarn darin kooperieren, mit Partnervorschlägen.

    ``taskArea`` (the selection's filter, resolved with the others) limits them to the areas chosen."""
    params = (limit, offset, neighbours, float(max_km), min_neighbours)

    def figure() -> s.PotentialsOut:
        return inv.potentials(scope, include_network=network, limit=limit, offset=offset, neighbours=neighbours,
                              max_km=max_km, min_neighbours=min_neighbours)

    slug = f"bestandsaufnahme-potentials-{scope.slug()}"
    return _respond(request, inv, format, ("potentials", scope, params), figure, TABLES["potentials"], slug,
                    network, warm=potentials_defaults(limit, offset, neighbours, max_km, min_neighbours))


@router.get("/regions", response_model=s.RegionsOut)
def inventory_regions(inv: InventoryDep) -> Response:
    """Bundesländer, Regierungsbezirke und Kreise, nach denen gefiltert werden kann / the values the filters accept."""
    body = inv.constant("regions-json", lambda: inv.regions().model_dump_json().encode())
    return Response(body, media_type=JSON, headers={"Cache-Control": "max-age=3600"})


@router.get("/municipalities/{ags}", response_model=s.MunicipalityOut, responses=_CSV_DOC)
def inventory_municipality(
    request: Request,
    inv: InventoryDep,
    network: NetworkDep,
    ags: Annotated[str, Path(max_length=200, description="Amtlicher Gemeindeschlüssel (8 Ziffern) oder eindeutiger Gemeindename.")],
    neighbours: Annotated[int, Query(ge=1, le=MAX_NEIGHBOURS, description=f"Höchstens {MAX_NEIGHBOURS}.")] = DEFAULT_NEIGHBOURS,
    max_km: Annotated[float, Query(alias="maxKm", gt=0, le=MAX_KM, description=f"Höchstens {MAX_KM:g} km.")] = DEFAULT_MAX_KM,
    table: Annotated[Literal[MUNICIPALITY_TABLES], Query(description="Welche Tabelle die CSV-Datei enthält.")] = "neighbours",  # type: ignore[valid-type]
    format: Format = None,
) -> Response:
    """Eine Gemeinde: ihre Kooperationen, was ihre Nachbarn tun, vorgeschlagene Partner / a municipality's page data."""
    m = inv.resolve_municipality(ags).ags

    def figure() -> s.MunicipalityOut:
        return inv.municipality(m, include_network=network, neighbours=neighbours, max_km=max_km)

    return _respond(request, inv, format, ("municipality", m, neighbours, float(max_km), table), figure,
                    lambda f: municipality_table(f, table), f"gemeinde-{m}-{table}", network,
                    warm=(neighbours, float(max_km)) == (DEFAULT_NEIGHBOURS, DEFAULT_MAX_KM))
