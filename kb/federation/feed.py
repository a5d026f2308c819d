"""The node's catalogue as a Linked Data Event Stream (LDES, paginated as TREE nodes).

Layout (``{base}`` is the node's base URL)::

    {base}/ldes                   the ldes:EventStream: paths, retention, tree:view
    {base}/ldes/pages/{start}     a tree:Node holding the members at log positions start … start+page_size-1

Members are the signed versions in the catalogue's change log, in the log's order (``seq``, gap
free, never reused). A page is named by the first position it covers, so it means the same whatever
the page size was when a client learnt its address. Each member is served in its own named graph
(graph name = member IRI, the TREE member-extraction convention), exactly as the origin signed it;
the default graph holds ``<stream> tree:member <member>``, the member's position in *this* stream
(``kbm:streamPosition``, so harvesters keep cursors without clocks) and the ``tree:relation`` to
the next page. A page whose range is complete never changes: it is served ``immutable``; the newest
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

from pyoxigraph import Quad, RdfFormat, parse, serialize

from kb.ontology.namespaces import AS, DCT, KBM, LDES, PROV, RDF, RDFS, TREE, XSD
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

IMMUTABLE = "max-age=300, immutable"
"""A full page's members never change, but an erasure can remove members from it: caches may keep
it five minutes (then revalidate: the ETag changes with every erasure), not a year."""
MUTABLE = "max-age=5, must-revalidate"


@dataclass(frozen=True)
class PageMember:
    position: int
    event: ChangeEvent
    payload: str
    """Canonical N-Triples of the signed member graph, as the origin made it."""


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

    def etag(self, scope: str, fmt: str) -> str:
        return f'"p{self.start}-{self.upto}-e{self.erasures}-{scope}-{fmt}"'


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
            if self.visible(event, network=network):
                page.members.append(PageMember(seq, event, payload))
        return page

    # ------------------------------------------------------------------ writing RDF

    def _stream_lines(self, *, with_view_description: bool) -> list[str]:
        s = _iri(self.stream_iri)
        view = _iri(self.view_iri)
        description = _iri(self.stream_iri + "#view")
        latest = _iri(self.stream_iri + "#retention-latest")
        lines = [
            f"{s} {RDF.type} {LDES.EventStream} .",
            f"{s} {LDES.versionOfPath} {DCT.isVersionOf} .",
            f"{s} {LDES.timestampPath} {PROV.generatedAtTime} .",
            f"{s} {LDES.versionCreateObject} {AS.Create} .",
            f"{s} {LDES.versionUpdateObject} {AS.Update} .",
            f"{s} {LDES.versionDeleteObject} {AS.Delete} .",
            f"{s} {LDES.versionDeletePath} {RDF.type} .",
            f"{s} {PROV.wasAttributedTo} {_iri(self.node_iri)} .",
            f"{s} {TREE.view} {view} .",
        ]
        if with_view_description:
            lines += [
                f"{view} {RDF.type} {TREE.Node} .",
                f"{view} {TREE.viewDescription} {description} .",
                f"{description} {RDF.type} {TREE.ViewDescription} .",
                f"{description} {LDES.retentionPolicy} {latest} .",
                f"{latest} {RDF.type} {LDES.LatestVersionSubset} .",
                f'{latest} {LDES.amount} "1"^^{XSD.integer} .',
                f"{latest} {LDES.versionKey} {DCT.isVersionOf} .",
                # Only erasures compact: versions below a record's kbm:erasedBefore leave their page;
                # every other version, tombstones included, stays for good.
                f'{description} {KBM.compacted} "true"^^{XSD.boolean} .',
                f'{description} {KBM.compactedBy} {KBM.erasedBefore} .',
                f'{description} {KBM.tombstoneRetention} "unlimited" .',
                f'{description} {RDFS.comment} "Pages are compacted only by erasures of personal data: a member '
                f'carrying kbm:erasedBefore n removes the versions of its record below n from every page, on '
                f'every node that stores it. Every other version, including tombstones (as:Delete), stays in the '
                f'stream for good. The latest version of each record is always retained."@en .',
                f'{description} {KBM.pageSize} "{self.page_size}"^^{XSD.integer} .',
            ]
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
            rel = _iri(page.iri + "#next")
            yield f"{p} {TREE.relation} {rel} .\n{rel} {RDF.type} {TREE.Relation} .\n{rel} {TREE.node} {_iri(page.next_iri)} .\n"

    def page_nquads_parts(self, page: Page) -> Iterator[str]:
        """The page as N-Quads, chunk by chunk (members in their own named graphs)."""
        yield from self._page_head(page)
        stream = _iri(self.stream_iri)
        for m in page.members:
            g = _iri(m.event.member)
            yield f'{stream} {TREE.member} {g} .\n{g} {KBM.streamPosition} "{m.position}"^^{XSD.integer} .\n'
            suffix = f" {g} .\n"
            yield "".join(line[:-2] + suffix for line in m.payload.split("\n") if line.endswith(" ."))

    def page_trig_parts(self, page: Page) -> Iterator[str]:
        """The page as TriG: N-Triples lines are valid TriG, so the signed payload goes in verbatim."""
        yield from self._page_head(page)
        stream = _iri(self.stream_iri)
        for m in page.members:
            g = _iri(m.event.member)
            yield (
                f'{stream} {TREE.member} {g} .\n{g} {KBM.streamPosition} "{m.position}"^^{XSD.integer} .\n'
                f"{g} {{\n{m.payload}}}\n"
            )

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


def _jsonld(nquads: str) -> bytes:
    quads: list[Quad] = list(parse(nquads.encode(), format=RdfFormat.N_QUADS))
    expanded = json.loads(serialize(quads, format=RdfFormat.JSON_LD) or b"[]")
    return json.dumps(expanded, ensure_ascii=False).encode()

