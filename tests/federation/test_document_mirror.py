"""A document attached on one node reaches a peer with identical bytes, or not at all."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from kb.documents.examples import make_pdf
from tests.conftest import LiveNode
from tests.federation.conftest import add_peer, peer_token, project, publish, sync


def attach(node: LiveNode, iri: str, data: bytes, name: str, licence: str = "cc-by-4.0") -> str:
    with node.client() as c:
        r = c.post(f"/api/projects/{iri.rsplit('/', 1)[1]}/documents", files={"file": (name, data, "application/pdf")},
                   data={"title": f"Dokument {name}", "type": "vereinbarung", "licence": licence})
        assert r.status_code == 201, r.text
        return str(r.json()["document"]["sha256"])


def test_a_peer_mirrors_public_files_byte_for_byte_and_refuses_a_tampered_one(linked: Callable[..., tuple[LiveNode, LiveNode]]) -> None:
    origin, harvester = linked()
    iri = publish(origin, project("Standesamt mit Mustervertrag"))
    agreement = make_pdf("Mustervertrag Standesamt", ["Öffentlich-rechtliche Vereinbarung über ein gemeinsames Standesamt."])
    statute = make_pdf("Satzung", ["Satzung des Zweckverbands, die unterwegs verändert wird."])
    good = attach(origin, iri, agreement, "mustervertrag.pdf")
    tampered = attach(origin, iri, statute, "satzung.pdf")
    path = origin.node.documents.files.path(tampered)
    path.write_bytes(statute.replace(b"Satzung des", b"Satzung der"))  # the origin now serves other bytes

    sync(harvester)
    harvester.node.documents.mirror()  # (the background follower may have done it already: same outcome)
    assert harvester.node.documents.files.has(good)
    assert tampered in harvester.node.documents.refused()

    with harvester.client(token=None) as anyone:
        got = anyone.get(f"/documents/{good}")
        assert got.status_code == 200 and hashlib.sha256(got.content).hexdigest() == good
        assert got.headers["content-disposition"].startswith("attachment;")
        assert anyone.get(f"/documents/{tampered}").status_code == 404
        record = anyone.get(f"/api/projects/{iri}").json()
        assert {d["sha256"] for d in record["documents"]} == {good, tampered}
        assert "gemeinsames Standesamt" in next(d["text"] for d in record["documents"] if d["sha256"] == good)
    assert not harvester.node.documents.files.has(tampered)


def test_network_only_files_are_mirrored_only_with_a_peer_token(node_factory: Callable[..., LiveNode]) -> None:
    origin = node_factory("origin", push_notifications=False)
    stranger = node_factory("stranger", push_notifications=False)
    member = node_factory("member", push_notifications=False)
    add_peer(stranger, origin)
    add_peer(member, origin, token=peer_token(origin))
    iri = publish(origin, project("Zweckverband mit interner Kalkulation"))
    internal = attach(origin, iri, make_pdf("Kalkulation", ["Interne Umlagekalkulation."]), "kalkulation.pdf", licence="network")

    sync(stranger)
    sync(member)
    assert stranger.node.documents.mirror() == {internal: "network only, no token"}
    member.node.documents.mirror()
    assert member.node.documents.files.has(internal) and not stranger.node.documents.files.has(internal)
    with member.client() as admin:
        assert admin.get(f"/documents/{internal}").status_code == 200
    with member.client(token=None) as anyone:
        assert anyone.get(f"/documents/{internal}").status_code == 404


def test_the_mirror_budget_is_kept(linked: Callable[..., tuple[LiveNode, LiveNode]]) -> None:
    origin, harvester = linked(document_mirror_budget=0)
    iri = publish(origin, project("Kooperation mit großem Bericht"))
    report = attach(origin, iri, make_pdf("Evaluation", ["Bericht über fünf Jahre Zusammenarbeit."]), "bericht.pdf")
    sync(harvester)
    assert harvester.node.documents.mirror() == {report: "over budget"}
    with harvester.client(token=None) as anyone:
        assert anyone.get(f"/documents/{report}").status_code == 404
