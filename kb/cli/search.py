"""Search commands: ``kb search``, ``kb similar``, ``kb reindex``, ``kb eval``."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, cast

import click

from kb.cli import main
from kb.cli.options import data_dir_option, fail, open_node, settings_from
from kb.errors import KbError
from kb.node import Node
from kb.ontology.filters import resolve_filters
from kb.search import SearchService
from kb.search.ranking import Method


def search_of(node: Node) -> SearchService:
    """The node's search part: the search commands open their nodes with search switched on."""
    if node.search is None:  # pragma: no cover - settings_from(search_enabled=True) above
        raise click.ClickException("Die Suche ist auf diesem Knoten abgeschaltet. / Search is switched off on this node.")
    return node.search


def _open_indexed(data_dir: Path | None, **overrides: Any) -> Node:
    """A node on the data directory with its search index loaded and brought up to date."""
    node = open_node(settings_from(data_dir=data_dir, search_enabled=True, **overrides))
    search_of(node).reindex_now()
    return node


def _print_hits(result: Any, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps({"query": result.query, "total": result.total, "expansion": result.expansion,
                               "suggestion": result.suggestion, "notes": result.notes,
                               "results": [{"id": h.id, "title": h.title, "score": h.score, "relevance": h.relevance, "origin": h.origin,
                                            "snippet": h.snippet.text if h.snippet else None, "why": h.why}
                                           for h in result.results]}, ensure_ascii=False, indent=2))
        return
    for note in result.notes:
        click.echo(f"Hinweis: {note}", err=True)
    if result.expansion:
        click.echo("Erweitert um: " + ", ".join(f"{e['label']} ({e['matched']})" for e in result.expansion))
    if result.suggestion:
        click.echo(f"Meinten Sie: {result.suggestion}")
    click.echo(f"{result.total} Treffer")
    for rank, hit in enumerate(result.results, 1):
        why = hit.why
        reasons = []
        if why.get("terms"):
            reasons.append("Wörter: " + ", ".join(why["terms"]))
        if why.get("concepts"):
            reasons.append("Begriffe: " + ", ".join(c["label"] for c in why["concepts"]))
        if "semantic" in why:
            reasons.append(f"Ähnlichkeit {why['semantic']:.2f}")
        click.echo(f"{rank:>3}. {hit.title} (Relevanz {round(hit.relevance * 100)} %)\n     {hit.id}\n     {'; '.join(reasons)}")


@main.command("search")
@click.argument("query")
@data_dir_option
@click.option("--limit", type=int, default=10, show_default=True)
@click.option("--method", type=click.Choice(["hybrid", "dense", "lexical"]), default="hybrid", show_default=True)
@click.option("--task-area", "task_area", default=None, help="Produktbereich (Code, Name oder Begriff).")
@click.option("--state", default=None, help="Bundesland-Code, z. B. NW.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def search_command(query: str, data_dir: Path | None, limit: int, method: Method, task_area: str | None, state: str | None,
                   as_json: bool) -> None:
    """Projekte suchen / search the catalogue (German or English)."""
    node = _open_indexed(data_dir)
    try:
        service = search_of(node)
        filters = resolve_filters(node.vocabularies, node.register, task_area=task_area, state=state)
        _print_hits(service.search(query, limit=limit, filters=filters, include_network=True, method=method), as_json)
    except KbError as exc:
        fail(exc)
    finally:
        node.close()


@main.command("similar")
@click.argument("iri")
@data_dir_option
@click.option("--limit", type=int, default=5, show_default=True)
@click.option("--other-states", is_flag=True, help="Only projects from other Bundesländer.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def similar_command(iri: str, data_dir: Path | None, limit: int, other_states: bool, as_json: bool) -> None:
    """Ähnliche Projekte / projects similar to the record IRI."""
    node = _open_indexed(data_dir)
    try:
        _print_hits(search_of(node).similar(iri, limit=limit, other_states=other_states, include_network=True), as_json)
    except KbError as exc:
        fail(exc)
    finally:
        node.close()


@main.command("reindex")
@data_dir_option
@click.option("--force", is_flag=True, help="Embed every record again (default: only what changed).")
def reindex_command(data_dir: Path | None, force: bool) -> None:
    """Den Suchindex aus dem Katalog neu aufbauen / rebuild the search index from the store."""
    node = open_node(settings_from(data_dir=data_dir, search_enabled=True))
    try:
        started = time.perf_counter()
        service = search_of(node)
        service.reindex_now(force=force)
        p = service.indexer.progress
        click.echo(f"Suchindex: {len(service.indexer.docs)} Einträge, {p.embedded} neu eingebettet, {p.reused} unverändert "
                   f"übernommen, in {time.perf_counter() - started:.1f} s.")
    finally:
        node.close()


@main.command("eval")
@click.argument("file", type=click.Path(exists=True, path_type=Path), required=False)
@data_dir_option
@click.option("--seed", is_flag=True, help="Evaluate on a temporary node holding the seed projects (the default without FILE).")
@click.option("--split", type=click.Choice(["check", "dev", "all"]), default="check", show_default=True,
              help="Which part of the query set: check (held out, report once), dev (tune on it) or all.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), default=None, help="Also write the full report as JSON.")
@click.option("--per-query", is_flag=True, help="Print nDCG@10 per query.")
def eval_command(file: Path | None, data_dir: Path | None, seed: bool, split: str, json_out: Path | None, per_query: bool) -> None:
    """Suchqualität messen / nDCG@10, Recall@10 and MRR of lexical, dense and hybrid ranking on a labelled query set.

    Without FILE: the project's query set (bench/search_queries.json), its check split, on the seed projects."""
    from kb.search.evaluation import QUERY_SET, evaluate, load_queries

    if file is None:
        if not QUERY_SET.exists():
            fail(KbError("Ohne Datei braucht kb eval einen Quellcode-Checkout (bench/search_queries.json fehlt).",
                         "Without FILE, kb eval needs a source checkout (bench/search_queries.json is missing)."))
        file, seed = QUERY_SET, seed or data_dir is None
    queries = load_queries(file, split)
    with tempfile.TemporaryDirectory(prefix="kb-eval-") as tmp:
        if seed:
            from kb.cli.node import seed_node

            node = open_node(settings_from(data_dir=Path(tmp), search_enabled=True, port=0))
            seed_node(node)
            search_of(node).reindex_now()
        else:
            node = _open_indexed(data_dir)
        try:
            service = search_of(node)
            titles = {d.iri: d.title for d in service.indexer.view.docs.values()}
            model = service.embedder.identity

            def rank(query: str, method: str) -> list[str]:
                return [h.id for h in service.search(query, limit=10, include_network=True, method=cast(Method, method),
                                                     with_facets=False).results]

            report = evaluate(queries, rank, titles)
        finally:
            node.close()
    click.echo(f"{len(queries)} Anfragen ({split}), {len(titles)} Einträge im Index, Modell {model}\n")
    click.echo(report.table())
    if per_query:
        click.echo("")
        for q in queries:
            scores = report.per_query[q.id]
            click.echo(f"{q.id:<5} " + " ".join(f"{scores[m]['ndcg']:.2f}" for m in scores) + f"  {q.query}")
    if report.unknown:
        click.echo(f"\nUnbekannte Titel/IRIs in den Bewertungen ({len(report.unknown)}):", err=True)
        for u in report.unknown:
            click.echo(f"  {u}", err=True)
    if json_out:
        json_out.write_text(json.dumps(report.as_json(), indent=2, ensure_ascii=False), encoding="utf-8")
    sys.stdout.flush()
