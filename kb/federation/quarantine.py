"""Quarantine: members that were refused, with the reason, for operators to look at.

Entries are private docs ``("quarantine", "{peer id} {member IRI}")`` written in the same
transaction as the page they came with. A *retryable* entry (the origin's key could not be fetched
yet) keeps the member's payload and is tried again in later rounds; the others are kept for the
record and never stored as data.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from typing import Any

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


def load_entries(catalog) -> list[QuarantineEntry]:  # type: ignore[no-untyped-def]
    out = []
    for doc in catalog.docs(QUARANTINE).values():
        entry = QuarantineEntry.from_doc(doc)
        if entry is not None:
            out.append(entry)
    out.sort(key=lambda e: e.at, reverse=True)
    return out
