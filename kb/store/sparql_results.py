"""SPARQL answers as bytes, capped in rows and in bytes.

Runs in the query worker (``sparql_worker``): rows are serialised one at a time and counted, so an
answer stops at a row boundary as soon as it would pass ``max_rows`` rows or ``max_bytes`` bytes,
and a single huge value (a 100 MB ``GROUP_CONCAT``) never becomes a 100 MB answer. When not even
one row fits, the caller is told so (``AnswerTooLarge``) instead of getting an empty answer.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, QueryTriples, RdfFormat, Triple

from kb.ontology.namespaces import PREFIXES
from kb.ontology.rdfio import serialize

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
    truncated: str | None = None
    """Why the answer was cut: ``"rows"`` (over the row cap), ``"bytes"`` (over the byte cap), or None."""


class AnswerTooLarge(Exception):
    """Not even the first row (or triple) of the answer fits into the byte cap."""


def answer(result: QueryBoolean | QuerySolutions | QueryTriples, *, result_format: str, graph_format: str,
           max_rows: int, max_bytes: int) -> SparqlAnswer:
    """Serialise a query result in the requested format, within both caps."""
    if isinstance(result, QueryBoolean):
        return _boolean(bool(result), result_format)
    if isinstance(result, QueryTriples):
        return graph_answer(result, graph_format, max_rows, max_bytes)
    return _solutions(result, result_format, max_rows, max_bytes)


def graph_answer(result: Iterable[Triple], graph_format: str, max_rows: int, max_bytes: int) -> SparqlAnswer:
    """The triples of a CONSTRUCT or DESCRIBE answer in ``graph_format``, within both caps."""
    media, fmt = GRAPH_TYPES.get(graph_format, GRAPH_TYPES["turtle"])
    triples: list[Triple] = []
    size = 0
    truncated = None
    for triple in result:
        size += len(str(triple).encode()) + 3  # its N-Triples form; Turtle is shorter, JSON-LD/RDF-XML checked below
        if size > max_bytes:
            truncated = "bytes"
            break
        triples.append(triple)
        if len(triples) >= max_rows:
            truncated = "rows"
            break
    body = serialize(triples, format=fmt, prefixes=PREFIXES if fmt == RdfFormat.TURTLE else None)
    while len(body) > max_bytes and triples:  # the verbose formats: drop the last tenth until it fits
        triples = triples[: len(triples) * 9 // 10]
        truncated = "bytes"
        body = serialize(triples, format=fmt, prefixes=PREFIXES if fmt == RdfFormat.TURTLE else None)
    if truncated == "bytes" and not triples:
        raise AnswerTooLarge()
    return SparqlAnswer(body, media, truncated)


def _solutions(result: QuerySolutions, fmt: str, max_rows: int, max_bytes: int) -> SparqlAnswer:
    variables = [v.value for v in result.variables]
    head, rows, separator, tail = _FORMATS[fmt](variables)
    parts = [head]
    size = len(head) + len(tail)
    count = 0
    truncated = None
    for row in rows([solution[v] for v in variables] for solution in result):
        if count >= max_rows:
            truncated = "rows"
            break
        piece = (separator if count else b"") + row
        size += len(piece)
        if size > max_bytes:
            truncated = "bytes"
            break
        parts.append(piece)
        count += 1
    if truncated == "bytes" and count == 0:
        raise AnswerTooLarge()
    parts.append(tail)
    return SparqlAnswer(b"".join(parts), RESULT_TYPES[fmt], truncated)


Rows = Iterable[list[object]]
Format = tuple[bytes, Callable[[Rows], Iterator[bytes]], bytes, bytes]
"""Head, the rows one by one, the separator between rows, and the tail of an answer."""


def _json(variables: list[str]) -> Format:
    head = json.dumps({"head": {"vars": variables}}, ensure_ascii=False)[:-1] + ', "results": {"bindings": ['

    def rows(values: Rows) -> Iterator[bytes]:
        for row in values:
            binding = {v: b for v, t in zip(variables, row, strict=True) if (b := _term_json(t)) is not None}
            yield json.dumps(binding, ensure_ascii=False).encode()

    return head.encode(), rows, b", ", b"]}}"


def _xml(variables: list[str]) -> Format:
    head = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    head += [f"<variable name={quoteattr(v)}/>" for v in variables]
    head.append("</head>\n<results>")

    def rows(values: Rows) -> Iterator[bytes]:
        for row in values:
            out = ["<result>"]
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
            yield "\n".join(out).encode()

    return ("\n".join(head) + "\n").encode(), rows, b"\n", b"\n</results>\n</sparql>\n"


def _csv(variables: list[str]) -> Format:
    def line(values: list[str]) -> bytes:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerow(values)
        return buffer.getvalue().encode()

    def rows(values: Rows) -> Iterator[bytes]:
        for row in values:
            yield line(["" if t is None else t.value for t in row])  # type: ignore[attr-defined]

    return line(variables), rows, b"", b""


def _tsv(variables: list[str]) -> Format:
    def rows(values: Rows) -> Iterator[bytes]:
        for row in values:
            yield ("\t".join("" if t is None else str(t) for t in row) + "\n").encode()

    return ("\t".join("?" + v for v in variables) + "\n").encode(), rows, b"", b""


_FORMATS = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}


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


def _boolean(value: bool, fmt: str) -> SparqlAnswer:
    if fmt == "xml":
        body = f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean>{str(value).lower()}</boolean></sparql>\n'
        return SparqlAnswer(body.encode(), RESULT_TYPES["xml"])
    if fmt in ("csv", "tsv"):
        return SparqlAnswer(("true" if value else "false").encode() + b"\n", RESULT_TYPES[fmt])
    return SparqlAnswer(json.dumps({"head": {}, "boolean": value}).encode(), RESULT_TYPES["json"])
