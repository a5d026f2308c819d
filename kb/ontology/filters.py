"""The filters people give by code or name, resolved once for every place that filters records.

Listing (``/api/projects``), search (``/api/search``, ``/suche``), the inventory
(``/api/inventory/...``, ``/bestandsaufnahme``) and their pages take the same query parameters
(:data:`FILTERS`) with the same meaning, resolved here by one function, :func:`resolve_filters`.
So ``regierungsbezirk=Arnsberg``, ``regierungsbezirk=059`` and ``regierungsbezirk=Reg.-Bez. Arnsberg``
mean the same everywhere, and an unknown value is the same 422 everywhere, listing the allowed
values (never an empty result that leaves people guessing).

The resolved :class:`Filters` hold what the indexes store: concepts (their IRI for the catalogue,
their code for the summaries and the search index), the three-digit key of a Regierungsbezirk, the
five-digit key of a Kreis, an AGS or organisation IRI for a participant.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pyoxigraph import NamedNode

from kb.errors import UnresolvedValue, Violation
from kb.ontology.records import RECORD_TYPES
from kb.ontology.register import Register
from kb.ontology.text import fold
from kb.ontology.vocabulary import Concept, Vocabularies


@dataclass(frozen=True)
class FilterParam:
    """One query parameter that filters records: its name in URLs and what it accepts."""

    name: str
    attr: str
    """The keyword of :func:`resolve_filters` (snake_case, as Python names are)."""
    description: str


FILTERS: dict[str, FilterParam] = {p.name: p for p in (
    FilterParam("taskArea", "task_area", "Produktbereich: Code (02), Name oder Begriff (Standesamt)."),
    FilterParam("legalForm", "legal_form", "Rechtsform: Code (zweckverband) oder Name."),
    FilterParam("state", "state", "Bundesland: Code (NW), Name oder Schlüssel (05)."),
    FilterParam("regierungsbezirk", "regierungsbezirk", "Regierungsbezirk: Schlüssel (059) oder Name (Arnsberg)."),
    FilterParam("kreis", "kreis", "Kreis: fünfstelliger Schlüssel (05974) oder Name (Soest)."),
    FilterParam("participant", "participant", "Beteiligte: AGS, Gemeindename oder IRI einer Organisation."),
    FilterParam("status", "status", "Stand: Code (im-betrieb) oder Name."),
    FilterParam("type", "record_type", "Art: project, sharedServiceCenter, smartCityInitiative, cooperationRequest oder cooperationOffer."),
    FilterParam("origin", "origin", "IRI des Ursprungsknotens."),
    FilterParam("funding", "funding", "yes: mit Förderprogramm; no: ohne Angabe."),
    FilterParam("programme", "programme", "Förderprogramm: Code (ikz-nrw, leader, modellprojekte-smart-cities) oder Name; "
                                          "eine Förderrunde (modellprojekte-smart-cities-staffel-1) wählt deren Projekte."),
)}
"""Every filter parameter, by its name in URLs (the one list the API, the pages and their docs use)."""

REGION = ("state", "regierungsbezirk", "kreis")
"""The filters that name a region (what the inventory's figures are about)."""

FUNDING = ("yes", "no")
KREIS_PREFIXES = ("Kreis ", "Landkreis ")
"""Accepted before a Kreis's name (``Kreis Soest``), as people write it."""

UNKNOWN_DE = "Unbekannter oder unpassender Filterwert. Die erlaubten Werte stehen in der Antwort."
UNKNOWN_EN = "Unknown or contradictory filter value; the allowed values are listed."


@dataclass(frozen=True)
class Filters:
    """Resolved filters; each given filter must match (AND)."""

    task_area: Concept | None = None
    legal_form: Concept | None = None
    state: Concept | None = None
    regierungsbezirk: str | None = None
    """Three-digit key (``059``); matches records with a participant in it."""
    kreis: str | None = None
    """Five-digit key (``05974``); matches records with a participant in it."""
    participant: str | None = None
    """An 8-digit AGS or an organisation IRI."""
    status: Concept | None = None
    record_type: str | None = None
    """``project``, ``sharedServiceCenter``, ``smartCityInitiative``, ``cooperationRequest`` or ``cooperationOffer``."""
    origin: str | None = None
    funding: str | None = None
    """``yes``: records naming a funding programme; ``no``: records that name none."""
    programme: Concept | None = None
    """A funding programme, or one of its rounds (a concept with ``broader``)."""
    task_areas: tuple[Concept, ...] = ()
    """Several task areas, any of which a record must have (the inventory's ``taskArea``, which may be repeated)."""

    @property
    def state_code(self) -> str | None:
        return self.state.code if self.state else None

    @property
    def record_type_iri(self) -> str | None:
        return RECORD_TYPES[self.record_type].value if self.record_type else None

    def index_terms(self) -> dict[str, str | None]:
        """The filters as the search index's columns hold them (column → code or key)."""
        return {"taskArea": _code(self.task_area), "legalForm": _code(self.legal_form), "state": _code(self.state),
                "regierungsbezirk": self.regierungsbezirk, "kreis": self.kreis, "status": _code(self.status),
                "type": self.record_type, "origin": self.origin, "funding": self.funding,
                "programme": _code(self.programme)}

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__)


def _code(concept: Concept | None) -> str | None:
    return concept.code if concept else None


def resolve_given(vocab: Vocabularies, register: Register, given: Mapping[str, str | None], *,
                  known_origins: Callable[[], Mapping[str, str]] | None = None, region: bool = False,
                  task_areas: Sequence[str] = ()) -> Filters:
    """:func:`resolve_filters` for parameters by their names in URLs (``{"taskArea": "02"}``)."""
    return resolve_filters(vocab, register, known_origins=known_origins, region=region, task_areas=task_areas,
                           **{FILTERS[name].attr: value for name, value in given.items()})


def resolve_filters(
    vocab: Vocabularies,
    register: Register,
    *,
    task_area: str | None = None,
    legal_form: str | None = None,
    state: str | None = None,
    regierungsbezirk: str | None = None,
    kreis: str | None = None,
    participant: str | None = None,
    status: str | None = None,
    record_type: str | None = None,
    origin: str | None = None,
    funding: str | None = None,
    programme: str | None = None,
    task_areas: Sequence[str] = (),
    known_origins: Callable[[], Mapping[str, str]] | None = None,
    region: bool = False,
) -> Filters:
    """Filters from what people typed (codes, keys or names; empty means not given).

    An unknown value is an ``UnresolvedValue`` (422) with one violation per parameter, each listing
    the allowed values. ``task_areas`` are several task areas (any of them; the inventory). ``known_origins``
    gives the nodes ``origin`` may name (IRI → name). ``region`` (the
    inventory) also refuses a Regierungsbezirk or Kreis outside the Land or Regierungsbezirk given,
    because there the three name one region; elsewhere they are independent conditions.
    """
    violations: list[Violation] = []

    def concept(scheme: str, value: str | None, field: str) -> Concept | None:
        if not value:
            return None
        try:
            return vocab[scheme].resolve(value, field)
        except UnresolvedValue as exc:
            violations.extend(exc.violations)
            return None

    state_concept = concept("state", state, "state")
    state_code = state_concept.code if state_concept else None
    kreis_key = _kreis(register, kreis, violations) if kreis else None
    rb_key = _regierungsbezirk(register, regierungsbezirk, state_code, violations) if regierungsbezirk else None
    if region and not violations:
        _check_region(register, state_code, rb_key, kreis_key, regierungsbezirk or "", kreis or "", violations)
    filters = Filters(
        task_area=concept("taskArea", task_area, "taskArea"),
        legal_form=concept("legalForm", legal_form, "legalForm"),
        state=state_concept,
        regierungsbezirk=rb_key,
        kreis=kreis_key,
        participant=_participant(register, participant, violations) if participant else None,
        status=concept("status", status, "status"),
        record_type=_record_type(record_type, violations) if record_type else None,
        origin=_origin(origin, known_origins, violations) if origin else None,
        funding=funding or None,
        programme=concept("fundingProgramme", programme, "programme"),
        task_areas=_unique(found for value in task_areas if (found := concept("taskArea", value, "taskArea"))),
    )
    if funding and funding not in FUNDING:
        violations.append(Violation("funding", "Erlaubt sind yes (mit Förderung) und no (ohne Angabe).", "Allowed: yes or no.",
                                    value=funding, candidates=[{"code": c} for c in FUNDING]))
    if violations:
        raise UnresolvedValue(violations, UNKNOWN_DE, UNKNOWN_EN)
    return filters


def _unique(concepts: Iterable[Concept]) -> tuple[Concept, ...]:
    """Each concept once, in the vocabulary's order of codes (``02`` and ``Standesamt`` may name the same one)."""
    return tuple(sorted({c.code: c for c in concepts}.values(), key=lambda c: c.code))


def _kreis(register: Register, value: str, violations: list[Violation]) -> str | None:
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) >= 5 and digits[:5] in register.kreise:
        return digits[:5]
    matches: list[Any] = []
    for name in (value, *(value.strip()[len(p):] for p in KREIS_PREFIXES if value.strip().startswith(p))):
        wanted = fold(name)
        matches = matches or [k for k in register.kreise.values() if wanted in (fold(k.name), fold(k.short_name))]
    if len(matches) == 1:
        return matches[0].key
    violations.append(Violation("kreis", "Unbekannter Kreis. Bitte den fünfstelligen Kreisschlüssel angeben (z. B. 05974 für den Kreis Soest).",
                                "Unknown Kreis. Give the 5-digit Kreis key (e.g. 05974).", value=value,
                                candidates=[{"key": k.key, "name": k.name} for k in matches[:20]]))
    return None


def _regierungsbezirk(register: Register, value: str, state_code: str | None, violations: list[Violation]) -> str | None:
    """By key (``059``) or name: ``Arnsberg``, ``Reg.-Bez. Arnsberg``, ``Regierungsbezirk Arnsberg``."""
    value = value.strip()
    if value.isdigit() and value in register.regierungsbezirke:
        return value
    wanted = fold(value)
    for key, name in register.regierungsbezirke.items():
        short = name.removeprefix("früher: ")
        for prefix in ("Reg.-Bez. ", "Statistische Region ", "Direktionsbezirk "):
            short = short.removeprefix(prefix)
        if wanted in (fold(name), fold(short), fold(f"Regierungsbezirk {short}")):
            return key
    violations.append(_rb_violation(register, value, state_code,
                                    "Unbekannter Regierungsbezirk. Bitte den dreistelligen Schlüssel angeben (z. B. 059 für Arnsberg).",
                                    "Unknown Regierungsbezirk. Give its three-digit key (e.g. 059 for Arnsberg)."))
    return None


def _check_region(register: Register, state_code: str | None, rb_key: str | None, kreis_key: str | None,
                  rb_given: str, kreis_given: str, violations: list[Violation]) -> None:
    """A Regierungsbezirk must lie in the Land, a Kreis in both (the inventory's region)."""
    if rb_key and state_code and not rb_key.startswith(_land_key(register, state_code)):
        violations.append(_rb_violation(register, rb_given, state_code,
                                        f"Der Regierungsbezirk {rb_key} liegt nicht in {state_code}.",
                                        f"Regierungsbezirk {rb_key} is not in {state_code}."))
    if kreis_key:
        k = register.kreise[kreis_key]
        if (state_code and k.land_code != state_code) or (rb_key and k.rb_key != rb_key):
            where = rb_key or state_code
            violations.append(Violation(
                "kreis", f"Der Kreis {k.name} ({k.key}) liegt nicht in {where}.", f"Kreis {k.key} is not in {where}.", value=kreis_given,
                candidates=[{"key": c.key, "name": c.name} for c in register.kreise.values()
                            if (not state_code or c.land_code == state_code) and (not rb_key or c.rb_key == rb_key)]))


def _land_key(register: Register, state_code: str) -> str:
    for m in register.municipalities:
        if m.land_code == state_code:
            return m.ags[:2]
    return "??"


def _rb_violation(register: Register, value: str, state_code: str | None, de: str, en: str) -> Violation:
    allowed = [{"key": key, "name": name} for key, name in sorted(register.regierungsbezirke.items())
               if not state_code or key.startswith(_land_key(register, state_code))]
    listing = ", ".join(f"{a['key']} ({a['name']})" for a in allowed)
    if not allowed and state_code:
        de += f" {state_code} hat keine Regierungsbezirke; bitte ohne diesen Filter oder mit einem Kreis filtern."
        en += f" {state_code} has no Regierungsbezirke."
    elif listing:
        de += f" Erlaubt sind: {listing}."
    return Violation("regierungsbezirk", de, en, value=value, candidates=allowed)


def _participant(register: Register, value: str, violations: list[Violation]) -> str | None:
    if value.startswith(("http://", "https://")):
        if not _valid_iri(value):
            violations.append(_bad_iri("participant", value))
        return value
    try:
        return register.resolve(value, None, "participant").ags
    except UnresolvedValue as exc:
        violations.extend(exc.violations)
        return None


def _record_type(value: str, violations: list[Violation]) -> str | None:
    if value in RECORD_TYPES:
        return value
    allowed = ", ".join(RECORD_TYPES)
    violations.append(Violation("type", f"Unbekannter Typ. Erlaubt: {allowed}.", f"Unknown type. Allowed: {allowed}.", value=value,
                                candidates=[{"code": t} for t in RECORD_TYPES]))
    return None


def _origin(value: str, known_origins: Callable[[], Mapping[str, str]] | None, violations: list[Violation]) -> str | None:
    if not (value.startswith(("http://", "https://")) and _valid_iri(value)):
        violations.append(_bad_iri("origin", value))
        return None
    if known_origins is not None:
        known = known_origins()
        if value not in known:
            violations.append(Violation("origin", "Unbekannter Ursprungsknoten.", "Unknown origin node.", value=value,
                                        candidates=[{"id": o, "name": known[o]} for o in sorted(known)]))
    return value


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
