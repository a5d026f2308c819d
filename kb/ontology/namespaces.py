"""The IRIs kb speaks in, in one place.

The shared terms live under ``https://w3id.org/ikz-kb/``: they are the same on every node, so
records from any node mean the same thing. A node's own records live under the node's base URL.
Terms we reuse (ORG, CPOV, schema.org, DCAT, DCTERMS, PROV-O, SKOS, ADMS, vCard, FOAF, Activity
Streams, LDES, TREE, Data Integrity) are listed here with their usual prefixes.
"""

from __future__ import annotations

from pyoxigraph import NamedNode


class Namespace:
    """An IRI prefix; ``NS.term`` or ``NS["term"]`` gives the full IRI as a ``NamedNode``.

    Not a ``str`` subclass on purpose: ``DCT.title`` must be the term, not ``str.title``.
    """

    def __init__(self, base: str) -> None:
        self._base = base

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        # Kept as an attribute, so the next ``NS.term`` is a plain lookup: terms are read in the
        # inner loops of validation, mapping and harvesting.
        term = NamedNode(self._base + name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> NamedNode:
        return NamedNode(self._base + name)

    def __str__(self) -> str:
        return self._base

    def __repr__(self) -> str:
        return f"Namespace({self._base!r})"

    def __add__(self, other: str) -> str:
        return self._base + other

    def local_name(self, iri: str) -> str | None:
        """The part of ``iri`` after this prefix, or None if it is not in this namespace."""
        return iri[len(self._base):] if iri.startswith(self._base) else None


KB_BASE = "https://w3id.org/ikz-kb/"

IKZ = Namespace(KB_BASE + "ontology#")
"""The cooperation ontology (ontology.ttl)."""
VOCAB = KB_BASE + "vocab/"
TASK_AREA = Namespace(VOCAB + "produktbereich/")
LEGAL_FORM = Namespace(VOCAB + "rechtsform/")
STATUS = Namespace(VOCAB + "status/")
STATE = Namespace(VOCAB + "land/")
DIGITAL = Namespace(VOCAB + "digitalisierung/")
VAT = Namespace(VOCAB + "umsatzsteuer/")
VISIBILITY = Namespace(VOCAB + "sichtbarkeit/")
FUNDING = Namespace(VOCAB + "foerderprogramm/")
"""Funding programmes and their rounds (``vocabularies/foerderprogramme.ttl``)."""
SEARCH_TERM = Namespace(VOCAB + "suchbegriff/")
DOCUMENT_TYPE = Namespace(VOCAB + "dokumentart/")
DOCUMENT_LICENCE = Namespace(VOCAB + "dokumentlizenz/")
MUNICIPALITY = Namespace(KB_BASE + "gemeinde/")
"""Municipalities by their 8-digit AGS: ``MUNICIPALITY["05974016"]``."""
SHAPES = Namespace(KB_BASE + "shapes#")
KBM = Namespace(KB_BASE + "meta#")
"""Node-internal bookkeeping terms (provenance, event log, peers)."""

RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SH = Namespace("http://www.w3.org/ns/shacl#")
ORG = Namespace("http://www.w3.org/ns/org#")
CV = Namespace("http://data.europa.eu/m8g/")
SCHEMA = Namespace("https://schema.org/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
AS = Namespace("https://www.w3.org/ns/activitystreams#")
LDES = Namespace("https://w3id.org/ldes#")
TREE = Namespace("https://w3id.org/tree#")
SEC = Namespace("https://w3id.org/security#")
LDP = Namespace("http://www.w3.org/ns/ldp#")

PREFIXES: dict[str, str] = {
    "ikz": str(IKZ),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "skos": str(SKOS),
    "sh": str(SH),
    "org": str(ORG),
    "cv": str(CV),
    "schema": str(SCHEMA),
    "dcat": str(DCAT),
    "dcterms": str(DCT),
    "prov": str(PROV),
    "adms": str(ADMS),
    "vcard": str(VCARD),
    "foaf": str(FOAF),
    "as": str(AS),
    "ldes": str(LDES),
    "tree": str(TREE),
    "sec": str(SEC),
    "kbm": str(KBM),
    "gemeinde": str(MUNICIPALITY),
    "pb": str(TASK_AREA),
    "rechtsform": str(LEGAL_FORM),
    "status": str(STATUS),
    "land": str(STATE),
    "digital": str(DIGITAL),
    "ust": str(VAT),
    "sichtbarkeit": str(VISIBILITY),
    "fp": str(FUNDING),
    "dokumentart": str(DOCUMENT_TYPE),
    "dokumentlizenz": str(DOCUMENT_LICENCE),
}
"""Prefixes used when kb writes Turtle, TriG and SPARQL."""
