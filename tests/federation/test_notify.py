"""Push hints: signed Linked Data Notifications, Follow on peering, Announce leads to a pull."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kb.errors import RateLimited, Unauthenticated
from kb.federation.notify import RateLimiter, activity, sign_request, verify_request
from kb.federation.signing import NodeKey
from tests.conftest import LiveNode
from tests.federation.conftest import add_peer, peer_token, project, publish

INBOX = "https://kreis.example/inbox"


@pytest.fixture
def key(tmp_path: Path) -> NodeKey:
    return NodeKey.load_or_create(tmp_path / "node.key")


def lower(headers: dict[str, str]) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items()}


def wait_for(condition: Callable[[], object], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.05)


def test_signed_request_verifies(key: NodeKey) -> None:
    body = activity("Announce", "https://stadt.example/node", "https://stadt.example/ldes")
    headers = lower(sign_request(key, "https://stadt.example/node#key-1", "POST", INBOX, body))
    verify_request(headers, "POST", INBOX, body, key.public_multibase)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda h, b: (h, b + b" "), id="body-changed"),
        pytest.param(lambda h, b: ({**h, "signature": h["signature"][:-6] + "AAAA=:"}, b), id="signature-changed"),
        pytest.param(lambda h, b: ({k: v for k, v in h.items() if k != "signature"}, b), id="unsigned"),
    ],
)
def test_tampered_request_is_refused(key: NodeKey, change: Callable) -> None:  # type: ignore[type-arg]
    body = activity("Announce", "https://stadt.example/node", "https://stadt.example/ldes")
    headers, body = change(lower(sign_request(key, "https://stadt.example/node#key-1", "POST", INBOX, body)), body)
    with pytest.raises(Unauthenticated):
        verify_request(headers, "POST", INBOX, body, key.public_multibase)


def test_old_signature_is_refused(key: NodeKey) -> None:
    body = b"{}"
    headers = lower(sign_request(key, "https://stadt.example/node#key-1", "POST", INBOX, body, created=int(time.time()) - 3600))
    with pytest.raises(Unauthenticated):
        verify_request(headers, "POST", INBOX, body, key.public_multibase)


def test_signature_for_another_inbox_is_refused(key: NodeKey) -> None:
    body = b"{}"
    headers = lower(sign_request(key, "https://stadt.example/node#key-1", "POST", "https://other.example/inbox", body))
    with pytest.raises(Unauthenticated):
        verify_request(headers, "POST", INBOX, body, key.public_multibase)


def _library_signed(key: NodeKey, body: bytes, label: str, components: tuple[str, ...]) -> dict[str, str]:
    """A request signed by the http-message-signatures library itself, not by kb's helper."""
    import http_message_signatures as hms
    from httpx import Headers

    from kb.federation.http_signatures import content_digest

    class Message:
        method, url, headers = "POST", INBOX, Headers({"Content-Digest": content_digest(body)})

    class Keys(hms.HTTPSignatureKeyResolver):
        def resolve_private_key(self, key_id: str) -> object:
            return key.private_key

    hms.HTTPMessageSigner(signature_algorithm=hms.algorithms.ED25519, key_resolver=Keys()).sign(
        Message, key_id="https://stadt.example/node#key-1", label=label, covered_component_ids=components)
    return lower(dict(Message.headers))


@pytest.mark.parametrize("label, components", [
    ("sig1", ("@method", "@target-uri", "content-digest")),
    ("kb", ("content-digest", "@method", "@target-uri")),
    ("pyhms", ("@target-uri", "content-digest", "@authority", "@method")),
])
def test_any_valid_rfc9421_signature_is_accepted(key: NodeKey, label: str, components: tuple[str, ...]) -> None:
    """Another label or another component order is still a valid signature (RFC 9421 §3.2)."""
    body = activity("Announce", "https://stadt.example/node", "https://stadt.example/ldes")
    verify_request(_library_signed(key, body, label, components), "POST", INBOX, body, key.public_multibase)


def test_signature_must_cover_method_target_and_digest(key: NodeKey) -> None:
    body = b"{}"
    headers = _library_signed(key, body, "sig1", ("@method", "@target-uri"))
    with pytest.raises(Unauthenticated):
        verify_request(headers, "POST", INBOX, body, key.public_multibase)


@pytest.mark.parametrize("garbage", ['sig1=("@method"', "sig1=:(((:", 'a=("@method");created=1, b=("@method");created=2', "\x00"])
def test_garbled_signature_headers_are_refused_not_errors(key: NodeKey, garbage: str) -> None:
    body = b"{}"
    headers = lower(sign_request(key, "https://stadt.example/node#key-1", "POST", INBOX, body))
    with pytest.raises(Unauthenticated):
        verify_request({**headers, "signature-input": garbage}, "POST", INBOX, body, key.public_multibase)


def test_rate_limiter_answers_with_retry_after() -> None:
    limiter = RateLimiter(rate=0.5, burst=2, global_rate=100, global_burst=100)
    limiter.check("a")
    limiter.check("a")
    with pytest.raises(RateLimited) as caught:
        limiter.check("a")
    assert caught.value.retry_after >= 1
    limiter.check("b")  # others are not affected


def test_adding_a_peer_subscribes_to_its_announcements(node_factory: Callable[..., LiveNode]) -> None:
    """The origin knows the harvester by the peer token it issued to it (a Follow from a stranger is refused)."""
    origin, harvester = node_factory("origin"), node_factory("harvester")
    add_peer(harvester, origin, token=peer_token(origin))
    wait_for(lambda: harvester.node.iri in origin.node.federation.subscribers())
    wait_for(lambda: harvester.node.federation.harvester.peers()[0].followed)


def test_announcement_makes_the_subscriber_pull(node_factory: Callable[..., LiveNode]) -> None:
    origin, harvester = node_factory("origin"), node_factory("harvester")  # sync_interval 0: no periodic rounds
    add_peer(harvester, origin, token=peer_token(origin))
    wait_for(lambda: origin.node.federation.subscribers())
    iri = publish(origin, project("Ohne Warten übernommen"))
    wait_for(lambda: harvester.node.catalog.meta(iri) is not None)


def test_inbox_refuses_unsigned_and_strangers(node_factory: Callable[..., LiveNode], tmp_path: Path) -> None:
    live = node_factory("live")
    with live.client(token=None) as c:
        unsigned = c.post("/inbox", content=b"{}", headers={"Content-Type": "application/ld+json"})
        assert unsigned.status_code == 401
        stranger_key = NodeKey.load_or_create(tmp_path / "stranger.key")
        actor = "http://127.0.0.1:9/node"
        body = activity("Announce", actor, "http://127.0.0.1:9/ldes")
        headers = sign_request(stranger_key, actor + "#key-1", "POST", f"{live.url}/inbox", body)
        refused = c.post("/inbox", content=body, headers={"Content-Type": "application/ld+json", **headers})
        assert refused.status_code == 403
        listing = c.get("/inbox")
        assert listing.status_code == 200 and json.loads(listing.content)["ldp:contains"] == []


def test_inbox_is_rate_limited(node_factory: Callable[..., LiveNode], tmp_path: Path) -> None:
    live = node_factory("live")
    key = NodeKey.load_or_create(tmp_path / "noisy.key")
    actor = "http://127.0.0.1:9/node"
    with live.client(token=None) as c:
        statuses = []
        for _ in range(15):
            body = activity("Announce", actor, "http://127.0.0.1:9/ldes")
            headers = sign_request(key, actor + "#key-1", "POST", f"{live.url}/inbox", body)
            r = c.post("/inbox", content=body, headers={"Content-Type": "application/ld+json", **headers})
            statuses.append(r.status_code)
        assert 429 in statuses
        assert int(r.headers["retry-after"]) >= 1
