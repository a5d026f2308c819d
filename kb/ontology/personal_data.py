"""What counts as personal data in a record, whatever vocabulary it comes in, and the consent rule.

One definition for every way a record comes in (the JSON form, RDF in any syntax, the bulk import,
the web form): the JSON form writes a named contact as ``vcard:fn`` on ``{record}#contact`` and adds
``ikz:publicationConsent true`` when the person agreed; RDF input may say the same with FOAF,
schema.org, the Core Person Vocabulary or other parts of vCard. The rule (see docs/data-model.md):

- A node is **about a natural person** if it has one of ``PERSON_CLASSES`` as a type, or one of
  ``PERSON_PROPERTIES`` (properties that name or describe a person: ``vcard:fn``, given and family
  names, nicknames, birthdays, photos). ``vcard:fn`` counts even on a ``vcard:Organization``: an
  office is named with ``vcard:organization-name``.
- Such a node must carry ``ikz:publicationConsent true`` itself, or be reached from a node that
  does (a contact with ``vcard:hasName`` pointing to a structured name). The record itself never
  gives consent for what hangs off it.
- A *functional* contact (an office's name with ``vcard:organization-name`` and its mailbox or
  phone number, no person's name and no person class) needs no consent, as in the JSON form. An
  e-mail address alone does not make a node personal: ``standesamt@erwitte.de`` and
  ``e.muster@erwitte.de`` cannot be told apart by a machine, and the form asks for a person's name
  separately. Contact channels (``foaf:mbox``, ``schema:telephone``, ...) on a node that *is* about
  a person are personal data and covered by that node's consent.

The same definition decides what an erasure removes (docs/decisions.md "Personal data and
erasure"): every triple about a person node or a contact point (``dcat:contactPoint``), except its
type and the name of the office it belongs to (``KEPT``). The store uses ``personal_triples`` to
see whether a new version drops personal data that earlier versions published (then the new
version erases the earlier ones); ``kb erase`` uses ``without_personal_data``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pyoxigraph import Literal, NamedNode, Triple

from kb.errors import Violation
from kb.ontology.namespaces import DCAT, FOAF, IKZ, PROV, RDF, SCHEMA, VCARD, XSD, Namespace
from kb.ontology.terms import value

PERSON = Namespace("http://www.w3.org/ns/person#")
"""The Core Person Vocabulary (ISA², used by CPSV-AP)."""

PERSON_CLASSES: frozenset[str] = frozenset(
    term.value
    for term in (
        VCARD.Individual,
        FOAF.Person,
        SCHEMA.Person,
        PERSON.Person,
        PROV.Person,
    )
)
"""Types that make a node a natural person."""

PERSON_PROPERTIES: frozenset[str] = frozenset(
    term.value
    for term in (
        # vCard 4 (RDF)
        VCARD.fn,
        VCARD["given-name"],
        VCARD["family-name"],
        VCARD["additional-name"],
        VCARD["honorific-prefix"],
        VCARD["honorific-suffix"],
        VCARD.nickname,
        VCARD.hasName,
        VCARD.n,
        VCARD.bday,
        VCARD.hasPhoto,
        VCARD.photo,
        # FOAF
        FOAF.givenName,
        FOAF.givenname,
        FOAF.familyName,
        FOAF.family_name,
        FOAF.firstName,
        FOAF.lastName,
        FOAF.surname,
        FOAF.nick,
        FOAF.birthday,
        FOAF.img,
        # schema.org
        SCHEMA.givenName,
        SCHEMA.familyName,
        SCHEMA.additionalName,
        SCHEMA.honorificPrefix,
        SCHEMA.honorificSuffix,
        SCHEMA.birthDate,
        # Core Person Vocabulary
        PERSON.birthName,
        PERSON.patronymicName,
    )
)
"""Properties that name or describe a person, on whatever node they appear."""

CONSENT = IKZ.publicationConsent.value
_TRUE = {"true", "1"}


def is_consent(t: Triple) -> bool:
    """``?node ikz:publicationConsent true`` (``"1"^^xsd:boolean`` counts too)."""
    o = t.object
    return (t.predicate.value == CONSENT and isinstance(o, Literal) and o.datatype == XSD.boolean
            and o.value.strip() in _TRUE)


def personal_nodes(triples: Iterable[Triple]) -> dict[str, list[str]]:
    """Nodes that are about a natural person, each with the terms that make it so."""
    out: dict[str, list[str]] = {}
    for t in triples:
        p = t.predicate.value
        if p in PERSON_PROPERTIES or (p == RDF.type.value and isinstance(t.object, NamedNode) and t.object.value in PERSON_CLASSES):
            terms = out.setdefault(value(t.subject), [])
            term = value(t.object) if p == RDF.type.value else p
            if term not in terms:
                terms.append(term)
    return out


def consent_violations(record_iri: str, triples: Sequence[Triple]) -> list[Violation]:
    """One violation per node with personal data and no consent (empty when all is well)."""
    personal = personal_nodes(triples)
    if not personal:
        return []
    consented = {value(t.subject) for t in triples if is_consent(t)}
    consented.discard(record_iri)  # the record as a whole cannot consent for a person
    referrers: dict[str, set[str]] = {}
    for t in triples:
        if isinstance(t.object, NamedNode) and t.object.value in personal:
            referrers.setdefault(value(t.object), set()).add(value(t.subject))
    out = []
    for node, terms in personal.items():
        if node in consented or referrers.get(node, set()) & consented:
            continue
        shown = ", ".join(_short(term) for term in terms[:4])
        out.append(Violation(
            "contact.consent" if node == f"{record_iri}#contact" else "contact",
            f"Der Eintrag enthält personenbezogene Daten ({shown}), aber keine Einwilligung der Person zur Veröffentlichung "
            "(ikz:publicationConsent true). Bitte bestätigen Sie die Einwilligung (consent: true) oder nennen Sie nur die "
            "Stelle (vcard:organization-name) mit einem Funktionspostfach.",
            f"The record contains personal data ({shown}) but not the person's consent to publication "
            "(ikz:publicationConsent true). Please confirm the consent (consent: true) or give only the office "
            "(vcard:organization-name) with a functional mailbox.",
            value=node,
        ))
    return out


CONTACT_CHANNELS: frozenset[str] = frozenset(
    term.value
    for term in (
        VCARD.hasEmail, VCARD.email, VCARD.hasTelephone, VCARD.tel, VCARD.hasAddress,
        FOAF.mbox, FOAF.mbox_sha1sum, FOAF.phone, SCHEMA.email, SCHEMA.telephone,
    )
)
"""Ways to reach someone: personal data on a person node, and erased with it (an erasure removes
them from every node that carries them, since a machine cannot tell a functional mailbox from a
personal one)."""

KEPT = frozenset({RDF.type.value, VCARD["organization-name"].value, VCARD["organization-unit"].value})
"""Triples about a person node that describe the office, not the person: kept by an erasure."""


def person_nodes(triples: Sequence[Triple]) -> set[str]:
    """Nodes whose data an erasure removes: nodes about a person, contact points, and nodes with contact channels."""
    out = set(personal_nodes(triples))
    out.update(value(t.subject) for t in triples if t.predicate.value in CONTACT_CHANNELS)
    out.update(t.object.value for t in triples if t.predicate == DCAT.contactPoint and isinstance(t.object, NamedNode))
    return out


def personal_triples(triples: Sequence[Triple]) -> frozenset[Triple]:
    """The personal data in a record graph: every triple about a person node but the kept ones."""
    nodes = person_nodes(triples)
    if not nodes:
        return frozenset()
    return frozenset(t for t in triples if value(t.subject) in nodes and t.predicate.value not in KEPT)


def without_personal_data(triples: Sequence[Triple]) -> list[Triple]:
    """The record graph with its personal data removed.

    A contact point keeps its type and office name if it has an office name; one without goes
    entirely (with the link to it), so no empty contact point is left behind.
    """
    nodes = person_nodes(triples)
    if not nodes:
        return list(triples)
    with_office = {value(t.subject) for t in triples if value(t.subject) in nodes and t.predicate.value in KEPT - {RDF.type.value}}
    gone = nodes - with_office
    out = []
    for t in triples:
        s = value(t.subject)
        if s in gone or (s in nodes and t.predicate.value not in KEPT):
            continue
        if isinstance(t.object, NamedNode) and t.object.value in gone:
            continue
        out.append(t)
    return out


def _short(iri: str) -> str:
    for prefix, ns in (("vcard", VCARD), ("foaf", FOAF), ("schema", SCHEMA), ("person", PERSON), ("prov", PROV)):
        local = ns.local_name(iri)
        if local is not None:
            return f"{prefix}:{local}"
    return iri
