"""The writer's text: the changes of one commit as SPARQL deletes and one block of N-Triples inserts.

Building a commit as text (instead of ``Quad`` objects) keeps the Python work per version small:
the record graph arrives as canonical N-Triples already, and the insert block is both the body of a
SPARQL ``INSERT DATA`` and a TriG document, which either backend writes in one request.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from pyoxigraph import Literal, NamedNode

from kb.store.catalog import VersionContent
from kb.store.model import ChangeKind, RecordMeta, SealedVersion
from kb.store.terms import (
    S_AT,
    S_CATALOG_RECORD,
    S_COMPACTED,
    S_CREATED,
    S_DELETED,
    S_ERASED_BEFORE,
    S_FROM,
    S_GRAPH_LOG,
    S_GRAPH_PRIVATE,
    S_GRAPH_RECORDS,
    S_HASH,
    S_INTEGER,
    S_JSON,
    S_JSON_AT,
    S_LOCAL,
    S_MEMBER,
    S_MODIFIED,
    S_ORIGIN,
    S_PAYLOAD,
    S_PERSONAL,
    S_RDF_TYPE,
    S_RECORD,
    S_SEQ,
    S_SUMMARY,
    S_TOPIC,
    S_TRUE,
    S_TYPE,
    S_VERIFIED,
    S_VERSION,
    S_VIS,
    catalog_record_iri,
    doc_iri,
    nt_bool,
    nt_datetime,
    visibility_iri,
)


class Batch:
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
        self.logged = ""
        """The stream time of the log entries of this batch (``ChangeEvent.logged``); set by the writer."""

    def version(self, meta: RecordMeta, kind: ChangeKind, sealed: SealedVersion, content: VersionContent, *, replace: bool) -> None:
        record = str(NamedNode(meta.iri))
        cr = str(catalog_record_iri(meta.iri))
        if meta.iri in self._written:
            # A newer version of a record written earlier in this batch: only its log entry stays.
            self._graphs.pop(meta.iri, None)
            self._summaries.pop(meta.iri, None)
            self._provenance = [block for block in self._provenance if not block.startswith(cr + " ")]
        elif replace:
            self.deletes.append(f"DROP SILENT GRAPH {record}")
            self.deletes.append(f"DELETE WHERE {{ GRAPH {S_GRAPH_RECORDS} {{ {cr} ?p ?o }} }}")
            self.deletes.append(f"DELETE WHERE {{ GRAPH {S_GRAPH_PRIVATE} {{ {cr} {S_SUMMARY} ?s }} }}")
        self._written.add(meta.iri)
        if content.ntriples:
            self._graphs[meta.iri] = f"GRAPH {record} {{\n{content.ntriples}}}\n"
        if content.summary is not None and kind != "delete":
            self._summaries[meta.iri] = f"{cr} {S_SUMMARY} {content.summary} .\n"
        lines = [
            f"{cr} {S_TOPIC} {record} .",
            f'{cr} {S_VERSION} "{int(meta.version)}"^^{S_INTEGER} .',
            f"{cr} {S_CREATED} {nt_datetime(meta.created)} .",
            f"{cr} {S_MODIFIED} {nt_datetime(meta.modified)} .",
            f"{cr} {S_ORIGIN} {NamedNode(meta.origin)} .",
            f"{cr} {S_VIS} {visibility_iri(meta.visibility)} .",
            f"{cr} {S_DELETED} {nt_bool(meta.deleted)} .",
            f"{cr} {S_HASH} {Literal(meta.content_hash)} .",
            f'{cr} {S_SEQ} "{int(meta.seq)}"^^{S_INTEGER} .',
            f"{cr} {S_MEMBER} {NamedNode(meta.member)} .",
            f"{cr} {S_LOCAL} {nt_bool(meta.local)} .",
            f"{cr} {S_VERIFIED} {nt_bool(meta.verified)} .",
            f"{cr} {S_RDF_TYPE} {S_CATALOG_RECORD} .",
        ]
        if meta.record_type:
            lines.append(f"{cr} {S_TYPE} {NamedNode(meta.record_type)} .")
        if meta.received_from:
            lines.append(f"{cr} {S_FROM} {NamedNode(meta.received_from)} .")
        if meta.received_at:
            lines.append(f"{cr} {S_AT} {nt_datetime(meta.received_at)} .")
        if meta.erased_before:
            lines.append(f'{cr} {S_ERASED_BEFORE} "{int(meta.erased_before)}"^^{S_INTEGER} .')
        if meta.personal_hash:
            lines.append(f"{cr} {S_PERSONAL} {Literal(meta.personal_hash)} .")
        self._provenance.append("\n".join(lines) + "\n")
        # The change log entry: what reads look up (record, member), the signed payload, and the
        # rest of the event in one small JSON literal (fewer quads per commit than one per field).
        ev = f"<urn:kb:event:{int(meta.seq)}>"
        entry = {
            "version": meta.version, "kind": kind, "origin": meta.origin, "visibility": meta.visibility,
            "timestamp": meta.modified, "local": meta.local,
        }
        if self.logged:
            entry["logged"] = self.logged
        self._log.append([
            meta.iri,
            str(int(meta.version)),
            f"{ev} {S_RECORD} {record} .\n"
            f"{ev} {S_MEMBER} {NamedNode(sealed.member)} .\n"
            f"{ev} {S_JSON} {Literal(json.dumps(entry, ensure_ascii=False, sort_keys=True))} .\n",
            f"{ev} {S_PAYLOAD} {Literal(sealed.payload)} .\n",
        ])

    def compact(self, seq: int) -> None:
        """Drop the payload of a stored log entry (its version was erased); the entry stays."""
        ev = f"<urn:kb:event:{int(seq)}>"
        self.deletes.append(f"DELETE WHERE {{ GRAPH {S_GRAPH_LOG} {{ {ev} {S_PAYLOAD} ?payload }} }}")
        self._log.append(["", "0", f"{ev} {S_COMPACTED} {S_TRUE} .\n", ""])

    def replace_payload(self, seq: int, payload: str) -> None:
        """Swap the signed payload of a stored log entry (the same version, signed anew)."""
        ev = f"<urn:kb:event:{int(seq)}>"
        self.deletes.append(f"DELETE WHERE {{ GRAPH {S_GRAPH_LOG} {{ {ev} {S_PAYLOAD} ?payload }} }}")
        self._log.append(["", "0", f"{ev} {S_PAYLOAD} {Literal(payload)} .\n", ""])

    def replace_logged(self, seq: int, entry_json: str) -> None:
        """Swap the JSON fields of a stored log entry (to add the stream time of an older entry)."""
        ev = f"<urn:kb:event:{int(seq)}>"
        self.deletes.append(f"DELETE WHERE {{ GRAPH {S_GRAPH_LOG} {{ {ev} {S_JSON} ?fields }} }}")
        self._log.append(["", "0", f"{ev} {S_JSON} {Literal(entry_json)} .\n", ""])

    def compact_pending(self, record: str, before: int) -> None:
        """The same for entries of this batch: versions of ``record`` below ``before`` lose their payload."""
        for entry in self._log:
            if entry[0] == record and int(entry[1]) < before and entry[3]:
                entry[3] = entry[2].split(" ", 1)[0] + f" {S_COMPACTED} {S_TRUE} .\n"

    def docs(self, docs: Mapping[tuple[str, str], object | None], *, stamp: int | None = None) -> None:
        """Replace (None: delete) documents; with a ``stamp``, add stamped values instead (no deletes)."""
        for (collection, key), value in docs.items():
            subject = doc_iri(collection, key)
            if stamp is None:
                self.deletes.append(f"DELETE WHERE {{ GRAPH {S_GRAPH_PRIVATE} {{ {subject} ?p ?v }} }}")
            if value is None:
                continue
            text = json.dumps(value, ensure_ascii=False, sort_keys=True)
            if stamp is None:
                self._private.append(f"{subject} {S_JSON} {Literal(text)} .\n")
            else:
                self._private.append(f"{subject} {S_JSON_AT} {Literal(f'{stamp} {text}')} .\n")

    def insert_data(self) -> str:
        parts = list(self._graphs.values())
        if self._provenance:
            parts.append(f"GRAPH {S_GRAPH_RECORDS} {{\n{''.join(self._provenance)}}}\n")
        if self._log:
            parts.append(f"GRAPH {S_GRAPH_LOG} {{\n{''.join(e[2] + e[3] for e in self._log)}}}\n")
        if self._summaries or self._private:
            parts.append(f"GRAPH {S_GRAPH_PRIVATE} {{\n{''.join(self._summaries.values())}{''.join(self._private)}}}\n")
        return "".join(parts)
