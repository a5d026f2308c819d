"""Errors that reach people, each with a German and an English text that says what to fix.

The core raises these; ``kb/api`` maps them to HTTP answers in one place (``kb/api/errors.py``),
the CLI prints them. Nothing else needs to know about status codes, but each class names the one
it stands for so the mapping stays obvious::

    KbError
     ├── BadRequest                400  the request cannot be understood
     │    ├── MalformedRdf          400  RDF that does not parse (with line and column)
     │    └── QueryRefused          400  a SPARQL update, or a query that does not parse
     ├── Unauthenticated           401  no or unknown token
     ├── Forbidden                 403  token known, but not allowed to do this
     ├── NotFound                  404
     ├── Conflict                  409  the record changed since it was read (If-Match)
     ├── Gone                      410  the record was withdrawn (tombstone)
     ├── TooLarge                  413  body, record or page over a limit
     │    └── UploadBudgetExhausted 413  the node's room for uploaded documents is used up
     ├── Unsupported               415  a media type kb does not read
     ├── InvalidRecord             422  fields that break the rules (one entry per field)
     │    └── UnresolvedValue       422  a name or code that matches nothing, or several things
     ├── RateLimited               429
     ├── Busy                      503  a limit on concurrent work, or a query over its time
     └── PeerError                 422  an address that cannot become a peer (refused, no kb node, answers badly)
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any


@dataclass
class Violation:
    """One broken rule, tied to the field a person can fix."""

    field: str
    message: str
    message_en: str = ""
    value: Any = None
    candidates: list[dict[str, Any]] = dataclass_field(default_factory=list)
    severity: str = "violation"
    code: str = ""
    """What kind of problem (``unknown_municipality``), for callers that word it their own way (the web form)."""

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"field": self.field, "message": self.message}
        if self.message_en:
            out["message_en"] = self.message_en
        if self.value is not None:
            out["value"] = self.value
        if self.candidates:
            out["candidates"] = self.candidates
        if self.severity != "violation":
            out["severity"] = self.severity
        return out


class KbError(Exception):
    status = 500
    code = "error"

    def __init__(self, message: str, message_en: str = "", **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message
        self.details = details

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"error": self.code, "message": self.message, "message_en": self.message_en}
        out.update({k: v for k, v in self.details.items() if v is not None})
        return out


class BadRequest(KbError):
    status = 400
    code = "bad_request"


class MalformedRdf(BadRequest):
    code = "malformed_rdf"

    def __init__(self, problem: str, line: int | None = None, column: int | None = None) -> None:
        where_de = f" (Zeile {line}, Spalte {column})" if line else ""
        where_en = f" (line {line}, column {column})" if line else ""
        super().__init__(
            f"Die RDF-Daten sind fehlerhaft{where_de}: {problem}",
            f"The RDF data is malformed{where_en}: {problem}",
            line=line,
            column=column,
        )


class QueryRefused(BadRequest):
    code = "query_refused"


class Unauthenticated(KbError):
    status = 401
    code = "unauthenticated"

    def __init__(self, message: str = "", message_en: str = "") -> None:
        super().__init__(
            message or "Bitte melden Sie sich an: Für Änderungen ist ein gültiger Zugangsschlüssel (Token) nötig.",
            message_en or "A valid bearer token is required for changes.",
        )


class Forbidden(KbError):
    status = 403
    code = "forbidden"


class NotFound(KbError):
    status = 404
    code = "not_found"


class Conflict(KbError):
    status = 409
    code = "conflict"


class Gone(KbError):
    status = 410
    code = "gone"


class TooLarge(KbError):
    status = 413
    code = "too_large"


class UploadBudgetExhausted(TooLarge):
    """An upload would take this node's own documents over ``KB_DOCUMENT_UPLOAD_BUDGET``.

    A 4xx, not 507: the fix lies with the publisher (remove documents no longer needed) or the
    operator (raise the limit), not in retrying; and kb treats every 5xx as its own fault."""

    code = "upload_budget_exhausted"


class Unsupported(KbError):
    status = 415
    code = "unsupported_media_type"


class InvalidRecord(KbError):
    status = 422
    code = "invalid_record"

    def __init__(self, violations: list[Violation], message: str = "", message_en: str = "") -> None:
        fields = ", ".join(sorted({v.field for v in violations}))
        super().__init__(
            message or f"Der Eintrag ist unvollständig oder fehlerhaft ({fields}). Bitte korrigieren Sie die genannten Felder.",
            message_en or f"The record is incomplete or invalid ({fields}). Please correct the fields listed.",
        )
        self.violations = violations

    def as_dict(self) -> dict[str, Any]:
        out = super().as_dict()
        out["violations"] = [v.as_dict() for v in self.violations]
        return out


class UnresolvedValue(InvalidRecord):
    code = "unresolved_value"


class RateLimited(KbError):
    status = 429
    code = "rate_limited"

    def __init__(self, retry_after: int = 10) -> None:
        super().__init__(
            f"Zu viele Anfragen. Bitte versuchen Sie es in {retry_after} Sekunden erneut.",
            f"Too many requests. Please retry in {retry_after} seconds.",
            retry_after=retry_after,
        )
        self.retry_after = retry_after


class Busy(KbError):
    status = 503
    code = "busy"


class PeerError(KbError):
    """The address an admin gave is not a node that can be added as a peer.

    A 4xx, not 502: the node is not a gateway here, it checks the input of the request, and the
    fix is on the caller's side (another address, or asking the peer's operator)."""

    status = 422
    code = "peer_error"
