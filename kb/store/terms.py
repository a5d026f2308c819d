"""The catalogue's layout in RDF: its graphs, predicates and IRIs, in one place for every module.

- one named graph per record, named by the record IRI (the current version's content);
- ``kbm:records``: a ``dcat:CatalogRecord`` per record with its provenance (origin, version,
  received from and when, content hash, visibility, tombstone flag);
- ``kbm:log``: the change log, one entry per version (``kb.store.changelog``);
- ``kbm:private``: small JSON documents of other parts and the summaries (``kb.store.documents``).

``P_*`` are the predicates as terms (for pattern reads), ``S_*`` the same as N-Triples text (for
the writer, ``kb.store.batch``, which builds its commits as text).
"""

from __future__ import annotations

from urllib.parse import quote

from pyoxigraph import BlankNode, Literal, NamedNode

from kb.ontology.namespaces import DCAT, DCT, FOAF, IKZ, KBM, PROV, VISIBILITY, XSD

RECORDS_GRAPH = KBM.records
LOG_GRAPH = KBM.log
PRIVATE_GRAPH = KBM.private
PRIVATE_GRAPHS = (LOG_GRAPH, PRIVATE_GRAPH)

P_TOPIC = FOAF.primaryTopic
P_VERSION = DCAT.version
P_CREATED = DCT.issued
P_MODIFIED = DCT.modified
P_ORIGIN = PROV.wasAttributedTo
P_VIS = IKZ.visibility
P_DELETED = KBM.deleted
P_HASH = KBM.contentHash
P_SEQ = KBM.seq
P_MEMBER = KBM.member
P_LOCAL = KBM.local
P_TYPE = KBM.recordType
P_FROM = KBM.receivedFrom
P_AT = KBM.receivedAt
P_VERIFIED = KBM.verified
P_RECORD = KBM.record
P_KIND = KBM.kind
P_PAYLOAD = KBM.payload
P_JSON = KBM.json
P_JSON_AT = KBM.jsonAt
P_SUMMARY = KBM.summary
P_ERASED_BEFORE = KBM.erasedBefore
P_PERSONAL = KBM.personalDataHash
P_COMPACTED = KBM.compacted

CATALOG_RECORD_SUFFIX = "#catalog-record"


def catalog_record_iri(record: str) -> NamedNode:
    return NamedNode(record + CATALOG_RECORD_SUFFIX)


def event_iri(seq: int) -> NamedNode:
    return NamedNode(f"urn:kb:event:{seq}")


def seq_of_event(iri: str) -> int:
    """``urn:kb:event:12`` → 12."""
    return int(iri.rsplit(":", 1)[1])


def doc_iri(collection: str, key: str) -> NamedNode:
    return NamedNode(f"urn:kb:doc:{quote(collection, safe='')}/{quote(key, safe='')}")


def lexical(term: object) -> str:
    """The text of an IRI, a blank node or a literal read from the store.

    pyoxigraph types every term as possibly an RDF-star triple term; kb never stores one (records
    are plain RDF 1.1), so anything else is a broken store, not a case to handle.
    """
    if isinstance(term, NamedNode | BlankNode | Literal):
        return term.value
    raise TypeError(f"not an IRI, blank node or literal: {term!r}")


def bool_literal(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=XSD.boolean)


def visibility_iri(visibility: str) -> NamedNode:
    return VISIBILITY[visibility]


S_TOPIC, S_VERSION, S_CREATED, S_MODIFIED, S_ORIGIN, S_VIS, S_DELETED, S_HASH, S_SEQ, S_MEMBER = (
    str(p) for p in (P_TOPIC, P_VERSION, P_CREATED, P_MODIFIED, P_ORIGIN, P_VIS, P_DELETED, P_HASH, P_SEQ, P_MEMBER)
)
S_LOCAL, S_VERIFIED, S_TYPE, S_FROM, S_AT, S_RECORD, S_PAYLOAD, S_JSON, S_SUMMARY = (
    str(p) for p in (P_LOCAL, P_VERIFIED, P_TYPE, P_FROM, P_AT, P_RECORD, P_PAYLOAD, P_JSON, P_SUMMARY)
)
S_JSON_AT = str(P_JSON_AT)
S_ERASED_BEFORE, S_PERSONAL, S_COMPACTED = str(P_ERASED_BEFORE), str(P_PERSONAL), str(P_COMPACTED)
S_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
S_CATALOG_RECORD = str(DCAT.CatalogRecord)
S_TRUE, S_FALSE = str(bool_literal(True)), str(bool_literal(False))
S_INTEGER = str(XSD.integer)
S_GRAPH_RECORDS, S_GRAPH_LOG, S_GRAPH_PRIVATE = str(RECORDS_GRAPH), str(LOG_GRAPH), str(PRIVATE_GRAPH)


def nt_bool(value: bool) -> str:
    return S_TRUE if value else S_FALSE


def nt_datetime(value: str) -> str:
    return str(Literal(value, datatype=XSD.dateTime))
