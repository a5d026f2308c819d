"""The writer: new versions of records (local or received), erasures, documents, one commit each.

Every commit is a single atomic write of a ``Batch`` (``_apply``, given by the backend). All writes
of a process pass one lock, so versions and sequence numbers are allocated without races in it;
the Python work that depends on the content only (canonical form, hash, summary, signing) is done
before the lock is taken. A backend shared by several processes (``kb.store.server``) also checks in
the write itself that the log is still where this commit began (``base``) and says so; the commit
is then built again on the newer state, up to ``COMMIT_ATTEMPTS`` times.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from pyoxigraph import Literal, Triple

from kb.errors import Busy, Conflict, Gone, NotFound
from kb.store.batch import Batch
from kb.store.catalog import PreparedMembers, VersionContent
from kb.store.changelog import event_from
from kb.store.documents import STORE_DOC, DocumentReads
from kb.store.model import (
    ChangeEvent,
    ChangeKind,
    Draft,
    Member,
    MemberSealer,
    RecordMeta,
    SealedVersion,
    canonical_ntriples,
    later,
    now_timestamp,
    ntriples_hash,
)

log = logging.getLogger(__name__)

Summarizer = Callable[[str, Sequence[Triple]], dict[str, Any]]
"""Turns a record graph into a small JSON summary (fields for filters, facets, the inventory)."""
PersonalData = Callable[[Sequence[Triple]], frozenset[Triple]]
"""Picks the personal data out of a record graph (``kb.ontology.personal_data.personal_triples``)."""

COMMIT_ATTEMPTS = 50
"""How often a commit is built again because another process wrote first (server store only)."""

_NO_PERSONAL = ntriples_hash("")


class CatalogWriter(DocumentReads):
    """Commits. A backend provides ``_begin`` and ``_apply`` (and the reads of its base classes)."""

    _sealer: MemberSealer
    _summarize: Summarizer | None
    _personal: PersonalData | None
    _write_lock: AbstractContextManager[Any]
    """Serialises the writes of this process (and, on a shared server store, of all processes)."""

    def _begin(self) -> int:
        """Under the write lock: the sequence number of the log's last entry, which a commit builds on."""
        raise NotImplementedError

    def _apply(self, batch: Batch, base_seq: int, new_last_seq: int) -> bool:
        """Write ``batch`` atomically, moving the log from ``base_seq`` to ``new_last_seq``; False
        (nothing written) if the log is no longer at ``base_seq``."""
        raise NotImplementedError

    def _erasures_now(self) -> dict[str, int]:
        """The erasure counter (``STORE_DOC``)."""
        found = self.get_doc(*STORE_DOC)
        return {k: int(v) for k, v in found.items()} if isinstance(found, dict) else {"count": 0, "seq": 0}

    def _erasures_written(self, erasures: dict[str, int]) -> None:
        """Called after a commit that counted an erasure (a backend may keep the counter in memory)."""

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """The write lock for one commit; ``_after_write`` once it is released (not after a refused commit)."""
        with self._write_lock:
            yield
        self._after_write()

    def _after_write(self) -> None:
        """Called after each commit, outside the write lock (the embedded store rewrites itself here after erasures)."""

    def _stream_time(self, base: int) -> str:
        """The time the log entries of a commit after ``base`` carry: now, but never before the last
        entry's, so the stream's timestamps never go backwards (``ldes:timestampPath``), whatever
        the clock does and however old the versions a relay logs are."""
        now = now_timestamp()
        found = self.event(base) if base > 0 else None
        return later(now, found[0].stream_time) if found is not None else now

    @property
    def erasure_mark(self) -> str:
        """Changes whenever erased versions are compacted away (for ETags of otherwise fixed pages)."""
        erasures = self._erasures_now()
        return f"{erasures.get('count', 0)}.{erasures.get('seq', 0)}"

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
        with self._writing():
            for _attempt in range(COMMIT_ATTEMPTS):
                batch = Batch()
                events: list[ChangeEvent] = []
                seq = base = self._begin()
                batch.logged = self._stream_time(base)
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
                    events.append(event_from(meta, kind, batch.logged))
                    compacted |= self._compact(batch, draft.record, bound, current)
                if self._commit(batch, docs, base, seq, compacted):
                    return events
            raise _too_busy()

    def _guess_seal(self, draft: Draft, content: VersionContent) -> tuple[int, ChangeKind, str, SealedVersion, int] | None:
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

    def _erasure_bound(self, draft: Draft, current: RecordMeta | None, version: int, content: VersionContent) -> int:
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

    def _compact(self, batch: Batch, record: str, bound: int, current: RecordMeta | None) -> bool:
        """Add to ``batch`` the compaction of every version of ``record`` below a new erasure horizon;
        True if the horizon is new (then the commit counts as an erasure)."""
        if bound <= (current.erased_before if current else 0):
            return False
        for event in self.events_of(record):
            if event.version < bound and not event.compacted:
                batch.compact(event.seq)
        batch.compact_pending(record, bound)
        return True

    def _commit(self, batch: Batch, docs: Mapping[tuple[str, str], object | None] | None, base: int, seq: int,
                compacted: bool) -> bool:
        """Write a batch of versions with its documents (and, after an erasure, the erasure count);
        False if the log moved on since ``base`` (a server store shared with other processes)."""
        docs = dict(docs or {})
        erasures = {"count": int(self._erasures_now().get("count", 0)) + 1, "seq": seq} if compacted else None
        if erasures is not None:
            docs[STORE_DOC] = erasures
        batch.docs(docs, stamp=self._doc_stamp(batch, docs, base, seq))
        if not self._apply(batch, base, seq):
            return False
        if erasures is not None:
            self._erasures_written(erasures)
            log.info("erased versions compacted (erasure %d, up to change %d)", erasures["count"], seq)
        return True

    def compact_history(self, record: str, below: int) -> list[int]:
        """Drop this node's copies of a record's versions below ``below`` without a new version.

        For a harvested record whose origin has not erased yet (``kb erase`` on a copy): deleting
        our own copies is always allowed, signing a new version is not. Returns the versions dropped.
        """
        with self._writing():
            batch = Batch()
            dropped = []
            for event in self.events_of(record):
                if event.version < below and not event.compacted:
                    batch.compact(event.seq)
                    dropped.append(event.version)
            if dropped:
                base = self._begin()
                if not self._commit(batch, None, base, base, True):
                    raise _too_busy()
            return dropped

    def rewrite_entries(self, payloads: Mapping[int, str], stream_times: Mapping[int, str]) -> None:
        """Upgrade existing log entries in place (same versions, same content): new signed forms of
        this node's own versions (``payloads``), and the stream time of entries written before kb
        kept one (``stream_times``). The pages that hold them change, so the write counts like an
        erasure: it moves ``erasure_mark``, which every page's ETag holds."""
        if not payloads and not stream_times:
            return
        with self._writing():
            batch = Batch()
            for seq, payload in payloads.items():
                batch.replace_payload(seq, payload)
            for seq, logged in stream_times.items():
                found = self.event(seq)
                if found is None:
                    continue
                e = found[0]
                batch.replace_logged(seq, json.dumps({
                    "version": e.version, "kind": e.kind, "origin": e.origin, "visibility": e.visibility,
                    "timestamp": e.timestamp, "local": e.local, "logged": logged,
                }, ensure_ascii=False, sort_keys=True))
            base = self._begin()
            if not self._commit(batch, None, base, base, True):
                raise _too_busy()

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
        with self._writing():
            for _attempt in range(COMMIT_ATTEMPTS):
                batch = Batch()
                events: list[ChangeEvent] = []
                skipped: list[tuple[Member, str]] = []
                seq = base = self._begin()
                batch.logged = self._stream_time(base)
                held: dict[str, RecordMeta | None] = self.metas(
                    [m.record for m, content in zip(prepared.members, prepared.contents, strict=True) if content is not None])
                compacted = False
                for m, content in zip(prepared.members, prepared.contents, strict=True):
                    if content is None:
                        skipped.append((m, "self"))
                        continue
                    current = held[m.record]
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
                    events.append(event_from(meta, m.kind, batch.logged))
                    compacted |= self._compact(batch, m.record, m.erased_before, current)
                    held[m.record] = meta
                if self._commit(batch, docs, base, seq, compacted):
                    return events, skipped
            raise _too_busy()

    def _content(self, record: str, triples: Sequence[Triple], kind: ChangeKind, ntriples: str | None = None, *,
                 local: bool = False) -> VersionContent:
        """The parts of a version's stored form that depend on its content only."""
        if ntriples is None or ntriples.count("\n") != len(triples):  # not given, or not of these triples
            ntriples = canonical_ntriples(triples) if triples else ""
        summary = None
        if self._summarize is not None and kind != "delete":
            summary = str(Literal(json.dumps(self._summarize(record, triples), ensure_ascii=False, sort_keys=True)))
        personal = ""
        if local and self._personal is not None:  # only the origin decides what erases earlier versions
            personal = _personal_hash(self._personal(triples)) if kind != "delete" else _NO_PERSONAL
        return VersionContent(ntriples, ntriples_hash(ntriples), summary, personal)

    def put_docs(self, docs: Mapping[tuple[str, str], object | None]) -> None:
        """Write (or with ``None`` delete) private JSON documents atomically."""
        with self._write_lock:
            batch = Batch()
            batch.docs(docs)
            base = self._begin()
            self._apply(batch, base, base)


def _horizon(bound: int) -> dict[str, int]:
    """The sealer's ``erased_before`` argument, given only when there is one (older sealers lack it)."""
    return {"erased_before": bound} if bound else {}


def _personal_hash(triples: frozenset[Triple]) -> str:
    return ntriples_hash(canonical_ntriples(triples)) if triples else _NO_PERSONAL


def _too_busy() -> Busy:
    return Busy("Der Katalog ist gerade stark beschäftigt. Bitte versuchen Sie es gleich noch einmal.",
                "The catalogue is busy with other writes. Please try again shortly.")
