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

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model
from pyoxigraph import Literal, NamedNode, Triple

from kb.errors import InvalidRecord, UnresolvedValue, Violation
from kb.ontology import terms
from kb.ontology.fields import FIELDS, RecordField
from kb.ontology.namespaces import (
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
from kb.ontology.text import fold
from kb.ontology.vocabulary import Vocabularies

RECORD_TYPES: dict[str, NamedNode] = {
    "project": IKZ.CooperationProject,
    "sharedServiceCenter": IKZ.SharedServiceCenter,
    "smartCityInitiative": IKZ.SmartCityInitiative,
    "cooperationRequest": IKZ.CooperationRequest,
    "cooperationOffer": IKZ.CooperationOffer,
}
RECORD_TYPE_NAMES = {v.value: k for k, v in RECORD_TYPES.items()}
RECORD_TYPE_LABELS = {
    "project": ("Kooperationsprojekt", "cooperation project"),
    "sharedServiceCenter": ("Shared-Service-Center", "shared service center"),
    "smartCityInitiative": ("Smart-City-Initiative", "smart-city initiative"),
    "cooperationRequest": ("Kooperationsgesuch", "cooperation request"),
    "cooperationOffer": ("Kooperationsangebot", "cooperation offer"),
}
BOERSE_TYPES = frozenset({"cooperationRequest", "cooperationOffer"})
"""Entries of the cooperation exchange (Kooperationsbörse): records like projects, but offers and
requests, not cooperations; the inventory does not count them (``kb/boerse``)."""

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

SUGGESTIONS_PER_RECORD = 5
"""Unknown participant names beyond this many in one record get no spelling suggestions: each
suggestion compares the name with the whole register (about 50 ms), so 200 made-up names would
hold a worker for ten seconds."""


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


DOCUMENT_MEDIA_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
"""The media types a document may have, with their file extension (kb/documents checks the bytes)."""
IANA_MEDIA = "https://www.iana.org/assignments/media-types/"
SHA256_HEX = r"^[0-9a-f]{64}$"


class DocumentIn(BaseModel):
    """A document attached to a record. Upload the file first (``POST /api/projects/{key}/documents``):
    the node fills in url, mediaType, size, fileName and text from the file it stored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    title: str = Field(description="What the document is, e.g. 'Öffentlich-rechtliche Vereinbarung (Muster)'.")
    type: str | dict[str, Any] = Field(description="Document type: vereinbarung, satzung, kostenschluessel, leistungsbeschreibung, "
                                                   "evaluation or praesentation (or its label).")
    licence: str | dict[str, Any] = Field("cc-by-4.0", description="cc-by-4.0 (default) or network (only for the network's members).")
    sha256: str = Field(pattern=SHA256_HEX, description="SHA-256 of the file, 64 lower-case hex digits.")
    url: str | None = None
    mediaType: str | None = None
    size: int | None = Field(None, ge=0)
    fileName: str | None = None
    text: str | None = None

    @staticmethod
    def code(value: str | dict[str, Any]) -> str:
        """A concept as the JSON form gives it back ({id, code, label}) or as people write it (code or label)."""
        return str(value.get("code") or value.get("id") or "") if isinstance(value, dict) else value


RecordTypeName = TypingLiteral["project", "sharedServiceCenter", "smartCityInitiative", "cooperationRequest", "cooperationOffer"]


def _input_field(f: RecordField) -> tuple[Any, Any]:
    """The pydantic type and default of a field of the JSON form people write."""
    doc: dict[str, Any] = {"description": f.doc} if f.doc else {}
    if f.kind == "type":
        return RecordTypeName, Field(f.default, **doc)
    if f.kind in ("text", "code", "date", "iri", "concept"):
        if f.required:
            return str, Field(..., **doc)
        return (str, Field(f.default, **doc)) if f.default is not None else (str | None, Field(None, **doc))
    if f.kind in ("texts", "concepts", "iris"):
        return list[str], Field(default_factory=list, max_length=f.max, **doc)
    if f.kind == "boolean":
        return bool, Field(False, **doc)
    if f.kind == "participants":
        return list[str | ParticipantIn], Field(min_length=0, max_length=f.max, **doc)
    if f.kind == "lead":
        return str | ParticipantIn | None, Field(None, **doc)
    if f.kind == "figures":
        return list[OutcomeFigureIn], Field(default_factory=list, max_length=f.max, **doc)
    if f.kind == "contact":
        return ContactIn | None, Field(None, **doc)
    if f.kind == "documents":
        return list[DocumentIn] | None, Field(None, max_length=f.max, **doc)
    raise ValueError(f"no JSON input for kind {f.kind!r}")  # pragma: no cover - the table is checked at load


_INPUT_FIELDS: dict[str, Any] = {f.name: _input_field(f) for f in FIELDS}
_INPUT_FIELDS["language"] = (str, Field("de", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"))  # of the texts, not a field itself
ProjectIn: type[BaseModel] = create_model(
    "ProjectIn",
    __config__=ConfigDict(extra="forbid", str_strip_whitespace=True),
    __doc__="The JSON form of a record (see docs/data-model.md), from the field table (kb/ontology/record_fields.toml).",
    **_INPUT_FIELDS,
)


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


def parse_project_json(data: Any) -> BaseModel:
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

    def to_graph(self, record_iri: str, data: BaseModel | dict[str, Any]) -> RecordGraph:
        """The record graph of the JSON form, field by field as the field table says; a 422 lists every problem."""
        project = data if isinstance(data, ProjectIn) else parse_project_json(data)
        violations: list[Violation] = []
        rec = NamedNode(record_iri)
        lang: str = project.language  # type: ignore[attr-defined]
        triples: list[Triple] = []
        visibility = "public"
        for f in FIELDS:
            value = getattr(project, f.name)
            predicate = NamedNode(f.path)
            if f.kind == "participants":
                triples.extend(self._members(record_iri, project, violations))
            elif f.kind == "figures":
                triples.extend(_figures(rec, record_iri, value, lang))
            elif f.kind == "contact":
                if value:
                    triples.extend(self._contact(rec, record_iri, value, violations))
            elif f.kind == "lead":
                pass  # a member: written with the participants
            elif f.kind == "documents":
                triples.extend(self._documents(rec, record_iri, value or [], lang, violations))
            else:
                found = self._simple(rec, f, predicate, value, lang, violations)
                triples.extend(found)
                if f.name == "visibility" and found and (c := self.vocab.concept(terms.value(found[0].object))):
                    visibility = c.code
        triples.extend(self._programme_of_round(rec, triples))
        if violations:
            raise InvalidRecord(_dedupe(violations))
        return RecordGraph(record_iri, triples, RECORD_TYPES[project.type].value, visibility)  # type: ignore[attr-defined]

    def _programme_of_round(self, rec: NamedNode, triples: Sequence[Triple]) -> list[Triple]:
        """A funding round names its programme too (``fundedBy``), so listings by programme find it."""
        rounds = [t.object for t in triples if t.predicate == IKZ.fundingRound]
        named = {t.object for t in triples if t.predicate == IKZ.fundedBy}
        out = []
        for r in rounds:
            c = self.vocab.concept(terms.value(r))
            if c is not None and c.broader and NamedNode(c.broader) not in named:
                out.append(Triple(rec, IKZ.fundedBy, NamedNode(c.broader)))
        return out

    def _simple(self, rec: NamedNode, f: RecordField, predicate: NamedNode, value: Any, lang: str,
                violations: list[Violation]) -> list[Triple]:
        """The triples of a field the table alone maps (every kind but participants, figures, contact)."""
        kind = f.kind
        if kind == "type":
            return [Triple(rec, predicate, RECORD_TYPES[value])]
        if kind == "boolean":
            return [Triple(rec, predicate, Literal("true", datatype=XSD.boolean))] if value else []
        if not value:
            return []
        if kind == "text":
            return [Triple(rec, predicate, Literal(value, language=lang))]
        if kind == "texts":
            return [Triple(rec, predicate, Literal(v, language=lang)) for v in dict.fromkeys(k.strip() for k in value if k.strip())]
        if kind == "code":
            return [Triple(rec, predicate, Literal(value.upper()))]
        if kind in ("concept", "concepts"):
            values = [(f.name, value)] if kind == "concept" else [(f"{f.name}.{i}", v) for i, v in enumerate(value)]
            out = []
            for where, v in values:
                try:
                    out.append(Triple(rec, predicate, self.vocab[f.scheme or f.name].resolve(v, where).node))
                except UnresolvedValue as exc:
                    violations.extend(exc.violations)
            return out
        if kind == "date":
            return _date(rec, f.name, predicate, value, violations)
        if kind == "iri":
            return _web_address(rec, f.name, predicate, value, violations)
        if kind == "iris":
            out = []
            for i, source in enumerate(value):
                try:
                    out.append(Triple(rec, predicate, NamedNode(source)))
                except ValueError:
                    violations.append(Violation(f"{f.name}.{i}", "Die Quelle muss eine Webadresse sein.", "A source must be a web address.",
                                                value=source))
            return out
        raise ValueError(f"no mapping for kind {kind!r}")  # pragma: no cover - the table is checked at load

    def _members(self, record_iri: str, project: Any, violations: list[Violation]) -> list[Triple]:
        """Participants and lead: resolved in the register (or described as organisations), each described once."""
        rec = NamedNode(record_iri)
        state_code = None
        if project.state:  # picks among namesakes; an unknown state is reported with the state field
            try:
                state_code = self.vocab["state"].resolve(project.state, "state").code
            except UnresolvedValue:
                pass
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
                m = self.register.resolve(key, hint, field, suggest=len(violations) < SUGGESTIONS_PER_RECORD)
            except UnresolvedValue as exc:
                violations.extend(exc.violations)
                return None
            members.setdefault(m.iri, self.municipality_triples(m.iri))
            return m.iri

        participant_iris = [p for i, value in enumerate(project.participants) if (p := participant(value, f"participants.{i}"))]
        lead_iri = participant(project.lead, "lead") if project.lead else None
        triples = [Triple(rec, ORG.hasMember, NamedNode(iri)) for iri in dict.fromkeys(participant_iris + ([lead_iri] if lead_iri else []))]
        if lead_iri:
            triples.append(Triple(rec, IKZ.lead, NamedNode(lead_iri)))
        for desc in members.values():
            triples.extend(desc)
        return triples

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

    def document_triples(self, record_iri: str, entry: DocumentIn, lang: str = "de") -> list[Triple]:
        """The triples of one document of a record (for attaching it to a stored record)."""
        violations: list[Violation] = []
        out = self._documents(NamedNode(record_iri), record_iri, [entry], lang, violations)
        if violations:
            raise InvalidRecord(violations)
        return out

    def _documents(self, rec: NamedNode, record_iri: str, documents: list[DocumentIn], lang: str,
                   violations: list[Violation]) -> list[Triple]:
        """Each document under ``{record}#document-{first 16 hex digits of its hash}``: one per file."""
        out: list[Triple] = []
        seen: set[str] = set()
        for i, d in enumerate(documents):
            if d.sha256 in seen:
                violations.append(Violation(f"documents.{i}", "Diese Datei ist schon beigefügt.", "This file is attached already.",
                                            value=d.sha256))
                continue
            seen.add(d.sha256)
            node = NamedNode(f"{record_iri}#document-{d.sha256[:16]}")
            out += [Triple(rec, IKZ.document, node), Triple(node, RDF.type, IKZ.Document),
                    Triple(node, DCT.title, Literal(d.title, language=lang)), Triple(node, IKZ.sha256, Literal(d.sha256))]
            for key, scheme, given in (("type", "documentType", d.type), ("licence", "documentLicence", d.licence)):
                try:
                    concept = self.vocab[scheme].resolve(DocumentIn.code(given), f"documents.{i}.{key}").node
                    out.append(Triple(node, DCT.type if key == "type" else DCT.license, concept))
                except UnresolvedValue as exc:
                    violations.extend(exc.violations)
            if d.url:
                out.extend(_web_address(node, f"documents.{i}.url", DCAT.downloadURL, d.url, violations))
            if d.mediaType:
                if d.mediaType not in DOCUMENT_MEDIA_TYPES:
                    violations.append(Violation(f"documents.{i}.mediaType", "Dokumente sind PDF, ODT oder DOCX.",
                                                "Documents are PDF, ODT or DOCX.", value=d.mediaType))
                else:
                    out.append(Triple(node, DCAT.mediaType, NamedNode(IANA_MEDIA + d.mediaType)))
            if d.size is not None:
                out.append(Triple(node, DCAT.byteSize, Literal(str(d.size), datatype=XSD.decimal)))
            if d.fileName:
                out.append(Triple(node, IKZ.fileName, Literal(d.fileName)))
            if d.text:
                out.append(Triple(node, IKZ.documentText, Literal(d.text)))
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

        def concept(found: list[Any]) -> dict[str, str] | None:
            if not found:
                return None
            c = self.vocab.concept(found[0].value)
            return c.as_json(lang) if c else {"id": found[0].value, "code": found[0].value, "label": found[0].value}

        out: dict[str, Any] = {"id": record_iri}
        for f in FIELDS:
            found = values(NamedNode(f.path))
            if f.kind == "participants":
                out[f.name] = [entry for entry, _m in self._participants(by_subject, props)]
            elif f.kind == "lead":
                out[f.name] = found[0].value if found else None
            elif f.kind == "figures":
                out[f.name] = [_figure_json(by_subject.get(fig.value, {}), lang) for fig in sorted(found, key=_figure_order)]
            elif f.kind == "contact":
                out[f.name] = _contact_json(by_subject.get(found[-1].value, {})) if found else None
            elif f.kind == "documents":
                out[f.name] = [self._document_json(by_subject.get(d.value, {}), lang) for d in found]
            elif f.kind == "concept" and not f.as_code:
                out[f.name] = concept(found)
            elif f.kind == "concepts":
                out[f.name] = sorted((c for v in found if (c := self._concept_json(v.value, lang))), key=lambda c: c["code"])
            elif f.kind == "text":
                out[f.name] = _pick_lang(found, lang) if found else ("" if f.required else None)
            else:
                out[f.name] = self._simple_json(f, found)
        return out

    def _simple_json(self, f: RecordField, found: list[Any]) -> Any:
        """The JSON (and summary) value of a field that needs no language or labels."""
        if f.kind == "type":
            return next((name for t in found if (name := RECORD_TYPE_NAMES.get(t.value))), f.absent)
        if f.kind == "concept":
            c = self.vocab.concept(found[0].value) if found else None
            return (c.code if c else found[0].value) if found else f.absent
        if f.kind == "concepts":
            return sorted((c.code if (c := self.vocab.concept(v.value)) else v.value) for v in found)
        if f.kind == "texts":
            return sorted({k.value for k in found}, key=str.lower)
        if f.kind == "iris":
            return [v.value for v in found]
        if f.kind == "boolean":
            return bool(found) and found[0].value == "true"
        if f.kind == "text":
            return _pick_lang(found, "de") or ("" if f.required else None)
        return found[0].value if found else f.absent

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
        out.sort(key=lambda e: (not e[0]["lead"], fold(e[0]["name"]), e[0]["id"]))  # RDF keeps no order: lead first, then by name
        return out

    def summarize(self, record_iri: str, triples: Sequence[Triple]) -> dict[str, Any]:
        """The few fields that listings, facets, search filters and the inventory need.

        Stored beside each version, so indexes start from one pass over the summaries instead
        of re-reading every record graph. It agrees with ``to_json`` (tested) but skips what the
        summary does not use: this runs for every harvested record.
        """
        by_subject = _by_subject(triples)
        props = by_subject.get(record_iri, {})

        participants = self._participants(by_subject, props)
        found = [m for _entry, m in participants if m is not None]
        out = {f.name: self._simple_json(f, props.get(f.path, [])) for f in FIELDS if f.summary}
        out.update({
            "participants": [entry.get("ags") or entry["id"] for entry, _m in participants],
            "participantNames": [entry["name"] for entry, _m in participants],
            "lead": next((entry.get("ags") or entry["id"] for entry, _m in participants if entry["lead"]), None),
            "kreise": sorted({m.kreis_key for m in found}),
            "regierungsbezirke": sorted({m.rb_key for m in found}),
            "states": sorted({m.land_code for m in found}),
            "funding": _pick_lang(props.get(IKZ.fundingProgramme.value, []), "de"),
            "hasFigures": bool(props.get(IKZ.outcomeFigure.value)),
            "documents": [{"sha256": _first(d, IKZ.sha256) or "", "licence": _code_of(_first(d, DCT.license)),
                           "url": _first(d, DCAT.downloadURL), "size": _size(_first(d, DCAT.byteSize))}
                          for doc in props.get(IKZ.document.value, []) if (d := by_subject.get(doc.value, {})) is not None],
        })
        return out

    def _document_json(self, d: dict[str, list], lang: str) -> dict[str, Any]:
        size = _first(d, DCAT.byteSize)
        media = _first(d, DCAT.mediaType) or ""
        return {
            "title": _pick_lang(d.get(DCT.title.value, []), lang) or "",
            "type": self._concept_json(t, lang) if (t := _first(d, DCT.type)) else None,
            "licence": self._concept_json(lic, lang) if (lic := _first(d, DCT.license)) else None,
            "url": _first(d, DCAT.downloadURL),
            "sha256": _first(d, IKZ.sha256) or "",
            "mediaType": media.removeprefix(IANA_MEDIA) or None,
            "size": _size(size),
            "fileName": _first(d, IKZ.fileName),
            "text": _first(d, IKZ.documentText),
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


def _date(rec: NamedNode, field: str, predicate: NamedNode, date: str, violations: list[Violation]) -> list[Triple]:
    if not _DATE.match(date):
        violations.append(Violation(field, "Bitte geben Sie das Datum als JJJJ-MM-TT oder als Jahr JJJJ an.",
                                    "Please give the date as YYYY-MM-DD or as a year YYYY.", value=date))
        return []
    try:
        return [Triple(rec, predicate, Literal(date, datatype=XSD.date if len(date) == 10 else XSD.gYear))]
    except ValueError:
        violations.append(Violation(field, "Dieses Datum gibt es nicht.", "This date does not exist.", value=date))
        return []


def _web_address(rec: NamedNode, field: str, predicate: NamedNode, value: str, violations: list[Violation]) -> list[Triple]:
    if not value.startswith(("http://", "https://")):
        violations.append(Violation(field, "Die Webadresse muss mit http:// oder https:// beginnen.",
                                    "The web address must start with http:// or https://.", value=value))
        return []
    try:
        return [Triple(rec, predicate, NamedNode(value))]
    except ValueError:
        violations.append(Violation(field, "Die Webadresse ist ungültig.", "The web address is invalid.", value=value))
        return []


def _figures(rec: NamedNode, record_iri: str, figures: list[OutcomeFigureIn], lang: str) -> list[Triple]:
    out = []
    for i, fig in enumerate(figures, start=1):
        node = NamedNode(f"{record_iri}#figure-{i}")
        out.append(Triple(rec, IKZ.outcomeFigure, node))
        out.append(Triple(node, RDF.type, IKZ.OutcomeFigure))
        out.append(Triple(node, SCHEMA.name, Literal(fig.label, language=lang)))
        out.append(Triple(node, SCHEMA.value, Literal(_decimal(fig.value), datatype=XSD.decimal)))
        if fig.unit:
            out.append(Triple(node, SCHEMA.unitText, Literal(fig.unit)))
    return out


def _figure_order(node: Any) -> tuple[int, str]:
    """Figures in the order they were given (``#figure-1``, ``#figure-2``, … ``#figure-10``), others after them."""
    tail = str(getattr(node, "value", node)).rsplit("#figure-", 1)
    return (int(tail[1]), "") if len(tail) == 2 and tail[1].isdigit() else (1 << 30, str(getattr(node, "value", node)))


def _figure_json(d: dict[str, list], lang: str) -> dict[str, Any]:
    return {
        "label": _pick_lang(d.get(SCHEMA.name.value, []), lang) or "",
        # A value stored before numbers were checked (NaN, INF, 1e400) reads as "no value", not as a crash.
        "value": finite_number(d[SCHEMA.value.value][0].value) if SCHEMA.value.value in d else None,
        "unit": d[SCHEMA.unitText.value][0].value if SCHEMA.unitText.value in d else "",
    }


def _contact_json(d: dict[str, list]) -> dict[str, Any]:
    contact = {
        "organisation": _first(d, VCARD["organization-name"]),
        "name": _first(d, VCARD.fn),
        "email": (_first(d, VCARD.hasEmail) or "").removeprefix("mailto:") or None,
        "phone": (_first(d, VCARD.hasTelephone) or "").removeprefix("tel:") or None,
        "consent": _first(d, IKZ.publicationConsent) == "true",
    }
    return {k: v for k, v in contact.items() if v not in (None, "")}


def _size(digits: str | None) -> int | None:
    """A byte size as stored (a peer may send anything: only plain digits of sane length count)."""
    return int(digits) if digits and digits.isascii() and digits.isdigit() and len(digits) <= 15 else None


def _code_of(iri: str | None) -> str:
    """The last segment of a concept IRI (``…/dokumentlizenz/network`` → ``network``)."""
    return (iri or "").rsplit("/", 1)[-1]


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
    "BOERSE_TYPES",
    "parse_project_json",
    "visibility_of",
    "record_type_of",
    "MUNICIPALITY",
]
