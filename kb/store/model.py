"""What the catalogue stores and tells its subscribers: records, versions, change events."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal, Protocol

from pyoxigraph import RdfFormat, Triple, serialize

from kb.ontology.filters import Filters

ChangeKind = Literal["create", "update", "delete"]
PUBLIC = "public"
NETWORK = "network"


def now_timestamp() -> str:
    """UTC time in xsd:dateTime form with milliseconds; for display and provenance only.

    Order never depends on clocks: the node's sequence numbers and the origin's version numbers do.
    """
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


_STORED_TIME = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,3}))?Z")


def as_written(stored: str) -> str:
    """A timestamp read back from the store in the form ``now_timestamp`` writes it.

    Oxigraph keeps xsd:dateTime values in canonical form, without trailing zeros: "…:49.160Z" comes
    back as "…:49.16Z" and "…:49.000Z" as "…:49Z". Same instant, but a different string from the
    one the change event carries, and no longer of fixed width (string order breaks).
    """
    found = _STORED_TIME.fullmatch(stored)
    if found is None:
        return stored
    return f"{found[1]}.{(found[2] or '').ljust(3, '0')}Z"


def canonical_ntriples(triples: Iterable[Triple]) -> str:
    """Canonical N-Triples, sorted: the RDFC-1.0 form of a graph without blank nodes."""
    return sorted_lines(ntriples(list(triples)))


def ntriples(triples: Sequence[Triple]) -> str:
    """The triples as N-Triples, in their order (pyoxigraph's writer)."""
    written = serialize(triples, format=RdfFormat.N_TRIPLES)
    assert written is not None  # None only when given an output to write to
    return written.decode()


def sorted_lines(text: str) -> str:
    """The distinct non-empty lines of ``text``, sorted, each ending in "\\n" (joined in one call).

    Lines end at "\\n" only: a literal may hold U+2028, U+2029 or U+0085 unescaped, where
    ``str.splitlines`` would cut it in two.
    """
    lines = set(text.split("\n"))
    lines.discard("")
    return "\n".join(sorted(lines)) + "\n" if lines else ""


def later(a: str, b: str) -> str:
    """The later of two xsd:dateTime values (compared as instants, not as text)."""
    def instant(text: str) -> datetime:
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return datetime.min.replace(tzinfo=UTC)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)

    return b if instant(b) > instant(a) else a


def ntriples_hash(canonical: str) -> str:
    """The content hash of a graph from its canonical N-Triples."""
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()


def content_hash(triples: Iterable[Triple]) -> str:
    return ntriples_hash(canonical_ntriples(triples))


@dataclass(frozen=True)
class RecordMeta:
    """Provenance of the current version of a record (a dcat:CatalogRecord in the metadata graph)."""

    iri: str
    version: int
    modified: str
    created: str
    origin: str
    visibility: str
    deleted: bool
    content_hash: str
    seq: int
    member: str
    local: bool
    record_type: str = ""
    received_from: str | None = None
    received_at: str | None = None
    verified: bool = True
    erased_before: int = 0
    """The origin's erasure horizon: every version of this record below this number was erased
    (its member is compacted away on every node). 0: nothing was erased."""
    personal_hash: str = ""
    """Hash of the personal data in this version (local records; "" if not recorded): a new version
    whose personal data differs erases the earlier ones."""


@dataclass(frozen=True)
class StoredRecord:
    meta: RecordMeta
    triples: list[Triple]


@dataclass(frozen=True)
class ChangeEvent:
    """One entry of the catalogue's log, in commit order. ``seq`` has no gaps."""

    seq: int
    record: str
    version: int
    kind: ChangeKind
    origin: str
    visibility: str
    timestamp: str
    member: str
    local: bool
    logged: str = ""
    """When this node logged the version (xsd:dateTime; '' in entries from before kb kept it): the
    stream's timestamp, never earlier than the entry before it. ``timestamp`` stays the origin's."""
    compacted: bool = False
    """The version was erased by a later one: the entry keeps its place in the log (``seq`` stays
    gap-free) but no longer has a payload, and the stream and ``/versions/{n}`` no longer show it."""

    @property
    def stream_time(self) -> str:
        """The stream's timestamp of this entry (``logged``; the version's own time in old entries)."""
        return self.logged or self.timestamp


@dataclass(frozen=True)
class Draft:
    """A change this node originates. ``triples=None`` withdraws the record (tombstone)."""

    record: str
    triples: Sequence[Triple] | None
    visibility: str = PUBLIC
    record_type: str = ""
    expected_version: int | None = None
    """If given, the write fails with Conflict unless the stored version is this one."""
    erase: bool = False
    """Make this version erase all earlier versions of the record (``kb erase``). Also allowed on a
    withdrawn record, with ``triples=None``: a new tombstone that erases the history before it."""


@dataclass(frozen=True)
class Member:
    """A version received from a peer, already verified; stored and re-published verbatim."""

    record: str
    version: int
    kind: ChangeKind
    origin: str
    visibility: str
    timestamp: str
    member: str
    payload: str
    triples: Sequence[Triple] = ()
    record_type: str = ""
    received_from: str | None = None
    verified: bool = True
    ntriples: str | None = None
    """Canonical N-Triples of ``triples``, if the receiver has them already (from checking the
    signature); the store then writes and hashes them instead of serialising the triples again."""
    erased_before: int = 0
    """The origin's signed erasure horizon (``kbm:erasedBefore``): versions below it are erased."""


@dataclass(frozen=True)
class SealedVersion:
    member: str
    payload: str


class MemberSealer(Protocol):
    """Builds the published form of a local version (the LDES member, signed).

    ``kb/federation`` provides the real one; the store only keeps the result beside the record,
    in the same transaction, so the stream never disagrees with the catalogue.
    """

    def __call__(
        self,
        record: str,
        triples: Sequence[Triple],
        *,
        version: int,
        kind: ChangeKind,
        timestamp: str,
        visibility: str,
        erased_before: int = 0,
    ) -> SealedVersion: ...


@dataclass(frozen=True)
class ListQuery:
    """A page of records matching the filters (each given filter must match, AND)."""

    filters: Filters = Filters()
    include_network: bool = False
    offset: int = 0
    limit: int = 50
    sort: Literal["title", "modified"] = "title"


@dataclass(frozen=True)
class ListedRecord:
    iri: str
    title: str
    modified: str
    origin: str
    version: int


@dataclass(frozen=True)
class ListPage:
    total: int
    offset: int
    limit: int
    items: list[ListedRecord] = field(default_factory=list)
