"""Commands for one node: serve, import, export, validate, token."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from kb.cli import main
from kb.cli.options import data_dir_option, fail, open_node, settings_from
from kb.config import NODE_KINDS
from kb.errors import KbError
from kb.search.gil import short_turns_for_good
from kb.seed import SEED_PROJECTS

__all__ = ["SEED_PROJECTS", "seed_node"]


@main.command()
@data_dir_option
@click.option("--host", default=None, help="Listen address [KB_HOST, default 127.0.0.1].")
@click.option("--port", type=int, default=None, help="Port [KB_PORT, default 8000].")
@click.option("--base-url", default=None, help="Public base URL; record IRIs live under it [KB_BASE_URL].")
@click.option("--name", default=None, help="Display name of the node [KB_NAME].")
@click.option("--operator", default=None, help="Who runs the node [KB_OPERATOR].")
@click.option("--state", default=None, help="Bundesland code of the operator, e.g. NW [KB_STATE].")
@click.option("--kind", default=None, type=click.Choice(list(NODE_KINDS)), help="Kind of participant [KB_KIND].")
@click.option("--seed/--no-seed", default=False, help="Import the seed projects (real and illustrative) at start.")
@click.option("--sync-interval", type=float, default=None, help="Seconds between harvest rounds, 0 = on demand only [KB_SYNC_INTERVAL].")
@click.option("--no-search", "no_search", is_flag=True, default=False, help="Do not build the search index [KB_SEARCH_ENABLED=false].")
@click.option("--store", "store", default=None, help="Keep the catalogue on a SPARQL 1.1 server at this URL, e.g. http://127.0.0.1:7878 [KB_STORE].")
def serve(data_dir: Path | None, host: str | None, port: int | None, base_url: str | None, name: str | None, operator: str | None,
          state: str | None, kind: str | None, seed: bool, sync_interval: float | None, no_search: bool, store: str | None) -> None:
    """Einen Knoten starten / run a node (HTTP API, Linked Data, SPARQL, web interface)."""
    settings = settings_from(data_dir=data_dir, host=host, port=port, base_url=base_url, name=name, operator=operator, state=state,
                             kind=kind, sync_interval=sync_interval, search_enabled=False if no_search else None, store=store)
    node = open_node(settings)
    if seed:
        try:
            report = seed_node(node)
        except KbError as exc:
            node.close()
            fail(exc)
        click.echo(f"Beispieldaten: {report.created} neu, {report.updated} geändert, {report.unchanged} unverändert, {len(report.failed)} fehlerhaft.")
    short_turns_for_good()  # requests beside background Python work (kb/search/gil.py)
    node.start()  # before the web application is built: the search index and the model load meanwhile
    try:
        import uvicorn

        from kb.api import create_app

        app = create_app(node)
    except BaseException:
        node.close()
        raise
    click.echo(f"kb-Knoten „{settings.name}“ läuft unter {node.base_url}  (API-Dokumentation: {node.base_url}/docs)")
    try:
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", access_log=False)
    finally:
        node.close()


def seed_node(node: Any, files: list[Path] | None = None, predicate: Any = None) -> Any:
    """Import the seed projects (optionally only those ``predicate`` accepts) as the admin.

    Names in the seed files are resolved by the node's register first; one that does not resolve
    raises ``SeedDataError`` before anything is written.
    """
    from kb.auth import Principal
    from kb.documents.seed import attach_seed_documents
    from kb.seed import load_seed_projects

    items = list(load_seed_projects(node.register, files))
    if predicate is not None:
        items = [(label, item) for label, item in items if predicate(item)]
    principal = Principal("admin", "seed", "Beispieldaten")
    report = node.publisher.import_items(principal, items)
    if files is None or SEED_PROJECTS in files:  # the shipped seed: with its generated example documents
        attach_seed_documents(node.documents, node.catalog, principal)
    return report


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@data_dir_option
@click.option("--base-url", default=None, help="Base URL of the node the records belong to [KB_BASE_URL].")
@click.option("--url", default=None, help="Import through a running node's API instead of the data directory.")
@click.option("--token", envvar="KB_TOKEN", default=None, help="Publisher or admin token for --url [KB_TOKEN].")
def import_(paths: tuple[Path, ...], data_dir: Path | None, base_url: str | None, url: str | None, token: str | None) -> None:
    """Projekte importieren (JSON, JSON Lines, Turtle, JSON-LD, N-Triples, RDF/XML; Dateien oder Ordner)."""
    from kb.auth import Principal
    from kb.publishing import iter_import_files

    started = time.perf_counter()
    if url:
        report = _import_via_api(url, token, list(paths))
    else:
        settings = settings_from(data_dir=data_dir, base_url=base_url)
        node = open_node(settings)
        try:
            report = node.publisher.import_items(Principal("admin", "import", "Import"), iter_import_files(paths))
            report = {"created": report.created, "updated": report.updated, "unchanged": report.unchanged, "triples": report.triples,
                      "failed": [{"item": label, "problems": problems} for label, problems in report.failed]}
        finally:
            node.close()
    elapsed = time.perf_counter() - started
    done = report["created"] + report["updated"]
    click.echo(f"{report['created']} neu, {report['updated']} geändert, {report['unchanged']} unverändert, "
               f"{len(report['failed'])} fehlerhaft in {elapsed:.1f} s ({done / elapsed if elapsed else 0:.0f} Einträge/s, "
               f"{report.get('triples', 0)} Tripel)")
    for failure in report["failed"]:
        click.echo(f"  ✗ {failure['item']}", err=True)
        for p in failure["problems"]:
            click.echo(f"      {p.get('field')}: {p.get('message')}", err=True)
    if report["failed"]:
        sys.exit(1)


def _import_via_api(url: str, token: str | None, paths: list[Path]) -> dict[str, Any]:
    import httpx

    from kb.publishing import iter_import_files

    if not token:
        raise click.UsageError("Für --url ist ein Zugangsschlüssel nötig (--token oder KB_TOKEN).")
    items = [item for _, item in iter_import_files(paths)]
    if any(not isinstance(i, dict) for i in items):
        raise click.UsageError("Über --url können nur JSON-Dateien importiert werden; RDF bitte per POST /api/projects senden.")
    total: dict[str, Any] = {"created": 0, "updated": 0, "unchanged": 0, "failed": []}
    with httpx.Client(base_url=url.rstrip("/"), headers={"Authorization": f"Bearer {token}"}, timeout=120) as client:
        for start in range(0, len(items), 200):
            response = client.post("/api/import", json=items[start:start + 200])
            if response.status_code >= 400:
                raise click.ClickException(f"{response.status_code}: {response.json().get('message', response.text)}")
            part = response.json()
            for key in ("created", "updated", "unchanged"):
                total[key] += part[key]
            total["failed"].extend(part["failed"])
    return total


@main.command()
@data_dir_option
@click.option("--format", "fmt", type=click.Choice(["trig", "nquads", "jsonl"]), default="trig", show_default=True)
@click.option("--out", "out", type=click.Path(path_type=Path), default=None, help="File to write (default: standard output).")
@click.option("--include-network/--public-only", default=True, help="Include records of visibility 'network'.")
def export(data_dir: Path | None, fmt: str, out: Path | None, include_network: bool) -> None:
    """Den Katalog exportieren / export all current records (TriG, N-Quads or JSON Lines)."""
    from pyoxigraph import NamedNode, Quad, RdfFormat

    from kb.ontology.namespaces import PREFIXES
    from kb.ontology.rdfio import serialize as rdf_bytes

    node = open_node(settings_from(data_dir=data_dir))
    stream = out.open("wb") if out else sys.stdout.buffer
    try:
        count = 0
        quads: list[Quad] = []
        for iri in node.catalog.iter_live_records(include_network=include_network):
            stored = node.catalog.get(iri)
            if stored is None:
                continue
            count += 1
            if fmt == "jsonl":
                stream.write(json.dumps(node.project_view(stored), ensure_ascii=False).encode() + b"\n")
            else:
                quads.extend(Quad(t.subject, t.predicate, t.object, NamedNode(iri)) for t in stored.triples)
        if fmt != "jsonl":
            stream.write(rdf_bytes(quads, format=RdfFormat.TRIG if fmt == "trig" else RdfFormat.N_QUADS,
                                   prefixes=PREFIXES if fmt == "trig" else None))
        stream.flush()
        click.echo(f"{count} Einträge exportiert.", err=True)
    finally:
        if out:
            stream.close()
        node.close()


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def validate(paths: tuple[Path, ...]) -> None:
    """Dateien prüfen, ohne sie zu speichern / validate files against the shapes (exit 1 if invalid)."""
    from kb.node import shared_register, shared_validator, shared_vocabularies
    from kb.ontology.records import RecordMapper
    from kb.ontology.validation import errors_only
    from kb.publishing import Publisher, iter_import_files

    mapper = RecordMapper(shared_register(), shared_vocabularies())
    publisher = Publisher(None, mapper, shared_validator(), base_url="http://localhost", max_triples=2000)  # type: ignore[arg-type]
    bad = good = 0
    for label, item in iter_import_files(paths):
        try:
            graph = publisher.graph_for_item(item)
            problems = publisher.validate([graph]).get(graph.iri, [])
        except KbError as exc:
            problems = getattr(exc, "violations", None) or []
            if not problems:
                click.echo(f"✗ {label}: {exc.message}")
                bad += 1
                continue
        errors = errors_only(problems)
        if errors:
            bad += 1
            click.echo(f"✗ {label}")
        else:
            good += 1
            click.echo(f"✓ {label}")
        for v in problems:
            mark = "Fehler" if v.severity == "violation" else "Hinweis"
            click.echo(f"    {mark} {v.field}: {v.message}")
    click.echo(f"{good} gültig, {bad} ungültig.")
    if bad:
        sys.exit(1)


@main.group()
def token() -> None:
    """Zugangsschlüssel verwalten / manage publisher and peer tokens."""


@token.command("create")
@click.option("--name", required=True, help="Who the token is for, e.g. 'Stadt Erwitte, Standesamt'.")
@click.option("--role", type=click.Choice(["publisher", "peer", "admin"]), default="publisher", show_default=True)
@data_dir_option
def token_create(name: str, role: str, data_dir: Path | None) -> None:
    """Einen Zugangsschlüssel erzeugen (wird nur einmal angezeigt) / create a token (shown once)."""
    from kb.auth import TokenStore

    settings = settings_from(data_dir=data_dir)
    secret, info = TokenStore(settings.data_dir / "tokens.json").create(name, role)  # type: ignore[arg-type]
    click.echo(secret)
    click.echo(f"Zugangsschlüssel {info['id']} ({role}) für „{name}“ erstellt. Bitte sicher aufbewahren: er wird nicht noch einmal angezeigt.", err=True)


@token.command("list")
@data_dir_option
def token_list(data_dir: Path | None) -> None:
    """Zugangsschlüssel auflisten (ohne Geheimnis)."""
    from kb.auth import TokenStore

    for entry in TokenStore(settings_from(data_dir=data_dir).data_dir / "tokens.json").list():
        click.echo(f"{entry['id']}  {entry['role']:<9}  {entry['created']}  {entry['name']}")


@token.command("revoke")
@click.argument("token_id")
@data_dir_option
def token_revoke(token_id: str, data_dir: Path | None) -> None:
    """Einen Zugangsschlüssel widerrufen."""
    from kb.auth import TokenStore

    try:
        TokenStore(settings_from(data_dir=data_dir).data_dir / "tokens.json").revoke(token_id)
    except KbError as exc:
        fail(exc)
    click.echo(f"Zugangsschlüssel {token_id} widerrufen.")
