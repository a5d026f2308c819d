"""Signed members: the eddsa-rdfc-2022 proof covers content, version and origin."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from kb.federation.members import parse_payload, sealer_for, verify_member
from kb.federation.signing import NodeKey
from kb.ontology.namespaces import DCAT, DCT, XSD

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
    shuffled = "".join(reversed(payload.splitlines(keepends=True)))
    triples = [q.triple for q in parse(shuffled.encode(), format=RdfFormat.N_TRIPLES)]
    from kb.federation.members import parse_member

    assert verify_member(parse_member(member, triples), key.public_multibase)


def test_key_is_kept_in_data_dir_and_reloaded(tmp_path: Path) -> None:
    first = NodeKey.load_or_create(tmp_path / "node.key")
    again = NodeKey.load_or_create(tmp_path / "node.key")
    assert first.public_multibase == again.public_multibase
    assert (tmp_path / "node.key").stat().st_mode & 0o077 == 0


def test_canonical_parts_cut_from_the_payload_match_their_triples(key: NodeKey) -> None:
    """The document and record forms a receiver reuses (signature check, store) are exactly the
    canonical forms of those triples, also with literals that need escaping."""
    from kb.federation.members import parse_member
    from kb.store.model import canonical_ntriples

    triples = [
        Triple(NamedNode(RECORD), DCT.title, Literal('Verbund "Hellweg"\nmit Zeilenumbruch', language="de")),
        Triple(NamedNode(RECORD), DCT.description, Literal("Ä\\ö\tü <nicht> eine IRI . ", language="de")),
        Triple(NamedNode(RECORD + "#kontakt"), DCT.title, Literal("Kontakt")),
    ]
    sealed = sealer_for(key, NODE)(RECORD, triples, version=2, kind="update", timestamp="2026-01-02T03:04:05.000Z", visibility="public")
    parsed = parse_member(sealed.member, [q.triple for q in parse(sealed.payload.encode(), format=RdfFormat.N_TRIPLES)])
    assert parsed.document_ntriples == canonical_ntriples(parsed.document)
    assert parsed.record_ntriples == canonical_ntriples(parsed.record_triples) == canonical_ntriples(triples)
    assert verify_member(parsed, key.public_multibase)


def test_members_with_unicode_line_separators_round_trip(key: NodeKey) -> None:
    """U+2028, U+2029 and U+0085 stay unescaped in N-Triples: the payload must not be cut there."""
    triples = [Triple(NamedNode(RECORD), DCT.title, Literal("eins\u2028zwei\u2029drei\x85vier", language="de"))]
    sealed = sealer_for(key, NODE)(RECORD, triples, version=1, kind="create", timestamp="2026-01-02T03:04:05.000Z", visibility="public")
    parsed = parse_payload(sealed.member, sealed.payload)
    assert parsed.record_triples == triples
    assert verify_member(parsed, key.public_multibase)
