"""Private documents: small JSON values of other parts (peer cursors, quarantine, tokens).

They live in ``kbm:private`` because they must change in the same transaction as records (a
harvested page and the peer's cursor). A document has one ``kbm:json`` value, or stamped
``kbm:jsonAt`` values written by insert-only commits (``DocumentReads._doc_stamp``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from itertools import islice
from urllib.parse import unquote

from pyoxigraph import Quad

from kb.store.batch import Batch
from kb.store.changelog import ChangeLogReads
from kb.store.terms import P_JSON, P_JSON_AT, PRIVATE_GRAPH, doc_iri, lexical

DOC_REVISIONS_MAX = 32
"""Stamped values a private document may collect (see ``_doc_stamp``) before a write cleans them up."""

STORE_DOC = ("store", "erasures")
"""Private document: how many commits compacted erased versions, and the last one's sequence
number (part of the stream pages' ETags, so a cache revalidates a page after an erasure)."""


class DocumentReads(ChangeLogReads):
    """Reads of private documents."""

    def get_doc(self, collection: str, key: str) -> object | None:
        best: tuple[int, str] | None = None
        for q in self.store.quads_for_pattern(doc_iri(collection, key), None, None, PRIVATE_GRAPH):
            found = _doc_value(q)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        return json.loads(best[1]) if best is not None else None

    def docs(self, collection: str) -> dict[str, object]:
        """All documents of a collection, by key."""
        prefix = str(doc_iri(collection, ""))[1:-1]
        best: dict[str, tuple[int, str]] = {}
        for predicate in (P_JSON, P_JSON_AT):
            for q in self.store.quads_for_pattern(None, predicate, None, PRIVATE_GRAPH):
                iri = lexical(q.subject)
                if iri.startswith(prefix):
                    found = _doc_value(q)
                    key = unquote(iri[len(prefix):])
                    if found is not None and (key not in best or found[0] > best[key][0]):
                        best[key] = found
        return {key: json.loads(text) for key, (_, text) in best.items()}

    def _doc_stamp(self, batch: Batch, docs: Mapping[tuple[str, str], object | None], base_seq: int, new_last_seq: int) -> int | None:
        """The stamp to write ``docs`` with, so that this commit deletes nothing; None if it cannot.

        A document normally has one value (``kbm:json``), replaced by delete + insert. A commit
        that only adds (new records, the next peer cursor) can instead add a value stamped with the
        commit's new last sequence number (``kbm:jsonAt "{seq} {json}"``): stamps only grow, so
        the highest stamp is the current value, and any stamped value is newer than the plain one.
        The next ordinary write of the document removes all its values. Needs a new sequence
        number (so stamps are unique), no deletions of documents, and few stamped values so far.
        """
        if batch.deletes or new_last_seq <= base_seq or any(value is None for value in docs.values()):
            return None
        for collection, key in docs:
            stamped = self.store.quads_for_pattern(doc_iri(collection, key), P_JSON_AT, None, PRIVATE_GRAPH)
            if sum(1 for _ in islice(stamped, DOC_REVISIONS_MAX)) >= DOC_REVISIONS_MAX:
                return None
        return new_last_seq


def _doc_value(q: Quad) -> tuple[int, str] | None:
    """(stamp, JSON text) of a document value: plain values have stamp 0, stamped ones their seq."""
    if q.predicate == P_JSON:
        return 0, lexical(q.object)
    if q.predicate == P_JSON_AT:
        stamp, _, text = lexical(q.object).partition(" ")
        return int(stamp), text
    return None
