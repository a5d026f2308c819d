"""W3C Data Integrity ``eddsa-rdfc-2022`` as specified: the specification's own test vectors, the
independent verifier's agreement with them, and re-signing on upgrade. The independent verifier
(tests/di_verifier.py) checks every member of real nodes' streams in tests/e2e/test_ldes_conformance.py.

The vectors in ``vectors/eddsa-rdfc-2022`` come from github.com/w3c/vc-di-eddsa (TestVectors/,
commit abb673eb9df673e24a8eaf939337de74759b5f8d), under the W3C Software and Document License
(https://www.w3.org/copyright/software-license/): see vectors/README.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from kb.federation.members import parse_member, parse_payload, verify_member
from kb.federation.signing import (
    NodeKey,
    canonical_nquads,
    hash_data,
    legacy_hash_data,
    multibase,
    private_key_from_multibase,
    verify,
)
from kb.federation.upgrade import DONE, upgrade_log
from kb.ontology.namespaces import SEC
from kb.store.model import canonical_ntriples
from tests import di_verifier
from tests.conftest import LiveNode
from tests.federation.conftest import project, publish, withdraw

VECTORS = Path(__file__).parent / "vectors" / "eddsa-rdfc-2022"
CASES = [VECTORS, VECTORS / "employ"]


def text(case: Path, name: str) -> str:
    return (case / name).read_text()


def scrambled(canonical: str) -> str:
    """The same dataset written another way: lines reversed, blank nodes renamed."""
    renamed = re.sub(r"_:c14n(\d+)", lambda m: f"_:anders{99 - int(m.group(1))}", canonical)
    return "\n".join(reversed(renamed.splitlines())) + "\n"


@pytest.mark.parametrize("case", CASES, ids=["alumni", "employ"])
def test_w3c_test_vectors(case: Path) -> None:
    document = list(parse(scrambled(text(case, "canonDocDataInt.txt")).encode(), format=RdfFormat.N_QUADS))
    options = list(parse(scrambled(text(case, "proofCanonDataInt.txt")).encode(), format=RdfFormat.N_QUADS))
    # RDFC-1.0 by pyoxigraph gives the specification's canonical forms, byte for byte.
    assert canonical_nquads(document) == text(case, "canonDocDataInt.txt")
    assert canonical_nquads(options) == text(case, "proofCanonDataInt.txt")
    combined = hash_data(options, document)
    assert combined.hex() == text(case, "combinedHashDataInt.txt").strip()
    assert combined[:32].hex() == text(case, "proofHashDataInt.txt").strip()
    assert combined[32:].hex() == text(case, "docHashDataInt.txt").strip()
    # Ed25519 is deterministic: kb's key signs exactly the specification's proof value.
    keys = json.loads((VECTORS / "keyPair.json").read_text())
    key = NodeKey(private_key_from_multibase(keys["privateKeyMultibase"]))
    assert key.public_multibase == keys["publicKeyMultibase"]
    proof_value = text(case, "sigBTC58DataInt.txt").strip()
    assert multibase(key.sign(combined)) == proof_value
    assert json.loads(text(case, "signedDataInt.json"))["proof"]["proofValue"] == proof_value
    assert verify(keys["publicKeyMultibase"], proof_value, options, document)
    assert not verify(keys["publicKeyMultibase"], proof_value, options, document[1:])


def test_pyld_agrees_with_the_vectors() -> None:
    """The independent verifier's canonicaliser reproduces the vectors too, so it is a fair judge."""
    for case in CASES:
        quads = jsonld_dataset(scrambled(text(case, "canonDocDataInt.txt")))
        assert di_verifier._canonical(quads).decode() == text(case, "canonDocDataInt.txt")


def jsonld_dataset(nquads: str) -> list:  # type: ignore[type-arg]
    from pyld import jsonld

    return list(jsonld.JsonLdProcessor.parse_nquads(nquads)["@default"])


def make_legacy(payload: str, member: str, key: NodeKey) -> str:
    """The same version as kb signed it before: sorted N-Triples, proof inside, untyped cryptosuite."""
    parsed = parse_payload(member, payload)
    proof = NamedNode(member + "#proof")
    config = [Triple(proof, t.predicate, t.object) for t in parsed.proof_config if t.predicate != SEC.cryptosuite]
    config.append(Triple(proof, SEC.cryptosuite, Literal("eddsa-rdfc-2022")))
    signature = key.sign(legacy_hash_data(config, parsed.document))
    return canonical_ntriples([*parsed.document, *config, Triple(NamedNode(member), SEC.proof, proof),
                               Triple(proof, SEC.proofValue, Literal(multibase(signature), datatype=SEC.multibase))])


def test_own_versions_are_re_signed_once_on_upgrade(node_factory) -> None:  # type: ignore[no-untyped-def]
    live: LiveNode = node_factory()
    iri = publish(live, project("Altes Projekt"))
    withdraw(live, publish(live, project("Zurückgezogen")))
    catalog, key = live.node.catalog, live.node.key
    # Turn the data directory into one from before: every payload in the old form.
    old = {}
    for seq in range(1, catalog.last_seq + 1):
        event, payload = catalog.event(seq)  # type: ignore[misc]
        old[seq] = make_legacy(payload, event.member, key)
    catalog.rewrite_entries(old, {})
    catalog.put_docs({DONE: None})
    assert all(parse_payload(catalog.event(s)[0].member, catalog.event(s)[1]).legacy for s in old)  # type: ignore[index]
    mark = catalog.erasure_mark

    assert upgrade_log(catalog, key, live.node.iri) == (3, 0)
    for seq in old:
        event, payload = catalog.event(seq)  # type: ignore[misc]
        parsed = parse_payload(event.member, payload)
        assert not parsed.legacy and verify_member(parsed, key.public_multibase)
        assert parsed.version == event.version and parsed.timestamp == event.timestamp
    assert catalog.get(iri).meta.version == 1  # type: ignore[union-attr]
    assert catalog.erasure_mark != mark  # cached pages are revalidated (their ETag changes)
    assert upgrade_log(catalog, key, live.node.iri) == (0, 0)  # once
    # The version's own address serves the re-signed form: document and proof graph.
    with live.client(token=None) as c:
        for media, fmt in (("application/trig", RdfFormat.TRIG), ("application/n-quads", RdfFormat.N_QUADS)):
            quads = list(parse(c.get(f"{iri}/versions/1", headers={"Accept": media}).content, format=fmt))
            (link,) = [q for q in quads if q.predicate == SEC.proof]
            document = [q.triple for q in quads if q.graph_name == link.graph_name and q != link]
            proof = [q.triple for q in quads if q.graph_name == link.object]
            parsed = parse_member(f"{iri}/versions/1", [*document, link.triple], proof)
            assert not parsed.legacy and verify_member(parsed, key.public_multibase)
