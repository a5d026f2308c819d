"""The catalogue on an embedded, on-disk Oxigraph store.

Layout of the RDF dataset:

- one named graph per record, named by the record IRI (the current version's content);
- ``kbm:records``: a ``dcat:CatalogRecord`` per record with its provenance (origin, version,
  received from and when, content hash, visibility, tombstone flag);
- ``kbm:log``: the change log, one entry per version with the published member (signed payload),
  numbered ``urn:kb:event:{seq}`` without gaps, so reading a range is a few point lookups;
- ``kbm:private``: small JSON documents of other parts (peer cursors, quarantine, tokens) that must
  change in the same transaction as records.

Every commit is a single SPARQL update, which Oxigraph applies atomically: after a crash the store
holds the old or the new state of all of it, never a mix. All writes pass one lock (the writer), so
versions and sequence numbers are allocated without races.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, Store, Triple

from kb.errors import Conflict, Gone, NotFound
from kb.ontology.namespaces import DCAT, DCT, FOAF, IKZ, KBM, MUNICIPALITY, PROV, SCHEMA, XSD, VISIBILITY
from kb.store.model import (
    NETWORK,
    PUBLIC,
    ChangeEvent,
    ChangeKind,
    Draft,
    ListedRecord,
    ListPage,
    ListQuery,
    Member,
    MemberSealer,
    RecordMeta,
    SealedVersion,
    StoredRecord,
    content_hash,
    now_timestamp,
)

log = logging.getLogger(__name__)

RECORDS_GRAPH = KBM.records
LOG_GRAPH = KBM.log
PRIVATE_GRAPH = KBM.private
PRIVATE_GRAPHS = (LOG_GRAPH, PRIVATE_GRAPH)

_P_TOPIC = FOAF.primaryTopic
_P_VERSION = DCAT.version
_P_CREATED = DCT.issued
_P_MODIFIED = DCT.modified
_P_ORIGIN = PROV.wasAttributedTo
_P_VIS = IKZ.visibility
_P_DELETED = KBM.deleted
_P_HASH = KBM.contentHash
_P_SEQ = KBM.seq
_P_MEMBER = KBM.member
_P_LOCAL = KBM.local
_P_TYPE = KBM.recordType
_P_FROM = KBM.receivedFrom
_P_AT = KBM.receivedAt
_P_VERIFIED = KBM.verified
_P_RECORD = KBM.record
_P_KIND = KBM.kind
_P_PAYLOAD = KBM.payload
_P_JSON = KBM.json
_P_SUMMARY = KBM.summary

Summarizer = Callable[[str, Sequence[Triple]], dict[str, Any]]
"""Turns a record graph into a small JSON summary (fields for filters, facets, the inventory)."""


def catalog_record_iri(record: str) -> NamedNode:
    return NamedNode(record + "#catalog-record")


def event_iri(seq: int) -> NamedNode:
    return NamedNode(f"urn:kb:event:{seq}")


def doc_iri(collection: str, key: str) -> NamedNode:
    from urllib.parse import quote

    return NamedNode(f"urn:kb:doc:{quote(collection, safe='')}/{quote(key, safe='')}")


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.integer)


def _bool(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=XSD.boolean)


def _datetime(value: str) -> Literal:
    return Literal(value, datatype=XSD.dateTime)


def _visibility_iri(visibility: str) -> NamedNode:
    return VISIBILITY[visibility]


def _graph_block(triples: Iterable[Triple], graph: NamedNode) -> str:
    """Triples as a ``GRAPH <g> { ... }`` block of a SPARQL ``INSERT DATA``."""
    body = "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in triples)
    return f"GRAPH {graph} {{\n{body}}}\n" if body else ""


class OxigraphCatalog:
    """The record catalogue of one node. Thread-safe; writes are serialised by one lock."""

    def __init__(self, path: Path | None, *, sealer: MemberSealer, node_iri: str, summarizer: Summarizer | None = None) -> None:
        if path is not None:
            path.mkdir(parents=True, exist_ok=True)
        self._store = Store(str(path) if path is not None else None)
        self._sealer = sealer
        self._summarize = summarizer
        self.node_iri = node_iri
        self._write_lock = threading.Lock()
        self._changed = threading.Condition()
        self._last_seq = self._find_last_seq()

    # ------------------------------------------------------------------ reads

    @property
    def store(self) -> Store:
        """The underlying Oxigraph store, for the SPARQL endpoint only."""
        return self._store

    @property
    def last_seq(self) -> int:
        return self._last_seq

    def _find_last_seq(self) -> int:
        """Highest sequence number: exponential then binary search over the gap-free log."""

        def exists(seq: int) -> bool:
            return any(self._store.quads_for_pattern(event_iri(seq), _P_RECORD, None, LOG_GRAPH))

        if not exists(1):
            return 0
        low, high = 1, 2
        while exists(high):
            low, high = high, high * 2
        while high - low > 1:
            mid = (low + high) // 2
            if exists(mid):
                low = mid
            else:
                high = mid
        return low

    def _props(self, subject: NamedNode, graph: NamedNode) -> dict[str, list]:
        props: dict[str, list] = {}
        for q in self._store.quads_for_pattern(subject, None, None, graph):
            props.setdefault(q.predicate.value, []).append(q.object)
        return props

    def meta(self, record: str) -> RecordMeta | None:
        props = self._props(catalog_record_iri(record), RECORDS_GRAPH)
        if not props:
            return None
        return _meta_from_props(record, props)

    def get(self, record: str) -> StoredRecord | None:
        """The current version of a record (``triples`` empty for a tombstone), or None."""
        meta = self.meta(record)
        if meta is None:
            return None
        triples = [q.triple for q in self._store.quads_for_pattern(None, None, None, NamedNode(record))]
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
        for q in self._store.quads_for_pattern(catalog_record_iri(record), _P_SUMMARY, None, PRIVATE_GRAPH):
            return json.loads(q.object.value)  # type: ignore[no-any-return]
        return None

    def summaries(self) -> dict[str, dict[str, Any]]:
        """Summaries of all current records, by record IRI, in one pass (fast start-up of indexes)."""
        out = {}
        for q in self._store.quads_for_pattern(None, _P_SUMMARY, None, PRIVATE_GRAPH):
            out[q.subject.value[: -len("#catalog-record")]] = json.loads(q.object.value)
        return out

    def recent(self, *, local: bool, limit: int = 10, include_network: bool = False) -> list[str]:
        """The most recently changed current records, this node's own or harvested ones."""
        vis = "" if include_network else f"; {_P_VIS} {VISIBILITY.public}"
        query = f"""SELECT ?rec WHERE {{ GRAPH {RECORDS_GRAPH} {{
            ?cr {_P_TOPIC} ?rec ; {_P_DELETED} false ; {_P_LOCAL} {_bool(local)} ; {_P_MODIFIED} ?m {vis} }} }}
            ORDER BY DESC(?m) LIMIT {int(limit)}"""
        return [row["rec"].value for row in self._select(query)]

    def count_by_origin(self, *, include_network: bool = False) -> dict[str, int]:
        """Current records per origin node."""
        vis = "" if include_network else f"; {_P_VIS} {VISIBILITY.public}"
        query = f"""SELECT ?origin (COUNT(?cr) AS ?n) WHERE {{ GRAPH {RECORDS_GRAPH} {{
            ?cr {_P_DELETED} false ; {_P_ORIGIN} ?origin {vis} }} }} GROUP BY ?origin"""
        return {row["origin"].value: int(row["n"].value) for row in self._select(query)}

    def iter_live_records(self, *, include_network: bool = True) -> Iterator[str]:
        """IRIs of all current (not withdrawn) records."""
        query = f"""
            SELECT ?rec ?vis WHERE {{ GRAPH {RECORDS_GRAPH} {{
                ?cr {_P_TOPIC} ?rec ; {_P_DELETED} false ; {_P_VIS} ?vis .
            }} }}"""
        for row in self._select(query):
            if include_network or row["vis"] == VISIBILITY.public:
                yield row["rec"].value

    def count(self, *, include_network: bool = True) -> int:
        vis = "" if include_network else f"; {_P_VIS} {VISIBILITY.public}"
        query = f"""SELECT (COUNT(?cr) AS ?n) WHERE {{ GRAPH {RECORDS_GRAPH} {{
            ?cr {_P_DELETED} false {vis} }} }}"""
        for row in self._select(query):
            return int(row["n"].value)
        return 0

    def _select(self, query: str) -> QuerySolutions:
        result = self._store.query(query)
        assert isinstance(result, QuerySolutions)
        return result

    def list(self, q: ListQuery) -> ListPage:
        """A page of current records matching all given filters."""
        clauses: list[str] = []
        if q.task_area:
            clauses.append(f"?rec {IKZ.taskArea} {NamedNode(q.task_area)} .")
        if q.legal_form:
            clauses.append(f"?rec {IKZ.legalForm} {NamedNode(q.legal_form)} .")
        if q.state:
            clauses.append(f"?rec {IKZ.state} {NamedNode(q.state)} .")
        if q.status:
            clauses.append(f"?rec <http://www.w3.org/ns/adms#status> {NamedNode(q.status)} .")
        if q.participant:
            part = q.participant
            node = MUNICIPALITY[part] if part.isdigit() else NamedNode(part)
            clauses.append(f"?rec <http://www.w3.org/ns/org#hasMember> {node} .")
        if q.kreis:
            kreis = "".join(ch for ch in q.kreis if ch.isdigit())
            clauses.append(
                f"?rec <http://www.w3.org/ns/org#hasMember> ?kp . ?kp {IKZ.ags} ?kags . "
                f'FILTER(STRSTARTS(?kags, "{kreis}"))'
            )
        meta = [f"?cr {_P_TOPIC} ?rec ; {_P_DELETED} false ; {_P_MODIFIED} ?modified ; {_P_ORIGIN} ?origin ; {_P_VERSION} ?version ."]
        if not q.include_network:
            meta.append(f"?cr {_P_VIS} {VISIBILITY.public} .")
        if q.record_type:
            meta.append(f"?cr {_P_TYPE} {NamedNode(q.record_type)} .")
        if q.origin:
            meta.append(f"?cr {_P_ORIGIN} {NamedNode(q.origin)} .")
        where = f"""
            GRAPH {RECORDS_GRAPH} {{ {' '.join(meta)} }}
            GRAPH ?rec {{ ?rec {DCT.title} ?title . {' '.join(f'FILTER EXISTS {{ {c} }}' for c in clauses)} }}
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
                iri=row["rec"].value,
                title=row["t"].value,
                modified=row["m"].value,
                origin=row["o"].value,
                version=int(row["v"].value),
            )
            for row in rows
        ]
        return ListPage(total=total, offset=q.offset, limit=q.limit, items=items)

    # ------------------------------------------------------------------ change log

    def event(self, seq: int) -> tuple[ChangeEvent, str] | None:
        """The log entry ``seq`` and its published payload."""
        props = self._props(event_iri(seq), LOG_GRAPH)
        if not props:
            return None
        first = {k: v[0] for k, v in props.items()}
        event = ChangeEvent(
            seq=seq,
            record=first[_P_RECORD.value].value,
            version=int(first[_P_VERSION.value].value),
            kind=first[_P_KIND.value].value,  # type: ignore[arg-type]
            origin=first[_P_ORIGIN.value].value,
            visibility=first[_P_VIS.value].value.rsplit("/", 1)[-1],
            timestamp=first[_P_MODIFIED.value].value,
            member=first[_P_MEMBER.value].value,
            local=first[_P_LOCAL.value].value == "true",
        )
        return event, first[_P_PAYLOAD.value].value

    def event_for_member(self, member: str) -> tuple[ChangeEvent, str] | None:
        """The log entry that published ``member`` (a version IRI), with its payload."""
        for q in self._store.quads_for_pattern(None, _P_MEMBER, NamedNode(member), LOG_GRAPH):
            seq = int(q.subject.value.rsplit(":", 1)[1])
            return self.event(seq)
        return None

    def events_since(self, after_seq: int, limit: int = 500) -> list[ChangeEvent]:
        """Log entries after ``after_seq`` in order: subscribers resume from their last seq."""
        out = []
        for seq in range(after_seq + 1, min(self._last_seq, after_seq + limit) + 1):
            found = self.event(seq)
            if found is None:  # pragma: no cover - the log has no gaps
                break
            out.append(found[0])
        return out

    def wait_for_change(self, after_seq: int, timeout: float) -> bool:
        """Block until the log has an entry after ``after_seq`` (True) or the timeout passes."""
        with self._changed:
            return self._changed.wait_for(lambda: self._last_seq > after_seq, timeout=timeout)

    # ------------------------------------------------------------------ writes

    def commit_local(self, drafts: Sequence[Draft], docs: Mapping[tuple[str, str], object | None] | None = None) -> list[ChangeEvent]:
        """Write new versions of records this node originates, all in one transaction."""
        with self._write_lock:
            ops: list[str] = []
            events: list[ChangeEvent] = []
            seq = self._last_seq
            seen: set[str] = set()
            for draft in drafts:
                if draft.record in seen:
                    raise Conflict(
                        "Derselbe Eintrag kommt in einem Auftrag zweimal vor.",
                        "The same record appears twice in one batch.",
                        record=draft.record,
                    )
                seen.add(draft.record)
                current = self.meta(draft.record)
                if draft.expected_version is not None and (current is None or current.version != draft.expected_version):
                    raise Conflict(
                        "Der Eintrag wurde inzwischen geändert. Bitte laden Sie ihn neu und wiederholen Sie die Änderung.",
                        "The record changed in the meantime. Please reload it and repeat your change.",
                        current_version=current.version if current else None,
                    )
                if current is not None and current.deleted:
                    raise Gone(
                        "Dieses Projekt wurde zurückgezogen und kann nicht mehr geändert werden.",
                        "This project has been withdrawn and can no longer be changed.",
                    )
                if draft.triples is None and current is None:
                    raise NotFound("Dieses Projekt gibt es hier nicht.", "There is no such project here.")
                if current is not None and not current.local:
                    raise Conflict(
                        "Dieser Eintrag stammt von einem anderen Knoten und kann nur dort geändert werden.",
                        "This record belongs to another node and can only be changed there.",
                    )
                kind: ChangeKind = "delete" if draft.triples is None else ("create" if current is None else "update")
                version = (current.version if current else 0) + 1
                timestamp = now_timestamp()
                triples = list(draft.triples or ())
                sealed = self._sealer(
                    draft.record, triples, version=version, kind=kind, timestamp=timestamp, visibility=draft.visibility
                )
                seq += 1
                meta = RecordMeta(
                    iri=draft.record,
                    version=version,
                    modified=timestamp,
                    created=current.created if current else timestamp,
                    origin=self.node_iri,
                    visibility=draft.visibility,
                    deleted=kind == "delete",
                    content_hash=content_hash(triples),
                    seq=seq,
                    member=sealed.member,
                    local=True,
                    record_type=draft.record_type or (current.record_type if current else ""),
                )
                ops.extend(self._version_ops(meta, triples, kind, sealed, replace=current is not None))
                events.append(_event_from(meta, kind))
            ops.extend(self._doc_ops(docs or {}))
            self._apply(ops, seq)
            return events

    def commit_received(
        self, members: Sequence[Member], docs: Mapping[tuple[str, str], object | None] | None = None
    ) -> tuple[list[ChangeEvent], list[tuple[Member, str]]]:
        """Store verified versions from peers, newest wins, together with the peer's cursor (docs).

        Returns the change events and the members that were not applied with the reason
        (``self`` = our own record, ``older`` = not newer than what we hold).
        """
        with self._write_lock:
            ops: list[str] = []
            events: list[ChangeEvent] = []
            skipped: list[tuple[Member, str]] = []
            seq = self._last_seq
            batch: dict[str, RecordMeta] = {}
            for m in members:
                if m.origin == self.node_iri:
                    skipped.append((m, "self"))
                    continue
                current = batch.get(m.record) or self.meta(m.record)
                if current is not None and current.version >= m.version:
                    skipped.append((m, "older" if current.version > m.version else "same"))
                    continue
                if current is not None and current.local:
                    skipped.append((m, "self"))
                    continue
                seq += 1
                triples = list(m.triples) if m.kind != "delete" else []
                meta = RecordMeta(
                    iri=m.record,
                    version=m.version,
                    modified=m.timestamp,
                    created=current.created if current else m.timestamp,
                    origin=m.origin,
                    visibility=m.visibility,
                    deleted=m.kind == "delete",
                    content_hash=content_hash(triples),
                    seq=seq,
                    member=m.member,
                    local=False,
                    record_type=m.record_type or (current.record_type if current else ""),
                    received_from=m.received_from,
                    received_at=now_timestamp(),
                    verified=m.verified,
                )
                sealed = SealedVersion(member=m.member, payload=m.payload)
                ops.extend(self._version_ops(meta, triples, m.kind, sealed, replace=current is not None))
                events.append(_event_from(meta, m.kind))
                batch[m.record] = meta
            ops.extend(self._doc_ops(docs or {}))
            self._apply(ops, seq)
            return events, skipped

    def put_docs(self, docs: Mapping[tuple[str, str], object | None]) -> None:
        """Write (or with ``None`` delete) private JSON documents atomically."""
        with self._write_lock:
            self._apply(self._doc_ops(docs), self._last_seq)

    def get_doc(self, collection: str, key: str) -> object | None:
        for q in self._store.quads_for_pattern(doc_iri(collection, key), _P_JSON, None, PRIVATE_GRAPH):
            return json.loads(q.object.value)
        return None

    def docs(self, collection: str) -> dict[str, object]:
        """All documents of a collection, by key."""
        from urllib.parse import unquote

        prefix = str(doc_iri(collection, ""))[1:-1]
        out: dict[str, object] = {}
        for q in self._store.quads_for_pattern(None, _P_JSON, None, PRIVATE_GRAPH):
            iri = q.subject.value
            if iri.startswith(prefix):
                out[unquote(iri[len(prefix):])] = json.loads(q.object.value)
        return out

    def _doc_ops(self, docs: Mapping[tuple[str, str], object | None]) -> list[str]:
        ops = []
        for (collection, key), value in docs.items():
            subject = doc_iri(collection, key)
            ops.append(f"DELETE WHERE {{ GRAPH {PRIVATE_GRAPH} {{ {subject} {_P_JSON} ?v }} }}")
            if value is not None:
                literal = Literal(json.dumps(value, ensure_ascii=False, sort_keys=True))
                ops.append(f"INSERT DATA {{ GRAPH {PRIVATE_GRAPH} {{ {subject} {_P_JSON} {literal} }} }}")
        return ops

    def _version_ops(
        self, meta: RecordMeta, triples: list[Triple], kind: ChangeKind, sealed: SealedVersion, *, replace: bool
    ) -> list[str]:
        record = NamedNode(meta.iri)
        cr = catalog_record_iri(meta.iri)
        ops = []
        if replace:
            ops.append(f"DROP SILENT GRAPH {record}")
            ops.append(f"DELETE WHERE {{ GRAPH {RECORDS_GRAPH} {{ {cr} ?p ?o }} }}")
            ops.append(f"DELETE WHERE {{ GRAPH {PRIVATE_GRAPH} {{ {cr} {_P_SUMMARY} ?s }} }}")
        private_triples = []
        if self._summarize is not None and kind != "delete":
            summary = self._summarize(meta.iri, triples)
            private_triples.append(Triple(cr, _P_SUMMARY, Literal(json.dumps(summary, ensure_ascii=False, sort_keys=True))))
        meta_triples = [
            Triple(cr, _P_TOPIC, record),
            Triple(cr, _P_VERSION, _int(meta.version)),
            Triple(cr, _P_CREATED, _datetime(meta.created)),
            Triple(cr, _P_MODIFIED, _datetime(meta.modified)),
            Triple(cr, _P_ORIGIN, NamedNode(meta.origin)),
            Triple(cr, _P_VIS, _visibility_iri(meta.visibility)),
            Triple(cr, _P_DELETED, _bool(meta.deleted)),
            Triple(cr, _P_HASH, Literal(meta.content_hash)),
            Triple(cr, _P_SEQ, _int(meta.seq)),
            Triple(cr, _P_MEMBER, NamedNode(meta.member)),
            Triple(cr, _P_LOCAL, _bool(meta.local)),
            Triple(cr, _P_VERIFIED, _bool(meta.verified)),
            Triple(cr, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), DCAT.CatalogRecord),
        ]
        if meta.record_type:
            meta_triples.append(Triple(cr, _P_TYPE, NamedNode(meta.record_type)))
        if meta.received_from:
            meta_triples.append(Triple(cr, _P_FROM, NamedNode(meta.received_from)))
        if meta.received_at:
            meta_triples.append(Triple(cr, _P_AT, _datetime(meta.received_at)))
        ev = event_iri(meta.seq)
        log_triples = [
            Triple(ev, _P_RECORD, record),
            Triple(ev, _P_VERSION, _int(meta.version)),
            Triple(ev, _P_KIND, Literal(kind)),
            Triple(ev, _P_ORIGIN, NamedNode(meta.origin)),
            Triple(ev, _P_VIS, _visibility_iri(meta.visibility)),
            Triple(ev, _P_MODIFIED, _datetime(meta.modified)),
            Triple(ev, _P_MEMBER, NamedNode(sealed.member)),
            Triple(ev, _P_LOCAL, _bool(meta.local)),
            Triple(ev, _P_PAYLOAD, Literal(sealed.payload)),
        ]
        blocks = (
            _graph_block(triples, record)
            + _graph_block(meta_triples, RECORDS_GRAPH)
            + _graph_block(log_triples, LOG_GRAPH)
            + _graph_block(private_triples, PRIVATE_GRAPH)
        )
        ops.append("INSERT DATA {\n" + blocks + "}")
        return ops

    def _apply(self, ops: list[str], new_last_seq: int) -> None:
        if not ops:
            return
        self._store.update(" ;\n".join(ops))
        with self._changed:
            self._last_seq = new_last_seq
            self._changed.notify_all()

    # ------------------------------------------------------------------ maintenance

    def check_integrity(self) -> list[str]:
        """Problems found (empty if consistent): every record's content matches its provenance,
        every record's latest version is in the log, and the log has no gaps."""
        problems: list[str] = []
        for seq in range(1, self._last_seq + 1):
            if not any(self._store.quads_for_pattern(event_iri(seq), _P_RECORD, None, LOG_GRAPH)):
                problems.append(f"log entry {seq} missing")
        if any(self._store.quads_for_pattern(event_iri(self._last_seq + 1), None, None, LOG_GRAPH)):
            problems.append("log continues after the last sequence number")
        for q in self._store.quads_for_pattern(None, _P_TOPIC, None, RECORDS_GRAPH):
            record = q.object.value
            stored = self.get(record)
            if stored is None:
                problems.append(f"{record}: provenance unreadable")
                continue
            meta = stored.meta
            if content_hash(stored.triples) != meta.content_hash:
                problems.append(f"{record}: content does not match version {meta.version}")
            found = self.event(meta.seq)
            if found is None or found[0].record != record or found[0].version != meta.version:
                problems.append(f"{record}: version {meta.version} not at log entry {meta.seq}")
        return problems


    def flush(self) -> None:
        self._store.flush()

    def close(self) -> None:
        """Flush and release the store (and its directory lock); the catalogue is unusable after."""
        with self._write_lock:
            if self._store is None:
                return
            self._store.flush()
            self._store = None  # type: ignore[assignment]

    def quads(self, graph: NamedNode) -> list[Quad]:
        return list(self._store.quads_for_pattern(None, None, None, graph))


def _event_from(meta: RecordMeta, kind: ChangeKind) -> ChangeEvent:
    return ChangeEvent(
        seq=meta.seq,
        record=meta.iri,
        version=meta.version,
        kind=kind,
        origin=meta.origin,
        visibility=meta.visibility,
        timestamp=meta.modified,
        member=meta.member,
        local=meta.local,
    )


def _meta_from_props(record: str, props: dict[str, list]) -> RecordMeta:
    def one(p: NamedNode, default: str = "") -> str:
        values = props.get(p.value)
        return values[0].value if values else default

    return RecordMeta(
        iri=record,
        version=int(one(_P_VERSION, "0")),
        modified=one(_P_MODIFIED),
        created=one(_P_CREATED),
        origin=one(_P_ORIGIN),
        visibility=one(_P_VIS, PUBLIC).rsplit("/", 1)[-1],
        deleted=one(_P_DELETED) == "true",
        content_hash=one(_P_HASH),
        seq=int(one(_P_SEQ, "0")),
        member=one(_P_MEMBER),
        local=one(_P_LOCAL) == "true",
        record_type=one(_P_TYPE),
        received_from=one(_P_FROM) or None,
        received_at=one(_P_AT) or None,
        verified=one(_P_VERIFIED, "true") == "true",
    )


__all__ = ["OxigraphCatalog", "RECORDS_GRAPH", "LOG_GRAPH", "PRIVATE_GRAPH", "PRIVATE_GRAPHS", "SCHEMA", "NETWORK"]
