"""Acceptance on the seed data: the real examples first, and hybrid above both single methods."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.search.evaluation import evaluate, load_queries
from tests.conftest import LiveNode
from tests.search.conftest import search_of

pytestmark = pytest.mark.slow

DEV_SET = Path(__file__).resolve().parents[2] / "bench" / "search_queries.json"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("gemeinsames Standesamt", "Standesamtverbund Hellweg", id="standesamt"),
        pytest.param("Tierseuchen und Lebensmittelkontrolle gemeinsam", "Bergisches Veterinär- und Lebensmittelüberwachungsamt (BVLA)",
                     id="veterinaeramt"),
    ],
)
def test_real_examples_come_first(seeded: LiveNode, query: str, expected: str) -> None:
    assert search_of(seeded.node).search(query, limit=3).results[0].title == expected


def test_hybrid_beats_lexical_and_dense_on_the_dev_set(seeded: LiveNode) -> None:
    service = search_of(seeded.node)
    titles = {d.iri: d.title for d in service.indexer.view.docs.values()}

    def rank(query: str, method: str) -> list[str]:
        return [h.id for h in service.search(query, limit=10, method=method, with_facets=False).results]

    report = evaluate(load_queries(DEV_SET, "dev"), rank, titles)
    assert not report.unknown
    ndcg = {m: v["ndcg"] for m, v in report.methods.items()}
    assert ndcg["hybrid"] > ndcg["lexical"] and ndcg["hybrid"] > ndcg["dense"], report.table()
