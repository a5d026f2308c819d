"""Reading and writing RDF safely: formats, limits, and the errors people see.

Input is parsed by pyoxigraph (fast, no network: remote JSON-LD contexts are refused), and a parse
error reports line and column. Before that, :func:`check_input` refuses what a parser must never
see: nesting deeper than ``KB_MAX_NESTING`` in any format (:mod:`kb.ontology.nesting`), JSON-LD
that :mod:`kb.ontology.safejson` refuses, and RDF/XML that is not UTF-8 or has a DOCTYPE or any
other ``<!`` declaration anywhere in the document (pyoxigraph expands internal entities, even
from a DOCTYPE in the middle of a document).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pyoxigraph import BlankNode, NamedNode, Quad, RdfFormat, Triple, parse
from pyoxigraph import serialize as _serialize

from kb.errors import BadRequest, MalformedRdf, TooLarge, Unsupported
from kb.ontology import safejson
from kb.ontology.namespaces import PREFIXES
from kb.ontology.nesting import BadText, check_depth


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    rdf: RdfFormat | None
    extension: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", "text/turtle", RdfFormat.TURTLE, "ttl"),
        Format("jsonld", "application/ld+json", RdfFormat.JSON_LD, "jsonld"),
        Format("ntriples", "application/n-triples", RdfFormat.N_TRIPLES, "nt"),
        Format("rdfxml", "application/rdf+xml", RdfFormat.RDF_XML, "rdf"),
        Format("trig", "application/trig", RdfFormat.TRIG, "trig"),
        Format("nquads", "application/n-quads", RdfFormat.N_QUADS, "nq"),
    )
}
MEDIA_TYPES: dict[str, Format] = {f.media_type: f for f in FORMATS.values()}
MEDIA_TYPES.update(
    {
        "application/x-turtle": FORMATS["turtle"],
        "text/n3": FORMATS["turtle"],
        "text/plain": FORMATS["ntriples"],
        "application/xml": FORMATS["rdfxml"],
        "text/xml": FORMATS["rdfxml"],
        "application/x-trig": FORMATS["trig"],
    }
)
RDF_MEDIA_TYPES = tuple(MEDIA_TYPES)

_DECLARATION = re.compile(rb"<!(?!--|\[CDATA\[)")
"""Any ``<!`` that does not open a comment or CDATA: DOCTYPE, ENTITY, and whatever else declares."""
_TURTLE_FAMILY = {RdfFormat.TURTLE: ("turtle", "Turtle"), RdfFormat.TRIG: ("turtle", "TriG"),
                  RdfFormat.N_TRIPLES: ("ntriples", "N-Triples"), RdfFormat.N_QUADS: ("ntriples", "N-Quads")}


def serialize(items: Any, **kwargs: Any) -> bytes:
    """pyoxigraph's serialize into memory (which always gives bytes when no output is named)."""
    out = _serialize(items, **kwargs)
    assert out is not None
    return out


def format_for_media_type(media_type: str) -> Format:
    base = media_type.split(";", 1)[0].strip().lower()
    found = MEDIA_TYPES.get(base)
    if found is None:
        raise Unsupported(
            f"Das Format „{base}“ wird nicht unterstützt. Möglich sind JSON, Turtle, JSON-LD, N-Triples, RDF/XML.",
            f"Unsupported media type '{base}'. Use JSON, Turtle, JSON-LD, N-Triples or RDF/XML.",
        )
    return found


def check_input(data: bytes, rdf: RdfFormat, *, max_depth: int | None = None) -> None:
    """Refuse a document no parser may see (too deep, bad text, XML declarations); see the module doc.

    Every RDF input goes through here: :func:`parse_rdf` (API bodies, web forms, ``kb import``) and
    :func:`kb.federation.pages.read_page` (peers' pages). The errors are ``BadRequest`` (400).
    """
    if rdf == RdfFormat.JSON_LD:
        safejson.check(data, "JSON-LD", max_depth=max_depth)
    elif rdf == RdfFormat.RDF_XML:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadText(
                f"RDF/XML wird nur in UTF-8 angenommen (ungültiges Byte an Stelle {exc.start + 1}).",
                f"RDF/XML is accepted in UTF-8 only (invalid byte at position {exc.start + 1}).",
            ) from None
        if _DECLARATION.search(data):
            raise BadRequest(
                "RDF/XML mit DOCTYPE- oder ENTITY-Deklarationen wird aus Sicherheitsgründen nicht angenommen.",
                "RDF/XML with DOCTYPE or ENTITY declarations is refused for security reasons.",
            )
        check_depth(data, "xml", "RDF/XML", max_depth)
    elif rdf in _TURTLE_FAMILY:
        syntax, name = _TURTLE_FAMILY[rdf]
        check_depth(data, syntax, name, max_depth)
    else:  # pragma: no cover - a format added to FORMATS must get a scan here first
        raise Unsupported("Für dieses Format gibt es keine Eingangsprüfung.", "No input check for this format.")


def parse_rdf(data: bytes, fmt: Format, *, base_iri: str | None = None, max_triples: int = 100_000) -> list[Quad]:
    """Parse a document, refusing deep nesting, entities, remote contexts and oversized input."""
    if fmt.rdf is None:  # pragma: no cover - all FORMATS have an RdfFormat
        raise Unsupported("Kein RDF-Format.", "Not an RDF format.")
    check_input(data, fmt.rdf)
    quads: list[Quad] = []
    try:
        for quad in parse(data, format=fmt.rdf, base_iri=base_iri):
            quads.append(quad)
            if len(quads) > max_triples:
                raise TooLarge(
                    f"Zu viele Tripel: höchstens {max_triples} sind in einem Eintrag erlaubt.",
                    f"Too many triples: at most {max_triples} are allowed in one record.",
                    limit=max_triples,
                )
    except SyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) else None
        column = exc.offset if isinstance(exc.offset, int) else None
        raise MalformedRdf(str(exc.msg if hasattr(exc, "msg") else exc), line, column) from None
    return quads


def serialize_graph(triples: Iterable[Triple], fmt: Format, graph_name: str | None = None) -> bytes:
    """Serialise a record graph; Turtle and JSON-LD with the usual prefixes.

    TriG and N-Quads put the triples into the named graph ``graph_name`` (the record's graph).
    """
    items = list(triples)
    if fmt.name == "jsonld":
        return compact_jsonld(items)
    if fmt.name in ("trig", "nquads"):
        graph = NamedNode(graph_name) if graph_name else None
        quads = [Quad(t.subject, t.predicate, t.object, graph) for t in items]
        return serialize(quads, format=fmt.rdf, prefixes=used_prefixes(quads) if fmt.name == "trig" else None)
    return serialize(items, format=fmt.rdf, prefixes=used_prefixes(items) if fmt.name in ("turtle", "rdfxml") else None)


def used_prefixes(triples: Iterable[Triple | Quad]) -> dict[str, str]:
    """Only the prefixes the data uses, so Turtle stays readable."""
    iris = set()
    for t in triples:
        for term in (t.subject, t.predicate, t.object):
            if isinstance(term, NamedNode):
                iris.add(term.value)
            elif hasattr(term, "datatype"):
                iris.add(term.datatype.value)
    return {p: base for p, base in PREFIXES.items() if any(i.startswith(base) for i in iris)}


def _compact_iri(iri: str, used: set[str]) -> str:
    for prefix, base in PREFIXES.items():
        if iri.startswith(base):
            local = iri[len(base):]
            if local and re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*", local) and not local.endswith("."):
                used.add(prefix)
                return f"{prefix}:{local}"
    return iri


def compact_jsonld(triples: Sequence[Triple]) -> bytes:
    """JSON-LD with a prefix context: readable, and expands to exactly the same triples."""
    expanded: list[dict[str, Any]] = json.loads(serialize(list(triples), format=RdfFormat.JSON_LD))
    used: set[str] = set()

    def value(v: Any) -> Any:
        if isinstance(v, dict):
            if set(v) == {"@id"}:
                return {"@id": _compact_iri(v["@id"], used)}
            if "@type" in v and isinstance(v["@type"], str):
                return {**v, "@type": _compact_iri(v["@type"], used)}
        return v

    nodes = []
    for node in expanded:
        out: dict[str, Any] = {}
        for key, values in node.items():
            if key == "@id":
                out["@id"] = node["@id"]
            elif key == "@type":
                out["@type"] = [_compact_iri(t, used) for t in values]
            else:
                out[_compact_iri(key, used)] = [value(v) for v in values]
        nodes.append(out)
    context = {p: PREFIXES[p] for p in sorted(used)}
    return json.dumps({"@context": context, "@graph": nodes}, ensure_ascii=False, indent=2).encode()


def skolemize(quads: Iterable[Quad], record_iri: str, root: BlankNode | None = None) -> list[Triple]:
    """Triples with blank nodes renamed to hash IRIs under the record (``root`` becomes the record)."""
    names: dict[str, NamedNode] = {root.value: NamedNode(record_iri)} if root is not None else {}

    def name(term: Any) -> Any:
        if isinstance(term, BlankNode):
            if term.value not in names:
                names[term.value] = NamedNode(f"{record_iri}#node-{len(names) + 1 - (root is not None)}")
            return names[term.value]
        return term

    return [Triple(name(q.subject), q.predicate, name(q.object)) for q in quads]
