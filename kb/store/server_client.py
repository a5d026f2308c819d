"""The HTTP client of the catalogue's SPARQL server: SPARQL 1.1 Protocol queries and updates.

This is the one HTTP client in kb that does not go through the outbound policy
(``kb.federation.fetch``), on purpose (docs/decisions.md "The catalogue on a SPARQL server"): the
store server is infrastructure the operator configured (``KB_STORE``), usually on loopback or a
private network, which the peer policy refuses by design; it is never a peer and never an address
from the network. It keeps what matters from the policy: time limits on every request, a cap on
answers, no redirects, and no proxy from the environment.

``ServerStore`` has the part of pyoxigraph's ``Store`` interface the catalogue uses
(``kb.store.reads.QuadStore``), so reads, the change log and documents run unchanged on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    parse_query_results,
)

from kb.errors import Busy

RESULTS_JSON = "application/sparql-results+json"
MAX_ANSWER_BYTES = 512_000_000
"""Largest answer the catalogue itself reads from the server (a full scan of the summaries)."""


class StoreUnavailable(Busy):
    """The store server did not answer, or answered with an error (503 for the caller)."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            "Der Datenspeicher des Knotens ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.",
            "The node's data store is not reachable right now. Please try again shortly.",
        )
        self.detail = detail


def endpoints(url: str) -> tuple[str, str, str]:
    """Query, update and graph store endpoints under a server's base URL (Oxigraph's layout:
    ``/query``, ``/update``, ``/store``; Fuseki's dataset URL ``…/ds`` has the first two too)."""
    base = url.rstrip("/")
    return f"{base}/query", f"{base}/update", f"{base}/store"


class ServerStore:
    """A SPARQL 1.1 Protocol server seen through the catalogue's store interface."""

    def __init__(self, url: str, *, timeout: float) -> None:
        self.url = url.rstrip("/")
        self.query_url, self.update_url, self.store_url = endpoints(url)
        self.timeout = timeout
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            follow_redirects=False,
            trust_env=False,
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
        )

    # ------------------------------------------------------------------ the protocol

    def post(self, url: str, body: str, media_type: str, *, accept: str | None = None) -> httpx.Response:
        """One query or update sent as the request's body ("via POST directly", SPARQL 1.1 Protocol
        2.1.3 and 2.2.2); errors become ``StoreUnavailable`` except 400, which the caller reads (a
        query the server refuses).

        Not as a form: a harvested page's update is several megabytes, and form-encoding it costs
        Python about 0.1 s per megabyte (``urllib.parse.quote_plus`` goes byte by byte), more than
        the rest of the request; the server then decodes it again."""
        headers = {"Content-Type": f"{media_type}; charset=utf-8"}
        if accept:
            headers["Accept"] = accept
        try:
            response = self._http.post(url, content=body.encode(), headers=headers)
        except httpx.HTTPError as exc:
            raise StoreUnavailable(f"{type(exc).__name__}: {exc}") from exc
        if response.status_code >= 300 and response.status_code != 400:
            raise StoreUnavailable(f"{url}: HTTP {response.status_code} {response.text[:300]}")
        return response

    def stream(self, url: str, data: dict[str, Any], *, accept: str, timeout: float) -> httpx.Response:
        """A form POST (a query with its dataset parameters) whose answer is left to the caller to
        read (with its own caps); close it."""
        request = self._http.build_request("POST", url, data=data, headers={"Accept": accept}, timeout=timeout)
        try:
            response = self._http.send(request, stream=True)
        except httpx.TimeoutException:
            raise  # the caller's time limit, not an outage
        except httpx.HTTPError as exc:
            raise StoreUnavailable(f"{type(exc).__name__}: {exc}") from exc
        if response.status_code >= 300 and response.status_code != 400:
            response.close()
            raise StoreUnavailable(f"{url}: HTTP {response.status_code}")
        return response

    # ------------------------------------------------------------------ what the catalogue uses

    def query(self, query: str, /) -> QuerySolutions | QueryBoolean:
        """A SELECT or ASK query, its answer parsed into pyoxigraph's result objects."""
        response = self.post(self.query_url, query, "application/sparql-query", accept=RESULTS_JSON)
        if response.status_code == 400:
            raise SyntaxError(response.text[:500])
        if len(response.content) > MAX_ANSWER_BYTES:  # pragma: no cover - defensive
            raise StoreUnavailable("answer too large")
        return parse_query_results(response.content, QueryResultsFormat.JSON)

    def update(self, update: str, /) -> None:
        response = self.post(self.update_url, update, "application/sparql-update")
        if response.status_code == 400:
            raise StoreUnavailable(f"update refused: {response.text[:500]}")

    def quads_for_pattern(self, subject: NamedNode | None, predicate: NamedNode | None, object: NamedNode | Literal | None,
                          graph_name: NamedNode | None = None, /) -> Iterator[Quad]:
        s = str(subject) if subject is not None else "?s"
        p = str(predicate) if predicate is not None else "?p"
        o = str(object) if object is not None else "?o"
        g = str(graph_name) if graph_name is not None else "?g"
        result = self.query(f"SELECT * WHERE {{ GRAPH {g} {{ {s} {p} {o} }} }}")
        assert isinstance(result, QuerySolutions)
        # Read whole here: pyoxigraph's result objects must be freed by the thread that made them,
        # and a half-read generator is freed whenever the garbage collector gets to it.
        quads = [
            Quad(
                subject if subject is not None else _subject(row["s"]),
                predicate if predicate is not None else _named(row["p"]),
                object if object is not None else _object(row["o"]),
                graph_name if graph_name is not None else _named(row["g"]),
            )
            for row in result
        ]
        del result
        return iter(quads)

    def load_trig(self, data: bytes) -> None:
        """Add a TriG document with the Graph Store Protocol (a raw load, for comparison in ``bench/``)."""
        try:
            response = self._http.post(self.store_url, content=data, headers={"Content-Type": "application/trig"})
        except httpx.HTTPError as exc:
            raise StoreUnavailable(f"{type(exc).__name__}: {exc}") from exc
        if response.status_code >= 300:
            raise StoreUnavailable(f"{self.store_url}: HTTP {response.status_code} {response.text[:300]}")

    def close(self) -> None:
        self._http.close()


def _named(term: object) -> NamedNode:
    assert isinstance(term, NamedNode)
    return term


def _subject(term: object) -> NamedNode | BlankNode:
    assert isinstance(term, NamedNode | BlankNode)
    return term


def _object(term: object) -> NamedNode | BlankNode | Literal:
    assert isinstance(term, NamedNode | BlankNode | Literal)
    return term


__all__ = ["ServerStore", "StoreUnavailable", "endpoints"]
