"""SHACL validation of records, in batches, with messages people can act on.

Two engines read the same ``shapes.ttl``:

- ``fast`` (the default): :mod:`kb.ontology.shacl_fast`, compiled from the shapes graph once;
  several thousand records per second. If the shapes use a construct it does not implement, the
  validator logs a warning and uses pyshacl instead; if a batch reaches a corner it does not
  replicate, that batch goes to pyshacl.
- ``pyshacl``: the reference implementation (inference none, warnings and infos allowed), fast per
  batch and slow per record (~180 records/s), so callers hand over many records at once.

Each result is traced back to its record and to the JSON field a person would fix, carrying the
shape's own German and English ``sh:message``; both engines give the same violations.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, parse
from pyshacl import validate as shacl_validate

from kb.errors import Violation
from kb.ontology.fields import FIELD_OF_PATH, SUB_FIELDS
from kb.ontology.namespaces import MUNICIPALITY
from kb.ontology.shacl_fast import CompiledShapes, NeedsReference, Result, UnsupportedShapes

log = logging.getLogger(__name__)

SHAPES_PATH = Path(__file__).parent / "shapes.ttl"
ENGINES = ("fast", "pyshacl")

_SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
_KBSH = rdflib.Namespace("https://w3id.org/ikz-kb/shapes#")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_SEVERITY = {str(_SH.Warning): "warning", str(_SH.Info): "info"}

def to_rdflib_term(term: NamedNode | BlankNode | Literal) -> rdflib.term.Node:
    """The rdflib term pyshacl sees: same lexical form, and one spelling for simple literals.

    RDF 1.1 has one simple literal, "DE" = "DE"^^xsd:string; rdflib keeps the two apart, and the
    shapes' Turtle gives the first while pyoxigraph always names the datatype. So xsd:string
    becomes rdflib's plain literal (else sh:hasValue "DE" never matches), and lexical forms are not
    normalised (rdflib would turn "1"^^xsd:boolean into "true", unlike the stored record).
    """
    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value), normalize=False)


def from_rdflib_term(term: rdflib.term.Node) -> NamedNode | BlankNode | Literal:
    if isinstance(term, rdflib.URIRef):
        return NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return BlankNode(str(term))
    assert isinstance(term, rdflib.Literal), term
    if term.language:
        return Literal(str(term), language=term.language)
    return Literal(str(term), datatype=NamedNode(str(term.datatype or _XSD_STRING)))


def to_rdflib(triples: Iterable[Triple], graph: rdflib.Graph | None = None) -> rdflib.Graph:
    g = graph if graph is not None else rdflib.Graph()
    add = g.add
    for t in triples:
        add((to_rdflib_term(t.subject), rdflib.URIRef(t.predicate.value), to_rdflib_term(t.object)))  # type: ignore[arg-type]
    return g


class RecordValidator:
    """Validates record graphs against ``shapes.ttl``.

    ``engine`` is "fast" (default) or "pyshacl"; ``self.engine`` says which one is in use and
    ``self.fallback_reason`` why the fast one is not.
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
        self.fallback_reason: str | None = None
        self._fast: CompiledShapes | None = None
        if engine == "fast":
            try:
                self._fast = CompiledShapes(triples)
            except UnsupportedShapes as exc:
                self.engine = "pyshacl"
                self.fallback_reason = str(exc)
                log.warning("SHACL: the fast evaluator does not cover %s (%s); validating with pyshacl instead",
                            shapes_path.name, exc)

    def results(self, records: Mapping[str, Sequence[Triple]]) -> tuple[bool, list[Result]]:
        """Conformance (warnings and infos allowed) and all results for a batch of records."""
        if self._fast is not None:
            try:
                return self._fast.evaluate(records.values(), allow_warnings=True, allow_infos=True)
            except NeedsReference as exc:
                log.info("SHACL: batch of %d records validated with pyshacl: %s", len(records), exc)
        return self._pyshacl_results(records)

    def _pyshacl_results(self, records: Mapping[str, Sequence[Triple]]) -> tuple[bool, list[Result]]:
        data = rdflib.Graph()
        for triples in records.values():
            to_rdflib(triples, data)
        conforms, report, _text = shacl_validate(
            data, shacl_graph=self.shapes, inference="none", allow_warnings=True, allow_infos=True, abort_on_first=False
        )
        out = []
        for r in report.subjects(rdflib.RDF.type, _SH.ValidationResult):
            value, path = report.value(r, _SH.value), report.value(r, _SH.resultPath)
            out.append(Result(
                focus=from_rdflib_term(report.value(r, _SH.focusNode)),
                shape=from_rdflib_term(report.value(r, _SH.sourceShape)),
                severity=NamedNode(str(report.value(r, _SH.resultSeverity))),
                value=from_rdflib_term(value) if value is not None else None,
                path=from_rdflib_term(path) if path is not None else None,
                messages=tuple(sorted(((str(m), getattr(m, "language", None)) for m in report.objects(r, _SH.resultMessage)),
                                      key=lambda m: (m[0], m[1] or ""))),
                component=NamedNode(str(report.value(r, _SH.sourceConstraintComponent))),
            ))
        return bool(conforms), out

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
            field=field_for(focus, result.path.value if result.path is not None else "", self._fields.get(shape)),
            message=de or "Dieser Wert verletzt eine Regel des Datenmodells.",
            message_en=en or "This value breaks a rule of the data model.",
            value=result.value.value if result.value is not None else None,
            severity=_SEVERITY.get(result.severity.value, "violation"),
        )


def field_for(focus: str, path: str, named: str | None = None) -> str:
    """The JSON field a person fixes for a result on ``focus`` at ``path`` (``named``: the shape's kbsh:jsonField).

    A result on a sub-resource (``{record}#contact``, ``#figure-N``, ``#org-N``, a municipality)
    points into its parent field (``contact.email``); ``named`` matters for results on the record
    whose path is not one property (``lead`` among participants is an alternative path).
    """
    if "#" in focus:
        fragment = focus.split("#", 1)[1]
        parent = "contact" if fragment == "contact" else "outcomeFigures" if fragment.startswith("figure") else "participants"
        sub = SUB_FIELDS.get(parent, {}).get(path)
        return f"{parent}.{sub}" if sub else parent
    if focus.startswith(str(MUNICIPALITY)):
        return "participants"
    return named or FIELD_OF_PATH.get(path, path.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or "record")


def errors_only(violations: Iterable[Violation]) -> list[Violation]:
    return [v for v in violations if v.severity == "violation"]
