"""The node's catalogue as a Linked Data Event Stream (LDES, paginated as TREE nodes).

Layout (``{base}`` is the node's base URL)::

    {base}/ldes                   the ldes:EventStream: paths, retention, tree:view
    {base}/ldes/pages/{start}     a tree:Node holding the members at log positions start … start+page_size-1

Members are the signed versions in the catalogue's change log, in the log's order (``seq``, gap
free, never reused). A page is named by the first position it covers, so it means the same whatever
the page size was when a client learnt its address. Each member is served in its own named graph
(graph name = member IRI, the TREE member-extraction convention), exactly the document the origin
signed, and its W3C Data Integrity proof in a graph of its own; the default graph holds
``<stream> tree:member <member>``, the member's position in *this* stream (``kbm:streamPosition``,
so harvesters keep cursors without clocks), its stream time (``kbm:loggedAt``, the stream's
``ldes:timestampPath``: when this node logged it, never going backwards), the ``sec:proof`` link
to its proof graph, and the typed ``tree:relation`` to the next page. A page whose range is complete never changes: it is served ``immutable``; the newest
page changes while members arrive and is served with an ETag.

Versions erased by a later version of their record (``kbm:erasedBefore``, personal data) are
compacted: their positions stay, empty, so cursors and page addresses keep their meaning.

Anonymous callers see public members only; authenticated peers also see ``network`` members. With
``republish`` on (aggregators), versions harvested from peers are in the stream too, verbatim.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from pyoxigraph import Literal, Quad, RdfFormat, parse, serialize

from kb.federation.members import PROOF_GRAPH_LABEL
from kb.ontology.namespaces import AS, DCAT, DCT, KBM, LDES, PROV, RDF, RDFS, SEC, SH, TREE, XSD
from kb.store.catalog import Catalog
from kb.store.model import NETWORK, ChangeEvent

STREAM_PATH = "/ldes"
PAGE_PATH = "/ldes/pages/"

MEDIA_TYPES = {
    "trig": "application/trig",
    "nquads": "application/n-quads",
    "jsonld": "application/ld+json",
}
"""What the stream and its pages can be served as (TriG is the default)."""

STREAM_TIME = KBM.loggedAt
"""The stream's ``ldes:timestampPath``: when this node logged the member (``ChangeEvent.stream_time``)."""

IMMUTABLE = "max-age=300, immutable"
"""A full page's members never change, but an erasure can remove members from it: caches may keep
it five minutes (then revalidate: the ETag changes with every erasure), not a year."""
MUTABLE = "max-age=5, must-revalidate"


@dataclass(frozen=True)
class PageMember:
    position: int
    event: ChangeEvent
    payload: str
    """The signed member as stored (``members.member_payload``: N-Quads, the proof in graph ``_:proof``;
    N-Triples with the proof inside for members signed before kb followed the specification)."""


@dataclass
class Page:
    """One TREE node of the stream, before it is written out."""

    iri: str
    start: int
    end: int
    """Last position this page covers when full (``start + page_size - 1``)."""
    upto: int
    """Last position of the log that was looked at (≤ end)."""
    complete: bool
    next_iri: str | None
    members: list[PageMember] = field(default_factory=list)

    erasures: str = "0.0"
    """The catalogue's erasure mark when the page was built (``Catalog.erasure_mark``)."""
    last_time: str = ""
    """The stream time of the page's last position (members or not): the next page's lower bound."""

    def etag(self, scope: str, fmt: str) -> str:
        # "di2": pages since kb signs as W3C Data Integrity and stamps stream times; an ETag from
        # before the upgrade (kb/federation/upgrade.py rewrote those entries) never matches again.
        return f'"p{self.start}-{self.upto}-e{self.erasures}-{scope}-{fmt}-di2"'


def _iri(value: str) -> str:
    return f"<{value}>"


class Feed:
    """Builds the stream description and its pages from the catalogue's change log."""

    def __init__(self, catalog: Catalog, *, base_url: str, page_size: int, republish: bool, node_iri: str) -> None:
        self.catalog = catalog
        self.base_url = base_url
        self.page_size = page_size
        self.republish = republish
        self.node_iri = node_iri
        self.stream_iri = base_url + STREAM_PATH
        self.view_iri = self.page_iri(1)

    def page_iri(self, start: int) -> str:
        return f"{self.base_url}{PAGE_PATH}{start}"

    # ------------------------------------------------------------------ reading the log

    def visible(self, event: ChangeEvent, *, network: bool) -> bool:
        if event.compacted:  # erased by a later version of its record: its position stays empty
            return False
        if event.visibility == NETWORK and not network:
            return False
        return event.local or self.republish

    def page(self, start: int, *, network: bool) -> Page | None:
        """The page starting at log position ``start``; None if that position does not exist yet."""
        erasures = self.catalog.erasure_mark  # read first: an erasure meanwhile gives a new ETag next time
        last = self.catalog.last_seq
        if start < 1 or start > last + 1:
            return None
        end = start + self.page_size - 1
        upto = min(end, last)
        complete = last >= end
        page = Page(
            iri=self.page_iri(start),
            start=start,
            end=end,
            upto=upto,
            complete=complete,
            next_iri=self.page_iri(end + 1) if complete else None,
            erasures=erasures,
        )
        for seq in range(start, upto + 1):
            found = self.catalog.event(seq)
            if found is None:  # pragma: no cover - the log has no gaps
                break
            event, payload = found
            page.last_time = event.stream_time
            if self.visible(event, network=network):
                page.members.append(PageMember(seq, event, payload))
        return page

    # ------------------------------------------------------------------ writing RDF

    def _stream_lines(self, *, with_view_description: bool) -> list[str]:
        s = _iri(self.stream_iri)
        view = _iri(self.view_iri)
        description = _iri(self.stream_iri + "#view")
        shape = _iri(self.stream_iri + "#member-shape")
        lines = [
            f"{s} {RDF.type} {LDES.EventStream} .",
            f"{s} {LDES.versionOfPath} {DCT.isVersionOf} .",
            # The stream's time is this node's (when it logged the version, never going backwards);
            # the origin's own version time stays prov:generatedAtTime, inside the signed member.
            f"{s} {LDES.timestampPath} {STREAM_TIME} .",
            f"{s} {LDES.versionCreateObject} {AS.Create} .",
            f"{s} {LDES.versionUpdateObject} {AS.Update} .",
            f"{s} {LDES.versionDeleteObject} {AS.Delete} .",
            f"{s} {LDES.versionDeletePath} {RDF.type} .",
            f"{s} {PROV.wasAttributedTo} {_iri(self.node_iri)} .",
            f"{s} {TREE.shape} {shape} .",
            f"{s} {TREE.view} {view} .",
        ]
        if with_view_description:
            lines += self._member_shape(shape)
            lines += [
                f"{view} {RDF.type} {TREE.Node} .",
                f"{view} {TREE.viewDescription} {description} .",
                f"{description} {RDF.type} {TREE.ViewDescription} .",
                f'{description} {KBM.compactedBy} {KBM.erasedBefore} .',
                f'{description} {KBM.pageSize} "{self.page_size}"^^{XSD.integer} .',
            ]
            if self.catalog.erasure_mark.split(".")[0] != "0":
                # Something was erased: from then on the one promise for every record is its latest
                # version (tombstones included). Without erasures there is no policy: everything is kept.
                policy = _iri(self.stream_iri + "#retention")
                lines += [
                    f"{description} {LDES.retentionPolicy} {policy} .",
                    f"{policy} {RDF.type} {LDES.RetentionPolicy} .",
                    f'{policy} {LDES.versionAmount} "1"^^{XSD.integer} .',
                    f'{description} {KBM.compacted} "true"^^{XSD.boolean} .',
                    f'{policy} {RDFS.comment} "Only erasures of personal data remove members: a member carrying '
                    f'kbm:erasedBefore n removes the versions of its record below n from every page, on every node '
                    f'that stores it. Every other version, tombstones (as:Delete) included, stays in the stream for '
                    f'good; the latest version of each record is always kept."@en .',
                ]
        return lines

    def _member_shape(self, shape: str) -> list[str]:
        """The SHACL shape every member conforms to (``tree:shape``): the version wrapper, whose
        ``as:object`` is the record, which conforms to the record shapes at ``/ontology/shapes``."""
        lines = [f"{shape} {RDF.type} {SH.NodeShape} .",
                 f"{shape} {RDFS.seeAlso} {_iri(self.base_url + '/ontology/shapes')} ."]
        # No sh:minCount on what lives in the member's graph: ldes-client (extract-cbd-shape)
        # looks for required paths outside that graph and would fetch every member again.
        for i, (path, extra) in enumerate([
            (STREAM_TIME, f'{SH.minCount} "1"^^{XSD.integer}'),
            (DCT.isVersionOf, f"{SH.nodeKind} {SH.IRI}"),
            (AS.object, f"{SH.nodeKind} {SH.IRI}"),
            (PROV.generatedAtTime, f"{SH.datatype} {XSD.dateTime}"),
            (DCAT.version, f"{SH.datatype} {XSD.integer}"),
            (PROV.wasAttributedTo, f"{SH.nodeKind} {SH.IRI}"),
            (SEC.proof, f"{SH.nodeKind} {SH.BlankNodeOrIRI}"),
        ]):
            prop = _iri(f"{self.stream_iri}#member-shape-{i}")
            lines += [f"{shape} {SH.property} {prop} .", f"{prop} {SH.path} {path} .",
                      f'{prop} {SH.maxCount} "1"^^{XSD.integer} .', f"{prop} {extra} ."]
        return lines

    def stream_document(self) -> str:
        """The ``ldes:EventStream`` itself (N-Triples lines of the default graph)."""
        return "".join(line + "\n" for line in self._stream_lines(with_view_description=True))

    def _page_head(self, page: Page) -> Iterator[str]:
        """Default-graph lines every page starts with: the stream, the TREE node, its next relation."""
        yield from (line + "\n" for line in self._stream_lines(with_view_description=page.start == 1))
        p = _iri(page.iri)
        yield f"{p} {RDF.type} {TREE.Node} .\n"
        if page.next_iri:
            # Every member of the next page was logged at or after this page's last position.
            rel = _iri(page.iri + "#next")
            yield (f"{p} {TREE.relation} {rel} .\n{rel} {RDF.type} {TREE.GreaterThanOrEqualToRelation} .\n"
                   f"{rel} {TREE.node} {_iri(page.next_iri)} .\n{rel} {TREE.path} {STREAM_TIME} .\n"
                   f"{rel} {TREE.value} {Literal(page.last_time, datatype=XSD.dateTime)} .\n")

    def page_nquads_parts(self, page: Page) -> Iterator[str]:
        """The page as N-Quads, chunk by chunk (members in their own named graphs)."""
        yield from self._page_head(page)
        stream = _iri(self.stream_iri)
        for m in page.members:
            g = _iri(m.event.member)
            yield self._member_head(stream, g, m)
            document, links, proof, label = split_member_lines(m.event.member, m.position, m.payload)
            suffix = f" {g} .\n"
            yield "".join(line[:-2] + suffix for line in document) + "".join(line + "\n" for line in links)
            yield "".join(line[:-2] + f" {label} .\n" for line in proof)

    def page_trig_parts(self, page: Page) -> Iterator[str]:
        """The page as TriG: N-Triples lines are valid TriG, so the signed payload goes in verbatim."""
        yield from self._page_head(page)
        stream = _iri(self.stream_iri)
        for m in page.members:
            yield self._member_head(stream, _iri(m.event.member), m)
            yield member_trig(m.event.member, m.position, m.payload)

    @staticmethod
    def _member_head(stream: str, g: str, m: PageMember) -> str:
        """Default-graph lines about a member in this stream: membership, position, stream time."""
        return (f'{stream} {TREE.member} {g} .\n{g} {KBM.streamPosition} "{m.position}"^^{XSD.integer} .\n'
                f"{g} {STREAM_TIME} {Literal(m.event.stream_time, datatype=XSD.dateTime)} .\n")

    def render_page(self, page: Page, fmt: str) -> bytes:
        if fmt == "trig":
            return "".join(self.page_trig_parts(page)).encode()
        nquads = "".join(self.page_nquads_parts(page))
        if fmt == "nquads":
            return nquads.encode()
        return _jsonld(nquads)

    def render_stream(self, fmt: str) -> bytes:
        body = self.stream_document()
        if fmt == "jsonld":
            return _jsonld(body)
        return body.encode()


def member_trig(member: str, position: int, payload: str) -> str:
    """A member as TriG: its graph (N-Triples lines are valid TriG, so verbatim), the link to its
    proof (default graph), then its proof graph."""
    document, links, proof, label = split_member_lines(member, position, payload)
    out = f"<{member}> {{\n" + "".join(line + "\n" for line in document) + "}\n" + "".join(line + "\n" for line in links)
    if proof:
        out += f"{label} {{\n" + "".join(line + "\n" for line in proof) + "}\n"
    return out


def split_member_lines(member: str, position: int, payload: str) -> tuple[list[str], list[str], list[str], str]:
    """A stored payload's document lines, the ``sec:proof`` link, the proof graph's lines (as
    triples), and the proof graph's label in this page (``_:proof{position}``: blank-node labels
    are per document, so each member of a page needs its own). Legacy payloads (N-Triples, proof
    inside) have neither link nor proof lines.

    The member's graph holds exactly the signed document; the link goes in the page's default
    graph, so a client that extracts members by their Concise Bounded Description (ldes-client)
    follows it into the proof graph and keeps the proof with the member."""
    label = f"_:{PROOF_GRAPH_LABEL}{position}"
    graph_suffix = f" _:{PROOF_GRAPH_LABEL} ."
    link = f"<{member}> {SEC.proof} _:{PROOF_GRAPH_LABEL} ."
    subject = f"_:{PROOF_GRAPH_LABEL} "
    document, links, proof = [], [], []
    for line in payload.split("\n"):
        if not line:
            continue
        if line == link:
            links.append(f"<{member}> {SEC.proof} {label} .")
        elif line.endswith(graph_suffix):
            triple = line[: -len(graph_suffix)] + " ."
            proof.append(label + triple[len(subject):] if triple.startswith(subject) else triple)
        else:
            document.append(line)
    return document, links, proof, label


def _jsonld(nquads: str) -> bytes:
    quads: list[Quad] = list(parse(nquads.encode(), format=RdfFormat.N_QUADS))
    expanded = json.loads(serialize(quads, format=RdfFormat.JSON_LD) or b"[]")
    return json.dumps(expanded, ensure_ascii=False).encode()

