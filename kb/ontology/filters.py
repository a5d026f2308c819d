"""Filters people give by code or label (``taskArea=Standesamt``, ``state=NW``), resolved once.

Listing, search and the inventory take the same filters; an unknown value is a 422 that lists
the allowed ones, never an empty result that leaves people guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import NamedNode

from kb.errors import InvalidRecord, UnresolvedValue, Violation
from kb.ontology.records import RECORD_TYPES
from kb.ontology.register import Register
from kb.ontology.vocabulary import Vocabularies


@dataclass(frozen=True)
class Filters:
    task_area: str | None = None
    legal_form: str | None = None
    state: str | None = None
    kreis: str | None = None
    participant: str | None = None
    status: str | None = None
    record_type: str | None = None
    origin: str | None = None


def _valid_iri(value: str) -> bool:
    try:
        NamedNode(value)
    except ValueError:
        return False
    return True


def _bad_iri(field: str, value: str) -> Violation:
    """A filter that must be a node's or an organisation's IRI and is not one (``origin=null``)."""
    return Violation(field, "Hier wird die vollständige Adresse (IRI) eines Knotens oder einer Organisation erwartet, "
                            "z. B. https://kb.erwitte.de/node.",
                     "A full IRI of a node or organisation is expected here, e.g. https://kb.erwitte.de/node.",
                     value=value if len(value) <= 80 else value[:77] + "...")


def resolve_filters(
    vocab: Vocabularies,
    register: Register,
    *,
    taskArea: str | None = None,
    legalForm: str | None = None,
    state: str | None = None,
    kreis: str | None = None,
    participant: str | None = None,
    status: str | None = None,
    type: str | None = None,
    origin: str | None = None,
) -> Filters:
    violations: list[Violation] = []

    def concept(scheme: str, value: str | None, field: str) -> str | None:
        if not value:
            return None
        try:
            return vocab[scheme].resolve(value, field).iri
        except UnresolvedValue as exc:
            violations.extend(exc.violations)
            return None

    kreis_key = None
    if kreis:
        digits = "".join(ch for ch in kreis if ch.isdigit())
        if len(digits) >= 5 and digits[:5] in register.kreise:
            kreis_key = digits[:5]
        else:
            matches = [k for k in register.kreise.values() if kreis.lower() in (k.name.lower(), k.short_name.lower())]
            if len(matches) == 1:
                kreis_key = matches[0].key
            else:
                violations.append(Violation("kreis", "Unbekannter Kreis. Bitte den fünfstelligen Kreisschlüssel angeben (z. B. 05974 für den Kreis Soest).",
                                            "Unknown Kreis. Give the 5-digit Kreis key (e.g. 05974).", value=kreis,
                                            candidates=[{"key": k.key, "name": k.name} for k in matches[:20]]))
    participant_key = None
    if participant:
        if participant.startswith(("http://", "https://")):
            participant_key = participant
            if not _valid_iri(participant):
                violations.append(_bad_iri("participant", participant))
        else:
            try:
                participant_key = register.resolve(participant, None, "participant").ags
            except UnresolvedValue as exc:
                violations.extend(exc.violations)
    record_type = None
    if type:
        if type in RECORD_TYPES:
            record_type = RECORD_TYPES[type].value
        else:
            allowed = ", ".join(RECORD_TYPES)
            violations.append(Violation("type", f"Unbekannter Typ. Erlaubt: {allowed}.", f"Unknown type. Allowed: {allowed}.", value=type))
    filters = Filters(
        task_area=concept("taskArea", taskArea, "taskArea"),
        legal_form=concept("legalForm", legalForm, "legalForm"),
        state=concept("state", state, "state"),
        kreis=kreis_key,
        participant=participant_key,
        status=concept("status", status, "status"),
        record_type=record_type,
        origin=origin or None,
    )
    if origin and not (origin.startswith(("http://", "https://")) and _valid_iri(origin)):
        violations.append(_bad_iri("origin", origin))
    if violations:
        raise InvalidRecord(
            violations, "Unbekannter Filterwert. Die erlaubten Werte stehen in der Antwort.", "Unknown filter value; the allowed values are listed."
        )
    return filters
