"""SHACL validation of records, in batches, with messages people can act on.

pyshacl is fast per batch and slow per call (~800 small records/s in one graph, far fewer one by
one), so callers hand over many records at once. Each result is traced back to its record and to
the JSON field a person would fix, carrying the shape's own German and English ``sh:message``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, Triple
from pyshacl import validate as shacl_validate

from kb.errors import Violation
from kb.ontology.namespaces import ADMS, DCAT, DCT, FOAF, IKZ, MUNICIPALITY, ORG, RDF, SCHEMA, VCARD

SHAPES_PATH = Path(__file__).parent / "shapes.ttl"

_SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
_KBSH = rdflib.Namespace("https://w3id.org/ikz-kb/shapes#")

FIELD_OF_PATH: dict[str, str] = {
    DCT.title.value: "title",
    DCT.description.value: "description",
    ORG.hasMember.value: "participants",
    IKZ.lead.value: "lead",
    IKZ.state.value: "state",
    IKZ.country.value: "country",
    IKZ.nutsRegion.value: "nutsRegion",
    IKZ.taskArea.value: "taskAreas",
    IKZ.legalForm.value: "legalForm",
    ADMS.status.value: "status",
    SCHEMA.startDate.value: "startDate",
    SCHEMA.endDate.value: "endDate",
    IKZ.fundingProgramme.value: "fundingProgramme",
    IKZ.outcome.value: "outcomes",
    IKZ.outcomeFigure.value: "outcomeFigures",
    IKZ.lessonsLearned.value: "lessonsLearned",
    IKZ.transferability.value: "transferability",
    IKZ.digitalDelivery.value: "digitalDelivery",
    IKZ.vatTreatment.value: "vat2b",
    DCAT.contactPoint.value: "contact",
    FOAF.homepage.value: "website",
    DCAT.keyword.value: "keywords",
    IKZ.visibility.value: "visibility",
    DCT.source.value: "sources",
    IKZ.illustrative.value: "illustrative",
    RDF.type.value: "type",
}
_SUB_FIELDS = {
    "contact": {VCARD.fn.value: "name", VCARD.hasEmail.value: "email", VCARD.hasTelephone.value: "phone",
                IKZ.publicationConsent.value: "consent", VCARD["organization-name"].value: "organisation"},
    "outcomeFigures": {SCHEMA.name.value: "label", SCHEMA.value.value: "value", SCHEMA.unitText.value: "unit"},
}


def to_rdflib_term(term: NamedNode | BlankNode | Literal) -> rdflib.term.Node:
    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def to_rdflib(triples: Iterable[Triple], graph: rdflib.Graph | None = None) -> rdflib.Graph:
    g = graph if graph is not None else rdflib.Graph()
    add = g.add
    for t in triples:
        add((to_rdflib_term(t.subject), rdflib.URIRef(t.predicate.value), to_rdflib_term(t.object)))
    return g


class RecordValidator:
    """Validates record graphs against ``shapes.ttl``."""

    def __init__(self, shapes_path: Path = SHAPES_PATH) -> None:
        self.shapes = rdflib.Graph().parse(shapes_path, format="turtle")
        self._messages: dict[str, tuple[str, str]] = {}
        for shape in set(self.shapes.subjects(_SH.message, None)):
            msgs = {str(m.language or "de"): str(m) for m in self.shapes.objects(shape, _SH.message)}
            self._messages[str(shape)] = (msgs.get("de", next(iter(msgs.values()))), msgs.get("en", ""))
        self._fields = {str(shape): str(name) for shape, name in self.shapes.subject_objects(_KBSH.jsonField)}

    def validate(self, records: Mapping[str, Sequence[Triple]]) -> dict[str, list[Violation]]:
        """Violations (and warnings) per record IRI; records without any are absent."""
        if not records:
            return {}
        data = rdflib.Graph()
        owner: dict[str, set[str]] = {}
        for iri, triples in records.items():
            to_rdflib(triples, data)
            for t in triples:
                owner.setdefault(t.subject.value, set()).add(iri)
        _conforms, results, _text = shacl_validate(
            data, shacl_graph=self.shapes, inference="none", allow_warnings=True, allow_infos=True, abort_on_first=False
        )
        out: dict[str, list[Violation]] = {}
        for result in results.subjects(rdflib.RDF.type, _SH.ValidationResult):
            focus = str(results.value(result, _SH.focusNode))
            violation = self._violation(results, result, focus)
            targets = {focus} if focus in records else owner.get(focus, set()) or {focus.split("#", 1)[0]}
            for record in targets:
                out.setdefault(record, []).append(violation)
        return out

    def _violation(self, results: rdflib.Graph, result: rdflib.term.Node, focus: str) -> Violation:
        path = results.value(result, _SH.resultPath)
        shape = results.value(result, _SH.sourceShape)
        value = results.value(result, _SH.value)
        severity = results.value(result, _SH.resultSeverity)
        messages = list(results.objects(result, _SH.resultMessage))
        tagged = {str(m.language): str(m) for m in messages if getattr(m, "language", None)}
        shape_de, shape_en = self._messages.get(str(shape), ("", ""))
        # pyshacl drops language tags on SPARQL-based results: then the shape's own texts are used.
        de = tagged.get("de") or shape_de or next((str(m) for m in messages), "")
        en = tagged.get("en") or shape_en
        return Violation(
            field=self._fields.get(str(shape)) or field_for(focus, str(path) if path is not None else ""),
            message=de or "Dieser Wert verletzt eine Regel des Datenmodells.",
            message_en=en or "This value breaks a rule of the data model.",
            value=str(value) if value is not None else None,
            severity="warning" if severity == _SH.Warning else ("info" if severity == _SH.Info else "violation"),
        )


def field_for(focus: str, path: str) -> str:
    """The JSON field a person fixes for a result on ``focus`` at ``path``."""
    if "#" in focus:
        fragment = focus.split("#", 1)[1]
        parent = "contact" if fragment == "contact" else "outcomeFigures" if fragment.startswith("figure") else "participants"
        sub = _SUB_FIELDS.get(parent, {}).get(path)
        return f"{parent}.{sub}" if sub else parent
    if focus.startswith(str(MUNICIPALITY)):
        return "participants"
    return FIELD_OF_PATH.get(path, path.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or "record")


def errors_only(violations: Iterable[Violation]) -> list[Violation]:
    return [v for v in violations if v.severity == "violation"]
