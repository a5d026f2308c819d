"""Large harvested pages take Oxigraph's bulk loader; a commit stays all-or-nothing all the same."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, Store, Triple

from kb.store.model import Member, SealedVersion, canonical_ntriples
from kb.store.oxigraph import BULK_MIN_QUADS, OxigraphCatalog

NODE = "http://127.0.0.1:9/node"
OTHER = "http://127.0.0.1:10/node"
TITLE = NamedNode("http://purl.org/dc/terms/title")
DESCRIPTION = NamedNode("http://purl.org/dc/terms/description")


def seal(record, triples, *, version, kind, timestamp, visibility):  # type: ignore[no-untyped-def]
    return SealedVersion(member=f"{record}/versions/{version}", payload=canonical_ntriples(triples))


def page_of_members(first: int, count: int) -> list[Member]:
    """``count`` new records from a peer: enough of them make a commit of over BULK_MIN_QUADS quads."""
    members = []
    for i in range(first, first + count):
        rec = f"http://127.0.0.1:10/projects/p{i}"
        triples = [Triple(NamedNode(rec), TITLE, Literal(f"Kooperation {i}", language="de")),
                   Triple(NamedNode(rec), DESCRIPTION, Literal(f"Beschreibung {i} " * 5, language="de"))]
        members.append(Member(record=rec, version=1, kind="create", origin=OTHER, visibility="public",
                              timestamp="2026-01-01T00:00:00Z", member=f"{rec}/versions/1",
                              payload=canonical_ntriples(triples), triples=triples, received_from=OTHER))
    return members


class StoreCalls:
    """The store, with a note of which write methods were called (pyoxigraph's types are sealed)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        if name in ("load", "bulk_load", "update"):
            self.calls.append(name)
        return getattr(self._store, name)


@pytest.fixture
def catalog(tmp_path: Path) -> OxigraphCatalog:
    return OxigraphCatalog(tmp_path / "store", sealer=seal, node_iri=NODE)


def test_a_large_received_page_goes_through_the_bulk_loader_and_reads_back_whole(catalog: OxigraphCatalog) -> None:
    catalog.put_docs({("cursor", "peer"): {"position": 0}})  # in RocksDB's memory table when the page is ingested
    spy = StoreCalls(catalog.store)
    catalog._store = spy  # type: ignore[assignment]
    events, skipped = catalog.commit_received(page_of_members(0, 400), docs={("cursor", "peer"): {"position": 400}})
    assert spy.calls == ["bulk_load"]
    assert len(events) == 400 and skipped == []
    assert catalog.get_doc("cursor", "peer") == {"position": 400}
    assert catalog.count() == 400 and catalog.last_seq == 400
    stored = catalog.get("http://127.0.0.1:10/projects/p123")
    assert stored is not None and stored.meta.origin == OTHER and len(stored.triples) == 2
    assert catalog.check_integrity() == []


def test_small_commits_stay_transactions(catalog: OxigraphCatalog) -> None:
    spy = StoreCalls(catalog.store)
    catalog._store = spy  # type: ignore[assignment]
    catalog.commit_received(page_of_members(0, 5), docs={("cursor", "peer"): {"position": 5}})
    assert spy.calls == ["load"]


def test_a_bulk_load_that_fails_part_way_writes_nothing(tmp_path: Path) -> None:
    """What the bulk path relies on: Oxigraph hands its files to RocksDB only once all input is read."""
    store = Store(str(tmp_path / "store"))
    good = "".join(f"<urn:s:{i}> <urn:p> \"{i}\" <urn:g:{i % 50}> .\n" for i in range(2 * BULK_MIN_QUADS))
    with pytest.raises(SyntaxError):
        store.bulk_load((good + "<urn:s:x> <urn:p> \"kaputt .\n").encode(), format=RdfFormat.N_QUADS, lenient=True)
    assert len(store) == 0


def test_files_of_an_unfinished_bulk_load_are_removed_when_the_store_opens(tmp_path: Path) -> None:
    OxigraphCatalog(tmp_path / "store", sealer=seal, node_iri=NODE).close()
    leftover = tmp_path / "store" / "bulk-123456789.sst"
    leftover.write_bytes(b"half an index file")
    reopened = OxigraphCatalog(tmp_path / "store", sealer=seal, node_iri=NODE)
    try:
        assert not leftover.exists()
        assert reopened.check_integrity() == []
    finally:
        reopened.close()


_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tests.store.test_atomicity import NODE, page_of_members, seal
    from kb.store.oxigraph import OxigraphCatalog

    catalog = OxigraphCatalog(Path(sys.argv[1]), sealer=seal, node_iri=NODE)
    print("ready", flush=True)
    page = 0
    while True:
        catalog.commit_received(page_of_members(page * 400, 400), docs={("cursor", "peer"): {"pages": page + 1}})
        page += 1
""")


@pytest.mark.slow
@pytest.mark.parametrize("round_", range(3))
def test_kill_9_during_bulk_commits_leaves_whole_pages_only(tmp_path: Path, round_: int) -> None:
    """A harvester killed while it writes pages keeps each page entirely, with its cursor, or not at all."""
    path = tmp_path / "store"
    repo = Path(__file__).resolve().parents[2]
    child = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], cwd=repo, stdout=subprocess.PIPE)
    assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
    time.sleep(1.0 + random.random() * 2.0)
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()

    reopened = OxigraphCatalog(path, sealer=seal, node_iri=NODE)
    try:
        pages = (reopened.get_doc("cursor", "peer") or {"pages": 0})["pages"]  # type: ignore[index]
        assert pages > 0, "the writer did not get to write"
        assert reopened.count() == reopened.last_seq == 400 * pages
        assert reopened.check_integrity() == []
        assert not list(path.glob("bulk-*.sst"))
    finally:
        reopened.close()
