"""The catalogue on an embedded, on-disk Oxigraph store.

Layout of the RDF dataset:

- one named graph per record, named by the record IRI (the current version's content);
- ``kbm:records``: a ``dcat:CatalogRecord`` per record with its provenance (origin, version,
  received from and when, content hash, visibility, tombstone flag);
- ``kbm:log``: the change log, one entry per version with the published member (signed payload),
  numbered ``urn:kb:event:{seq}`` without gaps, so reading a range is a few point lookups; an entry
  is four triples: ``kbm:record``, ``kbm:member``, ``kbm:payload`` and the other fields of the event
  as one JSON literal (``kbm:json``); entries written by older versions have one triple per field;
- an entry whose version was erased by a later one (``kbm:erasedBefore``, see
  docs/decisions.md "Personal data and erasure") is *compacted*: it keeps its record, member and
  JSON triples, so the log stays gap-free, but loses its payload and gets ``kbm:compacted true``;
- ``kbm:private``: small JSON documents of other parts (peer cursors, quarantine, tokens) that must
  change in the same transaction as records (one ``kbm:json`` value, or stamped ``kbm:jsonAt``
  values written by insert-only commits, see ``OxigraphCatalog._doc_stamp``), and the summaries.

Every commit is a single atomic write: one SPARQL update, or one TriG load when it deletes nothing.
A large insert-only commit (a harvested page) goes through Oxigraph's bulk loader instead, which
sorts the batch into index files and has RocksDB ingest all of them in one step, which costs less
than a transaction (docs/decisions.md); ``tests/store/test_atomicity.py`` holds it to all-or-nothing. After a
crash the store holds the old or the new state of all of a commit, never a mix. All
writes pass one lock (the writer), so versions and sequence numbers are allocated without races;
the Python work that depends on the content only (canonical form, hash, summary, signing) is done
before the lock is taken, and the store call under it releases the GIL.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, RdfFormat, Store, Triple

from kb.errors import Conflict, Gone, NotFound
from kb.ontology.namespaces import DCAT, DCT, FOAF, IKZ, KBM, MUNICIPALITY, PROV, SCHEMA, VISIBILITY, XSD
from kb.ontology.personal_data import personal_triples
from kb.store import generations
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
    as_written,
    canonical_ntriples,
    content_hash,
    now_timestamp,
    ntriples_hash,
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
_P_JSON_AT = KBM.jsonAt
_P_SUMMARY = KBM.summary
_P_ERASED_BEFORE = KBM.erasedBefore
_P_PERSONAL = KBM.personalDataHash
_P_COMPACTED = KBM.compacted

BULK_MIN_QUADS = 5_000
"""Insert-only commits with at least this many quads use the bulk loader. It has a fixed cost of
some 15–30 ms (it writes and syncs a file per index), so small commits stay cheaper as transactions."""

DOC_REVISIONS_MAX = 32
"""Stamped values a private document may collect (see ``_doc_stamp``) before a write cleans them up."""

Summarizer = Callable[[str, Sequence[Triple]], dict[str, Any]]
"""Turns a record graph into a small JSON summary (fields for filters, facets, the inventory)."""
PersonalData = Callable[[Sequence[Triple]], frozenset[Triple]]
"""Picks the personal data out of a record graph (``kb.ontology.personal_data.personal_triples``)."""

STORE_DOC = ("store", "erasures")
"""Private document: how many commits compacted erased versions, and the last one's sequence
number (part of the stream pages' ETags, so a cache revalidates a page after an erasure)."""


def catalog_record_iri(record: str) -> NamedNode:
    return NamedNode(record + "#catalog-record")


def event_iri(seq: int) -> NamedNode:
    return NamedNode(f"urn:kb:event:{seq}")


def doc_iri(collection: str, key: str) -> NamedNode:
    from urllib.parse import quote

    return NamedNode(f"urn:kb:doc:{quote(collection, safe='')}/{quote(key, safe='')}")


def _bool(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=XSD.boolean)


def _visibility_iri(visibility: str) -> NamedNode:
    return VISIBILITY[visibility]


class OxigraphCatalog:
    """The record catalogue of one node. Thread-safe; writes are serialised by one lock."""

    def __init__(self, path: Path | None, *, sealer: MemberSealer, node_iri: str, summarizer: Summarizer | None = None,
                 personal: PersonalData | None = personal_triples, purge_interval: float = 0.0) -> None:
        self._path = path
        self._dir = generations.open_dir(path) if path is not None else None
        self._store = Store(str(self._dir) if self._dir is not None else None)
        if self._dir is not None:
            _remove_unfinished_bulk_files(self._dir)
        self._purges = _Purges(purge_interval)
        self._sealer = sealer
        self._summarize = summarizer
        self._personal = personal
        self.node_iri = node_iri
        self._write_lock = threading.Lock()
        self._purge_lock = threading.Lock()
        self._writes = 0
        """Writes so far (a rewrite made without the writer checks that none came in between)."""
        self._changed = threading.Condition()
        self._last_seq = self._find_last_seq()
        self._overview_cache: dict[tuple[Any, ...], tuple[int, Any]] = {}
        found = self.get_doc(*STORE_DOC)
        self._erasures = dict(found) if isinstance(found, dict) else {"count": 0, "seq": 0}

    # ------------------------------------------------------------------ reads

    @property
    def store(self) -> Store:
        """The underlying Oxigraph store, for the SPARQL endpoint only."""
        return self._store

    @property
    def last_seq(self) -> int:
        return self._last_seq

    @property
    def generation(self) -> int:
        """How often the store was rewritten in this process (copies of an older one hold erased bytes)."""
        return self._purges.done

    @property
    def erasure_mark(self) -> str:
        """Changes whenever erased versions are compacted away (for ETags of otherwise fixed pages)."""
        return f"{self._erasures.get('count', 0)}.{self._erasures.get('seq', 0)}"

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

    def _until_next_change(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """``compute()``, reused until the log moves on: the start page's overview queries scan the
        whole provenance graph (~50 ms each at 10,000 records) but only change with a commit."""
        seq = self._last_seq  # read before computing: a commit meanwhile makes the next call recompute
        hit = self._overview_cache.get(key)
        if hit is not None and hit[0] == seq:
            return hit[1]
        value = compute()
        self._overview_cache[key] = (seq, value)
        return value

    def recent(self, *, local: bool, limit: int = 10, include_network: bool = False) -> list[str]:
        """The most recently changed current records, this node's own or harvested ones."""
        vis = "" if include_network else f"; {_P_VIS} {VISIBILITY.public}"
        query = f"""SELECT ?rec WHERE {{ GRAPH {RECORDS_GRAPH} {{
            ?cr {_P_TOPIC} ?rec ; {_P_DELETED} false ; {_P_LOCAL} {_bool(local)} ; {_P_MODIFIED} ?m {vis} }} }}
            ORDER BY DESC(?m) LIMIT {int(limit)}"""
        return list(self._until_next_change(("recent", local, limit, include_network),
                                            lambda: tuple(row["rec"].value for row in self._select(query))))

    def count_by_origin(self, *, include_network: bool = False) -> dict[str, int]:
        """Current records per origin node."""
        vis = "" if include_network else f"; {_P_VIS} {VISIBILITY.public}"
        query = f"""SELECT ?origin (COUNT(?cr) AS ?n) WHERE {{ GRAPH {RECORDS_GRAPH} {{
            ?cr {_P_DELETED} false ; {_P_ORIGIN} ?origin {vis} }} }} GROUP BY ?origin"""
        return dict(self._until_next_change(("count_by_origin", include_network),
                                            lambda: tuple((row["origin"].value, int(row["n"].value)) for row in self._select(query))))

    def iter_live_records(self, *, include_network: bool = True) -> Iterator[str]:
        """IRIs of all current (not withdrawn) records."""
        for record, public in live_records(self._store):
            if include_network or public:
                yield record

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

    def list_records(self, q: ListQuery) -> ListPage:
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
                modified=as_written(row["m"].value),
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
        entry = first.get(_P_JSON.value)
        if entry is not None:
            fields = json.loads(entry.value)
            event = ChangeEvent(
                seq=seq,
                record=first[_P_RECORD.value].value,
                version=int(fields["version"]),
                kind=fields["kind"],
                origin=fields["origin"],
                visibility=fields["visibility"],
                timestamp=fields["timestamp"],
                member=first[_P_MEMBER.value].value,
                local=bool(fields["local"]),
                compacted=_P_PAYLOAD.value not in first,
            )
            return event, first[_P_PAYLOAD.value].value if _P_PAYLOAD.value in first else ""
        # Entries written before the compact form: one triple per field.
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
            compacted=_P_PAYLOAD.value not in first,
        )
        return event, first[_P_PAYLOAD.value].value if _P_PAYLOAD.value in first else ""

    def event_for_member(self, member: str) -> tuple[ChangeEvent, str] | None:
        """The log entry that published ``member`` (a version IRI), with its payload."""
        for q in self._store.quads_for_pattern(None, _P_MEMBER, NamedNode(member), LOG_GRAPH):
            seq = int(q.subject.value.rsplit(":", 1)[1])
            return self.event(seq)
        return None

    def events_of(self, record: str) -> list[ChangeEvent]:
        """Every log entry of one record (compacted ones included), in log order."""
        seqs = sorted(int(q.subject.value.rsplit(":", 1)[1])
                      for q in self._store.quads_for_pattern(None, _P_RECORD, NamedNode(record), LOG_GRAPH))
        return [found[0] for seq in seqs if (found := self.event(seq)) is not None]

    def find_in_history(self, needles: Sequence[str]) -> dict[str, list[ChangeEvent]]:
        """Records with a stored version (current or earlier, not yet compacted) whose published
        form contains one of ``needles`` (case-insensitive), with those versions.

        Reads every payload of the log once: an operator's search for a data subject's request,
        not something to run per request.
        """
        wanted = [n.casefold() for n in needles if n]
        out: dict[str, list[ChangeEvent]] = {}
        for q in self._store.quads_for_pattern(None, _P_PAYLOAD, None, LOG_GRAPH):
            text = q.object.value.casefold()
            if not any(n in text for n in wanted):
                continue
            found = self.event(int(q.subject.value.rsplit(":", 1)[1]))
            if found is not None:
                out.setdefault(found[0].record, []).append(found[0])
        for events in out.values():
            events.sort(key=lambda e: e.seq)
        return out

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
        """Write new versions of records this node originates, all in one transaction.

        The Python work per draft (canonical form, hash, summary, the signed member) is done before
        taking the write lock, against the version read then; under the lock a draft is sealed again
        only if its record changed in between. The lock covers the checks, the numbering and the
        store call (which releases the GIL).
        """
        contents = [self._content(d.record, d.triples or (), "update" if d.triples is not None else "delete", local=True)
                    for d in drafts]
        guesses = [self._guess_seal(d, c) for d, c in zip(drafts, contents, strict=True)]
        with self._write_lock:
            batch = _Batch()
            events: list[ChangeEvent] = []
            seq = self._last_seq
            seen: set[str] = set()
            compacted = False
            for draft, content, guess in zip(drafts, contents, guesses, strict=True):
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
                if current is not None and current.deleted and not (draft.erase and draft.triples is None):
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
                bound = self._erasure_bound(draft, current, version, content)
                if guess is not None and guess[0] == version and guess[1] == kind and guess[4] == bound:
                    _, _, timestamp, sealed, _ = guess
                else:  # the record changed since the guess: seal again, now under the lock
                    timestamp = now_timestamp()
                    sealed = self._sealer(
                        draft.record, list(draft.triples or ()), version=version, kind=kind, timestamp=timestamp,
                        visibility=draft.visibility, **_horizon(bound),
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
                    content_hash=content.content_hash,
                    seq=seq,
                    member=sealed.member,
                    local=True,
                    record_type=draft.record_type or (current.record_type if current else ""),
                    erased_before=bound,
                    personal_hash=content.personal_hash,
                )
                batch.version(meta, kind, sealed, content, replace=current is not None)
                events.append(_event_from(meta, kind))
                compacted |= self._compact(batch, draft.record, bound, current)
            self._commit(batch, docs, seq, compacted)
        self._purge_if_due()
        return events

    def _guess_seal(self, draft: Draft, content: _Content) -> tuple[int, ChangeKind, str, SealedVersion, int] | None:
        """The signed member of a draft against the version stored now (checked again under the lock)."""
        current = self.meta(draft.record)
        if current is not None and (current.deleted or not current.local):
            return None  # refused (or, for an erasure of a withdrawn record, sealed) under the lock
        if draft.triples is None and current is None:
            return None
        kind: ChangeKind = "delete" if draft.triples is None else ("create" if current is None else "update")
        version = (current.version if current else 0) + 1
        bound = self._erasure_bound(draft, current, version, content)
        timestamp = now_timestamp()
        sealed = self._sealer(
            draft.record, list(draft.triples or ()), version=version, kind=kind, timestamp=timestamp, visibility=draft.visibility,
            **_horizon(bound),
        )
        return version, kind, timestamp, sealed, bound

    def _erasure_bound(self, draft: Draft, current: RecordMeta | None, version: int, content: _Content) -> int:
        """The erasure horizon a new local version carries (``kbm:erasedBefore``, 0 for none).

        It erases all earlier versions if asked to (``kb erase``), or if the record held personal
        data and this version changes or drops it (a removed or replaced contact must not stay
        public in old versions); otherwise it carries the horizon of the version before, so the
        latest version of a record always tells a node that missed the erasing one what to drop.
        """
        carried = current.erased_before if current else 0
        if draft.erase:
            return version
        if current is None or self._personal is None:
            return carried
        before = current.personal_hash
        if not before:  # a version written before personal data was tracked
            stored = self.get(draft.record)
            before = _personal_hash(self._personal(stored.triples)) if stored else _NO_PERSONAL
        if before != _NO_PERSONAL and before != content.personal_hash:
            return version
        return carried

    def _compact(self, batch: _Batch, record: str, bound: int, current: RecordMeta | None) -> bool:
        """Add to ``batch`` the compaction of every version of ``record`` below a new erasure horizon;
        True if the horizon is new (then the commit counts as an erasure)."""
        if bound <= (current.erased_before if current else 0):
            return False
        for event in self.events_of(record):
            if event.version < bound and not event.compacted:
                batch.compact(event.seq)
        batch.compact_pending(record, bound)
        return True

    def _commit(self, batch: _Batch, docs: Mapping[tuple[str, str], object | None] | None, seq: int, compacted: bool) -> None:
        """Write a batch of versions with its documents (and, after an erasure, the erasure count)."""
        docs = dict(docs or {})
        erasures = {"count": int(self._erasures.get("count", 0)) + 1, "seq": seq} if compacted else None
        if erasures is not None:
            docs[STORE_DOC] = erasures
        batch.docs(docs, stamp=self._doc_stamp(batch, docs, seq))
        self._apply(batch, seq)
        if erasures is not None:
            self._erasures = erasures
            self._purges.wanted = True
            log.info("erased versions compacted (erasure %d, up to change %d)", erasures["count"], seq)

    def compact_history(self, record: str, below: int) -> list[int]:
        """Drop this node's copies of a record's versions below ``below`` without a new version.

        For a harvested record whose origin has not erased yet (``kb erase`` on a copy): deleting
        our own copies is always allowed, signing a new version is not. Returns the versions dropped.
        """
        with self._write_lock:
            batch = _Batch()
            dropped = []
            for event in self.events_of(record):
                if event.version < below and not event.compacted:
                    batch.compact(event.seq)
                    dropped.append(event.version)
            if dropped:
                self._commit(batch, None, self._last_seq, True)
        self._purge_if_due()
        return dropped

    def prepare_received(self, members: Sequence[Member]) -> PreparedMembers:
        """Compute the stored form of members (canonical form, hash, summary) without the write lock.

        It depends on the members only, so a caller can do this while another commit is being
        written, and hand the result to ``commit_received``.
        """
        contents = tuple(
            None if m.origin == self.node_iri
            else self._content(m.record, m.triples if m.kind != "delete" else (), m.kind, m.ntriples if m.kind != "delete" else "")
            for m in members
        )
        return PreparedMembers(tuple(members), contents)

    def commit_received(
        self, members: Sequence[Member] | PreparedMembers, docs: Mapping[tuple[str, str], object | None] | None = None
    ) -> tuple[list[ChangeEvent], list[tuple[Member, str]]]:
        """Store verified versions from peers, newest wins, together with the peer's cursor (docs).

        Returns the change events and the members that were not applied with the reason
        (``self`` = our own record, ``older`` = not newer than what we hold).

        ``members`` may come prepared (``prepare_received``); otherwise they are prepared here,
        before the write lock is taken. The lock covers the version checks, the numbering and the
        store call.
        """
        prepared = members if isinstance(members, PreparedMembers) else self.prepare_received(members)
        with self._write_lock:
            batch = _Batch()
            events: list[ChangeEvent] = []
            skipped: list[tuple[Member, str]] = []
            seq = self._last_seq
            held: dict[str, RecordMeta] = {}
            compacted = False
            for m, content in zip(prepared.members, prepared.contents, strict=True):
                if content is None:
                    skipped.append((m, "self"))
                    continue
                current = held.get(m.record) or self.meta(m.record)
                if current is not None and current.version >= m.version:
                    skipped.append((m, "older" if current.version > m.version else "same"))
                    continue
                if current is not None and current.local:
                    skipped.append((m, "self"))
                    continue
                seq += 1
                meta = RecordMeta(
                    iri=m.record,
                    version=m.version,
                    modified=m.timestamp,
                    created=current.created if current else m.timestamp,
                    origin=m.origin,
                    visibility=m.visibility,
                    deleted=m.kind == "delete",
                    content_hash=content.content_hash,
                    seq=seq,
                    member=m.member,
                    local=False,
                    record_type=m.record_type or (current.record_type if current else ""),
                    received_from=m.received_from,
                    received_at=now_timestamp(),
                    verified=m.verified,
                    erased_before=m.erased_before,
                )
                batch.version(meta, m.kind, SealedVersion(member=m.member, payload=m.payload), content, replace=current is not None)
                events.append(_event_from(meta, m.kind))
                compacted |= self._compact(batch, m.record, m.erased_before, current)
                held[m.record] = meta
            self._commit(batch, docs, seq, compacted)
        self._purge_if_due()
        return events, skipped

    def _content(self, record: str, triples: Sequence[Triple], kind: ChangeKind, ntriples: str | None = None, *,
                 local: bool = False) -> _Content:
        """The parts of a version's stored form that depend on its content only."""
        if ntriples is None or ntriples.count("\n") != len(triples):  # not given, or not of these triples
            ntriples = canonical_ntriples(triples) if triples else ""
        summary = None
        if self._summarize is not None and kind != "delete":
            summary = str(Literal(json.dumps(self._summarize(record, triples), ensure_ascii=False, sort_keys=True)))
        personal = ""
        if local and self._personal is not None:  # only the origin decides what erases earlier versions
            personal = _personal_hash(self._personal(triples)) if kind != "delete" else _NO_PERSONAL
        return _Content(ntriples, ntriples_hash(ntriples), summary, personal)

    def put_docs(self, docs: Mapping[tuple[str, str], object | None]) -> None:
        """Write (or with ``None`` delete) private JSON documents atomically."""
        with self._write_lock:
            batch = _Batch()
            batch.docs(docs)
            self._apply(batch, self._last_seq)

    def get_doc(self, collection: str, key: str) -> object | None:
        best: tuple[int, str] | None = None
        for q in self._store.quads_for_pattern(doc_iri(collection, key), None, None, PRIVATE_GRAPH):
            found = _doc_value(q)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        return json.loads(best[1]) if best is not None else None

    def docs(self, collection: str) -> dict[str, object]:
        """All documents of a collection, by key."""
        from urllib.parse import unquote

        prefix = str(doc_iri(collection, ""))[1:-1]
        best: dict[str, tuple[int, str]] = {}
        for predicate in (_P_JSON, _P_JSON_AT):
            for q in self._store.quads_for_pattern(None, predicate, None, PRIVATE_GRAPH):
                iri = q.subject.value
                if iri.startswith(prefix):
                    found = _doc_value(q)
                    key = unquote(iri[len(prefix):])
                    if found is not None and (key not in best or found[0] > best[key][0]):
                        best[key] = found
        return {key: json.loads(text) for key, (_, text) in best.items()}

    def _doc_stamp(self, batch: _Batch, docs: Mapping[tuple[str, str], object | None], new_last_seq: int) -> int | None:
        """The stamp to write ``docs`` with, so that this commit deletes nothing; None if it cannot.

        A document normally has one value (``kbm:json``), replaced by delete + insert. A commit
        that only adds (new records, the next peer cursor) can instead add a value stamped with the
        commit's new last sequence number (``kbm:jsonAt "{seq} {json}"``): stamps only grow, so
        the highest stamp is the current value, and any stamped value is newer than the plain one.
        The next ordinary write of the document removes all its values. Needs a new sequence
        number (so stamps are unique), no deletions of documents, and few stamped values so far.
        """
        if batch.deletes or new_last_seq <= self._last_seq or any(value is None for value in docs.values()):
            return None
        for collection, key in docs:
            stamped = self._store.quads_for_pattern(doc_iri(collection, key), _P_JSON_AT, None, PRIVATE_GRAPH)
            if sum(1 for _ in islice(stamped, DOC_REVISIONS_MAX)) >= DOC_REVISIONS_MAX:
                return None
        return new_last_seq

    def _apply(self, batch: _Batch, new_last_seq: int) -> None:
        """One atomic write: a SPARQL update if anything is deleted, else a (faster) TriG load, or for
        a large batch the bulk loader."""
        data = batch.insert_data()
        if batch.deletes:
            self._store.update(" ;\n".join([*batch.deletes, f"INSERT DATA {{\n{data}}}"] if data else batch.deletes))
        elif data.count("\n") >= BULK_MIN_QUADS:
            # Our own TriG of terms pyoxigraph has already checked: parsing it leniently is safe.
            self._store.bulk_load(data.encode(), format=RdfFormat.TRIG, lenient=True)
        elif data:
            self._store.load(data.encode(), format=RdfFormat.TRIG)  # bytes: a str input is read holding the GIL
        else:
            return
        self._writes += 1
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


    # ------------------------------------------------------------------ erasure: rewriting the store

    def on_purge(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every rewrite (holders of copies of the store drop theirs)."""
        self._purges.listeners.append(listener)

    def request_purge(self) -> None:
        """Rewrite the store soon because something was erased outside a commit (e.g. quarantine)."""
        self._purges.wanted = True
        self._purge_if_due()

    @contextmanager
    def purge_after(self) -> Iterator[None]:
        """Erasures committed inside the block are rewritten together when it ends (a harvest
        round, one ``kb erase``), not one by one: only the first rewrite of an interval is immediate."""
        self._purges.hold(1)
        try:
            yield
        finally:
            self._purges.hold(-1)
            self._purge_if_due()

    def _purge_if_due(self) -> None:
        if self._purges.wanted and self._purges.held == 0 and self._dir is not None:
            self._purges.run_or_schedule(lambda: self.purge(only_if_wanted=True))

    def purge(self, *, only_if_wanted: bool = False) -> bool:
        """Rewrite the store into a fresh directory and switch to it, while the node runs.

        After an erasure the erased text is unreachable but still in the store's files
        (``kb/store/generations.py``); this is what removes it. The copy is made from a checkpoint
        without holding the writer, so harvests and publishing go on; only if something was written
        meanwhile is it made again under the writer (then it blocks writes as long as a bulk load of
        the store takes). Reads go on from the old store until the switch. False for an in-memory
        store, a closed catalogue, or (``only_if_wanted``) when no erasure is waiting.
        """
        if self._path is None:
            return False
        with self._purge_lock:
            with self._write_lock:
                if self._store is None or self._dir is None or (only_if_wanted and not self._purges.wanted):
                    return False
                started, writes, old_dir = time.monotonic(), self._writes, self._dir
                self._purges.wanted = False
                frozen = generations.checkpoint(self._store, self._path)
            try:
                fresh, store = generations.write_generation(Store.read_only(str(frozen)), self._path)
                with self._write_lock:
                    if self._store is None:
                        return False
                    if self._writes != writes:  # written meanwhile: copy again, holding the writer this time
                        del store
                        generations.remove_old(fresh)
                        fresh, store = generations.write_generation(self._store, self._path)
                    generations.switch_to(self._path, fresh)
                    self._store, self._dir = store, fresh
                    self._purges.finished()
            finally:
                generations.remove_old(frozen)
            generations.remove_old(old_dir)
        for listener in list(self._purges.listeners):
            listener()
        log.info("store rewritten after an erasure in %.1f s (%d quads)", time.monotonic() - started, len(store))
        return True

    def checkpoint(self, target: Path) -> int:
        """A consistent read-only copy of the store at ``target`` for readers in other processes.

        A RocksDB checkpoint: hard links to the immutable files plus a flush of the memtable, so it
        is cheap (docs/decisions.md has the figures). It holds every commit up to at least the
        returned sequence number and no part of a later one.
        """
        seq = self._last_seq
        self._store.backup(str(target))
        return seq

    def flush(self) -> None:
        self._store.flush()

    def close(self) -> None:
        """Flush and release the store (and its directory lock); the catalogue is unusable after."""
        self._purges.cancel()
        with self._write_lock:
            if self._store is None:
                return
            self._store.flush()
            self._store = None  # type: ignore[assignment]

    def quads(self, graph: NamedNode) -> list[Quad]:
        return list(self._store.quads_for_pattern(None, None, None, graph))


class _Purges:
    """When the store is rewritten after erasures: at once, but at most once per ``interval`` seconds.

    A rewrite holds the writer for as long as copying the store takes (seconds for a large
    aggregator), so a peer or publisher that erases again and again must not be able to keep the
    writer busy: erasures within the interval after a rewrite are rewritten together when it ends.
    """

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self.wanted = False
        self.done = 0
        self.held = 0
        self.listeners: list[Callable[[], None]] = []
        self._last = -float("inf")
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def run_or_schedule(self, purge: Callable[[], bool]) -> None:
        with self._lock:
            wait = self._last + self.interval - time.monotonic()
            if wait > 0:
                if self._timer is None:
                    self._timer = threading.Timer(wait, self._fire, (purge,))
                    self._timer.daemon = True
                    self._timer.start()
                return
            self._last = time.monotonic()
        purge()

    def _fire(self, purge: Callable[[], bool]) -> None:
        with self._lock:
            self._timer = None
            self._last = time.monotonic()
        if self.wanted:
            purge()

    def hold(self, delta: int) -> None:
        with self._lock:
            self.held += delta

    def finished(self) -> None:
        """Counted from the end of a rewrite: a slow one does not shorten the pause after it."""
        with self._lock:
            self.done += 1
            self._last = time.monotonic()

    def cancel(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None


@dataclass(frozen=True)
class _Content:
    """The stored form of a version's content: it depends on the content only."""

    ntriples: str
    """Canonical N-Triples ('' for a tombstone): the record graph as written, and what the hash covers."""
    content_hash: str
    summary: str | None
    """The summary as an N-Triples literal (None for tombstones or without a summarizer)."""
    personal_hash: str = ""
    """Hash of the personal data in the content (local versions only)."""


@dataclass(frozen=True)
class PreparedMembers:
    """Members with their stored form computed (``OxigraphCatalog.prepare_received``)."""

    members: tuple[Member, ...]
    contents: tuple[_Content | None, ...]
    """Per member; None for this node's own records (never stored from a peer)."""


_S_TOPIC, _S_VERSION, _S_CREATED, _S_MODIFIED, _S_ORIGIN, _S_VIS, _S_DELETED, _S_HASH, _S_SEQ, _S_MEMBER = (
    str(p) for p in (_P_TOPIC, _P_VERSION, _P_CREATED, _P_MODIFIED, _P_ORIGIN, _P_VIS, _P_DELETED, _P_HASH, _P_SEQ, _P_MEMBER)
)
_S_LOCAL, _S_VERIFIED, _S_TYPE, _S_FROM, _S_AT, _S_RECORD, _S_PAYLOAD, _S_JSON, _S_SUMMARY = (
    str(p) for p in (_P_LOCAL, _P_VERIFIED, _P_TYPE, _P_FROM, _P_AT, _P_RECORD, _P_PAYLOAD, _P_JSON, _P_SUMMARY)
)
_S_JSON_AT = str(_P_JSON_AT)
_S_ERASED_BEFORE, _S_PERSONAL, _S_COMPACTED = str(_P_ERASED_BEFORE), str(_P_PERSONAL), str(_P_COMPACTED)
_NO_PERSONAL = ntriples_hash("")
_S_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_S_CATALOG_RECORD = str(DCAT.CatalogRecord)
_S_TRUE, _S_FALSE = str(_bool(True)), str(_bool(False))
_S_INTEGER = str(XSD.integer)
_XSD_DATETIME = XSD.dateTime
_S_GRAPH_RECORDS, _S_GRAPH_LOG, _S_GRAPH_PRIVATE = str(RECORDS_GRAPH), str(LOG_GRAPH), str(PRIVATE_GRAPH)


def _nt_bool(value: bool) -> str:
    return _S_TRUE if value else _S_FALSE


def _nt_datetime(value: str) -> str:
    return str(Literal(value, datatype=_XSD_DATETIME))


class _Batch:
    """The changes of one commit as text: deletes (SPARQL) first, then one block of inserts.

    The insert block is a sequence of ``GRAPH <g> { N-Triples }`` blocks, which is both the body
    of a SPARQL ``INSERT DATA`` and a TriG document, so a commit that deletes nothing can be
    written with ``Store.load`` (no SPARQL parsing). IRIs pass through ``NamedNode`` (validated)
    and literals through ``Literal`` (escaped), as before.
    """

    def __init__(self) -> None:
        self.deletes: list[str] = []
        self._graphs: dict[str, str] = {}
        self._provenance: list[str] = []
        self._log: list[list[str]] = []
        """Per new log entry: [record, version, the entry's triples but the payload, payload triple]."""
        self._summaries: dict[str, str] = {}
        self._private: list[str] = []
        self._written: set[str] = set()

    def version(self, meta: RecordMeta, kind: ChangeKind, sealed: SealedVersion, content: _Content, *, replace: bool) -> None:
        record = str(NamedNode(meta.iri))
        cr = str(catalog_record_iri(meta.iri))
        if meta.iri in self._written:
            # A newer version of a record written earlier in this batch: only its log entry stays.
            self._graphs.pop(meta.iri, None)
            self._summaries.pop(meta.iri, None)
            self._provenance = [block for block in self._provenance if not block.startswith(cr + " ")]
        elif replace:
            self.deletes.append(f"DROP SILENT GRAPH {record}")
            self.deletes.append(f"DELETE WHERE {{ GRAPH {_S_GRAPH_RECORDS} {{ {cr} ?p ?o }} }}")
            self.deletes.append(f"DELETE WHERE {{ GRAPH {_S_GRAPH_PRIVATE} {{ {cr} {_S_SUMMARY} ?s }} }}")
        self._written.add(meta.iri)
        if content.ntriples:
            self._graphs[meta.iri] = f"GRAPH {record} {{\n{content.ntriples}}}\n"
        if content.summary is not None and kind != "delete":
            self._summaries[meta.iri] = f"{cr} {_S_SUMMARY} {content.summary} .\n"
        lines = [
            f"{cr} {_S_TOPIC} {record} .",
            f'{cr} {_S_VERSION} "{int(meta.version)}"^^{_S_INTEGER} .',
            f"{cr} {_S_CREATED} {_nt_datetime(meta.created)} .",
            f"{cr} {_S_MODIFIED} {_nt_datetime(meta.modified)} .",
            f"{cr} {_S_ORIGIN} {NamedNode(meta.origin)} .",
            f"{cr} {_S_VIS} {_visibility_iri(meta.visibility)} .",
            f"{cr} {_S_DELETED} {_nt_bool(meta.deleted)} .",
            f"{cr} {_S_HASH} {Literal(meta.content_hash)} .",
            f'{cr} {_S_SEQ} "{int(meta.seq)}"^^{_S_INTEGER} .',
            f"{cr} {_S_MEMBER} {NamedNode(meta.member)} .",
            f"{cr} {_S_LOCAL} {_nt_bool(meta.local)} .",
            f"{cr} {_S_VERIFIED} {_nt_bool(meta.verified)} .",
            f"{cr} {_S_RDF_TYPE} {_S_CATALOG_RECORD} .",
        ]
        if meta.record_type:
            lines.append(f"{cr} {_S_TYPE} {NamedNode(meta.record_type)} .")
        if meta.received_from:
            lines.append(f"{cr} {_S_FROM} {NamedNode(meta.received_from)} .")
        if meta.received_at:
            lines.append(f"{cr} {_S_AT} {_nt_datetime(meta.received_at)} .")
        if meta.erased_before:
            lines.append(f'{cr} {_S_ERASED_BEFORE} "{int(meta.erased_before)}"^^{_S_INTEGER} .')
        if meta.personal_hash:
            lines.append(f"{cr} {_S_PERSONAL} {Literal(meta.personal_hash)} .")
        self._provenance.append("\n".join(lines) + "\n")
        # The change log entry: what reads look up (record, member), the signed payload, and the
        # rest of the event in one small JSON literal (fewer quads per commit than one per field).
        ev = f"<urn:kb:event:{int(meta.seq)}>"
        entry = {
            "version": meta.version, "kind": kind, "origin": meta.origin, "visibility": meta.visibility,
            "timestamp": meta.modified, "local": meta.local,
        }
        self._log.append([
            meta.iri,
            str(int(meta.version)),
            f"{ev} {_S_RECORD} {record} .\n"
            f"{ev} {_S_MEMBER} {NamedNode(sealed.member)} .\n"
            f"{ev} {_S_JSON} {Literal(json.dumps(entry, ensure_ascii=False, sort_keys=True))} .\n",
            f"{ev} {_S_PAYLOAD} {Literal(sealed.payload)} .\n",
        ])

    def compact(self, seq: int) -> None:
        """Drop the payload of a stored log entry (its version was erased); the entry stays."""
        ev = f"<urn:kb:event:{int(seq)}>"
        self.deletes.append(f"DELETE WHERE {{ GRAPH {_S_GRAPH_LOG} {{ {ev} {_S_PAYLOAD} ?payload }} }}")
        self._log.append(["", "0", f"{ev} {_S_COMPACTED} {_S_TRUE} .\n", ""])

    def compact_pending(self, record: str, before: int) -> None:
        """The same for entries of this batch: versions of ``record`` below ``before`` lose their payload."""
        for entry in self._log:
            if entry[0] == record and int(entry[1]) < before and entry[3]:
                entry[3] = entry[2].split(" ", 1)[0] + f" {_S_COMPACTED} {_S_TRUE} .\n"

    def docs(self, docs: Mapping[tuple[str, str], object | None], *, stamp: int | None = None) -> None:
        """Replace (None: delete) documents; with a ``stamp``, add stamped values instead (no deletes)."""
        for (collection, key), value in docs.items():
            subject = doc_iri(collection, key)
            if stamp is None:
                self.deletes.append(f"DELETE WHERE {{ GRAPH {_S_GRAPH_PRIVATE} {{ {subject} ?p ?v }} }}")
            if value is None:
                continue
            text = json.dumps(value, ensure_ascii=False, sort_keys=True)
            if stamp is None:
                self._private.append(f"{subject} {_S_JSON} {Literal(text)} .\n")
            else:
                self._private.append(f"{subject} {_S_JSON_AT} {Literal(f'{stamp} {text}')} .\n")

    def insert_data(self) -> str:
        parts = list(self._graphs.values())
        if self._provenance:
            parts.append(f"GRAPH {_S_GRAPH_RECORDS} {{\n{''.join(self._provenance)}}}\n")
        if self._log:
            parts.append(f"GRAPH {_S_GRAPH_LOG} {{\n{''.join(e[2] + e[3] for e in self._log)}}}\n")
        if self._summaries or self._private:
            parts.append(f"GRAPH {_S_GRAPH_PRIVATE} {{\n{''.join(self._summaries.values())}{''.join(self._private)}}}\n")
        return "".join(parts)


def live_records(store: Store) -> list[tuple[str, bool]]:
    """Every current (not withdrawn) record of a store: its IRI, and whether it is public."""
    query = f"""
        SELECT ?rec ?vis WHERE {{ GRAPH {RECORDS_GRAPH} {{
            ?cr {_P_TOPIC} ?rec ; {_P_DELETED} false ; {_P_VIS} ?vis .
        }} }}"""
    result = store.query(query)
    assert isinstance(result, QuerySolutions)
    return [(row["rec"].value, row["vis"] == VISIBILITY.public) for row in result]  # type: ignore[union-attr]


def _remove_unfinished_bulk_files(path: Path) -> None:
    """Delete index files a bulk load wrote but never handed to RocksDB (the process died first).

    RocksDB does not know them, so they would only take disk space. Runs after the store is open:
    its directory lock means no other process is loading into it.
    """
    for leftover in path.glob("bulk-*.sst"):
        log.warning("removing %s, left by a bulk load that did not finish", leftover.name)
        leftover.unlink(missing_ok=True)


def _horizon(bound: int) -> dict[str, int]:
    """The sealer's ``erased_before`` argument, given only when there is one (older sealers lack it)."""
    return {"erased_before": bound} if bound else {}


def _personal_hash(triples: frozenset[Triple]) -> str:
    return ntriples_hash(canonical_ntriples(triples)) if triples else _NO_PERSONAL


def _doc_value(q: Quad) -> tuple[int, str] | None:
    """(stamp, JSON text) of a document value: plain values have stamp 0, stamped ones their seq."""
    if q.predicate == _P_JSON:
        return 0, q.object.value
    if q.predicate == _P_JSON_AT:
        stamp, _, text = q.object.value.partition(" ")
        return int(stamp), text
    return None


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
        modified=as_written(one(_P_MODIFIED)),
        created=as_written(one(_P_CREATED)),
        origin=one(_P_ORIGIN),
        visibility=one(_P_VIS, PUBLIC).rsplit("/", 1)[-1],
        deleted=one(_P_DELETED) == "true",
        content_hash=one(_P_HASH),
        seq=int(one(_P_SEQ, "0")),
        member=one(_P_MEMBER),
        local=one(_P_LOCAL) == "true",
        record_type=one(_P_TYPE),
        received_from=one(_P_FROM) or None,
        received_at=as_written(one(_P_AT)) or None,
        verified=one(_P_VERIFIED, "true") == "true",
        erased_before=int(one(_P_ERASED_BEFORE, "0")),
        personal_hash=one(_P_PERSONAL),
    )


__all__ = ["OxigraphCatalog", "live_records", "PreparedMembers", "RECORDS_GRAPH", "LOG_GRAPH", "PRIVATE_GRAPH", "PRIVATE_GRAPHS", "SCHEMA", "NETWORK"]
