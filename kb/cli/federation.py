"""Commands for the federation: peers, sync, status, and the local demo federation."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from kb.cli import main
from kb.cli.options import admin_api

_NODE_OPTION = click.option("--node", "node_url", envvar="KB_NODE_URL", default="http://127.0.0.1:8000", show_default=True,
                            help="Base URL of the running node to act on [KB_NODE_URL].")
_ADMIN_OPTION = click.option("--admin-token", envvar="KB_ADMIN_TOKEN", default=None, help="Admin token of that node [KB_ADMIN_TOKEN].")


@main.group()
def peer() -> None:
    """Partnerknoten verwalten / manage the peers a running node harvests."""


@peer.command("add")
@click.argument("url")
@click.option("--token", default=None, help="Peer token issued by that peer (lets us receive its 'network' records).")
@_NODE_OPTION
@_ADMIN_OPTION
def peer_add(url: str, token: str | None, node_url: str, admin_token: str | None) -> None:
    """Einen Partnerknoten hinzufügen und seinen Schlüssel festhalten / add a peer and pin its key."""
    body: dict[str, Any] = {"url": url}
    if token:
        body["token"] = token
    status = admin_api(node_url, admin_token, "POST", "/api/peers", json=body)
    click.echo(f"Partner „{status['name']}“ ({status['url']}) hinzugefügt; Schlüssel festgehalten. Kennung: {status['id']}")


@peer.command("remove")
@click.argument("peer_id")
@_NODE_OPTION
@_ADMIN_OPTION
def peer_remove(peer_id: str, node_url: str, admin_token: str | None) -> None:
    """Einen Partnerknoten entfernen (übernommene Einträge bleiben)."""
    admin_api(node_url, admin_token, "DELETE", f"/api/peers/{peer_id}")
    click.echo(f"Partner {peer_id} entfernt.")


@main.command()
@click.option("--peer", "peer_id", default=None, help="Only this peer (its id from `kb peers`).")
@_NODE_OPTION
@_ADMIN_OPTION
def sync(peer_id: str | None, node_url: str, admin_token: str | None) -> None:
    """Jetzt mit allen Partnern abgleichen / run a harvest round now and show what happened."""
    params = {"peer": peer_id} if peer_id else None
    report = admin_api(node_url, admin_token, "POST", "/api/peers/sync", params=params)
    for r in report["results"]:
        mark = "✓" if r["ok"] else "✗"
        line = (f"{mark} {r['peer']}: {r['stored']} neu, {r['skipped']} übersprungen, {r['quarantined']} in Quarantäne, "
                f"{r['pages']} Seiten, {r['seconds']:.1f} s")
        click.echo(line + (f" – {r['error']}" if r["error"] else ""))
    if not report["results"]:
        click.echo("Keine Partnerknoten eingetragen.")
    if not report["ok"]:
        sys.exit(1)


@main.command()
@_NODE_OPTION
@_ADMIN_OPTION
def peers(node_url: str, admin_token: str | None) -> None:
    """Partnerknoten und ihr Abgleichstatus / peers and their sync status as a table."""
    data = admin_api(node_url, admin_token, "GET", "/api/peers")
    rows = [("Kennung", "Name", "Land", "Zustand", "Letzter Abgleich", "Position", "Empfangen", "Quarantäne", "Letzter Fehler")]
    for p in data["peers"]:
        rows.append((p["id"], p["name"], p["bundesland"], p["state"], (p["lastSuccess"] or "–")[:19], str(p["cursor"]["position"]),
                     str(p["received"]), str(p["quarantined"]), (p["lastError"] or "")[:60]))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())


@main.command()
@click.option("--data-dir", type=click.Path(path_type=Path), default=Path("demo-data"), show_default=True,
              help="Where the demo nodes keep their data.")
@click.option("--base-port", type=int, default=8701, show_default=True, help="Port of the first node; the others follow.")
@click.option("--fresh", is_flag=True, default=False, help="Delete the demo data first and start from scratch.")
@click.option("--sync-interval", type=float, default=30.0, show_default=True, help="Seconds between harvest rounds of each node.")
@click.option("--search/--no-search", default=True, show_default=True, help="Build the search index on every node (one shared model).")
def demo(data_dir: Path, base_port: int, fresh: bool, sync_interval: float, search: bool) -> None:
    """Eine lokale Föderation starten (NRW-Kommunen, Aggregator, Knoten aus Hessen) / start a local demo federation."""
    from kb.cli.demo import run_demo

    run_demo(data_dir=data_dir, base_port=base_port, fresh=fresh, sync_interval=sync_interval, search=search)


@main.command()
@click.argument("url")
@click.option("--invitation", default=None, help="Invitation code issued by that node (`kb invite create` there).")
@click.option("--remote-admin-token", default=None, envvar="KB_REMOTE_ADMIN_TOKEN",
              help="Instead of an invitation: that node's admin token [KB_REMOTE_ADMIN_TOKEN].")
@_NODE_OPTION
@_ADMIN_OPTION
def join(url: str, invitation: str | None, remote_admin_token: str | None, node_url: str, admin_token: str | None) -> None:
    """Einem Netzwerk beitreten: beide Knoten gleichen gegenseitig ab / join the network at URL, both ways."""
    if not invitation and not remote_admin_token:
        raise click.UsageError("Bitte --invitation CODE (vom anderen Knoten) oder --remote-admin-token angeben.")
    body: dict[str, Any] = {"url": url, "invitation": invitation, "adminToken": remote_admin_token}
    result = admin_api(node_url, admin_token, "POST", "/api/network/join", json=body, timeout=120)
    peer = result["peer"]
    click.echo(f"Beigetreten: „{peer['name']}“ ({peer['url']}). Beide Knoten gleichen jetzt gegenseitig ab; "
               f"Einträge des ganzen Netzwerks kommen über diesen Knoten. Kennung: {peer['id']}")


@main.group()
def invite() -> None:
    """Einladungen für Knoten, die diesem beitreten wollen / invitation codes for nodes that join this one."""


@invite.command("create")
@click.option("--note", default="", help="For whom (shown in the list of invitations).")
@click.option("--days", type=float, default=14.0, show_default=True, help="Days the code stays valid (at most 90).")
@_NODE_OPTION
@_ADMIN_OPTION
def invite_create(note: str, days: float, node_url: str, admin_token: str | None) -> None:
    """Einen einmal gültigen Einladungscode erzeugen / create a one-time invitation code."""
    result = admin_api(node_url, admin_token, "POST", "/api/network/invitations", json={"note": note, "days": days})
    click.echo(result["code"])
    click.echo(f"Gültig bis {result['expires']}, für einen Knoten. Dort: kb join {node_url} --invitation {result['code']}", err=True)


@invite.command("list")
@_NODE_OPTION
@_ADMIN_OPTION
def invite_list(node_url: str, admin_token: str | None) -> None:
    """Einladungen dieses Knotens (ohne Codes) / this node's invitations, without their codes."""
    for inv in admin_api(node_url, admin_token, "GET", "/api/network/invitations")["invitations"]:
        used = f"benutzt von {inv['usedBy']}" if inv["usedBy"] else "offen"
        click.echo(f"{inv['id']}  {inv['created'][:16]}  bis {inv['expires'][:16]}  {used}  {inv['note']}")
