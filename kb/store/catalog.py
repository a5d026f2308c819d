"""The catalogue interface: what every part outside ``kb/store`` may ask of the record store.

``Catalog`` is the seam between the store and the rest of kb (publishing, federation, search, the
inventory, the API). It is a Protocol, so the backends do not inherit from it: the embedded
Oxigraph store (``kb.store.oxigraph.OxigraphCatalog``) and a catalogue on a SPARQL server both
satisfy it, and ``kb/node.py`` picks one. Nothing outside ``kb/store`` names a backend.

The values that cross the seam are the small vocabulary of ``kb.store.model`` plus
``PreparedMembers``: received members with their stored form computed outside the write lock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from kb.store.model import ChangeEvent, Draft, ListPage, ListQuery, Member, RecordMeta, StoredRecord

Docs = Mapping[tuple[str, str], object | None]
"""Private JSON documents by (collection, key); ``None`` deletes one."""


@dataclass(frozen=True)
class VersionContent:
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
    """Members with their stored form computed (``Catalog.prepare_received``)."""

    members: tuple[Member, ...]
    contents: tuple[VersionContent | None, ...]
    """Per member; None for this node's own records (never stored from a peer)."""


class Catalog(Protocol):
    """The record catalogue of one node: versions, the change log, private documents, listings.

    Every write is atomic (all of a commit or nothing) and numbered in the change log without gaps.
    """

    node_iri: str

    # --- records
    @property
    def last_seq(self) -> int:
        """The sequence number of the newest change log entry (0 for an empty catalogue)."""
        ...

    @property
    def erasure_mark(self) -> str:
        """Changes whenever erased versions are compacted away (for ETags of otherwise fixed pages)."""
        ...

    def meta(self, record: str) -> RecordMeta | None: ...

    def metas(self, records: Sequence[str]) -> dict[str, RecordMeta | None]:
        """``meta`` of several records (a store server reads them in one request)."""
        ...

    def get(self, record: str) -> StoredRecord | None:
        """The current version of a record (``triples`` empty for a tombstone), or None."""
        ...

    def get_live(self, record: str, *, include_network: bool) -> StoredRecord:
        """A record that exists and the caller may see; NotFound / Gone otherwise."""
        ...

    def summary(self, record: str) -> dict[str, Any] | None: ...

    def summaries(self) -> dict[str, dict[str, Any]]: ...

    def recent(self, *, local: bool, limit: int = 10, include_network: bool = False) -> list[str]: ...

    def count_by_origin(self, *, include_network: bool = False) -> dict[str, int]: ...

    def iter_live_records(self, *, include_network: bool = True) -> Iterator[str]: ...

    def count(self, *, include_network: bool = True) -> int: ...

    def list_records(self, q: ListQuery) -> ListPage: ...

    # --- the change log
    def event(self, seq: int) -> tuple[ChangeEvent, str] | None:
        """The log entry ``seq`` and its published payload ('' once compacted)."""
        ...

    def event_for_member(self, member: str) -> tuple[ChangeEvent, str] | None: ...

    def events_of(self, record: str) -> list[ChangeEvent]: ...

    def find_in_history(self, needles: Sequence[str]) -> dict[str, list[ChangeEvent]]: ...

    def events_since(self, after_seq: int, limit: int = 500) -> list[ChangeEvent]: ...

    def wait_for_change(self, after_seq: int, timeout: float) -> bool:
        """Block until the log has an entry after ``after_seq`` (True) or the timeout passes."""
        ...

    # --- writes
    def commit_local(self, drafts: Sequence[Draft], docs: Docs | None = None) -> list[ChangeEvent]: ...

    def prepare_received(self, members: Sequence[Member]) -> PreparedMembers: ...

    def commit_received(
        self, members: Sequence[Member] | PreparedMembers, docs: Docs | None = None
    ) -> tuple[list[ChangeEvent], list[tuple[Member, str]]]: ...

    def compact_history(self, record: str, below: int) -> list[int]: ...

    def rewrite_entries(self, payloads: Mapping[int, str], stream_times: Mapping[int, str]) -> None: ...

    # --- private documents
    def put_docs(self, docs: Docs) -> None: ...

    def get_doc(self, collection: str, key: str) -> object | None: ...

    def docs(self, collection: str) -> dict[str, object]: ...

    # --- erasure: removing erased bytes from the store's files
    def purge_after(self) -> AbstractContextManager[None]:
        """Erasures committed inside the block leave the store's files together when it ends."""
        ...

    def request_purge(self) -> None:
        """Something was erased outside a commit (e.g. quarantine): rewrite the store's files soon."""
        ...

    def settle(self) -> None:
        """Finish a waiting or running rewrite of the store's files before returning (for commands)."""
        ...

    # --- maintenance
    def check_integrity(self) -> list[str]: ...

    def close(self) -> None: ...


class Checkpoints(Protocol):
    """A store that can hand out consistent read-only copies of itself (the SPARQL workers' input)."""

    @property
    def last_seq(self) -> int: ...

    @property
    def generation(self) -> int:
        """How often the store was rewritten (copies of an older one hold erased bytes)."""
        ...

    def on_purge(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every rewrite (holders of copies drop theirs)."""
        ...

    def checkpoint(self, target: Path) -> int:
        """Copy the store to ``target``; returns the sequence number the copy holds at least."""
        ...


__all__ = ["Catalog", "Checkpoints", "Docs", "PreparedMembers", "VersionContent"]
