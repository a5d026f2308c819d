"""Ed25519 keys and W3C Data Integrity proofs (cryptosuite ``eddsa-rdfc-2022``) over RDF graphs.

Every version a node originates is signed as the W3C Data Integrity EdDSA specification says: the
signature covers SHA-256 of the RDFC-1.0 canonical form of the proof options, then SHA-256 of the
RDFC-1.0 canonical form of the document (both as default-graph datasets), canonicalised by
pyoxigraph (``Dataset.canonicalize(RDFC_1_0)``). So a record stays attributable to its origin
however many aggregators relay it, and any conformant verifier can check it
(tests/federation/test_data_integrity.py: the W3C test vectors and pyld as an independent verifier).

Members signed before kb 0.x followed an older, hand-written form (sorted N-Triples, the proof in
the document's graph, an untyped cryptosuite): :func:`legacy_hash_data` still checks those, see
docs/decisions.md "Data Integrity as specified".
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import base58
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyoxigraph import BlankNode, CanonicalizationAlgorithm, Dataset, DefaultGraph, Quad, RdfFormat, Triple, serialize

from kb.store.model import canonical_ntriples, ntriples, sorted_lines

CRYPTOSUITE = "eddsa-rdfc-2022"
_ED25519_PUB = b"\xed\x01"  # multicodec prefix of an Ed25519 public key
_ED25519_PRIV = b"\x80\x26"  # multicodec prefix of an Ed25519 private key (seed)
_NONCHARACTER_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\uFFF([EF])")


def multibase(data: bytes) -> str:
    """base58btc multibase (``z…``), as Data Integrity uses for keys and proof values."""
    return "z" + base58.b58encode(data).decode()


def from_multibase(text: str) -> bytes:
    """The bytes of a base58btc multibase value (``base58.b58decode``'s result, the same errors).

    The library's number is turned into bytes with ``int.to_bytes`` rather than its divmod loop
    (one bignum division per byte): every harvested member's proof value is decoded here.
    """
    if not text.startswith("z"):
        raise ValueError("only base58btc multibase values (starting with 'z') are supported")
    digits = text[1:].rstrip()
    significant = digits.lstrip("1")  # each leading '1' is a zero byte
    number = base58.b58decode_int(significant)
    return bytes(len(digits) - len(significant)) + number.to_bytes((number.bit_length() + 7) // 8, "big")


def public_key_multibase(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return multibase(_ED25519_PUB + raw)


def public_key_from_multibase(text: str) -> Ed25519PublicKey:
    raw = from_multibase(text)
    if not raw.startswith(_ED25519_PUB) or len(raw) != 34:
        raise ValueError("not an Ed25519 multikey")
    return Ed25519PublicKey.from_public_bytes(raw[2:])


@lru_cache(maxsize=256)
def _public_key(text: str) -> Ed25519PublicKey:
    """``public_key_from_multibase``, cached: a harvest checks many members against few keys."""
    return public_key_from_multibase(text)


class NodeKey:
    """The node's signing key, kept in the data directory (mode 0600)."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        self.public = private.public_key()
        self.public_multibase = public_key_multibase(self.public)

    @classmethod
    def load_or_create(cls, path: Path) -> NodeKey:
        if path.exists():
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
            if not isinstance(key, Ed25519PrivateKey):
                raise ValueError(f"{path} does not hold an Ed25519 key")
            return cls(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(pem)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        return cls(key)

    @property
    def private_key(self) -> Ed25519PrivateKey:
        """For libraries that sign with the key object (HTTP Message Signatures)."""
        return self._private

    def sign(self, data: bytes) -> bytes:
        return self._private.sign(data)


def canonical_nquads(statements: Iterable[Triple | Quad], *, written: str | None = None) -> str:
    """RDFC-1.0 canonical N-Quads of a dataset (triples go into the default graph), by pyoxigraph.

    pyoxigraph writes U+FFFE and U+FFFF as ``\\uFFFE``/``\\uFFFF``; RDFC-1.0's canonical N-Quads
    escape only the control characters, so those two are written as themselves. A dataset without
    blank nodes (every kb document) has nothing for RDFC-1.0 to relabel: its canonical form is its
    sorted, de-duplicated lines, so those skip building a ``Dataset`` (half the cost of a harvest's
    signature check), and so does a graph with one blank node (a proof's options: see
    :func:`_one_blank_node_as_c14n0`); anything else with ``_:`` goes through ``Dataset.canonicalize``.
    ``written``: ``ntriples(statements)``, if the caller has it already (all statements triples).
    """
    items = list(statements)
    text: str | None = None
    triples = [s for s in items if isinstance(s, Triple)]
    if len(triples) == len(items):
        text = written if written is not None else ntriples(triples)
        if "_:" in text:
            text = _one_blank_node_as_c14n0(triples)
    if not text:
        dataset = Dataset(s if isinstance(s, Quad) else Quad(s.subject, s.predicate, s.object, DefaultGraph()) for s in items)
        dataset.canonicalize(CanonicalizationAlgorithm.RDFC_1_0)
        nquads = serialize(dataset, format=RdfFormat.N_QUADS)
        assert nquads is not None
        text = nquads.decode()
    if "\\uFFF" in text:
        text = _NONCHARACTER_ESCAPE.sub(lambda m: m.group(1) + ("\ufffe" if m.group(2) == "E" else "\uffff"), text)
    return sorted_lines(text)


_C14N0 = BlankNode("c14n0")


def _one_blank_node_as_c14n0(triples: list[Triple]) -> str | None:
    """The N-Triples of ``triples`` with their only blank node named ``c14n0``; None if there is not
    exactly one blank node, or there is a triple term (a blank node could hide inside it).

    RDFC-1.0 issues canonical labels in the order of the blank nodes' hashes; a lone blank node's
    hash is unique, so it is always ``_:c14n0``. A proof's options (one blank node, the proof) are
    such a graph: a harvest canonicalises each member's this way instead of building a ``Dataset``.
    """
    blanks: set[BlankNode] = set()
    for t in triples:
        s, o = t.subject, t.object
        if isinstance(o, Triple):
            return None
        if isinstance(s, BlankNode):
            blanks.add(s)
        if isinstance(o, BlankNode):
            blanks.add(o)
    if len(blanks) != 1:
        return None
    (blank,) = blanks
    return ntriples([Triple(_C14N0 if t.subject == blank else t.subject, t.predicate, _C14N0 if t.object == blank else t.object)
                      for t in triples])


def hash_data(proof_config: Iterable[Triple | Quad], document: Iterable[Triple | Quad], document_nquads: str | None = None) -> bytes:
    """The ``eddsa-rdfc-2022`` hash: SHA-256 of the canonical proof options, then of the document.

    ``document_nquads``: the document's canonical N-Quads, if the caller has them already.
    """
    if document_nquads is None:
        document_nquads = canonical_nquads(document)
    return (
        hashlib.sha256(canonical_nquads(proof_config).encode()).digest()
        + hashlib.sha256(document_nquads.encode()).digest()
    )


def legacy_hash_data(proof_config: Iterable[Triple], document: Iterable[Triple], document_ntriples: str | None = None) -> bytes:
    """The hash members were signed over before kb followed the specification (sorted N-Triples)."""
    if document_ntriples is None:
        document_ntriples = canonical_ntriples(document)
    return (
        hashlib.sha256(canonical_ntriples(proof_config).encode()).digest()
        + hashlib.sha256(document_ntriples.encode()).digest()
    )


def private_key_from_multibase(text: str) -> Ed25519PrivateKey:
    """An Ed25519 private key from its multikey form (``z3u2…``), as the W3C test vectors give it."""
    raw = from_multibase(text)
    if not raw.startswith(_ED25519_PRIV) or len(raw) != 34:
        raise ValueError("not an Ed25519 private multikey")
    return Ed25519PrivateKey.from_private_bytes(raw[2:])


def verify_signature(public_multibase: str, proof_value: str, data: bytes) -> bool:
    try:
        _public_key(public_multibase).verify(from_multibase(proof_value), data)
        return True
    except (InvalidSignature, ValueError):
        return False


def verify(
    public_multibase: str,
    proof_value: str,
    proof_config: Iterable[Triple | Quad],
    document: Iterable[Triple | Quad],
    document_nquads: str | None = None,
) -> bool:
    """Check an ``eddsa-rdfc-2022`` proof (proof options without ``proofValue``) over a document."""
    return verify_signature(public_multibase, proof_value, hash_data(proof_config, document, document_nquads))
