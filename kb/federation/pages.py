"""Reading a peer's LDES page: its members (each a named graph), their positions, the next page.

Only graphs the page declares as ``tree:member`` of the stream are read, with the proof graph each
names (``<member> sec:proof _:g`` in the default graph, W3C Data Integrity); anything else in the
page is ignored. A page that does not parse, or that the input checks refuse before parsing
(nesting deeper than ``KB_MAX_NESTING``, a lone surrogate: :func:`kb.ontology.rdfio.check_input`),
is a ``PageError``: the whole page is unusable, the harvest of that peer fails with the reason in
its status, and the node goes on. A member that is not well-formed is the harvester's business
(quarantine), not this module's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, RdfFormat, Triple, parse

from kb.errors import KbError
from kb.federation.members import split_payload
from kb.ontology.namespaces import KBM, LDES, RDF, SEC, TREE
from kb.ontology.rdfio import check_input

FORMATS = {
    "application/trig": RdfFormat.TRIG,
    "application/x-trig": RdfFormat.TRIG,
    "application/n-quads": RdfFormat.N_QUADS,
    "application/ld+json": RdfFormat.JSON_LD,
    "text/turtle": RdfFormat.TURTLE,
}
ACCEPT = "application/trig, application/n-quads;q=0.9, application/ld+json;q=0.5"
_MEMBER, _POSITION, _NODE, _RELATION, _VIEW = TREE.member, KBM.streamPosition, TREE.node, TREE.relation, TREE.view
_TYPE, _EVENT_STREAM, _PROOF = RDF.type, LDES.EventStream, SEC.proof


class PageError(ValueError):
    pass


@dataclass
class PageMemberGraph:
    member: str
    position: int | None
    triples: list[Triple]
    proof: list[Triple] | None = None
    """The graph the member's ``sec:proof`` names (W3C Data Integrity); None: no such graph."""

    @classmethod
    def from_payload(cls, member: str, position: int | None, payload: str) -> PageMemberGraph:
        """A member as a page would carry it, from its stored payload."""
        triples, proof = split_payload(payload)
        return cls(member, position, triples, proof)


@dataclass
class ReadPage:
    url: str
    stream: str | None
    members: list[PageMemberGraph] = field(default_factory=list)
    next_urls: list[str] = field(default_factory=list)
    view: str | None = None


def read_page(body: bytes, content_type: str, url: str) -> ReadPage:
    """Parse a page (or the stream document, which has a ``tree:view`` and no members)."""
    fmt = FORMATS.get(content_type or "application/trig")
    if fmt is None:
        raise PageError(f"Seite {url} hat kein RDF-Format ({content_type!r})")
    try:
        check_input(body, fmt)
    except KbError as exc:
        raise PageError(f"Seite {url} abgelehnt: {exc.message}") from None
    graphs: dict[NamedNode | BlankNode | DefaultGraph, list[Triple]] = {}
    try:
        # One pass that makes each quad a Python object once (a Dataset made them twice: in, out).
        for q in parse(body, format=fmt, base_iri=url):
            graphs.setdefault(q.graph_name, []).append(q.triple)
    except SyntaxError as exc:
        raise PageError(f"Seite {url} ist kein gültiges RDF: {exc}") from None
    default = graphs.get(DefaultGraph(), [])
    streams = {t.subject.value for t in default
               if isinstance(t.subject, NamedNode) and t.predicate == _TYPE and t.object == _EVENT_STREAM}
    member_of: dict[str, str] = {}
    positions: dict[str, int] = {}
    proof_links: dict[str, list[Triple]] = {}
    relations: dict[str, str] = {}
    page_relations: dict[str, set[str]] = {}
    view = None
    for t in default:
        p, s, o = t.predicate, t.subject, t.object
        if not isinstance(s, (NamedNode, BlankNode)) or not isinstance(o, (NamedNode, BlankNode, Literal)):
            continue
        if p == _MEMBER and isinstance(o, NamedNode):
            member_of.setdefault(o.value, s.value)
        elif p == _POSITION:
            try:
                positions[s.value] = int(o.value)
            except ValueError:
                raise PageError(f"Seite {url}: Position {o.value!r} ist keine Zahl") from None
        elif p == _NODE and isinstance(o, NamedNode):
            relations[s.value] = o.value
        elif p == _RELATION:
            page_relations.setdefault(s.value, set()).add(o.value)
        elif p == _VIEW and isinstance(o, NamedNode):
            view = o.value
        elif p == _PROOF and isinstance(s, NamedNode):
            proof_links.setdefault(s.value, []).append(t)
    stream = next(iter(streams)) if len(streams) == 1 else None
    page = ReadPage(url=url, stream=stream, view=view)
    # The relations of this page: those of the node named by the URL we fetched, or of the only
    # node that has relations (a peer behind a proxy may name its pages differently).
    mine = page_relations.get(url) or (next(iter(page_relations.values())) if len(page_relations) == 1 else set())
    page.next_urls = sorted({relations[r] for r in mine if r in relations})
    for member, collection in member_of.items():
        if stream is not None and collection != stream:
            continue
        # The link to the proof graph is in the page's default graph (or, as kb wrote it before, in
        # the member's graph); the member is read as its graph plus that link.
        triples = graphs.get(NamedNode(member), []) + proof_links.get(member, [])
        proof_graphs = [t.object for t in triples if t.predicate == _PROOF and isinstance(t.object, (NamedNode, BlankNode))]
        proof = graphs.get(proof_graphs[0]) if len(proof_graphs) == 1 and proof_graphs[0] in graphs else None
        page.members.append(PageMemberGraph(member, positions.get(member), triples, proof))
    page.members.sort(key=lambda m: (m.position is None, m.position or 0))
    return page
