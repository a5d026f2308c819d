"""pyshacl, the reference implementation, called the way kb calls it and read back as ``Result``s.

pyshacl works on rdflib graphs; these conversions keep the terms as pyoxigraph has them, so both
engines see the same data.
"""

from __future__ import annotations

from collections.abc import Iterable

import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, Triple
from pyshacl import validate as shacl_validate

from kb.ontology.shacl.terms import SH, XSD, Result, Term

_SH = rdflib.Namespace(SH)
_XSD_STRING = XSD + "string"


def to_rdflib_term(term: Term) -> rdflib.term.Node:
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


def from_rdflib_term(term: rdflib.term.Node) -> Term:
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
        s, o = t.subject, t.object
        assert not isinstance(s, Triple) and not isinstance(o, Triple), "records hold no RDF-star triples"
        add((to_rdflib_term(s), rdflib.URIRef(t.predicate.value), to_rdflib_term(o)))
    return g


def _term(report: rdflib.Graph, r: rdflib.term.Node, p: rdflib.URIRef) -> Term | None:
    value = report.value(r, p)
    return from_rdflib_term(value) if value is not None else None


class Reference:
    """pyshacl over one shapes graph: inference none, every result read back."""

    def __init__(self, shapes: rdflib.Graph) -> None:
        self.shapes = shapes

    def results(self, groups: Iterable[Iterable[Triple]], *, allow_warnings: bool = False,
                allow_infos: bool = False) -> tuple[bool, list[Result]]:
        data = rdflib.Graph()
        for triples in groups:
            to_rdflib(triples, data)
        conforms, report, _text = shacl_validate(
            data, shacl_graph=self.shapes, inference="none", allow_warnings=allow_warnings, allow_infos=allow_infos,
            abort_on_first=False,
        )
        out = []
        for r in report.subjects(rdflib.RDF.type, _SH.ValidationResult):
            focus, shape = _term(report, r, _SH.focusNode), _term(report, r, _SH.sourceShape)
            assert focus is not None and shape is not None, "pyshacl names focus node and shape of every result"
            out.append(Result(
                focus=focus,
                shape=shape,
                severity=NamedNode(str(report.value(r, _SH.resultSeverity))),
                value=_term(report, r, _SH.value),
                path=_term(report, r, _SH.resultPath),
                messages=tuple(sorted(((str(m), getattr(m, "language", None)) for m in report.objects(r, _SH.resultMessage)),
                                      key=lambda m: (m[0], m[1] or ""))),
                component=NamedNode(str(report.value(r, _SH.sourceConstraintComponent))),
            ))
        return bool(conforms), out
