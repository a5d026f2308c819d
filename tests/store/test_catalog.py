"""The catalogue: versions, tombstones, atomic batches, an ordered resumable change log."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Triple

from kb.errors import Conflict, Gone, NotFound
from kb.store.model import Draft, ListQuery, Member, SealedVersion, canonical_ntriples, content_hash
from kb.store.oxigraph import OxigraphCatalog

NODE = "http://127.0.0.1:9/node"
BASE = "http://127.0.0.1:9/projects/"
TITLE = NamedNode("http://purl.org/dc/terms/title")


def seal(record, triples, *, version, kind, timestamp, visibility):  # type: ignore[no-untyped-def]
    return SealedVersion(member=f"{record}/versions/{version}", payload=canonical_ntriples(triples))


def graph(key: str, title: str) -> list[Triple]:
    rec = NamedNode(BASE + key)
    return [Triple(rec, TITLE, Literal(title, language="de"))]


@pytest.fixture
def catalog(tmp_path: Path) -> OxigraphCatalog:
    return OxigraphCatalog(tmp_path / "store", sealer=seal, node_iri=NODE)


def test_each_write_makes_a_new_version_with_the_next_sequence_number(catalog: OxigraphCatalog) -> None:
    first = catalog.commit_local([Draft(BASE + "a", graph("a", "Eins"))])[0]
    second = catalog.commit_local([Draft(BASE + "a", graph("a", "Zwei"))])[0]
    assert (first.kind, first.version, first.seq) == ("create", 1, 1)
    assert (second.kind, second.version, second.seq) == ("update", 2, 2)
    stored = catalog.get(BASE + "a")
    assert stored is not None and stored.triples == graph("a", "Zwei")
    assert stored.meta.version == 2 and stored.meta.created == first.timestamp


def test_withdrawing_leaves_a_tombstone_version_and_empties_the_record(catalog: OxigraphCatalog) -> None:
    catalog.commit_local([Draft(BASE + "a", graph("a", "Eins"))])
    tomb = catalog.commit_local([Draft(BASE + "a", None)])[0]
    assert (tomb.kind, tomb.version) == ("delete", 2)
    stored = catalog.get(BASE + "a")
    assert stored is not None and stored.meta.deleted and stored.triples == []
    with pytest.raises(Gone):
        catalog.get_live(BASE + "a", include_network=True)
    assert catalog.count() == 0
    assert catalog.list(ListQuery()).total == 0


def test_a_withdrawn_record_cannot_be_changed_again(catalog: OxigraphCatalog) -> None:
    catalog.commit_local([Draft(BASE + "a", graph("a", "Eins"))])
    catalog.commit_local([Draft(BASE + "a", None)])
    with pytest.raises(Gone):
        catalog.commit_local([Draft(BASE + "a", graph("a", "Wieder da"))])


def test_withdrawing_an_unknown_record_is_not_found(catalog: OxigraphCatalog) -> None:
    with pytest.raises(NotFound):
        catalog.commit_local([Draft(BASE + "x", None)])


def test_expected_version_guards_against_lost_updates(catalog: OxigraphCatalog) -> None:
    catalog.commit_local([Draft(BASE + "a", graph("a", "Eins"))])
    catalog.commit_local([Draft(BASE + "a", graph("a", "Zwei"), expected_version=1)])
    with pytest.raises(Conflict):
        catalog.commit_local([Draft(BASE + "a", graph("a", "Drei"), expected_version=1)])
    assert catalog.get(BASE + "a").triples == graph("a", "Zwei")  # type: ignore[union-attr]


def test_a_failing_batch_writes_nothing(catalog: OxigraphCatalog) -> None:
    catalog.commit_local([Draft(BASE + "a", graph("a", "Eins"))])
    with pytest.raises(Conflict):
        catalog.commit_local([Draft(BASE + "b", graph("b", "B")), Draft(BASE + "a", graph("a", "X"), expected_version=7)])
    assert catalog.meta(BASE + "b") is None
    assert catalog.last_seq == 1


def test_change_log_is_ordered_and_resumable_from_any_sequence_number(catalog: OxigraphCatalog) -> None:
    for i in range(5):
        catalog.commit_local([Draft(BASE + f"r{i}", graph(f"r{i}", f"Projekt {i}"))])
    catalog.commit_local([Draft(BASE + "r2", None)])
    events = catalog.events_since(0)
    assert [e.seq for e in events] == [1, 2, 3, 4, 5, 6]
    assert [e.kind for e in events][-1] == "delete"
    assert [e.seq for e in catalog.events_since(4)] == [5, 6]
    assert catalog.events_since(6) == []
    event, payload = catalog.event(3)  # type: ignore[misc]
    assert event.record == BASE + "r2" and "Projekt 2" in payload


def test_sequence_numbers_continue_after_reopening(tmp_path: Path) -> None:
    catalog = OxigraphCatalog(tmp_path / "s", sealer=seal, node_iri=NODE)
    for i in range(37):
        catalog.commit_local([Draft(BASE + f"r{i}", graph(f"r{i}", "x"))])
    del catalog
    reopened = OxigraphCatalog(tmp_path / "s", sealer=seal, node_iri=NODE)
    assert reopened.last_seq == 37
    assert reopened.commit_local([Draft(BASE + "new", graph("new", "y"))])[0].seq == 38


def test_received_versions_keep_the_newest_and_skip_own_records(catalog: OxigraphCatalog) -> None:
    other = "http://127.0.0.1:10/node"
    rec = "http://127.0.0.1:10/projects/p"
    triples = [Triple(NamedNode(rec), TITLE, Literal("Fremd", language="de"))]

    def member(version: int, origin: str = other) -> Member:
        return Member(record=rec, version=version, kind="update", origin=origin, visibility="public", timestamp="2026-01-01T00:00:00Z",
                      member=f"{rec}/versions/{version}", payload="", triples=triples, received_from=other)

    events, skipped = catalog.commit_received([member(3)], docs={("peer", "x"): {"cursor": 10}})
    assert [e.version for e in events] == [3]
    assert catalog.get_doc("peer", "x") == {"cursor": 10}
    events, skipped = catalog.commit_received([member(2), member(3)])
    assert events == [] and [reason for _, reason in skipped] == ["older", "same"]
    _, skipped = catalog.commit_received([member(9, origin=NODE)])
    assert [reason for _, reason in skipped] == ["self"]
    meta = catalog.meta(rec)
    assert meta is not None and meta.version == 3 and not meta.local and meta.received_from == other


def test_records_received_from_elsewhere_cannot_be_changed_locally(catalog: OxigraphCatalog) -> None:
    rec = "http://127.0.0.1:10/projects/p"
    catalog.commit_received([Member(record=rec, version=1, kind="create", origin="http://127.0.0.1:10/node", visibility="public",
                                    timestamp="2026-01-01T00:00:00Z", member=rec + "/versions/1", payload="",
                                    triples=[Triple(NamedNode(rec), TITLE, Literal("x"))])])
    with pytest.raises(Conflict):
        catalog.commit_local([Draft(rec, [Triple(NamedNode(rec), TITLE, Literal("y"))])])


def test_content_hash_ignores_triple_order() -> None:
    a = graph("a", "Eins") + graph("b", "Zwei")
    assert content_hash(a) == content_hash(list(reversed(a)))


def test_listing_pages_through_records_sorted_by_title(catalog: OxigraphCatalog) -> None:
    for name in ["Cäsar", "anton", "Berta", "Dora"]:
        catalog.commit_local([Draft(BASE + name.lower(), graph(name.lower(), name))])
    page = catalog.list(ListQuery(limit=2))
    assert page.total == 4 and [i.title for i in page.items] == ["anton", "Berta"]
    assert [i.title for i in catalog.list(ListQuery(limit=2, offset=2)).items] == ["Cäsar", "Dora"]


def test_network_records_are_listed_only_for_members_of_the_network(catalog: OxigraphCatalog) -> None:
    catalog.commit_local([Draft(BASE + "open", graph("open", "Offen")), Draft(BASE + "closed", graph("closed", "Intern"), visibility="network")])
    assert [i.title for i in catalog.list(ListQuery()).items] == ["Offen"]
    assert catalog.list(ListQuery(include_network=True)).total == 2
    assert catalog.count(include_network=False) == 1
    assert list(catalog.iter_live_records(include_network=False)) == [BASE + "open"]
    assert sorted(catalog.iter_live_records(include_network=True)) == [BASE + "closed", BASE + "open"]


def test_private_documents_are_written_with_records_in_one_transaction(catalog: OxigraphCatalog) -> None:
    catalog.commit_local([Draft(BASE + "a", graph("a", "Eins"))], docs={("owner", BASE + "a"): "pub1"})
    assert catalog.get_doc("owner", BASE + "a") == "pub1"
    catalog.put_docs({("owner", BASE + "a"): None})
    assert catalog.get_doc("owner", BASE + "a") is None
    catalog.put_docs({("q", "1"): {"r": 1}, ("q", "2/x"): {"r": 2}})
    assert catalog.docs("q") == {"1": {"r": 1}, "2/x": {"r": 2}}
