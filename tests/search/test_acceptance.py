"""Acceptance on the seed data: the real examples first, and hybrid above both single methods."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.search.evaluation import evaluate, load_queries
from tests.conftest import LiveNode
from tests.search.conftest import JOINT_REGISTRY_OFFICES, search_of

pytestmark = pytest.mark.slow

DEV_SET = Path(__file__).resolve().parents[2] / "bench" / "search_queries.json"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("gemeinsames Standesamt", JOINT_REGISTRY_OFFICES, id="standesamt"),
        pytest.param("Tierseuchen und Lebensmittelkontrolle gemeinsam", {"Bergisches Veterinär- und Lebensmittelüberwachungsamt (BVLA)"},
                     id="veterinaeramt"),
    ],
)
def test_real_examples_come_first(seeded: LiveNode, query: str, expected: set[str]) -> None:
    first = search_of(seeded.node).search(query, limit=3).results[0]
    assert first.title in expected and not first.doc.illustrative


def test_hybrid_beats_lexical_and_dense_on_the_dev_set(seeded: LiveNode) -> None:
    service = search_of(seeded.node)
    titles = {d.iri: d.title for d in service.indexer.view.docs.values()}

    def rank(query: str, method: str) -> list[str]:
        return [h.id for h in service.search(query, limit=10, method=method, with_facets=False).results]

    report = evaluate(load_queries(DEV_SET, "dev"), rank, titles)
    assert not report.unknown
    ndcg = {m: v["ndcg"] for m, v in report.methods.items()}
    assert ndcg["hybrid"] > ndcg["lexical"] and ndcg["hybrid"] > ndcg["dense"], report.table()
