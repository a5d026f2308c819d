"""A SPARQL query worker: a child process that evaluates one query at a time on a store snapshot.

Started by ``sparql_pool`` as ``python -m kb.store.sparql_worker FD MEMORY_BYTES``, where FD is its
end of a socket pair. Whatever the engine does (overflow its stack, run out of its memory limit,
run for ever) happens in this process: the node kills it and starts another one.

Protocol (``multiprocessing.connection`` frames): the worker first sends ``{"ready": true}``; then
for each request (JSON: snapshot, query, rights, requested graphs, formats, caps) it answers with
a JSON header frame (``{"ok": true, "media_type", "truncated"}`` or ``{"ok": false, "error",
"text"}``) followed by one frame with the body. No pickle crosses the boundary, in either direction.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import threading
from multiprocessing.connection import Connection
from typing import Any

STACK_BYTES = 128 * 1024 * 1024
"""Stack of the evaluating thread. The engine recurses on nested expressions and long chains of
operators (``1+1+…``, ``UNION``, ``OPTIONAL``); with the 8 MiB default it dies at some thousand,
with this it copes with the longest query the node accepts in most shapes. It is address space,
not memory: only the pages used are ever touched."""


def main(argv: list[str]) -> None:
    fd, memory = int(argv[1]), int(argv[2])
    conn = Connection(fd)
    if memory > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        os.nice(5)  # the node's own requests come first when queries and pages compete for the CPU
    except OSError:
        pass
    from pyoxigraph import NamedNode, Store

    from kb.ontology.namespaces import PREFIXES
    from kb.store import sparql_dataset, sparql_results
    from kb.store.reads import live_records

    threading.stack_size(STACK_BYTES)
    parent = os.getppid()
    opened: dict[str, Any] = {}  # path, store, public records, network records

    def evaluate(request: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
        if opened.get("path") != request["snapshot"]:
            opened.clear()
            store = Store.read_only(request["snapshot"])
            records = live_records(store)
            opened.update(path=request["snapshot"], store=store,
                          public=[r for r, public in records if public], network=[r for r, public in records if not public])
        wanted = sparql_dataset.DatasetRequest(
            None if request["default"] is None else tuple(request["default"]),
            None if request["named"] is None else tuple(request["named"]),
        )
        dataset = sparql_dataset.dataset_for(wanted, public_records=opened["public"], network_records=opened["network"],
                                             include_network=request["include_network"])
        try:
            result = opened["store"].query(
                request["query"],
                default_graph=[NamedNode(g) for g in dataset.default],
                named_graphs=[NamedNode(g) for g in dataset.named],
                prefixes=PREFIXES,
            )
            out = sparql_results.answer(result, result_format=request["result_format"], graph_format=request["graph_format"],
                                        max_rows=request["max_rows"], max_bytes=request["max_bytes"])
        except SyntaxError as exc:
            return {"ok": False, "error": "syntax", "text": str(exc)}, b""
        except sparql_results.AnswerTooLarge:
            return {"ok": False, "error": "too_large", "text": ""}, b""
        except MemoryError:
            return {"ok": False, "error": "memory", "text": ""}, b""
        return {"ok": True, "media_type": out.media_type, "truncated": out.truncated}, out.body

    conn.send_bytes(json.dumps({"ready": True}).encode())
    while True:
        try:
            request = json.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return  # the node closed the connection or is gone
        answer: list[tuple[dict[str, Any], bytes]] = []

        def work(request: dict[str, Any] = request, answer: list[tuple[dict[str, Any], bytes]] = answer) -> None:
            try:
                answer.append(evaluate(request))
            except MemoryError:
                answer.append(({"ok": False, "error": "memory", "text": ""}, b""))
            except OSError as exc:  # reading the snapshot failed: not the caller's fault
                answer.append(({"ok": False, "error": "store", "text": f"{type(exc).__name__}: {exc}"}, b""))
            except Exception as exc:  # an engine or store error: reported, the worker lives on
                answer.append(({"ok": False, "error": "engine", "text": f"{type(exc).__name__}: {exc}"}, b""))

        thread = threading.Thread(target=work, name="sparql-evaluate", daemon=True)
        thread.start()
        while thread.is_alive():
            thread.join(timeout=1.0)
            if os.getppid() != parent:  # the node died without killing us: stop the work now
                os._exit(1)
        header, body = answer[0]
        try:
            conn.send_bytes(json.dumps(header).encode())
            conn.send_bytes(body)
        except OSError:
            return


if __name__ == "__main__":
    main(sys.argv)
