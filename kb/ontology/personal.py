"""Which triples of a record are personal data, and the record without them.

kb records describe cooperations between public bodies; the one place a *person* appears is the
contact point (``dcat:contactPoint <{record}#contact>``: ``vcard:fn``, ``vcard:hasEmail``,
``vcard:hasTelephone``, ``ikz:publicationConsent``). RDF input may describe a person in other
words (``vcard:Individual``, ``foaf:Person``, ``schema:Person``, ``vcard:given-name``…), so a
"person node" is any node that is a contact point, is typed as a person, or carries a person's
name, e-mail or phone property. Its personal triples are all triples about it except its type
and the name of the office it belongs to (``vcard:organization-name``/``organization-unit``):
those describe an office, not a person, and stay when the person is erased.

The store uses ``personal_triples`` to decide whether a new version drops personal data that
earlier versions published (then the new version erases the earlier ones, docs/decisions.md
"Personal data and erasure"); ``kb erase`` uses ``without_personal_data`` to build the erasing
version of a record.
"""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import NamedNode, Triple

from kb.ontology.namespaces import DCAT, RDF

_VCARD = "http://www.w3.org/2006/vcard/ns#"
_FOAF = "http://xmlns.com/foaf/0.1/"
_SCHEMA = "https://schema.org/"
_SCHEMA_HTTP = "http://schema.org/"

PERSON_TYPES = frozenset({
    _VCARD + "Individual", _FOAF + "Person", _SCHEMA + "Person", _SCHEMA_HTTP + "Person",
})
PERSON_PROPERTIES = frozenset({
    _VCARD + p for p in ("fn", "given-name", "family-name", "additional-name", "honorific-prefix", "honorific-suffix",
                         "nickname", "hasEmail", "email", "hasTelephone", "tel", "hasName", "hasPhoto", "photo",
                         "hasAddress", "bday")
} | {
    _FOAF + p for p in ("name", "givenName", "familyName", "firstName", "lastName", "mbox", "mbox_sha1sum", "phone", "img")
} | {
    s + p for s in (_SCHEMA, _SCHEMA_HTTP) for p in ("email", "telephone", "givenName", "familyName")
})
KEPT = frozenset({RDF.type.value, _VCARD + "organization-name", _VCARD + "organization-unit"})
"""Triples about a person node that describe the office, not the person: kept by an erasure."""


def person_nodes(triples: Sequence[Triple]) -> set[str]:
    """IRIs of the nodes in ``triples`` that stand for a person (see the module docstring)."""
    out: set[str] = set()
    for t in triples:
        p = t.predicate.value
        if p == DCAT.contactPoint.value and isinstance(t.object, NamedNode):
            out.add(t.object.value)
        elif p == RDF.type.value and t.object.value in PERSON_TYPES:
            out.add(t.subject.value)
        elif p in PERSON_PROPERTIES:
            out.add(t.subject.value)
    return out


def personal_triples(triples: Sequence[Triple]) -> frozenset[Triple]:
    """The personal data in a record graph: every triple about a person node but the kept ones."""
    nodes = person_nodes(triples)
    if not nodes:
        return frozenset()
    return frozenset(t for t in triples if t.subject.value in nodes and t.predicate.value not in KEPT)


def without_personal_data(triples: Sequence[Triple]) -> list[Triple]:
    """The record graph with its personal data removed.

    A contact point keeps its type and office name if it has an office name; one without goes
    entirely (with the link to it), so no empty contact point is left behind.
    """
    nodes = person_nodes(triples)
    if not nodes:
        return list(triples)
    with_office = {t.subject.value for t in triples if t.subject.value in nodes and t.predicate.value in KEPT - {RDF.type.value}}
    gone = nodes - with_office
    out = []
    for t in triples:
        s = t.subject.value
        if s in gone or (s in nodes and t.predicate.value not in KEPT):
            continue
        if isinstance(t.object, NamedNode) and t.object.value in gone:
            continue
        out.append(t)
    return out


__all__ = ["PERSON_PROPERTIES", "PERSON_TYPES", "person_nodes", "personal_triples", "without_personal_data"]
