"""SHACL validation of records, in batches, with messages people can act on.

Two engines read the same ``shapes.ttl``:

- ``fast`` (the default): :mod:`kb.ontology.shacl`, compiled from the shapes graph once;
  several thousand records per second. A shape that uses a construct it does not compile is
  validated by pyshacl, and the validator says so once in the log.
- ``pyshacl``: the reference implementation (inference none, warnings and infos allowed), fast per
  batch and slow per record (~180 records/s), so callers hand over many records at once.

Each result is traced back to its record and to the JSON field a person would fix, carrying the
shape's own German and English ``sh:message``; both engines give the same violations.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import rdflib
from pyoxigraph import RdfFormat, Triple, parse

from kb.errors import Violation
from kb.ontology.namespaces import ADMS, DCAT, DCT, FOAF, IKZ, MUNICIPALITY, ORG, RDF, SCHEMA, VCARD
from kb.ontology.shacl import Result, Shapes, to_rdflib

SHAPES_PATH = Path(__file__).parent / "shapes.ttl"
ENGINES = ("fast", "pyshacl")

_SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
_KBSH = rdflib.Namespace("https://w3id.org/ikz-kb/shapes#")
_SEVERITY = {str(_SH.Warning): "warning", str(_SH.Info): "info"}

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


class RecordValidator:
    """Validates record graphs against ``shapes.ttl``.

    ``engine`` is "fast" (default) or "pyshacl"; with "fast", ``self.fallback_reason`` names the
    shapes pyshacl still validates and why (None: the fast evaluator runs them all).
    """

    def __init__(self, shapes_path: Path = SHAPES_PATH, engine: str = "fast") -> None:
        if engine not in ENGINES:
            raise ValueError(f"unknown SHACL engine {engine!r}; use one of {ENGINES}")
        # One parse for both engines, so both see the same terms (blank nodes included).
        triples = [q.triple for q in parse(path=str(shapes_path), format=RdfFormat.TURTLE)]
        self.shapes = to_rdflib(triples)
        self._messages: dict[str, tuple[str, str]] = {}
        for shape in set(self.shapes.subjects(_SH.message, None)):
            msgs = {str(getattr(m, "language", None) or "de"): str(m) for m in self.shapes.objects(shape, _SH.message)}
            self._messages[str(shape)] = (msgs.get("de", next(iter(msgs.values()))), msgs.get("en", ""))
        self._fields = {str(shape): str(name) for shape, name in self.shapes.subject_objects(_KBSH.jsonField)}
        self.engine = engine
        self._engine = Shapes(triples, compiled=engine == "fast", name=shapes_path.name)
        self.fallback_reason = self._engine.fallback_reason  # which shapes pyshacl validates, and why

    def results(self, records: Mapping[str, Sequence[Triple]]) -> tuple[bool, list[Result]]:
        """Conformance (warnings and infos allowed) and all results for a batch of records."""
        return self._engine.results(records.values(), allow_warnings=True, allow_infos=True)

    def validate(self, records: Mapping[str, Sequence[Triple]]) -> dict[str, list[Violation]]:
        """Violations (and warnings) per record IRI; records without any are absent."""
        if not records:
            return {}
        _conforms, results = self.results(records)
        out: dict[str, list[Violation]] = {}
        owner: dict[str, set[str]] | None = None
        for result in results:
            focus = result.focus.value
            if focus in records:
                targets = {focus}
            else:
                if owner is None:
                    owner = {}
                    for iri, triples in records.items():
                        for t in triples:
                            owner.setdefault(t.subject.value, set()).add(iri)
                targets = owner.get(focus, set()) or {focus.split("#", 1)[0]}
            violation = self._violation(result)
            for record in targets:
                out.setdefault(record, []).append(violation)
        return out

    def _violation(self, result: Result) -> Violation:
        shape = result.shape.value
        focus = result.focus.value
        tagged = {lang: text for text, lang in result.messages if lang}
        shape_de, shape_en = self._messages.get(shape, ("", ""))
        # pyshacl drops language tags on SPARQL-based results: then the shape's own texts are used.
        de = tagged.get("de") or shape_de or next((text for text, _lang in result.messages), "")
        en = tagged.get("en") or shape_en
        return Violation(
            field=self._fields.get(shape) or field_for(focus, result.path.value if result.path is not None else ""),
            message=de or "Dieser Wert verletzt eine Regel des Datenmodells.",
            message_en=en or "This value breaks a rule of the data model.",
            value=result.value.value if result.value is not None else None,
            severity=_SEVERITY.get(result.severity.value, "violation"),
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
