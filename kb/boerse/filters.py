"""The Börse's filters from what people typed (codes or names), with the one 422 the other lists give."""

from __future__ import annotations

from kb.errors import UnresolvedValue, Violation
from kb.ontology.filters import UNKNOWN_DE, UNKNOWN_EN, resolve_filters
from kb.ontology.register import Register
from kb.ontology.vocabulary import Vocabularies

from .board import KINDS, Query

KIND_NAMES = {"request": "request", "gesuch": "request", "cooperationRequest": "request",
              "offer": "offer", "angebot": "offer", "cooperationOffer": "offer"}
"""What ``type`` may say: the short names, the German words and the record types."""


def resolve_query(vocab: Vocabularies, register: Register, *, kind: str | None = None, task_area: str | None = None,
                  state: str | None = None, kreis: str | None = None, include_network: bool = False) -> Query:
    """A query of the list; unknown values answer 422 listing the allowed ones (German and English)."""
    violations: list[Violation] = []
    found_kind = None
    if kind:
        found_kind = KIND_NAMES.get(kind) or KIND_NAMES.get(kind.lower())
        if found_kind is None:
            violations.append(Violation("type", "Erlaubt sind „request“ (Gesuch) und „offer“ (Angebot).",
                                        "Allowed: request or offer.", value=kind, candidates=[{"code": c} for c in KINDS]))
    try:
        filters = resolve_filters(vocab, register, task_area=task_area or None, state=state or None, kreis=kreis or None)
    except UnresolvedValue as exc:
        violations.extend(exc.violations)
        filters = None
    if violations or filters is None:
        raise UnresolvedValue(violations, UNKNOWN_DE, UNKNOWN_EN)
    return Query(kind=found_kind, task_area=filters.task_area.code if filters.task_area else None, state=filters.state_code,
                 kreis=filters.kreis, include_network=include_network)
