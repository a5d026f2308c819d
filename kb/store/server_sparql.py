"""``/sparql`` on the server backend: the caller's query, forwarded to the store server, within the
same limits as on the embedded store (docs/decisions.md "The catalogue on a SPARQL server").

The same three steps as ``kb.store.sparql``, with the server in place of the worker processes:

1. ``sparql_guard`` checks the text (length, nesting depth, no ``SERVICE``) and reads its
   ``FROM`` / ``FROM NAMED``;
2. ``sparql_dataset`` computes the graphs the caller may see (from the server's provenance graph),
   and the query goes to the server with exactly those as ``default-graph-uri`` /
   ``named-graph-uri`` (SPARQL 1.1 Protocol §2.1.4: they replace any ``FROM`` of the query), so
   the change log, the private documents and network-only records stay out of reach;
3. the answer is read as SPARQL results (TSV, which can be cut after any row) or N-Triples, within
   the time limit and a byte cap, and written by ``sparql_results`` capped in rows and bytes.

At most ``concurrency`` queries of this process run at once; the server's own ``--timeout-s``
should be set to the same limit so that it stops the work too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from typing import Any

import httpx
from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, parse, parse_query_results

from kb.errors import Busy, KbError, QueryRefused, TooLarge
from kb.ontology.namespaces import PREFIXES
from kb.store import sparql_results
from kb.store.reads import live_records
from kb.store.server_client import ServerStore, StoreUnavailable
from kb.store.sparql import SLOT_WAIT
from kb.store.sparql_dataset import dataset_for
from kb.store.sparql_guard import guarded_request
from kb.store.sparql_results import SparqlAnswer

ACCEPT = "text/tab-separated-values, application/sparql-results+json;q=0.9, application/n-triples;q=0.8"
READ_FACTOR = 4
"""The server's answer is read up to this many times the byte cap (TSV and N-Triples are more
compact than most answer formats) before it is cut."""


class ServerSparql:
    def __init__(self, store: ServerStore, *, timeout: float, max_rows: int, max_bytes: int, concurrency: int,
                 max_depth: int, max_query_bytes: int) -> None:
        self.store = store
        self.timeout = timeout
        self.max_rows = max_rows
        self.max_bytes = max_bytes
        self.max_depth = max_depth
        self.max_query_bytes = max_query_bytes
        self._slots = threading.BoundedSemaphore(concurrency)

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
        if not self._slots.acquire(timeout=SLOT_WAIT):
            raise Busy("Der SPARQL-Dienst ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.",
                       "The SPARQL service is busy. Please try again shortly.")
        try:
            records = live_records(self.store)
            dataset = dataset_for(wanted, public_records=[r for r, public in records if public],
                                  network_records=[r for r, public in records if not public], include_network=include_network)
            declared = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
            form = {"query": declared + query, "default-graph-uri": dataset.default, "named-graph-uri": dataset.named}
            body, media = self._fetch(form)
        finally:
            self._slots.release()
        return self._answer(body, media, result_format, graph_format)

    def _fetch(self, form: dict[str, Any]) -> tuple[bytes, str]:
        deadline = time.monotonic() + self.timeout
        limit = self.max_bytes * READ_FACTOR
        try:
            response = self.store.stream(self.store.query_url, form, accept=ACCEPT, timeout=self.timeout)
        except httpx.TimeoutException:
            raise self._too_slow() from None
        except StoreUnavailable as exc:
            raise _unavailable() from exc
        try:
            if response.status_code == 400:
                text = response.read()[:2000].decode(errors="replace")
                raise QueryRefused(f"Die Abfrage ist keine gültige lesende SPARQL-Abfrage: {text}", f"Not a valid read-only SPARQL query: {text}")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size > limit:
                    break  # enough for any capped answer; the rest is never read
                if time.monotonic() > deadline:
                    raise self._too_slow()
            return b"".join(chunks)[:limit], response.headers.get("content-type", "").split(";")[0].strip()
        except httpx.TimeoutException:
            raise self._too_slow() from None
        except httpx.HTTPError as exc:
            raise _unavailable() from exc
        finally:
            response.close()

    def _answer(self, body: bytes, media: str, result_format: str, graph_format: str) -> SparqlAnswer:
        # pyoxigraph's result objects must be freed by the thread that made them: none may stay
        # referenced from an exception's traceback, which the event loop's thread frees.
        failure: KbError | None = None
        try:
            return self._write(body, media, result_format, graph_format)
        except sparql_results.AnswerTooLarge:
            mb = self.max_bytes / 1_000_000
            failure = TooLarge(
                f"Schon die erste Zeile des Ergebnisses ist größer als {mb:g} MB. Bitte schränken Sie die Abfrage ein.",
                f"Even the first row of the answer is larger than {mb:g} MB. Please narrow the query.",
                max_bytes=self.max_bytes,
            )
        except SyntaxError:
            failure = _unavailable()
        raise failure

    def _write(self, body: bytes, media: str, result_format: str, graph_format: str) -> SparqlAnswer:
        if media == "application/n-triples":
            triples = [q.triple for q in parse(_whole_lines(body), RdfFormat.N_TRIPLES)]
            return sparql_results.graph_answer(triples, graph_format, self.max_rows, self.max_bytes)
        if media == "text/tab-separated-values":
            result: QuerySolutions | QueryBoolean = parse_query_results(_whole_lines(body), QueryResultsFormat.TSV)
        else:  # JSON: a boolean answer (TSV has none), short
            result = parse_query_results(body, QueryResultsFormat.JSON)
        try:
            return sparql_results.answer(result, result_format=result_format, graph_format=graph_format,
                                         max_rows=self.max_rows, max_bytes=self.max_bytes)
        finally:
            del result

    def _too_slow(self) -> Busy:
        return Busy(
            f"Die Abfrage hat das Zeitlimit von {self.timeout:g} Sekunden überschritten und wurde abgebrochen. "
            "Bitte schränken Sie sie ein (z. B. mit LIMIT).",
            f"The query exceeded the time limit of {self.timeout:g} seconds and was stopped. Please narrow it (e.g. with LIMIT).",
        )

    def close(self) -> None:
        """Nothing of its own to release (the store's client is the catalogue's)."""


def _whole_lines(body: bytes) -> bytes:
    """The body up to its last line break: an answer cut by the byte cap parses as fewer rows."""
    end = body.rfind(b"\n")
    return body[: end + 1] if end >= 0 else body


def _unavailable() -> Busy:
    return Busy("Der SPARQL-Dienst steht gerade nicht zur Verfügung. Bitte versuchen Sie es später noch einmal.",
                "The SPARQL service is unavailable right now. Please try again later.")


__all__ = ["ServerSparql"]
