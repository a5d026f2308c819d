"""Which graphs a SPARQL query sees: the caller's rights, narrowed by what the caller asked for.

The one rule, computed once per query from the snapshot the query runs on:

- *allowed* are the graphs of current records the caller may see (anonymous callers: public
  records; members of the network: network records too), and for members the provenance graph
  (``kbm:records``: version, origin, hashes and visibility of every record, withdrawn ones too).
  The change log and the private documents are never allowed.
- The caller may name graphs: with the protocol's ``default-graph-uri`` / ``named-graph-uri``, or
  else with the query's ``FROM`` / ``FROM NAMED`` (SPARQL 1.1 Protocol §2.1.4: the protocol wins).
  Then the default graph is the union of the named graphs that are allowed, and the named graphs
  are those of ``FROM NAMED`` that are allowed; a part not named is empty (SPARQL 1.1 §13.2).
  A graph that is not allowed is left out, the same as a graph that does not exist: if none is
  left, the default graph is empty. There is never a fallback to something wider.
- A caller who names no graph gets the union of the allowed record graphs as the default graph and
  every allowed graph as a named graph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kb.store.terms import RECORDS_GRAPH

EMPTY_GRAPH = "urn:kb:sparql:empty"
"""A graph that never holds anything: the default graph when none of the requested ones is allowed."""


@dataclass(frozen=True)
class DatasetRequest:
    """The graphs a caller named (None: the caller named none)."""

    default: tuple[str, ...] | None = None
    named: tuple[str, ...] | None = None

    @classmethod
    def of(cls, protocol_default: Sequence[str], protocol_named: Sequence[str],
           query_from: Sequence[str], query_from_named: Sequence[str]) -> DatasetRequest:
        if protocol_default or protocol_named:
            return cls(tuple(protocol_default), tuple(protocol_named))
        if query_from or query_from_named:
            return cls(tuple(query_from), tuple(query_from_named))
        return cls()


@dataclass(frozen=True)
class Dataset:
    default: list[str]
    named: list[str]


def dataset_for(request: DatasetRequest, *, public_records: Sequence[str], network_records: Sequence[str],
                include_network: bool) -> Dataset:
    """The dataset of one query: never wider than the caller's rights (see the module text)."""
    records = [*public_records, *network_records] if include_network else list(public_records)
    allowed_named = [*records, RECORDS_GRAPH.value] if include_network else records
    if request.default is None and request.named is None:
        return Dataset(records or [EMPTY_GRAPH], allowed_named)
    allowed = set(allowed_named)
    default = [g for g in dict.fromkeys(request.default or ()) if g in allowed]
    named = [g for g in dict.fromkeys(request.named or ()) if g in allowed]
    return Dataset(default or [EMPTY_GRAPH], named)
