"""Catalogue reads: records, their provenance and summaries, counts and listings.

``CatalogReads`` is the first layer of a catalogue backend (``kb.store.oxigraph``,
``kb.store.server``): everything here is a pattern read or a SPARQL query on ``self.store``, an
object with the read interface of pyoxigraph's ``Store`` (``QuadStore``), so it serves both the
embedded store and a SPARQL server.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, QueryBoolean, QuerySolutions, QueryTriples, Triple

from kb.errors import Gone, NotFound
from kb.ontology.namespaces import DCT, IKZ, MUNICIPALITY, VISIBILITY
from kb.store.model import NETWORK, PUBLIC, ListedRecord, ListPage, ListQuery, RecordMeta, StoredRecord, as_written
from kb.store.terms import (
    CATALOG_RECORD_SUFFIX,
    P_AT,
    P_CREATED,
    P_DELETED,
    P_ERASED_BEFORE,
    P_FROM,
    P_HASH,
    P_LOCAL,
    P_MEMBER,
    P_MODIFIED,
    P_ORIGIN,
    P_PERSONAL,
    P_SEQ,
    P_SUMMARY,
    P_TOPIC,
    P_TYPE,
    P_VERIFIED,
    P_VERSION,
    P_VIS,
    PRIVATE_GRAPH,
    RECORDS_GRAPH,
    bool_literal,
    catalog_record_iri,
    lexical,
)

Term = NamedNode | BlankNode | Literal | Triple


class QuadStore(Protocol):
    """What the catalogue reads and writes through: pyoxigraph's ``Store`` has it, and so does
    ``kb.store.server_client.ServerStore`` for a SPARQL server."""

    def quads_for_pattern(self, subject: NamedNode | None, predicate: NamedNode | None, object: NamedNode | Literal | None,
                          graph_name: NamedNode | None = None, /) -> Iterator[Quad]: ...

    def query(self, query: str, /) -> QuerySolutions | QueryBoolean | QueryTriples: ...

    def update(self, update: str, /) -> None: ...


class CatalogReads:
    """Reads of current records. A backend provides ``store`` and ``last_seq``."""

    node_iri: str
    _overview_cache: dict[tuple[Any, ...], tuple[int, Any]]

    @property
    def store(self) -> QuadStore:
        raise NotImplementedError

    @property
    def last_seq(self) -> int:
        raise NotImplementedError

    def _props(self, subject: NamedNode, graph: NamedNode) -> dict[str, list[Term]]:
        props: dict[str, list[Term]] = {}
        for q in self.store.quads_for_pattern(subject, None, None, graph):
            props.setdefault(q.predicate.value, []).append(q.object)
        return props

    def meta(self, record: str) -> RecordMeta | None:
        props = self._props(catalog_record_iri(record), RECORDS_GRAPH)
        if not props:
            return None
        return meta_from_props(record, props)

    def metas(self, records: Sequence[str]) -> dict[str, RecordMeta | None]:
        """``meta`` of several records (a backend may read them in one request)."""
        return {record: self.meta(record) for record in dict.fromkeys(records)}

    def get(self, record: str) -> StoredRecord | None:
        """The current version of a record (``triples`` empty for a tombstone), or None."""
        meta = self.meta(record)
        if meta is None:
            return None
        triples = [q.triple for q in self.store.quads_for_pattern(None, None, None, NamedNode(record))]
        return StoredRecord(meta=meta, triples=triples)

    def get_live(self, record: str, *, include_network: bool) -> StoredRecord:
        """A record that exists and the caller may see; NotFound / Gone otherwise."""
        found = self.get(record)
        if found is None or (found.meta.visibility == NETWORK and not include_network):
            raise NotFound(
                "Dieses Projekt gibt es hier nicht. Bitte prüfen Sie die Adresse.",
                "There is no such project here. Please check the address.",
            )
        if found.meta.deleted:
            raise Gone(
                "Dieses Projekt wurde zurückgezogen und ist nicht mehr verfügbar.",
                "This project has been withdrawn.",
                version=found.meta.version,
            )
        return found

    def summary(self, record: str) -> dict[str, Any] | None:
        """The stored summary of a current record (None for tombstones and unknown records)."""
        for q in self.store.quads_for_pattern(catalog_record_iri(record), P_SUMMARY, None, PRIVATE_GRAPH):
            return json.loads(lexical(q.object))  # type: ignore[no-any-return]
        return None

    def summaries(self) -> dict[str, dict[str, Any]]:
        """Summaries of all current records, by record IRI, in one pass (fast start-up of indexes)."""
        out = {}
        for q in self.store.quads_for_pattern(None, P_SUMMARY, None, PRIVATE_GRAPH):
            out[lexical(q.subject)[: -len(CATALOG_RECORD_SUFFIX)]] = json.loads(lexical(q.object))
        return out

    def _until_next_change(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """``compute()``, reused until the log moves on: the start page's overview queries scan the
        whole provenance graph (~50 ms each at 10,000 records) but only change with a commit."""
        seq = self.last_seq  # read before computing: a commit meanwhile makes the next call recompute
        hit = self._overview_cache.get(key)
        if hit is not None and hit[0] == seq:
            return hit[1]
        value = compute()
        self._overview_cache[key] = (seq, value)
        return value

    def recent(self, *, local: bool, limit: int = 10, include_network: bool = False) -> list[str]:
        """The most recently changed current records, this node's own or harvested ones."""
        vis = "" if include_network else f"; {P_VIS} {VISIBILITY.public}"
        query = f"""SELECT ?rec WHERE {{ GRAPH {RECORDS_GRAPH} {{
            ?cr {P_TOPIC} ?rec ; {P_DELETED} false ; {P_LOCAL} {bool_literal(local)} ; {P_MODIFIED} ?m {vis} }} }}
            ORDER BY DESC(?m) LIMIT {int(limit)}"""
        return list(self._until_next_change(("recent", local, limit, include_network),
                                            lambda: tuple(lexical(row["rec"]) for row in self._select(query))))

    def count_by_origin(self, *, include_network: bool = False) -> dict[str, int]:
        """Current records per origin node."""
        vis = "" if include_network else f"; {P_VIS} {VISIBILITY.public}"
        query = f"""SELECT ?origin (COUNT(?cr) AS ?n) WHERE {{ GRAPH {RECORDS_GRAPH} {{
            ?cr {P_DELETED} false ; {P_ORIGIN} ?origin {vis} }} }} GROUP BY ?origin"""
        return dict(self._until_next_change(("count_by_origin", include_network),
                                            lambda: tuple((lexical(row["origin"]), int(lexical(row["n"]))) for row in self._select(query))))

    def iter_live_records(self, *, include_network: bool = True) -> Iterator[str]:
        """IRIs of all current (not withdrawn) records."""
        for record, public in live_records(self.store):
            if include_network or public:
                yield record

    def count(self, *, include_network: bool = True) -> int:
        vis = "" if include_network else f"; {P_VIS} {VISIBILITY.public}"
        query = f"""SELECT (COUNT(?cr) AS ?n) WHERE {{ GRAPH {RECORDS_GRAPH} {{
            ?cr {P_DELETED} false {vis} }} }}"""
        for row in self._select(query):
            return int(lexical(row["n"]))
        return 0

    def _select(self, query: str) -> QuerySolutions:
        result = self.store.query(query)
        assert isinstance(result, QuerySolutions)
        return result

    def list_records(self, q: ListQuery) -> ListPage:
        """A page of current records matching all given filters."""
        f = q.filters
        clauses: list[str] = []
        for predicate, concept in ((IKZ.taskArea, f.task_area), (IKZ.legalForm, f.legal_form), (IKZ.state, f.state),
                                   (NamedNode("http://www.w3.org/ns/adms#status"), f.status)):
            if concept:
                clauses.append(f"?rec {predicate} {NamedNode(concept.iri)} .")
        if f.participant:
            node = MUNICIPALITY[f.participant] if f.participant.isdigit() else NamedNode(f.participant)
            clauses.append(f"?rec <http://www.w3.org/ns/org#hasMember> {node} .")
        for region in (f.regierungsbezirk, f.kreis):  # the AGS begins with both keys
            if region:
                prefix = "".join(ch for ch in region if ch.isdigit())
                clauses.append(
                    f"?rec <http://www.w3.org/ns/org#hasMember> ?kp . ?kp {IKZ.ags} ?kags . "
                    f'FILTER(STRSTARTS(?kags, "{prefix}"))'
                )
        funded = f"{{ ?rec {IKZ.fundingProgramme} ?funding . }} UNION {{ ?rec {IKZ.fundedBy} ?funding . }}"
        if f.funding == "yes":
            clauses.append(funded)
        negated = f"FILTER NOT EXISTS {{ {funded} }}" if f.funding == "no" else ""
        if f.programme:  # a round (Staffel) by itself, a programme by the records naming it
            predicate = IKZ.fundingRound if f.programme.broader else IKZ.fundedBy
            clauses.append(f"?rec {predicate} {NamedNode(f.programme.iri)} .")
        meta = [f"?cr {P_TOPIC} ?rec ; {P_DELETED} false ; {P_MODIFIED} ?modified ; {P_ORIGIN} ?origin ; {P_VERSION} ?version ."]
        if not q.include_network:
            meta.append(f"?cr {P_VIS} {VISIBILITY.public} .")
        if f.record_type_iri:
            meta.append(f"?cr {P_TYPE} {NamedNode(f.record_type_iri)} .")
        if f.origin:
            meta.append(f"?cr {P_ORIGIN} {NamedNode(f.origin)} .")
        where = f"""
            GRAPH {RECORDS_GRAPH} {{ {' '.join(meta)} }}
            GRAPH ?rec {{ ?rec {DCT.title} ?title . {' '.join(f'FILTER EXISTS {{ {c} }}' for c in clauses)} {negated} }}
        """
        order = "LCASE(STR(?title))" if q.sort == "title" else "DESC(?modified)"
        total_rows = list(self._select(f"SELECT (COUNT(DISTINCT ?rec) AS ?n) WHERE {{ {where} }}"))
        total = int(total_rows[0]["n"].value) if total_rows else 0
        rows = self._select(
            f"SELECT ?rec (SAMPLE(?title) AS ?t) (SAMPLE(?modified) AS ?m) (SAMPLE(?origin) AS ?o) (SAMPLE(?version) AS ?v)"
            f" WHERE {{ {where} }} GROUP BY ?rec ORDER BY {order.replace('?title', '?t').replace('?modified', '?m')}"
            f" LIMIT {int(q.limit)} OFFSET {int(q.offset)}"
        )
        items = [
            ListedRecord(
                iri=lexical(row["rec"]),
                title=lexical(row["t"]),
                modified=as_written(lexical(row["m"])),
                origin=lexical(row["o"]),
                version=int(lexical(row["v"])),
            )
            for row in rows
        ]
        return ListPage(total=total, offset=q.offset, limit=q.limit, items=items)


def live_records(store: QuadStore) -> list[tuple[str, bool]]:
    """Every current (not withdrawn) record of a store: its IRI, and whether it is public."""
    query = f"""
        SELECT ?rec ?vis WHERE {{ GRAPH {RECORDS_GRAPH} {{
            ?cr {P_TOPIC} ?rec ; {P_DELETED} false ; {P_VIS} ?vis .
        }} }}"""
    result = store.query(query)
    assert isinstance(result, QuerySolutions)
    return [(lexical(row["rec"]), row["vis"] == VISIBILITY.public) for row in result]


def meta_from_props(record: str, props: dict[str, list[Term]]) -> RecordMeta:
    def one(p: NamedNode, default: str = "") -> str:
        values = props.get(p.value)
        return lexical(values[0]) if values else default

    return RecordMeta(
        iri=record,
        version=int(one(P_VERSION, "0")),
        modified=as_written(one(P_MODIFIED)),
        created=as_written(one(P_CREATED)),
        origin=one(P_ORIGIN),
        visibility=one(P_VIS, PUBLIC).rsplit("/", 1)[-1],
        deleted=one(P_DELETED) == "true",
        content_hash=one(P_HASH),
        seq=int(one(P_SEQ, "0")),
        member=one(P_MEMBER),
        local=one(P_LOCAL) == "true",
        record_type=one(P_TYPE),
        received_from=one(P_FROM) or None,
        received_at=as_written(one(P_AT)) or None,
        verified=one(P_VERIFIED, "true") == "true",
        erased_before=int(one(P_ERASED_BEFORE, "0")),
        personal_hash=one(P_PERSONAL),
    )
