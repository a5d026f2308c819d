"""What a restart and a full re-index must still give after they were made faster (issue 14):
the other parts' warm-ups follow search, the word index built beside the model is complete, and
the shorter lock turns are given back."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from typing import Any

import pytest

from kb.search.gil import BULK_EMBEDDING_SWITCH_INTERVAL, short_turns
from tests.search.conftest import PROJECTS, publish, search_of


def test_the_inventory_and_document_warm_ups_start_once_search_has_settled(small_node: Callable[..., Any]) -> None:
    node = small_node("order")
    assert search_of(node).wait_until_settled(120)
    waited = threading.Event()
    for _ in range(100):  # the starter thread starts them right after search settles
        if node.inventory._thread is not None and node.documents._thread is not None:
            break
        waited.wait(0.1)
    assert node.inventory._thread is not None and node.documents._thread is not None


def test_a_forced_reindex_builds_the_word_index_and_spelling_for_every_record(small_node: Callable[..., Any]) -> None:
    node = small_node("full")
    publish(node, *PROJECTS)
    service = search_of(node)
    assert service.wait_until_current()
    service.reindex_now(force=True)
    assert gc.isenabled()  # the collector, paused while the reader ran beside the model, runs again
    ix = service.indexer
    assert ix.lexical is not None and not ix._lexical_dirty
    assert sorted(ix.lexical.index.doc_ids.tolist()) == sorted(ix.docs) == sorted(ix.vectors.ids().tolist())
    assert ix.lexical.speller.ready
    assert service.search("Standesammt").suggestion == "Standesamt"
    assert service.search("Vergabestelle", method="lexical").results[0].title == "Zentrale Vergabestelle Dinslaken und Voerde"


def test_short_lock_turns_are_given_back_when_the_last_embedding_ends() -> None:
    before = sys.getswitchinterval()
    with short_turns():
        assert sys.getswitchinterval() == pytest.approx(min(before, BULK_EMBEDDING_SWITCH_INTERVAL))
        with short_turns():  # a second node of the same process embedding at the same time
            pass
        assert sys.getswitchinterval() == pytest.approx(min(before, BULK_EMBEDDING_SWITCH_INTERVAL))
    assert sys.getswitchinterval() == before
