"""What the search index knows about one record: its texts, and the fields filters and facets use.

A :class:`SearchDocument` is built once per record version from the record's JSON form and kept
(persisted beside the vectors), so restarts and facet counts never re-read the store.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from kb.boerse.validity import listed_until
from kb.ontology.records import BOERSE_TYPES

TEXT_VERSION = 4
"""Bump when the text recipe changes: every record is then embedded again."""


@dataclass
class SearchDocument:
    iri: str
    content_hash: str
    title: str
    dense_text: str
    """What the embedding model reads: title, keywords, task areas (German and English labels),
    description, outcomes, lessons learned and transferability.

    Measured on the dev set, dense only, with the multilingual default (docs/search.md): the whole
    text ranks better than title and keywords alone (USE: nDCG@10 0.765 vs 0.710); the English
    MiniLM preferred the short text (0.36 vs 0.26), and reads long ones in chunks."""
    lexical_text: str
    """What BM25 reads; title and keywords repeated (field boost)."""
    origin: str = ""
    visibility: str = "public"
    type: str = "project"
    task_areas: list[str] = field(default_factory=list)
    legal_form: str | None = None
    status: str | None = None
    state: str | None = None
    states: list[str] = field(default_factory=list)
    kreise: list[str] = field(default_factory=list)
    regierungsbezirke: list[str] = field(default_factory=list)
    funding: bool = False
    programmes: list[str] = field(default_factory=list)
    """Codes of its funding programmes and its funding round (empty in indexes saved before them)."""
    keywords: list[str] = field(default_factory=list)
    illustrative: bool = False
    """Made-up example data (seed); ranked after real records of similar relevance."""
    description: str = ""
    """The record's description, for the snippet a result card shows (empty in indexes saved before it)."""
    valid_until: str | None = None
    """A Börse entry's last listed day (``2027-12-31``; ``""``: never listed): its ``validUntil``, at most two years after
    its last change (``kb.boerse.validity.listed_until``, the Börse's own rule); after it the entry leaves the results, as it
    leaves the Börse. None for other records and in indexes saved before it (those entries stay listed until re-indexed)."""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SearchDocument:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    @property
    def all_states(self) -> set[str]:
        """Bundesländer the record belongs to: its own and its participants'."""
        return {s for s in [self.state, *self.states] if s}


def _labels(concepts: list[dict[str, str]]) -> list[str]:
    return [c["label"] for c in concepts if c.get("label")]


def build_document(record: dict[str, Any], *, content_hash: str, origin: str, summary: dict[str, Any] | None,
                   task_area_labels_en: list[str] | None = None, modified: str | None = None,
                   received_at: str | None = None) -> SearchDocument:
    """A search document from a record's JSON form (``RecordMapper.to_json``), its summary, and when it was last
    changed here (``modified``, ``received_at`` of its stored metadata: they bound a Börse entry's listing)."""
    title = record.get("title") or ""
    description = record.get("description") or ""
    keywords = list(record.get("keywords") or [])
    areas = _labels(record.get("taskAreas") or [])
    legal = (record.get("legalForm") or {}).get("label") or ""
    outcomes = record.get("outcomes") or ""
    extra = " ".join(x for x in (record.get("lessonsLearned"), record.get("transferability")) if x)
    documents = record.get("documents") or []
    document_titles = [f"{d.get('title') or ''} ({(d.get('type') or {}).get('label') or ''})" for d in documents]
    document_texts = "\n".join(d.get("text") or "" for d in documents)
    dense = ". ".join(x for x in (title, ", ".join(keywords), ", ".join(areas + (task_area_labels_en or [])), description, outcomes,
                                  record.get("lessonsLearned"), record.get("transferability"), ". ".join(document_titles)) if x)
    lexical = "\n".join(x for x in (title, title, " ".join(keywords), " ".join(keywords), " ".join(areas), legal, description,
                                    outcomes, extra, " ".join(document_titles), document_texts) if x)
    s = summary or {}
    return SearchDocument(
        iri=record["id"],
        content_hash=content_hash,
        title=title,
        dense_text=dense,
        lexical_text=lexical,
        origin=origin,
        visibility=record.get("visibility") or "public",
        type=record.get("type") or "project",
        task_areas=[c["code"] for c in record.get("taskAreas") or []],
        legal_form=(record.get("legalForm") or {}).get("code"),
        status=(record.get("status") or {}).get("code"),
        state=(record.get("state") or {}).get("code"),
        states=list(s.get("states") or []),
        kreise=list(s.get("kreise") or []),
        regierungsbezirke=list(s.get("regierungsbezirke") or []),
        funding=bool(record.get("fundingProgramme") or record.get("fundingProgrammes")),
        programmes=[c["code"] for c in record.get("fundingProgrammes") or []]
        + ([record["fundingRound"]["code"]] if record.get("fundingRound") else []),
        keywords=keywords,
        illustrative=bool(record.get("illustrative")),
        description=description,
        valid_until=_listed_until(s.get("validUntil") or record.get("validUntil"), modified, received_at)
        if record.get("type") in BOERSE_TYPES else None,
    )


def _listed_until(valid_until: Any, modified: str | None, received_at: str | None) -> str:
    until = listed_until(valid_until, modified=modified, received_at=received_at)
    return until.isoformat() if until else ""
