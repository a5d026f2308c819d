"""``kb demo``: a small federation on loopback, in one process, each node its own HTTP server.

Topology (ports from ``--base-port``)::

    Stadt Wuppertal ─┐                      (Bergisches Städtedreieck, Reg.-Bez. Düsseldorf)
    Rhein-Sieg-Kreis ┤                      (Region Köln/Bonn, Reg.-Bez. Köln)
    Kreis Soest ─────┼──► Städte- und Gemeindebund NRW ◄──► Hessischer Städte- und Gemeindebund
    Kreis Lippe ─────┘    (aggregator, re-publishes)        (out of state; harvests the aggregator,
                                                             which harvests it back)

Seed projects go to the node of their region (AGS of the lead: 051 Düsseldorf, 053 Köln,
055/059 Münster/Arnsberg, 057 Detmold); projects from other Länder go to the Hessian node, those
without an official key to the aggregator. Keys, tokens and IRIs are stable, so a restart
imports nothing twice.
"""

from __future__ import annotations

import logging
import secrets
import shutil
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from kb.errors import KbError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoNode:
    slug: str
    name: str
    operator: str
    state: str
    kind: str
    regions: tuple[str, ...]
    """AGS prefixes (Regierungsbezirke) whose projects this node publishes; '*' = other Länder; '-' = no AGS."""


TOPOLOGY = (
    DemoNode("wuppertal", "Stadt Wuppertal", "Stadt Wuppertal – Bergisches Städtedreieck", "NW", "municipality", ("051",)),
    DemoNode("rhein-sieg", "Rhein-Sieg-Kreis", "Rhein-Sieg-Kreis – Region Köln/Bonn", "NW", "municipality", ("053",)),
    DemoNode("soest", "Kreis Soest", "Kreis Soest – Standesamtverbund Hellweg", "NW", "municipality", ("059", "055")),
    DemoNode("lippe", "Kreis Lippe – Smart Region Nordlippe", "Kreis Lippe / LEADER-Region Nordlippe", "NW", "smart-city", ("057",)),
    DemoNode("stgb-nrw", "Städte- und Gemeindebund NRW", "Städte- und Gemeindebund Nordrhein-Westfalen e. V.", "NW", "aggregator", ("-",)),
    DemoNode("hessen", "Hessischer Städte- und Gemeindebund", "Hessischer Städte- und Gemeindebund e. V.", "HE", "aggregator", ("*",)),
)
AGGREGATOR = "stgb-nrw"
OUT_OF_STATE = "hessen"


def region_of(item: dict[str, Any]) -> str:
    """'*' for projects of other Länder, the lead's Regierungsbezirk prefix, or '-' without AGS."""
    if str(item.get("state", "NW")).upper() != "NW":
        return "*"
    candidates = [item.get("lead"), *(item.get("participants") or [])]
    for c in candidates:
        if isinstance(c, str) and c.isdigit() and len(c) == 8:
            return c[:3]
    return "-"


def owner_of(item: dict[str, Any]) -> str:
    region = region_of(item)
    for spec in TOPOLOGY:
        if region in spec.regions:
            return spec.slug
    return AGGREGATOR


class ServedNode:
    """A node and its uvicorn server in a thread of this process."""

    def __init__(self, settings: Any) -> None:
        import uvicorn

        from kb.api import create_app
        from kb.node import Node

        try:
            self.node = Node(settings)
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise click.ClickException(
                    f"{settings.data_dir} wird schon von einem laufenden Knoten benutzt (läuft die Demo bereits?)."
                ) from None
            raise
        self.url = self.node.base_url
        config = uvicorn.Config(create_app(self.node), host=settings.host, port=settings.port, log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name=f"kb-serve-{settings.port}", daemon=True)

    def start(self) -> ServedNode:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise click.ClickException(f"Server {self.url} startet nicht (Port belegt?)")
            time.sleep(0.02)
        self.node.start()
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        if self.thread.ident is not None:
            self.thread.join(timeout=10)
        self.node.close()


def _admin_token(data_dir: Path) -> str:
    path = data_dir / "admin-token"
    if path.exists():
        return path.read_text().strip()
    token = "demo-" + secrets.token_urlsafe(18)
    path.write_text(token + "\n")
    path.chmod(0o600)
    return token


def _peer_token(harvested: ServedNode, harvester_name: str) -> str:
    secret, _info = harvested.node.tokens.create(f"Peer: {harvester_name}", "peer")
    return secret


def connect(harvester: ServedNode, harvested: ServedNode) -> None:
    """``harvester`` harvests ``harvested`` with a peer token (idempotent across restarts)."""
    from kb.federation.peers import peer_id_for

    fed = harvester.node.federation
    if fed.harvester.peer(peer_id_for(harvested.url)) is not None:
        return
    fed.add_peer(harvested.url, _peer_token(harvested, harvester.node.settings.name))


def _log_to_file(path: Path) -> None:
    """The demo's console shows the overview and problems; the full log goes to a file."""
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler):
            handler.setLevel(logging.WARNING)
    file_handler = logging.FileHandler(path, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(file_handler)
    click.echo(f"Protokoll: {path}")


def run_demo(*, data_dir: Path, base_port: int, fresh: bool, sync_interval: float, search: bool) -> None:
    from kb.cli.node import SEED_PROJECTS, seed_node
    from kb.config import Settings
    from kb.seed import SEED_BOERSE

    logging.getLogger("httpx").setLevel(logging.WARNING)
    if fresh and data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    _log_to_file(data_dir / "demo.log")
    admin = _admin_token(data_dir)
    started = time.perf_counter()
    nodes: dict[str, ServedNode] = {}
    try:
        for i, spec in enumerate(TOPOLOGY):
            settings = Settings.model_validate({
                "data_dir": data_dir / spec.slug, "host": "127.0.0.1", "port": base_port + i, "name": spec.name,
                "operator": spec.operator, "state": spec.state, "kind": spec.kind, "admin_token": admin,
                "sync_interval": sync_interval, "search_enabled": search,
                "outbound_allow_networks": "127.0.0.0/8",  # the demo federation runs on loopback
            })
            nodes[spec.slug] = ServedNode(settings)
        seeded = 0
        for slug, served in nodes.items():
            try:
                report = seed_node(served.node, [SEED_PROJECTS, SEED_BOERSE], lambda item, slug=slug: owner_of(item) == slug)
            except KbError as exc:
                raise click.ClickException(exc.message) from exc
            seeded += report.created + report.updated
            for label, problems in report.failed:
                click.echo(f"  ✗ {label}: {problems[0].get('message') if problems else ''}", err=True)
        click.echo(f"Beispieldaten geladen ({seeded} neu oder geändert) in {time.perf_counter() - started:.1f} s.")
        for served in nodes.values():
            served.start()
        aggregator, outside = nodes[AGGREGATOR], nodes[OUT_OF_STATE]
        for slug, served in nodes.items():
            if slug != AGGREGATOR:
                connect(aggregator, served)
        connect(outside, aggregator)
        _initial_sync(nodes)
        _print_overview(nodes, admin, time.perf_counter() - started, sync_interval)
        _wait_for_interrupt()
    finally:
        click.echo("\nFöderation wird beendet …")
        _stop_all(list(nodes.values()))


def _stop_all(nodes: list[ServedNode]) -> None:
    """Stop all servers at once, then close every node (in parallel: each waits for its threads)."""
    from concurrent.futures import ThreadPoolExecutor

    for served in nodes:
        served.server.should_exit = True

    def stop(served: ServedNode) -> None:
        try:
            served.stop()
        except Exception:  # pragma: no cover - best effort on shutdown
            log.exception("stopping %s failed", served.url)

    with ThreadPoolExecutor(max_workers=len(nodes) or 1) as pool:
        list(pool.map(stop, nodes))


def _initial_sync(nodes: dict[str, ServedNode]) -> None:
    aggregator = nodes[AGGREGATOR].node.federation
    outside = nodes[OUT_OF_STATE].node.federation
    for fed in (aggregator, outside, aggregator, outside):
        for result in fed.sync():
            if not result.ok:
                click.echo(f"  ! Abgleich {result.peer}: {result.error}", err=True)


KIND_LABELS = {"municipality": "Kommune", "smart-city": "Smart City", "aggregator": "Verband", "state": "Land", "other": "Sonstige"}


def _print_overview(nodes: dict[str, ServedNode], admin: str, seconds: float, interval: float) -> None:
    click.echo("")
    click.echo(f"Föderation läuft – alles abgeglichen nach {seconds:.1f} s.")
    click.echo("")
    click.echo(f"  {'Knoten':<40} {'Art':<13} {'Land':<4} {'Einträge':>8}  Adresse")
    for served in nodes.values():
        s = served.node.settings
        count = served.node.catalog.count(include_network=True)
        click.echo(f"  {s.name:<40} {KIND_LABELS.get(s.kind, s.kind):<13} {s.state:<4} {count:>8}  {served.url}")
    agg, out = nodes[AGGREGATOR], nodes[OUT_OF_STATE]
    click.echo("")
    click.echo(f"  Im Browser öffnen (Aggregator):        {agg.url}/")
    click.echo(f"  Admin-Zugangsschlüssel (alle Knoten): {admin}")
    click.echo(f"  Ereignisstrom des Aggregators:         {agg.url}/ldes")
    click.echo(f"  Partnerstatus:                         kb peers --node {out.url} --admin-token {admin}")
    click.echo(f"  Sofort abgleichen:                     kb sync --node {agg.url} --admin-token {admin}")
    click.echo(f"  Abgleich alle {interval:.0f} s, Änderungen werden zusätzlich per Benachrichtigung angestoßen.")
    click.echo("  Beenden mit Strg+C.")


def _wait_for_interrupt() -> None:
    stop = threading.Event()

    def handler(signum: int, frame: Any) -> None:
        stop.set()

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not stop.wait(0.5):
            pass
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
