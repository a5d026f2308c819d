"""HTTP Message Signatures (RFC 9421) on the requests nodes send each other, by the maintained
``http-message-signatures`` library in both directions.

kb signs ``@method``, ``@target-uri`` and ``content-digest`` (RFC 9530, SHA-256), algorithm
``ed25519``, ``keyid`` = the node's key IRI, with a ``created`` time. On receipt, any valid RFC 9421
signature is accepted whatever its label and the order of its components, as long as it covers at
least those three components, is the only signature on the request, is at most five minutes old
(or ahead), and the ``Content-Digest`` it covers is the SHA-256 of the body received. Everything
the library cannot parse is a refusal (401), never an error: the headers come from anyone.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
from dataclasses import dataclass
from typing import Any

import http_sfv
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from http_message_signatures import HTTPMessageSigner, HTTPMessageVerifier, HTTPSignatureKeyResolver, algorithms
from httpx import Headers

from kb.errors import Unauthenticated
from kb.federation.signing import NodeKey, public_key_from_multibase

MAX_SIGNATURE_AGE = 300
"""Seconds a signature stays acceptable (and how far ahead a sender's clock may be)."""
LABEL = "kb"
COMPONENTS = ("@method", "@target-uri", "content-digest")
"""What kb signs, and what a signature must cover at least (in any order)."""


def content_digest(body: bytes) -> str:
    return "sha-256=:" + base64.b64encode(hashlib.sha256(body).digest()).decode() + ":"


@dataclass
class _Message:
    """The request as the library sees it (``method``, ``url``, ``headers``)."""

    method: str
    url: str
    headers: Headers


class _OneKey(HTTPSignatureKeyResolver):
    """The one key a signature may be checked against (the caller decided whose it is)."""

    def __init__(self, public: Ed25519PublicKey | None = None, private: Ed25519PrivateKey | None = None) -> None:
        self.public, self.private = public, private

    def resolve_public_key(self, key_id: str) -> Any:
        return self.public

    def resolve_private_key(self, key_id: str) -> Any:
        return self.private


class _Verifier(HTTPMessageVerifier):
    max_clock_skew = datetime.timedelta(seconds=MAX_SIGNATURE_AGE)


def sign_request(key: NodeKey, key_id: str, method: str, target_uri: str, body: bytes, created: int | None = None) -> dict[str, str]:
    """Headers that sign a request: ``Content-Digest``, ``Signature-Input`` and ``Signature``."""
    message = _Message(method.upper(), target_uri, Headers({"Content-Digest": content_digest(body)}))
    signer = HTTPMessageSigner(signature_algorithm=algorithms.ED25519, key_resolver=_OneKey(private=key.private_key))
    when = datetime.datetime.fromtimestamp(created) if created is not None else None
    signer.sign(message, key_id=key_id, created=when, label=LABEL, covered_component_ids=COMPONENTS)
    return {name: message.headers[name] for name in ("Content-Digest", "Signature-Input", "Signature")}


def _refused() -> Unauthenticated:
    return Unauthenticated("Die Signatur der Benachrichtigung ist ungültig.", "The notification's signature is invalid.")


def signed_key_id(headers: dict[str, str]) -> str:
    """The keyid a request claims (before anything is verified)."""
    missing = Unauthenticated("Die Benachrichtigung ist nicht signiert.", "The notification is not signed.")
    try:
        inputs = _signature_inputs(headers)
    except ValueError:
        raise missing from None
    ids = [item.params.get("keyid") for item in inputs.values() if hasattr(item, "params")]
    if len(ids) != 1 or not isinstance(ids[0], str):
        raise missing
    return ids[0]


def verify_request(headers: dict[str, str], method: str, target_uri: str, body: bytes, public_multibase: str) -> None:
    """Raises Unauthenticated unless the request carries a fresh, valid signature by that key."""
    if headers.get("content-digest", "").strip() != content_digest(body):
        raise _refused()
    try:
        public = public_key_from_multibase(public_multibase)
    except ValueError:
        raise _refused() from None
    message = _Message(method.upper(), target_uri, Headers(headers))
    verifier = _Verifier(signature_algorithm=algorithms.ED25519, key_resolver=_OneKey(public=public))
    try:
        results = verifier.verify(message, max_age=datetime.timedelta(seconds=MAX_SIGNATURE_AGE))
    except Exception as exc:  # noqa: BLE001 - whatever a stranger's headers make the library raise is a refusal
        if "age" in str(exc) or "future" in str(exc):
            raise Unauthenticated("Die Signatur ist abgelaufen.", "The signature is too old or from the future.") from None
        raise _refused() from None
    covered = {str(getattr(c, "value", c)) for item in _signature_inputs(headers).values() for c in item}
    if len(results) != 1 or not set(COMPONENTS) <= covered:
        raise _refused()


def _signature_inputs(headers: dict[str, str]) -> http_sfv.Dictionary:
    inputs = http_sfv.Dictionary()
    inputs.parse(headers.get("signature-input", "").encode())
    return inputs
