"""Response models of the JSON API (they become the OpenAPI schema at /docs)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, create_model

from kb.ontology.fields import FIELDS, RecordField


class ConceptOut(BaseModel):
    id: str
    code: str
    label: str


class ParticipantOut(BaseModel):
    id: str
    name: str
    kind: str
    ags: str | None = None
    kreis: str | None = None
    state: str | None = None
    country: str | None = None
    lead: bool = False


class FigureOut(BaseModel):
    label: str
    value: float | None = None
    unit: str = ""


class DocumentOut(BaseModel):
    title: str
    type: ConceptOut | None = None
    licence: ConceptOut | None = None
    url: str | None = Field(None, description="Where the origin node serves the file.")
    sha256: str = Field(description="SHA-256 of the file: a copy with other bytes is not this document.")
    mediaType: str | None = None
    size: int | None = None
    fileName: str | None = None
    text: str | None = Field(None, description="The text extracted from the file (shortened); what search reads.")


class ProvenanceOut(BaseModel):
    version: int
    created: str
    modified: str
    origin: str = Field(description="IRI of the node that published the record.")
    originName: str | None = None
    local: bool
    verified: bool = Field(description="Signature of the origin checked (always true for stored harvested records).")
    receivedFrom: str | None = None
    receivedAt: str | None = None
    contentHash: str
    member: str = Field(description="IRI of the signed version (LDES member).")


def _output_field(f: RecordField) -> tuple[Any, Any]:
    """The pydantic type and default of a field of the JSON form the API gives."""
    if f.kind == "participants":
        return list[ParticipantOut], ...
    if f.kind == "type" or (f.kind == "text" and f.required):
        return str, ...
    if f.kind == "concept" and not f.as_code:
        return ConceptOut | None, None
    if f.kind == "concepts":
        return list[ConceptOut], []
    if f.kind == "figures":
        return list[FigureOut], []
    if f.kind == "contact":
        return dict[str, Any] | None, None
    if f.kind == "documents":
        return list[DocumentOut], []
    if f.kind in ("texts", "iris"):
        return list[str], []
    if f.kind == "boolean":
        return bool, False
    return (str, f.absent) if f.absent is not None else (str | None, None)


_OUTPUT_FIELDS: dict[str, Any] = {"id": (str, ...), **{f.name: _output_field(f) for f in FIELDS}, "provenance": (ProvenanceOut, ...)}
ProjectOut: type[BaseModel] = create_model(
    "ProjectOut", __doc__="A record as the API gives it: its JSON form (kb/ontology/record_fields.toml) and provenance.", **_OUTPUT_FIELDS)


class WriteResult(BaseModel):
    id: str = Field(description="The record IRI.")
    key: str | None = Field(None, description="The local part of the IRI, for /api/projects/{key}.")
    version: int
    changed: bool = True
    deleted: bool = False
    warnings: list[dict[str, Any]] = []


class ListItem(BaseModel):
    id: str
    key: str | None
    title: str
    modified: str
    origin: str
    version: int


class ListOut(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[ListItem]
    next: str | None = None


class ImportOut(BaseModel):
    created: int
    updated: int
    unchanged: int
    failed: list[dict[str, Any]]


class ViolationOut(BaseModel):
    field: str
    message: str = Field(description="What is wrong, in German, for the person who entered it.")
    message_en: str | None = None
    value: Any = None
    candidates: list[Any] | None = None
    severity: str | None = None


class ErrorOut(BaseModel):
    """Every error answer of the API has this body (kb/errors.py); some add fields such as ``retry_after``."""

    error: str = Field(description="Machine-readable code, e.g. not_found, invalid_record, unauthenticated.")
    message: str = Field(description="German text for the user.")
    message_en: str = Field(description="English text for developers.")
    violations: list[ViolationOut] | None = Field(None, description="For 422: one entry per field that is wrong.")


_ERROR_STATUSES = {
    400: "Fehlerhafte Anfrage (z. B. unlesbares RDF, abgelehnte SPARQL-Abfrage) / bad request",
    401: "Token fehlt oder ist ungültig / missing or invalid bearer token",
    403: "Keine Berechtigung für diese Aktion / not allowed",
    404: "Nicht vorhanden / not found",
    405: "Methode an dieser Adresse nicht möglich; `Allow` nennt die möglichen / method not allowed, see `Allow`",
    406: "Format nicht lieferbar (Accept) / not acceptable",
    409: "Konflikt, z. B. veraltete Version (If-Match) / conflict",
    410: "Zurückgezogen oder gelöscht / gone",
    413: "Anfrage zu groß / request body too large",
    415: "Format der Anfrage nicht unterstützt / unsupported media type",
    422: "Ungültige Angaben; `violations` nennt die Felder / invalid parameters or record",
    429: "Zu viele Anfragen; `Retry-After` sagt, wann wieder / rate limited",
    503: "Gerade überlastet oder Zeitlimit überschritten; später erneut versuchen / busy, retry later",
}

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text} for status, text in _ERROR_STATUSES.items()
}
"""The error answers any operation may give, documented once for the whole API (``FastAPI(responses=...)``).

Not every operation gives every one of them (a plain GET never answers 409), but every error any
operation gives is among them and has the body ``ErrorOut``. This also replaces FastAPI's default
422 body (``{"detail": ...}``), which kb never sends."""


def media_types(*types: str, status: int = 200, description: str = "OK") -> dict[int | str, dict[str, Any]]:
    """An OpenAPI ``responses`` entry for an answer that comes in several (non-JSON) media types."""
    return {status: {"description": description, "content": {media: {} for media in types}}}


def hoist_defs(spec: dict[str, Any]) -> dict[str, Any]:
    """Moves the ``$defs`` of schemas written into operations by hand into ``components/schemas``.

    A body documented with ``Model.model_json_schema(ref_template="#/components/schemas/{model}")``
    (routes that read the body themselves, such as ``POST /api/projects``) refers to its nested
    models there, but pydantic puts them into the schema's own ``$defs``: without this the
    references point nowhere.
    """
    components = spec.setdefault("components", {}).setdefault("schemas", {})

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for name, schema in node.pop("$defs", {}).items():
                components.setdefault(name, schema)
                walk(schema)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec.get("paths", {}))
    return spec


BEARER = "bearerAuth"


def with_bearer_auth(spec: dict[str, Any]) -> dict[str, Any]:
    """Declares the bearer token (admin, publisher, peer tokens; ``Authorization: Bearer ...``).

    Every operation may be called with or without one (``security: [{}, {bearerAuth: []}]``): reads
    answer anonymous callers with public data, a token widens what they see, and writes without the
    right token answer 401/403 (documented in ``ERROR_RESPONSES``).
    """
    spec.setdefault("components", {})["securitySchemes"] = {
        BEARER: {"type": "http", "scheme": "bearer",
                 "description": "Zugangsschlüssel (Admin, Veröffentlichende, Partnerknoten) / access token of the node."}
    }
    spec["security"] = [{}, {BEARER: []}]
    return spec
