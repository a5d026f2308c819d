"""Read-only SPARQL over the catalogue, with a time limit, a row cap and a concurrency cap.

Oxigraph releases the GIL while it evaluates, so a query runs in a worker thread and the caller
waits at most ``timeout`` seconds. A query past its time is answered with 503; its thread keeps a
slot of the concurrency cap until it ends (row iteration stops at once), so runaway queries can
never take more than ``concurrency`` cores. Only current records the caller may see are visible;
the private graphs (change log, peer state, tokens) never are.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, QueryTriples, RdfFormat

from kb.errors import Busy, QueryRefused
from kb.ontology.namespaces import PREFIXES
from kb.ontology.rdfio import serialize
from kb.store.oxigraph import RECORDS_GRAPH, OxigraphCatalog

RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {
    "turtle": ("text/turtle", RdfFormat.TURTLE),
    "ntriples": ("application/n-triples", RdfFormat.N_TRIPLES),
    "jsonld": ("application/ld+json", RdfFormat.JSON_LD),
    "rdfxml": ("application/rdf+xml", RdfFormat.RDF_XML),
}


@dataclass(frozen=True)
class SparqlAnswer:
    body: bytes
    media_type: str
    truncated: bool = False


class SparqlService:
    def __init__(self, catalog: OxigraphCatalog, *, timeout: float, max_rows: int, concurrency: int) -> None:
        self.catalog = catalog
        self.timeout = timeout
        self.max_rows = max_rows
        self._slots = threading.BoundedSemaphore(concurrency)
        self._visible_cache: dict[bool, tuple[int, list[NamedNode]]] = {}

    def visible_graphs(self, include_network: bool) -> list[NamedNode]:
        seq = self.catalog.last_seq
        cached = self._visible_cache.get(include_network)
        if cached and cached[0] == seq:
            return cached[1]
        graphs = [NamedNode(iri) for iri in self.catalog.iter_live_records(include_network=include_network)]
        self._visible_cache[include_network] = (seq, graphs)
        return graphs

    def run(
        self,
        query: str,
        *,
        result_format: str = "json",
        graph_format: str = "turtle",
        include_network: bool = False,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
    ) -> SparqlAnswer:
        if not query.strip():
            raise QueryRefused("Die Abfrage ist leer.", "The query is empty.")
        graphs = self.visible_graphs(include_network)
        allowed = {g.value for g in graphs}
        default = [NamedNode(u) for u in default_graph_uris if u in allowed] if default_graph_uris else graphs
        # Provenance (kbm:records) lists every record, network-only ones too: members of the network only.
        if include_network:
            allowed.add(RECORDS_GRAPH.value)
        named = [NamedNode(u) for u in named_graph_uris if u in allowed] if named_graph_uris else [NamedNode(u) for u in allowed]
        if not self._slots.acquire(timeout=0.5):
            raise Busy(
                "Der SPARQL-Dienst ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.",
                "The SPARQL service is busy. Please try again shortly.",
            )
        cancelled = threading.Event()
        future: Future[SparqlAnswer] = Future()

        def work() -> None:
            try:
                future.set_result(self._evaluate(query, default, named, result_format, graph_format, cancelled))
            except BaseException as exc:  # handed to the waiting caller
                future.set_exception(exc)
            finally:
                self._slots.release()

        threading.Thread(target=work, name="sparql-query", daemon=True).start()
        try:
            return future.result(timeout=self.timeout)
        except TimeoutError:
            cancelled.set()
            raise Busy(
                f"Die Abfrage hat das Zeitlimit von {self.timeout:g} Sekunden überschritten. Bitte schränken Sie sie ein (z. B. mit LIMIT).",
                f"The query exceeded the time limit of {self.timeout:g} seconds. Please narrow it (e.g. with LIMIT).",
            ) from None

    def _evaluate(
        self, query: str, default: list[NamedNode], named: list[NamedNode], result_format: str, graph_format: str, cancelled: threading.Event
    ) -> SparqlAnswer:
        try:
            result = self.catalog.store.query(
                query, default_graph=list(default or [RECORDS_GRAPH]), named_graphs=list(named), prefixes=PREFIXES  # type: ignore[arg-type]
            )
        except SyntaxError as exc:
            text = str(exc)
            if any(word in query.upper() for word in ("INSERT", "DELETE", "DROP", "CLEAR", "LOAD", "CREATE")) and "update" not in text.lower():
                text = f"{text} (Änderungen per SPARQL Update sind hier nicht erlaubt / updates are not allowed)"
            raise QueryRefused(
                f"Die Abfrage ist keine gültige lesende SPARQL-Abfrage: {text}",
                f"Not a valid read-only SPARQL query: {text}",
            ) from None
        if isinstance(result, QueryBoolean):
            return _boolean(bool(result), result_format)
        if isinstance(result, QueryTriples):
            media, fmt = GRAPH_TYPES.get(graph_format, GRAPH_TYPES["turtle"])
            triples = []
            for t in result:
                if cancelled.is_set():
                    break
                triples.append(t)
                if len(triples) >= self.max_rows:
                    break
            return SparqlAnswer(serialize(triples, format=fmt, prefixes=PREFIXES if fmt == RdfFormat.TURTLE else None), media,
                                truncated=len(triples) >= self.max_rows)
        assert isinstance(result, QuerySolutions)
        variables = [v.value for v in result.variables]
        rows: list[list[object]] = []
        truncated = False
        for solution in result:
            if cancelled.is_set():
                break
            if len(rows) >= self.max_rows:
                truncated = True
                break
            rows.append([solution[v] for v in variables])
        return SparqlAnswer(_solutions(variables, rows, result_format), RESULT_TYPES[result_format], truncated)


def _term_json(term: object) -> dict[str, str] | None:
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def _solutions(variables: list[str], rows: list[list[object]], fmt: str) -> bytes:
    if fmt == "json":
        bindings = [{v: b for v, t in zip(variables, row, strict=True) if (b := _term_json(t)) is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head>\n<results>")
        for row in rows:
            out.append("<result>")
            for v, t in zip(variables, row, strict=True):
                j = _term_json(t)
                if j is None:
                    continue
                if j["type"] == "uri":
                    inner = f"<uri>{escape(j['value'])}</uri>"
                elif j["type"] == "bnode":
                    inner = f"<bnode>{escape(j['value'])}</bnode>"
                else:
                    attrs = f" xml:lang={quoteattr(j['xml:lang'])}" if "xml:lang" in j else (f" datatype={quoteattr(j['datatype'])}" if "datatype" in j else "")
                    inner = f"<literal{attrs}>{escape(j['value'])}</literal>"
                out.append(f"<binding name={quoteattr(v)}>{inner}</binding>")
            out.append("</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode()
    buffer = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow(["" if t is None else t.value for t in row])  # type: ignore[attr-defined]
    else:
        buffer.write("\t".join("?" + v for v in variables) + "\n")
        for row in rows:
            buffer.write("\t".join("" if t is None else str(t) for t in row) + "\n")
    return buffer.getvalue().encode()


def _boolean(value: bool, fmt: str) -> SparqlAnswer:
    if fmt == "xml":
        body = f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean>{str(value).lower()}</boolean></sparql>\n'
        return SparqlAnswer(body.encode(), RESULT_TYPES["xml"])
    if fmt in ("csv", "tsv"):
        return SparqlAnswer(("true" if value else "false").encode() + b"\n", RESULT_TYPES[fmt])
    return SparqlAnswer(json.dumps({"head": {}, "boolean": value}).encode(), RESULT_TYPES["json"])
