"""Read-only SPARQL over the catalogue, isolated from the node (see docs/decisions.md).

A query passes three steps, each the one place for its concern:

1. ``sparql_guard`` checks the text in the node (length, nesting depth, no ``SERVICE``) and reads
   its ``FROM`` / ``FROM NAMED``;
2. ``sparql_pool`` hands it to one of ``concurrency`` worker processes, which reads a snapshot of
   the store (``sparql_snapshots``) and is killed when the time limit passes, so the limit really
   stops the work and frees the slot, and an engine crash ends only that worker;
3. in the worker, ``sparql_dataset`` computes the graphs the caller may see, from that snapshot,
   and ``sparql_results`` writes the answer, capped in rows and in bytes.

Only current records the caller may see are visible; the private graphs (change log, peer state,
tokens) never are, and the provenance graph only to members of the network.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from kb.errors import Busy, QueryRefused, TooLarge
from kb.store.catalog import Checkpoints
from kb.store.sparql_guard import guarded_request
from kb.store.sparql_pool import NoWorker, WorkerDied, WorkerPool, WorkerTimeout, WorkerUnavailable
from kb.store.sparql_results import GRAPH_TYPES, RESULT_TYPES, SparqlAnswer
from kb.store.sparql_snapshots import Snapshots

log = logging.getLogger(__name__)

SLOT_WAIT = 0.5
"""Seconds a query waits for a free worker before the caller is told the service is busy."""


class SparqlEndpoint(Protocol):
    """What ``/sparql`` asks of the query service of either backend."""

    max_rows: int
    max_bytes: int

    def run(self, query: str, *, result_format: str = "json", graph_format: str = "turtle", include_network: bool = False,
            default_graph_uris: Sequence[str] = (), named_graph_uris: Sequence[str] = ()) -> SparqlAnswer: ...

    def close(self) -> None: ...


class SparqlService:
    def __init__(self, catalog: Checkpoints, *, snapshot_dir: Path, timeout: float, max_rows: int, max_bytes: int,
                 concurrency: int, memory_mb: int, max_depth: int, max_query_bytes: int) -> None:
        self.timeout = timeout
        self.max_rows = max_rows
        self.max_bytes = max_bytes
        self.max_depth = max_depth
        self.max_query_bytes = max_query_bytes
        self.memory_mb = memory_mb
        self.snapshots = Snapshots(catalog, snapshot_dir.resolve())
        self.pool = WorkerPool(self.snapshots, size=concurrency, memory_bytes=memory_mb * 1024 * 1024)

    def run(
        self,
        query: str,
        *,
        result_format: str = "json",
        graph_format: str = "turtle",
        include_network: bool = False,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
    ) -> SparqlAnswer:
        wanted = guarded_request(query, default_graph_uris, named_graph_uris, max_depth=self.max_depth,
                                 max_bytes=self.max_query_bytes)
        request = {
            "query": query,
            "include_network": include_network,
            "default": None if wanted.default is None else list(wanted.default),
            "named": None if wanted.named is None else list(wanted.named),
            "result_format": result_format,
            "graph_format": graph_format,
            "max_rows": self.max_rows,
            "max_bytes": self.max_bytes,
        }
        try:
            reply = self.pool.run(request, timeout=self.timeout, wait_for_slot=SLOT_WAIT)
        except NoWorker:
            raise Busy(
                "Der SPARQL-Dienst ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.",
                "The SPARQL service is busy. Please try again shortly.",
            ) from None
        except WorkerTimeout:
            raise Busy(
                f"Die Abfrage hat das Zeitlimit von {self.timeout:g} Sekunden überschritten und wurde abgebrochen. "
                "Bitte schränken Sie sie ein (z. B. mit LIMIT).",
                f"The query exceeded the time limit of {self.timeout:g} seconds and was stopped. Please narrow it (e.g. with LIMIT).",
            ) from None
        except WorkerDied as died:
            log.warning("A SPARQL query ended its worker (exit %s): %.200s", died.returncode, query)
            raise self._crashed() from None
        except (WorkerUnavailable, OSError):
            log.exception("The SPARQL service could not run a query")
            raise _unavailable() from None
        header = reply.header
        if header.get("ok"):
            return SparqlAnswer(reply.body, header["media_type"], header.get("truncated"))
        error, text = header.get("error"), header.get("text", "")
        if error == "syntax":
            if any(word in query.upper() for word in ("INSERT", "DELETE", "DROP", "CLEAR", "LOAD", "CREATE")) and "update" not in text.lower():
                text = f"{text} (Änderungen per SPARQL Update sind hier nicht erlaubt / updates are not allowed)"
            raise QueryRefused(
                f"Die Abfrage ist keine gültige lesende SPARQL-Abfrage: {text}",
                f"Not a valid read-only SPARQL query: {text}",
            )
        if error == "too_large":
            mb = self.max_bytes / 1_000_000
            raise TooLarge(
                f"Schon die erste Zeile des Ergebnisses ist größer als {mb:g} MB. Bitte schränken Sie die Abfrage ein "
                "(weniger oder kürzere Werte, z. B. mit SUBSTR).",
                f"Even the first row of the answer is larger than {mb:g} MB. Please narrow the query (fewer or shorter values, e.g. with SUBSTR).",
                max_bytes=self.max_bytes,
            )
        if error == "memory":
            raise self._crashed()
        if error == "store":
            log.error("SPARQL worker could not read its snapshot: %s", text)
            raise _unavailable()
        log.warning("SPARQL engine error: %s", text)
        raise QueryRefused(f"Die Abfrage konnte nicht ausgewertet werden: {text}", f"The query could not be evaluated: {text}")

    def _crashed(self) -> QueryRefused:
        return QueryRefused(
            f"Die Abfrage hat die Abfrage-Maschine überfordert (zu tief verschachtelt, zu lange Ketten oder mehr als "
            f"{self.memory_mb} MB Speicher) und wurde abgebrochen. Bitte vereinfachen Sie sie.",
            f"The query overwhelmed the query engine (nested too deeply, chains too long, or more than {self.memory_mb} MB "
            "of memory) and was stopped. Please simplify it.",
        )

    def close(self) -> None:
        self.pool.close()
        self.snapshots.close()


def _unavailable() -> Busy:
    return Busy("Der SPARQL-Dienst steht gerade nicht zur Verfügung. Bitte versuchen Sie es später noch einmal.",
                "The SPARQL service is unavailable right now. Please try again later.")


__all__ = ["GRAPH_TYPES", "RESULT_TYPES", "SparqlAnswer", "SparqlEndpoint", "SparqlService"]
