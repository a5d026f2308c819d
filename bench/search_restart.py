"""Where a restart's time goes, in a fresh process: imports, building the node, start until the
index is current, one dense query.

    .venv/bin/python bench/search_restart.py DATA_DIR     # a node's data directory with a saved search index

Run it twice: the first run after a change to the index format writes the new files once. For a
10,000-record node: a data directory that ``bench/search.py`` filled (or ``kb import`` of
``bench/generated.py``'s projects, then ``kb reindex``).
"""

from __future__ import annotations

import time

started = time.perf_counter()

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kb.config import Settings  # noqa: E402
from kb.node import Node  # noqa: E402


def main() -> None:
    imported = time.perf_counter()
    node = Node(Settings(data_dir=Path(sys.argv[1]), port=0, search_enabled=True, sync_interval=0,  # type: ignore[arg-type]
                         hnsw_threshold=10**9))
    built = time.perf_counter()
    node.start()
    assert node.search is not None and node.search.wait_until_current(600)
    current = time.perf_counter()
    hits = node.search.search("shared procurement office", method="dense").results
    answered = time.perf_counter()
    print(f"{len(node.search.indexer.view)} records: imports {imported - started:.2f} s, Node() {built - imported:.2f} s, "
          f"start to searchable {current - built:.2f} s, first dense query {answered - current:.2f} s ({len(hits)} hits), "
          f"total {answered - started:.2f} s")
    node.close()


if __name__ == "__main__":
    main()
