"""Quarantine: members that were refused, with the reason, for operators to look at.

Entries are private docs ``("quarantine", "{peer id} {member IRI}")`` written in the same
transaction as the page they came with. A *retryable* entry (the origin's key could not be fetched
yet) keeps the member's payload and is tried again in later rounds; the others are kept for the
record and never stored as data. Entries of versions that a later, verified version of their record
erases (``kbm:erasedBefore``) are removed in the same commit that stores it: a refused copy of
erased personal data must not outlive the erasure (``erased_entries``).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from typing import Any

from kb.store.catalog import Catalog
from kb.store.model import now_timestamp

log = logging.getLogger(__name__)

QUARANTINE = "quarantine"


@dataclass
class QuarantineEntry:
    peer: str
    member: str
    reason: str
    record: str | None = None
    origin: str | None = None
    version: int | None = None
    retryable: bool = False
    payload: str | None = None
    at: str = field(default_factory=now_timestamp)

    @property
    def key(self) -> str:
        return f"{self.peer} {self.member}"

    def as_doc(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_doc(cls, doc: object) -> QuarantineEntry | None:
        if not isinstance(doc, dict):
            return None
        return cls(**{k: v for k, v in doc.items() if k in cls.__dataclass_fields__})

    def public(self, with_payload: bool = False) -> dict[str, Any]:
        out = self.as_doc()
        if not with_payload:
            out.pop("payload", None)
        return out


def quarantine_docs(entries: list[QuarantineEntry]) -> dict[tuple[str, str], object]:
    for e in entries:
        log.warning("quarantine peer=%s record=%s member=%s retryable=%s reason=%s", e.peer, e.record, e.member, e.retryable, e.reason)
    return {(QUARANTINE, e.key): e.as_doc() for e in entries}


def load_entries(catalog: Catalog) -> list[QuarantineEntry]:
    out = []
    for doc in catalog.docs(QUARANTINE).values():
        entry = QuarantineEntry.from_doc(doc)
        if entry is not None:
            out.append(entry)
    out.sort(key=lambda e: e.at, reverse=True)
    return out


def erased_entries(catalog: Catalog, horizons: dict[str, int]) -> list[str]:
    """Keys of entries holding a version below its record's erasure horizon (record → horizon)."""
    out = []
    for entry in load_entries(catalog):
        record = entry.record or entry.member.rsplit("/versions/", 1)[0]
        horizon = horizons.get(record)
        if horizon is None:
            continue
        version = entry.version
        if version is None:
            tail = entry.member.rsplit("/versions/", 1)[-1]
            version = int(tail) if tail.isdigit() else 0
        if version < horizon:
            out.append(entry.key)
    return out
