"""Signed members: the eddsa-rdfc-2022 proof covers content, version and origin."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, RdfFormat, Triple, parse

from kb.federation.members import parse_payload, sealer_for, verify_member
from kb.federation.signing import NodeKey, legacy_hash_data, multibase
from kb.ontology.namespaces import DCAT, DCT, SEC, XSD

NODE = "https://kommune.example/node"
RECORD = "https://kommune.example/projects/standesamt-1"


@pytest.fixture
def key(tmp_path: Path) -> NodeKey:
    return NodeKey.load_or_create(tmp_path / "node.key")


def seal(key: NodeKey, version: int = 3, kind: str = "update") -> tuple[str, str]:
    triples = [
        Triple(NamedNode(RECORD), DCT.title, Literal("Standesamtverbund", language="de")),
        Triple(NamedNode(RECORD), DCT.description, Literal("Drei Gemeinden, ein Standesamt.", language="de")),
    ]
    sealed = sealer_for(key, NODE)(RECORD, triples, version=version, kind=kind, timestamp="2026-01-02T03:04:05.000Z", visibility="public")
    return sealed.member, sealed.payload


def tampered(payload: str, old: str, new: str) -> str:
    assert old in payload
    return payload.replace(old, new)


def test_signed_member_verifies_with_origin_key(key: NodeKey) -> None:
    member, payload = seal(key)
    parsed = parse_payload(member, payload)
    assert parsed.version == 3 and parsed.origin == NODE and parsed.kind == "update"
    assert verify_member(parsed, key.public_multibase)


def test_tombstone_is_signed_too(key: NodeKey) -> None:
    member, payload = seal(key, version=4, kind="delete")
    parsed = parse_payload(member, payload)
    assert parsed.kind == "delete" and parsed.record_triples == []
    assert verify_member(parsed, key.public_multibase)


def test_tampered_triple_fails(key: NodeKey) -> None:
    member, payload = seal(key)
    forged = tampered(payload, "Drei Gemeinden, ein Standesamt.", "Vier Gemeinden, ein Standesamt.")
    assert not verify_member(parse_payload(member, forged), key.public_multibase)


def test_added_triple_fails(key: NodeKey) -> None:
    member, payload = seal(key)
    extra = f'<{RECORD}> <{DCT.subject.value}> "eingeschmuggelt" .\n'
    assert not verify_member(parse_payload(member, payload + extra), key.public_multibase)


def test_changed_version_number_fails(key: NodeKey) -> None:
    member, payload = seal(key, version=3)
    version_literal = f'"3"^^<{XSD.integer.value}>'
    forged = tampered(payload, f"<{DCAT.version.value}> {version_literal}", f'<{DCAT.version.value}> "9"^^<{XSD.integer.value}>')
    assert not verify_member(parse_payload(member, forged), key.public_multibase)


def test_wrong_key_fails(key: NodeKey, tmp_path: Path) -> None:
    other = NodeKey.load_or_create(tmp_path / "other.key")
    member, payload = seal(key)
    assert not verify_member(parse_payload(member, payload), other.public_multibase)


def test_signature_survives_any_triple_order(key: NodeKey) -> None:
    """Relays may re-serialise: the canonical form (RDFC-1.0 without blank nodes) is order-free."""
    member, payload = seal(key)
    shuffled = "\n".join(reversed(payload.split("\n"))).replace("_:proof", "_:anders")
    assert verify_member(parse_payload(member, shuffled), key.public_multibase)


def test_key_is_kept_in_data_dir_and_reloaded(tmp_path: Path) -> None:
    first = NodeKey.load_or_create(tmp_path / "node.key")
    again = NodeKey.load_or_create(tmp_path / "node.key")
    assert first.public_multibase == again.public_multibase
    assert (tmp_path / "node.key").stat().st_mode & 0o077 == 0


def test_canonical_parts_cut_from_the_payload_match_their_triples(key: NodeKey) -> None:
    """The document and record forms a receiver reuses (signature check, store) are exactly the
    canonical forms of those triples, also with literals that need escaping."""
    from kb.federation.members import parse_member, split_payload
    from kb.federation.signing import canonical_nquads
    from kb.store.model import canonical_ntriples

    triples = [
        Triple(NamedNode(RECORD), DCT.title, Literal('Verbund "Hellweg"\nmit Zeilenumbruch', language="de")),
        Triple(NamedNode(RECORD), DCT.description, Literal("Ä\\ö\tü <nicht> eine IRI . ", language="de")),
        Triple(NamedNode(RECORD + "#kontakt"), DCT.title, Literal("Kontakt")),
    ]
    sealed = sealer_for(key, NODE)(RECORD, triples, version=2, kind="update", timestamp="2026-01-02T03:04:05.000Z", visibility="public")
    parsed = parse_member(sealed.member, *split_payload(sealed.payload))
    assert parsed.document_ntriples == canonical_nquads(parsed.document)
    assert parsed.record_ntriples == canonical_ntriples(parsed.record_triples) == canonical_ntriples(triples)
    assert verify_member(parsed, key.public_multibase)


def test_members_with_unicode_line_separators_round_trip(key: NodeKey) -> None:
    """U+2028, U+2029 and U+0085 stay unescaped in N-Triples: the payload must not be cut there."""
    triples = [Triple(NamedNode(RECORD), DCT.title, Literal("eins\u2028zwei\u2029drei\x85vier", language="de"))]
    sealed = sealer_for(key, NODE)(RECORD, triples, version=1, kind="create", timestamp="2026-01-02T03:04:05.000Z", visibility="public")
    parsed = parse_payload(sealed.member, sealed.payload)
    assert parsed.record_triples == triples
    assert verify_member(parsed, key.public_multibase)


def test_proof_sits_in_its_own_graph_with_a_typed_cryptosuite(key: NodeKey) -> None:
    """W3C Data Integrity: ``<member> sec:proof _:g`` and the proof's triples inside graph ``_:g``."""
    member, payload = seal(key)
    quads = list(parse(payload.encode(), format=RdfFormat.N_QUADS))
    (link,) = [q for q in quads if q.predicate == SEC.proof]
    assert link.subject == NamedNode(member) and link.graph_name == DefaultGraph()
    proof = [q for q in quads if q.graph_name == link.object]
    assert {q.predicate for q in proof} >= {SEC.cryptosuite, SEC.proofValue, SEC.verificationMethod}
    (suite,) = [q.object for q in proof if q.predicate == SEC.cryptosuite]
    assert suite == Literal("eddsa-rdfc-2022", datatype=SEC.cryptosuiteString)
    assert all(q.graph_name == DefaultGraph() for q in quads if q not in proof)


def test_noncharacters_and_language_tags_sign_and_verify(key: NodeKey) -> None:
    triples = [Triple(NamedNode(RECORD), DCT.title, Literal("Kooperation \ufffe\uffff Ende", language="de-DE"))]
    sealed = sealer_for(key, NODE)(RECORD, triples, version=1, kind="create", timestamp="2026-01-02T03:04:05.000Z", visibility="public")
    parsed = parse_payload(sealed.member, sealed.payload)
    assert verify_member(parsed, key.public_multibase)
    from kb.store.model import canonical_ntriples

    assert parsed.record_ntriples == canonical_ntriples(parsed.record_triples)


def legacy_member(key: NodeKey) -> tuple[str, list[Triple]]:
    """A member signed the way kb signed before 15.3: proof in the member's graph, plain cryptosuite."""
    from kb.store.model import canonical_ntriples

    member, payload = seal(key)
    parsed = parse_payload(member, payload)
    proof = NamedNode(member + "#proof")
    config = [Triple(proof, t.predicate, t.object) for t in parsed.proof_config if t.predicate != SEC.cryptosuite]
    config.append(Triple(proof, SEC.cryptosuite, Literal("eddsa-rdfc-2022")))
    signature = key.sign(legacy_hash_data(config, parsed.document))
    triples = [*parsed.document, *config, Triple(proof, SEC.proofValue, Literal(multibase(signature), datatype=SEC.multibase)),
               Triple(NamedNode(member), SEC.proof, proof)]
    assert canonical_ntriples(triples)
    return member, triples


def test_legacy_members_still_verify_and_are_flagged(key: NodeKey) -> None:
    from kb.federation.members import parse_member

    member, triples = legacy_member(key)
    parsed = parse_member(member, triples)
    assert parsed.legacy and verify_member(parsed, key.public_multibase)
    forged = [t if t.predicate != DCT.title else Triple(t.subject, t.predicate, Literal("gefälscht", language="de")) for t in triples]
    assert not verify_member(parse_member(member, forged), key.public_multibase)
    assert verify_member(parse_payload(member, parsed.payload), key.public_multibase)  # stored as it came
