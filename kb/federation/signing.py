"""Ed25519 keys and W3C Data Integrity proofs (cryptosuite ``eddsa-rdfc-2022``) over RDF graphs.

Every version a node originates is signed over the RDFC-1.0 canonical form of its graph, so a record
stays attributable to its origin however many aggregators relay it. kb graphs carry no blank nodes,
so their canonical form is the sorted canonical N-Quads, computed in linear time.
"""

from __future__ import annotations

import hashlib
import operator
import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyoxigraph import Triple

from kb.store.model import canonical_ntriples

CRYPTOSUITE = "eddsa-rdfc-2022"
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_ED25519_PUB = b"\xed\x01"  # multicodec prefix of an Ed25519 public key


def b58encode(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, rem = divmod(n, 58)
        out = _B58[rem] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


_B58_DIGITS = {ch: i for i, ch in enumerate(_B58)}
_B58_POWERS = [58**i for i in range(128)]


def b58decode(text: str) -> bytes:
    try:
        digits = [_B58_DIGITS[ch] for ch in reversed(text)]
    except KeyError:
        bad = next(ch for ch in text if ch not in _B58_DIGITS)
        raise ValueError(f"invalid base58 character {bad!r}") from None
    # Each member's proof value is decoded, so the sum runs in C (map) rather than digit by digit.
    powers = _B58_POWERS if len(digits) <= len(_B58_POWERS) else [58**i for i in range(len(digits))]
    n = sum(map(operator.mul, digits, powers))
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def multibase(data: bytes) -> str:
    """base58btc multibase (``z…``), as Data Integrity uses for keys and proof values."""
    return "z" + b58encode(data)


def from_multibase(text: str) -> bytes:
    if not text.startswith("z"):
        raise ValueError("only base58btc multibase values (starting with 'z') are supported")
    return b58decode(text[1:])


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


def hash_data(proof_config: Iterable[Triple], document: Iterable[Triple], document_ntriples: str | None = None) -> bytes:
    """The ``eddsa-rdfc-2022`` input: SHA-256 of the canonical proof options, then of the document.

    ``document_ntriples``: the document's canonical N-Triples, if the caller has them already.
    """
    if document_ntriples is None:
        document_ntriples = canonical_ntriples(document)
    return (
        hashlib.sha256(canonical_ntriples(proof_config).encode()).digest()
        + hashlib.sha256(document_ntriples.encode()).digest()
    )


def verify(
    public_multibase: str,
    proof_value: str,
    proof_config: Iterable[Triple],
    document: Iterable[Triple],
    document_ntriples: str | None = None,
) -> bool:
    try:
        key = _public_key(public_multibase)
        key.verify(from_multibase(proof_value), hash_data(proof_config, document, document_ntriples))
        return True
    except (InvalidSignature, ValueError):
        return False
