"""The index follows the change log, persists with a manifest, and survives missing or corrupt files."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest

from kb.store.model import Member
from tests.search.conftest import ADMIN, PROJECTS, close, publish, search_of

pytestmark = pytest.mark.slow


def titles(node: Any, query: str, **kwargs: Any) -> list[str]:
    return [h.title for h in search_of(node).search(query, include_network=True, **kwargs).results]


def update(node: Any, iri: str, data: dict[str, Any]) -> None:
    node.publisher.publish(ADMIN, node.publisher.graph_from_json(iri, data), create=False)


def test_service_follows_create_update_and_delete(small_node: Callable[..., Any]) -> None:
    node = small_node()
    hellweg, bvla = publish(node, *PROJECTS[:2])
    assert search_of(node).wait_until_current()
    assert titles(node, "gemeinsames Standesamt")[0] == "Standesamtverbund Hellweg"

    changed = {**PROJECTS[0], "title": "Standesamtverbund Hellweg", "description": "Drei Gemeinden betreiben eine Musikschule.",
               "taskAreas": ["04"], "keywords": ["Musikschule"]}
    update(node, hellweg, changed)
    assert search_of(node).wait_until_current()
    assert titles(node, "Musikschule")[0] == "Standesamtverbund Hellweg"

    node.publisher.withdraw(ADMIN, bvla)
    assert search_of(node).wait_until_current()
    assert "Bergisches Veterinär- und Lebensmittelüberwachungsamt" not in titles(node, "Lebensmittelüberwachung Tierseuchen", limit=50)
    assert "Bergisches Veterinär- und Lebensmittelüberwachungsamt" not in titles(node, "Veterinäramt", method="dense", limit=50)


def test_restart_reembeds_nothing(small_node: Callable[..., Any]) -> None:
    node = small_node("a")
    publish(node, *PROJECTS)
    assert search_of(node).wait_until_current()
    assert search_of(node).indexer.progress.embedded == len(PROJECTS)
    close(node)

    again = small_node("a")
    assert search_of(again).wait_until_current()
    assert search_of(again).indexer.progress.embedded == 0
    assert titles(again, "Kläranlage")[0] == "Abwasserkooperation Korbach"


def test_a_restart_reuses_the_saved_word_index_and_still_corrects_spelling(small_node: Callable[..., Any]) -> None:
    """The BM25 snapshot is saved with the documents; a restart loads it rather than analysing every
    text again, answers the same, and "Meinten Sie" comes back once the speller is built."""
    node = small_node("w")
    publish(node, *PROJECTS)
    assert search_of(node).wait_until_current()
    before = titles(node, "Kläranlage Abwasser", method="lexical")
    close(node)
    assert list((node.settings.data_dir / "search").glob("lexical-*/lexicon.json"))

    again = small_node("w")
    assert search_of(again).wait_until_current()
    indexer = search_of(again).indexer
    assert indexer.lexical is not None and indexer.lexical.index.from_disk
    assert titles(again, "Kläranlage Abwasser", method="lexical") == before
    assert indexer.wait(lambda: indexer.lexical is not None and indexer.lexical.speller.ready, 30)
    assert search_of(again).search("Standesammt").suggestion == "Standesamt"


def test_a_corrupt_word_index_is_rebuilt_from_the_documents(small_node: Callable[..., Any], caplog: pytest.LogCaptureFixture) -> None:
    node = small_node("x")
    publish(node, *PROJECTS[:2])
    assert search_of(node).wait_until_current()
    close(node)
    for path in (node.settings.data_dir / "search").glob("lexical-*/doc_ids.npy"):
        path.write_bytes(b"broken")

    with caplog.at_level(logging.WARNING, logger="kb.search"):
        again = small_node("x")
        assert search_of(again).wait_until_current()
    assert any("word index unusable" in r.getMessage() for r in caplog.records)
    assert titles(again, "gemeinsames Standesamt", method="lexical")[0] == "Standesamtverbund Hellweg"


def test_corrupt_vector_file_is_rebuilt_with_a_log_line(small_node: Callable[..., Any], caplog: pytest.LogCaptureFixture) -> None:
    node = small_node("b")
    publish(node, *PROJECTS[:2])
    assert search_of(node).wait_until_current()
    close(node)
    for path in (node.settings.data_dir / "search").glob("vectors-*.faiss"):
        path.write_bytes(b"not a faiss index")

    with caplog.at_level(logging.WARNING, logger="kb.search"):
        again = small_node("b")
        assert search_of(again).wait_until_current()
    assert any("rebuilding it from the store" in r.getMessage() for r in caplog.records)
    assert titles(again, "gemeinsames Standesamt")[0] == "Standesamtverbund Hellweg"


def test_missing_manifest_is_rebuilt_from_the_store(small_node: Callable[..., Any]) -> None:
    node = small_node("c")
    publish(node, PROJECTS[0])
    assert search_of(node).wait_until_current()
    close(node)
    (node.settings.data_dir / "search" / "manifest.json").unlink()

    again = small_node("c")
    assert search_of(again).wait_until_current()
    assert titles(again, "Standesamt") == ["Standesamtverbund Hellweg"]


def test_a_record_harvested_from_a_peer_is_findable_right_after_the_sync(small_node: Callable[..., Any]) -> None:
    peer = small_node("peer", search_enabled=False, port=9101)
    (iri,) = publish(peer, PROJECTS[2])
    event, payload = peer.catalog.event(peer.catalog.events_since(0)[0].seq)
    stored = peer.catalog.get(iri)
    member = Member(record=iri, version=event.version, kind=event.kind, origin=event.origin, visibility=event.visibility,
                    timestamp=event.timestamp, member=event.member, payload=payload, triples=stored.triples,
                    record_type=stored.meta.record_type, received_from=peer.iri)

    node = small_node("harvester", port=9102)
    node.catalog.commit_received([member])
    assert search_of(node).wait_until_current()
    hits = search_of(node).search("Vergabestelle").results
    assert [(h.id, h.origin) for h in hits] == [(iri, peer.iri)]


def test_a_search_during_a_reindex_answers_from_the_last_consistent_index(small_node: Callable[..., Any]) -> None:
    node = small_node("d")
    publish(node, *PROJECTS[:3])
    service = search_of(node)
    assert service.wait_until_current()
    service.request_reindex()
    for _ in range(20):
        assert titles(node, "gemeinsames Standesamt")[0] == "Standesamtverbund Hellweg"
    assert service.wait_until_current()
