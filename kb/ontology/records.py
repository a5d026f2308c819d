"""A record's JSON form and its RDF graph, in both directions.

The JSON form is what people and simple clients write (``docs/data-model.md``); the RDF graph is
what the node stores, validates with SHACL, signs and federates. Names of municipalities and labels
of concepts are resolved here, with 422 answers that list candidates; the structural rules
(lengths, cardinalities, date order) live in the SHACL shapes so that JSON and RDF input meet the
same rules.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from typing import Literal as TypingLiteral

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pyoxigraph import Literal, NamedNode, Triple

from kb.errors import InvalidRecord, UnresolvedValue, Violation
from kb.ontology import terms
from kb.ontology.namespaces import (
    ADMS,
    DCAT,
    DCT,
    FOAF,
    IKZ,
    MUNICIPALITY,
    ORG,
    RDF,
    SCHEMA,
    VCARD,
    VISIBILITY,
    XSD,
)
from kb.ontology.record_rules import finite_number
from kb.ontology.register import Register
from kb.ontology.vocabulary import Vocabularies

RECORD_TYPES: dict[str, NamedNode] = {
    "project": IKZ.CooperationProject,
    "sharedServiceCenter": IKZ.SharedServiceCenter,
    "smartCityInitiative": IKZ.SmartCityInitiative,
}
RECORD_TYPE_NAMES = {v.value: k for k, v in RECORD_TYPES.items()}
RECORD_TYPE_LABELS = {
    "project": ("Kooperationsprojekt", "cooperation project"),
    "sharedServiceCenter": ("Shared-Service-Center", "shared service center"),
    "smartCityInitiative": ("Smart-City-Initiative", "smart-city initiative"),
}

# ----------------------------------------------------------------------------- JSON input


class ParticipantIn(BaseModel):
    """A participant given as an object: a municipality by key or name, or an organisation."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    ags: str | None = Field(None, description="8-digit AGS or 12-digit ARS of a municipality.")
    name: str | None = Field(None, description="Name of the municipality or organisation.")
    state: str | None = Field(None, description="Bundesland code to pick among namesakes.")
    kind: TypingLiteral["municipality", "organisation"] = "municipality"
    country: str | None = Field(None, description="ISO country code of an organisation (default DE).")
    website: str | None = None


MAX_FIGURE = 1e15
"""Largest magnitude of an outcome figure: more than any municipal budget, far from float overflow."""


class OutcomeFigureIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    label: str = Field(description="What was measured, e.g. 'Einsparung pro Jahr'.")
    value: float = Field(allow_inf_nan=False, ge=-MAX_FIGURE, le=MAX_FIGURE,
                         description="A finite number (no NaN, no infinity), at most 10^15 in magnitude.")
    unit: str = Field("", description="Unit, e.g. EUR, Tage, Prozent.")


class ContactIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    organisation: str | None = Field(None, description="Office or mailbox, e.g. 'Stadt Erwitte, Standesamt'.")
    name: str | None = Field(None, description="A person's name: personal data, published only with consent.")
    email: str | None = None
    phone: str | None = None
    consent: bool = Field(False, description="The person agreed that name and contact data are published.")


class ProjectIn(BaseModel):
    """The JSON form of a record (see docs/data-model.md)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    type: TypingLiteral["project", "sharedServiceCenter", "smartCityInitiative"] = "project"
    title: str
    description: str
    participants: list[str | ParticipantIn] = Field(min_length=0, max_length=200)
    lead: str | ParticipantIn | None = None
    state: str | None = Field(None, description="Bundesland code (NW, BY, ...) of the project.")
    country: str | None = Field(None, description="ISO country code, default DE.")
    nutsRegion: str | None = None
    taskAreas: list[str] = Field(default_factory=list, max_length=17)
    legalForm: str | None = None
    status: str | None = None
    startDate: str | None = Field(None, description="YYYY-MM-DD or YYYY.")
    endDate: str | None = Field(None, description="YYYY-MM-DD or YYYY.")
    fundingProgramme: str | None = None
    outcomes: str | None = None
    outcomeFigures: list[OutcomeFigureIn] = Field(default_factory=list, max_length=20)
    lessonsLearned: str | None = None
    transferability: str | None = None
    digitalDelivery: str | None = None
    vat2b: str | None = None
    contact: ContactIn | None = None
    website: str | None = None
    keywords: list[str] = Field(default_factory=list, max_length=50)
    visibility: str = "public"
    sources: list[str] = Field(default_factory=list, max_length=20)
    illustrative: bool = False
    language: str = Field("de", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


_PYDANTIC_MESSAGES = {
    "missing": ("Dieses Feld fehlt.", "This field is required."),
    "extra_forbidden": ("Dieses Feld gibt es nicht. Bitte prüfen Sie die Schreibweise (siehe Dokumentation).", "Unknown field; check the spelling."),
    "string_type": ("Hier wird ein Text erwartet.", "A text is expected here."),
    "list_type": ("Hier wird eine Liste erwartet.", "A list is expected here."),
    "bool_type": ("Hier wird true oder false erwartet.", "true or false is expected here."),
    "bool_parsing": ("Hier wird true oder false erwartet.", "true or false is expected here."),
    "float_parsing": ("Hier wird eine Zahl erwartet.", "A number is expected here."),
    "float_type": ("Hier wird eine Zahl erwartet.", "A number is expected here."),
    "literal_error": ("Dieser Wert ist nicht erlaubt.", "This value is not allowed."),
    "too_long": ("Die Liste ist zu lang.", "The list is too long."),
    "model_type": ("Hier wird ein Objekt erwartet.", "An object is expected here."),
    "model_attributes_type": ("Hier wird ein Objekt erwartet.", "An object is expected here."),
    "string_pattern_mismatch": ("Das Format stimmt nicht.", "The format does not match."),
    "finite_number": ("Hier wird eine endliche Zahl erwartet (kein NaN, kein Unendlich).", "A finite number is expected (no NaN, no infinity)."),
    "less_than_equal": ("Die Zahl ist zu groß.", "The number is too large."),
    "greater_than_equal": ("Die Zahl ist zu klein.", "The number is too small."),
}


def parse_project_json(data: Any) -> ProjectIn:
    """Structure check of the JSON form, with German messages per field."""
    if not isinstance(data, dict):
        raise InvalidRecord([Violation("body", "Erwartet wird ein JSON-Objekt mit den Feldern des Projekts.", "A JSON object is expected.")])
    try:
        return ProjectIn.model_validate(data)
    except ValidationError as exc:
        violations = []
        for err in exc.errors():
            loc = [str(p) for p in err["loc"] if not str(p).startswith(("str", "ParticipantIn", "function"))]
            de, en = _PYDANTIC_MESSAGES.get(err["type"], (err["msg"], err["msg"]))
            if err["type"] == "literal_error" and "expected" in err.get("ctx", {}):
                de = f"{de} Erlaubt: {err['ctx']['expected']}."
                en = f"{en} Allowed: {err['ctx']['expected']}."
            violations.append(Violation(".".join(loc) or "body", de, en, value=_short(err.get("input"))))
        raise InvalidRecord(_dedupe(violations)) from None


def _short(value: Any) -> Any:
    if isinstance(value, str) and len(value) > 80:
        return value[:77] + "..."
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # echoed back in the 422, which must stay valid JSON
    return value if isinstance(value, (str, int, float, bool)) else None


def _dedupe(violations: list[Violation]) -> list[Violation]:
    seen: set[tuple[str, str]] = set()
    out = []
    for v in violations:
        if (v.field, v.message) not in seen:
            seen.add((v.field, v.message))
            out.append(v)
    return out


# ----------------------------------------------------------------------------- JSON → RDF


@dataclass(frozen=True)
class RecordGraph:
    """A record ready for the catalogue."""

    iri: str
    triples: list[Triple]
    record_type: str
    visibility: str


_DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class RecordMapper:
    """Turns the JSON form into a record graph and back, with the register and vocabularies."""

    def __init__(self, register: Register, vocabularies: Vocabularies) -> None:
        self.register = register
        self.vocab = vocabularies

    # -- JSON → RDF

    def to_graph(self, record_iri: str, data: ProjectIn | dict[str, Any]) -> RecordGraph:
        project = data if isinstance(data, ProjectIn) else parse_project_json(data)
        violations: list[Violation] = []
        rec = NamedNode(record_iri)
        lang = project.language
        triples: list[Triple] = [Triple(rec, RDF.type, RECORD_TYPES[project.type])]

        def text(predicate: NamedNode, value: str | None) -> None:
            if value:
                triples.append(Triple(rec, predicate, Literal(value, language=lang)))

        def concept(field: str, scheme: str, value: str | None, predicate: NamedNode) -> str | None:
            if not value:
                return None
            try:
                c = self.vocab[scheme].resolve(value, field)
            except UnresolvedValue as exc:
                violations.extend(exc.violations)
                return None
            triples.append(Triple(rec, predicate, c.node))
            return c.code

        text(DCT.title, project.title)
        text(DCT.description, project.description)
        state_code = concept("state", "state", project.state, IKZ.state)
        if project.country:
            triples.append(Triple(rec, IKZ.country, Literal(project.country.upper())))
        if project.nutsRegion:
            triples.append(Triple(rec, IKZ.nutsRegion, Literal(project.nutsRegion.upper())))

        members: dict[str, list[Triple]] = {}
        org_count = 0

        def participant(value: str | ParticipantIn, field: str) -> str | None:
            nonlocal org_count
            try:
                if isinstance(value, ParticipantIn) and value.kind == "organisation":
                    if not value.name:
                        raise UnresolvedValue([Violation(field, "Bitte geben Sie den Namen der Organisation an.", "Please give the organisation's name.")])
                    for iri, desc in members.items():  # same organisation named twice
                        if iri.startswith(record_iri + "#org-") and Triple(NamedNode(iri), SCHEMA.name, Literal(value.name)) in desc:
                            return iri
                    org_count += 1
                    node = NamedNode(f"{record_iri}#org-{org_count}")
                    desc = [
                        Triple(node, RDF.type, IKZ.Organisation),
                        Triple(node, SCHEMA.name, Literal(value.name)),
                        Triple(node, IKZ.country, Literal((value.country or "DE").upper())),
                    ]
                    if value.website:
                        desc.append(Triple(node, FOAF.homepage, _iri_or_literal(value.website)))
                    members[node.value] = desc
                    return node.value
                if isinstance(value, ParticipantIn):
                    key = value.ags or value.name or ""
                    hint = (value.state or state_code or "").upper() or None
                else:
                    key, hint = value, state_code
                m = self.register.resolve(key, hint, field)
            except UnresolvedValue as exc:
                violations.extend(exc.violations)
                return None
            members.setdefault(m.iri, self.municipality_triples(m.iri))
            return m.iri

        participant_iris = [p for i, value in enumerate(project.participants) if (p := participant(value, f"participants.{i}"))]
        lead_iri = participant(project.lead, "lead") if project.lead else None
        for iri in dict.fromkeys(participant_iris + ([lead_iri] if lead_iri else [])):
            triples.append(Triple(rec, ORG.hasMember, NamedNode(iri)))
        if lead_iri:
            triples.append(Triple(rec, IKZ.lead, NamedNode(lead_iri)))
        for desc in members.values():
            triples.extend(desc)

        for i, value in enumerate(project.taskAreas):
            concept(f"taskAreas.{i}", "taskArea", value, IKZ.taskArea)
        concept("legalForm", "legalForm", project.legalForm, IKZ.legalForm)
        concept("status", "status", project.status, ADMS.status)
        concept("digitalDelivery", "digitalDelivery", project.digitalDelivery, IKZ.digitalDelivery)
        concept("vat2b", "vat2b", project.vat2b, IKZ.vatTreatment)
        visibility = concept("visibility", "visibility", project.visibility, IKZ.visibility) or "public"

        for field, date, predicate in (("startDate", project.startDate, SCHEMA.startDate), ("endDate", project.endDate, SCHEMA.endDate)):
            if not date:
                continue
            if not _DATE.match(date):
                violations.append(Violation(field, "Bitte geben Sie das Datum als JJJJ-MM-TT oder als Jahr JJJJ an.",
                                            "Please give the date as YYYY-MM-DD or as a year YYYY.", value=date))
                continue
            datatype = XSD.date if len(date) == 10 else XSD.gYear
            try:
                triples.append(Triple(rec, predicate, Literal(date, datatype=datatype)))
            except ValueError:
                violations.append(Violation(field, "Dieses Datum gibt es nicht.", "This date does not exist.", value=date))

        if project.fundingProgramme:
            triples.append(Triple(rec, IKZ.fundingProgramme, Literal(project.fundingProgramme, language=lang)))
        text(IKZ.outcome, project.outcomes)
        text(IKZ.lessonsLearned, project.lessonsLearned)
        text(IKZ.transferability, project.transferability)
        for i, fig in enumerate(project.outcomeFigures, start=1):
            node = NamedNode(f"{record_iri}#figure-{i}")
            triples.append(Triple(rec, IKZ.outcomeFigure, node))
            triples.append(Triple(node, RDF.type, IKZ.OutcomeFigure))
            triples.append(Triple(node, SCHEMA.name, Literal(fig.label, language=lang)))
            triples.append(Triple(node, SCHEMA.value, Literal(_decimal(fig.value), datatype=XSD.decimal)))
            if fig.unit:
                triples.append(Triple(node, SCHEMA.unitText, Literal(fig.unit)))
        if project.contact:
            triples.extend(self._contact(rec, record_iri, project.contact, violations))
        if project.website:
            if project.website.startswith(("http://", "https://")):
                try:
                    triples.append(Triple(rec, FOAF.homepage, NamedNode(project.website)))
                except ValueError:
                    violations.append(Violation("website", "Die Webadresse ist ungültig.", "The web address is invalid.", value=project.website))
            else:
                violations.append(Violation("website", "Die Webadresse muss mit http:// oder https:// beginnen.",
                                            "The web address must start with http:// or https://.", value=project.website))
        for keyword in dict.fromkeys(k.strip() for k in project.keywords if k.strip()):
            triples.append(Triple(rec, DCAT.keyword, Literal(keyword, language=lang)))
        for i, source in enumerate(project.sources):
            try:
                triples.append(Triple(rec, DCT.source, NamedNode(source)))
            except ValueError:
                violations.append(Violation(f"sources.{i}", "Die Quelle muss eine Webadresse sein.", "A source must be a web address.", value=source))
        if project.illustrative:
            triples.append(Triple(rec, IKZ.illustrative, Literal("true", datatype=XSD.boolean)))
        if violations:
            raise InvalidRecord(_dedupe(violations))
        return RecordGraph(record_iri, triples, RECORD_TYPES[project.type].value, visibility)

    def _contact(self, rec: NamedNode, record_iri: str, contact: ContactIn, violations: list[Violation]) -> list[Triple]:
        node = NamedNode(f"{record_iri}#contact")
        out = [Triple(rec, DCAT.contactPoint, node), Triple(node, RDF.type, VCARD.Kind)]
        if contact.organisation:
            out.append(Triple(node, VCARD["organization-name"], Literal(contact.organisation)))
        if contact.name:
            out.append(Triple(node, VCARD.fn, Literal(contact.name)))
        if contact.email:
            if _EMAIL.match(contact.email):
                out.append(Triple(node, VCARD.hasEmail, NamedNode("mailto:" + contact.email)))
            else:
                violations.append(Violation("contact.email", "Die E-Mail-Adresse ist ungültig.", "The e-mail address is invalid.", value=contact.email))
        if contact.phone:
            digits = re.sub(r"[^0-9+]", "", contact.phone)
            if len(digits) >= 5:
                out.append(Triple(node, VCARD.hasTelephone, NamedNode("tel:" + digits)))
            else:
                violations.append(Violation("contact.phone", "Die Telefonnummer ist ungültig.", "The phone number is invalid.", value=contact.phone))
        if contact.consent:
            out.append(Triple(node, IKZ.publicationConsent, Literal("true", datatype=XSD.boolean)))
        return out

    def municipality_triples(self, iri: str) -> list[Triple]:
        """How a record describes a participating municipality (from the register)."""
        m = self.register.get(iri)
        if m is None:
            return []
        node = NamedNode(m.iri)
        return [
            Triple(node, RDF.type, IKZ.Municipality),
            Triple(node, SCHEMA.name, Literal(m.short_name)),
            Triple(node, IKZ.ags, Literal(m.ags)),
            Triple(node, IKZ.ars, Literal(m.ars)),
        ]

    def complete_municipalities(self, record_iri: str, triples: Sequence[Triple]) -> list[Triple]:
        """RDF input may name municipalities by IRI only: add their description from the register."""
        described = {terms.value(t.subject) for t in triples if t.predicate == RDF.type}
        out = list(triples)
        for t in triples:
            if terms.value(t.subject) == record_iri and t.predicate == ORG.hasMember and isinstance(t.object, NamedNode):
                if t.object.value.startswith(str(MUNICIPALITY)) and t.object.value not in described:
                    out.extend(self.municipality_triples(t.object.value))
                    described.add(t.object.value)
        return out

    # -- RDF → JSON

    def to_json(self, record_iri: str, triples: Sequence[Triple], lang: str = "de") -> dict[str, Any]:
        """The JSON form of a stored record (participants and concepts expanded)."""
        by_subject = _by_subject(triples)
        props = by_subject.get(record_iri, {})

        def values(p: NamedNode) -> list:
            return props.get(p.value, [])

        def one(p: NamedNode) -> str | None:
            found = values(p)
            return _pick_lang(found, lang) if found else None

        def concept(p: NamedNode) -> dict[str, str] | None:
            found = values(p)
            if not found:
                return None
            c = self.vocab.concept(found[0].value)
            return c.as_json(lang) if c else {"id": found[0].value, "code": found[0].value, "label": found[0].value}

        types = [RECORD_TYPE_NAMES.get(t.value) for t in values(RDF.type)]
        lead = values(IKZ.lead)
        participants = [entry for entry, _m in self._participants(by_subject, props)]
        figures = []
        for fig in values(IKZ.outcomeFigure):
            d = by_subject.get(fig.value, {})
            figures.append(
                {
                    "label": _pick_lang(d.get(SCHEMA.name.value, []), lang) or "",
                    # A value stored before numbers were checked (NaN, INF, 1e400) reads as "no value", not as a crash.
                    "value": finite_number(d[SCHEMA.value.value][0].value) if SCHEMA.value.value in d else None,
                    "unit": d[SCHEMA.unitText.value][0].value if SCHEMA.unitText.value in d else "",
                }
            )
        contact = None
        for cp in values(DCAT.contactPoint):
            d = by_subject.get(cp.value, {})
            contact = {
                "organisation": _first(d, VCARD["organization-name"]),
                "name": _first(d, VCARD.fn),
                "email": (_first(d, VCARD.hasEmail) or "").removeprefix("mailto:") or None,
                "phone": (_first(d, VCARD.hasTelephone) or "").removeprefix("tel:") or None,
                "consent": _first(d, IKZ.publicationConsent) == "true",
            }
            contact = {k: v for k, v in contact.items() if v not in (None, "")}
        out: dict[str, Any] = {
            "id": record_iri,
            "type": next((t for t in types if t), "project"),
            "title": one(DCT.title) or "",
            "description": one(DCT.description) or "",
            "participants": participants,
            "lead": lead[0].value if lead else None,
            "state": concept(IKZ.state),
            "country": _first(props, IKZ.country) or "DE",
            "nutsRegion": _first(props, IKZ.nutsRegion),
            "taskAreas": [c for v in values(IKZ.taskArea) if (c := self._concept_json(v.value, lang))],
            "legalForm": concept(IKZ.legalForm),
            "status": concept(ADMS.status),
            "startDate": _first(props, SCHEMA.startDate),
            "endDate": _first(props, SCHEMA.endDate),
            "fundingProgramme": one(IKZ.fundingProgramme),
            "outcomes": one(IKZ.outcome),
            "outcomeFigures": figures,
            "lessonsLearned": one(IKZ.lessonsLearned),
            "transferability": one(IKZ.transferability),
            "digitalDelivery": concept(IKZ.digitalDelivery),
            "vat2b": concept(IKZ.vatTreatment),
            "contact": contact,
            "website": _first(props, FOAF.homepage),
            "keywords": sorted({k.value for k in values(DCAT.keyword)}, key=str.lower),
            "visibility": (concept(IKZ.visibility) or {"code": "public"})["code"],
            "sources": [s.value for s in values(DCT.source)],
            "illustrative": _first(props, IKZ.illustrative) == "true",
        }
        out["taskAreas"].sort(key=lambda c: c["code"])
        return out

    def _participants(self, by_subject: dict[str, dict[str, list]], props: dict[str, list]) -> list[tuple[dict[str, Any], Any]]:
        """Each participant's JSON entry, with its register entry (None if not a known municipality)."""
        lead = props.get(IKZ.lead.value, [])
        out = []
        for member in props.get(ORG.hasMember.value, []):
            desc = by_subject.get(member.value, {})
            names = desc.get(SCHEMA.name.value, [])
            ags = desc.get(IKZ.ags.value, [])
            m = self.register.get(ags[0].value) if ags else None
            entry: dict[str, Any] = {
                "id": member.value,
                "name": names[0].value if names else (m.short_name if m else member.value),
                "kind": "municipality" if ags else "organisation",
            }
            if ags:
                entry["ags"] = ags[0].value
            if m:
                entry["kreis"] = m.kreis_name
                entry["state"] = m.land_code
            country = desc.get(IKZ.country.value, [])
            if country:
                entry["country"] = country[0].value
            entry["lead"] = any(member == x for x in lead)
            out.append((entry, m))
        return out

    def summarize(self, record_iri: str, triples: Sequence[Triple]) -> dict[str, Any]:
        """The few fields that listings, facets, search filters and the inventory need.

        Stored beside each version, so indexes start from one pass over the summaries instead
        of re-reading every record graph. It agrees with ``to_json`` (tested) but skips what the
        summary does not use: this runs for every harvested record.
        """
        by_subject = _by_subject(triples)
        props = by_subject.get(record_iri, {})

        def code(p: NamedNode) -> str | None:
            found = props.get(p.value)
            if not found:
                return None
            c = self.vocab.concept(found[0].value)
            return c.code if c else found[0].value

        types = [RECORD_TYPE_NAMES.get(t.value) for t in props.get(RDF.type.value, [])]
        participants = self._participants(by_subject, props)
        found = [m for _entry, m in participants if m is not None]
        return {
            "type": next((t for t in types if t), "project"),
            "title": _pick_lang(props.get(DCT.title.value, []), "de") or "",
            "taskAreas": sorted(
                (c.code if (c := self.vocab.concept(v.value)) else v.value) for v in props.get(IKZ.taskArea.value, [])
            ),
            "legalForm": code(IKZ.legalForm),
            "status": code(ADMS.status),
            "state": code(IKZ.state),
            "country": _first(props, IKZ.country) or "DE",
            "participants": [entry.get("ags") or entry["id"] for entry, _m in participants],
            "participantNames": [entry["name"] for entry, _m in participants],
            "lead": next((entry.get("ags") or entry["id"] for entry, _m in participants if entry["lead"]), None),
            "kreise": sorted({m.kreis_key for m in found}),
            "regierungsbezirke": sorted({m.rb_key for m in found}),
            "states": sorted({m.land_code for m in found}),
            "digitalDelivery": code(IKZ.digitalDelivery),
            "vat2b": code(IKZ.vatTreatment),
            "funding": _pick_lang(props.get(IKZ.fundingProgramme.value, []), "de"),
            "startDate": _first(props, SCHEMA.startDate),
            "keywords": sorted({k.value for k in props.get(DCAT.keyword.value, [])}, key=str.lower),
            "illustrative": _first(props, IKZ.illustrative) == "true",
            "visibility": code(IKZ.visibility) or "public",
            "hasFigures": bool(props.get(IKZ.outcomeFigure.value)),
        }

    def _concept_json(self, iri: str, lang: str) -> dict[str, str] | None:
        c = self.vocab.concept(iri)
        return c.as_json(lang) if c else {"id": iri, "code": iri, "label": iri}


def _by_subject(triples: Iterable[Triple]) -> dict[str, dict[str, list]]:
    """subject IRI → predicate IRI → objects, in the order of ``triples``."""
    by_subject: dict[str, dict[str, list]] = {}
    for t in triples:
        by_subject.setdefault(terms.value(t.subject), {}).setdefault(t.predicate.value, []).append(t.object)
    return by_subject


def _first(props: dict[str, list], p: NamedNode) -> str | None:
    found = props.get(p.value)
    return found[0].value if found else None


def _pick_lang(literals: Iterable[Any], lang: str) -> str | None:
    items = list(literals)
    for lit in items:
        if isinstance(lit, Literal) and lit.language == lang:
            return lit.value
    for lit in items:
        if isinstance(lit, Literal) and lit.language == "de":
            return lit.value
    return items[0].value if items else None


def _decimal(value: float) -> str:
    text = f"{value:.6f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def _iri_or_literal(value: str) -> NamedNode | Literal:
    try:
        return NamedNode(value) if value.startswith(("http://", "https://")) else Literal(value)
    except ValueError:
        return Literal(value)


def visibility_of(triples: Iterable[Triple], record_iri: str) -> str:
    for t in triples:
        if terms.value(t.subject) == record_iri and t.predicate == IKZ.visibility:
            return VISIBILITY.local_name(terms.value(t.object)) or "public"
    return "public"


def record_type_of(triples: Iterable[Triple], record_iri: str) -> str:
    for t in triples:
        if terms.value(t.subject) == record_iri and t.predicate == RDF.type and terms.value(t.object) in RECORD_TYPE_NAMES:
            return terms.value(t.object)
    return ""


__all__ = [
    "ProjectIn",
    "ParticipantIn",
    "ContactIn",
    "OutcomeFigureIn",
    "RecordGraph",
    "RecordMapper",
    "RECORD_TYPES",
    "RECORD_TYPE_LABELS",
    "parse_project_json",
    "visibility_of",
    "record_type_of",
    "MUNICIPALITY",
]
