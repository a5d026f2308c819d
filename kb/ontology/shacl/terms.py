"""The vocabulary the SHACL package speaks: namespaces, terms and one validation result."""

from __future__ import annotations

from typing import NamedTuple

from pyoxigraph import BlankNode, Literal, NamedNode

Term = NamedNode | BlankNode | Literal

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"

RDF_TYPE = NamedNode(RDF + "type")
RDF_NIL = NamedNode(RDF + "nil")
RDFS_SUBCLASSOF = NamedNode(RDFS + "subClassOf")
RDFS_CLASS = NamedNode(RDFS + "Class")
OWL_ONTOLOGY = NamedNode(OWL + "Ontology")
XSD_STRING = NamedNode(XSD + "string")
SH_VIOLATION = NamedNode(SH + "Violation")
SH_WARNING = NamedNode(SH + "Warning")
SH_INFO = NamedNode(SH + "Info")


def sh(name: str) -> NamedNode:
    return NamedNode(SH + name)


class Result(NamedTuple):
    """One validation result, as in a SHACL validation report."""

    focus: Term
    shape: Term
    severity: NamedNode
    value: Term | None
    path: Term | None
    messages: tuple[tuple[str, str | None], ...]
    component: NamedNode


def short(iri: str) -> str:
    """``sh:minCount`` for the full IRI, so reasons and log lines stay readable."""
    for prefix, ns in (("sh:", SH), ("rdf:", RDF), ("rdfs:", RDFS), ("xsd:", XSD)):
        if iri.startswith(ns):
            return prefix + iri[len(ns):]
    return iri


def name_of(term: Term) -> str:
    return short(term.value) if not isinstance(term, BlankNode) else f"_:{term.value}"
