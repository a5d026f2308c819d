"""The change log: one entry per version, numbered without gaps, read by subscribers in order.

``kbm:log`` holds entries ``urn:kb:event:{seq}``, so reading a range is a few point lookups. An
entry is four triples: ``kbm:record``, ``kbm:member``, ``kbm:payload`` (the signed, published
member) and the other fields of the event as one JSON literal (``kbm:json``); entries written by
older versions have one triple per field. An entry whose version was erased by a later one
(``kbm:erasedBefore``, see docs/decisions.md "Personal data and erasure") is *compacted*: it keeps
its record, member and JSON triples, so the log stays gap-free, but loses its payload and gets
``kbm:compacted true``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from pyoxigraph import NamedNode

from kb.store.model import ChangeEvent, ChangeKind, RecordMeta, content_hash
from kb.store.reads import CatalogReads, QuadStore
from kb.store.terms import (
    LOG_GRAPH,
    P_JSON,
    P_KIND,
    P_LOCAL,
    P_MEMBER,
    P_MODIFIED,
    P_ORIGIN,
    P_PAYLOAD,
    P_RECORD,
    P_TOPIC,
    P_VERSION,
    P_VIS,
    RECORDS_GRAPH,
    event_iri,
    lexical,
    seq_of_event,
)


def find_last_seq(store: QuadStore) -> int:
    """Highest sequence number: exponential then binary search over the gap-free log."""

    def exists(seq: int) -> bool:
        return any(store.quads_for_pattern(event_iri(seq), P_RECORD, None, LOG_GRAPH))

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


class ChangeLogReads(CatalogReads):
    """Reads of the change log, and the consistency check of records against it."""

    def event(self, seq: int) -> tuple[ChangeEvent, str] | None:
        """The log entry ``seq`` and its published payload."""
        props = self._props(event_iri(seq), LOG_GRAPH)
        if not props:
            return None
        first = {k: v[0] for k, v in props.items()}
        entry = first.get(P_JSON.value)
        if entry is not None:
            fields = json.loads(lexical(entry))
            event = ChangeEvent(
                seq=seq,
                record=lexical(first[P_RECORD.value]),
                version=int(fields["version"]),
                kind=fields["kind"],
                origin=fields["origin"],
                visibility=fields["visibility"],
                timestamp=fields["timestamp"],
                member=lexical(first[P_MEMBER.value]),
                local=bool(fields["local"]),
                logged=str(fields.get("logged", "")),
                compacted=P_PAYLOAD.value not in first,
            )
            return event, lexical(first[P_PAYLOAD.value]) if P_PAYLOAD.value in first else ""
        # Entries written before the compact form: one triple per field.
        event = ChangeEvent(
            seq=seq,
            record=lexical(first[P_RECORD.value]),
            version=int(lexical(first[P_VERSION.value])),
            kind=lexical(first[P_KIND.value]),  # type: ignore[arg-type]
            origin=lexical(first[P_ORIGIN.value]),
            visibility=lexical(first[P_VIS.value]).rsplit("/", 1)[-1],
            timestamp=lexical(first[P_MODIFIED.value]),
            member=lexical(first[P_MEMBER.value]),
            local=lexical(first[P_LOCAL.value]) == "true",
            compacted=P_PAYLOAD.value not in first,
        )
        return event, lexical(first[P_PAYLOAD.value]) if P_PAYLOAD.value in first else ""

    def event_for_member(self, member: str) -> tuple[ChangeEvent, str] | None:
        """The log entry that published ``member`` (a version IRI), with its payload."""
        for q in self.store.quads_for_pattern(None, P_MEMBER, NamedNode(member), LOG_GRAPH):
            seq = seq_of_event(lexical(q.subject))
            return self.event(seq)
        return None

    def events_of(self, record: str) -> list[ChangeEvent]:
        """Every log entry of one record (compacted ones included), in log order."""
        seqs = sorted(seq_of_event(lexical(q.subject))
                      for q in self.store.quads_for_pattern(None, P_RECORD, NamedNode(record), LOG_GRAPH))
        return [found[0] for seq in seqs if (found := self.event(seq)) is not None]

    def find_in_history(self, needles: Sequence[str]) -> dict[str, list[ChangeEvent]]:
        """Records with a stored version (current or earlier, not yet compacted) whose published
        form contains one of ``needles`` (case-insensitive), with those versions.

        Reads every payload of the log once: an operator's search for a data subject's request,
        not something to run per request.
        """
        wanted = [n.casefold() for n in needles if n]
        out: dict[str, list[ChangeEvent]] = {}
        for q in self.store.quads_for_pattern(None, P_PAYLOAD, None, LOG_GRAPH):
            text = lexical(q.object).casefold()
            if not any(n in text for n in wanted):
                continue
            found = self.event(seq_of_event(lexical(q.subject)))
            if found is not None:
                out.setdefault(found[0].record, []).append(found[0])
        for events in out.values():
            events.sort(key=lambda e: e.seq)
        return out

    def events_since(self, after_seq: int, limit: int = 500) -> list[ChangeEvent]:
        """Log entries after ``after_seq`` in order: subscribers resume from their last seq."""
        out = []
        for seq in range(after_seq + 1, min(self.last_seq, after_seq + limit) + 1):
            found = self.event(seq)
            if found is None:  # pragma: no cover - the log has no gaps
                break
            out.append(found[0])
        return out

    def check_integrity(self) -> list[str]:
        """Problems found (empty if consistent): every record's content matches its provenance,
        every record's latest version is in the log, and the log has no gaps."""
        problems: list[str] = []
        for seq in range(1, self.last_seq + 1):
            if not any(self.store.quads_for_pattern(event_iri(seq), P_RECORD, None, LOG_GRAPH)):
                problems.append(f"log entry {seq} missing")
        if any(self.store.quads_for_pattern(event_iri(self.last_seq + 1), None, None, LOG_GRAPH)):
            problems.append("log continues after the last sequence number")
        for q in self.store.quads_for_pattern(None, P_TOPIC, None, RECORDS_GRAPH):
            record = lexical(q.object)
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


def event_from(meta: RecordMeta, kind: ChangeKind, logged: str = "") -> ChangeEvent:
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
        logged=logged,
    )
