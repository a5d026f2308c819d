"""An independent verifier of W3C Data Integrity ``eddsa-rdfc-2022`` proofs on LDES pages.

Independent of kb's own code: the page is read as JSON-LD by pyld, canonicalised by pyld
(URDNA2015, the algorithm RDFC-1.0 standardised), hashed with hashlib, the key decoded with
``base58`` and the signature checked with ``cryptography``. It knows only what the
specification says: the member's document is its graph without the ``sec:proof`` link, the proof
options are the proof graph without ``sec:proofValue`` (the link to it is in the page's default graph),
and the signature covers
SHA-256(canonical proof options) || SHA-256(canonical document).
"""

from __future__ import annotations

import hashlib
from typing import Any

import base58
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyld import jsonld

SEC = "https://w3id.org/security#"
TREE_MEMBER = "https://w3id.org/tree#member"
ORIGIN = "http://www.w3.org/ns/prov#wasAttributedTo"
CRYPTOSUITE_STRING = SEC + "cryptosuiteString"


def _canonical(triples: list[dict[str, Any]]) -> bytes:
    nquads = jsonld.JsonLdProcessor.to_nquads({"@default": triples})
    canonical = jsonld.normalize(nquads, {"algorithm": "URDNA2015", "inputFormat": "application/n-quads",
                                          "format": "application/n-quads"})
    return str(canonical).encode()


def public_key(multibase: str) -> Ed25519PublicKey:
    raw = base58.b58decode(multibase[1:])
    assert multibase.startswith("z") and raw[:2] == b"\xed\x01" and len(raw) == 34, multibase
    return Ed25519PublicKey.from_public_bytes(raw[2:])


def page_members(expanded_jsonld: Any) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Member IRI → {"document": triples, "proof": triples} of one page (pyld's RDF dataset form)."""
    dataset = jsonld.to_rdf(expanded_jsonld)
    members = [t["object"]["value"] for t in dataset.get("@default", []) if t["predicate"]["value"] == TREE_MEMBER]
    out = {}
    for member in members:
        graph = dataset.get(member, [])
        links = [t["object"]["value"] for t in dataset.get("@default", []) + graph
                 if t["subject"]["value"] == member and t["predicate"]["value"] == SEC + "proof"]
        assert len(links) == 1, f"{member}: one sec:proof link"
        out[member] = {
            "document": [t for t in graph if t["predicate"]["value"] != SEC + "proof"],
            "proof": dataset.get(links[0], []),
        }
    return out


def verify(member: dict[str, list[dict[str, Any]]], keys: dict[str, str]) -> str:
    """Check one member; returns the origin it verified for, raises AssertionError otherwise."""
    proof = member["proof"]
    values = [t["object"]["value"] for t in proof if t["predicate"]["value"] == SEC + "proofValue"]
    suites = [t["object"] for t in proof if t["predicate"]["value"] == SEC + "cryptosuite"]
    assert len(values) == 1 and len(suites) == 1
    assert suites[0]["value"] == "eddsa-rdfc-2022" and suites[0].get("datatype") == CRYPTOSUITE_STRING, suites
    origins = [t["object"]["value"] for t in member["document"] if t["predicate"]["value"] == ORIGIN]
    assert len(origins) == 1
    options = [t for t in proof if t["predicate"]["value"] != SEC + "proofValue"]
    data = hashlib.sha256(_canonical(options)).digest() + hashlib.sha256(_canonical(member["document"])).digest()
    signature = base58.b58decode(values[0][1:])
    try:
        public_key(keys[origins[0]]).verify(signature, data)
    except InvalidSignature:
        raise AssertionError(f"signature does not verify for {origins[0]}") from None
    return origins[0]
