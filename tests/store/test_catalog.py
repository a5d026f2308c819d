"""The catalogue: versions, tombstones, atomic batches, an ordered resumable change log."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Triple

from kb.errors import Conflict, Gone, NotFound
from kb.store import Catalog
from kb.store.model import Draft, ListQuery, Member, canonical_ntriples, content_hash
from kb.store.oxigraph import OxigraphCatalog
from tests.store.conftest import NODE, seal

BASE = "http://127.0.0.1:9/projects/"
TITLE = NamedNode("http://purl.org/dc/terms/title")


def graph(key: str, title: str) -> list[Triple]:
    rec = NamedNode(BASE + key)
    return [Triple(rec, TITLE, Literal(title, language="de"))]


def test_each_write_makes_a_new_version_with_the_next_sequence_number(catalog: Catalog) -> None:
    first = catalog.commit_local([Draft(BASE + "a", graph("a", "Eins"))])[0]
    second = catalog.commit_local([Draft(BASE + "a", graph("a", "Zwei"))])[0]
    assert (first.kind, first.version, first.seq) == ("create", 1, 1)
    assert (second.kind, second.version, second.seq) == ("update", 2, 2)
    stored = catalog.get(BASE + "a")
    assert stored is not None and stored.triples == graph("a", "Zwei")
    assert stored.meta.version == 2 and stored.meta.created == first.timestamp


def test_times_read_back_as_written_although_the_store_drops_trailing_zeros(catalog: Catalog) -> None:
    """Oxigraph keeps xsd:dateTime canonical ("…:01.1Z", "…:02Z"); kb's fixed-width form comes back."""
    first = received("t", 1, "Eins")
    catalog.commit_received([replace(first, timestamp="2026-01-01T00:00:01.100Z")])
    catalog.commit_received([replace(received("t", 2, "Zwei"), timestamp="2026-01-01T00:00:02.000Z")])
    meta = catalog.meta(first.record)
    assert meta is not None
    assert (meta.created, meta.modified) == ("2026-01-01T00:00:01.100Z", "2026-01-01T00:00:02.000Z")
    assert catalog.list_records(ListQuery(sort="modified")).items[0].modified == "2026-01-01T00:00:02.000Z"


def test_withdrawing_leaves_a_tombstone_version_and_empties_the_record(catalog: Catalog) -> None:
    catalog.commit_local([Draft(BASE + "a", graph("a", "Eins"))])
    tomb = catalog.commit_local([Draft(BASE + "a", None)])[0]
    assert (tomb.kind, tomb.version) == ("delete", 2)
    stored = catalog.get(BASE + "a")
    assert stored is not None and stored.meta.deleted and stored.triples == []
    with pytest.raises(Gone):
        catalog.get_live(BASE + "a", include_network=True)
    assert catalog.count() == 0
    assert catalog.list_records(ListQuery()).total == 0


def test_a_withdrawn_record_cannot_be_changed_again(catalog: Catalog) -> None:
    catalog.commit_local([Draft(BASE + "a", graph("a", "Eins"))])
    catalog.commit_local([Draft(BASE + "a", None)])
    with pytest.raises(Gone):
        catalog.commit_local([Draft(BASE + "a", graph("a", "Wieder da"))])


def test_withdrawing_an_unknown_record_is_not_found(catalog: Catalog) -> None:
    with pytest.raises(NotFound):
        catalog.commit_local([Draft(BASE + "x", None)])


def test_expected_version_guards_against_lost_updates(catalog: Catalog) -> None:
    catalog.commit_local([Draft(BASE + "a", graph("a", "Eins"))])
    catalog.commit_local([Draft(BASE + "a", graph("a", "Zwei"), expected_version=1)])
    with pytest.raises(Conflict):
        catalog.commit_local([Draft(BASE + "a", graph("a", "Drei"), expected_version=1)])
    assert catalog.get(BASE + "a").triples == graph("a", "Zwei")  # type: ignore[union-attr]


def test_a_failing_batch_writes_nothing(catalog: Catalog) -> None:
    catalog.commit_local([Draft(BASE + "a", graph("a", "Eins"))])
    with pytest.raises(Conflict):
        catalog.commit_local([Draft(BASE + "b", graph("b", "B")), Draft(BASE + "a", graph("a", "X"), expected_version=7)])
    assert catalog.meta(BASE + "b") is None
    assert catalog.last_seq == 1


def test_change_log_is_ordered_and_resumable_from_any_sequence_number(catalog: Catalog) -> None:
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


def test_sequence_numbers_continue_after_reopening(open_catalog: Callable[..., Catalog]) -> None:
    catalog = open_catalog()
    for i in range(37):
        catalog.commit_local([Draft(BASE + f"r{i}", graph(f"r{i}", "x"))])
    catalog.close()
    reopened = open_catalog()
    assert reopened.last_seq == 37
    assert reopened.commit_local([Draft(BASE + "new", graph("new", "y"))])[0].seq == 38


def test_received_versions_keep_the_newest_and_skip_own_records(catalog: Catalog) -> None:
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


def test_records_received_from_elsewhere_cannot_be_changed_locally(catalog: Catalog) -> None:
    rec = "http://127.0.0.1:10/projects/p"
    catalog.commit_received([Member(record=rec, version=1, kind="create", origin="http://127.0.0.1:10/node", visibility="public",
                                    timestamp="2026-01-01T00:00:00Z", member=rec + "/versions/1", payload="",
                                    triples=[Triple(NamedNode(rec), TITLE, Literal("x"))])])
    with pytest.raises(Conflict):
        catalog.commit_local([Draft(rec, [Triple(NamedNode(rec), TITLE, Literal("y"))])])


def test_recent_records_and_counts_per_origin_follow_every_commit(catalog: Catalog) -> None:
    """The start page's overview is reused between commits, never served stale after one."""
    other, rec = "http://127.0.0.1:10/node", "http://127.0.0.1:10/projects/p"
    catalog.commit_local([Draft(BASE + "a", graph("a", "Eins"))])
    assert catalog.recent(local=True) == [BASE + "a"] and catalog.count_by_origin() == {NODE: 1}
    assert catalog.recent(local=False) == []
    catalog.commit_local([Draft(BASE + "b", graph("b", "Zwei"))])
    assert set(catalog.recent(local=True)) == {BASE + "a", BASE + "b"} and catalog.count_by_origin() == {NODE: 2}
    catalog.commit_received([Member(record=rec, version=1, kind="create", origin=other, visibility="public",
                                    timestamp="2026-01-01T00:00:00Z", member=rec + "/versions/1", payload="",
                                    triples=[Triple(NamedNode(rec), TITLE, Literal("Fremd"))])])
    assert catalog.recent(local=False) == [rec] and catalog.count_by_origin() == {NODE: 2, other: 1}
    catalog.commit_local([Draft(BASE + "b", None)])
    assert catalog.recent(local=True) == [BASE + "a"] and catalog.count_by_origin() == {NODE: 1, other: 1}


def test_content_hash_ignores_triple_order() -> None:
    a = graph("a", "Eins") + graph("b", "Zwei")
    assert content_hash(a) == content_hash(list(reversed(a)))


def test_listing_pages_through_records_sorted_by_title(catalog: Catalog) -> None:
    for name in ["Cäsar", "anton", "Berta", "Dora"]:
        catalog.commit_local([Draft(BASE + name.lower(), graph(name.lower(), name))])
    page = catalog.list_records(ListQuery(limit=2))
    assert page.total == 4 and [i.title for i in page.items] == ["anton", "Berta"]
    assert [i.title for i in catalog.list_records(ListQuery(limit=2, offset=2)).items] == ["Cäsar", "Dora"]


def test_network_records_are_listed_only_for_members_of_the_network(catalog: Catalog) -> None:
    catalog.commit_local([Draft(BASE + "open", graph("open", "Offen")), Draft(BASE + "closed", graph("closed", "Intern"), visibility="network")])
    assert [i.title for i in catalog.list_records(ListQuery()).items] == ["Offen"]
    assert catalog.list_records(ListQuery(include_network=True)).total == 2
    assert catalog.count(include_network=False) == 1
    assert list(catalog.iter_live_records(include_network=False)) == [BASE + "open"]
    assert sorted(catalog.iter_live_records(include_network=True)) == [BASE + "closed", BASE + "open"]


def test_private_documents_are_written_with_records_in_one_transaction(catalog: Catalog) -> None:
    catalog.commit_local([Draft(BASE + "a", graph("a", "Eins"))], docs={("owner", BASE + "a"): "pub1"})
    assert catalog.get_doc("owner", BASE + "a") == "pub1"
    catalog.put_docs({("owner", BASE + "a"): None})
    assert catalog.get_doc("owner", BASE + "a") is None
    catalog.put_docs({("q", "1"): {"r": 1}, ("q", "2/x"): {"r": 2}})
    assert catalog.docs("q") == {"1": {"r": 1}, "2/x": {"r": 2}}


OTHER = "http://127.0.0.1:10/node"


def received(key: str, version: int, title: str, kind: str = "update") -> Member:
    rec = f"http://127.0.0.1:10/projects/{key}"
    triples = [] if kind == "delete" else [Triple(NamedNode(rec), TITLE, Literal(title, language="de"))]
    return Member(record=rec, version=version, kind=kind, origin=OTHER, visibility="public",  # type: ignore[arg-type]
                  timestamp=f"2026-01-01T00:00:0{version}Z", member=f"{rec}/versions/{version}", payload=f"payload {version}\n",
                  triples=triples, received_from=OTHER)


def test_a_commit_that_only_adds_keeps_documents_current_without_deleting(catalog: Catalog) -> None:
    """Insert-only commits (new records and the next cursor) add a stamped document value instead of
    replacing it; readers see the newest value, and the next ordinary write leaves one value again."""
    from kb.store.terms import P_JSON_AT, PRIVATE_GRAPH, doc_iri

    catalog.put_docs({("cursor", "p"): {"page": 0}})
    for page in range(1, 4):
        catalog.commit_received([received(f"r{page}", 1, f"Seite {page}")], docs={("cursor", "p"): {"page": page}})
        assert catalog.get_doc("cursor", "p") == {"page": page}
        assert catalog.docs("cursor") == {"p": {"page": page}}
    stamped = list(catalog.store.quads_for_pattern(doc_iri("cursor", "p"), P_JSON_AT, None, PRIVATE_GRAPH))
    assert len(stamped) == 3
    catalog.put_docs({("cursor", "p"): {"page": "done"}})
    assert catalog.get_doc("cursor", "p") == {"page": "done"}
    assert len(list(catalog.store.quads_for_pattern(doc_iri("cursor", "p"), None, None, PRIVATE_GRAPH))) == 1
    catalog.commit_received([received("r9", 1, "Neu")], docs={("cursor", "p"): {"page": 9}})
    catalog.put_docs({("cursor", "p"): None})
    assert catalog.get_doc("cursor", "p") is None and catalog.docs("cursor") == {}


def test_stamped_document_values_are_bounded(catalog: Catalog) -> None:
    from kb.store.documents import DOC_REVISIONS_MAX
    from kb.store.terms import P_JSON_AT, PRIVATE_GRAPH, doc_iri

    for page in range(DOC_REVISIONS_MAX + 5):
        catalog.commit_received([received(f"r{page}", 1, "x")], docs={("cursor", "p"): {"page": page}})
        assert catalog.get_doc("cursor", "p") == {"page": page}
    stamped = list(catalog.store.quads_for_pattern(doc_iri("cursor", "p"), P_JSON_AT, None, PRIVATE_GRAPH))
    assert 0 < len(stamped) <= DOC_REVISIONS_MAX
    assert catalog.check_integrity() == []


def test_a_commit_that_adds_nothing_new_still_replaces_documents(catalog: Catalog) -> None:
    catalog.commit_received([received("a", 2, "x")], docs={("cursor", "p"): {"n": 1}})
    events, skipped = catalog.commit_received([received("a", 2, "x")], docs={("cursor", "p"): {"n": 2}})
    assert events == [] and len(skipped) == 1
    assert catalog.get_doc("cursor", "p") == {"n": 2}


def test_two_versions_of_one_record_in_one_batch_keep_the_newest_and_log_both(catalog: Catalog) -> None:
    catalog.commit_received([received("a", 1, "Eins")])
    events, _ = catalog.commit_received([received("a", 2, "Zwei"), received("b", 1, "B"), received("a", 3, "Drei")])
    assert [(e.record.rsplit("/", 1)[1], e.version) for e in events] == [("a", 2), ("b", 1), ("a", 3)]
    stored = catalog.get("http://127.0.0.1:10/projects/a")
    assert stored is not None and stored.meta.version == 3 and [t.object.value for t in stored.triples] == ["Drei"]
    assert catalog.check_integrity() == []
    events, _ = catalog.commit_received([received("c", 1, "C"), received("c", 2, "", kind="delete")])
    tomb = catalog.get("http://127.0.0.1:10/projects/c")
    assert tomb is not None and tomb.meta.deleted and tomb.triples == []
    assert catalog.check_integrity() == []


def test_log_entries_read_back_in_compact_and_in_the_older_form(catalog: Catalog) -> None:
    event = catalog.commit_received([received("a", 4, "x")])[0][0]
    found = catalog.event(event.seq)
    assert found == (event, "payload 4\n")
    assert catalog.event_for_member(event.member) == found
    # An entry as older versions wrote it, one triple per field.
    catalog.store.update("""INSERT DATA { GRAPH <https://w3id.org/ikz-kb/meta#log> {
        <urn:kb:event:2> <https://w3id.org/ikz-kb/meta#record> <http://127.0.0.1:10/projects/old> ;
            <http://www.w3.org/ns/dcat#version> "7"^^<http://www.w3.org/2001/XMLSchema#integer> ;
            <https://w3id.org/ikz-kb/meta#kind> "update" ;
            <http://www.w3.org/ns/prov#wasAttributedTo> <http://127.0.0.1:10/node> ;
            <https://w3id.org/ikz-kb/ontology#visibility> <https://w3id.org/ikz-kb/visibility/network> ;
            <http://purl.org/dc/terms/modified> "2025-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> ;
            <https://w3id.org/ikz-kb/meta#member> <http://127.0.0.1:10/projects/old/versions/7> ;
            <https://w3id.org/ikz-kb/meta#local> false ;
            <https://w3id.org/ikz-kb/meta#payload> "alt" } }""")
    old, payload = catalog.event(2)  # type: ignore[misc]
    assert (old.record, old.version, old.kind, old.visibility, old.timestamp, old.local, payload) == (
        "http://127.0.0.1:10/projects/old", 7, "update", "network", "2025-01-01T00:00:00Z", False, "alt")


def test_received_members_can_be_prepared_outside_the_commit(catalog: Catalog) -> None:
    members = [received("a", 1, "Eins"), received("b", 1, "Zwei")]
    prepared = catalog.prepare_received(members)
    events, skipped = catalog.commit_received(prepared, docs={("cursor", "p"): {"n": 1}})
    assert [e.version for e in events] == [1, 1] and skipped == []
    stored = catalog.get(members[0].record)
    assert stored is not None and stored.meta.content_hash == content_hash(members[0].triples)


def test_given_canonical_form_is_used_only_if_it_fits_the_triples(catalog: Catalog) -> None:
    from dataclasses import replace

    good = received("a", 1, "Eins")
    catalog.commit_received([replace(good, ntriples=canonical_ntriples(good.triples))])
    stale = received("b", 1, "Zwei")
    catalog.commit_received([replace(stale, ntriples="")])  # does not fit: computed from the triples
    stored = catalog.get(stale.record)
    assert stored is not None and stored.triples == list(stale.triples)
    assert catalog.check_integrity() == []


def test_a_draft_sealed_before_a_concurrent_write_is_sealed_again(catalog: Catalog) -> None:
    """Sealing happens before the write lock; if the record moved on meanwhile, the draft is sealed
    again for the version it really gets."""
    sealed_versions: list[int] = []

    def counting_seal(record, triples, *, version, kind, timestamp, visibility):  # type: ignore[no-untyped-def]
        sealed_versions.append(version)
        return seal(record, triples, version=version, kind=kind, timestamp=timestamp, visibility=visibility)

    catalog._sealer = counting_seal  # type: ignore[method-assign]
    catalog.commit_local([Draft(BASE + "a", graph("a", "Eins"))])
    guess = catalog._guess_seal

    def guess_then_someone_else_writes(draft: Draft, content):  # type: ignore[no-untyped-def]
        found = guess(draft, content)
        catalog._guess_seal = guess  # type: ignore[method-assign]
        catalog.commit_local([Draft(BASE + "a", graph("a", "Dazwischen"))])
        return found

    catalog._guess_seal = guess_then_someone_else_writes  # type: ignore[method-assign]
    event = catalog.commit_local([Draft(BASE + "a", graph("a", "Drei"))])[0]
    assert event.version == 3 and event.member == BASE + "a/versions/3"
    assert sealed_versions == [1, 2, 2, 3]  # guessed 2, lost the race to "Dazwischen" (2), sealed again as 3
    assert catalog.check_integrity() == []


def test_literals_with_unicode_line_separators_are_stored_whole(catalog: Catalog) -> None:
    """U+2028, U+2029 and U+0085 stay unescaped in N-Triples; the canonical form must not cut there."""
    text = "Zeile eins\u2028Zeile zwei\u2029Absatz\x85Ende"
    triples = graph("a", text)
    assert canonical_ntriples(triples).count("\n") == 1
    catalog.commit_local([Draft(BASE + "a", triples)])
    rec = received("b", 1, text)
    catalog.commit_received([rec])
    for iri, expected in ((BASE + "a", triples), (rec.record, list(rec.triples))):
        stored = catalog.get(iri)
        assert stored is not None and stored.triples == expected
    assert catalog.check_integrity() == []


# ---------------------------------------------------------------------- erasure (docs/decisions.md, "Personal data and erasure")

VCARD_FN = NamedNode("http://www.w3.org/2006/vcard/ns#fn")
CONTACT_POINT = NamedNode("http://www.w3.org/ns/dcat#contactPoint")


def with_contact(key: str, title: str, person: str) -> list[Triple]:
    rec, contact = NamedNode(BASE + key), NamedNode(BASE + key + "#contact")
    return [*graph(key, title), Triple(rec, CONTACT_POINT, contact), Triple(contact, VCARD_FN, Literal(person))]


def test_erasing_versions_compact_the_log_without_gaps(open_catalog: Callable[..., Catalog]) -> None:
    """A version that drops personal data erases the earlier ones: their log entries keep their
    place (the log stays gap-free, also after reopening) but lose their payload."""
    catalog = open_catalog()
    catalog.commit_local([Draft(BASE + "a", with_contact("a", "Eins", "Erika Mustermann"))])
    catalog.commit_local([Draft(BASE + "b", graph("b", "Anderes"))])
    catalog.commit_local([Draft(BASE + "a", with_contact("a", "Zwei", "Erika Mustermann"))])  # same person: history kept
    assert [e.compacted for e in catalog.events_of(BASE + "a")] == [False, False]
    event = catalog.commit_local([Draft(BASE + "a", graph("a", "Drei"))])[0]  # the contact goes
    assert catalog.meta(BASE + "a").erased_before == 3  # type: ignore[union-attr]
    assert [(e.version, e.compacted) for e in catalog.events_of(BASE + "a")] == [(1, True), (2, True), (3, False)]
    assert catalog.event(1) == (replace(catalog.event(1)[0], compacted=True), "")  # type: ignore[index]
    assert catalog.find_in_history(["mustermann"]) == {}
    later = catalog.commit_local([Draft(BASE + "a", graph("a", "Vier"))])[0]
    assert catalog.meta(BASE + "a").erased_before == 3  # type: ignore[union-attr]  # carried on
    assert catalog.check_integrity() == []
    catalog.close()
    reopened = open_catalog()
    assert reopened.last_seq == later.seq == event.seq + 1
    assert reopened.erasure_mark == f"1.{event.seq}" and reopened.check_integrity() == []


def test_a_withdrawn_record_can_be_erased_and_copies_can_be_compacted(open_catalog: Callable[..., Catalog]) -> None:
    """Versions written before erasure existed (here: a catalogue without the personal-data check)
    keep their contacts after a withdrawal; ``kb erase`` then erases them with a new tombstone."""
    catalog = open_catalog(personal=None)
    catalog.commit_local([Draft(BASE + "a", with_contact("a", "Eins", "Erika Mustermann"))])
    catalog.commit_local([Draft(BASE + "a", None)])
    assert catalog.find_in_history(["Erika"]).keys() == {BASE + "a"}
    with pytest.raises(Gone):
        catalog.commit_local([Draft(BASE + "a", None)])  # withdrawn stays withdrawn ...
    tomb = catalog.commit_local([Draft(BASE + "a", None, erase=True)])[0]  # ... but can still be erased
    assert (tomb.kind, tomb.version) == ("delete", 3) and catalog.find_in_history(["Erika"]) == {}
    catalog.commit_received([received("r", 1, "Eins")])
    catalog.commit_received([received("r", 2, "Zwei")])
    record = received("r", 1, "Eins").record
    assert catalog.compact_history(record, 2) == [1]
    assert [(e.version, e.compacted) for e in catalog.events_of(record)] == [(1, True), (2, False)]
    assert catalog.check_integrity() == []


def files_with(root: Path, needle: bytes) -> list[str]:
    return [str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_rewriting_a_stopped_store_removes_erased_bytes_and_keeps_everything_else(tmp_path: Path) -> None:
    """Oxigraph keeps the strings of removed triples in its files; a rewrite leaves only what is live."""
    from kb.store.generations import rewrite_store

    path = tmp_path / "store"
    catalog = OxigraphCatalog(path, sealer=seal, node_iri=NODE)
    with catalog.purge_after():  # the node stops (or is killed) before it rewrites its store itself
        catalog.commit_local([Draft(BASE + "a", with_contact("a", "Eins", "Erika Mustermann"))])
        catalog.commit_local([Draft(BASE + "a", graph("a", "Zwei"))])  # removes the contact: erases version 1
        before = sorted(map(str, catalog.store.quads_for_pattern(None, None, None, None)))
        catalog.close()
    del catalog
    import gc

    gc.collect()
    assert files_with(tmp_path, b"Mustermann")  # unreachable, but still in the files
    copied, _ = rewrite_store(path)
    assert files_with(tmp_path, b"Mustermann") == [] and copied == len(before)
    reopened = OxigraphCatalog(path, sealer=seal, node_iri=NODE)
    assert sorted(map(str, reopened.store.quads_for_pattern(None, None, None, None))) == before
    assert reopened.check_integrity() == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.current", "store.g1"]


def test_an_erasure_rewrites_the_open_store_so_the_bytes_leave_its_files(tmp_path: Path) -> None:
    """Finding 6 (physical part): the catalogue rewrites itself after an erasure, while it stays open."""
    from kb.ontology.personal_data import personal_triples

    path = tmp_path / "store"
    catalog = OxigraphCatalog(path, sealer=seal, node_iri=NODE, personal=personal_triples)
    rewrites: list[int] = []
    catalog.on_purge(lambda opened=catalog: rewrites.append(opened.generation))
    catalog.commit_local([Draft(BASE + "a", with_contact("a", "Eins", "Erika Mustermann"))])
    catalog.commit_local([Draft(BASE + "b", graph("b", "Andere"))])
    catalog.flush()
    assert files_with(tmp_path, b"Mustermann") and rewrites == []
    catalog.commit_local([Draft(BASE + "a", graph("a", "Zwei"))])  # drops the contact: versions before it are erased
    assert rewrites == [1] and files_with(tmp_path, b"Mustermann") == []
    assert catalog.get(BASE + "a").meta.version == 2 and catalog.get(BASE + "b") is not None  # type: ignore[union-attr]
    catalog.commit_local([Draft(BASE + "c", graph("c", "Nach dem Umschreiben"))])  # still writable
    assert catalog.check_integrity() == [] and catalog.last_seq == 4
    catalog.close()
    del catalog
    import gc

    gc.collect()
    reopened = OxigraphCatalog(path, sealer=seal, node_iri=NODE)
    assert reopened.last_seq == 4 and reopened.get(BASE + "c") is not None and reopened.check_integrity() == []


def test_erasures_soon_after_a_rewrite_are_rewritten_together_after_the_interval(tmp_path: Path) -> None:
    """A publisher or peer that erases again and again cannot keep the writer busy with rewrites."""
    import time

    from kb.ontology.personal_data import personal_triples

    catalog = OxigraphCatalog(tmp_path / "store", sealer=seal, node_iri=NODE, personal=personal_triples, purge_interval=3.0)
    for key in ("a", "b", "c"):
        catalog.commit_local([Draft(BASE + key, with_contact(key, "Eins", f"Person {key.upper()}xyz"))])
    catalog.commit_local([Draft(BASE + "a", graph("a", "Zwei"))])
    assert catalog.generation == 1  # the first one at once
    with catalog.purge_after():  # two erasures in one round: one rewrite
        catalog.commit_local([Draft(BASE + "b", graph("b", "Zwei"))])
        catalog.commit_local([Draft(BASE + "c", graph("c", "Zwei"))])
    assert catalog.generation == 1  # within the interval: not yet
    deadline = time.monotonic() + 30
    while catalog.generation < 2:
        assert time.monotonic() < deadline, "the deferred rewrite never ran"
        time.sleep(0.05)
    time.sleep(3.5)
    assert catalog.generation == 2 and files_with(tmp_path, b"xyz") == []
    catalog.close()


def test_a_write_during_the_rewrite_is_not_lost(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy is made without holding the writer; a commit that lands meanwhile is in the new store."""
    from kb.ontology.personal_data import personal_triples
    from kb.store import generations

    catalog = OxigraphCatalog(tmp_path / "store", sealer=seal, node_iri=NODE, personal=personal_triples)
    copy = generations.write_generation
    calls: list[int] = []

    def copy_while_someone_writes(source, path):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            catalog.commit_local([Draft(BASE + "late", graph("late", "Während des Umschreibens"))])
        return copy(source, path)

    monkeypatch.setattr(generations, "write_generation", copy_while_someone_writes)
    catalog.commit_local([Draft(BASE + "a", with_contact("a", "Eins", "Erika Mustermann"))])
    catalog.commit_local([Draft(BASE + "a", graph("a", "Zwei"))])
    assert len(calls) == 2 and catalog.generation == 1  # copied again, under the writer
    assert catalog.get(BASE + "late") is not None and catalog.last_seq == 3 and catalog.check_integrity() == []
    assert files_with(tmp_path, b"Mustermann") == []
    catalog.close()
