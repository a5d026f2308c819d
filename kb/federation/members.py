"""LDES members: the signed, published form of one version of a record.

A member is a small graph, named by its version IRI ``{record}/versions/{n}``::

    <…/versions/3> a as:Update ;                # as:Create / as:Update / as:Delete
        dcterms:isVersionOf <record> ;          # ldes:versionOfPath
        prov:generatedAtTime "…"^^xsd:dateTime ; # ldes:timestampPath (display only)
        dcat:version 3 ;                        # the origin's version counter: newest wins
        prov:wasAttributedTo <origin node> ;
        ikz:visibility sichtbarkeit:public ;
        kbm:erasedBefore 3 ;                    # only after an erasure: versions below 3 are erased
        as:object <record> ;
        sec:proof _:proof .                     # the proof graph
    …the record's own triples (none for a delete)…
    _:proof {                                   # W3C Data Integrity: the proof in its own graph
        _:proof a sec:DataIntegrityProof ;
            sec:cryptosuite "eddsa-rdfc-2022"^^sec:cryptosuiteString ; … ; sec:proofValue "z…"^^sec:multibase .
    }

Stored and served as N-Quads: the document in the member's graph, the proof in a blank-node graph
(the stream renames its label per member). The proof node is that same blank node, so a client that
extracts a member by its Concise Bounded Description (``ldes-client``) follows ``sec:proof`` into
the proof and keeps it. The proof covers everything but itself, version number included, so neither content nor order
can be forged or replayed as newer on the way. The same holds for ``kbm:erasedBefore``, the
origin's erasure horizon (docs/decisions.md, "Personal data and erasure"): once a record's personal
data was erased, every later version of it carries the horizon, and every node that stores such a
version drops the members below it. A relay can neither add it (to wipe a record's history) nor
strip it (to keep erased data alive): either breaks the signature.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, RdfFormat, Triple, parse

from kb.federation.signing import (
    CRYPTOSUITE,
    NodeKey,
    canonical_nquads,
    hash_data,
    legacy_hash_data,
    multibase,
    verify,
    verify_signature,
)
from kb.ontology.namespaces import AS, DCAT, DCT, IKZ, KBM, PROV, RDF, SEC, VISIBILITY, XSD
from kb.ontology.records import record_type_of
from kb.ontology.terms import Term, value
from kb.store.model import ChangeKind, SealedVersion, canonical_ntriples, ntriples

ERASED_BEFORE = KBM.erasedBefore
"""On a member: every version of its record below this number is erased (signed with the member)."""

KIND_TYPES: dict[ChangeKind, NamedNode] = {"create": AS.Create, "update": AS.Update, "delete": AS.Delete}
TYPE_KINDS: dict[str, ChangeKind] = {v.value: k for k, v in KIND_TYPES.items()}


def version_iri(record: str, version: int) -> str:
    return f"{record}/versions/{version}"


def key_iri(node_iri: str) -> str:
    return f"{node_iri}#key-1"


@dataclass(frozen=True)
class ParsedMember:
    """What a receiver reads out of a member before trusting it."""

    member: str
    record: str
    version: int
    kind: ChangeKind
    origin: str
    timestamp: str
    visibility: str
    verification_method: str
    proof_value: str
    proof_config: list[Triple]
    document: list[Triple]
    """All triples but the proof: what the signature covers."""
    record_triples: list[Triple]
    record_type: str
    payload: str
    document_ntriples: str | None = None
    """Canonical N-Triples of ``document`` (None: compute from the triples)."""
    record_ntriples: str | None = None
    """Canonical N-Triples of ``record_triples`` (None: compute from the triples)."""
    erased_before: int = 0
    """The signed erasure horizon (``kbm:erasedBefore``); 0 if the member has none."""
    legacy: bool = False
    """Signed the way kb signed before it followed the specification (proof in the member's graph,
    untyped cryptosuite, sorted N-Triples): still accepted, see docs/decisions.md."""


PROOF_GRAPH_LABEL = "proof"
"""The blank-node label of the proof graph in a stored payload (``_:proof``)."""


def member_payload(member: NamedNode, document_nquads: str, proof_triples: Sequence[Triple]) -> str:
    """The stored, served form of a member: its document, the link to the proof graph, the proof."""
    link = f"{member} {SEC.proof} _:{PROOF_GRAPH_LABEL} .\n"
    proof = "".join(line[:-2] + f" _:{PROOF_GRAPH_LABEL} .\n" for line in canonical_ntriples(proof_triples).split("\n") if line)
    return document_nquads + link + proof


class MemberError(ValueError):
    """A member that cannot be read (its reason ends up in quarantine)."""


def sealer_for(key: NodeKey, node_iri: str) -> Callable[..., SealedVersion]:
    """The store's ``MemberSealer`` for this node: builds and signs each local version."""

    def seal(record: str, triples: Sequence[Triple], *, version: int, kind: ChangeKind, timestamp: str, visibility: str,
             erased_before: int = 0) -> SealedVersion:
        member = version_iri(record, version)
        m = NamedNode(member)
        proof = BlankNode(PROOF_GRAPH_LABEL)
        document = [
            Triple(m, RDF.type, KIND_TYPES[kind]),
            Triple(m, DCT.isVersionOf, NamedNode(record)),
            Triple(m, AS.object, NamedNode(record)),
            Triple(m, PROV.generatedAtTime, Literal(timestamp, datatype=XSD.dateTime)),
            Triple(m, DCAT.version, Literal(str(version), datatype=XSD.integer)),
            Triple(m, PROV.wasAttributedTo, NamedNode(node_iri)),
            Triple(m, IKZ.visibility, VISIBILITY[visibility]),
            *([Triple(m, ERASED_BEFORE, Literal(str(erased_before), datatype=XSD.integer))] if erased_before > 0 else []),
            *([] if kind == "delete" else triples),
        ]
        proof_config = [
            Triple(proof, RDF.type, SEC.DataIntegrityProof),
            Triple(proof, SEC.cryptosuite, Literal(CRYPTOSUITE, datatype=SEC.cryptosuiteString)),
            Triple(proof, SEC.verificationMethod, NamedNode(key_iri(node_iri))),
            Triple(proof, SEC.proofPurpose, SEC.assertionMethod),
            Triple(proof, DCT.created, Literal(timestamp, datatype=XSD.dateTime)),
        ]
        document_nquads = canonical_nquads(document)
        signature = key.sign(hash_data(proof_config, document, document_nquads))
        proof_value = Triple(proof, SEC.proofValue, Literal(multibase(signature), datatype=SEC.multibase))
        return SealedVersion(member=member, payload=member_payload(m, document_nquads, [*proof_config, proof_value]))

    return seal


def parse_member(member: str, triples: Sequence[Triple], proof_graph: Sequence[Triple] | None = None) -> ParsedMember:
    """Read a member graph; raises MemberError with a plain reason if it is not well-formed.

    ``proof_graph``: the triples of the graph its ``sec:proof`` names (Data Integrity). Without it,
    the proof is looked for in the member's own graph: the form kb signed in before (``legacy``).
    """
    m = NamedNode(member)
    # Two passes sort the triples into those about the member, the proof and the record
    # (this runs for every harvested member, and each comparison is a call into pyoxigraph).
    about_member: list[Triple] = []
    rest: list[Triple] = []
    for t in triples:
        (about_member if t.subject == m else rest).append(t)
    proof_nodes = [t.object for t in about_member if t.predicate == SEC.proof]
    if len(proof_nodes) != 1 or not isinstance(proof_nodes[0], (NamedNode, BlankNode)):
        raise MemberError("Mitglied ohne (eindeutige) Signatur / member without a single proof")
    legacy = proof_graph is None
    proof_all: list[Triple] = []
    record_triples: list[Triple] = []
    if legacy:
        proof = proof_nodes[0]
        if not isinstance(proof, NamedNode):
            raise MemberError("Signatur fehlt / proof graph missing")
        for t in rest:
            (proof_all if t.subject == proof else record_triples).append(t)
    else:
        assert proof_graph is not None
        record_triples = rest
        proof_all = list(proof_graph)
        if len({t.subject for t in proof_all}) != 1:
            raise MemberError("Signaturgraph enthält mehr als eine Signatur / proof graph must hold one proof")
    proof_values = [value(t.object) for t in proof_all if t.predicate == SEC.proofValue]
    if len(proof_values) != 1:
        raise MemberError("Signaturwert fehlt / proof value missing")
    proof_config = [t for t in proof_all if t.predicate != SEC.proofValue]
    member_document = [t for t in about_member if t.predicate != SEC.proof]
    document = member_document + record_triples
    props: dict[str, list[Term]] = {}
    for t in member_document:
        props.setdefault(t.predicate.value, []).append(t.object)

    def one(p: NamedNode) -> str:
        values = props.get(p.value, [])
        if len(values) != 1:
            raise MemberError(f"Mitglied braucht genau ein {p.value} / member needs exactly one {p.value}")
        return value(values[0])

    kinds = [TYPE_KINDS[value(o)] for o in props.get(RDF.type.value, []) if value(o) in TYPE_KINDS]
    if len(kinds) != 1:
        raise MemberError("Art der Änderung (as:Create/Update/Delete) fehlt / change type missing")
    record = one(DCT.isVersionOf)
    try:
        version = int(one(DCAT.version))
    except ValueError:
        raise MemberError("Versionsnummer ist keine Zahl / version is not a number") from None
    methods = [value(t.object) for t in proof_config if t.predicate == SEC.verificationMethod]
    suites = [t.object for t in proof_config if t.predicate == SEC.cryptosuite]
    suite_ok = (len(suites) == 1 and isinstance(suites[0], Literal) and suites[0].value == CRYPTOSUITE
                and (legacy or suites[0].datatype == SEC.cryptosuiteString))
    if len(methods) != 1 or not suite_ok:
        raise MemberError(f"Signatur ist kein {CRYPTOSUITE} / proof is not {CRYPTOSUITE}")
    # A blank node or a triple term in the document is written as ``_:`` or ``<<``: only a document
    # whose N-Triples hold either (in a literal, say) needs the look at each triple.
    written = None if legacy else ntriples(document)
    may_hold_blank = written is None or "_:" in written or "<<" in written
    blank_in_document = may_hold_blank and any(
        not isinstance(t.subject, NamedNode) or not isinstance(t.object, (NamedNode, Literal)) for t in document)
    if blank_in_document or any(not isinstance(t.object, (NamedNode, Literal)) for t in proof_all):
        raise MemberError("Leere Knoten sind in Mitgliedern nicht erlaubt / blank nodes are not allowed in members")
    if kinds[0] != "delete" and not record_triples:
        raise MemberError("Mitglied ohne Inhalt / member without content")
    visibility = VISIBILITY.local_name(one(IKZ.visibility)) or "public"
    erased_before = 0
    if ERASED_BEFORE.value in props:
        try:
            erased_before = int(one(ERASED_BEFORE))
        except ValueError:
            raise MemberError("Löschgrenze ist keine Zahl / erasure horizon is not a number") from None
        if not 1 < erased_before <= version:
            raise MemberError(f"Löschgrenze {erased_before} passt nicht zu Version {version} / "
                              f"erasure horizon {erased_before} does not fit version {version}")
    member_prefix = f"{m} "
    if legacy:
        # The canonical form of the whole member, and of its document and record parts cut out of it:
        # a line starts with its subject ``<iri> `` (no IRI holds a space or ``>``), and a subset of
        # a sorted, duplicate-free list of lines stays sorted and duplicate-free.
        payload = canonical_ntriples(triples)
        proof_prefix = f"{proof_nodes[0]} "
        proof_link = f"{m} {SEC.proof} {proof_nodes[0]} .\n"
        document_lines = [line + "\n" for line in payload.split("\n")
                          if line and not line.startswith(proof_prefix) and line + "\n" != proof_link]
        document_canonical = "".join(document_lines)
    else:
        document_canonical = canonical_nquads(document, written=written)
        payload = member_payload(m, document_canonical, proof_all)
    # Without blank nodes, RDFC-1.0 lines are canonical N-Triples lines, except that these write
    # U+FFFE/U+FFFF as themselves: the record's content hash is over canonical_ntriples.
    plain = "\ufffe" not in document_canonical and "\uffff" not in document_canonical
    if legacy:
        record_ntriples = "".join(line for line in document_lines if not line.startswith(member_prefix))
    else:
        record_ntriples = without_lines_of(document_canonical, member_prefix) if plain else canonical_ntriples(record_triples)
    return ParsedMember(
        member=member,
        record=record,
        version=version,
        kind=kinds[0],
        origin=one(PROV.wasAttributedTo),
        timestamp=one(PROV.generatedAtTime),
        visibility=visibility,
        verification_method=methods[0],
        proof_value=proof_values[0],
        proof_config=proof_config,
        document=document,
        record_triples=record_triples,
        record_type=record_type_of(record_triples, record),
        payload=payload,
        document_ntriples=document_canonical,
        record_ntriples=record_ntriples,
        erased_before=erased_before,
        legacy=legacy,
    )


def without_lines_of(canonical: str, prefix: str) -> str:
    """Sorted lines (``canonical``) without those that start with ``prefix``: in sorted text they
    are one block, cut out with a few string searches instead of a test of every line."""
    if canonical.startswith(prefix):
        start = 0
    else:
        start = canonical.find("\n" + prefix) + 1
        if start == 0:
            return canonical
    end = start
    while canonical.startswith(prefix, end):
        end = canonical.index("\n", end) + 1
    return canonical[:start] + canonical[end:]


def split_payload(payload: str) -> tuple[list[Triple], list[Triple] | None]:
    """A stored payload's member graph and proof graph (None: a legacy payload, proof inside)."""
    graph: list[Triple] = []
    proof: list[Triple] = []
    for q in parse(payload, format=RdfFormat.N_QUADS):
        (graph if q.graph_name == DefaultGraph() else proof).append(q.triple)
    return graph, (proof if proof else None)


def parse_payload(member: str, payload: str) -> ParsedMember:
    """A member from its stored payload (N-Quads; older payloads are N-Triples, proof inside)."""
    triples, proof = split_payload(payload)
    return parse_member(member, triples, proof)


def verify_member(parsed: ParsedMember, public_multibase: str) -> bool:
    if parsed.legacy:
        data = legacy_hash_data(parsed.proof_config, parsed.document, parsed.document_ntriples)
        return verify_signature(public_multibase, parsed.proof_value, data)
    return verify(public_multibase, parsed.proof_value, parsed.proof_config, parsed.document, parsed.document_ntriples)
