"""Issue 12 item 7: the harvester's CPU seconds per 10,000 records, stage by stage, load-independent.

``bench/federation_harvest.py`` measures the harvest as a whole (wall clock, ratio to the raw bulk
load, the process's CPU). On a machine shared with other work its stage times are wall-clock times
of three threads that share the GIL, so they say little about where the CPU goes. This bench runs
the harvest thread's work (read each page, check each member, prepare the stored form) and the
commit thread's Python (building the batch of a commit) one after the other in one thread, over
the pages of a generated origin, and reports each stage's *thread* CPU seconds per 10,000 records,
the best of ``--repeat`` passes: far steadier than wall-clock figures when other processes run.

    .venv/bin/python bench/harvest_stages.py [--records 3000] [--repeat 3]

The stages are those of ``Harvester._harvest`` and ``Harvester.check``, called the same way
(``gc_paused`` around reading and around checking, as the harvester does). What this bench does
not see: fetching (HTTP), the store's write call (Rust, without the GIL), and the origin's work.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.federation_harvest import build_origin  # noqa: E402
from tests.conftest import free_port  # noqa: E402

T = TypeVar("T")


def origin_pages(data_dir: Path, port: int, records: int) -> tuple[list[tuple[bytes, str, str]], dict[str, Any]]:
    """The TriG pages of a generated origin, rendered in this process, and its peer description."""
    from kb.config import Settings
    from kb.node import Node

    build_origin(data_dir, port, records)
    node = Node(Settings(data_dir=data_dir, port=port, name="Ursprung", search_enabled=False, push_notifications=False))
    try:
        fed = node.federation
        feed = fed.feed
        pages, start = [], 1
        while (page := feed.page(start, network=False)) is not None and page.members:
            pages.append((feed.render_page(page, "trig"), "application/trig", page.iri))
            start = page.end + 1
        peer = {"id": "ursprung", "url": feed.base_url, "node": fed.node_iri, "public_key": fed.key.public_multibase,
                "stream": feed.stream_iri}
        return pages, peer
    finally:
        node.close()


def build_write(prepared: Any) -> bytes:
    """What the commit thread does in Python for a page of new records: the batch's text, encoded."""
    from kb.store.batch import Batch
    from kb.store.model import RecordMeta, SealedVersion, now_timestamp

    batch = Batch()
    for seq, (m, content) in enumerate(zip(prepared.members, prepared.contents, strict=True), 1):
        assert content is not None
        meta = RecordMeta(iri=m.record, version=m.version, modified=m.timestamp, created=m.timestamp, origin=m.origin,
                          visibility=m.visibility, deleted=False, content_hash=content.content_hash, seq=seq, member=m.member,
                          local=False, record_type=m.record_type, received_from=m.received_from, received_at=now_timestamp(),
                          verified=True)
        batch.version(meta, m.kind, SealedVersion(member=m.member, payload=m.payload), content, replace=False)
    return batch.insert_data().encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the pages; the best of each stage is reported")
    args = parser.parse_args()

    from kb.config import Settings
    from kb.federation.harvester import Checked
    from kb.federation.members import parse_member
    from kb.federation.pages import read_page
    from kb.federation.peers import PeerConfig
    from kb.gcpause import gc_paused
    from kb.node import Node

    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        base = Path(tmp)
        pages, peer = origin_pages(base / "origin", free_port(), args.records)
        cfg = PeerConfig.from_doc(peer)
        node = Node(Settings(data_dir=base / "harvester", port=free_port(), name="Sammler", search_enabled=False,
                             push_notifications=False, sync_interval=0))
        harvester, catalog = node.federation.harvester, node.catalog
        _ = node.publisher.validator.shapes  # the shapes are compiled once per process, not per harvest
        best: dict[str, float] = defaultdict(lambda: float("inf"))
        members = 0
        for _round in range(args.repeat):
            spent: dict[str, float] = defaultdict(float)

            def timed(stage: str, fn: Callable[..., T], *a: Any, spent: dict[str, float] = spent) -> T:
                started = time.thread_time()
                try:
                    return fn(*a)
                finally:
                    spent[stage] += time.thread_time() - started

            members = 0
            started = time.thread_time()
            for body, content_type, url in pages:
                with gc_paused():
                    page = timed("read page", read_page, body, content_type, url)
                with gc_paused():
                    parsed = [timed("parse members", parse_member, g.member, g.triples, g.proof) for g in page.members]
                    timed("publishing rule", lambda found: [harvester._identity_problem(p) for p in found], parsed)
                    out = Checked()
                    verified = timed("verify", harvester._verify, cfg, parsed, out)
                    timed("validate (SHACL)", harvester._validate, cfg, verified, out)
                    assert not out.quarantine, out.quarantine[:3]
                    prepared = timed("prepare (summary, hash)", catalog.prepare_received, out.members)
                timed("commit: build the write", build_write, prepared)
                members += len(out.members)
            spent["total"] = time.thread_time() - started
            for stage, seconds in spent.items():
                best[stage] = min(best[stage], seconds)
        node.close()
    per = 10_000 / members
    print(f"{members} members in {len(pages)} pages, best of {args.repeat} passes; thread CPU seconds per 10,000 records:")
    for stage, seconds in sorted(best.items(), key=lambda kv: (kv[0] == "total", -kv[1])):
        print(f"  {stage:<26} {seconds * per:6.2f} s")


if __name__ == "__main__":
    main()
