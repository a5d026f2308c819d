"""The ontology as a web page: classes, properties and vocabularies, read from ontology.ttl once.

pyLODE would draw the same tables, but it writes inline styles and scripts that the node's policy
(kb/api/security.py) refuses, and pulls in a dozen packages; this small reader and the Jinja
template ``ontology.html`` do the job within the policy. Built on the first request after start
(the files do not change while the node runs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode, RdfFormat, parse

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
PREFIXES = {
    "https://w3id.org/ikz-kb/ontology#": "ikz", RDF: "rdf", RDFS: "rdfs", OWL: "owl", SKOS: "skos", DCT: "dcterms",
    "http://www.w3.org/2001/XMLSchema#": "xsd", "http://www.w3.org/ns/org#": "org", "http://data.europa.eu/m8g/": "cv",
    "https://schema.org/": "schema", "http://www.w3.org/ns/dcat#": "dcat", "http://www.w3.org/ns/prov#": "prov",
    "http://www.w3.org/ns/adms#": "adms", "http://www.w3.org/2006/vcard/ns#": "vcard", "http://xmlns.com/foaf/0.1/": "foaf",
    "https://w3id.org/ldes#": "ldes", "http://www.w3.org/ns/ldp#": "ldp", "https://w3id.org/security#": "sec",
}
KINDS = {OWL + "Class": "Klassen", OWL + "ObjectProperty": "Objekteigenschaften", OWL + "DatatypeProperty": "Dateneigenschaften",
         OWL + "AnnotationProperty": "Annotationseigenschaften"}


def short(iri: str) -> str:
    for base, prefix in PREFIXES.items():
        if iri.startswith(base):
            return f"{prefix}:{iri[len(base):]}"
    return iri


@dataclass
class Term:
    iri: str
    kind: str
    label_de: str = ""
    label_en: str = ""
    comment_de: str = ""
    comment_en: str = ""
    parents: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    ranges: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return short(self.iri)

    @property
    def anchor(self) -> str:
        return self.iri.rsplit("#", 1)[-1] if "#" in self.iri else self.iri.rsplit("/", 1)[-1]


@dataclass
class OntologyDoc:
    title: str
    description: str
    sections: list[tuple[str, list[Term]]]
    schemes: list[tuple[str, str, str]]
    """(file name, label, scheme IRI) of each SKOS vocabulary."""


def _text(value: object) -> tuple[str, str]:
    return (value.value, value.language or "") if isinstance(value, Literal) else ("", "")


@lru_cache(maxsize=2)
def build(ontology: Path, vocabularies: Path) -> OntologyDoc:
    terms: dict[str, Term] = {}
    title = description = ""
    quads = list(parse(path=ontology, format=RdfFormat.TURTLE))
    for q in quads:
        if q.predicate.value == RDF + "type" and q.object.value in KINDS and isinstance(q.subject, NamedNode):
            terms.setdefault(q.subject.value, Term(q.subject.value, q.object.value))
    for q in quads:
        s, p = q.subject.value, q.predicate.value
        if p in (DCT + "title", RDFS + "label") and s == "https://w3id.org/ikz-kb/ontology":
            text, lang = _text(q.object)
            title = text if lang in ("de", "") else title or text
        if p == DCT + "description" and s == "https://w3id.org/ikz-kb/ontology":
            text, lang = _text(q.object)
            description = text if lang in ("de", "") else description or text
        term = terms.get(s)
        if term is None:
            continue
        text, lang = _text(q.object)
        if p == RDFS + "label":
            setattr(term, "label_en" if lang == "en" else "label_de", text)
        elif p in (RDFS + "comment", SKOS + "definition"):
            setattr(term, "comment_en" if lang == "en" else "comment_de", text)
        elif p in (RDFS + "subClassOf", RDFS + "subPropertyOf") and isinstance(q.object, NamedNode):
            term.parents.append(q.object.value)
        elif p == RDFS + "domain" and isinstance(q.object, NamedNode):
            term.domains.append(q.object.value)
        elif p == RDFS + "range" and isinstance(q.object, NamedNode):
            term.ranges.append(q.object.value)
    sections = []
    for kind, heading in KINDS.items():
        found = sorted((t for t in terms.values() if t.kind == kind), key=lambda t: t.name.lower())
        if found:
            sections.append((heading, found))
    schemes = []
    for path in sorted(vocabularies.glob("*.ttl")):
        for q in parse(path=path, format=RdfFormat.TURTLE):
            if q.predicate.value == RDF + "type" and q.object.value == SKOS + "ConceptScheme":
                label = next((x.object.value for x in parse(path=path, format=RdfFormat.TURTLE)
                              if x.subject == q.subject and x.predicate.value in (SKOS + "prefLabel", RDFS + "label", DCT + "title")
                              and isinstance(x.object, Literal) and x.object.language in ("de", None)), path.stem)
                schemes.append((path.stem, label, q.subject.value))
                break
    return OntologyDoc(title or "Ontologie", description, sections, schemes)
