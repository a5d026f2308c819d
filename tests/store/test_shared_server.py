"""Two kb processes writing one catalogue on a SPARQL server: one gap-free, ordered change log."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from kb.store.server import ServerCatalog
from tests.conftest import REPO
from tests.oxigraph_server import OxigraphServer
from tests.store.conftest import NODE, seal

WRITER = textwrap.dedent("""
    import sys
    from pyoxigraph import Literal, NamedNode, Triple
    from kb.store.model import Draft, Member, canonical_ntriples
    from kb.store.server import ServerCatalog
    from tests.store.conftest import NODE, seal

    url, name = sys.argv[1], sys.argv[2]
    catalog = ServerCatalog(url, sealer=seal, node_iri=NODE)
    title = NamedNode("http://purl.org/dc/terms/title")
    shared = "http://127.0.0.1:9/projects/shared"
    for i in range(25):
        own = f"http://127.0.0.1:9/projects/{name}-{i}"
        catalog.commit_local([Draft(own, [Triple(NamedNode(own), title, Literal(f"{name} {i}"))])])
        # both processes change one record too: each change becomes the next version, none is lost
        catalog.commit_local([Draft(shared, [Triple(NamedNode(shared), title, Literal(f"{name} {i}"))])])
        peer = f"http://127.0.0.1:10/projects/{name}-{i}"
        triples = [Triple(NamedNode(peer), title, Literal(f"von {name}"))]
        catalog.commit_received([Member(record=peer, version=1, kind="create", origin="http://127.0.0.1:10/node",
                                        visibility="public", timestamp="2026-01-01T00:00:00.000Z", member=peer + "/versions/1",
                                        payload=canonical_ntriples(triples), triples=triples)],
                               docs={("cursor", name): {"page": i}})
    catalog.close()
""")


def test_two_processes_writing_at_once_keep_the_log_gap_free_and_ordered(store_server: OxigraphServer, tmp_path: Path) -> None:
    store_server.clear()
    ServerCatalog(store_server.url, sealer=seal, node_iri=NODE).close()  # the log head, before both start
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, store_server.url, name], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for name in ("a", "b")]
    for proc in procs:
        out, _ = proc.communicate(timeout=240)
        assert proc.returncode == 0, out.decode(errors="replace")[-3000:]
    catalog = ServerCatalog(store_server.url, sealer=seal, node_iri=NODE)
    events = catalog.events_since(0, limit=1000)
    assert [e.seq for e in events] == list(range(1, 151)) and catalog.last_seq == 150
    shared = [e.version for e in events if e.record.endswith("/shared")]
    assert shared == list(range(1, 51))  # 50 changes, 50 versions, in log order
    origins = {e.record.rsplit("/", 1)[1].split("-")[0] for e in events if not e.record.endswith("/shared")}
    assert origins == {"a", "b"}
    assert catalog.get_doc("cursor", "a") == {"page": 24} and catalog.get_doc("cursor", "b") == {"page": 24}
    assert catalog.check_integrity() == []
    catalog.close()
