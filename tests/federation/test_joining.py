"""Joining a network in one step (``kb/federation/joining.py``): consent, both directions, the whole
network through the aggregator, verified against each record's origin, own records never taken back."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import httpx

from tests.conftest import ADMIN_TOKEN, LiveNode
from tests.federation.conftest import project, publish, sync


def invitation(node: LiveNode) -> str:
    with node.client() as c:
        r = c.post("/api/network/invitations", json={"note": "Stadt Erwitte"})
        assert r.status_code == 201, r.text
        return str(r.json()["code"])


def join(member: LiveNode, aggregator: LiveNode, **consent: str) -> httpx.Response:
    with member.client() as c:
        return c.post("/api/network/join", json={"url": aggregator.url, **consent})


def view(node: LiveNode, iri: str) -> dict[str, Any] | None:
    with node.client() as c:
        r = c.get("/api/projects/" + iri, headers={"Accept": "application/json"})
        return r.json() if r.status_code == 200 else None


def test_joining_needs_the_aggregators_consent_and_an_invitation_admits_one_node(node_factory: Callable[..., LiveNode]) -> None:
    agg = node_factory("agg", push_notifications=False, kind="aggregator")
    first, second = node_factory("first", push_notifications=False), node_factory("second", push_notifications=False)
    with agg.client(token=None) as anonymous:
        assert anonymous.post("/api/network/invitations", json={}).status_code == 401
        refused = anonymous.post("/api/network/members", json={"url": first.url, "token": "kb_x_" + "y" * 20, "invitation": "kbinv_falsch"})
        assert refused.status_code == 403 and "Einladung" in refused.json()["message"] and refused.json()["message_en"]
    wrong = join(first, agg, invitation="kbinv_" + "x" * 32)
    assert wrong.status_code == 422 and "abgelehnt" in wrong.json()["message"]
    assert agg.node.federation.harvester.peers() == [] and first.node.federation.harvester.peers() == []
    assert [t for t in first.node.tokens.list() if t["role"] == "peer"] == []  # the token it issued for nothing is revoked

    code = invitation(agg)
    joined = join(first, agg, invitation=code)
    assert joined.status_code == 200, joined.text
    (theirs,) = first.node.federation.harvester.peers()
    (ours,) = agg.node.federation.harvester.peers()
    assert theirs.node == agg.node.iri and theirs.token and ours.node == first.node.iri and ours.token
    assert agg.node.tokens.authenticate(theirs.token).role == "peer"  # each side holds a peer token of the other
    assert first.node.tokens.authenticate(ours.token).role == "peer"

    again = join(second, agg, invitation=code)  # used once
    assert again.status_code == 422 and "abgelehnt" in again.json()["message"]
    with agg.client() as c:
        (listed,) = c.get("/api/network/invitations").json()["invitations"]
    assert listed["usedBy"] == first.url and "code" not in listed
    assert join(second, agg).status_code == 400  # no consent given at all

    from click.testing import CliRunner

    from kb.cli import main

    runner = CliRunner()
    created = runner.invoke(main, ["invite", "create", "--note", "Gemeinde Zwei", "--node", agg.url, "--admin-token", ADMIN_TOKEN])
    assert created.exit_code == 0, created.output
    fresh = created.stdout.strip().splitlines()[0]
    joined_cli = runner.invoke(main, ["join", agg.url, "--invitation", fresh, "--node", second.url, "--admin-token", ADMIN_TOKEN])
    assert joined_cli.exit_code == 0 and "Beigetreten" in joined_cli.stdout, joined_cli.output
    assert second.url in [p.url for p in agg.node.federation.harvester.peers()]
    listed_cli = runner.invoke(main, ["invite", "list", "--node", agg.url, "--admin-token", ADMIN_TOKEN])
    assert "Gemeinde Zwei" in listed_cli.stdout and f"benutzt von {second.url}" in listed_cli.stdout


def test_a_member_sees_the_whole_network_through_its_aggregator(node_factory: Callable[..., LiveNode]) -> None:
    agg = node_factory("agg", push_notifications=False, kind="aggregator")
    soest = node_factory("soest", push_notifications=False, republish=False)
    wuppertal = node_factory("wuppertal", push_notifications=False, republish=False)
    for member in (soest, wuppertal):
        assert join(member, agg, adminToken=ADMIN_TOKEN).status_code == 200
    own = publish(wuppertal, project("Eigenes Projekt in Wuppertal"))
    public = publish(soest, project("Öffentlich aus Soest"))
    network_only = publish(soest, project("Nur im Netz aus Soest", visibility="network"))
    sync(agg)
    report = sync(wuppertal)
    assert report["ok"], report

    for iri in (public, network_only):
        seen = view(wuppertal, iri)
        assert seen is not None, iri
        provenance = seen["provenance"]
        assert provenance["origin"] == f"{soest.url}/node"  # verified against its origin, not the relaying aggregator
        assert provenance["receivedFrom"] == f"{agg.url}/node" and provenance["verified"] is True
    with wuppertal.client(token=None) as anonymous:
        assert anonymous.get("/api/projects/" + network_only, headers={"Accept": "application/json"}).status_code == 404
    mine = view(wuppertal, own)
    assert mine is not None and mine["provenance"]["local"] is True and mine["provenance"]["version"] == 1
    assert sync(wuppertal)["results"][0]["stored"] == 0  # nothing twice, nothing of its own back

    with wuppertal.client(token=None) as anonymous:
        nodes = anonymous.get("/api/network/nodes").json()["nodes"]
        page = anonymous.get("/netzwerk").text
    names = {x.node.settings.name for x in (agg, soest, wuppertal)}
    assert {n["name"] for n in nodes} == names
    assert {n["name"]: n["records"] for n in nodes}[soest.node.settings.name] == 1  # the public sees public records only
    assert soest.node.settings.name in page and "über einen Partner" in page and "kb peer add" not in page


def test_the_admin_joins_with_the_form_on_the_network_page(node_factory: Callable[..., LiveNode]) -> None:
    agg = node_factory("agg", push_notifications=False, kind="aggregator")
    member = node_factory("member", push_notifications=False)
    code = invitation(agg)
    with member.client(token=None, follow_redirects=False) as browser:
        signin = browser.post("/anmelden", data={"token": ADMIN_TOKEN, "weiter": "/netzwerk"}, headers={"Origin": member.url})
        assert signin.status_code == 303
        page = browser.get("/netzwerk").text
        assert "Einem Netzwerk beitreten" in page and "kb join" in page  # the admin's section, with the command line hints
        csrf = re.search(r'name="csrf" value="([^"]+)"', page)
        assert csrf is not None
        refused = browser.post("/netzwerk/beitreten", data={"url": agg.url, "einladung": "kbinv_falsch", "csrf": csrf[1]},
                               headers={"Origin": member.url})
        assert refused.status_code == 422 and "abgelehnt" in refused.text
        done = browser.post("/netzwerk/beitreten", data={"url": agg.url, "einladung": code, "csrf": csrf[1]},
                            headers={"Origin": member.url})
        assert done.status_code == 200 and "Beigetreten" in done.text and agg.node.settings.name in done.text
    with member.client(token=None) as anonymous:
        public_page = anonymous.get("/netzwerk").text
    assert "Einem Netzwerk beitreten" not in public_page and "kb join" not in public_page
    assert [p.node for p in member.node.federation.harvester.peers()] == [agg.node.iri]
